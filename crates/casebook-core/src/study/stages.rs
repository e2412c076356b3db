//! The staged reveal: the case in the order it became known, one stage at a time, and
//! the feedback on the student's ranking of the diagnoses at each stage.
//!
//! A stage's facts are the pack's timeline events (with their quotes); the findings it
//! makes known are the worked example's answers whose event lies in this stage or an
//! earlier one. The engine's ranking for a stage is [`crate::differential::assess`] on
//! exactly those answers, so the comparison is between the student and the same rules the
//! differential checklist uses, never a number the sources do not give.
//!
//! The student ranks the diagnoses they now consider likely (an ordered list: those left
//! out are the ones they set aside). Each diagnosis then gets a verdict with its reason:
//!
//! | engine says          | student kept it                   | student set it aside            |
//! |----------------------|-----------------------------------|---------------------------------|
//! | supported            | agrees (the facts that support it)| differs (the facts that support it) |
//! | possible             | open: not scored, nothing decides it yet | open: not scored      |
//! | less likely          | differs (the facts against it)    | agrees (the facts against it)   |
//! | ruled out            | differs (the fact that rules it out) | agrees (the fact that rules it out) |

use crate::differential::{assess, Answers, Assessment, Reason, Standing};
use crate::ids::{DiagnosisId, ItemId, StageId};
use crate::model::{CasePack, Event, Stage, WorkedAnswer, WorkupItem};

/// One stage as the student meets it.
#[derive(Clone, Debug, PartialEq)]
pub struct StageView<'p> {
    /// Position from 0.
    pub index: usize,
    /// The stage as the pack gives it.
    pub stage: &'p Stage,
    /// The events revealed at this stage, in the stage's order.
    pub events: Vec<&'p Event>,
    /// The worked example's answers made known at this stage.
    pub findings: Vec<&'p WorkedAnswer>,
    /// Every answer known by the end of this stage (this stage's and the earlier ones').
    pub answers: Answers,
    /// The work-up items the case report describes next.
    pub next_tests: Vec<&'p WorkupItem>,
}

/// The pack's stages, in order, each with its facts and the answers known by its end.
/// Ids that do not resolve are skipped (the validator reports them when the pack loads).
///
/// An event that lasts (a cough "until it resolved after four weeks") is revealed no
/// earlier than the first stage by which something at or after its end is known: its end,
/// its detail and its quote would otherwise tell the student how the case turned out.
/// The worked example's answers from such an event move with it.
pub fn stages(pack: &CasePack) -> Vec<StageView<'_>> {
    let revealed_at = reveal_stages(pack);
    let mut known = Answers::new();
    pack.stages
        .iter()
        .enumerate()
        .map(|(index, stage)| {
            // The stage's own events first, then those moved here from earlier stages.
            let moved_here = pack
                .stages
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != index)
                .flat_map(|(_, other)| &other.events);
            let events: Vec<&Event> = stage
                .events
                .iter()
                .chain(moved_here)
                .filter(|id| revealed_at.get(id.as_str()) == Some(&index))
                .filter_map(|id| pack.events.iter().find(|event| &event.id == id))
                .collect();
            let findings: Vec<&WorkedAnswer> = pack
                .worked_example
                .iter()
                .filter(|step| revealed_at.get(step.event.as_str()) == Some(&index))
                .collect();
            for step in &findings {
                known.set(step.finding.clone(), Some(step.answer));
            }
            let next_tests = stage
                .next_tests
                .iter()
                .filter_map(|id| pack.workup.iter().find(|item| &item.id == id))
                .collect();
            StageView {
                index,
                stage,
                events,
                findings,
                answers: known.clone(),
                next_tests,
            }
        })
        .collect()
}

/// The stage at which each staged event is revealed: its own, or later for an event
/// whose end lies beyond everything known by its own stage (see [`stages`]).
fn reveal_stages(pack: &CasePack) -> std::collections::HashMap<&str, usize> {
    let event = |id: &str| pack.events.iter().find(|event| event.id.as_str() == id);
    // The latest moment known by the end of each stage: the latest start of the events
    // the pack puts in it or before it.
    let mut latest = f64::NEG_INFINITY;
    let known_by: Vec<f64> = pack
        .stages
        .iter()
        .map(|stage| {
            for found in stage.events.iter().filter_map(|id| event(id.as_str())) {
                latest = latest.max(found.time.at.hours());
            }
            latest
        })
        .collect();
    let last = pack.stages.len().saturating_sub(1);
    let mut revealed = std::collections::HashMap::new();
    for (index, stage) in pack.stages.iter().enumerate() {
        for id in &stage.events {
            let end = event(id.as_str()).and_then(|found| found.time.until.as_ref());
            let at = match end {
                Some(end) => (index..pack.stages.len())
                    .find(|later| known_by[*later] >= end.hours())
                    .unwrap_or(last),
                None => index,
            };
            revealed.entry(id.as_str()).or_insert(at);
        }
    }
    revealed
}

