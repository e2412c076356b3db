//! Validates case pack files and prints every error: `cargo run -p casebook-core --example check_pack -- FILE...`.
fn main() {
    let mut failed = false;
    for file in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{file}: cannot read: {error}");
                failed = true;
                continue;
            }
        };
        match casebook_core::load_pack(&file, &text) {
            Ok(pack) => println!(
                "{file}: valid ({} events, {} measurements, {} findings, {} diagnoses, {} rules)",
                pack.events.len(),
                pack.measurements.len(),
                pack.findings.len(),
                pack.diagnoses.len(),
                pack.rules.len()
            ),
            Err(errors) => {
                eprintln!("{errors}");
                failed = true;
            }
        }
    }
    std::process::exit(i32::from(failed));
}
