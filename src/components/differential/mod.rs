//! Components of the `/differential` view, and its state.

pub mod diagnosis;
pub mod finding;
pub mod next_questions;
pub mod state;
pub mod stepper;
pub mod workup;
