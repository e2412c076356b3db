//! The selected event in full: its time with its precision, its detail, its values with
//! units and reference ranges, and its source with a link to the sentence in the paper.

use casebook_core::timeline::measures::{against, value_words};
use yew::prelude::*;

use crate::components::glossary_text::GlossaryText;
use yew_router::prelude::*;

use crate::pack::use_pack;
use crate::route::Route;

use crate::components::provenance::SourceNote;

/// Properties of [`EventDetails`].
#[derive(Properties, PartialEq, Clone)]
pub struct EventDetailsProps {
    /// The selected event's id, if any.
    pub selected: Option<AttrValue>,
}

/// The details panel; a hint when nothing is selected.
#[component]
pub fn EventDetails(props: &EventDetailsProps) -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let Some(event) = props.selected.as_deref().and_then(|id| pack.event(id)) else {
        return html! {
            <section class="event-details" aria-live="polite" aria-label="Selected event" data-client-layout="selection">
                <p class="muted">{ "Tap or click an event on the drawing, or choose one in the list below, to see its time, detail, values and source." }</p>
            </section>
        };
    };
    let values: Vec<_> = pack
        .measurements
        .iter()
        .filter(|m| m.event == event.id)
        .collect();
    html! {
        <section class="event-details" aria-live="polite" aria-label="Selected event" data-client-layout="selection">
            <Link<Route> to={Route::Timeline} classes="button secondary details-close">{ "Close" }</Link<Route>>
            <p class="event-time">
                <span class="lane-name">{ event.lane.label() }</span>{ " · " }
                <time>{ event.time.spoken(&pack.anchor.label) }</time>
                <span class="precision">{ format!(" (time {})", precision_words(event.time.precision)) }</span>
            </p>
            <h2 id="details-heading">{ &event.label }</h2>
            <p><GlossaryText text={event.detail.clone()} /></p>
            if !values.is_empty() {
                <table class="values">
                    <caption class="visually-hidden">{ "Values measured" }</caption>
                    <thead><tr><th scope="col">{ "Measured" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Reference range" }</th></tr></thead>
                    <tbody>
                        { for values.iter().map(|m| {
                            let position = m.value.zip(m.reference.as_ref()).and_then(|(v, r)| against(v, r));
                            html! {
                                <tr>
                                    <th scope="row">{ &m.name }</th>
                                    <td>{ value_words(m) }
                                        { for position.map(|p| html! { <span class="against">{ format!(" ({})", p.label()) }</span> }) }</td>
                                    <td>{ m.reference.as_ref().map(|r| r.text.clone()).unwrap_or_else(|| casebook_core::NOT_REPORTED.to_owned()) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
            <SourceNote provenance={event.provenance.clone()} open={true} />
        </section>
    }
}

/// The precision in words for the details line.
fn precision_words(precision: casebook_core::Precision) -> &'static str {
    use casebook_core::Precision;
    match precision {
        Precision::Exact => "as stated",
        Precision::Approximate => "approximate",
        Precision::Range => "somewhere in the range given",
        Precision::Before => "only known to be before this",
        Precision::After => "only known to be after this",
    }
}
