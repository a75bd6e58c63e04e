//! `paralign stream`: one document pair per line of standard input, its units on standard
//! output, for the engines that pipe records through a program (Spark's `RDD.pipe`, Hadoop
//! streaming, Dask and Ray map steps).

use paralign::corpus::{self, DocumentPair};
use paralign::read;
use paralign::write::{JsonlWriter, UnitWriter};
use paralign::Result;
use serde_json::value::RawValue;
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
    let mut input = stdin.lock();
    let mut stdout = std::io::stdout().lock();
    let mut buf = Vec::new();
    for n in 1.. {
        buf.clear();
        let read = input
            .read_until(b'\n', &mut buf)
            .map_err(|source| paralign::Error::Io { path: "<stdin>".into(), source })?;
        if read == 0 {
            break;
        }
        let mut bytes = buf.strip_suffix(b"\n").unwrap_or(&buf);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if n == 1 {
            // A UTF-8 byte order mark, as Windows tools write one, is not part of the record.
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        // Each line is decoded on its own: one bad record is reported and the stream goes on.
        let result = match std::str::from_utf8(bytes) {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => document(line, n, &config),
            Err(e) => {
                let id = record_id(&String::from_utf8_lossy(bytes));
                Err((id, format!("line {n}: not valid UTF-8 (byte {} is not)", e.valid_up_to())))
            }
        };
        let written = match result {
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
                    id: &'a RawValue,
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

type Failure = (Box<RawValue>, String);

fn null() -> Box<RawValue> {
    RawValue::from_string("null".into()).expect("null is JSON")
}

/// The record's `"id"` exactly as written (null when absent or when the line is no JSON
/// object): ids are echoed, never converted (an integer beyond 64 bits must not become a float).
fn record_id(line: &str) -> Box<RawValue> {
    #[derive(serde::Deserialize)]
    struct Id {
        #[serde(default)]
        id: Option<Box<RawValue>>,
    }
    serde_json::from_str::<Id>(line).ok().and_then(|r| r.id).unwrap_or_else(null)
}

fn document(
    line: &str,
    n: usize,
    config: &paralign::align::AlignConfig,
) -> std::result::Result<(Box<RawValue>, corpus::Aligned), Failure> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| (null(), format!("line {n}: not JSON: {e}")))?;
    let id = record_id(line);
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
