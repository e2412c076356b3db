//! Reading a pack file: `+++`-fenced TOML front matter, then the article in Markdown.
//!
//! Serde stops at the first error, but an author fixing a pack wants all of them. So the
//! front matter is first parsed into toml's spanned document tree, and every section, and
//! every item of every list, is then deserialized on its own: one bad event does not hide
//! the next. `serde_path_to_error` names the field inside the item; the toml error's span
//! gives the line and column.

use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::error::{LineIndex, PackError, PackErrors};
use crate::model::*;

/// The fence that opens and closes the front matter, alone on its line.
const FENCE: &str = "+++";

/// The sections format 2 added.
const FORMAT_2_SECTIONS: [&str; 7] = [
    "timeline",
    "compare_fields",
    "compare",
    "finding_groups",
    "figures",
    "views",
    "reporting",
];

/// A pack parsed into types, with what the validator needs to locate later errors.
pub(crate) struct Parsed<'a> {
    pub pack: CasePack,
    root: Spanned<DeTable<'a>>,
    /// Byte offset of the front matter in the whole file.
    front_offset: usize,
    /// Byte offset of the Markdown body in the whole file.
    pub body_offset: usize,
}

impl Parsed<'_> {
    /// The byte offset in the whole file of the value at `path`
    /// (`events[3].provenance.quote`), or of its nearest existing parent.
    pub(crate) fn offset_of(&self, path: &str) -> usize {
        let mut span = self.root.span();
        let mut table: Option<&DeTable<'_>> = Some(self.root.get_ref());
        for segment in path.split('.').filter(|segment| !segment.is_empty()) {
            let (name, index) = match segment.split_once('[') {
                Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (segment, None),
            };
            let Some(found) = table.and_then(|table| {
                table
                    .iter()
                    .find(|(key, _)| key.get_ref() == name)
                    .map(|(_, value)| value)
            }) else {
                break;
            };
            span = found.span();
            let mut current = found;
            if let (Some(index), DeValue::Array(items)) = (index, found.get_ref()) {
                match items.get(index) {
                    Some(item) => {
                        span = item.span();
                        current = item;
                    }
                    None => break,
                }
            }
            table = match current.get_ref() {
                DeValue::Table(table) => Some(table),
                _ => None,
            };
        }
        self.front_offset + span.start
    }
}

