//! `casebook-pack check`: a pack's errors, each shown the way rustc shows a compile
//! error (the message, ` --> file:line:column`, the line in a gutter, a caret under the
//! column, the field path as a note), or, for a pack that validates, what it holds.
//!
//! The rendering is [`annotate_snippets`]'s, the crate rustc itself renders with. It was
//! chosen over `codespan-reporting` and `ariadne` because its plain output *is* rustc's
//! layout (ariadne draws boxes of its own, codespan-reporting needs a terminal-colour
//! crate even for plain text), it builds on the workspace's Rust 1.85 with two small
//! dependencies, and [`Renderer::plain`] writes no escape codes at all, so what a pipe, a
//! file or a test receives is plain text (the caller picks [`Renderer::styled`] only for
//! a terminal).
//!
//! Everything here returns text; only `main` prints, so the tests read what a user reads.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use casebook_core::reader::Block;
use casebook_core::{CasePack, PackError};

/// What checking one pack found: the report to print, and whether the pack validated.
#[derive(Debug)]
pub struct Checked {
    /// True when the app would accept the pack.
    pub valid: bool,
    /// The diagnostics, or the summary of a valid pack, ending with a newline.
    pub report: String,
}

/// Checks the pack `text` read from `file` (the name shown in every location).
pub fn check(file: &str, text: &str, renderer: &Renderer) -> Checked {
    match casebook_core::load_pack(file, text) {
        Ok(pack) => {
            let mut report = summary(file, &pack);
            let todo = todo_lines(text);
            if todo > 0 {
                // A skeleton from `casebook-pack new` validates from the start, so the
                // placeholders it still holds are what is left to write.
                report.push_str(&format!(
                    "  note: {} of the front matter still {} TODO\n",
                    plural(todo, "line", "lines"),
                    if todo == 1 { "says" } else { "say" }
                ));
            }
            Checked {
                valid: true,
                report,
            }
        }
        Err(errors) => {
            let lines: Vec<&str> = text.split('\n').collect();
            let errors = errors.errors();
            let mut report = String::new();
            for error in errors {
                report.push_str(&diagnostic(error, &lines, renderer));
                report.push_str("\n\n");
            }
            let count = plural(errors.len(), "error", "errors");
            let closing = Group::with_title(Level::ERROR.primary_title(format!(
                "{file} is not a valid case pack ({count}); the app refuses it whole"
            )));
            report.push_str(&renderer.render(&[closing]));
            report.push('\n');
            Checked {
                valid: false,
                report,
            }
        }
    }
}

/// Checks a file that is not UTF-8 text: one error, located at the first byte that is
/// not, and shown like the others (with that byte as U+FFFD).
pub fn check_bytes(file: &str, bytes: &[u8], renderer: &Renderer) -> Checked {
    match std::str::from_utf8(bytes) {
        Ok(text) => check(file, text, renderer),
        Err(error) => {
            // The prefix is valid UTF-8, so its characters are the lossy text's too.
            let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            let line_start = valid.rfind('\n').map_or(0, |index| index + 1);
            let error = PackError {
                file: file.to_owned(),
                line: valid.matches('\n').count() + 1,
                column: valid[line_start..].chars().count() + 1,
                path: String::new(),
                message: "a case pack is UTF-8 text; this byte is not UTF-8".to_owned(),
            };
            let lossy = String::from_utf8_lossy(bytes);
            let lines: Vec<&str> = lossy.split('\n').collect();
            let mut report = diagnostic(&error, &lines, renderer);
            report.push('\n');
            Checked {
                valid: false,
                report,
            }
        }
    }
}

/// One error as rustc would print it: the message, ` --> file:line:column`, the source
/// line with its number in the gutter, carets under the value the error points at, and
/// `= field: path` when the error names a field.
pub fn diagnostic(error: &PackError, lines: &[&str], renderer: &Renderer) -> String {
    let raw = lines
        .get(error.line.saturating_sub(1))
        .copied()
        .unwrap_or("");
    // A CRLF file's lines end in a carriage return, which is not shown. (A byte-order
    // mark stays: the core counts it as a character, the renderer too, and it has no
    // width, so the location and the caret agree with the core's.)
    let line = raw.strip_suffix('\r').unwrap_or(raw);
    let start = byte_offset(line, error.column);
    let end = token_end(line, start);
    let snippet = Snippet::source(line)
        .line_start(error.line)
        .path(error.file.as_str())
        .annotation(AnnotationKind::Primary.span(start..end));
    let mut group = Level::ERROR
        .primary_title(error.message.as_str())
        .element(snippet);
    if !error.path.is_empty() {
        group = group.element(Level::NOTE.with_name("field").message(error.path.as_str()));
    }
    renderer.render(&[group])
}

