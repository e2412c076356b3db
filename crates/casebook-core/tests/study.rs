//! Study mode: the stage order and what each stage reveals, the feedback on a ranking, the
//! SM-2 scheduler against the algorithm's published figures, flashcards, and the saved
//! progress (versioned, checked, migrated from the notes format 1).

mod common;
use common::id;

use casebook_core::differential::{assess, worked_example_answers, Standing};
use casebook_core::notes::{backup_json, read_backup, Notes};
use casebook_core::study::cards::{cards, queue, Deck, NEW_PER_DAY};
use casebook_core::study::progress::{Progress, StageAttempt};
use casebook_core::study::sm2::{easiness_change, review, Schedule, MIN_EASINESS};
use casebook_core::study::stages::{feedback, stages, Agreement};
use casebook_core::{seed_pack, CasePack, DiagnosisId, ItemId, StageId};

fn pack() -> CasePack {
    seed_pack().expect("the seed pack loads")
}

#[test]
fn the_case_is_revealed_as_its_clinicians_met_it() {
    let pack = pack();
    let views = stages(&pack);
    let ids: Vec<&str> = views.iter().map(|v| v.stage.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "symptoms",
            "history",
            "premedication",
            "day-1",
            "second-infusion",
            "examination",
            "blood-tests",
            "imaging",
            "bronchoscopy",
            "course",
            "follow-up"
        ],
        "the presenting complaint first, then the history as the clinicians took it (issue #19), then the examination and tests"
    );
    // Every event is revealed exactly once.
    let mut revealed: Vec<&str> = views
        .iter()
        .flat_map(|v| v.events.iter().map(|e| e.id.as_str()))
        .collect();
    assert_eq!(revealed.len(), pack.events.len());
    revealed.sort();
    revealed.dedup();
    assert_eq!(revealed.len(), pack.events.len());
    // Answers accumulate, and by the end they are the worked example's.
    let mut previous = 0;
    for view in &views {
        assert!(view.answers.len() >= previous);
        assert_eq!(view.answers.len() - previous, view.findings.len());
        previous = view.answers.len();
    }
    assert_eq!(
        views.last().unwrap().answers,
        worked_example_answers(&pack),
        "the last stage knows everything the worked example knows"
    );
    // The presenting complaint already bears on the differential; the history before
    // the infusions does not.
    assert!(!views[0].findings.is_empty());
    assert!(views[1].findings.is_empty());
    let day1: Vec<&str> = views[3]
        .findings
        .iter()
        .map(|f| f.finding.as_str())
        .collect();
    assert_eq!(day1, ["first-infusion-reaction", "infusion-hypotension"]);
}

#[test]
fn no_stage_tells_how_a_lasting_event_ended_before_that_end_is_reached() {
    // In every stage, nothing revealed ends later than the latest moment the stages up
    // to it have shown.
    let check = |pack: &CasePack| {
        let mut latest = f64::NEG_INFINITY;
        for view in stages(pack) {
            for event in &view.events {
                latest = latest.max(event.time.at.hours());
            }
            for event in &view.events {
                if let Some(end) = &event.time.until {
                    assert!(
                        end.hours() <= latest || view.index + 1 == pack.stages.len(),
                        "stage {} reveals how `{}` ended",
                        view.stage.id,
                        event.id
                    );
                }
            }
        }
    };
    let pack = pack();
    check(&pack);
    // A pack that lists a lasting event with its start: it is revealed once its end is
    // reached, with the worked example's answers from it.
    let mut early = pack.clone();
    let lasting = early
        .events
        .iter()
        .find(|event| {
            event
                .time
                .until
                .as_ref()
                .is_some_and(|end| end.hours() > 24.0 * 7.0)
                && event.time.at.hours() >= 0.0
        })
        .expect("the seed has a lasting event after the anchor")
        .id
        .clone();
    for stage in &mut early.stages {
        stage.events.retain(|id| *id != lasting);
    }
    early.stages[0].events.push(lasting.clone());
    check(&early);
    let views = stages(&early);
    assert!(!views[0].events.iter().any(|event| event.id == lasting));
    let revealed = views
        .iter()
        .filter(|view| view.events.iter().any(|event| event.id == lasting))
        .count();
    assert_eq!(revealed, 1, "revealed once, later");
}

