//! `casebook-pack new`: a format 2 skeleton pack for an article, for a person to fill in.
//!
//! The skeleton *validates as written*: every required field is present, every text a
//! person must write says `TODO`, and every provenance quote is a real sentence of the
//! article (picked with the core's own sentence splitter), so `casebook-pack check`
//! passes from the first minute and then catches each edit that breaks the pack. The
//! sections a pack can do without are written as comments, ready to uncomment, and are
//! valid too once uncommented (the tests check both).
//!
//! What the skeleton says about the article (its sections, sentences, tables, figures
//! and citations) is the core's reading of it ([`Article`], [`sentences`],
//! [`cited_numbers`]), the same the app makes.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use casebook_core::article::{cited_numbers, sentences, Article, Piece};
use casebook_core::provenance::normalize_whitespace;

/// The id of the article's source in every skeleton (`meta.article_source`).
const ARTICLE_SOURCE: &str = "case-report";

/// The names of a case report's sections. The first heading is taken for the article's
/// title unless it is one of these, or several joined ("Discussion and conclusions"):
/// many articles start at `# Abstract`.
const SECTION_NAMES: [&str; 22] = [
    "abstract",
    "background",
    "introduction",
    "case",
    "case presentation",
    "case report",
    "case description",
    "discussion",
    "conclusion",
    "conclusions",
    "method",
    "methods",
    "result",
    "results",
    "references",
    "keywords",
    "acknowledgements",
    "acknowledgments",
    "summary",
    "figures",
    "tables",
    "declarations",
];

/// True when `heading` names a section rather than the report.
fn is_section_name(heading: &str) -> bool {
    let heading = heading.to_lowercase().replace('&', " and ");
    heading
        .trim_end_matches([':', '.'])
        .split([',', ';', '/'])
        .flat_map(|part| part.split(" and "))
        .all(|part| SECTION_NAMES.contains(&part.trim()))
}

/// The longest sentence picked as a placeholder quote, in characters: any sentence would
/// validate, but a shorter one keeps the skeleton's lines readable.
const MAX_QUOTE_CHARS: usize = 300;

/// A placeholder quote preferred when there is one this short, since it is repeated in
/// every item.
const SHORT_QUOTE_CHARS: usize = 160;

/// Writes the skeleton pack for the article `markdown`, read from the file named `from`
/// (named in the skeleton's opening comment), with the case id `id` (a valid id, see
/// [`id_from_file_name`]).
///
/// Fails only when the article has no text at all, since a pack's quotes need one.
pub fn skeleton(markdown: &str, id: &str, from: &str) -> Result<String, String> {
    write_skeleton(markdown, id, from, false)
}

/// A case id made from an article's file name: `Alemtuzumab DAH.md` gives
/// `alemtuzumab-dah`. Always a valid id (lowercase letters, digits and `-`, starting with
/// a letter, at most 64 characters).
pub fn id_from_file_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem.strip_suffix(".casepack").unwrap_or(&stem);
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
        id.insert_str(0, "case-");
    }
    id.truncate(64);
    while id.ends_with('-') {
        id.pop();
    }
    id
}

/// What the skeleton needs of the article.
struct Reading {
    /// Level-1 headings, in order.
    sections: Vec<String>,
    /// The first heading, unless it names a section.
    title: Option<String>,
    /// Every sentence of the prose (paragraphs, list items, block quotes), with the index
    /// of its level-1 section.
    prose: Vec<(Option<usize>, String)>,
    /// Markdown tables.
    tables: usize,
    /// Each ```figure block's text, whitespace-normalised.
    figures: Vec<String>,
    /// Every reference number the article's sentences cite.
    cited: BTreeSet<u32>,
    /// The first sentence of any kind (a heading, perhaps), the quote of last resort.
    any_sentence: Option<String>,
}

