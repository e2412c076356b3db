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
    assert_eq!(mine.merge(imported), Ok(1));
    assert_eq!(mine.get(BAL).unwrap().note, "mine\n\ntheirs");
    assert!(mine.get(HAEMOPTYSIS).unwrap().bookmarked);
    // Importing the same file again changes nothing.
    let again = Notes::from_json(&theirs.to_json(&pack), &pack).unwrap();
    let before = mine.clone();
    assert_eq!(mine.merge(again), Ok(0));
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
            r#"{"kind":"casebook-notes","format":1,"pack":"alemtuzumab-dah","annotations":[],"extra":1}"#,
            "unknown field",
        ),
        (
            r#"{"kind":"casebook-notes","format":2,"pack":"alemtuzumab-dah","annotations":[{"sentence":"  ","note":"x"}]}"#,
            "empty",
        ),
    ];
    let huge = format!(
        r#"{{"kind":"casebook-notes","format":2,"pack":"alemtuzumab-dah","annotations":[{{"sentence":"{}","note":"x"}}]}}"#,
        "s".repeat(2_000_000)
    );
    let problems = Notes::from_json(&huge, &pack).unwrap_err();
    assert!(
        problems.iter().any(|p| p.contains("2000000 characters")),
        "{problems:?}"
    );
    for (text, expected) in cases {
        let problems = Notes::from_json(text, &pack).expect_err(text);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{text}: {problems:?}"
        );
    }
}

#[test]
fn a_merge_that_would_make_a_note_too_long_changes_nothing() {
    let pack = pack();
    let mut mine = Notes::default();
    mine.set_note(BAL, &"m".repeat(6_000)).unwrap();
    let mut theirs = Notes::default();
    theirs.set_note(BAL, &"t".repeat(6_000)).unwrap();
    theirs.toggle_bookmark(HAEMOPTYSIS);
    let before = mine.clone();
    let problems = mine.merge(theirs).unwrap_err();
    assert!(problems[0].contains("12002 characters"), "{problems:?}");
    assert_eq!(mine, before, "nothing merged, not even the bookmark");
    // The same refusal when the merge comes from reading one file with the sentence twice.
    let doubled = format!(
        r#"{{"kind":"casebook-notes","format":2,"pack":"{}","annotations":[{{"sentence":"{BAL}","note":"{}"}},{{"sentence":"{BAL}","note":"{}"}}]}}"#,
        pack.meta.id,
        "a".repeat(6_000),
        "b".repeat(6_000)
    );
    assert!(Notes::from_json(&doubled, &pack).is_err());
}

#[test]
fn notes_on_sentences_the_article_no_longer_has_are_kept_detached() {
    use casebook_core::notes::{closest_sentences, ArticleSentences};
    let pack = pack();
    let file = format!(
        r#"{{"kind":"casebook-notes","format":1,"pack":"{}","annotations":[{{"sentence":"Four hours later she started coughing up dark blood.","note":"edited sentence"}},{{"sentence":"{BAL}","bookmarked":true}}]}}"#,
        pack.meta.id
    );
    let mut notes =
        Notes::from_json(&file, &pack).expect("a detached note is not a reason to refuse");
    let article = ArticleSentences::of(&pack);
    let detached: Vec<_> = notes
        .detached(&article)
        .map(|a| a.sentence.clone())
        .collect();
    assert_eq!(
        detached,
        ["Four hours later she started coughing up dark blood."]
    );
    assert_eq!(notes.attached(&article).count(), 1);
    // The closest sentence of the article is the one it was written on.
    let suggestions = closest_sentences(&pack, &detached[0], 3);
    assert_eq!(suggestions[0], HAEMOPTYSIS);
    notes.reattach(&detached[0], HAEMOPTYSIS).unwrap();
    assert_eq!(notes.detached(&article).count(), 0);
    assert_eq!(notes.get(HAEMOPTYSIS).unwrap().note, "edited sentence");
}

#[test]
fn an_edit_over_a_note_changed_in_another_tab_keeps_both() {
    use casebook_core::notes::Edit;
    let mut stored = Notes::default();
    // This tab opened the editor on an empty note; another tab then saved "theirs".
    stored.set_note(BAL, "theirs").unwrap();
    assert_eq!(stored.save_edit(BAL, "", "mine"), Ok(Edit::KeptBoth));
    assert_eq!(stored.get(BAL).unwrap().note, "theirs\n\nmine");
    // Editing what was seen replaces it.
    assert_eq!(
        stored.save_edit(BAL, "theirs\n\nmine", "one"),
        Ok(Edit::Saved)
    );
    assert_eq!(stored.get(BAL).unwrap().note, "one");
}