#[test]
fn the_engine_ranking_at_each_stage_is_the_checklists_on_the_same_facts() {
    let pack = pack();
    for view in stages(&pack) {
        let engine = feedback(&pack, &view, &[], None).engine;
        assert_eq!(engine, assess(&pack, &view.answers));
    }
    // With nothing known every diagnosis is possible and nothing is scored (no pack
    // stage is empty of findings now, so the engine is asked on no answers directly).
    let views = stages(&pack);
    let mut nothing_known = views[0].clone();
    nothing_known.answers = Default::default();
    let unknown = feedback(&pack, &nothing_known, &[], None);
    assert!(unknown
        .engine
        .iter()
        .all(|a| a.standing == Standing::Possible));
    assert_eq!(unknown.scored, 0, "nothing is scored when nothing is known");
}

#[test]
fn a_ranking_gets_a_verdict_per_diagnosis_each_with_its_reason() {
    let pack = pack();
    let views = stages(&pack);
    let blood = views
        .iter()
        .find(|v| v.stage.id.as_str() == "blood-tests")
        .unwrap();
    // The student keeps anti-GBM disease first and drops drug-induced DAH.
    let ranking: Vec<DiagnosisId> = ["anti-gbm", "pulmonary-embolism"]
        .into_iter()
        .map(id::<DiagnosisId>)
        .collect();
    let result = feedback(
        &pack,
        blood,
        &ranking,
        Some(&id::<ItemId>("ct-angiography")),
    );
    let verdict = |id: &str| {
        result
            .verdicts
            .iter()
            .find(|v| v.assessment.diagnosis.id.as_str() == id)
            .unwrap()
    };
    let anti_gbm = verdict("anti-gbm");
    assert_eq!(anti_gbm.student_rank, Some(1));
    assert_eq!(anti_gbm.agreement, Agreement::Differs);
    assert!(anti_gbm.message.contains("weigh against it"));
    assert!(
        anti_gbm
            .reasons
            .iter()
            .any(|r| r.finding.id.as_str() == "anti-gbm-positive"
                || r.rule.provenance.quote.contains("anti-GBM")),
        "the serology that weighs against it is named with its sentence: {:?}",
        anti_gbm
            .reasons
            .iter()
            .map(|r| r.finding.id.as_str())
            .collect::<Vec<_>>()
    );
    let dah = verdict("dah");
    assert_eq!(dah.student_rank, None);
    assert_eq!(dah.agreement, Agreement::Differs);
    assert!(
        !dah.reasons.is_empty(),
        "the facts that support DAH are named"
    );
    assert!(dah
        .reasons
        .iter()
        .all(|r| !r.rule.provenance.quote.is_empty()));
    // Every scored verdict has a reason; open ones are not scored.
    for v in &result.verdicts {
        if v.agreement != Agreement::Open {
            assert!(
                !v.reasons.is_empty(),
                "{} has no reason",
                v.assessment.diagnosis.id
            );
        }
    }
    assert_eq!(
        result.scored,
        result
            .verdicts
            .iter()
            .filter(|v| v.agreement != Agreement::Open)
            .count()
    );
    assert!(result.agreed < result.scored);
    // The student's ranked diagnoses come first, in their order.
    assert_eq!(
        result.verdicts[0].assessment.diagnosis.id.as_str(),
        "anti-gbm"
    );
    assert_eq!(
        result.verdicts[1].assessment.diagnosis.id.as_str(),
        "pulmonary-embolism"
    );
    assert!(result.first_place.contains("Anti-GBM disease"));
    assert!(result
        .first_place
        .contains("Drug-induced diffuse alveolar haemorrhage"));
    // The case report describes CT angiography next.
    assert!(result.next_test.matches);
    assert!(result
        .next_test
        .message
        .contains("as the case report does next"));
    // Agreeing with the engine at the last stage scores full marks.
    let last = views.last().unwrap();
    let engine_likely: Vec<DiagnosisId> = assess(&pack, &last.answers)
        .iter()
        .filter(|a| matches!(a.standing, Standing::Supported | Standing::Possible))
        .map(|a| a.diagnosis.id.clone())
        .collect();
    let agreeing = feedback(&pack, last, &engine_likely, None);
    assert_eq!(agreeing.agreed, agreeing.scored);
    assert!(agreeing.first_place.contains("also the checklist's"));
    assert_eq!(
        agreeing.next_test.message,
        "The case report names no new test at this point."
    );
}

#[test]
fn sm2_easiness_changes_by_the_published_formula() {
    // EF' = EF + (0.1 − (5−q)(0.08 + (5−q)0.02)), in hundredths.
    let published = [(5, 10), (4, 0), (3, -14), (2, -32), (1, -54), (0, -80)];
    for (quality, change) in published {
        assert_eq!(easiness_change(quality), change, "q = {quality}");
    }
}

