//! The source of a fact, on demand: the verbatim quote, which source it is from (and how
//! much of it was read), and how sure we are, and for quotes from the case report a link
//! to the sentence in the paper. A quote from the project's research notes says that the
//! words are the notes', not a paper's. Collapsed by default so the facts stay readable.

use casebook_core::{Provenance, SourceKind, Target};
use yew::prelude::*;

use crate::components::status_badge::StatusBadge;
use crate::pack::use_pack;
use crate::route;

/// Provided by a view that must not give the case's diagnosis away (study mode): its
/// source notes then name the case report as "the case report", not by its title, which
/// usually names the diagnosis.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Unspoiled;

/// Properties of [`SourceNote`].
#[derive(Properties, PartialEq, Clone)]
pub struct SourceNoteProps {
    /// The provenance to show.
    pub provenance: Provenance,
    /// Open by default (e.g. for the selected timeline event).
    #[prop_or_default]
    pub open: bool,
}

/// A `<details>` holding the quote and its source; works without script and by keyboard.
#[component]
pub fn SourceNote(props: &SourceNoteProps) -> Html {
    let pack = use_pack();
    let provenance = &props.provenance;
    let source = pack.source(provenance.source.as_str());
    let unspoiled = use_context::<Unspoiled>().is_some();
    let source_title = match source {
        Some(source) if unspoiled && source.kind == SourceKind::Article => {
            "The case report (its title is on the sources page)".to_owned()
        }
        Some(source) => source.title.clone(),
        None => provenance.source.to_string(),
    };
    let from_notes = source.is_some_and(|source| source.kind == SourceKind::Notes);
    // How much of the source the quote could come from ("the abstract"), for any source
    // but the case report itself, which the app holds whole.
    let read = source
        .filter(|source| source.kind != SourceKind::Article && !from_notes)
        .and_then(|source| source.read.clone());
    let in_paper = crate::route::in_paper(provenance, &pack);
    html! {
        <details class="quote" open={props.open}>
            <summary>{ "Source" }<span class="visually-hidden">{ format!(": {}", provenance.status.label()) }</span></summary>
            <blockquote>{ &provenance.quote }</blockquote>
            <p class="quote-meta">
                <a href={route::href(&Target::Source(provenance.source.clone()))}>{ source_title }</a>
                if from_notes {
                    { " (the notes' own words, not a paper's)" }
                }
                { for read.map(|read| html! { <span class="muted">{ format!(" (read: {read})") }</span> }) }
                { " " }<StatusBadge status={provenance.status} />
            </p>
            { for in_paper.map(|href| html! {
                <p class="quote-meta"><a class="in-paper" href={href}>{ "Read it in the paper" }</a></p>
            }) }
            { for provenance.note.iter().map(|note| html! { <p class="quote-note">{ note }</p> }) }
        </details>
    }
}
