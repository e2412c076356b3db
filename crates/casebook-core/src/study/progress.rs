//! The student's study progress: the staged reveal (the ranking and next test committed
//! at each stage), the questions answered, and the flashcard schedules. Kept on the device
//! as versioned JSON, exported and imported inside the notes file
//! ([`crate::notes::backup_json`]), checked against the pack when read: a damaged or
//! foreign file is refused with its reasons and nothing already saved changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{DiagnosisId, ItemId, QuestionId, StageId};
use crate::model::CasePack;
use crate::saved::{cap_problems, shorten_quoted, Read, Saved};
use crate::study::cards::{cards, Deck};
use crate::study::sm2::{Schedule, MAX_INTERVAL, MIN_EASINESS};

/// The version of the study format this build writes and reads.
pub const STUDY_FORMAT: u32 = 1;
/// What a study file says it is.
pub const STUDY_KIND: &str = "casebook-study";

/// What the student committed at one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageAttempt {
    /// The stage.
    pub stage: StageId,
    /// The diagnoses they considered likely, most likely first.
    pub ranking: Vec<DiagnosisId>,
    /// The test they would order next, if they named one.
    #[serde(default)]
    pub next_test: Option<ItemId>,
}

/// Everything saved of the student's study.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Committed stages, in the order of the stages.
    #[serde(default)]
    pub attempts: Vec<StageAttempt>,
    /// Questions answered: the option chosen (single best answer) or `None` when a short
    /// answer was revealed.
    #[serde(default)]
    pub questions: BTreeMap<QuestionId, Option<usize>>,
    /// Flashcard schedules by card id.
    #[serde(default)]
    pub cards: Deck,
}

/// One change the student makes to their progress: the study page's every action, applied
/// by [`Progress::apply`] to what is stored at the time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Commits (or recommits) the attempt at a stage.
    Commit(StageAttempt),
    /// Starts the staged reveal again (questions and cards are kept).
    Restart,
    /// Grades a flashcard (SM-2 quality 0–5) on `day`.
    Grade {
        /// The card's id.
        card: String,
        /// The SM-2 quality.
        grade: u8,
        /// Today, in days since the epoch.
        day: i64,
    },
    /// Answers a question: the option chosen, or `None` when a short answer is revealed.
    Answer {
        /// The question.
        question: QuestionId,
        /// The choice.
        choice: Option<usize>,
    },
    /// Forgets all study progress.
    Reset,
}

/// Days from 1970 a stored schedule may name (about 2,700 years either way): further is
/// not a date a student studied on, only a damaged or hostile file.
const DAY_RANGE: std::ops::RangeInclusive<i64> = -1_000_000..=1_000_000;

/// True when a schedule's E-Factor is within SM-2's range (and a sane upper bound), and
/// its interval, repetitions and days are ones a review could have made.
fn schedule_in_range(schedule: &Schedule) -> bool {
    (MIN_EASINESS..=1_000).contains(&schedule.easiness)
        && schedule.interval <= MAX_INTERVAL
        && schedule.repetitions <= 1_000_000
        && DAY_RANGE.contains(&schedule.due)
        && (schedule.last_review == i64::MIN || DAY_RANGE.contains(&schedule.last_review))
}

/// Parses a stored study file for `pack`: the progress as written (not yet checked
/// against the pack), or why it cannot be read, with the format when it is newer.
fn parse_file(text: &str, pack: &CasePack) -> Result<Progress, (Option<u32>, Vec<String>)> {
    let file: StudyFile = serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        (
            None,
            vec![format!(
                "This is not Casebook study progress (line {}, column {}: {}).",
                error.line(),
                error.column(),
                shorten_quoted(&message)
            )],
        )
    })?;
    let mut problems = Vec::new();
    if file.kind != STUDY_KIND {
        problems.push(format!(
            "The file says it is \"{}\", not \"{STUDY_KIND}\".",
            shorten_quoted(&file.kind)
        ));
    }
    if file.format != STUDY_FORMAT {
        problems.push(format!(
            "The progress is in study format {}; this version reads format {STUDY_FORMAT}.",
            file.format
        ));
    }
    if file.pack != pack.meta.id.as_str() {
        problems.push(format!(
            "The progress is for the case \"{}\", not for \"{}\".",
            shorten_quoted(&file.pack),
            pack.meta.id
        ));
    }
    if !problems.is_empty() {
        let newer = (file.format > STUDY_FORMAT).then_some(file.format);
        return Err((newer, problems));
    }
    Ok(Progress {
        attempts: file.attempts,
        questions: file.questions,
        cards: file.cards,
    })
}

