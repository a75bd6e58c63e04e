//! The command line: one file per subcommand, each with `run`.

pub mod align;
mod io;

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
}

pub fn run(cli: &Cli) -> paralign::Result<()> {
    match &cli.command {
        Command::Align(args) => align::run(args),
    }
}
