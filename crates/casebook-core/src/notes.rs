//! The reader's notes and bookmarks: which sentence of the article, bookmarked or not, and
//! what the student wrote about it. Saved on the device and exported to a file in one
//! versioned JSON format, so an export imports back with nothing lost, and a damaged or
//! foreign file is refused with its reasons while what was saved stays as it was.
//!
//! Format 2 adds the study progress (staged reveal, questions, flashcards) to the file, so
//! one export keeps everything the student did. A format 1 file (notes only, written
//! before study progress existed) still imports: it is read as format 2 without progress.
//!
//! A note is never dropped because its sentence is gone: when a pack is edited (or a file
//! from an older version of it is imported), notes whose sentence the article no longer
//! has are kept as *detached* notes, listed apart, exported with the rest, and re-attached
//! to a sentence of the user's choice ([`Notes::reattach`], with [`closest_sentences`] as
//! suggestions). Every change is checked against the limits before it is made, so a merge
//! can never produce notes the next read would refuse.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::article::sentences;
use crate::model::CasePack;
use crate::provenance::{normalize_whitespace, quote_anchor};
use crate::saved::{cap_problems, shorten_quoted, Read, Saved};
use crate::study::progress::Progress;

/// The version of the notes format this build writes and reads.
pub const NOTES_FORMAT: u32 = 2;
/// The oldest notes format still read (and migrated on import).
pub const OLDEST_NOTES_FORMAT: u32 = 1;
/// What a notes file says it is.
pub const NOTES_KIND: &str = "casebook-notes";
/// The longest note kept (characters); longer text is refused, not cut.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// The longest sentence a note may be on (characters): far above any sentence of an
/// article, so only a damaged or hostile file has one longer; it is refused, since it
/// would be drawn in full and fill the device's storage.
pub const MAX_SENTENCE_CHARS: usize = 5_000;
/// The most annotations a file may hold.
pub const MAX_ANNOTATIONS: usize = 5_000;

/// A sentence the student marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// The sentence, as the article has it.
    pub sentence: String,
    /// Bookmarked.
    #[serde(default)]
    pub bookmarked: bool,
    /// The student's note (may be empty).
    #[serde(default)]
    pub note: String,
}

impl Annotation {
    /// The reader anchor of the sentence (`q-…`), to link to it.
    pub fn anchor(&self) -> String {
        quote_anchor(&self.sentence)
    }
}

/// Everything saved for one pack, in file order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Notes {
    annotations: Vec<Annotation>,
}

/// The file written on export and kept in storage.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NotesFile {
    kind: String,
    format: u32,
    pack: String,
    annotations: Vec<Annotation>,
    /// Study progress (format 2 on; absent in format 1 and in the notes kept in storage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    study: Option<Progress>,
}

/// How saving an edited note went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// The note is now the edited text.
    Saved,
    /// The note had been changed elsewhere (another tab) since the editor opened: both
    /// texts are kept, the other one first.
    KeptBoth,
}

/// The sentences of a pack's article, for telling attached notes from detached ones.
pub struct ArticleSentences(HashSet<String>);

impl ArticleSentences {
    /// The sentences of `pack`'s article.
    pub fn of(pack: &CasePack) -> Self {
        Self(sentences(&pack.article.plain_text()).into_iter().collect())
    }

    /// True when the article has this (whitespace-normalised) sentence.
    pub fn contains(&self, sentence: &str) -> bool {
        self.0.contains(sentence)
    }
}

fn too_long(sentence: &str, length: usize) -> String {
    format!(
        "The note on \u{201c}{}\u{201d} would be {length} characters long; a note can hold at most {MAX_NOTE_CHARS}.",
        shorten_quoted(sentence)
    )
}

fn too_many(count: usize) -> String {
    format!("That would make {count} annotations; at most {MAX_ANNOTATIONS} are kept.")
}