/// Reviews a new card on consecutive due days with the same grade; returns the intervals.
fn intervals(grade: u8, reviews: usize) -> (Vec<u32>, Schedule) {
    let mut schedule = Schedule::new(0);
    let mut out = Vec::new();
    for _ in 0..reviews {
        schedule = review(schedule, grade, schedule.due);
        out.push(schedule.interval);
    }
    (out, schedule)
}

#[test]
fn sm2_intervals_follow_i1_1_i2_6_then_times_ef_rounded_up() {
    // EF stays 2.5 at q = 4: the well-known 1, 6, 15, 38, 95 (6 × 2.5 = 15,
    // 15 × 2.5 = 37.5 → 38, 38 × 2.5 = 95).
    let (seq, schedule) = intervals(4, 5);
    assert_eq!(seq, [1, 6, 15, 38, 95]);
    assert_eq!(schedule.easiness, 250);
    assert_eq!(schedule.due, 1 + 6 + 15 + 38 + 95);
    // q = 5 raises EF by 0.1 each time: 2.6, 2.7, 2.8, 2.9; 6 × 2.8 = 16.8 → 17,
    // 17 × 2.9 = 49.3 → 50.
    let (seq, schedule) = intervals(5, 4);
    assert_eq!(seq, [1, 6, 17, 50]);
    assert_eq!(schedule.easiness, 290);
    // q = 3 lowers EF by 0.14 each time: 2.36, 2.22, 2.08; 6 × 2.08 = 12.48 → 13.
    let (seq, schedule) = intervals(3, 3);
    assert_eq!(seq, [1, 6, 13]);
    assert_eq!(schedule.easiness, 208);
}

#[test]
fn sm2_never_lets_ef_fall_below_1_3() {
    let (_, schedule) = intervals(3, 12);
    assert_eq!(schedule.easiness, MIN_EASINESS);
}

#[test]
fn sm2_arithmetic_never_wraps_whatever_the_schedule() {
    let extreme = Schedule {
        repetitions: u32::MAX,
        interval: u32::MAX,
        easiness: 1_000,
        due: i64::MAX,
        last_review: 0,
        again_today: false,
    };
    let next = review(extreme, 5, i64::MAX - 1);
    assert_eq!(next.repetitions, u32::MAX);
    assert_eq!(next.interval, casebook_core::study::sm2::MAX_INTERVAL);
    assert_eq!(next.due, i64::MAX);
}

#[test]
fn sm2_a_grade_below_3_restarts_repetitions_and_keeps_ef() {
    let (_, learned) = intervals(4, 3);
    assert_eq!(learned.interval, 15);
    let failed = review(learned, 2, learned.due);
    assert_eq!(failed.repetitions, 1);
    assert_eq!(failed.interval, 1);
    assert_eq!(failed.easiness, learned.easiness, "EF unchanged below 3");
    // Rule 6: graded below 4, it is repeated the same day until it scores 4 or more,
    // and those repeats do not move the schedule.
    assert!(failed.is_due(learned.due));
    let drilled = review(failed, 3, learned.due);
    assert!(drilled.is_due(learned.due));
    assert_eq!(drilled.interval, 1);
    let done = review(drilled, 4, learned.due);
    assert!(!done.is_due(learned.due));
    assert!(done.is_due(learned.due + 1));
    // Then it climbs again from I(2) = 6.
    let next = review(done, 4, learned.due + 1);
    assert_eq!(next.interval, 6);
}

#[test]
fn flashcards_come_from_the_packs_facts_with_their_quotes() {
    let pack = pack();
    let all = cards(&pack);
    let workups = pack
        .workup
        .iter()
        .filter(|w| w.kind == casebook_core::WorkupKind::Workup)
        .count();
    let reasoning = all.iter().filter(|c| c.deck == "Reasoning").count();
    assert!(
        reasoning > 5,
        "the case's reasoning makes cards: {reasoning}"
    );
    assert_eq!(
        all.len(),
        pack.questions.len() + reasoning + workups + pack.glossary.len()
    );
    assert!(
        all.iter().all(|c| !c.id.starts_with("event:")),
        "a bare event asks only for a date"
    );
    // Each reasoning card is a rule the case's own answer triggers, with that rule's quote.
    for card in all.iter().filter(|c| c.deck == "Reasoning") {
        let rule = pack
            .rules
            .iter()
            .find(|rule| {
                card.id == format!("reason:{}:{}", rule.finding, rule.diagnosis)
                    && pack
                        .worked_example
                        .iter()
                        .any(|step| step.finding == rule.finding && step.answer == rule.answer)
            })
            .expect("a reasoning card is a rule the case's answer triggers");
        assert_eq!(card.provenance, rule.provenance);
        assert!(card.back.contains(rule.effect.label()) && card.back.contains(&rule.rationale));
    }
    let mut ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "card ids are unique");
    for card in &all {
        assert!(!card.front.is_empty() && !card.back.is_empty());
        assert!(!card.provenance.quote.trim().is_empty());
    }
    let question = &pack.questions[0];
    let card = all
        .iter()
        .find(|c| c.id == format!("question:{}", question.id))
        .unwrap();
    assert_eq!(card.front, question.prompt);
    assert!(card.back.starts_with(&question.answer));
}

