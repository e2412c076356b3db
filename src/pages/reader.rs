//! `/reader`: the case report itself.

use yew::prelude::*;

use crate::components::planned::Planned;
use crate::pack::use_pack;

/// The reader view.
#[component]
pub fn Reader() -> Html {
    let pack = use_pack();
    let title = pack
        .as_ref()
        .as_ref()
        .map(|pack| pack.meta.title.clone())
        .unwrap_or_default();
    html! {
        <article class="page">
            <h1>{ "The paper" }</h1>
            <p class="lede"><cite>{ title }</cite></p>
            <Planned>
                <p>{ "This view will show the whole case report with its citations, a glossary, and the source sentence of every fact in the app highlighted where you follow a link to it." }</p>
            </Planned>
        </article>
    }
}
