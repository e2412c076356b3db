//! Checks a typed pack for what types cannot express: ids that are malformed, duplicated
//! or dangling; times that cannot be placed; cells without provenance; and every
//! provenance quote that is not found verbatim (whitespace aside) in its source's text.

use std::collections::{HashMap, HashSet};

use crate::error::{LineIndex, PackError, PackErrors};
use crate::ids::is_valid_id;
use crate::model::*;
use crate::parse::Parsed;
use crate::provenance::{normalize_whitespace, quote_in_normalized, Provenance, Status};
use crate::time::TimeSpec;

/// Collects errors with their located path.
struct Report<'p, 'a> {
    file: &'p str,
    lines: LineIndex<'p>,
    parsed: &'p Parsed<'a>,
    errors: Vec<PackError>,
}

impl Report<'_, '_> {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        let (line, column) = self.lines.locate(self.parsed.offset_of(path));
        self.errors.push(PackError {
            file: self.file.to_owned(),
            line,
            column,
            path: path.to_owned(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(path, "must not be empty");
        }
    }
}

/// Runs every check and returns all errors found, in file order.
pub(crate) fn validate(file: &str, text: &str, parsed: &Parsed<'_>) -> Result<(), PackErrors> {
    let pack = &parsed.pack;
    let mut report = Report {
        file,
        lines: LineIndex::new(text),
        parsed,
        errors: Vec::new(),
    };

    check_meta(&mut report, pack);
    let sources = check_sources(&mut report, pack);
    let article_text = normalize_whitespace(&pack.article.plain_text());
    if article_text.is_empty() {
        let (line, column) = report.lines.locate(parsed.body_offset);
        report.errors.push(PackError {
            file: file.to_owned(),
            line,
            column,
            path: "article".to_owned(),
            message: "the article (Markdown after the front matter) is empty".to_owned(),
        });
    }
    let checker = QuoteChecker::new(pack, &article_text);

    checker.check(
        &mut report,
        "anchor.provenance",
        &pack.anchor.provenance,
        &sources,
    );
    report.non_empty("anchor.label", &pack.anchor.label);

    let mut numbers = HashSet::new();
    for (index, reference) in pack.references.iter().enumerate() {
        let path = format!("references[{index}]");
        if !numbers.insert(reference.number) {
            report.error(
                &format!("{path}.number"),
                format!("reference [{}] is listed twice", reference.number),
            );
        }
        if let Some(source) = &reference.source {
            if !sources.contains_key(source.as_str()) {
                report.error(
                    &format!("{path}.source"),
                    format!("no source has id `{source}`"),
                );
            }
        }
    }

    let terms = unique_ids(
        &mut report,
        "glossary",
        pack.glossary.iter().map(|entry| entry.id.as_str()),
    );
    let _ = terms;
    for (index, entry) in pack.glossary.iter().enumerate() {
        let path = format!("glossary[{index}]");
        report.non_empty(&format!("{path}.term"), &entry.term);
        report.non_empty(&format!("{path}.definition"), &entry.definition);
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &entry.provenance,
            &sources,
        );
    }

