//! Property tests: whatever a user imports, parsing and validating never panics.

use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../../../tests/broken-packs/12-bad-lane.casepack.md");

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// Arbitrary text, including arbitrary Unicode.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        let _ = casebook_core::load_pack("fuzz.casepack.md", &text);
    }

    /// Text that looks like a pack: fences and TOML-ish lines.
    #[test]
    fn pack_shaped_text_never_panics(lines in proptest::collection::vec("[a-z_\\[\\]=\" {},.+0-9-]{0,40}", 0..40)) {
        let text = format!("+++\n{}\n+++\n# Body\n", lines.join("\n"));
        let _ = casebook_core::load_pack("fuzz.casepack.md", &text);
    }

    /// A real pack with a slice cut out, or bytes inserted, anywhere (char boundaries).
    #[test]
    fn mutated_pack_never_panics(cut_at in 0usize..10_000, cut_len in 0usize..200, insert in "\\PC{0,12}") {
        let chars: Vec<char> = EXAMPLE.chars().collect();
        let at = cut_at % (chars.len() + 1);
        let end = (at + cut_len).min(chars.len());
        let mutated: String = chars[..at].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
        let _ = casebook_core::load_pack("fuzz.casepack.md", &mutated);
    }

    /// Any time string is either placed or rejected with a message.
    #[test]
    fn any_offset_string_never_panics(text in "\\PC{0,20}") {
        let _ = casebook_core::Offset::parse(&text);
    }
}

#[test]
fn the_seed_pack_with_any_line_removed_never_panics() {
    let seed = casebook_core::SEED_PACK;
    let lines: Vec<&str> = seed.lines().collect();
    // Every 7th line keeps the run short while touching every section.
    for skip in (0..lines.len()).step_by(7) {
        let text: String = lines
            .iter()
            .enumerate()
            .filter(|(index, _)| *index != skip)
            .map(|(_, line)| *line)
            .collect::<Vec<_>>()
            .join("\n");
        let _ = casebook_core::load_pack("seed-mutated.casepack.md", &text);
    }
}

#[test]
fn a_pack_with_an_open_override_in_its_title_opens_with_it_closed() {
    let text =
        casebook_core::SEED_PACK.replacen("title = \"Diffuse", "title = \"\u{202E}Diffuse", 1);
    let pack = casebook_core::load_pack("bidi.casepack.md", &text).expect("it validates");
    assert!(pack.meta.title.starts_with('\u{202E}'));
    assert!(pack.meta.title.ends_with('\u{202C}'), "closed at its end");
    // Everything else is as it was.
    let seed = casebook_core::seed_pack().unwrap();
    assert_eq!(pack.events, seed.events);
    assert_eq!(pack.article, seed.article);
}
