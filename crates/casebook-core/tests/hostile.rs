//! The hostile pack (`tests/hostile/hostile.casepack.md`, built by
//! `examples/hostile_pack.rs` from `tests/hostile/payloads.json`) is valid, marked
//! synthetic, and carries every payload, so the end-to-end test that opens it in the app
//! really puts each payload in front of every view. Also: no link the reader would draw
//! from it points anywhere but http(s), mailto or inside the app.

use casebook_core::reader::{blocks, Block};

fn payloads() -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/hostile/payloads.json")).unwrap();
    json["payloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect()
}

fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn the_hostile_pack_is_valid_and_carries_every_payload() {
    let payloads = payloads();
    assert!(payloads.len() >= 100, "{} payloads", payloads.len());
    let text = include_str!("../../../tests/hostile/hostile.casepack.md");
    let pack = casebook_core::load_pack("hostile.casepack.md", text).expect("valid");
    assert!(pack.meta.synthetic);
    let mut all = Vec::new();
    let mut value = serde_json::to_value(&pack).unwrap();
    value.as_object_mut().unwrap().remove("article");
    strings(&value, &mut all);
    // The article as written: everything after the front matter's closing fence line.
    let closing = text
        .match_indices("\n+++\n")
        .next()
        .expect("a closing fence")
        .0;
    let article = &text[closing + 5..];
    for payload in &payloads {
        assert!(
            all.iter().any(|s| s.contains(payload.as_str())),
            "payload missing from the pack's fields: {payload:?}"
        );
        assert!(article.contains(payload.as_str()));
    }
}

#[test]
fn the_reader_draws_no_dangerous_link_from_it() {
    let text = include_str!("../../../tests/hostile/hostile.casepack.md");
    let pack = casebook_core::load_pack("hostile.casepack.md", text).unwrap();
    let mut links = 0;
    for block in blocks(&pack, None) {
        let Block::Paragraph { segments, .. } = block else {
            continue;
        };
        for segment in segments {
            if let Some(href) = segment.link {
                links += 1;
                let lower = href.to_ascii_lowercase();
                assert!(
                    lower.starts_with("https://")
                        || lower.starts_with("http://")
                        || lower.starts_with("mailto:")
                        || lower.starts_with('/')
                        || lower.starts_with('#'),
                    "{href}"
                );
            }
        }
    }
    assert!(
        links > 0,
        "the payloads include http links, which stay links"
    );
}
