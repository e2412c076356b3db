//! `/differential`: the interactive differential checklist.

use yew::prelude::*;

use crate::components::planned::Planned;
use crate::pack::use_pack;

/// The differential view.
#[component]
pub fn Differential() -> Html {
    let pack = use_pack();
    let (findings, diagnoses) = pack
        .as_ref()
        .as_ref()
        .map(|pack| (pack.findings.len(), pack.diagnoses.len()))
        .unwrap_or((0, 0));
    html! {
        <article class="page">
            <h1>{ "Differential" }</h1>
            <p class="lede">{ "Sudden dyspnoea and haemoptysis after an alemtuzumab infusion: weigh diffuse alveolar haemorrhage against its mimics, finding by finding, with the sentence behind every step." }</p>
            <p class="disclaimer-inline"><strong>{ "For education; not for decisions about a patient." }</strong></p>
            <Planned>
                <p>{ format!("The case pack already holds {findings} findings and {diagnoses} diagnoses, with rules in words (supports, weighs against, rules out) and no invented probabilities. This view will let you answer each finding and see the diagnoses re-ranked with their reasons, and load the published case as a worked example.") }</p>
            </Planned>
        </article>
    }
}
