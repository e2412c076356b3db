//! Validates the seed case pack at build time and embeds it pre-parsed.
//!
//! A pack with any error fails the build, listing every error with file, line and field.
//! The app includes `$OUT_DIR/seed.casepack.bin` (see `src/pack.rs`), so the browser
//! never parses TOML for the seed case.

use std::path::PathBuf;

const SEED: &str = "content/alemtuzumab-dah.casepack.md";

fn main() {
    println!("cargo:rerun-if-changed={SEED}");
    let text =
        std::fs::read_to_string(SEED).unwrap_or_else(|error| panic!("cannot read {SEED}: {error}"));
    let pack = match casebook_core::load_pack(SEED, &text) {
        Ok(pack) => pack,
        Err(errors) => {
            for error in errors.errors() {
                println!("cargo:warning={error}");
            }
            panic!(
                "the seed case pack has {} errors (listed above)",
                errors.errors().len()
            );
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("seed.casepack.bin");
    std::fs::write(&out, casebook_core::binary::encode(&pack))
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", out.display()));
}
