//! `/differential`: the interactive differential checklist, with the published case as a
//! worked example. All reasoning is the core's (`casebook_core::differential`); this page
//! renders its result and dispatches the user's answers.
//!
//! State (answers, ticked items) is saved on this device and can be shared as a link
//! (`/differential?a=...&t=...`). It is restored *after* hydration, so the prerendered
//! page (the empty checklist) and the first client render agree.

use casebook_core::differential::{
    assess, next_questions, worked_example_answers, worked_example_steps, Standing,
};
use casebook_core::{Answer, CasePack, FindingGroup, FindingId, WorkupKind};
use yew::prelude::*;

use crate::browser;
use crate::components::differential::diagnosis::{DiagnosisCard, ReasonView};
use crate::components::differential::finding::FindingControl;
use crate::components::differential::next_questions::{NextQuestions, Suggestion};
use crate::components::differential::state::{self, Action, DifferentialState};
use crate::components::differential::stepper::Stepper;
use crate::components::differential::workup::WorkupList;
use crate::pack::use_pack;
use crate::pages::overview::PackFailed;

const GROUPS: [(FindingGroup, &str); 7] = [
    (FindingGroup::History, "History and timing"),
    (FindingGroup::Examination, "Examination"),
    (FindingGroup::Blood, "Blood and urine tests"),
    (FindingGroup::Imaging, "Imaging"),
    (FindingGroup::Bal, "Bronchoscopy and BAL"),
    (FindingGroup::Serology, "Serology"),
    (FindingGroup::Course, "Course"),
];

fn storage_key(pack: &CasePack) -> String {
    format!("casebook.v1.differential.{}", pack.meta.id)
}

