//! One diagnosis with its standing, the count of answers that orders it among the
//! diagnoses of the same standing, and the answers that put it there.

use casebook_core::differential::{Reason, Standing};
use casebook_core::{Answer, Diagnosis, Effect};
use yew::prelude::*;

use crate::components::provenance::SourceNote;
use crate::route;

/// Properties of [`DiagnosisCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct DiagnosisProps {
    /// The diagnosis.
    pub diagnosis: Diagnosis,
    /// Its standing.
    pub standing: Standing,
    /// The reasons: (effect, finding question, answer, rationale, provenance).
    pub reasons: Vec<ReasonView>,
    /// Its rank, from 1.
    pub rank: usize,
}

/// A reason, owned for rendering.
#[derive(Clone, PartialEq, Debug)]
pub struct ReasonView {
    /// How the answer bears on the diagnosis.
    pub effect: Effect,
    /// The finding's id (to link to it).
    pub finding_id: casebook_core::FindingId,
    /// The question answered.
    pub question: String,
    /// The answer given.
    pub answer: Answer,
    /// Why it bears so.
    pub rationale: String,
    /// The sentence that says so.
    pub provenance: casebook_core::Provenance,
}

impl ReasonView {
    /// Copies a core reason for rendering.
    pub fn from_reason(reason: &Reason<'_>) -> Self {
        Self {
            effect: reason.rule.effect,
            finding_id: reason.finding.id.clone(),
            question: reason.finding.question.clone(),
            answer: reason.rule.answer,
            rationale: reason.rule.rationale.clone(),
            provenance: reason.rule.provenance.clone(),
        }
    }
}

/// The card.
#[component]
pub fn DiagnosisCard(props: &DiagnosisProps) -> Html {
    let diagnosis = &props.diagnosis;
    let standing = props.standing;
    let count = |effect: Effect| {
        props
            .reasons
            .iter()
            .filter(|reason| reason.effect == effect)
            .count()
    };
    html! {
        <li class={classes!("dx", format!("dx-{}", standing.token()))} id={route::element::diagnosis(&diagnosis.id)} data-standing={standing.token()}>
            <div class="dx-head">
                <span class="dx-rank" aria-hidden="true">{ props.rank }</span>
                <h3 class="dx-name">{ &diagnosis.name }</h3>
                <span class={classes!("standing", format!("standing-{}", standing.token()))}>
                    <span aria-hidden="true">{ standing.mark() }{ " " }</span>{ standing.label() }
                </span>
                if !props.reasons.is_empty() {
                    // What orders it among the diagnoses of the same standing.
                    <span class="dx-tally muted small">{ casebook_core::differential::tally(count(Effect::Supports), count(Effect::WeighsAgainst), count(Effect::RulesOut)) }</span>
                }
            </div>
            if props.reasons.is_empty() {
                <p class="dx-none">{ "No answer bears on it yet." }</p>
            } else {
                <ul class="reasons">
                    { for props.reasons.iter().map(|reason| html! {
                        <li class={classes!("reason", format!("reason-{}", reason.effect.label().replace(' ', "-")))}>
                            <span class="reason-effect">{ reason.effect.label() }</span>{ ": " }
                            <a href={format!("#{}", route::element::finding(&reason.finding_id))}>{ &reason.question }</a>
                            { format!(" {}. ", reason.answer.label()) }{ &reason.rationale }{ " " }
                            <SourceNote provenance={reason.provenance.clone()} />
                        </li>
                    }) }
                </ul>
            }
        </li>
    }
}
