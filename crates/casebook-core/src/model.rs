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
    /// How the timeline is divided and how the report counts days (format 2; a format 1
    /// pack gets two phases, before and after the anchor).
    pub timeline: Timeline,
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
    /// The fields compared across cases, in order (format 2; a format 1 pack gets the
    /// eleven fields format 1 fixed).
    pub compare_fields: Vec<CompareField>,
    /// How the comparison names its groups, and what it says under its chart.
    pub compare: CompareSettings,
    /// Cases and cohorts to set beside this one.
    pub comparison: Vec<ComparisonRow>,
    /// The groups the differential's findings are listed in, in order (format 2; a
    /// format 1 pack gets the seven groups format 1 fixed).
    pub finding_groups: Vec<FindingGroupDef>,
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
    /// What each figure of the article shows (no image is drawn).
    pub figures: Vec<Figure>,
    /// How the report covers a reporting checklist (CARE, for a case report): each
    /// item, what it asks (quoted) and the report's sentences that address it (optional).
    pub reporting: Vec<ReportingItem>,
    /// Short texts for the overview's entry to each view (general ones when absent).
    pub views: Views,
    /// The article: the Markdown after the front matter, parsed when the pack is read.
    pub article: crate::article::Article,
}

/// Finds the item of a list whose id is `id`; the lookups below are this for each list.
fn by_id<'a, T>(items: &'a [T], id: &str, id_of: impl Fn(&T) -> &str) -> Option<&'a T> {
    items.iter().find(|item| id_of(item) == id)
}

/// Lookups by id. They take the id as text so the shell can ask for what a page gave
/// back (an input's value, an address) and receive the pack's own item, with its typed
/// id: ids are never minted from text outside the core.
impl CasePack {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        by_id(&self.sources, id, |item| item.id.as_str())
    }

    /// The timeline event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        by_id(&self.events, id, |item| item.id.as_str())
    }

    /// The timeline event with this id, ignoring case (for an address typed by hand).
    pub fn event_ignoring_case(&self, id: &str) -> Option<&Event> {
        self.events
            .iter()
            .find(|event| event.id.as_str().eq_ignore_ascii_case(id))
    }

    /// The measurement with this id.
    pub fn measurement(&self, id: &str) -> Option<&Measurement> {
        by_id(&self.measurements, id, |item| item.id.as_str())
    }

    /// The comparison row with this id.
    pub fn row(&self, id: &str) -> Option<&ComparisonRow> {
        by_id(&self.comparison, id, |item| item.id.as_str())
    }

    /// The finding of the differential checklist with this id.
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        by_id(&self.findings, id, |item| item.id.as_str())
    }

    /// The diagnosis with this id.
    pub fn diagnosis(&self, id: &str) -> Option<&Diagnosis> {
        by_id(&self.diagnoses, id, |item| item.id.as_str())
    }

    /// The work-up or management item with this id.
    pub fn workup_item(&self, id: &str) -> Option<&WorkupItem> {
        by_id(&self.workup, id, |item| item.id.as_str())
    }

    /// The study question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        by_id(&self.questions, id, |item| item.id.as_str())
    }

    /// The glossary entry with this id.
    pub fn term(&self, id: &str) -> Option<&GlossaryEntry> {
        by_id(&self.glossary, id, |item| item.id.as_str())
    }

    /// The stage of the staged reveal with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        by_id(&self.stages, id, |item| item.id.as_str())
    }

    /// The source that is the case report itself.
    pub fn article_source(&self) -> Option<&Source> {
        self.source(self.meta.article_source.as_str())
    }

    /// What the pack says figure `number` shows.
    pub fn figure(&self, number: u32) -> Option<&Figure> {
        self.figures.iter().find(|figure| figure.number == number)
    }

    /// The article's reference `number`.
    pub fn reference(&self, number: u32) -> Option<&Reference> {
        self.references
            .iter()
            .find(|reference| reference.number == number)
    }
}

