//! Opaque identifiers. Each kind of item has its own newtype so an event id can never be
//! passed where a diagnosis id is expected; ids are validated (non-empty, lowercase ASCII
//! letters, digits and hyphens) when a pack is validated. Only the core makes ids from
//! text: the shell gets them from the pack's items.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id as written in the pack.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// An id read by the core (from a pack, a saved value, a link). Outside the
            /// core an id comes only from the pack's own items (`CasePack::finding` and
            /// the like), so no page can make up an id the pack does not have.
            #[allow(dead_code)]
            pub(crate) fn new(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        /// Compares with an id written as text (a test's, or an address's).
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a case pack (`meta.id`): what its saved notes, progress and answers are
    /// kept under, so two packs never share them.
    PackId
);
id_type!(
    /// Identifies a source (the case report, a later paper, a label, ...).
    SourceId
);
id_type!(
    /// Identifies a timeline event; also the `/timeline/<event-id>` route segment.
    EventId
);
id_type!(
    /// Identifies a measurement (a laboratory value or vital sign).
    MeasurementId
);
id_type!(
    /// Identifies a comparison row (a case or a cohort).
    RowId
);
id_type!(
    /// Identifies a finding of the differential checklist.
    FindingId
);
id_type!(
    /// Identifies a group of findings (as the pack's `finding_groups` names them).
    FindingGroupId
);
id_type!(
    /// Identifies a diagnosis of the differential.
    DiagnosisId
);
id_type!(
    /// Identifies a work-up or management item.
    ItemId
);
id_type!(
    /// Identifies a study question.
    QuestionId
);
id_type!(
    /// Identifies a glossary entry.
    TermId
);
id_type!(
    /// Identifies a stage of the study mode's staged reveal.
    StageId
);

/// True when `id` is a well-formed id: 1–64 characters of `a-z`, `0-9` and `-`,
/// starting with a letter. Keeps ids safe to use in URLs and HTML ids.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.len() <= 64
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
}
