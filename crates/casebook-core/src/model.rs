//! The case pack's typed model, as read from a pack file with serde.
//!
//! Every struct denies unknown fields, so a misspelt key is an error with its line, not a
//! silently ignored value. The article body is not in here: it is the Markdown that
//! follows the front matter, kept in [`CasePack::article`].

use serde::{Deserialize, Serialize};

use crate::ids::*;
use crate::provenance::{Provenance, Status};
use crate::time::TimeSpec;

/// The literal a pack writes where a source does not report something.
pub const NOT_REPORTED: &str = "not reported";

/// The literal a pack writes where only part of a source was read and that part does not
/// give something: the source may report it, but nobody has read where it would.
pub const NOT_IN_PART_READ: &str = "not in the part read";

/// A whole case pack.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CasePack {
    /// Format version (see [`crate::FORMAT_VERSION`]).
    pub format: u32,
    /// Title, journal, DOI, licence, citation.
    pub meta: Meta,
    /// The moment every timeline time is relative to.
    pub anchor: Anchor,
    /// The paper's key message.
    pub key_message: SourcedText,
    /// The case in a few lines, for the overview.
    pub summary: Vec<SourcedText>,
    /// Everything the pack's facts are quoted from.
    pub sources: Vec<Source>,
    /// The article's numbered references.
    pub references: Vec<Reference>,
    /// Terms a student will stumble on.
    pub glossary: Vec<GlossaryEntry>,
    /// The case's course, from history to follow-up.
    pub events: Vec<Event>,
    /// Laboratory values and vital signs.
    pub measurements: Vec<Measurement>,
    /// Cases and cohorts to set beside this one.
    pub comparison: Vec<ComparisonRow>,
    /// Questions of the differential checklist.
    pub findings: Vec<Finding>,
    /// Diagnoses of the differential.
    pub diagnoses: Vec<Diagnosis>,
    /// How each answered finding bears on each diagnosis.
    pub rules: Vec<Rule>,
    /// The published case's own answers, in the order they became known.
    pub worked_example: Vec<WorkedAnswer>,
    /// What to order and what to do.
    pub workup: Vec<WorkupItem>,
    /// Study questions with answers.
    pub questions: Vec<Question>,
    /// The case in the order it became known, for the study mode (optional).
    pub stages: Vec<Stage>,
    /// The article: the Markdown after the front matter, parsed when the pack is read.
    pub article: crate::article::Article,
}

/// Bibliographic metadata of the case report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Short id of the case, e.g. `alemtuzumab-dah`.
    pub id: String,
    /// The article's title.
    pub title: String,
    /// Journal name.
    pub journal: String,
    /// Publication year.
    pub year: u16,
    /// How the year is known, if not printed in the source.
    #[serde(default)]
    pub year_note: Option<String>,
    /// DOI without the `https://doi.org/` prefix.
    pub doi: String,
    /// Licence name, e.g. `CC BY 4.0`.
    pub licence: String,
    /// Authors as far as confirmed; otherwise a pointer such as "see DOI".
    pub authors: String,
    /// The citation line shown with the text.
    pub citation: String,
    /// The source whose text is this pack's article.
    pub article_source: SourceId,
    /// True for generated packs (benchmarks, tests); never shipped as real content.
    #[serde(default)]
    pub synthetic: bool,
    /// A short plain-language title for the overview's heading (the article's title
    /// when absent).
    #[serde(default)]
    pub short_title: Option<String>,
    /// One sentence introducing the differential for this presentation (a general one
    /// when absent).
    #[serde(default)]
    pub differential_lede: Option<String>,
    /// One sentence introducing the timeline (a general one when absent).
    #[serde(default)]
    pub timeline_lede: Option<String>,
    /// One sentence introducing the comparison (a general one when absent).
    #[serde(default)]
    pub compare_lede: Option<String>,
}

