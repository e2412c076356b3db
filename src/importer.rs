//! Checks a case pack the user opens, in the importer Web Worker (its own wasm; see
//! `crates/casebook-importer`), so the page's wasm carries no TOML parser or validator and
//! the page stays responsive however large or strange the file is. A pack that takes
//! longer than [`TIME_LIMIT_MS`] is stopped, and the user told.
//!
//! Natively (prerender, native tests) there is no worker; the core is called directly.

use casebook_core::{CasePack, PackErrors};

/// How long the worker may take before it is stopped (ms). The seed pack takes well under
/// a second; the size limit (10 MB) bounds the worst case far below this.
pub const TIME_LIMIT_MS: u32 = 30_000;

/// A check in progress: dropping it stops the worker.
pub struct Job {
    #[cfg(target_arch = "wasm32")]
    _worker: WorkerGuard,
}

/// Checks `text` as a case pack named `file`; `done` gets the pack or every error. Returns
/// the running job (keep it until `done` runs).
pub fn check(
    file: String,
    text: String,
    done: impl FnOnce(Result<CasePack, PackErrors>) + 'static,
) -> Option<Job> {
    #[cfg(target_arch = "wasm32")]
    {
        wasm::check(file, text, Box::new(done))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        done(casebook_core::load_pack(&file, &text));
        None
    }
}

/// Checks `text` as a case pack named `file`, as a future: the worker runs until the
/// answer comes (or the time limit stops it).
pub async fn check_async(file: String, text: String) -> Result<CasePack, PackErrors> {
    let (sender, receiver) = futures::channel::oneshot::channel();
    // Kept until the answer comes: dropping the job stops the worker.
    let _job = check(file.clone(), text, move |result| {
        let _ = sender.send(result);
    });
    let result = receiver.await.unwrap_or_else(|_| {
        Err(PackErrors::whole_file(
            &file,
            "the importer stopped without an answer",
        ))
    });
    result
}

#[cfg(target_arch = "wasm32")]
struct WorkerGuard {
    worker: web_sys::Worker,
    _on_message: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::ErrorEvent)>,
    _timeout: gloo::timers::callback::Timeout,
}

#[cfg(target_arch = "wasm32")]
impl Drop for WorkerGuard {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::cell::RefCell;
    use std::rc::Rc;

    use casebook_core::import::{errors_from_reply, pack_from_reply};
    use casebook_core::{CasePack, PackErrors};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    use super::{Job, WorkerGuard, TIME_LIMIT_MS};

    type Done = Box<dyn FnOnce(Result<CasePack, PackErrors>)>;

    /// The importer's loader, named by the prerender step in a meta tag.
    fn loader_url() -> Option<String> {
        gloo::utils::document()
            .query_selector("meta[name=\"casebook-importer\"]")
            .ok()??
            .get_attribute("content")
    }

    pub(super) fn check(file: String, text: String, done: Done) -> Option<Job> {
        // `done` runs once, whichever of answer, failure or timeout comes first.
        let done = Rc::new(RefCell::new(Some(done)));
        let finish = {
            let done = done.clone();
            move |result: Result<CasePack, PackErrors>| {
                if let Some(done) = done.borrow_mut().take() {
                    done(result);
                }
            }
        };
        let Some(url) = loader_url() else {
            finish(Err(PackErrors::whole_file(
                &file,
                "the importer is missing from this build of the app".to_owned(),
            )));
            return None;
        };
        let worker = match web_sys::Worker::new(&url) {
            Ok(worker) => worker,
            Err(_) => {
                finish(Err(PackErrors::whole_file(
                    &file,
                    "the importer could not be started in this browser".to_owned(),
                )));
                return None;
            }
        };
        // The request is sent when the worker says it is ready (see the importer).
        let request = js_sys::Array::of2(&file.clone().into(), &text.into());
        let on_message = {
            let finish = finish.clone();
            let file = file.clone();
            let worker = worker.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                if data.as_bool() == Some(true) {
                    let _ = worker.post_message(&request);
                    return;
                }
                let result = if let Some(json) = data.as_string() {
                    Err(errors_from_reply(&file, &json))
                } else {
                    let bytes = js_sys::Uint8Array::new(&data).to_vec();
                    pack_from_reply(&file, &bytes)
                };
                finish(result);
            })
        };
        let on_error = {
            let finish = finish.clone();
            let file = file.clone();
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
                finish(Err(PackErrors::whole_file(
                    &file,
                    format!("the importer stopped: {}", event.message()),
                )));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let timeout = {
            let worker = worker.clone();
            let file = file.clone();
            gloo::timers::callback::Timeout::new(TIME_LIMIT_MS, move || {
                worker.terminate();
                finish(Err(PackErrors::whole_file(
                    &file,
                    format!(
                        "checking the pack took longer than {} seconds and was stopped; nothing changed",
                        TIME_LIMIT_MS / 1000
                    ),
                )));
            })
        };
        Some(Job {
            _worker: WorkerGuard {
                worker,
                _on_message: on_message,
                _on_error: on_error,
                _timeout: timeout,
            },
        })
    }
}
