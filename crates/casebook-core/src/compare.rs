//! The comparison view's logic: which fields are compared, how rows are chosen, sorted and
//! contrasted, the outcome counts per group with their statistics, and the CSV export.
//! Everything here reads the pack's comparison rows; nothing is typed in by hand.

use crate::ids::RowId;
use crate::model::{CasePack, Cell, ComparisonRow, RowGroup};
use crate::provenance::Provenance;
use crate::stats::{Interval, Proportion, TwoGroupComparison};

/// A compared field: one line of the side-by-side table. The indication and the number of
/// patients belong to every row; the others are the pack's own (`compare_fields`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The indication or setting.
    Indication,
    /// Number of patients.
    Patients,
    /// The pack's comparison field at this index of `compare_fields`.
    Declared(usize),
}

impl Field {
    /// Every field of `pack`, in table order: the indication, the patients, then the
    /// pack's fields in the order it declares them.
    pub fn all(pack: &CasePack) -> Vec<Field> {
        [Field::Indication, Field::Patients]
            .into_iter()
            .chain((0..pack.compare_fields.len()).map(Field::Declared))
            .collect()
    }

    /// The fields set out in "what differs": the pack's fields marked `contrast`.
    pub fn contrasted(pack: &CasePack) -> Vec<Field> {
        pack.compare_fields
            .iter()
            .enumerate()
            .filter(|(_, field)| field.contrast)
            .map(|(index, _)| Field::Declared(index))
            .collect()
    }

    /// The field's name as shown.
    pub fn label(self, pack: &CasePack) -> &str {
        match self {
            Field::Indication => "Indication",
            Field::Patients => "Patients (n)",
            Field::Declared(index) => pack
                .compare_fields
                .get(index)
                .map_or("", |field| field.label.as_str()),
        }
    }

    /// A stable key for ids and CSV: the pack's field id (`indication` and `n` for the
    /// two every row has).
    pub fn key(self, pack: &CasePack) -> &str {
        match self {
            Field::Indication => "indication",
            Field::Patients => "n",
            Field::Declared(index) => pack
                .compare_fields
                .get(index)
                .map_or("", |field| field.id.as_str()),
        }
    }

    /// The row's cell for this field ("not reported" when the row lacks it, which the
    /// validator does not let a pack do).
    pub fn cell<'a>(self, pack: &CasePack, row: &'a ComparisonRow) -> &'a Cell {
        static MISSING: Cell = Cell {
            text: String::new(),
            provenance: None,
        };
        match self {
            Field::Indication => &row.indication,
            Field::Patients => &row.n,
            Field::Declared(_) => row.cells.get(self.key(pack)).unwrap_or(&MISSING),
        }
    }
}

/// The name of a row group as shown: the pack's, or a general one.
pub fn group_label(pack: &CasePack, group: RowGroup) -> &str {
    let settings = &pack.compare;
    match group {
        RowGroup::ThisCase => settings.this_case_label.as_deref().unwrap_or("This case"),
        RowGroup::Published => settings
            .published_label
            .as_deref()
            .unwrap_or("Published cases"),
        RowGroup::Registry => settings
            .registry_label
            .as_deref()
            .unwrap_or("Registry reports"),
    }
}

/// How the chosen rows are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SortOrder {
    /// As the pack lists them (this case, published, registry).
    #[default]
    Pack,
    /// Most patients first; rows without a count last.
    Patients,
    /// Highest reported mortality first; rows without counts last.
    Mortality,
}

impl SortOrder {
    /// Every order, as offered to the user.
    pub const ALL: [SortOrder; 3] = [SortOrder::Pack, SortOrder::Patients, SortOrder::Mortality];

    /// The order's name as shown.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Pack => "as in the case pack",
            SortOrder::Patients => "most patients first",
            SortOrder::Mortality => "highest mortality first",
        }
    }

    /// A stable key for the form control.
    pub fn key(self) -> &'static str {
        match self {
            SortOrder::Pack => "pack",
            SortOrder::Patients => "patients",
            SortOrder::Mortality => "mortality",
        }
    }

    /// The order with this key, if any.
    pub fn from_key(key: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|order| order.key() == key)
    }
}

/// What the user chose to see in the comparison, as the address carries it (`?hide=` the
/// rows left out, `&order=` the order), so a link shows the same comparison elsewhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// The rows left out, in the pack's order.
    pub hidden: Vec<RowId>,
    /// The order of the rows shown.
    pub order: SortOrder,
}

