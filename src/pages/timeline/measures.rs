//! The case's measurements as small cards: each series' values in words, and where it
//! says something (a reference band the paper gives, or two or more values) a labelled
//! number line with the band shaded and the values in time order joined.

use casebook_core::timeline::measures::{against, series};
use yew::prelude::*;

use crate::pack::use_pack;
use yew_router::prelude::*;

use crate::route::Route;

/// The number line's height and where its axis runs, in pixels. Across, the drawing uses
/// percentages (SVG lengths allow them), so it fills its card without scaling its text.
const GAUGE_HEIGHT: f64 = 40.0;
const GAUGE_AXIS_Y: f64 = 14.0;

/// The side a tick's label hangs to, so the first and last stay inside the card.
fn tick_anchor(at: f64) -> &'static str {
    if at < 12.0 {
        "start"
    } else if at > 88.0 {
        "end"
    } else {
        "middle"
    }
}

/// The number line's key in words: what is shaded, which value is which.
fn gauge_key(band: bool, values: usize) -> &'static str {
    match (band, values > 1) {
        (true, true) => "Shaded: the reference range. Hollow: earlier values; filled: the latest.",
        (true, false) => "Shaded: the reference range.",
        (false, _) => "Hollow: earlier values; filled: the latest.",
    }
}

/// One card per series.
#[component]
pub fn Measurements() -> Html {
    let pack = use_pack();
    let pack = &*pack;
    html! {
        <ul class="measure-cards">
            { for series(pack).into_iter().map(|series| {
                let reference = series.reference();
                let gauge = series.gauge();
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
                        if let Some(gauge) = gauge {
                            <svg class="gauge" width="100%" height={GAUGE_HEIGHT.to_string()} role="img" aria-label={words.clone()}>
                                <line class="gauge-axis" x1="1%" x2="99%" y1={GAUGE_AXIS_Y.to_string()} y2={GAUGE_AXIS_Y.to_string()} />
                                { for gauge.band.map(|(from, to)| html! {
                                    <rect class="gauge-band" x={format!("{from}%")} y={(GAUGE_AXIS_Y - 8.0).to_string()} width={format!("{}%", (to - from).max(0.5))} height="16" />
                                }) }
                                if gauge.values.len() > 1 {
                                    <line class="gauge-trend" x1={format!("{}%", gauge.values[0])} x2={format!("{}%", gauge.values[gauge.values.len() - 1])} y1={GAUGE_AXIS_Y.to_string()} y2={GAUGE_AXIS_Y.to_string()} />
                                }
                                { for gauge.values.iter().enumerate().map(|(index, at)| html! {
                                    <circle class={if index + 1 == gauge.values.len() { "gauge-dot last" } else { "gauge-dot" }} cx={format!("{at}%")} cy={GAUGE_AXIS_Y.to_string()} r="4.5" />
                                }) }
                                { for gauge.ticks.iter().map(|(at, label)| html! {
                                    <g class="gauge-tick">
                                        <line x1={format!("{at}%")} x2={format!("{at}%")} y1={(GAUGE_AXIS_Y + 8.0).to_string()} y2={(GAUGE_AXIS_Y + 12.0).to_string()} />
                                        <text x={format!("{at}%")} y={(GAUGE_HEIGHT - 2.0).to_string()} text-anchor={tick_anchor(*at)}>{ label }</text>
                                    </g>
                                }) }
                            </svg>
                            <p class="gauge-key">{ gauge_key(gauge.band.is_some(), gauge.values.len()) }</p>
                        }
                        <p class="measure-range">{ "Reference: " }{ reference.map(|r| r.text.clone()).unwrap_or_else(|| casebook_core::NOT_REPORTED.to_owned()) }</p>
                        <p class="measure-when">{ series.values.iter().map(|m| m.time.spoken(&pack.anchor.label)).collect::<Vec<_>>().join("; ") }</p>
                    </li>
                }
            }) }
        </ul>
    }
}
