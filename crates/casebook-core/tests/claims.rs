//! The claims sheet holds every item of the pack: each provenance the inventory lists
//! appears once, beside its claim, under the view that shows it, and the items without a
//! quote (references, stages, unknown cells, the worked example's ranking) are there too.

use casebook_core::inventory::all_provenance;
use casebook_core::inventory::claims::{claims, sheet, Support, View};
use casebook_core::provenance::normalize_whitespace;
use casebook_core::seed_pack;

#[test]
fn every_provenance_appears_once_beside_its_claim() {
    let pack = seed_pack().unwrap();
    let all = claims(&pack);
    let quoted: Vec<_> = all
        .iter()
        .filter_map(|claim| match claim.support {
            Support::Quote(provenance) => Some(provenance),
            Support::Other { .. } => None,
        })
        .collect();
    let inventory = all_provenance(&pack);
    assert_eq!(quoted.len(), inventory.len(), "one claim per provenance");
    for sourced in &inventory {
        let times = quoted
            .iter()
            .filter(|provenance| std::ptr::eq(**provenance, sourced.provenance))
            .count();
        assert_eq!(times, 1, "{:?} {}", sourced.kind, sourced.item);
    }
    for claim in &all {
        assert!(
            !claim.claim.trim().is_empty(),
            "{} has no claim",
            claim.item
        );
    }
    // Every view with items gets them, in the sheet's order.
    for view in View::ALL {
        assert!(all.iter().any(|claim| claim.view == view), "{view:?}");
    }
    let views: Vec<View> = all.iter().map(|claim| claim.view).collect();
    assert!(
        views.windows(2).all(|pair| pair[0] <= pair[1]),
        "grouped by view"
    );
}

#[test]
fn the_sheet_sets_each_claim_beside_its_quote_source_and_status() {
    let pack = seed_pack().unwrap();
    let text = sheet(&pack);
    assert!(text.starts_with("# Claims sheet: "));
    for view in View::ALL {
        assert!(
            text.contains(&format!("\n## {}\n", view.heading())),
            "{view:?}"
        );
    }
    for sourced in all_provenance(&pack) {
        let quote = normalize_whitespace(&sourced.provenance.quote);
        assert!(
            text.contains(&format!("- **Quote:** \u{201c}{quote}\u{201d}\n")),
            "{quote}"
        );
    }
    // An item in full: the claim, then its quote, source and status.
    let rule = text
        .split("\n### ")
        .find(|block| block.contains("Rule `bal-pathogens = no` weighs against `infection`"))
        .expect("the rule is listed");
    assert!(rule.contains("- **Claim:** Pathogens found in the BAL fluid? no: weighs against"));
    assert!(rule.contains("- **Quote:** \u{201c}There were no evidence of pathogenic bacteria"));
    assert!(rule.contains("(`case-report`), status **seed**"));
    // Items without a quote say what stands in for one.
    assert!(text.contains("Worked example ranking, 1"));
    assert!(text.contains("Reference [10]"));
    assert!(text.contains("- **No quote:** groups timeline events"));
    // The header counts what it lists.
    assert!(text.contains(&format!("{} with a quote", all_provenance(&pack).len())));
}