    check_timeline(&mut report, &checker, &sources, pack);
    let days = pack.timeline.days.is_some();
    for (path, provenance) in [
        ("meta.title_provenance", &pack.meta.title_provenance),
        ("meta.authors_provenance", &pack.meta.authors_provenance),
        ("meta.journal_provenance", &pack.meta.journal_provenance),
    ] {
        if let Some(provenance) = provenance {
            checker.check(&mut report, path, provenance, &sources);
        }
    }
    for (index, note) in pack.compare.notes.iter().enumerate() {
        let path = format!("compare.notes[{index}]");
        report.non_empty(&format!("{path}.text"), &note.text);
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &note.provenance,
            &sources,
        );
    }
    let mut figure_numbers = HashSet::new();
    let captions = pack.article.figure_captions().len();
    for (index, figure) in pack.figures.iter().enumerate() {
        let path = format!("figures[{index}]");
        if !figure_numbers.insert(figure.number) {
            report.error(
                &format!("{path}.number"),
                format!("figure {} is described twice", figure.number),
            );
        }
        if figure.number == 0 || figure.number as usize > captions {
            report.error(
                &format!("{path}.number"),
                format!(
                    "the article has {captions} figure caption(s) (```figure blocks); there is no figure {}",
                    figure.number
                ),
            );
        }
        report.non_empty(&format!("{path}.description"), &figure.description);
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &figure.provenance,
            &sources,
        );
    }
    for (index, item) in pack.reporting.iter().enumerate() {
        let path = format!("reporting[{index}]");
        report.non_empty(&format!("{path}.item"), &item.item);
        report.non_empty(&format!("{path}.topic"), &item.topic);
        checker.check(&mut report, &format!("{path}.asks"), &item.asks, &sources);
        for (at, sentence) in item.addressed_by.iter().enumerate() {
            let sentence_path = format!("{path}.addressed_by[{at}]");
            if sentence.source != pack.meta.article_source {
                report.error(
                    &format!("{sentence_path}.source"),
                    "the sentences that address an item are the report's own (its article source)",
                );
            }
            checker.check(&mut report, &sentence_path, sentence, &sources);
        }
    }
    // Field ids are keys of each row's `cells` table, so TOML's `snake_case` keys are
    // allowed besides the usual id characters.
    let mut fields = HashSet::new();
    for (index, field) in pack.compare_fields.iter().enumerate() {
        let path = format!("compare_fields[{index}]");
        report.non_empty(&format!("{path}.label"), &field.label);
        let id = field.id.as_str();
        if id.is_empty()
            || !id.starts_with(|c: char| c.is_ascii_lowercase())
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            report.error(
                &format!("{path}.id"),
                format!("a field id is letters a–z, digits, '-' and '_', starting with a letter, not `{id}`"),
            );
        }
        if !fields.insert(id) {
            report.error(
                &format!("{path}.id"),
                format!("the field `{id}` is declared twice"),
            );
        }
    }
    if !pack.comparison.is_empty() && pack.compare_fields.is_empty() {
        report.error(
            "comparison",
            "a pack that compares cases declares its fields in `[[compare_fields]]`",
        );
    }
    let groups = unique_ids(
        &mut report,
        "finding_groups",
        pack.finding_groups.iter().map(|group| group.id.as_str()),
    );
    for (index, group) in pack.finding_groups.iter().enumerate() {
        report.non_empty(&format!("finding_groups[{index}].label"), &group.label);
    }
    for (index, finding) in pack.findings.iter().enumerate() {
        if !groups.contains(finding.group.as_str()) {
            report.error(
                &format!("findings[{index}].group"),
                format!(
                    "no finding group has id `{}`; declare it in `[[finding_groups]]`",
                    finding.group
                ),
            );
        }
    }

    let events = unique_ids(
        &mut report,
        "events",
        pack.events.iter().map(|event| event.id.as_str()),
    );
    for (index, event) in pack.events.iter().enumerate() {
        let path = format!("events[{index}]");
        report.non_empty(&format!("{path}.label"), &event.label);
        check_time(&mut report, &format!("{path}.time"), &event.time, days);
        if let Some(exposure) = &event.exposure {
            report.non_empty(&format!("{path}.exposure.drug"), &exposure.drug);
        }
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &event.provenance,
            &sources,
        );
    }

    unique_ids(
        &mut report,
        "measurements",
        pack.measurements.iter().map(|m| m.id.as_str()),
    );
    for (index, measurement) in pack.measurements.iter().enumerate() {
        let path = format!("measurements[{index}]");
        report.non_empty(&format!("{path}.name"), &measurement.name);
        if measurement.value.is_none() && measurement.value_text.is_none() {
            report.error(
                &path,
                "a measurement needs `value` (a number) or `value_text` (words such as \"normal\")",
            );
        }
        if let Some(value) = measurement.value {
            if !value.is_finite() {
                report.error(&format!("{path}.value"), "value must be a finite number");
            }
        }
        check_time(
            &mut report,
            &format!("{path}.time"),
            &measurement.time,
            days,
        );
        if let Some(comparator) = &measurement.comparator {
            if !COMPARATORS.contains(&comparator.as_str()) {
                report.error(
                    &format!("{path}.comparator"),
                    format!("a comparator is one of {}", COMPARATORS.join(" ")),
                );
            }
        }
        if !events.contains(measurement.event.as_str()) {
            report.error(
                &format!("{path}.event"),
                format!("no event has id `{}`", measurement.event),
            );
        }
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &measurement.provenance,
            &sources,
        );
    }

    unique_ids(
        &mut report,
        "comparison",
        pack.comparison.iter().map(|row| row.id.as_str()),
    );
    for (index, row) in pack.comparison.iter().enumerate() {
        let path = format!("comparison[{index}]");
        report.non_empty(&format!("{path}.label"), &row.label);
        check_cell(
            &mut report,
            &checker,
            &sources,
            &format!("{path}.n"),
            &row.n,
        );
        // A format 1 pack's indication was a word without a source; from format 2 on it
        // is a cell like the others.
        if pack.format >= 2 || row.indication.provenance.is_some() {
            check_cell(
                &mut report,
                &checker,
                &sources,
                &format!("{path}.indication"),
                &row.indication,
            );
        } else {
            report.non_empty(&format!("{path}.indication"), &row.indication.text);
        }
        for field in &pack.compare_fields {
            match row.cells.get(&field.id) {
                Some(cell) => check_cell(
                    &mut report,
                    &checker,
                    &sources,
                    &format!("{path}.cells.{}", field.id),
                    cell,
                ),
                None => report.error(
                    &format!("{path}.cells"),
                    format!(
                        "the row has no cell for the comparison field `{}`; write \"{NOT_REPORTED}\" where the source does not give it",
                        field.id
                    ),
                ),
            }
        }
        for name in row.cells.keys() {
            if !pack.compare_fields.iter().any(|field| &field.id == name) {
                report.error(
                    &format!("{path}.cells.{name}"),
                    format!(
                        "`{name}` is not one of the comparison fields the pack declares in `compare_fields` ({})",
                        pack.compare_fields
                            .iter()
                            .map(|field| field.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
        if let Some(counts) = &row.outcome_counts {
            if counts.deaths > counts.n {
                report.error(
                    &format!("{path}.outcome_counts.deaths"),
                    format!(
                        "{} deaths among {} patients is impossible",
                        counts.deaths, counts.n
                    ),
                );
            }
            checker.check(
                &mut report,
                &format!("{path}.outcome_counts.provenance"),
                &counts.provenance,
                &sources,
            );
        }
    }

    let findings = unique_ids(
        &mut report,
        "findings",
        pack.findings.iter().map(|f| f.id.as_str()),
    );
    for (index, finding) in pack.findings.iter().enumerate() {
        let path = format!("findings[{index}]");
        report.non_empty(&format!("{path}.question"), &finding.question);
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &finding.provenance,
            &sources,
        );
    }
    let diagnoses = unique_ids(
        &mut report,
        "diagnoses",
        pack.diagnoses.iter().map(|d| d.id.as_str()),
    );
    for (index, diagnosis) in pack.diagnoses.iter().enumerate() {
        let path = format!("diagnoses[{index}]");
        report.non_empty(&format!("{path}.name"), &diagnosis.name);
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &diagnosis.provenance,
            &sources,
        );
    }
    let mut seen_rules = HashSet::new();
    for (index, rule) in pack.rules.iter().enumerate() {
        let path = format!("rules[{index}]");
        if !findings.contains(rule.finding.as_str()) {
            report.error(
                &format!("{path}.finding"),
                format!("no finding has id `{}`", rule.finding),
            );
        }
        if !diagnoses.contains(rule.diagnosis.as_str()) {
            report.error(
                &format!("{path}.diagnosis"),
                format!("no diagnosis has id `{}`", rule.diagnosis),
            );
        }
        if rule.answer == Answer::NotDone {
            report.error(
                &format!("{path}.answer"),
                "a rule fires on an answer the finding can have: \"yes\" or \"no\" (\"not-done\" carries no information)",
            );
        }
        if !seen_rules.insert((rule.finding.clone(), rule.answer, rule.diagnosis.clone())) {
            report.error(
                &path,
                "another rule already joins this finding, answer and diagnosis",
            );
        }
        report.non_empty(&format!("{path}.rationale"), &rule.rationale);
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &rule.provenance,
            &sources,
        );
    }
    let mut answered = HashSet::new();
    for (index, step) in pack.worked_example.iter().enumerate() {
        let path = format!("worked_example[{index}]");
        if !findings.contains(step.finding.as_str()) {
            report.error(
                &format!("{path}.finding"),
                format!("no finding has id `{}`", step.finding),
            );
        }
        if !answered.insert(step.finding.clone()) {
            report.error(
                &format!("{path}.finding"),
                format!("finding `{}` is answered twice", step.finding),
            );
        }
        if !events.contains(step.event.as_str()) {
            report.error(
                &format!("{path}.event"),
                format!("no event has id `{}`", step.event),
            );
        }
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &step.provenance,
            &sources,
        );
    }

    unique_ids(
        &mut report,
        "workup",
        pack.workup.iter().map(|item| item.id.as_str()),
    );
    for (index, item) in pack.workup.iter().enumerate() {
        let path = format!("workup[{index}]");
        report.non_empty(&format!("{path}.label"), &item.label);
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &item.provenance,
            &sources,
        );
    }

    unique_ids(
        &mut report,
        "questions",
        pack.questions.iter().map(|q| q.id.as_str()),
    );
    for (index, question) in pack.questions.iter().enumerate() {
        let path = format!("questions[{index}]");
        report.non_empty(&format!("{path}.prompt"), &question.prompt);
        match question.kind {
            QuestionKind::SingleBest => {
                if question.options.len() < 2 {
                    report.error(
                        &format!("{path}.options"),
                        "a single-best-answer question needs at least two options",
                    );
                }
                match question.correct {
                    Some(correct) if correct < question.options.len() => {}
                    Some(correct) => report.error(
                        &format!("{path}.correct"),
                        format!("option {correct} does not exist (options are numbered from 0)"),
                    ),
                    None => report.error(&path, "a single-best-answer question needs `correct`"),
                }
            }
            QuestionKind::ShortAnswer => {
                if !question.options.is_empty() || question.correct.is_some() {
                    report.error(
                        &format!("{path}.options"),
                        "a short-answer question has no options",
                    );
                }
            }
        }
        checker.check(
            &mut report,
            &format!("{path}.provenance"),
            &question.provenance,
            &sources,
        );
    }

    check_stages(&mut report, pack, &events);

    if report.errors.is_empty() {
        Ok(())
    } else {
        report
            .errors
            .sort_by_key(|error| (error.line, error.column));
        Err(PackErrors(report.errors))
    }
}