/// Bibliographic metadata of the case report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Short id of the case, e.g. `alemtuzumab-dah`.
    pub id: PackId,
    /// The article's title.
    pub title: String,
    /// Journal name.
    pub journal: String,
    /// Publication year.
    pub year: u16,
    /// How the year is known, if not printed in the source.
    #[serde(default)]
    pub year_note: Option<String>,
    /// DOI without the `https://doi.org/` prefix; absent when not reported.
    #[serde(default)]
    pub doi: Option<String>,
    /// Licence name, e.g. `CC BY 4.0`; absent when not reported.
    #[serde(default)]
    pub licence: Option<String>,
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
    /// How the article's text in the pack was prepared from the published one (shown with
    /// it in the reader), e.g. "with the PDF's line-break hyphens put right".
    #[serde(default)]
    pub text_note: Option<String>,
    /// Where the title is known from (a citation index, a news item), when not the
    /// article itself.
    #[serde(default)]
    pub title_provenance: Option<Provenance>,
    /// Where the author list is known from.
    #[serde(default)]
    pub authors_provenance: Option<Provenance>,
    /// Where the journal is known from.
    #[serde(default)]
    pub journal_provenance: Option<Provenance>,
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
    /// Whether the sentence states counts from a registry of spontaneous reports: it is
    /// then shown with what such counts cannot say (`stats::REGISTRY_CAVEATS`), wherever
    /// it appears (reported counts are not incidence).
    #[serde(default)]
    pub registry_counts: bool,
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
    /// A citation index or bibliographic database (PubMed, Crossref).
    CitationIndex,
    /// A news item about the case or the report.
    News,
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
    /// Drugs given, each drawn as a bar from its start to its end (events with an
    /// `exposure`).
    Drug,
    /// Other treatment, and decisions such as stopping a drug.
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
    pub const ALL: [Lane; 8] = [
        Lane::History,
        Lane::Drug,
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
            Lane::Drug => "Drugs",
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
    /// The drug given, when the event is a drug given over a time (drawn as a bar on the
    /// drug lane).
    #[serde(default)]
    pub exposure: Option<Exposure>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A drug given from one time to another, as the report states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exposure {
    /// The drug's name.
    pub drug: String,
    /// How it was given ("intravenous", "oral"), when reported.
    #[serde(default)]
    pub route: Option<String>,
    /// The dose as the report writes it ("12 mg a day"), when reported.
    #[serde(default)]
    pub dose: Option<String>,
}

impl Exposure {
    /// The drug with its dose and route, as one label: "Drug 12 mg, intravenous".
    pub fn label(&self) -> String {
        let mut label = self.drug.clone();
        if let Some(dose) = &self.dose {
            label.push(' ');
            label.push_str(dose);
        }
        if let Some(route) = &self.route {
            label.push_str(", ");
            label.push_str(route);
        }
        label
    }
}

/// The timeline's settings: its phases and how the report numbers its days.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// The phases of the course, in time order, each from where the previous one ends.
    #[serde(default)]
    pub phases: Vec<PhaseDef>,
    /// How the report numbers days ("day 3"), when it does.
    #[serde(default)]
    pub days: Option<DayNumbering>,
}

/// One phase of the case's course, as the pack names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseDef {
    /// Id of the phase.
    pub id: String,
    /// Its heading on the timeline and in the event list.
    pub name: String,
    /// When it starts; absent for the first phase (open to the past).
    #[serde(default)]
    pub from: Option<crate::time::Offset>,
    /// When it ends; absent for the last phase (open to the future).
    #[serde(default)]
    pub until: Option<crate::time::Offset>,
    /// Part of the acute phase: the timeline's "Acute phase" view spans the phases marked
    /// so (the view is offered only when some phase is).
    #[serde(default)]
    pub acute: bool,
}

/// How a report numbers its days: which day number the anchor's day has, and whether the
/// report says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayNumbering {
    /// The number of the anchor's day: 1 when the anchor's day is "day 1", 0 when it is
    /// "day 0".
    pub anchor_day: i32,
    /// True when the report states the convention; false when the pack assumed it.
    #[serde(default)]
    pub stated: bool,
    /// Where the report states it (required when `stated`).
    #[serde(default)]
    pub provenance: Option<Provenance>,
}

impl DayNumbering {
    /// The convention in words, for the timeline's introduction.
    pub fn describe(&self, anchor: &str) -> String {
        if self.stated {
            format!(
                "Days are numbered as the report numbers them: the {anchor} is day {}.",
                self.anchor_day
            )
        } else {
            format!(
                "Days are numbered as the report numbers them; it does not say whether it counts the {anchor} as day 0 or day 1, and this timeline takes it as day {}.",
                self.anchor_day
            )
        }
    }
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
    /// A comparator written before the value ("<", "≤", ">", "≥"), when the report gives
    /// the value as a bound ("< 5.0").
    #[serde(default)]
    pub comparator: Option<String>,
    /// Under what conditions it was measured ("at rest", "on 2 l oxygen"), when reported.
    #[serde(default)]
    pub condition: Option<String>,
    /// The series it belongs to: repeated values of one test over time share a series
    /// (by default, the measurement's name).
    #[serde(default)]
    pub series: Option<String>,
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

/// A row's compared fields, by the id of the pack's comparison field (`compare_fields`):
/// every declared field is present, "not reported" where unknown.
pub type Cells = std::collections::BTreeMap<String, Cell>;

/// One field compared across cases: its id (the key in each row's `cells`) and the label
/// shown. The order of `compare_fields` is the order shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareField {
    /// The field's id.
    pub id: String,
    /// The label shown.
    pub label: String,
    /// Compared in "What differs" (the fields where a chosen case differs from this one);
    /// by default every field is.
    #[serde(default = "yes")]
    pub contrast: bool,
}

