//! The native side of `crate::browser` (the prerender step, native tests): there is no
//! browser, no event ever fires, and every function does nothing or answers "none".

use std::rc::Rc;

use yew::{Event, NodeRef};

use super::On;

/// Stands for a listener (there are no events natively).
pub struct Listening;

/// Stands for a timer (nothing runs later natively).
pub struct Timer;

/// Stands for a file being read (no file is read natively).
pub type FileReading = ();

/// No events natively.
pub fn listen(_target: On, _event: &'static str, _handler: Rc<dyn Fn(&Event)>) -> Listening {
    Listening
}

/// No wheel natively.
pub fn listen_wheel(_element: &NodeRef, _handler: impl Fn(f64, f64, f64) + 'static) -> Listening {
    Listening
}

/// Nothing runs later natively.
pub fn later(_ms: u32, _done: impl FnOnce() + 'static) -> Timer {
    Timer
}

/// Nothing to focus natively.
pub fn focus_later(_id: String) {}

/// Nothing to focus natively.
pub fn focus_selector_later(_selector: String) {}

/// No address natively.
pub fn query_param(_name: &str) -> Option<String> {
    None
}

/// No address natively.
pub fn current_fragment() -> String {
    String::new()
}

/// No origin natively.
pub fn origin() -> String {
    String::new()
}

/// No clock is needed natively (nothing is timed or scheduled there).
pub fn now_ms() -> f64 {
    0.0
}

/// No clipboard natively.
pub fn copy_to_clipboard(_text: &str) {}

/// No printer natively.
pub fn print() {}

/// No history natively.
pub fn go_back() {}

/// No downloads natively.
pub fn download(_file_name: &str, _mime: &str, _text: &str) -> bool {
    false
}

/// No address natively.
pub fn replace_query(_name: &str, _value: &str) {}

/// No files are read natively.
pub fn read_text(
    _file: web_sys::File,
    _limit: usize,
    done: impl FnOnce(Result<String, String>) + 'static,
) -> Option<FileReading> {
    done(Err("files are read only in the browser".to_owned()));
    None
}

/// No drops natively.
pub fn dropped_file(_event: &yew::DragEvent) -> Option<web_sys::File> {
    None
}

/// No file inputs natively.
pub fn chosen_file(_event: &Event) -> Option<web_sys::File> {
    None
}

/// Day 0: nothing is scheduled natively.
pub fn today() -> i64 {
    0
}

/// Nothing to focus natively.
pub fn focus(_id: &str) {}

/// No pointer natively (the prerendered page is laid out for a mouse).
pub fn coarse_pointer() -> bool {
    false
}

/// No layout natively.
pub fn element_width(_element: &NodeRef) -> Option<f64> {
    None
}

/// No layout natively.
pub fn client_rect(_element: &NodeRef, _x: i32, _y: i32) -> Option<(f64, f64, f64)> {
    None
}

/// No pointers natively.
pub fn capture_pointer(_element: &NodeRef, _pointer: i32) {}

/// No page to scroll natively.
pub fn reveal_highlight() {}

/// No page to scroll natively.
pub fn keep_above_sheet(_mark: &str, _sheet: &str) {}

/// No selection natively.
pub fn selected_sentence() -> Option<String> {
    None
}

/// No selection natively.
pub fn clear_selection() {}

/// No page natively.
pub fn publish_header_height() {}

/// No page natively.
pub fn reveal_current_nav_link() {}
