//! The differential view's state: answers, ticked items, and the worked example's step.
//! Actions are plain data; the reasoning itself is the core's (`casebook_core::differential`).

use std::collections::BTreeSet;
use std::rc::Rc;

use casebook_core::differential::{decode_ticks, encode_ticks, Answers};
use casebook_core::{Answer, CasePack, FindingId, ItemId};
use yew::Reducible;

/// What the user has entered.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DifferentialState {
    /// Answers to findings.
    pub answers: Answers,
    /// Ticked work-up and management items.
    pub ticks: BTreeSet<ItemId>,
    /// The worked example's current step, when stepping through it.
    pub step: Option<usize>,
    /// True once saved state has been restored (so an empty first render is not saved
    /// over what the user had).
    pub restored: bool,
    /// Something the user should know about restoring (e.g. parts of a link not used).
    pub notice: Option<String>,
}

/// Everything that can change the state.
pub enum Action {
    /// Answer (or clear) a finding.
    Answer(FindingId, Option<Answer>),
    /// Replace all answers (the worked example), leaving step-through mode.
    LoadAnswers(Answers),
    /// Show step `index` of the worked example with its answers so far.
    Step(usize, Answers),
    /// Leave step-through mode, keeping the answers.
    EndSteps,
    /// Clear answers and ticks.
    Reset,
    /// Tick or untick an item.
    Tick(ItemId, bool),
    /// Restore saved or linked state.
    Restore {
        answers: Answers,
        ticks: BTreeSet<ItemId>,
        notice: Option<String>,
    },
}

impl Reducible for DifferentialState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Answer(finding, answer) => {
                next.answers.set(finding, answer);
                next.step = None;
            }
            Action::LoadAnswers(answers) => {
                next.answers = answers;
                next.step = None;
            }
            Action::Step(index, answers) => {
                next.answers = answers;
                next.step = Some(index);
            }
            Action::EndSteps => next.step = None,
            Action::Reset => {
                next.answers = Answers::new();
                next.ticks.clear();
                next.step = None;
                next.notice = None;
            }
            Action::Tick(item, ticked) => {
                if ticked {
                    next.ticks.insert(item);
                } else {
                    next.ticks.remove(&item);
                }
            }
            Action::Restore {
                answers,
                ticks,
                notice,
            } => {
                next.answers = answers;
                next.ticks = ticks;
                next.notice = notice;
                next.restored = true;
            }
        }
        Rc::new(next)
    }
}

/// The state as a query string (`a=...&t=...`), for links and for storage.
pub fn encode(state: &DifferentialState) -> String {
    let ticks: Vec<ItemId> = state.ticks.iter().cloned().collect();
    format!("a={}&t={}", state.answers.encode(), encode_ticks(&ticks))
}

/// Reads `a` (answers) and `t` (ticks) back, with anything not understood reported.
pub fn decode(
    pack: &CasePack,
    answers: &str,
    ticks: &str,
) -> (Answers, BTreeSet<ItemId>, Vec<String>) {
    let (answers, problems) = Answers::decode(pack, answers);
    let ticks = decode_ticks(pack, ticks).into_iter().collect();
    (answers, ticks, problems)
}

/// Splits `a=...&t=...` into its two values.
pub fn split_saved(saved: &str) -> (String, String) {
    let mut answers = String::new();
    let mut ticks = String::new();
    for part in saved.split('&') {
        if let Some(value) = part.strip_prefix("a=") {
            answers = value.to_owned();
        } else if let Some(value) = part.strip_prefix("t=") {
            ticks = value.to_owned();
        }
    }
    (answers, ticks)
}
