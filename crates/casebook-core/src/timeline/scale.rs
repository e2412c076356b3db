//! The timeline's time axis: maps hours from the anchor to a position between 0 and 1 and
//! back, and picks the tick marks a clinician would label.
//!
//! Two scales. The **broken** scale gives each phase the pack names a share of the width
//! that grows with how many events it holds, linear inside the inner phases and
//! logarithmic in distance from the anchor in the two open-ended outer phases when they
//! are long (years of history, months of follow-up), so the crowded days get room and the
//! long tails still fit.
//! The **linear** scale is time as it passed, for seeing how short the crisis was.
//! Both are strictly increasing and exactly invertible, which the tests check.

use crate::model::{CasePack, Event};
use crate::time::{Precision, TimeSpec};

/// Hours in a day; the log segments' knee (distances well under a day look linear).
const KNEE_HOURS: f64 = 24.0;

/// Which scale the axis uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ScaleKind {
    /// Phases get room by how much happens in them (a broken axis).
    #[default]
    Broken,
    /// Time as it passed.
    Linear,
}

impl ScaleKind {
    /// The scale's name as shown.
    pub fn label(self) -> &'static str {
        match self {
            ScaleKind::Broken => "By phase (the crisis gets room)",
            ScaleKind::Linear => "Linear (time as it passed)",
        }
    }

    /// The scale as the address names it (`?axis=`); the broken axis is the default and
    /// is not named.
    pub fn key(self) -> &'static str {
        match self {
            ScaleKind::Broken => "",
            ScaleKind::Linear => "linear",
        }
    }

    /// The scale an address names; anything else is the default, broken axis.
    pub fn from_key(key: &str) -> ScaleKind {
        if key.trim() == "linear" {
            ScaleKind::Linear
        } else {
            ScaleKind::Broken
        }
    }
}

/// How time runs inside one segment.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Curve {
    /// Evenly.
    Linear,
    /// Logarithmic in the distance from the segment's end (used before the anchor).
    LogTowardsEnd,
    /// Logarithmic in the distance from the segment's start (used for follow-up).
    LogFromStart,
}

/// One piece of the axis: a span of hours and the share of the width it gets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// First hour of the segment.
    pub from: f64,
    /// Last hour of the segment.
    pub to: f64,
    /// Where it starts, as a position 0–1.
    pub start: f64,
    /// Its share of the width.
    pub share: f64,
    curve: Curve,
}

impl Segment {
    /// Fraction 0–1 of the way through the segment at `hours` (clamped).
    fn fraction(&self, hours: f64) -> f64 {
        let hours = hours.clamp(self.from, self.to);
        let span = self.to - self.from;
        if span <= 0.0 {
            return 0.0;
        }
        match self.curve {
            Curve::Linear => (hours - self.from) / span,
            Curve::LogTowardsEnd => {
                1.0 - (1.0 + (self.to - hours) / KNEE_HOURS).ln() / (1.0 + span / KNEE_HOURS).ln()
            }
            Curve::LogFromStart => {
                (1.0 + (hours - self.from) / KNEE_HOURS).ln() / (1.0 + span / KNEE_HOURS).ln()
            }
        }
    }

    /// The hour at fraction `f` of the way through (inverse of `fraction`).
    fn hours_at(&self, f: f64) -> f64 {
        let f = f.clamp(0.0, 1.0);
        let span = self.to - self.from;
        let total = (1.0 + span / KNEE_HOURS).ln();
        match self.curve {
            Curve::Linear => self.from + f * span,
            Curve::LogTowardsEnd => self.to - KNEE_HOURS * (((1.0 - f) * total).exp() - 1.0),
            Curve::LogFromStart => self.from + KNEE_HOURS * ((f * total).exp() - 1.0),
        }
    }
}

/// A time axis: contiguous segments covering the case from first to last event.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    kind: ScaleKind,
    segments: Vec<Segment>,
    /// The anchor's day number when the report numbers days: the ticks then say "day N".
    anchor_day: Option<i32>,
}

/// Every hour an event's time mentions (its point, range limits and end).
fn hours_of(time: &TimeSpec) -> impl Iterator<Item = f64> + '_ {
    std::iter::once(time.at.hours())
        .chain(time.earliest.iter().map(|o| o.hours()))
        .chain(time.latest.iter().map(|o| o.hours()))
        .chain(time.until.iter().map(|o| o.hours()))
}

/// How far a mark for a time known only as "before"/"after" its bound reaches, in hours
/// on the axis; drawn as an open-ended arrow, never as a point.
pub const OPEN_END_HOURS: f64 = 6.0;