/// True for the id of a card an earlier version made and this one no longer shows (a
/// timeline event's card, `event:<id>`, for an event the pack still has): its schedule is
/// kept as it was saved, not refused, so nothing the student did is lost.
fn is_retired_card(pack: &CasePack, id: &str) -> bool {
    id.strip_prefix("event:")
        .is_some_and(|event| pack.events.iter().any(|e| e.id.as_str() == event))
}

impl Saved for Progress {
    type Context = CasePack;
    const NAME: &'static str = "study progress";

    /// Reads stored progress, keeping what fits the pack (an edited pack may have lost a
    /// stage or a question) and saying what does not; progress from a newer version is
    /// left alone.
    fn read(text: &str, pack: &CasePack) -> Read<Progress> {
        match parse_file(text, pack) {
            Err((Some(format), _)) => Read::Newer { format },
            Err((None, problems)) => Read::Unreadable { problems },
            Ok(progress) => {
                let (kept, lost) = progress.salvage(pack);
                if lost.is_empty() {
                    Read::Whole(kept)
                } else {
                    Read::Salvaged { value: kept, lost }
                }
            }
        }
    }

    fn write(&self, pack: &CasePack) -> String {
        self.to_json(pack)
    }
}

/// The file kept in storage.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StudyFile {
    kind: String,
    format: u32,
    pack: String,
    #[serde(default)]
    attempts: Vec<StageAttempt>,
    #[serde(default)]
    questions: BTreeMap<QuestionId, Option<usize>>,
    #[serde(default)]
    cards: Deck,
}

impl Progress {
    /// True when nothing has been done yet.
    pub fn is_empty(&self) -> bool {
        self.attempts.is_empty() && self.questions.is_empty() && self.cards.0.is_empty()
    }

    /// The attempt committed at `stage`, if any.
    pub fn attempt(&self, stage: &StageId) -> Option<&StageAttempt> {
        self.attempts.iter().find(|a| &a.stage == stage)
    }

    /// Records (or replaces) the attempt at a stage, keeping the stages' order.
    pub fn commit(&mut self, pack: &CasePack, attempt: StageAttempt) {
        self.attempts.retain(|a| a.stage != attempt.stage);
        self.attempts.push(attempt);
        let order = |id: &StageId| pack.stages.iter().position(|s| &s.id == id);
        self.attempts.sort_by_key(|a| order(&a.stage));
    }

    /// Applies one change.
    pub fn apply(&mut self, pack: &CasePack, change: Change) {
        match change {
            Change::Commit(attempt) => self.commit(pack, attempt),
            Change::Restart => self.attempts.clear(),
            Change::Grade { card, grade, day } => {
                let schedule = self
                    .cards
                    .0
                    .get(&card)
                    .copied()
                    .unwrap_or_else(|| Schedule::new(day));
                self.cards
                    .0
                    .insert(card, crate::study::sm2::review(schedule, grade, day));
            }
            Change::Answer { question, choice } => {
                self.questions.insert(question, choice);
            }
            Change::Reset => *self = Progress::default(),
        }
    }

    /// How many stages are committed, from the first without a gap: where the student is.
    pub fn reached(&self, pack: &CasePack) -> usize {
        pack.stages
            .iter()
            .take_while(|stage| self.attempt(&stage.id).is_some())
            .count()
    }

    /// The progress as the JSON kept in storage.
    pub fn to_json(&self, pack: &CasePack) -> String {
        let file = StudyFile {
            kind: STUDY_KIND.to_owned(),
            format: STUDY_FORMAT,
            pack: pack.meta.id.to_string(),
            attempts: self.attempts.clone(),
            questions: self.questions.clone(),
            cards: self.cards.clone(),
        };
        serde_json::to_string_pretty(&file).expect("progress serialises to JSON")
    }

    /// Reads stored progress for `pack`; every problem is reported in words and nothing is
    /// returned on any problem, so the caller keeps the stored text aside.
    pub fn from_json(text: &str, pack: &CasePack) -> Result<Progress, Vec<String>> {
        let progress = parse_file(text, pack).map_err(|(_, problems)| problems)?;
        let problems = progress.problems(pack);
        if problems.is_empty() {
            Ok(progress)
        } else {
            Err(cap_problems(problems))
        }
    }

