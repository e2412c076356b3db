//! The reference-manager exports against hand-checked files in `tests/cite/`, their
//! syntax, the escaping of special characters and non-ASCII names, the Vancouver line, and
//! the index of what rests on each source.

mod common;
use common::id;

use casebook_core::cite::{all_ris, bibtex, known_authors, ris, usage, vancouver};
use casebook_core::{seed_pack, CasePack, Source, SourceId, SourceKind, Status, Target};

fn pack() -> CasePack {
    seed_pack().expect("the seed pack validates")
}

fn source(pack: &CasePack, id: &str) -> Source {
    pack.sources
        .iter()
        .find(|s| s.id.as_str() == id)
        .cloned()
        .unwrap()
}

/// A made-up source with every awkward character a pack may hold.
fn awkward() -> Source {
    Source {
        id: id::<SourceId>("awkward-2020"),
        kind: SourceKind::Paper,
        title: "Risk & reward: 50% of {cases} at $0 cost_#1 ~ ^x \\ \u{2013} a \u{201c}quoted\u{201d} title".into(),
        authors: Some("Holmøy T, Müller Ä, Åström B, Çelik Ñ, et al.".into()),
        container: Some("Journal of Tests".into()),
        year: Some(2020),
        doi: Some("10.1000/x_y%z".into()),
        pmid: Some("123".into()),
        status: Status::Unverified,
        excerpt_from: None,
        read: None,
        where_read: None,
        text: None,
        note: Some("Line one\nline two".into()),
    }
}

fn expected(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cite")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn ris_matches_the_hand_checked_files() {
    let pack = pack();
    assert_eq!(ris(&source(&pack, "tahir")), expected("tahir.ris"));
    assert_eq!(ris(&source(&pack, "drop-2021")), expected("drop-2021.ris"));
    assert_eq!(ris(&awkward()), expected("awkward.ris"));
}

#[test]
fn bibtex_matches_the_hand_checked_files() {
    let pack = pack();
    assert_eq!(bibtex(&source(&pack, "tahir")), expected("tahir.bib"));
    assert_eq!(bibtex(&awkward()), expected("awkward.bib"));
}

#[test]
fn every_ris_record_is_well_formed() {
    let pack = pack();
    let text = all_ris(&pack);
    let mut records = 0;
    let mut open = false;
    for line in text.split("\r\n").filter(|line| !line.is_empty()) {
        let (tag, rest) = line.split_at(2);
        assert!(
            tag.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
            "{line}"
        );
        assert!(rest.starts_with("  - "), "{line}");
        match tag {
            "TY" => {
                assert!(!open, "TY inside a record");
                open = true;
            }
            "ER" => {
                assert!(open, "ER outside a record");
                open = false;
                records += 1;
            }
            _ => assert!(open, "{line} outside a record"),
        }
    }
    assert!(!open);
    assert_eq!(records, pack.sources.len());
}

#[test]
fn unconfirmed_authors_are_not_exported_and_unknowns_are_left_out() {
    let pack = pack();
    let article = source(&pack, "case-report");
    assert!(
        known_authors(&article).is_empty(),
        "the case report's authors are unverified"
    );
    let record = ris(&article);
    assert!(!record.contains("AU  -"), "{record}");
    assert!(!record.contains("Myro"), "{record}");
    assert_eq!(
        vancouver(&article),
        "Diffuse alveolar hemorrhage during alemtuzumab infusion in a patient with multiple sclerosis: a case report. BMC Pharmacology and Toxicology. 2018. doi:10.1186/s40360-018-0267-5"
    );
    let tahir = source(&pack, "tahir");
    assert_eq!(
        vancouver(&tahir),
        "Tahir W, Hakeem A, Baker R, Ahmad N. Diffuse Alveolar Haemorrhage: A Fatal Complication After Alemtuzumab Induction Therapy in Renal Transplantation."
    );
    assert!(vancouver(&awkward()).starts_with("Holmøy T, Müller Ä, Åström B, Çelik Ñ, et al. Risk"));
}

#[test]
fn usage_is_computed_from_provenance() {
    let pack = pack();
    let index = usage(&pack);
    assert_eq!(index.len(), pack.sources.len());
    let article = &index[&pack.source("case-report").unwrap().id];
    assert!(article
        .iter()
        .any(|u| u.target == Target::Event(pack.event("haemoptysis").unwrap().id.clone())));
    let this_case = Target::ComparisonRow(pack.row("this-case").unwrap().id.clone());
    assert!(article
        .iter()
        .any(|u| u.kind == "Comparison cell" && u.target == this_case));
    let tahir = &index[&pack.source("tahir").unwrap().id];
    let tahir_row = Target::ComparisonRow(pack.row("tahir").unwrap().id.clone());
    assert!(tahir.iter().all(|u| u.target == tahir_row), "{tahir:?}");
    assert!(
        tahir
            .iter()
            .any(|u| u.label == "Tahir et al. (kidney transplant; probably ref 10): Age and sex"),
        "{tahir:?}"
    );
    // Every provenance is counted once under its source.
    let total: usize = index.values().map(Vec::len).sum();
    assert!(total > 200, "{total}");
}