#[test]
fn stored_notes_are_salvaged_and_a_newer_format_is_left_alone() {
    use casebook_core::saved::{Read, Saved};
    let pack = pack();
    let long = "x".repeat(MAX_NOTE_CHARS + 1);
    let stored = format!(
        r#"{{"kind":"casebook-notes","format":2,"pack":"{}","annotations":[{{"sentence":"{BAL}","note":"{long}"}},{{"sentence":"{HAEMOPTYSIS}","bookmarked":true}}]}}"#,
        pack.meta.id
    );
    let Read::Salvaged { value, lost } = Notes::read(&stored, &pack) else {
        panic!("salvaged");
    };
    assert_eq!(value.annotations().len(), 1);
    assert!(lost[0].contains("Annotation 1"), "{lost:?}");
    let newer = format!(
        r#"{{"kind":"casebook-notes","format":9,"pack":"{}","annotations":[]}}"#,
        pack.meta.id
    );
    assert_eq!(Notes::read(&newer, &pack), Read::Newer { format: 9 });
}

mod any_order_of_changes {
    //! Whatever a user (or two tabs) does, in any order, the storage rules never store notes
    //! the next read would refuse or change.
    use super::{pack, BAL, HAEMOPTYSIS};
    use casebook_core::notes::Notes;
    use casebook_core::saved::{plan_update, Read, Saved};
    use proptest::prelude::*;

    const SENTENCES: [&str; 4] = [
        HAEMOPTYSIS,
        BAL,
        "A sentence an edited pack no longer has.",
        "  Four hours later  ",
    ];

    #[derive(Clone, Debug)]
    enum Change {
        Bookmark(usize, bool),
        Note(usize, usize),
        Edit(usize, usize, usize),
        Remove(usize),
        Reattach(usize, usize),
    }

    fn change() -> impl Strategy<Value = Change> {
        prop_oneof![
            (0..4usize, any::<bool>()).prop_map(|(s, on)| Change::Bookmark(s, on)),
            (0..4usize, 0..11_000usize).prop_map(|(s, n)| Change::Note(s, n)),
            (0..4usize, 0..3usize, 0..6_000usize).prop_map(|(s, b, n)| Change::Edit(s, b, n)),
            (0..4usize).prop_map(Change::Remove),
            (0..4usize, 0..4usize).prop_map(|(a, b)| Change::Reattach(a, b)),
        ]
    }

    fn apply(notes: &mut Notes, change: &Change) -> Result<(), String> {
        match change {
            Change::Bookmark(s, on) => notes.set_bookmark(SENTENCES[*s], *on),
            Change::Note(s, n) => notes.set_note(SENTENCES[*s], &"n".repeat(*n)),
            Change::Edit(s, base, n) => notes
                .save_edit(SENTENCES[*s], ["", "n", "other"][*base], &"e".repeat(*n))
                .map(|_| ()),
            Change::Remove(s) => {
                notes.remove(SENTENCES[*s]);
                Ok(())
            }
            Change::Reattach(a, b) => notes.reattach(SENTENCES[*a], SENTENCES[*b]).or(Ok(())),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn every_write_reads_back_as_what_is_shown(changes in prop::collection::vec(change(), 1..24)) {
            let pack = pack();
            let mut stored: Option<String> = None;
            for change in &changes {
                // A refused change leaves what is stored exactly as it was.
                if let Ok(plan) = plan_update::<Notes>(stored.as_deref(), &pack, |notes| apply(notes, change)) {
                    if let Some(text) = plan.write {
                        prop_assert_eq!(Notes::read(&text, &pack), Read::Whole(plan.value.clone()));
                        stored = Some(text);
                    }
                }
            }
        }
    }
}

#[test]
fn notes_read_outside_the_app_as_a_document_in_the_papers_order() {
    let pack = pack();
    let mut notes = Notes::default();
    // Made in the opposite order of the paper, with Markdown and HTML in the note.
    notes
        .set_note(
            BAL,
            "# not a heading\n<script>alert(1)</script> *sequential* aliquots",
        )
        .unwrap();
    notes.toggle_bookmark(HAEMOPTYSIS);
    notes
        .set_note("A sentence no version has.", "kept")
        .unwrap();
    let document = casebook_core::notes::to_markdown(&pack, &notes);
    assert!(document.starts_with("# Notes on "), "{document}");
    assert!(document.contains("Case report: "));
    assert!(document.contains("for education, not for decisions about a patient"));
    let haemoptysis = document.find("coughing up bright red").unwrap();
    let bal = document.find("Macroscopically haemorrhagic").unwrap();
    assert!(haemoptysis < bal, "in the order of the paper");
    assert!(document[haemoptysis..bal].contains("Bookmarked."));
    // Nothing the student or the paper wrote becomes markup.
    assert!(document.contains("\\# not a heading"));
    assert!(document.contains("\\<script\\>"));
    assert!(document.contains("\\*sequential\\*"));
    assert!(document.contains("\\[3\\]"));
    // A note whose sentence the case no longer has is kept, apart.
    let detached = document
        .find("## Notes on sentences this version of the case no longer has")
        .unwrap();
    assert!(document[detached..].contains("A sentence no version has"));
    assert!(casebook_core::notes::to_markdown(&pack, &Notes::default())
        .contains("No notes or bookmarks yet."));
}
