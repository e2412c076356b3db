//! The drawn timeline's maths on the seed pack: the scale is monotonic, invertible and
//! anchored; approximate times stay approximate; labels never overlap at any width or
//! zoom; ticks are labelled as a clinician writes them; measurements form series.

use casebook_core::timeline::layout::{drawing_problems, layout, shape_of, MarkShape};
use casebook_core::timeline::measures::{series, AgainstRange};
use casebook_core::timeline::scale::{acute_phase_hours, ticks, Scale, ScaleKind, Viewport};
use casebook_core::{seed_pack, CasePack, Lane, Precision};
use proptest::prelude::*;

fn pack() -> CasePack {
    seed_pack().unwrap_or_else(|errors| panic!("the seed pack does not validate:\n{errors}"))
}

/// Parsed once for the property tests, which lay it out hundreds of times.
static SEED: std::sync::LazyLock<CasePack> = std::sync::LazyLock::new(pack);

const KINDS: [ScaleKind; 2] = [ScaleKind::Broken, ScaleKind::Linear];

#[test]
fn the_scale_is_monotonic_and_invertible() {
    let pack = pack();
    for kind in KINDS {
        let scale = Scale::for_pack(&pack, kind);
        let (first, last) = scale.domain();
        let steps = 20_000;
        let mut previous = -1.0;
        for i in 0..=steps {
            let hours = first + (last - first) * f64::from(i) / f64::from(steps);
            let position = scale.position(hours);
            assert!(
                (0.0..=1.0).contains(&position),
                "{kind:?} {hours} -> {position}"
            );
            assert!(position > previous, "{kind:?} not increasing at {hours} h");
            previous = position;
            let back = scale.hours_at(position);
            let tolerance = 1e-6 * hours.abs().max(1.0);
            assert!(
                (back - hours).abs() < tolerance,
                "{kind:?} {hours} -> {position} -> {back}"
            );
        }
        assert_eq!(scale.position(first), 0.0);
        assert!((scale.position(last) - 1.0).abs() < 1e-12);
    }
}

#[test]
fn the_broken_scale_gives_the_crisis_room() {
    let pack = pack();
    let broken = Scale::for_pack(&pack, ScaleKind::Broken);
    let linear = Scale::for_pack(&pack, ScaleKind::Linear);
    let share = |scale: &Scale| scale.position(96.0) - scale.position(24.0);
    // The first four days of illness: a sliver on the linear axis, a good part of the
    // broken one.
    assert!(share(&linear) < 0.005, "linear {}", share(&linear));
    assert!(share(&broken) > 0.25, "broken {}", share(&broken));
    // The anchor sits at a segment boundary of the broken axis.
    assert!(broken.segments().iter().any(|segment| segment.from == 0.0));
    // Years of history and months of follow-up both stay on the axis.
    assert!(broken.position(-64.0 * 730.5) < broken.position(-4.0 * 730.5));
    assert!(broken.position(29.0 * 24.0) < broken.position(13.0 * 730.5));
}

#[test]
fn approximate_times_are_never_drawn_as_points() {
    let pack = pack();
    let scale = Scale::for_pack(&pack, ScaleKind::Broken);
    for event in &pack.events {
        let shape = shape_of(event);
        let (from, to) = scale.extent(&event.time);
        match event.time.precision {
            Precision::Exact if event.time.until.is_none() => {
                assert_eq!(shape, MarkShape::Point, "{}", event.id)
            }
            Precision::Approximate if event.time.until.is_none() => {
                assert_eq!(shape, MarkShape::Approximate, "{}", event.id)
            }
            Precision::Range | Precision::Before | Precision::After => {
                assert!(to > from, "{} is drawn as a point", event.id);
                assert_ne!(shape, MarkShape::Point, "{}", event.id);
            }
            _ => assert_eq!(shape, MarkShape::Interval, "{}", event.id),
        }
    }
}

#[test]
fn nothing_overlaps_or_is_cut_off_for_the_seed() {
    let pack = pack();
    let (acute_from, acute_to) = acute_phase_hours(&pack).expect("the seed marks acute phases");
    for kind in KINDS {
        let scale = Scale::for_pack(&pack, kind);
        let acute = Viewport::around(&scale, acute_from, acute_to);
        let views = [
            Viewport::WHOLE,
            acute,
            Viewport::WHOLE.zoomed(3.0, 0.5),
            acute.zoomed(4.0, 0.3),
            acute.zoomed(20.0, 0.1),
        ];
        for width in [358.0, 704.0, 960.0, 1300.0] {
            for view in views {
                let lanes = layout(&pack, &scale, view, width, &Lane::ALL);
                let problems = drawing_problems(&lanes, width);
                assert!(
                    problems.is_empty(),
                    "{kind:?} width {width} view {view:?}: {problems:?}"
                );
            }
        }
        // Zoomed to the narrowest view on the crisis, on a phone: the open ends' arrows
        // stay short and their labels inside (found by the property test below).
        let narrow = Viewport::new(
            0.3913,
            0.3913 + casebook_core::timeline::scale::MIN_VIEW_WIDTH,
        );
        let lanes = layout(&pack, &scale, narrow, 300.0, &Lane::ALL);
        let problems = drawing_problems(&lanes, 300.0);
        assert!(problems.is_empty(), "{kind:?} narrowest view: {problems:?}");
        // The whole course shows every event.
        let lanes = layout(&pack, &scale, Viewport::WHOLE, 960.0, &Lane::ALL);
        let shown: usize = lanes.iter().map(|lane| lane.marks.len()).sum();
        assert_eq!(shown, pack.events.len(), "{kind:?}");
    }
}

