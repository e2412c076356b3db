//! One module per route.

pub mod compare;
pub mod differential;
pub mod not_found;
pub mod overview;
pub mod reader;
pub mod search;
pub mod sources;
pub mod study;
pub mod timeline;
