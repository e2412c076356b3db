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

/// Forgets a value saved on this device.
pub fn remove(key: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.remove_item(key);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
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

/// Offers `text` to the user as a file download named `file_name` (CSV, RIS, notes).
/// Uses a `blob:` URL, which the strict CSP allows for downloads, and revokes it after.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let run = || -> Option<()> {
            let parts = js_sys_array_of(text);
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(mime);
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let document = gloo::utils::document();
            let anchor: web_sys::HtmlAnchorElement =
                document.create_element("a").ok()?.dyn_into().ok()?;
            anchor.set_href(&url);
            anchor.set_download(file_name);
            anchor.click();
            web_sys::Url::revoke_object_url(&url).ok()?;
            Some(())
        };
        run().is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (file_name, mime, text);
        false
    }
}

/// A one-element JS array holding `text`, the shape `Blob`'s constructor takes.
#[cfg(target_arch = "wasm32")]
fn js_sys_array_of(text: &str) -> wasm_bindgen::JsValue {
    let array = js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(text));
    array.into()
}

/// Sets `name=value` in the address's query string without a new history entry (an empty
/// value removes it), so the address always reproduces what is shown.
pub fn replace_query(name: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let window = gloo::utils::window();
        let location = window.location();
        let Ok(search) = location.search() else {
            return;
        };
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return;
        };
        if value.is_empty() {
            params.delete(name);
        } else {
            params.set(name, value);
        }
        let query: String = params.to_string().into();
        let path = location.pathname().unwrap_or_default();
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, value);
    }
}

/// A file the user picked, kept opaque so the native build (prerender) needs no web types.
#[derive(Clone, Debug, PartialEq)]
pub struct FileHandle(
    #[cfg(target_arch = "wasm32")] pub web_sys::File,
    #[cfg(not(target_arch = "wasm32"))] pub (),
);

/// Keeps a file being read alive until its callback runs.
#[cfg(target_arch = "wasm32")]
pub type FileReading = gloo::file::callbacks::FileReader;
/// Keeps a file being read alive until its callback runs (nothing natively).
#[cfg(not(target_arch = "wasm32"))]
pub type FileReading = ();

/// The largest notes or progress file read (they are a few KB).
pub const SMALL_FILE_LIMIT: usize = 5 * 1024 * 1024;

impl FileHandle {
    /// The file's name.
    pub fn name(&self) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            self.0.name()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            String::new()
        }
    }

    /// The file's size in bytes.
    pub fn size(&self) -> usize {
        #[cfg(target_arch = "wasm32")]
        {
            self.0.size() as usize
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            0
        }
    }
}

/// Reads a chosen file as text and calls `done` with it; a file over `limit` bytes is
/// refused without being read.
pub fn read_text(
    file: FileHandle,
    limit: usize,
    done: impl FnOnce(Result<String, String>) + 'static,
) -> Option<FileReading> {
    #[cfg(target_arch = "wasm32")]
    {
        if file.size() > limit {
            done(Err(format!(
                "it is {:.1} MB, and at most {:.1} MB is read",
                file.size() as f64 / 1_048_576.0,
                limit as f64 / 1_048_576.0
            )));
            return None;
        }
        let blob = gloo::file::Blob::from(web_sys::Blob::from(file.0));
        Some(gloo::file::callbacks::read_as_text(&blob, move |result| {
            done(result.map_err(|error| error.to_string()))
        }))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (file, limit);
        done(Err("files are read only in the browser".to_owned()));
        None
    }
}

/// The first file dropped in a drop event.
pub fn dropped_file(event: &yew::DragEvent) -> Option<FileHandle> {
    #[cfg(target_arch = "wasm32")]
    {
        event.data_transfer()?.files()?.get(0).map(FileHandle)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = event;
        None
    }
}

/// The file chosen in a file input's change event, clearing the input so the same file
/// can be chosen again.
pub fn chosen_file(event: &yew::Event) -> Option<FileHandle> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let input = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
        let file = input.files().and_then(|files| files.get(0));
        input.set_value("");
        file.map(FileHandle)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = event;
        None
    }
}

/// Today as a whole day number (days since 1970-01-01 in the device's local time), for the
/// flashcard schedule; 0 natively, where nothing is scheduled.
pub fn today() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
        (local_ms / 86_400_000.0).floor() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// Moves keyboard focus to the element with this id (a heading with `tabindex="-1"`, so
/// a screen reader announces where the user now is).
pub fn focus(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(element) = gloo::utils::document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// The value of the `<select>` an event came from.
pub fn select_value(event: &yew::Event) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        event
            .target()?
            .dyn_into::<web_sys::HtmlSelectElement>()
            .ok()
            .map(|select| select.value())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = event;
        None
    }
}