impl Scale {
    /// The scale of `kind` for a pack's events, broken at its phases. A pack with no events
    /// gets a one-day axis.
    pub fn for_pack(pack: &CasePack, kind: ScaleKind) -> Scale {
        let mut scale = Scale::for_events(&pack.events, &super::phase_boundaries(pack), kind);
        scale.anchor_day = pack.timeline.days.as_ref().map(|days| days.anchor_day);
        scale
    }

    /// The scale of `kind` for these events, broken at `boundaries` (hours, in order);
    /// no events: a one-day axis.
    pub fn for_events(events: &[Event], boundaries: &[f64], kind: ScaleKind) -> Scale {
        let mut earliest = f64::INFINITY;
        let mut latest = f64::NEG_INFINITY;
        for event in events {
            for hours in hours_of(&event.time) {
                earliest = earliest.min(hours);
                latest = latest.max(hours);
            }
        }
        if !earliest.is_finite() {
            earliest = 0.0;
            latest = 24.0;
        }
        // Room at both ends for the open-ended marks and the first and last labels.
        let pad = |span: f64| (span * 0.04).max(OPEN_END_HOURS * 2.0);
        let from = earliest - pad(0.0f64.max(-earliest));
        let to = latest + pad(0.0f64.max(latest));
        match kind {
            ScaleKind::Linear => Scale {
                kind,
                segments: vec![Segment {
                    from,
                    to,
                    start: 0.0,
                    share: 1.0,
                    curve: Curve::Linear,
                }],
                anchor_day: None,
            },
            ScaleKind::Broken => Scale::broken(events, boundaries, from, to),
        }
    }

    /// Segments at the phase boundaries that fall inside the case, each weighted by the
    /// events it holds (one more than its count, so an empty phase keeps a sliver).
    fn broken(events: &[Event], boundaries: &[f64], from: f64, to: f64) -> Scale {
        let mut cuts: Vec<f64> = vec![from];
        for &boundary in boundaries {
            if boundary > from && boundary < to && boundary > *cuts.last().expect("non-empty") {
                cuts.push(boundary);
            }
        }
        cuts.push(to);
        let last = cuts.len() - 2;
        let mut segments: Vec<Segment> = cuts
            .windows(2)
            .enumerate()
            .map(|(index, pair)| {
                let curve = if index == 0 && pair[1] <= 0.0 && pair[1] - pair[0] > 24.0 * 14.0 {
                    Curve::LogTowardsEnd
                } else if index == last && index > 0 && pair[1] - pair[0] > 24.0 * 14.0 {
                    Curve::LogFromStart
                } else {
                    Curve::Linear
                };
                let inside = events
                    .iter()
                    .filter(|event| {
                        let hours = super::sort_hours(&event.time);
                        hours >= pair[0] && (hours < pair[1] || (index == last && hours <= pair[1]))
                    })
                    .count();
                Segment {
                    from: pair[0],
                    to: pair[1],
                    start: 0.0,
                    share: (inside + 1) as f64,
                    curve,
                }
            })
            .collect();
        let total: f64 = segments.iter().map(|segment| segment.share).sum();
        let mut start = 0.0;
        for segment in &mut segments {
            segment.share /= total;
            segment.start = start;
            start += segment.share;
        }
        Scale {
            kind: ScaleKind::Broken,
            segments,
            anchor_day: None,
        }
    }

    /// Which scale this is.
    pub fn kind(&self) -> ScaleKind {
        self.kind
    }

    /// The segments, in order (for drawing the breaks of a broken axis).
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// First and last hour on the axis.
    pub fn domain(&self) -> (f64, f64) {
        (
            self.segments.first().map_or(0.0, |s| s.from),
            self.segments.last().map_or(0.0, |s| s.to),
        )
    }

    /// Position 0–1 of `hours` on the axis (clamped to the domain).
    pub fn position(&self, hours: f64) -> f64 {
        let segment = self
            .segments
            .iter()
            .find(|segment| hours < segment.to)
            .or(self.segments.last())
            .expect("a scale has at least one segment");
        segment.start + segment.share * segment.fraction(hours)
    }

    /// The hour at position `position` (the inverse of [`Scale::position`]).
    pub fn hours_at(&self, position: f64) -> f64 {
        let position = position.clamp(0.0, 1.0);
        let segment = self
            .segments
            .iter()
            .find(|segment| position < segment.start + segment.share)
            .or(self.segments.last())
            .expect("a scale has at least one segment");
        if segment.share <= 0.0 {
            return segment.from;
        }
        segment.hours_at((position - segment.start) / segment.share)
    }

