//! `/differential`: the interactive differential checklist, with the published case as a
//! worked example. All reasoning is the core's (`casebook_core::differential`); this page
//! renders its result and dispatches the user's answers.
//!
//! State (answers, ticked items) is saved on this device and can be shared as a link
//! (`/differential?a=...&t=...`). It is restored *after* hydration, so the prerendered
//! page (the empty checklist) and the first client render agree.

pub mod diagnosis;
pub mod finding;
pub mod next_questions;
pub mod state;
pub mod stepper;
pub mod workup;

use casebook_core::checklist::{read_link, Checklist, LinkState};
use casebook_core::differential::{
    assess, next_questions, worked_example_answers, worked_example_steps, Answers, Standing,
};
use casebook_core::{Answer, FindingId, ItemId, WorkupKind};
use yew::prelude::*;

use crate::browser;
use crate::components::kept_aside::{KeptAsideDownload, SaveErrorBar};
use crate::pack::use_pack;
use crate::pages::differential::diagnosis::{DiagnosisCard, ReasonView};
use crate::pages::differential::finding::FindingControl;
use crate::pages::differential::next_questions::{NextQuestions, Suggestion};
use crate::pages::differential::state::{Action, DifferentialState, Shown, Undo};
use crate::pages::differential::stepper::Stepper;
use crate::pages::differential::workup::WorkupList;
use crate::route;
use crate::storage::{self, use_saved};

