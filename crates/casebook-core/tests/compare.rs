//! The comparison logic on the seed pack: every cell filled, the paper's contrast found
//! from the data, sorting, contrasts, and a CSV that keeps every fact's source.

use casebook_core::compare::{
    chosen_rows, contrasts, outcome_bars, registry_contrast, to_csv, Field, SortOrder,
};
use casebook_core::provenance::{in_paper, quote_anchor};
use casebook_core::stats::format_p;
use casebook_core::{seed_pack, CasePack, Target};

fn pack() -> CasePack {
    seed_pack().unwrap_or_else(|errors| panic!("the seed pack does not validate:\n{errors}"))
}

#[test]
fn every_cell_has_text_and_a_source_unless_not_reported() {
    let pack = pack();
    for row in &pack.comparison {
        for field in Field::all(&pack) {
            let cell = field.cell(&pack, row);
            assert!(
                !cell.text.trim().is_empty(),
                "{} {:?} is empty",
                row.id,
                field
            );
            assert!(
                cell.is_not_reported() || cell.provenance.is_some(),
                "{} {:?} has no source",
                row.id,
                field
            );
        }
    }
}

#[test]
fn the_registry_contrast_is_ms_against_the_rest() {
    let pack = pack();
    let (first, second, comparison) = registry_contrast(&pack).expect("the seed has it");
    assert_eq!(first.id.as_str(), "vigibase-ms");
    assert_eq!(second.id.as_str(), "vigibase-other");
    assert_eq!((comparison.first.events, comparison.first.total), (0, 5));
    assert_eq!(
        (comparison.second.events, comparison.second.total),
        (14, 17)
    );
    assert_eq!(format_p(comparison.p_value), "0.002127");
    let words = comparison.plain_language("MS", "transplant or haematology", "died");
    assert!(words.contains("0 of 5 patients died in MS (0%)"), "{words}");
    assert!(
        words.contains("14 of 17 in transplant or haematology (82%)"),
        "{words}"
    );
    assert!(words.contains("p = 0.002127"), "{words}");
}

#[test]
fn outcome_bars_show_the_arithmetic() {
    let pack = pack();
    let rows = chosen_rows(&pack, &[], SortOrder::Pack);
    let bars = outcome_bars(&rows);
    let other = bars
        .iter()
        .find(|bar| bar.row.id.as_str() == "vigibase-other")
        .unwrap();
    assert_eq!(other.deaths.arithmetic(), "14/17 = 82%");
    assert_eq!(other.recovered, 3);
    assert!(
        other.sentence().contains("95% CI 59% to 94%"),
        "{}",
        other.sentence()
    );
    // Rows without counts (Drop's overview, Lapointe's letter) have no bar; nor have the
    // Alport transplant cases, who may be among the VigiBase transplant reports (not
    // reported), nor Tahir's patient, probably one of them: no death is counted twice.
    for id in ["drop-2021", "lapointe-2018", "alport-transplant", "tahir"] {
        assert!(bars.iter().all(|bar| bar.row.id.as_str() != id), "{id}");
    }
    let deaths: u32 = bars
        .iter()
        .filter(|bar| bar.row.group == casebook_core::RowGroup::Published)
        .map(|bar| bar.deaths.events)
        .sum();
    assert_eq!(
        deaths, 0,
        "no published death is charted apart from the registry"
    );
}

#[test]
fn rows_can_be_hidden_and_sorted() {
    let pack = pack();
    let hidden = [pack.row("tahir").unwrap().id.clone()];
    let rows = chosen_rows(&pack, &hidden, SortOrder::Pack);
    assert_eq!(rows.len(), pack.comparison.len() - 1);
    assert!(rows.iter().all(|row| row.id.as_str() != "tahir"));

    // Counted rows only: "all indications" repeats the two VigiBase rows and is not counted.
    let by_n = chosen_rows(&pack, &[], SortOrder::Patients);
    assert_eq!(by_n[0].id.as_str(), "vigibase-other");
    assert_eq!(by_n[1].id.as_str(), "vigibase-ms");

    let by_mortality = chosen_rows(&pack, &[], SortOrder::Mortality);
    assert_eq!(by_mortality[0].id.as_str(), "vigibase-other"); // 14/17 died
    assert!(by_mortality
        .iter()
        .all(|row| row.id.as_str() != "alport-transplant" || row.outcome_counts.is_none()));
    let last_counted = by_mortality
        .iter()
        .rposition(|row| row.outcome_counts.is_some())
        .unwrap();
    assert!(by_mortality[last_counted + 1..]
        .iter()
        .all(|row| row.outcome_counts.is_none()));
    assert_eq!(SortOrder::from_key("mortality"), Some(SortOrder::Mortality));
}

