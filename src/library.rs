//! The cases on this device: the built-in case and the packs the user opened. Which one
//! every view shows is this state's `active` pack (the built-in case when `None`).
//!
//! The packs themselves are kept by the storage module (`crate::storage::packs`, in
//! IndexedDB). A stored encoding from another layout (a newer app changed it) is checked
//! again from the pack's text by the importer: that is the migration. Another tab opening
//! or removing a case updates this tab's list; the case shown here stays as it is.
//!
//! The user's choice wins over anything that began before it. Restoring the case of the
//! last visit takes a few reads of IndexedDB after hydration; a user who opens a file or
//! chooses a case in that time must not see their choice replaced when the reads finish
//! (the page would be mounted afresh, ending the check of the file, and the old case made
//! the one to show next time). So every choice is counted (`CHOICES`), and a restore, or
//! an earlier choice still under way, stops before it writes or shows anything once a
//! later choice was made.

use std::cell::Cell;
use std::rc::Rc;

use casebook_core::import::pack_from_reply;
use casebook_core::{CasePack, PackId};
use yew::prelude::*;

use crate::storage::packs::{self, Entry, PutError, StoredPack};

/// What the views share about the library.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryState {
    /// The packs the user opened, in the order opened.
    pub entries: Vec<Entry>,
    /// The opened pack being shown, with its id; `None` shows the built-in case.
    pub active: Option<(PackId, Rc<CasePack>)>,
    /// A message for the user (a pack that could not be reopened, a damaged list).
    pub notice: Option<String>,
    /// Counts the cases shown (each switch or reopening): the page is keyed by it, so
    /// every view starts afresh with the new pack.
    pub shown: u32,
    /// The kept-aside slot of a list that could not be read, offered for download.
    pub kept: Option<String>,
}

/// What changes the library.
pub enum LibraryAction {
    /// Show this opened pack, or the built-in case with `None`.
    Show(Option<(PackId, Box<CasePack>)>),
    /// The entries changed (opened or removed, here or in another tab).
    Entries(Vec<Entry>),
    /// A message, or none.
    Notice(Option<String>),
    /// An unreadable list was kept aside in this slot.
    Kept(String),
}

impl Reducible for LibraryState {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            LibraryAction::Show(active) => {
                next.shown += 1;
                next.notice = None;
                next.active = active.map(|(id, pack)| (id, Rc::new(*pack)));
            }
            LibraryAction::Entries(entries) => next.entries = entries,
            LibraryAction::Notice(notice) => next.notice = notice,
            LibraryAction::Kept(slot) => next.kept = Some(slot),
        }
        Rc::new(next)
    }
}

thread_local! {
    /// How many choices of case the user made on this page (a file opened, a case chosen
    /// or removed). One page runs one wasm instance on one thread, so this counts them all.
    static CHOICES: Cell<u64> = const { Cell::new(0) };
}

/// Notes that the user chose (a file picked or dropped, a case chosen): anything still
/// under way from before stops short of showing or writing. Returns the new count.
pub fn user_chose() -> u64 {
    CHOICES.with(|choices| {
        choices.set(choices.get() + 1);
        choices.get()
    })
}

/// Whether the user made no choice since `ticket` (a count from [`user_chose`] or the
/// start of a restore).
pub fn still_current(ticket: u64) -> bool {
    CHOICES.with(|choices| choices.get() == ticket)
}

/// The library handle every component can use.
pub type Library = UseReducerHandle<LibraryState>;

/// The library of the current page.
#[hook]
pub fn use_library() -> Library {
    use_context::<Library>().expect("the Shell provides the library context")
}

/// Reads what this device holds, after hydration: moves packs kept by earlier versions,
/// lists the opened packs, and shows the one the user last chose.
/// If the user chooses a case meanwhile, their choice stands: the restore only lists.
pub async fn restore(library: Library) {
    let ticket = CHOICES.with(Cell::get);
    let migration = packs::migrate_legacy().await;
    if let Some(slot) = migration.kept {
        library.dispatch(LibraryAction::Kept(slot));
    }
    reload_entries(&library).await;
    if !still_current(ticket) {
        return;
    }
    if let Some(id) = packs::active() {
        show_for(&library, Some(id), ticket).await;
    }
    if migration.notice.is_some() && still_current(ticket) {
        library.dispatch(LibraryAction::Notice(migration.notice));
    }
}

/// Reads the list of opened packs again (after a change here or in another tab).
pub async fn reload_entries(library: &Library) {
    match packs::list().await {
        Ok(entries) => library.dispatch(LibraryAction::Entries(entries)),
        Err(reason) => library.dispatch(LibraryAction::Notice(Some(format!(
            "The cases you opened could not be read from this device ({reason}); the built-in case is shown."
        )))),
    }
}

