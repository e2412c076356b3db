//! The browser side of the storage module: local storage (small values, read at once
//! and announced to other tabs by the `storage` event) and the persistence request.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use super::{SaveError, PREFIX};

/// Listens for other tabs' changes until dropped.
pub struct ChangeListener(#[allow(dead_code)] EventListener);

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// True when this browser lets the site keep values (local storage is there and on).
pub fn available() -> bool {
    storage().is_some()
}

/// What is stored under `key`.
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Stores `value` under `key`; a refusal is told apart: the quota (full) or no storage.
pub fn set(key: &str, value: &str) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Unavailable)?;
    storage.set_item(key, value).map_err(|error| {
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(|exception| exception.name())
            .unwrap_or_default();
        // Chromium and Safari say QuotaExceededError; Firefox used another name.
        if name.contains("Quota") || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            SaveError::Full
        } else {
            SaveError::Unavailable
        }
    })
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Every key of this app (starting with `casebook.`).
pub fn keys() -> Vec<String> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect()
}

/// Now, in ms since 1970.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist()`); the
/// answer is read by `query_persisted` when a view asks.
pub fn ask_to_persist() {
    let Ok(promise) = gloo::utils::window().navigator().storage().persist() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Calls `done` with whether this site's storage is persistent.
pub fn query_persisted(done: impl FnOnce(bool) + 'static) {
    let Ok(promise) = gloo::utils::window().navigator().storage().persisted() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(answer) = wasm_bindgen_futures::JsFuture::from(promise).await {
            done(answer.as_bool().unwrap_or(false));
        }
    });
}

/// Calls `on_change` whenever another tab changes this site's local storage.
pub fn on_change(on_change: impl Fn(Option<String>) + 'static) -> ChangeListener {
    ChangeListener(EventListener::new(
        &gloo::utils::window(),
        "storage",
        move |event| {
            let key = event
                .dyn_ref::<web_sys::StorageEvent>()
                .and_then(web_sys::StorageEvent::key);
            on_change(key);
        },
    ))
}

// IndexedDB, for the packs the user opened (see `packs.rs`).

use super::packs::{Entry, PutError, StoredPack};
use idb::{
    Database, DatabaseEvent, Factory, KeyPath, ObjectStore, ObjectStoreParams, Transaction,
    TransactionMode,
};
use wasm_bindgen::JsValue;

const DATABASE: &str = "casebook";
const DATABASE_VERSION: u32 = 1;
const PACKS: &str = "packs";

async fn database() -> Result<Database, String> {
    let database = open(DATABASE_VERSION).await?;
    if database.store_names().iter().any(|name| name == PACKS) {
        return Ok(database);
    }
    // The database exists without its store (another tool made it, or an upgrade was
    // cut short): open it one version up, which creates the store.
    let version = database.version().map_err(|error| error.to_string())?;
    database.close();
    open(version + 1).await
}

/// Opens the database at `version`, creating the packs' store when it upgrades.
async fn open(version: u32) -> Result<Database, String> {
    let factory = Factory::new().map_err(|error| error.to_string())?;
    let mut request = factory
        .open(DATABASE, Some(version))
        .map_err(|error| error.to_string())?;
    request.on_upgrade_needed(|event| {
        if let Ok(database) = event.database() {
            if !database.store_names().iter().any(|name| name == PACKS) {
                let mut params = ObjectStoreParams::new();
                params.key_path(Some(KeyPath::new_single("id")));
                let _ = database.create_object_store(PACKS, params);
            }
        }
    });
    request
        .await
        .map_err(|error| explain_open_error(error.to_string()))
}

/// The reason a database did not open, in words: one left by a newer version of
/// Casebook (a higher version number: `VersionError`) is said to be so, since the packs
/// in it are still there and reloading gets the version that reads them.
fn explain_open_error(message: String) -> String {
    if message.contains("VersionError") {
        "they were kept by a newer version of Casebook; reload the page to get it".to_owned()
    } else {
        message
    }
}

