//! In-browser unit tests: the real components, rendered by Yew into a real DOM in headless
//! Chromium (wasm-bindgen-test), clicked as a user would.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use casebook::app::{ServerApp, ServerAppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the app at `path` (in-memory history) into a fresh element and waits for Yew.
async fn mount(path: &str) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<ServerApp>::with_root_and_props(
        root.clone(),
        ServerAppProps {
            path: path.to_owned().into(),
        },
    )
    .render();
    settle().await;
    root
}

/// Yew renders asynchronously: give it a moment after each render or event.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// Polls until `condition` holds (Yew may need several ticks to re-render every
/// component a navigation touches); fails after two seconds.
async fn eventually(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting until {what}");
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
async fn overview_renders_the_case_and_the_disclaimer() {
    let root = mount("/").await;
    assert_eq!(
        text_of(&root, "h1"),
        "Diffuse alveolar haemorrhage after alemtuzumab in multiple sclerosis"
    );
    assert_eq!(
        root.query_selector_all(".summary-lines > li")
            .unwrap()
            .length(),
        5
    );
    assert!(text_of(&root, ".site-footer")
        .contains("For education; not for decisions about a patient."));
}

#[wasm_bindgen_test]
async fn navigation_link_changes_the_view_without_reloading() {
    let root = mount("/").await;
    click(&root, "nav a[href='/timeline']");
    eventually("the timeline is shown", || {
        text_of(&root, "h1") == "Timeline"
    })
    .await;
    eventually("the navigation marks it", || {
        text_of(&root, "nav [aria-current='page']") == "Timeline"
    })
    .await;
    let current = root
        .query_selector_all("nav [aria-current='page']")
        .unwrap();
    let labels: Vec<String> = (0..current.length())
        .map(|i| current.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(labels, ["Timeline"]);
}

#[wasm_bindgen_test]
async fn opening_a_source_shows_its_verbatim_quote() {
    let root = mount("/timeline").await;
    let details = root
        .query_selector("#event-haemoptysis details")
        .unwrap()
        .unwrap();
    assert!(!details.has_attribute("open"));
    click(&root, "#event-haemoptysis details > summary");
    settle().await;
    assert!(details.has_attribute("open"));
    assert_eq!(
        text_of(&root, "#event-haemoptysis blockquote"),
        "Four hours later she started coughing up bright red blood tinged sputum without clots."
    );
}

#[wasm_bindgen_test]
async fn selecting_an_event_by_link_marks_it_and_opens_its_source() {
    let root = mount("/timeline").await;
    click(&root, "#event-ctpa .event-label a");
    eventually("the event is selected", || {
        root.query_selector("[aria-current='true']")
            .unwrap()
            .is_some()
    })
    .await;
    let selected = root
        .query_selector("[aria-current='true']")
        .unwrap()
        .unwrap();
    assert_eq!(selected.id(), "event-ctpa");
    assert!(selected.query_selector("details[open]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn an_event_route_opens_with_that_event_selected() {
    let root = mount("/timeline/bal-cells").await;
    eventually("the event is selected", || {
        root.query_selector("#event-bal-cells[aria-current='true']")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(text_of(&root, "#event-bal-cells blockquote").contains("94% neutrophils"));
}

#[wasm_bindgen_test]
async fn an_unknown_event_route_says_so_and_shows_the_whole_timeline() {
    let root = mount("/timeline/no-such-event").await;
    eventually("the notice is shown", || {
        root.query_selector(".notice").unwrap().is_some()
    })
    .await;
    assert!(text_of(&root, ".notice").contains("There is no event"));
    assert!(root.query_selector_all(".event").unwrap().length() >= 30);
}

#[wasm_bindgen_test]
async fn a_citation_opens_what_is_known_of_its_references() {
    let root = mount("/reader").await;
    let citation = root
        .query_selector_all(".cite")
        .unwrap()
        .item(0)
        .expect("the article has citations")
        .dyn_into::<HtmlElement>()
        .unwrap();
    assert_eq!(
        citation.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    citation.click();
    eventually("the reference panel opens", || {
        root.query_selector(".popover").unwrap().is_some()
    })
    .await;
    eventually("the citation says it is expanded", || {
        root.query_selector(".cite[aria-expanded='true']")
            .unwrap()
            .is_some()
    })
    .await;
    assert_eq!(text_of(&root, ".cite[aria-expanded='true']"), "[1]");
    assert!(text_of(&root, ".popover").contains("Reference 1"));
    click(&root, ".popover-close");
    eventually("the panel closes", || {
        root.query_selector(".popover").unwrap().is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_glossary_term_shows_its_definition_on_focus() {
    let root = mount("/reader").await;
    let term = root
        .query_selector(".term")
        .unwrap()
        .expect("terms are marked")
        .dyn_into::<HtmlElement>()
        .unwrap();
    let name = term.text_content().unwrap_or_default();
    term.focus().unwrap();
    eventually("the definition opens", || {
        root.query_selector(".popover").unwrap().is_some()
    })
    .await;
    let panel = text_of(&root, ".popover");
    assert!(panel.contains("In the glossary"), "{panel}");
    assert!(panel.len() > name.len() + 20, "{panel}");
}

/// The reader's link rule against the browser's own URL parser: every link the core keeps
/// as relative stays on this site once the browser resolves it, whatever slashes,
/// backslashes, tabs or case it is written with.
#[wasm_bindgen_test]
fn a_relative_link_the_core_keeps_never_leaves_the_site() {
    let origin = gloo::utils::window().location().origin().unwrap();
    let base = format!("{origin}/reader");
    for href in [
        "/timeline",
        "#glossary",
        "/\\evil.example/path",
        "\\/evil.example/path",
        "\\\\evil.example",
        "//evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        " //evil.example",
        "/%5Cevil.example",
        "/.//evil.example",
        "\u{0}//evil.example",
        "/x\\..\\..\\\\evil.example",
    ] {
        let Some(kept) = casebook_core::reader::safe_href(href) else {
            continue;
        };
        if kept.starts_with("https://")
            || kept.starts_with("http://")
            || kept.starts_with("mailto:")
        {
            continue;
        }
        let resolved = web_sys::Url::new_with_base(&kept, &base).unwrap();
        assert_eq!(
            resolved.origin(),
            origin,
            "{href:?} was kept as {kept:?} and resolves to {}",
            resolved.href()
        );
    }
}
