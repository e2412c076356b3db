//! Small-sample statistics for the comparison view: the Wilson score interval for a
//! proportion and Fisher's exact test for a 2×2 table, each with a sentence a student
//! can read.
//!
//! Written by hand because the statistics crates that offer these (statrs and friends)
//! bring special-function libraries several times the size of the two formulas into the
//! wasm bundle. Both are checked against SciPy and statsmodels in `tests/stats.rs`.

/// The standard normal quantile for a two-sided 95% interval, to double precision
/// (`scipy.stats.norm.ppf(0.975)`).
pub const Z_95: f64 = 1.959_963_984_540_054;

/// `k` events among `n` patients.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Proportion {
    /// Patients with the event (e.g. deaths).
    pub events: u32,
    /// Patients in the group.
    pub total: u32,
}

/// A 95% confidence interval, as fractions between 0 and 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Lower limit.
    pub low: f64,
    /// Upper limit.
    pub high: f64,
}

impl Proportion {
    /// `events` of `total`. Returns `None` when `events > total`.
    pub fn new(events: u32, total: u32) -> Option<Proportion> {
        (events <= total).then_some(Proportion { events, total })
    }

    /// The observed fraction, or `None` for an empty group.
    pub fn fraction(self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.events) / f64::from(self.total))
    }

    /// The Wilson score 95% interval (Wilson 1927), which unlike the textbook normal
    /// approximation stays inside 0–1 and behaves at 0/n and n/n. `None` for n = 0.
    pub fn wilson_95(self) -> Option<Interval> {
        let p = self.fraction()?;
        let n = f64::from(self.total);
        let z2 = Z_95 * Z_95;
        let denominator = 1.0 + z2 / n;
        let centre = (p + z2 / (2.0 * n)) / denominator;
        let half = Z_95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
        // At 0/n and n/n one limit is exactly 0 or 1; rounding must not move it.
        let low = if self.events == 0 {
            0.0
        } else {
            (centre - half).max(0.0)
        };
        let high = if self.events == self.total {
            1.0
        } else {
            (centre + half).min(1.0)
        };
        Some(Interval { low, high })
    }

    /// "14/17 = 82%", the arithmetic shown on the chart.
    pub fn arithmetic(self) -> String {
        match self.fraction() {
            Some(fraction) => format!("{}/{} = {}", self.events, self.total, percent(fraction)),
            None => format!("{}/{}", self.events, self.total),
        }
    }
}

/// A fraction as a whole percentage ("82%"), the precision small groups deserve.
pub fn percent(fraction: f64) -> String {
    format!("{:.0}%", fraction * 100.0)
}

/// Natural logarithms of 0!, 1!, … n!, summed exactly enough for tables of a few
/// thousand patients (far beyond any case series).
fn log_factorials(n: u32) -> Vec<f64> {
    let mut table = Vec::with_capacity(n as usize + 1);
    let mut sum = 0.0;
    table.push(0.0);
    for i in 1..=n {
        sum += f64::from(i).ln();
        table.push(sum);
    }
    table
}

/// Fisher's exact test, two-sided, for the table
///
/// ```text
///              event   no event
///   group A      a        b
///   group B      c        d
/// ```
///
/// The p-value sums the probabilities (hypergeometric, margins fixed) of every table at
/// most as probable as the one observed, with SciPy's relative tolerance of 1e-7 so that
/// tables equal in probability but for rounding count alike. `None` for an empty table.
pub fn fisher_exact_two_sided(a: u32, b: u32, c: u32, d: u32) -> Option<f64> {
    let n = a.checked_add(b)?.checked_add(c)?.checked_add(d)?;
    if n == 0 {
        return None;
    }
    let row_a = a + b;
    let row_b = c + d;
    let column = a + c;
    let ln = log_factorials(n);
    let ln_choose = |n: u32, k: u32| ln[n as usize] - ln[k as usize] - ln[(n - k) as usize];
    let ln_total = ln_choose(n, column);
    let probability =
        |x: u32| (ln_choose(row_a, x) + ln_choose(row_b, column - x) - ln_total).exp();
    let lowest = column.saturating_sub(row_b);
    let highest = row_a.min(column);
    let observed = probability(a);
    let threshold = observed * (1.0 + 1.0e-7);
    let p: f64 = (lowest..=highest)
        .map(probability)
        .filter(|&probability| probability <= threshold)
        .sum();
    Some(p.min(1.0))
}

