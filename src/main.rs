//! The browser entry point: installs the panic screen and hydrates the prerendered page.

/// The islands spike (bench only, `src/island.rs`): only the page inside `<main>` hydrates.
#[cfg(all(target_arch = "wasm32", casebook_island))]
fn main() {
    casebook::island::hydrate();
}

#[cfg(all(target_arch = "wasm32", not(casebook_island)))]
fn main() {
    use wasm_bindgen::JsCast;

    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show_crash_screen(&message);
    }));

    use yew_router::Routable;

    let window = gloo::utils::window();
    let document = gloo::utils::document();
    let root = document
        .get_element_by_id("app")
        .expect("index.html has <div id=\"app\">");
    // An odd address (`/index.html`, `/timeline//`) is read as its canonical form.
    let path = window.location().pathname().unwrap_or_default();
    let path = match casebook::route::Route::canonical_path(&path) {
        Some(canonical) => {
            let rest = format!(
                "{}{}",
                window.location().search().unwrap_or_default(),
                window.location().hash().unwrap_or_default()
            );
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&format!("{canonical}{rest}")),
                );
            }
            canonical
        }
        None => path,
    };
    // Hydrate only the HTML of this route's page. A host may answer an address with
    // another page (404.html for an opened case's event, index.html for anything): Yew
    // panics when hydrating a different page, so that HTML is replaced by a fresh render.
    let route =
        casebook::route::Route::recognize(&path).unwrap_or(casebook::route::Route::NotFound);
    let rendered = root.get_attribute("data-page");
    if rendered.as_deref() == Some(route.page()) {
        yew::Renderer::<casebook::app::App>::with_root(root).hydrate();
    } else {
        root.set_inner_html("");
        let _ = root.set_attribute("data-page", route.page());
        yew::Renderer::<casebook::app::App>::with_root(root).render();
    }

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
