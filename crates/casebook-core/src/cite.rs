//! Citations of the pack's sources for reference managers (RIS for Zotero, EndNote and
//! Mendeley; BibTeX for LaTeX), a Vancouver-style line to copy, and the index of what in
//! the app rests on each source, computed from the provenance of every item.
//!
//! Only what the pack records is written: a field that is unknown is left out of the
//! record (never filled in from memory), and authors marked as unconfirmed are not
//! exported as authors. Written by hand because both formats are a few lines of fixed
//! syntax, and the crates that write them pull in whole bibliography engines.

use std::collections::BTreeMap;

use crate::ids::SourceId;
use crate::inventory::{all_provenance, ItemKind};
use crate::model::{CasePack, Source, SourceKind};
use crate::target::Target;

/// Authors as a list, or none when the pack does not know them for certain ("unknown",
/// "see DOI", anything marked unverified). "et al." is dropped; [`has_more_authors`]
/// says whether it was there.
pub fn known_authors(source: &Source) -> Vec<String> {
    let Some(authors) = source.authors.as_deref() else {
        return Vec::new();
    };
    let lower = authors.to_lowercase();
    if lower.contains("unverified") || lower.starts_with("see ") || lower.trim() == "unknown" {
        return Vec::new();
    }
    authors
        .split(',')
        .map(str::trim)
        .filter(|name| {
            !name.is_empty()
                && !name.eq_ignore_ascii_case("et al.")
                && !name.eq_ignore_ascii_case("et al")
        })
        .map(str::to_owned)
        .collect()
}

/// True when the recorded author list ends in "et al.".
pub fn has_more_authors(source: &Source) -> bool {
    source.authors.as_deref().is_some_and(|authors| {
        authors.trim_end().ends_with("et al.") || authors.trim_end().ends_with("et al")
    })
}

fn ris_type(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article | SourceKind::Paper => "JOUR",
        SourceKind::Book => "BOOK",
        SourceKind::Label | SourceKind::Regulator => "GOVDOC",
        SourceKind::Database | SourceKind::CitationIndex => "DBASE",
        SourceKind::News => "NEWS",
        SourceKind::Notes => "GEN",
    }
}

/// One source as an RIS record (CRLF line ends, as the format asks; `ER` closes it).
/// Line breaks inside values are folded to spaces, since RIS has one value per line.
pub fn ris(source: &Source) -> String {
    let mut lines: Vec<(&str, String)> = vec![("TY", ris_type(source.kind).to_owned())];
    lines.push(("TI", source.title.clone()));
    for author in known_authors(source) {
        lines.push(("AU", author));
    }
    if let Some(container) = &source.container {
        lines.push(("T2", container.clone()));
    }
    if let Some(year) = source.year {
        lines.push(("PY", year.to_string()));
    }
    if let Some(doi) = &source.doi {
        lines.push(("DO", doi.clone()));
        lines.push(("UR", format!("https://doi.org/{doi}")));
    }
    if let Some(pmid) = &source.pmid {
        lines.push(("AN", format!("PMID: {pmid}")));
    }
    let mut note = format!("Casebook status: {}", source.status.label());
    if let Some(extra) = &source.note {
        note.push_str(". ");
        note.push_str(extra);
    }
    lines.push(("N1", note));
    let mut out = String::new();
    for (tag, value) in lines {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("{tag}  - {value}\r\n"));
    }
    out.push_str("ER  - \r\n");
    out
}

/// Escapes a value for BibTeX: the characters TeX treats as commands, and accented
/// Latin letters as TeX accents so older BibTeX reads names right.
pub fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\u{2019}' => out.push('\''),
            '\u{201c}' => out.push_str("``"),
            '\u{201d}' => out.push_str("''"),
            '\u{2013}' => out.push_str("--"),
            '\u{2014}' => out.push_str("---"),
            '\u{00a9}' => out.push_str("\\textcopyright{}"),
            '\u{00b5}' => out.push_str("\\textmu{}"),
            _ => match accent(c) {
                Some(escaped) => out.push_str(escaped),
                None => out.push(c),
            },
        }
    }
    out
}

/// TeX forms of the accented letters in the sources' names (others stay UTF-8, which
/// BibLaTeX and current BibTeX read).
fn accent(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' => "{\\\"a}",
        'ö' => "{\\\"o}",
        'ü' => "{\\\"u}",
        'Ä' => "{\\\"A}",
        'Ö' => "{\\\"O}",
        'Ü' => "{\\\"U}",
        'ë' => "{\\\"e}",
        'ï' => "{\\\"i}",
        'é' => "{\\'e}",
        'É' => "{\\'E}",
        'á' => "{\\'a}",
        'í' => "{\\'i}",
        'ó' => "{\\'o}",
        'ú' => "{\\'u}",
        'è' => "{\\`e}",
        'à' => "{\\`a}",
        'ê' => "{\\^e}",
        'â' => "{\\^a}",
        'ç' => "{\\c{c}}",
        'Ç' => "{\\c{C}}",
        'Ñ' => "{\\~N}",
        'ñ' => "{\\~n}",
        'ø' => "{\\o}",
        'Ø' => "{\\O}",
        'å' => "{\\aa}",
        'Å' => "{\\AA}",
        'æ' => "{\\ae}",
        'ß' => "{\\ss}",
        _ => return None,
    })
}