/// The comparators a measurement may be written with.
const COMPARATORS: [&str; 6] = ["<", "<=", "\u{2264}", ">", ">=", "\u{2265}"];

fn check_meta(report: &mut Report<'_, '_>, pack: &CasePack) {
    for (field, value) in [
        ("meta.id", pack.meta.id.as_str()),
        ("meta.title", &pack.meta.title),
        ("meta.journal", &pack.meta.journal),
        ("meta.authors", &pack.meta.authors),
        ("meta.citation", &pack.meta.citation),
    ] {
        report.non_empty(field, value);
    }
    // Absent when not reported; never present and empty.
    for (field, value) in [
        ("meta.doi", &pack.meta.doi),
        ("meta.licence", &pack.meta.licence),
    ] {
        if let Some(value) = value {
            report.non_empty(field, value);
        }
    }
    let id = pack.meta.id.as_str();
    if !id.is_empty() && !is_valid_id(id) {
        report.error("meta.id", id_rule(id));
    }
}

/// Checks source ids and returns them by id.
fn check_sources<'p>(
    report: &mut Report<'_, '_>,
    pack: &'p CasePack,
) -> HashMap<&'p str, &'p Source> {
    unique_ids(
        report,
        "sources",
        pack.sources.iter().map(|source| source.id.as_str()),
    );
    let by_id: HashMap<&str, &Source> = pack
        .sources
        .iter()
        .map(|source| (source.id.as_str(), source))
        .collect();
    for (index, source) in pack.sources.iter().enumerate() {
        let path = format!("sources[{index}]");
        report.non_empty(&format!("{path}.title"), &source.title);
        match (source.kind, &source.text) {
            (SourceKind::Article, Some(_)) => report.error(
                &format!("{path}.text"),
                "the article source takes its text from the Markdown body; remove `text`",
            ),
            (SourceKind::Article, None) if source.id != pack.meta.article_source => report.error(
                &format!("{path}.kind"),
                format!(
                    "only the source named by meta.article_source (`{}`) can be the article",
                    pack.meta.article_source
                ),
            ),
            (_, Some(text)) if text.trim().is_empty() => {
                report.error(&format!("{path}.text"), "must not be empty")
            }
            _ => {}
        }
    }
    match by_id.get(pack.meta.article_source.as_str()) {
        Some(source) if source.kind == SourceKind::Article => {}
        Some(_) => report.error(
            "meta.article_source",
            "this source must have kind = \"article\"",
        ),
        None => report.error(
            "meta.article_source",
            format!("no source has id `{}`", pack.meta.article_source),
        ),
    }
    by_id
}

