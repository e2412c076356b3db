//! Places the timeline's marks and labels for one zoom and width: each event in its lane,
//! its label beside its mark (after it, or before it when there is no room after), in the
//! first row of its lane where mark and label overlap nothing already placed. So at any
//! zoom and width no label overlaps another label or any mark, and nothing is cut off at
//! the drawing's edges: a label that fits on neither side is shortened with an ellipsis
//! (the full label is the mark's accessible name, the list's entry and the details').
//!
//! Label widths are estimated from the characters (no font metrics exist outside a
//! browser, and the layout must be the same when prerendered): per-character advances of
//! DejaVu Sans, the widest of the usual sans-serif fonts and the one headless Chromium
//! draws with here, plus a margin for the bold of a selected label.

use crate::model::{CasePack, Event, Lane};
use crate::time::Precision;

use super::scale::{Scale, Viewport};

/// The drawing's label font size in pixels (the stylesheet's `.mark-label`).
pub const FONT_PX: f64 = 13.0;
/// Gap kept between one row item (mark or label) and the next in the same row.
pub const LABEL_GAP: f64 = 10.0;
/// Space between a mark's drawn edge and its label.
pub const LABEL_OFFSET: f64 = 5.0;
/// The drawn length of an open end's arrow, in pixels.
pub const OPEN_END_PX: f64 = 28.0;
/// Margin on the estimate: bold (a selected or matching label) is up to this much wider.
const BOLD_MARGIN: f64 = 1.12;

/// How a mark is drawn, from its time's precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkShape {
    /// A point in time, stated exactly.
    Point,
    /// A point known only roughly: drawn hollow and dashed.
    Approximate,
    /// Somewhere in a range: a translucent hatched bar over the range.
    Range,
    /// An interval (infusion, stay, cough): a solid bar from start to end.
    Interval,
    /// Known only to be before its bound: an arrow pointing back from the bound.
    Before,
    /// Known only to be after its bound: an arrow pointing on from the bound.
    After,
}

impl MarkShape {
    /// True for the bars, which are drawn at the foot of their row, under their label.
    pub fn is_bar(self) -> bool {
        matches!(self, MarkShape::Range | MarkShape::Interval)
    }
}

/// Which side of its mark a label sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// After the mark (the label starts at `label_x`).
    After,
    /// Before the mark (the label ends at `label_x + label_width`, drawn end-anchored).
    Before,
    /// Above a bar, from its start (or as far left as it must move to fit).
    Above,
}

/// One placed event.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark<'a> {
    /// The event.
    pub event: &'a Event,
    /// How to draw it.
    pub shape: MarkShape,
    /// Pixel x where the mark starts (may lie outside the drawing when zoomed in).
    pub x_start: f64,
    /// Pixel x where it ends (equal to `x_start` for a point).
    pub x_end: f64,
    /// The pixels the drawn mark covers, clipped to the drawing.
    pub mark_span: (f64, f64),
    /// The label as drawn: the event's label, or its start and an ellipsis.
    pub text: String,
    /// Which side of the mark the label is on.
    pub side: Side,
    /// Pixel x where the label's box starts (inside the drawing).
    pub label_x: f64,
    /// Estimated label width in pixels.
    pub label_width: f64,
    /// Row within the lane, 0 at the top.
    pub row: usize,
}

impl Mark<'_> {
    /// The pixels the mark and its label take in their row: what a tap on the row selects.
    pub fn span(&self) -> (f64, f64) {
        (
            self.mark_span.0.min(self.label_x),
            self.mark_span.1.max(self.label_x + self.label_width),
        )
    }
}

/// One lane with its placed marks.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneLayout<'a> {
    /// Which lane.
    pub lane: Lane,
    /// Rows needed (at least 1).
    pub rows: usize,
    /// Marks visible in the viewport, in time order.
    pub marks: Vec<Mark<'a>>,
}

