//! The staged reveal: the case one stage at a time, in the order it became known. At each
//! stage the student ranks the diagnoses they now consider likely and may name the next
//! test, commits, and sees the feedback. What a stage reveals and the feedback itself are
//! the core's (`casebook_core::study::stages`); this renders and dispatches.

use casebook_core::study::progress::{Progress, StageAttempt};
use casebook_core::study::stages::{
    diagnoses_to_choose_from, feedback, stages, Agreement, StageView,
};
use casebook_core::{CasePack, DiagnosisId, ItemId, StageId, WorkupKind};
use yew::prelude::*;

use crate::components::glossary_text::GlossaryText;

use crate::components::provenance::SourceNote;
use crate::pack::use_pack;

/// Properties of [`StagedReveal`].
#[derive(Properties, PartialEq, Clone)]
pub struct StagedRevealProps {
    /// The saved progress (committed stages).
    pub progress: Progress,
    /// True once the saved progress has been read (after hydration).
    pub restored: bool,
    /// A stage committed.
    pub on_commit: Callback<StageAttempt>,
    /// Start the staged reveal again (forgets the committed stages only).
    pub on_restart: Callback<()>,
}

/// The staged reveal.
#[component]
pub fn StagedReveal(props: &StagedRevealProps) -> Html {
    let pack = use_pack();
    // How many stages are shown: every committed stage, plus the next once the student
    // asks for it. Set from the progress when it is read, and whenever the number of
    // committed stages changes from outside (an import, a reset); a commit leaves it as
    // it is, so the feedback shows before the next stage.
    let revealed = use_state(|| 1usize);
    {
        let revealed = revealed.clone();
        let pack = pack.clone();
        let progress = props.progress.clone();
        use_effect_with(
            (props.restored, props.progress.attempts.len()),
            move |(restored, _)| {
                if *restored {
                    revealed.set(progress.reached(&pack).clamp(1, pack.stages.len().max(1)));
                }
            },
        );
    }
    let pack = &*pack;
    let views = stages(pack);
    if views.is_empty() {
        return html! {
            <section class="staged" aria-labelledby="reveal-heading">
                <h2 id="reveal-heading">{ "Work the case, stage by stage" }</h2>
                <p class="muted">{ "This case pack has no stages." }</p>
            </section>
        };
    }
    // A stage is only ever shown once the one before it is committed.
    let shown = (*revealed)
        .min(props.progress.reached(pack) + 1)
        .min(views.len());
    let last_committed = props.progress.attempt(&views[shown - 1].stage.id).is_some();
    let on_reveal = {
        let revealed = revealed.clone();
        let next = views
            .get(shown)
            .map(|v| format!("stage-{}-heading", v.stage.id));
        Callback::from(move |_: MouseEvent| {
            revealed.set(shown + 1);
            if let Some(id) = next.clone() {
                // After the new stage is drawn: move focus to its heading.
                crate::browser::focus_later(id);
            }
        })
    };
    // Starting again forgets every committed stage, so it asks first: the question takes
    // the asking button's place (a second tap lands on words, not on "Yes"), the focus
    // goes to the answer that keeps them, and what was forgotten can be put back.
    let confirm_restart = use_state(|| false);
    // The stages forgotten by the last "start again", to put back.
    let forgotten = use_state(|| None::<Vec<StageAttempt>>);
    let on_restart_ask = {
        let confirm_restart = confirm_restart.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_restart.set(true);
            crate::browser::focus_later(RESTART_KEEP.to_owned());
        })
    };
    let on_restart_cancel = {
        let confirm_restart = confirm_restart.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_restart.set(false);
            crate::browser::focus_later(RESTART_ASK.to_owned());
        })
    };
    let first_heading = views
        .first()
        .map(|v| format!("stage-{}-heading", v.stage.id))
        .unwrap_or_default();
    let on_restart = {
        let revealed = revealed.clone();
        let restart = props.on_restart.clone();
        let confirm_restart = confirm_restart.clone();
        let forgotten = forgotten.clone();
        let attempts = props.progress.attempts.clone();
        let first_heading = first_heading.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_restart.set(false);
            forgotten.set(Some(attempts.clone()));
            revealed.set(1);
            restart.emit(());
            // Back to the first stage, where the case starts again and the undo is.
            crate::browser::focus_later(first_heading.clone());
        })
    };
    // Puts back the forgotten stages, applied to the progress as it is now: a stage
    // committed since keeps its new attempt.
    let on_put_back = {
        let forgotten = forgotten.clone();
        let commit = props.on_commit.clone();
        let progress = props.progress.clone();
        Callback::from(move |_: MouseEvent| {
            for attempt in (*forgotten).clone().unwrap_or_default() {
                if progress.attempt(&attempt.stage).is_none() {
                    commit.emit(attempt);
                }
            }
            forgotten.set(None);
        })
    };
    let forgotten_count = (*forgotten).as_ref().map_or(0, Vec::len);
    html! {
        <section class="staged" id="reveal" aria-labelledby="reveal-heading">
            <h2 id="reveal-heading">{ "Work the case, stage by stage" }</h2>
            <p class="muted">{ format!(
                "Meet the case as its clinicians did, one stage at a time. At each stage, rank the diagnoses you now consider likely and name the test you would order next; then compare with the checklist's ranking on the same facts. Every fact comes with the sentence it rests on. Times are counted from the {}.",
                pack.anchor.label
            ) }</p>
            <ForgottenNotice count={forgotten_count} on_put_back={on_put_back} />
            <ol class="stages">
                { for views.iter().take(shown).map(|view| {
                    let attempt = props.progress.attempt(&view.stage.id).cloned();
                    let previous = view
                        .index
                        .checked_sub(1)
                        .and_then(|i| props.progress.attempt(&views[i].stage.id))
                        .map(|a| a.ranking.clone())
                        .unwrap_or_default();
                    html! {
                        <StageCard
                            key={view.stage.id.to_string()}
                            index={view.index}
                            total={views.len()}
                            attempt={attempt}
                            start_ranking={previous}
                            latest={view.index + 1 == shown}
                            on_commit={props.on_commit.clone()}
                        />
                    }
                }) }
            </ol>
            if last_committed && shown < views.len() {
                <button type="button" class="button" onclick={on_reveal}>
                    { format!("Reveal stage {} of {}: {}", shown + 1, views.len(), views[shown].stage.title) }
                </button>
            }
            if last_committed && shown == views.len() {
                <p class="notice" role="status">{ "You have worked through the whole case. Each stage keeps your ranking and its feedback above." }</p>
            }
            if !props.progress.attempts.is_empty() {
                <div class="button-row restart-row">
                    if *confirm_restart {
                        <p role="status">{ format!(
                            "Start the case again? This forgets your rankings and next tests for {} {}; questions and flashcards are kept.",
                            props.progress.attempts.len(),
                            if props.progress.attempts.len() == 1 { "stage" } else { "stages" }
                        ) }</p>
                        <button type="button" id={RESTART_KEEP} class="button secondary" onclick={on_restart_cancel}>{ "Keep my stages" }</button>
                        <button type="button" class="button danger" onclick={on_restart}>{ "Yes, forget my stages and start again" }</button>
                    } else {
                        <button type="button" id={RESTART_ASK} class="button secondary" onclick={on_restart_ask}>{ "Start the case again\u{2026}" }</button>
                    }
                </div>
            }
        </section>
    }
}