impl Notes {
    /// The annotations, in the order they were made.
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// True when nothing is saved.
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty()
    }

    /// The annotation of a sentence, if any.
    pub fn get(&self, sentence: &str) -> Option<&Annotation> {
        let sentence = normalize_whitespace(sentence);
        self.annotations.iter().find(|a| a.sentence == sentence)
    }

    /// The annotations whose sentence the article has, in order.
    pub fn attached<'a>(
        &'a self,
        article: &'a ArticleSentences,
    ) -> impl Iterator<Item = &'a Annotation> {
        self.annotations
            .iter()
            .filter(move |a| article.contains(&a.sentence))
    }

    /// The annotations whose sentence the article no longer has (an edited pack, or a file
    /// from another version of it): kept, listed apart, and re-attachable.
    pub fn detached<'a>(
        &'a self,
        article: &'a ArticleSentences,
    ) -> impl Iterator<Item = &'a Annotation> {
        self.annotations
            .iter()
            .filter(move |a| !article.contains(&a.sentence))
    }

    fn entry(&mut self, sentence: &str) -> &mut Annotation {
        let sentence = normalize_whitespace(sentence);
        match self.annotations.iter().position(|a| a.sentence == sentence) {
            Some(index) => &mut self.annotations[index],
            None => {
                self.annotations.push(Annotation {
                    sentence,
                    bookmarked: false,
                    note: String::new(),
                });
                self.annotations.last_mut().expect("just pushed")
            }
        }
    }

    /// Drops annotations left with neither bookmark nor note.
    fn prune(&mut self) {
        self.annotations
            .retain(|a| a.bookmarked || !a.note.trim().is_empty());
    }

    /// Refuses a change that would leave more annotations than the limit.
    fn check_count(&self) -> Result<(), String> {
        if self.annotations.len() > MAX_ANNOTATIONS {
            return Err(too_many(self.annotations.len()));
        }
        Ok(())
    }

    /// Bookmarks a sentence, or removes its bookmark.
    pub fn toggle_bookmark(&mut self, sentence: &str) {
        let on = !self.get(sentence).is_some_and(|a| a.bookmarked);
        let _ = self.set_bookmark(sentence, on);
    }

    /// Sets whether a sentence is bookmarked (an absolute state, so applying it to what
    /// another tab stored meanwhile does what the user saw and asked).
    pub fn set_bookmark(&mut self, sentence: &str, on: bool) -> Result<(), String> {
        let mut next = self.clone();
        next.entry(sentence).bookmarked = on;
        next.prune();
        next.check_count()?;
        *self = next;
        Ok(())
    }

    /// Sets a sentence's note (empty removes it). Refuses a note over
    /// [`MAX_NOTE_CHARS`].
    pub fn set_note(&mut self, sentence: &str, note: &str) -> Result<(), String> {
        let note = note.trim_end();
        let length = note.chars().count();
        if length > MAX_NOTE_CHARS {
            return Err(too_long(sentence, length));
        }
        let mut next = self.clone();
        next.entry(sentence).note = note.to_owned();
        next.prune();
        next.check_count()?;
        *self = next;
        Ok(())
    }

    /// Saves an edited note. `base` is the note as it was when the editor opened: if what
    /// is stored now differs from it (another tab changed the note meanwhile) and from the
    /// edit, both texts are kept rather than one written over the other.
    pub fn save_edit(&mut self, sentence: &str, base: &str, text: &str) -> Result<Edit, String> {
        let current = self
            .get(sentence)
            .map(|a| a.note.clone())
            .unwrap_or_default();
        let text = text.trim_end();
        if current == base.trim_end() || current == text || current.is_empty() {
            self.set_note(sentence, text)?;
            return Ok(Edit::Saved);
        }
        let both = if text.is_empty() || current.contains(text) {
            current
        } else {
            format!("{current}\n\n{text}")
        };
        self.set_note(sentence, &both)?;
        Ok(Edit::KeptBoth)
    }

    /// Forgets a sentence's bookmark and note.
    pub fn remove(&mut self, sentence: &str) {
        let sentence = normalize_whitespace(sentence);
        self.annotations.retain(|a| a.sentence != sentence);
    }

    /// Moves the bookmark and note of `from` (a detached sentence) onto `to`, merged with
    /// whatever `to` already has. Refused, with nothing changed, when the merged note would
    /// be too long.
    pub fn reattach(&mut self, from: &str, to: &str) -> Result<(), String> {
        let from = normalize_whitespace(from);
        let to = normalize_whitespace(to);
        if from == to {
            return Ok(());
        }
        let Some(moved) = self.get(&from).cloned() else {
            return Err("That note is no longer saved; nothing changed.".to_owned());
        };
        let mut next = self.clone();
        next.remove(&from);
        next.merge_one(Annotation {
            sentence: to,
            ..moved
        })?;
        *self = next;
        Ok(())
    }

    /// The notes as the JSON kept in storage (no study progress: that has its own key).
    pub fn to_json(&self, pack: &CasePack) -> String {
        backup_json(pack, self, None)
    }

    /// Reads notes for `pack` (from storage or a file), ignoring any study progress in it.
    /// Every problem is reported, in words; on any problem nothing is returned, so the
    /// caller keeps what it had.
    pub fn from_json(text: &str, pack: &CasePack) -> Result<Notes, Vec<String>> {
        read_backup(text, pack).map(|(notes, _)| notes)
    }
}

