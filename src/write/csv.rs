//! CSV (RFC 4180) and TSV: columns `en,fr,label,kind,score` under a header row.

use super::{score_text, text, UnitWriter};
use crate::align::{Alignment, Bead};
use std::borrow::Cow;
use std::io::{self, Write};

const HEADER: [&str; 5] = ["en", "fr", "label", "kind", "score"];

/// Writes CSV or TSV. The `csv` crate buffers, so no `BufWriter` is needed.
pub struct CsvWriter<W: Write> {
    out: ::csv::Writer<W>,
    clean: fn(&str) -> Cow<'_, str>,
    header_written: bool,
    symbol: bool,
    excel_safe: bool,
}

impl<W: Write> CsvWriter<W> {
    /// RFC 4180: fields quoted when needed, so newlines survive; no BOM.
    pub fn csv(out: W) -> Self {
        Self::with(::csv::WriterBuilder::new(), text::csv_field, out)
    }

    /// Tab-separated and never quoted, the way most TSV readers expect: texts lose their tabs
    /// and line breaks instead, so that a record is one line of five fields.
    pub fn tsv(out: W) -> Self {
        let mut builder = ::csv::WriterBuilder::new();
        builder.delimiter(b'\t').quote_style(::csv::QuoteStyle::Never);
        Self::with(builder, text::tsv_field, out)
    }

    fn with(builder: ::csv::WriterBuilder, clean: fn(&str) -> Cow<'_, str>, out: W) -> Self {
        CsvWriter {
            out: builder.from_writer(out),
            clean,
            header_written: false,
            symbol: false,
            excel_safe: false,
        }
    }

    /// Prefixes with an apostrophe every cell that a spreadsheet would run as a formula
    /// (see [`text::excel_safe`]). Off by default, since it changes the text.
    pub fn excel_safe(mut self) -> Self {
        self.excel_safe = true;
        self
    }

    /// Adds a first column `symbol`: the document each unit comes from (batch mode).
    pub fn with_symbol(mut self) -> Self {
        self.symbol = true;
        self
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            let symbol = self.symbol.then_some("symbol");
            self.out.write_record(symbol.into_iter().chain(HEADER)).map_err(io_error)?;
        }
        Ok(())
    }
}

/// A CSV error as an I/O error, keeping the kind of an I/O failure: a closed pipe stays
/// `BrokenPipe`, which the binary takes for the reader's choice (csv's own conversion makes
/// every error `Other`).
fn io_error(e: ::csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

impl<W: Write> UnitWriter for CsvWriter<W> {
    fn write_unit(&mut self, alignment: &Alignment, bead: &Bead) -> io::Result<()> {
        self.header()?;
        let clean = self.clean;
        let (en, fr) = (alignment.en_text(bead), alignment.fr_text(bead));
        let (kind, score) = (bead.kind(), score_text(bead.score));
        let symbol = self.symbol.then(|| clean(alignment.symbol().unwrap_or("")));
        let record =
            [clean(&en), clean(&fr), clean(alignment.label(bead)), clean(&kind), clean(&score)];
        let fields = symbol.iter().chain(record.iter());
        if self.excel_safe {
            self.out
                .write_record(fields.map(|f| text::excel_safe(f).into_owned()))
                .map_err(io_error)?;
        } else {
            self.out.write_record(fields.map(|f| f.as_bytes())).map_err(io_error)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{fixture, write_all};

    fn output(tsv: bool) -> String {
        let mut out = vec![];
        let mut w = if tsv { CsvWriter::tsv(&mut out) } else { CsvWriter::csv(&mut out) };
        write_all(&fixture::alignment(), &mut w).expect("write");
        drop(w);
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn csv_parses_back() {
        let out = output(false);
        assert!(out.starts_with("en,fr,label,kind,score\n"));
        let mut reader = ::csv::Reader::from_reader(out.as_bytes());
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("record").iter().map(String::from).collect())
            .collect();
        let row = |en: &str, fr: &str, label: &str, kind: &str, score: &str| {
            vec![en.to_string(), fr.to_string(), label.into(), kind.into(), score.into()]
        };
        assert_eq!(
            rows,
            vec![
                row(fixture::EN[0], fixture::FR[0], "opening", "1-1", "1.0000"),
                // The form feed is gone; tab, newline, U+2028, NBSP and emoji stay.
                row(
                    "1. Decides & <acts> \"now\"  at\tonce\nhere\u{2028}there\u{a0}🌍",
                    "1. Décide & <agit> « maintenant »  d’un\tcoup\nici\u{2028}là\u{a0}🌍",
                    "op.1",
                    "1-1",
                    "0.9731"
                ),
                row(
                    "2. Requests the Secretary-General to report    ;",
                    "2. Prie le Secrétaire général de faire rapport     ;",
                    "op.2",
                    "1-1",
                    "0.5000"
                ),
                row(fixture::EN[3], "", "op.2.a", "1-0", "0.1235"),
            ]
        );
    }

    #[test]
    fn tsv_is_one_unquoted_record_per_line() {
        let out = output(true);
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines.len(), 6, "header, four beads, and the final newline: {out:?}");
        assert_eq!(lines[0], "en\tfr\tlabel\tkind\tscore");
        assert_eq!(lines[5], "");
        assert_eq!(
            lines[2],
            "1. Decides & <acts> \"now\"  at once here there\u{a0}🌍\t\
             1. Décide & <agit> « maintenant »  d’un coup ici là\u{a0}🌍\top.1\t1-1\t0.9731"
        );
        assert_eq!(lines[4], "(a) Extra English paragraph;\t\top.2.a\t1-0\t0.1235");
        for line in &lines[..5] {
            assert_eq!(line.split('\t').count(), 5, "{line:?}");
            let bad = |c: char| c != '\t' && (c.is_control() || text::is_line_break(c));
            assert!(!line.chars().any(bad), "{line:?}");
        }
        // Quotes in the texts are written as they are, never doubled.
        assert_eq!(out.matches('"').count(), 2);
    }

    #[test]
    fn excel_safe_prefixes_formula_cells_only() {
        let mut a = fixture::alignment();
        a.en.paragraphs[0].text = "=HYPERLINK(\"http://x\")".into();
        a.fr.paragraphs[0].text = "-1 +2".into();
        a.en.paragraphs[3].text = "@cmd".into();
        for tsv in [false, true] {
            let mut out = vec![];
            let w = if tsv { CsvWriter::tsv(&mut out) } else { CsvWriter::csv(&mut out) };
            write_all(&a, &mut w.excel_safe()).expect("write");
            let mut reader = ::csv::ReaderBuilder::new()
                .delimiter(if tsv { b'\t' } else { b',' })
                .quoting(!tsv)
                .from_reader(&out[..]);
            let rows: Vec<::csv::StringRecord> =
                reader.records().map(|r| r.expect("record")).collect();
            assert_eq!(&rows[0][0], "'=HYPERLINK(\"http://x\")");
            assert_eq!(&rows[0][1], "'-1 +2");
            assert_eq!(&rows[3][0], "'@cmd");
            assert!(rows[1][0].starts_with("1. Decides"), "{:?}", &rows[1][0]);
        }
    }

    #[test]
    fn empty_alignment_still_has_a_header() {
        let mut out = vec![];
        CsvWriter::csv(&mut out).finish().expect("finish");
        assert_eq!(out, b"en,fr,label,kind,score\n");
    }
}
