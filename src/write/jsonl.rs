//! JSON Lines: one object per bead, keys in a fixed order.

use super::{score_4, text::is_line_break, UnitWriter};
use crate::align::{Alignment, Bead};
use serde::Serialize;
use std::io::{self, BufWriter, Write};

/// Writes `{"en", "fr", "en_ids", "fr_ids", "label", "kind", "score"}` per bead, with a leading
/// `"symbol"` when [`with_symbol`](JsonlWriter::with_symbol) is set (batch mode mixes documents).
pub struct JsonlWriter<W: Write> {
    out: BufWriter<W>,
    symbol: bool,
    translation: bool,
    id: Option<serde_json::Value>,
}

/// The Hugging Face `datasets` translation convention: `{"en": …, "fr": …}`.
#[derive(Serialize)]
struct Translation<'a> {
    en: &'a str,
    fr: &'a str,
}

// Field order is the key order: serde_json's own map would sort the keys.
#[derive(Serialize)]
struct Record<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    symbol: Option<Option<&'a str>>,
    en: &'a str,
    fr: &'a str,
    en_ids: Vec<usize>,
    fr_ids: Vec<usize>,
    label: &'a str,
    kind: String,
    score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    translation: Option<Translation<'a>>,
}

impl<W: Write> JsonlWriter<W> {
    pub fn new(out: W) -> Self {
        JsonlWriter {
            out: BufWriter::new(out),
            symbol: false,
            translation: false,
            id: None,
        }
    }

    /// Starts every object with `"id"`: the identifier of the input record (stream mode).
    pub fn with_id(mut self, id: serde_json::Value) -> Self {
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
        let (en, fr) = (alignment.en_text(bead), alignment.fr_text(bead));
        let record = Record {
            id: self.id.as_ref(),
            symbol: self.symbol.then(|| alignment.symbol()),
            translation: self.translation.then_some(Translation { en: &en, fr: &fr }),
            en: &en,
            fr: &fr,
            en_ids: bead.en.clone().collect(),
            fr_ids: bead.fr.clone().collect(),
            label: alignment.label(bead),
            kind: bead.kind(),
            score: score_4(bead.score),
        };
        record.serialize(&mut serde_json::Serializer::with_formatter(
            &mut self.out,
            OneLine,
        ))?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Compact JSON that also escapes U+0085, U+2028 and U+2029, which JSON allows raw but which
/// line readers such as Python's `splitlines` would split a record on.
struct OneLine;

impl serde_json::ser::Formatter for OneLine {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // serde_json escapes the characters below U+0020 itself; what is left to escape is
        // U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9), found by bytes without decoding.
        let b = fragment.as_bytes();
        let (mut start, mut i) = (0, 0);
        while let Some(at) = crate::scan::find(b, i, |c| c == 0xC2 || c == 0xE2) {
            i = at;
            let len = match b[i] {
                0xC2 if b.get(i + 1) == Some(&0x85) => 2,
                0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => 3,
                _ => {
                    i += 1;
                    continue;
                }
            };
            let c = fragment[i..].chars().next().unwrap_or(' ');
            debug_assert!(is_line_break(c));
            w.write_all(&b[start..i])?;
            write!(w, "\\u{:04x}", u32::from(c))?;
            i += len;
            start = i;
        }
        w.write_all(&b[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert!(!out.contains(['\u{2028}', '\u{2029}', '\u{85}']) && out.contains("\\u2028"), "{out}");
        assert!(!lines.iter().any(|l| l.chars().any(is_line_break)));

        let values: Vec<serde_json::Value> = lines
            .iter()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
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
        assert!(out
            .lines()
            .all(|l| l.starts_with(r#"{"symbol":"A/RES/58/135","en":"#)));
    }
}
