//! `paralign stream`: one document pair per line of standard input, its units on standard
//! output, for the engines that pipe records through a program (Spark's `RDD.pipe`, Hadoop
//! streaming, Dask and Ray map steps).

use paralign::corpus::{self, DocumentPair};
use paralign::read;
use paralign::write::{JsonlWriter, UnitWriter};
use paralign::Result;
use std::io::{BufRead, Write};
use std::path::Path;

/// Align document pairs read as JSON lines on standard input: each line
/// `{"id": …, "en": "<English text>", "fr": "<French text>"}`. For each, writes its units as
/// JSON lines carrying the input's "id" (and "symbol"), flushed after each document; a bad
/// line gets `{"id": …, "error": "…"}` and the stream goes on.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  printf '%s\\n' '{\"id\": 1, \"en\": \"The General Assembly,\\n\\n1. Decides;\", \"fr\": \"L’Assemblée générale,\\n\\n1. Décide ;\"}' | paralign stream"
)]
pub struct Args {
    #[command(flatten)]
    pub align: super::AlignOptions,
}

pub fn run(args: &Args) -> Result<u8> {
    let config = args.align.config();
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|source| paralign::Error::Io { path: "<stdin>".into(), source })?;
        if line.trim().is_empty() {
            continue;
        }
        let written = match document(&line, n + 1, &config) {
            Ok((id, aligned)) => {
                let mut w = JsonlWriter::new(&mut stdout).with_id(id).with_symbol();
                aligned
                    .alignment
                    .beads
                    .iter()
                    .try_for_each(|b| w.write_unit(&aligned.alignment, b))
                    .and_then(|()| w.finish())
            }
            Err((id, error)) => {
                #[derive(serde::Serialize)]
                struct Failed<'a> {
                    id: &'a serde_json::Value,
                    error: &'a str,
                }
                let record = serde_json::to_string(&Failed { id: &id, error: &error })
                    .map_err(std::io::Error::other);
                record.and_then(|r| writeln!(stdout, "{r}")).and_then(|()| stdout.flush())
            }
        };
        if let Err(e) = written {
            // the reader went away: stop quietly, as a pipe stage should
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(0);
            }
            return Err(paralign::Error::Write { path: "<stdout>".into(), source: e });
        }
    }
    // A bad record is reported in the stream, not by the exit code: an engine that pipes
    // records through this program fails the whole task on a non-zero exit.
    Ok(0)
}

type Failure = (serde_json::Value, String);

fn document(
    line: &str,
    n: usize,
    config: &paralign::align::AlignConfig,
) -> std::result::Result<(serde_json::Value, corpus::Aligned), Failure> {
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| (serde_json::Value::Null, format!("line {n}: not JSON: {e}")))?;
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let text = |key: &str| -> std::result::Result<read::Text, Failure> {
        let s = value
            .get(key)
            .and_then(|v| v.as_str())
            .ok_or_else(|| (id.clone(), format!("line {n}: \"{key}\" must be a string")))?;
        // The text of a JSON string is UTF-8: nothing to detect or force.
        read::decode(s.as_bytes(), Path::new(&format!("line {n} {key}")), &Default::default())
            .map_err(|e| (id.clone(), e.to_string()))
    };
    let (en, fr) = (text("en")?, text("fr")?);
    let pair = DocumentPair {
        symbol: String::new(),
        en: format!("line {n} en").into(),
        fr: format!("line {n} fr").into(),
    };
    corpus::align_texts(pair, en, fr, config)
        .map(|a| (id.clone(), a))
        .map_err(|e| (id, e.to_string()))
}
