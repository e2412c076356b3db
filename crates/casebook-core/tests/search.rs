//! Search on the seed pack: clinical queries in either spelling, with slips, as typed;
//! grouped results with highlights; an empty result for nonsense.

use casebook_core::search::{grouped, Index, Kind};
use casebook_core::seed_pack;

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
            .map(|hit| hit.document.href.clone())
            .collect();
        let b: Vec<_> = index
            .search(american)
            .iter()
            .map(|hit| hit.document.href.clone())
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
    assert!(event.document.href.starts_with("/timeline/"));
    let article = &groups
        .iter()
        .find(|(kind, _)| *kind == Kind::Article)
        .unwrap()
        .1[0];
    assert!(article.document.href.starts_with("/reader#q-"));
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
            let anchor = hit.document.href.trim_start_matches("/reader#");
            assert!(casebook_core::reader::quote_for_anchor(&pack, anchor).is_some());
        }
    }
}
