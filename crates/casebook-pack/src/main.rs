//! `casebook-pack`: the case-pack tool for authors and reviewers.
//!
//! ```text
//! casebook-pack check FILE...              every error of each pack, located, or what it holds
//! casebook-pack new ARTICLE.md [--id ID]   a skeleton pack for an article, to fill in
//! casebook-pack claims FILE [--out PATH]   write FILE's claims sheet (Markdown)
//! casebook-pack help                       this text
//! ```
//!
//! Each subcommand is one variant of [`Command`], parsed from the arguments by
//! [`Command::parse`] and run by [`run`]; adding one is a variant, a branch of each, and
//! a line of [`USAGE`]. The work itself is the core's (validation, the article's reading,
//! for `claims` [`casebook_core::inventory::claims::sheet`]) or returns text from a
//! module of its own ([`check`], [`skeleton`]): this file only reads and writes, so what
//! the tool prints is tested as text, and `tests/cli.rs` runs the binary for the rest
//! (exit codes, standard output and error, colour never reaching a pipe).
//!
//! Exit codes: 0 on success; 1 when a pack is invalid (or a file cannot be written); 2
//! for a usage error or a file that cannot be read.

mod check;
mod skeleton;

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Printed by `help` and after a usage error.
const USAGE: &str = "\
Usage:
  casebook-pack check FILE...              validate each pack: every error as rustc prints
                                           one (file, line, column, the line, a caret), or
                                           what a valid pack holds
  casebook-pack new ARTICLE.md [--id ID]   write a skeleton pack for the article (Markdown)
                                           to standard output: valid as it stands, every
                                           placeholder marked TODO (the id defaults to the
                                           file's name)
  casebook-pack claims FILE [--out PATH]   write FILE's claims sheet: every item's claim
                                           beside its quote, source and status, by view
                                           (to standard output, or to PATH)
  casebook-pack help                       show this text

Exit codes: 0 success; 1 an invalid pack (or a file claims cannot write);
2 a usage error, or a file that cannot be read.";

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    /// Write the claims sheet of the pack at `file`, to `out` or to standard output.
    Claims {
        /// The case pack to read.
        file: PathBuf,
        /// Where to write the sheet; standard output when absent.
        out: Option<PathBuf>,
    },
    /// Check each pack, printing its errors or what it holds.
    Check {
        /// The case packs to read, in order.
        files: Vec<PathBuf>,
    },
    /// Write a skeleton pack for an article to standard output.
    New {
        /// The article, in Markdown.
        article: PathBuf,
        /// The case id; made from the article's file name when absent.
        id: Option<String>,
    },
    /// Print the usage.
    Help,
}

/// Why a command failed, and so which exit code it gets.
#[derive(Debug, PartialEq, Eq)]
enum Failure {
    /// The arguments were wrong (exit code 2), with what was wrong.
    Usage(String),
    /// The command ran and failed (exit code 1): a file unreadable, a pack invalid.
    Failed(String),
    /// `check` found an invalid pack (exit code 1); its errors are already printed.
    Invalid,
    /// A file could not be read (exit code 2), with why (for `check`, already printed).
    Unreadable(Option<String>),
}

