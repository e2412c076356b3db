//! The one storage module: every value Casebook keeps on the device is read and written
//! here, and nowhere else (docs/storage.md states the rules a user can rely on).
//!
//! - **Keys** are named here only ([`notes_key`] and the others), with their versions.
//! - **Reading** goes through the core's rules (`casebook_core::saved`): an older format is
//!   migrated, a damaged value salvaged, and whatever could not be read whole is *kept
//!   aside* unchanged, each time in a slot of its own ([`kept_aside`]), before anything is
//!   written over it. A value written by a newer version is never written over.
//! - **Writing** applies the user's change to what is stored *now* (another tab may have
//!   written since this one read), checks the result reads back, then stores it
//!   ([`update`]); a refused or failed write changes nothing and says why, in words the
//!   view shows where the user is.
//! - **Other tabs**: a view that shows a saved value follows changes other tabs make
//!   ([`use_saved`], through the browser's `storage` event).
//! - **Keeping it**: once the user has something to lose, the browser is asked to keep
//!   this site's storage ([`protect`]); [`use_persistence`] says whether it agreed.
//! - **Opened case packs** are too large for local storage and live in IndexedDB
//!   ([`packs`]).
//!
//! The browser side is in `web.rs`; natively (prerender, native tests) `native.rs` stores
//! nothing, so render functions stay pure.

pub mod packs;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
use native as backend;
#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
use web as backend;

use std::rc::Rc;

use casebook_core::checklist::Checklist;
use casebook_core::notes::Notes;
use casebook_core::saved::{plan_update, Refusal, Saved};
use casebook_core::study::progress::Progress;
use casebook_core::{CasePack, PackId};
use serde::{Deserialize, Serialize};
use yew::prelude::*;

pub use backend::ChangeListener;

/// Every key starts with this, so the app never touches another site's or tool's values.
const PREFIX: &str = "casebook.";
/// Slots of values kept aside: `casebook.kept.<time>.<original key>`.
const KEPT_PREFIX: &str = "casebook.kept.";
/// The single slot older versions kept an unreadable value in: `<key>.unreadable`.
const LEGACY_KEPT_SUFFIX: &str = ".unreadable";

/// The key of the reader's notes for a pack.
pub fn notes_key(pack_id: &PackId) -> String {
    format!("casebook.v1.notes.{pack_id}")
}

/// The key of the study progress for a pack.
pub fn study_key(pack_id: &PackId) -> String {
    format!("casebook.v1.study.{pack_id}")
}

/// The key of the differential checklist's answers and ticks for a pack.
pub fn checklist_key(pack_id: &PackId) -> String {
    format!("casebook.v1.differential.{pack_id}")
}

/// A value kept per case pack, and its key.
pub trait PackValue: Saved<Context = CasePack> + 'static {
    /// The storage key for the pack with this id.
    fn key(pack_id: &PackId) -> String;
}

impl PackValue for Notes {
    fn key(pack_id: &PackId) -> String {
        notes_key(pack_id)
    }
}

impl PackValue for Progress {
    fn key(pack_id: &PackId) -> String {
        study_key(pack_id)
    }
}

impl PackValue for Checklist {
    fn key(pack_id: &PackId) -> String {
        checklist_key(pack_id)
    }
}

/// Why a save did not happen. Nothing was changed, on the device or on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser refused the write: storage is full (or its quota reached).
    Full,
    /// This browser keeps nothing for the site (storage turned off, or natively).
    Unavailable,
    /// What is stored could not be read whole, and keeping it aside failed (storage is
    /// full): nothing is written over it.
    CannotKeepAside,
    /// The rules refused it (a newer version's value, or the change itself).
    Refused(Refusal),
}

impl SaveError {
    /// What the user reads, for a value called `name` ("notes").
    pub fn message(&self, name: &str) -> String {
        match self {
            SaveError::Full => format!(
                "Not saved: this device's storage for Casebook is full, so your {name} were left as they were. Free some space (remove a case you opened, or download and delete what was kept aside) and try again, or save to a file."
            ),
            SaveError::Unavailable => format!(
                "Not saved: this browser keeps nothing for Casebook (storage is turned off), so your {name} were left as they were."
            ),
            SaveError::CannotKeepAside => format!(
                "Not saved: your saved {name} could not be read whole, and there is no room to keep them aside, so nothing is written over them. Free some space and try again."
            ),
            SaveError::Refused(refusal) => refusal.message(name),
        }
    }
}

