//! `/study`: the case revealed stage by stage, with questions and flashcards.

use yew::prelude::*;

use crate::components::planned::Planned;
use crate::pack::use_pack;

/// The study view.
#[component]
pub fn Study() -> Html {
    let pack = use_pack();
    let questions = pack
        .as_ref()
        .as_ref()
        .map(|pack| pack.questions.len())
        .unwrap_or(0);
    html! {
        <article class="page">
            <h1>{ "Study" }</h1>
            <p class="lede">{ "Meet the case as its clinicians did, one piece of information at a time, and commit to a differential before the answer is known." }</p>
            <Planned>
                <p>{ format!("The case pack already holds {questions} study questions with answers and source sentences. Staged reveal, feedback and spaced-repetition flashcards will follow.") }</p>
            </Planned>
        </article>
    }
}
