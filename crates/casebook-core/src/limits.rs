//! Limits on what a pack may be, checked before any parsing so that a huge file (50 MB)
//! or a pack with 100,000 events is refused at once, in words, instead of tying up the
//! parser, the validator and every view. The seed pack is 0.2 MB with at most 50 entries
//! per list; the limits leave room for far richer cases.

use crate::error::{LineIndex, PackError, PackErrors};

/// The largest pack file read, in bytes (10 MB).
pub const MAX_PACK_BYTES: usize = 10 * 1024 * 1024;

/// The most entries any one list (`[[events]]`, `[[rules]]`, …) may hold.
pub const MAX_LIST_ENTRIES: usize = 5_000;

/// Refuses a pack over the limits, with the line of the first entry over a list's limit.
///
/// Lists are counted by their `[[name]]` headers at the start of a line: a cheap scan before
/// parsing. A list written as an inline array (`events = [{…}, {…}]`) escapes the scan, so
/// [`check_lists`] counts again after parsing; the size limit bounds that parse.
pub fn check(file: &str, text: &str) -> Result<(), PackErrors> {
    if text.len() > MAX_PACK_BYTES {
        return Err(PackErrors::whole_file(
            file,
            format!(
                "the file is {}; a case pack can be at most {} (this one is not read)",
                megabytes(text.len()),
                megabytes(MAX_PACK_BYTES)
            ),
        ));
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(name) = trimmed
            .strip_prefix("[[")
            .and_then(|rest| rest.split("]]").next())
        {
            let name = name.trim();
            let count = match counts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => {
                    *count += 1;
                    *count
                }
                None => {
                    counts.push((name, 1));
                    1
                }
            };
            if count > MAX_LIST_ENTRIES {
                let (line, column) = LineIndex::new(text).locate(offset);
                return Err(PackErrors(vec![PackError {
                    file: file.to_owned(),
                    line,
                    column,
                    path: name.to_owned(),
                    message: format!(
                        "more than {MAX_LIST_ENTRIES} entries in `{name}`; a case pack can hold at most {MAX_LIST_ENTRIES} per list (this one is not read)"
                    ),
                }]));
            }
        }
        offset += line.len();
    }
    Ok(())
}

/// Refuses a parsed pack with a list over [`MAX_LIST_ENTRIES`] (however it was written).
pub fn check_lists(file: &str, pack: &crate::CasePack) -> Result<(), PackErrors> {
    let lists = [
        ("summary", pack.summary.len()),
        ("sources", pack.sources.len()),
        ("references", pack.references.len()),
        ("glossary", pack.glossary.len()),
        ("events", pack.events.len()),
        ("measurements", pack.measurements.len()),
        ("comparison", pack.comparison.len()),
        ("findings", pack.findings.len()),
        ("diagnoses", pack.diagnoses.len()),
        ("rules", pack.rules.len()),
        ("worked_example", pack.worked_example.len()),
        ("workup", pack.workup.len()),
        ("questions", pack.questions.len()),
        ("stages", pack.stages.len()),
    ];
    let errors: Vec<PackError> = lists
        .into_iter()
        .filter(|(_, count)| *count > MAX_LIST_ENTRIES)
        .map(|(name, count)| PackError {
            file: file.to_owned(),
            line: 1,
            column: 1,
            path: name.to_owned(),
            message: format!(
                "{count} entries in `{name}`; a case pack can hold at most {MAX_LIST_ENTRIES} per list"
            ),
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PackErrors(errors))
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_over_the_size_limit_is_refused_before_parsing() {
        let huge = "x".repeat(MAX_PACK_BYTES + 1);
        let errors = check("big.md", &huge).unwrap_err();
        assert!(errors.errors()[0].message.contains("at most 10.0 MB"));
    }

    #[test]
    fn a_list_over_the_limit_is_refused_at_its_first_excess_entry() {
        let mut text = String::from("+++\nformat = 1\n");
        for i in 0..=MAX_LIST_ENTRIES {
            text.push_str(&format!("[[events]]\nid = \"e{i}\"\n"));
        }
        let errors = check("many.md", &text).unwrap_err();
        let error = &errors.errors()[0];
        assert_eq!(error.path, "events");
        assert_eq!(error.line, 3 + 2 * MAX_LIST_ENTRIES);
        assert!(error.message.contains("at most 5000 per list"));
        assert!(check("seed", crate::SEED_PACK).is_ok());
    }

    #[test]
    fn a_list_written_inline_is_counted_after_parsing() {
        let mut pack = crate::seed_pack().unwrap();
        assert!(check_lists("seed", &pack).is_ok());
        let one = pack.summary[0].clone();
        pack.summary = vec![one; MAX_LIST_ENTRIES + 1];
        let errors = check_lists("inline.md", &pack).unwrap_err();
        assert_eq!(errors.errors()[0].path, "summary");
    }
}