/// The byte offset in `line` of the 1-based character `column`: the core counts columns
/// in characters, a snippet's spans are bytes, and the two differ as soon as a character
/// before the column is not ASCII ("Ringer’s", "VigiBase©"). Past the end of the line it
/// is the line's end.
pub fn byte_offset(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(index, _)| index)
}

/// Where the TOML token starting at byte `start` of `line` ends, so the carets underline
/// the whole value an error is about (`"symptoms"`, `12`, a key), as rustc underlines an
/// expression. A table, an array or anything else gets one caret; the end of a line gets
/// an empty span, which is drawn as one caret after the text.
fn token_end(line: &str, start: usize) -> usize {
    let rest = &line[start..];
    let Some(first) = rest.chars().next() else {
        return start;
    };
    let one = start + first.len_utf8();
    match first {
        // A multi-line string's opening quotes: its end is on another line.
        '"' | '\'' if rest.starts_with("\"\"\"") || rest.starts_with("'''") => one,
        '"' | '\'' => {
            let mut escaped = false;
            for (index, c) in rest.char_indices().skip(1) {
                if escaped {
                    escaped = false;
                } else if c == '\\' && first == '"' {
                    escaped = true;
                } else if c == first {
                    return start + index + 1;
                }
            }
            one
        }
        c if is_bare(c) => start + rest.find(|c: char| !is_bare(c)).unwrap_or(rest.len()),
        _ => one,
    }
}

/// Characters of a bare TOML token: keys, numbers, booleans, dates.
fn is_bare(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '+' | ':')
}

/// The lines of the front matter, comments aside, with a string that starts `TODO`: the
/// placeholders `casebook-pack new` writes.
fn todo_lines(text: &str) -> usize {
    text.lines()
        .skip(1)
        .take_while(|line| line.trim_end() != "+++")
        .filter(|line| !line.trim_start().starts_with('#') && line.contains("\"TODO"))
        .count()
}

