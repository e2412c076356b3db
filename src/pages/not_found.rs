//! The page for any path that is not a route.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

/// "Page not found", with a way back.
#[component]
pub fn NotFound() -> Html {
    html! {
        <article class="page">
            <h1>{ crate::route::Route::NotFound.heading("") }</h1>
            <p>{ "There is no page at this address. The views of the case are in the menu above." }</p>
            <p><Link<Route> to={Route::Overview} classes="button">{ "Go to the overview" }</Link<Route>></p>
        </article>
    }
}
