//! The cases on this device: the built-in case and the packs the user opened. Which one
//! every view shows is this state's `active` pack (the built-in case when `None`).
//!
//! Kept in local storage, versioned: an index (`casebook.v1.library`: which packs, which
//! one is open) and, per pack, its text (the source of truth) and its encoding (so
//! reopening is instant). If the encoding cannot be decoded (a newer app changed it), the
//! text is checked again by the importer: that is the migration. An index that cannot be
//! read is kept aside unchanged and the user told; the built-in case is shown either way.

use std::rc::Rc;

use casebook_core::import::{bytes_from_storage, bytes_to_storage, pack_from_reply};
use casebook_core::CasePack;
use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::browser;
use crate::pack::LoadedPack;

/// The storage key of the index.
pub const LIBRARY_KEY: &str = "casebook.v1.library";
const LIBRARY_KIND: &str = "casebook-library";
const LIBRARY_FORMAT: u32 = 1;

fn text_key(id: &str) -> String {
    format!("casebook.v1.pack.{id}")
}

fn encoded_key(id: &str) -> String {
    format!("casebook.v1.pack.{id}.encoded")
}

/// A pack the user opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The pack's id (`meta.id`).
    pub id: String,
    /// Its heading.
    pub title: String,
    /// The file it came from.
    pub file: String,
    /// Its size in bytes.
    pub bytes: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexFile {
    kind: String,
    format: u32,
    active: Option<String>,
    packs: Vec<Entry>,
}

/// What the views share about the library.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryState {
    /// The packs the user opened, in the order opened.
    pub entries: Vec<Entry>,
    /// The opened pack being shown, with its id; `None` shows the built-in case.
    pub active: Option<(String, LoadedPack)>,
    /// A message for the user (a pack that could not be reopened, a damaged index).
    pub notice: Option<String>,
    /// Counts the cases shown (each switch or reopening): the page is keyed by it, so
    /// every view starts afresh with the new pack.
    pub shown: u32,
    /// An index that could not be read, kept aside and offered for download.
    pub unreadable: Option<String>,
}

/// What changes the library.
pub enum LibraryAction {
    /// What storage holds, read after hydration.
    Restore {
        /// The entries.
        entries: Vec<Entry>,
        /// The pack to show, if an opened one.
        active: Option<(String, CasePack)>,
        /// What to tell the user.
        notice: Option<String>,
        /// An index that could not be read.
        unreadable: Option<String>,
    },
    /// Show this opened pack (already stored), or the built-in case with `None`.
    Show(Option<(String, CasePack)>),
    /// The entries changed (opened or removed).
    Entries(Vec<Entry>),
    /// A message, or none.
    Notice(Option<String>),
}

impl Reducible for LibraryState {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            LibraryAction::Restore {
                entries,
                active,
                notice,
                unreadable,
            } => {
                next.unreadable = unreadable;
                next.entries = entries;
                if active.is_some() {
                    next.shown += 1;
                }
                next.active = active.map(|(id, pack)| (id, Rc::new(Ok(pack))));
                next.notice = notice;
            }
            LibraryAction::Show(active) => {
                next.shown += 1;
                next.notice = None;
                next.active = active.map(|(id, pack)| (id, Rc::new(Ok(pack))));
            }
            LibraryAction::Entries(entries) => next.entries = entries,
            LibraryAction::Notice(notice) => next.notice = notice,
        }
        Rc::new(next)
    }
}

/// The library handle every component can use.
pub type Library = UseReducerHandle<LibraryState>;

/// The library of the current page.
#[hook]
pub fn use_library() -> Library {
    use_context::<Library>().expect("the Shell provides the library context")
}

/// What storage holds.
pub struct Stored {
    /// The entries.
    pub entries: Vec<Entry>,
    /// The opened pack to show, decoded.
    pub active: Option<(String, CasePack)>,
    /// An opened pack whose encoding could not be decoded: its id, file and text, to be
    /// checked again by the importer.
    pub recheck: Option<(String, String, String)>,
    /// What to tell the user.
    pub notice: Option<String>,
    /// The index as found, when it could not be read.
    pub unreadable: Option<String>,
}

fn write_index(entries: &[Entry], active: Option<&str>) -> bool {
    let file = IndexFile {
        kind: LIBRARY_KIND.to_owned(),
        format: LIBRARY_FORMAT,
        active: active.map(str::to_owned),
        packs: entries.to_vec(),
    };
    browser::save(
        LIBRARY_KEY,
        &serde_json::to_string(&file).expect("the index serialises"),
    )
}

