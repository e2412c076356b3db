//! The reader's own state, apart from what is saved (the notes, kept by the storage
//! module): the panel open beside a paragraph, the highlighted quote, the selected
//! sentence and its bar, the note being edited, and what the last action said. Every
//! change is an [`Action`], so the page's callbacks only dispatch and the rules (a bar
//! pinned after an action stays when the selection goes; a second tap closes a panel)
//! are tested natively.

use std::rc::Rc;

use casebook_core::TermId;
use yew::prelude::*;

/// What is open beside a paragraph: a citation's references or a term's definition.
#[derive(Clone, Debug, PartialEq)]
pub enum Popover {
    /// The references a citation names, beside paragraph `block`.
    Citation {
        /// The paragraph.
        block: usize,
        /// The reference numbers.
        numbers: Vec<u32>,
    },
    /// A glossary term's definition, beside paragraph `block`.
    Term {
        /// The paragraph.
        block: usize,
        /// The term.
        term: TermId,
    },
}

impl Popover {
    /// The paragraph it opens beside.
    pub fn block(&self) -> usize {
        match self {
            Popover::Citation { block, .. } | Popover::Term { block, .. } => *block,
        }
    }
}

/// The reader's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReaderState {
    /// The panel open beside a paragraph.
    pub popover: Option<Popover>,
    /// The highlighted quote: its anchor and its words.
    pub highlight: Option<(String, String)>,
    /// The sentence the selection bar acts on.
    pub selected: Option<String>,
    /// True after an action on the selected sentence: marking it re-renders its text,
    /// which drops the browser's selection, and the bar should stay until closed or
    /// until another sentence is selected.
    pub pinned: bool,
    /// The sentence being edited, with its note as it was when the editor opened (so an
    /// edit made meanwhile in another tab is kept beside this one, not lost).
    pub editing: Option<(String, String)>,
    /// What the last action said.
    pub message: Option<String>,
    /// Why the last save failed, said where the user is.
    pub error: Option<String>,
    /// Why the note in the editor was not saved (the editor stays open with the text).
    pub problem: Option<String>,
}

/// A change to the reader's state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A tap on a citation or term: opens its panel, or closes it when already open.
    Toggle(Popover),
    /// Focus on a citation or term: opens its panel.
    Open(Popover),
    /// Closes the panel.
    Close,
    /// Highlights a quote (`None` clears the highlight).
    Highlight(Option<(String, String)>),
    /// The browser's selection changed: the sentence it is in, if any.
    SelectionChanged(Option<String>),
    /// The selected sentence was acted on (bookmarked): the bar stays.
    Pin,
    /// The bar and the editor are closed.
    Dismiss,
    /// The editor opens on a sentence with its note as stored now.
    StartEdit {
        /// The sentence.
        sentence: String,
        /// Its note as stored now.
        base: String,
    },
    /// The note in the editor was saved, with what to say.
    EditSaved(String),
    /// The note in the editor was not saved: why.
    EditRefused(String),
    /// A save outside the editor worked; says `Some(text)` or nothing.
    Saved(Option<String>),
    /// A save outside the editor failed: why.
    Failed(String),
    /// Something to say (an import's outcome).
    Say(String),
}

impl Reducible for ReaderState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Toggle(popover) => {
                next.popover = (next.popover.as_ref() != Some(&popover)).then_some(popover);
            }
            Action::Open(popover) => next.popover = Some(popover),
            Action::Close => next.popover = None,
            Action::Highlight(highlight) => next.highlight = highlight,
            Action::SelectionChanged(Some(sentence)) => {
                next.pinned = false;
                next.selected = Some(sentence);
            }
            Action::SelectionChanged(None) => {
                if !next.pinned {
                    next.selected = None;
                }
            }
            Action::Pin => next.pinned = true,
            Action::Dismiss => {
                next.pinned = false;
                next.editing = None;
                next.selected = None;
            }
            Action::StartEdit { sentence, base } => {
                next.problem = None;
                next.editing = Some((sentence, base));
                next.selected = None;
            }
            Action::EditSaved(text) => {
                next.editing = None;
                next.error = None;
                next.message = Some(text);
            }
            Action::EditRefused(reason) => next.problem = Some(reason),
            Action::Saved(text) => {
                next.error = None;
                next.message = text;
            }
            Action::Failed(reason) => next.error = Some(reason),
            Action::Say(text) => next.message = Some(text),
        }
        Rc::new(next)
    }
}

