//! The reader's model of the article: blocks (headings, paragraphs, figures) whose text is
//! split into segments marked as citations, glossary terms, links and the highlighted
//! source sentence. The shell renders segments as elements with text, never as HTML, so
//! nothing in a pack's Markdown can run: raw HTML is shown as the text it is, and a link
//! keeps its target only when it is a web, mail or in-app address.
//!
//! Highlights come from provenance quotes: a link `/reader#q-…` names a quote by its
//! [`quote_anchor`], and the reader finds the quote in the text. Nothing is anchored by
//! hand.

use crate::article::{sentences, slug, Piece};
use crate::ids::TermId;
use crate::inventory::all_provenance;
use crate::model::CasePack;
use crate::provenance::{normalize_whitespace, quote_anchor};

/// A piece of a paragraph's text with everything that applies to it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Segment {
    /// The text, exactly as written.
    pub text: String,
    /// Bold.
    pub strong: bool,
    /// Italic.
    pub emphasis: bool,
    /// The reference numbers, when this segment is a citation marker like `[9, 10]`.
    pub citation: Vec<u32>,
    /// The glossary entry this segment names (its first mention in the section).
    pub term: Option<TermId>,
    /// A safe link target, when the Markdown made this text a link.
    pub link: Option<String>,
    /// Part of the highlighted source quote.
    pub highlight: bool,
    /// Part of a sentence the student bookmarked or wrote a note on.
    pub noted: bool,
}

/// One block of the article.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading {
        /// 1 for a section, 2 and more below it.
        level: u8,
        /// The heading's text.
        text: String,
        /// Its anchor (`case-presentation`).
        anchor: String,
    },
    /// A paragraph (or list item), split into segments.
    Paragraph {
        /// The segments, in order.
        segments: Vec<Segment>,
        /// Anchors of the source quotes found in this paragraph, so `/reader#q-…` lands
        /// here even before any script runs.
        anchors: Vec<String>,
    },
    /// A described figure (no image is drawn).
    Figure {
        /// Its number, counting the article's figures from 1.
        number: u32,
        /// The paper's caption.
        caption: String,
        /// Anchors of the source quotes found in the caption.
        anchors: Vec<String>,
    },
    /// A table: its header row and body rows, each cell split into segments like a
    /// paragraph (citations, terms and highlights work inside cells).
    Table {
        /// The header row's cells.
        head: Vec<Vec<Segment>>,
        /// The body rows' cells.
        rows: Vec<Vec<Vec<Segment>>>,
        /// Anchors of the source quotes found in any cell.
        anchors: Vec<String>,
    },
    /// Raw HTML from the Markdown, shown as text.
    RawText(String),
}

/// Only these link targets are kept: web pages, e-mail, and places in the app. Anything
/// else (`javascript:`, `data:`, `vbscript:`, `file:`, entity-encoded tricks) is dropped
/// and the link's text is shown as plain text.
pub fn safe_href(href: &str) -> Option<String> {
    // Browsers ignore control characters and whitespace inside a scheme
    // (`java\tscript:`), so compare with them removed.
    let compact: String = href
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    let lower = compact.to_ascii_lowercase();
    let allowed_scheme = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    // A relative link stays on this site: a path (`/x`) or a fragment (`#x`). Browsers
    // read a backslash as a slash, so `/\host` and `\/host` are links to another host
    // (as `//host` is); no path of this site needs a backslash, so any refuses the link.
    let relative = lower.starts_with('#')
        || (lower.starts_with('/') && !lower.starts_with("//") && !compact.contains('\\'));
    (allowed_scheme || relative).then_some(compact)
}

/// A run of text with its style, before annotation.
#[derive(Clone, Debug, Default)]
struct Run {
    text: String,
    strong: bool,
    emphasis: bool,
    link: Option<String>,
}

/// The anchor and normalised text of every quote taken from the article, and of every
/// sentence of it (search results link to sentences).
fn article_quotes(pack: &CasePack) -> Vec<(String, String)> {
    let mut quotes: Vec<(String, String)> = all_provenance(pack)
        .into_iter()
        .filter(|sourced| sourced.provenance.source == pack.meta.article_source)
        .map(|sourced| normalize_whitespace(&sourced.provenance.quote))
        .chain(sentences(&pack.article.plain_text()))
        .map(|quote| (quote_anchor(&quote), quote))
        .collect();
    quotes.sort();
    quotes.dedup();
    quotes
}

