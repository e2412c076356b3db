//! The comparison statistics against a standard implementation.
//!
//! Reference values were computed on 2026-11-25 with SciPy 1.17.1 and statsmodels 0.15.0
//! (installed from PyPI into a throwaway virtualenv), by:
//!
//! ```python
//! from scipy.stats import fisher_exact
//! from statsmodels.stats.proportion import proportion_confint
//! proportion_confint(k, n, alpha=0.05, method="wilson")          # Wilson interval
//! fisher_exact([[a, b], [c, d]], alternative="two-sided").pvalue  # Fisher p
//! ```
//!
//! and are printed there to 10 significant digits; the tests require agreement to 4
//! significant digits (relative error below 5e-5), as the Comparison issue asks.

use casebook_core::stats::{fisher_exact_two_sided, Proportion};

/// True when `actual` agrees with `expected` to four significant digits.
fn same_to_4_digits(actual: f64, expected: f64) -> bool {
    if expected == 0.0 {
        actual.abs() < 1e-12
    } else {
        ((actual - expected) / expected).abs() < 5e-5
    }
}

#[test]
fn wilson_intervals_match_statsmodels() {
    // (deaths, n, low, high)
    let cases = [
        (0, 5, 0.0, 0.4344824648),
        (14, 17, 0.5897054143, 0.9380887336),
        (0, 1, 0.0, 0.7934506856),
        (1, 2, 0.09453120573, 0.9054687943),
        (14, 22, 0.4295170809, 0.8026679533),
        (5, 5, 0.5655175352, 1.0),
        (1, 1, 0.2065493144, 1.0),
        (3, 10, 0.1077912674, 0.6032218525),
        (50, 100, 0.4038315304, 0.5961684696),
        (1, 1000, 0.0001765463706, 0.005642558598),
    ];
    for (events, total, low, high) in cases {
        let interval = Proportion::new(events, total).unwrap().wilson_95().unwrap();
        assert!(
            same_to_4_digits(interval.low, low) && same_to_4_digits(interval.high, high),
            "{events}/{total}: got {interval:?}, SciPy/statsmodels gives {low}–{high}"
        );
    }
    assert!(Proportion::new(0, 0).unwrap().wilson_95().is_none());
}

#[test]
fn fisher_p_values_match_scipy() {
    // ([[a, b], [c, d]], two-sided p)
    let cases = [
        ([0, 5, 14, 3], 0.002126528442), // MS 0/5 died against 14/17: the paper's contrast
        ([1, 1, 0, 1], 1.0),
        ([3, 7, 8, 2], 0.06977851869),
        ([0, 10, 10, 0], 1.082508822e-05),
        ([5, 5, 5, 5], 1.0),
        ([2, 8, 1, 9], 1.0),
        ([1, 1, 14, 3], 0.3859649123),
        ([0, 5, 1, 1], 0.2857142857),
        ([10, 2, 3, 15], 0.0005367241191),
    ];
    for ([a, b, c, d], expected) in cases {
        let p = fisher_exact_two_sided(a, b, c, d).unwrap();
        assert!(
            same_to_4_digits(p, expected),
            "[[{a},{b}],[{c},{d}]]: got {p}, SciPy gives {expected}"
        );
    }
    assert!(fisher_exact_two_sided(0, 0, 0, 0).is_none());
}

#[test]
fn fisher_is_symmetric_in_rows_and_columns() {
    let tables = [[0, 5, 14, 3], [3, 7, 8, 2], [10, 2, 3, 15], [1, 1, 14, 3]];
    for [a, b, c, d] in tables {
        let p = fisher_exact_two_sided(a, b, c, d).unwrap();
        for [w, x, y, z] in [[c, d, a, b], [b, a, d, c], [a, c, b, d]] {
            let q = fisher_exact_two_sided(w, x, y, z).unwrap();
            assert!((p - q).abs() < 1e-12, "{p} != {q}");
        }
    }
}