fn yes() -> bool {
    true
}

/// How the comparison names its groups of rows, and what it says under its chart.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareSettings {
    /// The heading of the group of this case (general when absent).
    #[serde(default)]
    pub this_case_label: Option<String>,
    /// The heading of the group of other published cases (general when absent).
    #[serde(default)]
    pub published_label: Option<String>,
    /// The heading of the group of registry cohorts (general when absent).
    #[serde(default)]
    pub registry_label: Option<String>,
    /// Remarks shown under the outcome chart (how cohorts overlap, what is not found),
    /// each with its source.
    #[serde(default)]
    pub notes: Vec<SourcedText>,
}

/// A figure of the article: its number (as in "Figure 1") and what the image shows, in
/// the pack's words, since no image is drawn. The caption stays in the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The figure's number.
    pub number: u32,
    /// What the image shows.
    pub description: String,
    /// Where that is said.
    pub provenance: Provenance,
}

/// One item of a reporting checklist (such as CARE's for case reports) and where the
/// report addresses it: the pack author's reading, shown as such. An item no sentence
/// addresses is "not in the text we have" (the pack's article may be only part of the
/// paper, without its declarations or keywords).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportingItem {
    /// The item's number in the checklist, as it numbers them ("5", "9").
    pub item: String,
    /// Its topic ("Patient information").
    pub topic: String,
    /// What the checklist asks, quoted from it.
    pub asks: Provenance,
    /// Whether the report's title addresses it (the title is not in the article text).
    #[serde(default)]
    pub by_title: bool,
    /// The report's sentences that address it, quoted from the article, in its order.
    #[serde(default)]
    pub addressed_by: Vec<Provenance>,
    /// A word on the reading, when the sentences alone would mislead.
    #[serde(default)]
    pub note: Option<String>,
}

/// The short texts on the overview's way into each view.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Views {
    /// What the timeline answers, in one line.
    #[serde(default)]
    pub timeline: Option<String>,
    /// What the comparison answers, in one line.
    #[serde(default)]
    pub compare: Option<String>,
    /// What the differential answers, in one line.
    #[serde(default)]
    pub differential: Option<String>,
    /// Words to try in search, shown in its box ("e.g. …").
    #[serde(default)]
    pub search_examples: Option<String>,
}

/// A group of the differential's findings, as the pack names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingGroupDef {
    /// The group's id (a finding's `group`).
    pub id: FindingGroupId,
    /// Its heading.
    pub label: String,
}

/// Reads a cell, or plain text as a cell without provenance (format 1's `indication`).
fn cell_or_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Cell, D::Error> {
    // The binary encoding always holds a cell (and cannot tell text from a cell).
    if !deserializer.is_human_readable() {
        return Cell::deserialize(deserializer);
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum CellOrText {
        Text(String),
        Cell(Cell),
    }
    Ok(match CellOrText::deserialize(deserializer)? {
        CellOrText::Text(text) => Cell {
            text,
            provenance: None,
        },
        CellOrText::Cell(cell) => cell,
    })
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
    /// The indication or setting, in a word or two, with its source (a format 1 pack
    /// wrote plain text, read here as a cell without provenance).
    #[serde(deserialize_with = "cell_or_text")]
    pub indication: Cell,
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

/// A yes/no question of the checklist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Id of the finding.
    pub id: FindingId,
    /// The group it is listed in (an id of the pack's `finding_groups`).
    pub group: FindingGroupId,
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

impl Answer {
    /// Every answer, in the order offered.
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotDone];

    /// The answer in words, inside a sentence ("yes", "not done").
    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotDone => "not done",
        }
    }

    /// The answer as an option to choose ("Not done").
    pub fn option_label(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::NotDone => "Not done",
        }
    }

    /// The answer as a token, as a pack writes it ("not-done").
    pub fn token(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotDone => "not-done",
        }
    }
}

impl Effect {
    /// The effect as a verb ("weighs against").
    pub fn label(self) -> &'static str {
        match self {
            Effect::Supports => "supports",
            Effect::WeighsAgainst => "weighs against",
            Effect::RulesOut => "rules out",
        }
    }
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
