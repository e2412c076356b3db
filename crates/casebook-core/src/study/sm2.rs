//! Spaced repetition by SuperMemo's SM-2 algorithm, as P. A. Woźniak published it
//! ("Optimization of learning", master's thesis, Poznań University of Technology, 1990;
//! <https://super-memory.com/english/ol/sm2.htm>):
//!
//! 1. every item starts with an E-Factor (easiness) of 2.5;
//! 2. intervals: I(1) = 1 day, I(2) = 6 days, and for n > 2, I(n) = I(n−1) × EF, a
//!    fraction rounded up to the next whole day;
//! 3. each answer is graded 0–5 (5 perfect … 0 blackout);
//! 4. after each repetition, EF′ = EF + (0.1 − (5−q) × (0.08 + (5−q) × 0.02)), never
//!    below 1.3;
//! 5. a grade below 3 starts the item's repetitions again from I(1) without changing EF;
//! 6. on the day, every item graded below 4 is repeated again until it scores at least 4.
//!
//! The text leaves open whether I(n) uses EF before or after the update of repetition n.
//! This module updates EF first (the item's E-Factor "after each repetition") and then
//! takes the interval; with q = 4 throughout EF stays 2.5 and both readings give the
//! well-known sequence 1, 6, 15, 38, 95 days.
//!
//! EF moves in steps of 0.02 for every grade (the formula's terms are multiples of
//! 0.02), so it is kept in hundredths as an integer: no rounding drift over years of
//! reviews, and the published figures reproduce exactly.
//!
//! Days are whole days numbered by the caller (days since 1970-01-01 in local time in
//! the app), so this module never reads a clock.

use serde::{Deserialize, Serialize};

/// The starting E-Factor, in hundredths.
pub const START_EASINESS: u32 = 250;
/// The lowest E-Factor, in hundredths.
pub const MIN_EASINESS: u32 = 130;

/// The longest interval, in days (a century): beyond any study plan, and a bound that
/// keeps the arithmetic of a stored schedule from wrapping.
pub const MAX_INTERVAL: u32 = 36_500;

/// One card's schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Successful repetitions in a row (the n of I(n)).
    pub repetitions: u32,
    /// The last interval, in days.
    pub interval: u32,
    /// The E-Factor in hundredths (250 = 2.5).
    pub easiness: u32,
    /// The day the card is next due.
    pub due: i64,
    /// The day of the last review.
    pub last_review: i64,
    /// Graded below 4 on `last_review`: repeat it again that day (rule 6).
    pub again_today: bool,
}

impl Schedule {
    /// A card never reviewed: due on `today`.
    pub fn new(today: i64) -> Schedule {
        Schedule {
            repetitions: 0,
            interval: 0,
            easiness: START_EASINESS,
            due: today,
            last_review: i64::MIN,
            again_today: false,
        }
    }

    /// True when the card should be reviewed on `today`.
    pub fn is_due(&self, today: i64) -> bool {
        self.due <= today || (self.again_today && self.last_review == today)
    }

    /// The E-Factor as a number (2.5 …).
    pub fn easiness_factor(&self) -> f64 {
        f64::from(self.easiness) / 100.0
    }
}

/// The change of EF for grade `quality`, in hundredths: +10, 0, −14, −32, −54, −80 for
/// 5 … 0 (the formula of rule 4 times 100).
pub fn easiness_change(quality: u8) -> i32 {
    let d = 5 - i32::from(quality.min(5));
    10 - d * (8 + 2 * d)
}

/// The schedule after a review graded `quality` (0–5; above 5 counts as 5) on `today`.
pub fn review(schedule: Schedule, quality: u8, today: i64) -> Schedule {
    let quality = quality.min(5);
    if schedule.again_today && schedule.last_review == today {
        // Rule 6: a same-day repeat is drill; the schedule set by the day's first review
        // stands, and the card leaves today's queue once it scores 4 or more.
        return Schedule {
            again_today: quality < 4,
            ..schedule
        };
    }
    let mut next = schedule;
    next.last_review = today;
    next.again_today = quality < 4;
    if quality < 3 {
        // Rule 5: start again from I(1), E-Factor unchanged.
        next.repetitions = 1;
        next.interval = 1;
    } else {
        let updated = i64::from(schedule.easiness) + i64::from(easiness_change(quality));
        next.easiness = updated.max(i64::from(MIN_EASINESS)) as u32;
        next.repetitions = schedule.repetitions.saturating_add(1);
        next.interval = match next.repetitions {
            1 => 1,
            2 => 6,
            // I(n) = I(n−1) × EF, rounded up: integer arithmetic in hundredths, held at
            // MAX_INTERVAL so no schedule, however it was stored, can wrap around.
            _ => (schedule
                .interval
                .saturating_mul(next.easiness)
                .div_ceil(100))
            .min(MAX_INTERVAL),
        };
    }
    next.due = today.saturating_add(i64::from(next.interval));
    next
}

/// The grades offered to the student, with SM-2's meaning of each.
pub const GRADES: [(u8, &str); 6] = [
    (5, "Perfect"),
    (4, "Correct after a hesitation"),
    (3, "Correct with serious difficulty"),
    (2, "Wrong, but the answer seemed easy once seen"),
    (1, "Wrong; I remembered the answer once seen"),
    (0, "Complete blackout"),
];