/// Reports malformed and duplicate ids in a list and returns the set of ids.
/// The study stages: known events, each in one stage at most, the worked example's
/// events all staged (so each stage's engine ranking sees every answer known by then), and
/// next tests that are work-up items.
fn check_stages(report: &mut Report<'_, '_>, pack: &CasePack, events: &HashSet<&str>) {
    if pack.stages.is_empty() {
        return;
    }
    unique_ids(
        report,
        "stages",
        pack.stages.iter().map(|stage| stage.id.as_str()),
    );
    let workup: HashSet<&str> = pack
        .workup
        .iter()
        .filter(|item| item.kind == WorkupKind::Workup)
        .map(|item| item.id.as_str())
        .collect();
    let mut staged: HashMap<&str, usize> = HashMap::new();
    for (index, stage) in pack.stages.iter().enumerate() {
        let path = format!("stages[{index}]");
        report.non_empty(&format!("{path}.title"), &stage.title);
        if stage.events.is_empty() {
            report.error(
                &format!("{path}.events"),
                "a stage reveals at least one event",
            );
        }
        for (position, event) in stage.events.iter().enumerate() {
            let event_path = format!("{path}.events[{position}]");
            if !events.contains(event.as_str()) {
                report.error(&event_path, format!("no event has id `{event}`"));
            } else if let Some(first) = staged.insert(event.as_str(), index) {
                report.error(
                    &event_path,
                    format!("event `{event}` is already revealed at stage {}", first + 1),
                );
            }
        }
        for (position, item) in stage.next_tests.iter().enumerate() {
            if !workup.contains(item.as_str()) {
                report.error(
                    &format!("{path}.next_tests[{position}]"),
                    format!("no work-up item (kind \"workup\") has id `{item}`"),
                );
            }
        }
    }
    for (index, step) in pack.worked_example.iter().enumerate() {
        if events.contains(step.event.as_str()) && !staged.contains_key(step.event.as_str()) {
            report.error(
                &format!("worked_example[{index}].event"),
                format!(
                    "event `{}` is in the worked example but in no stage, so the study mode could not reveal it",
                    step.event
                ),
            );
        }
    }
}