/// What loading a saved value found that the user should know.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadNotice {
    /// Only part (or none) could be read; what was stored is kept aside unchanged in
    /// `slot`, and offered for download.
    KeptAside {
        /// The slot's key.
        slot: String,
        /// What could not be read, in words.
        lost: Vec<String>,
        /// True when nothing at all could be read.
        nothing_read: bool,
    },
    /// Only part could be read, and there was no room to keep it aside: it is left as it
    /// is, and nothing will be saved over it until there is room.
    LeftInPlace {
        /// What could not be read, in words.
        lost: Vec<String>,
    },
    /// Saved by a newer version of Casebook: left as it is, never written over.
    Newer {
        /// Its format.
        format: u32,
    },
}

impl LoadNotice {
    /// What the user reads, for a value called `name` ("notes").
    pub fn message(&self, name: &str) -> String {
        match self {
            LoadNotice::KeptAside {
                lost, nothing_read, ..
            } => format!(
                "{} saved {name} could not be read ({}). Everything as it was stored is kept aside on this device, unchanged: download it below.",
                if *nothing_read { "Your" } else { "Part of your" },
                lost.join(" ")
            ),
            LoadNotice::LeftInPlace { lost } => format!(
                "Part of your saved {name} could not be read ({}), and there is no room to keep a copy aside, so they are left exactly as stored and nothing will be saved over them. Free some space, then reload.",
                lost.join(" ")
            ),
            LoadNotice::Newer { format } => Refusal::Newer { format: *format }.message(name),
        }
    }

    /// The kept-aside slot, if there is one.
    pub fn slot(&self) -> Option<&str> {
        match self {
            LoadNotice::KeptAside { slot, .. } => Some(slot),
            _ => None,
        }
    }
}

/// What is stored under `key`, as text.
pub fn read_raw(key: &str) -> Option<String> {
    backend::get(key)
}

/// Stores a small value the app alone reads (e.g. which case is shown).
pub fn write_raw(key: &str, value: &str) -> Result<(), SaveError> {
    backend::set(key, value)
}

/// Forgets a value the app alone reads.
pub fn remove_raw(key: &str) {
    backend::remove(key);
}

/// Applies `change` to the value stored under `key` *now* and stores the result; returns
/// the value to show. What is stored and cannot be read whole is kept aside first (the
/// change is refused if that fails); a newer version's value is never written over; a
/// change whose result would not read back is refused. On any error nothing changed.
pub fn update<T: Saved>(
    key: &str,
    context: &T::Context,
    change: impl FnOnce(&mut T) -> Result<(), String>,
) -> Result<(T, Option<LoadNotice>), SaveError> {
    let stored = backend::get(key);
    let plan = plan_update(stored.as_deref(), context, change).map_err(SaveError::Refused)?;
    let notice = match &plan.keep_aside {
        Some(raw) => Some(LoadNotice::KeptAside {
            slot: keep_aside(key, raw).map_err(|_| SaveError::CannotKeepAside)?,
            lost: plan.lost.clone(),
            nothing_read: plan.nothing_read,
        }),
        None => None,
    };
    if let Some(text) = &plan.write {
        backend::set(key, text)?;
    }
    if plan.write.is_some() {
        protect();
    }
    Ok((plan.value, notice))
}

/// Reads the value stored under `key` for a view, salvaged if need be, and writes nothing
/// over it: what cannot be read whole is copied aside (offered for download) and left as
/// stored until the user changes something, when [`update`] applies the change to it. So
/// merely viewing never rewrites a value: opening an edited version of a pack, then the
/// original again, finds every answer and stage of the original where it was.
pub fn load<T: Saved>(key: &str, context: &T::Context) -> (T, Option<LoadNotice>) {
    use casebook_core::saved::Read;
    let raw = backend::get(key);
    let (value, lost, nothing_read) =
        match casebook_core::saved::read_stored::<T>(raw.as_deref(), context) {
            Read::Whole(value) => return (value, None),
            Read::Newer { format } => return (T::default(), Some(LoadNotice::Newer { format })),
            Read::Salvaged { value, lost } => (value, lost, false),
            Read::Unreadable { problems } => (T::default(), problems, true),
        };
    let kept = raw.as_deref().map(|raw| keep_aside(key, raw));
    match kept {
        Some(Ok(slot)) => (
            value,
            Some(LoadNotice::KeptAside {
                slot,
                lost,
                nothing_read,
            }),
        ),
        // No room for a copy (or nothing stored): left exactly as it is.
        _ => (value, Some(LoadNotice::LeftInPlace { lost })),
    }
}

/// The value `T` saved for `pack`, read without writing anything (for an export, or a
/// count on another page); empty when nothing can be read.
pub fn peek<T: PackValue>(pack: &CasePack) -> T {
    casebook_core::saved::read_stored::<T>(backend::get(&T::key(&pack.meta.id)).as_deref(), pack)
        .value()
        .unwrap_or_default()
}

