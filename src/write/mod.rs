//! Writers: an [`Alignment`] → JSONL, CSV, TSV, TMX, Moses or beads.
//!
//! Every format is a [`UnitWriter`]: it is fed one bead at a time, possibly from several
//! alignments (batch mode writes one memory for many documents), and [`UnitWriter::finish`]
//! writes the trailer and flushes. Writers buffer internally, so any `io::Write` will do.
//! What each format cannot carry (control characters, line breaks inside a line) is cleaned
//! by the functions in `text.rs`, the same way for every writer that needs them.

mod beads;
mod csv;
mod jsonl;
mod moses;
pub(crate) mod text;
mod tmx;

pub use self::beads::BeadsWriter;
pub use self::csv::CsvWriter;
pub use self::jsonl::JsonlWriter;
pub use self::moses::MosesWriter;
pub use self::text::excel_safe;
pub use self::tmx::TmxWriter;

use crate::align::{Alignment, Bead};
use std::io::{self, Write};
use std::path::Path;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object a unit, one a line.
    Jsonl,
    /// Comma-separated values with a header row (RFC 4180).
    Csv,
    /// Tab-separated values with a header row; tabs and line breaks in texts become spaces.
    Tsv,
    /// A TMX 1.4b translation memory, one `<tu>` a unit.
    Tmx,
    /// Two line-aligned plain-text files, one per language.
    Moses,
    /// Paragraph indices only, one bead a line (`[3, 4]:[3]`): the benchmarks' gold format.
    Beads,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 6] =
        [Format::Jsonl, Format::Csv, Format::Tsv, Format::Tmx, Format::Moses, Format::Beads];

    /// The format named on the command line (`jsonl`, `csv`, `tsv`, `tmx`, `moses`, `beads`).
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The format an output path's extension asks for. Moses is never guessed: its outputs
    /// are a pair of files whose `.en`/`.fr` suffixes say nothing about the format.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        Format::from_name(ext).filter(|f| *f != Format::Moses)
    }

    /// The name `--format` takes; also the file extension, except for `moses`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Tmx => "tmx",
            Format::Moses => "moses",
            Format::Beads => "beads",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Bytes every writer buffers before it writes to its output, the one buffer between a writer
/// and its file: a batch writes hundreds of megabytes through seven files, and 256 KiB makes
/// 32 times fewer system calls than `BufWriter`'s default 8 KiB (stop 10: part of 3.05 →
/// 2.60 s on the 10,000-pair batch benchmark).
pub const BUFFER_BYTES: usize = 1 << 18;

/// `out` behind the writers' buffer.
fn buffered<W: Write>(out: W) -> io::BufWriter<W> {
    io::BufWriter::with_capacity(BUFFER_BYTES, out)
}

/// A sink for alignment units.
pub trait UnitWriter {
    /// Writes one bead of `alignment` (formats that need both sides skip one-sided beads).
    fn write_unit(&mut self, alignment: &Alignment, bead: &Bead) -> io::Result<()>;

    /// Writes the trailer, if the format has one, and flushes. Without it the output may be
    /// incomplete: dropping a writer flushes but cannot report errors or close a TMX body.
    fn finish(&mut self) -> io::Result<()>;
}

/// Writes every bead of `alignment`, then finishes.
pub fn write_all(alignment: &Alignment, w: &mut dyn UnitWriter) -> io::Result<()> {
    for bead in &alignment.beads {
        w.write_unit(alignment, bead)?;
    }
    w.finish()
}

/// A writer of `format` on `out`; Moses writes English to `out` and French to `out_fr`, which
/// only Moses takes.
pub fn writer_for(
    format: Format,
    out: Box<dyn Write + Send>,
    out_fr: Option<Box<dyn Write + Send>>,
) -> io::Result<Box<dyn UnitWriter + Send>> {
    let writer: Box<dyn UnitWriter + Send> = match (format, out_fr) {
        (Format::Moses, Some(fr)) => Box::new(MosesWriter::new(out, fr)),
        (Format::Moses, None) => return Err(invalid("the moses format needs a French output")),
        (_, Some(_)) => return Err(invalid("only the moses format has a second output")),
        (Format::Jsonl, None) => Box::new(JsonlWriter::new(out)),
        (Format::Csv, None) => Box::new(CsvWriter::csv(out)),
        (Format::Tsv, None) => Box::new(CsvWriter::tsv(out)),
        (Format::Tmx, None) => Box::new(TmxWriter::new(out)),
        (Format::Beads, None) => Box::new(BeadsWriter::new(out)),
    };
    Ok(writer)
}

