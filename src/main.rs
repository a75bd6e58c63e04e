//! The `paralign` binary: parses the command line, runs one subcommand, prints an error once.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(&args) {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`paralign align … | head`) is the reader's choice, not a failure.
        Err(paralign::Error::Write { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("paralign: {e}");
            ExitCode::from(2)
        }
    }
}