/// Splits the file into front matter and body, parses the front matter and deserializes
/// each section, collecting every error.
pub(crate) fn parse<'a>(file: &str, text: &'a str) -> Result<Parsed<'a>, PackErrors> {
    let lines = LineIndex::new(text);
    let error_at = |offset: usize, path: &str, message: String| {
        let (line, column) = lines.locate(offset);
        PackError {
            file: file.to_owned(),
            line,
            column,
            path: path.to_owned(),
            message,
        }
    };

    let Some((front_offset, front, body_offset)) = split_front_matter(text) else {
        return Err(PackErrors(vec![error_at(
            0,
            "",
            format!(
                "a case pack starts with a line \"{FENCE}\", then TOML front matter, then a closing \"{FENCE}\" line, then the article in Markdown"
            ),
        )]));
    };

    let root = DeTable::parse(front).map_err(|error| {
        let offset = front_offset + error.span().map(|span| span.start).unwrap_or(0);
        PackErrors(vec![error_at(
            offset,
            "",
            format!("TOML syntax: {}", error.message().trim()),
        )])
    })?;

    let mut errors = Vec::new();
    let mut sections = Sections {
        root: &root,
        front_offset,
        errors: &mut errors,
        error_at: &error_at,
    };

    // The sections format 1 had; format 2's are `FORMAT_2_SECTIONS`.
    const FORMAT_1_SECTIONS: [&str; 18] = [
        "format",
        "meta",
        "anchor",
        "key_message",
        "summary",
        "sources",
        "references",
        "glossary",
        "events",
        "measurements",
        "comparison",
        "findings",
        "diagnoses",
        "rules",
        "worked_example",
        "workup",
        "questions",
        "stages",
    ];
    for (key, _) in root.get_ref().iter() {
        let key_name: &str = key.get_ref().as_ref();
        if !FORMAT_1_SECTIONS.contains(&key_name) && !FORMAT_2_SECTIONS.contains(&key_name) {
            let offset = front_offset + key.span().start;
            sections.errors.push(error_at(
                offset,
                key.get_ref(),
                format!(
                    "unknown section `{}`; expected one of: {}",
                    key.get_ref(),
                    FORMAT_1_SECTIONS
                        .iter()
                        .chain(&FORMAT_2_SECTIONS)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }

    let format: Option<u32> = sections.single("format");
    if let Some(format) = format {
        if !(crate::OLDEST_FORMAT_VERSION..=crate::FORMAT_VERSION).contains(&format) {
            let offset = sections.offset("format");
            sections.errors.push(error_at(
                offset,
                "format",
                format!(
                    "format version {format} is not supported; this app reads versions {} to {}",
                    crate::OLDEST_FORMAT_VERSION,
                    crate::FORMAT_VERSION
                ),
            ));
        }
    }
    // Sections format 2 added: a format 1 pack that has them is told to say format 2.
    if format == Some(1) {
        for key in FORMAT_2_SECTIONS {
            if sections.get(key).is_some() {
                let offset = sections.offset(key);
                sections.errors.push(error_at(
                    offset,
                    key,
                    format!("`{key}` is a section of format 2: write `format = 2` to use it"),
                ));
            }
        }
    }
    let meta: Option<Meta> = sections.single("meta");
    let anchor: Option<Anchor> = sections.single("anchor");
    let key_message: Option<SourcedText> = sections.single("key_message");
    let mut pack = CasePack {
        format: format.unwrap_or(0),
        meta: meta.unwrap_or_else(empty_meta),
        anchor: anchor.unwrap_or_else(|| Anchor {
            label: String::new(),
            provenance: placeholder_provenance(),
        }),
        timeline: sections.optional("timeline").unwrap_or_default(),
        key_message: key_message.unwrap_or_else(|| SourcedText {
            text: String::new(),
            provenance: placeholder_provenance(),
            registry_counts: false,
        }),
        summary: sections.list("summary"),
        sources: sections.list("sources"),
        references: sections.list("references"),
        glossary: sections.list("glossary"),
        events: sections.list("events"),
        measurements: sections.list("measurements"),
        compare_fields: sections.list("compare_fields"),
        compare: sections.optional("compare").unwrap_or_default(),
        comparison: sections.list("comparison"),
        finding_groups: sections.list("finding_groups"),
        findings: sections.list("findings"),
        diagnoses: sections.list("diagnoses"),
        rules: sections.list("rules"),
        worked_example: sections.list("worked_example"),
        workup: sections.list("workup"),
        questions: sections.list("questions"),
        stages: sections.list("stages"),
        figures: sections.list("figures"),
        reporting: sections.list("reporting"),
        views: sections.optional("views").unwrap_or_default(),
        article: crate::article::Article::from_markdown(&text[body_offset..]),
    };
    if pack.format == 1 {
        crate::migrate::from_format_1(&mut pack);
    }
    crate::migrate::place_times(&mut pack);

    if errors.is_empty() {
        Ok(Parsed {
            pack,
            root,
            front_offset,
            body_offset,
        })
    } else {
        errors.sort_by_key(|error| (error.line, error.column));
        Err(PackErrors(errors))
    }
}

/// Returns (front matter offset, front matter, body offset), or None if the fences are
/// missing. Accepts a byte-order mark and CRLF line ends.
fn split_front_matter(text: &str) -> Option<(usize, &str, usize)> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let rest = &text[start..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != FENCE {
        return None;
    }
    let front_offset = start + first_line_end + 1;
    let mut offset = front_offset;
    for line in text[front_offset..].split_inclusive('\n') {
        if line.trim_end() == FENCE {
            let front = &text[front_offset..offset];
            return Some((front_offset, front, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// Deserializes sections of the document one by one, collecting errors.
struct Sections<'r, 'a, F> {
    root: &'r Spanned<DeTable<'a>>,
    front_offset: usize,
    errors: &'r mut Vec<PackError>,
    error_at: &'r F,
}

impl<'r, 'a, F: Fn(usize, &str, String) -> PackError> Sections<'r, 'a, F> {
    fn get(&self, key: &str) -> Option<&'r Spanned<DeValue<'a>>> {
        let root: &'r Spanned<DeTable<'a>> = self.root;
        root.get_ref()
            .iter()
            .find(|(name, _)| name.get_ref() == key)
            .map(|(_, value)| value)
    }

    fn offset(&self, key: &str) -> usize {
        self.front_offset + self.get(key).map(|value| value.span().start).unwrap_or(0)
    }

    /// An optional single table; absent means its default.
    fn optional<T: DeserializeOwned>(&mut self, key: &str) -> Option<T> {
        let value = self.get(key).cloned()?;
        self.item(value, key)
    }

    /// A required single value or table.
    fn single<T: DeserializeOwned>(&mut self, key: &str) -> Option<T> {
        match self.get(key).cloned() {
            Some(value) => self.item(value, key),
            None => {
                self.errors.push((self.error_at)(
                    0,
                    key,
                    format!("missing required section `{key}`"),
                ));
                None
            }
        }
    }

    /// An optional list of tables (`[[key]]`); absent means empty.
    fn list<T: DeserializeOwned>(&mut self, key: &str) -> Vec<T> {
        let Some(value) = self.get(key).cloned() else {
            return Vec::new();
        };
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => items
                .into_iter()
                .enumerate()
                .filter_map(|(index, item)| self.item(item, &format!("{key}[{index}]")))
                .collect(),
            other => {
                self.errors.push((self.error_at)(
                    self.front_offset + span.start,
                    key,
                    format!(
                        "`{key}` must be a list of tables (write `[[{key}]]`), not a {}",
                        other.type_str()
                    ),
                ));
                Vec::new()
            }
        }
    }

    fn item<T: DeserializeOwned>(&mut self, value: Spanned<DeValue<'_>>, path: &str) -> Option<T> {
        let fallback = value.span();
        match serde_path_to_error::deserialize::<_, T>(value.into_deserializer()) {
            Ok(item) => Some(item),
            Err(error) => {
                let inner_path = error.path().to_string();
                let full_path = if inner_path == "." || inner_path.is_empty() {
                    path.to_owned()
                } else {
                    format!("{path}.{inner_path}")
                };
                let inner = error.into_inner();
                let span = inner.span().unwrap_or(fallback);
                self.errors.push((self.error_at)(
                    self.front_offset + span.start,
                    &full_path,
                    plain_message(inner.message()),
                ));
                None
            }
        }
    }
}

/// Serde's messages, made a little plainer for pack authors.
fn plain_message(message: &str) -> String {
    message
        .trim()
        .replace("invalid type: ", "wrong type: ")
        .replace("an option", "a value")
}

fn empty_meta() -> Meta {
    Meta {
        id: crate::ids::PackId::new(""),
        title: String::new(),
        journal: String::new(),
        year: 0,
        year_note: None,
        doi: None,
        licence: None,
        authors: String::new(),
        citation: String::new(),
        article_source: crate::ids::SourceId::new(""),
        synthetic: false,
        short_title: None,
        differential_lede: None,
        timeline_lede: None,
        compare_lede: None,
        text_note: None,
        title_provenance: None,
        authors_provenance: None,
        journal_provenance: None,
    }
}

/// Stands in for a missing section's provenance; the missing section is already an error,
/// so this value is never shown or validated.
fn placeholder_provenance() -> crate::Provenance {
    crate::Provenance {
        source: crate::ids::SourceId::new(""),
        quote: String::new(),
        status: crate::Status::Unverified,
        note: None,
    }
}