fn invalid(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

/// Both sides non-empty: the only beads that bilingual formats (TMX, Moses) can hold.
fn is_pair(bead: &Bead) -> bool {
    !bead.en.is_empty() && !bead.fr.is_empty()
}

/// A score as written in every format: 4 decimals.
fn score_4(score: f64) -> f64 {
    (score * 1e4).round() / 1e4
}

/// The score in text formats, with the same rounding as [`score_4`] so that formats agree.
fn score_text(score: f64) -> String {
    // Scores lie in [0, 1]: written from the integer count of ten-thousandths, the same digits
    // as `{:.4}` (score_4 gives the double nearest k / 10⁴), without the float formatter,
    // which every unit of every text format would call.
    if score.is_sign_positive() && score <= 1e9 {
        let k = (score * 1e4).round() as u64;
        format!("{}.{:04}", k / 10_000, k % 10_000)
    } else {
        format!("{:.4}", score_4(score))
    }
}

/// A hand-built alignment whose texts hold what breaks writers.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::align::{Alignment, Bead};
    use crate::segment::{Document, Label, Language, Paragraph, Part};

    pub(crate) const EN: [&str; 4] = [
        "The General Assembly,",
        "1. Decides & <acts> \"now\"\u{c} at\tonce\nhere\u{2028}there\u{a0}🌍",
        "2. Requests the Secretary-General to report\r\u{1}\u{b}\u{85};",
        "(a) Extra English paragraph;",
    ];
    pub(crate) const FR: [&str; 3] = [
        "L’Assemblée générale,",
        "1. Décide & <agit> « maintenant »\u{c} d’un\tcoup\nici\u{2028}là\u{a0}🌍",
        "2. Prie le Secrétaire général de faire rapport\r\u{1}\u{b}\u{85} ;",
    ];
    pub(crate) const LABELS: [&str; 4] = ["opening", "op.1", "op.2", "op.2.a"];

    fn doc(language: Language, texts: &[&str]) -> Document {
        Document {
            source: format!("{}.txt", language.code()),
            language,
            symbol: Some("A/RES/58/135".into()),
            paragraphs: texts
                .iter()
                .zip(LABELS)
                .map(|(text, name)| Paragraph {
                    text: text.to_string(),
                    label: Label { name: name.into(), anchor: true },
                    part: Part::Text,
                    markers: vec![],
                    span: 0..0,
                    place: Default::default(),
                })
                .collect(),
            dropped: vec![],
        }
    }

    /// Four beads: 1-1, 1-1, 1-1, 1-0; scores with more than 4 decimals.
    pub(crate) fn alignment() -> Alignment {
        let bead = |en: std::ops::Range<usize>, fr: std::ops::Range<usize>, score| Bead {
            en,
            fr,
            score,
            anchored: true,
        };
        Alignment {
            en: doc(Language::En, &EN),
            fr: doc(Language::Fr, &FR),
            beads: vec![
                bead(0..1, 0..1, 1.0),
                bead(1..2, 1..2, 0.973_149),
                bead(2..3, 2..3, 0.5),
                bead(3..4, 3..3, 0.123_46),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_path() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(f));
        }
        assert_eq!(Format::from_name("TMX"), Some(Format::Tmx));
        assert_eq!(Format::from_name("json"), None);
        assert_eq!(Format::from_path(Path::new("out/x.tmx")), Some(Format::Tmx));
        assert_eq!(Format::from_path(Path::new("x.JSONL")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("x.tsv")), Some(Format::Tsv));
        assert_eq!(Format::from_path(Path::new("x.csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("x.beads")), Some(Format::Beads));
        for p in ["x.en", "x.fr", "x", "x.moses", "x.txt", "x.json"] {
            assert_eq!(Format::from_path(Path::new(p)), None, "{p}");
        }
    }

    #[test]
    fn writer_for_checks_outputs() {
        let out = || Box::new(io::sink()) as Box<dyn Write + Send>;
        assert!(writer_for(Format::Moses, out(), None).is_err());
        assert!(writer_for(Format::Tmx, out(), Some(out())).is_err());
        let alignment = fixture::alignment();
        for f in Format::ALL {
            let fr = (f == Format::Moses).then(out);
            let mut w = writer_for(f, out(), fr).expect("writer");
            write_all(&alignment, w.as_mut()).expect("write");
        }
    }

    #[test]
    fn score_text_matches_the_float_formatter() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut scores = vec![
            0.0,
            1.0,
            0.5,
            0.123_45,
            0.987_65,
            0.000_05,
            0.999_95,
            1e-12,
            -0.0,
            -0.25,
            2.5,
            f64::NAN,
        ];
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            scores.push((x >> 11) as f64 / (1u64 << 53) as f64);
        }
        scores.extend((0..=20_000).map(|k| k as f64 / 20_000.0));
        for s in scores {
            assert_eq!(score_text(s), format!("{:.4}", score_4(s)), "{s}");
        }
    }

    #[test]
    fn scores_round_to_4_decimals() {
        assert_eq!(score_4(0.973_149), 0.9731);
        assert_eq!(score_4(0.123_46), 0.1235);
        assert_eq!(score_4(1.0), 1.0);
    }
}