fn field(record: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(record, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn entry_of(record: &JsValue) -> Option<(f64, Entry)> {
    Some((
        field(record, "opened").as_f64().unwrap_or(0.0),
        Entry {
            id: field(record, "id").as_string()?,
            title: field(record, "title").as_string()?,
            file: field(record, "file").as_string().unwrap_or_default(),
            bytes: field(record, "bytes").as_f64().unwrap_or(0.0) as usize,
        },
    ))
}

fn pack_of(record: &JsValue) -> Option<StoredPack> {
    let (_, entry) = entry_of(record)?;
    let encoded = field(record, "encoded");
    Some(StoredPack {
        entry,
        text: field(record, "text").as_string()?,
        encoded: encoded
            .is_instance_of::<js_sys::Uint8Array>()
            .then(|| js_sys::Uint8Array::new(&encoded).to_vec()),
    })
}

/// The packs' store in a new transaction of `mode`: every pack operation starts here.
async fn packs_store(mode: TransactionMode) -> Result<(Transaction, ObjectStore), String> {
    let database = database().await?;
    let transaction = database
        .transaction(&[PACKS], mode)
        .map_err(|error| error.to_string())?;
    let store = transaction
        .object_store(PACKS)
        .map_err(|error| error.to_string())?;
    Ok((transaction, store))
}

/// The opened packs, in the order first opened.
pub async fn packs_list() -> Result<Vec<Entry>, String> {
    let (_transaction, store) = packs_store(TransactionMode::ReadOnly).await?;
    let records = store
        .get_all(None, None)
        .map_err(|error| error.to_string())?
        .await
        .map_err(|error| error.to_string())?;
    let mut entries: Vec<(f64, Entry)> = records.iter().filter_map(entry_of).collect();
    entries.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(entries.into_iter().map(|(_, entry)| entry).collect())
}

/// One opened pack.
pub async fn packs_get(id: &str) -> Result<Option<StoredPack>, String> {
    let (_transaction, store) = packs_store(TransactionMode::ReadOnly).await?;
    let record = store
        .get(JsValue::from_str(id))
        .map_err(|error| error.to_string())?
        .await
        .map_err(|error| error.to_string())?;
    Ok(record.as_ref().and_then(pack_of))
}

fn put_error(message: String) -> PutError {
    if message.contains("Quota") {
        PutError::Full
    } else {
        PutError::Unavailable(message)
    }
}

/// Keeps a pack in one transaction: it replaces an earlier version only when committed.
/// With `only_over`, it is written only if the stored pack's text is still that text
/// (read and compared in the same transaction); `Ok(false)` when it was not.
pub async fn packs_put(pack: StoredPack, only_over: Option<&str>) -> Result<bool, PutError> {
    let record = js_sys::Object::new();
    let set = |name: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&record, &JsValue::from_str(name), &value);
    };
    set("id", JsValue::from_str(&pack.entry.id));
    set("title", JsValue::from_str(&pack.entry.title));
    set("file", JsValue::from_str(&pack.entry.file));
    set("bytes", JsValue::from_f64(pack.entry.bytes as f64));
    set("text", JsValue::from_str(&pack.text));
    if let Some(encoded) = &pack.encoded {
        set(
            "encoded",
            js_sys::Uint8Array::from(encoded.as_slice()).into(),
        );
    }
    let (transaction, store) = packs_store(TransactionMode::ReadWrite)
        .await
        .map_err(put_error)?;
    let old = store
        .get(JsValue::from_str(&pack.entry.id))
        .map_err(|error| put_error(error.to_string()))?
        .await
        .ok()
        .flatten();
    if let Some(expected) = only_over {
        if old
            .as_ref()
            .and_then(|old| field(old, "text").as_string())
            .as_deref()
            != Some(expected)
        {
            return Ok(false);
        }
    }
    // Keep the time first opened, so the list's order does not change on a new version.
    let opened = old
        .and_then(|old| field(&old, "opened").as_f64())
        .unwrap_or_else(now_ms);
    set("opened", JsValue::from_f64(opened));
    store
        .put(&record, None)
        .map_err(|error| put_error(error.to_string()))?
        .await
        .map_err(|error| put_error(error.to_string()))?;
    match transaction.await {
        Ok(idb::TransactionResult::Committed) => Ok(true),
        Ok(idb::TransactionResult::Aborted) => Err(PutError::Full),
        Err(error) => Err(put_error(error.to_string())),
    }
}

/// Forgets an opened pack.
pub async fn packs_delete(id: &str) -> Result<(), String> {
    let (transaction, store) = packs_store(TransactionMode::ReadWrite).await?;
    store
        .delete(JsValue::from_str(id))
        .map_err(|error| error.to_string())?
        .await
        .map_err(|error| error.to_string())?;
    match transaction.await {
        Ok(idb::TransactionResult::Committed) => Ok(()),
        Ok(idb::TransactionResult::Aborted) => Err("the deletion was aborted".to_owned()),
        Err(error) => Err(error.to_string()),
    }
}
