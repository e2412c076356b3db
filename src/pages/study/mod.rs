//! `/study`: the case worked stage by stage (ranking the diagnoses at each step against
//! the checklist's ranking), study questions by topic or shuffled, and flashcards on a
//! spaced-repetition schedule. The reasoning, the schedule and the saved format are the
//! core's (`casebook_core::study`); this page holds the progress, saves it on every
//! change (after reading it once, after hydration), and offers export, import and reset.

pub mod flashcards;
pub mod staged;
pub mod state;

use casebook_core::notes::Notes;
use casebook_core::study::draw;
use casebook_core::study::progress::{Change, Progress};
use casebook_core::study::{judge, topics};
use casebook_core::{CasePack, Question, QuestionId, QuestionKind};
use yew::prelude::*;

use crate::browser;
use crate::components::kept_aside::{KeptAsideDownload, StorageStatus};
use crate::components::provenance::{SourceNote, Unspoiled};
use crate::pack::use_pack;
use crate::pages::study::flashcards::Flashcards;
use crate::pages::study::staged::StagedReveal;
use crate::storage::{self, use_saved, SavedHandle};
use crate::study_store;
use state::{Action, StudyState};

/// The study view.
#[component]
pub fn Study() -> Html {
    let loaded = use_pack();
    let state = use_reducer(StudyState::default);
    // Read after hydration (so the prerendered page and the first render agree), following
    // other tabs; every change is applied to what is stored now.
    let progress = use_saved::<Progress>(loaded.clone());
    let file_reader = use_mut_ref(|| None::<browser::FileReading>);
    {
        let state = state.dispatcher();
        use_effect_with((), move |_| state.dispatch(Action::Today(browser::today())));
    }
    let pack = &*loaded;
    // Every change to the progress: applied by the core to what is stored now; a failure
    // is said where the student is. Callbacks hold the shared pack (an Rc), never a copy.
    let change = {
        let progress = progress.clone();
        let state = state.dispatcher();
        let loaded = loaded.clone();
        Callback::from(move |change: Change| {
            state.dispatch(
                match progress.update(|p| {
                    p.apply(&loaded, change);
                    Ok(())
                }) {
                    Ok(_) => Action::Saved,
                    Err(reason) => Action::Failed(reason),
                },
            );
        })
    };
    let on_commit = change.reform(Change::Commit);
    let on_restart = change.reform(|()| Change::Restart);
    let on_grade = {
        let change = change.clone();
        let today = state.today;
        Callback::from(move |(card, grade): (String, u8)| {
            if let Some(day) = today {
                change.emit(Change::Grade { card, grade, day });
            }
        })
    };
    let on_answer =
        change.reform(
            |(question, choice): (QuestionId, Option<usize>)| Change::Answer { question, choice },
        );
    let on_topic = {
        let state = state.dispatcher();
        Callback::from(move |event: Event| {
            let value = browser::input_value(&event);
            state.dispatch(Action::Topic((!value.is_empty()).then_some(value)));
        })
    };
    let on_shuffle = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Shuffle(browser::now_ms() as u64))
        })
    };
    let on_order = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::CaseOrder))
    };
    let on_export = {
        let progress = progress.clone();
        let loaded = loaded.clone();
        Callback::from(move |_: MouseEvent| {
            let pack = &*loaded;
            let notes = storage::peek::<Notes>(pack);
            study_store::download_backup(pack, &notes, progress.value());
        })
    };
    let on_import = {
        let progress = progress.clone();
        let state = state.dispatcher();
        let loaded = loaded.clone();
        Callback::from(move |event: Event| {
            let Some(file) = browser::chosen_file(&event) else {
                return;
            };
            let progress = progress.clone();
            let state = state.clone();
            *file_reader.borrow_mut() = study_store::import_backup(
                file,
                loaded.clone(),
                move |pack, notes, study| import_outcome(&progress, pack, notes, study),
                move |outcome| state.dispatch(Action::Say(outcome)),
            );
        })
    };
    let on_reset_ask = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::AskReset))
    };
    let on_reset_cancel = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::CancelReset))
    };
    let on_reset = {
        let state = state.dispatcher();
        let progress = progress.clone();
        let loaded = loaded.clone();
        Callback::from(move |_: MouseEvent| {
            let outcome = progress.update(|p| {
                p.apply(&loaded, Change::Reset);
                Ok(())
            });
            state.dispatch(Action::ResetDone(outcome.map(|_| ())));
        })
    };
    let (topic, seed, today) = (&state.topic, state.seed, state.today);
    let (error, message, confirm_reset) = (&state.error, &state.message, state.confirm_reset);
    let questions = draw(pack, topic.as_deref(), seed);
    let restored = progress.restored();
    let answered = progress.value().questions.len();
    let notice = progress.notice().cloned();
    let questions_open =
        restored && (answered > 0 || progress.value().reached(pack) == pack.stages.len());
    html! {
            <ContextProvider<Unspoiled> context={Unspoiled}>
            <article class="page study">
                <h1>{ crate::route::Route::Study.heading("") }</h1>
                <p class="lede">{ "Work the case as it unfolded, test yourself, and keep what you learned. Every answer comes with its reason and the sentence it rests on." }</p>
                <nav class="study-nav" aria-label="On this page">
                    <a href="#reveal">{ "Stage by stage" }</a>
                    <a href="#questions-heading">{ "Questions" }</a>
                    <a href="#flashcards">{ "Flashcards" }</a>
                    <a href="#progress-heading">{ "Your progress" }</a>
                </nav>
                { for error.iter().map(|text| html! { <p class="notice error" role="alert">{ text.clone() }</p> }) }
                { for notice.iter().map(|notice| html! { <p class="notice" role="status">{ notice.message("study progress") }</p> }) }
                { for message.iter().map(|text| html! { <p class="notice" role="status">{ text.clone() }</p> }) }
                if let Some(slot) = notice.as_ref().and_then(|notice| notice.slot()) {
                    <KeptAsideDownload label="Download the saved progress as it was" slot={slot.to_owned()} />
                }
                <StagedReveal progress={progress.value().clone()} restored={restored} on_commit={on_commit} on_restart={on_restart} />
                <section aria-labelledby="questions-heading">
                    <h2 id="questions-heading">{ "Study questions" }</h2>
                    // The questions name the diagnosis: kept closed until the student has
                    // worked the case (or has answered some already).
                    <details class="questions-gate" open={questions_open}>
                    <summary>{ "Show the questions (they name the diagnosis: best after working the case)" }</summary>
                                    <div class="control-row">
                        <label class="select-label">{ "Topic " }
                            <select onchange={on_topic}>
                                <option value="" selected={topic.is_none()}>{ "All topics" }</option>
                                { for topics(pack).into_iter().map(|name| html! {
                                    <option value={name.to_owned()} selected={topic.as_deref() == Some(name)}>{ name }</option>
                                }) }
                            </select>
                        </label>
                        <button type="button" class="button secondary" onclick={on_shuffle}>{ "Shuffle" }</button>
                        if seed.is_some() {
                            <button type="button" class="button secondary" onclick={on_order}>{ "Back to the case's order" }</button>
                        }
                    </div>
    <ol class="questions">
                        { for questions.into_iter().map(|question| html! {
                            <QuestionCard
                                key={format!("{}-{}", question.id, restored)}
                                question={question.clone()}
                                saved={progress.value().questions.get(&question.id).copied()}
                                on_answer={on_answer.clone()}
                            />
                        }) }
                    </ol>
                    </details>
                </section>
                <Flashcards deck={progress.value().cards.clone()} today={today} on_grade={on_grade} />
                <section class="study-progress" aria-labelledby="progress-heading">
                    <h2 id="progress-heading">{ "Your progress" }</h2>
                    <p class="muted" data-client-layout="">{
                        if restored {
                            format!(
                                "{} of {} stages worked, {} of {} questions answered, {} flashcards reviewed. Kept on this device; save it to a file (with your notes from the reader) to keep it elsewhere.",
                                progress.value().reached(pack), pack.stages.len(), answered, pack.questions.len(), progress.value().cards.0.len()
                            )
                        } else {
                            "Kept on this device; save it to a file (with your notes from the reader) to keep it elsewhere.".to_owned()
                        }
                    }</p>
                    <StorageStatus />
                    <div class="button-row">
                        <button type="button" class="button secondary" onclick={on_export}>{ "Save progress and notes to a file" }</button>
                        <label class="button secondary file-button">
                            { "Import from a file" }
                            <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_import} />
                        </label>
                        // The answer that keeps the progress takes the asking button's
                        // place, so a second tap or Enter never forgets by accident.
                        if confirm_reset {
                            <button type="button" class="button secondary" onclick={on_reset_cancel}>{ "Keep it" }</button>
                            <button type="button" class="button danger" onclick={on_reset}>{ "Yes, forget my study progress" }</button>
                        } else {
                            <button type="button" class="button secondary" onclick={on_reset_ask}>{ "Reset study progress" }</button>
                        }
                    </div>
                </section>
            </article>
            </ContextProvider<Unspoiled>>
        }
}