/// A value kept aside: what it was stored as, when, and the text exactly as found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    /// The slot's key (to download or delete it).
    #[serde(skip)]
    pub slot: String,
    /// The key it was stored under.
    pub key: String,
    /// When it was kept aside (ms since 1970), when known.
    #[serde(default)]
    pub at: Option<f64>,
    /// The value exactly as it was stored.
    pub raw: String,
}

impl Kept {
    /// A file name for downloading it.
    pub fn file_name(&self) -> String {
        let name: String = self
            .key
            .trim_start_matches(PREFIX)
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("casebook-kept-{name}.txt")
    }
}

/// Keeps `raw` (what `key` held) aside in a slot of its own and returns the slot's key. If
/// the very same text is already kept aside for this key, that slot is returned: the same
/// damage found twice is kept once, and different damage is never written over.
fn keep_aside(key: &str, raw: &str) -> Result<String, SaveError> {
    if let Some(existing) = kept_aside()
        .into_iter()
        .find(|kept| kept.key == key && kept.raw == raw)
    {
        return Ok(existing.slot);
    }
    let at = backend::now_ms();
    let slot = format!("{KEPT_PREFIX}{at:.0}.{key}");
    let kept = Kept {
        slot: slot.clone(),
        key: key.to_owned(),
        at: Some(at),
        raw: raw.to_owned(),
    };
    let text = serde_json::to_string(&kept).expect("a kept value serialises");
    backend::set(&slot, &text)?;
    Ok(slot)
}

/// Everything kept aside on this device, oldest first: this version's slots, and the
/// single `….unreadable` slot older versions used.
pub fn kept_aside() -> Vec<Kept> {
    let mut kept: Vec<Kept> = backend::keys()
        .into_iter()
        .filter_map(|slot| {
            let raw = backend::get(&slot)?;
            if slot.starts_with(KEPT_PREFIX) {
                let mut kept: Kept = serde_json::from_str(&raw).unwrap_or(Kept {
                    slot: String::new(),
                    key: slot.clone(),
                    at: None,
                    raw: raw.clone(),
                });
                kept.slot = slot;
                Some(kept)
            } else if slot.starts_with(PREFIX) && slot.ends_with(LEGACY_KEPT_SUFFIX) {
                Some(Kept {
                    key: slot.trim_end_matches(LEGACY_KEPT_SUFFIX).to_owned(),
                    slot,
                    at: None,
                    raw,
                })
            } else {
                None
            }
        })
        .collect();
    kept.sort_by(|a, b| a.at.unwrap_or(0.0).total_cmp(&b.at.unwrap_or(0.0)));
    kept
}

/// Deletes one kept-aside slot (the user downloaded it, or does not want it).
pub fn discard_kept(slot: &str) {
    if slot.starts_with(KEPT_PREFIX) || slot.ends_with(LEGACY_KEPT_SUFFIX) {
        backend::remove(slot);
    }
}

/// The kept-aside value in `slot`, if it is still there.
pub fn kept(slot: &str) -> Option<Kept> {
    kept_aside().into_iter().find(|kept| kept.slot == slot)
}

/// Asks the browser, once per page load, to keep this site's storage rather than clear
/// it when space runs low: called when the user first has something to lose.
pub fn protect() {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !ASKED.with(|asked| asked.replace(true)) {
        backend::ask_to_persist();
    }
}

/// Calls `on_change` with the key (or `None`: everything was cleared) whenever another tab
/// changes this site's storage; dropping the listener stops it.
pub fn on_change(on_change: impl Fn(Option<String>) + 'static) -> ChangeListener {
    backend::on_change(on_change)
}

/// Whether the browser keeps this site's storage until the user removes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Not known yet (or natively).
    Unknown,
    /// Granted: kept until the user clears it.
    Persistent,
    /// Not granted: the browser may clear it when space runs low.
    BestEffort,
    /// This browser keeps nothing for the site (storage turned off or refused).
    Unavailable,
}

/// Whether this site's storage is persistent, read after hydration and again after the
/// browser was asked.
#[hook]
pub fn use_persistence() -> Persistence {
    let state = use_state(|| Persistence::Unknown);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if !backend::available() {
                state.set(Persistence::Unavailable);
                return;
            }
            backend::query_persisted(move |persisted| {
                state.set(if persisted {
                    Persistence::Persistent
                } else {
                    Persistence::BestEffort
                })
            });
        });
    }
    *state
}

