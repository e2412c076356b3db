//! The app's root components: [`App`] in the browser, [`ServerApp`] in the prerender
//! step, and the [`Shell`] both share (header, navigation, the routed page, footer).

use yew::prelude::*;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::prelude::*;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::pack::{load_seed, LoadedPack};
use crate::pages;
use crate::route::Route;

/// Renders the page for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Overview => html! { <pages::overview::Overview /> },
        Route::Timeline => html! { <pages::timeline::Timeline /> },
        Route::TimelineEvent { event } => {
            html! { <pages::timeline::Timeline selected={Some(AttrValue::from(event))} /> }
        }
        Route::Compare => html! { <pages::compare::Compare /> },
        Route::Differential => html! { <pages::differential::Differential /> },
        Route::Reader => html! { <pages::reader::Reader /> },
        Route::Search => html! { <pages::search::Search /> },
        Route::Study => html! { <pages::study::Study /> },
        Route::Sources => html! { <pages::sources::Sources /> },
        Route::NotFound => html! { <pages::not_found::NotFound /> },
    }
}

/// Header, navigation, the routed page and the footer; the same on both sides.
#[component]
pub fn Shell() -> Html {
    let pack = use_memo((), |_| load_seed());
    let pack: LoadedPack = (*pack).clone();
    html! {
        <ContextProvider<LoadedPack> context={pack}>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            <Header />
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <Footer />
        </ContextProvider<LoadedPack>>
    }
}

/// The browser's root: the shell under the browser's history.
#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <Shell />
            <TestPanicTrigger />
        </BrowserRouter>
    }
}

/// Properties of [`ServerApp`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct ServerAppProps {
    /// The path to render, e.g. `/timeline`.
    pub path: AttrValue,
}

/// The prerender step's root: the shell under an in-memory history at one path.
#[component]
pub fn ServerApp(props: &ServerAppProps) -> Html {
    let history = use_memo(props.path.clone(), |path| {
        AnyHistory::from(MemoryHistory::with_entries([path.to_string()]))
    });
    html! {
        <Router history={(*history).clone()}>
            <Shell />
            <TestPanicTrigger />
        </Router>
    }
}

/// Listens for the `casebook-test-panic` window event and panics, so the end-to-end
/// tests can prove a panic shows the recovery screen. Renders nothing; inert unless a
/// script on the page (only a test) dispatches that event.
#[component]
fn TestPanicTrigger() -> Html {
    use_effect_with((), |_| {
        #[cfg(target_arch = "wasm32")]
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "casebook-test-panic", |_| {
                panic!("test panic requested by the casebook-test-panic event");
            });
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
    Html::default()
}
