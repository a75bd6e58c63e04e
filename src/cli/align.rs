//! `paralign align`: one English and one French file → their paragraph alignment.

use super::io::{
    choose_format, load_alignment, output_path, refuse_output_over_input, write_output, AtomicFile,
    OutputFormat,
};
use paralign::write::{self, CsvWriter, Format, UnitWriter};
use paralign::{align, Error, Result};
use std::path::{Path, PathBuf};

/// Align the English and French text of one UN resolution, paragraph by paragraph.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  paralign align data/A-RES-58-135.en.txt data/A-RES-58-135.fr.txt\n  paralign align en.txt fr.txt -o memory.tmx\n  paralign align en.txt fr.txt --format moses -o corpus   # writes corpus.en and corpus.fr"
)]
pub struct Args {
    #[command(flatten)]
    pub pair: super::Pair,
    /// Output file; the format follows its extension (.jsonl, .csv, .tsv, .tmx, .beads).
    /// Standard output when absent. For moses, the prefix of OUT.en and OUT.fr.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Output format (beads: paragraph indices, `[0, 1]:[0]`, for `paralign score`).
    #[arg(short, long, value_name = "FORMAT", value_enum)]
    pub format: Option<OutputFormat>,
    /// Print what was read (reader, encoding, paragraphs, dropped lines, units per kind) on standard
    /// error.
    #[arg(short, long)]
    pub verbose: bool,
    /// CSV and TSV: put an apostrophe before every cell that starts with =, +, -, @, a tab or
    /// a carriage return, so that a spreadsheet does not run it as a formula (the cell is then
    /// no longer exactly the source text).
    #[arg(long)]
    pub excel_safe: bool,
}

pub fn run(args: &Args) -> Result<()> {
    // Every option is checked, and the outputs named, before any input is read.
    let output = output_path(args.output.as_deref());
    let format = choose_format(args.format, output)?;
    if args.excel_safe && !matches!(format, Format::Csv | Format::Tsv) {
        return Err(Error::Usage(format!(
            "--excel-safe applies to csv and tsv output, not {format}"
        )));
    }
    let outputs = match (output, format) {
        (None, Format::Moses) => {
            return Err(Error::Usage("the moses format writes two files: give -o PREFIX".into()))
        }
        (Some(out), Format::Moses) => vec![suffixed(out, "en"), suffixed(out, "fr")],
        (out, _) => out.map(Path::to_path_buf).into_iter().collect(),
    };
    let outputs: Vec<&Path> = outputs.iter().map(PathBuf::as_path).collect();
    refuse_output_over_input(&outputs, &[&args.pair.en, &args.pair.fr])?;
    let loaded = load_alignment(&args.pair)?;
    let alignment = loaded.alignment;
    if args.verbose {
        eprintln!("{}", summary(&alignment, loaded.encodings, loaded.formats));
    }
    // The output is still written: the user may want to see it, and a pipeline may not stop.
    if let Some(f) = paralign::check::mismatch(&alignment) {
        eprintln!(
            "paralign: warning: {} / {}: {}; this alignment is not reliable",
            alignment.en.source, alignment.fr.source, f.detail
        );
    }
    match (outputs.as_slice(), format) {
        (&[en_path, fr_path], Format::Moses) => {
            let (en_file, fr_file) = (AtomicFile::create(en_path)?, AtomicFile::create(fr_path)?);
            let mut w = write::writer_for(format, en_file.writer()?, Some(fr_file.writer()?))
                .map_err(|e| Error::Usage(e.to_string()))?;
            write::write_all(&alignment, w.as_mut())
                .map_err(|source| Error::Write { path: en_path.into(), source })?;
            drop(w);
            en_file.commit()?;
            fr_file.commit()
        }
        (_, _) => write_output(output, |w| {
            let mut writer: Box<dyn UnitWriter + Send> = match format {
                Format::Csv if args.excel_safe => Box::new(CsvWriter::csv(w).excel_safe()),
                Format::Tsv if args.excel_safe => Box::new(CsvWriter::tsv(w).excel_safe()),
                _ => write::writer_for(format, w, None)?,
            };
            write::write_all(&alignment, writer.as_mut())
        }),
    }
}

/// `OUT` + `.en`: the Moses convention of one file per language with a language suffix.
fn suffixed(path: &Path, language: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(language);
    PathBuf::from(name)
}

fn summary(
    a: &align::Alignment,
    encodings: [&'static encoding_rs::Encoding; 2],
    formats: [paralign::read::InputFormat; 2],
) -> String {
    let mut kinds: std::collections::BTreeMap<std::borrow::Cow<'static, str>, usize> =
        Default::default();
    for b in &a.beads {
        *kinds.entry(b.kind()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.into_iter().map(|(k, n)| format!("{k}: {n}")).collect();
    format!(
        "{}: {}, {}, {} paragraphs, {}\n{}: {}, {}, {} paragraphs, {}\n{} units ({})",
        a.en.source,
        formats[0].name(),
        encodings[0].name(),
        a.en.paragraphs.len(),
        a.en.dropped_summary(),
        a.fr.source,
        formats[1].name(),
        encodings[1].name(),
        a.fr.paragraphs.len(),
        a.fr.dropped_summary(),
        a.beads.len(),
        kinds.join(", ")
    )
}
