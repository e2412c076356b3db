//! Search on the seed pack: clinical queries in either spelling, with slips, as typed;
//! grouped results with highlights; an empty result for nonsense.

use casebook_core::search::{grouped, Index, Kind};
use casebook_core::{seed_pack, Target};

fn index() -> Index {
    Index::new(&seed_pack().expect("the seed pack validates"))
}

#[test]
fn spellings_match_each_other() {
    let index = index();
    for (british, american) in [
        ("haemoptysis", "hemoptysis"),
        ("haemorrhage", "hemorrhage"),
        ("oedema", "edema"),
    ] {
        let a: Vec<_> = index
            .search(british)
            .iter()
            .map(|hit| hit.document.target.clone())
            .collect();
        let b: Vec<_> = index
            .search(american)
            .iter()
            .map(|hit| hit.document.target.clone())
            .collect();
        assert!(!a.is_empty(), "{british} finds nothing");
        assert_eq!(a, b, "{british} and {american} differ");
    }
}

#[test]
fn small_typos_are_forgiven_and_the_last_word_is_a_prefix() {
    let index = index();
    let exact = index.search("bronchoscopy");
    assert!(!exact.is_empty());
    let slip = index.search("bronchoscpy");
    assert_eq!(slip.len(), exact.len(), "one slip is forgiven");
    let typed = index.search("bronch");
    assert!(
        typed.len() >= exact.len(),
        "a prefix finds at least the whole word's hits"
    );
    assert!(index
        .search("lavgae")
        .iter()
        .any(|hit| hit.document.title.contains("BAL") || hit.document.text.contains("lavage")));
}

#[test]
fn results_are_grouped_linked_and_highlighted() {
    let index = index();
    let hits = index.search("haemoptysis");
    let groups = grouped(&hits);
    let kinds: Vec<Kind> = groups.iter().map(|(kind, _)| *kind).collect();
    assert!(
        kinds.contains(&Kind::Event) && kinds.contains(&Kind::Article),
        "{kinds:?}"
    );
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "groups come in a fixed order");
    let event = &groups
        .iter()
        .find(|(kind, _)| *kind == Kind::Event)
        .unwrap()
        .1[0];
    assert!(matches!(event.document.target, Target::Event(_)));
    let article = &groups
        .iter()
        .find(|(kind, _)| *kind == Kind::Article)
        .unwrap()
        .1[0];
    assert!(matches!(article.document.target, Target::Quote(_)));
    let pieces = article.highlight(&article.document.text);
    assert!(
        pieces
            .iter()
            .any(|(text, marked)| *marked && text.to_lowercase().starts_with("haemoptysis")),
        "{pieces:?}"
    );
    // Every word of a query must match.
    assert!(index.search("haemoptysis zebra").is_empty());
    assert!(index.search("xqzv").is_empty());
    assert!(index.search("  ").is_empty());
}

#[test]
fn article_sentences_link_to_anchors_the_reader_resolves() {
    let pack = seed_pack().unwrap();
    let index = Index::new(&pack);
    for hit in index.search("lymphopenia") {
        if hit.document.kind == Kind::Article {
            let Target::Quote(quote) = &hit.document.target else {
                panic!("a sentence of the paper is shown in the paper");
            };
            let anchor = casebook_core::provenance::quote_anchor(quote);
            assert!(casebook_core::reader::quote_for_anchor(&pack, &anchor).is_some());
        }
    }
}

#[test]
fn a_snippet_shows_the_first_match_of_a_long_text_in_whole_words() {
    let index = index();
    let hits = index.search("haemoptysis");
    let long = hits
        .iter()
        .find(|hit| hit.document.text.chars().count() > 600)
        .expect("a long paragraph mentions haemoptysis");
    let pieces = long.snippet(&long.document.text, 200);
    let joined: String = pieces.iter().map(|(text, _)| text.as_str()).collect();
    assert!(pieces.iter().any(|(_, marked)| *marked), "{pieces:?}");
    assert!(joined.chars().count() <= 200 + 4, "{joined}");
    // What is between the cut marks is the text itself, cut at word boundaries.
    let inner = joined.trim_start_matches("… ").trim_end_matches(" …");
    assert!(long.document.text.contains(inner), "{inner}");
    let starts_a_word = |at: &str| {
        long.document.text.starts_with(at)
            || long.document.text.contains(&format!(" {at}"))
            || long.document.text.contains(&format!("({at}"))
    };
    assert!(starts_a_word(inner), "{inner}");
    // A short text is the whole text, highlighted.
    let short = hits
        .iter()
        .find(|hit| hit.document.text.chars().count() < 150)
        .expect("a short entry mentions haemoptysis");
    assert_eq!(
        short.snippet(&short.document.text, 200),
        short.highlight(&short.document.text)
    );
}

