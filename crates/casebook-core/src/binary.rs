//! A compact binary form of a *validated* pack, for embedding in the app.
//!
//! The app's build script parses and validates the seed pack natively and embeds this
//! encoding; the browser then decodes it without a TOML parser, validator or error-path
//! tracking in the wasm, which keeps the download small and start-up fast. Postcard is
//! used because it is compact, deterministic and serde-based.

use crate::model::CasePack;

/// Marks the encoding so that bytes of another layout are refused, not misread: `CB` and
/// six bytes of a hash of the source files that define the encoded types. Any change to
/// them (a field added, renamed or reordered) changes the tag by itself, so a layout
/// change can never be forgotten; a change that does not alter the layout (a comment)
/// costs only a re-check of stored packs from their text, which is what an older layout
/// gets too.
pub const MAGIC: &[u8; 8] = &layout_tag();

/// The files whose types make up the encoding.
const LAYOUT_SOURCES: [&str; 6] = [
    include_str!("model.rs"),
    include_str!("article.rs"),
    include_str!("time.rs"),
    include_str!("ids.rs"),
    include_str!("provenance.rs"),
    include_str!("binary.rs"),
];

/// FNV-1a (64-bit) over [`LAYOUT_SOURCES`], at compile time. Hand-written because it must
/// be a `const fn`: no hashing crate evaluates at compile time, and a build script would
/// be heavier than these lines.
const fn layout_tag() -> [u8; 8] {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut file = 0;
    while file < LAYOUT_SOURCES.len() {
        let bytes = LAYOUT_SOURCES[file].as_bytes();
        let mut index = 0;
        while index < bytes.len() {
            hash ^= bytes[index] as u64;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            index += 1;
        }
        file += 1;
    }
    let h = hash.to_le_bytes();
    [b'C', b'B', h[0], h[1], h[2], h[3], h[4], h[5]]
}

/// Encodes a validated pack.
pub fn encode(pack: &CasePack) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend(postcard::to_allocvec(pack).expect("a pack always serializes"));
    bytes
}

/// Decodes bytes made by [`encode`] with the same format version.
pub fn decode(bytes: &[u8]) -> Result<CasePack, String> {
    let body = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| "not an encoded case pack (or an encoding of another layout)".to_owned())?;
    let pack: CasePack = postcard::from_bytes(body)
        .map_err(|error| format!("the encoded case pack is damaged: {error}"))?;
    // `format` says which version the pack's file was written in (a format 1 file is
    // migrated when read); the layout tag above guards the encoding itself.
    if !(crate::OLDEST_FORMAT_VERSION..=crate::FORMAT_VERSION).contains(&pack.format) {
        return Err(format!(
            "encoded pack has format {}, this app reads {} to {}",
            pack.format,
            crate::OLDEST_FORMAT_VERSION,
            crate::FORMAT_VERSION
        ));
    }
    Ok(pack)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_seed_pack() {
        let pack = crate::seed_pack().unwrap();
        let bytes = encode(&pack);
        assert_eq!(decode(&bytes).unwrap(), pack);
        assert!(
            bytes.len() < crate::SEED_PACK.len(),
            "the encoding is smaller than the text"
        );
    }

    #[test]
    fn refuses_an_older_layout() {
        let mut bytes = encode(&crate::seed_pack().unwrap());
        bytes[..8].copy_from_slice(b"CASEPK01");
        assert!(decode(&bytes).is_err());
    }

    #[test]
    fn refuses_foreign_or_damaged_bytes() {
        assert!(decode(b"not a pack").is_err());
        let bytes = encode(&crate::seed_pack().unwrap());
        assert!(decode(&bytes[..bytes.len() / 2]).is_err());
    }
}