fn unique_ids<'i>(
    report: &mut Report<'_, '_>,
    list: &str,
    ids: impl Iterator<Item = &'i str>,
) -> HashSet<&'i str> {
    let mut seen = HashSet::new();
    for (index, id) in ids.enumerate() {
        let path = format!("{list}[{index}].id");
        if !is_valid_id(id) {
            report.error(&path, id_rule(id));
        }
        if !seen.insert(id) {
            report.error(&path, format!("id `{id}` is used twice in {list}"));
        }
    }
    seen
}

fn id_rule(id: &str) -> String {
    format!("id `{id}` must be 1–64 characters of a–z, 0–9 and '-', starting with a letter")
}

fn check_time(report: &mut Report<'_, '_>, path: &str, time: &TimeSpec, days: bool) {
    for problem in time.problems() {
        report.error(path, format!("this time cannot be placed: {problem}"));
    }
    let mut time = time.clone();
    for offset in time.offsets_mut() {
        check_offset(report, path, offset, days);
    }
}

/// An offset's reference must name an event that can be placed, and a day number needs
/// the pack's day numbering.
fn check_offset(report: &mut Report<'_, '_>, path: &str, offset: &crate::time::Offset, days: bool) {
    if !offset.is_placed() {
        report.error(
            path,
            format!(
                "`{}` cannot be placed: no event has that id, or its time refers back to this one",
                offset.written()
            ),
        );
    }
    if offset.is_day() && !days {
        report.error(
            path,
            format!(
                "`{}` is a day number: say how the report numbers days in `[timeline.days]` (anchor_day = 0 or 1)",
                offset.written()
            ),
        );
    }
}

