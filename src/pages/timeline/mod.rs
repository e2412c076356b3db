//! `/timeline` and `/timeline/<event-id>`: the case in time, drawn in lanes on a zoomable
//! axis, with the selected event's details, the measurements, and the same events as an
//! ordered list (the drawing's text alternative).
//!
//! The event named in the route is selected *after* hydration, as client state: every
//! `/timeline/<id>` page then hydrates from the same HTML as `/timeline`, so the service
//! worker can answer any event page offline with the one cached timeline page.

pub mod chart;
pub mod details;
pub mod event_list;
pub mod measures;
pub mod state;

use casebook_core::timeline::scale::{Scale, ScaleKind, Viewport};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::browser;
use crate::pack::use_pack;
use crate::pages::timeline::chart::TimelineChart;
use crate::pages::timeline::details::EventDetails;
use crate::pages::timeline::event_list::EventList;
use crate::pages::timeline::measures::Measurements;
use crate::pages::timeline::state::{Action, TimelineState};
use crate::route::Route;

/// Properties of [`Timeline`].
/// How long the view must rest before the address follows it (ms).
const ADDRESS_DELAY_MS: u32 = 300;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct TimelineProps {
    /// The event selected by the route, if any.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
}

/// The timeline page.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let loaded = use_pack();
    let state = {
        let loaded = loaded.clone();
        use_reducer(move || TimelineState::new(&loaded))
    };
    let selected = use_state(|| None::<AttrValue>);
    let navigator = use_navigator();
    let link_problem = use_state(|| None::<String>);
    // After hydration: a link's view (`?axis=linear&from=<hours>&to=<hours>`) is shown;
    // one that cannot be read is said, and the whole course shown.
    {
        let (state, loaded, link_problem) = (state.clone(), loaded.clone(), link_problem.clone());
        use_effect_with((), move |_| {
            let kind = ScaleKind::from_key(&browser::query_param("axis").unwrap_or_default());
            let scale = Scale::for_pack(&loaded, kind);
            if kind != ScaleKind::Broken {
                state.dispatch(Action::SetScale(scale.clone()));
            }
            if let (Some(from), Some(to)) =
                (browser::query_param("from"), browser::query_param("to"))
            {
                match Viewport::from_query(&scale, &from, &to) {
                    Ok(view) => state.dispatch(Action::Show(view)),
                    Err(problem) => link_problem.set(Some(problem)),
                }
            }
        });
    }
    // The address follows the view, so it can be shared as it is: once a drag, a pinch
    // or a run of zoom steps pauses (browsers throttle a page that rewrites its address
    // on every frame), the pending update replaced by the next.
    let address_update = use_mut_ref(|| None::<browser::Timer>);
    {
        let scale = state.scale.clone();
        let address_update = address_update.clone();
        use_effect_with((state.viewport, scale.kind()), move |(viewport, kind)| {
            let (kind, (from, to)) = (*kind, viewport.to_query(&scale).unwrap_or_default());
            *address_update.borrow_mut() = Some(browser::later(ADDRESS_DELAY_MS, move || {
                browser::replace_query("axis", kind.key());
                browser::replace_query("from", &from);
                browser::replace_query("to", &to);
            }));
        });
    }
    {
        let selected = selected.clone();
        let loaded = loaded.clone();
        use_effect_with(props.selected.clone(), move |route_selection| {
            // An address typed in another case (`/timeline/HAEMOPTYSIS`) selects the event
            // whose id it names; anything else stays as given, and is reported below.
            let canonical = route_selection.as_ref().map(|id| {
                loaded
                    .event_ignoring_case(id)
                    .map_or_else(|| id.clone(), |event| AttrValue::from(event.id.to_string()))
            });
            selected.set(canonical);
        });
    }
    // Bring the selected event into the drawing's view, and its list entry into sight
    // when the selection came from the route.
    {
        let state = state.clone();
        let loaded = loaded.clone();
        use_effect_with((*selected).clone(), move |selected| {
            if let Some(id) = selected {
                if let Some(event) = loaded.event(id.as_str()) {
                    let (from, to) = state.scale.extent(&event.time);
                    state.dispatch(Action::Reveal(from, to));
                    // Ids are lowercase letters, digits and hyphens (the validator's
                    // rule), so they go into a selector as they are.
                    browser::keep_above_sheet(
                        &format!(".timeline-svg .mark[data-event=\"{}\"]", event.id),
                        ".event-details",
                    );
                }
            }
        });
    }

    // Escape closes the details and gives the focus back to the event's mark.
    let selected_now = use_mut_ref(|| None::<AttrValue>);
    *selected_now.borrow_mut() = (*selected).clone();
    {
        let navigator = navigator.clone();
        let selected_now = selected_now.clone();
        browser::use_event(browser::On::Document, "keydown", move |event| {
            if !browser::is_escape(event) {
                return;
            }
            let Some(id) = selected_now.borrow().clone() else {
                return;
            };
            if let Some(navigator) = &navigator {
                navigator.push(&Route::Timeline);
            }
            browser::focus_selector_later(format!(".timeline-svg .mark[data-event=\"{id}\"]"));
        });
    }

    // Both scales, made once: switching between them keeps the span of time in view.
    let scales = {
        let loaded = loaded.clone();
        use_memo((), move |_| {
            let scale = |kind| Scale::for_pack(&loaded, kind);
            [scale(ScaleKind::Broken), scale(ScaleKind::Linear)]
        })
    };

    let pack = &*loaded;
    let selected = (*selected).clone();
    let unknown = selected
        .as_deref()
        .filter(|id| !pack.events.iter().any(|event| event.id.as_str() == *id))
        .map(str::to_owned);

    let on_select = {
        let navigator = navigator.clone();
        Callback::from(move |id: String| {
            if let Some(navigator) = &navigator {
                navigator.push(&Route::TimelineEvent { event: id });
            }
        })
    };
    let dispatch = |action: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action()))
    };
    let on_scale = {
        let state = state.clone();
        let scales = (*scales).clone();
        move |index: usize| {
            let state = state.clone();
            let scale = scales[index].clone();
            Callback::from(move |_: Event| state.dispatch(Action::SetScale(scale.clone())))
        }
    };
    let on_query = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            state.dispatch(Action::SetQuery(browser::input_value(&event)))
        })
    };
    let lanes = state.lanes();
    let match_count = if state.query.trim().is_empty() {
        None
    } else {
        Some(
            pack.events
                .iter()
                .filter(|event| lanes.contains(&event.lane))
                .filter(|event| casebook_core::timeline::matches(event, &state.query))
                .count(),
        )
    };

    html! {
        <article class="page timeline">
            <h1>{ crate::route::Route::Timeline.heading("") }</h1>
            <p class="lede">{ format!("{} {}", pack.meta.timeline_lede.as_deref().unwrap_or("The case from its history to its follow-up."),
                pack.timeline.days.as_ref().map_or_else(|| format!("Times are counted from the {}.", pack.anchor.label), |days| days.describe(&pack.anchor.label))) }</p>
            { for link_problem.iter().map(|problem| html! { <p class="notice" role="status">{ problem }</p> }) }
            { for unknown.map(|id| html! {
                <p class="notice" role="status">{ format!("There is no event \u{201c}{}\u{201d} in this case; the whole timeline is shown.", casebook_core::saved::shorten_quoted(&id)) }</p>
            }) }

            <section class="timeline-tools" aria-label="Timeline controls">
                <div class="button-row">
                    <button type="button" class="button secondary" onclick={dispatch(|| Action::Whole)}>{ "Whole course" }</button>
                    if state.acute.is_some() {
                        <button type="button" class="button secondary" onclick={dispatch(|| Action::Acute)}>{ "Acute phase" }</button>
                    }
                    <button type="button" class="button secondary icon" aria-label="Zoom out" onclick={dispatch(|| Action::Zoom { factor: 1.0 / 1.5, focus: 0.5 })}>{ "\u{2212}" }</button>
                    <button type="button" class="button secondary icon" aria-label="Zoom in" onclick={dispatch(|| Action::Zoom { factor: 1.5, focus: 0.5 })}>{ "+" }</button>
                    <button type="button" class="button secondary icon" aria-label="Earlier" onclick={dispatch(|| Action::Pan(-0.3))}>{ "\u{2190}" }</button>
                    <button type="button" class="button secondary icon" aria-label="Later" onclick={dispatch(|| Action::Pan(0.3))}>{ "\u{2192}" }</button>
                </div>
                <fieldset class="scale-picker">
                    <legend>{ "Time axis" }</legend>
                    { for [ScaleKind::Broken, ScaleKind::Linear].into_iter().enumerate().map(|(index, kind)| html! {
                        <label class="chip">
                            <input type="radio" name="scale" checked={state.scale.kind() == kind} onchange={on_scale(index)} />
                            <span>{ kind.label() }</span>
                        </label>
                    }) }
                </fieldset>
                <details class="filters">
                    <summary>{ "Lanes and highlight" }
                        { for match_count.map(|count| html! { <span class="muted">{ format!(" ({count} highlighted)") }</span> }) }
                    </summary>
                    <fieldset class="lane-picker">
                        <legend>{ "Lanes shown" }</legend>
                        { for state.present_lanes.clone().into_iter().map(|lane| {
                            let state = state.clone();
                            let onchange = Callback::from(move |_: Event| state.dispatch(Action::ToggleLane(lane)));
                            html! {
                                <label class={classes!("chip", format!("lane-chip-{:?}", lane).to_lowercase())}>
                                    <input type="checkbox" checked={lanes.contains(&lane)} {onchange} />
                                    <span>{ lane.label() }</span>
                                </label>
                            }
                        }) }
                    </fieldset>
                    <label class="highlight-box">
                        <span>{ "Highlight events containing" }</span>
                        <input type="search" value={state.query.clone()} oninput={on_query} placeholder="e.g. haemoglobin, CT, cough" />
                    </label>
                    { for match_count.map(|count| html! {
                        <p class="muted small" role="status">{ match count { 0 => "No shown event matches.".to_owned(), 1 => "1 event matches.".to_owned(), n => format!("{n} events match.") } }</p>
                    }) }
                </details>
            </section>

            // The chart holds a stop for every event; this link lets a keyboard user past them.
            <a class="skip-inline" href={format!("#{}", crate::route::element::EVENT_LIST)}>{ "Skip the chart, to the events in order" }</a>
            // On a wide screen the details sit in a column beside the drawing, the
            // measurements and the list, held under the header all the way down (see the
            // stylesheet); on a narrow one they are a sheet at the foot of the screen.
            <div class="chart-with-details">
                <div class="chart-column">
                    <TimelineChart state={state.clone()} selected={selected.clone()} on_select={on_select} />
                    <p class="muted small chart-hint">{ "Drag to move through time, pinch or use the wheel to zoom, tap an event for its details. Dashed rings are approximate times, arrows are times known only to be before or after a point, and thin bars are spans or ranges." }</p>
                </div>
                <EventDetails selected={selected.clone()} />
                <div class="below-column">
                    <section class="below-chart" aria-labelledby="measures-heading">
                        <h2 id="measures-heading">{ "Measurements" }</h2>
                        <p class="muted small">{ "Each value on its own number line, the reference band shaded where the paper gives limits; a line joins values of the same test in time order." }</p>
                        <Measurements />
                    </section>

                    <section class="below-chart" aria-labelledby={crate::route::element::EVENT_LIST}>
                        <h2 id={crate::route::element::EVENT_LIST}>{ "Events in order" }</h2>
                        <EventList selected={selected} lanes={lanes} query={AttrValue::from(state.query.clone())} />
                    </section>
                </div>
            </div>
        </article>
    }
}