/// What a block of the article's plain text is.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// A heading of this level.
    Heading(u8),
    /// A ```figure block: a caption.
    Figure,
    /// Any other code block.
    Code,
    /// A table cell.
    Cell,
    /// A paragraph, a list item.
    Prose,
}

impl Reading {
    fn new(markdown: &str) -> Reading {
        let article = Article::from_markdown(markdown);
        // The article's plain text block by block, each with what it is: the blocks end
        // where `Article::plain_text` ends them, so their sentences are the plain text's
        // sentences (and so valid quotes), and each is known as a heading, a caption, a
        // table cell or prose. (The skeleton tests validate what this reads.)
        let mut blocks: Vec<(Kind, String)> = Vec::new();
        let mut text = String::new();
        let mut kind = Kind::Prose;
        let mut in_table = false;
        let mut tables = 0;
        for piece in article.pieces() {
            match piece {
                Piece::HeadingStart(level) => kind = Kind::Heading(*level),
                Piece::CodeBlockStart { figure } => {
                    kind = if *figure { Kind::Figure } else { Kind::Code }
                }
                Piece::TableStart => {
                    tables += 1;
                    in_table = true;
                }
                Piece::TableEnd => in_table = false,
                Piece::Text(piece) => text.push_str(piece),
                Piece::Break => text.push(' '),
                Piece::ParagraphEnd
                | Piece::HeadingEnd(_)
                | Piece::CodeBlockEnd
                | Piece::TableCellEnd => {
                    let kind = std::mem::replace(&mut kind, Kind::Prose);
                    let kind = if in_table { Kind::Cell } else { kind };
                    blocks.push((kind, std::mem::take(&mut text)));
                }
                _ => {}
            }
        }
        if !text.is_empty() {
            blocks.push((kind, text));
        }

        let mut reading = Reading {
            sections: Vec::new(),
            title: None,
            prose: Vec::new(),
            tables,
            figures: Vec::new(),
            cited: BTreeSet::new(),
            any_sentence: None,
        };
        let mut first_heading = true;
        for (kind, text) in blocks {
            let block_sentences = sentences(&text);
            for sentence in &block_sentences {
                reading.cited.extend(cited_numbers(sentence));
            }
            if reading.any_sentence.is_none() {
                reading.any_sentence = block_sentences.first().cloned();
            }
            match kind {
                Kind::Heading(level) => {
                    let heading = normalize_whitespace(&text);
                    if first_heading && !heading.is_empty() && !is_section_name(&heading) {
                        reading.title = Some(heading.clone());
                    }
                    first_heading = false;
                    if level == 1 {
                        reading.sections.push(heading);
                    }
                }
                Kind::Figure => reading.figures.push(normalize_whitespace(&text)),
                Kind::Prose => {
                    let section = reading.sections.len().checked_sub(1);
                    reading
                        .prose
                        .extend(block_sentences.into_iter().map(|s| (section, s)));
                }
                Kind::Code | Kind::Cell => {}
            }
        }
        reading
    }

    /// The first quotable sentence (a short one if there is one) of a section whose title
    /// (lowercase) `wanted` accepts.
    fn first_in(&self, wanted: impl Fn(&str) -> bool) -> Option<&str> {
        self.pick(|title| title.is_some_and(&wanted))
    }

    /// The first quotable sentence of the article (a short one if there is one), or
    /// failing that its first sentence, or failing that its first heading.
    fn first(&self) -> Option<&str> {
        self.pick(|_| true)
            .or_else(|| self.prose.first().map(|(_, sentence)| sentence.as_str()))
            .or(self.any_sentence.as_deref())
    }

    /// The first quotable sentence, a short one if there is one, among those whose
    /// section's title (lowercase; `None` before the first heading) `wanted` accepts.
    fn pick(&self, wanted: impl Fn(Option<&str>) -> bool) -> Option<&str> {
        let candidates = || {
            self.prose
                .iter()
                .filter(|(section, sentence)| {
                    let title = section.map(|index| self.sections[index].to_lowercase());
                    wanted(title.as_deref()) && quotable(sentence)
                })
                .map(|(_, sentence)| sentence.as_str())
        };
        candidates()
            .find(|sentence| sentence.chars().count() <= SHORT_QUOTE_CHARS)
            .or_else(|| candidates().next())
    }
}