/// The export file: notes and, when given, the study progress.
pub fn backup_json(pack: &CasePack, notes: &Notes, study: Option<&Progress>) -> String {
    let file = NotesFile {
        kind: NOTES_KIND.to_owned(),
        format: NOTES_FORMAT,
        pack: pack.meta.id.to_string(),
        annotations: notes.annotations.clone(),
        study: study.cloned(),
    };
    serde_json::to_string_pretty(&file).expect("notes serialise to JSON")
}

/// The notes as a document to read outside the app (Markdown): the case and its source
/// line, then each marked sentence of the paper, quoted, with its bookmark and the
/// student's note, in the order of the paper; notes whose sentence this version of the
/// case no longer has come last, with the sentence they were made on. Every piece of text
/// is escaped, so neither the paper's words nor a note can become Markdown markup.
pub fn to_markdown(pack: &CasePack, notes: &Notes) -> String {
    let article_sentences = sentences(&pack.article.plain_text());
    let mut out = format!("# Notes on {}\n\n", escape_markdown(pack.meta.heading()));
    if let Some(source) = pack.article_source() {
        out.push_str(&format!(
            "Case report: {}\n\n",
            escape_markdown(&crate::cite::vancouver(source))
        ));
    }
    out.push_str("From Casebook: for education, not for decisions about a patient.\n\n");
    let entry = |out: &mut String, annotation: &Annotation| {
        out.push_str(&format!("> {}\n\n", escape_markdown(&annotation.sentence)));
        if annotation.bookmarked {
            out.push_str("Bookmarked.\n\n");
        }
        if !annotation.note.trim().is_empty() {
            for paragraph in annotation.note.split("\n\n") {
                let lines: Vec<String> = paragraph.lines().map(escape_markdown).collect();
                out.push_str(&format!("{}\n\n", lines.join("  \n")));
            }
        }
    };
    let mut seen = HashSet::new();
    let attached: Vec<&Annotation> = article_sentences
        .iter()
        .filter(|sentence| seen.insert(sentence.as_str()))
        .filter_map(|sentence| notes.get(sentence))
        .collect();
    let known = ArticleSentences::of(pack);
    let detached: Vec<&Annotation> = notes.detached(&known).collect();
    if attached.is_empty() && detached.is_empty() {
        out.push_str("No notes or bookmarks yet.\n");
        return out;
    }
    out.push_str("## Marked sentences, in the order of the paper\n\n");
    for annotation in attached {
        entry(&mut out, annotation);
    }
    if !detached.is_empty() {
        out.push_str("## Notes on sentences this version of the case no longer has\n\n");
        for annotation in detached {
            entry(&mut out, annotation);
        }
    }
    out
}

/// Text with every character Markdown could read as markup escaped by a backslash, so it
/// reads as written in any Markdown viewer.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '('
                | ')'
                | '#'
                | '+'
                | '-'
                | '.'
                | '!'
                | '|'
                | '<'
                | '>'
                | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A notes file parsed, with what is wrong with it as a whole (not per annotation).
