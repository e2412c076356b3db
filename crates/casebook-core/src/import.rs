//! Opening a pack someone was sent, as the app's importer (a Web Worker with its own wasm,
//! loaded only when a file is opened) does it: parse and validate off the page's thread,
//! then hand the page either the pack in the compact encoding the page already decodes
//! (`binary`), or every error. Keeping the TOML parser and the validator out of the page's
//! wasm keeps the first visit small, and a huge or slow file never freezes the page.
//!
//! Imported packs are kept on the device as their text (the source of truth, re-read on
//! a format change) and as the encoding (so reopening is instant); [`bytes_to_storage`]
//! and [`bytes_from_storage`] carry the encoding through string-only storage.

use crate::error::PackErrors;
use crate::model::CasePack;

/// What the importer answers.
#[derive(Debug, PartialEq)]
pub enum Reply {
    /// The pack, encoded with [`crate::binary::encode`].
    Pack(Vec<u8>),
    /// Every error, as JSON ([`PackErrors`] serialised).
    Errors(String),
}

/// Parses and validates `text` (named `file` in errors) and makes the importer's reply.
pub fn reply(file: &str, text: &str) -> Reply {
    match crate::load_pack(file, text) {
        Ok(pack) => Reply::Pack(crate::binary::encode(&pack)),
        Err(errors) => {
            Reply::Errors(serde_json::to_string(&errors).expect("errors serialise to JSON"))
        }
    }
}

/// Reads the importer's error reply; a reply that is not one becomes an error itself.
pub fn errors_from_reply(file: &str, json: &str) -> PackErrors {
    serde_json::from_str(json).unwrap_or_else(|error| {
        PackErrors::whole_file(
            file,
            format!("the importer's answer could not be read ({error})"),
        )
    })
}

/// Reads the importer's pack reply.
pub fn pack_from_reply(file: &str, bytes: &[u8]) -> Result<CasePack, PackErrors> {
    crate::binary::decode(bytes).map_err(|message| PackErrors::whole_file(file, message))
}

/// The encoding as a string for storage that holds only text: one character per byte
/// (U+0000 to U+00FF, as Latin-1 maps them). Written by hand: it is two lines, and a
/// base64 crate would add code to the page for no gain (the storage counts characters).
pub fn bytes_to_storage(bytes: &[u8]) -> String {
    bytes.iter().map(|&byte| char::from(byte)).collect()
}

/// Reverses [`bytes_to_storage`]; `None` if a character is outside U+0000–U+00FF
/// (the stored value was damaged or is not one of ours).
pub fn bytes_from_storage(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_pack_comes_back_as_the_same_pack() {
        let Reply::Pack(bytes) = reply("seed", crate::SEED_PACK) else {
            panic!("the seed pack is valid");
        };
        let stored = bytes_to_storage(&bytes);
        let back = bytes_from_storage(&stored).unwrap();
        assert_eq!(back, bytes);
        assert_eq!(
            pack_from_reply("seed", &back).unwrap(),
            crate::seed_pack().unwrap()
        );
        assert_eq!(bytes_from_storage("Ā"), None);
    }

    #[test]
    fn a_broken_pack_comes_back_as_every_error_with_its_place() {
        let broken = crate::SEED_PACK.replacen("year = 2018", "year = \"2018\"", 1);
        let Reply::Errors(json) = reply("sent.casepack.md", &broken) else {
            panic!("the pack is broken");
        };
        let errors = errors_from_reply("sent.casepack.md", &json);
        assert_eq!(errors.errors()[0].path, "meta.year");
        assert_eq!(errors.errors()[0].file, "sent.casepack.md");
        assert!(errors.errors()[0].line > 1);
        let garbled = errors_from_reply("x", "not json");
        assert!(garbled.errors()[0].message.contains("could not be read"));
    }
}
