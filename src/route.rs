//! The app's routes, and every address and element id the app links to. They are
//! user-facing links: keep them stable. The core says *what* an item is
//! ([`Target`]); this module alone says where it is, so a page's element ids and the
//! links to them cannot drift apart.

use casebook_core::provenance::quote_anchor;
use casebook_core::{DiagnosisId, EventId, FindingId, RowId, SourceId, Target, TermId, WorkupKind};
use yew_router::prelude::*;

/// Every route of the app.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// The case in five lines, the key message, entry to each view.
    #[at("/")]
    Overview,
    /// The case as a timeline.
    #[at("/timeline")]
    Timeline,
    /// The timeline with one event selected.
    #[at("/timeline/:event")]
    TimelineEvent {
        /// The selected event's id.
        event: String,
    },
    /// This case against the others.
    #[at("/compare")]
    Compare,
    /// The differential checklist.
    #[at("/differential")]
    Differential,
    /// The paper itself.
    #[at("/reader")]
    Reader,
    /// Search across everything.
    #[at("/search")]
    Search,
    /// Study mode.
    #[at("/study")]
    Study,
    /// Every source the app rests on.
    #[at("/sources")]
    Sources,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// One entry of the main navigation.
pub struct NavEntry {
    /// Where it goes.
    pub route: Route,
    /// Its label.
    pub label: &'static str,
    /// What the view answers, in one line (used on the overview, unless the pack words it
    /// for its case: [`NavEntry::answers_for`]).
    pub answers: &'static str,
}

impl NavEntry {
    /// What the view answers for this pack: the pack's own line where it gives one.
    pub fn answers_for<'a>(&'a self, views: &'a casebook_core::Views) -> &'a str {
        let own = match self.route {
            Route::Timeline => views.timeline.as_deref(),
            Route::Compare => views.compare.as_deref(),
            Route::Differential => views.differential.as_deref(),
            _ => None,
        };
        own.unwrap_or(self.answers)
    }
}

/// The views in navigation order.
pub fn nav_entries() -> Vec<NavEntry> {
    vec![
        NavEntry {
            route: Route::Overview,
            label: "Overview",
            answers: "The case in five lines and what it teaches.",
        },
        NavEntry {
            route: Route::Timeline,
            label: "Timeline",
            answers: "What happened, and when, from the history to the follow-up.",
        },
        NavEntry {
            route: Route::Compare,
            label: "Compare",
            answers: "How this case differs from the other published cases and cohorts.",
        },
        NavEntry {
            route: Route::Differential,
            label: "Differential",
            answers: "What to check in a patient who presents like this, and why.",
        },
        NavEntry {
            route: Route::Reader,
            label: "Paper",
            answers: "The case report itself, with its sentences linked to every view.",
        },
        NavEntry {
            route: Route::Study,
            label: "Study",
            answers: "Work the case stage by stage, with questions and flashcards.",
        },
        NavEntry {
            route: Route::Sources,
            label: "Sources",
            answers: "Every source the app rests on, and how sure each fact is.",
        },
        NavEntry {
            route: Route::Search,
            label: "Search",
            answers: "Find any word across the paper, timeline, comparison and checklist.",
        },
    ]
}

impl Route {
    /// The document title for this route; the overview's names the case (`heading`, the
    /// pack's short title).
    pub fn title(&self, heading: &str) -> String {
        let view = match self {
            Route::Overview => return format!("Casebook: {heading}"),
            Route::Timeline | Route::TimelineEvent { .. } => "Timeline",
            Route::Compare => "Compare",
            Route::Differential => "Differential",
            Route::Reader => "Paper",
            Route::Search => "Search",
            Route::Study => "Study",
            Route::Sources => "Sources",
            Route::NotFound => "Page not found",
        };
        format!("{view} · Casebook")
    }

