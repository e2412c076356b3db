//! The few browser facilities the views use (query string, local storage, clipboard),
//! behind plain functions. Natively (prerender, native tests) they do nothing, so the
//! render functions stay pure and can run in both places.

/// The value of `name` in the page's query string.
pub fn query_param(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let search = gloo::utils::window().location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()?
            .get(name)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}

/// Reads a value saved on this device.
pub fn load(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::window()
            .local_storage()
            .ok()??
            .get_item(key)
            .ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Saves a value on this device; returns false if storage is unavailable or full.
pub fn save(key: &str, value: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::window()
            .local_storage()
            .ok()
            .flatten()
            .is_some_and(|storage| storage.set_item(key, value).is_ok())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, value);
        false
    }
}

/// The page's origin, e.g. `http://127.0.0.1:8080`.
pub fn origin() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::window()
            .location()
            .origin()
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Puts text on the clipboard (best effort: some browsers refuse without a user gesture
/// or on insecure origins; the link is also shown for copying by hand).
pub fn copy_to_clipboard(text: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo::utils::window()
            .navigator()
            .clipboard()
            .write_text(text);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo::utils::window().print();
    }
}
