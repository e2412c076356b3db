//! The article: its plain text (what provenance quotes are checked against), its
//! sections, its sentences and the sentences that cite each reference.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

/// The info string of a fenced block that holds a figure caption (there are no images).
pub const FIGURE_FENCE: &str = "figure";

/// A top-level section of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading text.
    pub title: String,
    /// A stable anchor derived from the title (`case-presentation`).
    pub anchor: String,
}

/// One step of the article's Markdown, as the views read it: the parser's events reduced
/// to what Casebook draws (tables as tables; no images, and no HTML rendering).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Piece {
    /// A heading of this level (1–6) starts.
    HeadingStart(u8),
    /// A heading of this level ends.
    HeadingEnd(u8),
    /// A fenced or indented block starts; `figure` when it is a figure caption.
    CodeBlockStart {
        /// True for a ```` ```figure ```` block.
        figure: bool,
    },
    /// A code block ends.
    CodeBlockEnd,
    /// Bold starts.
    StrongStart,
    /// Bold ends.
    StrongEnd,
    /// Italic starts.
    EmphasisStart,
    /// Italic ends.
    EmphasisEnd,
    /// A link starts, with its target as written (checked where it is drawn).
    LinkStart(String),
    /// A link ends.
    LinkEnd,
    /// A paragraph or list item ends.
    ParagraphEnd,
    /// A block quote ends.
    QuoteEnd,
    /// Text or inline code, as written.
    Text(String),
    /// A soft or hard line break.
    Break,
    /// Raw HTML: kept as the text it is, never parsed as HTML and never run.
    Html(String),
    /// A block of raw HTML ends.
    HtmlBlockEnd,
    /// A table starts.
    TableStart,
    /// Its header row starts.
    TableHeadStart,
    /// Its header row ends.
    TableHeadEnd,
    /// A body row starts.
    TableRowStart,
    /// A body row ends.
    TableRowEnd,
    /// A cell starts.
    TableCellStart,
    /// A cell ends.
    TableCellEnd,
    /// The table ends.
    TableEnd,
}

/// A pack's article: its Markdown parsed once, when the pack is read (natively by the
/// build, or in the importer worker), into [`Piece`]s that travel in the pack's binary
/// encoding. Everything that reads the article reads the pieces, so the page's wasm holds
/// no Markdown parser and never parses the article again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pieces: Vec<Piece>,
}

impl Article {
    /// Parses Markdown (CommonMark, with pulldown-cmark's table extension: an article's
    /// tables stay tables, quotable and searchable cell by cell).
    pub fn from_markdown(markdown: &str) -> Article {
        let pieces = Parser::new_ext(markdown, Options::ENABLE_TABLES)
            .filter_map(|event| {
                Some(match event {
                    Event::Start(Tag::Heading { level, .. }) => {
                        Piece::HeadingStart(heading_level(level))
                    }
                    Event::End(TagEnd::Heading(level)) => Piece::HeadingEnd(heading_level(level)),
                    Event::Start(Tag::CodeBlock(kind)) => Piece::CodeBlockStart {
                        figure: matches!(kind, CodeBlockKind::Fenced(ref info) if info.as_ref() == FIGURE_FENCE),
                    },
                    Event::End(TagEnd::CodeBlock) => Piece::CodeBlockEnd,
                    Event::Start(Tag::Strong) => Piece::StrongStart,
                    Event::End(TagEnd::Strong) => Piece::StrongEnd,
                    Event::Start(Tag::Emphasis) => Piece::EmphasisStart,
                    Event::End(TagEnd::Emphasis) => Piece::EmphasisEnd,
                    Event::Start(Tag::Link { dest_url, .. }) => Piece::LinkStart(dest_url.to_string()),
                    Event::End(TagEnd::Link) => Piece::LinkEnd,
                    Event::End(TagEnd::Paragraph | TagEnd::Item) => Piece::ParagraphEnd,
                    Event::End(TagEnd::BlockQuote(_)) => Piece::QuoteEnd,
                    Event::Text(text) | Event::Code(text) => Piece::Text(text.to_string()),
                    Event::SoftBreak | Event::HardBreak => Piece::Break,
                    Event::Html(html) | Event::InlineHtml(html) => Piece::Html(html.to_string()),
                    Event::End(TagEnd::HtmlBlock) => Piece::HtmlBlockEnd,
                    Event::Start(Tag::Table(_)) => Piece::TableStart,
                    Event::End(TagEnd::Table) => Piece::TableEnd,
                    Event::Start(Tag::TableHead) => Piece::TableHeadStart,
                    Event::End(TagEnd::TableHead) => Piece::TableHeadEnd,
                    Event::Start(Tag::TableRow) => Piece::TableRowStart,
                    Event::End(TagEnd::TableRow) => Piece::TableRowEnd,
                    Event::Start(Tag::TableCell) => Piece::TableCellStart,
                    Event::End(TagEnd::TableCell) => Piece::TableCellEnd,
                    _ => return None,
                })
            })
            .collect();
        Article { pieces }
    }

