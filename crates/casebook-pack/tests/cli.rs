//! The `casebook-pack` binary as a user runs it: `check` and `new` on real files, read
//! through their standard output and exit codes. What is expected is computed from the
//! files themselves (the seed pack changes as it is reviewed), never written down.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A file of the repository.
fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// A fresh directory for one test's files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("casebook-pack-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What a run printed and how it ended.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_casebook-pack"))
        .args(args)
        // Set by some terminals and CI; the output must be plain whatever it says.
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().expect("an exit code"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// The seed pack's text, as the binary reads it.
fn seed_text() -> String {
    std::fs::read_to_string(repo("content/alemtuzumab-dah.casepack.md")).unwrap()
}

/// The seed's article: the Markdown after its front matter's closing fence.
fn seed_article() -> String {
    let seed = seed_text();
    let close = seed[4..].find("\n+++\n").expect("the closing fence") + 4;
    seed[close + "\n+++\n".len()..].to_owned()
}

/// The count the summary gives for `label` (`  events   44 (...)`).
fn count(stdout: &str, label: &str) -> usize {
    stdout
        .lines()
        .find_map(|line| {
            let rest = line.trim_start().strip_prefix(label)?;
            rest.split_whitespace().next()?.parse().ok()
        })
        .unwrap_or_else(|| panic!("no count for {label}:\n{stdout}"))
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn locate(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Asserts that the output shows the error at `line:column` of `file` rustc's way: the
/// location, the source line in the gutter, and on the next line a caret under the
/// character at `column`, which is `token`'s first.
fn assert_located(stdout: &str, file: &str, line: usize, column: usize, token: &str) {
    let location = format!(" --> {file}:{line}:{column}\n");
    assert!(stdout.contains(&location), "no `{location}` in:\n{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    let gutter = format!("{line} |");
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with(&gutter) && l.contains(token))
        .unwrap_or_else(|| panic!("no source line {line} with {token}:\n{stdout}"));
    let source = lines[at];
    let carets = lines[at + 1];
    // Characters, not bytes: the caret line is spaces, one for each character shown.
    let token_column = source[..source.find(token).unwrap()].chars().count();
    let caret_column = carets.chars().position(|c| c == '^').expect("a caret");
    assert_eq!(
        caret_column, token_column,
        "the caret is not under {token}:\n{source}\n{carets}"
    );
}

#[test]
fn check_summarises_the_seed_pack() {
    let seed = repo("content/alemtuzumab-dah.casepack.md");
    let out = run(&["check", path_str(&seed)]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    assert!(!out.stdout.contains('\u{1b}'), "no colour into a pipe");
    assert!(
        out.stdout.contains("is a valid case pack (format 2)"),
        "{}",
        out.stdout
    );

    let pack = casebook_core::load_pack("seed", &seed_text()).unwrap();
    assert!(out.stdout.contains(pack.meta.heading()), "{}", out.stdout);
    assert!(out.stdout.contains(pack.meta.id.as_str()), "{}", out.stdout);
    let exposures = pack.events.iter().filter(|e| e.exposure.is_some()).count();
    assert!(
        out.stdout.contains(&format!("({exposures} drug exposure")),
        "{}",
        out.stdout
    );
    let tables = casebook_core::reader::blocks(&pack, None)
        .iter()
        .filter(|block| matches!(block, casebook_core::reader::Block::Table { .. }))
        .count();
    for (label, expected) in [
        ("events", pack.events.len()),
        ("phases", pack.timeline.phases.len()),
        ("measurements", pack.measurements.len()),
        ("comparison rows", pack.comparison.len()),
        ("findings", pack.findings.len()),
        ("diagnoses", pack.diagnoses.len()),
        ("rules", pack.rules.len()),
        ("work-up items", pack.workup.len()),
        ("questions", pack.questions.len()),
        ("stages", pack.stages.len()),
        ("glossary terms", pack.glossary.len()),
        ("sources", pack.sources.len()),
        ("references", pack.references.len()),
        ("figures", pack.figures.len()),
        ("tables", tables),
        (
            "quotes",
            casebook_core::inventory::all_provenance(&pack).len(),
        ),
    ] {
        assert_eq!(count(&out.stdout, label), expected, "{label}");
    }
    let fields = pack.compare_fields.len();
    assert!(
        out.stdout.contains(&format!("({fields} field")),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("TODO"), "the seed has no placeholders");
}

#[test]
fn check_locates_an_error_in_a_broken_seed() {
    let seed = seed_text();
    let wrong = "lane = \"symptom\"";
    let at = seed.find(wrong).expect("the seed has a symptom event");
    let broken = seed.replacen(wrong, "lane = \"symptoms\"", 1);
    let dir = temp_dir("broken");
    let file = dir.join("broken.casepack.md");
    std::fs::write(&file, &broken).unwrap();

    let out = run(&["check", path_str(&file)]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    // The value, after `lane = `, is what is wrong.
    let (line, column) = locate(&broken, at + "lane = ".len());
    assert_located(&out.stdout, path_str(&file), line, column, "\"symptoms\"");
    assert!(
        out.stdout.starts_with("error: unknown variant `symptoms`"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("= field: events["), "{}", out.stdout);
    assert!(out.stdout.contains("].lane\n"), "{}", out.stdout);
    assert!(
        out.stdout.contains("not a valid case pack (1 error)"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains('\u{1b}'), "no colour into a pipe");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_caret_counts_characters_on_a_line_with_non_ascii_text() {
    let dir = temp_dir("non-ascii");
    // Each of é, —, “ and ” is one character of two or three bytes.
    let article = dir.join("patiënt.md");
    std::fs::write(
        &article,
        "Patiënt één — “X” was admitted on day 1.\n\nCompound A was given [1].\n",
    )
    .unwrap();
    let new = run(&["new", path_str(&article), "--id", "non-ascii"]);
    assert_eq!(new.code, 0, "{}", new.stderr);
    let wrong = "“X” was admitted on day 1.\", status = \"seed\"";
    let at =
        new.stdout.find(wrong).expect("the sentence is quoted") + wrong.len() - "\"seed\"".len();
    let broken = format!(
        "{}\"sead\"{}",
        &new.stdout[..at],
        &new.stdout[at + "\"seed\"".len()..]
    );
    let file = dir.join("broken.casepack.md");
    std::fs::write(&file, &broken).unwrap();

    let out = run(&["check", path_str(&file)]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    let (line, column) = locate(&broken, at);
    let byte_column = at - broken[..at].rfind('\n').unwrap();
    assert!(
        byte_column > column,
        "the test needs bytes and characters to differ before the error"
    );
    assert_located(&out.stdout, path_str(&file), line, column, "\"sead\"");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn new_on_the_seed_article_writes_a_pack_that_validates() {
    let dir = temp_dir("new-seed");
    let article = dir.join("alemtuzumab-dah.md");
    std::fs::write(&article, seed_article()).unwrap();
    let out = run(&["new", path_str(&article)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pack = casebook_core::load_pack("new.casepack.md", &out.stdout)
        .unwrap_or_else(|errors| panic!("{errors}\n\n{}", out.stdout));
    assert_eq!(pack.meta.id, "alemtuzumab-dah", "the id is the file's name");
    assert_eq!(pack.format, 2);
    assert!(
        out.stdout.ends_with(&seed_article()),
        "the article follows unchanged"
    );
    let cited = pack.article.citing_sentences_by_number();
    assert_eq!(pack.references.len(), cited.len());
    for section in pack.article.sections() {
        assert!(out.stdout.contains(&format!("#     - {}\n", section.title)));
    }

    // And `check` reads it as the valid starting point it is, placeholders counted.
    let file = dir.join("new.casepack.md");
    std::fs::write(&file, &out.stdout).unwrap();
    let checked = run(&["check", path_str(&file)]);
    assert_eq!(checked.code, 0, "{}", checked.stdout);
    assert!(
        checked.stdout.contains("still say TODO"),
        "{}",
        checked.stdout
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn new_on_a_tiny_article_writes_a_pack_that_validates() {
    let dir = temp_dir("new-tiny");
    let article = dir.join("tiny.md");
    std::fs::write(
        &article,
        "Subject one was admitted on day 1. Compound A was given [1].",
    )
    .unwrap();
    let out = run(&["new", path_str(&article), "--id", "tiny-case"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pack = casebook_core::load_pack("tiny.casepack.md", &out.stdout)
        .unwrap_or_else(|errors| panic!("{errors}\n\n{}", out.stdout));
    assert_eq!(pack.meta.id, "tiny-case");
    assert_eq!(pack.references.len(), 1);
    assert_eq!(pack.references[0].number, 1);
    assert_eq!(
        pack.references[0].known,
        "TODO: what is known of reference 1"
    );
    assert_eq!(
        pack.sources[0].id.as_str(),
        pack.meta.article_source.as_str()
    );
    assert!(out
        .stdout
        .ends_with("+++\nSubject one was admitted on day 1. Compound A was given [1]."));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_reads_format_1_as_format_2() {
    let file = repo("tests/packs/format-1-example.casepack.md");
    let out = run(&["check", path_str(&file)]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("(format 1, read as format 2)"),
        "{}",
        out.stdout
    );
}

#[test]
fn check_locates_every_error_of_every_broken_pack() {
    let dir = repo("tests/broken-packs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path_str(path).ends_with(".casepack.md"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut args = vec!["check"];
    args.extend(files.iter().map(|file| path_str(file)));
    let out = run(&args);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.is_empty(),
        "nothing on standard error: {}",
        out.stderr
    );
    for file in &files {
        let name = path_str(file);
        let text = std::fs::read_to_string(file).unwrap();
        let errors = casebook_core::load_pack(name, &text).expect_err(name);
        for error in errors.errors() {
            let location = format!(" --> {name}:{}:{}\n", error.line, error.column);
            assert!(
                out.stdout.contains(&location),
                "no {location} in:\n{}",
                out.stdout
            );
        }
    }
    assert!(out.stdout.contains(&format!(
        "checked {} files: 0 valid, {} with errors, 0 unreadable",
        files.len(),
        files.len()
    )));
}

#[test]
fn usage_errors_and_unreadable_files_exit_2_on_standard_error() {
    let seed = repo("content/alemtuzumab-dah.casepack.md");
    let dir = temp_dir("usage");
    let missing = dir.join("missing.casepack.md");
    for args in [
        vec!["check"],
        vec!["check", "--quiet", path_str(&seed)],
        vec!["new"],
        vec!["new", path_str(&seed), "--id", "Not_An_Id"],
    ] {
        let out = run(&args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
        assert!(out.stderr.contains("Usage:"), "{args:?}: {}", out.stderr);
    }
    // An unreadable file is reported, and the others are still checked.
    let out = run(&["check", path_str(&missing), path_str(&seed)]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot read"), "{}", out.stderr);
    assert!(
        out.stdout.contains("is a valid case pack"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 valid, 0 with errors, 1 unreadable"),
        "{}",
        out.stdout
    );
    let out = run(&["new", path_str(&missing)]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot read"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    // A valid pack and an invalid one: 1.
    let broken = dir.join("broken.casepack.md");
    std::fs::write(&broken, "+++\nformat = 2\n+++\n").unwrap();
    let out = run(&["check", path_str(&seed), path_str(&broken)]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    std::fs::remove_dir_all(&dir).unwrap();
}
