//! Outcome by indication: one bar per row with counts, deaths and recoveries as shares of
//! its n, the Wilson interval drawn over the deaths, and the arithmetic written beside it.
//!
//! Each bar is a small SVG in a row of HTML, so the labels stay at reading size on a
//! phone instead of shrinking with a whole-chart viewBox; each bar's `aria-label` is its
//! sentence, and the same figures follow as a table.

use casebook_core::compare::{group_label, OutcomeBar};
use casebook_core::stats::interval_words;
use casebook_core::CasePack;
use yew::prelude::*;

/// One bar, as plain data for the component.
#[derive(Clone, Debug, PartialEq)]
pub struct BarData {
    /// Row label.
    pub label: String,
    /// The row's note (a probable repeat, another condition, overlapping groups), shown
    /// with its bar so the chart never hides it.
    pub note: Option<String>,
    /// Group name.
    pub group: String,
    /// Deaths.
    pub deaths: u32,
    /// Patients.
    pub total: u32,
    /// Interval limits as fractions.
    pub low: f64,
    /// Upper limit.
    pub high: f64,
    /// "14/17 = 82%".
    pub arithmetic: String,
    /// "95% CI 59% to 94%".
    pub interval: String,
    /// The text equivalent.
    pub sentence: String,
    /// Link to the counts' source sentence, when it is in the paper.
    pub href: Option<String>,
}

impl BarData {
    /// Plain data from the core's bar.
    pub fn from_core(bar: &OutcomeBar<'_>, pack: &CasePack) -> BarData {
        BarData {
            label: bar.row.label.clone(),
            note: bar.row.note.clone(),
            group: group_label(pack, bar.row.group).to_owned(),
            deaths: bar.deaths.events,
            total: bar.deaths.total,
            low: bar.interval.low,
            high: bar.interval.high,
            arithmetic: bar.deaths.arithmetic(),
            interval: interval_words(bar.interval),
            sentence: bar.sentence(),
            href: crate::route::in_paper(bar.provenance, pack),
        }
    }
}

/// Properties of [`OutcomeChart`].
#[derive(Properties, PartialEq, Clone)]
pub struct OutcomeChartProps {
    /// The bars, in display order.
    pub bars: Vec<BarData>,
}

/// The chart with its key and its table.
#[component]
pub fn OutcomeChart(props: &OutcomeChartProps) -> Html {
    let percent = |fraction: f64| format!("{:.3}", fraction * 100.0);
    html! {
        <figure class="outcome-chart" aria-labelledby="outcome-caption">
            <figcaption id="outcome-caption">
                { "Deaths and recoveries in each group, as shares of its n. The line over each bar is the 95% confidence interval for the share who died." }
            </figcaption>
            <p class="chart-key" aria-hidden="true">
                <span class="key-swatch swatch-died"></span>{ " died " }
                <span class="key-swatch swatch-recovered"></span>{ " recovered " }
                <span class="key-swatch swatch-interval"></span>{ " 95% CI of the share who died" }
            </p>
            <ul class="bars">
                { for props.bars.iter().map(|bar| {
                    let died = if bar.total == 0 { 0.0 } else { f64::from(bar.deaths) / f64::from(bar.total) };
                    html! {
                        <li class="bar-row">
                            <span class="bar-label">{ &bar.label }<span class="bar-n">{ format!(" · n = {}", bar.total) }</span>
                                { for bar.note.iter().map(|note| html! { <span class="bar-note muted small">{ format!(" · {note}") }</span> }) }
                            </span>
                            <svg class="bar" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label={bar.sentence.clone()}>
                                <rect class="bar-recovered" x="0" y="3" width="100" height="6" />
                                <rect class="bar-died" x="0" y="3" width={percent(died)} height="6" />
                                <line class="bar-interval" x1={percent(bar.low)} x2={percent(bar.high)} y1="1.5" y2="1.5" vector-effect="non-scaling-stroke" />
                                <line class="bar-interval" x1={percent(bar.low)} x2={percent(bar.low)} y1="0" y2="3" vector-effect="non-scaling-stroke" />
                                <line class="bar-interval" x1={percent(bar.high)} x2={percent(bar.high)} y1="0" y2="3" vector-effect="non-scaling-stroke" />
                            </svg>
                            <span class="bar-figures">
                                { match &bar.href {
                                    Some(href) => html! { <a href={href.clone()}>{ format!("{} died", bar.arithmetic) }</a> },
                                    None => html! { <span>{ format!("{} died", bar.arithmetic) }</span> },
                                } }
                                <span class="muted">{ format!(" · {}", bar.interval) }</span>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            <details class="chart-table">
                <summary>{ "The chart as a table" }</summary>
                <div class="table-scroll" role="region" aria-label="Outcome counts" tabindex="0">
                    <table>
                        <thead><tr>
                            <th scope="col">{ "Group" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "n" }</th>
                            <th scope="col">{ "Died" }</th><th scope="col">{ "Recovered" }</th><th scope="col">{ "Share who died" }</th>
                            <th scope="col">{ "95% CI (Wilson)" }</th>
                        </tr></thead>
                        <tbody>
                            { for props.bars.iter().map(|bar| html! {
                                <tr>
                                    <th scope="row">{ &bar.label }{ for bar.note.iter().map(|note| html! { <span class="row-note muted small">{ format!("({note})") }</span> }) }</th>
                                    <td>{ &bar.group }</td>
                                    <td>{ bar.total }</td>
                                    <td>{ bar.deaths }</td>
                                    <td>{ bar.total - bar.deaths }</td>
                                    <td>{ &bar.arithmetic }</td>
                                    <td>{ &bar.interval }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
