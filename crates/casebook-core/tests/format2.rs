//! What format 2 added, read from the synthetic test pack (`tests/packs/`, placeholder
//! words only): days as the report counts them, the pack's own phases, intervals whose
//! ends differ in precision, an event placed by another event's time, drugs as
//! exposures, comparison fields and groups of its own, tables and citation forms in the
//! article, a described figure, measurements with comparators and series, and metadata
//! without a DOI or licence.

use casebook_core::compare::{group_label, Field};
use casebook_core::reader::{blocks, Block};
use casebook_core::timeline::scale::{acute_phase_hours, ticks, Scale, ScaleKind, Viewport};
use casebook_core::timeline::{events_by_phase, phase_of};
use casebook_core::{CasePack, Lane, RowGroup};

fn pack() -> CasePack {
    let text = include_str!("../../../tests/packs/synthetic-days.casepack.md");
    casebook_core::load_pack("synthetic-days.casepack.md", text)
        .unwrap_or_else(|errors| panic!("the synthetic pack does not validate:\n{errors}"))
}

fn event<'a>(pack: &'a CasePack, id: &str) -> &'a casebook_core::Event {
    pack.events.iter().find(|e| e.id.as_str() == id).expect(id)
}

#[test]
fn days_are_placed_by_the_packs_numbering_and_said_as_the_report_says_them() {
    let pack = pack();
    assert!(pack.meta.synthetic);
    // Day 1 is the anchor's day: day 3 is two days after it.
    let compound = event(&pack, "compound-a");
    assert_eq!(compound.time.at.hours(), 48.0);
    assert_eq!(compound.time.at.spoken(&pack.anchor.label), "day 3");
    // The end is approximate though the start is exact.
    assert_eq!(
        compound.time.spoken(&pack.anchor.label),
        "day 3, until about day 10"
    );
    assert_eq!(event(&pack, "admission").time.at.hours(), 0.0);
    // The report does not say whether it counts from day 0 or day 1, and the timeline says so.
    let days = pack.timeline.days.as_ref().unwrap();
    assert!(days.describe(&pack.anchor.label).contains("does not say"));
    // Ticks read as day numbers.
    let scale = Scale::for_pack(&pack, ScaleKind::Linear);
    let labels: Vec<String> = ticks(&scale, Viewport::WHOLE, 960.0, 50.0)
        .into_iter()
        .map(|tick| tick.label)
        .collect();
    assert!(
        labels.iter().any(|label| label.starts_with("day ")),
        "{labels:?}"
    );
}

#[test]
fn an_event_known_only_after_another_is_placed_by_it() {
    let pack = pack();
    let later = event(&pack, "finding-later");
    let test = event(&pack, "test-one");
    assert_eq!(later.time.at.hours(), test.time.at.hours());
    assert_eq!(
        later.time.spoken(&pack.anchor.label),
        "between \u{201c}Test one\u{201d} and day 22"
    );
    // A reference to no event is an error with its place.
    let broken = include_str!("../../../tests/packs/synthetic-days.casepack.md")
        .replace("earliest = \"@test-one\"", "earliest = \"@no-such-event\"");
    let errors = casebook_core::load_pack("broken.casepack.md", &broken).unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("`@no-such-event` cannot be placed"),
        "{errors}"
    );
    // A day number without the pack's numbering is an error too.
    let no_days = include_str!("../../../tests/packs/synthetic-days.casepack.md")
        .replace("days = { anchor_day = 1, stated = false }", "");
    let errors = casebook_core::load_pack("no-days.casepack.md", &no_days).unwrap_err();
    assert!(errors.to_string().contains("is a day number"), "{errors}");
}

#[test]
fn the_packs_phases_group_the_events_and_give_the_acute_view() {
    let pack = pack();
    let names: Vec<&str> = events_by_phase(&pack)
        .into_iter()
        .map(|(phase, _)| phase.name.as_str())
        .collect();
    assert_eq!(names, ["Before admission", "The stay", "The visits"]);
    assert_eq!(phase_of(&pack, &event(&pack, "last-visit").time), 2);
    let (from, to) = acute_phase_hours(&pack).expect("the stay is marked acute");
    assert!(from < 0.0 && to > 29.0 * 24.0);
}

