//! One diagnosis with its standing and the answers that put it there.

use casebook_core::differential::{Reason, Standing};
use casebook_core::{Answer, Diagnosis, Effect};
use yew::prelude::*;

use crate::components::provenance::SourceNote;

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
    pub finding_id: String,
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
            finding_id: reason.finding.id.to_string(),
            question: reason.finding.question.clone(),
            answer: reason.rule.answer,
            rationale: reason.rule.rationale.clone(),
            provenance: reason.rule.provenance.clone(),
        }
    }
}

/// The mark beside a standing: a shape as well as a colour, so colour is never the only
/// signal.
pub fn mark(standing: Standing) -> &'static str {
    match standing {
        Standing::Supported => "▲",
        Standing::Possible => "●",
        Standing::LessLikely => "▼",
        Standing::RuledOut => "✕",
    }
}

pub fn effect_words(effect: Effect) -> &'static str {
    match effect {
        Effect::Supports => "supports",
        Effect::WeighsAgainst => "weighs against",
        Effect::RulesOut => "rules out",
    }
}

pub fn answer_words(answer: Answer) -> &'static str {
    match answer {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::NotDone => "not done",
    }
}

/// The card.
#[component]
pub fn DiagnosisCard(props: &DiagnosisProps) -> Html {
    let diagnosis = &props.diagnosis;
    let standing = props.standing;
    html! {
        <li class={classes!("dx", format!("dx-{}", standing.token()))} id={format!("dx-{}", diagnosis.id)} data-standing={standing.token()}>
            <div class="dx-head">
                <span class="dx-rank" aria-hidden="true">{ props.rank }</span>
                <h3 class="dx-name">{ &diagnosis.name }</h3>
                <span class={classes!("standing", format!("standing-{}", standing.token()))}>
                    <span aria-hidden="true">{ mark(standing) }{ " " }</span>{ standing.label() }
                </span>
            </div>
            if props.reasons.is_empty() {
                <p class="dx-none">{ "No answer bears on it yet." }</p>
            } else {
                <ul class="reasons">
                    { for props.reasons.iter().map(|reason| html! {
                        <li class={classes!("reason", format!("reason-{}", effect_words(reason.effect).replace(' ', "-")))}>
                            <span class="reason-effect">{ effect_words(reason.effect) }</span>{ ": " }
                            <a href={format!("#finding-{}", reason.finding_id)}>{ &reason.question }</a>
                            { format!(" {}. ", answer_words(reason.answer)) }{ &reason.rationale }{ " " }
                            <SourceNote provenance={reason.provenance.clone()} />
                        </li>
                    }) }
                </ul>
            }
        </li>
    }
}
