//! The importer Web Worker: says it is ready (`true`), then receives `[file name, text]`, parses and validates the pack
//! with the core (`casebook_core::import::reply`), and answers with the encoded pack (a
//! `Uint8Array`) or every error (a JSON string). It has its own wasm, loaded only when the
//! user opens a file, so the TOML parser and validator never weigh on the page's first
//! visit, and a huge or slow pack never blocks the page: the page can stop the worker.

#[cfg(target_arch = "wasm32")]
fn main() {
    use casebook_core::import::{reply, Reply};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = js_sys::Array::from(&event.data());
        let name = request.get(0).as_string().unwrap_or_default();
        let text = request.get(1).as_string().unwrap_or_default();
        let answer: JsValue = match reply(&name, &text) {
            Reply::Pack(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
            Reply::Errors(json) => json.into(),
        };
        let _ = answer_to.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its message handler.
    on_message.forget();
    // The wasm starts asynchronously, after the worker script has run, so a message the
    // page sent at once would arrive before this handler exists and be lost. The page
    // waits for this `true` before sending the pack.
    let _ = scope.post_message(&JsValue::TRUE);
}

/// Natively there is no worker: the native tests call the core directly.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
