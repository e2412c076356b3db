//! Flashcards generated from the pack's teaching content: a question on the front, the
//! answer with its quote on the back. Nothing is written for the cards: each one is a
//! teaching question of the pack, a step of the checklist's reasoning on this case's
//! findings, a work-up item or a glossary entry, with the provenance the pack already
//! checked. A bare timeline event makes no card: "what happened, and when?" asks for
//! recall of a date, not of anything a clinician uses (the timeline itself shows them).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::CasePack;
use crate::provenance::Provenance;
use crate::study::sm2::Schedule;

/// One flashcard.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Stable id: `question:<id>`, `reason:<finding>:<diagnosis>`, `workup:<id>` or
    /// `term:<id>`.
    pub id: String,
    /// What kind of fact, for the student ("Question", "Reasoning", "Work-up", "Glossary").
    pub deck: &'static str,
    /// The prompt.
    pub front: String,
    /// The answer.
    pub back: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Every card of the pack: its teaching questions, then the reasoning on the case's own
/// findings, then the work-up, then the glossary.
pub fn cards(pack: &CasePack) -> Vec<Card> {
    let mut out = Vec::new();
    for question in &pack.questions {
        let mut back = question.answer.clone();
        if !question.explanation.trim().is_empty() {
            back.push(' ');
            back.push_str(&question.explanation);
        }
        out.push(Card {
            id: format!("question:{}", question.id),
            deck: "Question",
            front: question.prompt.clone(),
            back,
            provenance: question.provenance.clone(),
        });
    }
    // What each of the case's findings did to each diagnosis, by the checklist's rules:
    // the reasoning the case teaches, one step per card.
    for answered in &pack.worked_example {
        let Some(finding) = pack.finding(answered.finding.as_str()) else {
            continue;
        };
        for rule in pack
            .rules
            .iter()
            .filter(|rule| rule.finding == answered.finding && rule.answer == answered.answer)
        {
            let Some(diagnosis) = pack.diagnosis(rule.diagnosis.as_str()) else {
                continue;
            };
            out.push(Card {
                id: format!("reason:{}:{}", rule.finding, rule.diagnosis),
                deck: "Reasoning",
                front: format!(
                    "{} In this case: {}. What does that say about {}?",
                    finding.question,
                    answered.answer.label(),
                    diagnosis.name
                ),
                back: format!(
                    "On the checklist it {} {}. {}",
                    rule.effect.label(),
                    diagnosis.name,
                    rule.rationale
                ),
                provenance: rule.provenance.clone(),
            });
        }
    }
    for item in pack
        .workup
        .iter()
        .filter(|item| item.kind == crate::model::WorkupKind::Workup)
    {
        let mut back = item.why.clone();
        if let Some(here) = &item.in_this_case {
            back.push_str(" In this case: ");
            back.push_str(here);
        }
        out.push(Card {
            id: format!("workup:{}", item.id),
            deck: "Work-up",
            front: format!("{}: why, and what did this case show?", item.label),
            back,
            provenance: item.provenance.clone(),
        });
    }
    for entry in &pack.glossary {
        out.push(Card {
            id: format!("term:{}", entry.id),
            deck: "Glossary",
            front: format!("What is meant by “{}”?", entry.term),
            back: entry.definition.clone(),
            provenance: entry.provenance.clone(),
        });
    }
    out
}

/// The student's schedules, by card id. A card not in here has never been reviewed and is
/// new; the app offers new cards up to a daily number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Deck(pub BTreeMap<String, Schedule>);

/// What to review today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Queue {
    /// Cards seen before and due today (ids, most overdue first).
    pub due: Vec<String>,
    /// Cards never seen, offered today (ids, pack order), up to the daily number.
    pub new: Vec<String>,
}

impl Queue {
    /// Due and new together, due first: the order of today's review.
    pub fn all(&self) -> Vec<String> {
        self.due.iter().chain(&self.new).cloned().collect()
    }

    /// How many cards today's review holds.
    pub fn len(&self) -> usize {
        self.due.len() + self.new.len()
    }

    /// True when nothing is to be reviewed today.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// New cards introduced per day, as flashcard apps commonly default to (Anki: 20).
pub const NEW_PER_DAY: usize = 20;

/// Today's review for `cards` given `deck`: due cards (most overdue first) and up to
/// `new_per_day` new cards minus those already introduced today.
pub fn queue(cards: &[Card], deck: &Deck, today: i64, new_per_day: usize) -> Queue {
    let mut due: Vec<(&String, &Schedule)> = deck
        .0
        .iter()
        .filter(|(id, schedule)| schedule.is_due(today) && cards.iter().any(|card| &&card.id == id))
        .collect();
    due.sort_by_key(|(id, schedule)| (schedule.due, (*id).clone()));
    let introduced_today = deck
        .0
        .values()
        .filter(|s| s.last_review == today && s.repetitions <= 1)
        .count();
    let new = cards
        .iter()
        .filter(|card| !deck.0.contains_key(&card.id))
        .take(new_per_day.saturating_sub(introduced_today))
        .map(|card| card.id.clone())
        .collect();
    Queue {
        due: due.into_iter().map(|(id, _)| id.clone()).collect(),
        new,
    }
}
