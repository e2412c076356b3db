//! How cost grows with the number of packs: parsing, validating, building the search
//! index, and querying across 10, 100 and 1,000 synthetic packs (copies of the seed pack
//! under other ids). `cargo bench --manifest-path crates/casebook-bench/Cargo.toml`.

use std::time::Duration;

use casebook_bench::synthetic_packs;
use casebook_core::search::Index;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SIZES: [usize; 3] = [10, 100, 1000];

fn scale(c: &mut Criterion) {
    let texts = synthetic_packs(*SIZES.iter().max().unwrap());
    let packs: Vec<_> = texts
        .iter()
        .map(|text| casebook_core::load_pack("synthetic", text).expect("valid"))
        .collect();
    let indexes: Vec<Index> = packs.iter().map(Index::new).collect();

    let mut load = c.benchmark_group("parse_and_validate");
    load.sample_size(10).measurement_time(Duration::from_secs(5));
    for size in SIZES {
        load.throughput(Throughput::Elements(size as u64));
        load.bench_with_input(BenchmarkId::from_parameter(size), &size, |b, &size| {
            b.iter(|| {
                for text in &texts[..size] {
                    casebook_core::load_pack("synthetic", text).unwrap();
                }
            })
        });
    }
    load.finish();

    let mut build = c.benchmark_group("index_build");
    build.sample_size(10).measurement_time(Duration::from_secs(5));
    for size in SIZES {
        build.throughput(Throughput::Elements(size as u64));
        build.bench_with_input(BenchmarkId::from_parameter(size), &size, |b, &size| {
            b.iter(|| packs[..size].iter().map(Index::new).count())
        });
    }
    build.finish();

    let mut query = c.benchmark_group("query");
    query.sample_size(10).measurement_time(Duration::from_secs(5));
    for size in SIZES {
        query.throughput(Throughput::Elements(size as u64));
        query.bench_with_input(BenchmarkId::from_parameter(size), &size, |b, &size| {
            b.iter(|| {
                indexes[..size]
                    .iter()
                    .map(|index| index.search("haemoptysis").len())
                    .sum::<usize>()
            })
        });
    }
    query.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