    /// The span of positions a time occupies: a point is `(p, p)`; a range, an interval
    /// or an open-ended time spans the positions it may cover.
    pub fn extent(&self, time: &TimeSpec) -> (f64, f64) {
        let at = time.at.hours();
        let (from, to) = match time.precision {
            Precision::Range => (
                time.earliest.as_ref().map_or(at, |o| o.hours()),
                time.latest.as_ref().map_or(at, |o| o.hours()),
            ),
            Precision::Before => (at - OPEN_END_HOURS, at),
            Precision::After => (at, at + OPEN_END_HOURS),
            Precision::Exact | Precision::Approximate => (at, at),
        };
        let to = time
            .until
            .as_ref()
            .map_or(to, |until| until.hours().max(to));
        (self.position(from), self.position(to))
    }
}

/// The visible part of the axis, as positions 0–1; zoom and pan change it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Left edge.
    pub start: f64,
    /// Right edge.
    pub end: f64,
}

/// Pixels between the drawing's edge and the view's first and last moment.
pub const EDGE_INSET: f64 = 16.0;

/// The narrowest viewport allowed: about an hour of the crisis on the seed's broken axis.
pub const MIN_VIEW_WIDTH: f64 = 0.002;

impl Default for Viewport {
    fn default() -> Self {
        Viewport::WHOLE
    }
}

impl Viewport {
    /// The whole course.
    pub const WHOLE: Viewport = Viewport {
        start: 0.0,
        end: 1.0,
    };

    /// A viewport from `start` to `end`, kept inside 0–1 and at least
    /// [`MIN_VIEW_WIDTH`] wide.
    pub fn new(start: f64, end: f64) -> Viewport {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        let width = (end - start).clamp(MIN_VIEW_WIDTH, 1.0);
        let start = start.clamp(0.0, 1.0 - width);
        Viewport {
            start,
            end: start + width,
        }
    }

    /// The viewport's width as a fraction of the axis.
    pub fn width(&self) -> f64 {
        self.end - self.start
    }

    /// Zoomed by `factor` (> 1 zooms in) keeping `focus` (0–1 across the view) still.
    pub fn zoomed(&self, factor: f64, focus: f64) -> Viewport {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let focus = focus.clamp(0.0, 1.0);
        let anchor = self.start + focus * self.width();
        let width = (self.width() / factor).clamp(MIN_VIEW_WIDTH, 1.0);
        Viewport::new(anchor - focus * width, anchor - focus * width + width)
    }

    /// Moved by `fraction` of its own width (positive moves later in time).
    pub fn panned(&self, fraction: f64) -> Viewport {
        let fraction = if fraction.is_finite() { fraction } else { 0.0 };
        let shift = fraction * self.width();
        Viewport::new(self.start + shift, self.end + shift)
    }

    /// The view from `from_hours` to `to_hours` on `scale` (e.g. the acute phase).
    pub fn around(scale: &Scale, from_hours: f64, to_hours: f64) -> Viewport {
        Viewport::new(scale.position(from_hours), scale.position(to_hours))
    }

    /// The view as the address carries it: the hours at its edges (`from`, `to`), the same
    /// on either axis, so a link shows the same span of time; `None` for the whole course.
    pub fn to_query(&self, scale: &Scale) -> Option<(String, String)> {
        if *self == Viewport::WHOLE {
            return None;
        }
        let say = |hours: f64| {
            let text = format!("{hours:.3}");
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        Some((
            say(scale.hours_at(self.start)),
            say(scale.hours_at(self.end)),
        ))
    }

    /// The view a link's `from` and `to` hours name on `scale`, kept inside the course; an
    /// address that is not two numbers is refused, in words, and changes nothing.
    pub fn from_query(scale: &Scale, from: &str, to: &str) -> Result<Viewport, String> {
        let number = |text: &str| {
            text.trim()
                .parse::<f64>()
                .ok()
                .filter(|value| value.is_finite())
        };
        match (number(from), number(to)) {
            (Some(from), Some(to)) if from < to => Ok(Viewport::around(scale, from, to)),
            _ => Err(format!(
                "The link's view of the timeline could not be read (from \u{201c}{}\u{201d} to \u{201c}{}\u{201d}); the whole course is shown.",
                crate::bidi::contain(&crate::saved::shorten_quoted(from)),
                crate::bidi::contain(&crate::saved::shorten_quoted(to))
            )),
        }
    }

    /// Pixel x of an axis position in a drawing `width` pixels wide: the view's edges
    /// sit [`EDGE_INSET`] inside the drawing's, so a mark at the first or last moment is
    /// drawn whole.
    pub fn x(&self, position: f64, width: f64) -> f64 {
        let inner = (width - 2.0 * EDGE_INSET).max(1.0);
        EDGE_INSET + (position - self.start) / self.width() * inner
    }

    /// The fraction 0–1 across the view at pixel `x` of a drawing `width` wide (the
    /// inverse of [`Viewport::x`], for zooming about a finger or the cursor).
    pub fn fraction_at(x: f64, width: f64) -> f64 {
        let inner = (width - 2.0 * EDGE_INSET).max(1.0);
        ((x - EDGE_INSET) / inner).clamp(0.0, 1.0)
    }
}

/// The "Acute phase" preset: the pack's phases marked `acute`, from a little before the
/// first to a day after the last (room for the marks at their ends); `None` when the pack
/// marks none.
pub fn acute_phase_hours(pack: &CasePack) -> Option<(f64, f64)> {
    let (from, to) = super::acute_hours(pack)?;
    Some((from - OPEN_END_HOURS, to + 24.0))
}

/// A labelled tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Hours from the anchor.
    pub hours: f64,
    /// Pixel x in the drawing.
    pub x: f64,
    /// The label, as a clinician writes it: "0", "+24 h", "−4 mo", "+1 wk".
    pub label: String,
}