    /// The page's heading (its `<h1>`); the overview's is the case's (`heading`, the pack's
    /// short title). The pages show it and the build lists it (`dist/routes.json`), so the
    /// tests, the benchmark and the screenshots check the headings the pages declare.
    pub fn heading(&self, heading: &str) -> String {
        match self {
            Route::Overview => heading.to_owned(),
            Route::Timeline | Route::TimelineEvent { .. } => "Timeline".to_owned(),
            Route::Compare => "Compare".to_owned(),
            Route::Differential => "Differential".to_owned(),
            Route::Reader => "The paper".to_owned(),
            Route::Search => "Search".to_owned(),
            Route::Study => "Study".to_owned(),
            Route::Sources => "Sources".to_owned(),
            Route::NotFound => "Page not found".to_owned(),
        }
    }

    /// Which page the route shows, as the prerender step marks it on the page
    /// (`<div id="app" data-page="…">`). Routes with the same page share its HTML (every
    /// event of the timeline hydrates from the timeline's page), so the browser hydrates
    /// the HTML it was given only when that HTML is this route's page, and otherwise
    /// renders afresh (a host may answer any address with another page, or 404.html).
    pub fn page(&self) -> &'static str {
        match self {
            Route::Overview => "overview",
            Route::Timeline | Route::TimelineEvent { .. } => "timeline",
            Route::Compare => "compare",
            Route::Differential => "differential",
            Route::Reader => "reader",
            Route::Search => "search",
            Route::Study => "study",
            Route::Sources => "sources",
            Route::NotFound => "not-found",
        }
    }

    /// The canonical form of an address's path, when it is not already canonical:
    /// repeated and trailing slashes dropped, and `…/index.html` read as its directory,
    /// so `/index.html`, `/timeline//` and `/reader/` show their views.
    pub fn canonical_path(path: &str) -> Option<String> {
        let mut parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
        if parts.last() == Some(&"index.html") {
            parts.pop();
        }
        let canonical = format!("/{}", parts.join("/"));
        (canonical != path).then_some(canonical)
    }

    /// The static routes to prerender (event routes are added from the pack).
    pub fn static_routes() -> Vec<Route> {
        vec![
            Route::Overview,
            Route::Timeline,
            Route::Compare,
            Route::Differential,
            Route::Reader,
            Route::Search,
            Route::Study,
            Route::Sources,
        ]
    }
}

/// The element ids pages give the items links land on (each page uses these, and
/// [`href`] links to them).
pub mod element {
    use super::*;

    /// A diagnosis's card on the differential.
    pub fn diagnosis(id: &DiagnosisId) -> String {
        format!("dx-{id}")
    }

    /// A finding's question on the differential (also its radio group's name).
    pub fn finding(id: &FindingId) -> String {
        format!("finding-{id}")
    }

    /// A row's heading in the comparison table.
    pub fn row(id: &RowId) -> String {
        format!("row-{id}")
    }

    /// An entry of the paper's reference list.
    pub fn reference(number: u32) -> String {
        format!("ref-{number}")
    }

    /// The heading of the reader's reporting checklist map.
    pub const REPORTING: &str = "reporting-heading";

    /// The heading of the differential's diagnoses.
    pub const DIAGNOSES: &str = "dx-heading";

    /// The heading of the comparison's list of what registry counts cannot tell.
    pub const REGISTRY_CAVEATS: &str = "caveats-heading";

    /// The study page's flashcards.
    pub const FLASHCARDS: &str = "flashcards";

    /// An event's entry in the timeline's list.
    pub fn event(id: &EventId) -> String {
        format!("event-{id}")
    }

    /// The heading of the timeline's list of events (the chart's skip link lands there).
    pub const EVENT_LIST: &str = "list-heading";

    /// A source's entry on the sources page.
    pub fn source(id: &SourceId) -> String {
        format!("source-{id}")
    }

    /// A glossary entry in the reader.
    pub fn term(id: &TermId) -> String {
        format!("term-{id}")
    }