/// A character's advance in DejaVu Sans, in ems (rounded up).
fn advance(c: char) -> f64 {
    match c {
        ' ' => 0.32,
        'i' | 'j' | 'l' | '\'' | '|' | '!' => 0.29,
        '.' | ',' | ':' | ';' => 0.34,
        'f' | 't' | 'I' | 'J' | '(' | ')' | '[' | ']' | '-' | '/' => 0.40,
        'r' => 0.42,
        'm' => 0.98,
        'w' => 0.82,
        'M' => 0.87,
        'W' => 0.99,
        '%' => 0.95,
        '\u{2026}' | '\u{2014}' => 1.0,
        'a'..='z' => 0.64,
        'A'..='Z' => 0.79,
        '0'..='9' => 0.64,
        '\u{2070}'..='\u{209f}' | '\u{00b2}' | '\u{00b3}' | '\u{00b9}' => 0.42,
        _ => 0.85,
    }
}

/// The estimated width of a label in pixels, never less than its drawn width.
pub fn label_width(label: &str) -> f64 {
    label.chars().map(advance).sum::<f64>() * FONT_PX * BOLD_MARGIN
}

/// The label shortened to fit `room` pixels: its start and an ellipsis (the label itself
/// when it fits; just the ellipsis when not even one character does).
pub fn fit_label(label: &str, room: f64) -> String {
    if label_width(label) <= room {
        return label.to_owned();
    }
    let ellipsis = label_width("\u{2026}");
    let mut used = ellipsis;
    let mut kept = String::new();
    for c in label.chars() {
        let next = advance(c) * FONT_PX * BOLD_MARGIN;
        if used + next > room {
            break;
        }
        used += next;
        kept.push(c);
    }
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
    format!("{kept}\u{2026}")
}

/// The drawing's shape of an event.
pub fn shape_of(event: &Event) -> MarkShape {
    if event.time.until.is_some() {
        return MarkShape::Interval;
    }
    match event.time.precision {
        Precision::Exact => MarkShape::Point,
        Precision::Approximate => MarkShape::Approximate,
        Precision::Range => MarkShape::Range,
        Precision::Before => MarkShape::Before,
        Precision::After => MarkShape::After,
    }
}

/// How far a drawn mark reaches beyond its time, in pixels: the dot's and ring's radius
/// with a selected mark's outline, the bars' rounded ends, the arrows' heads.
fn drawn_span(shape: MarkShape, x_start: f64, x_end: f64) -> (f64, f64) {
    match shape {
        MarkShape::Point => (x_start - 7.0, x_start + 7.0),
        MarkShape::Approximate => (x_start - 8.0, x_start + 8.0),
        MarkShape::Range | MarkShape::Interval => (x_start - 2.0, x_end + 2.0),
        MarkShape::Before => (x_start - 7.0, x_end + 1.5),
        MarkShape::After => (x_start - 1.5, x_end + 7.0),
    }
}

/// The first row whose items leave `from..to` (with the gap) free, made if none does.
fn free_row(rows: &mut Vec<Vec<(f64, f64)>>, from: f64, to: f64) -> usize {
    let free = |items: &Vec<(f64, f64)>| {
        items
            .iter()
            .all(|&(a, b)| to + LABEL_GAP <= a || b + LABEL_GAP <= from)
    };
    let row = rows.iter().position(free).unwrap_or_else(|| {
        rows.push(Vec::new());
        rows.len() - 1
    });
    rows[row].push((from, to));
    row
}

