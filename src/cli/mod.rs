//! The command line: one file per subcommand, each with `run`.

pub mod align;
pub mod batch;
pub mod check;
mod io;
pub mod read;
pub mod score;
pub mod stream;

use clap::{Parser, Subcommand};

/// Align English and French UN resolutions paragraph by paragraph and write translation
/// memories (TMX, CSV, TSV, JSONL, Moses).
#[derive(Debug, Parser)]
#[command(name = "paralign", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Align(align::Args),
    Check(check::Args),
    Batch(batch::Args),
    Stream(stream::Args),
    Score(score::Args),
    Read(read::Args),
}

/// What to align and how: the options of every subcommand that aligns.
#[derive(Debug, clap::Args)]
pub struct AlignOptions {
    /// What to align: paragraphs (of a resolution), sentences (inside the aligned paragraphs)
    /// or lines (line i of each side is unit i, for text segmented already, in any language).
    #[arg(long, value_name = "UNITS", default_value = "paragraphs", value_parser = io::parse_units)]
    pub units: paralign::align::Units,
    /// Columns the search may stray either side of the path through the numbering anchors:
    /// wider is slower and has not been better on any benchmark.
    #[arg(long, value_name = "N", default_value_t = paralign::align::BAND_SLACK)]
    pub band_slack: usize,
}

impl AlignOptions {
    /// The aligner's settings.
    pub fn config(&self) -> paralign::align::AlignConfig {
        paralign::align::AlignConfig { units: self.units, band_slack: self.band_slack }
    }

    /// The settings of a run that reads files in `encoding` (None: detect), each at most
    /// `limit` long.
    pub fn settings(
        &self,
        encoding: Option<&str>,
        limit: InputLimit,
    ) -> paralign::Result<paralign::corpus::Settings> {
        Ok(paralign::corpus::Settings {
            read: read_options(encoding, limit)?,
            align: self.config(),
        })
    }
}

/// `--max-input`, on every subcommand that reads documents.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct InputLimit {
    /// The most one document may hold, in bytes or with K, M or G (powers of 1024: 64M, 1G); a
    /// longer file or stream is refused, so that an endless input ends. In `stream`, the most
    /// one record line may hold.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = paralign::read::parse_size)]
    pub max_input: u64,
}

/// Read options for an `--encoding` value (None: detect) and a `--max-input`.
pub fn read_options(
    encoding: Option<&str>,
    limit: InputLimit,
) -> paralign::Result<paralign::read::ReadOptions> {
    let options = encoding.map_or(
        Ok(paralign::read::ReadOptions::default()),
        paralign::read::ReadOptions::with_encoding_label,
    )?;
    Ok(paralign::read::ReadOptions { max_input: limit.max_input, ..options })
}

/// The two documents `align` and `check` read.
#[derive(Debug, clap::Args)]
pub struct Pair {
    /// English text, as extracted from the PDF or Word file (`-` for standard input).
    pub en: std::path::PathBuf,
    /// French text of the same resolution.
    pub fr: std::path::PathBuf,
    #[command(flatten)]
    pub align: AlignOptions,
    /// Read both files in this encoding instead of detecting it: utf-8, utf-16le, utf-16be,
    /// windows-1252, latin1… (any WHATWG label).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    #[command(flatten)]
    pub limit: InputLimit,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(cli: &Cli) -> paralign::Result<u8> {
    io::remove_temporary_files_on_signal();
    match &cli.command {
        Command::Align(args) => align::run(args).map(|()| 0),
        Command::Check(args) => check::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Stream(args) => stream::run(args),
        Command::Score(args) => score::run(args).map(|()| 0),
        Command::Read(args) => read::run(args).map(|()| 0),
    }
}
