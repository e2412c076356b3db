//! Every route renders natively with Yew's SSR (the prerender path) to a page with its
//! heading, the navigation and the disclaimer. Runs with `--features ssr`.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use casebook::route::Route;
use casebook::ssr::render;
use yew_router::Routable;

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

#[test]
fn the_sources_page_says_what_was_read_where_and_what_the_notes_are() {
    let html = text_of(&render("/sources"));
    let pack = casebook_core::seed_pack().unwrap();
    for source in &pack.sources {
        let read = source
            .read
            .as_deref()
            .expect("every source says what was read");
        assert!(html.contains(read), "{}: {read}", source.id);
        let place = source.where_read.as_deref().expect("and where");
        assert!(html.contains(place), "{}: {place}", source.id);
    }
    assert!(html.contains("Not a published source: the project's own notes"));
    // Probable identifications of the paper's references say so.
    assert!(html.contains("Probably Tahir W et al."));
}

#[test]
fn the_comparison_marks_a_probable_repeat_and_another_condition() {
    let html = render("/compare");
    let tahir = html.find("id=\"row-tahir\"").expect("Tahir's row is shown");
    let header_end = tahir + html[tahir..].find("</th>").unwrap();
    assert!(html[tahir..header_end].contains("not charted"));
    // Neither it nor the Alport cases (who may be among the VigiBase reports) has a bar
    // of its own; Bayas's bar says it is another condition.
    assert!(!html.contains("aria-label=\"Tahir"));
    assert!(!html.contains("aria-label=\"Alport"));
    let bayas_bar = html
        .find("aria-label=\"Bayas")
        .expect("Bayas's patient is charted");
    let bar_row = html[..bayas_bar].rfind("<li class=\"bar-row\">").unwrap();
    assert!(html[bar_row..bayas_bar].contains("another condition"));
}

/// The page's text with the entities Yew's SSR writes turned back into characters.
fn text_of(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The first block element opened inside a `<p>` of `html`, if any. A browser's HTML
/// parser closes the paragraph before it, so the page it builds is not the tree Yew
/// rendered, and hydrating it panics: every prerendered page must be free of this.
fn block_inside_paragraph(html: &str) -> Option<String> {
    const BLOCKS: [&str; 16] = [
        "div",
        "details",
        "ul",
        "ol",
        "dl",
        "table",
        "section",
        "figure",
        "blockquote",
        "p",
        "pre",
        "form",
        "fieldset",
        "h1",
        "h2",
        "h3",
    ];
    let mut depth = 0usize;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name == "p" {
            if closing {
                depth = depth.saturating_sub(1);
            } else if depth > 0 {
                return Some("p inside p".to_owned());
            } else {
                depth += 1;
            }
        } else if !closing && depth > 0 && BLOCKS.contains(&name.as_str()) {
            let context: String = rest.chars().take(80).collect();
            return Some(format!("<{name}> inside a <p>: <{context}"));
        }
    }
    None
}

#[test]
fn no_prerendered_page_puts_a_block_inside_a_paragraph() {
    assert!(block_inside_paragraph("<p>a <span>b</span></p><div><p>c</p></div>").is_none());
    assert!(block_inside_paragraph("<p>a <details>b</details></p>").is_some());
    let mut routes = Route::static_routes();
    routes.push(Route::NotFound);
    routes.push(Route::TimelineEvent {
        event: "haemoptysis".to_owned(),
    });
    for route in routes {
        let html = render(&route.to_path());
        if let Some(problem) = block_inside_paragraph(&html) {
            panic!("{}: {problem}", route.to_path());
        }
    }
}