fn parse_file(text: &str, pack: &CasePack) -> Result<NotesFile, (Option<u32>, Vec<String>)> {
    let file: NotesFile = serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        (
            None,
            vec![format!(
                "This is not a Casebook notes file (line {}, column {}: {}).",
                error.line(),
                error.column(),
                shorten_quoted(&message)
            )],
        )
    })?;
    let mut problems = Vec::new();
    if file.kind != NOTES_KIND {
        problems.push(format!(
            "The file says it is \"{}\", not \"{NOTES_KIND}\".",
            shorten_quoted(&file.kind)
        ));
    }
    let newer = (file.format > NOTES_FORMAT).then_some(file.format);
    if !(OLDEST_NOTES_FORMAT..=NOTES_FORMAT).contains(&file.format) {
        problems.push(format!(
            "The file is in notes format {}; this version reads formats {OLDEST_NOTES_FORMAT} to {NOTES_FORMAT}.",
            file.format
        ));
    } else if file.format < 2 && file.study.is_some() {
        problems.push("A format 1 file cannot hold study progress.".to_owned());
    }
    if file.pack != pack.meta.id.as_str() {
        problems.push(format!(
            "The notes are for the case \"{}\", not for \"{}\".",
            shorten_quoted(&file.pack),
            pack.meta.id
        ));
    }
    if problems.is_empty() {
        Ok(file)
    } else {
        Err((newer, cap_problems(problems)))
    }
}

/// Reads an export file (format 1 or 2) for `pack`: the notes and the study progress if
/// the file has any. Notes on sentences this version of the article does not have are
/// read as detached notes, not refused. Every problem is reported, in words; on any
/// problem nothing is returned.
pub fn read_backup(text: &str, pack: &CasePack) -> Result<(Notes, Option<Progress>), Vec<String>> {
    let file = parse_file(text, pack).map_err(|(_, problems)| problems)?;
    let mut problems = Vec::new();
    if let Some(study) = &file.study {
        problems.extend(study.problems(pack));
    }
    if file.annotations.len() > MAX_ANNOTATIONS {
        problems.push(format!(
            "The file holds {} annotations; at most {MAX_ANNOTATIONS} are read.",
            file.annotations.len()
        ));
    }
    let mut notes = Notes::default();
    if problems.is_empty() {
        for (index, annotation) in file.annotations.into_iter().enumerate() {
            if let Err(reason) = notes.merge_one(annotation) {
                problems.push(format!("Annotation {}: {reason}", index + 1));
            }
        }
    }
    if !problems.is_empty() {
        return Err(cap_problems(problems));
    }
    Ok((notes, file.study))
}

impl Saved for Notes {
    type Context = CasePack;
    const NAME: &'static str = "notes";

    /// Reads the notes kept in storage, salvaging what can be read: an annotation over the
    /// limits is lost (and said), the others kept; a file from a newer version is left
    /// alone.
    fn read(text: &str, pack: &CasePack) -> Read<Notes> {
        let file = match parse_file(text, pack) {
            Ok(file) => file,
            Err((Some(format), _)) => return Read::Newer { format },
            Err((None, problems)) => return Read::Unreadable { problems },
        };
        let mut notes = Notes::default();
        let mut lost = Vec::new();
        for (index, annotation) in file.annotations.into_iter().enumerate() {
            if notes.annotations.len() >= MAX_ANNOTATIONS {
                lost.push(format!(
                    "Annotations after the first {MAX_ANNOTATIONS} could not be kept."
                ));
                break;
            }
            if let Err(reason) = notes.merge_one(annotation) {
                lost.push(format!("Annotation {}: {reason}", index + 1));
            }
        }
        if lost.is_empty() {
            Read::Whole(notes)
        } else {
            Read::Salvaged {
                value: notes,
                lost: cap_problems(lost),
            }
        }
    }

    fn write(&self, pack: &CasePack) -> String {
        self.to_json(pack)
    }
}

