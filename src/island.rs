//! Bench only: the islands spike of the route-split measurement (`scripts/spike-split.sh`,
//! ARCHITECTURE.md, "Why one module"). Built only with `--cfg casebook_island` (and
//! `casebook_only_route`, so the module carries one page): the shell's header, banner and
//! footer stay the prerendered HTML, never hydrated, and only the page inside `<main>` is
//! an island, hydrated from the pack fetched as its own file rather than embedded in the
//! module. The shipped build never compiles this module.

use std::rc::Rc;

use casebook_core::CasePack;
use yew::prelude::*;
use yew_router::history::AnyHistory;
use yew_router::prelude::*;

use crate::route::Route;

/// Properties of [`Island`].
#[derive(Properties, PartialEq, Clone)]
pub struct IslandProps {
    /// The browser's history in the browser; an in-memory one at the page's path in the
    /// prerender step.
    pub history: AnyHistory,
    /// The pack the page shows.
    pub pack: Rc<CasePack>,
}

/// The routed page alone, with the two contexts it reads: the same on both sides, so the
/// island hydrates the markup the prerender step wrote inside `<main>`.
#[component]
pub fn Island(props: &IslandProps) -> Html {
    html! {
        <Router history={props.history.clone()}>
            <ContextProvider<Rc<CasePack>> context={props.pack.clone()}>
                <Switch<Route> render={crate::app::switch} />
            </ContextProvider<Rc<CasePack>>>
        </Router>
    }
}

/// In the browser: fetches the pack's encoding, decodes it and hydrates `<main>`'s page,
/// then marks the page (`data-island-hydrated-at`, for `scripts/spike-split.mjs`).
#[cfg(target_arch = "wasm32")]
pub fn hydrate() {
    use wasm_bindgen::JsCast;
    wasm_bindgen_futures::spawn_local(async {
        let window = gloo::utils::window();
        let response: web_sys::Response =
            wasm_bindgen_futures::JsFuture::from(window.fetch_with_str("/seed.casepack.bin"))
                .await
                .expect("the pack's file is served")
                .unchecked_into();
        let buffer =
            wasm_bindgen_futures::JsFuture::from(response.array_buffer().expect("a body to read"))
                .await
                .expect("the body reads");
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        let pack = casebook_core::binary::decode(&bytes).expect("the pack decodes");
        let root = gloo::utils::document()
            .get_element_by_id("main")
            .expect("every page has <main id=\"main\">");
        yew::Renderer::<Island>::with_root_and_props(
            root,
            IslandProps {
                history: AnyHistory::from(yew_router::history::BrowserHistory::new()),
                pack: Rc::new(pack),
            },
        )
        .hydrate();
        let now = window.performance().map(|p| p.now()).unwrap_or_default();
        let _ = gloo::utils::document_element()
            .set_attribute("data-island-hydrated-at", &format!("{}", now.round()));
    });
}
