//! Synthetic case packs for the scale benchmarks: copies of the seed pack, each with its
//! own id and marked `synthetic = true`, so they are never mistaken for content (and never
//! shipped: they exist only in memory while the benchmarks run).

/// `count` synthetic packs as text, ids `synthetic-0` ….
pub fn synthetic_packs(count: usize) -> Vec<String> {
    let seed = casebook_core::SEED_PACK;
    (0..count)
        .map(|index| {
            seed.replacen(
                "id = \"alemtuzumab-dah\"",
                &format!("id = \"synthetic-{index}\"\nsynthetic = true"),
                1,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_packs_load_and_say_so() {
        for text in super::synthetic_packs(2) {
            let pack = casebook_core::load_pack("synthetic", &text).unwrap();
            assert!(pack.meta.synthetic);
            assert!(pack.meta.id.starts_with("synthetic-"));
        }
    }
}
