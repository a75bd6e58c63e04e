//! The `paralign` binary: parses the command line, runs one subcommand, prints an error once.

mod cli;

use clap::Parser;
use std::process::ExitCode;

// Segmenting and aligning make many small strings and vectors per document, on several
// threads in batch mode; mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
