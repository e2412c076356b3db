//! Full-text search over a pack: the article's sentences, the glossary, the overview's
//! lines, the timeline, the comparison rows with its statistics and caveats, the
//! differential's findings, diagnoses and work-up items, the study questions and the
//! sources, and (with [`Index::with_notes`]) the student's own notes. A result that states registry counts says so (`registry_counts`), so the view
//! shows it with their caveat.
//!
//! Words are folded before they are compared, so British and American spellings meet
//! (haemoptysis / hemoptysis, oedema / edema, haemorrhage / hemorrhage), and a query word
//! of four letters or more forgives one typing slip (two from eight letters), by
//! optimal-string-alignment distance (Damerau–Levenshtein where no part is edited twice) from
//! the `strsim` crate. The last word of a query also
//! matches as a prefix, so results follow the user as they type. Ranking is
//! deterministic: exact matches over prefixes over forgiven slips, then the kind of item,
//! then pack order.

use std::collections::{BTreeMap, BTreeSet};

use crate::article::sentences;
use crate::compare::registry_contrast;
use crate::model::{CasePack, RowGroup};
use crate::notes::Notes;
use crate::stats::REGISTRY_CAVEATS;
use crate::target::Target;

/// What kind of item a result is; results are grouped by it, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The student's own note or bookmark (kept on the device), first: what they wrote
    /// is what they most likely look for.
    Notes,
    /// A glossary entry.
    Glossary,
    /// The key message or a line of the case in five lines.
    Overview,
    /// A timeline event.
    Event,
    /// A finding, diagnosis or work-up item of the differential.
    Differential,
    /// A comparison row, its statistics or a caveat of its counts.
    Comparison,
    /// A study question.
    Study,
    /// A source the app rests on.
    Source,
    /// A sentence of the paper.
    Article,
}

impl Kind {
    /// The group's heading.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Glossary => "Glossary",
            Kind::Overview => "Overview",
            Kind::Event => "Timeline",
            Kind::Differential => "Differential",
            Kind::Comparison => "Comparison",
            Kind::Study => "Study questions",
            Kind::Source => "Sources",
            Kind::Article => "The paper",
            Kind::Notes => "Your notes",
        }
    }
}

/// One searchable item.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Its kind.
    pub kind: Kind,
    /// Its title as shown in the results.
    pub title: String,
    /// The text searched and shown (title excluded).
    pub text: String,
    /// Where it lives in the app.
    pub target: Target,
    /// Whether it states counts from a registry of spontaneous reports (shown with what
    /// such counts cannot say).
    pub registry_counts: bool,
}

/// An index over one pack's documents.
#[derive(Clone, Debug)]
pub struct Index {
    documents: Vec<Document>,
    /// Folded word → the documents holding it.
    postings: BTreeMap<String, BTreeSet<usize>>,
    /// Every folded word with its [`letters`] mask, in the postings' order, so a typo
    /// search can skip most words without computing an edit distance.
    vocabulary: Vec<(String, u32)>,
}

/// Which letters a word holds, one bit per letter (digits and other characters share
/// the remaining bits). Each edit adds or removes at most one letter, so the letters one
/// word has and the other lacks bound the edit distance from below; sharing bits only
/// makes that bound smaller, never wrong.
fn letters(word: &str) -> u32 {
    word.chars().fold(0, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32) % 5,
            _ => 31,
        };
        mask | (1 << bit)
    })
}

/// How a query word matched a word of the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// A forgiven slip.
    Fuzzy = 1,
    /// The beginning of the word (last query word only).
    Prefix = 2,
    /// The word itself (after folding).
    Exact = 3,
}

/// A result: the document and the words to highlight in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit<'a> {
    /// The document.
    pub document: &'a Document,
    /// Its score (higher first).
    pub score: u32,
    /// The folded index words it matched.
    matched: BTreeSet<String>,
}

