//! The command line: one file per subcommand, each with `run`.

pub mod align;
pub mod batch;
pub mod check;
mod io;
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
}

/// The two documents every subcommand reads.
#[derive(Debug, clap::Args)]
pub struct Pair {
    /// English text, as extracted from the PDF or Word file (`-` for standard input).
    pub en: std::path::PathBuf,
    /// French text of the same resolution.
    pub fr: std::path::PathBuf,
    /// What to align: paragraphs (of a resolution), sentences (inside the aligned paragraphs)
    /// or lines (line i of each file is unit i, for text segmented already, in any language).
    #[arg(long, value_name = "UNITS", default_value = "paragraphs", value_parser = io::parse_units)]
    pub units: paralign::align::Units,
    /// Read both files in this encoding instead of detecting it: utf-8, utf-16le, utf-16be,
    /// windows-1252, latin1… (any WHATWG label).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
}

impl Pair {
    /// How to read the two files.
    pub fn read_options(&self) -> paralign::Result<paralign::read::ReadOptions> {
        read_options(self.encoding.as_deref())
    }
}

/// Read options for an `--encoding` value (None: detect).
pub fn read_options(encoding: Option<&str>) -> paralign::Result<paralign::read::ReadOptions> {
    encoding.map_or(
        Ok(paralign::read::ReadOptions::default()),
        paralign::read::ReadOptions::with_encoding_label,
    )
}

/// Runs the subcommand; returns the process exit code.
pub fn run(cli: &Cli) -> paralign::Result<u8> {
    match &cli.command {
        Command::Align(args) => align::run(args).map(|()| 0),
        Command::Check(args) => check::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Stream(args) => stream::run(args),
        Command::Score(args) => score::run(args).map(|()| 0),
    }
}
