//! Keeps a pack's text from reordering the app's own: a bidirectional control character
//! (an override such as U+202E, an embedding, an isolate) left open in a title would
//! reverse whatever the app writes after it on the same line ("Showing a case you opened:
//! …"). Every string of a loaded pack is closed off: each embedding or override still
//! open at its end gets its POP DIRECTIONAL FORMATTING, each isolate its POP DIRECTIONAL
//! ISOLATE, so a string's direction controls act inside it alone. (The shell also isolates
//! inline elements in CSS; this covers text joined into one line.)

use std::borrow::Cow;

/// Embeddings and overrides: LRE, RLE, PDF, LRO, RLO.
const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';
const LRO: char = '\u{202D}';
const RLO: char = '\u{202E}';
/// Isolates: LRI, RLI, FSI, PDI.
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// True when `text` holds any bidirectional embedding, override or isolate control.
pub fn has_controls(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, LRE | RLE | PDF | LRO | RLO | LRI | RLI | FSI | PDI))
}

/// `text` with every embedding, override or isolate still open at its end closed, so it
/// cannot change the direction of text that follows it.
pub fn contain(text: &str) -> Cow<'_, str> {
    if !has_controls(text) {
        return Cow::Borrowed(text);
    }
    // The open controls, innermost last: `true` for an isolate.
    let mut open: Vec<bool> = Vec::new();
    for c in text.chars() {
        match c {
            LRE | RLE | LRO | RLO => open.push(false),
            LRI | RLI | FSI => open.push(true),
            // A PDF closes the innermost embedding, but not across an isolate.
            PDF if open.last() == Some(&false) => {
                open.pop();
            }
            // A PDI closes the innermost isolate and everything opened inside it.
            PDI => {
                if let Some(position) = open.iter().rposition(|isolate| *isolate) {
                    open.truncate(position);
                }
            }
            _ => {}
        }
    }
    if open.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut closed = text.to_owned();
    for isolate in open.into_iter().rev() {
        closed.push(if isolate { PDI } else { PDF });
    }
    Cow::Owned(closed)
}

/// Closes off every string in a JSON value (the whole pack, serialised), in place.
pub(crate) fn contain_all(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(text) => {
            if let Cow::Owned(closed) = contain(text) {
                *text = closed;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(contain_all),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(contain_all),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_controls_are_closed_and_closed_ones_left_alone() {
        assert_eq!(contain("plain"), "plain");
        assert_eq!(contain("a\u{202E}b"), "a\u{202E}b\u{202C}");
        assert_eq!(contain("a\u{202E}b\u{202C}c"), "a\u{202E}b\u{202C}c");
        assert_eq!(contain("\u{2067}x"), "\u{2067}x\u{2069}");
        // Nested: an override inside an isolate, both open.
        assert_eq!(
            contain("\u{2068}\u{202D}x"),
            "\u{2068}\u{202D}x\u{202C}\u{2069}"
        );
        // A PDI closes the override opened inside its isolate too.
        assert_eq!(
            contain("\u{2068}\u{202D}x\u{2069}"),
            "\u{2068}\u{202D}x\u{2069}"
        );
        // A stray PDF or PDI closes nothing and needs nothing.
        assert_eq!(contain("\u{202C}\u{2069}"), "\u{202C}\u{2069}");
    }
}
