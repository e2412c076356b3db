//! A compact binary form of a *validated* pack, for embedding in the app.
//!
//! The app's build script parses and validates the seed pack natively and embeds this
//! encoding; the browser then decodes it without a TOML parser, validator or error-path
//! tracking in the wasm, which keeps the download small and start-up fast. Postcard is
//! used because it is compact, deterministic and serde-based.

use crate::model::CasePack;

/// Marks the encoding so that bytes of another kind are refused, not misread. The number
/// counts layouts: 02 carries the article parsed into pieces instead of its Markdown.
/// Packs a device stored in an older layout are checked again from their text.
pub const MAGIC: &[u8; 8] = b"CASEPK02";

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
        .ok_or_else(|| "not an encoded case pack (or an encoding of another version)".to_owned())?;
    let pack: CasePack = postcard::from_bytes(body)
        .map_err(|error| format!("the encoded case pack is damaged: {error}"))?;
    if pack.format != crate::FORMAT_VERSION {
        return Err(format!(
            "encoded pack has format {}, this app reads {}",
            pack.format,
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
