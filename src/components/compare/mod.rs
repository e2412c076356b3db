//! Components of the comparison view: a sourced cell, the outcome chart, the contrasts.

pub mod cell;
pub mod contrast;
pub mod outcome_chart;
