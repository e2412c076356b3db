//! Natively (the prerender step and native tests) nothing is stored: reads find nothing
//! and writes report that storage is unavailable, so the render functions stay pure.

use super::SaveError;

/// Stands for a listener for other tabs' changes (there are none natively).
pub struct ChangeListener;

/// Natively (the prerender step) there is nothing to keep, and nothing to say so.
pub fn available() -> bool {
    true
}

/// Nothing is stored natively.
pub fn get(_key: &str) -> Option<String> {
    None
}

/// Nothing can be stored natively.
pub fn set(_key: &str, _value: &str) -> Result<(), SaveError> {
    Err(SaveError::Unavailable)
}

/// Nothing to forget natively.
pub fn remove(_key: &str) {}

/// No keys natively.
pub fn keys() -> Vec<String> {
    Vec::new()
}

/// No clock is needed natively.
pub fn now_ms() -> f64 {
    0.0
}

/// Nothing to ask natively.
pub fn ask_to_persist() {}

/// Never answers natively: the state stays unknown.
pub fn query_persisted(_done: impl FnOnce(bool) + 'static) {}

/// No other tabs natively.
pub fn on_change(_on_change: impl Fn(Option<String>) + 'static) -> ChangeListener {
    ChangeListener
}

use super::packs::{Entry, PutError, StoredPack};

/// No packs are kept natively.
pub async fn packs_list() -> Result<Vec<Entry>, String> {
    Ok(Vec::new())
}

/// No packs are kept natively.
pub async fn packs_get(_id: &str) -> Result<Option<StoredPack>, String> {
    Ok(None)
}

/// No packs can be kept natively.
pub async fn packs_put(_pack: StoredPack, _only_over: Option<&str>) -> Result<bool, PutError> {
    Err(PutError::Unavailable(
        "nothing is stored natively".to_owned(),
    ))
}

/// No packs are kept natively.
pub async fn packs_delete(_id: &str) -> Result<(), String> {
    Ok(())
}
