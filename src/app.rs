//! The app's root components: [`App`] in the browser, [`ServerApp`] in the prerender
//! step, and the [`Shell`] both share (header, navigation, the routed page, footer).

use std::rc::Rc;

use casebook_core::CasePack;
use yew::prelude::*;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::prelude::*;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::library::CaseBanner;
use crate::components::pack_failed::PackFailed;
use crate::library::{self, LibraryState};
use crate::pack::{load_seed, LoadedPack};
use crate::pages;
use crate::route::Route;
use crate::storage;

/// A page this build carries. Every build carries every page: only the route-split
/// measurement (`scripts/spike-split.sh`, bench only, ARCHITECTURE.md) builds with
/// `--cfg casebook_only_route --cfg casebook_only_route="<page>"` (the bare name says the
/// build carries one page; the value, which), to weigh a module holding one route's page, and
/// there renders the other routes as not found. `cfg!` is a constant, so the pages a
/// build does not carry are dropped from its wasm.
macro_rules! carried {
    ($page:literal, $view:expr) => {
        if cfg!(any(not(casebook_only_route), casebook_only_route = $page)) {
            $view
        } else {
            html! { <pages::not_found::NotFound /> }
        }
    };
}

/// Renders the page for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Overview => carried!("overview", html! { <pages::overview::Overview /> }),
        Route::Timeline => carried!("timeline", html! { <pages::timeline::Timeline /> }),
        Route::TimelineEvent { event } => carried!(
            "timeline",
            html! { <pages::timeline::Timeline selected={Some(AttrValue::from(event))} /> }
        ),
        Route::Compare => carried!("compare", html! { <pages::compare::Compare /> }),
        Route::Differential => {
            carried!(
                "differential",
                html! { <pages::differential::Differential /> }
            )
        }
        Route::Reader => carried!("reader", html! { <pages::reader::Reader /> }),
        Route::Search => carried!("search", html! { <pages::search::Search /> }),
        Route::Study => carried!("study", html! { <pages::study::Study /> }),
        Route::Sources => carried!("sources", html! { <pages::sources::Sources /> }),
        Route::NotFound => html! { <pages::not_found::NotFound /> },
    }
}

/// Header, navigation, the routed page and the footer; the same on both sides.
///
/// Every view reads the pack from context: the built-in case, or a pack the user opened
/// (see [`crate::library`]). Which one is restored after hydration, so the prerendered
/// page (the built-in case) and the first render agree.
#[component]
pub fn Shell() -> Html {
    let seed = use_memo((), |_| load_seed());
    let library = use_reducer(LibraryState::default);
    // After hydration: read what this device holds, and follow other tabs that open or
    // remove cases.
    {
        let library = library.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(library::restore(library.clone()));
            let listener = storage::on_change(move |key| {
                if key
                    .as_deref()
                    .is_none_or(|key| key == storage::packs::REVISION_KEY)
                {
                    yew::platform::spawn_local({
                        let library = library.clone();
                        async move { library::reload_entries(&library).await }
                    });
                }
            });
            move || {
                let _listener = listener;
            }
        });
    }
    let pack: LoadedPack = match &library.active {
        Some((_, pack)) => Ok(pack.clone()),
        None => (*seed).clone(),
    };
    // The page is keyed by the pack shown: switching cases mounts every view afresh, so
    // no state, memo or restored answer of one case can leak into another.
    let case_key = format!("case-{}", library.shown);
    #[cfg(casebook_island)]
    let island_path = use_location()
        .map(|location| location.path().to_owned())
        .unwrap_or_default();
    // Settled once, here: the views receive a pack that loaded; one that did not is shown
    // as its errors instead of any view.
    let body = match pack {
        Ok(pack) => {
            #[cfg(not(casebook_island))]
            let page = html! { <Switch<Route> render={switch} /> };
            // The islands spike (bench only, src/island.rs): the page is an island under a
            // router of its own, the same tree the browser hydrates alone.
            #[cfg(casebook_island)]
            let page = html! {
                <crate::island::Island pack={pack.clone()}
                    history={AnyHistory::from(MemoryHistory::with_entries([island_path]))} />
            };
            html! {
                <ContextProvider<Rc<CasePack>> context={pack}>
                    <a class="skip-link" href="#main">{ "Skip to content" }</a>
                    <Header />
                    <CaseBanner />
                    <main id="main" tabindex="-1" key={case_key}>
                        { page }
                    </main>
                    <Footer />
                </ContextProvider<Rc<CasePack>>>
            }
        }
        Err(errors) => html! {
            <>
                <Header />
                <main id="main" tabindex="-1">
                    <PackFailed errors={errors.to_string()} />
                </main>
                <Footer />
            </>
        },
    };
    html! {
        <ContextProvider<library::Library> context={library.clone()}>
            { body }
        </ContextProvider<library::Library>>
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
    crate::browser::use_event(crate::browser::On::Window, "casebook-test-panic", |_| {
        panic!("test panic requested by the casebook-test-panic event");
    });
    Html::default()
}