proptest::proptest! {
    /// Any text with the word somewhere: the snippet holds the match, stays within its
    /// width (plus the cut marks) and is a piece of the text.
    #[test]
    fn any_snippet_holds_its_match_within_its_width(
        before in proptest::collection::vec("[a-zé]{1,12}", 0..80),
        after in proptest::collection::vec("[a-zé]{1,12}", 0..80),
        width in 40usize..300,
    ) {
        static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
        let hits = INDEX.get_or_init(index).search("haemoptysis");
        let hit = &hits[0];
        let text = format!("{} haemoptysis {}", before.join(" "), after.join(" "));
        let pieces = hit.snippet(&text, width);
        let joined: String = pieces.iter().map(|(text, _)| text.as_str()).collect();
        proptest::prop_assert!(pieces.iter().any(|(piece, marked)| *marked && piece == "haemoptysis"));
        proptest::prop_assert!(joined.chars().count() <= width + 4, "{} > {}", joined.chars().count(), width);
        let inner = joined.trim_start_matches("… ").trim_end_matches(" …");
        proptest::prop_assert!(text.contains(inner));
    }
}

#[test]
fn statistics_caveats_questions_sources_and_the_overview_are_found_too() {
    let index = index();
    let kinds_of = |query: &str| -> Vec<Kind> {
        index
            .search(query)
            .iter()
            .map(|hit| hit.document.kind)
            .collect()
    };
    assert!(
        kinds_of("Fisher").contains(&Kind::Comparison),
        "the statistics"
    );
    assert!(
        kinds_of("reporting bias").contains(&Kind::Comparison),
        "the caveats"
    );
    assert!(kinds_of("Lemtrada").contains(&Kind::Source), "the sources");
    let pack = seed_pack().unwrap();
    let question = &pack.questions[0];
    let word = question
        .prompt
        .split_whitespace()
        .max_by_key(|word| word.len())
        .unwrap()
        .trim_matches(|c: char| !c.is_alphanumeric());
    assert!(
        kinds_of(word).contains(&Kind::Study),
        "a question's word: {word}"
    );
    assert!(
        kinds_of("VigiBase").contains(&Kind::Overview),
        "the overview"
    );
}

#[test]
fn every_result_stating_registry_counts_says_so_and_only_those() {
    let pack = seed_pack().unwrap();
    let index = Index::new(&pack);
    let hits = index.search("VigiBase");
    let flagged: Vec<&str> = hits
        .iter()
        .filter(|hit| hit.document.registry_counts)
        .map(|hit| hit.document.title.as_str())
        .collect();
    // The overview's line of counts, the registry rows and the contrast's statistics.
    assert!(flagged.contains(&"The case in five lines"), "{flagged:?}");
    for row in pack
        .comparison
        .iter()
        .filter(|row| row.group == casebook_core::RowGroup::Registry)
    {
        assert!(flagged.contains(&row.label.as_str()), "{}", row.label);
    }
    // A sentence of the paper or a glossary entry is not itself a count.
    assert!(hits
        .iter()
        .filter(|hit| matches!(hit.document.kind, Kind::Article | Kind::Glossary))
        .all(|hit| !hit.document.registry_counts));
}

#[test]
fn the_students_own_notes_are_found_and_lead_to_their_sentence() {
    let pack = seed_pack().unwrap();
    let mut notes = casebook_core::notes::Notes::default();
    let sentence =
        "Four hours later she started coughing up bright red blood tinged sputum without clots.";
    notes
        .set_note(sentence, "remember the zygomatic mnemonic")
        .unwrap();
    let index = Index::with_notes(&pack, &notes);
    let hits = index.search("zygomatic");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].document.kind, Kind::Notes);
    assert_eq!(hits[0].document.target, Target::Quote(sentence.to_owned()));
    assert!(Index::new(&pack).search("zygomatic").is_empty());
}

#[test]
fn the_checklists_reasoning_is_found_by_its_words() {
    let pack = seed_pack().expect("the seed pack validates");
    let index = Index::new(&pack);
    // Every rule's rationale is found by its own words and leads to its diagnosis.
    for rule in &pack.rules {
        let words: Vec<&str> = rule.rationale.split_whitespace().take(6).collect();
        let hits = index.search(&words.join(" "));
        assert!(
            hits.iter()
                .any(|hit| hit.document.kind == Kind::Differential
                    && hit.document.target == Target::Diagnosis(rule.diagnosis.clone())
                    && hit.document.text == rule.rationale),
            "{}: {}",
            rule.diagnosis,
            rule.rationale
        );
    }
}