#[test]
fn todays_queue_offers_due_cards_then_new_ones_up_to_the_daily_number() {
    let pack = pack();
    let all = cards(&pack);
    let mut deck = Deck::default();
    let first = queue(&all, &deck, 100, NEW_PER_DAY);
    assert!(first.due.is_empty());
    assert_eq!(first.new.len(), NEW_PER_DAY.min(all.len()));
    // Two cards reviewed: one perfect (due tomorrow), one forgotten (again today).
    deck.0
        .insert(first.new[0].clone(), review(Schedule::new(100), 5, 100));
    deck.0
        .insert(first.new[1].clone(), review(Schedule::new(100), 1, 100));
    let later = queue(&all, &deck, 100, NEW_PER_DAY);
    assert_eq!(later.due, [first.new[1].clone()]);
    assert_eq!(later.new.len(), NEW_PER_DAY - 2);
    let tomorrow = queue(&all, &deck, 101, NEW_PER_DAY);
    assert_eq!(tomorrow.due.len(), 2);
    assert_eq!(tomorrow.new.len(), NEW_PER_DAY);
}

fn some_progress(pack: &CasePack) -> Progress {
    let mut progress = Progress::default();
    progress.commit(
        pack,
        StageAttempt {
            stage: id::<StageId>("symptoms"),
            ranking: vec![id::<DiagnosisId>("dah")],
            next_test: None,
        },
    );
    progress.commit(
        pack,
        StageAttempt {
            stage: id::<StageId>("premedication"),
            ranking: vec![id::<DiagnosisId>("crs")],
            next_test: None,
        },
    );
    progress.commit(
        pack,
        StageAttempt {
            stage: id::<StageId>("history"),
            ranking: vec![],
            next_test: Some(id::<ItemId>("timing")),
        },
    );
    progress
        .questions
        .insert(id::<casebook_core::QuestionId>("q-onset"), Some(1));
    progress
        .cards
        .0
        .insert("event:haemoptysis".into(), review(Schedule::new(5), 4, 5));
    // A card of the kind earlier versions made (a timeline event's), no longer shown: its
    // schedule is kept as saved, never refused (the round trip below reads it back).
    assert!(cards(pack)
        .iter()
        .all(|card| !card.id.starts_with("event:")));
    progress
}

#[test]
fn progress_round_trips_and_keeps_the_stage_order() {
    let pack = pack();
    let progress = some_progress(&pack);
    assert_eq!(progress.attempts[0].stage.as_str(), "symptoms");
    assert_eq!(progress.attempts[1].stage.as_str(), "history");
    assert_eq!(progress.reached(&pack), 3);
    let text = progress.to_json(&pack);
    assert_eq!(Progress::from_json(&text, &pack).unwrap(), progress);
}

/// The study file `text` with `field` of every flashcard's schedule set to `value`.
fn with_schedules(text: &str, field: &str, value: serde_json::Value) -> String {
    let mut file: serde_json::Value = serde_json::from_str(text).unwrap();
    for schedule in file["cards"].as_object_mut().unwrap().values_mut() {
        schedule[field] = value.clone();
    }
    file.to_string()
}

#[test]
fn damaged_or_foreign_progress_is_refused_with_reasons() {
    let pack = pack();
    let text = some_progress(&pack).to_json(&pack);
    for (damage, expected) in [
        (
            text[..text.len() / 2].to_owned(),
            "not Casebook study progress",
        ),
        (
            text.replace("\"premedication\"", "\"prodrome\""),
            "no stage \"prodrome\"",
        ),
        (
            text.replace("\"crs\"", "\"lupus\""),
            "no diagnosis \"lupus\"",
        ),
        (
            text.replace("\"q-onset\"", "\"q-none\""),
            "no question \"q-none\"",
        ),
        (
            text.replace("event:haemoptysis", "event:nothing"),
            "no flashcard",
        ),
        (
            text.replace("\"easiness\": 250", "\"easiness\": 20"),
            "not one a review could make",
        ),
        (
            with_schedules(&text, "interval", serde_json::json!(u32::MAX)),
            "not one a review could make",
        ),
        (
            with_schedules(&text, "due", serde_json::json!(i64::MIN)),
            "not one a review could make",
        ),
        (
            text.replace("\"format\": 1", "\"format\": 9"),
            "study format 9",
        ),
        (
            text.replace("alemtuzumab-dah", "other-case"),
            "for the case \"other-case\"",
        ),
        ("[]".to_owned(), "not Casebook study progress"),
    ] {
        let problems = Progress::from_json(&damage, &pack).unwrap_err();
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected}: {problems:?}"
        );
    }
}