/// Ids of the "start again" controls, to move the focus between them.
const RESTART_ASK: &str = "restart-ask";
const RESTART_KEEP: &str = "restart-keep";

/// Properties of [`ForgottenNotice`].
#[derive(Properties, PartialEq, Clone)]
struct ForgottenNoticeProps {
    /// How many stages the last "start again" forgot (0: none, nothing shown).
    count: usize,
    on_put_back: Callback<MouseEvent>,
}

/// Says the stages were forgotten, with the way back. Always rendered (empty when there
/// is nothing to say), so its coming does not rebuild the stages around it.
#[component]
fn ForgottenNotice(props: &ForgottenNoticeProps) -> Html {
    if props.count == 0 {
        return Html::default();
    }
    html! {
        <p class="notice" role="status">
            { format!("Your {} {} forgotten; the case starts again below. ", props.count, if props.count == 1 { "stage was" } else { "stages were" }) }
            <button type="button" class="button secondary small-button" onclick={props.on_put_back.clone()}>{ "Put them back" }</button>
        </p>
    }
}

/// Properties of [`StageCard`].
#[derive(Properties, PartialEq, Clone)]
struct StageCardProps {
    index: usize,
    total: usize,
    /// What the student committed here, if anything.
    attempt: Option<StageAttempt>,
    /// The ranking to start from (the previous stage's).
    start_ranking: Vec<DiagnosisId>,
    /// The last stage shown (its feedback is open).
    latest: bool,
    on_commit: Callback<StageAttempt>,
}