    /// A figure's description in the reader.
    pub fn figure(number: u32) -> String {
        format!("figure-{number}")
    }

    /// The heading of the differential's work-up or management list.
    pub fn workup(kind: WorkupKind) -> &'static str {
        match kind {
            WorkupKind::Workup => "workup-heading",
            WorkupKind::Management => "management-heading",
        }
    }

    /// The passage of the paper a quote marks in the reader (the core's anchor, so a
    /// quote edited in the pack never points at a stale place).
    pub fn quote(quote: &str) -> String {
        quote_anchor(quote)
    }
}

/// The address of a place in the app.
pub fn href(target: &Target) -> String {
    match target {
        Target::Overview => Route::Overview.to_path(),
        Target::Timeline => Route::Timeline.to_path(),
        Target::Event(id) => Route::TimelineEvent {
            event: id.to_string(),
        }
        .to_path(),
        Target::Comparison => Route::Compare.to_path(),
        Target::ComparisonRow(id) => format!("{}#{}", Route::Compare.to_path(), element::row(id)),
        Target::Differential => Route::Differential.to_path(),
        Target::Diagnosis(id) => {
            format!(
                "{}#{}",
                Route::Differential.to_path(),
                element::diagnosis(id)
            )
        }
        Target::Finding(id) => {
            format!("{}#{}", Route::Differential.to_path(), element::finding(id))
        }
        Target::Workup(kind) => {
            format!(
                "{}#{}",
                Route::Differential.to_path(),
                element::workup(*kind)
            )
        }
        Target::Paper => Route::Reader.to_path(),
        Target::Term(id) => format!("{}#{}", Route::Reader.to_path(), element::term(id)),
        Target::Quote(quote) => format!("{}#{}", Route::Reader.to_path(), element::quote(quote)),
        Target::Figure(number) => {
            format!("{}#{}", Route::Reader.to_path(), element::figure(*number))
        }
        Target::Study => Route::Study.to_path(),
        Target::Reference(number) => {
            format!(
                "{}#{}",
                Route::Reader.to_path(),
                element::reference(*number)
            )
        }
        Target::Source(id) => format!("{}#{}", Route::Sources.to_path(), element::source(id)),
    }
}

/// The link to where the paper shows a provenance's quote, when its source is the paper.
pub fn in_paper(
    provenance: &casebook_core::Provenance,
    pack: &casebook_core::CasePack,
) -> Option<String> {
    casebook_core::provenance::in_paper(provenance, &pack.meta.article_source)
        .map(|target| href(&target))
}

#[cfg(test)]
mod tests {
    use super::*;
    use casebook_core::cite::usage;
    use casebook_core::search::Index;

    #[test]
    fn targets_become_the_addresses_pages_answer() {
        let pack = casebook_core::seed_pack().expect("the seed pack validates");
        let index = usage(&pack);
        let article = &index[&pack.source("case-report").unwrap().id];
        let hrefs: Vec<String> = article.iter().map(|u| href(&u.target)).collect();
        assert!(hrefs.iter().any(|h| h == "/timeline/haemoptysis"));
        assert!(hrefs.iter().any(|h| h == "/compare#row-this-case"));
        let tahir = &index[&pack.source("tahir").unwrap().id];
        assert!(tahir
            .iter()
            .all(|u| href(&u.target) == "/compare#row-tahir"));
        let search = Index::new(&pack);
        for hit in search.search("haemoptysis") {
            let address = href(&hit.document.target);
            let route = address.split('#').next().unwrap();
            assert!(
                Route::recognize(route).is_some_and(|r| r != Route::NotFound),
                "{address} is a route of the app"
            );
        }
        assert!(search
            .search("lymphopenia")
            .iter()
            .any(|hit| href(&hit.document.target).starts_with("/reader#q-")));
        assert_eq!(
            href(&Target::Workup(WorkupKind::Management)),
            "/differential#management-heading"
        );
    }
}
