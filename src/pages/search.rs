//! `/search?q=`: search across the paper, timeline, comparison and checklist.

use yew::prelude::*;

use crate::components::planned::Planned;

/// The search view.
#[component]
pub fn Search() -> Html {
    html! {
        <article class="page">
            <h1>{ "Search" }</h1>
            <p class="lede">{ "Find any word across the paper, the glossary, the timeline, the comparison and the checklist, offline." }</p>
            <Planned>
                <p>{ "Search will match British and American spellings (haemoptysis and hemoptysis) and forgive small typos." }</p>
            </Planned>
        </article>
    }
}
