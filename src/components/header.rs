//! The site header: the app's name and the navigation between views.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::{nav_entries, Route};

/// The header with the main navigation; the current view is marked with
/// `aria-current="page"` (and not by colour alone: it is also underlined).
#[component]
pub fn Header() -> Html {
    let current = use_route::<Route>();
    let is_current = |route: &Route| match (&current, route) {
        (Some(Route::TimelineEvent { .. }), Route::Timeline) => true,
        (Some(current), route) => current == route,
        (None, _) => false,
    };
    // Publish the header's height as `--header-h`, so bars that stick under it (the
    // reader's section navigation) sit just below it however the navigation wraps.
    use_effect_with((), |_| {
        #[cfg(target_arch = "wasm32")]
        let listener = {
            let measure = || {
                use wasm_bindgen::JsCast;
                let document = gloo::utils::document();
                // On a phone the header scrolls away (it is not sticky), so nothing
                // needs to clear it.
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
            };
            measure();
            gloo::events::EventListener::new(&gloo::utils::window(), "resize", move |_| measure())
        };
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
    // On a phone the navigation scrolls sideways: keep the current view's link in sight.
    use_effect_with(current.clone(), |_| {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
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
    });
    html! {
        <header class="site-header">
            <Link<Route> to={Route::Overview} classes="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <span>{ "Casebook" }</span>
            </Link<Route>>
            <nav aria-label="Views">
                <ul class="nav-list">
                    { for nav_entries().into_iter().map(|entry| {
                        let current = is_current(&entry.route);
                        html! {
                            <li>
                                <Link<Route> to={entry.route.clone()} classes={classes!("nav-link", current.then_some("current"))}>
                                    <span aria-current={current.then_some("page")}>{ entry.label }</span>
                                </Link<Route>>
                            </li>
                        }
                    }) }
                </ul>
            </nav>
        </header>
    }
}
