//! `paralign read`: what paralign understood of one document.

use super::io::{output_path, read_input, refuse_output_over_input, write_output};
use paralign::read::{InputFormat, Text};
use paralign::segment::{self, Document, Language};
use paralign::{corpus, Result};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// Print what paralign understood of one document: each paragraph with its label, kind
/// (cover, title, opening, preamble, operative, sub_paragraph, heading, footnote, closing,
/// text) and page, then the lines dropped as page furniture, with the reason. Use it to see why
/// an alignment went wrong.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  paralign read data/A-RES-58-135.fr.txt\n  paralign read en.txt --format jsonl | jq -c 'select(.kind == \"operative\")'"
)]
pub struct Args {
    /// The document (`-` for standard input).
    pub file: PathBuf,
    /// Output format: text (one paragraph a line, for people) or jsonl (one object a paragraph,
    /// then one a dropped line).
    #[arg(short, long, value_name = "FORMAT", value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The document's language (default: told from the text).
    #[arg(long, value_name = "LANG", value_enum)]
    pub language: Option<LanguageArg>,
    /// Read the file in this encoding instead of detecting it (any WHATWG label).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Output file. Standard output when absent.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub limit: super::InputLimit,
}

/// What `paralign read` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One paragraph a line: label, kind, page and text.
    Text,
    /// JSON lines: `{"label", "kind", "text", "page", "line", "markers"}` a paragraph, then
    /// `{"dropped", "text", "line"}` a dropped line.
    Jsonl,
}

/// The languages `--language` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LanguageArg {
    En,
    Fr,
}

pub fn run(args: &Args) -> Result<()> {
    let read = super::read_options(args.encoding.as_deref(), args.limit)?;
    let output = output_path(args.output.as_deref());
    refuse_output_over_input(&output.into_iter().collect::<Vec<_>>(), &[&args.file])?;
    let text = read_input(&args.file, &read)?;
    let language = match args.language {
        Some(LanguageArg::En) => Language::En,
        Some(LanguageArg::Fr) => Language::Fr,
        None => corpus::guess_language(&text.content),
    };
    let document = segment::segment(&text, language);
    let view = View::of(&text, &document);
    write_output(output, |mut w| {
        match args.format {
            Format::Jsonl => view.jsonl(&mut w)?,
            Format::Text => view.text(&mut w)?,
        }
        w.flush()
    })
}

/// A document as `paralign read` shows it: its paragraphs and dropped lines with the line and
/// page each starts on.
struct View<'a> {
    text: &'a Text,
    document: &'a Document,
    /// Byte offset of the start of each line of the text, for line numbers.
    line_starts: Vec<usize>,
    /// Byte offset of the start of each page after the first, where the text has pages.
    page_starts: Option<Vec<usize>>,
}

#[derive(Serialize)]
struct ParagraphRecord<'a> {
    label: &'a str,
    kind: segment::Part,
    text: &'a str,
    /// The page the paragraph starts on, 1-based; null for plain text and Word documents, which have no pages.
    page: Option<usize>,
    /// The line of the text it starts on, 1-based.
    line: usize,
    /// Footnote markers removed from its words.
    markers: &'a [u32],
}

#[derive(Serialize)]
struct DroppedRecord<'a> {
    dropped: segment::DropReason,
    text: &'a str,
    line: usize,
    page: Option<usize>,
}

impl<'a> View<'a> {
    fn of(text: &'a Text, document: &'a Document) -> View<'a> {
        let bytes = text.content.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(bytes.iter().enumerate().filter(|&(_, &b)| b == b'\n').map(|(i, _)| i + 1))
            .collect();
        // Plain text has no pages: a form feed in it is where an extractor saw one, which is
        // worth a page number only once a reader of paged formats says so.
        let paged = !matches!(
            text.format,
            InputFormat::Text | InputFormat::Docx | InputFormat::Odt | InputFormat::Doc
        );
        let page_starts = paged.then(|| {
            bytes.iter().enumerate().filter(|&(_, &b)| b == b'\x0c').map(|(i, _)| i).collect()
        });
        View { text, document, line_starts, page_starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    fn page_of(&self, offset: usize) -> Option<usize> {
        self.page_starts.as_ref().map(|p| 1 + p.partition_point(|&s| s < offset))
    }

    /// The byte offset of the start of 1-based line `line`.
    fn offset_of_line(&self, line: usize) -> usize {
        self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(self.text.content.len())
    }

    fn paragraphs(&self) -> impl Iterator<Item = ParagraphRecord<'_>> {
        self.document.paragraphs.iter().map(|p| ParagraphRecord {
            label: &p.label.name,
            kind: p.part,
            text: &p.text,
            page: self.page_of(p.span.start),
            line: self.line_of(p.span.start),
            markers: &p.markers,
        })
    }

    fn dropped(&self) -> impl Iterator<Item = DroppedRecord<'_>> {
        self.document.dropped.iter().map(|d| DroppedRecord {
            dropped: d.reason,
            text: &d.text,
            line: d.line,
            page: self.page_of(self.offset_of_line(d.line)),
        })
    }

    fn jsonl(&self, w: &mut dyn Write) -> std::io::Result<()> {
        for p in self.paragraphs() {
            serde_json::to_writer(&mut *w, &p)?;
            w.write_all(b"\n")?;
        }
        for d in self.dropped() {
            serde_json::to_writer(&mut *w, &d)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }

    fn text(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let d = self.document;
        writeln!(
            w,
            "{}: {} ({}, {}), {} paragraphs, {}",
            d.source,
            d.symbol.as_deref().unwrap_or("no symbol found"),
            self.text.format.name(),
            self.text.encoding.name(),
            d.paragraphs.len(),
            d.dropped_summary()
        )?;
        let width = d.paragraphs.iter().map(|p| p.label.name.chars().count()).max().unwrap_or(0);
        for p in self.paragraphs() {
            let kind = p.kind.name();
            let page = p.page.map(|n| format!(" p.{n}")).unwrap_or_default();
            writeln!(w, "{:width$}  {kind:13}{page} {}", p.label, p.text)?;
        }
        for x in self.dropped() {
            let reason = x.dropped.name();
            writeln!(w, "dropped ({reason}, line {}): {}", x.line, x.text)?;
        }
        Ok(())
    }
}
