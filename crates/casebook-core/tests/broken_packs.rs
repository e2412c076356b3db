//! The corpus of broken packs under `tests/broken-packs/`: each must be rejected with the
//! error its `.expect` file names (line, field path and message), among all errors found.

use std::path::PathBuf;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/broken-packs")
}

#[test]
fn every_broken_pack_gives_its_expected_error() {
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|path| path.to_string_lossy().ends_with(".casepack.md"))
    {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let expect_path = PathBuf::from(path.to_string_lossy().replace(".casepack.md", ".expect"));
        let expect = std::fs::read_to_string(&expect_path)
            .unwrap_or_else(|_| panic!("{name} has no .expect file"));
        let mut parts = expect.trim_end().splitn(3, '|');
        let (line, field, message) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );

        let errors = match casebook_core::load_pack(&name, &text) {
            Ok(_) => panic!("{name} was accepted but is broken on purpose"),
            Err(errors) => errors,
        };
        let found = errors.errors().iter().any(|error| {
            (line == "*" || error.line.to_string() == line)
                && error.path == field
                && error.message.contains(message)
                && error.file == name
                && error.column >= 1
        });
        assert!(
            found,
            "{name}: expected `{}` but got:\n{errors}",
            expect.trim_end()
        );
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} broken packs");
}

#[test]
fn errors_are_reported_together_not_only_the_first() {
    let example = include_str!("../../../tests/broken-packs/12-bad-lane.casepack.md")
        .replace("unit = \"years\"", "unit = 29")
        .replace("kind = \"single-best\"", "kind = \"multiple-choice\"");
    let errors = casebook_core::load_pack("many.casepack.md", &example).unwrap_err();
    assert!(errors.errors().len() >= 3, "got:\n{errors}");
    let lines: Vec<usize> = errors.errors().iter().map(|error| error.line).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted, "errors come in file order");
}