/// Shows an opened pack (`Some(id)`) or the built-in case, and makes it the one shown on
/// the next visit. A pack whose encoding is from another layout is checked again from its
/// text, and its new encoding kept. This is the user's choice: it wins over a restore or
/// an earlier choice still reading.
pub async fn show(library: &Library, id: Option<String>) {
    let ticket = user_chose();
    show_for(library, id, ticket).await;
}

/// [`show`] on behalf of `ticket`: it stops, showing and writing nothing, as soon as a
/// later choice was made.
async fn show_for(library: &Library, id: Option<String>, ticket: u64) {
    let Some(id) = id else {
        let _ = packs::set_active(None);
        library.dispatch(LibraryAction::Show(None));
        return;
    };
    let stored = packs::get(&id).await;
    if !still_current(ticket) {
        return;
    }
    let stored = match stored {
        Ok(Some(stored)) => stored,
        Ok(None) => {
            let _ = packs::set_active(None);
            library.dispatch(LibraryAction::Notice(Some(format!(
                "The case \u{201c}{id}\u{201d} is no longer stored on this device; the built-in case is shown."
            ))));
            return;
        }
        // Not read is not gone: the choice is kept, for when it can be read again.
        Err(reason) => {
            library.dispatch(LibraryAction::Notice(Some(format!(
                "The case \u{201c}{id}\u{201d} could not be read from this device ({reason}); it is still chosen, and the built-in case is shown for now."
            ))));
            return;
        }
    };
    let decoded = stored
        .encoded
        .as_deref()
        .and_then(|bytes| pack_from_reply(&stored.entry.file, bytes).ok())
        .filter(|pack| pack.meta.id == id.as_str());
    let pack = match decoded {
        Some(pack) => pack,
        None => match recheck(&stored, ticket).await {
            Some(pack) => pack,
            None => {
                library.dispatch(LibraryAction::Notice(Some(format!(
                    "The case \u{201c}{id}\u{201d} you opened earlier no longer passes this version's checks; it is kept on this device, and the built-in case is shown. Open its file again to see what needs fixing."
                ))));
                return;
            }
        },
    };
    if !still_current(ticket) {
        return;
    }
    let _ = packs::set_active(Some(&id));
    library.dispatch(LibraryAction::Show(Some((
        pack.meta.id.clone(),
        Box::new(pack),
    ))));
}

/// Checks a stored pack's text again (its encoding is from another layout) and keeps the
/// fresh encoding, unless a later choice was made or the stored text changed meanwhile
/// (a version opened since is never replaced by this older one); `None` if it no longer
/// passes.
async fn recheck(stored: &StoredPack, ticket: u64) -> Option<CasePack> {
    let pack = crate::importer::check_async(stored.entry.file.clone(), stored.text.clone())
        .await
        .ok()
        .filter(|pack| pack.meta.id == stored.entry.id.as_str())?;
    if still_current(ticket) {
        let _ = packs::put_over(
            StoredPack {
                encoded: Some(casebook_core::binary::encode(&pack)),
                ..stored.clone()
            },
            &stored.text,
        )
        .await;
    }
    Some(pack)
}

/// Why a pack could not be kept.
pub enum KeepError {
    /// Its id is the built-in case's.
    BuiltIn,
    /// Storage refused (full or unavailable): it can be shown for this visit only. Any
    /// version kept before is unchanged.
    NotKept(PutError),
}

/// What became of a pack that was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Kept, and the case to show on next visits.
    Remembered,
    /// Kept, but the choice of it could not be remembered (local storage full or off), so
    /// the next visit shows the built-in case until it is chosen again.
    NotRemembered,
    /// Kept in the list, but the user chose another case while it was being checked: that
    /// later choice stands, so this one is neither shown nor made the next visit's.
    Superseded,
}

/// Keeps an opened pack (text and encoding) and, unless the user chose again since
/// `ticket` (from [`user_chose`] when the file was picked), makes it the one shown on next
/// visits.
pub async fn keep(
    built_in_id: &str,
    file: &str,
    text: &str,
    pack: &CasePack,
    ticket: u64,
) -> Result<Kept, KeepError> {
    let id = pack.meta.id.clone();
    if id == built_in_id {
        return Err(KeepError::BuiltIn);
    }
    packs::put(StoredPack {
        entry: Entry {
            id: id.to_string(),
            title: pack.meta.heading().to_owned(),
            file: file.to_owned(),
            bytes: text.len(),
        },
        text: text.to_owned(),
        encoded: Some(casebook_core::binary::encode(pack)),
    })
    .await
    .map_err(KeepError::NotKept)?;
    if !still_current(ticket) {
        return Ok(Kept::Superseded);
    }
    Ok(match packs::set_active(Some(id.as_str())) {
        Ok(()) => Kept::Remembered,
        Err(_) => Kept::NotRemembered,
    })
}