#[test]
fn the_notes_file_carries_the_progress_and_format_1_still_imports() {
    let pack = pack();
    let progress = some_progress(&pack);
    let mut notes = Notes::default();
    let sentence = "Blood pressure and heart rate were normal during the alemtuzumab infusion.";
    notes.toggle_bookmark(sentence);
    let file = backup_json(&pack, &notes, Some(&progress));
    assert!(file.contains("\"format\": 2"));
    let (read_notes, read_progress) = read_backup(&file, &pack).unwrap();
    assert_eq!(read_notes, notes);
    assert_eq!(read_progress, Some(progress.clone()));
    // A format 1 file (notes only, as written before study progress existed) migrates.
    let old = notes
        .to_json(&pack)
        .replace("\"format\": 2", "\"format\": 1");
    let (migrated, none) = read_backup(&old, &pack).unwrap();
    assert_eq!(migrated, notes);
    assert_eq!(none, None);
    // A format 1 file cannot carry progress; a future format is refused.
    let forged = file.replace("\"format\": 2", "\"format\": 1");
    assert!(read_backup(&forged, &pack).is_err());
    let future = file.replace("\"format\": 2", "\"format\": 3");
    assert!(read_backup(&future, &pack).unwrap_err()[0].contains("formats 1 to 2"));
    // Progress that does not fit the case is refused inside the notes file too.
    let wrong = file.replace("\"crs\"", "\"lupus\"");
    assert!(read_backup(&wrong, &pack).is_err());
}

#[test]
fn imported_progress_merges_keeping_the_latest_review_of_each_card() {
    let pack = pack();
    let mut ours = some_progress(&pack);
    let mut theirs = Progress::default();
    theirs
        .cards
        .0
        .insert("event:haemoptysis".into(), review(Schedule::new(1), 5, 1));
    theirs
        .cards
        .0
        .insert("term:dah".into(), review(Schedule::new(9), 5, 9));
    ours.merge(&pack, theirs);
    assert_eq!(
        ours.cards.0["event:haemoptysis"].last_review, 5,
        "ours is newer"
    );
    assert!(ours.cards.0.contains_key("term:dah"));
    assert_eq!(ours.attempts.len(), 3);
}

#[test]
fn each_change_the_student_makes_is_applied_to_the_progress() {
    use casebook_core::study::progress::Change;
    let pack = pack();
    let mut progress = Progress::default();
    let stages: Vec<_> = pack.stages.iter().map(|stage| stage.id.clone()).collect();
    // Committed out of order, kept in the stages' order; a recommit replaces.
    for stage in [&stages[1], &stages[0], &stages[1]] {
        progress.apply(
            &pack,
            Change::Commit(StageAttempt {
                stage: stage.clone(),
                ranking: vec![],
                next_test: None,
            }),
        );
    }
    let order: Vec<_> = progress.attempts.iter().map(|a| a.stage.clone()).collect();
    assert_eq!(order, stages[..2].to_vec());
    assert_eq!(progress.reached(&pack), 2);
    let question = pack.questions[0].id.clone();
    progress.apply(
        &pack,
        Change::Answer {
            question: question.clone(),
            choice: Some(1),
        },
    );
    assert_eq!(progress.questions[&question], Some(1));
    let grade = |card: &str, grade, day| Change::Grade {
        card: card.to_owned(),
        grade,
        day,
    };
    progress.apply(&pack, grade("card", 5, 100));
    let first = progress.cards.0["card"];
    assert_eq!(first, review(Schedule::new(100), 5, 100));
    progress.apply(&pack, grade("card", 5, 101));
    assert_eq!(progress.cards.0["card"], review(first, 5, 101));
    progress.apply(&pack, Change::Restart);
    assert!(progress.attempts.is_empty());
    assert!(!progress.is_empty(), "a restart keeps questions and cards");
    progress.apply(&pack, Change::Reset);
    assert!(progress.is_empty());
}