impl Meta {
    /// The heading for the case: the short title, or the article's title.
    pub fn heading(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

/// A sentence of the app's own wording with the quote it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedText {
    /// The sentence shown.
    pub text: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// The zero point of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// What the zero point is, e.g. "start of the first alemtuzumab infusion".
    pub label: String,
    /// Where the source says so.
    pub provenance: Provenance,
}

/// What kind of thing a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// The case report this pack is about; its text is the pack's article.
    Article,
    /// Another paper (case report, series, review).
    Paper,
    /// A drug label.
    Label,
    /// A regulator's page or decision.
    Regulator,
    /// A database (e.g. VigiBase), known through the article.
    Database,
    /// A textbook or book chapter.
    Book,
    /// The project's own research notes (what the literature search found and did not).
    Notes,
}

/// A source the pack's facts are quoted from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id used by provenance.
    pub id: SourceId,
    /// What kind of source.
    pub kind: SourceKind,
    /// Title as far as known.
    pub title: String,
    /// Authors as far as known ("unknown" where not).
    #[serde(default)]
    pub authors: Option<String>,
    /// Journal or publisher.
    #[serde(default)]
    pub container: Option<String>,
    /// Year, if known.
    #[serde(default)]
    pub year: Option<u16>,
    /// DOI, if known.
    #[serde(default)]
    pub doi: Option<String>,
    /// PubMed id, if known.
    #[serde(default)]
    pub pmid: Option<String>,
    /// How sure the bibliographic details are.
    pub status: Status,
    /// Where `text` was taken from (e.g. "sources/tahir.md" or "LITERATURE.md").
    #[serde(default)]
    pub excerpt_from: Option<String>,
    /// What of the source was read ("abstract", "first part of the letter"), so a reader
    /// knows how much of it the quotes could have come from.
    #[serde(default)]
    pub read: Option<String>,
    /// Where it was read (the page or copy), as the research notes record it.
    #[serde(default)]
    pub where_read: Option<String>,
    /// The text of the source as we have it; provenance quotes must occur in it.
    /// Absent for the article source, whose text is the pack's Markdown body.
    #[serde(default)]
    pub text: Option<String>,
    /// Remarks on what is and is not known of the source.
    #[serde(default)]
    pub note: Option<String>,
}

/// One numbered reference of the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The number as cited in the text: `[n]`.
    pub number: u32,
    /// The identified source, if any.
    #[serde(default)]
    pub source: Option<SourceId>,
    /// What is known of the reference, including how sure the identification is.
    pub known: String,
    /// How sure the identification is.
    pub status: Status,
}

/// A glossary term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// Id of the entry.
    pub id: TermId,
    /// The term as shown.
    pub term: String,
    /// Other spellings or abbreviations that mark the term in the text.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A short definition, in the sources' words as far as possible.
    pub definition: String,
    /// Where the definition comes from.
    pub provenance: Provenance,
}

/// Timeline lanes, by kind of event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lane {
    /// Medical history before treatment.
    History,
    /// Drugs given or stopped.
    Treatment,
    /// What the patient felt.
    Symptom,
    /// What the clinicians found on examination.
    Examination,
    /// Imaging, bronchoscopy and other procedures.
    Investigation,
    /// Laboratory results.
    Lab,
    /// Recovery, discharge and follow-up.
    Outcome,
}

impl Lane {
    /// All lanes, in display order.
    pub const ALL: [Lane; 7] = [
        Lane::History,
        Lane::Treatment,
        Lane::Symptom,
        Lane::Examination,
        Lane::Investigation,
        Lane::Lab,
        Lane::Outcome,
    ];

    /// The lane's name as shown.
    pub fn label(self) -> &'static str {
        match self {
            Lane::History => "History",
            Lane::Treatment => "Treatment",
            Lane::Symptom => "Symptoms",
            Lane::Examination => "Examination",
            Lane::Investigation => "Investigations",
            Lane::Lab => "Laboratory",
            Lane::Outcome => "Outcome",
        }
    }
}

