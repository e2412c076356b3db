//! Notes and bookmarks: editing, the export format round trip, merging without loss, and
//! refusing damaged or foreign files with their reasons.

use casebook_core::notes::{Notes, MAX_NOTE_CHARS};
use casebook_core::{seed_pack, CasePack};

fn pack() -> CasePack {
    seed_pack().expect("the seed pack validates")
}

const HAEMOPTYSIS: &str =
    "Four hours later she started coughing up bright red blood tinged sputum without clots.";
const BAL: &str = "Macroscopically haemorrhagic BAL fluid is considered diagnostic of acute alveolar haemorrhage [3].";

#[test]
fn bookmarks_and_notes_are_kept_and_dropped_as_asked() {
    let mut notes = Notes::default();
    notes.toggle_bookmark(HAEMOPTYSIS);
    notes
        .set_note(BAL, "Key diagnostic point: sequential aliquots.")
        .unwrap();
    assert_eq!(notes.annotations().len(), 2);
    assert!(notes.get(HAEMOPTYSIS).unwrap().bookmarked);
    notes.toggle_bookmark(HAEMOPTYSIS);
    assert!(
        notes.get(HAEMOPTYSIS).is_none(),
        "nothing left on it, so it goes"
    );
    notes.set_note(BAL, "").unwrap();
    assert!(notes.is_empty());
    assert!(notes
        .set_note(BAL, &"x".repeat(MAX_NOTE_CHARS + 1))
        .is_err());
}

#[test]
fn export_then_import_gives_the_same_notes() {
    let pack = pack();
    let mut notes = Notes::default();
    notes.toggle_bookmark(HAEMOPTYSIS);
    notes
        .set_note(BAL, "Line one\nline two, with \"quotes\" and ünïcödé")
        .unwrap();
    let json = notes.to_json(&pack);
    let back = Notes::from_json(&json, &pack).unwrap();
    assert_eq!(back, notes);
    assert_eq!(back.to_json(&pack), json);
}

#[test]
fn merging_loses_nothing_on_either_side() {
    let pack = pack();
    let mut mine = Notes::default();
    mine.set_note(BAL, "mine").unwrap();
    let mut theirs = Notes::default();
    theirs.set_note(BAL, "theirs").unwrap();
    theirs.toggle_bookmark(HAEMOPTYSIS);
    let imported = Notes::from_json(&theirs.to_json(&pack), &pack).unwrap();
    assert_eq!(mine.merge(imported), 1);
    assert_eq!(mine.get(BAL).unwrap().note, "mine\n\ntheirs");
    assert!(mine.get(HAEMOPTYSIS).unwrap().bookmarked);
    // Importing the same file again changes nothing.
    let again = Notes::from_json(&theirs.to_json(&pack), &pack).unwrap();
    let before = mine.clone();
    assert_eq!(mine.merge(again), 0);
    assert_eq!(mine, before);
}

#[test]
fn damaged_or_foreign_files_are_refused_with_reasons() {
    let pack = pack();
    let cases = [
        ("", "not a Casebook notes file"),
        ("{", "not a Casebook notes file"),
        ("<script>alert(1)</script>", "not a Casebook notes file"),
        (
            r#"{"kind":"casebook-notes","format":3,"pack":"alemtuzumab-dah","annotations":[]}"#,
            "format 3",
        ),
        (
            r#"{"kind":"other","format":1,"pack":"alemtuzumab-dah","annotations":[]}"#,
            "\"other\"",
        ),
        (
            r#"{"kind":"casebook-notes","format":1,"pack":"another-case","annotations":[]}"#,
            "another-case",
        ),
        (
            r#"{"kind":"casebook-notes","format":1,"pack":"alemtuzumab-dah","annotations":[{"sentence":"Not in the paper.","bookmarked":true}]}"#,
            "not in this article",
        ),
        (
            r#"{"kind":"casebook-notes","format":1,"pack":"alemtuzumab-dah","annotations":[],"extra":1}"#,
            "unknown field",
        ),
    ];
    for (text, expected) in cases {
        let problems = Notes::from_json(text, &pack).expect_err(text);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{text}: {problems:?}"
        );
    }
}
