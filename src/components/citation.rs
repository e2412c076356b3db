//! The case report's citation as the views show it: title, journal, year, DOI, authors and
//! licence, each as the pack gives it; a DOI or licence the pack does not report says so
//! in words (never a broken `doi:` link), and a field the pack sources shows its source.

use casebook_core::{Meta, Provenance, NOT_REPORTED};
use yew::prelude::*;

use crate::components::provenance::SourceNote;
use crate::pack::use_pack;

/// Properties of [`ArticleCitation`].
#[derive(Properties, PartialEq, Clone)]
pub struct ArticleCitationProps {
    /// Start with the title.
    #[prop_or_default]
    pub with_title: bool,
    /// Include the authors.
    #[prop_or_default]
    pub with_authors: bool,
}

/// The citation line: "<Title>. Journal, 2018. doi:… Authors: …. Licence: …."
#[component]
pub fn ArticleCitation(props: &ArticleCitationProps) -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let meta: &Meta = &pack.meta;
    let sourced = |provenance: &Option<Provenance>| match provenance {
        Some(provenance) => html! { <>{ " " }<SourceNote provenance={provenance.clone()} /></> },
        None => Html::default(),
    };
    html! {
        <>
            if props.with_title {
                <cite>{ &meta.title }</cite>{ sourced(&meta.title_provenance) }{ ". " }
            }
            { &meta.journal }{ sourced(&meta.journal_provenance) }{ format!(", {}. ", meta.year) }
            { match &meta.doi {
                Some(doi) => html! { <a href={format!("https://doi.org/{doi}")} rel="noopener noreferrer">{ format!("doi:{doi}") }</a> },
                None => html! { <span class="unknown">{ format!("DOI {NOT_REPORTED}") }</span> },
            } }
            { ". " }
            if props.with_authors {
                { "Authors: " }{ &meta.authors }{ sourced(&meta.authors_provenance) }{ ". " }
            }
            { "Licence: " }
            { match &meta.licence {
                Some(licence) => html! { { licence.clone() } },
                None => html! { <span class="unknown">{ NOT_REPORTED }</span> },
            } }
            { "." }
        </>
    }
}
