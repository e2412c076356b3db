//! A text outside the paper (a timeline event, a comparison cell, a finding's reason, a
//! study stage) with its glossary terms marked as in the reader: a term opens its
//! definition in place, with a link to the glossary entry and its source. Where the
//! terms are is the core's (`casebook_core::reader::glossary_pieces`).

use casebook_core::reader::glossary_pieces;
use casebook_core::{Target, TermId};
use yew::prelude::*;

use crate::pack::use_pack;
use crate::route;

/// Properties of [`GlossaryText`].
#[derive(Properties, PartialEq, Clone)]
pub struct GlossaryTextProps {
    /// The text, shown as written.
    pub text: AttrValue,
}

/// The text, each glossary term at its first mention a button that opens its definition.
/// Inline only (a span and a button), so it may stand inside a paragraph.
#[component]
pub fn GlossaryText(props: &GlossaryTextProps) -> Html {
    let pack = use_pack();
    // Found once per text, not on every render of the view around it.
    let pieces = use_memo(props.text.clone(), move |text| glossary_pieces(&pack, text));
    html! {
        <>
            { for pieces.iter().map(|piece| match &piece.term {
                Some(term) => html! { <TermButton term={term.clone()} label={piece.text.clone()} /> },
                None => html! { { piece.text.clone() } },
            }) }
        </>
    }
}

/// Properties of [`TermButton`].
#[derive(Properties, PartialEq, Clone)]
struct TermButtonProps {
    term: TermId,
    label: AttrValue,
}

/// One term: a button, and when open its definition beside it.
#[component]
fn TermButton(props: &TermButtonProps) -> Html {
    let pack = use_pack();
    let open = use_state(|| false);
    let Some(entry) = pack.term(props.term.as_str()) else {
        return html! { { props.label.clone() } };
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <>
            <button type="button" class="term" aria-expanded={open.to_string()} onclick={toggle}>{ props.label.clone() }</button>
            if *open {
                <span class="term-popover" role="note">
                    <strong>{ &entry.term }</strong>{ ": " }{ &entry.definition }{ " " }
                    <a href={route::href(&Target::Term(entry.id.clone()))}>{ "In the glossary, with its source" }</a>
                </span>
            }
        </>
    }
}