impl Hit<'_> {
    /// `text` split into (piece, highlighted) at the matched words.
    pub fn highlight(&self, text: &str) -> Vec<(String, bool)> {
        highlight(text, &self.matched)
    }

    /// `text` cut to whole words around its first matched word, about `width` characters
    /// long with the match about a quarter of the way in (further when it stands near the end), "… " / " …" marking the cuts;
    /// then split like [`Hit::highlight`]. A result then shows its match even when it
    /// stands deep in a long paragraph (a clamped full paragraph would hide it), and the
    /// page lays out a few lines per result instead of whole paragraphs. A text no longer
    /// than `width`, or with no matched word, is cut from its start.
    pub fn snippet(&self, text: &str, width: usize) -> Vec<(String, bool)> {
        if text.chars().count() <= width {
            return self.highlight(text);
        }
        let spans: Vec<(usize, usize)> = words(text)
            .map(|(start, word)| (start, start + word.len()))
            .collect();
        let Some(last) = spans.len().checked_sub(1) else {
            return self.highlight(text);
        };
        let first_match = spans
            .iter()
            .position(|&(start, end)| self.matched.contains(&fold(&text[start..end])))
            .unwrap_or(0);
        let chars = |from: usize, to: usize| text[from..to].chars().count();
        // Back from the match by up to a quarter of the width, word by word.
        let mut first = first_match;
        while first > 0 && chars(spans[first - 1].0, spans[first_match].0) <= width / 4 {
            first -= 1;
        }
        // Then forward while the whole stays within the width.
        let mut end_word = first_match;
        while end_word < last && chars(spans[first].0, spans[end_word + 1].1) <= width {
            end_word += 1;
        }
        // A match near the end leaves room: spend it on what comes before.
        while first > 0 && chars(spans[first - 1].0, spans[end_word].1) <= width {
            first -= 1;
        }
        let from = if first == 0 { 0 } else { spans[first].0 };
        let to = if end_word == last {
            text.len()
        } else {
            spans[end_word].1
        };
        let mut pieces = Vec::new();
        if from > 0 {
            pieces.push(("… ".to_owned(), false));
        }
        pieces.extend(highlight(&text[from..to], &self.matched));
        if to < text.len() {
            pieces.push((" …".to_owned(), false));
        }
        pieces
    }
}

/// Splits a text into words: letters and digits, keeping inner hyphens' parts apart.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.char_indices()
        .filter(|(i, c)| {
            c.is_alphanumeric()
                && text[..*i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !p.is_alphanumeric())
        })
        .map(move |(start, _)| {
            let end = text[start..]
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(text.len(), |(i, _)| start + i);
            (start, &text[start..end])
        })
}

/// Folds a word for comparison: lower case, and British spellings brought to American
/// ones (ae → e and oe → e inside longer words; -isation, -ise, -our endings).
pub fn fold(word: &str) -> String {
    let mut folded = word.to_lowercase();
    if folded.chars().count() > 4 {
        folded = folded.replace("ae", "e").replace("oe", "e");
        for (british, american) in [("isation", "ization"), ("ised", "ized"), ("ise", "ize")] {
            if let Some(stem) = folded.strip_suffix(british) {
                folded = format!("{stem}{american}");
                break;
            }
        }
        if let Some(stem) = folded.strip_suffix("our") {
            folded = format!("{stem}or");
        }
    }
    folded
}

