//! Ordering the case's events and grouping them into the phases a clinician would name.
//! The drawn timeline's maths live in the submodules: [`scale`] maps time to position,
//! [`layout`] places marks and labels without overlap, [`measures`] groups the values.

pub mod layout;
pub mod measures;
pub mod scale;

use crate::model::{CasePack, Event};
use crate::time::{Precision, TimeSpec};

/// Where one phase ends and the next begins, in hours from the anchor: the first
/// infusion, the end of the second (symptom onset), four days in, and about a week after
/// the haemoptysis (discharge).
pub const PHASE_BOUNDARIES_HOURS: [f64; 4] = [0.0, 24.0, 96.0, 216.0];

/// The phases of the case, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Before the first infusion.
    BeforeTreatment,
    /// From the first infusion to the first symptoms (0–24 h).
    InfusionDays,
    /// The first four days of illness (24–96 h).
    AcuteIllness,
    /// The rest of the hospital stay (up to about one week after haemoptysis).
    HospitalCourse,
    /// After discharge.
    FollowUp,
}

impl Phase {
    /// All phases, in order.
    pub const ALL: [Phase; 5] = [
        Phase::BeforeTreatment,
        Phase::InfusionDays,
        Phase::AcuteIllness,
        Phase::HospitalCourse,
        Phase::FollowUp,
    ];

    /// The phase's heading.
    pub fn label(self) -> &'static str {
        match self {
            Phase::BeforeTreatment => "Before treatment",
            Phase::InfusionDays => "The infusion days",
            Phase::AcuteIllness => "The acute illness (first four days)",
            Phase::HospitalCourse => "The rest of the hospital stay",
            Phase::FollowUp => "Follow-up",
        }
    }

    /// The phase a time falls in. A time known only to be *before* a bound belongs to the
    /// phase that ends at that bound.
    pub fn of(time: &TimeSpec) -> Phase {
        let hours = sort_hours(time);
        let [treatment, onset, four_days, discharge] = PHASE_BOUNDARIES_HOURS;
        if hours < treatment {
            Phase::BeforeTreatment
        } else if hours < onset {
            Phase::InfusionDays
        } else if hours < four_days {
            Phase::AcuteIllness
        } else if hours <= discharge {
            Phase::HospitalCourse
        } else {
            Phase::FollowUp
        }
    }
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
pub fn events_by_phase(pack: &CasePack) -> Vec<(Phase, Vec<&Event>)> {
    let ordered = ordered_events(pack);
    Phase::ALL
        .into_iter()
        .map(|phase| {
            (
                phase,
                ordered
                    .iter()
                    .copied()
                    .filter(|event| Phase::of(&event.time) == phase)
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