/// The timeline's phases (in order, each starting where the previous one ends) and its
/// day numbering.
fn check_timeline(
    report: &mut Report<'_, '_>,
    checker: &QuoteChecker,
    sources: &HashMap<&str, &Source>,
    pack: &CasePack,
) {
    let days = pack.timeline.days.is_some();
    if let Some(numbering) = &pack.timeline.days {
        if !matches!(numbering.anchor_day, 0 | 1) {
            report.error(
                "timeline.days.anchor_day",
                "the anchor's day is day 0 or day 1",
            );
        }
        match (&numbering.provenance, numbering.stated) {
            (Some(provenance), _) => {
                checker.check(report, "timeline.days.provenance", provenance, sources)
            }
            (None, true) => report.error(
                "timeline.days",
                "a day numbering the report states needs its provenance (or write `stated = false`)",
            ),
            (None, false) => {}
        }
    }
    let phases = &pack.timeline.phases;
    unique_ids(
        report,
        "timeline.phases",
        phases.iter().map(|phase| phase.id.as_str()),
    );
    for (index, phase) in phases.iter().enumerate() {
        let path = format!("timeline.phases[{index}]");
        report.non_empty(&format!("{path}.name"), &phase.name);
        for offset in phase.from.iter().chain(phase.until.iter()) {
            check_offset(report, &path, offset, days);
        }
        if index > 0 && phase.from.is_none() {
            report.error(&path, "every phase but the first needs `from`");
        }
        if index + 1 < phases.len() && phase.until.is_none() {
            report.error(&path, "every phase but the last needs `until`");
        }
        if let (Some(from), Some(until)) = (&phase.from, &phase.until) {
            if until.hours() <= from.hours() {
                report.error(&path, "a phase must end after it starts");
            }
        }
        if let (Some(until), Some(next)) = (
            &phase.until,
            phases.get(index + 1).and_then(|next| next.from.as_ref()),
        ) {
            if (until.hours() - next.hours()).abs() > 1e-9 {
                report.error(
                    &format!("timeline.phases[{}].from", index + 1),
                    format!(
                        "a phase starts where the previous one ends (`{}`), not at `{}`",
                        until.written(),
                        next.written()
                    ),
                );
            }
        }
    }
}

