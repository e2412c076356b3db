//! `/sources`: every source the app rests on, with its bibliographic details as far as
//! known, its status, what of it was read and where, what in the app rests on it
//! (computed from provenance by the core), the paper's numbered references with what is
//! known of each, and exports for reference managers. The project's own research notes
//! are said to be notes, not a published source.

use casebook_core::cite::{all_bibtex, all_ris, usage};
use casebook_core::{SourceKind, Status};
use yew::prelude::*;

use crate::browser;
use crate::components::cite_this::CiteButtons;
use crate::components::status_badge::StatusBadge;
use crate::pack::use_pack;
use crate::route;

/// The sources view.
#[component]
pub fn Sources() -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let used = usage(pack);
    let unknown = || html! { <span class="unknown">{ "unknown" }</span> };
    let export = |extension: &'static str, mime: &'static str, text: String| {
        let name = format!("{}-sources.{extension}", pack.meta.id);
        Callback::from(move |_: MouseEvent| {
            browser::download(&name, mime, &text);
        })
    };
    let counts: Vec<(Status, usize)> = Status::ALL
        .into_iter()
        .map(|status| {
            (
                status,
                pack.sources.iter().filter(|s| s.status == status).count(),
            )
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    html! {
        <article class="page sources">
            <h1>{ crate::route::Route::Sources.heading("") }</h1>
            <p class="lede">{ "Every source the app's facts are quoted from, how sure its details are, what of it was read and where, and what in the app rests on it. Most were read only in part (an abstract, the first page); a quote comes from the part read. Unknown fields are shown as unknown; nothing is completed from memory." }</p>
            // A source's badge says how sure its own details are (title, year, DOI), not
            // the status of the facts quoted from it, which each fact carries.
            <p>{ format!("{} sources, by how sure their details (title, year, DOI) are: ", pack.sources.len()) }
                { for counts.iter().enumerate().map(|(index, (status, count))| html! {
                    <>{ if index > 0 { ", " } else { "" } }{ format!("{count} ") }<StatusBadge status={*status} /></>
                }) }
            </p>
            <div class="button-row">
                <button type="button" class="button" onclick={export("ris", "application/x-research-info-systems", all_ris(pack))}>{ "Download all as RIS" }</button>
                <button type="button" class="button secondary" onclick={export("bib", "application/x-bibtex", all_bibtex(pack))}>{ "Download all as BibTeX" }</button>
            </div>
            <ul class="source-list">
                { for pack.sources.iter().map(|source| {
                    let items = used.get(&source.id).cloned().unwrap_or_default();
                    html! {
                        <li class="source" id={route::element::source(&source.id)}>
                            <h2 class="source-title">{ &source.title }{ " " }<StatusBadge status={source.status} /></h2>
                            if source.kind == SourceKind::Notes {
                                <p class="notice">{ "Not a published source: the project's own notes about the sources. What is quoted from them is in the notes' words, not a paper's, and carries the status the notes give it." }</p>
                            }
                            <dl class="source-details">
                                <div><dt>{ "Authors" }</dt><dd>{ source.authors.clone().map(Html::from).unwrap_or_else(unknown) }</dd></div>
                                <div><dt>{ "Published in" }</dt><dd>{ source.container.clone().map(Html::from).unwrap_or_else(unknown) }</dd></div>
                                <div><dt>{ "Year" }</dt><dd>{ source.year.map(|y| Html::from(y.to_string())).unwrap_or_else(unknown) }</dd></div>
                                <div><dt>{ "DOI" }</dt><dd>{ match &source.doi {
                                    Some(doi) => html! { <a class="doi-link" href={format!("https://doi.org/{doi}")} rel="noopener noreferrer">{ doi }</a> },
                                    None => unknown(),
                                } }</dd></div>
                                if let Some(pmid) = &source.pmid {
                                    <div><dt>{ "PubMed" }</dt><dd>{ pmid }</dd></div>
                                }
                                <div><dt>{ "What was read" }</dt><dd>{ source.read.clone().map(Html::from).unwrap_or_else(unknown) }</dd></div>
                                <div><dt>{ "Where" }</dt><dd>{ source.where_read.clone().map(Html::from).unwrap_or_else(unknown) }</dd></div>
                                if let Some(from) = &source.excerpt_from {
                                    <div><dt>{ "Passages held" }</dt><dd>{ format!("copied word for word from the project's research files ({from})") }</dd></div>
                                }
                            </dl>
                            { for source.note.iter().map(|note| html! { <p class="source-note">{ note }</p> }) }
                            <details class="used-by">
                                <summary>{ format!("What rests on it: {} {}", items.len(), if items.len() == 1 { "item" } else { "items" }) }</summary>
                                if items.is_empty() {
                                    <p class="muted">{ "Nothing in the app quotes this source directly." }</p>
                                } else {
                                    <ul>
                                        { for items.iter().map(|item| html! {
                                            <li><span class="muted">{ format!("{}: ", item.kind) }</span><a href={route::href(&item.target)}>{ &item.label }</a></li>
                                        }) }
                                    </ul>
                                }
                            </details>
                            <CiteButtons source={source.clone()} />
                        </li>
                    }
                }) }
            </ul>
            <section aria-labelledby="paper-references">
                <h2 id="paper-references">{ "The case report's own references" }</h2>
                <p class="muted">{ "The text we have numbers its references without listing them, and no reference list was found; each is shown with what is known of it. A probable identification rests on the content only and says so." }</p>
                <ol class="references">
                    { for pack.references.iter().map(|reference| html! {
                        <li value={reference.number.to_string()}>
                            { &reference.known }{ " " }<StatusBadge status={reference.status} />
                            { for reference.source.as_ref().map(|source| html! { <>{ " " }<a href={format!("#{}", route::element::source(source))}>{ "See the source" }</a></> }) }
                            { " " }<a href={route::href(&casebook_core::Target::Reference(reference.number))}>{ "Where the paper cites it" }</a>
                        </li>
                    }) }
                </ol>
            </section>
        </article>
    }
}
