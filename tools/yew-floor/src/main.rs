//! A hydrated Yew page with a router, a state hook and a link: nothing of Casebook's.

use yew::prelude::*;
use yew_router::prelude::*;

/// Two routes, so the router is really used.
#[derive(Clone, Routable, PartialEq)]
enum Route {
    #[at("/")]
    Home,
    #[at("/about")]
    About,
}

/// A counter and a link.
#[component]
fn Home() -> Html {
    let count = use_state(|| 0);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <main>
            <h1>{ "Hello" }</h1>
            <button {onclick}>{ *count }</button>
            <Link<Route> to={Route::About}>{ "About" }</Link<Route>>
        </main>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::About => html! { <p>{ "About" }</p> },
    }
}

/// The app.
#[component]
fn App() -> Html {
    html! { <BrowserRouter><Switch<Route> render={switch} /></BrowserRouter> }
}

fn main() {
    yew::Renderer::<App>::new().hydrate();
}
