//! The case packs the user opened, kept in IndexedDB: a pack may be 10 MB, and local
//! storage holds about 5 MB for the whole site. Each pack is one record (its list entry,
//! its text, the source of truth, and its encoding, so reopening is instant), written in
//! one transaction: a new version of a pack replaces the old one only once it is wholly
//! written, so a full disk leaves the kept copy as it was.
//!
//! Which case is shown on the next visit is a small value in local storage
//! ([`ACTIVE_KEY`]); every change to the packs bumps [`REVISION_KEY`] there too, which is
//! how other open tabs learn that the list changed (IndexedDB has no change event).
//!
//! Earlier versions kept packs in local storage (`casebook.v1.library` and
//! `casebook.v1.pack.<id>`); [`migrate_legacy`] moves them here, deleting the old copies
//! only after the new ones are written. A list that cannot be read is kept aside.

use serde::{Deserialize, Serialize};

use super::{backend, keep_aside, SaveError};

/// Which opened case is shown (absent: the built-in case).
pub const ACTIVE_KEY: &str = "casebook.v2.active-case";
/// Changes whenever the opened packs change, so other tabs reload the list.
pub const REVISION_KEY: &str = "casebook.v2.packs-revision";
/// The list of opened packs as earlier versions kept it in local storage.
pub const LEGACY_INDEX_KEY: &str = "casebook.v1.library";

fn legacy_text_key(id: &str) -> String {
    format!("casebook.v1.pack.{id}")
}

fn legacy_encoded_key(id: &str) -> String {
    format!("casebook.v1.pack.{id}.encoded")
}

/// A pack the user opened, as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The pack's id (`meta.id`), as stored (a record read back may name a pack that no
    /// longer reads, so it stays text until its pack is read).
    pub id: String,
    /// Its heading.
    pub title: String,
    /// The file it came from.
    pub file: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// A pack as kept: its entry, its text and (when current) its encoding.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredPack {
    /// The list entry.
    pub entry: Entry,
    /// The pack's text, exactly as opened.
    pub text: String,
    /// The encoding (`casebook_core::binary`), if one was stored.
    pub encoded: Option<Vec<u8>>,
}

/// Why a pack was not kept.
#[derive(Clone, Debug, PartialEq)]
pub enum PutError {
    /// The browser's quota is reached; whatever was kept before is unchanged.
    Full,
    /// The browser keeps no databases for this site, or refused for another reason.
    Unavailable(String),
}

/// The opened packs, in the order they were first opened.
pub async fn list() -> Result<Vec<Entry>, String> {
    backend::packs_list().await
}

/// One opened pack.
pub async fn get(id: &str) -> Result<Option<StoredPack>, String> {
    backend::packs_get(id).await
}

/// Keeps a pack (replacing an earlier version with the same id only once this one is
/// wholly written), then tells other tabs.
pub async fn put(pack: StoredPack) -> Result<(), PutError> {
    backend::packs_put(pack, None).await?;
    announce();
    super::protect();
    Ok(())
}

/// Keeps a fresh encoding of a pack, only if the text stored for it is still the text it
/// was made from: a version opened meanwhile (here or in another tab) is not overwritten
/// by an older one. `Ok(false)` when the stored text had changed and nothing was written.
pub async fn put_over(pack: StoredPack, read_text: &str) -> Result<bool, PutError> {
    let written = backend::packs_put(pack, Some(read_text)).await?;
    if written {
        announce();
    }
    Ok(written)
}

/// Forgets an opened pack, then tells other tabs. The notes, progress and answers saved
/// for it stay, in case it is opened again.
pub async fn delete(id: &str) -> Result<(), String> {
    backend::packs_delete(id).await?;
    if active().as_deref() == Some(id) {
        let _ = set_active(None);
    }
    announce();
    Ok(())
}

/// The opened case shown on the next visit, if not the built-in one.
pub fn active() -> Option<String> {
    backend::get(ACTIVE_KEY).filter(|id| !id.is_empty())
}

/// Makes `id` (or the built-in case, with `None`) the one shown on the next visit.
pub fn set_active(id: Option<&str>) -> Result<(), SaveError> {
    match id {
        Some(id) => backend::set(ACTIVE_KEY, id),
        None => {
            backend::remove(ACTIVE_KEY);
            Ok(())
        }
    }
}

/// Tells other tabs the packs changed.
fn announce() {
    let _ = backend::set(REVISION_KEY, &format!("{:.0}", backend::now_ms()));
}

/// What moving packs from local storage found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Migration {
    /// What to tell the user, if anything.
    pub notice: Option<String>,
    /// The slot where an unreadable list was kept aside.
    pub kept: Option<String>,
}

/// The list of opened packs as earlier versions wrote it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LegacyIndex {
    kind: String,
    format: u32,
    active: Option<String>,
    packs: Vec<Entry>,
}

/// Moves packs kept in local storage by earlier versions into IndexedDB. Each pack's old
/// copy is deleted only after its new one is written; a list that cannot be read is kept
/// aside unchanged (and the packs it would have named stay where they are).
pub async fn migrate_legacy() -> Migration {
    let mut migration = Migration::default();
    let mut entries: Vec<Entry> = Vec::new();
    let mut active = None;
    if let Some(raw) = backend::get(LEGACY_INDEX_KEY) {
        match serde_json::from_str::<LegacyIndex>(&raw) {
            Ok(index) if index.kind == "casebook-library" && index.format == 1 => {
                entries = index.packs;
                active = index.active;
            }
            _ => {
                migration.kept = keep_aside(LEGACY_INDEX_KEY, &raw).ok();
                if migration.kept.is_some() {
                    backend::remove(LEGACY_INDEX_KEY);
                }
                migration.notice = Some(
                    "The list of cases you opened could not be read; it was kept aside unchanged on this device (download it below). Cases whose text is still stored are recovered."
                        .to_owned(),
                );
            }
        }
    }
    // A pack whose text is stored but which no list names (an earlier version could lose
    // it from the list when two tabs wrote): recovered under its id until it is re-read.
    for key in backend::keys() {
        if let Some(id) = key.strip_prefix("casebook.v1.pack.") {
            if !id.ends_with(".encoded") && !entries.iter().any(|entry| entry.id == id) {
                let bytes = backend::get(&key).map_or(0, |text| text.len());
                entries.push(Entry {
                    id: id.to_owned(),
                    title: id.to_owned(),
                    file: "(recovered from an earlier version)".to_owned(),
                    bytes,
                });
            }
        }
    }
    if entries.is_empty() {
        return migration;
    }
    let mut moved_all = true;
    for entry in entries {
        let id = entry.id.clone();
        let Some(text) = backend::get(&legacy_text_key(&id)) else {
            continue;
        };
        let encoded = backend::get(&legacy_encoded_key(&id))
            .and_then(|encoded| casebook_core::import::bytes_from_storage(&encoded));
        match backend::packs_put(
            StoredPack {
                entry,
                text,
                encoded,
            },
            None,
        )
        .await
        {
            Ok(_) => {
                backend::remove(&legacy_text_key(&id));
                backend::remove(&legacy_encoded_key(&id));
            }
            Err(_) => moved_all = false,
        }
    }
    if moved_all {
        if let Some(id) = &active {
            let _ = set_active(Some(id));
        }
        backend::remove(LEGACY_INDEX_KEY);
    } else {
        migration.notice = Some(
            "Some cases you opened with an earlier version could not be moved to this version's storage (the device may be full); they are kept where they were and will be moved on a later visit."
                .to_owned(),
        );
    }
    announce();
    migration
}