/// Reads the library from storage.
pub fn load() -> Stored {
    let mut stored = Stored {
        entries: Vec::new(),
        active: None,
        recheck: None,
        notice: None,
        unreadable: None,
    };
    let Some(raw) = browser::load(LIBRARY_KEY) else {
        return stored;
    };
    let index = match serde_json::from_str::<IndexFile>(&raw) {
        Ok(index) if index.kind == LIBRARY_KIND && index.format == LIBRARY_FORMAT => index,
        _ => {
            browser::save(&format!("{LIBRARY_KEY}.unreadable"), &raw);
            stored.notice = Some(
                "The list of cases you opened could not be read; it was kept aside unchanged on this device (download it below), and the built-in case is shown. Open your case files again to use them."
                    .to_owned(),
            );
            stored.unreadable = Some(raw);
            return stored;
        }
    };
    stored.entries = index.packs;
    if let Some(id) = index.active {
        let entry = stored.entries.iter().find(|e| e.id == id).cloned();
        let text = browser::load(&text_key(&id));
        match (entry, text) {
            (Some(entry), Some(text)) => {
                let decoded = browser::load(&encoded_key(&id))
                    .and_then(|encoded| bytes_from_storage(&encoded))
                    .and_then(|bytes| pack_from_reply(&entry.file, &bytes).ok());
                match decoded {
                    Some(pack) if pack.meta.id == id => stored.active = Some((id, pack)),
                    _ => stored.recheck = Some((id, entry.file, text)),
                }
            }
            _ => {
                stored.notice = Some(format!(
                    "The case \u{201c}{id}\u{201d} is no longer stored on this device; the built-in case is shown."
                ));
            }
        }
    }
    stored
}

/// Why a pack could not be kept.
pub enum StoreError {
    /// Its id is the built-in case's.
    BuiltIn,
    /// Storage refused (full or unavailable): it can be shown for this visit only.
    Full,
}

/// Stores an opened pack (text and encoding) and makes it the one shown on next visits;
/// returns the new entries.
pub fn store(
    entries: &[Entry],
    built_in_id: &str,
    file: &str,
    text: &str,
    pack: &CasePack,
) -> Result<Vec<Entry>, StoreError> {
    let id = pack.meta.id.clone();
    if id == built_in_id {
        return Err(StoreError::BuiltIn);
    }
    let encoded = bytes_to_storage(&casebook_core::binary::encode(pack));
    if !browser::save(&text_key(&id), text) || !browser::save(&encoded_key(&id), &encoded) {
        // Half-written packs are not left behind.
        browser::remove(&text_key(&id));
        browser::remove(&encoded_key(&id));
        return Err(StoreError::Full);
    }
    let mut next: Vec<Entry> = entries.iter().filter(|e| e.id != id).cloned().collect();
    next.push(Entry {
        id: id.clone(),
        title: pack.meta.heading().to_owned(),
        file: file.to_owned(),
        bytes: text.len(),
    });
    if !write_index(&next, Some(&id)) {
        return Err(StoreError::Full);
    }
    Ok(next)
}

/// Records a re-checked pack's fresh encoding (after a format change).
pub fn store_encoding(pack: &CasePack) {
    let encoded = bytes_to_storage(&casebook_core::binary::encode(pack));
    browser::save(&encoded_key(&pack.meta.id), &encoded);
}

/// Makes `active` (an opened pack's id, or `None` for the built-in case) the one shown on
/// next visits, and reads its pack.
pub fn activate(entries: &[Entry], active: Option<&str>) -> Option<(String, CasePack)> {
    write_index(entries, active);
    let id = active?;
    let file = entries.iter().find(|e| e.id == id)?.file.clone();
    let bytes = bytes_from_storage(&browser::load(&encoded_key(id))?)?;
    let pack = pack_from_reply(&file, &bytes).ok()?;
    Some((id.to_owned(), pack))
}

/// Forgets an opened pack (its text and encoding); returns the remaining entries. The
/// answers, notes and study progress saved for it stay, in case it is opened again.
pub fn remove(entries: &[Entry], id: &str, active: Option<&str>) -> Vec<Entry> {
    browser::remove(&text_key(id));
    browser::remove(&encoded_key(id));
    let next: Vec<Entry> = entries.iter().filter(|e| e.id != id).cloned().collect();
    write_index(&next, active.filter(|a| *a != id));
    next
}