/// A name written "Surname Initials" (as the sources write them) in BibTeX's
/// "Surname, Initials" form, so BibTeX does not take the initials for the surname.
fn bibtex_name(name: &str) -> String {
    match name.rsplit_once(' ') {
        Some((surname, initials))
            if !name.contains(',')
                && !initials.is_empty()
                && initials.chars().all(|c| c.is_uppercase()) =>
        {
            format!("{surname}, {initials}")
        }
        _ => name.to_owned(),
    }
}

/// A BibTeX key from the source id: letters and digits only.
fn bibtex_key(id: &SourceId) -> String {
    id.as_str()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// One source as a BibTeX entry.
pub fn bibtex(source: &Source) -> String {
    let entry = match source.kind {
        SourceKind::Article | SourceKind::Paper => "article",
        SourceKind::Book => "book",
        _ => "misc",
    };
    let mut fields: Vec<(&str, String)> =
        vec![("title", format!("{{{}}}", bibtex_escape(&source.title)))];
    let mut authors: Vec<String> = known_authors(source)
        .iter()
        .map(|a| bibtex_escape(&bibtex_name(a)))
        .collect();
    if !authors.is_empty() {
        if has_more_authors(source) {
            authors.push("others".to_owned());
        }
        fields.push(("author", authors.join(" and ")));
    }
    if let Some(container) = &source.container {
        let field = if entry == "article" {
            "journal"
        } else {
            "publisher"
        };
        fields.push((field, bibtex_escape(container)));
    }
    if let Some(year) = source.year {
        fields.push(("year", year.to_string()));
    }
    // DOIs and PubMed ids are verbatim fields in BibLaTeX: written as they are, without
    // the braces that would end the value.
    let verbatim = |text: &str| text.replace(['{', '}'], "");
    if let Some(doi) = &source.doi {
        fields.push(("doi", verbatim(doi)));
    }
    if let Some(pmid) = &source.pmid {
        fields.push(("pmid", verbatim(pmid)));
    }
    let mut note = format!("Casebook status: {}", source.status.label());
    if let Some(extra) = &source.note {
        note.push_str(". ");
        note.push_str(extra);
    }
    fields.push(("note", bibtex_escape(&note)));
    let fields: Vec<(&str, String)> = fields
        .into_iter()
        .map(|(name, value)| (name, value.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    let body: Vec<String> = fields
        .into_iter()
        .map(|(name, value)| format!("  {name} = {{{value}}}"))
        .collect();
    format!(
        "@{entry}{{{},\n{}\n}}\n",
        bibtex_key(&source.id),
        body.join(",\n")
    )
}

/// A citation line in the Vancouver style, from what is known: authors (if confirmed),
/// title, container, year, DOI. Unknown parts are left out, never guessed.
pub fn vancouver(source: &Source) -> String {
    let mut parts: Vec<String> = Vec::new();
    let authors = known_authors(source);
    if !authors.is_empty() {
        let mut list = authors.join(", ");
        if has_more_authors(source) {
            list.push_str(", et al");
        }
        parts.push(list);
    }
    parts.push(source.title.trim_end_matches('.').to_owned());
    if let Some(container) = &source.container {
        parts.push(container.trim_end_matches('.').to_owned());
    }
    if let Some(year) = source.year {
        parts.push(year.to_string());
    }
    let mut line = parts.join(". ");
    line.push('.');
    if let Some(doi) = &source.doi {
        line.push_str(&format!(" doi:{doi}"));
    }
    line
}

/// Every source as one RIS file or one BibTeX file.
pub fn all_ris(pack: &CasePack) -> String {
    pack.sources
        .iter()
        .map(ris)
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// Every source as one BibTeX file.
pub fn all_bibtex(pack: &CasePack) -> String {
    pack.sources
        .iter()
        .map(bibtex)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Something in the app that rests on a source.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Usage {
    /// What kind of item ("Timeline event").
    pub kind: &'static str,
    /// The item as a reader knows it.
    pub label: String,
    /// Where it is in the app.
    pub target: Target,
}

fn kind_label(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Anchor => "Timeline anchor",
        ItemKind::KeyMessage => "Key message",
        ItemKind::Summary => "The case in five lines",
        ItemKind::Glossary => "Glossary entry",
        ItemKind::Event => "Timeline event",
        ItemKind::Measurement => "Measurement",
        ItemKind::Comparison => "Comparison cell",
        ItemKind::Finding => "Checklist finding",
        ItemKind::Diagnosis => "Diagnosis",
        ItemKind::Rule => "Checklist rule",
        ItemKind::WorkedExample => "Worked example answer",
        ItemKind::Workup => "Work-up or management item",
        ItemKind::Question => "Study question",
        ItemKind::Metadata => "The report's details",
        ItemKind::DayNumbering => "Day numbering",
        ItemKind::Figure => "Figure description",
        ItemKind::CompareNote => "Note under the comparison",
        ItemKind::Reporting => "Reporting checklist",
    }
}

/// For every source, the items that rest on it, with where they are: computed from the
/// provenance of every item, not written by hand. Sources nothing rests on get an empty
/// list.
pub fn usage(pack: &CasePack) -> BTreeMap<SourceId, Vec<Usage>> {
    let mut index: BTreeMap<SourceId, Vec<Usage>> = pack
        .sources
        .iter()
        .map(|source| (source.id.clone(), Vec::new()))
        .collect();
    let finding = |id: &str| {
        pack.finding(id)
            .map(|f| f.question.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let diagnosis = |id: &str| {
        pack.diagnosis(id)
            .map(|d| d.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    // The inventory names each item by its id as text; the item's place is the pack's
    // item with that id (which the inventory took it from), or the view as a whole.
    let finding_target = |id: &str| {
        pack.finding(id)
            .map_or(Target::Differential, |f| Target::Finding(f.id.clone()))
    };
    let diagnosis_target = |id: &str| {
        pack.diagnosis(id)
            .map_or(Target::Differential, |d| Target::Diagnosis(d.id.clone()))
    };
    for sourced in all_provenance(pack) {
        let item = sourced.item.as_str();
        let (label, target) = match sourced.kind {
            ItemKind::Anchor => (pack.anchor.label.clone(), Target::Timeline),
            ItemKind::KeyMessage => (pack.key_message.text.clone(), Target::Overview),
            ItemKind::Summary => {
                let index: usize = item.trim_start_matches("summary-").parse().unwrap_or(1);
                let text = pack
                    .summary
                    .get(index.saturating_sub(1))
                    .map(|line| line.text.clone())
                    .unwrap_or_default();
                (text, Target::Overview)
            }
            ItemKind::Glossary => match pack.term(item) {
                Some(entry) => (entry.term.clone(), Target::Term(entry.id.clone())),
                None => (item.to_owned(), Target::Paper),
            },
            ItemKind::Event => match pack.event(item) {
                Some(event) => (event.label.clone(), Target::Event(event.id.clone())),
                None => (item.to_owned(), Target::Timeline),
            },
            ItemKind::Measurement => match pack.measurement(item) {
                Some(measurement) => (
                    measurement.name.clone(),
                    Target::Event(measurement.event.clone()),
                ),
                None => (item.to_owned(), Target::Timeline),
            },
            ItemKind::Comparison => {
                let (row_id, field) = item.split_once('.').unwrap_or((item, ""));
                let row = pack.row(row_id);
                let field = crate::compare::Field::all(pack)
                    .into_iter()
                    .find(|f| f.key(pack) == field)
                    .map(|f| f.label(pack))
                    .unwrap_or(if field == "outcome_counts" {
                        "Deaths and n"
                    } else {
                        field
                    });
                (
                    format!("{}: {field}", row.map_or(row_id, |row| row.label.as_str())),
                    row.map_or(Target::Comparison, |row| {
                        Target::ComparisonRow(row.id.clone())
                    }),
                )
            }
            ItemKind::Finding | ItemKind::WorkedExample => (finding(item), finding_target(item)),
            ItemKind::Diagnosis => (diagnosis(item), diagnosis_target(item)),
            ItemKind::Rule => {
                let mut parts = item.split('/');
                let (f, answer, d) = (
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                );
                (
                    format!("{} {answer} \u{2192} {}", finding(f), diagnosis(d)),
                    diagnosis_target(d),
                )
            }
            ItemKind::Workup => match pack.workup_item(item) {
                Some(entry) => (entry.label.clone(), Target::Workup(entry.kind)),
                None => (item.to_owned(), Target::Differential),
            },
            ItemKind::Question => (
                pack.question(item)
                    .map(|q| q.prompt.clone())
                    .unwrap_or_else(|| item.to_owned()),
                Target::Study,
            ),
            ItemKind::Metadata => (format!("The report's {item}"), Target::Overview),
            ItemKind::DayNumbering => ("How the report numbers days".to_owned(), Target::Timeline),
            ItemKind::Figure => {
                let number = item.trim_start_matches("figure-");
                (
                    format!("Figure {number}"),
                    number.parse().map_or(Target::Paper, Target::Figure),
                )
            }
            ItemKind::Reporting => (
                format!("Reporting item {}", item.trim_start_matches("reporting-")),
                Target::Paper,
            ),
            ItemKind::CompareNote => (
                pack.compare
                    .notes
                    .get(
                        item.trim_start_matches("note-")
                            .parse::<usize>()
                            .unwrap_or(1)
                            .saturating_sub(1),
                    )
                    .map(|note| note.text.clone())
                    .unwrap_or_default(),
                Target::Comparison,
            ),
        };
        let usage = Usage {
            kind: kind_label(sourced.kind),
            label,
            target,
        };
        let list = index.entry(sourced.provenance.source.clone()).or_default();
        if !list.contains(&usage) {
            list.push(usage);
        }
    }
    index
}
