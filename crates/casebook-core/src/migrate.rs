//! What a pack is given once it is read: a format 1 pack the settings format 2 made the
//! pack's own (phases, comparison fields, finding groups), and every pack's day numbers
//! and event-relative times placed in hours.
//!
//! Format 1 fixed these in the app's code; format 2 lets each pack declare them. A format 1
//! file is read into the format 2 model with the settings format 1 implied, worded for no
//! case in particular, so it opens and reads as it did.

use crate::ids::FindingGroupId;
use crate::model::{CasePack, CompareField, FindingGroupDef, PhaseDef};
use crate::time::{Offset, Written};

/// The eleven comparison fields format 1 fixed, in its order, with whether "What differs"
/// contrasted them.
const FORMAT_1_FIELDS: [(&str, &str, bool); 11] = [
    ("setting", "Setting", true),
    ("age_sex", "Age and sex", false),
    ("dose_route", "Dose and route", true),
    ("premedication", "Premedication", false),
    ("onset", "Onset after the dose", true),
    ("presentation", "Presentation", false),
    ("imaging", "Imaging", false),
    ("bal", "Bronchoalveolar lavage", false),
    ("treatment", "Treatment", true),
    ("ventilation", "Mechanical ventilation", true),
    ("outcome", "Outcome", true),
];

/// The seven finding groups format 1 fixed, in its order.
const FORMAT_1_GROUPS: [(&str, &str); 7] = [
    ("history", "History and timing"),
    ("examination", "Examination"),
    ("blood", "Blood and urine tests"),
    ("imaging", "Imaging"),
    ("bal", "Bronchoscopy and lavage"),
    ("serology", "Serology"),
    ("course", "Course"),
];

/// Gives a format 1 pack what format 1 implied. Its `format` stays 1, so the app can say
/// which version it read.
pub fn from_format_1(pack: &mut CasePack) {
    if pack.compare_fields.is_empty() {
        pack.compare_fields = FORMAT_1_FIELDS
            .iter()
            .map(|(id, label, contrast)| CompareField {
                id: (*id).to_owned(),
                label: (*label).to_owned(),
                contrast: *contrast,
            })
            .collect();
    }
    if pack.finding_groups.is_empty() {
        pack.finding_groups = FORMAT_1_GROUPS
            .iter()
            .map(|(id, label)| FindingGroupDef {
                id: FindingGroupId::new(id),
                label: (*label).to_owned(),
            })
            .collect();
    }
}

/// Two phases, before the anchor and from it: what a pack that names no phases gets.
fn default_phases(anchor: &str) -> Vec<PhaseDef> {
    let zero = Offset::parse("0 h").expect("zero parses");
    vec![
        PhaseDef {
            id: "before".to_owned(),
            name: format!("Before the {anchor}"),
            from: None,
            until: Some(zero.clone()),
            acute: false,
        },
        PhaseDef {
            id: "after".to_owned(),
            name: format!("From the {anchor}"),
            from: Some(zero),
            until: None,
            acute: false,
        },
    ]
}

/// Places every day number (`day 22`, by the pack's day numbering) and every reference to
/// another event's time (`@admission`) in hours, and gives a pack with no phases the two
/// default ones. A reference that cannot be placed (to no event, or in a circle) is left
/// for the validator to report.
pub fn place_times(pack: &mut CasePack) {
    if pack.timeline.phases.is_empty() {
        pack.timeline.phases = default_phases(&pack.anchor.label);
    }
    let anchor_day = pack
        .timeline
        .days
        .as_ref()
        .map_or(0, |days| days.anchor_day);
    let place_day = |offset: &mut Offset| {
        if let Written::Day(day) = offset.names() {
            offset.place(
                (day - i64::from(anchor_day)) as f64 * 24.0,
                format!("day {day}"),
            );
        }
    };
    for event in &mut pack.events {
        event.time.offsets_mut().for_each(place_day);
    }
    for measurement in &mut pack.measurements {
        measurement.time.offsets_mut().for_each(place_day);
    }
    for phase in &mut pack.timeline.phases {
        phase
            .from
            .iter_mut()
            .chain(phase.until.iter_mut())
            .for_each(place_day);
    }
    // Event references, in as many passes as it takes for chains (`@a` refers to an event
    // whose own time is `@b`): each pass places the references whose event is placed.
    let said = |label: &str| format!("\u{201c}{label}\u{201d}");
    let mut placed: std::collections::HashMap<String, (f64, String)> = pack
        .events
        .iter()
        .filter(|event| event.time.at.is_placed())
        .map(|event| {
            (
                event.id.to_string(),
                (event.time.at.hours(), said(&event.label)),
            )
        })
        .collect();
    for _ in 0..=pack.events.len() {
        let mut progress = false;
        for event in &mut pack.events {
            for offset in event.time.offsets_mut() {
                if let Written::Event(id) = offset.names() {
                    if let (false, Some((hours, words))) = (offset.is_placed(), placed.get(&id)) {
                        offset.place(*hours, words.clone());
                        progress = true;
                    }
                }
            }
            if event.time.at.is_placed() && !placed.contains_key(event.id.as_str()) {
                placed.insert(
                    event.id.to_string(),
                    (event.time.at.hours(), said(&event.label)),
                );
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
    for measurement in &mut pack.measurements {
        for offset in measurement.time.offsets_mut() {
            if let Written::Event(id) = offset.names() {
                if let Some((hours, said)) = placed.get(&id) {
                    offset.place(*hours, said.clone());
                }
            }
        }
    }
    for phase in &mut pack.timeline.phases {
        for offset in phase.from.iter_mut().chain(phase.until.iter_mut()) {
            if let Written::Event(id) = offset.names() {
                if let Some((hours, said)) = placed.get(&id) {
                    offset.place(*hours, said.clone());
                }
            }
        }
    }
}
