//! Provenance: where a clinical item comes from and how sure we are of it.

use serde::{Deserialize, Serialize};

use crate::ids::SourceId;

/// How sure we are of a fact, in the four words of `shared/research/LITERATURE.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Stated in the case report itself. Strongest.
    Seed,
    /// Read in the cited paper's own abstract or text.
    Verified,
    /// Read only in someone else's summary.
    Secondary,
    /// Recalled or inferred, not read in any source.
    Unverified,
}

impl Status {
    /// All statuses, strongest first.
    pub const ALL: [Status; 4] = [
        Status::Seed,
        Status::Verified,
        Status::Secondary,
        Status::Unverified,
    ];

    /// The word shown on a status badge.
    pub fn label(self) -> &'static str {
        match self {
            Status::Seed => "seed",
            Status::Verified => "verified",
            Status::Secondary => "secondary",
            Status::Unverified => "unverified",
        }
    }

    /// One sentence a user reads when they ask what the badge means.
    pub fn explanation(self) -> &'static str {
        match self {
            Status::Seed => "Stated in the case report itself.",
            Status::Verified => "Read in the cited paper's own abstract or text.",
            Status::Secondary => "Read only in a summary by someone else.",
            Status::Unverified => "Not read in any source: recalled or inferred.",
        }
    }
}

/// The source, the verbatim quote and the status behind one clinical item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The source the quote is taken from.
    pub source: SourceId,
    /// Words copied exactly from the source text (whitespace may differ).
    pub quote: String,
    /// How sure we are.
    pub status: Status,
    /// Optional remark, e.g. how a value was read from the quote.
    #[serde(default)]
    pub note: Option<String>,
}

/// Collapses every run of whitespace to one space and trims the ends, so a quote written
/// across lines matches the source however it was wrapped.
pub fn normalize_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `quote` occurs verbatim in `source_text`, whitespace aside.
/// Both arguments are normalised here; pass already-normalised text for speed in loops
/// via [`quote_in_normalized`].
pub fn quote_found(quote: &str, source_text: &str) -> bool {
    quote_in_normalized(
        &normalize_whitespace(quote),
        &normalize_whitespace(source_text),
    )
}

/// Like [`quote_found`], for text normalised once by the caller.
pub fn quote_in_normalized(normalized_quote: &str, normalized_source: &str) -> bool {
    !normalized_quote.is_empty() && normalized_source.contains(normalized_quote)
}

/// The anchor the reader gives the passage a quote was taken from: `q-` and the 32-bit
/// FNV-1a hash of the whitespace-normalised quote, in hex. Any view links to
/// `/reader#<anchor>` and the reader marks the quote it finds in the text, so no anchor
/// is ever placed by hand and an edited quote can never point at a stale place.
pub fn quote_anchor(quote: &str) -> String {
    // FNV-1a: tiny, stable across builds and platforms (unlike std's hasher), and
    // collisions among a pack's few hundred quotes are checked by the seed-pack tests.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in normalize_whitespace(quote).bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("q-{hash:08x}")
}

/// Where the paper shows the quote of a provenance whose source is the article
/// (`article_source`), or `None` for quotes from other sources (they are shown on the
/// sources page instead).
pub fn in_paper(provenance: &Provenance, article_source: &SourceId) -> Option<crate::Target> {
    (provenance.source == *article_source).then(|| crate::Target::Quote(provenance.quote.clone()))
}
