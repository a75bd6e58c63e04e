//! JSON Lines: one object per bead, keys in a fixed order.

use super::{buffered, score_4, UnitWriter};
use crate::align::{Alignment, Bead};
use serde::Serialize;
use std::io::{self, BufWriter, Write};

/// Writes `{"en", "fr", "en_ids", "fr_ids", "label", "kind", "score"}` per bead, with a leading
/// `"symbol"` when [`with_symbol`](JsonlWriter::with_symbol) is set (batch mode mixes documents).
pub struct JsonlWriter<W: Write> {
    out: BufWriter<W>,
    symbol: bool,
    translation: bool,
    id: Option<Box<serde_json::value::RawValue>>,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer into `out`.
    pub fn new(out: W) -> Self {
        JsonlWriter { out: buffered(out), symbol: false, translation: false, id: None }
    }

    /// Starts every object with `"id"`: the identifier of the input record (stream mode),
    /// written exactly as it was read (an integer beyond 64 bits stays that integer).
    pub fn with_id(mut self, id: Box<serde_json::value::RawValue>) -> Self {
        self.id = Some(id);
        self
    }

    /// Ends every object with `"translation": {"en": …, "fr": …}`, so that a corpus loads as
    /// it is with Hugging Face `datasets` (`load_dataset("json", …)`, translation task).
    pub fn with_translation(mut self) -> Self {
        self.translation = true;
        self
    }

    /// Starts every object with `"symbol"`: the document symbol, or null when unknown.
    pub fn with_symbol(mut self) -> Self {
        self.symbol = true;
        self
    }
}

impl<W: Write> UnitWriter for JsonlWriter<W> {
    fn write_unit(&mut self, alignment: &Alignment, bead: &Bead) -> io::Result<()> {
        // Written field by field rather than through a derived `Serialize`: every byte of
        // every text of a corpus passes through here, twice with `translation`, and
        // serde_json's escaper looks at one byte at a time (see `write_str`).
        let (en, fr) = (alignment.en_text(bead), alignment.fr_text(bead));
        let out = &mut self.out;
        out.write_all(b"{")?;
        if let Some(id) = &self.id {
            out.write_all(b"\"id\":")?;
            id.serialize(&mut serde_json::Serializer::with_formatter(&mut *out, OneLine))?;
            out.write_all(b",")?;
        }
        if self.symbol {
            out.write_all(b"\"symbol\":")?;
            match alignment.symbol() {
                Some(symbol) => write_str(out, symbol)?,
                None => out.write_all(b"null")?,
            }
            out.write_all(b",")?;
        }
        out.write_all(b"\"en\":")?;
        write_str(out, &en)?;
        out.write_all(b",\"fr\":")?;
        write_str(out, &fr)?;
        for (key, ids) in
            [(&b",\"en_ids\":["[..], bead.en.clone()), (b",\"fr_ids\":[", bead.fr.clone())]
        {
            out.write_all(key)?;
            for (k, id) in ids.enumerate() {
                write!(out, "{}{id}", if k == 0 { "" } else { "," })?;
            }
            out.write_all(b"]")?;
        }
        out.write_all(b",\"label\":")?;
        write_str(out, alignment.label(bead))?;
        out.write_all(b",\"kind\":")?;
        write_str(out, &bead.kind())?;
        out.write_all(b",\"score\":")?;
        serde_json::to_writer(&mut *out, &score_4(bead.score))?;
        if self.translation {
            // The Hugging Face `datasets` translation convention: `{"en": …, "fr": …}`.
            out.write_all(b",\"translation\":{\"en\":")?;
            write_str(out, &en)?;
            out.write_all(b",\"fr\":")?;
            write_str(out, &fr)?;
            out.write_all(b"}")?;
        }
        out.write_all(b"}\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A JSON string, byte for byte as serde_json writes it, but for U+0085, U+2028 and U+2029,
/// which JSON allows raw but which line readers such as Python's `splitlines` would split a
/// record on: they are escaped too. The search skips 32-byte blocks with nothing to escape
/// ([`crate::scan::find`]).
fn write_str(out: &mut (impl Write + ?Sized), s: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    write_escaped(out, s)?;
    out.write_all(b"\"")
}

/// The inside of [`write_str`]: `\"`, `\\`, the short escapes `\b \t \n \f \r`, other C0
/// controls as `\u00xx` (serde_json's escapes), and `\u0085`, `\u2028`, `\u2029`.
fn write_escaped(out: &mut (impl Write + ?Sized), s: &str) -> io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while let Some(at) = crate::scan::find(b, i, |c| {
        (c < 0x20) | (c == b'"') | (c == b'\\') | (c == 0xC2) | (c == 0xE2)
    }) {
        let control;
        let (escape, len): (&[u8], usize) = match b[at] {
            b'"' => (b"\\\"", 1),
            b'\\' => (b"\\\\", 1),
            0x08 => (b"\\b", 1),
            b'\t' => (b"\\t", 1),
            b'\n' => (b"\\n", 1),
            0x0C => (b"\\f", 1),
            b'\r' => (b"\\r", 1),
            c if c < 0x20 => {
                control =
                    [b'\\', b'u', b'0', b'0', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xF)]];
                (&control, 1)
            }
            0xC2 if b.get(at + 1) == Some(&0x85) => (b"\\u0085", 2),
            0xE2 if b.get(at + 1) == Some(&0x80) && b.get(at + 2) == Some(&0xA8) => (b"\\u2028", 3),
            0xE2 if b.get(at + 1) == Some(&0x80) && b.get(at + 2) == Some(&0xA9) => (b"\\u2029", 3),
            _ => {
                i = at + 1;
                continue;
            }
        };
        out.write_all(&b[start..at])?;
        out.write_all(escape)?;
        i = at + len;
        start = i;
    }
    out.write_all(&b[start..])
}