    /// The part of this progress that fits `pack` (an edited pack may have lost a stage, a
    /// question or a card), with what was dropped in words.
    pub fn salvage(self, pack: &CasePack) -> (Progress, Vec<String>) {
        let mut lost = Vec::new();
        let mut known_cards: std::collections::HashSet<String> =
            cards(pack).into_iter().map(|card| card.id).collect();
        known_cards.extend(
            self.cards
                .0
                .keys()
                .filter(|id| is_retired_card(pack, id))
                .cloned(),
        );
        let mut kept = Progress::default();
        for mut attempt in self.attempts {
            if !pack.stages.iter().any(|s| s.id == attempt.stage) {
                lost.push(format!(
                    "The case has no stage \"{}\" now; what was committed there is not shown.",
                    shorten_quoted(attempt.stage.as_str())
                ));
                continue;
            }
            let before = attempt.ranking.len();
            attempt
                .ranking
                .retain(|id| pack.diagnoses.iter().any(|d| &d.id == id));
            if attempt.ranking.len() < before {
                lost.push(format!(
                    "Stage \"{}\": {} ranked diagnoses are no longer in the case.",
                    attempt.stage,
                    before - attempt.ranking.len()
                ));
            }
            if let Some(test) = &attempt.next_test {
                if !pack.workup.iter().any(|w| &w.id == test) {
                    lost.push(format!(
                        "Stage \"{}\": the test \"{}\" is no longer in the case.",
                        attempt.stage,
                        shorten_quoted(test.as_str())
                    ));
                    attempt.next_test = None;
                }
            }
            kept.commit(pack, attempt);
        }
        for (id, choice) in self.questions {
            match pack.questions.iter().find(|q| q.id == id) {
                Some(question) if choice.is_none_or(|c| c < question.options.len()) => {
                    kept.questions.insert(id, choice);
                }
                _ => lost.push(format!(
                    "The answer to question \"{}\" no longer fits the case.",
                    shorten_quoted(id.as_str())
                )),
            }
        }
        for (id, schedule) in self.cards.0 {
            if known_cards.contains(&id) && schedule_in_range(&schedule) {
                kept.cards.0.insert(id, schedule);
            } else {
                lost.push(format!(
                    "The schedule of flashcard \"{}\" no longer fits the case.",
                    shorten_quoted(&id)
                ));
            }
        }
        (kept, cap_problems(lost))
    }

    /// What in this progress does not fit `pack`, in words (empty when it all fits).
    pub fn problems(&self, pack: &CasePack) -> Vec<String> {
        let mut problems = Vec::new();
        for attempt in &self.attempts {
            if !pack.stages.iter().any(|s| s.id == attempt.stage) {
                problems.push(format!("The case has no stage \"{}\".", attempt.stage));
            }
            for id in &attempt.ranking {
                if !pack.diagnoses.iter().any(|d| &d.id == id) {
                    problems.push(format!(
                        "Stage \"{}\": the case has no diagnosis \"{id}\".",
                        attempt.stage
                    ));
                }
            }
            if let Some(test) = &attempt.next_test {
                if !pack.workup.iter().any(|w| &w.id == test) {
                    problems.push(format!(
                        "Stage \"{}\": the case has no work-up item \"{test}\".",
                        attempt.stage
                    ));
                }
            }
        }
        for (id, choice) in &self.questions {
            match pack.questions.iter().find(|q| &q.id == id) {
                None => problems.push(format!("The case has no question \"{id}\".")),
                Some(question) => {
                    if let Some(choice) = choice {
                        if *choice >= question.options.len() {
                            problems.push(format!("Question \"{id}\" has no option {choice}."));
                        }
                    }
                }
            }
        }
        let known = cards(pack);
        for (id, schedule) in &self.cards.0 {
            if !known.iter().any(|card| &card.id == id) && !is_retired_card(pack, id) {
                problems.push(format!("The case has no flashcard \"{id}\"."));
            }
            if !schedule_in_range(schedule) {
                problems.push(format!(
                    "Flashcard \"{id}\": its schedule (E-Factor {}, interval {} days, {} repetitions) is not one a review could make.",
                    schedule.easiness_factor(),
                    schedule.interval,
                    schedule.repetitions
                ));
            }
        }
        problems
    }

    /// Merges imported progress: stages and questions the import has replace these, and a
    /// card keeps whichever schedule was reviewed last. Returns nothing: nothing is lost
    /// that the import does not hold newer.
    pub fn merge(&mut self, pack: &CasePack, imported: Progress) {
        for attempt in imported.attempts {
            self.commit(pack, attempt);
        }
        self.questions.extend(imported.questions);
        for (id, schedule) in imported.cards.0 {
            let keep_ours = self
                .cards
                .0
                .get(&id)
                .is_some_and(|ours| ours.last_review > schedule.last_review);
            if !keep_ours {
                self.cards.0.insert(id, schedule);
            }
        }
    }
}
