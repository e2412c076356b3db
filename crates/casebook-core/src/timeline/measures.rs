//! The case's measurements grouped into series (all haemoglobin values together, in time
//! order), each value placed against its reference range where the source gives one.

use crate::model::{CasePack, Measurement, ReferenceRange};

use super::sort_hours;

/// Where a value lies against its reference range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgainstRange {
    /// Under the lower limit.
    Below,
    /// Within the limits (inclusive).
    Within,
    /// Over the upper limit.
    Above,
}

impl AgainstRange {
    /// In words, for the mark's label (colour is never the only signal).
    pub fn label(self) -> &'static str {
        match self {
            AgainstRange::Below => "below the reference range",
            AgainstRange::Within => "within the reference range",
            AgainstRange::Above => "above the reference range",
        }
    }
}

/// Places `value` against `range`, or `None` when the range gives no usable limit.
pub fn against(value: f64, range: &ReferenceRange) -> Option<AgainstRange> {
    match (range.low, range.high) {
        (None, None) => None,
        (Some(low), _) if value < low => Some(AgainstRange::Below),
        (_, Some(high)) if value > high => Some(AgainstRange::Above),
        _ => Some(AgainstRange::Within),
    }
}

/// All measurements of one name, in time order.
#[derive(Clone, Debug, PartialEq)]
pub struct Series<'a> {
    /// The name shared by the values ("Haemoglobin").
    pub name: &'a str,
    /// The values in time order.
    pub values: Vec<&'a Measurement>,
}

impl Series<'_> {
    /// The numeric values and their unit, joined by arrows: "12 → 10.5 g/dl".
    pub fn trend_text(&self) -> String {
        // One number of decimals for the whole series, so 12.0 → 10.5 reads as printed.
        let decimals = self
            .values
            .iter()
            .filter_map(|m| m.value)
            .map(|value| format_value(value).split('.').nth(1).map_or(0, str::len))
            .max()
            .unwrap_or(0);
        let values: Vec<String> = self
            .values
            .iter()
            .map(|m| {
                let value = match (m.value, &m.value_text) {
                    (Some(value), _) => format!("{value:.decimals$}"),
                    (None, Some(text)) => text.clone(),
                    (None, None) => crate::model::NOT_REPORTED.to_owned(),
                };
                match &m.comparator {
                    Some(comparator) => format!("{comparator} {value}"),
                    None => value,
                }
            })
            .collect();
        let unit = self
            .values
            .iter()
            .find_map(|m| m.unit.clone())
            .map(|unit| format!(" {unit}"))
            .unwrap_or_default();
        format!("{}{unit}", values.join(" \u{2192} "))
    }

    /// The reference range, where any value of the series carries one.
    pub fn reference(&self) -> Option<&ReferenceRange> {
        self.values.iter().find_map(|m| m.reference.as_ref())
    }

    /// The numeric span to draw a small trend over: the values and any range limits,
    /// widened a little so marks do not sit on the edge. `None` with no numbers.
    pub fn span(&self) -> Option<(f64, f64)> {
        let numbers: Vec<f64> = self
            .values
            .iter()
            .filter_map(|m| m.value)
            .chain(self.reference().and_then(|r| r.low))
            .chain(self.reference().and_then(|r| r.high))
            .collect();
        let low = numbers.iter().copied().fold(f64::INFINITY, f64::min);
        let high = numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !low.is_finite() {
            return None;
        }
        let pad = ((high - low) * 0.15).max(high.abs().max(1.0) * 0.05);
        Some((low - pad, high + pad))
    }
}

/// A series' small number line: its ends, the reference band, the values and the
/// labelled ticks, as percentages across. Drawn only when it says something the numbers
/// in words do not: where a reference band is given, or how two or more values moved (a
/// lone value on an unlabelled line says nothing).
#[derive(Clone, Debug, PartialEq)]
pub struct Gauge {
    /// The reference band, as percentages across (from, to), where the source gives a
    /// limit (an open side runs to the line's end).
    pub band: Option<(f64, f64)>,
    /// The values in time order, as percentages across.
    pub values: Vec<f64>,
    /// The labelled ticks: the band's limits, else the lowest and highest value; each as
    /// (percentage across, the number as printed).
    pub ticks: Vec<(f64, String)>,
}