/// One stage: its facts, then the ranking form or the feedback.
#[component]
fn StageCard(props: &StageCardProps) -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let views = stages(pack);
    let Some(view) = views.get(props.index) else {
        return Html::default();
    };
    let anchor = pack.anchor.label.as_str();
    let heading_id = format!("stage-{}-heading", view.stage.id);
    html! {
        <li class="stage" id={format!("stage-{}", view.stage.id)} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id} tabindex="-1">
                <span class="stage-number">{ format!("Stage {} of {}: ", props.index + 1, props.total) }</span>
                { &view.stage.title }
            </h3>
            <ul class="stage-facts">
                { for view.events.iter().map(|event| html! {
                    <li class="stage-fact">
                        <p class="stage-fact-head"><strong>{ &event.label }</strong>
                            <span class="muted small">{ format!(" \u{00b7} {}", event.time.spoken(anchor)) }</span></p>
                        <p class="stage-fact-detail"><GlossaryText text={event.detail.clone()} /></p>
                        <SourceNote provenance={event.provenance.clone()} />
                    </li>
                }) }
            </ul>
            if !view.findings.is_empty() {
                <div class="stage-findings">
                    <p class="small"><strong>{ "For the checklist, this stage answers:" }</strong></p>
                    <ul class="small">
                        { for view.findings.iter().filter_map(|step| {
                            let finding = pack.finding(step.finding.as_str())?;
                            Some(html! { <li>{ &finding.question }{ " " }<strong>{ step.answer.label() }</strong></li> })
                        }) }
                    </ul>
                </div>
            }
            { match &props.attempt {
                Some(attempt) => render_feedback(pack, view, attempt, props.latest),
                None => html! { <RankingForm stage={view.stage.id.clone()} start={props.start_ranking.clone()} on_commit={props.on_commit.clone()} /> },
            } }
        </li>
    }
}

/// One change to the ranking being built (add, move, remove).
type RankingEdit = dyn Fn(&mut Vec<DiagnosisId>);

/// Properties of [`RankingForm`].
#[derive(Properties, PartialEq, Clone)]
struct RankingFormProps {
    stage: StageId,
    start: Vec<DiagnosisId>,
    on_commit: Callback<StageAttempt>,
}

