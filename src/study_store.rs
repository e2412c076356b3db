//! Where the study progress lives on the device: one versioned JSON value per case, read
//! after hydration and written on every change. A value that cannot be read is kept
//! aside unchanged (`….unreadable`) and the student is told; it is never overwritten by
//! the next save. The format and its checks are the core's
//! (`casebook_core::study::progress`).

use casebook_core::notes::{backup_json, read_backup, Notes};
use casebook_core::study::progress::Progress;
use casebook_core::CasePack;

use crate::browser;
use crate::pack::LoadedPack;

/// The storage key of the study progress for `pack`.
pub fn key(pack: &CasePack) -> String {
    format!("casebook.v1.study.{}", pack.meta.id)
}

/// The storage key of the reader's notes for `pack` (the reader writes them).
pub fn notes_key(pack: &CasePack) -> String {
    format!("casebook.v1.notes.{}", pack.meta.id)
}

/// What was found in storage.
pub struct Loaded {
    /// The progress (empty when nothing was saved or it could not be read).
    pub progress: Progress,
    /// What to tell the student, when the saved value could not be read.
    pub notice: Option<String>,
    /// The unreadable value, offered for download.
    pub unreadable: Option<String>,
}

/// Reads the progress saved for `pack`.
pub fn load(pack: &CasePack) -> Loaded {
    let key = key(pack);
    match browser::load(&key) {
        None => Loaded {
            progress: Progress::default(),
            notice: None,
            unreadable: None,
        },
        Some(raw) => match Progress::from_json(&raw, pack) {
            Ok(progress) => Loaded {
                progress,
                notice: None,
                unreadable: None,
            },
            Err(problems) => {
                let kept = browser::save(&format!("{key}.unreadable"), &raw);
                Loaded {
                    progress: Progress::default(),
                    notice: Some(format!(
                        "Your saved study progress could not be read ({}). {}",
                        problems.join(" "),
                        if kept {
                            "It was kept aside unchanged; download it below."
                        } else {
                            "Download it below before it is replaced."
                        }
                    )),
                    unreadable: Some(raw),
                }
            }
        },
    }
}

/// Saves the progress for `pack`; false when storage is unavailable or full.
pub fn save(pack: &CasePack, progress: &Progress) -> bool {
    browser::save(&key(pack), &progress.to_json(pack))
}

/// The reader's saved notes, if they can be read (for the export file).
pub fn load_notes(pack: &CasePack) -> Option<Notes> {
    Notes::from_json(&browser::load(&notes_key(pack))?, pack).ok()
}

/// Merges imported notes into the saved ones; false if the saved ones cannot be read
/// (they are then left exactly as they are) or storage refuses.
pub fn merge_notes(pack: &CasePack, imported: Notes) -> bool {
    let mut notes = match browser::load(&notes_key(pack)) {
        None => Notes::default(),
        Some(raw) => match Notes::from_json(&raw, pack) {
            Ok(notes) => notes,
            Err(_) => return false,
        },
    };
    notes.merge(imported);
    browser::save(&notes_key(pack), &notes.to_json(pack))
}

/// Downloads everything the student did with this case as one file: the notes and, if
/// there is any, the study progress (the reader and the study page offer the same file).
pub fn download_backup(pack: &CasePack, notes: &Notes, progress: &Progress) {
    browser::download(
        &format!("casebook-notes-{}.json", pack.meta.id),
        "application/json",
        &backup_json(pack, notes, (!progress.is_empty()).then_some(progress)),
    );
}

/// Reads a chosen notes file (with or without study progress). `merge` takes what it
/// holds and returns the message for the student; a file that cannot be read or is
/// refused gets its own message and nothing is merged. `report` gets the message.
pub fn import_backup(
    file: browser::FileHandle,
    loaded: LoadedPack,
    merge: impl FnOnce(&CasePack, Notes, Option<Progress>) -> String + 'static,
    report: impl FnOnce(String) + 'static,
) -> Option<browser::FileReading> {
    browser::read_text(file, browser::SMALL_FILE_LIMIT, move |text| {
        let Ok(pack) = loaded.as_ref() else { return };
        report(match text {
            Err(reason) => format!("The file could not be read ({reason}); nothing changed."),
            Ok(text) => match read_backup(&text, pack) {
                Ok((notes, progress)) => merge(pack, notes, progress),
                Err(problems) => format!(
                    "The file was not imported, and nothing changed: {}",
                    problems.join(" ")
                ),
            },
        })
    })
}

/// How many flashcards are due today for review, and how many new ones are offered, for
/// the overview.
pub fn cards_due_today(pack: &CasePack) -> (usize, usize) {
    use casebook_core::study::cards::{cards, queue, NEW_PER_DAY};
    let progress = load_quietly(pack);
    let today = queue(&cards(pack), &progress.cards, browser::today(), NEW_PER_DAY);
    (today.due.len(), today.new.len())
}

/// The saved progress, or empty when there is none or it cannot be read (without keeping
/// anything aside: only the study page does that, where it can say so).
fn load_quietly(pack: &CasePack) -> Progress {
    browser::load(&key(pack))
        .and_then(|raw| Progress::from_json(&raw, pack).ok())
        .unwrap_or_default()
}
