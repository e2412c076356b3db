//! Every route renders natively with Yew's SSR (the prerender path) to a page with its
//! heading, the navigation and the disclaimer. Runs with `--features ssr`.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use casebook::app::{ServerApp, ServerAppProps};
use casebook::route::Route;
use yew::ServerRenderer;
use yew_router::Routable;

fn render(path: &str) -> String {
    let path = path.to_owned();
    futures::executor::block_on(
        ServerRenderer::<ServerApp>::with_props(move || ServerAppProps { path: path.into() })
            .hydratable(false)
            .render(),
    )
}

#[test]
fn every_route_renders_its_heading_navigation_and_disclaimer() {
    let expectations = [
        (
            Route::Overview,
            "<h1>Diffuse alveolar haemorrhage after alemtuzumab in multiple sclerosis</h1>",
        ),
        (Route::Timeline, "<h1>Timeline</h1>"),
        (Route::Compare, "<h1>Compare</h1>"),
        (Route::Differential, "<h1>Differential</h1>"),
        (Route::Reader, "<h1>The paper</h1>"),
        (Route::Search, "<h1>Search</h1>"),
        (Route::Study, "<h1>Study</h1>"),
        (Route::Sources, "<h1>Sources</h1>"),
        (Route::NotFound, "<h1>Page not found</h1>"),
    ];
    for (route, heading) in expectations {
        let html = render(&route.to_path());
        assert!(html.contains(heading), "{route:?} lacks {heading}");
        assert!(
            html.contains("aria-label=\"Views\""),
            "{route:?} lacks the navigation"
        );
        assert!(
            html.contains("For education; not for decisions about a patient."),
            "{route:?} lacks the disclaimer"
        );
    }
}

#[test]
fn unknown_paths_render_the_not_found_page() {
    assert!(render("/no/such/page").contains("<h1>Page not found</h1>"));
}

#[test]
fn the_overview_holds_the_five_lines_and_the_key_message() {
    let html = render("/");
    assert!(html.contains("The case in five lines"));
    assert!(html.contains("14 of 17 transplant or haematology patients died"));
    assert!(html.contains("Key message"));
}

#[test]
fn the_timeline_lists_every_event_and_event_pages_share_its_html() {
    let pack = casebook_core::seed_pack().unwrap();
    let html = render("/timeline");
    for event in &pack.events {
        assert!(
            html.contains(&format!("id=\"event-{}\"", event.id)),
            "event {} missing",
            event.id
        );
    }
    // Event pages prerender exactly like /timeline: the selection is applied after
    // hydration, so one cached page serves every event offline.
    assert_eq!(render("/timeline/haemoptysis"), render("/timeline"));
}

#[test]
fn the_current_view_is_marked_in_the_navigation() {
    let html = render("/compare");
    let current = html
        .find("aria-current=\"page\"")
        .expect("one link is current");
    assert!(
        html[current..].starts_with("aria-current=\"page\">Compare<"),
        "{}",
        &html[current..current + 60]
    );
}