/// A sentence that reads as one: four words or more, ending as a sentence ends.
fn quotable(sentence: &str) -> bool {
    sentence.split_whitespace().count() >= 4
        && sentence.ends_with(['.', '?', '!'])
        && sentence.chars().count() <= MAX_QUOTE_CHARS
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` fit for a TOML comment, which ends at a line break and may hold no other
/// control character but a tab: each is shown as `?`.
fn comment_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\t' { '?' } else { c })
        .collect()
}

/// A provenance quoting `quote` from the article.
fn provenance(quote: &str) -> String {
    format!(
        "{{ source = \"{ARTICLE_SOURCE}\", quote = {}, status = \"seed\" }}",
        toml_string(quote)
    )
}

/// Numbers as ranges: `1–3, 5`.
fn ranges(numbers: &BTreeSet<u32>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Option<(u32, u32)> = None;
    for &number in numbers {
        run = match run {
            Some((from, to)) if to.checked_add(1) == Some(number) => Some((from, number)),
            Some(done) => {
                parts.push(range(done));
                Some((number, number))
            }
            None => Some((number, number)),
        };
    }
    parts.extend(run.map(range));
    parts.join(", ")
}

fn range((from, to): (u32, u32)) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}\u{2013}{to}")
    }
}

/// `count` and the noun, singular or plural.
fn count(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The optional parts of the skeleton: commented out, or (for the tests) live.
struct Optional {
    live: bool,
}

impl Optional {
    /// `text` with every line commented out, unless live.
    fn block(&self, text: &str) -> String {
        if self.live {
            return text.to_owned();
        }
        text.lines()
            .map(|line| {
                if line.is_empty() {
                    "#\n".to_owned()
                } else {
                    format!("# {line}\n")
                }
            })
            .collect()
    }
}

/// [`skeleton`], with the optional sections live when `live_optional` (for the tests,
/// which check that each is valid once uncommented).
fn write_skeleton(
    markdown: &str,
    id: &str,
    from: &str,
    live_optional: bool,
) -> Result<String, String> {
    let markdown = markdown.strip_prefix('\u{feff}').unwrap_or(markdown);
    let reading = Reading::new(markdown);
    let Some(first) = reading.first() else {
        return Err(format!(
            "{from} has no text to quote: a pack's article is the report's text in Markdown"
        ));
    };
    // Where a case report usually says each thing; any sentence would validate.
    let case = reading
        .first_in(|title| title.contains("case"))
        .unwrap_or(first);
    let key = reading
        .first_in(|title| title.contains("conclusion"))
        .unwrap_or(first);
    let from = comment_safe(from);
    let optional = Optional {
        live: live_optional,
    };
    let case_provenance = provenance(case);

    let mut out = String::new();
    out.push_str("+++\n");
    let _ = write!(
        out,
        "\
# A case pack skeleton (format 2, see docs/case-pack-format.md), written by
# `casebook-pack new` from {from}. It validates as it stands, so run
# `casebook-pack check` on it after each edit.
#
# To fill it in:
# - Replace every TODO, in the values and in the comments.
# - Every quote below is a real sentence of the article, put there only so that the
#   skeleton validates: replace each with the words, copied exactly, that its item
#   rests on. Quotes from the article have status \"seed\"; for any other source, add a
#   [[sources]] entry whose `text` holds the passages read.
# - The sections a pack can do without are commented out: uncomment what you need.
#
# The article, as the app reads it:
"
    );
    if reading.sections.is_empty() {
        out.push_str("#   sections: none (no level-1 headings such as `# Abstract`)\n");
    } else {
        out.push_str("#   sections:\n");
        for section in &reading.sections {
            let _ = writeln!(out, "#     - {}", comment_safe(section));
        }
    }
    let _ = writeln!(
        out,
        "#   {}, {}, {} (```figure blocks)",
        count(
            reading.prose.len(),
            "sentence of prose",
            "sentences of prose"
        ),
        count(reading.tables, "table", "tables"),
        count(reading.figures.len(), "figure", "figures"),
    );
    if reading.cited.is_empty() {
        out.push_str("#   no numbered citations ([1], [2, 3], [4–6])\n");
    } else {
        let _ = match reading.cited.len() {
            1 => writeln!(
                out,
                "#   cites reference {}, with a [[references]] entry below",
                ranges(&reading.cited)
            ),
            n => writeln!(
                out,
                "#   cites references {} ({n} numbers), each with a [[references]] entry below",
                ranges(&reading.cited)
            ),
        };
    }
    out.push_str("format = 2\n\n");

    // [meta]
    let title = match &reading.title {
        Some(title) => format!(
            "{}  # from the article's first heading: TODO: check it against the published title",
            toml_string(title)
        ),
        None => "\"TODO: the article's title\"".to_owned(),
    };
    let source_title = reading
        .title
        .as_deref()
        .map_or_else(|| "\"TODO: the article's title\"".to_owned(), toml_string);
    let _ = write!(
        out,
        "\
[meta]
id = {id}
title = {title}
journal = \"TODO: the journal\"  # TODO: the journal's name, as printed
year = 0  # TODO: the year of publication
authors = \"TODO: the authors\"  # TODO: as far as confirmed, or \"see DOI\"
citation = \"TODO: the citation line\"  # TODO: title, journal, year and DOI, as shown with the text
article_source = \"{ARTICLE_SOURCE}\"
# doi and licence are optional: leave them out when the article does not report them
# (the app then says \"not reported\").
{meta_optional}
[key_message]
text = \"TODO: the report's key message, in one sentence.\"
provenance = {key}

# The case in a few lines, for the overview: one [[summary]] for each.
[[summary]]
text = \"TODO: the case in one line.\"
provenance = {case_provenance}

[anchor]
label = \"TODO: the moment every time is counted from (the first dose, admission)\"
provenance = {case_provenance}

# The phases of the course, in time order, each from where the previous one ends; the
# timeline's \"Acute phase\" view spans the phases marked acute.
[timeline]
# When the report numbers its days (\"day 3\"), say which day the anchor's is:
{days}
[[timeline.phases]]
id = \"before\"
name = \"TODO: Before the anchor\"
until = \"0 h\"

[[timeline.phases]]
id = \"course\"
name = \"TODO: From the anchor on\"
from = \"0 h\"
acute = true

# Everything the quotes are taken from. The article is the Markdown after the closing
# +++; other sources hold the passages read in `text`.
[[sources]]
id = \"{ARTICLE_SOURCE}\"
kind = \"article\"
title = {source_title}
status = \"unverified\"  # TODO: \"verified\" once the details above are read in the published article
",
        id = toml_string(id),
        key = provenance(key),
        meta_optional = optional.block(
            "\
doi = \"10.0000/TODO\"
licence = \"TODO: the licence, e.g. CC BY 4.0\"
short_title = \"TODO: a short plain-language heading for the overview\"
text_note = \"TODO: how the article's text was prepared from the published one\"
"
        ),
        days = optional.block("days = { anchor_day = 1, stated = false }\n"),
    );

    if !reading.cited.is_empty() {
        out.push_str(
            "\n# The article's numbered references, one for each number it cites: what is known of\n\
             # each, and its source (`source = \"...\"`) once it has a [[sources]] entry.\n",
        );
        for number in &reading.cited {
            let _ = write!(
                out,
                "[[references]]\nnumber = {number}\nknown = \"TODO: what is known of reference {number}\"\nstatus = \"unverified\"\n\n"
            );
        }
    } else {
        out.push('\n');
    }

    let _ = write!(
        out,
        "\
# The course of the case: one [[events]] for each thing that happened.
[[events]]
id = \"first-event\"
lane = \"history\"  # history, drug, treatment, symptom, examination, investigation, lab, outcome
time = {{ at = \"0 h\", precision = \"approximate\" }}  # TODO: when, from the anchor (\"+24 h\", \"-4 mo\")
label = \"TODO: a short label\"
detail = \"TODO: a sentence or two of detail.\"
{exposure}provenance = {case_provenance}

{measurements}
# The fields the comparison sets side by side, in order.
[[compare_fields]]
id = \"presentation\"
label = \"TODO: Presentation\"

# This case and the cases or cohorts set beside it; every row has a cell for every field.
[[comparison]]
id = \"this-case\"
label = \"This case\"
group = \"this-case\"  # this-case, published, registry
indication = {{ text = \"TODO: the indication\", provenance = {case_provenance} }}
n = {{ text = \"TODO: 1\", provenance = {case_provenance} }}
[comparison.cells]
presentation = {{ text = \"TODO: how the case presented\", provenance = {case_provenance} }}  # or {{ text = \"not reported\" }}

# The differential: the groups of the checklist, its yes/no findings, the diagnoses and
# how each answer bears on each diagnosis.
[[finding_groups]]
id = \"history\"
label = \"TODO: History and timing\"

[[findings]]
id = \"first-finding\"
group = \"history\"
question = \"TODO: a question answered yes, no or not done?\"
why = \"TODO: why ask it.\"
provenance = {case_provenance}

[[diagnoses]]
id = \"first-diagnosis\"
name = \"TODO: a diagnosis\"
summary = \"TODO: what it is, in one sentence.\"
provenance = {case_provenance}

[[rules]]
finding = \"first-finding\"
answer = \"yes\"  # yes or no
diagnosis = \"first-diagnosis\"
effect = \"supports\"  # supports, weighs-against, rules-out
rationale = \"TODO: why, in a sentence.\"
provenance = {case_provenance}
",
        exposure = optional.block(
            "exposure = { drug = \"TODO: the drug\", route = \"TODO: the route\", dose = \"TODO: the dose\" }  # a drug given over the event's time\n"
        ),
        measurements = optional.block(&format!(
            "\
[[measurements]]
id = \"first-measurement\"
name = \"TODO: what was measured\"
value = 0  # TODO: the value (or value_text = \"normal\")
unit = \"TODO: unit\"
time = {{ at = \"0 h\", precision = \"approximate\" }}
event = \"first-event\"
provenance = {case_provenance}
"
        )),
    );

    let _ = write!(
        out,
        "\n# Optional sections, to uncomment as needed.\n{}",
        optional.block(&format!(
            "\
[[glossary]]
id = \"first-term\"
term = \"TODO: a term\"
aliases = []
definition = \"TODO: a short definition, in the sources' words.\"
provenance = {case_provenance}

[[worked_example]]
finding = \"first-finding\"
answer = \"yes\"
event = \"first-event\"
provenance = {case_provenance}

[[workup]]
id = \"first-test\"
kind = \"workup\"  # workup or management
label = \"TODO: what to order\"
why = \"TODO: why.\"
provenance = {case_provenance}

[[questions]]
id = \"first-question\"
topic = \"TODO: topic\"
kind = \"single-best\"  # or short-answer (no options)
prompt = \"TODO: the question?\"
options = [\"TODO: an option\", \"TODO: another\"]
correct = 0
answer = \"TODO: the answer.\"
explanation = \"TODO: why.\"
provenance = {case_provenance}

[[stages]]
id = \"presentation\"
title = \"TODO: Presentation\"
events = [\"first-event\"]
next_tests = [\"first-test\"]

[views]
timeline = \"TODO: what the timeline answers, in one line.\"
compare = \"TODO: what the comparison answers, in one line.\"
differential = \"TODO: what the differential answers, in one line.\"
search_examples = \"TODO: words to try in search\"
"
        )),
    );

    for (index, caption) in reading.figures.iter().enumerate() {
        // The whole caption when it is short ("Figure 1. ..." splits into sentences at
        // the number's full stop), else its first sentence that reads as one.
        let parts = sentences(caption);
        let quote = if caption.chars().count() <= MAX_QUOTE_CHARS {
            Some(caption.clone())
        } else {
            parts
                .iter()
                .find(|sentence| quotable(sentence))
                .or(parts.first())
                .cloned()
        };
        let Some(quote) = quote.filter(|quote| !quote.is_empty()) else {
            continue;
        };
        let _ = write!(
            out,
            "\n{}",
            optional.block(&format!(
                "\
[[figures]]
number = {number}
description = \"TODO: what figure {number} shows (no image is drawn)\"
provenance = {provenance}
",
                number = index + 1,
                provenance = provenance(&quote),
            ))
        );
    }

    out.push_str("+++\n");
    out.push_str(markdown);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed pack's article: everything after its front matter's closing fence.
    fn seed_article() -> &'static str {
        let seed = casebook_core::SEED_PACK;
        let close = seed[4..].find("\n+++\n").expect("the seed's closing fence") + 4;
        &seed[close + "\n+++\n".len()..]
    }

    const TINY: &str = "Subject one was admitted on day 1. Compound A was given [1].\n";

    fn load(pack: &str) -> casebook_core::CasePack {
        casebook_core::load_pack("skeleton.casepack.md", pack)
            .unwrap_or_else(|errors| panic!("{errors}\n\n{pack}"))
    }

    #[test]
    fn the_seed_article_gets_a_valid_skeleton() {
        for live in [false, true] {
            let pack = write_skeleton(seed_article(), "seed-copy", "article.md", live).unwrap();
            let loaded = load(&pack);
            assert_eq!(loaded.meta.id, "seed-copy");
            assert_eq!(loaded.format, 2);
            assert!(
                pack.ends_with(seed_article()),
                "the article follows unchanged"
            );
            let cited: BTreeSet<u32> = loaded
                .article
                .citing_sentences_by_number()
                .into_keys()
                .collect();
            let listed: BTreeSet<u32> = loaded.references.iter().map(|r| r.number).collect();
            assert_eq!(listed, cited, "a reference for every number cited");
            assert!(loaded
                .references
                .iter()
                .all(|r| r.known.starts_with("TODO")));
            if live {
                assert!(!loaded.workup.is_empty() && !loaded.stages.is_empty());
                assert_eq!(loaded.figures.len(), loaded.article.figure_captions().len());
            } else {
                assert!(loaded.workup.is_empty() && loaded.figures.is_empty());
            }
        }
    }

    #[test]
    fn a_tiny_article_gets_a_valid_skeleton() {
        for live in [false, true] {
            let pack = write_skeleton(TINY, "tiny", "tiny.md", live).unwrap();
            let loaded = load(&pack);
            assert_eq!(loaded.references.len(), 1);
            assert_eq!(loaded.meta.title, "TODO: the article's title");
            assert_eq!(
                loaded.key_message.provenance.quote,
                "Subject one was admitted on day 1."
            );
            assert!(
                pack.contains("#   2 sentences of prose, 0 tables, 0 figures"),
                "{pack}"
            );
            assert!(pack.contains("#   cites reference 1, with"), "{pack}");
            assert!(pack.contains("#   sections: none"), "{pack}");
        }
    }

    #[test]
    fn the_title_is_the_first_heading_unless_it_names_a_section() {
        let article = "## A rare case: \"quoted\" \\ title\n\n# Abstract\n\nText one is here.\n\n## Subheading\n\nMore text is here.\n\n# Discussion\n\nIt was discussed at length [2\u{2013}4, 9].\n\n```figure\nFigure 1. A caption\nover two lines.\n```\n\n| a | b |\n|---|---|\n| c | d |\n";
        let pack = skeleton(article, "rare", "rare.md").unwrap();
        let loaded = load(&pack);
        assert_eq!(loaded.meta.title, "A rare case: \"quoted\" \\ title");
        assert_eq!(loaded.sources[0].title, loaded.meta.title);
        assert!(
            pack.contains("#     - Abstract\n#     - Discussion\n"),
            "{pack}"
        );
        assert!(
            pack.contains("#   3 sentences of prose, 1 table"),
            "headings are not sentences: {pack}"
        );
        assert_eq!(
            loaded.key_message.provenance.quote, "Text one is here.",
            "a short sentence when there is one"
        );
        assert!(pack.contains("1 table, 1 figure"), "{pack}");
        assert!(
            pack.contains("cites references 2\u{2013}4, 9 (4 numbers), each"),
            "{pack}"
        );
        let live = write_skeleton(article, "rare", "rare.md", true).unwrap();
        assert_eq!(
            load(&live).figures[0].provenance.quote,
            "Figure 1. A caption over two lines."
        );
    }

    #[test]
    fn section_names_are_not_titles() {
        for heading in [
            "Abstract",
            "Discussion and conclusions",
            "Methods & results:",
            "Case",
        ] {
            assert!(is_section_name(heading), "{heading}");
        }
        for heading in [
            "Case report: a rare reaction",
            "Alveolar haemorrhage and a new drug",
        ] {
            assert!(!is_section_name(heading), "{heading}");
        }
        let pack = skeleton(
            "# Discussion and conclusions\n\nIt was discussed here.\n",
            "d",
            "d.md",
        )
        .unwrap();
        assert_eq!(load(&pack).meta.title, "TODO: the article's title");
    }

    #[test]
    fn an_article_without_text_is_refused() {
        assert!(skeleton("", "x", "empty.md").is_err());
        assert!(skeleton("\n\n   \n", "x", "empty.md").is_err());
        // A heading alone is text, and is quoted.
        load(&skeleton("# Only a heading\n", "x", "h.md").unwrap());
    }

    #[test]
    fn ids_come_from_file_names() {
        for (name, id) in [
            ("drug-reaction.md", "drug-reaction"),
            ("dir/Drug Reaction.md", "drug-reaction"),
            ("my-case.casepack.md", "my-case"),
            ("2018_case.md", "case-2018-case"),
            ("été.md", "t"),
            ("---.md", "case"),
        ] {
            assert_eq!(id_from_file_name(Path::new(name)), id, "{name}");
            assert!(casebook_core::ids::is_valid_id(id));
        }
        let long = format!("{}.md", "a".repeat(100));
        assert_eq!(id_from_file_name(Path::new(&long)).len(), 64);
    }

    #[test]
    fn strings_are_escaped_for_toml() {
        assert_eq!(
            toml_string("a \"b\" \\ c\u{7}"),
            "\"a \\\"b\\\" \\\\ c\\u0007\""
        );
        assert_eq!(
            ranges(&[1, 2, 3, 5, 7, 8].into_iter().collect()),
            "1–3, 5, 7–8"
        );
        assert_eq!(
            ranges(&[1, u32::MAX].into_iter().collect()),
            format!("1, {}", u32::MAX)
        );
        assert_eq!(comment_safe("a\u{1}b\nc"), "a?b?c");
    }

    #[test]
    fn control_characters_in_headings_and_names_stay_out_of_comments() {
        let pack = skeleton(
            "# Odd\u{1} heading\n\nIt is a sentence here.\n",
            "odd",
            "a\nb.md",
        )
        .unwrap();
        load(&pack);
    }
}