impl ReaderState {
    /// The note as it was when the editor opened (empty when nothing is being edited).
    pub fn edit_base(&self) -> String {
        self.editing
            .as_ref()
            .map(|(_, base)| base.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(block: usize) -> Popover {
        let pack = casebook_core::seed_pack().expect("the seed pack validates");
        Popover::Term {
            block,
            term: pack.glossary[0].id.clone(),
        }
    }

    fn apply(state: ReaderState, actions: Vec<Action>) -> ReaderState {
        actions
            .into_iter()
            .fold(Rc::new(state), |state, action| state.reduce(action))
            .as_ref()
            .clone()
    }

    #[test]
    fn a_second_tap_closes_a_panel_and_focus_only_opens() {
        let state = apply(ReaderState::default(), vec![Action::Toggle(term(1))]);
        assert_eq!(state.popover, Some(term(1)));
        let state = apply(state, vec![Action::Toggle(term(2))]);
        assert_eq!(state.popover, Some(term(2)), "another term replaces it");
        let state = apply(state, vec![Action::Toggle(term(2))]);
        assert_eq!(state.popover, None);
        let state = apply(state, vec![Action::Open(term(3)), Action::Open(term(3))]);
        assert_eq!(state.popover, Some(term(3)));
        assert_eq!(apply(state, vec![Action::Close]).popover, None);
    }

    #[test]
    fn a_pinned_bar_outlives_the_selection_until_another_sentence_is_chosen() {
        let select = |s: &str| Action::SelectionChanged(Some(s.to_owned()));
        let state = apply(
            ReaderState::default(),
            vec![select("One."), Action::SelectionChanged(None)],
        );
        assert_eq!(
            state.selected, None,
            "unpinned, the bar goes with the selection"
        );
        let state = apply(
            state,
            vec![select("One."), Action::Pin, Action::SelectionChanged(None)],
        );
        assert_eq!(state.selected.as_deref(), Some("One."), "pinned, it stays");
        let state = apply(state, vec![select("Two."), Action::SelectionChanged(None)]);
        assert_eq!(state.selected, None, "a new selection unpins it");
        let state = apply(state, vec![select("Three."), Action::Pin, Action::Dismiss]);
        assert_eq!((state.selected, state.pinned), (None, false));
    }

    #[test]
    fn the_editor_keeps_its_base_and_stays_open_when_a_save_is_refused() {
        let state = apply(
            ReaderState {
                selected: Some("One.".to_owned()),
                problem: Some("old".to_owned()),
                ..Default::default()
            },
            vec![Action::StartEdit {
                sentence: "One.".to_owned(),
                base: "before".to_owned(),
            }],
        );
        assert_eq!(state.edit_base(), "before");
        assert_eq!(
            (state.selected.clone(), state.problem.clone()),
            (None, None)
        );
        let state = apply(state, vec![Action::EditRefused("full".to_owned())]);
        assert!(state.editing.is_some(), "nothing typed is lost");
        assert_eq!(state.problem.as_deref(), Some("full"));
        let state = apply(
            state,
            vec![
                Action::Failed("x".to_owned()),
                Action::EditSaved("Saved.".to_owned()),
            ],
        );
        assert_eq!(state.editing, None);
        assert_eq!(state.error, None);
        assert_eq!(state.message.as_deref(), Some("Saved."));
        assert_eq!(state.edit_base(), "");
    }

    #[test]
    fn a_save_clears_the_error_and_says_what_it_did() {
        let state = apply(
            ReaderState::default(),
            vec![Action::Failed("full".to_owned())],
        );
        assert_eq!(state.error.as_deref(), Some("full"));
        let state = apply(state, vec![Action::Saved(None)]);
        assert_eq!((state.error, state.message), (None, None));
    }
}
