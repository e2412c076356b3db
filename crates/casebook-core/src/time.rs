//! Times relative to the case's anchor, with their precision. A time is written as a signed
//! number and a unit (`+24 h`, `-4 mo`, `+13 mo`), as a day number the way case reports
//! count them (`day 22`, placed by the pack's day numbering), or as another event's time
//! (`@admission`), and held as hours so events can be ordered and placed on a scale.

use serde::{Deserialize, Serialize};

/// Hours in each unit a pack may use. Months and years are calendar averages: a time given
/// in months is never more precise than "about", and its precision says so.
const UNITS: [(&str, f64); 6] = [
    ("min", 1.0 / 60.0),
    ("h", 1.0),
    ("d", 24.0),
    ("w", 24.0 * 7.0),
    ("mo", 24.0 * 365.25 / 12.0),
    ("y", 24.0 * 365.25),
];

/// An offset from the anchor, as written (`+24 h`, `day 22`, `@admission`) and in hours.
///
/// A day number or an event's time is placed once the whole pack is read (the day
/// numbering and the events are elsewhere in it; see [`Offset::place`]), so an offset
/// carries its hours, and how it is said, in the pack's binary encoding rather than being
/// parsed again from its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Offset {
    written: String,
    hours: f64,
    /// How it is said when not from its hours: "day 22", or the event it refers to.
    said: Option<String>,
}

/// What an offset's text names before it is placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// A signed number and a unit: already placed.
    Relative,
    /// Day `n` as the report numbers days.
    Day(i64),
    /// The time of the event with this id.
    Event(String),
}

impl Offset {
    /// Parses `[+|-]number unit` (unit one of `min h d w mo y`), `day N`, or `@event-id`.
    pub fn parse(text: &str) -> Result<Offset, String> {
        let trimmed = text.trim();
        if let Some(id) = trimmed.strip_prefix('@') {
            if id.is_empty() {
                return Err(format!("time \"{text}\" names no event after `@`"));
            }
            return Ok(Offset {
                written: trimmed.to_owned(),
                hours: 0.0,
                said: None,
            });
        }
        if let Some(number) = trimmed
            .strip_prefix("day ")
            .or_else(|| trimmed.strip_prefix("Day "))
        {
            let day: i64 = number
                .trim()
                .parse()
                .map_err(|_| format!("time \"{text}\" is not a day number (write e.g. `day 3`)"))?;
            if day.abs() > 100_000 {
                return Err(format!("time \"{text}\" is out of range"));
            }
            return Ok(Offset {
                written: trimmed.to_owned(),
                hours: day as f64 * 24.0,
                said: Some(format!("day {day}")),
            });
        }
        let split = trimmed
            .find(|c: char| c.is_ascii_alphabetic())
            .ok_or_else(|| {
                format!("time \"{text}\" has no unit (use min, h, d, w, mo or y; or write `day N`)")
            })?;
        let (number, unit) = trimmed.split_at(split);
        let number = number.trim().replace(' ', "");
        let value: f64 = number
            .parse()
            .map_err(|_| format!("time \"{text}\" does not start with a number"))?;
        if !value.is_finite() || value.abs() > 1.0e6 {
            return Err(format!("time \"{text}\" is out of range"));
        }
        let per_unit = UNITS
            .iter()
            .find(|(name, _)| *name == unit.trim())
            .map(|(_, hours)| *hours)
            .ok_or_else(|| {
                format!(
                    "time \"{text}\" has unknown unit \"{}\" (use min, h, d, w, mo or y; or write `day N`)",
                    unit.trim()
                )
            })?;
        Ok(Offset {
            written: trimmed.to_owned(),
            hours: value * per_unit,
            said: None,
        })
    }

    /// What the offset's text names: a relative time, a day number or an event.
    pub fn names(&self) -> Written {
        if let Some(id) = self.written.strip_prefix('@') {
            return Written::Event(id.to_owned());
        }
        match self
            .written
            .strip_prefix("day ")
            .or_else(|| self.written.strip_prefix("Day "))
            .and_then(|n| n.trim().parse().ok())
        {
            Some(day) => Written::Day(day),
            None => Written::Relative,
        }
    }

    /// Places a day number or an event reference once the pack is read: at `hours`, said
    /// as `said`.
    pub fn place(&mut self, hours: f64, said: String) {
        self.hours = hours;
        self.said = Some(said);
    }

    /// False for a reference to another event's time that could not be placed (to an
    /// event the pack does not have, or in a circle of references).
    pub fn is_placed(&self) -> bool {
        !matches!(self.names(), Written::Event(_)) || self.said.is_some()
    }

    /// Hours after the anchor (negative before it).
    pub fn hours(&self) -> f64 {
        self.hours
    }

    /// The offset as the pack wrote it.
    pub fn written(&self) -> &str {
        &self.written
    }

