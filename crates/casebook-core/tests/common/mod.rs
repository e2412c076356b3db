//! What several test files share.

/// An id read from text the way the core reads one from a file (ids cannot be made from
/// text outside the core otherwise), for tests that name items the pack may not have.
pub fn id<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_value(serde_json::Value::from(text)).expect("an id reads from text")
}
