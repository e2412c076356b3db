//! Step-through of the published case: its findings in the order they became known,
//! and how the picture changed at each step.

use yew::prelude::*;

/// Properties of [`Stepper`].
#[derive(Properties, PartialEq, Clone)]
pub struct StepperProps {
    /// The current step, from 0.
    pub index: usize,
    /// How many steps.
    pub count: usize,
    /// When it became known, in words.
    pub when: String,
    /// The event at which it became known.
    pub event_label: String,
    /// The event's id, to link to the timeline.
    pub event_id: casebook_core::EventId,
    /// The finding and its answer, in words.
    pub finding: String,
    /// The authors' sentence that gives this answer.
    pub provenance: casebook_core::Provenance,
    /// Diagnoses whose standing this step changed: (name, before, after).
    pub changes: Vec<(String, String, String)>,
    /// Go to a step.
    pub on_step: Callback<usize>,
    /// Leave step-through mode.
    pub on_end: Callback<()>,
}

/// The stepper panel.
#[component]
pub fn Stepper(props: &StepperProps) -> Html {
    let previous = props.index.checked_sub(1);
    let next = (props.index + 1 < props.count).then_some(props.index + 1);
    let go = |target: Option<usize>| {
        let on_step = props.on_step.clone();
        Callback::from(move |_| {
            if let Some(target) = target {
                on_step.emit(target);
            }
        })
    };
    html! {
        <section class="stepper" aria-labelledby="stepper-heading" aria-live="polite">
            <h2 id="stepper-heading">{ format!("The published case, step {} of {}", props.index + 1, props.count) }</h2>
            <p class="stepper-when">
                <a href={crate::route::href(&casebook_core::Target::Event(props.event_id.clone()))}>{ &props.event_label }</a>{ format!(" ({})", props.when) }
            </p>
            <p class="stepper-finding">{ &props.finding }</p>
            // The authors' sentence for this step, open: the step is the report's answer.
            <crate::components::provenance::SourceNote provenance={props.provenance.clone()} open={true} />
            if props.changes.is_empty() {
                <p class="muted">{ "This finding moved no diagnosis." }</p>
            } else {
                <ul class="stepper-changes">
                    { for props.changes.iter().map(|(name, before, after)| html! {
                        <li>{ format!("{name}: {before} → {after}") }</li>
                    }) }
                </ul>
            }
            <div class="button-row">
                <button type="button" class="button secondary" disabled={previous.is_none()} onclick={go(previous)}>{ "Previous step" }</button>
                <button type="button" class="button" disabled={next.is_none()} onclick={go(next)}>{ "Next step" }</button>
                <button type="button" class="button secondary" onclick={let on_end = props.on_end.clone(); Callback::from(move |_| on_end.emit(()))}>{ "End step-through" }</button>
            </div>
        </section>
    }
}