    /// The offset as a clinician says it: "24 hours after", "4 months before", "day 22"
    /// (as the report numbers days), or the event it refers to; zero is said as "at the
    /// <anchor>".
    pub fn spoken(&self, anchor: &str) -> String {
        match &self.said {
            Some(said) => said.clone(),
            None => spoken_offset(self.hours, false, anchor),
        }
    }

    /// Like [`Offset::spoken`], rounded to a whole unit, for times only known roughly
    /// ("about 8 days after", never "about 8.2 days after").
    pub fn spoken_rounded(&self, anchor: &str) -> String {
        match &self.said {
            Some(said) => said.clone(),
            None => spoken_offset(self.hours, true, anchor),
        }
    }

    /// True when the offset is a day number, said as the report says it.
    pub fn is_day(&self) -> bool {
        matches!(self.names(), Written::Day(_))
    }
}

/// In a pack file an offset is its text; in the binary encoding it also carries its hours
/// and how it is said (placed from the rest of the pack when it was read).
impl Serialize for Offset {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&self.written)
        } else {
            (&self.written, self.hours, &self.said).serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Offset {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let text = String::deserialize(deserializer)?;
            Offset::parse(&text).map_err(serde::de::Error::custom)
        } else {
            let (written, hours, said) =
                <(String, f64, Option<String>)>::deserialize(deserializer)?;
            Ok(Offset {
                written,
                hours,
                said,
            })
        }
    }
}

/// Says an offset in hours the way a clinician would, choosing the unit by magnitude;
/// `whole` rounds to a whole unit (for approximate times); zero is "at the <anchor>".
pub fn spoken_offset(hours: f64, whole: bool, anchor: &str) -> String {
    if hours == 0.0 {
        return format!("at the {anchor}");
    }
    let side = if hours < 0.0 { "before" } else { "after" };
    let magnitude = hours.abs();
    let (value, unit) = if magnitude < 48.0 {
        (magnitude, "hour")
    } else if magnitude < 24.0 * 14.0 {
        (magnitude / 24.0, "day")
    } else if magnitude < 24.0 * 7.0 * 8.0 {
        (magnitude / (24.0 * 7.0), "week")
    } else if magnitude < 24.0 * 365.25 * 2.0 {
        (magnitude / (24.0 * 365.25 / 12.0), "month")
    } else {
        (magnitude / (24.0 * 365.25), "year")
    };
    let rounded = if whole {
        value.round()
    } else {
        (value * 10.0).round() / 10.0
    };
    let number = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    let plural = if rounded == 1.0 { "" } else { "s" };
    format!("{number} {unit}{plural} {side}")
}

/// How precisely a time is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Stated to the hour (or better).
    Exact,
    /// Stated loosely ("the day after", "one week after"); drawn as approximate.
    Approximate,
    /// Somewhere between `earliest` and `latest`.
    Range,
    /// Known only to be before `at`.
    Before,
    /// Known only to be after `at`.
    After,
}

impl Precision {
    /// The word shown beside a time.
    pub fn label(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Approximate => "approximate",
            Precision::Range => "range",
            Precision::Before => "only known to be before",
            Precision::After => "only known to be after",
        }
    }
}

/// When an event happened, relative to the anchor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeSpec {
    /// The point (or the start of an interval); for `before`/`after`, the bound.
    pub at: Offset,
    /// How precisely `at` is known.
    pub precision: Precision,
    /// For `range`: the earliest possible time.
    #[serde(default)]
    pub earliest: Option<Offset>,
    /// For `range`: the latest possible time.
    #[serde(default)]
    pub latest: Option<Offset>,
    /// For an interval (an infusion, the hospital stay, the cough): when it ended.
    #[serde(default)]
    pub until: Option<Offset>,
    /// How precisely the interval's end is known, when it differs from its start's (an
    /// exact start, an approximate end): `exact` or `approximate`.
    #[serde(default)]
    pub until_precision: Option<Precision>,
}

