//! Casebook's domain, free of any web dependency so it is tested natively and fast.
//!
//! A *case pack* is one human-written file holding a published case: its metadata, the
//! article as Markdown, sources, glossary, timeline, measurements, comparison rows,
//! differential knowledge, work-up items and study questions. Every clinical item carries
//! [`Provenance`]: the source, the verbatim quote it rests on, and a [`Status`].
//!
//! [`load_pack`] parses and validates a pack and reports *every* problem at once, each
//! with file, line, column and field path. The web app only renders what this crate
//! returns; it never decides anything clinical itself.

#![warn(missing_docs)]

pub mod article;
pub mod bidi;
pub mod binary;
pub mod checklist;
pub mod cite;
pub mod compare;
pub mod differential;
pub mod error;
pub mod ids;
pub mod import;
pub mod inventory;
pub mod limits;
pub mod migrate;
pub mod model;
pub mod notes;
mod parse;
pub mod provenance;
pub mod reader;
pub mod saved;
pub mod search;
pub mod stats;
pub mod study;
pub mod target;
pub mod time;
pub mod timeline;
mod validate;

pub use error::{PackError, PackErrors};
pub use ids::*;
pub use model::*;
pub use provenance::{Provenance, Status};
pub use target::Target;
pub use time::{Offset, Precision, TimeSpec};

/// The case pack format version this build writes and documents. Packs declare it as
/// `format = 2`.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest format still read: a format 1 pack is migrated as it is read
/// (`migrate::from_format_1`).
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// The seed case, embedded so every build carries it and every test can read it.
pub const SEED_PACK: &str = include_str!("../../../content/alemtuzumab-dah.casepack.md");

/// The file name reported in the seed pack's errors.
pub const SEED_PACK_FILE: &str = "content/alemtuzumab-dah.casepack.md";

/// Parses and validates a case pack.
///
/// `file` names the pack in error messages. On failure every error found is returned,
/// not only the first; the caller's current state is never touched by this function.
pub fn load_pack(file: &str, text: &str) -> Result<CasePack, PackErrors> {
    limits::check(file, text)?;
    let parsed = parse::parse(file, text)?;
    limits::check_lists(file, &parsed.pack)?;
    validate::validate(file, text, &parsed)?;
    if bidi::has_controls(text) {
        return Ok(contain_bidi(parsed.pack));
    }
    Ok(parsed.pack)
}

/// The pack with every string's direction controls closed off ([`bidi::contain`]), so no
/// text of the pack can reorder the app's own. Only packs with such controls pay for it.
fn contain_bidi(pack: CasePack) -> CasePack {
    let mut value = serde_json::to_value(&pack).expect("a pack serialises");
    bidi::contain_all(&mut value);
    serde_json::from_value(value).unwrap_or(pack)
}

/// Loads the embedded seed pack. It is validated by the test suite on every build, so a
/// failure here is a build defect, reported with all its errors.
pub fn seed_pack() -> Result<CasePack, PackErrors> {
    load_pack(SEED_PACK_FILE, SEED_PACK)
}