/// The student's ranking: an ordered list built by touch or keyboard (add, move up,
/// move down, remove), and the next test.
#[component]
fn RankingForm(props: &RankingFormProps) -> Html {
    let pack = use_pack();
    let ranking = use_state(|| props.start.clone());
    let next_test = use_state(|| None::<ItemId>);
    let pack = &*pack;
    let name_of = |id: &DiagnosisId| {
        pack.diagnosis(id.as_str())
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let edit = |change: Box<RankingEdit>| {
        let ranking = ranking.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*ranking).clone();
            change(&mut next);
            ranking.set(next);
        })
    };
    let on_test = {
        let next_test = next_test.clone();
        let pack = pack.clone();
        Callback::from(move |event: Event| {
            let value = crate::browser::input_value(&event);
            next_test.set(pack.workup_item(&value).map(|item| item.id.clone()));
        })
    };
    let on_submit = {
        let ranking = ranking.clone();
        let next_test = next_test.clone();
        let stage = props.stage.clone();
        let on_commit = props.on_commit.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if ranking.is_empty() {
                return;
            }
            on_commit.emit(StageAttempt {
                stage: stage.clone(),
                ranking: (*ranking).clone(),
                next_test: (*next_test).clone(),
            });
        })
    };
    let remaining: Vec<_> = diagnoses_to_choose_from(pack)
        .into_iter()
        .filter(|d| !ranking.contains(&d.id))
        .collect();
    let count = ranking.len();
    let select_id = format!("next-test-{}", props.stage);
    html! {
        <form class="ranking-form" onsubmit={on_submit} aria-label="Your differential at this stage">
            <h4>{ "Your differential now" }</h4>
            <p class="muted small">{ "Add the diagnoses you consider likely, most likely first. Those you leave out count as set aside." }</p>
            if ranking.is_empty() {
                <p class="muted">{ "No diagnosis ranked yet." }</p>
            } else {
                <ol class="my-ranking">
                    { for ranking.iter().enumerate().map(|(position, id)| {
                        let name = name_of(id);
                        let up = edit(Box::new(move |r| if position > 0 { r.swap(position, position - 1) }));
                        let down = edit(Box::new(move |r| if position + 1 < r.len() { r.swap(position, position + 1) }));
                        let remove = edit(Box::new(move |r| { r.remove(position); }));
                        html! {
                            <li class="my-ranking-item" data-diagnosis={id.to_string()}>
                                <span class="my-ranking-name">{ &name }</span>
                                <span class="my-ranking-tools">
                                    <button type="button" class="button secondary small-button" onclick={up} disabled={position == 0}
                                        aria-label={format!("Up: {name}")}>{ "Up" }</button>
                                    <button type="button" class="button secondary small-button" onclick={down} disabled={position + 1 == count}
                                        aria-label={format!("Down: {name}")}>{ "Down" }</button>
                                    <button type="button" class="button secondary small-button" onclick={remove}
                                        aria-label={format!("Remove: {name}")}>{ "Remove" }</button>
                                </span>
                            </li>
                        }
                    }) }
                </ol>
            }
            if !remaining.is_empty() {
                <p class="small"><strong>{ "Add to your ranking:" }</strong></p>
                <div class="add-diagnoses">
                    { for remaining.iter().map(|diagnosis| {
                        let id = diagnosis.id.clone();
                        let add = edit(Box::new(move |r| r.push(id.clone())));
                        html! {
                            <button type="button" class="chip" onclick={add}>
                                <span aria-hidden="true">{ "+ " }</span>{ &diagnosis.name }
                            </button>
                        }
                    }) }
                </div>
            }
            <label class="select-label" for={select_id.clone()}>{ "The test you would order next (optional)" }</label>
            <select id={select_id} onchange={on_test}>
                <option value="" selected={next_test.is_none()}>{ "None named" }</option>
                { for pack.workup.iter().filter(|w| w.kind == WorkupKind::Workup).map(|item| html! {
                    <option value={item.id.to_string()} selected={next_test.as_ref() == Some(&item.id)}>{ &item.label }</option>
                }) }
            </select>
            <div class="button-row">
                // A stage is compared once the student has ranked something: an empty
                // ranking would reveal the next stage without any thought.
                <button type="submit" class="button" disabled={ranking.is_empty()}>{ "Commit and compare" }</button>
                if ranking.is_empty() {
                    <p class="muted small">{ "Rank at least one diagnosis to compare and go on." }</p>
                }
            </div>
        </form>
    }
}

