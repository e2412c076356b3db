//! The differential checklist's state as the user keeps it: the answers given and the
//! work-up items ticked. The same text (`a=…&t=…`) is kept on the device and carried by a
//! shared link, so a link reproduces exactly what its sender saw.
//!
//! A link is someone else's state: the view shows it as such and the user chooses whether
//! it replaces their own ([`LinkState`]); it is never written over their saved answers
//! unasked, and a link that cannot be read changes nothing.

use std::collections::BTreeSet;

use crate::differential::{decode_ticks, encode_ticks, Answers};
use crate::ids::ItemId;
use crate::model::CasePack;
use crate::saved::{Read, Saved};

/// The newest checklist format this build reads and writes. Format 1 has no version
/// field; a later one starts with `v=<n>&`.
pub const CHECKLIST_FORMAT: u32 = 1;

/// Answers and ticks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checklist {
    /// Answers to findings.
    pub answers: Answers,
    /// Ticked work-up and management items.
    pub ticks: BTreeSet<ItemId>,
}

impl Checklist {
    /// True when nothing is answered or ticked.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.ticks.is_empty()
    }

    /// Undoes a replacement (a reset, a loaded example, a link kept: `before` became
    /// `after`), applied to `self`, the checklist as stored now: what is still as the
    /// replacement left it returns to what it was before, and what changed since (here or
    /// in another tab) is kept, answers and ticks alike.
    pub fn undo_replacement(&self, before: &Checklist, after: &Checklist) -> Checklist {
        let items: BTreeSet<&ItemId> = self
            .ticks
            .iter()
            .chain(&before.ticks)
            .chain(&after.ticks)
            .collect();
        let ticks = items
            .into_iter()
            .filter(|item| {
                let now = self.ticks.contains(*item);
                if now == after.ticks.contains(*item) {
                    before.ticks.contains(*item)
                } else {
                    now
                }
            })
            .cloned()
            .collect();
        Checklist {
            answers: self
                .answers
                .undo_replacement(&before.answers, &after.answers),
            ticks,
        }
    }

    /// The state as a query string, `a=…&t=…`, for links and for storage.
    pub fn encode(&self) -> String {
        let ticks: Vec<ItemId> = self.ticks.iter().cloned().collect();
        format!("a={}&t={}", self.answers.encode(), encode_ticks(&ticks))
    }

    /// Reads the two values of a link (`a`, `t`): what fits this pack, and what does not,
    /// in words.
    pub fn from_parts(pack: &CasePack, answers: &str, ticks: &str) -> (Checklist, Vec<String>) {
        let (answers, mut problems) = Answers::decode(pack, answers);
        let (ticks, tick_problems) = decode_ticks(pack, ticks);
        problems.extend(tick_problems);
        let problems = crate::saved::cap_problems(problems);
        (
            Checklist {
                answers,
                ticks: ticks.into_iter().collect(),
            },
            problems,
        )
    }

    /// The format a stored or linked text says it is in (`v=<n>`; 1 when absent).
    fn format_of(text: &str) -> Option<u32> {
        match text.split('&').find_map(|part| part.strip_prefix("v=")) {
            None => Some(1),
            Some(number) => number.parse().ok(),
        }
    }

    /// Splits `a=…&t=…` into its two values.
    fn split(text: &str) -> (&str, &str) {
        let mut answers = "";
        let mut ticks = "";
        for part in text.split('&') {
            if let Some(value) = part.strip_prefix("a=") {
                answers = value;
            } else if let Some(value) = part.strip_prefix("t=") {
                ticks = value;
            }
        }
        (answers, ticks)
    }
}

impl Saved for Checklist {
    type Context = CasePack;
    const NAME: &'static str = "answers";

    fn read(text: &str, pack: &CasePack) -> Read<Checklist> {
        match Checklist::format_of(text) {
            Some(CHECKLIST_FORMAT) => {}
            Some(format) if format > CHECKLIST_FORMAT => return Read::Newer { format },
            _ => {
                return Read::Unreadable {
                    problems: vec!["the saved answers say no format this version knows".into()],
                }
            }
        }
        let (answers, ticks) = Checklist::split(text);
        let (checklist, lost) = Checklist::from_parts(pack, answers, ticks);
        if lost.is_empty() {
            Read::Whole(checklist)
        } else {
            Read::Salvaged {
                value: checklist,
                lost,
            }
        }
    }

    fn write(&self, _: &CasePack) -> String {
        self.encode()
    }
}

/// What a link to the checklist holds, beside what the user has saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// The link holds no state (or the same as the user's): nothing to decide.
    None,
    /// The link could not be read at all; nothing changes, and the reasons are given.
    Unreadable(Vec<String>),
    /// The link holds a state that differs from the user's. It is shown as the link's,
    /// and replaces theirs only if they choose. `problems` lists parts not understood.
    Shared {
        /// What the link holds (the parts this pack understands).
        state: Checklist,
        /// What was not understood.
        problems: Vec<String>,
    },
}

