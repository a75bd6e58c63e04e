//! `paralign check`: is the French complete and consistent with the English?

use super::io::{load_alignment, write_output};
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
    /// Report format: text, json or html.
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Lowest severity that makes the exit code 1: error, warning, info or never.
    #[arg(long, value_name = "SEVERITY", default_value = "warning")]
    pub fail_on: String,
}

enum Format {
    Text,
    Json,
    Html,
}

/// Runs the check; returns the exit code (0 or 1).
pub fn run(args: &Args) -> Result<u8> {
    let format = format(args.format.as_deref(), args.output.as_deref())?;
    let threshold = match args.fail_on.as_str() {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        "never" => None,
        other => {
            return Err(Error::Usage(format!(
                "--fail-on takes error, warning, info or never, not '{other}'"
            )))
        }
    };
    let alignment = load_alignment(&args.pair)?.alignment;
    let found = check(&alignment);
    let colour = args.output.is_none() && std::io::stdout().is_terminal();
    write_output(args.output.as_deref(), |w| match format {
        Format::Text => report::text(&found, &alignment, colour, w),
        Format::Json => report::json(&found, &alignment, w),
        Format::Html => report::html(&found, &alignment, w),
    })?;
    let failed = threshold.is_some_and(|t| found.findings.iter().any(|f| f.severity >= t));
    Ok(u8::from(failed))
}

fn format(name: Option<&str>, output: Option<&Path>) -> Result<Format> {
    let name =
        name.map(str::to_string).or_else(|| output?.extension()?.to_str().map(str::to_lowercase));
    match name.as_deref() {
        None | Some("text" | "txt") => Ok(Format::Text),
        Some("json") => Ok(Format::Json),
        Some("html" | "htm") => Ok(Format::Html),
        Some(other) => {
            Err(Error::Usage(format!("unknown report format '{other}' (text, json, html)")))
        }
    }
}
