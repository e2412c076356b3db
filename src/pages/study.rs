//! `/study`: study questions from the case pack, by topic or shuffled, each answer revealed
//! with its explanation and the sentence it rests on. Drawing and judging are the core's
//! (`casebook_core::study`). The staged reveal and spaced-repetition flashcards are not
//! built yet, and the page says so.

use casebook_core::study::{draw, judge, topics};
use casebook_core::{Question, QuestionKind};
use yew::prelude::*;

use crate::components::planned::Planned;
use crate::components::provenance::SourceNote;
use crate::pack::use_pack;
use crate::pages::overview::PackFailed;

/// The study view.
#[component]
pub fn Study() -> Html {
    let pack = use_pack();
    let topic = use_state(|| None::<String>);
    let seed = use_state(|| None::<u64>);
    let pack = match pack.as_ref() {
        Ok(pack) => pack,
        Err(errors) => return html! { <PackFailed errors={errors.to_string()} /> },
    };
    let on_topic = {
        let topic = topic.clone();
        Callback::from(move |event: Event| {
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::JsCast;
                if let Some(select) = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                {
                    let value = select.value();
                    topic.set((!value.is_empty()).then_some(value));
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&topic, event);
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
    let questions = draw(pack, topic.as_deref(), *seed);
    html! {
        <article class="page study">
            <h1>{ "Study" }</h1>
            <p class="lede">{ "Test yourself on the case: each answer comes with its reason and the sentence it rests on." }</p>
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
                        <QuestionCard key={question.id.to_string()} question={question.clone()} />
                    }) }
                </ol>
            </section>
            <Planned>
                <p>{ "The case revealed stage by stage (ranking the diagnoses at each step against the checklist's ranking) and spaced-repetition flashcards are not built yet." }</p>
            </Planned>
        </article>
    }
}

/// Properties of [`QuestionCard`].
#[derive(Properties, PartialEq, Clone)]
struct QuestionCardProps {
    question: Question,
}

/// One question: options to choose from (or a box to write in), then the answer with its
/// reason and source.
#[component]
fn QuestionCard(props: &QuestionCardProps) -> Html {
    let question = &props.question;
    let choice = use_state(|| None::<usize>);
    let revealed = use_state(|| false);
    let name = format!("answer-{}", question.id);
    let on_reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_: MouseEvent| revealed.set(true))
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
                            html! {
                                <label class="answer-option">
                                    <input type="radio" name={name.clone()} checked={*choice == Some(index)}
                                        onchange={Callback::from(move |_| { choice.set(Some(index)); revealed.set(true); })} />
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