impl Choices {
    /// The address's `hide` value (empty when every row is shown) and `order` value
    /// (empty for the pack's order).
    pub fn to_query(&self) -> (String, String) {
        let hide = self
            .hidden
            .iter()
            .map(RowId::as_str)
            .collect::<Vec<_>>()
            .join(",");
        let order = match self.order {
            SortOrder::Pack => String::new(),
            other => other.key().to_owned(),
        };
        (hide, order)
    }

    /// Reads the address's values for `pack`. What the pack does not have (a row id, an
    /// order) is left out and said, in words, so a damaged or foreign link changes only
    /// what it can name; the rows are kept in the pack's order, each once.
    pub fn from_query(
        pack: &CasePack,
        hide: Option<&str>,
        order: Option<&str>,
    ) -> (Choices, Vec<String>) {
        let mut problems = Vec::new();
        let named: Vec<&str> = hide
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .collect();
        // A hostile link may name a million rows: each is looked up, but only the first
        // few are written out (the rest are counted), so reading it stays cheap.
        const SAID: usize = 5;
        let unknown: Vec<&&str> = named.iter().filter(|id| pack.row(id).is_none()).collect();
        for id in unknown.iter().take(SAID) {
            problems.push(format!(
                "The link names a row this case does not have (\u{201c}{}\u{201d}); it is left out.",
                crate::bidi::contain(&crate::saved::shorten_quoted(id))
            ));
        }
        if unknown.len() > SAID {
            problems.push(format!(
                "And {} more rows this case does not have.",
                unknown.len() - SAID
            ));
        }
        let hidden = pack
            .comparison
            .iter()
            .filter(|row| named.contains(&row.id.as_str()))
            .map(|row| row.id.clone())
            .collect();
        let order = match order.map(str::trim).filter(|key| !key.is_empty()) {
            None => SortOrder::Pack,
            Some(key) => SortOrder::from_key(key).unwrap_or_else(|| {
                problems.push(format!(
                    "The link asks for an order the comparison does not have (\u{201c}{}\u{201d}); the case pack's order is shown.",
                    crate::bidi::contain(&crate::saved::shorten_quoted(key))
                ));
                SortOrder::Pack
            }),
        };
        (Choices { hidden, order }, problems)
    }
}

/// The rows shown: those not hidden, in the chosen order (stable: ties keep pack order).
pub fn chosen_rows<'a>(
    pack: &'a CasePack,
    hidden: &[RowId],
    order: SortOrder,
) -> Vec<&'a ComparisonRow> {
    let mut rows: Vec<&ComparisonRow> = pack
        .comparison
        .iter()
        .filter(|row| !hidden.contains(&row.id))
        .collect();
    match order {
        SortOrder::Pack => {}
        SortOrder::Patients => rows.sort_by_key(|row| {
            std::cmp::Reverse(row.outcome_counts.as_ref().map(|counts| counts.n))
        }),
        SortOrder::Mortality => rows.sort_by(|a, b| {
            let mortality = |row: &ComparisonRow| {
                row.outcome_counts.as_ref().and_then(|counts| {
                    Proportion::new(counts.deaths, counts.n).and_then(Proportion::fraction)
                })
            };
            // Rows without counts sort last; among counted rows, higher first.
            match (mortality(a), mortality(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        }),
    }
    rows
}

/// The outcome of one row as counted: deaths among n, with the interval.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeBar<'a> {
    /// The row.
    pub row: &'a ComparisonRow,
    /// Deaths among patients.
    pub deaths: Proportion,
    /// Recoveries (n − deaths).
    pub recovered: u32,
    /// Wilson 95% interval for the proportion who died.
    pub interval: Interval,
    /// Where the counts come from.
    pub provenance: &'a Provenance,
}

impl OutcomeBar<'_> {
    /// The text equivalent of the bar, for screen readers and the data table.
    pub fn sentence(&self) -> String {
        format!(
            "{}: {} of {} died ({}), {} recovered; {}.",
            self.row.label,
            self.deaths.events,
            self.deaths.total,
            self.deaths.arithmetic(),
            self.recovered,
            crate::stats::interval_words(self.interval)
        )
    }
}

/// One bar per row that reports both deaths and n, in the given rows' order.
pub fn outcome_bars<'a>(rows: &[&'a ComparisonRow]) -> Vec<OutcomeBar<'a>> {
    rows.iter()
        .filter_map(|row| {
            let counts = row.outcome_counts.as_ref()?;
            let deaths = Proportion::new(counts.deaths, counts.n)?;
            let interval = deaths.wilson_95()?;
            Some(OutcomeBar {
                row,
                deaths,
                recovered: counts.n - counts.deaths,
                interval,
                provenance: &counts.provenance,
            })
        })
        .collect()
}

