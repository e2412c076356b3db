//! The reader's notes and bookmarks: which sentence of the article, bookmarked or not, and
//! what the student wrote about it. Saved on the device and exported to a file in one
//! versioned JSON format, so an export imports back with nothing lost, and a damaged or
//! foreign file is refused with its reasons while what was saved stays as it was.
//!
//! Format 2 adds the study progress (staged reveal, questions, flashcards) to the file, so
//! one export keeps everything the student did. A format 1 file (notes only, written
//! before study progress existed) still imports: it is read as format 2 without progress.

use serde::{Deserialize, Serialize};

use crate::article::sentences;
use crate::model::CasePack;
use crate::provenance::{normalize_whitespace, quote_anchor};
use crate::study::progress::Progress;

/// The version of the notes format this build writes and reads.
pub const NOTES_FORMAT: u32 = 2;
/// The oldest notes format still read (and migrated on import).
pub const OLDEST_NOTES_FORMAT: u32 = 1;
/// What a notes file says it is.
pub const NOTES_KIND: &str = "casebook-notes";
/// The longest note kept (characters); longer text is refused, not cut.
pub const MAX_NOTE_CHARS: usize = 10_000;
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

    /// Bookmarks a sentence, or removes its bookmark.
    pub fn toggle_bookmark(&mut self, sentence: &str) {
        let entry = self.entry(sentence);
        entry.bookmarked = !entry.bookmarked;
        self.prune();
    }

    /// Sets a sentence's note (empty removes it). Refuses a note over
    /// [`MAX_NOTE_CHARS`].
    pub fn set_note(&mut self, sentence: &str, note: &str) -> Result<(), String> {
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(format!(
                "A note can hold at most {MAX_NOTE_CHARS} characters."
            ));
        }
        self.entry(sentence).note = note.trim_end().to_owned();
        self.prune();
        Ok(())
    }

    /// Forgets a sentence's bookmark and note.
    pub fn remove(&mut self, sentence: &str) {
        let sentence = normalize_whitespace(sentence);
        self.annotations.retain(|a| a.sentence != sentence);
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
        pack: pack.meta.id.clone(),
        annotations: notes.annotations.clone(),
        study: study.cloned(),
    };
    serde_json::to_string_pretty(&file).expect("notes serialise to JSON")
}

/// Reads an export file (format 1 or 2) for `pack`: the notes and the study progress if
/// the file has any. Every problem is reported, in words; on any problem nothing is
/// returned.
pub fn read_backup(text: &str, pack: &CasePack) -> Result<(Notes, Option<Progress>), Vec<String>> {
    let file: NotesFile = serde_json::from_str(text).map_err(|error| {
        vec![format!(
            "This is not a Casebook notes file (line {}, column {}: {error}).",
            error.line(),
            error.column()
        )]
    })?;
    let mut problems = Vec::new();
    if file.kind != NOTES_KIND {
        problems.push(format!(
            "The file says it is \"{}\", not \"{NOTES_KIND}\".",
            file.kind
        ));
    }
    if !(OLDEST_NOTES_FORMAT..=NOTES_FORMAT).contains(&file.format) {
        problems.push(format!(
            "The file is in notes format {}; this version reads formats {OLDEST_NOTES_FORMAT} to {NOTES_FORMAT}.",
            file.format
        ));
    } else if file.format < 2 && file.study.is_some() {
        problems.push("A format 1 file cannot hold study progress.".to_owned());
    }
    if let Some(study) = &file.study {
        problems.extend(study.problems(pack));
    }
    if file.pack != pack.meta.id {
        problems.push(format!(
            "The notes are for the case \"{}\", not for \"{}\".",
            file.pack, pack.meta.id
        ));
    }
    if file.annotations.len() > MAX_ANNOTATIONS {
        problems.push(format!(
            "The file holds {} annotations; at most {MAX_ANNOTATIONS} are read.",
            file.annotations.len()
        ));
    }
    let known: Vec<String> = sentences(&pack.article.plain_text());
    for (index, annotation) in file.annotations.iter().enumerate() {
        let sentence = normalize_whitespace(&annotation.sentence);
        if !known.contains(&sentence) {
            problems.push(format!(
                "Annotation {}: its sentence is not in this article.",
                index + 1
            ));
        }
        if annotation.note.chars().count() > MAX_NOTE_CHARS {
            problems.push(format!(
                "Annotation {}: the note is longer than {MAX_NOTE_CHARS} characters.",
                index + 1
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut notes = Notes::default();
    for annotation in file.annotations {
        notes.merge_one(annotation);
    }
    Ok((notes, file.study))
}

impl Notes {
    /// Adds one annotation: a bookmark from either side is kept; notes that differ are
    /// both kept, the imported one after the existing one.
    fn merge_one(&mut self, incoming: Annotation) {
        let entry = self.entry(&incoming.sentence);
        entry.bookmarked |= incoming.bookmarked;
        let note = incoming.note.trim_end();
        if !note.is_empty() && !entry.note.contains(note) {
            if entry.note.is_empty() {
                entry.note = note.to_owned();
            } else {
                entry.note = format!("{}\n\n{note}", entry.note);
            }
        }
        self.prune();
    }

    /// Merges imported notes into these, losing nothing on either side; returns how many
    /// sentences were new.
    pub fn merge(&mut self, imported: Notes) -> usize {
        let before = self.annotations.len();
        for annotation in imported.annotations {
            self.merge_one(annotation);
        }
        self.annotations.len() - before
    }
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
