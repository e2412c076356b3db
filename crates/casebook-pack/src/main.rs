//! `casebook-pack`: the case-pack tool for authors and reviewers.
//!
//! ```text
//! casebook-pack claims FILE [--out PATH]   write FILE's claims sheet (Markdown)
//! casebook-pack help                       this text
//! ```
//!
//! Each subcommand is one variant of [`Command`], parsed from the arguments by
//! [`Command::parse`] and run by [`run`]; adding one (`check`, `new`) is a variant, a
//! branch of each, and a line of [`USAGE`]. The work itself is the core's (for `claims`,
//! [`casebook_core::inventory::claims::sheet`]): this binary only reads and writes files,
//! so everything it prints is tested natively in the core.

use std::path::PathBuf;
use std::process::ExitCode;

/// Printed by `help` and after a usage error.
const USAGE: &str = "\
Usage:
  casebook-pack claims FILE [--out PATH]   write FILE's claims sheet: every item's claim
                                           beside its quote, source and status, by view
                                           (to standard output, or to PATH)
  casebook-pack help                       show this text";

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
        Command::Claims { file, out } => {
            let name = file.display().to_string();
            let text = std::fs::read_to_string(&file)
                .map_err(|error| Failure::Failed(format!("cannot read {name}: {error}")))?;
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
            matches!(missing, Err(Failure::Failed(message)) if message.contains("cannot read"))
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