/// The differential view.
#[component]
pub fn Differential() -> Html {
    let pack = use_pack();
    let state = use_reducer(DifferentialState::default);
    // Made once: every finding gets the same callback, so its properties stay equal
    // unless its own answer changes (see `FindingControl`).
    let on_answer = use_callback(
        state.dispatcher(),
        |(id, answer): (FindingId, Option<Answer>), dispatcher| {
            dispatcher.dispatch(Action::Answer(id, answer))
        },
    );

    // Restore once, after hydration: a shared link wins over what this device saved.
    {
        let state = state.clone();
        let pack = pack.clone();
        use_effect_with((), move |_| {
            if let Ok(pack) = pack.as_ref() {
                let from_link = browser::query_param("a")
                    .map(|a| (a, browser::query_param("t").unwrap_or_default()));
                let saved = browser::load(&storage_key(pack)).unwrap_or_default();
                let (source, (answers, ticks)) = match from_link {
                    Some(linked) => ("link", linked),
                    None => ("saved", state::split_saved(&saved)),
                };
                let (answers, ticks, problems) = state::decode(pack, &answers, &ticks);
                // What was saved and not understood is kept aside as it was, never
                // overwritten by the next save.
                let kept_aside = source == "saved"
                    && !problems.is_empty()
                    && browser::save(&format!("{}.unreadable", storage_key(pack)), &saved);
                let notice = (!problems.is_empty()).then(|| {
                    format!(
                        "Parts of the {source} state were not understood and were left out: {}.{}",
                        problems.join("; "),
                        if kept_aside {
                            " What was saved is kept aside on this device, unchanged."
                        } else {
                            ""
                        }
                    )
                });
                state.dispatch(Action::Restore {
                    answers,
                    ticks,
                    notice,
                });
            }
        });
    }
    // Save every change once restored.
    {
        let pack = pack.clone();
        use_effect_with((*state).clone(), move |current| {
            if let (true, Ok(pack)) = (current.restored, pack.as_ref()) {
                browser::save(&storage_key(pack), &state::encode(current));
            }
        });
    }

    let pack = match pack.as_ref() {
        Ok(pack) => pack,
        Err(errors) => return html! { <PackFailed errors={errors.to_string()} /> },
    };

    let assessed = assess(pack, &state.answers);
    let diagnosis_name = |id: &str| {
        pack.diagnoses
            .iter()
            .find(|d| d.id.as_str() == id)
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let suggestions: Vec<Suggestion> = next_questions(pack, &state.answers, 5)
        .into_iter()
        .map(|d| Suggestion {
            finding_id: d.finding.id.to_string(),
            question: d.finding.question.clone(),
            shifts: d
                .shifts
                .iter()
                .map(|s| (diagnosis_name(s.diagnosis.as_str()), s.if_yes, s.if_no))
                .collect(),
        })
        .collect();

    let steps = worked_example_steps(pack);
    let on_load_case = {
        let state = state.clone();
        let answers = worked_example_answers(pack);
        Callback::from(move |_| state.dispatch(Action::LoadAnswers(answers.clone())))
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
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Reset))
    };
    let on_end = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::EndSteps))
    };
    let on_tick = {
        let state = state.clone();
        Callback::from(move |(id, ticked): (String, bool)| {
            state.dispatch(Action::Tick(id.as_str().into(), ticked))
        })
    };

    let stepper = state.step.and_then(|index| {
        let (step, _) = steps.get(index)?;
        let event = pack.events.iter().find(|event| event.id == step.event)?;
        let finding = pack.findings.iter().find(|finding| finding.id == step.finding)?;
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
        let answer = match step.answer {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotDone => "not done",
        };
        Some(html! {
            <Stepper index={index} count={steps.len()} when={event.time.spoken(&pack.anchor.label)} event_label={event.label.clone()}
                event_id={event.id.to_string()} finding={format!("{} {}", finding.question, answer)} {changes}
                on_step={on_step.clone()} on_end={on_end.clone()} />
        })
    });

    let link = format!(
        "{}/differential?{}",
        browser::origin(),
        state::encode(&state)
    );
    let ticked: Vec<String> = state.ticks.iter().map(|id| id.to_string()).collect();
    let supported: Vec<String> = assessed
        .iter()
        .filter(|a| a.standing == Standing::Supported)
        .map(|a| a.diagnosis.name.clone())
        .collect();
    let live_summary = if state.answers.is_empty() {
        "No findings answered yet.".to_owned()
    } else {
        format!(
            "{} findings answered. Supported: {}.",
            state.answers.len(),
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
            <h1>{ "Differential" }</h1>
            <p class="lede">{ pack.meta.differential_lede.clone().unwrap_or_else(|| "Weigh the diagnosis against its mimics, finding by finding, with the sentence behind every step.".to_owned()) }</p>
            <p class="disclaimer-inline"><strong>{ "For education; not for decisions about a patient." }</strong>
                { " The checklist reasons in words from its sources (supports, weighs against, rules out) and gives no probabilities: none exist in the sources for this setting." }</p>
            <div class="button-row toolbar">
                <button type="button" class="button" onclick={on_load_case}>{ "Load the published case" }</button>
                <button type="button" class="button secondary" onclick={let on_step = on_step.clone(); Callback::from(move |_| on_step.emit(0))}>{ "Step through the case" }</button>
                <button type="button" class="button secondary" onclick={on_reset}>{ "Reset" }</button>
                <button type="button" class="button secondary" onclick={Callback::from(|_| browser::print())}>{ "Print summary" }</button>
            </div>
            { for state.notice.iter().map(|notice| html! { <p class="notice" role="status">{ notice }</p> }) }
            { for stepper }
            <p class="visually-hidden" aria-live="polite">{ live_summary }</p>
            <div class="differential-layout">
                <section class="diagnoses" aria-labelledby="dx-heading">
                    <h2 id="dx-heading">{ "Diagnoses" }</h2>
                    <p class="muted how">{ "Ruled out if any answer rules it out; otherwise supported or less likely when more answers support it or weigh against it; possible when they balance." }</p>
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
                    <p class="muted">{ format!("{} of {} answered.", state.answers.len(), pack.findings.len()) }</p>
                    { for GROUPS.iter().map(|(group, title)| {
                        let findings: Vec<_> = pack.findings.iter().filter(|f| f.group == *group).collect();
                        html! {
                            <section class="finding-group" aria-label={*title}>
                                <h3>{ *title }</h3>
                                { for findings.into_iter().map(|finding| html! {
                                    <FindingControl key={finding.id.as_str()} finding={finding.clone()} answer={state.answers.get(&finding.id)}
                                        on_answer={on_answer.clone()} />
                                }) }
                            </section>
                        }
                    }) }
                </section>
            </div>
            <div class="workup-layout">
                <WorkupList title="Work-up: what to order" id="workup-heading" items={items(WorkupKind::Workup)} ticked={ticked.clone()} on_tick={on_tick.clone()} />
                <WorkupList title="Management" id="management-heading" items={items(WorkupKind::Management)} ticked={ticked} on_tick={on_tick} />
            </div>
            <section class="share" aria-labelledby="share-heading">
                <h2 id="share-heading">{ "Share or keep this state" }</h2>
                <p class="muted">{ "Your answers and ticks are saved on this device. This link reproduces them anywhere:" }</p>
                <div class="share-row">
                    <input type="text" readonly=true class="share-link" aria-label="Link to this state" value={link.clone()} />
                    <button type="button" class="button secondary" onclick={Callback::from(move |_| browser::copy_to_clipboard(&link))}>{ "Copy link" }</button>
                </div>
            </section>
            <PrintedAnswers answers={state.answers.encode()} />
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
    let Ok(pack) = pack.as_ref() else {
        return Html::default();
    };
    let (answers, _) = casebook_core::differential::Answers::decode(pack, &props.answers);
    let given: Vec<String> = pack
        .findings
        .iter()
        .filter_map(|finding| {
            answers.get(&finding.id).map(|answer| {
                let word = match answer {
                    Answer::Yes => "yes",
                    Answer::No => "no",
                    Answer::NotDone => "not done",
                };
                format!("{} {word}", finding.question)
            })
        })
        .collect();
    html! {
        <section class="print-only printed-answers" aria-hidden="true">
            <p><strong>{ format!("Answers given ({}): ", given.len()) }</strong>{ given.join(" · ") }</p>
        </section>
    }
}
