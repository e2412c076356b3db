//! The differential engine on any saved or shared state (`?a=…&t=…` links, storage):
//! decoding drops what it does not understand, and the engine ranks whatever is left.
#![no_main]

use std::sync::OnceLock;

use casebook_core::differential::{assess, decode_ticks, next_questions, Answers};
use casebook_core::CasePack;
use libfuzzer_sys::fuzz_target;

fn pack() -> &'static CasePack {
    static PACK: OnceLock<CasePack> = OnceLock::new();
    PACK.get_or_init(|| casebook_core::seed_pack().expect("the seed pack loads"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (answers_text, ticks_text) = text.split_once('&').unwrap_or((&text, ""));
    let pack = pack();
    let (answers, _problems) = Answers::decode(pack, answers_text);
    let ranked = assess(pack, &answers);
    assert_eq!(ranked.len(), pack.diagnoses.len());
    let _ = next_questions(pack, &answers, 5);
    // What is encoded decodes to the same answers.
    let (again, problems) = Answers::decode(pack, &answers.encode());
    assert!(problems.is_empty());
    assert_eq!(again, answers);
    let _ = decode_ticks(pack, ticks_text);
});