/// The differential view.
#[component]
pub fn Differential() -> Html {
    let pack = use_pack();
    // The user's own answers and ticks, kept by the storage module (following other tabs).
    let saved = use_saved::<Checklist>(pack.clone());
    let state = use_reducer(DifferentialState::default);
    // Whose answers are shown at the latest render, for the callbacks made once below.
    let shown_now = use_mut_ref(|| Shown::Own);
    *shown_now.borrow_mut() = state.shown();

    // Applies a change to the user's own saved answers; a failure is said where they are.
    let change_own = {
        let saved = saved.clone();
        let dispatcher = state.dispatcher();
        move |change: Box<dyn FnOnce(&mut Checklist)>| {
            let outcome = saved.update(|checklist| {
                change(checklist);
                Ok(())
            });
            dispatcher.dispatch(Action::Error(outcome.as_ref().err().cloned()));
            outcome
        }
    };
    // The answers and standings before the last change, and what that change did.
    let previous_standings = use_mut_ref(|| None::<(Answers, Vec<(String, Standing)>)>);
    let moved = use_state(|| None::<LastChange>);
    // Made once: every finding gets the same callback, so its properties stay equal
    // unless its own answer changes (see `FindingControl`).
    let on_answer = {
        let change_own = change_own.clone();
        let shown_now = shown_now.clone();
        use_callback(
            state.dispatcher(),
            move |(id, answer): (FindingId, Option<Answer>), dispatcher| {
                let shown = *shown_now.borrow();
                match shown {
                    Shown::Shared => dispatcher.dispatch(Action::AnswerShared(id, answer)),
                    Shown::Own | Shown::Step => {
                        // Answering during the step-through ends it and answers the user's own.
                        dispatcher.dispatch(Action::EndSteps);
                        let _ = change_own(Box::new(move |c| c.answers.set(id, answer)));
                    }
                }
            },
        )
    };

    // After hydration: a link's state is shown as the link's, beside the user's own
    // (read first, by `use_saved`), and replaces it only if they choose.
    {
        let state = state.clone();
        let pack = pack.clone();
        use_effect_with((), move |_| {
            let pack = &*pack;
            let own = storage::peek::<Checklist>(pack);
            let (v, a, t) = (
                browser::query_param("v"),
                browser::query_param("a"),
                browser::query_param("t"),
            );
            match read_link(pack, v.as_deref(), a.as_deref(), t.as_deref(), &own) {
                    LinkState::None => {}
                    LinkState::Unreadable(problems) => state.dispatch(Action::Notice(Some(format!(
                        "The link's answers could not be read ({}); nothing changed, and your own answers are shown.",
                        problems.join("; ")
                    )))),
                    LinkState::Shared { state: linked, problems } => {
                        if !problems.is_empty() {
                            state.dispatch(Action::Notice(Some(format!(
                                "Parts of the link were not understood and were left out: {}.",
                                problems.join("; ")
                            ))));
                        }
                        state.dispatch(Action::Shared(Some(linked)));
                    }
                }
        });
    }

    let pack = &*pack;
    let own = saved.value().clone();
    let shown = state.checklist(&own);
    let mode = state.shown();
    let assessed = assess(pack, &shown.answers);
    let diagnosis_name = |id: &str| {
        pack.diagnosis(id)
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let suggestions: Vec<Suggestion> = next_questions(pack, &shown.answers, 5)
        .into_iter()
        .map(|d| Suggestion {
            finding_id: d.finding.id.clone(),
            question: d.finding.question.clone(),
            shifts: d
                .shifts
                .iter()
                .map(|s| (diagnosis_name(s.diagnosis.as_str()), s.words()))
                .collect(),
        })
        .collect();

    let steps = worked_example_steps(pack);
    // Replaces the user's own answers by `next`, keeping what they had to put back.
    let replace_own = {
        let change_own = change_own.clone();
        let state = state.clone();
        let saved = saved.clone();
        move |what: &'static str, next: Checklist| {
            let previous = saved.value().clone();
            let replaced_by = next.clone();
            let result = change_own(Box::new(move |c| *c = next));
            if result.is_ok() {
                state.dispatch(Action::EndSteps);
                state.dispatch(Action::Shared(None));
                browser::replace_query("a", "");
                browser::replace_query("t", "");
                state.dispatch(Action::Notice(None));
                state.dispatch(Action::Undo((!previous.is_empty()).then(|| Undo {
                    what: what.to_owned(),
                    previous,
                    replaced_by,
                })));
            }
        }
    };
    let on_load_case = {
        let replace_own = replace_own.clone();
        let answers = worked_example_answers(pack);
        let ticks = own.ticks.clone();
        Callback::from(move |_| {
            replace_own(
                "The published case was loaded in place of your {answers}",
                Checklist {
                    answers: answers.clone(),
                    ticks: ticks.clone(),
                },
            )
        })
    };
    let on_step = {
        let state = state.clone();
        let answers: Vec<_> = steps.iter().map(|(_, answers)| answers.clone()).collect();
        Callback::from(move |index: usize| {
            if let Some(answers) = answers.get(index) {
                state.dispatch(Action::Step(index, answers.clone()));
            }
        })
    };
    let on_reset = {
        let replace_own = replace_own.clone();
        Callback::from(move |_| replace_own("Cleared your {all}", Checklist::default()))
    };
    let on_undo = {
        let change_own = change_own.clone();
        let state = state.clone();
        let undo = state.undo.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(undo) = undo.clone() {
                // Applied to what is stored now: an answer given since, here or in
                // another tab, is kept (docs/storage.md).
                let put_back = move |c: &mut Checklist| {
                    *c = c.undo_replacement(&undo.previous, &undo.replaced_by)
                };
                if change_own(Box::new(put_back)).is_ok() {
                    state.dispatch(Action::Undo(None));
                }
            }
        })
    };
    let on_keep_shared = {
        let replace_own = replace_own.clone();
        let shared = state.shared.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(shared) = shared.clone() {
                replace_own("The link's answers replaced your {all}", shared);
            }
        })
    };
    let on_back_to_own = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Shared(None));
            state.dispatch(Action::Notice(None));
            browser::replace_query("a", "");
            browser::replace_query("t", "");
        })
    };
    let on_end = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::EndSteps))
    };
    let on_tick = {
        let state = state.clone();
        let change_own = change_own.clone();
        Callback::from(move |(item, ticked): (ItemId, bool)| {
            if mode == Shown::Shared {
                state.dispatch(Action::TickShared(item, ticked));
            } else {
                let _ = change_own(Box::new(move |c| {
                    if ticked {
                        c.ticks.insert(item);
                    } else {
                        c.ticks.remove(&item);
                    }
                }));
            }
        })
    };

    let stepper = state.step.as_ref().map(|(index, _)| *index).and_then(|index| {
        let (step, _) = steps.get(index)?;
        let event = pack.event(step.event.as_str())?;
        let finding = pack.finding(step.finding.as_str())?;
        let before = if index == 0 { Default::default() } else { steps[index - 1].1.clone() };
        let standings = |answers| {
            assess(pack, answers).into_iter().map(|a| (a.diagnosis.id.clone(), a.standing)).collect::<std::collections::BTreeMap<_, _>>()
        };
        let (was, now) = (standings(&before), standings(&steps[index].1));
        let changes: Vec<(String, String, String)> = pack
            .diagnoses
            .iter()
            .filter(|d| was[&d.id] != now[&d.id])
            .map(|d| (d.name.clone(), was[&d.id].label().to_owned(), now[&d.id].label().to_owned()))
            .collect();
        let answer = step.answer.label();
        Some(html! {
            <Stepper index={index} count={steps.len()} when={event.time.spoken(&pack.anchor.label)} event_label={event.label.clone()}
                event_id={event.id.clone()} finding={format!("{} {}", finding.question, answer)} provenance={step.provenance.clone()} {changes}
                on_step={on_step.clone()} on_end={on_end.clone()} />
        })
    });

    // What the last change of answers did to the standings, shown at the foot of the
    // findings while the user answers (in portrait the diagnoses are far above).
    let standings: Vec<(String, Standing)> = assessed
        .iter()
        .map(|a| (a.diagnosis.name.clone(), a.standing))
        .collect();
    {
        // On every change of the answers (not of the standings: an answer that moves
        // nothing must say so, not leave the last one's effect in view).
        let previous = previous_standings.clone();
        let moved = moved.clone();
        let pack = pack.clone();
        let standings = standings.clone();
        use_effect_with(shown.answers.clone(), move |answers: &Answers| {
            if let Some((answers_before, was)) = previous.borrow().as_ref() {
                let changed = answers.changed_since(answers_before);
                let said = match changed.as_slice() {
                    [(finding, answer)] => {
                        pack.finding(finding.as_str())
                            .map_or_else(String::new, |f| {
                                format!(
                                    "\u{201c}{}\u{201d} {}",
                                    f.question,
                                    answer.map_or("cleared", |answer| answer.label())
                                )
                            })
                    }
                    many => format!("{} answers changed", many.len()),
                };
                let moves: Vec<(String, Standing, Standing)> = standings
                    .iter()
                    .filter_map(|(name, standing)| {
                        was.iter()
                            .find(|(before, _)| before == name)
                            .filter(|(_, before)| before != standing)
                            .map(|(_, before)| (name.clone(), *before, *standing))
                    })
                    .collect();
                if !changed.is_empty() {
                    moved.set(Some(LastChange { said, moves }));
                }
            }
            *previous.borrow_mut() = Some((answers.clone(), standings));
        });
    }
    let leaders: Vec<String> = standings
        .iter()
        .filter(|(_, standing)| *standing != Standing::RuledOut)
        .take(2)
        .map(|(name, standing)| format!("{name} ({})", standing.label()))
        .collect();
    let answer_effect = (!shown.answers.is_empty())
        .then(|| (*moved).clone())
        .flatten();

    let link = format!("{}/differential?{}", browser::origin(), shown.encode());
    let ticked: Vec<ItemId> = shown.ticks.iter().cloned().collect();
    let supported: Vec<String> = assessed
        .iter()
        .filter(|a| a.standing == Standing::Supported)
        .map(|a| a.diagnosis.name.clone())
        .collect();
    let live_summary = if shown.answers.is_empty() {
        "No findings answered yet.".to_owned()
    } else {
        format!(
            "{} findings answered. Supported: {}.",
            shown.answers.len(),
            if supported.is_empty() {
                "none".to_owned()
            } else {
                supported.join(", ")
            }
        )
    };
    let items = |kind: WorkupKind| {
        pack.workup
            .iter()
            .filter(|item| item.kind == kind)
            .cloned()
            .collect::<Vec<_>>()
    };

    html! {
        <article class="page differential">
            <h1>{ crate::route::Route::Differential.heading("") }</h1>
            <p class="lede">{ pack.meta.differential_lede.clone().unwrap_or_else(|| "Weigh the diagnosis against its mimics, finding by finding, with the sentence behind every step.".to_owned()) }</p>
            <p class="disclaimer-inline"><strong>{ "For education; not for decisions about a patient." }</strong>
                { " The checklist reasons in words from its sources (supports, weighs against, rules out) and gives no probabilities: none exist in the sources for this setting." }</p>
            <div class="button-row toolbar">
                <button type="button" class="button" onclick={on_load_case}>{ "Load the published case" }</button>
                <button type="button" class="button secondary" onclick={let on_step = on_step.clone(); Callback::from(move |_| on_step.emit(0))}>{ "Step through the case" }</button>
                <button type="button" class="button secondary" onclick={on_reset}>{ "Reset" }</button>
                <button type="button" class="button secondary" onclick={Callback::from(|_| browser::print())}>{ "Print summary" }</button>
            </div>
            { for saved.notice().map(|notice| html! { <p class="notice" role="status">{ notice.message("answers") }</p> }) }
            if let Some(slot) = saved.notice().and_then(|notice| notice.slot()) {
                <KeptAsideDownload label="Download the saved answers as they were" slot={slot.to_owned()} />
            }
            { for state.notice.iter().map(|notice| html! { <p class="notice" role="status">{ notice }</p> }) }
            if let Some(shared) = &state.shared {
                <div class="shared-bar" role="region" aria-label="Answers from a link">
                    <p><strong>{ "Shown: the answers from the link you opened" }</strong>
                        { format!(" ({} answers, {} ticked). They are not saved; your own ({} answers, {} ticked) stay as they are until you choose.",
                            shared.answers.len(), shared.ticks.len(), own.answers.len(), own.ticks.len()) }</p>
                    <div class="button-row">
                        <button type="button" class="button" onclick={on_keep_shared}>{ "Keep these as my answers" }</button>
                        <button type="button" class="button secondary" onclick={on_back_to_own}>{ "Back to my answers" }</button>
                    </div>
                </div>
            }
            if let Some(undo) = &state.undo {
                <p class="notice" role="status">{ format!("{}. ", undo.what
                    .replace("{answers}", &answers_and_ticks(undo.previous.answers.len(), 0))
                    .replace("{all}", &answers_and_ticks(undo.previous.answers.len(), undo.previous.ticks.len()))) }
                    <button type="button" class="button secondary small-button" onclick={on_undo}>{ "Put them back" }</button></p>
            }
            <SaveErrorBar error={state.error.clone().map(AttrValue::from)} />
            { for stepper }
            <p class="visually-hidden" aria-live="polite">{ live_summary }</p>
            <div class="differential-layout">
                <section class="diagnoses" aria-labelledby={route::element::DIAGNOSES}>
                    <h2 id={route::element::DIAGNOSES}>{ "Diagnoses" }</h2>
                    <p class="muted how">{ how_ranked(pack) }</p>
                    <ol class="dx-list">
                        { for assessed.iter().enumerate().map(|(index, a)| {
                            let reasons: Vec<ReasonView> = a.rules_out.iter().chain(&a.supports).chain(&a.against).map(ReasonView::from_reason).collect();
                            html! { <DiagnosisCard key={a.diagnosis.id.as_str()} diagnosis={a.diagnosis.clone()} standing={a.standing} reasons={reasons} rank={index + 1} /> }
                        }) }
                    </ol>
                    <NextQuestions suggestions={suggestions} />
                </section>
                <section class="findings" aria-labelledby="findings-heading">
                    <h2 id="findings-heading">{ "Findings" }</h2>
                    <p class="muted">{ format!("{} of {} answered.", shown.answers.len(), pack.findings.len()) }</p>
                    { for pack.finding_groups.iter().map(|group| {
                        let title = group.label.as_str();
                        let findings: Vec<_> = pack.findings.iter().filter(|f| f.group == group.id).collect();
                        html! {
                            <section class="finding-group" aria-label={title.to_owned()}>
                                <h3>{ title }</h3>
                                { for findings.into_iter().map(|finding| html! {
                                    <FindingControl key={finding.id.as_str()} finding={finding.clone()} answer={shown.answers.get(&finding.id)}
                                        on_answer={on_answer.clone()} />
                                }) }
                            </section>
                        }
                    }) }
                    // Always in place (empty until an answer changes something): a box
                    // that came and went would rebuild the findings above it, moving the
                    // page and the focus away from the answer just given.
                    <AnswerEffect change={answer_effect} leaders={leaders} />
                </section>
            </div>
            <div class="workup-layout">
                <WorkupList title="Work-up: what to order" id={route::element::workup(WorkupKind::Workup)} items={items(WorkupKind::Workup)} ticked={ticked.clone()} on_tick={on_tick.clone()} />
                <WorkupList title="Management" id={route::element::workup(WorkupKind::Management)} items={items(WorkupKind::Management)} ticked={ticked} on_tick={on_tick} />
            </div>
            <section class="share" aria-labelledby="share-heading">
                <h2 id="share-heading">{ "Share or keep this state" }</h2>
                <p class="muted">{ "Your answers and ticks are saved on this device. This link reproduces them anywhere:" }</p>
                <div class="share-row">
                    <input type="text" readonly=true class="share-link" aria-label="Link to this state" value={link.clone()} />
                    <button type="button" class="button secondary" onclick={Callback::from(move |_| browser::copy_to_clipboard(&link))}>{ "Copy link" }</button>
                </div>
            </section>
            <PrintedAnswers answers={shown.answers.encode()} />
        </article>
    }
}

