//! The study page's own state, apart from the saved progress (kept by the storage
//! module, changed only by the core's `progress::Change`): the topic and order of the
//! questions, today's date once known on the device, what the last action said, and
//! whether a reset waits for confirmation.

use std::rc::Rc;

use yew::prelude::*;

/// The study page's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StudyState {
    /// The topic the questions are filtered to (all topics when `None`).
    pub topic: Option<String>,
    /// The shuffle's seed (the case's order when `None`).
    pub seed: Option<u64>,
    /// Today, in days since the epoch: known only on the device, after hydration, so the
    /// prerendered page and the first render agree.
    pub today: Option<i64>,
    /// What the last action said.
    pub message: Option<String>,
    /// Why the last change was not saved.
    pub error: Option<String>,
    /// True while "Reset study progress" waits for its confirmation.
    pub confirm_reset: bool,
}

/// A change to the study page's state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Filters the questions to a topic (or shows all with `None`).
    Topic(Option<String>),
    /// Shuffles the questions with this seed.
    Shuffle(u64),
    /// Puts the questions back in the case's order.
    CaseOrder,
    /// Today is known.
    Today(i64),
    /// A change was saved.
    Saved,
    /// A change was not saved: why.
    Failed(String),
    /// Something to say (an import's outcome).
    Say(String),
    /// Asks to confirm a reset.
    AskReset,
    /// The reset is not wanted.
    CancelReset,
    /// The progress was reset (or could not be: why).
    ResetDone(Result<(), String>),
}

impl Reducible for StudyState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Topic(topic) => next.topic = topic,
            Action::Shuffle(seed) => next.seed = Some(seed),
            Action::CaseOrder => next.seed = None,
            Action::Today(day) => next.today = Some(day),
            Action::Saved => next.error = None,
            Action::Failed(reason) => next.error = Some(reason),
            Action::Say(text) => next.message = Some(text),
            Action::AskReset => next.confirm_reset = true,
            Action::CancelReset => next.confirm_reset = false,
            Action::ResetDone(outcome) => {
                next.confirm_reset = false;
                match outcome {
                    Ok(()) => {
                        next.message = Some(
                            "Your study progress was reset. Notes in the reader are unchanged."
                                .to_owned(),
                        );
                    }
                    Err(reason) => next.error = Some(reason),
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(actions: Vec<Action>) -> StudyState {
        actions
            .into_iter()
            .fold(Rc::new(StudyState::default()), |state, action| {
                state.reduce(action)
            })
            .as_ref()
            .clone()
    }

    #[test]
    fn topic_and_order_are_chosen_and_undone() {
        let state = apply(vec![
            Action::Topic(Some("Imaging".to_owned())),
            Action::Shuffle(7),
        ]);
        assert_eq!(state.topic.as_deref(), Some("Imaging"));
        assert_eq!(state.seed, Some(7));
        let state = apply(vec![
            Action::Shuffle(7),
            Action::CaseOrder,
            Action::Topic(None),
        ]);
        assert_eq!((state.topic, state.seed), (None, None));
    }

    #[test]
    fn a_reset_waits_for_confirmation_and_says_what_happened() {
        let state = apply(vec![Action::AskReset]);
        assert!(state.confirm_reset);
        let state = apply(vec![Action::AskReset, Action::CancelReset]);
        assert!(!state.confirm_reset);
        assert_eq!(state.message, None, "nothing was reset");
        let state = apply(vec![Action::AskReset, Action::ResetDone(Ok(()))]);
        assert!(!state.confirm_reset);
        assert!(state
            .message
            .unwrap()
            .contains("Notes in the reader are unchanged"));
        let state = apply(vec![
            Action::AskReset,
            Action::ResetDone(Err("Not saved: full".to_owned())),
        ]);
        assert_eq!(state.error.as_deref(), Some("Not saved: full"));
    }

    #[test]
    fn a_save_clears_the_last_error() {
        let state = apply(vec![Action::Failed("full".to_owned()), Action::Saved]);
        assert_eq!(state.error, None);
        let state = apply(vec![
            Action::Today(20_000),
            Action::Say("Imported".to_owned()),
        ]);
        assert_eq!(
            (state.today, state.message.as_deref()),
            (Some(20_000), Some("Imported"))
        );
    }
}
