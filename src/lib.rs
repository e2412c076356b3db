//! Casebook's web shell: routes, pages and components that render what the
//! `casebook-core` crate decides. Nothing clinical is computed here.
//!
//! The same [`app::Shell`] renders in the browser (hydrating the prerendered HTML) and in
//! the native prerender step (`src/bin/prerender.rs`), so both produce identical markup.

pub mod app;
pub mod browser;
pub mod components;
pub mod importer;
#[cfg(casebook_island)]
pub mod island;
pub mod library;
pub mod pack;
pub mod pages;
pub mod route;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod ssr;
pub mod storage;
pub mod study_store;