/// The diagnoses in an order that gives nothing away (by name, A to Z), for the student
/// to choose from: the pack lists them with the case's own diagnosis first, which would
/// tell the answer before the first stage.
pub fn diagnoses_to_choose_from(pack: &CasePack) -> Vec<&crate::model::Diagnosis> {
    let mut all: Vec<_> = pack.diagnoses.iter().collect();
    all.sort_by_cached_key(|diagnosis| diagnosis.name.to_lowercase());
    all
}

/// How the student's view of one diagnosis compares with the engine's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// The student and the engine agree.
    Agrees,
    /// They differ.
    Differs,
    /// Not scored: the facts so far do not decide it either way.
    Open,
}

/// The verdict on one diagnosis, with its reason.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosisVerdict<'p> {
    /// The engine's assessment (diagnosis, standing, all reasons).
    pub assessment: Assessment<'p>,
    /// Where the student put it (1-based), or `None` if set aside.
    pub student_rank: Option<usize>,
    /// Agreement with the engine.
    pub agreement: Agreement,
    /// The sentence for the student.
    pub message: String,
    /// The findings behind the engine's standing that bear on the difference: each with
    /// the rule's rationale and the sentence that says so.
    pub reasons: Vec<Reason<'p>>,
}

/// What the student named as the next test, against what the case got.
#[derive(Clone, Debug, PartialEq)]
pub struct NextTestVerdict<'p> {
    /// The item the student named, if any.
    pub chosen: Option<&'p WorkupItem>,
    /// True when the case report describes the named test next.
    pub matches: bool,
    /// The sentence for the student.
    pub message: String,
    /// What the case report describes next (each with `in_this_case` and its source).
    pub actual: Vec<&'p WorkupItem>,
}

/// The feedback after the student commits a ranking at one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback<'p> {
    /// The engine's ranking for the facts known by the end of the stage.
    pub engine: Vec<Assessment<'p>>,
    /// One verdict per diagnosis: first those the student ranked (in their order), then
    /// the rest in the engine's order.
    pub verdicts: Vec<DiagnosisVerdict<'p>>,
    /// How many scored verdicts agree.
    pub agreed: usize,
    /// How many verdicts are scored (not [`Agreement::Open`]).
    pub scored: usize,
    /// A sentence on the first place: the student's first choice against the engine's.
    pub first_place: String,
    /// The next test, if the student named one or the case got one.
    pub next_test: NextTestVerdict<'p>,
}

/// Compares the student's `ranking` (most likely first; diagnoses left out are set aside)
/// and the test they would order next with the engine and the case, at `stage`.
/// Unknown or repeated ids in `ranking` are ignored.
pub fn feedback<'p>(
    pack: &'p CasePack,
    stage: &StageView<'p>,
    ranking: &[DiagnosisId],
    next_test: Option<&ItemId>,
) -> Feedback<'p> {
    let engine = assess(pack, &stage.answers);
    let mut ranked: Vec<&DiagnosisId> = Vec::new();
    for id in ranking {
        if !ranked.contains(&id) && engine.iter().any(|a| &a.diagnosis.id == id) {
            ranked.push(id);
        }
    }
    let rank_of = |id: &DiagnosisId| ranked.iter().position(|r| *r == id).map(|i| i + 1);
    let mut verdicts: Vec<DiagnosisVerdict<'p>> = engine
        .iter()
        .map(|assessment| verdict(assessment.clone(), rank_of(&assessment.diagnosis.id)))
        .collect();
    verdicts.sort_by_key(|v| v.student_rank.unwrap_or(usize::MAX));
    let scored = verdicts
        .iter()
        .filter(|v| v.agreement != Agreement::Open)
        .count();
    let agreed = verdicts
        .iter()
        .filter(|v| v.agreement == Agreement::Agrees)
        .count();
    let first_place = first_place(&engine, ranked.first().copied());
    let next_test = next_test_verdict(pack, stage, next_test);
    Feedback {
        engine,
        verdicts,
        agreed,
        scored,
        first_place,
        next_test,
    }
}

