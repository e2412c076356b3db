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
