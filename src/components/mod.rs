//! Components shared by several pages.

pub mod citation;
pub mod cite_this;
pub mod footer;
pub mod glossary_text;
pub mod header;
pub mod kept_aside;
pub mod library;
pub mod pack_failed;
pub mod provenance;
pub mod registry_caveat;
pub mod status_badge;
