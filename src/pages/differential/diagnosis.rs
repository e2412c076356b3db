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

/// How many answers bear on a diagnosis, each way, in words: "2 answers weigh against it
/// and none supports it". Within a standing the engine orders diagnoses by these counts
/// (answers for minus answers against, then the case pack's order), so the card says them:
/// a count of reasons, not a probability.
pub fn tally(supports: usize, against: usize, rules_out: usize) -> String {
    let answers = |n: usize| {
        if n == 1 {
            "1 answer".to_owned()
        } else {
            format!("{n} answers")
        }
    };
    let verb = |n: usize, one: &str, many: &str| {
        if n == 1 {
            one.to_owned()
        } else {
            many.to_owned()
        }
    };
    let mut parts = Vec::new();
    if rules_out > 0 {
        parts.push(format!(
            "{} {} it out",
            answers(rules_out),
            verb(rules_out, "rules", "rule")
        ));
    }
    match (supports, against) {
        (0, 0) if rules_out == 0 => return "No answer bears on it yet.".to_owned(),
        (0, 0) => {}
        (0, against) => parts.push(format!(
            "{} {} against it and none supports it",
            answers(against),
            verb(against, "weighs", "weigh")
        )),
        (supports, 0) => parts.push(format!(
            "{} {} it and none weighs against it",
            answers(supports),
            verb(supports, "supports", "support")
        )),
        (supports, against) => parts.push(format!(
            "{} {} it, {} {} against it",
            answers(supports),
            verb(supports, "supports", "support"),
            against,
            verb(against, "weighs", "weigh")
        )),
    }
    let mut sentence = parts.join("; ");
    if supports + against > 0 {
        let balance = supports as i64 - against as i64;
        let sign = match balance {
            b if b > 0 => "+",
            b if b < 0 => "\u{2212}",
            _ => "\u{b1}",
        };
        sentence.push_str(&format!(" (balance {sign}{})", balance.unsigned_abs()));
    }
    sentence.push('.');
    sentence
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
                    <span class="dx-tally muted small">{ tally(count(Effect::Supports), count(Effect::WeighsAgainst), count(Effect::RulesOut)) }</span>
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

#[cfg(test)]
mod tests {
    use super::tally;

    #[test]
    fn the_tally_says_the_counts_that_order_a_standing() {
        let cases = [
            ((0, 0, 0), "No answer bears on it yet."),
            (
                (0, 1, 0),
                "1 answer weighs against it and none supports it (balance \u{2212}1).",
            ),
            (
                (1, 5, 0),
                "1 answer supports it, 5 weigh against it (balance \u{2212}4).",
            ),
            (
                (6, 0, 0),
                "6 answers support it and none weighs against it (balance +6).",
            ),
            (
                (0, 2, 1),
                "1 answer rules it out; 2 answers weigh against it and none supports it (balance \u{2212}2).",
            ),
            (
                (1, 1, 0),
                "1 answer supports it, 1 weighs against it (balance \u{b1}0).",
            ),
        ];
        for ((supports, against, rules_out), said) in cases {
            assert_eq!(tally(supports, against, rules_out), said);
        }
    }
}