fn check_cell(
    report: &mut Report<'_, '_>,
    checker: &QuoteChecker,
    sources: &HashMap<&str, &Source>,
    path: &str,
    cell: &Cell,
) {
    report.non_empty(&format!("{path}.text"), &cell.text);
    match &cell.provenance {
        Some(provenance) => checker.check(report, &format!("{path}.provenance"), provenance, sources),
        None if cell.is_not_reported() => {}
        None => report.error(path, format!("a reported value needs provenance; write text = \"{NOT_REPORTED}\" if the sources do not give it, or \"{NOT_IN_PART_READ}\" if the part of them read does not")),
    }
}

/// Finds quotes in source texts, normalising each text once.
struct QuoteChecker {
    article_source: String,
    article_text: String,
    /// Each source's excerpts (blank-line-separated passages), normalised.
    normalized_sources: HashMap<String, Vec<String>>,
}

impl QuoteChecker {
    fn new(pack: &CasePack, article_text: &str) -> Self {
        let normalized_sources = pack
            .sources
            .iter()
            .filter_map(|source| {
                source
                    .text
                    .as_ref()
                    .map(|text| (source.id.as_str().to_owned(), excerpts(text)))
            })
            .collect();
        Self {
            article_source: pack.meta.article_source.as_str().to_owned(),
            article_text: article_text.to_owned(),
            normalized_sources,
        }
    }

    fn check(
        &self,
        report: &mut Report<'_, '_>,
        path: &str,
        provenance: &Provenance,
        sources: &HashMap<&str, &Source>,
    ) {
        let quote = normalize_whitespace(&provenance.quote);
        if quote.is_empty() {
            report.error(&format!("{path}.quote"), "a quote must not be empty");
            return;
        }
        let source_id = provenance.source.as_str();
        let Some(source) = sources.get(source_id) else {
            report.error(
                &format!("{path}.source"),
                format!("no source has id `{source_id}`"),
            );
            return;
        };
        if source_id == self.article_source {
            if provenance.status != Status::Seed {
                report.error(
                    &format!("{path}.status"),
                    format!(
                        "a fact quoted from the case report has status \"seed\", not \"{}\"",
                        provenance.status.label()
                    ),
                );
            }
            if !quote_in_normalized(&quote, &self.article_text) {
                report.error(
                    &format!("{path}.quote"),
                    format!("quote not found in the article: \"{}\"", excerpt(&quote)),
                );
            }
            return;
        }
        if provenance.status == Status::Seed {
            report.error(
                &format!("{path}.status"),
                format!("status \"seed\" is only for facts quoted from the case report, not from `{source_id}`"),
            );
        }
        match self.normalized_sources.get(source_id) {
            Some(excerpts)
                if excerpts
                    .iter()
                    .any(|excerpt| quote_in_normalized(&quote, excerpt)) => {}
            Some(_) => report.error(
                &format!("{path}.quote"),
                format!(
                    "quote not found in the text of source `{}`: \"{}\"",
                    source.id,
                    excerpt(&quote)
                ),
            ),
            None => report.error(
                &format!("{path}.source"),
                format!(
                    "source `{}` has no `text` to check the quote against",
                    source.id
                ),
            ),
        }
    }
}

/// A source text's excerpts: passages separated by blank lines, which may come from
/// different places in the source, so a quote must lie within one of them.
fn excerpts(text: &str) -> Vec<String> {
    let mut passages = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                passages.push(normalize_whitespace(&current));
            }
            current.clear();
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    if !current.trim().is_empty() {
        passages.push(normalize_whitespace(&current));
    }
    passages
}

/// The first words of a long quote, for messages.
fn excerpt(quote: &str) -> String {
    const LIMIT: usize = 80;
    if quote.chars().count() <= LIMIT {
        quote.to_owned()
    } else {
        format!("{}…", quote.chars().take(LIMIT).collect::<String>())
    }
}
