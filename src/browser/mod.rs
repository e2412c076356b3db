//! The browser facilities the views use (the address, the clipboard, printing, files,
//! focus, time, the DOM measurements of the timeline, the reader's selection) behind
//! plain functions with one signature on both sides: the browser's in `web.rs`, and in
//! `native.rs` the prerender step's and the native tests', where they do nothing, so the
//! render functions stay pure and run in both places. What the device keeps is the
//! storage module's (`crate::storage`).

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
use native as backend;
#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
use web as backend;

use std::rc::Rc;

use yew::prelude::*;

pub use backend::{
    capture_pointer, chosen_file, clear_selection, client_rect, coarse_pointer, copy_to_clipboard,
    current_fragment, download, dropped_file, element_width, focus, focus_later,
    focus_selector_later, go_back, keep_above_sheet, later, listen, listen_wheel, now_ms, origin,
    print, publish_header_height, query_param, read_text, replace_query, reveal_current_nav_link,
    reveal_highlight, selected_sentence, today, FileReading, Listening, Timer,
};

/// A file the user picked or dropped.
pub type FileHandle = web_sys::File;

/// The largest notes or progress file read (they are a few KB).
pub const SMALL_FILE_LIMIT: usize = 5 * 1024 * 1024;

/// True when `event` is the Escape key being pressed.
pub fn is_escape(event: &Event) -> bool {
    use wasm_bindgen::JsCast;
    event
        .dyn_ref::<web_sys::KeyboardEvent>()
        .is_some_and(|key| key.key() == "Escape")
}

/// Where a listener listens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    /// The window (`hashchange`, `resize`, a test's custom event).
    Window,
    /// The document (`selectionchange`).
    Document,
}

/// Calls `handler` whenever `target` fires `event`, for the life of the component: one
/// hook for every window and document listener, so none is written by hand in a view.
#[hook]
pub fn use_event<F>(target: On, event: &'static str, handler: F)
where
    F: Fn(&Event) + 'static,
{
    let handler: Rc<dyn Fn(&Event)> = Rc::new(handler);
    use_effect_with((target, event), move |(target, event)| {
        let listening = listen(*target, event, handler);
        move || {
            let _listening = listening;
        }
    });
}

/// True when the focus an event reports is shown as keyboard focus (`:focus-visible`):
/// a Tab, not a tap or a click, which bring their own click.
pub fn focus_is_visible(event: &FocusEvent) -> bool {
    use yew::TargetCast;
    event
        .target_dyn_into::<web_sys::Element>()
        .is_some_and(|element| element.matches(":focus-visible").unwrap_or(false))
}

/// The value of the input, text area or select an event came from.
pub fn input_value(event: &Event) -> String {
    use yew::TargetCast;
    if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
        return area.value();
    }
    event
        .target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|select| select.value())
        .unwrap_or_default()
}