#[test]
fn contrasts_come_from_the_rows() {
    let pack = pack();
    let alport = pack
        .comparison
        .iter()
        .find(|row| row.id.as_str() == "alport-transplant")
        .unwrap();
    let found = contrasts(&pack, alport);
    let dose = found
        .iter()
        .find(|contrast| contrast.field.key(&pack) == "dose_route")
        .expect("the doses differ");
    assert!(dose.this_case.text.contains("12 mg"));
    assert!(dose.other.text.contains("30 mg"));
    assert!(found
        .iter()
        .any(|contrast| contrast.field.key(&pack) == "ventilation"));
    let this_case = &pack.comparison[0];
    assert!(contrasts(&pack, this_case).is_empty());
}

#[test]
fn csv_has_every_row_and_field_with_its_source() {
    let pack = pack();
    let rows = chosen_rows(&pack, &[], SortOrder::Pack);
    let csv = to_csv(&pack, &rows);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "case");
    assert_eq!(&headers[7], "quote");
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        records.len(),
        pack.comparison.len() * Field::all(&pack).len()
    );
    for record in &records {
        let value = &record[3];
        assert!(!value.is_empty());
        if value != casebook_core::NOT_REPORTED && value != casebook_core::NOT_IN_PART_READ {
            assert!(!record[7].is_empty(), "{record:?} has no quote");
        }
    }
    // Quotes with commas and double quotes survive the round trip.
    assert!(records
        .iter()
        .any(|record| record[3].contains("\"plasma electrophoresis\"")));
}

#[test]
fn quote_anchors_are_stable_and_link_only_article_quotes() {
    assert_eq!(quote_anchor("a  b\nc"), quote_anchor("a b c"));
    assert_ne!(quote_anchor("a b"), quote_anchor("a c"));
    assert_eq!(quote_anchor(""), "q-811c9dc5");
    let pack = pack();
    let article = &pack.meta.article_source;
    let this_case = &pack.comparison[0];
    let seed_cell = this_case.cells["dose_route"].provenance.as_ref().unwrap();
    assert_eq!(
        in_paper(seed_cell, article),
        Some(Target::Quote(seed_cell.quote.clone()))
    );
    let tahir = pack
        .comparison
        .iter()
        .find(|row| row.id.as_str() == "tahir")
        .unwrap();
    assert!(in_paper(tahir.cells["age_sex"].provenance.as_ref().unwrap(), article).is_none());
}

#[test]
fn quote_anchors_do_not_collide_in_the_seed() {
    let pack = pack();
    let mut seen = std::collections::HashMap::new();
    for provenance in casebook_core::inventory::all_provenance(&pack) {
        let quote = casebook_core::provenance::normalize_whitespace(&provenance.provenance.quote);
        let anchor = quote_anchor(&quote);
        if let Some(previous) = seen.insert(anchor.clone(), quote.clone()) {
            assert_eq!(previous, quote, "{anchor} names two different quotes");
        }
    }
}

#[test]
fn the_comparisons_choices_travel_in_the_address_and_a_bad_link_changes_only_what_it_names() {
    use casebook_core::compare::{Choices, SortOrder};
    let pack = casebook_core::seed_pack().unwrap();
    let second = pack.comparison[1].id.clone();
    let (choices, problems) = Choices::from_query(&pack, Some(second.as_str()), Some("mortality"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(choices.hidden, std::slice::from_ref(&second));
    assert_eq!(choices.order, SortOrder::Mortality);
    // Round trip.
    let (hide, order) = choices.to_query();
    assert_eq!(
        Choices::from_query(&pack, Some(&hide), Some(&order)).0,
        choices
    );
    assert_eq!(
        Choices::default().to_query(),
        (String::new(), String::new())
    );
    // What the pack does not have is left out and said; a hostile link stays cheap.
    let hostile = format!("{},{}", second, "x\u{202e},".repeat(100_000));
    let (choices, problems) = Choices::from_query(&pack, Some(&hostile), Some("<script>"));
    assert_eq!(choices.hidden, [second]);
    assert_eq!(choices.order, SortOrder::Pack);
    assert!(problems.len() <= 7, "{}", problems.len());
    assert!(
        problems.iter().any(|p| p.contains("99995 more")),
        "{problems:?}"
    );
    assert!(problems.iter().any(|p| p.contains("order")));
}