impl Command {
    /// Parses the arguments after the program name.
    fn parse(args: &[String]) -> Result<Command, Failure> {
        let usage = |message: &str| Err(Failure::Usage(message.to_owned()));
        match args.first().map(String::as_str) {
            None | Some("help" | "--help" | "-h") => Ok(Command::Help),
            Some("claims") => {
                let mut file = None;
                let mut out = None;
                let mut rest = args[1..].iter();
                while let Some(arg) = rest.next() {
                    match arg.as_str() {
                        "--out" | "-o" => match rest.next() {
                            Some(path) if out.is_none() => out = Some(PathBuf::from(path)),
                            Some(_) => return usage("--out is given twice"),
                            None => return usage("--out needs a path"),
                        },
                        flag if flag.starts_with('-') && flag.len() > 1 => {
                            return usage(&format!("unknown option {flag}"))
                        }
                        path if file.is_none() => file = Some(PathBuf::from(path)),
                        _ => return usage("claims takes one pack file"),
                    }
                }
                match file {
                    Some(file) => Ok(Command::Claims { file, out }),
                    None => usage("claims needs a pack file"),
                }
            }
            Some("check") => {
                let mut files = Vec::new();
                for arg in &args[1..] {
                    match arg.as_str() {
                        flag if flag.starts_with('-') && flag.len() > 1 => {
                            return usage(&format!("unknown option {flag}"))
                        }
                        path => files.push(PathBuf::from(path)),
                    }
                }
                if files.is_empty() {
                    return usage("check needs at least one pack file");
                }
                Ok(Command::Check { files })
            }
            Some("new") => {
                let mut article = None;
                let mut id = None;
                let mut rest = args[1..].iter();
                while let Some(arg) = rest.next() {
                    match arg.as_str() {
                        "--id" => match rest.next() {
                            Some(_) if id.is_some() => return usage("--id is given twice"),
                            Some(value) if casebook_core::ids::is_valid_id(value) => {
                                id = Some(value.clone())
                            }
                            // Checked here, since a skeleton with a bad id would not validate.
                            Some(value) => {
                                return usage(&format!(
                                    "--id {value}: an id is 1–64 characters of a–z, 0–9 and '-', starting with a letter"
                                ))
                            }
                            None => return usage("--id needs a value"),
                        },
                        flag if flag.starts_with('-') && flag.len() > 1 => {
                            return usage(&format!("unknown option {flag}"))
                        }
                        path if article.is_none() => article = Some(PathBuf::from(path)),
                        _ => return usage("new takes one article file"),
                    }
                }
                match article {
                    Some(article) => Ok(Command::New { article, id }),
                    None => usage("new needs an article file (Markdown)"),
                }
            }
            Some(other) => usage(&format!("unknown command {other}")),
        }
    }
}

/// Runs a parsed command.
fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Check { files } => check_files(&files),
        Command::New { article, id } => {
            let name = article.display().to_string();
            let markdown = std::fs::read_to_string(&article).map_err(|error| {
                Failure::Unreadable(Some(format!("cannot read {name}: {error}")))
            })?;
            let id = id.unwrap_or_else(|| skeleton::id_from_file_name(&article));
            let pack = skeleton::skeleton(&markdown, &id, &name).map_err(Failure::Failed)?;
            print!("{pack}");
            Ok(())
        }
        Command::Claims { file, out } => {
            let name = file.display().to_string();
            // A file that cannot be read exits 2, as for `check` and `new`.
            let text = std::fs::read_to_string(&file).map_err(|error| {
                Failure::Unreadable(Some(format!("cannot read {name}: {error}")))
            })?;
            // The sheet is only worth reading for a pack the app would accept.
            let pack = casebook_core::load_pack(&name, &text)
                .map_err(|errors| Failure::Failed(errors.to_string()))?;
            let sheet = casebook_core::inventory::claims::sheet(&pack);
            match out {
                Some(path) => std::fs::write(&path, sheet).map_err(|error| {
                    Failure::Failed(format!("cannot write {}: {error}", path.display()))
                }),
                None => {
                    print!("{sheet}");
                    Ok(())
                }
            }
        }
    }
}

