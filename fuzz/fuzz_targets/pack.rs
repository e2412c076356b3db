//! Any text given as a case pack: parsing and validation return a pack or errors, never
//! panic, and every error has a line and column inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match casebook_core::load_pack("fuzz.casepack.md", text) {
        Ok(pack) => {
            // A pack that loads must also survive every derived view model.
            let _ = casebook_core::study::stages::stages(&pack);
            let _ = casebook_core::study::cards::cards(&pack);
            let _ = casebook_core::reader::blocks(&pack, None);
            // The reader with every sentence noted and one highlighted (its sweep over a
            // paragraph's cuts), and the search index over everything.
            let sentences = casebook_core::article::sentences(&pack.article.plain_text());
            let _ = casebook_core::reader::blocks_with_notes(&pack, sentences.first().map(String::as_str), &sentences);
            let _ = casebook_core::search::Index::new(&pack).search("a");
            let _ = casebook_core::differential::assess(
                &pack,
                &casebook_core::differential::worked_example_answers(&pack),
            );
        }
        Err(errors) => {
            let lines = text.lines().count().max(1) + 1;
            for error in errors.errors() {
                assert!(error.line >= 1 && error.line <= lines, "{error:?}");
                assert!(error.column >= 1);
            }
        }
    }
});