/// A saved value as a view holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedState<T> {
    /// The value shown.
    pub value: T,
    /// True once it was read from storage (after hydration; until then the prerendered
    /// empty value is shown, and nothing may be saved).
    pub restored: bool,
    /// What reading it found that the user should know.
    pub notice: Option<LoadNotice>,
}

impl<T: Default> Default for SavedState<T> {
    fn default() -> Self {
        Self {
            value: T::default(),
            restored: false,
            notice: None,
        }
    }
}

/// What changes a [`SavedState`].
pub enum SavedAction<T> {
    /// Read from storage (after hydration, or when another tab changed it).
    Loaded(T, Option<LoadNotice>),
    /// Saved by this view.
    Changed(T, Option<LoadNotice>),
}

impl<T: Clone + PartialEq> Reducible for SavedState<T> {
    type Action = SavedAction<T>;

    fn reduce(self: Rc<Self>, action: SavedAction<T>) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SavedAction::Loaded(value, notice) => {
                next.value = value;
                next.restored = true;
                if notice.is_some() {
                    next.notice = notice;
                }
            }
            SavedAction::Changed(value, notice) => {
                next.value = value;
                if notice.is_some() {
                    next.notice = notice;
                }
            }
        }
        Rc::new(next)
    }
}

/// A saved value of one case pack, as a view uses it: the value to show (following other
/// tabs), and [`SavedHandle::update`] to change it.
///
/// The handle stays valid when a callback made at an earlier render keeps it: `update`
/// reads what is stored at the time it is called, and whether the value was restored is
/// shared across renders.
pub struct SavedHandle<T: PackValue> {
    state: UseReducerHandle<SavedState<T>>,
    pack: Rc<CasePack>,
    restored: Rc<std::cell::Cell<bool>>,
}

impl<T: PackValue> Clone for SavedHandle<T> {
    fn clone(&self) -> Self {
        Self {
            state: self.state.clone(),
            pack: self.pack.clone(),
            restored: self.restored.clone(),
        }
    }
}

impl<T: PackValue> PartialEq for SavedHandle<T> {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && Rc::ptr_eq(&self.pack, &other.pack)
    }
}

impl<T: PackValue> SavedHandle<T> {
    /// The value shown.
    pub fn value(&self) -> &T {
        &self.state.value
    }

    /// True once read from storage.
    pub fn restored(&self) -> bool {
        self.state.restored
    }

    /// What reading it found that the user should know.
    pub fn notice(&self) -> Option<&LoadNotice> {
        self.state.notice.as_ref()
    }

    /// Applies `change` to what is stored now, saves it and shows it. On an error nothing
    /// changed and the message to show where the user is comes back.
    pub fn update(&self, change: impl FnOnce(&mut T) -> Result<(), String>) -> Result<T, String> {
        if !self.restored.get() {
            return Err("Not saved yet: your saved values are still being read.".to_owned());
        }
        let pack = &*self.pack;
        match update::<T>(&T::key(&pack.meta.id), pack, change) {
            Ok((value, notice)) => {
                self.state
                    .dispatch(SavedAction::Changed(value.clone(), notice));
                Ok(value)
            }
            Err(error) => Err(error.message(T::NAME)),
        }
    }
}

/// The value `T` saved for `pack`: read once after hydration (so the prerendered page and
/// the first render agree), and again whenever another tab changes it.
#[hook]
pub fn use_saved<T: PackValue>(pack: Rc<CasePack>) -> SavedHandle<T> {
    let state = use_reducer(SavedState::<T>::default);
    let restored = use_memo((), |_| std::cell::Cell::new(false));
    {
        let state = state.clone();
        let loaded = pack.clone();
        let restored = restored.clone();
        use_effect_with((), move |_| {
            let listener = {
                let pack = &*loaded;
                let key = T::key(&pack.meta.id);
                let (value, notice) = load::<T>(&key, pack);
                state.dispatch(SavedAction::Loaded(value, notice));
                restored.set(true);
                let loaded = loaded.clone();
                on_change(move |changed| {
                    let pack = &*loaded;
                    if changed.as_deref().is_none_or(|changed| changed == key) {
                        // Another tab wrote: show what is stored now (read only; that
                        // tab kept aside whatever needed keeping).
                        if let Some(value) = casebook_core::saved::read_stored::<T>(
                            backend::get(&key).as_deref(),
                            pack,
                        )
                        .value()
                        {
                            state.dispatch(SavedAction::Loaded(value, None));
                        }
                    }
                })
            };
            move || {
                let _listener = listener;
            }
        });
    }
    SavedHandle {
        state,
        pack,
        restored,
    }
}
