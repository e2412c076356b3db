//! The browser side of `crate::browser`: web-sys and gloo behind the functions the views
//! call.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::{Event, NodeRef};

use super::On;

/// A listener that stops when dropped.
pub struct Listening(#[allow(dead_code)] Option<EventListener>);

/// A timer that is cancelled when dropped.
pub struct Timer(#[allow(dead_code)] gloo::timers::callback::Timeout);

/// Keeps a file being read alive until its callback runs.
pub type FileReading = gloo::file::callbacks::FileReader;

/// Listens for `event` on the window or the document until the result is dropped.
pub fn listen(target: On, event: &'static str, handler: Rc<dyn Fn(&Event)>) -> Listening {
    let listener = match target {
        On::Window => EventListener::new(&gloo::utils::window(), event, move |e| handler(e)),
        On::Document => EventListener::new(&gloo::utils::document(), event, move |e| handler(e)),
    };
    Listening(Some(listener))
}

/// Listens for the wheel on an element, not passively: the handler may stop the page
/// from scrolling (the timeline zooms instead). Gets (delta, x within the element, width).
pub fn listen_wheel(element: &NodeRef, handler: impl Fn(f64, f64, f64) + 'static) -> Listening {
    let Some(svg) = element.cast::<web_sys::Element>() else {
        return Listening(None);
    };
    let target = svg.clone();
    Listening(Some(EventListener::new_with_options(
        &svg,
        "wheel",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            let Some(wheel) = event.dyn_ref::<web_sys::WheelEvent>() else {
                return;
            };
            let delta = if wheel.delta_y() != 0.0 {
                wheel.delta_y()
            } else {
                wheel.delta_x()
            };
            if delta == 0.0 {
                return;
            }
            let rect = target.get_bounding_client_rect();
            if rect.width() > 0.0 {
                event.prevent_default();
                handler(
                    delta,
                    f64::from(wheel.client_x()) - rect.left(),
                    rect.width(),
                );
            }
        },
    )))
}

/// Runs `done` after `ms` milliseconds, unless the timer is dropped first.
pub fn later(ms: u32, done: impl FnOnce() + 'static) -> Timer {
    Timer(gloo::timers::callback::Timeout::new(ms, done))
}

/// Moves focus to the element with this id once the page has drawn what is pending (a
/// newly revealed section's heading).
pub fn focus_later(id: String) {
    gloo::timers::callback::Timeout::new(0, move || focus(&id)).forget();
}

/// Moves focus to the first element matching `selector` once the page has drawn what is
/// pending (a timeline mark, which has no id of its own).
pub fn focus_selector_later(selector: String) {
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(element) = gloo::utils::document()
            .query_selector(&selector)
            .ok()
            .flatten()
        else {
            return;
        };
        // HTML and SVG elements both have `focus()`; calling it by name serves both
        // without a binding for each.
        if let Ok(focus) = js_sys::Reflect::get(&element, &"focus".into())
            .and_then(|focus| focus.dyn_into::<js_sys::Function>())
        {
            let _ = focus.call0(&element);
        }
    })
    .forget();
}

/// The value of `name` in the page's query string.
pub fn query_param(name: &str) -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The address's fragment without `#`, or empty.
pub fn current_fragment() -> String {
    gloo::utils::window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned()
}

/// The page's origin, e.g. `http://127.0.0.1:8080`.
pub fn origin() -> String {
    gloo::utils::window()
        .location()
        .origin()
        .unwrap_or_default()
}

/// Now, in milliseconds since 1970.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Puts text on the clipboard (best effort: some browsers refuse without a user gesture
/// or on insecure origins; the link is also shown for copying by hand).
pub fn copy_to_clipboard(text: &str) {
    let _ = gloo::utils::window()
        .navigator()
        .clipboard()
        .write_text(text);
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Goes back one page in the session's history.
pub fn go_back() {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.back();
    }
}

/// Offers `text` to the user as a file download named `file_name` (CSV, RIS, notes).
/// Uses a `blob:` URL, which the strict CSP allows for downloads, and revokes it after.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::new();
        parts.push(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let anchor: web_sys::HtmlAnchorElement = gloo::utils::document()
            .create_element("a")
            .ok()?
            .dyn_into()
            .ok()?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
        web_sys::Url::revoke_object_url(&url).ok()?;
        Some(())
    };
    run().is_some()
}

