//! The timeline's view state: scale, zoom window, lanes shown, highlight, drawing width.
//! Actions are plain data; the maths is the core's (`casebook_core::timeline::scale`).

use std::rc::Rc;

use casebook_core::timeline::scale::{acute_phase_hours, Scale, ScaleKind, Viewport};
use casebook_core::{CasePack, Lane};
use yew::Reducible;

/// The drawing width before the browser has measured it (the prerendered page's).
pub const DEFAULT_WIDTH: f64 = 960.0;

/// What the user has chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineState {
    /// The axis.
    pub scale: Scale,
    /// The visible window of it.
    pub viewport: Viewport,
    /// The lanes the pack has events in, in display order (an empty lane is not drawn).
    pub present_lanes: Vec<Lane>,
    /// Lanes the user has hidden.
    pub hidden_lanes: Vec<Lane>,
    /// Text that highlights matching events.
    pub query: String,
    /// The drawing's width in CSS pixels.
    pub width: f64,
    /// True on a device driven by a finger: rows are tall enough to tap.
    pub touch: bool,
    /// The span of hours the "Acute phase" view shows (the pack's phases marked acute),
    /// if any.
    pub acute: Option<(f64, f64)>,
}

impl TimelineState {
    /// The whole course of `pack` on the broken axis, all lanes, at the default width
    /// (without a pack, which happens only when it failed to load: an empty axis).
    pub fn new(pack: &CasePack) -> TimelineState {
        TimelineState {
            scale: Scale::for_pack(pack, ScaleKind::Broken),
            viewport: Viewport::WHOLE,
            present_lanes: Lane::ALL
                .into_iter()
                .filter(|lane| pack.events.iter().any(|e| e.lane == *lane))
                .collect(),
            hidden_lanes: Vec::new(),
            query: String::new(),
            width: DEFAULT_WIDTH,
            touch: false,
            acute: acute_phase_hours(pack),
        }
    }

    /// The lanes shown, in display order.
    pub fn lanes(&self) -> Vec<Lane> {
        self.present_lanes
            .iter()
            .copied()
            .filter(|lane| !self.hidden_lanes.contains(lane))
            .collect()
    }
}

/// Everything that can change the view.
pub enum Action {
    /// Zoom by a factor (> 1 in) about a point 0–1 across the drawing.
    Zoom { factor: f64, focus: f64 },
    /// Pan by a fraction of the visible width (positive: later).
    Pan(f64),
    /// Show the whole course.
    Whole,
    /// Show the acute phase.
    Acute,
    /// Switch to this scale, keeping the same span of time in view.
    SetScale(Scale),
    /// Show or hide a lane.
    ToggleLane(Lane),
    /// Set the highlight text.
    SetQuery(String),
    /// The drawing was measured: its width, and whether the device's pointer is a finger
    /// (one action, so the first measurement after hydration redraws the chart once).
    Measured { width: Option<f64>, touch: bool },
    /// Bring a span of positions into view (a selected event), if it is not.
    Reveal(f64, f64),
    /// Show exactly this view (a link's).
    Show(Viewport),
}

impl Reducible for TimelineState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Zoom { factor, focus } => next.viewport = next.viewport.zoomed(factor, focus),
            Action::Pan(fraction) => next.viewport = next.viewport.panned(fraction),
            Action::Whole => next.viewport = Viewport::WHOLE,
            Action::Show(viewport) => next.viewport = viewport,
            Action::Acute => {
                if let Some((from, to)) = next.acute {
                    next.viewport = Viewport::around(&next.scale, from, to);
                }
            }
            Action::SetScale(scale) => {
                if scale.kind() != next.scale.kind() {
                    let from = next.scale.hours_at(next.viewport.start);
                    let to = next.scale.hours_at(next.viewport.end);
                    next.scale = scale;
                    next.viewport = Viewport::around(&next.scale, from, to);
                }
            }
            Action::ToggleLane(lane) => match next.hidden_lanes.iter().position(|l| *l == lane) {
                Some(index) => {
                    next.hidden_lanes.remove(index);
                }
                None => next.hidden_lanes.push(lane),
            },
            Action::SetQuery(query) => next.query = query,
            Action::Measured { width, touch } => {
                next.touch = touch;
                if let Some(width) = width.filter(|width| width.is_finite() && *width >= 200.0) {
                    // Down to the pixel: drawn at its width or a little wider, never
                    // scaled below the sizes it is laid out with (a row's 44 px target).
                    next.width = width.floor();
                }
            }
            Action::Reveal(from, to) => {
                let view = next.viewport;
                if to < view.start || from > view.end {
                    let centre = (from + to) / 2.0;
                    let half = view.width() / 2.0;
                    next.viewport = Viewport::new(centre - half, centre + half);
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
