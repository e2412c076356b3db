//! Where an item lives in the app, as the core knows it: an event, a finding, a quote of
//! the paper… never an address. The shell's route module alone turns a [`Target`] into a
//! URL and an element id, so renaming an id in a page cannot silently break the links
//! search results and the sources page make (as Elm's `Route.elm` owns every address).

use crate::ids::{DiagnosisId, EventId, FindingId, RowId, SourceId, TermId};
use crate::model::WorkupKind;

/// A place in the app an item can be shown at.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// The overview (the key message, the five lines, the report's details).
    Overview,
    /// The timeline as a whole (the anchor, how days are numbered).
    Timeline,
    /// One event of the timeline, selected.
    Event(EventId),
    /// The comparison as a whole (its notes).
    Comparison,
    /// One row (a case or a cohort) of the comparison.
    ComparisonRow(RowId),
    /// One diagnosis of the differential.
    Diagnosis(DiagnosisId),
    /// The differential as a whole.
    Differential,
    /// One finding (a question) of the differential checklist.
    Finding(FindingId),
    /// The work-up or the management list of the differential.
    Workup(WorkupKind),
    /// The paper, in the reader.
    Paper,
    /// A glossary entry, in the reader.
    Term(TermId),
    /// A passage of the paper, marked in the reader: the words quoted.
    Quote(String),
    /// A figure of the paper, by its number, in the reader.
    Figure(u32),
    /// The study mode.
    Study,
    /// An entry of the paper's reference list, by its number, in the reader.
    Reference(u32),
    /// One source, on the sources page.
    Source(SourceId),
}
