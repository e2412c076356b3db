//! `/sources`: every source the app rests on, with its status.

use yew::prelude::*;

use crate::components::status_badge::StatusBadge;
use crate::pack::use_pack;

/// The sources view: for now the list with status and bibliographic details as far as
/// known; usage links and RIS/BibTeX export come with the Sources issue.
#[component]
pub fn Sources() -> Html {
    let pack = use_pack();
    let Ok(pack) = pack.as_ref() else {
        return html! { <article class="page"><h1>{ "Sources" }</h1></article> };
    };
    html! {
        <article class="page">
            <h1>{ "Sources" }</h1>
            <p class="lede">{ "Every source the app's facts are quoted from, with how sure its details are. Unknown fields are shown as unknown." }</p>
            <ul class="source-list">
                { for pack.sources.iter().map(|source| html! {
                    <li class="source" id={format!("source-{}", source.id)}>
                        <p class="source-title">{ &source.title }{ " " }<StatusBadge status={source.status} /></p>
                        <dl class="source-details">
                            <dt>{ "Authors" }</dt><dd>{ source.authors.clone().unwrap_or_else(|| "unknown".into()) }</dd>
                            <dt>{ "Published in" }</dt><dd>{ source.container.clone().unwrap_or_else(|| "unknown".into()) }</dd>
                            <dt>{ "Year" }</dt><dd>{ source.year.map(|year| year.to_string()).unwrap_or_else(|| "unknown".into()) }</dd>
                            <dt>{ "DOI" }</dt><dd>{ source.doi.clone().unwrap_or_else(|| "unknown".into()) }</dd>
                        </dl>
                        { for source.note.iter().map(|note| html! { <p class="source-note">{ note }</p> }) }
                    </li>
                }) }
            </ul>
        </article>
    }
}
