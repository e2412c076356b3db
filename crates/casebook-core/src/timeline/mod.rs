//! Ordering the case's events and grouping them into the phases a clinician would name.
//! The drawn timeline's maths live in the submodules: [`scale`] maps time to position,
//! [`layout`] places marks and labels without overlap, [`measures`] groups the values.

pub mod layout;
pub mod measures;
pub mod scale;

use crate::model::{CasePack, Event, PhaseDef};
use crate::time::{Precision, TimeSpec};

/// Where one phase ends and the next begins, in hours from the anchor, in order: the
/// pack's phases' starts after the first.
pub fn phase_boundaries(pack: &CasePack) -> Vec<f64> {
    pack.timeline
        .phases
        .iter()
        .skip(1)
        .filter_map(|phase| phase.from.as_ref().map(|from| from.hours()))
        .collect()
}

/// The index (in the pack's phases) of the phase a time falls in. A time known only to be
/// *before* a bound belongs to the phase that ends at that bound. A pack always has at
/// least one phase (`migrate::place_times` gives two to a pack that names none).
pub fn phase_of(pack: &CasePack, time: &TimeSpec) -> usize {
    let hours = sort_hours(time);
    let boundaries = phase_boundaries(pack);
    let last = pack.timeline.phases.len().saturating_sub(1);
    // The last phase includes its own end, so a time at the very end is not "after" it.
    boundaries
        .iter()
        .position(|boundary| hours < *boundary)
        .unwrap_or(last)
        .min(last)
}

/// The span of hours of the phases marked `acute` (from the first one's start to the last
/// one's end), if the pack marks any: what the "Acute phase" view shows.
pub fn acute_hours(pack: &CasePack) -> Option<(f64, f64)> {
    let acute: Vec<&PhaseDef> = pack.timeline.phases.iter().filter(|p| p.acute).collect();
    let first = acute.first()?;
    let last = acute.last()?;
    let from = first.from.as_ref().map(|o| o.hours());
    let to = last.until.as_ref().map(|o| o.hours());
    // An open end is closed at the events' extent.
    let times: Vec<f64> = pack
        .events
        .iter()
        .map(|event| sort_hours(&event.time))
        .collect();
    let from = from.unwrap_or_else(|| times.iter().copied().fold(f64::INFINITY, f64::min));
    let to = to.unwrap_or_else(|| times.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    (from.is_finite() && to.is_finite() && to > from).then_some((from, to))
}

/// The time used to order events: `before` bounds sort just before their bound, `after`
/// bounds just after it, so "before the first infusion" precedes the infusion itself.
pub fn sort_hours(time: &TimeSpec) -> f64 {
    const NUDGE: f64 = 1.0e-3;
    match time.precision {
        Precision::Before => time.at.hours() - NUDGE,
        Precision::After => time.at.hours() + NUDGE,
        _ => time.at.hours(),
    }
}

/// The pack's events in time order (stable: equal times keep the pack's order).
pub fn ordered_events(pack: &CasePack) -> Vec<&Event> {
    let mut events: Vec<&Event> = pack.events.iter().collect();
    events.sort_by(|a, b| sort_hours(&a.time).total_cmp(&sort_hours(&b.time)));
    events
}

/// The pack's events grouped by phase, each group in time order; empty phases are left out.
pub fn events_by_phase(pack: &CasePack) -> Vec<(&PhaseDef, Vec<&Event>)> {
    let ordered = ordered_events(pack);
    pack.timeline
        .phases
        .iter()
        .enumerate()
        .map(|(index, phase)| {
            (
                phase,
                ordered
                    .iter()
                    .copied()
                    .filter(|event| phase_of(pack, &event.time) == index)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, events)| !events.is_empty())
        .collect()
}

/// True when every word of `query` occurs in the event's label or detail, ignoring case
/// (the timeline's "highlight" box). An empty query matches nothing.
pub fn matches(event: &Event, query: &str) -> bool {
    let haystack = format!("{} {}", event.label, event.detail).to_lowercase();
    let mut words = query.split_whitespace().peekable();
    words.peek().is_some() && words.all(|word| haystack.contains(&word.to_lowercase()))
}