/// Properties of [`PrintedAnswers`].
#[derive(Properties, PartialEq, Clone)]
struct PrintedAnswersProps {
    answers: AttrValue,
}

/// The answered findings in one compact paragraph, shown only when printing (the findings
/// section itself is hidden in print to fit the summary on one page).
#[component]
fn PrintedAnswers(props: &PrintedAnswersProps) -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let (answers, _) = casebook_core::differential::Answers::decode(pack, &props.answers);
    let given: Vec<String> = pack
        .findings
        .iter()
        .filter_map(|finding| {
            answers
                .get(&finding.id)
                .map(|answer| format!("{} {}", finding.question, answer.label()))
        })
        .collect();
    html! {
        <section class="print-only printed-answers" aria-hidden="true">
            <p><strong>{ format!("Answers given ({}): ", given.len()) }</strong>{ given.join(" · ") }</p>
        </section>
    }
}

/// What the last change of answers was and what it did to the standings.
#[derive(Clone, Debug, PartialEq)]
struct LastChange {
    /// The change in words: the finding and its answer now.
    said: String,
    /// The diagnoses it moved: (name, before, after).
    moves: Vec<(String, Standing, Standing)>,
}

/// How the diagnoses are ranked, in words. When no rule of the pack rules anything out,
/// it says so, and that an author's exclusion resting on several findings together is
/// counted as each finding weighing against.
fn how_ranked(pack: &casebook_core::CasePack) -> String {
    let order = "Within a standing the order is a count, not a probability: answers for minus answers against (each card gives its count), then the case pack's order.";
    if pack
        .rules
        .iter()
        .any(|rule| rule.effect == casebook_core::Effect::RulesOut)
    {
        format!("Ruled out if any answer rules it out; otherwise supported or less likely when more answers support it or weigh against it; possible when they balance. {order}")
    } else {
        format!("Supported or less likely when more answers support it or weigh against it; possible when they balance. No single answer rules a diagnosis out in this case's sources; where authors exclude a diagnosis on several findings together, each of those findings weighs against it here. {order}")
    }
}

