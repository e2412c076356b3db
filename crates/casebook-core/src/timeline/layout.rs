//! Places the timeline's marks and labels for one zoom and width: each event in its lane,
//! each label in the first row of its lane where it overlaps nothing, so labels never
//! overlap at any zoom. Label widths are estimated from their length (the shell draws
//! them in a fixed-size font, and the estimate is generous).

use crate::model::{CasePack, Event, Lane};
use crate::time::Precision;

use super::scale::{Scale, Viewport};

/// Estimated pixel width of one label character at the drawing's 13 px font; generous so
/// a real glyph run is never wider than the space kept for it.
pub const CHAR_WIDTH: f64 = 7.6;
/// Gap kept between one label's end and the next label in the same row.
pub const LABEL_GAP: f64 = 10.0;
/// Space between a mark and the start of its label.
pub const LABEL_OFFSET: f64 = 11.0;

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
    /// Pixel x where its label starts (kept inside the drawing): after the mark for points
    /// and open ends, from the start for bars, which are drawn under their label.
    pub label_x: f64,
    /// Estimated label width in pixels.
    pub label_width: f64,
    /// Row within the lane, 0 at the top.
    pub row: usize,
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

/// The estimated width of a label in pixels.
pub fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * CHAR_WIDTH
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

/// Lays out the events of `lanes` (in that order) for a drawing `width` pixels wide.
/// Events wholly outside the viewport are left out; the others get the first row in
/// which their label (and mark) overlaps nothing already placed.
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
            // Each row keeps the rightmost pixel it has used.
            let mut row_ends: Vec<f64> = Vec::new();
            let mut marks = Vec::new();
            for event in ordered.iter().copied().filter(|event| event.lane == lane) {
                let (from, to) = scale.extent(&event.time);
                let x_start = viewport.x(from, width);
                let x_end = viewport.x(to, width);
                if x_end < 0.0 || x_start > width {
                    continue;
                }
                let label_width = label_width(&event.label);
                let shape = shape_of(event);
                // Bars carry their label above them from their start; points and open
                // ends carry it just after the mark, clear of the arrow.
                let label_from = match shape {
                    MarkShape::Interval | MarkShape::Range => x_start,
                    _ => x_end,
                };
                let label_x =
                    (label_from.max(0.0) + LABEL_OFFSET).min((width - label_width).max(0.0));
                let left = x_start.max(0.0).min(label_x) - LABEL_OFFSET;
                let right = (label_x + label_width).max(x_end.min(width)) + LABEL_GAP;
                let row = match row_ends.iter().position(|&end| end <= left) {
                    Some(row) => {
                        row_ends[row] = right;
                        row
                    }
                    None => {
                        row_ends.push(right);
                        row_ends.len() - 1
                    }
                };
                marks.push(Mark {
                    event,
                    shape,
                    x_start,
                    x_end,
                    label_x,
                    label_width,
                    row,
                });
            }
            LaneLayout {
                lane,
                rows: row_ends.len().max(1),
                marks,
            }
        })
        .collect()
}

/// True when no two labels of the layout overlap (same lane and row, intersecting
/// spans). The tests run it on the seed at several widths and zooms.
pub fn labels_overlap_free(lanes: &[LaneLayout<'_>]) -> bool {
    lanes.iter().all(|lane| {
        lane.marks.iter().enumerate().all(|(i, a)| {
            lane.marks[i + 1..].iter().all(|b| {
                a.row != b.row
                    || a.label_x + a.label_width <= b.label_x
                    || b.label_x + b.label_width <= a.label_x
            })
        })
    })
}
