//! The article: its plain text (what provenance quotes are checked against), its
//! sections, its sentences and the sentences that cite each reference.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

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

/// The article's text without Markdown syntax: blocks separated by blank lines, soft line
/// breaks as spaces. Figure captions are kept as blocks of their own.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item,
            ) => out.push_str("\n\n"),
            // Raw HTML is never part of the article's text (and never rendered as HTML).
            _ => {}
        }
    }
    out
}

/// The article's level-1 headings, in order, with anchors.
pub fn sections(markdown: &str) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => current = Some(String::new()),
            Event::Text(text) if current.is_some() => current.as_mut().unwrap().push_str(&text),
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
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
pub fn figure_captions(markdown: &str) -> Vec<String> {
    let mut captions = Vec::new();
    let mut inside = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.as_ref() == FIGURE_FENCE =>
            {
                inside = true;
                captions.push(String::new());
            }
            Event::Text(text) if inside => captions.last_mut().unwrap().push_str(text.trim()),
            Event::End(TagEnd::CodeBlock) => inside = false,
            _ => {}
        }
    }
    captions
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

/// The reference numbers a sentence cites: `[3]`, `[9, 10]`, `[4, 11]`.
pub fn cited_numbers(sentence: &str) -> Vec<u32> {
    let mut numbers = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let inside = &after[..close];
        let parsed: Option<Vec<u32>> = inside
            .split(',')
            .map(|part| part.trim().parse::<u32>().ok())
            .collect();
        if let Some(parsed) = parsed {
            numbers.extend(parsed);
        }
        rest = &after[close..];
    }
    numbers
}

/// For every reference number cited in the article, the sentences that cite it, found
/// with one pass over the text (the reader shows them for all references at once).
pub fn citing_sentences_by_number(markdown: &str) -> std::collections::BTreeMap<u32, Vec<String>> {
    let mut index: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    for sentence in sentences(&plain_text(markdown)) {
        let mut numbers = cited_numbers(&sentence);
        numbers.dedup();
        for number in numbers {
            index.entry(number).or_default().push(sentence.clone());
        }
    }
    index
}

/// The sentences of the article that cite reference `number`.
pub fn citing_sentences(markdown: &str, number: u32) -> Vec<String> {
    citing_sentences_by_number(markdown)
        .remove(&number)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_citations() {
        assert_eq!(cited_numbers("as shown [9, 10] and [3]."), vec![9, 10, 3]);
        assert_eq!(cited_numbers("no citation [a] here"), Vec::<u32>::new());
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