    /// The pieces, in order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The article's text without Markdown syntax: blocks separated by blank lines, soft
    /// line breaks as spaces. Figure captions are kept as blocks of their own, and so is
    /// each table cell (a quote from a table quotes a cell).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Break => out.push(' '),
                Piece::ParagraphEnd
                | Piece::HeadingEnd(_)
                | Piece::CodeBlockEnd
                | Piece::TableCellEnd => out.push_str("\n\n"),
                // Raw HTML is never part of the article's text (and never rendered as HTML).
                _ => {}
            }
        }
        out
    }

    /// The article's level-1 headings, in order, with anchors.
    pub fn sections(&self) -> Vec<Section> {
        let mut sections = Vec::new();
        let mut current: Option<String> = None;
        for piece in &self.pieces {
            match piece {
                Piece::HeadingStart(1) => current = Some(String::new()),
                Piece::Text(text) => {
                    if let Some(title) = current.as_mut() {
                        title.push_str(text);
                    }
                }
                Piece::HeadingEnd(1) => {
                    if let Some(title) = current.take() {
                        let anchor = slug(&title);
                        sections.push(Section { title, anchor });
                    }
                }
                _ => {}
            }
        }
        sections
    }

    /// Figure captions (the text of ```` ```figure ```` blocks), in order.
    pub fn figure_captions(&self) -> Vec<String> {
        let mut captions = Vec::new();
        let mut inside = false;
        for piece in &self.pieces {
            match piece {
                Piece::CodeBlockStart { figure: true } => {
                    inside = true;
                    captions.push(String::new());
                }
                Piece::Text(text) if inside => {
                    if let Some(caption) = captions.last_mut() {
                        caption.push_str(text.trim());
                    }
                }
                Piece::CodeBlockEnd => inside = false,
                _ => {}
            }
        }
        captions
    }

    /// For every reference number cited in the article, the sentences that cite it, found
    /// with one pass over the text (the reader shows them for all references at once).
    pub fn citing_sentences_by_number(&self) -> std::collections::BTreeMap<u32, Vec<String>> {
        let mut index: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
        for sentence in sentences(&self.plain_text()) {
            let mut numbers = cited_numbers(&sentence);
            numbers.dedup();
            for number in numbers {
                index.entry(number).or_default().push(sentence.clone());
            }
        }
        index
    }

    /// The sentences of the article that cite reference `number`.
    pub fn citing_sentences(&self, number: u32) -> Vec<String> {
        self.citing_sentences_by_number()
            .remove(&number)
            .unwrap_or_default()
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A lowercase, hyphenated anchor for a heading.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_lowercase());
    }
    slug
}

/// Splits plain text into sentences. Hand-written because the article's abbreviations
/// ("Fig. 1", "ref. 11,0") and decimal commas defeat a generic splitter, and no small,
/// dependency-free crate does this for medical prose.
pub fn sentences(plain: &str) -> Vec<String> {
    const NOT_ENDINGS: [&str; 4] = ["Fig.", "ref.", "e.g.", "i.e."];
    let mut sentences = Vec::new();
    for block in plain.split("\n\n") {
        let words: Vec<&str> = block.split_whitespace().collect();
        let mut current: Vec<&str> = Vec::new();
        for (index, word) in words.iter().enumerate() {
            current.push(word);
            let ends = (word.ends_with('.') || word.ends_with('?') || word.ends_with('!'))
                && !NOT_ENDINGS
                    .iter()
                    .any(|abbreviation| word.ends_with(abbreviation));
            let next_starts_sentence = words
                .get(index + 1)
                .map(|next| {
                    next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '(')
                })
                .unwrap_or(true);
            if ends && next_starts_sentence {
                sentences.push(current.join(" "));
                current.clear();
            }
        }
        if !current.is_empty() {
            sentences.push(current.join(" "));
        }
    }
    sentences
}