/// Reads a link's `v`, `a` and `t` against the user's saved state. A link of another
/// format (`v` other than this build's) is not read at all, as a stored value of a newer
/// format is not: its answers may mean something else.
pub fn read_link(
    pack: &CasePack,
    version: Option<&str>,
    answers: Option<&str>,
    ticks: Option<&str>,
    saved: &Checklist,
) -> LinkState {
    if answers.is_none() && ticks.is_none() {
        return LinkState::None;
    }
    if let Some(version) = version.filter(|v| *v != CHECKLIST_FORMAT.to_string()) {
        return LinkState::Unreadable(vec![match version.parse::<u32>() {
            Ok(newer) if newer > CHECKLIST_FORMAT => format!(
                "it was made by a newer version of Casebook (checklist format {newer}); reload the page to get it"
            ),
            _ => format!(
                "it names checklist format \"{}\", which this version does not read",
                crate::saved::shorten_quoted(version)
            ),
        }]);
    }
    let (state, problems) = Checklist::from_parts(pack, answers.unwrap_or(""), ticks.unwrap_or(""));
    if state.is_empty() && !problems.is_empty() {
        return LinkState::Unreadable(problems);
    }
    if &state == saved && problems.is_empty() {
        return LinkState::None;
    }
    LinkState::Shared { state, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::saved::plan_update;

    fn pack() -> CasePack {
        crate::seed_pack().expect("the seed validates")
    }

    #[test]
    fn a_saved_checklist_reads_back() {
        let pack = pack();
        let finding = pack.findings[0].id.clone();
        let mut checklist = Checklist::default();
        checklist
            .answers
            .set(finding, Some(crate::model::Answer::Yes));
        checklist.ticks.insert(pack.workup[0].id.clone());
        let text = checklist.encode();
        assert_eq!(Checklist::read(&text, &pack), Read::Whole(checklist));
    }

    #[test]
    fn undoing_a_replacement_keeps_what_changed_since() {
        use crate::model::Answer::{No, Yes};
        let pack = pack();
        let (fever, dyspnoea, cough) = (
            pack.findings[0].id.clone(),
            pack.findings[1].id.clone(),
            pack.findings[2].id.clone(),
        );
        let (first, second) = (pack.workup[0].id.clone(), pack.workup[1].id.clone());
        let mut before = Checklist::default();
        before.answers.set(fever.clone(), Some(No));
        before.answers.set(dyspnoea.clone(), Some(Yes));
        before.ticks.insert(first.clone());
        // A reset, then another tab answers a third finding, changes one the reset had
        // cleared, and ticks an item.
        let after = Checklist::default();
        let mut now = after.clone();
        now.answers.set(cough.clone(), Some(Yes));
        now.answers.set(dyspnoea.clone(), Some(No));
        now.ticks.insert(second.clone());
        let undone = now.undo_replacement(&before, &after);
        assert_eq!(undone.answers.get(&fever), Some(No), "put back");
        assert_eq!(
            undone.answers.get(&dyspnoea),
            Some(No),
            "the later answer is kept"
        );
        assert_eq!(
            undone.answers.get(&cough),
            Some(Yes),
            "the other tab's answer is kept"
        );
        assert!(undone.ticks.contains(&first) && undone.ticks.contains(&second));
        // With nothing changed since, an undo is the state before exactly.
        assert_eq!(after.undo_replacement(&before, &after), before);
    }

    #[test]
    fn a_newer_or_damaged_checklist_is_not_written_over_or_is_kept_aside() {
        let pack = pack();
        assert_eq!(
            Checklist::read("v=2&a=x:y", &pack),
            Read::Newer { format: 2 }
        );
        let plan = plan_update::<Checklist>(Some("a=nope:y"), &pack, |_| Ok(())).unwrap();
        assert_eq!(plan.keep_aside.as_deref(), Some("a=nope:y"));
        assert!(plan.lost[0].contains("nope"));
    }

    #[test]
    fn links_are_read_beside_the_saved_state() {
        let pack = pack();
        let saved = Checklist::default();
        assert_eq!(read_link(&pack, None, None, None, &saved), LinkState::None);
        assert!(matches!(
            read_link(&pack, None, Some("garbage"), None, &saved),
            LinkState::Unreadable(_)
        ));
        let finding = pack.findings[0].id.as_str();
        let link = format!("{finding}:y");
        let LinkState::Shared { state, problems } =
            read_link(&pack, None, Some(&link), None, &saved)
        else {
            panic!("a link with an answer is a shared state");
        };
        assert_eq!(state.answers.len(), 1);
        assert!(problems.is_empty());
        // The same state as saved: nothing to decide.
        assert_eq!(
            read_link(&pack, None, Some(&link), None, &state),
            LinkState::None
        );
        // A newer format's link is not read; nor is an odd one.
        for version in ["2", "x"] {
            assert!(matches!(
                read_link(&pack, Some(version), Some(&link), None, &saved),
                LinkState::Unreadable(_)
            ));
        }
        assert!(matches!(
            read_link(&pack, Some("1"), Some(&link), None, &saved),
            LinkState::Shared { .. }
        ));
        // A finding answered twice, differently, is not guessed at: left unanswered and
        // said; an unknown work-up item is said too.
        let other = pack.findings[1].id.as_str();
        let contradictory = format!("{finding}:y,{other}:n,{finding}:n,{finding}:y");
        let LinkState::Shared { state, problems } = read_link(
            &pack,
            None,
            Some(&contradictory),
            Some("nothing-such"),
            &saved,
        ) else {
            panic!("the readable part is shown as the link's");
        };
        assert_eq!(state.answers.len(), 1, "only the finding answered once");
        assert!(problems.iter().any(|p| p.contains("answered twice")));
        assert!(problems.iter().any(|p| p.contains("nothing-such")));
    }

    #[test]
    fn a_huge_link_gives_a_short_message() {
        let pack = pack();
        let link = "[a](,".repeat(50_000);
        let LinkState::Unreadable(problems) =
            read_link(&pack, None, Some(&link), None, &Checklist::default())
        else {
            panic!("unreadable");
        };
        let length: usize = problems.iter().map(String::len).sum();
        assert!(length < 2_000, "{length} bytes of message");
    }
}