/// Properties of [`QuestionCard`].
#[derive(Properties, PartialEq, Clone)]
struct QuestionCardProps {
    question: Question,
    /// What was saved: `Some(Some(option))` chosen, `Some(None)` a short answer revealed.
    saved: Option<Option<usize>>,
    /// Records an answer (the question's id and the choice).
    on_answer: Callback<(QuestionId, Option<usize>)>,
}

/// One question: options to choose from (or a box to write in), then the answer with its
/// reason and source.
#[component]
fn QuestionCard(props: &QuestionCardProps) -> Html {
    let question = &props.question;
    let choice = use_state(|| props.saved.flatten());
    let revealed = use_state(|| props.saved.is_some());
    let name = format!("answer-{}", question.id);
    let on_reveal = {
        let revealed = revealed.clone();
        let on_answer = props.on_answer.clone();
        let id = question.id.clone();
        Callback::from(move |_: MouseEvent| {
            revealed.set(true);
            on_answer.emit((id.clone(), None));
        })
    };
    let verdict = choice.and_then(|index| judge(question, index));
    html! {
        <li class="question" id={format!("question-{}", question.id)}>
            <fieldset>
                <legend>{ &question.prompt }<span class="muted small">{ format!(" \u{00b7} {}", question.topic) }</span></legend>
                if question.kind == QuestionKind::SingleBest {
                    <div class="answer-options">
                        { for question.options.iter().enumerate().map(|(index, option)| {
                            let choice = choice.clone();
                            let revealed = revealed.clone();
                            let on_answer = props.on_answer.clone();
                            let id = question.id.clone();
                            html! {
                                <label class="answer-option">
                                    <input type="radio" name={name.clone()} checked={*choice == Some(index)}
                                        onchange={Callback::from(move |_| {
                                            choice.set(Some(index));
                                            revealed.set(true);
                                            on_answer.emit((id.clone(), Some(index)));
                                        })} />
                                    <span>{ option }</span>
                                </label>
                            }
                        }) }
                    </div>
                } else {
                    <label class="short-answer">
                        <span>{ "Your answer (for yourself: compare it with the model answer)" }</span>
                        <textarea rows="3" />
                    </label>
                    if !*revealed {
                        <button type="button" class="button secondary" onclick={on_reveal}>{ "Show the answer" }</button>
                    }
                }
            </fieldset>
            if *revealed {
                <div class={classes!("feedback", verdict.as_ref().map(|v| if v.correct { "right" } else { "wrong" }))} role="status">
                    { for verdict.as_ref().map(|v| html! { <p class="verdict">{ &v.message }</p> }) }
                    <p><strong>{ "Answer: " }</strong>{ &question.answer }</p>
                    <p>{ &question.explanation }</p>
                    <SourceNote provenance={question.provenance.clone()} />
                </div>
            }
        </li>
    }
}

