//! The study page's parts: the staged reveal and the flashcards.

pub mod flashcards;
pub mod staged;
