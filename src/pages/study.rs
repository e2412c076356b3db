//! `/study`: the case worked stage by stage (ranking the diagnoses at each step against
//! the checklist's ranking), study questions by topic or shuffled, and flashcards on a
//! spaced-repetition schedule. The reasoning, the schedule and the saved format are the
//! core's (`casebook_core::study`); this page holds the progress, saves it on every
//! change (after reading it once, after hydration), and offers export, import and reset.

use casebook_core::study::draw;
use casebook_core::study::progress::{Progress, StageAttempt};
use casebook_core::study::sm2::{review, Schedule};
use casebook_core::study::{judge, topics};
use casebook_core::{Question, QuestionKind};
use yew::prelude::*;

use crate::browser;
use crate::components::kept_aside::KeptAsideDownload;
use crate::components::provenance::SourceNote;
use crate::components::study::flashcards::Flashcards;
use crate::components::study::staged::StagedReveal;
use crate::pack::use_pack;
use crate::pages::overview::PackFailed;
use crate::study_store;

/// The study view.
#[component]
pub fn Study() -> Html {
    let loaded = use_pack();
    let topic = use_state(|| None::<String>);
    let seed = use_state(|| None::<u64>);
    let progress = use_state(Progress::default);
    let restored = use_state(|| false);
    let today = use_state(|| None::<i64>);
    let message = use_state(|| None::<String>);
    let unreadable = use_state(|| None::<String>);
    let confirm_reset = use_state(|| false);
    let file_reader = use_mut_ref(|| None::<browser::FileReading>);
    // Read once, after hydration, so the prerendered page and the first render agree.
    {
        let pack = loaded.clone();
        let progress = progress.clone();
        let restored = restored.clone();
        let today = today.clone();
        let message = message.clone();
        let unreadable = unreadable.clone();
        use_effect_with((), move |_| {
            if let Ok(pack) = pack.as_ref() {
                let loaded = study_store::load(pack);
                progress.set(loaded.progress);
                message.set(loaded.notice);
                unreadable.set(loaded.unreadable);
                today.set(Some(browser::today()));
                restored.set(true);
            }
        });
    }
    // Saved on every change once read.
    {
        let pack = loaded.clone();
        let message = message.clone();
        use_effect_with(
            ((*progress).clone(), *restored),
            move |(current, restored)| {
                if let (true, Ok(pack)) = (*restored, pack.as_ref()) {
                    if !study_store::save(pack, current) {
                        message.set(Some(
                        "Your progress could not be saved on this device (storage is unavailable or full). Save it to a file to keep it.".to_owned(),
                    ));
                    }
                }
            },
        );
    }
    let pack = match loaded.as_ref() {
        Ok(pack) => pack,
        Err(errors) => return html! { <PackFailed errors={errors.to_string()} /> },
    };
    // Callbacks hold the shared pack (an Rc), never a copy of it.
    let on_commit = {
        let progress = progress.clone();
        let loaded = loaded.clone();
        Callback::from(move |attempt: StageAttempt| {
            let Ok(pack) = loaded.as_ref() else { return };
            let mut next = (*progress).clone();
            next.commit(pack, attempt);
            progress.set(next);
        })
    };
    let on_restart = {
        let progress = progress.clone();
        Callback::from(move |()| {
            let mut next = (*progress).clone();
            next.attempts.clear();
            progress.set(next);
        })
    };
    let on_grade = {
        let progress = progress.clone();
        let today = today.clone();
        Callback::from(move |(id, grade): (String, u8)| {
            let Some(day) = *today else { return };
            let mut next = (*progress).clone();
            let schedule = next
                .cards
                .0
                .get(&id)
                .copied()
                .unwrap_or_else(|| Schedule::new(day));
            next.cards.0.insert(id, review(schedule, grade, day));
            progress.set(next);
        })
    };
    let on_answer = {
        let progress = progress.clone();
        Callback::from(move |(id, choice): (String, Option<usize>)| {
            let mut next = (*progress).clone();
            next.questions.insert(id.as_str().into(), choice);
            progress.set(next);
        })
    };
    let on_topic = {
        let topic = topic.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = browser::select_value(&event) {
                topic.set((!value.is_empty()).then_some(value));
            }
        })
    };
    let on_shuffle = {
        let seed = seed.clone();
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            seed.set(Some(js_sys::Date::now() as u64));
            #[cfg(not(target_arch = "wasm32"))]
            seed.set(Some(1));
        })
    };
    let on_order = {
        let seed = seed.clone();
        Callback::from(move |_: MouseEvent| seed.set(None))
    };
    let on_export = {
        let progress = progress.clone();
        let loaded = loaded.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(pack) = loaded.as_ref() else { return };
            let notes = study_store::load_notes(pack).unwrap_or_default();
            study_store::download_backup(pack, &notes, &progress);
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
                    let notes_saved = notes.is_empty() || study_store::merge_notes(pack, notes);
                    let had_study = study.is_some();
                    if let Some(study) = study {
                        let mut next = (*progress).clone();
                        next.merge(pack, study);
                        progress.set(next);
                    }
                    format!(
                        "Imported: {}{}",
                        if had_study {
                            "study progress merged with yours"
                        } else {
                            "the file holds no study progress"
                        },
                        if notes_count == 0 {
                            ".".to_owned()
                        } else if notes_saved {
                            format!("; {notes_count} notes merged into the reader's.")
                        } else {
                            "; the notes could not be merged (the reader's saved notes are unreadable: open the reader to recover them).".to_owned()
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
        Callback::from(move |_: MouseEvent| {
            progress.set(Progress::default());
            confirm_reset.set(false);
            message.set(Some(
                "Your study progress was reset. Notes in the reader are unchanged.".to_owned(),
            ));
        })
    };
    let questions = draw(pack, topic.as_deref(), *seed);
    let answered = progress.questions.len();
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
            { for message.iter().map(|text| html! { <p class="notice" role="status">{ text.clone() }</p> }) }
            if let Some(raw) = (*unreadable).clone() {
                <KeptAsideDownload label="Download the unreadable progress"
                    file_name={format!("casebook-study-{}-unreadable.txt", pack.meta.id)} raw={raw} />
            }
            <StagedReveal progress={(*progress).clone()} restored={*restored} on_commit={on_commit} on_restart={on_restart} />
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
                            key={format!("{}-{}", question.id, *restored)}
                            question={question.clone()}
                            saved={progress.questions.get(&question.id).copied()}
                            on_answer={on_answer.clone()}
                        />
                    }) }
                </ol>
            </section>
            <Flashcards deck={progress.cards.clone()} today={*today} on_grade={on_grade} />
            <section class="study-progress" aria-labelledby="progress-heading">
                <h2 id="progress-heading">{ "Your progress" }</h2>
                <p class="muted" data-client-layout="">{
                    if *restored {
                        format!(
                            "{} of {} stages worked, {} of {} questions answered, {} flashcards reviewed. Kept on this device; save it to a file (with your notes from the reader) to keep it elsewhere.",
                            progress.reached(pack), pack.stages.len(), answered, pack.questions.len(), progress.cards.0.len()
                        )
                    } else {
                        "Kept on this device; save it to a file (with your notes from the reader) to keep it elsewhere.".to_owned()
                    }
                }</p>
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
    on_answer: Callback<(String, Option<usize>)>,
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
        let id = question.id.to_string();
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
                            let id = question.id.to_string();
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
