//! The reader's model on the seed article and on hostile Markdown: sections, figure,
//! citations, glossary terms, quote anchors for every article quote, highlighting, and a
//! sanitiser that lets nothing executable through.

use casebook_core::provenance::{in_paper, quote_anchor};
use casebook_core::reader::{blocks, quote_for_anchor, section_nav, Block, Segment};
use casebook_core::{seed_pack, CasePack, Target};

fn pack() -> CasePack {
    seed_pack().unwrap_or_else(|errors| panic!("the seed pack does not validate:\n{errors}"))
}

fn segments(blocks: &[Block]) -> Vec<&Segment> {
    blocks
        .iter()
        .flat_map(|block| match block {
            Block::Paragraph { segments, .. } => segments.iter().collect(),
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn the_article_has_its_sections_figure_and_citations() {
    let pack = pack();
    let all = blocks(&pack, None);
    let headings: Vec<&str> = all
        .iter()
        .filter_map(|block| match block {
            Block::Heading { text, level: 1, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "Abstract",
            "Background",
            "Case presentation",
            "Discussion and conclusions"
        ]
    );
    assert_eq!(section_nav(&pack).len(), 4);
    assert!(all.iter().any(|block| matches!(block, Block::Figure { caption, .. } if caption.starts_with("Fig. 1 Computed tomography"))));
    let mut cited: Vec<u32> = segments(&all)
        .iter()
        .flat_map(|segment| segment.citation.clone())
        .collect();
    cited.sort_unstable();
    cited.dedup();
    assert_eq!(cited, (1..=16).collect::<Vec<u32>>());
    // The paragraph text survives whole: joining the segments gives the words back.
    let text: String = segments(&all)
        .iter()
        .map(|segment| segment.text.as_str())
        .collect();
    assert!(text.contains(
        "Four hours later she started coughing up bright red blood tinged sputum without clots."
    ));
}

#[test]
fn glossary_terms_are_marked_once_per_section() {
    let pack = pack();
    let all = blocks(&pack, None);
    let marked: Vec<String> = segments(&all)
        .iter()
        .filter(|segment| segment.term.is_some())
        .map(|segment| segment.text.to_lowercase())
        .collect();
    for expected in [
        "bronchoalveolar lavage",
        "vigibase",
        "centrilobular",
        "dah",
        "cd52",
    ] {
        assert!(
            marked.iter().any(|text| text.contains(expected)),
            "{expected} not marked: {marked:?}"
        );
    }
    let mut seen: Vec<casebook_core::TermId> = Vec::new();
    for block in &all {
        match block {
            Block::Heading { level: 1, .. } => seen.clear(),
            Block::Paragraph { segments, .. } => {
                for id in segments.iter().filter_map(|s| s.term.clone()) {
                    assert!(!seen.contains(&id), "{id} is marked twice in one section");
                    seen.push(id);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn every_article_quote_lands_on_a_paragraph() {
    let pack = pack();
    let all = blocks(&pack, None);
    let anchors: Vec<&String> = all
        .iter()
        .flat_map(|block| match block {
            Block::Paragraph { anchors, .. } | Block::Figure { anchors, .. } => {
                anchors.iter().collect()
            }
            _ => Vec::new(),
        })
        .collect();
    let mut missing = Vec::new();
    for sourced in casebook_core::inventory::all_provenance(&pack) {
        if let Some(Target::Quote(quote)) = in_paper(sourced.provenance, &pack.meta.article_source)
        {
            let anchor = quote_anchor(&quote);
            if !anchors.contains(&&anchor) {
                missing.push(format!("{} ({})", sourced.item, sourced.provenance.quote));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "quotes with no paragraph to land on:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_quote_is_highlighted_where_it_stands() {
    let pack = pack();
    let quote =
        "Four hours later she started coughing up bright red blood tinged sputum without clots.";
    assert_eq!(
        quote_for_anchor(&pack, &quote_anchor(quote)).as_deref(),
        Some(quote)
    );
    let all = blocks(&pack, Some(quote));
    let highlighted: String = segments(&all)
        .iter()
        .filter(|segment| segment.highlight)
        .map(|segment| segment.text.as_str())
        .collect();
    assert_eq!(highlighted, quote);
    assert_eq!(quote_for_anchor(&pack, "q-00000000"), None);
}

#[test]
fn hostile_markdown_is_shown_as_text_and_links_are_defused() {
    let mut pack = pack();
    pack.article = casebook_core::article::Article::from_markdown(
        r#"# Title <img src=x onerror=alert(1)>

<script>alert(1)</script>

A [link](javascript:alert(1)) and [another](JAVASCRIPT:alert(2)) and [data](data:text/html,<script>alert(3)</script>) and [ok](https://doi.org/10.1186/x).

Inline <b onmouseover=alert(4)>bold</b> and <svg/onload=alert(5)> and <iframe src="javascript:alert(6)"></iframe>.

[vb](vbscript:msgbox(7)) [spaced]( javascript:alert(8)) [tab](java	script:alert(9))
"#,
    );
    let all = blocks(&pack, None);
    let links: Vec<&str> = segments(&all)
        .iter()
        .filter_map(|segment| segment.link.as_deref())
        .collect();
    assert_eq!(links, ["https://doi.org/10.1186/x"]);
    // Raw HTML is kept as text, visibly, so a reader sees what the pack contains.
    let text: String = all
        .iter()
        .map(|block| match block {
            Block::Paragraph { segments, .. } => segments.iter().map(|s| s.text.clone()).collect(),
            Block::RawText(text) => text.clone(),
            Block::Heading { text, .. } => text.clone(),
            Block::Figure { caption, .. } => caption.clone(),
            Block::Table { head, rows, .. } => head
                .iter()
                .chain(rows.iter().flatten())
                .flatten()
                .map(|s| s.text.clone())
                .collect(),
        })
        .collect();
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains("<b onmouseover=alert(4)>"), "{text}");
}

#[test]
fn each_citation_and_term_is_one_segment() {
    let pack = pack();
    let all = blocks(&pack, None);
    for segment in segments(&all) {
        if !segment.citation.is_empty() {
            assert!(
                segment.text.starts_with('[') && segment.text.ends_with(']'),
                "{segment:?}"
            );
        }
    }
    let citations = segments(&all)
        .iter()
        .filter(|s| !s.citation.is_empty())
        .count();
    let markers = pack.article.plain_text().matches('[').count();
    assert_eq!(citations, markers);
}

#[test]
fn noted_sentences_are_marked() {
    let pack = pack();
    let sentence =
        "Four hours later she started coughing up bright red blood tinged sputum without clots."
            .to_owned();
    let all =
        casebook_core::reader::blocks_with_notes(&pack, None, std::slice::from_ref(&sentence));
    let noted: String = segments(&all)
        .iter()
        .filter(|s| s.noted)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(noted, sentence);
}

#[test]
fn glossary_terms_are_found_in_any_text_at_their_first_mention_and_the_text_is_kept() {
    use casebook_core::reader::glossary_pieces;
    let pack = casebook_core::seed_pack().unwrap();
    let entry = &pack.glossary[0];
    let text = format!(
        "Before {} and again {} after.",
        entry.term,
        entry.term.to_uppercase()
    );
    let pieces = glossary_pieces(&pack, &text);
    assert_eq!(
        pieces.iter().map(|p| p.text.as_str()).collect::<String>(),
        text
    );
    let marked: Vec<_> = pieces.iter().filter(|p| p.term.is_some()).collect();
    assert_eq!(marked.len(), 1, "first mention only: {pieces:?}");
    assert_eq!(marked[0].term.as_ref(), Some(&entry.id));
    // A word that only contains a term is not a mention of it.
    let one_word = pack
        .glossary
        .iter()
        .find(|e| !e.term.contains(' ') && e.term.is_ascii())
        .expect("a one-word term");
    let inside = format!("x{}y", one_word.term.to_lowercase());
    assert!(
        glossary_pieces(&pack, &inside)
            .iter()
            .all(|p| p.term.is_none()),
        "{inside}"
    );
    assert_eq!(glossary_pieces(&pack, "").len(), 1);
}