impl Series<'_> {
    /// The series' number line, or `None` when there is nothing to draw (see [`Gauge`]).
    pub fn gauge(&self) -> Option<Gauge> {
        let numbers: Vec<f64> = self.values.iter().filter_map(|m| m.value).collect();
        let reference = self
            .reference()
            .filter(|r| r.low.is_some() || r.high.is_some());
        if numbers.is_empty() || (reference.is_none() && numbers.len() < 2) {
            return None;
        }
        let (low, high) = self.span()?;
        let across = |value: f64| ((value - low) / (high - low) * 100.0).clamp(0.0, 100.0);
        let limits: Vec<f64> = match reference {
            Some(range) => range.low.into_iter().chain(range.high).collect(),
            None => {
                let least = numbers.iter().copied().fold(f64::INFINITY, f64::min);
                let most = numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                if least == most {
                    vec![least]
                } else {
                    vec![least, most]
                }
            }
        };
        Some(Gauge {
            band: reference.map(|range| {
                (
                    range.low.map_or(0.0, across),
                    range.high.map_or(100.0, across),
                )
            }),
            values: numbers.iter().copied().map(across).collect(),
            ticks: limits
                .into_iter()
                .map(|value| (across(value), format_value(value)))
                .collect(),
        })
    }
}

/// A number as printed: no trailing zeros beyond the first decimal ("12.0" stays "12.0"
/// only if the source wrote it so; we print 12 as "12" and 10.5 as "10.5").
pub fn format_value(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').to_owned()
    }
}

/// A value in words as the report gives it: the comparator, the number or words, the unit
/// and the condition ("< 5.0 units, at rest").
pub fn value_words(measurement: &Measurement) -> String {
    let mut words = String::new();
    if let Some(comparator) = &measurement.comparator {
        words.push_str(comparator);
        words.push(' ');
    }
    match (measurement.value, &measurement.value_text) {
        (Some(value), _) => words.push_str(&format_value(value)),
        (None, Some(text)) => words.push_str(text),
        (None, None) => words.push_str(crate::model::NOT_REPORTED),
    }
    if let Some(unit) = &measurement.unit {
        words.push(' ');
        words.push_str(unit);
    }
    if let Some(condition) = &measurement.condition {
        words.push_str(", ");
        words.push_str(condition);
    }
    words
}

/// The pack's measurements grouped into series (by `series`, or by name when a value
/// names none), series in order of their first value.
pub fn series(pack: &CasePack) -> Vec<Series<'_>> {
    let mut ordered: Vec<&Measurement> = pack.measurements.iter().collect();
    ordered.sort_by(|a, b| sort_hours(&a.time).total_cmp(&sort_hours(&b.time)));
    let key = |m: &Measurement| m.series.clone().unwrap_or_else(|| m.name.clone());
    let mut out: Vec<(String, Series)> = Vec::new();
    for measurement in ordered {
        let wanted = key(measurement);
        match out.iter_mut().find(|(k, _)| *k == wanted) {
            Some((_, series)) => series.values.push(measurement),
            None => out.push((
                wanted,
                Series {
                    name: &measurement.name,
                    values: vec![measurement],
                },
            )),
        }
    }
    out.into_iter().map(|(_, series)| series).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_placed_against_their_range() {
        let range = ReferenceRange {
            low: Some(0.4),
            high: Some(0.8),
            text: "0,4-0,8".into(),
        };
        assert_eq!(against(1.3, &range), Some(AgainstRange::Above));
        assert_eq!(against(0.4, &range), Some(AgainstRange::Within));
        assert_eq!(against(0.1, &range), Some(AgainstRange::Below));
        let printed_only = ReferenceRange {
            low: None,
            high: None,
            text: "as printed".into(),
        };
        assert_eq!(against(1.0, &printed_only), None);
        assert_eq!(format_value(12.0), "12");
        assert_eq!(format_value(10.5), "10.5");
        assert_eq!(format_value(0.33), "0.33");
    }
}