/// The feedback on a committed stage (drawn by its [`StageCard`], which is redrawn only
/// when its attempt or openness changes).
fn render_feedback(
    pack: &CasePack,
    view: &StageView<'_>,
    attempt: &StageAttempt,
    open: bool,
) -> Html {
    let result = feedback(pack, view, &attempt.ranking, attempt.next_test.as_ref());
    let score = if result.scored == 0 {
        "Nothing known yet decides any diagnosis, so nothing is scored at this stage.".to_owned()
    } else {
        format!(
            "You agree with the checklist on {} of the {} diagnoses the facts so far decide.",
            result.agreed, result.scored
        )
    };
    let student: Vec<String> = attempt
        .ranking
        .iter()
        .filter_map(|id| pack.diagnosis(id.as_str()))
        .map(|d| d.name.clone())
        .collect();
    html! {
        <details class="stage-feedback" open={open}>
            <summary><strong>{ "Feedback: " }</strong>{ &score }</summary>
            <p>{ &result.first_place }</p>
            <div class="ranking-columns">
                <div>
                    <h4>{ "Your ranking" }</h4>
                    if student.is_empty() {
                        <p class="muted">{ "None ranked." }</p>
                    } else {
                        <ol class="student-ranking">{ for student.iter().map(|name| html! { <li>{ name }</li> }) }</ol>
                    }
                </div>
                <div>
                    <h4>{ "The checklist's ranking" }</h4>
                    <ol class="engine-ranking">
                        { for result.engine.iter().map(|a| html! {
                            <li>{ &a.diagnosis.name }{ " " }
                                <span class={classes!("standing", format!("standing-{}", a.standing.token()))}>
                                    <span aria-hidden="true">{ a.standing.mark() }{ " " }</span>{ a.standing.label() }
                                </span>
                            </li>
                        }) }
                    </ol>
                </div>
            </div>
            <h4>{ "Diagnosis by diagnosis" }</h4>
            <ul class="verdicts">
                { for result.verdicts.iter().map(|v| {
                    let (token, word) = match v.agreement {
                        Agreement::Agrees => ("agrees", "Agrees"),
                        Agreement::Differs => ("differs", "Differs"),
                        Agreement::Open => ("open", "Not scored"),
                    };
                    let place = match v.student_rank {
                        Some(rank) => format!("your rank {rank}"),
                        None => "set aside by you".to_owned(),
                    };
                    html! {
                        <li class={classes!("verdict-item", format!("verdict-{token}"))} data-diagnosis={v.assessment.diagnosis.id.to_string()}>
                            <p class="verdict-head"><span class="verdict-word">{ word }</span>{ " \u{00b7} " }
                                <strong>{ &v.assessment.diagnosis.name }</strong>
                                <span class="muted small">{ format!(" \u{00b7} {place}; checklist: {}", v.assessment.standing.label()) }</span></p>
                            <p class="verdict-message">{ &v.message }</p>
                            if !v.reasons.is_empty() {
                                <ul class="reasons">
                                    { for v.reasons.iter().map(|reason| html! {
                                        <li class="reason">
                                            <span class="reason-effect">{ reason.rule.effect.label() }</span>{ ": " }
                                            { &reason.finding.question }{ format!(" {}. ", reason.rule.answer.label()) }
                                            { &reason.rule.rationale }{ " " }
                                            <SourceNote provenance={reason.rule.provenance.clone()} />
                                        </li>
                                    }) }
                                </ul>
                            }
                        </li>
                    }
                }) }
            </ul>
            <h4>{ "The next test" }</h4>
            <p class="next-test-message">{ &result.next_test.message }</p>
            { for result.next_test.actual.iter().map(|item| html! {
                <div class="next-test">
                    <p><strong>{ &item.label }</strong>
                        { for item.in_this_case.iter().map(|here| html! { <>{ ". In this case: " }{ here }</> }) }</p>
                    <p class="small">{ &item.why }</p>
                    <SourceNote provenance={item.provenance.clone()} />
                </div>
            }) }
        </details>
    }
}