/// The registry's contrast the paper rests on: MS against the other indications.
/// Found from the data: the first two counted registry rows of different indications,
/// leaving out a row whose n is the sum of two others (an "all indications" total).
pub fn registry_contrast(
    pack: &CasePack,
) -> Option<(&ComparisonRow, &ComparisonRow, TwoGroupComparison)> {
    let counted: Vec<(&ComparisonRow, Proportion)> = pack
        .comparison
        .iter()
        .filter(|row| row.group == RowGroup::Registry)
        .filter_map(|row| {
            let counts = row.outcome_counts.as_ref()?;
            Some((row, Proportion::new(counts.deaths, counts.n)?))
        })
        .collect();
    let is_total = |index: usize| {
        let n = counted[index].1.total;
        (0..counted.len()).any(|i| {
            (i + 1..counted.len())
                .any(|j| i != index && j != index && counted[i].1.total + counted[j].1.total == n)
        })
    };
    let groups: Vec<&(&ComparisonRow, Proportion)> = counted
        .iter()
        .enumerate()
        .filter(|(index, _)| !is_total(*index))
        .map(|(_, entry)| entry)
        .collect();
    let (first, a) = groups.first()?;
    let (second, b) = groups
        .iter()
        .skip(1)
        .find(|(row, _)| row.indication.text != first.indication.text)?;
    Some((first, second, TwoGroupComparison::new(*a, *b)?))
}

/// One field in which a compared row differs from this case.
#[derive(Clone, Debug, PartialEq)]
pub struct Contrast<'a> {
    /// The field.
    pub field: Field,
    /// This case's cell.
    pub this_case: &'a Cell,
    /// The other row's cell.
    pub other: &'a Cell,
}

/// Where `other` differs from this case in the contrasted fields, both sides reported.
/// Returns nothing when the pack has no this-case row or `other` is that row.
pub fn contrasts<'a>(pack: &'a CasePack, other: &'a ComparisonRow) -> Vec<Contrast<'a>> {
    let Some(this_case) = pack
        .comparison
        .iter()
        .find(|row| row.group == RowGroup::ThisCase)
    else {
        return Vec::new();
    };
    if this_case.id == other.id {
        return Vec::new();
    }
    Field::contrasted(pack)
        .into_iter()
        .filter_map(|field| {
            let (mine, theirs) = (field.cell(pack, this_case), field.cell(pack, other));
            (!mine.is_not_reported()
                && !theirs.is_not_reported()
                && mine.text.trim() != theirs.text.trim())
            .then_some(Contrast {
                field,
                this_case: mine,
                other: theirs,
            })
        })
        .collect()
}

/// The chosen rows as CSV (RFC 4180), one line per row and field: the value with its
/// source, status and verbatim quote, so a spreadsheet keeps every fact's provenance.
/// Text that a spreadsheet would run as a formula is defused with a leading apostrophe.
pub fn to_csv(pack: &CasePack, rows: &[&ComparisonRow]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let source_title = |provenance: &Provenance| {
        pack.sources
            .iter()
            .find(|source| source.id == provenance.source)
            .map(|source| source.title.clone())
            .unwrap_or_else(|| provenance.source.to_string())
    };
    // Writing to a Vec cannot fail; an error here would be a csv crate defect.
    let mut write = |record: [&str; 8]| {
        let record = record.map(defuse_formula);
        writer
            .write_record(&record)
            .expect("writing CSV to memory cannot fail");
    };
    write([
        "case",
        "group",
        "field",
        "value",
        "status",
        "source",
        "source id",
        "quote",
    ]);
    for row in rows {
        for field in Field::all(pack) {
            let cell = field.cell(pack, row);
            let (status, source, source_id, quote) = match &cell.provenance {
                Some(provenance) => (
                    provenance.status.label().to_owned(),
                    source_title(provenance),
                    provenance.source.to_string(),
                    provenance.quote.clone(),
                ),
                None => Default::default(),
            };
            write([
                &row.label,
                group_label(pack, row.group),
                field.label(pack),
                &cell.text,
                &status,
                &source,
                &source_id,
                &quote,
            ]);
        }
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}

/// Prefixes an apostrophe to text a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab,
/// carriage return at the start), after OWASP's CSV-injection advice: an imported pack
/// must not be able to run a formula on the user's machine.
fn defuse_formula(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse_formula("=1+1"), "'=1+1");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("-2 d"), "'-2 d");
        assert_eq!(defuse_formula("12 mg"), "12 mg");
    }
}
