//! Flashcards generated from the pack's facts: a prompt on the front, the fact with its
//! quote on the back. Nothing is written for the cards: each one is a timeline event, a
//! glossary entry or a work-up item, with the provenance the pack already checked.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::CasePack;
use crate::provenance::Provenance;
use crate::study::sm2::Schedule;

/// One flashcard.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Stable id: `event:<id>`, `term:<id>` or `workup:<id>`.
    pub id: String,
    /// What kind of fact, for the student ("Timeline", "Glossary", "Work-up").
    pub deck: &'static str,
    /// The prompt.
    pub front: String,
    /// The fact.
    pub back: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Every card of the pack: the timeline in order, then the work-up, then the glossary.
pub fn cards(pack: &CasePack) -> Vec<Card> {
    let anchor = pack.anchor.label.as_str();
    let mut out = Vec::new();
    for event in &pack.events {
        out.push(Card {
            id: format!("event:{}", event.id),
            deck: "Timeline",
            front: format!("{}: what happened, and when?", event.label),
            back: format!(
                "{} {}",
                capitalise(&event.time.spoken(anchor)),
                event.detail
            ),
            provenance: event.provenance.clone(),
        });
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

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => {
            let mut out: String = first.to_uppercase().collect();
            out.push_str(chars.as_str());
            if !out.ends_with('.') {
                out.push('.');
            }
            out
        }
        None => String::new(),
    }
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