/// The quote or sentence that an anchor (`q-…`) names, if any quote of the pack or
/// sentence of its article has it.
pub fn quote_for_anchor(pack: &CasePack, anchor: &str) -> Option<String> {
    all_provenance(pack)
        .into_iter()
        .map(|sourced| normalize_whitespace(&sourced.provenance.quote))
        .chain(sentences(&pack.article.plain_text()))
        .find(|quote| quote_anchor(quote) == anchor)
}

/// Every name of every glossary entry (its term and aliases) with the entry's id,
/// longest names first, so "diffuse alveolar haemorrhage" wins over "alveolar
/// haemorrhage" where both match.
fn glossary_names(pack: &CasePack) -> Vec<(String, TermId)> {
    let mut terms: Vec<(String, TermId)> = pack
        .glossary
        .iter()
        .flat_map(|entry| {
            std::iter::once(entry.term.clone())
                .chain(entry.aliases.iter().cloned())
                .map(move |name| (name, entry.id.clone()))
        })
        .filter(|(name, _)| !name.trim().is_empty())
        .collect();
    terms.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
    terms
}

/// A piece of a text outside the paper (a timeline event, a comparison cell, a finding's
/// reason): plain words, or the words that name a glossary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextPiece {
    /// The words, exactly as written.
    pub text: String,
    /// The glossary entry they name, if any.
    pub term: Option<TermId>,
}

/// `text` cut at the first mention of each glossary entry (a whole word or words, in any
/// case), so every view opens the same definitions as the reader. Pieces joined give the
/// text back unchanged.
pub fn glossary_pieces(pack: &CasePack, text: &str) -> Vec<TextPiece> {
    let searchable = searchable(text);
    let mut marks: Vec<(usize, usize, TermId)> = Vec::new();
    for (name, id) in glossary_names(pack) {
        if marks.iter().any(|(_, _, marked)| *marked == id) {
            continue;
        }
        let free =
            |start: usize, end: usize| marks.iter().all(|(s, e, _)| end <= *s || start >= *e);
        if let Some((start, end)) = first_mention(text, &searchable, &name, free) {
            marks.push((start, end, id));
        }
    }
    marks.sort_by_key(|(start, _, _)| *start);
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end, id) in marks {
        if start > at {
            pieces.push(TextPiece {
                text: text[at..start].to_owned(),
                term: None,
            });
        }
        pieces.push(TextPiece {
            text: text[start..end].to_owned(),
            term: Some(id),
        });
        at = end;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push(TextPiece {
            text: text[at..].to_owned(),
            term: None,
        });
    }
    pieces
}

/// The article as blocks, with `highlight` (a quote, whitespace-normalised or not)
/// marked where it occurs.
pub fn blocks(pack: &CasePack, highlight: Option<&str>) -> Vec<Block> {
    blocks_with_notes(pack, highlight, &[])
}

