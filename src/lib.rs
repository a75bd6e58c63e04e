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
//! 4. [`write`]: an alignment → JSONL, CSV, TSV, TMX, Moses or bead (index) files.
//!
//! Beside the pipeline, [`score`] measures an alignment against a gold one, bead files both,
//! by the strict and lax precision and recall of the sentence-alignment benchmarks.
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

pub mod align;
pub mod check;
pub mod corpus;
pub mod error;
mod fnv;
pub mod lexicon;
pub mod read;
pub mod report;
pub mod scan;
pub mod score;
pub mod segment;
pub mod tokens;
pub mod write;

pub use error::{Error, Result};
