//! One finding of the checklist: its question, yes / no / not done, and why to ask it.

use casebook_core::{Answer, Finding, FindingId};
use yew::prelude::*;

use crate::components::glossary_text::GlossaryText;

use crate::components::provenance::SourceNote;
use crate::route;

/// Properties of [`FindingControl`].
#[derive(Properties, PartialEq, Clone)]
pub struct FindingProps {
    /// The finding.
    pub finding: Finding,
    /// Its current answer.
    pub answer: Option<Answer>,
    /// Called with the finding and its new answer (`None` clears it). One callback made
    /// once by the page serves every finding, so answering one finding re-renders that
    /// finding alone: the others' properties compare equal.
    pub on_answer: Callback<(FindingId, Option<Answer>)>,
}

/// A radio group per finding: native inputs, so touch, keyboard (arrow keys) and screen
/// readers work as users expect.
#[component]
pub fn FindingControl(props: &FindingProps) -> Html {
    let finding = &props.finding;
    let name = route::element::finding(&finding.id);
    html! {
        <div class={classes!("finding", props.answer.is_some().then_some("answered"))} id={name.clone()} tabindex="-1">
            <fieldset>
                <legend>{ &finding.question }</legend>
                <div class="answer-options">
                    { for Answer::ALL.iter().map(|answer| {
                        let on_answer = props.on_answer.clone();
                        let answer = *answer;
                        let id = finding.id.clone();
                        html! {
                            <label class="answer-option">
                                <input type="radio" name={name.clone()} value={answer.token()}
                                    checked={props.answer == Some(answer)}
                                    onchange={Callback::from(move |_| on_answer.emit((id.clone(), Some(answer))))} />
                                <span>{ answer.option_label() }</span>
                            </label>
                        }
                    }) }
                    if props.answer.is_some() {
                        <button type="button" class="link-button" aria-label={format!("Clear the answer to: {}", finding.question)}
                            onclick={let on_answer = props.on_answer.clone(); let id = finding.id.clone(); Callback::from(move |_| on_answer.emit((id.clone(), None)))}>{ "Clear" }</button>
                    }
                </div>
            </fieldset>
            <div class="finding-why"><span class="why-label">{ "Why ask: " }</span><GlossaryText text={finding.why.clone()} />{ " " }<SourceNote provenance={finding.provenance.clone()} /></div>
        </div>
    }
}
