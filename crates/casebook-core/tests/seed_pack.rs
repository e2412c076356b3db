//! The seed pack against its sources: it validates; its article has exactly the seed's
//! words; every source text it quotes from is a verbatim passage of LITERATURE.md; every
//! provenance quote is found; and it holds what the Case pack issue asks for.

use std::path::PathBuf;

use casebook_core::article;
use casebook_core::inventory::all_provenance;
use casebook_core::provenance::{normalize_whitespace, quote_found};
use casebook_core::{seed_pack, CasePack, Lane, SourceKind, Status};

/// `../shared` beside the repository (CI and developers have it there), or
/// `$CASEBOOK_SHARED`.
fn shared() -> PathBuf {
    std::env::var_os("CASEBOOK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

fn read_shared(relative: &str) -> String {
    let path = shared().join(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn pack() -> CasePack {
    seed_pack().unwrap_or_else(|errors| panic!("the seed pack does not validate:\n{errors}"))
}

/// The seed text's words, with line-break hyphenation undone ("treat-\nment" is one word;
/// every hyphen at a line end in the seed is such a break, checked by reading all 51).
fn seed_words(seed: &str, caption: &str) -> Vec<String> {
    let mut text = String::with_capacity(seed.len());
    let mut rest = seed;
    while let Some(index) = rest.find("-\n") {
        text.push_str(&rest[..index]);
        rest = rest[index + 2..].trim_start();
    }
    text.push_str(rest);
    // The Figure 1 caption fell mid-paragraph in the PDF; the article moves it to its own
    // block, so compare it separately.
    assert_eq!(
        text.matches(caption).count(),
        1,
        "the caption occurs once in the seed"
    );
    text.replacen(caption, " ", 1)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The article's words without Markdown syntax and without the figure block.
fn article_words(markdown: &str) -> Vec<String> {
    let without_figure: String = {
        let mut out = Vec::new();
        let mut inside = false;
        for line in markdown.lines() {
            if line.trim_start().starts_with("```") {
                inside = !inside;
                continue;
            }
            if !inside {
                out.push(line);
            }
        }
        out.join("\n")
    };
    article::Article::from_markdown(&without_figure)
        .plain_text()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

#[test]
fn seed_pack_validates() {
    let pack = pack();
    assert_eq!(pack.format, casebook_core::FORMAT_VERSION);
    assert_eq!(pack.meta.doi, "10.1186/s40360-018-0267-5");
    assert_eq!(pack.meta.licence, "CC BY 4.0");
}

#[test]
fn article_words_equal_the_seed_words() {
    let pack = pack();
    let captions = pack.article.figure_captions();
    assert_eq!(captions.len(), 1, "one figure caption");
    let seed = read_shared("seed/000_90274b9cb76ee8e2.txt");
    let expected = seed_words(&seed, &captions[0]);
    // The article as written in the pack file: everything after the front matter.
    let closing = casebook_core::SEED_PACK
        .match_indices("\n+++\n")
        .next()
        .expect("a closing fence")
        .0;
    let actual = article_words(&casebook_core::SEED_PACK[closing + 5..]);
    if expected != actual {
        let first = expected
            .iter()
            .zip(&actual)
            .position(|(a, b)| a != b)
            .unwrap_or(expected.len().min(actual.len()));
        panic!(
            "the article differs from the seed at word {first}:\n seed:    {:?}\n article: {:?}\n(lengths {} and {})",
            &expected[first.saturating_sub(3)..(first + 5).min(expected.len())],
            &actual[first.saturating_sub(3)..(first + 5).min(actual.len())],
            expected.len(),
            actual.len()
        );
    }
    assert!(
        actual.len() > 1800,
        "the whole article is there ({} words)",
        actual.len()
    );
}

#[test]
fn article_has_the_papers_sections_and_citations() {
    let pack = pack();
    let titles: Vec<String> = pack
        .article
        .sections()
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Abstract",
            "Background",
            "Case presentation",
            "Discussion and conclusions"
        ]
    );
    let plain = pack.article.plain_text();
    let cited: std::collections::BTreeSet<u32> = article::sentences(&plain)
        .iter()
        .flat_map(|sentence| article::cited_numbers(sentence))
        .collect();
    assert_eq!(
        cited,
        (1..=16).collect(),
        "citation markers [1]–[16] are kept"
    );
    for number in 1..=16 {
        assert!(
            !pack.article.citing_sentences(number).is_empty(),
            "reference {number} is cited"
        );
    }
}

#[test]
fn source_texts_are_verbatim_passages_of_literature_md() {
    let literature = normalize_whitespace(&read_shared("research/LITERATURE.md"));
    let pack = pack();
    let mut checked = 0;
    for source in &pack.sources {
        match (source.kind, &source.text) {
            (SourceKind::Article, _) => assert!(source.text.is_none()),
            (_, Some(text)) => {
                assert_eq!(
                    source.excerpt_from.as_deref(),
                    Some("LITERATURE.md"),
                    "{}",
                    source.id
                );
                // Excerpts are separated by blank lines; each is a verbatim passage.
                for excerpt in text
                    .split("\n\n")
                    .filter(|excerpt| !excerpt.trim().is_empty())
                {
                    assert!(
                        literature.contains(&normalize_whitespace(excerpt)),
                        "source {} excerpt is not in LITERATURE.md: {excerpt}",
                        source.id
                    );
                    checked += 1;
                }
            }
            (_, None) => {}
        }
    }
    assert!(checked >= 15, "{checked} source texts checked");
}

#[test]
fn every_provenance_quote_is_found_in_its_source() {
    let pack = pack();
    let article_text = pack.article.plain_text();
    let items = all_provenance(&pack);
    for item in &items {
        let provenance = item.provenance;
        let source = pack
            .sources
            .iter()
            .find(|source| source.id == provenance.source)
            .expect("source exists");
        let found = match source.kind {
            SourceKind::Article => quote_found(&provenance.quote, &article_text),
            _ => source
                .text
                .as_deref()
                .expect("source has text")
                .split("\n\n")
                .any(|excerpt| quote_found(&provenance.quote, excerpt)),
        };
        assert!(
            found,
            "{:?} {}: quote not found: {}",
            item.kind, item.item, provenance.quote
        );
        if source.kind == SourceKind::Article {
            assert_eq!(provenance.status, Status::Seed, "{}", item.item);
        }
    }
    assert!(items.len() >= 300, "{} quotes checked", items.len());
}

#[test]
fn seed_pack_holds_what_the_issue_asks_for() {
    let pack = pack();
    assert!(pack.events.len() >= 30, "{} events", pack.events.len());
    assert!(
        pack.diagnoses.len() >= 10,
        "{} diagnoses",
        pack.diagnoses.len()
    );
    assert!(
        pack.findings.len() >= 25,
        "{} findings",
        pack.findings.len()
    );
    assert!(pack.rules.len() >= 40, "{} rules", pack.rules.len());
    assert!(
        pack.glossary.len() >= 10,
        "{} glossary entries",
        pack.glossary.len()
    );
    assert_eq!(pack.references.len(), 16);
    assert!(pack
        .workup
        .iter()
        .any(|item| item.kind == casebook_core::WorkupKind::Management));
    assert!(pack.questions.len() >= 5);
    assert_eq!(pack.summary.len(), 5);
    // From the history before treatment to 13 months after.
    let hours: Vec<f64> = pack
        .events
        .iter()
        .map(|event| event.time.at.hours())
        .collect();
    assert!(
        hours.iter().any(|&h| h < -24.0 * 365.0),
        "history years before"
    );
    assert!(
        hours.iter().any(|&h| h >= 13.0 * 730.0),
        "follow-up at 13 months"
    );
    for lane in Lane::ALL {
        assert!(
            pack.events.iter().any(|event| event.lane == lane),
            "lane {lane:?} has events"
        );
    }
    // Every laboratory value and vital sign the paper gives.
    let names: Vec<&str> = pack.measurements.iter().map(|m| m.name.as_str()).collect();
    for wanted in [
        "Haemoglobin",
        "C-reactive protein",
        "Arterial pO2",
        "Lactate",
        "Heart rate (ECG)",
        "Heart rate (before infusion 1)",
        "Blood pressure (before infusion 1)",
        "Lymphocyte count",
        "Platelet count",
        "Leukocyte count",
        "Body temperature",
        "Oxygen saturation",
        "Serum creatinine",
        "BAL neutrophils",
        "BAL macrophages",
    ] {
        assert!(
            names.contains(&wanted),
            "measurement {wanted} is in the pack"
        );
    }
    // Every comparison row of LITERATURE.md.
    let rows: Vec<&str> = pack.comparison.iter().map(|row| row.id.as_str()).collect();
    for wanted in [
        "this-case",
        "alport-transplant",
        "tahir",
        "vigibase-ms",
        "vigibase-other",
        "vigibase-all",
        "drop-2021",
        "bayas-2020",
        "lapointe-2018",
    ] {
        assert!(rows.contains(&wanted), "comparison row {wanted}");
    }
}

#[test]
fn comparison_counts_match_the_paper() {
    let pack = pack();
    let counts = |id: &str| {
        let row = pack
            .comparison
            .iter()
            .find(|row| row.id.as_str() == id)
            .unwrap();
        let counts = row.outcome_counts.as_ref().unwrap();
        (counts.deaths, counts.n)
    };
    assert_eq!(counts("vigibase-ms"), (0, 5));
    assert_eq!(counts("vigibase-other"), (14, 17));
    assert_eq!(counts("vigibase-all"), (14, 22));
    assert_eq!(counts("alport-transplant"), (1, 2));
}