/// One event of the case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Id, used in `/timeline/<id>`.
    pub id: EventId,
    /// Which lane it is drawn in.
    pub lane: Lane,
    /// When, relative to the anchor.
    pub time: TimeSpec,
    /// Short label drawn on the timeline.
    pub label: String,
    /// A sentence or two of detail.
    pub detail: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A reference range as far as the source gives one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRange {
    /// Lower limit, if given.
    #[serde(default)]
    pub low: Option<f64>,
    /// Upper limit, if given.
    #[serde(default)]
    pub high: Option<f64>,
    /// The range as printed in the source.
    pub text: String,
}

/// A laboratory value or vital sign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// Id of the measurement.
    pub id: MeasurementId,
    /// What was measured, e.g. "Haemoglobin".
    pub name: String,
    /// The value as a number, when the source gives one.
    #[serde(default)]
    pub value: Option<f64>,
    /// The value in words when the source gives no number ("normal").
    #[serde(default)]
    pub value_text: Option<String>,
    /// Unit, if any.
    #[serde(default)]
    pub unit: Option<String>,
    /// Reference range where the source gives one.
    #[serde(default)]
    pub reference: Option<ReferenceRange>,
    /// When it was measured.
    pub time: TimeSpec,
    /// The timeline event it belongs to.
    pub event: EventId,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Which group a comparison row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowGroup {
    /// The case of this pack.
    ThisCase,
    /// Other published individual cases.
    Published,
    /// Registry cohorts (spontaneous reports).
    Registry,
}

/// One cell of the comparison table: text, or "not reported", with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// What the source says, or exactly "not reported".
    pub text: String,
    /// Required unless `text` is "not reported".
    #[serde(default)]
    pub provenance: Option<Provenance>,
}

impl Cell {
    /// True when the field is not known from the source: it does not report it
    /// ([`NOT_REPORTED`]), or the part of it that was read does not ([`NOT_IN_PART_READ`]).
    /// Such a cell needs no provenance and is never contrasted.
    pub fn is_not_reported(&self) -> bool {
        matches!(self.text.trim(), NOT_REPORTED | NOT_IN_PART_READ)
    }
}

/// The fields compared across rows; every one is present, "not reported" where unknown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cells {
    /// Indication and setting.
    pub setting: Cell,
    /// Age and sex.
    pub age_sex: Cell,
    /// Alemtuzumab dose and route.
    pub dose_route: Cell,
    /// Premedication.
    pub premedication: Cell,
    /// Onset after the dose.
    pub onset: Cell,
    /// Presenting features.
    pub presentation: Cell,
    /// Imaging.
    pub imaging: Cell,
    /// Bronchoalveolar lavage.
    pub bal: Cell,
    /// Treatment given.
    pub treatment: Cell,
    /// Mechanical ventilation.
    pub ventilation: Cell,
    /// Outcome.
    pub outcome: Cell,
}

/// Counts of an outcome in a row, for the statistics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeCounts {
    /// Patients in the row.
    pub n: u32,
    /// Deaths among them.
    pub deaths: u32,
    /// Where the counts come from.
    pub provenance: Provenance,
}

/// A case or cohort set beside this one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonRow {
    /// Id of the row.
    pub id: RowId,
    /// Short label, e.g. "VigiBase, MS".
    pub label: String,
    /// Which group.
    pub group: RowGroup,
    /// Indication in a word ("multiple sclerosis", "transplantation", ...).
    pub indication: String,
    /// Number of patients, as a cell (it may be "not reported").
    pub n: Cell,
    /// Deaths and n, where both are reported and the row's patients are not already
    /// counted in another row (the chart and the order by mortality use these).
    #[serde(default)]
    pub outcome_counts: Option<OutcomeCounts>,
    /// A remark shown with the row wherever it is shown: that it probably repeats a
    /// patient of another row, that it is another condition, how groups overlap.
    #[serde(default)]
    pub note: Option<String>,
    /// The compared fields.
    pub cells: Cells,
}

