//! `/timeline` and `/timeline/<event-id>`: the case in time order.
//!
//! For now this is the text form of the timeline (events grouped by phase, each with its
//! time, precision, detail and source); the drawn, zoomable SVG timeline comes with the
//! Timeline issue and will sit above this list, which stays as its text alternative.
//!
//! The event named in the route is selected *after* hydration, as client state: every
//! `/timeline/<id>` page then hydrates from the same HTML as `/timeline`, so the service
//! worker can answer any event page offline with the one cached timeline page.

use casebook_core::timeline::events_by_phase;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::planned::Planned;
use crate::components::provenance::SourceNote;
use crate::pack::use_pack;
use crate::pages::overview::PackFailed;
use crate::route::Route;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq, Clone, Default)]
pub struct TimelineProps {
    /// The event selected by the route, if any.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
}

/// The timeline page.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let pack = use_pack();
    let pack = match pack.as_ref() {
        Ok(pack) => pack,
        Err(errors) => return html! { <PackFailed errors={errors.to_string()} /> },
    };
    let selected = use_state(|| None::<AttrValue>);
    {
        let selected = selected.clone();
        use_effect_with(props.selected.clone(), move |route_selection| {
            selected.set(route_selection.clone());
        });
    }
    use_effect_with((*selected).clone(), |selected| {
        #[cfg(target_arch = "wasm32")]
        if let Some(id) = selected {
            if let Some(element) = gloo::utils::document().get_element_by_id(&format!("event-{id}"))
            {
                element.scroll_into_view();
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = selected;
    });
    let selected = selected.as_deref();
    let unknown = selected.filter(|id| !pack.events.iter().any(|event| event.id.as_str() == *id));
    html! {
        <article class="page timeline">
            <h1>{ "Timeline" }</h1>
            <p class="lede">{ format!("The case from her history to 13 months later. Times are counted from the {}.", pack.anchor.label) }</p>
            { for unknown.map(|id| html! {
                <p class="notice" role="status">{ format!("There is no event \u{201c}{id}\u{201d} in this case; the whole timeline is shown.") }</p>
            }) }
            <Planned>
                <p>{ "A drawn timeline with lanes, a zoomable time axis and measurements will sit above this list." }</p>
            </Planned>
            { for events_by_phase(pack).into_iter().map(|(phase, events)| html! {
                <section class="phase" aria-label={phase.label()}>
                    <h2>{ phase.label() }</h2>
                    <ol class="event-list">
                        { for events.into_iter().map(|event| {
                            let is_selected = selected == Some(event.id.as_str());
                            html! {
                                <li id={format!("event-{}", event.id)} class={classes!("event", format!("lane-{:?}", event.lane).to_lowercase(), is_selected.then_some("selected"))}
                                    aria-current={is_selected.then_some("true")}>
                                    <p class="event-time">
                                        <span class="lane-name">{ event.lane.label() }</span>{ " · " }
                                        <time>{ event.time.spoken(&pack.anchor.label) }</time>
                                    </p>
                                    <h3 class="event-label">
                                        <Link<Route> to={Route::TimelineEvent { event: event.id.to_string() }}>{ &event.label }</Link<Route>>
                                    </h3>
                                    <p class="event-detail">{ &event.detail }</p>
                                    <SourceNote provenance={event.provenance.clone()} open={is_selected} />
                                </li>
                            }
                        }) }
                    </ol>
                </section>
            }) }
        </article>
    }
}