/// Candidate ticks from coarsest to finest: each unit's multiples, as (hours, unit name,
/// step). Coarser ticks are placed first, so the rounder label wins a crowded spot.
const TICK_UNITS: [(f64, &str, &[u32]); 5] = [
    (24.0 * 365.25, "y", &[1, 2, 3, 4, 5, 10]),
    (24.0 * 365.25 / 12.0, "mo", &[1, 2, 3, 6, 9, 13, 18]),
    (24.0 * 7.0, "wk", &[1, 2, 3]),
    (24.0, "d", &[1, 2, 3, 4, 5, 6, 9, 10, 12]),
    (
        1.0,
        "h",
        &[1, 2, 3, 4, 6, 8, 12, 16, 20, 28, 32, 36, 40, 44],
    ),
];

/// The ticks that fit in a `width`-pixel drawing of `viewport` on `scale`, at least
/// `min_gap` pixels apart: the anchor first, then years, months, weeks, days, hours.
pub fn ticks(scale: &Scale, viewport: Viewport, width: f64, min_gap: f64) -> Vec<Tick> {
    let mut chosen: Vec<Tick> = Vec::new();
    let (first, last) = scale.domain();
    let mut consider = |hours: f64, label: String| {
        if hours < first || hours > last {
            return;
        }
        let x = viewport.x(scale.position(hours), width);
        if !(0.0..=width).contains(&x) {
            return;
        }
        if chosen
            .iter()
            .all(|tick| (tick.x - x).abs() >= min_gap && (tick.hours - hours).abs() > 1e-9)
        {
            chosen.push(Tick { hours, x, label });
        }
    };
    match scale.anchor_day {
        // A report that numbers its days is read by its day numbers: "day 1", "day 22".
        Some(anchor_day) => {
            consider(0.0, format!("day {anchor_day}"));
            for (unit_hours, unit, steps) in TICK_UNITS {
                for &step in steps {
                    for sign in [1.0, -1.0] {
                        let hours = sign * f64::from(step) * unit_hours;
                        if (24.0..=24.0 * 7.0).contains(&unit_hours) {
                            let days = (hours / 24.0).round() as i64 + i64::from(anchor_day);
                            consider(hours, format!("day {days}"));
                        } else if unit_hours > 24.0 * 7.0 {
                            let prefix = if sign > 0.0 { "+" } else { "\u{2212}" };
                            consider(hours, format!("{prefix}{step} {unit}"));
                        }
                    }
                }
            }
        }
        None => {
            consider(0.0, "0".to_owned());
            for (unit_hours, unit, steps) in TICK_UNITS {
                for &step in steps {
                    for sign in [1.0, -1.0] {
                        let hours = sign * f64::from(step) * unit_hours;
                        let prefix = if sign > 0.0 { "+" } else { "\u{2212}" };
                        consider(hours, format!("{prefix}{step} {unit}"));
                    }
                }
            }
        }
    }
    chosen.sort_by(|a, b| a.x.total_cmp(&b.x));
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewport_stays_inside_and_wide_enough() {
        let view = Viewport::new(-0.5, 0.2);
        assert_eq!(view.start, 0.0);
        assert!((view.end - 0.7).abs() < 1e-12);
        let tiny = Viewport::new(0.5, 0.5);
        assert!((tiny.width() - MIN_VIEW_WIDTH).abs() < 1e-12);
        let zoomed = Viewport::WHOLE.zoomed(2.0, 0.5);
        assert!((zoomed.start - 0.25).abs() < 1e-12 && (zoomed.end - 0.75).abs() < 1e-12);
        let panned = zoomed.panned(10.0);
        assert!((panned.end - 1.0).abs() < 1e-12);
        assert_eq!(Viewport::WHOLE.zoomed(f64::NAN, 0.5), Viewport::WHOLE);
    }
}
