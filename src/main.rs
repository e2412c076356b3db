//! The browser entry point: installs the panic screen and hydrates the prerendered page.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;

    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show_crash_screen(&message);
    }));

    let document = gloo::utils::document();
    let root = document
        .get_element_by_id("app")
        .expect("index.html has <div id=\"app\">");
    yew::Renderer::<casebook::app::App>::with_root(root).hydrate();

    /// Reveals the recovery screen that every page carries hidden (see index.html). Uses
    /// the DOM directly: after a panic, Yew cannot be trusted to render.
    fn show_crash_screen(message: &str) {
        let document = gloo::utils::document();
        if let Some(detail) = document.get_element_by_id("crash-detail") {
            detail.set_text_content(Some(message));
        }
        if let Some(reload) = document.get_element_by_id("crash-reload") {
            if let Ok(href) = gloo::utils::window().location().href() {
                let _ = reload.set_attribute("href", &href);
            }
        }
        if let Some(screen) = document.get_element_by_id("crash") {
            let _ = screen.remove_attribute("hidden");
            if let Ok(element) = screen.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    }
}

/// Natively this binary does nothing: the app runs in the browser, and the native build
/// step is `src/bin/prerender.rs`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
