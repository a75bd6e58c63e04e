//! The integration tests, one module per area, linked into one test binary (one link instead of
//! one per file). Run one area with `cargo test --test it align::`, one test with
//! `cargo test --test it score::hand_computed_example`.
//!
//! `support` holds the helpers and the rule for missing data and tools: "skipped: …" on
//! stderr, a failure under `CI=true`.

mod support;

mod align;
mod batch;
mod check;
mod docx;
mod extractors;
mod faults;
mod formats;
mod hostile;
mod limits;
mod pdf;
mod pdf_shape;
mod properties;
mod read;
mod score;
mod units;
