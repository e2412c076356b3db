//! The claims sheet: every item of a pack, what the app says (its claim) beside the
//! words it rests on (its quote), with the source and the status, grouped by the view
//! that shows it, as one Markdown file a reviewer reads from top to bottom.
//!
//! The tests prove that every quote is in its source; only a reader can judge that the
//! claim beside it says no more than the quote. The sheet sets each pair side by side, and
//! [`claims`] holds every provenance [`all_provenance`](super::all_provenance) lists (a
//! test checks it), so no item escapes the review. Items without a quote of their own (a
//! reference, a study stage, the engine's ranking of the worked example, an unknown
//! comparison cell) are listed too, with what stands in for the quote.

use crate::compare::{group_label, Field};
use crate::differential::{assess, worked_example_answers};
use crate::ids::{DiagnosisId, EventId, FindingId, SourceId};
use crate::model::*;
use crate::provenance::{normalize_whitespace, Provenance, Status};

/// The views of the app, in the order the sheet lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum View {
    /// `/`: the case in five lines and the key message.
    Overview,
    /// `/timeline`: the anchor, the events and the measurements.
    Timeline,
    /// `/compare`: the rows and their cells.
    Compare,
    /// `/differential`: diagnoses, findings, rules, the worked example, the work-up.
    Differential,
    /// `/reader`: the glossary and the paper's references.
    Reader,
    /// `/study`: questions and stages.
    Study,
    /// `/sources`: what was read of each source, and where.
    Sources,
}

impl View {
    /// Every view, in sheet order.
    pub const ALL: [View; 7] = [
        View::Overview,
        View::Timeline,
        View::Compare,
        View::Differential,
        View::Reader,
        View::Study,
        View::Sources,
    ];

    /// The view's heading in the sheet, with its route.
    pub fn heading(self) -> &'static str {
        match self {
            View::Overview => "Overview (`/`)",
            View::Timeline => "Timeline (`/timeline`)",
            View::Compare => "Compare (`/compare`)",
            View::Differential => "Differential (`/differential`)",
            View::Reader => "Reader (`/reader`)",
            View::Study => "Study (`/study`)",
            View::Sources => "Sources (`/sources`)",
        }
    }
}

/// What a claim rests on.
#[derive(Clone, Debug, PartialEq)]
pub enum Support<'p> {
    /// A verbatim quote with its source and status.
    Quote(&'p Provenance),
    /// No quote of its own: what stands in for one (computed, grouped, a status only).
    Other {
        /// How sure the item is, where it has a status of its own.
        status: Option<Status>,
        /// What the claim rests on instead of a quote.
        remark: String,
    },
}

/// One item of the pack as the app words it, with what it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim<'p> {
    /// The view that shows it.
    pub view: View,
    /// What it is: kind and id, e.g. "Event `haemoptysis`".
    pub item: String,
    /// The app's wording.
    pub claim: String,
    /// The quote (or what stands in for one).
    pub support: Support<'p>,
}

fn quoted<'p>(view: View, item: String, claim: String, provenance: &'p Provenance) -> Claim<'p> {
    Claim {
        view,
        item,
        claim,
        support: Support::Quote(provenance),
    }
}

fn other<'p>(
    view: View,
    item: String,
    claim: String,
    status: Option<Status>,
    remark: impl Into<String>,
) -> Claim<'p> {
    Claim {
        view,
        item,
        claim,
        support: Support::Other {
            status,
            remark: remark.into(),
        },
    }
}

