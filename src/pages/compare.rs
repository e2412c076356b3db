//! `/compare`: this case against the transplant and haematology cases and the VigiBase
//! cohorts.

use yew::prelude::*;

use crate::components::planned::Planned;
use crate::pack::use_pack;

/// The comparison view.
#[component]
pub fn Compare() -> Html {
    let pack = use_pack();
    let rows = pack
        .as_ref()
        .as_ref()
        .map(|pack| pack.comparison.len())
        .unwrap_or(0);
    html! {
        <article class="page">
            <h1>{ "Compare" }</h1>
            <p class="lede">{ "This MS case beside the published kidney-transplant cases, the later MS cases, and the VigiBase reports by indication: who recovered, who died, and how the doses, settings and treatments differed." }</p>
            <Planned>
                <p>{ format!("The case pack already holds {rows} comparison rows, every field sourced or marked \"not reported\". This view will set them side by side with an outcome chart, Wilson confidence intervals, Fisher's exact test, and the caveats of spontaneous reports.") }</p>
            </Planned>
        </article>
    }
}