/// Where a finding sits in the work-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingGroup {
    /// History and timing.
    History,
    /// Examination.
    Examination,
    /// Blood and urine tests.
    Blood,
    /// Imaging.
    Imaging,
    /// Bronchoscopy and BAL.
    Bal,
    /// Serology.
    Serology,
    /// The course.
    Course,
}

/// A yes/no question of the checklist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Id of the finding.
    pub id: FindingId,
    /// Where it sits in the work-up.
    pub group: FindingGroup,
    /// The question, answerable yes / no / not done.
    pub question: String,
    /// Why ask it.
    pub why: String,
    /// Where the reason comes from.
    pub provenance: Provenance,
}

/// A diagnosis of the differential.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagnosis {
    /// Id of the diagnosis.
    pub id: DiagnosisId,
    /// Its name.
    pub name: String,
    /// One sentence on what it is, from the sources.
    pub summary: String,
    /// Where the summary comes from.
    pub provenance: Provenance,
}

/// An answer to a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// Present.
    Yes,
    /// Absent.
    No,
    /// Not done or not known.
    NotDone,
}

/// How an answered finding bears on a diagnosis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    /// Makes the diagnosis more likely.
    Supports,
    /// Makes it less likely.
    WeighsAgainst,
    /// Excludes it.
    RulesOut,
}

/// A rule: when `finding` is answered `answer`, it has `effect` on `diagnosis`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The finding.
    pub finding: FindingId,
    /// The answer that triggers the rule (yes or no).
    pub answer: Answer,
    /// The diagnosis affected.
    pub diagnosis: DiagnosisId,
    /// The effect.
    pub effect: Effect,
    /// Why, in a sentence.
    pub rationale: String,
    /// The sentence that says so.
    pub provenance: Provenance,
}

/// One answer of the published case, with the event that made it known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkedAnswer {
    /// The finding.
    pub finding: FindingId,
    /// The case's answer.
    pub answer: Answer,
    /// The timeline event at which it became known.
    pub event: EventId,
    /// Where the case report says so.
    pub provenance: Provenance,
}

/// Work-up (what to order) or management (what to do).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WorkupKind {
    /// A test or examination to order.
    Workup,
    /// A management step.
    Management,
}

/// A tickable work-up or management item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkupItem {
    /// Id of the item.
    pub id: ItemId,
    /// Work-up or management.
    pub kind: WorkupKind,
    /// What to order or do.
    pub label: String,
    /// Why.
    pub why: String,
    /// What the case itself did, if reported.
    #[serde(default)]
    pub in_this_case: Option<String>,
    /// Where the reason comes from.
    pub provenance: Provenance,
}

/// Kinds of study question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// Single best answer among options.
    SingleBest,
    /// Short free answer, compared with the model answer by the student.
    ShortAnswer,
}

/// A study question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Id of the question.
    pub id: QuestionId,
    /// Topic, for drawing questions by topic.
    pub topic: String,
    /// Single best answer or short answer.
    pub kind: QuestionKind,
    /// The question.
    pub prompt: String,
    /// Options (single best answer only).
    #[serde(default)]
    pub options: Vec<String>,
    /// The correct option's index (single best answer).
    #[serde(default)]
    pub correct: Option<usize>,
    /// The model answer.
    pub answer: String,
    /// Why, with the source.
    pub explanation: String,
    /// The sentence the answer rests on.
    pub provenance: Provenance,
}

/// One stage of the case as it became known (history, the infusions, symptoms, tests,
/// course), for the study mode's staged reveal. A stage only groups timeline events: its
/// facts, their times and their quotes are the events' own, and the findings it makes
/// known are the worked example's answers whose event lies in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Id of the stage.
    pub id: StageId,
    /// Its heading, e.g. "Blood tests".
    pub title: String,
    /// The timeline events revealed at this stage, in the order shown.
    pub events: Vec<EventId>,
    /// The work-up items the report describes in the next stage (none when it moves on
    /// without a new test). The order is the report's account, not a clock.
    #[serde(default)]
    pub next_tests: Vec<ItemId>,
}