/// Compact JSON with the line breaks of [`write_str`] escaped too, for the stream's `id`,
/// which may be any JSON value.
struct OneLine;

impl serde_json::ser::Formatter for OneLine {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // serde_json has escaped what it escapes and split the string there; what is left to
        // escape here is U+0085, U+2028 and U+2029.
        write_escaped(w, fragment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::text::is_line_break;
    use crate::write::{fixture, write_all};

    fn output(symbol: bool) -> String {
        let mut out = vec![];
        let w = JsonlWriter::new(&mut out);
        let mut w = if symbol { w.with_symbol() } else { w };
        write_all(&fixture::alignment(), &mut w).expect("write");
        drop(w);
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn one_object_per_bead_that_parses_back() {
        let out = output(false);
        assert!(out.ends_with('\n'));
        let lines: Vec<&str> = out.split('\n').filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 4);
        // No line break of any kind inside a record.
        assert_eq!(out.lines().count(), 4);
        assert!(
            !out.contains(['\u{2028}', '\u{2029}', '\u{85}']) && out.contains("\\u2028"),
            "{out}"
        );
        assert!(!lines.iter().any(|l| l.chars().any(is_line_break)));

        let values: Vec<serde_json::Value> =
            lines.iter().map(|l| serde_json::from_str(l).expect("JSON")).collect();
        assert_eq!(values[1]["en"], fixture::EN[1]);
        assert_eq!(values[1]["fr"], fixture::FR[1]);
        assert_eq!(values[2]["en"], fixture::EN[2]);
        assert_eq!(values[2]["fr"], fixture::FR[2]);
        assert_eq!(values[1]["score"], 0.9731);
        assert_eq!(values[3]["fr"], "");
        assert_eq!(values[3]["fr_ids"], serde_json::json!([]));
        assert_eq!(values[3]["kind"], "1-0");
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        // The reference: serde_json's own escaping, then the three line breaks it leaves raw.
        let through_serde = |s: &str| {
            let json = serde_json::to_string(s).expect("serialize");
            json.replace('\u{85}', "\\u0085")
                .replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029")
                .into_bytes()
        };
        let ours = |s: &str| {
            let mut out = vec![];
            write_str(&mut out, s).expect("write");
            out
        };
        let mut texts: Vec<String> = (0u32..0x3000)
            .chain([0xfffe, 0xffff, 0x1f30d])
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b{c}"))
            .collect();
        // Every character at every offset of a 32-byte block and across block edges.
        let alphabet = [
            'a', ' ', '"', '\\', '\n', '\u{1}', '\u{1f}', '\u{7f}', 'é', '’', '\u{85}', '\u{a0}',
            '\u{2028}', '\u{2029}', '«', '🌍',
        ];
        let mut x: u32 = 0x2545_f491;
        for len in 0..200 {
            let mut t = String::new();
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                t.push(alphabet[(x % alphabet.len() as u32) as usize]);
            }
            texts.push(t);
        }
        for t in &texts {
            assert_eq!(ours(t), through_serde(t), "{t:?}");
        }
        // A stream's `id` goes through serde_json with the same line breaks escaped.
        let mut id = vec![];
        serde_json::json!({"k": "a\u{2028}b\n\u{85}"})
            .serialize(&mut serde_json::Serializer::with_formatter(&mut id, OneLine))
            .expect("id");
        assert_eq!(String::from_utf8(id).expect("UTF-8"), r#"{"k":"a\u2028b\n\u0085"}"#);
    }

    #[test]
    fn keys_in_order() {
        let out = output(false);
        assert_eq!(
            out.lines().next(),
            Some(
                r#"{"en":"The General Assembly,","fr":"L’Assemblée générale,","en_ids":[0],"fr_ids":[0],"label":"opening","kind":"1-1","score":1.0}"#
            )
        );
        let last = out.lines().last().expect("lines");
        assert!(
            last.ends_with(
                r#""en_ids":[3],"fr_ids":[],"label":"op.2.a","kind":"1-0","score":0.1235}"#
            ),
            "{last}"
        );
    }

    #[test]
    fn symbol_leads_when_asked() {
        let out = output(true);
        assert!(out.lines().all(|l| l.starts_with(r#"{"symbol":"A/RES/58/135","en":"#)));
    }
}