/// How many slips a query word of this length may contain.
fn slips_allowed(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

impl Index {
    /// Indexes every searchable item of a pack.
    pub fn new(pack: &CasePack) -> Index {
        Index::from_documents(Index::documents(pack))
    }

    /// Indexes a pack's items and the student's own notes on it (kept on the device):
    /// each note is found by its words and by the sentence it was made on, and leads to
    /// that sentence in the reader.
    pub fn with_notes(pack: &CasePack, notes: &Notes) -> Index {
        let mut documents = Index::documents(pack);
        for annotation in notes.annotations() {
            let title = if annotation.note.trim().is_empty() {
                "Your bookmark"
            } else {
                "Your note"
            };
            documents.push(Document {
                kind: Kind::Notes,
                title: title.to_owned(),
                text: format!(
                    "{} \u{2014} on: {}",
                    annotation.note.trim(),
                    annotation.sentence
                ),
                target: Target::Quote(annotation.sentence.clone()),
                registry_counts: false,
            });
        }
        Index::from_documents(documents)
    }

    /// Every searchable item of a pack, in the order results are tied in.
    fn documents(pack: &CasePack) -> Vec<Document> {
        let mut documents = Vec::new();
        for (title, line) in std::iter::once(("Key message", &pack.key_message)).chain(
            pack.summary
                .iter()
                .map(|line| ("The case in five lines", line)),
        ) {
            documents.push(Document {
                kind: Kind::Overview,
                title: title.to_owned(),
                text: line.text.clone(),
                target: Target::Overview,
                registry_counts: line.registry_counts,
            });
        }
        for entry in &pack.glossary {
            documents.push(Document {
                kind: Kind::Glossary,
                title: entry.term.clone(),
                text: format!("{} {}", entry.aliases.join(", "), entry.definition),
                target: Target::Term(entry.id.clone()),
                registry_counts: false,
            });
        }
        for event in &pack.events {
            documents.push(Document {
                kind: Kind::Event,
                title: event.label.clone(),
                text: event.detail.clone(),
                target: Target::Event(event.id.clone()),
                registry_counts: false,
            });
        }
        for diagnosis in &pack.diagnoses {
            documents.push(Document {
                kind: Kind::Differential,
                title: diagnosis.name.clone(),
                text: diagnosis.summary.clone(),
                target: Target::Diagnosis(diagnosis.id.clone()),
                registry_counts: false,
            });
        }
        for finding in &pack.findings {
            documents.push(Document {
                kind: Kind::Differential,
                title: finding.question.clone(),
                text: finding.why.clone(),
                target: Target::Finding(finding.id.clone()),
                registry_counts: false,
            });
        }
        // The checklist's reasoning, rule by rule (what the flashcards' reasoning cards
        // ask about): found by the words of its rationale, leading to its diagnosis.
        for rule in &pack.rules {
            let (Some(finding), Some(diagnosis)) = (
                pack.finding(rule.finding.as_str()),
                pack.diagnosis(rule.diagnosis.as_str()),
            ) else {
                continue;
            };
            documents.push(Document {
                kind: Kind::Differential,
                title: format!(
                    "{} {}: {} {}",
                    finding.question,
                    rule.answer.label(),
                    rule.effect.label(),
                    diagnosis.name
                ),
                text: rule.rationale.clone(),
                target: Target::Diagnosis(rule.diagnosis.clone()),
                registry_counts: false,
            });
        }
        for item in &pack.workup {
            documents.push(Document {
                kind: Kind::Differential,
                title: item.label.clone(),
                text: item.why.clone(),
                target: Target::Workup(item.kind),
                registry_counts: false,
            });
        }
        for row in &pack.comparison {
            let cells: Vec<&str> = crate::compare::Field::all(pack)
                .into_iter()
                .map(|field| field.cell(pack, row))
                .filter(|cell| !cell.is_not_reported())
                .map(|cell| cell.text.as_str())
                .collect();
            documents.push(Document {
                kind: Kind::Comparison,
                title: row.label.clone(),
                text: cells.join("; "),
                target: Target::ComparisonRow(row.id.clone()),
                registry_counts: row.group == RowGroup::Registry,
            });
        }
        // The registry contrast's statistics and what its counts cannot say, where the
        // pack has registry rows to contrast.
        if let Some((first, second, comparison)) = registry_contrast(pack) {
            documents.push(Document {
                kind: Kind::Comparison,
                title: "The contrast in numbers".to_owned(),
                text: comparison.plain_language(&first.label, &second.label, "died"),
                target: Target::Comparison,
                registry_counts: true,
            });
            for (term, text) in REGISTRY_CAVEATS {
                documents.push(Document {
                    kind: Kind::Comparison,
                    title: term.to_owned(),
                    text: text.to_owned(),
                    target: Target::Comparison,
                    registry_counts: false,
                });
            }
        }
        for question in &pack.questions {
            documents.push(Document {
                kind: Kind::Study,
                title: question.prompt.clone(),
                text: format!("{} {}", question.answer, question.explanation),
                target: Target::Study,
                registry_counts: false,
            });
        }
        for source in &pack.sources {
            documents.push(Document {
                kind: Kind::Source,
                title: source.title.clone(),
                text: [source.authors.as_deref(), source.container.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("; "),
                target: Target::Source(source.id.clone()),
                registry_counts: false,
            });
        }
        for sentence in sentences(&pack.article.plain_text()) {
            documents.push(Document {
                kind: Kind::Article,
                title: String::new(),
                target: Target::Quote(sentence.clone()),
                text: sentence,
                registry_counts: false,
            });
        }
        documents
    }

    /// The index over these documents.
    fn from_documents(documents: Vec<Document>) -> Index {
        let mut postings: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (index, document) in documents.iter().enumerate() {
            for (_, word) in words(&document.title).chain(words(&document.text)) {
                postings.entry(fold(word)).or_default().insert(index);
            }
        }
        let vocabulary = postings
            .keys()
            .map(|key| (key.clone(), letters(key)))
            .collect();
        Index {
            documents,
            postings,
            vocabulary,
        }
    }

    /// How many documents are indexed.
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// The index words a query word matches, with how.
    fn expand(&self, word: &str, last: bool) -> Vec<(&String, Match)> {
        let folded = fold(word);
        let allowed = slips_allowed(&folded);
        let mask = letters(&folded);
        self.vocabulary
            .iter()
            .filter_map(|(key, key_mask)| {
                if *key == folded {
                    Some((key, Match::Exact))
                } else if last && folded.chars().count() >= 2 && key.starts_with(&folded) {
                    Some((key, Match::Prefix))
                } else if allowed > 0
                    && key.len().abs_diff(folded.len()) <= allowed
                    && (mask & !key_mask).count_ones() as usize <= allowed
                    && (key_mask & !mask).count_ones() as usize <= allowed
                    && strsim::osa_distance(key, &folded) <= allowed
                {
                    Some((key, Match::Fuzzy))
                } else {
                    None
                }
            })
            .collect()
    }

    /// The documents holding every word of `query`, best first (see the module doc).
    /// An empty query finds nothing.
    pub fn search(&self, query: &str) -> Vec<Hit<'_>> {
        let query_words: Vec<&str> = words(query).map(|(_, word)| word).collect();
        if query_words.is_empty() {
            return Vec::new();
        }
        let mut scores: Option<BTreeMap<usize, (u32, BTreeSet<String>)>> = None;
        let count = query_words.len();
        for (position, word) in query_words.into_iter().enumerate() {
            let mut this_word: BTreeMap<usize, (u32, BTreeSet<String>)> = BTreeMap::new();
            for (key, how) in self.expand(word, position + 1 == count) {
                for &document in &self.postings[key] {
                    let entry = this_word.entry(document).or_default();
                    entry.0 = entry.0.max(how as u32);
                    entry.1.insert(key.clone());
                }
            }
            scores = Some(match scores {
                None => this_word,
                Some(previous) => previous
                    .into_iter()
                    .filter_map(|(document, (score, mut matched))| {
                        let (more, words) = this_word.get(&document)?;
                        matched.extend(words.iter().cloned());
                        Some((document, (score + more, matched)))
                    })
                    .collect(),
            });
        }
        let mut hits: Vec<Hit> = scores
            .unwrap_or_default()
            .into_iter()
            .map(|(document, (score, matched))| Hit {
                document: &self.documents[document],
                score,
                matched,
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(a.document.kind.cmp(&b.document.kind))
        });
        hits
    }
}

/// `text` split into pieces, each flagged when its word folds to one of `matched`.
fn highlight(text: &str, matched: &BTreeSet<String>) -> Vec<(String, bool)> {
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut last = 0;
    for (start, word) in words(text) {
        if matched.contains(&fold(word)) {
            if start > last {
                pieces.push((text[last..start].to_owned(), false));
            }
            pieces.push((word.to_owned(), true));
            last = start + word.len();
        }
    }
    if last < text.len() {
        pieces.push((text[last..].to_owned(), false));
    }
    pieces
}

/// Results grouped by kind, in [`Kind`] order, each group best first.
pub fn grouped<'a>(hits: &[Hit<'a>]) -> Vec<(Kind, Vec<Hit<'a>>)> {
    let mut groups: BTreeMap<Kind, Vec<Hit>> = BTreeMap::new();
    for hit in hits {
        groups
            .entry(hit.document.kind)
            .or_default()
            .push(hit.clone());
    }
    groups.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_and_american_spellings_fold_together() {
        for (british, american) in [
            ("haemoptysis", "hemoptysis"),
            ("Haemorrhage", "hemorrhage"),
            ("oedema", "edema"),
            ("anaemia", "anemia"),
            ("colour", "color"),
            ("organisation", "organization"),
        ] {
            assert_eq!(fold(british), fold(american), "{british}");
        }
        assert_eq!(fold("Does"), "does");
    }

    #[test]
    fn words_split_on_punctuation() {
        let found: Vec<&str> = words("CD-52, (BAL) 94%").map(|(_, w)| w).collect();
        assert_eq!(found, ["CD", "52", "BAL", "94"]);
    }

    proptest::proptest! {
        /// The letter masks only ever skip words an edit distance would reject: the
        /// letters one word has and the other lacks never exceed the OSA distance.
        #[test]
        fn the_letter_bound_never_exceeds_the_edit_distance(a in "[a-z0-9é]{0,12}", b in "[a-z0-9é]{0,12}") {
            let distance = strsim::osa_distance(&a, &b);
            let (ma, mb) = (letters(&a), letters(&b));
            proptest::prop_assert!((ma & !mb).count_ones() as usize <= distance);
            proptest::prop_assert!((mb & !ma).count_ones() as usize <= distance);
        }
    }
}