/// Lays out the events of `lanes` (in that order) for a drawing `width` pixels wide.
/// Events wholly outside the viewport are left out, and so are dots and rings not wholly
/// inside it (bars and open ends may run on past an edge: they are lengths of time).
pub fn layout<'a>(
    pack: &'a CasePack,
    scale: &Scale,
    viewport: Viewport,
    width: f64,
    lanes: &[Lane],
) -> Vec<LaneLayout<'a>> {
    let ordered = super::ordered_events(pack);
    lanes
        .iter()
        .map(|&lane| {
            let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
            let mut marks = Vec::new();
            for event in ordered.iter().copied().filter(|event| event.lane == lane) {
                let (from, to) = scale.extent(&event.time);
                let shape = shape_of(event);
                // An open end's arrow is a sign ("before", "after"), not a length of
                // time: drawn a fixed length from its bound at every zoom, so zooming in
                // never stretches it across the view and leaves its label no room.
                let (x_start, x_end) = match shape {
                    MarkShape::Before => {
                        let bound = viewport.x(to, width);
                        (bound - OPEN_END_PX, bound)
                    }
                    MarkShape::After => {
                        let bound = viewport.x(from, width);
                        (bound, bound + OPEN_END_PX)
                    }
                    _ => (viewport.x(from, width), viewport.x(to, width)),
                };
                let (drawn_from, drawn_to) = drawn_span(shape, x_start, x_end);
                let wholly_inside = drawn_from >= 0.0 && drawn_to <= width;
                let partly_inside = drawn_to > 0.0 && drawn_from < width;
                let shown = if matches!(shape, MarkShape::Point | MarkShape::Approximate) {
                    wholly_inside
                } else {
                    partly_inside
                };
                if !shown {
                    continue;
                }
                let mark_span = (drawn_from.max(0.0), drawn_to.min(width));
                let (text, side, label_x) = place_label(&event.label, shape, mark_span, width);
                let label_width = label_width(&text);
                let mut mark = Mark {
                    event,
                    shape,
                    x_start,
                    x_end,
                    mark_span,
                    text,
                    side,
                    label_x,
                    label_width,
                    row: 0,
                };
                let (from, to) = mark.span();
                mark.row = free_row(&mut rows, from, to);
                marks.push(mark);
            }
            LaneLayout {
                lane,
                rows: rows.len().max(1),
                marks,
            }
        })
        .collect()
}

/// Where a label goes beside its mark: after it if it fits, before it if it fits there,
/// else shortened on the roomier side. A bar's label sits above it from its start, moved
/// left as far as it must to end inside the drawing.
fn place_label(label: &str, shape: MarkShape, mark: (f64, f64), width: f64) -> (String, Side, f64) {
    let full = label_width(label);
    if shape.is_bar() {
        let text = fit_label(label, width);
        let text_width = label_width(&text);
        let x = mark.0.min(width - text_width).max(0.0);
        return (text, Side::Above, x);
    }
    let room_after = width - (mark.1 + LABEL_OFFSET);
    let room_before = mark.0 - LABEL_OFFSET;
    if full <= room_after || room_after >= room_before {
        let text = fit_label(label, room_after.max(0.0));
        (text, Side::After, mark.1 + LABEL_OFFSET)
    } else {
        let text = fit_label(label, room_before.max(0.0));
        let x = mark.0 - LABEL_OFFSET - label_width(&text);
        (text, Side::Before, x)
    }
}

/// What is wrong with a layout for a drawing `width` wide, if anything: a label over
/// another label or over a mark of its row (a bar under its own label excepted), a label
/// or a dot reaching past an edge. The tests run it at many widths and zooms.
pub fn drawing_problems(lanes: &[LaneLayout<'_>], width: f64) -> Vec<String> {
    let mut problems = Vec::new();
    let apart = |a: (f64, f64), b: (f64, f64)| a.1 <= b.0 || b.1 <= a.0;
    for lane in lanes {
        for (i, a) in lane.marks.iter().enumerate() {
            let label = (a.label_x, a.label_x + a.label_width);
            if label.0 < -0.01 || label.1 > width + 0.01 {
                problems.push(format!("the label of {} reaches past an edge", a.event.id));
            }
            if !a.shape.is_bar() && (a.mark_span.0 < 0.0 || a.mark_span.1 > width) {
                problems.push(format!("the mark of {} is cut off", a.event.id));
            }
            for (j, b) in lane.marks.iter().enumerate() {
                if a.row != b.row {
                    continue;
                }
                let own_bar = i == j && a.shape.is_bar();
                if !own_bar && !apart(label, b.mark_span) {
                    problems.push(format!(
                        "the label of {} covers the mark of {}",
                        a.event.id, b.event.id
                    ));
                }
                if i < j && !apart(label, (b.label_x, b.label_x + b.label_width)) {
                    problems.push(format!(
                        "the labels of {} and {} overlap",
                        a.event.id, b.event.id
                    ));
                }
            }
        }
    }
    problems
}
