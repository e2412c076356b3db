//! The drawn timeline: lanes of marks on a zoomable axis, in SVG.
//!
//! Pointer Events drive it: one pointer drags to pan, two pinch to zoom, a tap selects
//! the nearest mark within reach (so a fingertip need not hit a 10-pixel dot); the wheel
//! zooms about the cursor; + / − and the arrow keys zoom and pan from the keyboard, and
//! Enter on a focused mark selects it. Where everything goes is the core's
//! (`casebook_core::timeline::{scale, layout}`); this component draws and dispatches.

use std::collections::BTreeMap;

use casebook_core::timeline::layout::{layout, MarkShape, Side};
use casebook_core::timeline::matches;
use casebook_core::timeline::scale::{ticks, ScaleKind, Viewport};
use yew::prelude::*;

use crate::browser;

use crate::pack::use_pack;

use super::state::{Action, TimelineState};

/// Height of the axis band at the top.
const AXIS_HEIGHT: f64 = 30.0;
/// Height of a lane's caption.
const LANE_CAPTION: f64 = 18.0;
/// Height of one row of marks for a mouse.
const ROW_HEIGHT: f64 = 26.0;
/// Height of one row for a finger: a 44-pixel target, as for every control on a tablet.
const TOUCH_ROW_HEIGHT: f64 = 44.0;
/// Space below a lane.
const LANE_PAD: f64 = 6.0;
/// How far (in pixels) beside a mark and its label a tap may land and still select it.
const TAP_REACH: f64 = 12.0;
/// Movement (in pixels) under which a press counts as a tap, not a drag.
const TAP_SLOP: f64 = 8.0;

/// Properties of [`TimelineChart`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineChartProps {
    /// The view state.
    pub state: UseReducerHandle<TimelineState>,
    /// The selected event's id.
    pub selected: Option<AttrValue>,
    /// Called with an event id when the user selects a mark.
    pub on_select: Callback<String>,
}

/// The pointers currently down, and where the gesture started.
#[derive(Default)]
struct Gesture {
    /// Pointer id → last x, y (client pixels).
    pointers: BTreeMap<i32, (f64, f64)>,
    /// Total movement since the first pointer went down.
    travelled: f64,
    /// True once two pointers were down in this gesture (so lifting one is no tap).
    multi: bool,
    /// True when the gesture that just ended was a tap: the click that follows selects.
    was_tap: bool,
}