/// What a valid pack holds: its format, case and the count of every kind of item, one
/// to a line, so an author sees at a glance that nothing went missing.
pub fn summary(file: &str, pack: &CasePack) -> String {
    let format = if pack.format == casebook_core::FORMAT_VERSION {
        format!("format {}", pack.format)
    } else {
        // Older packs are migrated as they are read (`casebook_core::migrate`).
        format!(
            "format {}, read as format {}",
            pack.format,
            casebook_core::FORMAT_VERSION
        )
    };
    let exposures = pack
        .events
        .iter()
        .filter(|event| event.exposure.is_some())
        .count();
    let tables = casebook_core::reader::blocks(pack, None)
        .iter()
        .filter(|block| matches!(block, Block::Table { .. }))
        .count();
    let quotes = casebook_core::inventory::all_provenance(pack).len();
    let counts: [(&str, usize, String); 16] = [
        (
            "events",
            pack.events.len(),
            format!("({})", plural(exposures, "drug exposure", "drug exposures")),
        ),
        ("phases", pack.timeline.phases.len(), String::new()),
        ("measurements", pack.measurements.len(), String::new()),
        (
            "comparison rows",
            pack.comparison.len(),
            format!("({})", plural(pack.compare_fields.len(), "field", "fields")),
        ),
        ("findings", pack.findings.len(), String::new()),
        ("diagnoses", pack.diagnoses.len(), String::new()),
        ("rules", pack.rules.len(), String::new()),
        ("work-up items", pack.workup.len(), String::new()),
        ("questions", pack.questions.len(), String::new()),
        ("stages", pack.stages.len(), String::new()),
        ("glossary terms", pack.glossary.len(), String::new()),
        ("sources", pack.sources.len(), String::new()),
        ("references", pack.references.len(), String::new()),
        ("figures", pack.figures.len(), String::new()),
        ("tables", tables, "(in the article)".to_owned()),
        (
            "quotes",
            quotes,
            "(provenance items, each found in its source)".to_owned(),
        ),
    ];
    let mut out = format!("ok: {file} is a valid case pack ({format})\n");
    out.push_str(&format!(
        "  case: {} ({})\n",
        pack.meta.id,
        pack.meta.heading()
    ));
    for (label, count, note) in counts {
        let line = format!("  {label:<15}{count:>5} {note}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `count` and the noun, singular or plural.
fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(line: usize, column: usize, path: &str) -> PackError {
        PackError {
            file: "pack.md".to_owned(),
            line,
            column,
            path: path.to_owned(),
            message: "something is wrong".to_owned(),
        }
    }

    /// The rendered line holding `^`s, and the column (in characters) of the first.
    fn caret(rendered: &str) -> (usize, usize) {
        rendered
            .lines()
            .filter_map(|line| {
                line.chars()
                    .position(|c| c == '^')
                    .map(|at| (at, line.matches('^').count()))
            })
            .next()
            .expect("a caret line")
    }

    #[test]
    fn columns_are_characters_not_bytes() {
        assert_eq!(byte_offset("abc", 1), 0);
        assert_eq!(byte_offset("abc", 3), 2);
        assert_eq!(byte_offset("é = 1", 3), 3);
        assert_eq!(byte_offset("“x” = ©", 7), "“x” = ".len());
        assert_eq!(byte_offset("ab", 9), 2, "past the end is the end");
        assert_eq!(byte_offset("", 1), 0);
    }

    #[test]
    fn tokens_are_underlined_whole() {
        let line = r#"lane = "symp\"toms" # x"#;
        assert_eq!(token_end(line, 7), line.find(" #").unwrap());
        assert_eq!(token_end("value = 12, b", 8), 10);
        assert_eq!(token_end("time = { at }", 7), 8);
        assert_eq!(token_end("text = '''", 7), 8);
        assert_eq!(token_end("abc", 3), 3);
    }

    #[test]
    fn a_diagnostic_points_at_its_column() {
        let lines = ["+++", r#"title = "Café – ©", lane = "symptoms""#];
        let rendered = diagnostic(&error(2, 28, "events[0].lane"), &lines, &Renderer::plain());
        assert!(
            rendered.starts_with("error: something is wrong\n"),
            "{rendered}"
        );
        assert!(rendered.contains(" --> pack.md:2:28\n"), "{rendered}");
        assert!(rendered.contains("= field: events[0].lane"), "{rendered}");
        let source = rendered
            .lines()
            .find(|line| line.starts_with("2 |"))
            .expect("the source line");
        let value = source.find("\"symptoms\"").unwrap();
        let value_column = source[..value].chars().count();
        assert_eq!(caret(&rendered), (value_column, "\"symptoms\"".len()));
    }

    #[test]
    fn odd_lines_keep_the_cores_location() {
        let rendered = diagnostic(&error(2, 1, ""), &["a", ""], &Renderer::plain());
        assert!(rendered.contains(" --> pack.md:2:1"), "{rendered}");
        assert!(!rendered.contains("= field"), "{rendered}");
        // A byte-order mark is a character of the line for the core and the renderer.
        let rendered = diagnostic(&error(1, 2, ""), &["\u{feff}+++"], &Renderer::plain());
        assert!(rendered.contains(" --> pack.md:1:2"), "{rendered}");
        // A tab and wide characters: the location in characters, the caret under the value.
        let rendered = diagnostic(
            &error(1, 8, ""),
            &["a\t患者 = \"bad\"\r"],
            &Renderer::plain(),
        );
        assert!(rendered.contains(" --> pack.md:1:8"), "{rendered}");
        // The gutter, `a`, the tab as four spaces, two characters two columns wide, ` = `.
        assert_eq!(caret(&rendered), (4 + 1 + 4 + 2 * 2 + 3, "\"bad\"".len()));
        // A line beyond the text (an error at the very end) is drawn empty.
        let rendered = diagnostic(&error(7, 1, ""), &["a"], &Renderer::plain());
        assert!(rendered.contains(" --> pack.md:7:1"), "{rendered}");
    }

    #[test]
    fn plain_output_has_no_escape_codes() {
        let checked = check("pack.md", "+++\nformat = 2\n+++\n", &Renderer::plain());
        assert!(!checked.valid);
        assert!(!checked.report.contains('\u{1b}'), "{}", checked.report);
        assert!(checked.report.contains("missing required section"));
    }

    #[test]
    fn text_that_is_not_utf8_is_located() {
        let checked = check_bytes("pack.md", b"+++\nab\xffc\n", &Renderer::plain());
        assert!(!checked.valid);
        assert!(
            checked.report.contains(" --> pack.md:2:3"),
            "{}",
            checked.report
        );
    }
}
