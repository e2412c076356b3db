//! Notes files (formats 1 and 2, with study progress) and stored study progress, as a
//! user might import them or find them damaged in storage: read or refused, never a panic.
#![no_main]

use std::sync::OnceLock;

use casebook_core::notes::{backup_json, read_backup};
use casebook_core::study::progress::Progress;
use casebook_core::CasePack;
use libfuzzer_sys::fuzz_target;

fn pack() -> &'static CasePack {
    static PACK: OnceLock<CasePack> = OnceLock::new();
    PACK.get_or_init(|| casebook_core::seed_pack().expect("the seed pack loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let pack = pack();
    if let Ok((notes, study)) = read_backup(text, pack) {
        // What was read writes back and reads again the same.
        let written = backup_json(pack, &notes, study.as_ref());
        let (again, study_again) = read_backup(&written, pack).expect("a written file reads");
        assert_eq!(again, notes);
        assert_eq!(study_again, study);
    }
    if let Ok(progress) = Progress::from_json(text, pack) {
        let again = Progress::from_json(&progress.to_json(pack), pack).expect("round trip");
        assert_eq!(again, progress);
    }
});
