//! The case's measurements as small trend marks: each series on its own number line,
//! with the reference band where the paper gives limits, the values in time order joined
//! by an arrow, and every figure also in words.

use casebook_core::timeline::measures::{against, series};
use yew::prelude::*;

use crate::pack::use_pack;
use yew_router::prelude::*;

use crate::route::Route;

/// Width of a trend mark's drawing, in its own units.
const GAUGE_WIDTH: f64 = 200.0;

/// One card per series.
#[component]
pub fn Measurements() -> Html {
    let pack = use_pack();
    let pack = &*pack;
    html! {
        <ul class="measure-cards">
            { for series(pack).into_iter().map(|series| {
                let reference = series.reference();
                let span = series.span();
                let numbers: Vec<f64> = series.values.iter().filter_map(|m| m.value).collect();
                let x = |value: f64| span.map_or(0.0, |(low, high)| (value - low) / (high - low) * GAUGE_WIDTH);
                let words = format!(
                    "{}: {}; reference range {}",
                    series.name,
                    series.trend_text(),
                    reference.map(|r| r.text.clone()).unwrap_or_else(|| casebook_core::NOT_REPORTED.to_owned())
                );
                let last_against = series.values.last()
                    .and_then(|m| m.value.zip(m.reference.as_ref()))
                    .and_then(|(v, r)| against(v, r));
                let first_event = series.values[0].event.to_string();
                html! {
                    <li class="measure-card">
                        <p class="measure-name">
                            <Link<Route> to={Route::TimelineEvent { event: first_event }}>{ series.name }</Link<Route>>
                        </p>
                        <p class="measure-value">{ series.trend_text() }
                            { for last_against.map(|a| html! { <span class="against">{ format!(" ({})", a.label()) }</span> }) }</p>
                        if let (Some((low, high)), false) = (span, numbers.is_empty()) {
                            <svg class="gauge" viewBox={format!("0 0 {GAUGE_WIDTH} 24")} role="img" aria-label={words.clone()}>
                                <line class="gauge-axis" x1="0" x2={GAUGE_WIDTH.to_string()} y1="16" y2="16" />
                                { for reference.filter(|r| r.low.is_some() || r.high.is_some()).map(|r| {
                                    let from = x(r.low.unwrap_or(low));
                                    let to = x(r.high.unwrap_or(high));
                                    html! { <rect class="gauge-band" x={from.to_string()} y="8" width={(to - from).max(1.0).to_string()} height="16" /> }
                                }) }
                                if numbers.len() > 1 {
                                    <line class="gauge-trend" x1={x(numbers[0]).to_string()} x2={x(numbers[numbers.len() - 1]).to_string()} y1="16" y2="16" />
                                }
                                { for numbers.iter().enumerate().map(|(index, value)| html! {
                                    <circle class={if index + 1 == numbers.len() { "gauge-dot last" } else { "gauge-dot" }} cx={x(*value).to_string()} cy="16" r="4.5" />
                                }) }
                            </svg>
                        }
                        <p class="measure-range">{ "Reference: " }{ reference.map(|r| r.text.clone()).unwrap_or_else(|| casebook_core::NOT_REPORTED.to_owned()) }</p>
                        <p class="measure-when">{ series.values.iter().map(|m| m.time.spoken(&pack.anchor.label)).collect::<Vec<_>>().join("; ") }</p>
                    </li>
                }
            }) }
        </ul>
    }
}