/// Merges an imported file's notes into the reader's and its study progress into the
/// student's, and says what happened to each.
fn import_outcome(
    progress: &SavedHandle<Progress>,
    pack: &CasePack,
    notes: Notes,
    study: Option<Progress>,
) -> String {
    let notes_count = notes.annotations().len();
    let notes_outcome = if notes_count == 0 {
        Ok(())
    } else {
        storage::update::<Notes>(&storage::notes_key(&pack.meta.id), pack, |all| {
            all.merge(notes)
                .map(|_| ())
                .map_err(|problems| problems.join(" "))
        })
        .map(|_| ())
        .map_err(|error| error.message("notes"))
    };
    let had_study = study.is_some();
    let study_outcome = match study {
        Some(study) => progress
            .update(|p| {
                p.merge(pack, study);
                Ok(())
            })
            .map(|_| ()),
        None => Ok(()),
    };
    format!(
        "Imported: {}{}",
        match (had_study, study_outcome) {
            (true, Ok(())) => "study progress merged with yours".to_owned(),
            (true, Err(reason)) => format!("the study progress was not merged ({reason})"),
            (false, _) => "the file holds no study progress".to_owned(),
        },
        match (notes_count, notes_outcome) {
            (0, _) => ".".to_owned(),
            (count, Ok(())) => format!("; {count} notes merged into the reader's."),
            (_, Err(reason)) => format!("; the notes were not merged: {reason}"),
        }
    )
}
