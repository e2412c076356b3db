//! "What would settle it": the unanswered findings the engine ranks highest.

use yew::prelude::*;

use crate::route;

/// One suggestion, owned for rendering.
#[derive(Clone, PartialEq, Debug)]
pub struct Suggestion {
    /// The finding's id.
    pub finding_id: casebook_core::FindingId,
    /// Its question.
    pub question: String,
    /// (diagnosis name, what each answer would do to it, in the core's words).
    pub shifts: Vec<(String, String)>,
}

/// Properties of [`NextQuestions`].
#[derive(Properties, PartialEq, Clone)]
pub struct NextQuestionsProps {
    /// The suggestions, best first.
    pub suggestions: Vec<Suggestion>,
}

/// The list; each entry links to its finding.
#[component]
pub fn NextQuestions(props: &NextQuestionsProps) -> Html {
    html! {
        <section class="next-questions" aria-labelledby="next-heading">
            <h2 id="next-heading">{ "What would settle it" }</h2>
            if props.suggestions.is_empty() {
                <p>{ "No unanswered finding would change any diagnosis still open." }</p>
            } else {
                <p class="muted">{ "Unanswered findings, ranked by how many open diagnoses a yes and a no would set apart." }</p>
                <ol>
                    { for props.suggestions.iter().map(|suggestion| html! {
                        <li>
                            <a href={format!("#{}", route::element::finding(&suggestion.finding_id))}>{ &suggestion.question }</a>
                            <ul class="shifts">
                                { for suggestion.shifts.iter().map(|(name, words)| html! {
                                    <li>{ format!("{name}, {words}.") }</li>
                                }) }
                            </ul>
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