#[test]
fn ticks_are_labelled_as_a_clinician_writes_them() {
    let pack = pack();
    let scale = Scale::for_pack(&pack, ScaleKind::Broken);
    let placed = ticks(&scale, Viewport::WHOLE, 960.0, 60.0);
    assert!(placed.iter().any(|tick| tick.label == "0"));
    assert!(placed.len() >= 5, "{placed:?}");
    for pair in placed.windows(2) {
        assert!(pair[1].x - pair[0].x >= 60.0, "{pair:?}");
    }
    let (from, to) = acute_phase_hours(&pack).expect("the seed marks acute phases");
    let acute = ticks(&scale, Viewport::around(&scale, from, to), 960.0, 60.0);
    assert!(acute.iter().any(|tick| tick.label == "+1 d"), "{acute:?}");
    assert!(
        acute.iter().all(|tick| !tick.label.contains(" y")),
        "{acute:?}"
    );
}

#[test]
fn measurements_form_series_with_their_ranges() {
    let pack = pack();
    let all = series(&pack);
    let haemoglobin = all.iter().find(|s| s.name == "Haemoglobin").unwrap();
    assert_eq!(haemoglobin.values.len(), 2);
    assert_eq!(haemoglobin.trend_text(), "12.0 \u{2192} 10.5 g/dl");
    let lactate = all.iter().find(|s| s.name == "Lactate").unwrap();
    let range = lactate.reference().unwrap();
    assert_eq!(
        casebook_core::timeline::measures::against(lactate.values[0].value.unwrap(), range),
        Some(AgainstRange::Above)
    );
}

proptest! {
    #[test]
    fn zoom_and_pan_keep_the_view_valid(steps in proptest::collection::vec((0.1f64..10.0, 0.0f64..1.0, -3.0f64..3.0), 1..40)) {
        let mut view = Viewport::WHOLE;
        for (factor, focus, pan) in steps {
            view = view.zoomed(factor, focus).panned(pan);
            prop_assert!(view.start >= 0.0 && view.end <= 1.0 + 1e-12);
            prop_assert!(view.width() >= casebook_core::timeline::scale::MIN_VIEW_WIDTH - 1e-12);
        }
    }

    #[test]
    fn nothing_overlaps_or_is_cut_off_at_any_zoom(start in 0.0f64..1.0, width_fraction in 0.002f64..1.0, pixels in 300.0f64..1600.0, linear: bool) {
        let pack = &*SEED;
        let scale = Scale::for_pack(pack, if linear { ScaleKind::Linear } else { ScaleKind::Broken });
        let view = Viewport::new(start, start + width_fraction);
        let lanes = layout(pack, &scale, view, pixels, &Lane::ALL);
        let problems = drawing_problems(&lanes, pixels);
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }
}

#[test]
fn the_view_travels_in_the_address_as_hours_on_either_axis() {
    use casebook_core::timeline::scale::{Scale, ScaleKind, Viewport};
    let pack = casebook_core::seed_pack().unwrap();
    let broken = Scale::for_pack(&pack, ScaleKind::Broken);
    let linear = Scale::for_pack(&pack, ScaleKind::Linear);
    assert_eq!(Viewport::WHOLE.to_query(&broken), None);
    let view = Viewport::around(&broken, 0.0, 48.0);
    let (from, to) = view.to_query(&broken).unwrap();
    assert_eq!((from.as_str(), to.as_str()), ("0", "48"));
    // The same hours on the other axis.
    let other = Viewport::from_query(&linear, &from, &to).unwrap();
    assert_eq!(other, Viewport::around(&linear, 0.0, 48.0));
    // Not numbers, reversed, infinite: refused in words.
    for (from, to) in [("x", "1"), ("5", "2"), ("inf", "9"), ("", "")] {
        assert!(
            Viewport::from_query(&broken, from, to).is_err(),
            "{from} {to}"
        );
    }
    assert_eq!(
        ScaleKind::from_key(ScaleKind::Linear.key()),
        ScaleKind::Linear
    );
    assert_eq!(ScaleKind::from_key("sideways"), ScaleKind::Broken);
}

#[test]
fn a_number_line_is_drawn_only_where_it_says_something() {
    let pack = pack();
    for series in series(&pack) {
        let numbers = series.values.iter().filter(|m| m.value.is_some()).count();
        let limits = series
            .reference()
            .is_some_and(|r| r.low.is_some() || r.high.is_some());
        match series.gauge() {
            None => assert!(numbers == 0 || (numbers == 1 && !limits), "{}", series.name),
            Some(gauge) => {
                assert_eq!(gauge.values.len(), numbers, "{}", series.name);
                assert_eq!(gauge.band.is_some(), limits, "{}", series.name);
                assert!(
                    !gauge.ticks.is_empty(),
                    "{}: the line is labelled",
                    series.name
                );
                for (at, _) in &gauge.ticks {
                    assert!((0.0..=100.0).contains(at));
                }
            }
        }
    }
    let lactate = series(&pack)
        .into_iter()
        .find(|s| s.name == "Lactate")
        .unwrap();
    let gauge = lactate.gauge().expect("lactate has a reference range");
    let range = lactate.reference().unwrap();
    let printed: Vec<String> = range
        .low
        .into_iter()
        .chain(range.high)
        .map(casebook_core::timeline::measures::format_value)
        .collect();
    assert_eq!(
        gauge
            .ticks
            .iter()
            .map(|(_, label)| label.clone())
            .collect::<Vec<_>>(),
        printed
    );
}