/// Every item of the pack, by view, in pack order within each view.
pub fn claims(pack: &CasePack) -> Vec<Claim<'_>> {
    let mut out = Vec::new();
    let anchor = pack.anchor.label.as_str();
    let question = |id: &FindingId| {
        pack.findings
            .iter()
            .find(|f| &f.id == id)
            .map_or_else(|| id.to_string(), |f| f.question.clone())
    };
    let diagnosis = |id: &DiagnosisId| {
        pack.diagnoses
            .iter()
            .find(|d| &d.id == id)
            .map_or_else(|| id.to_string(), |d| d.name.clone())
    };
    let event_label = |id: &EventId| {
        pack.events
            .iter()
            .find(|e| &e.id == id)
            .map_or_else(|| id.to_string(), |e| e.label.clone())
    };

    // Overview.
    out.push(quoted(
        View::Overview,
        "Key message".into(),
        pack.key_message.text.clone(),
        &pack.key_message.provenance,
    ));
    for (index, line) in pack.summary.iter().enumerate() {
        out.push(quoted(
            View::Overview,
            format!("Summary line {}", index + 1),
            line.text.clone(),
            &line.provenance,
        ));
    }

    for (field, value, provenance) in [
        ("Title", &pack.meta.title, &pack.meta.title_provenance),
        ("Authors", &pack.meta.authors, &pack.meta.authors_provenance),
        ("Journal", &pack.meta.journal, &pack.meta.journal_provenance),
    ] {
        if let Some(provenance) = provenance {
            out.push(quoted(
                View::Overview,
                format!("{field} of the report"),
                value.clone(),
                provenance,
            ));
        }
    }

    // Timeline.
    out.push(quoted(
        View::Timeline,
        "Anchor".into(),
        format!("Every time is counted from the {anchor}."),
        &pack.anchor.provenance,
    ));
    if let Some(days) = &pack.timeline.days {
        let claim = days.describe(anchor);
        out.push(match &days.provenance {
            Some(provenance) => quoted(View::Timeline, "Day numbering".into(), claim, provenance),
            None => other(
                View::Timeline,
                "Day numbering".into(),
                claim,
                None,
                "the pack's assumption, said as such on the timeline",
            ),
        });
    }
    for event in &pack.events {
        out.push(quoted(
            View::Timeline,
            format!("Event `{}`", event.id),
            format!(
                "{} ({}). {}",
                event.label,
                event.time.spoken(anchor),
                event.detail
            ),
            &event.provenance,
        ));
    }
    for measurement in &pack.measurements {
        let value = match (&measurement.value, &measurement.value_text) {
            (Some(number), _) => number.to_string(),
            (None, Some(text)) => text.clone(),
            (None, None) => NOT_REPORTED.to_owned(),
        };
        let unit = measurement
            .unit
            .as_deref()
            .map(|unit| format!(" {unit}"))
            .unwrap_or_default();
        let reference = measurement
            .reference
            .as_ref()
            .map(|range| format!("; reference {}", range.text))
            .unwrap_or_default();
        out.push(quoted(
            View::Timeline,
            format!("Measurement `{}`", measurement.id),
            format!(
                "{}: {value}{unit} ({}){reference}.",
                measurement.name,
                measurement.time.spoken(anchor)
            ),
            &measurement.provenance,
        ));
    }

    // Compare.
    for (index, note) in pack.compare.notes.iter().enumerate() {
        out.push(quoted(
            View::Compare,
            format!("Note under the chart {}", index + 1),
            note.text.clone(),
            &note.provenance,
        ));
    }
    for row in &pack.comparison {
        let header = format!(
            "{} ({}; {})",
            row.label,
            group_label(pack, row.group),
            row.indication.text
        );
        let claim = match &row.note {
            Some(note) => format!("{header}. Note shown with the row: {note}"),
            None => header,
        };
        out.push(other(
            View::Compare,
            format!("Row `{}`", row.id),
            claim,
            None,
            "the row's label and note: each cell below carries its own quote",
        ));
        for field in Field::all(pack) {
            let cell = field.cell(pack, row);
            let item = format!("Row `{}`, {}", row.id, field.label(pack));
            let claim = cell.text.clone();
            out.push(match &cell.provenance {
                Some(provenance) => quoted(View::Compare, item, claim, provenance),
                None => other(
                    View::Compare,
                    item,
                    claim,
                    None,
                    "the literal for a field the source does not give, or the part of it read does not",
                ),
            });
        }
        out.push(match &row.outcome_counts {
            Some(counts) => quoted(
                View::Compare,
                format!("Row `{}`, counts", row.id),
                format!(
                    "{} of {} died (charted, and used by the order by mortality).",
                    counts.deaths, counts.n
                ),
                &counts.provenance,
            ),
            None => other(
                View::Compare,
                format!("Row `{}`, counts", row.id),
                "Not charted and not ordered by mortality.".into(),
                None,
                "the row has no outcome counts",
            ),
        });
    }

    // Differential.
    for entry in &pack.diagnoses {
        out.push(quoted(
            View::Differential,
            format!("Diagnosis `{}`", entry.id),
            format!("{}: {}", entry.name, entry.summary),
            &entry.provenance,
        ));
    }
    for finding in &pack.findings {
        out.push(quoted(
            View::Differential,
            format!("Finding `{}`", finding.id),
            format!("{} Why ask: {}", finding.question, finding.why),
            &finding.provenance,
        ));
    }
    for rule in &pack.rules {
        out.push(quoted(
            View::Differential,
            format!(
                "Rule `{} = {}` {} `{}`",
                rule.finding,
                rule.answer.label(),
                rule.effect.label(),
                rule.diagnosis
            ),
            format!(
                "{} {}: {} {}. {}",
                question(&rule.finding),
                rule.answer.label(),
                rule.effect.label(),
                diagnosis(&rule.diagnosis),
                rule.rationale
            ),
            &rule.provenance,
        ));
    }
    for step in &pack.worked_example {
        out.push(quoted(
            View::Differential,
            format!("Worked example `{}`", step.finding),
            format!(
                "{} {} (known at: {}).",
                question(&step.finding),
                step.answer.label(),
                event_label(&step.event)
            ),
            &step.provenance,
        ));
    }
    for (rank, assessment) in assess(pack, &worked_example_answers(pack))
        .iter()
        .enumerate()
    {
        out.push(other(
            View::Differential,
            format!("Worked example ranking, {}", rank + 1),
            format!(
                "{}: {} ({} for, {} against, {} ruling out).",
                assessment.diagnosis.name,
                assessment.standing.label(),
                assessment.supports.len(),
                assessment.against.len(),
                assessment.rules_out.len()
            ),
            None,
            "computed by the engine from the worked example's answers and the rules above",
        ));
    }
    for item in &pack.workup {
        let kind = match item.kind {
            WorkupKind::Workup => "Work-up",
            WorkupKind::Management => "Management",
        };
        let in_case = item
            .in_this_case
            .as_deref()
            .map(|text| format!(" In this case: {text}"))
            .unwrap_or_default();
        out.push(quoted(
            View::Differential,
            format!("{kind} `{}`", item.id),
            format!("{}. Why: {}{in_case}", item.label, item.why),
            &item.provenance,
        ));
    }

    // Reader.
    for figure in &pack.figures {
        out.push(quoted(
            View::Reader,
            format!("Figure {}", figure.number),
            format!("Figure {} shows {}.", figure.number, figure.description),
            &figure.provenance,
        ));
    }
    for item in &pack.reporting {
        out.push(quoted(
            View::Reader,
            format!("Reporting item {}", item.item),
            format!("{}: the checklist asks for this.", item.topic),
            &item.asks,
        ));
        for sentence in &item.addressed_by {
            out.push(quoted(
                View::Reader,
                format!("Reporting item {}", item.item),
                format!(
                    "This sentence of the report addresses {} (the pack's reading).",
                    item.topic.to_lowercase()
                ),
                sentence,
            ));
        }
    }
    for entry in &pack.glossary {
        out.push(quoted(
            View::Reader,
            format!("Glossary `{}`", entry.id),
            format!("{}: {}", entry.term, entry.definition),
            &entry.provenance,
        ));
    }
    for reference in &pack.references {
        let citing = pack.article.citing_sentences(reference.number);
        let source = reference
            .source
            .as_ref()
            .map(|id| format!(" Linked to source `{id}`."))
            .unwrap_or_default();
        out.push(other(
            View::Reader,
            format!("Reference [{}]", reference.number),
            format!("{}{source}", reference.known),
            Some(reference.status),
            format!(
                "cited by {} sentence{} of the article: {}",
                citing.len(),
                if citing.len() == 1 { "" } else { "s" },
                citing
                    .iter()
                    .map(|sentence| format!("\u{201c}{sentence}\u{201d}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ));
    }

    // Study.
    for entry in &pack.questions {
        let options = if entry.options.is_empty() {
            String::new()
        } else {
            format!(" Options: {}.", entry.options.join(" / "))
        };
        out.push(quoted(
            View::Study,
            format!("Question `{}`", entry.id),
            format!(
                "{}{options} Answer: {} Explanation: {}",
                entry.prompt, entry.answer, entry.explanation
            ),
            &entry.provenance,
        ));
    }
    for stage in &pack.stages {
        let events: Vec<String> = stage.events.iter().map(event_label).collect();
        let next = if stage.next_tests.is_empty() {
            String::new()
        } else {
            let labels: Vec<String> = stage
                .next_tests
                .iter()
                .map(|id| {
                    pack.workup
                        .iter()
                        .find(|item| &item.id == id)
                        .map_or_else(|| id.to_string(), |item| item.label.clone())
                })
                .collect();
            format!(" The report describes next: {}.", labels.join("; "))
        };
        out.push(other(
            View::Study,
            format!("Stage `{}`", stage.id),
            format!("{}: {}.{next}", stage.title, events.join("; ")),
            None,
            "groups timeline events, whose quotes are above",
        ));
    }

    // Sources.
    for source in &pack.sources {
        let mut parts = vec![format!("{} ({:?})", source.title, source.kind)];
        for (name, value) in [
            ("authors", &source.authors),
            ("in", &source.container),
            ("read", &source.read),
            ("where", &source.where_read),
            ("passages held from", &source.excerpt_from),
            ("note", &source.note),
        ] {
            if let Some(value) = value {
                parts.push(format!("{name}: {value}"));
            }
        }
        out.push(other(
            View::Sources,
            format!("Source `{}`", source.id),
            parts.join("; "),
            Some(source.status),
            "the source's details as the pack records them",
        ));
    }
    out
}

fn source_title<'p>(pack: &'p CasePack, id: &'p SourceId) -> &'p str {
    pack.sources
        .iter()
        .find(|source| &source.id == id)
        .map_or(id.as_str(), |source| source.title.as_str())
}

/// The claims sheet as Markdown: a heading per view, and for each item its claim, its
/// quote, its source and its status.
pub fn sheet(pack: &CasePack) -> String {
    let all = claims(pack);
    let mut out = String::new();
    out.push_str(&format!("# Claims sheet: {}\n\n", pack.meta.heading()));
    out.push_str(
        "Every item of the case pack as the app words it (**claim**), beside the words it \
         rests on (**quote**), with its source and status, grouped by the view that shows \
         it. Read each claim against its quote: it must say no more than the quote (no \
         stronger verb, no added mechanism, no number the quote does not give).\n\n",
    );
    let with_quote: Vec<&Provenance> = all
        .iter()
        .filter_map(|claim| match claim.support {
            Support::Quote(provenance) => Some(provenance),
            Support::Other { .. } => None,
        })
        .collect();
    let by_status: Vec<String> = Status::ALL
        .into_iter()
        .map(|status| {
            let count = with_quote.iter().filter(|p| p.status == status).count();
            format!("{} {count}", status.label())
        })
        .collect();
    let notes: usize = with_quote
        .iter()
        .filter(|provenance| {
            pack.sources
                .iter()
                .any(|s| s.id == provenance.source && s.kind == SourceKind::Notes)
        })
        .count();
    out.push_str(&format!(
        "{} items, {} with a quote ({}); {} of those rest on the project's research notes.\n",
        all.len(),
        with_quote.len(),
        by_status.join(", "),
        notes
    ));
    for view in View::ALL {
        let items: Vec<&Claim> = all.iter().filter(|claim| claim.view == view).collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n", view.heading()));
        for (index, claim) in items.iter().enumerate() {
            out.push_str(&format!("\n### {}. {}\n\n", index + 1, claim.item));
            out.push_str(&format!(
                "- **Claim:** {}\n",
                normalize_whitespace(&claim.claim)
            ));
            match &claim.support {
                Support::Quote(provenance) => {
                    out.push_str(&format!(
                        "- **Quote:** \u{201c}{}\u{201d}\n",
                        normalize_whitespace(&provenance.quote)
                    ));
                    out.push_str(&format!(
                        "- **Source:** {} (`{}`), status **{}**\n",
                        source_title(pack, &provenance.source),
                        provenance.source,
                        provenance.status.label()
                    ));
                    if let Some(note) = &provenance.note {
                        out.push_str(&format!("- **Note:** {}\n", normalize_whitespace(note)));
                    }
                }
                Support::Other { status, remark } => {
                    out.push_str(&format!(
                        "- **No quote:** {}\n",
                        normalize_whitespace(remark)
                    ));
                    if let Some(status) = status {
                        out.push_str(&format!("- **Status:** {}\n", status.label()));
                    }
                }
            }
        }
    }
    out
}