/// The drawing.
#[component]
pub fn TimelineChart(props: &TimelineChartProps) -> Html {
    let loaded = use_pack();
    let state = &props.state;
    let svg_ref = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);

    // Measure the drawing after hydration and on every resize, so text is drawn at its
    // real size instead of being scaled with a viewBox.
    let measure = {
        let state = state.clone();
        let svg_ref = svg_ref.clone();
        move || {
            state.dispatch(Action::Measured {
                width: browser::element_width(&svg_ref),
                touch: browser::coarse_pointer(),
            });
        }
    };
    {
        let measure = measure.clone();
        use_effect_with((), move |_| measure());
    }
    browser::use_event(browser::On::Window, "resize", move |_| measure());
    // The wheel zooms; not a passive listener, because it stops the page from scrolling
    // while the chart zooms.
    {
        let state = state.clone();
        let svg_ref = svg_ref.clone();
        use_effect_with((), move |_| {
            let listening = browser::listen_wheel(&svg_ref, move |delta, x, width| {
                state.dispatch(Action::Zoom {
                    factor: (-delta * 0.002).exp(),
                    focus: Viewport::fraction_at(x, width),
                });
            });
            move || {
                let _listening = listening;
            }
        });
    }

    let pack = &*loaded;
    let width = state.width;
    let row_height = if state.touch {
        TOUCH_ROW_HEIGHT
    } else {
        ROW_HEIGHT
    };
    let lanes = layout(pack, &state.scale, state.viewport, width, &state.lanes());
    let placed_ticks = ticks(&state.scale, state.viewport, width, 64.0);

    // Vertical layout: each lane's top and height.
    let mut tops = Vec::with_capacity(lanes.len());
    let mut y = AXIS_HEIGHT;
    for lane in &lanes {
        tops.push(y);
        y += LANE_CAPTION + lane.rows as f64 * row_height + LANE_PAD;
    }
    let height = y.max(AXIS_HEIGHT + 40.0);
    let row_centre = move |lane_top: f64, row: usize| {
        lane_top + LANE_CAPTION + row as f64 * row_height + row_height / 2.0
    };

    // Every mark's hit point, for selecting by tap.
    let hit_points: Vec<(String, f64, f64, f64)> = lanes
        .iter()
        .zip(&tops)
        .flat_map(|(lane, &top)| {
            lane.marks.iter().map(move |mark| {
                let centre = row_centre(top, mark.row);
                let (from, to) = mark.span();
                (mark.event.id.to_string(), from, to, centre)
            })
        })
        .collect();

    let client_point = {
        let svg_ref = svg_ref.clone();
        move |x: i32, y: i32| browser::client_rect(&svg_ref, x, y)
    };

    let on_pointer_down = {
        let gesture = gesture.clone();
        let svg_for_capture = svg_ref.clone();
        Callback::from(move |event: PointerEvent| {
            let mut gesture = gesture.borrow_mut();
            if gesture.pointers.is_empty() {
                gesture.travelled = 0.0;
                gesture.multi = false;
                gesture.was_tap = false;
            }
            gesture.pointers.insert(
                event.pointer_id(),
                (f64::from(event.client_x()), f64::from(event.client_y())),
            );
            if gesture.pointers.len() > 1 {
                gesture.multi = true;
            }
            // Capture on the drawing itself (Yew delegates events to the app's root, so
            // the event's current target is not the drawing) so a drag that leaves it
            // still ends in it.
            browser::capture_pointer(&svg_for_capture, event.pointer_id());
        })
    };
    let on_pointer_move = {
        let gesture = gesture.clone();
        let state = state.clone();
        let client_point = client_point.clone();
        Callback::from(move |event: PointerEvent| {
            let mut gesture = gesture.borrow_mut();
            let id = event.pointer_id();
            let Some(&(old_x, old_y)) = gesture.pointers.get(&id) else {
                return;
            };
            let (new_x, new_y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            let Some((_, _, drawn_width)) = client_point(event.client_x(), event.client_y()) else {
                return;
            };
            if drawn_width <= 0.0 {
                return;
            }
            gesture.travelled += (new_x - old_x).abs() + (new_y - old_y).abs();
            match gesture.pointers.len() {
                1 if gesture.travelled > TAP_SLOP => {
                    state.dispatch(Action::Pan(-(new_x - old_x) / drawn_width));
                }
                2 => {
                    let other = gesture
                        .pointers
                        .iter()
                        .find(|(other, _)| **other != id)
                        .map(|(_, point)| *point);
                    if let Some((other_x, _)) = other {
                        let before = (old_x - other_x).abs().max(1.0);
                        let after = (new_x - other_x).abs().max(1.0);
                        let middle = (new_x + other_x) / 2.0;
                        if let Some((focus_x, _, _)) = client_point(middle as i32, event.client_y())
                        {
                            state.dispatch(Action::Zoom {
                                factor: after / before,
                                focus: Viewport::fraction_at(focus_x, drawn_width),
                            });
                        }
                    }
                }
                _ => {}
            }
            gesture.pointers.insert(id, (new_x, new_y));
        })
    };
    let on_pointer_up = {
        let gesture = gesture.clone();
        Callback::from(move |event: PointerEvent| {
            let mut gesture = gesture.borrow_mut();
            gesture.pointers.remove(&event.pointer_id());
            gesture.was_tap =
                gesture.pointers.is_empty() && !gesture.multi && gesture.travelled <= TAP_SLOP;
        })
    };
    // A tap selects on the click that follows it, not on the pointer's lifting: the
    // details appear only after the click has been delivered to the drawing, so a sheet
    // opening under the finger can never receive the tap's click (and follow a link in it).
    let on_click = {
        let gesture = gesture.clone();
        let on_select = props.on_select.clone();
        let client_point = client_point.clone();
        let hit_points = hit_points.clone();
        Callback::from(move |event: MouseEvent| {
            let was_tap = std::mem::take(&mut gesture.borrow_mut().was_tap);
            if !was_tap {
                return;
            }
            let Some((x, y, drawn_width)) = client_point(event.client_x(), event.client_y()) else {
                return;
            };
            // Scale from drawn pixels to layout pixels (equal once measured).
            let x = x * width / drawn_width.max(1.0);
            let nearest = hit_points
                .iter()
                .map(|(id, from, to, centre)| {
                    let dx = if x < *from {
                        from - x
                    } else if x > *to {
                        x - to
                    } else {
                        0.0
                    };
                    let dy = (y - centre).abs();
                    (id, (dx * dx + dy * dy).sqrt(), dy)
                })
                .filter(|(_, distance, dy)| *distance <= TAP_REACH && *dy <= row_height / 2.0)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((id, _, _)) = nearest {
                on_select.emit(id.clone());
            }
        })
    };
    let on_pointer_cancel = {
        let gesture = gesture.clone();
        Callback::from(move |event: PointerEvent| {
            let mut gesture = gesture.borrow_mut();
            gesture.pointers.remove(&event.pointer_id());
            gesture.multi = true;
        })
    };
    let on_key = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| {
            let action = match event.key().as_str() {
                "+" | "=" => Action::Zoom {
                    factor: 1.5,
                    focus: 0.5,
                },
                "-" | "_" => Action::Zoom {
                    factor: 1.0 / 1.5,
                    focus: 0.5,
                },
                "ArrowLeft" => Action::Pan(-0.2),
                "ArrowRight" => Action::Pan(0.2),
                "Home" => Action::Whole,
                _ => return,
            };
            event.prevent_default();
            state.dispatch(action);
        })
    };

    let query = state.query.trim().to_owned();
    let selected = props.selected.clone();
    let anchor_x = state.viewport.x(state.scale.position(0.0), width);
    let breaks: Vec<f64> = if state.scale.kind() == ScaleKind::Broken {
        state
            .scale
            .segments()
            .iter()
            .skip(1)
            .map(|segment| state.viewport.x(segment.start, width))
            .filter(|x| *x > 0.0 && *x < width)
            .collect()
    } else {
        Vec::new()
    };

    html! {
        <div class="chart-frame" tabindex="0" role="group" onkeydown={on_key} data-client-layout="width"
            aria-label="Drawn timeline. Plus and minus zoom, left and right arrows pan, Home shows the whole course; the same events follow as a list.">
            <svg ref={svg_ref} class="timeline-svg" width={width.to_string()} height={height.to_string()}
                viewBox={format!("0 0 {width} {height}")}
                onpointerdown={on_pointer_down} onpointermove={on_pointer_move}
                onpointerup={on_pointer_up} onpointercancel={on_pointer_cancel} onclick={on_click}>
                // Lane bands and captions.
                { for lanes.iter().zip(&tops).enumerate().map(|(index, (lane, &top))| {
                    let band = LANE_CAPTION + lane.rows as f64 * row_height + LANE_PAD;
                    html! {
                        <g key={lane.lane.label()} class={classes!("lane", format!("lane-{:?}", lane.lane).to_lowercase())}>
                            <rect class={if index % 2 == 0 { "lane-band" } else { "lane-band alt" }} x="0" y={top.to_string()} width={width.to_string()} height={band.to_string()} />
                            <text class="lane-caption" x="6" y={(top + 13.0).to_string()}>{ lane.lane.label() }</text>
                        </g>
                    }
                }) }
                // Axis: ticks with their grid lines, the broken axis's cuts, the anchor.
                <g class="axis" aria-hidden="true">
                    { for placed_ticks.iter().map(|tick| html! {
                        <g>
                            <line class="grid" x1={tick.x.to_string()} x2={tick.x.to_string()} y1={(AXIS_HEIGHT - 6.0).to_string()} y2={height.to_string()} />
                            <text class="tick" x={tick.x.to_string()} y="16" text-anchor={tick_anchor(tick.x, width)}>{ &tick.label }</text>
                        </g>
                    }) }
                    { for breaks.iter().map(|x| html! {
                        <g class="axis-break">
                            <line x1={x.to_string()} x2={x.to_string()} y1={AXIS_HEIGHT.to_string()} y2={height.to_string()} />
                            <path d={format!("M{} {} l6 -10 M{} {} l6 -10", x - 5.0, AXIS_HEIGHT + 2.0, x - 1.0, AXIS_HEIGHT + 2.0)} />
                        </g>
                    }) }
                    if (0.0..=width).contains(&anchor_x) {
                        <line class="anchor-line" x1={anchor_x.to_string()} x2={anchor_x.to_string()} y1={(AXIS_HEIGHT - 8.0).to_string()} y2={height.to_string()} />
                    }
                </g>
                // Marks.
                { for lanes.iter().zip(&tops).enumerate().flat_map(|(index, (lane, &top))| lane.marks.iter().map(move |mark| (mark, top, index % 2 == 1))).map(|(mark, top, on_alt)| {
                    let centre = row_centre(top, mark.row);
                    let (span_from, span_to) = mark.span();
                    let (text_x, anchor) = match mark.side {
                        Side::Before => (mark.label_x + mark.label_width, "end"),
                        Side::After | Side::Above => (mark.label_x, "start"),
                    };
                    let id = mark.event.id.to_string();
                    let is_selected = selected.as_deref() == Some(id.as_str());
                    let is_match = matches(mark.event, &query);
                    let on_key = {
                        let on_select = props.on_select.clone();
                        let id = id.clone();
                        Callback::from(move |event: KeyboardEvent| {
                            if event.key() == "Enter" || event.key() == " " {
                                event.prevent_default();
                                event.stop_propagation();
                                on_select.emit(id.clone());
                            }
                        })
                    };
                    let label = format!("{}: {}", mark.event.label, mark.event.time.spoken(&pack.anchor.label));
                    html! {
                        // Keyed by event, so a zoom that brings marks into or out of view
                        // moves the others' coordinates instead of rebuilding their nodes.
                        <g key={id.clone()} class={classes!("mark", shape_class(mark.shape), format!("lane-{:?}", mark.event.lane).to_lowercase(), is_selected.then_some("selected"), is_match.then_some("match"), on_alt.then_some("on-alt"))}
                            tabindex="0" role="button" aria-label={label} aria-pressed={if is_selected { "true" } else { "false" }}
                            data-event={id.clone()} onkeydown={on_key}>
                            // The whole row under the mark and its label is its target.
                            <rect class="hit" x={span_from.to_string()} y={(centre - row_height / 2.0).to_string()} width={(span_to - span_from).to_string()} height={row_height.to_string()} />
                            { draw_mark(mark.shape, mark.x_start, mark.x_end, centre, width) }
                            if is_selected || is_match {
                                <rect class="label-back" x={(mark.label_x - 3.0).to_string()} y={(centre - 10.0).to_string()} width={(mark.label_width + 6.0).to_string()} height="17" rx="4" />
                            }
                            <text class="mark-label" x={text_x.to_string()} y={(centre + 3.0).to_string()} text-anchor={anchor}>{ &mark.text }</text>
                        </g>
                    }
                }) }
            </svg>
        </div>
    }
}

