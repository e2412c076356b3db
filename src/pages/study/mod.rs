//! `/study`: the case worked stage by stage (ranking the diagnoses at each step against
//! the checklist's ranking), study questions by topic or shuffled, and flashcards on a
//! spaced-repetition schedule. The reasoning, the schedule and the saved format are the
//! core's (`casebook_core::study`); this page holds the progress, saves it on every
//! change (after reading it once, after hydration), and offers export, import and reset.

use casebook_core::notes::Notes;
use casebook_core::study::draw;
use casebook_core::study::progress::{Progress, StageAttempt};
use casebook_core::study::sm2::{review, Schedule};
use casebook_core::study::{judge, topics};
use casebook_core::{Question, QuestionId, QuestionKind};
use yew::prelude::*;

use crate::browser;
use crate::components::kept_aside::{KeptAsideDownload, StorageStatus};
use crate::components::provenance::SourceNote;
use crate::components::study::flashcards::Flashcards;
use crate::components::study::staged::StagedReveal;
use crate::pack::use_pack;
use crate::storage::{self, use_saved};
use crate::study_store;

/// The study view.
#[component]
pub fn Study() -> Html {
    let loaded = use_pack();
    let topic = use_state(|| None::<String>);
    let seed = use_state(|| None::<u64>);
    // Read after hydration (so the prerendered page and the first render agree), following
    // other tabs; every change is applied to what is stored now.
    let progress = use_saved::<Progress>(loaded.clone());
    let today = use_state(|| None::<i64>);
    let message = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let confirm_reset = use_state(|| false);
    let file_reader = use_mut_ref(|| None::<browser::FileReading>);
    {
        let today = today.clone();
        use_effect_with((), move |_| today.set(Some(browser::today())));
    }
    let pack = &*loaded;
    // Applies a change to the saved progress; a failure is said where the student is.
    let change = {
        let progress = progress.clone();
        let error = error.clone();
        move |apply: Box<dyn FnOnce(&mut Progress)>| match progress.update(|p| {
            apply(p);
            Ok(())
        }) {
            Ok(_) => error.set(None),
            Err(reason) => error.set(Some(reason)),
        }
    };
    // Callbacks hold the shared pack (an Rc), never a copy of it.
    let on_commit = {
        let change = change.clone();
        let loaded = loaded.clone();
        Callback::from(move |attempt: StageAttempt| {
            let loaded = loaded.clone();
            change(Box::new(move |p| {
                let pack = &*loaded;
                p.commit(pack, attempt);
            }));
        })
    };
    let on_restart = {
        let change = change.clone();
        Callback::from(move |()| change(Box::new(|p| p.attempts.clear())))
    };
    let on_grade = {
        let change = change.clone();
        let today = today.clone();
        Callback::from(move |(id, grade): (String, u8)| {
            let Some(day) = *today else { return };
            change(Box::new(move |p| {
                let schedule = p
                    .cards
                    .0
                    .get(&id)
                    .copied()
                    .unwrap_or_else(|| Schedule::new(day));
                p.cards.0.insert(id, review(schedule, grade, day));
            }));
        })
    };
    let on_answer = {
        let change = change.clone();
        Callback::from(move |(id, choice): (QuestionId, Option<usize>)| {
            change(Box::new(move |p| {
                p.questions.insert(id, choice);
            }));
        })
    };
    let on_topic = {
        let topic = topic.clone();
        Callback::from(move |event: Event| {
            let value = browser::input_value(&event);
            topic.set((!value.is_empty()).then_some(value));
        })
    };
    let on_shuffle = {
        let seed = seed.clone();
        Callback::from(move |_: MouseEvent| seed.set(Some(browser::now_ms() as u64)))
    };
    let on_order = {
        let seed = seed.clone();
        Callback::from(move |_: MouseEvent| seed.set(None))
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
        let message = message.clone();
        let loaded = loaded.clone();
        Callback::from(move |event: Event| {
            let Some(file) = browser::chosen_file(&event) else {
                return;
            };
            let progress = progress.clone();
            let message = message.clone();
            *file_reader.borrow_mut() = study_store::import_backup(
                file,
                loaded.clone(),
                move |pack, notes, study| {
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
                            (true, Err(reason)) =>
                                format!("the study progress was not merged ({reason})"),
                            (false, _) => "the file holds no study progress".to_owned(),
                        },
                        match (notes_count, notes_outcome) {
                            (0, _) => ".".to_owned(),
                            (count, Ok(())) => format!("; {count} notes merged into the reader's."),
                            (_, Err(reason)) => format!("; the notes were not merged: {reason}"),
                        }
                    )
                },
                move |outcome| message.set(Some(outcome)),
            );
        })
    };
    let on_reset_ask = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_: MouseEvent| confirm_reset.set(true))
    };
    let on_reset_cancel = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_: MouseEvent| confirm_reset.set(false))
    };
    let on_reset = {
        let confirm_reset = confirm_reset.clone();
        let message = message.clone();
        let progress = progress.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_reset.set(false);
            match progress.update(|p| {
                *p = Progress::default();
                Ok(())
            }) {
                Ok(_) => message.set(Some(
                    "Your study progress was reset. Notes in the reader are unchanged.".to_owned(),
                )),
                Err(reason) => error.set(Some(reason)),
            }
        })
    };
    let questions = draw(pack, topic.as_deref(), *seed);
    let restored = progress.restored();
    let answered = progress.value().questions.len();
    let notice = progress.notice().cloned();
    html! {
        <article class="page study">
            <h1>{ "Study" }</h1>
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
            </section>
            <Flashcards deck={progress.value().cards.clone()} today={*today} on_grade={on_grade} />
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
                    if *confirm_reset {
                        <button type="button" class="button danger" onclick={on_reset}>{ "Yes, forget my study progress" }</button>
                        <button type="button" class="button secondary" onclick={on_reset_cancel}>{ "Keep it" }</button>
                    } else {
                        <button type="button" class="button secondary" onclick={on_reset_ask}>{ "Reset study progress" }</button>
                    }
                </div>
            </section>
        </article>
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