fn verdict(assessment: Assessment<'_>, student_rank: Option<usize>) -> DiagnosisVerdict<'_> {
    let kept = student_rank.is_some();
    let (agreement, message, reasons) = match (assessment.standing, kept) {
        (Standing::Supported, true) => (
            Agreement::Agrees,
            "You keep it; the facts so far support it.",
            assessment.supports.clone(),
        ),
        (Standing::Supported, false) => (
            Agreement::Differs,
            "You set it aside, but the facts so far support it.",
            assessment.supports.clone(),
        ),
        (Standing::Possible, true) => (
            Agreement::Open,
            "You keep it; nothing known so far tips it either way.",
            [assessment.supports.clone(), assessment.against.clone()].concat(),
        ),
        (Standing::Possible, false) => (
            Agreement::Open,
            "You set it aside; nothing known so far tips it either way.",
            [assessment.supports.clone(), assessment.against.clone()].concat(),
        ),
        (Standing::LessLikely, true) => (
            Agreement::Differs,
            "You keep it, but more facts so far weigh against it than support it.",
            assessment.against.clone(),
        ),
        (Standing::LessLikely, false) => (
            Agreement::Agrees,
            "You set it aside; more facts so far weigh against it than support it.",
            assessment.against.clone(),
        ),
        (Standing::RuledOut, true) => (
            Agreement::Differs,
            "You keep it, but a fact known by now rules it out.",
            assessment.rules_out.clone(),
        ),
        (Standing::RuledOut, false) => (
            Agreement::Agrees,
            "You set it aside; a fact known by now rules it out.",
            assessment.rules_out.clone(),
        ),
    };
    DiagnosisVerdict {
        assessment,
        student_rank,
        agreement,
        message: message.to_owned(),
        reasons,
    }
}

fn first_place(engine: &[Assessment<'_>], student_first: Option<&DiagnosisId>) -> String {
    let leaders: Vec<&Assessment<'_>> = engine
        .iter()
        .filter(|a| a.standing == Standing::Supported)
        .filter(|a| {
            engine
                .first()
                .is_some_and(|top| a.balance() == top.balance() && top.standing == a.standing)
        })
        .collect();
    let Some(first) = student_first else {
        return "You ranked none of the diagnoses as likely.".to_owned();
    };
    let name = engine
        .iter()
        .find(|a| &a.diagnosis.id == first)
        .map(|a| a.diagnosis.name.as_str())
        .unwrap_or_default();
    if leaders.is_empty() {
        return format!(
            "Your first choice is {name}. No diagnosis is supported by the facts so far, so the checklist has no first place yet."
        );
    }
    let names: Vec<&str> = leaders.iter().map(|a| a.diagnosis.name.as_str()).collect();
    if leaders.iter().any(|a| &a.diagnosis.id == first) {
        if leaders.len() == 1 {
            format!("Your first choice, {name}, is also the checklist's: the facts so far support it most.")
        } else {
            format!(
                "Your first choice, {name}, shares the checklist's first place with {}.",
                names
                    .iter()
                    .filter(|n| **n != name)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    } else {
        format!(
            "Your first choice is {name}; the facts so far support {} most.",
            names.join(" and ")
        )
    }
}

fn next_test_verdict<'p>(
    pack: &'p CasePack,
    stage: &StageView<'p>,
    chosen: Option<&ItemId>,
) -> NextTestVerdict<'p> {
    let chosen = chosen.and_then(|id| pack.workup.iter().find(|item| &item.id == id));
    let actual = stage.next_tests.clone();
    let matches = chosen.is_some_and(|item| actual.iter().any(|a| a.id == item.id));
    let actual_names = actual
        .iter()
        .map(|item| item.label.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    // "Next" follows the case report's account (the stage order), not a clock: the paper
    // gives no time for some tests.
    let message = match (chosen, actual.is_empty(), matches) {
        (None, true, _) => "The case report names no new test at this point.".to_owned(),
        (None, false, _) => format!("Next in the case report: {actual_names}."),
        (Some(item), true, _) => format!(
            "You would order {}. The case report names no new test at this point.",
            item.label
        ),
        (Some(item), false, true) => format!(
            "You would order {}, as the case report does next. Next in the case report: {actual_names}.",
            item.label
        ),
        (Some(item), false, false) => format!(
            "You would order {}; next in the case report: {actual_names}.",
            item.label
        ),
    };
    NextTestVerdict {
        chosen,
        matches,
        message,
        actual,
    }
}

/// The stage with this id, if any.
pub fn stage_index(pack: &CasePack, id: &StageId) -> Option<usize> {
    pack.stages.iter().position(|stage| &stage.id == id)
}
