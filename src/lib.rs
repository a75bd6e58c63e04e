//! paralign aligns the English and French versions of a United Nations resolution paragraph by
//! paragraph and writes translation memories.
//!
//! The library is a pipeline, one module a stage, each stage using only the stages before it:
//!
//! 1. [`read`]: bytes → [`read::Text`] (BOM, encodings, line endings), keeping the file name;
//! 2. [`segment`]: text → [`segment::Document`], a list of labelled [`segment::Paragraph`]s
//!    (cover lines, title, preamble, operative paragraphs, sub-paragraphs, annexes, footnotes,
//!    closing), with page headers and page numbers dropped and counted;
//! 3. [`align`]: two documents → [`align::Alignment`], a list of [`align::Bead`]s found by
//!    numbering anchors and a banded dynamic programme over length and shared content;
//! 4. [`mod@write`]: an alignment → JSONL, CSV, TSV, TMX, Moses or bead (index) files;
//! 5. [`check`]: an alignment → a [`check::Report`] of what is missing or different, which
//!    [`report`] prints as text, JSON or an HTML page.
//!
//! [`corpus`] runs the pipeline over many document pairs in parallel (`paralign batch` and
//! `paralign stream`), pairing files by the document symbol they carry. Beside the pipeline,
//! [`score`] measures an alignment against a gold one, bead files both, by the strict and lax
//! precision and recall of the sentence-alignment benchmarks.
//!
//! Inside, three leaf modules serve several stages and are not part of the API: `scan` (byte
//! searches), `lexicon` (months and accent folding) and `tokens` (numbers, symbols and dates
//! in canonical form, which the aligner hashes and the checker compares), with `fnv`, the
//! crate's one hash.
//!
//! ```
//! use paralign::{align, read, segment};
//! let en = read::Text::new("en.txt", "The General Assembly,\n\n1. Decides to meet;\n");
//! let fr = read::Text::new("fr.txt", "L’Assemblée générale,\n\n1. Décide de se réunir ;\n");
//! let en = segment::segment(&en, segment::Language::En);
//! let fr = segment::segment(&fr, segment::Language::Fr);
//! let alignment = align::align(en, fr, &align::AlignConfig::default());
//! assert_eq!(alignment.beads.len(), 2);
//! assert_eq!(alignment.label(&alignment.beads[1]), "op.1");
//! ```

#![warn(missing_docs, unreachable_pub)]

pub mod align;
pub mod check;
pub mod corpus;
pub mod error;
mod fnv;
mod lexicon;
pub mod read;
pub mod report;
mod scan;
pub mod score;
pub mod segment;
mod tokens;
pub mod write;

pub use error::{Error, Result};
