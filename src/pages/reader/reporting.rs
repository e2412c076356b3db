//! How the report covers a reporting checklist (CARE, for a case report): each item, what
//! it asks (quoted from the checklist), and the report's sentences that address it, each
//! a link to its place in the paper; an item none addresses is "not in the text we have".
//! Which sentences address which item is the pack author's reading, and is said to be.

use yew::prelude::*;

use crate::components::provenance::SourceNote;
use crate::pack::use_pack;
use crate::route;

/// The coverage map, when the pack has one.
#[component]
pub fn ReportingMap() -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let Some(first) = pack.reporting.first() else {
        return Html::default();
    };
    let checklist = pack
        .source(first.asks.source.as_str())
        .map(|source| source.title.clone())
        .unwrap_or_else(|| first.asks.source.to_string());
    let addressed = pack
        .reporting
        .iter()
        .filter(|item| item.by_title || !item.addressed_by.is_empty())
        .count();
    html! {
        <section class="reporting" aria-labelledby={route::element::REPORTING}>
            <h2 id={route::element::REPORTING}>{ "The report against its reporting checklist" }</h2>
            <p class="muted">{ format!(
                "{addressed} of the {} items of the checklist ({checklist}) are addressed in the text we have. Which sentences address an item is this case pack's reading; each links to its place in the paper.",
                pack.reporting.len()
            ) }</p>
            <ol class="reporting-items">
                { for pack.reporting.iter().map(|item| {
                    let missing = !item.by_title && item.addressed_by.is_empty();
                    html! {
                        <li class={classes!("reporting-item", missing.then_some("not-addressed"))} value={item.item.clone()}>
                            <h3>{ format!("{}. {}", item.item, item.topic) }</h3>
                            <div class="small reporting-asks"><span class="muted">{ "Asks: " }</span>{ &item.asks.quote }{ " " }<SourceNote provenance={item.asks.clone()} /></div>
                            if item.by_title {
                                <p>{ "Addressed by the title: " }<cite>{ &pack.meta.title }</cite></p>
                            }
                            if !item.addressed_by.is_empty() {
                                <ul class="reporting-sentences">
                                    { for item.addressed_by.iter().map(|sentence| html! {
                                        <li><a href={format!("#{}", route::element::quote(&sentence.quote))}>{ &sentence.quote }</a></li>
                                    }) }
                                </ul>
                            }
                            if missing {
                                <p class="not-reported">{ "Not in the text we have." }</p>
                            }
                            { for item.note.iter().map(|note| html! { <p class="muted small">{ note }</p> }) }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
