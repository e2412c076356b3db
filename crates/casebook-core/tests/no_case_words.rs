//! No word of the built-in case belongs in the app's code: its drug, its disease, its
//! patients, its cohorts and its setting come from the case pack, so any published case
//! written as a pack reads as itself. This test reads the app's code (`src/`, every
//! crate's `src/`, `static/`, `index.html`), leaving out comments, test modules and the
//! built-in pack's file path, and fails on any of the seed case's words.

use std::path::{Path, PathBuf};

/// The seed case's own words (case-insensitive), and the forms they take.
const CASE_WORDS: [&str; 24] = [
    "alemtuzumab",
    "lemtrada",
    "campath",
    "cd52",
    "vigibase",
    "multiple sclerosis",
    "relapsing-remitting",
    "relapsing remitting",
    "rrms",
    "alport",
    "infusion",
    "transplant",
    "haematolog",
    "hematolog",
    "haemoptysis",
    "hemoptysis",
    "alveolar haemorrhage",
    "alveolar hemorrhage",
    "goodpasture",
    "interferon",
    "methylprednisolone",
    "cetirizine",
    "aciclovir",
    "bmc pharmacology",
];

/// The built-in pack's path, which the code names to embed it.
const SEED_PATH: &str = "content/alemtuzumab-dah.casepack.md";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(directory: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rs" | "js" | "css" | "html" | "webmanifest" | "txt")
        ) {
            out.push(path);
        }
    }
}

/// The code of a file without its comments: `//` line comments (and doc comments),
/// `/* … */` blocks, and everything from a `#[cfg(test)]` on (Rust test modules close
/// their files here).
fn code_of(text: &str) -> String {
    let mut code = String::new();
    let mut in_block = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        let mut rest = line;
        let mut kept = String::new();
        loop {
            if in_block {
                match rest.find("*/") {
                    Some(end) => {
                        rest = &rest[end + 2..];
                        in_block = false;
                    }
                    None => break,
                }
            } else {
                let line_comment = rest.find("//").filter(|at| {
                    // Not the `//` of an address.
                    !rest[..*at].ends_with(':')
                });
                let block = rest.find("/*");
                match (line_comment, block) {
                    (Some(l), Some(b)) if b < l => {
                        kept.push_str(&rest[..b]);
                        rest = &rest[b + 2..];
                        in_block = true;
                    }
                    (Some(l), _) => {
                        kept.push_str(&rest[..l]);
                        break;
                    }
                    (None, Some(b)) => {
                        kept.push_str(&rest[..b]);
                        rest = &rest[b + 2..];
                        in_block = true;
                    }
                    (None, None) => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        code.push_str(&kept.replace(SEED_PATH, ""));
        code.push('\n');
    }
    code
}

#[test]
fn the_apps_code_names_no_word_of_the_built_in_case() {
    let root = root();
    let mut paths = Vec::new();
    for directory in [
        "src",
        "static",
        "crates/casebook-core/src",
        "crates/casebook-importer/src",
        "crates/casebook-pack/src",
    ] {
        files(&root.join(directory), &mut paths);
    }
    paths.push(root.join("index.html"));
    assert!(paths.len() > 40, "{} files read", paths.len());
    let mut found = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for (number, line) in code_of(&text).lines().enumerate() {
            let lower = line.to_lowercase();
            for word in CASE_WORDS {
                if lower.contains(word) {
                    found.push(format!(
                        "{}:{}: \"{word}\" in: {}",
                        path.strip_prefix(&root).unwrap_or(path).display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the app's code names the built-in case:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_reading_leaves_out_comments_and_tests_but_not_code() {
    let code = code_of("let a = \"alemtuzumab\"; // infusion\n/* vigibase */ let b = 1;\n#[cfg(test)]\nmod tests { \"alport\" }");
    assert!(code.contains("alemtuzumab"));
    assert!(!code.contains("infusion"));
    assert!(!code.contains("vigibase"));
    assert!(!code.contains("alport"));
    assert!(code_of("let url = \"https://example.org/x\";").contains("example.org"));
}
