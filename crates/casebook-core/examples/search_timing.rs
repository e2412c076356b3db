//! Times search queries on the seed pack natively (a rough check; `scripts/bench.sh`
//! measures the real thing in the browser). `cargo run --release -p casebook-core --example search_timing`
use std::time::Instant;

fn main() {
    let pack = casebook_core::seed_pack().expect("the seed pack validates");
    let start = Instant::now();
    let index = casebook_core::search::Index::new(&pack);
    println!(
        "index of {} documents built in {:?}",
        index.len(),
        start.elapsed()
    );
    for query in [
        "haemoptysis",
        "hemopt",
        "bronchoscpy",
        "oedema",
        "anti-GBM",
        "lymphopenia",
    ] {
        let start = Instant::now();
        let mut hits = 0;
        for _ in 0..100 {
            hits = index.search(query).len();
        }
        println!(
            "{query:>12}: {hits:>3} hits, {:?} per query",
            start.elapsed() / 100
        );
    }
}
