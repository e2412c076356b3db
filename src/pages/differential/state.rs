//! The differential view's own state, beside the user's saved answers (which the storage
//! module keeps, `crate::storage`): the worked example's step (shown, never saved over the
//! user's answers), a shared link's state (shown as the link's until the user chooses to
//! keep it), the answers a load or reset replaced (to put back), and what to tell the
//! user. Actions are plain data; the reasoning itself is the core's
//! (`casebook_core::differential`).

use std::rc::Rc;

use casebook_core::checklist::Checklist;
use casebook_core::differential::Answers;
use casebook_core::{Answer, FindingId, ItemId};
use yew::Reducible;

/// Whose answers the view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// The user's own, saved on the device.
    Own,
    /// The worked example's, at a step of the step-through.
    Step,
    /// A shared link's.
    Shared,
}

/// Answers a load or a reset replaced, to put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    /// What replaced them, e.g. "The published case was loaded".
    pub what: String,
    /// The user's answers and ticks before.
    pub previous: Checklist,
    /// What replaced them: an undo puts back only what is still as it left it.
    pub replaced_by: Checklist,
}

/// The view's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DifferentialState {
    /// The worked example's current step and its answers so far, when stepping through.
    pub step: Option<(usize, Answers)>,
    /// A link's state, shown instead of the user's own until they choose.
    pub shared: Option<Checklist>,
    /// Something the user should know (parts of a link not understood, a choice made).
    pub notice: Option<String>,
    /// Why the last save failed, shown where the user is.
    pub error: Option<String>,
    /// What the last load or reset replaced.
    pub undo: Option<Undo>,
}

impl DifferentialState {
    /// Whose answers are shown.
    pub fn shown(&self) -> Shown {
        match (&self.step, &self.shared) {
            (Some(_), _) => Shown::Step,
            (None, Some(_)) => Shown::Shared,
            (None, None) => Shown::Own,
        }
    }

    /// The answers and ticks shown, given the user's own.
    pub fn checklist(&self, own: &Checklist) -> Checklist {
        match (&self.step, &self.shared) {
            (Some((_, answers)), _) => Checklist {
                answers: answers.clone(),
                ticks: own.ticks.clone(),
            },
            (None, Some(shared)) => shared.clone(),
            (None, None) => own.clone(),
        }
    }
}

/// Everything that can change the view's state.
pub enum Action {
    /// Show step `index` of the worked example with its answers so far.
    Step(usize, Answers),
    /// Leave step-through mode: the user's own answers show again.
    EndSteps,
    /// Show a link's state (`None`: back to the user's own).
    Shared(Option<Checklist>),
    /// Answer (or clear) a finding of the shared state being shown.
    AnswerShared(FindingId, Option<Answer>),
    /// Tick or untick an item of the shared state being shown.
    TickShared(ItemId, bool),
    /// Something to tell the user, or nothing.
    Notice(Option<String>),
    /// A save failed (or, with `None`, the last one worked).
    Error(Option<String>),
    /// Answers a load or reset replaced (or, with `None`, nothing to put back).
    Undo(Option<Undo>),
}

impl Reducible for DifferentialState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Step(index, answers) => next.step = Some((index, answers)),
            Action::EndSteps => next.step = None,
            Action::Shared(shared) => next.shared = shared,
            Action::AnswerShared(finding, answer) => {
                if let Some(shared) = &mut next.shared {
                    shared.answers.set(finding, answer);
                }
            }
            Action::TickShared(item, ticked) => {
                if let Some(shared) = &mut next.shared {
                    if ticked {
                        shared.ticks.insert(item);
                    } else {
                        shared.ticks.remove(&item);
                    }
                }
            }
            Action::Notice(notice) => next.notice = notice,
            Action::Error(error) => next.error = error,
            Action::Undo(undo) => next.undo = undo,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An id read from text, as the core reads one from a file.
    fn id<T: serde::de::DeserializeOwned>(text: &str) -> T {
        serde_json::from_value(serde_json::Value::from(text)).expect("an id reads from text")
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        let mut answers = Answers::new();
        for (name, answer) in pairs {
            answers.set(id(name), Some(*answer));
        }
        answers
    }

    #[test]
    fn the_view_shows_a_step_over_a_link_over_the_users_own() {
        let own = Checklist {
            answers: answers(&[("a", Answer::Yes)]),
            ticks: [id::<ItemId>("t")].into_iter().collect(),
        };
        let state = Rc::new(DifferentialState::default());
        assert_eq!(state.shown(), Shown::Own);
        assert_eq!(state.checklist(&own), own);
        let linked = Checklist {
            answers: answers(&[("b", Answer::No)]),
            ..Default::default()
        };
        let state = state.reduce(Action::Shared(Some(linked.clone())));
        assert_eq!(state.shown(), Shown::Shared);
        assert_eq!(state.checklist(&own), linked);
        let state = state.reduce(Action::Step(0, answers(&[("c", Answer::Yes)])));
        assert_eq!(state.shown(), Shown::Step);
        // A step shows the case's answers with the user's own ticks.
        assert_eq!(state.checklist(&own).ticks, own.ticks);
        let state = state.reduce(Action::EndSteps);
        assert_eq!(state.shown(), Shown::Shared);
    }

    #[test]
    fn editing_a_shared_state_changes_only_it() {
        let state = Rc::new(DifferentialState::default());
        // Nothing shared: an edit of the shared state does nothing.
        let state = state.reduce(Action::AnswerShared(
            id::<FindingId>("a"),
            Some(Answer::Yes),
        ));
        assert_eq!(state.shared, None);
        let state = state.reduce(Action::Shared(Some(Checklist::default())));
        let state = state.reduce(Action::AnswerShared(
            id::<FindingId>("a"),
            Some(Answer::Yes),
        ));
        let state = state.reduce(Action::TickShared(id::<ItemId>("t"), true));
        let shared = state.shared.clone().unwrap();
        assert_eq!(shared.answers.len(), 1);
        assert_eq!(shared.ticks.len(), 1);
        let state = state.reduce(Action::Shared(None));
        assert_eq!(state.shown(), Shown::Own);
    }

    #[test]
    fn notices_errors_and_undo_are_set_and_cleared() {
        let state = Rc::new(DifferentialState::default());
        let state = state.reduce(Action::Error(Some("full".into())));
        assert_eq!(state.error.as_deref(), Some("full"));
        let state = state.reduce(Action::Undo(Some(Undo {
            what: "loaded".into(),
            previous: Checklist::default(),
            replaced_by: Checklist::default(),
        })));
        assert!(state.undo.is_some());
        let state = state
            .reduce(Action::Error(None))
            .reduce(Action::Undo(None))
            .reduce(Action::Notice(Some("n".into())));
        assert_eq!(state.error, None);
        assert_eq!(state.undo, None);
        assert_eq!(state.notice.as_deref(), Some("n"));
    }
}