/// Like [`blocks`], with the sentences in `noted` (the student's bookmarks and notes)
/// marked too.
pub fn blocks_with_notes(pack: &CasePack, highlight: Option<&str>, noted: &[String]) -> Vec<Block> {
    let quotes = article_quotes(pack);
    let highlight = highlight
        .map(normalize_whitespace)
        .filter(|quote| !quote.is_empty());
    let terms = glossary_names(pack);

    let mut out = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut style = Run::default();
    let mut heading: Option<(u8, String)> = None;
    let mut figure: Option<String> = None;
    let mut figures_seen = 0u32;
    // The table being read: its header cells, its rows, the row being read, the anchors.
    let mut table: Option<TableBuilder> = None;
    // Terms already marked in the current section: each is marked at its first mention
    // in a section, so a student meets the definition without every line being marked.
    let mut named: Vec<TermId> = Vec::new();
    let finish_paragraph = |runs: &mut Vec<Run>, out: &mut Vec<Block>, named: &mut Vec<TermId>| {
        if runs.iter().all(|run| run.text.trim().is_empty()) {
            runs.clear();
            return;
        }
        out.push(annotate(
            std::mem::take(runs),
            &terms,
            &quotes,
            highlight.as_deref(),
            noted,
            named,
        ));
    };
    for piece in pack.article.pieces() {
        match piece {
            Piece::HeadingStart(level) => {
                if *level == 1 {
                    named.clear();
                }
                heading = Some((*level, String::new()));
            }
            Piece::HeadingEnd(_) => {
                if let Some((level, text)) = heading.take() {
                    let anchor = slug(&text);
                    out.push(Block::Heading {
                        level,
                        text,
                        anchor,
                    });
                }
            }
            Piece::CodeBlockStart { figure: true } => figure = Some(String::new()),
            Piece::CodeBlockStart { figure: false } => figure = None,
            Piece::CodeBlockEnd => match figure.take() {
                Some(caption) => {
                    let caption = normalize_whitespace(&caption);
                    let anchors = quotes
                        .iter()
                        .filter(|(_, quote)| !quote.is_empty() && caption.contains(quote.as_str()))
                        .map(|(anchor, _)| anchor.clone())
                        .collect();
                    figures_seen += 1;
                    out.push(Block::Figure {
                        number: figures_seen,
                        caption,
                        anchors,
                    })
                }
                None => finish_paragraph(&mut runs, &mut out, &mut named),
            },
            Piece::StrongStart => style.strong = true,
            Piece::StrongEnd => style.strong = false,
            Piece::EmphasisStart => style.emphasis = true,
            Piece::EmphasisEnd => style.emphasis = false,
            Piece::LinkStart(target) => style.link = safe_href(target),
            Piece::LinkEnd => style.link = None,
            Piece::ParagraphEnd | Piece::QuoteEnd => {
                finish_paragraph(&mut runs, &mut out, &mut named)
            }
            Piece::Text(text) => {
                if let Some((_, heading_text)) = heading.as_mut() {
                    heading_text.push_str(text);
                } else if let Some(caption) = figure.as_mut() {
                    caption.push_str(text);
                } else {
                    runs.push(Run {
                        text: text.clone(),
                        ..style.clone()
                    });
                }
            }
            Piece::Break => runs.push(Run {
                text: " ".to_owned(),
                ..style.clone()
            }),
            // Raw HTML is shown as the text it is: never parsed, never run.
            Piece::Html(html) => {
                if let Some((_, heading_text)) = heading.as_mut() {
                    heading_text.push_str(html);
                } else if html.trim().is_empty() {
                } else {
                    runs.push(Run {
                        text: html.clone(),
                        ..style.clone()
                    });
                }
            }
            Piece::HtmlBlockEnd if !runs.is_empty() => {
                let text: String = runs.drain(..).map(|run| run.text).collect();
                out.push(Block::RawText(text));
            }
            Piece::HtmlBlockEnd => {}
            Piece::TableStart => table = Some(TableBuilder::default()),
            Piece::TableHeadStart | Piece::TableRowStart | Piece::TableCellStart => runs.clear(),
            Piece::TableCellEnd => {
                if let Some(table) = table.as_mut() {
                    let Block::Paragraph { segments, anchors } = annotate(
                        std::mem::take(&mut runs),
                        &terms,
                        &quotes,
                        highlight.as_deref(),
                        noted,
                        &mut named,
                    ) else {
                        unreachable!("annotate makes paragraphs")
                    };
                    table.anchors.extend(anchors);
                    table.row.push(segments);
                }
            }
            Piece::TableHeadEnd => {
                if let Some(table) = table.as_mut() {
                    table.head = std::mem::take(&mut table.row);
                }
            }
            Piece::TableRowEnd => {
                if let Some(table) = table.as_mut() {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            Piece::TableEnd => {
                if let Some(mut table) = table.take() {
                    table.anchors.sort();
                    table.anchors.dedup();
                    out.push(Block::Table {
                        head: table.head,
                        rows: table.rows,
                        anchors: table.anchors,
                    });
                }
            }
        }
    }
    finish_paragraph(&mut runs, &mut out, &mut named);
    out
}

/// A table while its pieces are read.
#[derive(Default)]
struct TableBuilder {
    head: Vec<Vec<Segment>>,
    rows: Vec<Vec<Vec<Segment>>>,
    row: Vec<Vec<Segment>>,
    anchors: Vec<String>,
}

/// What applies to one character range of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    Citation,
    Term(usize),
}

/// Splits a paragraph's runs into segments at every style, citation, term and highlight
/// boundary.
fn annotate(
    runs: Vec<Run>,
    terms: &[(String, TermId)],
    quotes: &[(String, String)],
    highlight: Option<&str>,
    noted: &[String],
    named: &mut Vec<TermId>,
) -> Block {
    // The paragraph's text with whitespace collapsed, and each run's byte range in it.
    let mut text = String::new();
    let mut run_ranges = Vec::with_capacity(runs.len());
    for run in &runs {
        let start = text.len();
        for c in run.text.chars() {
            if c.is_whitespace() {
                if !text.ends_with(' ') && !text.is_empty() {
                    text.push(' ');
                }
            } else {
                text.push(c);
            }
        }
        run_ranges.push((start, text.len()));
    }
    let trimmed_end = text.trim_end().len();
    text.truncate(trimmed_end);
    for range in &mut run_ranges {
        range.0 = range.0.min(trimmed_end);
        range.1 = range.1.min(trimmed_end);
    }

    // Marks over byte ranges: citations first, then first mentions of terms elsewhere.
    let mut marks: Vec<(usize, usize, Mark)> = crate::article::citation_spans(&text)
        .into_iter()
        .map(|(start, end, _)| (start, end, Mark::Citation))
        .collect();
    let searchable = searchable(&text);
    for (index, (name, id)) in terms.iter().enumerate() {
        if named.contains(id) {
            continue;
        }
        // The cheap test first (in `first_mention`): a term inside a longer word is
        // common, and the marks may be many (a paragraph of citations).
        let free = |start: usize, end: usize| free_of(&marks, start, end);
        if let Some((start, end)) = first_mention(&text, &searchable, name, free) {
            marks.push((start, end, Mark::Term(index)));
            named.push(id.clone());
        }
    }
    let highlight_range =
        highlight.and_then(|quote| text.find(quote).map(|start| (start, start + quote.len())));
    let anchors: Vec<String> = quotes
        .iter()
        .filter(|(_, quote)| !quote.is_empty() && text.contains(quote.as_str()))
        .map(|(anchor, _)| anchor.clone())
        .collect();

    // Every boundary, then one segment between each pair.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (start, end) in &run_ranges {
        cuts.extend([*start, *end]);
    }
    for (start, end, _) in &marks {
        cuts.extend([*start, *end]);
    }
    if let Some((start, end)) = highlight_range {
        cuts.extend([start, end]);
    }
    let noted_ranges: Vec<(usize, usize)> = noted
        .iter()
        .filter(|sentence| !sentence.is_empty())
        .filter_map(|sentence| {
            text.find(sentence.as_str())
                .map(|start| (start, start + sentence.len()))
        })
        .collect();
    for (start, end) in &noted_ranges {
        cuts.extend([*start, *end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    // One sweep over the cuts: runs, marks and noted ranges are each walked once, in
    // order, so a paragraph of any length (tens of thousands of runs or citations) costs
    // time in proportion to its size, never to its size squared.
    marks.sort_unstable_by_key(|(start, _, _)| *start);
    let mut noted_starts: Vec<usize> = noted_ranges.iter().map(|(s, _)| *s).collect();
    let mut noted_ends: Vec<usize> = noted_ranges.iter().map(|(_, e)| *e).collect();
    noted_starts.sort_unstable();
    noted_ends.sort_unstable();
    let (mut next_run, mut next_mark, mut started, mut ended) = (0, 0, 0, 0);
    let mut segments: Vec<Segment> = Vec::new();
    let mut previous_mark: Option<(usize, usize)> = None;
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        if start >= end {
            continue;
        }
        while next_run < run_ranges.len()
            && (run_ranges[next_run].1 <= start || run_ranges[next_run].0 >= run_ranges[next_run].1)
        {
            next_run += 1;
        }
        let run = run_ranges
            .get(next_run)
            .filter(|(s, e)| start >= *s && end <= *e)
            .map(|_| &runs[next_run]);
        while next_mark < marks.len() && marks[next_mark].1 <= start {
            next_mark += 1;
        }
        let mark = marks
            .get(next_mark)
            .filter(|(s, e, _)| start >= *s && end <= *e)
            .map(|(s, e, mark)| (*s, *e, *mark));
        while started < noted_starts.len() && noted_starts[started] <= start {
            started += 1;
        }
        while ended < noted_ends.len() && noted_ends[ended] <= start {
            ended += 1;
        }
        let mut segment = Segment {
            text: text[start..end].to_owned(),
            strong: run.is_some_and(|run| run.strong),
            emphasis: run.is_some_and(|run| run.emphasis),
            link: run.and_then(|run| run.link.clone()),
            highlight: highlight_range.is_some_and(|(s, e)| start >= s && end <= e),
            // Cuts fall on every range's ends, so a segment lies wholly inside a noted
            // sentence exactly when more of them started than ended before it.
            noted: started > ended,
            ..Segment::default()
        };
        match mark {
            Some((s, e, Mark::Citation)) => {
                segment.citation = crate::article::cited_numbers(&text[s..e]);
            }
            Some((_, _, Mark::Term(index))) => segment.term = Some(terms[index].1.clone()),
            None => {}
        }
        // Merge with the previous segment when nothing differs: plain text split only by
        // a run boundary, or pieces of one citation or term (the Markdown parser hands
        // "[1]" over in several runs, and it must stay one control).
        let this_mark = mark.map(|(s, e, _)| (s, e));
        match segments.last_mut() {
            Some(last)
                if last.strong == segment.strong
                    && last.emphasis == segment.emphasis
                    && last.link == segment.link
                    && last.highlight == segment.highlight
                    && last.noted == segment.noted
                    && previous_mark == this_mark =>
            {
                last.text.push_str(&segment.text);
            }
            _ => segments.push(segment),
        }
        previous_mark = this_mark;
    }
    Block::Paragraph { segments, anchors }
}

/// True when no mark overlaps `start..end`. The marks are few and unsorted while terms are
/// being placed, but a paragraph may hold thousands of citations: those come first and
/// sorted (see `citation_ranges`), so they are searched by halving, the terms after them
/// one by one.
fn free_of(marks: &[(usize, usize, Mark)], start: usize, end: usize) -> bool {
    let citations = marks.partition_point(|(_, _, mark)| *mark == Mark::Citation);
    let (sorted, rest) = marks.split_at(citations);
    let after = sorted.partition_point(|(_, e, _)| *e <= start);
    let clear_sorted = sorted.get(after).is_none_or(|(s, _, _)| end <= *s);
    clear_sorted && rest.iter().all(|(s, e, _)| end <= *s || start >= *e)
}

/// `text` lowercased, for finding names in it in any case, when lowercasing keeps every
/// byte offset (it can change byte lengths outside ASCII); otherwise the text itself.
fn searchable(text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.len() == text.len() {
        lower
    } else {
        text.to_owned()
    }
}

/// The byte range of the first mention of `name` in `text` (whole words, any case) where
/// `free` holds; `searchable` is [`searchable`] of `text`. The word-boundary test comes
/// first: it is cheap, and a name inside a longer word is common.
fn first_mention(
    text: &str,
    searchable: &str,
    name: &str,
    free: impl Fn(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    let needle = name.to_lowercase();
    if needle.len() != name.len() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = searchable[from..].find(&needle) {
        let start = from + found;
        let end = start + needle.len();
        if word_boundary(text, start, end) && free(start, end) {
            return Some((start, end));
        }
        from = start + needle.len().max(1);
        while from < searchable.len() && !searchable.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// True when `text[start..end]` is a whole word or phrase (not inside a longer word).
fn word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !is_word(before) && !is_word(after)
}

/// The sections of the article for the reader's navigation: (title, anchor).
pub fn section_nav(pack: &CasePack) -> Vec<(String, String)> {
    pack.article
        .sections()
        .into_iter()
        .map(|section| (section.title, section.anchor))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_links_survive() {
        assert_eq!(
            safe_href("https://doi.org/x"),
            Some("https://doi.org/x".into())
        );
        assert_eq!(safe_href("/timeline"), Some("/timeline".into()));
        assert_eq!(safe_href("#glossary"), Some("#glossary".into()));
        for hostile in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "//evil.example/x",
            "file:///etc/passwd",
            "\u{0}javascript:alert(1)",
            "/\\evil.example/path",
            "\\/evil.example/path",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/ /evil.example",
        ] {
            assert_eq!(safe_href(hostile), None, "{hostile:?}");
        }
    }
}
