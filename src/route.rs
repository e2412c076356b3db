//! The app's routes. They are user-facing links: keep them stable (see DESIGN.md).

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