/// Keeps the first and last tick labels inside the drawing.
fn tick_anchor(x: f64, width: f64) -> &'static str {
    if x < 24.0 {
        "start"
    } else if x > width - 24.0 {
        "end"
    } else {
        "middle"
    }
}

/// The CSS class of a mark's shape.
fn shape_class(shape: MarkShape) -> &'static str {
    match shape {
        MarkShape::Point => "shape-point",
        MarkShape::Approximate => "shape-approximate",
        MarkShape::Range => "shape-range",
        MarkShape::Interval => "shape-interval",
        MarkShape::Before => "shape-before",
        MarkShape::After => "shape-after",
    }
}

/// The mark itself: a dot, a hollow dashed ring, a bar, or an arrow for an open end.
fn draw_mark(shape: MarkShape, x_start: f64, x_end: f64, y: f64, width: f64) -> Html {
    // Bars run under their label (at the foot of the row) and are clipped to the drawing,
    // so a zoomed-in interval does not reach far outside it.
    let from = x_start.max(-10.0);
    let to = x_end.min(width + 10.0);
    let bar = |class: &'static str| {
        html! {
            <rect class={class} x={(from - 2.0).to_string()} y={(y + 7.0).to_string()}
                width={(to - from + 4.0).max(4.0).to_string()} height="5" rx="2.5" />
        }
    };
    match shape {
        MarkShape::Point => {
            html! { <circle class="dot" cx={x_start.to_string()} cy={y.to_string()} r="5" /> }
        }
        MarkShape::Approximate => {
            html! { <circle class="ring" cx={x_start.to_string()} cy={y.to_string()} r="6" /> }
        }
        MarkShape::Range => bar("range-bar"),
        MarkShape::Interval => bar("interval-bar"),
        MarkShape::Before => html! {
            <>
                <line class="open-line" x1={from.to_string()} x2={to.to_string()} y1={y.to_string()} y2={y.to_string()} />
                <polygon class="arrow" points={format!("{},{} {},{} {},{}", from - 6.0, y, from, y - 5.0, from, y + 5.0)} />
                <line class="bound" x1={to.to_string()} x2={to.to_string()} y1={(y - 6.0).to_string()} y2={(y + 6.0).to_string()} />
            </>
        },
        MarkShape::After => html! {
            <>
                <line class="bound" x1={from.to_string()} x2={from.to_string()} y1={(y - 6.0).to_string()} y2={(y + 6.0).to_string()} />
                <line class="open-line" x1={from.to_string()} x2={to.to_string()} y1={y.to_string()} y2={y.to_string()} />
                <polygon class="arrow" points={format!("{},{} {},{} {},{}", to + 6.0, y, to, y - 5.0, to, y + 5.0)} />
            </>
        },
    }
}