/// A p-value as a reader meets it: four significant digits, or "< 0.0001".
pub fn format_p(p: f64) -> String {
    if p < 1.0e-4 {
        "< 0.0001".to_owned()
    } else if p >= 0.9999 {
        "1".to_owned()
    } else {
        let digits = (3 - p.log10().floor() as i32).max(0) as usize;
        format!("{p:.digits$}")
    }
}

/// The comparison of two groups' event proportions, explained.
#[derive(Clone, Debug, PartialEq)]
pub struct TwoGroupComparison {
    /// The first group's proportion.
    pub first: Proportion,
    /// The second group's proportion.
    pub second: Proportion,
    /// Fisher's exact two-sided p-value.
    pub p_value: f64,
}

impl TwoGroupComparison {
    /// Compares two proportions, or `None` when either group is empty.
    pub fn new(first: Proportion, second: Proportion) -> Option<TwoGroupComparison> {
        if first.total == 0 || second.total == 0 {
            return None;
        }
        let p_value = fisher_exact_two_sided(
            first.events,
            first.total - first.events,
            second.events,
            second.total - second.events,
        )?;
        Some(TwoGroupComparison {
            first,
            second,
            p_value,
        })
    }

    /// The result in plain words, for groups named as given and events called `event`
    /// ("died"). Says what the p-value means and what it does not.
    pub fn plain_language(&self, first_name: &str, second_name: &str, event: &str) -> String {
        let p = format_p(self.p_value);
        let chance = if self.p_value < 0.05 {
            "Chance alone would rarely split the outcomes this unevenly"
        } else {
            "Chance alone could easily split the outcomes this unevenly"
        };
        format!(
            "{} of {} patients {event} in {first_name} ({}), against {} of {} in {second_name} ({}). \
             {chance} if the risk were the same in both groups (Fisher's exact test, two-sided p = {p}). \
             That says the difference is unlikely to be a fluke of small numbers; it does not say why \
             the groups differ.",
            self.first.events,
            self.first.total,
            self.first.fraction().map(percent).unwrap_or_default(),
            self.second.events,
            self.second.total,
            self.second.fraction().map(percent).unwrap_or_default(),
        )
    }
}

/// What the registry counts can and cannot say, shown wherever they appear (reported counts
/// are not incidence: ARCHITECTURE.md, "What every view meets").
pub const REGISTRY_CAVEATS: [(&str, &str); 6] = [
    (
        "Spontaneous reports",
        "The registry collects suspected reactions that someone chose to report; it is not a study.",
    ),
    (
        "Reporting bias",
        "Which cases are reported depends on who noticed them and chose to report; the reports are not a random sample of patients.",
    ),
    (
        "No denominator",
        "The number of patients treated in each setting is not known, so these counts give no incidence.",
    ),
    (
        "No proof of causality",
        "A report links the drug and the event in time; it does not prove the drug caused it.",
    ),
    (
        "Different populations",
        "The groups differ in illness, dose, schedule and co-treatment; any of these may explain a difference in outcome.",
    ),
    (
        "Small numbers",
        "In groups this small every percentage is uncertain: read the confidence intervals, not the point estimates.",
    ),
];

/// [`REGISTRY_CAVEATS`] in one sentence, for where a registry count appears away from them.
pub const REGISTRY_CAVEAT_LINE: &str = "Counts of spontaneous reports: not incidence (the number treated is not known), open to reporting bias, and no proof that the drug caused the event.";

/// A confidence interval said in words: "95% CI 59% to 94%".
pub fn interval_words(interval: Interval) -> String {
    format!(
        "95% CI {} to {}",
        percent(interval.low),
        percent(interval.high)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_are_formatted_to_four_significant_digits() {
        assert_eq!(format_p(0.002_126_528_442), "0.002127");
        assert_eq!(format_p(0.069_778_518_69), "0.06978");
        assert_eq!(format_p(0.385_964_912_3), "0.3860");
        assert_eq!(format_p(1.0), "1");
        assert_eq!(format_p(1.0e-5), "< 0.0001");
    }

    #[test]
    fn arithmetic_is_visible() {
        assert_eq!(Proportion::new(14, 17).unwrap().arithmetic(), "14/17 = 82%");
        assert_eq!(Proportion::new(0, 5).unwrap().arithmetic(), "0/5 = 0%");
        assert_eq!(Proportion::new(0, 0).unwrap().arithmetic(), "0/0");
        assert!(Proportion::new(3, 2).is_none());
    }
}