impl TimeSpec {
    /// Problems that keep this time from being placed on a timeline, in words.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        match (self.precision, &self.earliest, &self.latest) {
            (Precision::Range, Some(lo), Some(hi)) => {
                if lo.hours() > hi.hours() {
                    problems.push(format!(
                        "range starts ({}) after it ends ({})",
                        lo.written(),
                        hi.written()
                    ));
                } else if self.at.hours() < lo.hours() || self.at.hours() > hi.hours() {
                    problems.push(format!(
                        "`at` ({}) lies outside its range {} to {}",
                        self.at.written(),
                        lo.written(),
                        hi.written()
                    ));
                }
            }
            (Precision::Range, _, _) => {
                problems.push("precision \"range\" needs both `earliest` and `latest`".to_owned())
            }
            (_, None, None) => {}
            (_, _, _) => problems.push(format!(
                "`earliest`/`latest` are only allowed with precision \"range\", not \"{}\"",
                self.precision.label()
            )),
        }
        if let Some(precision) = self.until_precision {
            if self.until.is_none() {
                problems.push("`until_precision` needs an `until`".to_owned());
            }
            if !matches!(precision, Precision::Exact | Precision::Approximate) {
                problems.push(format!(
                    "an interval's end is `exact` or `approximate`, not \"{}\"",
                    precision.label()
                ));
            }
        }
        if let Some(until) = &self.until {
            if until.hours() < self.at.hours() {
                problems.push(format!(
                    "interval ends ({}) before it starts ({})",
                    until.written(),
                    self.at.written()
                ));
            }
        }
        problems
    }

    /// The time in words, with its precision, relative to the anchor (e.g. "start of
    /// the first infusion"): "about 2 days after", "before the start of the first
    /// infusion; exact time not reported".
    pub fn spoken(&self, anchor: &str) -> String {
        let exact = self.precision == Precision::Exact;
        let say = |offset: &Offset| {
            if exact {
                offset.spoken(anchor)
            } else {
                offset.spoken_rounded(anchor)
            }
        };
        let at = say(&self.at);
        let bound = |word: &str| {
            if self.at.hours() == 0.0 {
                format!("{word} the {anchor}; exact time not reported")
            } else {
                let comparative = if word == "before" {
                    "earlier than"
                } else {
                    "later than"
                };
                format!("{comparative} {at}; exact time not reported")
            }
        };
        let point = match self.precision {
            Precision::Exact => at,
            Precision::Approximate => format!("about {at}"),
            Precision::Range => match (&self.earliest, &self.latest) {
                (Some(lo), Some(hi)) => format!("between {} and {}", say(lo), say(hi)),
                _ => at,
            },
            Precision::Before => bound("before"),
            Precision::After => bound("after"),
        };
        match &self.until {
            Some(until) => {
                // An end whose precision is its own is said so; otherwise as precisely as
                // the start.
                let end = match self.until_precision {
                    Some(Precision::Exact) => until.spoken(anchor),
                    Some(Precision::Approximate) => {
                        format!("about {}", until.spoken_rounded(anchor))
                    }
                    _ => say(until),
                };
                format!("{point}, until {end}")
            }
            None => point,
        }
    }

    /// Every offset of this time, to place day numbers and event references.
    pub fn offsets_mut(&mut self) -> impl Iterator<Item = &mut Offset> {
        std::iter::once(&mut self.at)
            .chain(self.earliest.as_mut())
            .chain(self.latest.as_mut())
            .chain(self.until.as_mut())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units_and_signs() {
        assert_eq!(Offset::parse("+24 h").unwrap().hours(), 24.0);
        assert_eq!(Offset::parse("-2 d").unwrap().hours(), -48.0);
        assert_eq!(Offset::parse("0 h").unwrap().hours(), 0.0);
        assert_eq!(Offset::parse("1.5h").unwrap().hours(), 1.5);
        assert!((Offset::parse("+13 mo").unwrap().hours() - 13.0 * 730.5).abs() < 1e-9);
    }

    #[test]
    fn rejects_unplaceable_times() {
        assert!(Offset::parse("soon").is_err());
        assert!(Offset::parse("12").is_err());
        assert!(Offset::parse("3 fortnights").is_err());
        assert!(Offset::parse("1e300 h").is_err());
    }

    #[test]
    fn speaks_like_a_clinician() {
        assert_eq!(spoken_offset(24.0, false, "x"), "24 hours after");
        assert_eq!(spoken_offset(-4.0 * 730.5, false, "x"), "4 months before");
        assert_eq!(spoken_offset(196.0, false, "x"), "8.2 days after");
        assert_eq!(spoken_offset(196.0, true, "x"), "8 days after");
        assert_eq!(spoken_offset(13.0 * 730.5, false, "x"), "13 months after");
        assert_eq!(spoken_offset(-5.0 * 8766.0, false, "x"), "5 years before");
        assert_eq!(
            spoken_offset(0.0, false, "start of the first infusion"),
            "at the start of the first infusion"
        );
    }

    #[test]
    fn approximate_times_are_said_approximately() {
        let time = TimeSpec {
            at: Offset::parse("+28 h").unwrap(),
            precision: Precision::Approximate,
            earliest: None,
            latest: None,
            until: Some(Offset::parse("+196 h").unwrap()),
            until_precision: None,
        };
        assert_eq!(
            time.spoken("anchor"),
            "about 28 hours after, until 8 days after"
        );
        let before = TimeSpec {
            at: Offset::parse("0 h").unwrap(),
            precision: Precision::Before,
            earliest: None,
            latest: None,
            until: None,
            until_precision: None,
        };
        assert_eq!(
            before.spoken("start of the first infusion"),
            "before the start of the first infusion; exact time not reported"
        );
        let after = TimeSpec {
            at: Offset::parse("+24 h").unwrap(),
            precision: Precision::After,
            earliest: None,
            latest: None,
            until: None,
            until_precision: None,
        };
        assert_eq!(
            after.spoken("anchor"),
            "later than 24 hours after; exact time not reported"
        );
    }
}
