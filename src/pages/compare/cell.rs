//! One cell of the comparison table: what the source says, its status, and the quote on
//! demand; an unknown field is said in words ("not reported", or "not in the part read"
//! where only part of the source was read), never left blank.

use casebook_core::Cell;
use yew::prelude::*;

use crate::components::glossary_text::GlossaryText;

use crate::components::provenance::SourceNote;
use crate::components::status_badge::StatusBadge;

/// Properties of [`CellView`].
#[derive(Properties, PartialEq, Clone)]
pub struct CellViewProps {
    /// The cell to show.
    pub cell: Cell,
}

/// The cell's text, its status badge and its source.
#[component]
pub fn CellView(props: &CellViewProps) -> Html {
    let cell = &props.cell;
    if cell.is_not_reported() {
        return html! {
            <div class="cell not-reported">
                <span>{ cell.text.trim() }</span>
                { for cell.provenance.iter().map(|provenance| html! {
                    <div class="cell-source"><SourceNote provenance={provenance.clone()} /></div>
                }) }
            </div>
        };
    }
    html! {
        <div class="cell">
            <span class="cell-text"><GlossaryText text={cell.text.clone()} /></span>
            { for cell.provenance.iter().map(|provenance| html! {
                <div class="cell-source">
                    <StatusBadge status={provenance.status} />{ " " }
                    <SourceNote provenance={provenance.clone()} />
                </div>
            }) }
        </div>
    }
}