impl Notes {
    /// Adds one annotation: a bookmark from either side is kept; notes that differ are
    /// both kept, the incoming one after the existing one. Refused, with nothing changed,
    /// when the merged note would be too long or there would be too many annotations.
    fn merge_one(&mut self, incoming: Annotation) -> Result<(), String> {
        if incoming.sentence.trim().is_empty() {
            return Err("a note must be on a sentence, and this one is empty.".to_owned());
        }
        let sentence_length = incoming.sentence.chars().count();
        if sentence_length > MAX_SENTENCE_CHARS {
            return Err(format!(
                "its sentence is {sentence_length} characters long; a note's sentence can be at most {MAX_SENTENCE_CHARS}."
            ));
        }
        let existing = self.get(&incoming.sentence).cloned();
        let note = incoming.note.trim_end();
        let merged_note = match &existing {
            Some(existing) if !note.is_empty() && !existing.note.contains(note) => {
                if existing.note.is_empty() {
                    note.to_owned()
                } else {
                    format!("{}\n\n{note}", existing.note)
                }
            }
            Some(existing) => existing.note.clone(),
            None => note.to_owned(),
        };
        let length = merged_note.chars().count();
        if length > MAX_NOTE_CHARS {
            return Err(too_long(&incoming.sentence, length));
        }
        if existing.is_none() && self.annotations.len() >= MAX_ANNOTATIONS {
            return Err(too_many(self.annotations.len() + 1));
        }
        let entry = self.entry(&incoming.sentence);
        entry.bookmarked |= incoming.bookmarked;
        entry.note = merged_note;
        self.prune();
        Ok(())
    }

    /// Merges imported notes into these, losing nothing on either side; returns how many
    /// sentences were new. Checked as a whole first: if any merged note would be over the
    /// limit (or there would be too many annotations), nothing is merged and the reasons
    /// are returned.
    pub fn merge(&mut self, imported: Notes) -> Result<usize, Vec<String>> {
        let before = self.annotations.len();
        let mut next = self.clone();
        let mut problems = Vec::new();
        for annotation in imported.annotations {
            if let Err(reason) = next.merge_one(annotation) {
                problems.push(reason);
            }
        }
        if !problems.is_empty() {
            return Err(cap_problems(problems));
        }
        *self = next;
        Ok(self.annotations.len() - before)
    }
}

/// Up to `count` sentences of the article most like `sentence` (by shared words, most
/// alike first), as suggestions for re-attaching a detached note. Sentences sharing no
/// word are not suggested.
pub fn closest_sentences(pack: &CasePack, sentence: &str, count: usize) -> Vec<String> {
    fn words(text: &str) -> HashSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect()
    }
    let wanted = words(sentence);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize, String)> = sentences(&pack.article.plain_text())
        .into_iter()
        .enumerate()
        .filter_map(|(index, candidate)| {
            let shared = words(&candidate).intersection(&wanted).count();
            let all = words(&candidate).union(&wanted).count();
            // Jaccard similarity in thousandths, so ties sort by position in the article.
            (shared > 0).then(|| (1000 - shared * 1000 / all.max(1), index, candidate))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(count).map(|(_, _, s)| s).collect()
}

/// The sentence of `paragraph` (the text of one paragraph) in which character `offset`
/// falls: what a tap or selection in the reader marks.
pub fn sentence_at(paragraph: &str, offset: usize) -> Option<String> {
    let text = normalize_whitespace(paragraph);
    let mut start = 0;
    for sentence in sentences(&text) {
        let length = sentence.chars().count();
        // Sentences are separated by one space in normalised text.
        if offset < start + length + 1 {
            return Some(sentence);
        }
        start += length + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_under_an_offset_is_found() {
        let paragraph = "First one here. Second (Fig. 1) is next. Third.";
        assert_eq!(
            sentence_at(paragraph, 0).as_deref(),
            Some("First one here.")
        );
        assert_eq!(
            sentence_at(paragraph, 14).as_deref(),
            Some("First one here.")
        );
        assert_eq!(
            sentence_at(paragraph, 20).as_deref(),
            Some("Second (Fig. 1) is next.")
        );
        assert_eq!(sentence_at(paragraph, 45).as_deref(), Some("Third."));
        assert_eq!(sentence_at(paragraph, 99), None);
    }
}
