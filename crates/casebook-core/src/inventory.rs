//! Every provenance in a pack, with what it belongs to. The validator checks each quote;
//! the Sources view uses the same list to show what rests on each source, computed from
//! the data rather than written by hand, and [`claims`] sets each item's wording beside
//! its quote for a reviewer.

use crate::model::CasePack;
use crate::provenance::Provenance;

pub mod claims;

/// What kind of item a provenance belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKind {
    /// The anchor of the timeline.
    Anchor,
    /// The key message.
    KeyMessage,
    /// A line of the summary.
    Summary,
    /// A glossary entry.
    Glossary,
    /// A timeline event.
    Event,
    /// A measurement.
    Measurement,
    /// A comparison cell or count.
    Comparison,
    /// A finding.
    Finding,
    /// A diagnosis.
    Diagnosis,
    /// A rule.
    Rule,
    /// A worked-example answer.
    WorkedExample,
    /// A work-up or management item.
    Workup,
    /// A study question.
    Question,
    /// Where the title, authors or journal are known from.
    Metadata,
    /// How the report numbers its days.
    DayNumbering,
    /// What a figure shows.
    Figure,
    /// A remark under the comparison's chart.
    CompareNote,
    /// A reporting checklist's item, or a sentence of the report that addresses it.
    Reporting,
}

/// One provenance and the item it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced<'p> {
    /// The kind of item.
    pub kind: ItemKind,
    /// The item's id (for rules: `finding/answer/diagnosis`; for cells: `row.field`).
    pub item: String,
    /// Its provenance.
    pub provenance: &'p Provenance,
}

/// Every provenance in the pack, in pack order.
pub fn all_provenance(pack: &CasePack) -> Vec<Sourced<'_>> {
    let mut out = Vec::new();
    let mut push = |kind, item: String, provenance| {
        out.push(Sourced {
            kind,
            item,
            provenance,
        })
    };
    for (field, provenance) in [
        ("title", &pack.meta.title_provenance),
        ("authors", &pack.meta.authors_provenance),
        ("journal", &pack.meta.journal_provenance),
    ] {
        if let Some(provenance) = provenance {
            push(ItemKind::Metadata, field.into(), provenance);
        }
    }
    push(ItemKind::Anchor, "anchor".into(), &pack.anchor.provenance);
    if let Some(provenance) = pack
        .timeline
        .days
        .as_ref()
        .and_then(|days| days.provenance.as_ref())
    {
        push(ItemKind::DayNumbering, "days".into(), provenance);
    }
    for figure in &pack.figures {
        push(
            ItemKind::Figure,
            format!("figure-{}", figure.number),
            &figure.provenance,
        );
    }
    for item in &pack.reporting {
        let name = format!("reporting-{}", item.item);
        push(ItemKind::Reporting, name.clone(), &item.asks);
        for sentence in &item.addressed_by {
            push(ItemKind::Reporting, name.clone(), sentence);
        }
    }
    for (index, note) in pack.compare.notes.iter().enumerate() {
        push(
            ItemKind::CompareNote,
            format!("note-{}", index + 1),
            &note.provenance,
        );
    }
    push(
        ItemKind::KeyMessage,
        "key-message".into(),
        &pack.key_message.provenance,
    );
    for (index, line) in pack.summary.iter().enumerate() {
        push(
            ItemKind::Summary,
            format!("summary-{}", index + 1),
            &line.provenance,
        );
    }
    for entry in &pack.glossary {
        push(ItemKind::Glossary, entry.id.to_string(), &entry.provenance);
    }
    for event in &pack.events {
        push(ItemKind::Event, event.id.to_string(), &event.provenance);
    }
    for measurement in &pack.measurements {
        push(
            ItemKind::Measurement,
            measurement.id.to_string(),
            &measurement.provenance,
        );
    }
    for row in &pack.comparison {
        let named = [("indication", &row.indication), ("n", &row.n)]
            .into_iter()
            .chain(row.cells.iter().map(|(field, cell)| (field.as_str(), cell)));
        for (field, cell) in named {
            if let Some(provenance) = &cell.provenance {
                push(
                    ItemKind::Comparison,
                    format!("{}.{field}", row.id),
                    provenance,
                );
            }
        }
        if let Some(counts) = &row.outcome_counts {
            push(
                ItemKind::Comparison,
                format!("{}.outcome_counts", row.id),
                &counts.provenance,
            );
        }
    }
    for finding in &pack.findings {
        push(
            ItemKind::Finding,
            finding.id.to_string(),
            &finding.provenance,
        );
    }
    for diagnosis in &pack.diagnoses {
        push(
            ItemKind::Diagnosis,
            diagnosis.id.to_string(),
            &diagnosis.provenance,
        );
    }
    for rule in &pack.rules {
        let answer = rule.answer.token();
        push(
            ItemKind::Rule,
            format!("{}/{answer}/{}", rule.finding, rule.diagnosis),
            &rule.provenance,
        );
    }
    for step in &pack.worked_example {
        push(
            ItemKind::WorkedExample,
            step.finding.to_string(),
            &step.provenance,
        );
    }
    for item in &pack.workup {
        push(ItemKind::Workup, item.id.to_string(), &item.provenance);
    }
    for question in &pack.questions {
        push(
            ItemKind::Question,
            question.id.to_string(),
            &question.provenance,
        );
    }
    out
}