/// The longest citation marker read (`[[3], [4], [5]]` is 15 bytes): a bound that keeps
/// reading a paragraph of brackets linear in its length.
const MAX_CITATION_BYTES: usize = 120;

/// The widest range a citation marker may span (`[3–5]` is three references).
const MAX_CITATION_RANGE: u32 = 50;

/// Every citation marker in `text`, with its byte range and the numbers it cites, in
/// order: `[3]`, lists `[9, 10]`, ranges `[3–5]` and `[3-5]`, and bracketed lists of
/// markers `[[3], [4], [5]]`. Hand-written because these few forms are the whole grammar,
/// and no citation-parsing crate knows a case report's bracket styles.
pub fn citation_spans(text: &str) -> Vec<(usize, usize, Vec<u32>)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] != b'[' {
            index += 1;
            continue;
        }
        match citation_at(text, index) {
            Some((end, numbers)) => {
                spans.push((index, end, numbers));
                index = end;
            }
            None => index += 1,
        }
    }
    spans
}

/// The citation marker starting at byte `start` (a `[`): where it ends and what it cites.
fn citation_at(text: &str, start: usize) -> Option<(usize, Vec<u32>)> {
    let mut depth = 0usize;
    let mut end = None;
    for (offset, c) in text[start..].char_indices() {
        if offset > MAX_CITATION_BYTES {
            return None;
        }
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(start + offset + 1);
                    break;
                }
            }
            '0'..='9' | ',' | ' ' | '-' | '\u{2013}' => {}
            _ => return None,
        }
    }
    let end = end?;
    let mut numbers = Vec::new();
    for part in text[start..end].split([',', '[', ']']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        match part.split_once(['-', '\u{2013}']) {
            Some((from, to)) => {
                let (from, to): (u32, u32) = (from.trim().parse().ok()?, to.trim().parse().ok()?);
                if to < from || to - from > MAX_CITATION_RANGE {
                    return None;
                }
                numbers.extend(from..=to);
            }
            None => numbers.push(part.parse().ok()?),
        }
    }
    (!numbers.is_empty()).then_some((end, numbers))
}

/// The reference numbers a sentence cites: `[3]`, `[9, 10]`, `[4, 11]`, `[3–5]`,
/// `[[3], [4], [5]]`.
pub fn cited_numbers(sentence: &str) -> Vec<u32> {
    citation_spans(sentence)
        .into_iter()
        .flat_map(|(_, _, numbers)| numbers)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_citations() {
        assert_eq!(cited_numbers("as shown [9, 10] and [3]."), vec![9, 10, 3]);
        assert_eq!(cited_numbers("no citation [a] here"), Vec::<u32>::new());
        assert_eq!(cited_numbers("lists [[3], [4], [5]]."), vec![3, 4, 5]);
        assert_eq!(
            cited_numbers("ranges [3\u{2013}5] and [7-8]"),
            vec![3, 4, 5, 7, 8]
        );
        assert_eq!(cited_numbers("[3, 4]"), vec![3, 4]);
        assert_eq!(
            cited_numbers("not [5-2] nor [1-999] nor [] nor [,]"),
            Vec::<u32>::new()
        );
        // A paragraph of brackets is read in linear time, and cites nothing.
        assert!(cited_numbers(&"[[[[".repeat(50_000)).is_empty());
        assert_eq!(
            citation_spans("a [9, 10] b [3]."),
            vec![(2, 9, vec![9, 10]), (12, 15, vec![3])]
        );
    }

    #[test]
    fn splits_sentences_around_abbreviations() {
        let text = "It was normal (Fig. 1). Lactate 1,3 mmol/l (ref.0,4-0,8). Done.";
        assert_eq!(sentences(text).len(), 3);
    }

    #[test]
    fn slugs_headings() {
        assert_eq!(
            slug("Discussion and conclusions"),
            "discussion-and-conclusions"
        );
    }
}