/// "3 answers and 2 ticked items" (for the undo's line; no ticks, no mention of them).
fn answers_and_ticks(answers: usize, ticks: usize) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let answers = count(answers, "answer", "answers");
    match ticks {
        0 => answers,
        ticks => format!(
            "{answers} and {}",
            count(ticks, "ticked item", "ticked items")
        ),
    }
}

/// Properties of [`AnswerEffect`].
#[derive(Properties, PartialEq, Clone)]
struct AnswerEffectProps {
    /// The last change, if there was one since the page opened.
    change: Option<LastChange>,
    /// The two leading diagnoses, with their standings, in words.
    leaders: Vec<String>,
}

/// The box at the foot of the findings that says what the last answer did, where the
/// user is (in portrait the diagnoses are far above); nothing before the first change.
#[component]
fn AnswerEffect(props: &AnswerEffectProps) -> Html {
    let Some(change) = &props.change else {
        return Html::default();
    };
    html! {
        <div class="answer-effect">
            <p>
                { format!("{}: ", change.said) }
                if change.moves.is_empty() {
                    { "no diagnosis changed." }
                } else if change.moves.len() > 3 {
                    // After a load or a reset: a count, not a list that would cover the
                    // findings; every diagnosis is one tap away.
                    { format!("{} diagnoses changed standing.", change.moves.len()) }
                } else {
                    { change.moves.iter().map(|(name, was, now)| format!("{name}: {} \u{2192} {}", was.label(), now.label())).collect::<Vec<_>>().join("; ") }
                    { "." }
                }
            </p>
            <p class="small">{ format!("Leading now: {}. ", props.leaders.join(", ")) }
                <a href={format!("#{}", route::element::DIAGNOSES)}>{ "See every diagnosis" }</a></p>
        </div>
    }
}
