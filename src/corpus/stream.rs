//! The record loop of `paralign stream`: one document pair per line of JSON, its units as JSON
//! lines, each line decoded on its own so that one bad record is an error record and the rest
//! go on. In the library, so that the fuzz target `stream` runs what the command runs.

use crate::corpus::{self, DocumentPair};
use crate::read;
use crate::write::{JsonlWriter, UnitWriter};
use crate::Result;
use serde_json::value::RawValue;
use std::io::{BufRead, Write};
use std::path::Path;

/// Reads records `{"id": …, "en": "<English text>", "fr": "<French text>"}` from `input`, one
/// a line, and writes each document's units to `output` as JSON lines carrying the record's
/// `"id"` exactly as written (and `"symbol"`), flushed after each document. A bad line (not
/// JSON, not UTF-8, longer than `limit` bytes, a text that is no string or cannot be aligned)
/// gets `{"id": …, "error": "line N: …"}` and the stream goes on. Ends with `Ok(0)` at the
/// end of the input or when the reader of `output` goes away (a broken pipe); an error only
/// for input that is binary data (a NUL byte), an input that cannot be read, or another write
/// failure. Errors name the input `<stdin>` and the output `<stdout>`, as the command sees them.
pub fn run(
    input: &mut impl BufRead,
    output: &mut impl Write,
    limit: u64,
    config: &crate::align::AlignConfig,
) -> Result<u8> {
    let mut buf = Vec::new();
    for n in 1.. {
        let line = next_line(input, &mut buf, limit, n)?;
        let refused = match line {
            Line::End => break,
            Line::Record => None,
            Line::TooLong => Some(format!(
                "line {n}: longer than {} (--max-input): skipped",
                read::show_size(limit)
            )),
            Line::OutOfMemory => Some(format!("line {n}: not enough memory for this record")),
        };
        if let Some(error) = refused {
            // Reported at once, then the rest of the line is passed over without keeping it.
            let written = write_error(&mut *output, &null(), &error);
            if let Err(e) = written {
                return finish_on_write_error(e);
            }
            skip_line(input, n)?;
            continue;
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
            Ok(line) => match read::ensure_room(Path::new(&format!("line {n}")), line.len()) {
                Ok(()) => document(line, n, config),
                Err(e) => Err((record_id(line), e.to_string())),
            },
            Err(e) => {
                let id = record_id(&String::from_utf8_lossy(bytes));
                Err((id, format!("line {n}: not valid UTF-8 (byte {} is not)", e.valid_up_to())))
            }
        };
        let written = match result {
            Ok((id, aligned)) => {
                let mut w = JsonlWriter::new(&mut *output).with_id(id).with_symbol();
                aligned
                    .alignment
                    .beads
                    .iter()
                    .try_for_each(|b| w.write_unit(&aligned.alignment, b))
                    .and_then(|()| w.finish())
            }
            Err((id, error)) => write_error(&mut *output, &id, &error),
        };
        if let Err(e) = written {
            return finish_on_write_error(e);
        }
    }
    // A bad record is reported in the stream, not by the exit code: an engine that pipes
    // records through this program fails the whole task on a non-zero exit.
    Ok(0)
}

/// The end of a run whose output failed: the reader went away (stop quietly, as a pipe stage
/// should), or a real write error.
fn finish_on_write_error(e: std::io::Error) -> Result<u8> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Ok(0);
    }
    Err(crate::Error::Write { path: "<stdout>".into(), source: e })
}

/// Writes the error record `{"id": …, "error": …}` of a line, and flushes it.
fn write_error(out: &mut impl Write, id: &RawValue, error: &str) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Failed<'a> {
        id: &'a RawValue,
        error: &'a str,
    }
    let record = serde_json::to_string(&Failed { id, error }).map_err(std::io::Error::other)?;
    writeln!(out, "{record}")?;
    out.flush()
}

/// What [`next_line`] read.
enum Line {
    /// A whole line is in the buffer (with its `\n`, when it had one).
    Record,
    /// The line is longer than the limit: what was read of it is dropped, the rest is unread.
    TooLong,
    /// The memory to hold the line could not be had: as for [`Line::TooLong`].
    OutOfMemory,
    /// The input has ended.
    End,
}

/// Reads line `n` into `buf`, keeping at most `limit` bytes of it: a line is read a block at a
/// time, so that a line with no end (`/dev/zero`, `yes | tr -d '\n'`) never fills memory. A
/// NUL byte ends the run: no JSON holds one, so the input is binary data, not JSON lines, and
/// reading on would only discard it (forever, from `/dev/zero`).
fn next_line(input: &mut impl BufRead, buf: &mut Vec<u8>, limit: u64, n: usize) -> Result<Line> {
    buf.clear();
    loop {
        let available = fill(input)?;
        if available.is_empty() {
            return Ok(if buf.is_empty() { Line::End } else { Line::Record });
        }
        let end = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..end.map_or(available.len(), |i| i + 1)];
        refuse_nul(chunk, n)?;
        if (buf.len() + chunk.len()) as u64 > limit {
            buf.clear();
            return Ok(Line::TooLong);
        }
        if buf.try_reserve(chunk.len()).is_err() {
            buf.clear();
            return Ok(Line::OutOfMemory);
        }
        buf.extend_from_slice(chunk);
        let used = chunk.len();
        input.consume(used);
        if end.is_some() {
            return Ok(Line::Record);
        }
    }
}

/// Passes over the rest of line `n` without keeping it.
fn skip_line(input: &mut impl BufRead, n: usize) -> Result<()> {
    loop {
        let available = fill(input)?;
        if available.is_empty() {
            return Ok(());
        }
        let end = available.iter().position(|&b| b == b'\n');
        let used = end.map_or(available.len(), |i| i + 1);
        refuse_nul(&available[..used], n)?;
        input.consume(used);
        if end.is_some() {
            return Ok(());
        }
    }
}

fn fill(input: &mut impl BufRead) -> Result<&[u8]> {
    loop {
        match input.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => return Err(crate::Error::Io { path: "<stdin>".into(), source }),
        }
    }
    // Filled above: this returns the same buffer without reading.
    input.fill_buf().map_err(|source| crate::Error::Io { path: "<stdin>".into(), source })
}

fn refuse_nul(chunk: &[u8], n: usize) -> Result<()> {
    if chunk.contains(&0) {
        return Err(crate::Error::Syntax {
            path: "<stdin>".into(),
            line: n,
            reason: "holds NUL bytes: binary data, not JSON lines".into(),
        });
    }
    Ok(())
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
    config: &crate::align::AlignConfig,
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