#[test]
fn drugs_are_exposures_on_the_drug_lane() {
    let pack = pack();
    let drugs: Vec<String> = pack
        .events
        .iter()
        .filter(|event| event.lane == Lane::Drug)
        .filter_map(|event| event.exposure.as_ref().map(|e| e.label()))
        .collect();
    assert_eq!(
        drugs,
        [
            "compound A one unit a day, route one",
            "compound B, route two"
        ]
    );
}

#[test]
fn the_comparison_has_the_packs_fields_and_group_names() {
    let pack = pack();
    let labels: Vec<&str> = Field::all(&pack)
        .into_iter()
        .map(|f| f.label(&pack))
        .collect();
    assert_eq!(
        labels,
        [
            "Indication",
            "Patients (n)",
            "Compound given",
            "Peak of marker one",
            "The test that decided",
            "Course"
        ]
    );
    assert_eq!(group_label(&pack, RowGroup::ThisCase), "Subject one");
    assert_eq!(group_label(&pack, RowGroup::Registry), "Registry reports");
    assert!(pack.comparison[1].indication.provenance.is_some());
    assert_eq!(pack.compare.notes.len(), 1);
}

#[test]
fn tables_figures_and_every_citation_form_reach_the_reader() {
    let pack = pack();
    let all = blocks(&pack, None);
    let tables: Vec<_> = all
        .iter()
        .filter_map(|block| match block {
            Block::Table { head, rows, .. } => Some((head.len(), rows.len())),
            _ => None,
        })
        .collect();
    assert_eq!(tables, [(3, 3), (3, 2), (3, 2)]);
    assert!(all
        .iter()
        .any(|block| matches!(block, Block::Figure { number: 1, .. })));
    assert_eq!(pack.figures[0].number, 1);
    // A quote from a table quotes a cell: "below 5.0 at rest" is found.
    assert!(pack.article.plain_text().contains("below 5.0 at rest"));
    // [3–5], [3, 4] and [[3], [4], [5]] each cite their references.
    for number in 3..=5 {
        assert!(
            !pack.article.citing_sentences(number).is_empty(),
            "[{number}]"
        );
    }
    assert_eq!(pack.article.citing_sentences(3).len(), 3);
    let cited_in_a_cell = pack.article.citing_sentences(2);
    assert_eq!(cited_in_a_cell, ["not given [2]"]);
}

#[test]
fn measurements_carry_comparators_conditions_and_series_and_metadata_may_be_unknown() {
    let pack = pack();
    let last = pack
        .measurements
        .iter()
        .find(|m| m.id.as_str() == "marker-day-22")
        .unwrap();
    assert_eq!(last.comparator.as_deref(), Some("<"));
    assert_eq!(last.condition.as_deref(), Some("at rest"));
    assert!(pack
        .measurements
        .iter()
        .all(|m| m.series.as_deref() == Some("marker-one")));
    assert_eq!(pack.meta.doi, None);
    assert_eq!(pack.meta.licence, None);
    assert!(pack.meta.journal_provenance.is_some());
    // It opens through the binary encoding the app uses, unchanged.
    let bytes = casebook_core::binary::encode(&pack);
    assert_eq!(casebook_core::binary::decode(&bytes).unwrap(), pack);
}

#[test]
fn the_drawing_of_another_case_is_clear_at_every_width_and_zoom() {
    use casebook_core::timeline::layout::{drawing_problems, layout};
    let pack = pack();
    for kind in [ScaleKind::Broken, ScaleKind::Linear] {
        let scale = Scale::for_pack(&pack, kind);
        for width in [320.0, 358.0, 704.0, 960.0, 1300.0] {
            for steps in 0..40 {
                let view = Viewport::WHOLE
                    .zoomed(1.0 + f64::from(steps) * 0.7, f64::from(steps % 7) / 6.0);
                let lanes = layout(&pack, &scale, view, width, &Lane::ALL);
                let problems = drawing_problems(&lanes, width);
                assert!(
                    problems.is_empty(),
                    "{kind:?} {width} {view:?}: {problems:?}"
                );
            }
        }
    }
}
