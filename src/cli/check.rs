//! `paralign check`: is the French complete and consistent with the English?

use super::io::{load_alignment, output_path, refuse_output_over_input, write_output};
use paralign::check::{check, Severity};
use paralign::{report, Error, Result};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Check that a translation is complete and consistent with the original: paragraphs with no
/// counterpart, numbering, numbers, dates and symbols, footnotes, suspected partial
/// translations. Exit code 0 when nothing is flagged, 1 when findings exist, 2 on a usage or
/// input error.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  paralign check data/A-RES-58-135.en.txt data/A-RES-58-135.fr.txt\n  paralign check en.txt fr.txt --format json\n  paralign check en.txt fr.txt -o review.html        # side-by-side page for a reviser\n  paralign check en.txt fr.txt --fail-on error       # exit 1 only for errors"
)]
pub struct Args {
    #[command(flatten)]
    pub pair: super::Pair,
    /// Output file; the format follows its extension (.txt, .json, .html). Standard output
    /// when absent.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Report format.
    #[arg(short, long, value_name = "FORMAT", value_enum)]
    pub format: Option<Format>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_name = "SEVERITY", value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
}

/// A report format, by `--format` or by the extension of `-o`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text, coloured on a terminal.
    #[value(alias = "txt")]
    Text,
    /// One JSON object.
    Json,
    /// A side-by-side page for a reviser.
    #[value(alias = "htm")]
    Html,
}

/// The lowest severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Exit 1 on errors only.
    Error,
    /// Exit 1 on errors and warnings.
    Warning,
    /// Exit 1 on any finding.
    Info,
    /// Always exit 0 once the report is written.
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// Runs the check; returns the exit code (0 or 1).
pub fn run(args: &Args) -> Result<u8> {
    let output = output_path(args.output.as_deref());
    let format = match args.format {
        Some(format) => format,
        None => format_of(output)?,
    };
    refuse_output_over_input(
        &output.into_iter().collect::<Vec<_>>(),
        &[&args.pair.en, &args.pair.fr],
    )?;
    let threshold = args.fail_on.threshold();
    let alignment = load_alignment(&args.pair)?.alignment;
    let found = check(&alignment);
    let colour = output.is_none() && std::io::stdout().is_terminal();
    write_output(output, |w| match format {
        Format::Text => report::text(&found, &alignment, colour, w),
        Format::Json => report::json(&found, &alignment, w),
        Format::Html => report::html(&found, &alignment, w),
    })?;
    let failed = threshold.is_some_and(|t| found.findings.iter().any(|f| f.severity >= t));
    Ok(u8::from(failed))
}

/// The format an output path's extension asks for; text without one.
fn format_of(output: Option<&Path>) -> Result<Format> {
    use clap::ValueEnum;
    let Some(ext) = output.and_then(|o| o.extension()).map(|e| e.to_string_lossy()) else {
        return Ok(Format::Text);
    };
    Format::from_str(&ext, true)
        .map_err(|_| Error::Usage(format!("unknown report format '{ext}' (text, json, html)")))
}