/// Sets `name=value` in the address's query string without a new history entry (an empty
/// value removes it), so the address always reproduces what is shown.
pub fn replace_query(name: &str, value: &str) {
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
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Reads a chosen file as text and calls `done` with it; a file over `limit` bytes is
/// refused without being read.
pub fn read_text(
    file: web_sys::File,
    limit: usize,
    done: impl FnOnce(Result<String, String>) + 'static,
) -> Option<FileReading> {
    let size = file.size() as usize;
    if size > limit {
        done(Err(format!(
            "it is {:.1} MB, and at most {:.1} MB is read",
            size as f64 / 1_048_576.0,
            limit as f64 / 1_048_576.0
        )));
        return None;
    }
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
    Some(gloo::file::callbacks::read_as_text(&blob, move |result| {
        done(result.map_err(|error| error.to_string()))
    }))
}

/// The first file dropped in a drop event.
pub fn dropped_file(event: &yew::DragEvent) -> Option<web_sys::File> {
    event.data_transfer()?.files()?.get(0)
}

/// The file chosen in a file input's change event, clearing the input so the same file
/// can be chosen again.
pub fn chosen_file(event: &Event) -> Option<web_sys::File> {
    let input = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// Today as a whole day number (days since 1970-01-01 in the device's local time), for the
/// flashcard schedule.
pub fn today() -> i64 {
    let now = js_sys::Date::new_0();
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    (local_ms / 86_400_000.0).floor() as i64
}

/// Moves keyboard focus to the element with this id (a heading with `tabindex="-1"`, so
/// a screen reader announces where the user now is).
pub fn focus(id: &str) {
    if let Some(element) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// True when the device's main pointer is a finger (`pointer: coarse`): the timeline
/// then gives each row a 44-pixel target.
pub fn coarse_pointer() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media("(pointer: coarse)").ok().flatten())
        .is_some_and(|list| list.matches())
}

/// The width the element is drawn at, in CSS pixels, to the fraction (the timeline's
/// drawing fills its frame's width, so this is the width to lay it out for).
pub fn element_width(element: &NodeRef) -> Option<f64> {
    let element = element.cast::<web_sys::Element>()?;
    Some(element.get_bounding_client_rect().width())
}

/// A point of the page relative to the element: (x, y within it, its width).
pub fn client_rect(element: &NodeRef, x: i32, y: i32) -> Option<(f64, f64, f64)> {
    let rect = element
        .cast::<web_sys::Element>()?
        .get_bounding_client_rect();
    Some((
        f64::from(x) - rect.left(),
        f64::from(y) - rect.top(),
        rect.width(),
    ))
}

/// Keeps a pointer's events on the element while it is down (a drag that leaves it).
pub fn capture_pointer(element: &NodeRef, pointer: i32) {
    if let Some(element) = element.cast::<web_sys::Element>() {
        let _ = element.set_pointer_capture(pointer);
    }
}

/// Brings the reader's highlighted sentence into view and gives it focus.
pub fn reveal_highlight() {
    if let Some(mark) = gloo::utils::document()
        .query_selector("mark.source-highlight")
        .ok()
        .flatten()
    {
        mark.scroll_into_view_with_bool(true);
        if let Ok(mark) = mark.dyn_into::<web_sys::HtmlElement>() {
            let _ = mark.focus();
        }
    }
}

/// Scrolls the page so the element `mark` (a selector) shows above the sheet `sheet`
/// (a selector) that stays at the foot of the screen, when the sheet would cover it: a
/// tapped event stays in sight above its details. A sheet beside the mark (the side
/// panel of a wide screen) covers nothing, so then the mark need only be on screen.
/// Measured a moment later, once the sheet has its content and the drawing has moved
/// to the event.
pub fn keep_above_sheet(mark: &str, sheet: &str) {
    let (mark, sheet) = (mark.to_owned(), sheet.to_owned());
    gloo::timers::callback::Timeout::new(60, move || {
        let document = gloo::utils::document();
        let window = gloo::utils::window();
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or_default();
        let Some(mark) = document.query_selector(&mark).ok().flatten() else {
            return;
        };
        let rect = mark.get_bounding_client_rect();
        let limit = document
            .query_selector(&sheet)
            .ok()
            .flatten()
            .map(|sheet| sheet.get_bounding_client_rect())
            .filter(|sheet| sheet.left() < rect.right() && sheet.right() > rect.left())
            .map(|sheet| sheet.top())
            .filter(|top| *top > 0.0)
            .unwrap_or(height);
        if rect.bottom() > limit - 8.0 {
            // Bring it to a quarter of the screen from the top, clear of the header.
            window.scroll_by_with_x_and_y(0.0, rect.top() - height * 0.25);
        }
    })
    .forget();
}

/// The article sentence the user's selection starts in, if it is inside the text.
pub fn selected_sentence() -> Option<String> {
    let window = gloo::utils::window();
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let node = selection.anchor_node()?;
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    let paragraph = element.closest(".article-paragraph").ok()??;
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(&paragraph, 0).ok()?;
    range.set_end(&node, selection.anchor_offset()).ok()?;
    let offset = String::from(range.to_string()).chars().count();
    casebook_core::notes::sentence_at(&paragraph.text_content()?, offset)
}

/// Clears the page's text selection.
pub fn clear_selection() {
    if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
}

/// Publishes the site header's height as `--header-h` on the root (0 when the header is
/// not sticky, as on a phone), so bars that stick under it sit just below it however the
/// navigation wraps.
pub fn publish_header_height() {
    let document = gloo::utils::document();
    let height = document
        .query_selector(".site-header")
        .ok()
        .flatten()
        .and_then(|header| header.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|header| {
            let sticky = gloo::utils::window()
                .get_computed_style(&header)
                .ok()
                .flatten()
                .and_then(|style| style.get_property_value("position").ok())
                .is_some_and(|position| position == "sticky");
            if sticky {
                header.offset_height()
            } else {
                0
            }
        });
    if let (Some(height), Some(root)) = (
        height,
        document
            .document_element()
            .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok()),
    ) {
        let _ = root
            .style()
            .set_property("--header-h", &format!("{height}px"));
    }
}

/// On a phone the navigation scrolls sideways: brings the current view's link into sight.
pub fn reveal_current_nav_link() {
    let document = gloo::utils::document();
    let nav = document.query_selector(".site-header nav").ok().flatten();
    let link = document
        .query_selector(".site-header .nav-link.current")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
    if let (Some(nav), Some(link)) = (nav, link) {
        if nav.scroll_width() > nav.client_width() {
            let offset = link.get_bounding_client_rect().left()
                - nav.get_bounding_client_rect().left()
                + f64::from(nav.scroll_left());
            nav.set_scroll_left(offset as i32 - 12);
        }
    }
}
