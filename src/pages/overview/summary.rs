//! The one-page case summary a teacher prints: the case, its key message, the reasoning
//! on the published case with its conclusion, the work-up, the caveats and the source
//! line. Shown only in print (the overview's "Print a one-page case summary"); every line
//! is the pack's or the core's, each with the source it rests on named in the app.

use casebook_core::differential::{assess, worked_example_answers, Standing};
use casebook_core::stats::REGISTRY_CAVEAT_LINE;
use casebook_core::{RowGroup, WorkupKind};
use yew::prelude::*;

use crate::components::citation::ArticleCitation;
use crate::pack::use_pack;

/// The printed summary.
#[component]
pub fn CaseSummary() -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let assessed = assess(pack, &worked_example_answers(pack));
    let has_registry = pack
        .comparison
        .iter()
        .any(|row| row.group == RowGroup::Registry);
    let workup: Vec<&str> = pack
        .workup
        .iter()
        .filter(|item| item.kind == WorkupKind::Workup)
        .map(|item| item.label.as_str())
        .collect();
    html! {
        <section class="case-summary" aria-label="One-page case summary">
            <h2>{ pack.meta.heading() }</h2>
            <p class="summary-source">{ "Source: " }<ArticleCitation with_title={true} with_authors={true} /></p>
            <h3>{ "The case" }</h3>
            <ol>
                { for pack.summary.iter().map(|line| html! {
                    <li>{ &line.text }
                        if line.registry_counts { { " (reported counts, not incidence)" } }
                    </li>
                }) }
            </ol>
            <h3>{ "Key message" }</h3>
            <p>{ &pack.key_message.text }</p>
            <h3>{ "The reasoning, on the published case's findings" }</h3>
            <p class="small">{ format!(
                "The differential checklist, with the {} findings the report gives, ranks each diagnosis by the answers that support it, weigh against it or rule it out (counts of reasons, not probabilities):",
                worked_example_answers(pack).len()
            ) }</p>
            <ol class="summary-dx">
                { for assessed.iter().map(|a| html! {
                    <li class={classes!((a.standing == Standing::Supported).then_some("leading"))}>
                        <strong>{ &a.diagnosis.name }</strong>{ format!(": {}. {}", a.standing.label(), a.tally()) }
                    </li>
                }) }
            </ol>
            if !workup.is_empty() {
                <h3>{ "Work-up" }</h3>
                <p>{ workup.join("; ") }</p>
            }
            <h3>{ "Caveats" }</h3>
            <ul>
                <li>{ "For education; not for decisions about a patient." }</li>
                <li>{ "Every statement here is quoted, with its source and status, in Casebook; what a source does not give is \u{201c}not reported\u{201d}." }</li>
                if has_registry {
                    <li>{ REGISTRY_CAVEAT_LINE }</li>
                }
            </ul>
        </section>
    }
}
