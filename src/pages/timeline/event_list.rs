//! The timeline as text: every shown event in order, grouped by phase, each with its
//! time, precision, detail and source. It is the drawing's text alternative, and what the
//! prerendered page shows before any script runs.

use casebook_core::timeline::{events_by_phase, matches};
use casebook_core::Lane;
use yew::prelude::*;

use crate::components::glossary_text::GlossaryText;

use crate::pack::use_pack;
use yew_router::prelude::*;

use crate::components::provenance::SourceNote;
use crate::route::Route;

/// Properties of [`EventList`].
#[derive(Properties, PartialEq, Clone)]
pub struct EventListProps {
    /// The selected event's id.
    pub selected: Option<AttrValue>,
    /// Lanes shown.
    pub lanes: Vec<Lane>,
    /// Highlight text.
    pub query: AttrValue,
}

/// The list.
#[component]
pub fn EventList(props: &EventListProps) -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let selected = props.selected.as_deref();
    html! {
        { for events_by_phase(pack).into_iter().map(|(phase, events)| {
            let shown: Vec<_> = events.into_iter().filter(|event| props.lanes.contains(&event.lane)).collect();
            if shown.is_empty() {
                return Html::default();
            }
            html! {
                <section class="phase" aria-label={phase.name.clone()}>
                    <h3>{ &phase.name }</h3>
                    <ol class="event-list">
                        { for shown.into_iter().map(|event| {
                            let is_selected = selected == Some(event.id.as_str());
                            let is_match = matches(event, &props.query);
                            html! {
                                <li id={crate::route::element::event(&event.id)}
                                    class={classes!("event", format!("lane-{:?}", event.lane).to_lowercase(), is_selected.then_some("selected"), is_match.then_some("match"))}
                                    aria-current={is_selected.then_some("true")}>
                                    <p class="event-time">
                                        <span class="lane-name">{ event.lane.label() }</span>{ " · " }
                                        <time>{ event.time.spoken(&pack.anchor.label) }</time>
                                        if is_match { <span class="match-flag">{ " · matches your highlight" }</span> }
                                    </p>
                                    <h4 class="event-label">
                                        <Link<Route> to={Route::TimelineEvent { event: event.id.to_string() }}>{ &event.label }</Link<Route>>
                                    </h4>
                                    <p class="event-detail"><GlossaryText text={event.detail.clone()} /></p>
                                    <SourceNote provenance={event.provenance.clone()} open={is_selected} />
                                </li>
                            }
                        }) }
                    </ol>
                </section>
            }
        }) }
    }
}
