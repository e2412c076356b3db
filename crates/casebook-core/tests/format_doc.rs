//! The complete example in docs/case-pack-format.md is a valid pack.

#[test]
fn documented_example_validates() {
    let doc = include_str!("../../../docs/case-pack-format.md");
    let start = doc
        .find("```casepack\n")
        .expect("the doc has a ```casepack block")
        + "```casepack\n".len();
    let end = start + doc[start..].find("\n```").expect("the block is closed");
    let example = &doc[start..=end];
    let pack = casebook_core::load_pack("docs/case-pack-format.md", example)
        .unwrap_or_else(|errors| panic!("the documented example does not validate:\n{errors}"));
    assert_eq!(pack.meta.id, "example");
    assert!(!pack.events.is_empty() && !pack.rules.is_empty() && !pack.comparison.is_empty());
}

#[test]
fn the_documented_example_is_format_2_and_a_format_1_file_still_opens() {
    let doc = include_str!("../../../docs/case-pack-format.md");
    assert!(doc.starts_with("# The case pack format, version 2"));
    // A format 1 file (the documented example as it was) is migrated as it is read.
    let old = include_str!("../../../tests/packs/format-1-example.casepack.md");
    let pack = casebook_core::load_pack("format-1-example.casepack.md", old)
        .unwrap_or_else(|errors| panic!("a format 1 file does not open:\n{errors}"));
    assert_eq!(pack.format, 1, "it says which version it read");
    assert_eq!(pack.compare_fields.len(), 11, "format 1's fields");
    assert_eq!(pack.finding_groups.len(), 7, "format 1's groups");
    assert_eq!(pack.timeline.phases.len(), 2, "before and from the anchor");
    assert!(pack.comparison[0].indication.provenance.is_none());
    // It reads as it did: its fields, findings and events.
    assert_eq!(pack.events.len(), 3);
    assert_eq!(pack.comparison[0].cells.len(), 11);
    // A format 1 file cannot use format 2's sections.
    let mixed = old.replacen("[meta]", "[views]\ntimeline = \"x\"\n\n[meta]", 1);
    let errors = casebook_core::load_pack("mixed.casepack.md", &mixed).unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("`views` is a section of format 2"),
        "{errors}"
    );
}

#[test]
fn a_migrated_format_1_pack_travels_in_the_binary_encoding() {
    let old = include_str!("../../../tests/packs/format-1-example.casepack.md");
    let pack = casebook_core::load_pack("format-1-example.casepack.md", old).unwrap();
    let back = casebook_core::binary::decode(&casebook_core::binary::encode(&pack))
        .expect("the importer's answer for a format 1 file is read by the page");
    assert_eq!(back, pack);
}
