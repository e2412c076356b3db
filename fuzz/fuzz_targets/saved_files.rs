//! Notes files (formats 1 and 2, with study progress), and the values kept on the device
//! (notes, study progress, the checklist's answers), as a user might import them or find
//! them damaged in storage: read, salvaged or refused, never a panic; and whatever the
//! storage rules decide to write reads back as exactly what they decided (no write ever
//! stores what the next read would refuse or change).
#![no_main]

use std::sync::OnceLock;

use casebook_core::checklist::Checklist;
use casebook_core::notes::{backup_json, read_backup, Notes};
use casebook_core::saved::{plan_update, Read, Saved};
use casebook_core::study::progress::Progress;
use casebook_core::CasePack;
use libfuzzer_sys::fuzz_target;

fn pack() -> &'static CasePack {
    static PACK: OnceLock<CasePack> = OnceLock::new();
    PACK.get_or_init(|| casebook_core::seed_pack().expect("the seed pack loads"))
}

/// Reads `text` as a stored `T`, then plans a change that does nothing: whatever the plan
/// writes must read back whole, as the value it shows.
fn stored_value_holds<T: Saved<Context = CasePack>>(text: &str, pack: &CasePack) {
    let _ = T::read(text, pack);
    if let Ok(plan) = plan_update::<T>(Some(text), pack, |_| Ok(())) {
        if let Some(written) = &plan.write {
            assert_eq!(T::read(written, pack), Read::Whole(plan.value.clone()));
        }
        // What is kept aside is always replaced by what was read of it.
        assert!(plan.keep_aside.is_none() || plan.write.is_some());
    }
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
    stored_value_holds::<Notes>(text, pack);
    stored_value_holds::<Progress>(text, pack);
    stored_value_holds::<Checklist>(text, pack);
    if let Ok(progress) = Progress::from_json(text, pack) {
        let again = Progress::from_json(&progress.to_json(pack), pack).expect("round trip");
        assert_eq!(again, progress);
    }
});
