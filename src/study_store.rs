//! The notes file that carries everything the student did with a case (the reader's notes
//! and the study progress) off the device and back, and the overview's count of today's
//! flashcards. What is saved where, and how, is the storage module's (`crate::storage`);
//! the file format and its checks are the core's (`casebook_core::notes`,
//! `casebook_core::study::progress`).

use casebook_core::notes::{backup_json, read_backup, Notes};
use casebook_core::study::progress::Progress;
use std::rc::Rc;

use casebook_core::CasePack;

use crate::browser;
use crate::storage;

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
    loaded: Rc<CasePack>,
    merge: impl FnOnce(&CasePack, Notes, Option<Progress>) -> String + 'static,
    report: impl FnOnce(String) + 'static,
) -> Option<browser::FileReading> {
    browser::read_text(file, browser::SMALL_FILE_LIMIT, move |text| {
        let pack = &*loaded;
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
    let progress = storage::peek::<Progress>(pack);
    let today = queue(&cards(pack), &progress.cards, browser::today(), NEW_PER_DAY);
    (today.due.len(), today.new.len())
}
