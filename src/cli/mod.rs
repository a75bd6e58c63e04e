//! The command line: one file per subcommand, each with `run`.

pub mod align;
pub mod check;
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
    Check(check::Args),
}

/// Runs the subcommand; returns the process exit code.
pub fn run(cli: &Cli) -> paralign::Result<u8> {
    match &cli.command {
        Command::Align(args) => align::run(args).map(|()| 0),
        Command::Check(args) => check::run(args),
    }
}