/// Checks each pack in turn, printing its report (and a blank line between two), then a
/// tally when there are several. Every file is checked even after one fails, so one run
/// shows everything to fix.
fn check_files(files: &[PathBuf]) -> Result<(), Failure> {
    // Colour only for a person at a terminal who has not asked for none
    // (https://no-color.org); a pipe, a file or a test gets plain text.
    let renderer = if std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
    {
        annotate_snippets::Renderer::styled()
    } else {
        annotate_snippets::Renderer::plain()
    };
    let (mut valid, mut invalid, mut unreadable) = (0, 0, 0);
    for (index, file) in files.iter().enumerate() {
        let name = file.display().to_string();
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("casebook-pack: cannot read {name}: {error}");
                unreadable += 1;
                continue;
            }
        };
        let checked = check::check_bytes(&name, &bytes, &renderer);
        if index > 0 {
            println!();
        }
        print!("{}", checked.report);
        if checked.valid {
            valid += 1;
        } else {
            invalid += 1;
        }
    }
    if files.len() > 1 {
        println!(
            "\nchecked {} files: {valid} valid, {invalid} with errors, {unreadable} unreadable",
            files.len()
        );
    }
    if unreadable > 0 {
        Err(Failure::Unreadable(None))
    } else if invalid > 0 {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match Command::parse(&args).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("casebook-pack: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Failed(message)) => {
            eprintln!("casebook-pack: {message}");
            ExitCode::FAILURE
        }
        Err(Failure::Invalid) => ExitCode::FAILURE,
        Err(Failure::Unreadable(message)) => {
            if let Some(message) = message {
                eprintln!("casebook-pack: {message}");
            }
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, Failure> {
        Command::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn claims_takes_a_file_and_an_optional_out() {
        assert_eq!(
            parse(&["claims", "pack.md"]),
            Ok(Command::Claims {
                file: "pack.md".into(),
                out: None
            })
        );
        assert_eq!(
            parse(&["claims", "--out", "sheet.md", "pack.md"]),
            Ok(Command::Claims {
                file: "pack.md".into(),
                out: Some("sheet.md".into())
            })
        );
    }

    #[test]
    fn check_takes_files_and_new_an_article_and_an_id() {
        assert_eq!(
            parse(&["check", "a.md", "b.md"]),
            Ok(Command::Check {
                files: vec!["a.md".into(), "b.md".into()]
            })
        );
        assert_eq!(
            parse(&["new", "--id", "my-case", "article.md"]),
            Ok(Command::New {
                article: "article.md".into(),
                id: Some("my-case".into())
            })
        );
        assert_eq!(
            parse(&["new", "article.md"]),
            Ok(Command::New {
                article: "article.md".into(),
                id: None
            })
        );
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        for (args, wanted) in [
            (&["claims"][..], "needs a pack file"),
            (&["claims", "a", "b"][..], "one pack file"),
            (&["claims", "a", "--out"][..], "--out needs a path"),
            (&["claims", "a", "--out", "x", "--out", "y"][..], "twice"),
            (
                &["claims", "a", "--verbose"][..],
                "unknown option --verbose",
            ),
            (&["chek"][..], "unknown command chek"),
        ] {
            match parse(args) {
                Err(Failure::Usage(message)) => assert!(message.contains(wanted), "{message}"),
                other => panic!("{args:?} gave {other:?}"),
            }
        }
        for (args, wanted) in [
            (&["check"][..], "at least one pack file"),
            (&["check", "a", "-q"][..], "unknown option -q"),
            (&["new"][..], "needs an article file"),
            (&["new", "a.md", "b.md"][..], "one article file"),
            (&["new", "a.md", "--id"][..], "--id needs a value"),
            (&["new", "a.md", "--id", "Bad_Id"][..], "an id is"),
            (&["new", "a.md", "--id", "x", "--id", "y"][..], "twice"),
        ] {
            match parse(args) {
                Err(Failure::Usage(message)) => assert!(message.contains(wanted), "{message}"),
                other => panic!("{args:?} gave {other:?}"),
            }
        }
        assert_eq!(parse(&[]), Ok(Command::Help));
        assert_eq!(parse(&["help"]), Ok(Command::Help));
    }

    #[test]
    fn an_invalid_or_missing_pack_fails_without_writing() {
        let dir = std::env::temp_dir().join(format!("casebook-pack-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let broken = dir.join("broken.casepack.md");
        std::fs::write(&broken, "+++\nformat = 1\n+++\n").unwrap();
        let out = dir.join("sheet.md");
        let result = run(Command::Claims {
            file: broken.clone(),
            out: Some(out.clone()),
        });
        assert!(matches!(result, Err(Failure::Failed(_))), "{result:?}");
        assert!(!out.exists(), "nothing is written for an invalid pack");
        let missing = run(Command::Claims {
            file: dir.join("missing.md"),
            out: None,
        });
        assert!(
            matches!(missing, Err(Failure::Unreadable(Some(message))) if message.contains("cannot read"))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_seed_pack_gets_its_sheet() {
        let dir = std::env::temp_dir().join(format!("casebook-pack-seed-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("claims.md");
        let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../content/alemtuzumab-dah.casepack.md");
        run(Command::Claims {
            file: seed,
            out: Some(out.clone()),
        })
        .unwrap();
        let sheet = std::fs::read_to_string(&out).unwrap();
        assert!(sheet.starts_with("# Claims sheet: "));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
