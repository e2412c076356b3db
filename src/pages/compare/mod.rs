//! `/compare`: this case against the transplant and haematology cases, the later MS cases
//! and the VigiBase cohorts. The rows, statistics, ordering, contrasts and CSV are the
//! core's (`casebook_core::compare`, `casebook_core::stats`); this page renders them and
//! keeps the user's choices (which rows, which order, which row to contrast).
//!
//! The prerendered page shows every row in the pack's order; choices apply after
//! hydration, so the first client render equals the static HTML.

pub mod cell;
pub mod contrast;
pub mod outcome_chart;

use casebook_core::compare::{
    chosen_rows, contrasts, group_label, outcome_bars, registry_contrast, to_csv, Choices, Field,
    SortOrder,
};
use casebook_core::stats::{interval_words, REGISTRY_CAVEATS};
use casebook_core::{RowGroup, RowId};
use std::collections::HashSet;
use yew::prelude::*;

use crate::browser;
use crate::components::provenance::SourceNote;
use crate::components::registry_caveat::RegistryCaveat;
use crate::pack::use_pack;
use crate::pages::compare::cell::CellView;
use crate::pages::compare::contrast::ContrastTable;
use crate::pages::compare::outcome_chart::{BarData, OutcomeChart};
use crate::route;

/// The comparison view.
#[component]
pub fn Compare() -> Html {
    let loaded = use_pack();
    let hidden = use_state(Vec::<RowId>::new);
    let order = use_state(SortOrder::default);
    let contrast_with = use_state(|| None::<RowId>);
    let link_problems = use_state(Vec::<String>::new);
    // After hydration: a link's choices (`?hide=…&order=…`) are shown, and what it names
    // that this case lacks is said; the prerendered page shows every row.
    {
        let (hidden, order, link_problems) = (hidden.clone(), order.clone(), link_problems.clone());
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            let (hide, by) = (browser::query_param("hide"), browser::query_param("order"));
            if hide.is_some() || by.is_some() {
                let (choices, problems) =
                    Choices::from_query(&loaded, hide.as_deref(), by.as_deref());
                hidden.set(choices.hidden);
                order.set(choices.order);
                link_problems.set(problems);
            }
        });
    }
    // The address follows the choices, so it can be shared as it is.
    let remember = |hidden: Vec<RowId>, order: SortOrder| {
        let (hide, by) = Choices { hidden, order }.to_query();
        browser::replace_query("hide", &hide);
        browser::replace_query("order", &by);
    };

    let pack = &*loaded;
    let rows = chosen_rows(pack, &hidden, *order);
    let bars: Vec<BarData> = outcome_bars(&rows)
        .iter()
        .map(|bar| BarData::from_core(bar, pack))
        .collect();
    let others: Vec<_> = pack
        .comparison
        .iter()
        .filter(|row| row.group != RowGroup::ThisCase)
        .collect();
    let contrast_id = (*contrast_with)
        .clone()
        .or_else(|| others.first().map(|row| row.id.clone()));

    let toggle_row = {
        let hidden = hidden.clone();
        let order = order.clone();
        Callback::from(move |id: RowId| {
            let mut next = (*hidden).clone();
            match next.iter().position(|x| *x == id) {
                Some(index) => {
                    next.remove(index);
                }
                None => next.push(id),
            }
            remember(next.clone(), *order);
            hidden.set(next);
        })
    };
    let on_order = {
        let order = order.clone();
        let hidden = hidden.clone();
        Callback::from(move |event: Event| {
            if let Some(chosen) = SortOrder::from_key(&browser::input_value(&event)) {
                remember((*hidden).clone(), chosen);
                order.set(chosen);
            }
        })
    };
    let on_contrast = {
        let contrast_with = contrast_with.clone();
        let pack = pack.clone();
        Callback::from(move |event: Event| {
            let id = browser::input_value(&event);
            contrast_with.set(pack.row(&id).map(|row| row.id.clone()));
        })
    };
    // The CSV is written when asked for, not on every render.
    let on_export = {
        let loaded = loaded.clone();
        let hidden = (*hidden).clone();
        let order = *order;
        Callback::from(move |_: MouseEvent| {
            let pack = &*loaded;
            let csv = to_csv(pack, &chosen_rows(pack, &hidden, order));
            let file_name = format!("{}-comparison.csv", pack.meta.id);
            browser::download(&file_name, "text/csv;charset=utf-8", &csv);
        })
    };

    let registry = registry_contrast(pack);
    // Where each row differs from this case (the core's contrast), marked in the table
    // when it is laid out one field at a time.
    let differing: HashSet<(RowId, Field)> = rows
        .iter()
        .flat_map(|row| {
            contrasts(pack, row)
                .into_iter()
                .map(|contrast| (row.id.clone(), contrast.field))
        })
        .collect();

    html! {
        <article class="page compare">
            <h1>{ crate::route::Route::Compare.heading("") }</h1>
            <p class="lede">{ pack.meta.compare_lede.clone().unwrap_or_else(|| "This case beside the published cases and cohorts: who recovered, who died, and how the doses, settings and treatments differed.".to_owned()) }</p>

            <section aria-labelledby="outcome-heading">
                <h2 id="outcome-heading">{ "Outcome by group" }</h2>
                <OutcomeChart bars={bars} />
                <p class="muted small">{ "Rows without both deaths and n are not charted, nor is a row whose patients another row already counts. Where rows overlap or a row is another condition, its note says so, beside its bar and in the table." }</p>
                // Which rows are not charted, and why, right under the chart (where the
                // question comes up), not only in each row's card. Always in the page, so
                // hiding rows changes its items, never what surrounds it.
                <div class="not-charted">
                    if rows.iter().any(|row| row.outcome_counts.is_none()) {
                        <p class="small"><strong>{ "Not charted:" }</strong></p>
                        <ul class="small">
                            { for rows.iter().filter(|row| row.outcome_counts.is_none()).map(|row| html! {
                                <li>{ &row.label }{ ": " }{ row.note.clone().unwrap_or_else(|| "its deaths and n are not both given.".to_owned()) }</li>
                            }) }
                        </ul>
                    }
                </div>
                { for pack.compare.notes.iter().map(|note| html! {
                    <div class="notice compare-note">
                        { &note.text }{ " " }<SourceNote provenance={note.provenance.clone()} />
                    </div>
                }) }
            </section>

            { for registry.map(|(first, second, comparison)| {
                let first_ci = comparison.first.wilson_95().map(interval_words).unwrap_or_default();
                let second_ci = comparison.second.wilson_95().map(interval_words).unwrap_or_default();
                let words = comparison.plain_language(&first.label, &second.label, "died");
                html! {
                    <section class="stats" aria-labelledby="stats-heading">
                        <h2 id="stats-heading">{ "The contrast in numbers, and its limits" }</h2>
                        <p>{ words }</p>
                        <ul class="stats-list">
                            <li>{ format!("{}: {} died, {} (Wilson).", first.label, comparison.first.arithmetic(), first_ci) }</li>
                            <li>{ format!("{}: {} died, {} (Wilson).", second.label, comparison.second.arithmetic(), second_ci) }</li>
                        </ul>
                        { for second.outcome_counts.as_ref().map(|counts| html! {
                            <div class="small">{ "The counts: " }<SourceNote provenance={counts.provenance.clone()} /></div>
                        }) }
                        <h3 id={route::element::REGISTRY_CAVEATS}>{ "What these counts cannot tell you" }</h3>
                        <dl class="caveats">
                            { for REGISTRY_CAVEATS.iter().map(|(term, text)| html! {
                                <div><dt>{ *term }</dt><dd>{ *text }</dd></div>
                            }) }
                        </dl>
                    </section>
                }
            }) }

            <section aria-labelledby="table-heading">
                <h2 id="table-heading">{ "Side by side" }</h2>
                { for link_problems.iter().map(|problem| html! { <p class="notice" role="status">{ problem }</p> }) }
                <div class="compare-controls">
                    <fieldset class="row-picker">
                        <legend>{ "Cases and cohorts shown" }</legend>
                        { for pack.comparison.iter().map(|row| {
                            let id = row.id.clone();
                            let checked = !hidden.contains(&row.id);
                            let onchange = {
                                let toggle_row = toggle_row.clone();
                                Callback::from(move |_: Event| toggle_row.emit(id.clone()))
                            };
                            html! {
                                <label class="chip">
                                    <input type="checkbox" checked={checked} {onchange} />
                                    <span>{ &row.label }</span>
                                </label>
                            }
                        }) }
                    </fieldset>
                    <div class="control-row">
                        <label class="select-label">{ "Order " }
                            <select onchange={on_order}>
                                { for SortOrder::ALL.into_iter().map(|option| html! {
                                    <option value={option.key()} selected={option == *order}>{ option.label() }</option>
                                }) }
                            </select>
                        </label>
                        <button type="button" class="button secondary" onclick={on_export}>{ "Download as CSV, with sources" }</button>
                    </div>
                </div>
                if rows.is_empty() {
                    <p class="notice" role="status">{ "No case or cohort is chosen: tick at least one above." }</p>
                } else {
                    <div class="table-scroll compare-scroll" role="region" aria-label="Comparison table, scrolls sideways" tabindex="0">
                        <table class="compare-table" role="table">
                            <thead role="rowgroup">
                                <tr role="row">
                                    <th scope="col" class="field-col" role="columnheader">{ "Field" }</th>
                                    { for rows.iter().map(|row| html! {
                                        <th scope="col" role="columnheader" id={route::element::row(&row.id)} class={classes!(format!("group-{:?}", row.group).to_lowercase())}>
                                            <span class="row-label">{ &row.label }</span>
                                            <span class="row-group">{ group_label(pack, row.group) }</span>
                                            { for row.note.iter().map(|note| html! { <span class="row-note muted small">{ note }</span> }) }
                                            if row.group == RowGroup::Registry {
                                                <RegistryCaveat />
                                            }
                                        </th>
                                    }) }
                                </tr>
                            </thead>
                            <tbody role="rowgroup">
                                { for Field::all(pack).into_iter().map(|field| html! {
                                    <tr role="row">
                                        <th scope="row" class="field-col" role="rowheader">{ field.label(pack) }</th>
                                        { for rows.iter().map(|row| {
                                            let cell = field.cell(pack, row);
                                            let number_link = (field == Field::Patients)
                                                .then(|| cell.provenance.as_ref().and_then(|p| route::in_paper(p, pack)))
                                                .flatten();
                                            let differs = differing.contains(&(row.id.clone(), field));
                                            html! {
                                                <td role="cell" class={classes!(cell.is_not_reported().then_some("nr"))}>
                                                    // Shown where the table is laid out one field at a time.
                                                    <span class="cell-case" aria-hidden="true">{ &row.label }</span>
                                                    if differs { <span class="cell-differs">{ "differs from this case" }</span> }
                                                    <CellView cell={cell.clone()} />
                                                    { for number_link.map(|href| html! {
                                                        <a class="small in-paper" href={href}>{ "n in the paper" }</a>
                                                    }) }
                                                </td>
                                            }
                                        }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </section>

            <section aria-labelledby="differs-heading">
                <h2 id="differs-heading">{ "What differs from this case" }</h2>
                <p class="muted">{ format!("The fields where a chosen case or cohort differs from this one, read from the rows above: {}.",
                    Field::contrasted(pack).into_iter().map(|field| field.label(pack).to_lowercase()).collect::<Vec<_>>().join(", ")) }</p>
                <label class="select-label">{ "Set beside this case: " }
                    <select onchange={on_contrast}>
                        { for others.iter().map(|row| html! {
                            <option value={row.id.to_string()} selected={Some(&row.id) == contrast_id.as_ref()}>{ &row.label }</option>
                        }) }
                    </select>
                </label>
                { for contrast_id.map(|id| html! { <ContrastTable other={id} /> }) }
            </section>
        </article>
    }
}
