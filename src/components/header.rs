//! The site header: the app's name and the navigation between views.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::browser;
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
    use_effect_with((), |_| browser::publish_header_height());
    browser::use_event(browser::On::Window, "resize", |_| {
        browser::publish_header_height()
    });
    // On a phone the navigation scrolls sideways: keep the current view's link in sight.
    use_effect_with(current.clone(), |_| browser::reveal_current_nav_link());
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
