//! Flashcards: today's review, one card at a time: the prompt, then the fact with its
//! source, then the student's grade on SM-2's 0–5 scale. Which cards are due and the
//! schedule after a grade are the core's (`casebook_core::study::{cards, sm2}`).
//!
//! The section is marked `data-client-layout`: it depends on the device's clock and
//! storage, so after hydration it legitimately differs from the prerendered page.

use casebook_core::study::cards::{cards, queue, Deck, NEW_PER_DAY};
use casebook_core::study::sm2::GRADES;
use yew::prelude::*;

use crate::components::provenance::SourceNote;
use crate::pack::use_pack;

/// Properties of [`Flashcards`].
#[derive(Properties, PartialEq, Clone)]
pub struct FlashcardsProps {
    /// The student's schedules.
    pub deck: Deck,
    /// Today's day number; `None` until the page has read the device's clock and
    /// storage (after hydration), so the prerendered page shows no count.
    pub today: Option<i64>,
    /// A card graded: its id and the grade.
    pub on_grade: Callback<(String, u8)>,
}

/// Today's review.
#[component]
pub fn Flashcards(props: &FlashcardsProps) -> Html {
    let pack = use_pack();
    let shown = use_state(|| false);
    let pack = &*pack;
    let all = cards(pack);
    let intro = html! {
        <p class="muted">{ format!(
            "{} cards made from the case's teaching questions, the checklist's reasoning on this case's findings, the work-up and the glossary, each with its source on the back. They come back on the SM-2 spaced-repetition schedule: the better you recall a card, the longer until you see it again. Kept on this device; they work offline.",
            all.len()
        ) }</p>
    };
    let Some(today) = props.today else {
        return html! {
            <section class="flashcards" id={crate::route::element::FLASHCARDS} aria-labelledby="flashcards-heading" data-client-layout="">
                <h2 id="flashcards-heading">{ "Flashcards" }</h2>
                { intro }
                <p class="muted">{ "Today's cards appear once the page has loaded." }</p>
            </section>
        };
    };
    let today_queue = queue(&all, &props.deck, today, NEW_PER_DAY);
    let summary = format!(
        "Today: {} due for review, {} new.",
        today_queue.due.len(),
        today_queue.new.len()
    );
    let current = today_queue
        .all()
        .first()
        .and_then(|id| all.iter().find(|card| &card.id == id).cloned());
    let on_show = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(true))
    };
    html! {
        <section class="flashcards" id={crate::route::element::FLASHCARDS} aria-labelledby="flashcards-heading" data-client-layout="">
            <h2 id="flashcards-heading">{ "Flashcards" }</h2>
            { intro }
            <p class="due-summary" role="status">{ summary }</p>
            { match current {
                None => html! { <p class="notice">{ "Nothing is due today. Come back tomorrow." }</p> },
                Some(card) => {
                    let grades = GRADES.iter().map(|(grade, meaning)| {
                        let on_grade = props.on_grade.clone();
                        let shown = shown.clone();
                        let id = card.id.clone();
                        let grade = *grade;
                        html! {
                            <button type="button" class={classes!("button", "grade", if grade >= 3 { "secondary" } else { "secondary-warn" })}
                                onclick={Callback::from(move |_: MouseEvent| { shown.set(false); on_grade.emit((id.clone(), grade)); })}>
                                <span class="grade-number">{ grade }</span>{ " " }{ *meaning }
                            </button>
                        }
                    });
                    html! {
                        <div class="flashcard" data-card={card.id.clone()}>
                            <p class="flashcard-deck muted small">{ card.deck }</p>
                            <p class="flashcard-front">{ &card.front }</p>
                            if *shown {
                                <div class="flashcard-back">
                                    <p>{ &card.back }</p>
                                    <SourceNote provenance={card.provenance.clone()} open=true />
                                </div>
                                <fieldset class="grades">
                                    <legend>{ "How well did you recall it?" }</legend>
                                    <div class="grade-buttons">{ for grades }</div>
                                </fieldset>
                            } else {
                                <button type="button" class="button" onclick={on_show}>{ "Show the answer" }</button>
                            }
                        </div>
                    }
                }
            } }
        </section>
    }
}
