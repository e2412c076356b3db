//! "What differs": this case beside one chosen row, in the fields where they differ,
//! found by the core from the rows themselves.

use casebook_core::compare::contrasts;
use casebook_core::RowId;
use yew::prelude::*;

use crate::pack::use_pack;
use crate::pages::compare::cell::CellView;

/// Properties of [`ContrastTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct ContrastTableProps {
    /// The row set beside this case.
    pub other: RowId,
}

/// A three-column table: field, this case, the other row.
#[component]
pub fn ContrastTable(props: &ContrastTableProps) -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let Some(other) = pack.row(props.other.as_str()) else {
        return Html::default();
    };
    let found = contrasts(pack, other);
    if found.is_empty() {
        return html! { <p class="muted">{ "No reported field differs from this case." }</p> };
    }
    html! {
        <>
        { for other.note.iter().map(|note| html! { <p class="muted small">{ format!("{}: {note}", other.label) }</p> }) }
        <div class="table-scroll contrast-scroll" role="region" aria-label="What differs" tabindex="0">
            <table class="contrast-table" role="table">
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">{ "Field" }</th>
                        <th scope="col" role="columnheader">{ "This case" }</th>
                        <th scope="col" role="columnheader">{ &other.label }</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    { for found.into_iter().map(|contrast| html! {
                        <tr role="row">
                            <th scope="row" role="rowheader">{ contrast.field.label(pack) }</th>
                            <td role="cell">
                                <span class="cell-case" aria-hidden="true">{ "This case" }</span>
                                <CellView cell={contrast.this_case.clone()} />
                            </td>
                            <td role="cell" class="differs">
                                <span class="cell-case" aria-hidden="true">{ &other.label }</span>
                                <CellView cell={contrast.other.clone()} />
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}
