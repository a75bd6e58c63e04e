//! The result of alignment: beads over the two documents' paragraphs.

use crate::segment::Document;
use std::borrow::Cow;
use std::ops::Range;

/// One alignment unit: a run of English paragraphs paired with a run of French paragraphs.
/// Either run may be empty (1-0, 0-1), never both.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    /// Indices into `Alignment::en.paragraphs`.
    pub en: Range<usize>,
    /// Indices into `Alignment::fr.paragraphs`.
    pub fr: Range<usize>,
    /// Confidence in [0, 1].
    pub score: f64,
    /// True when the bead pairs paragraphs with the same anchor label (`op.5` with `op.5`).
    pub anchored: bool,
}

impl Bead {
    /// The shape written in outputs: "1-1", "1-0", "0-1", "2-1", "1-2", …
    pub fn kind(&self) -> Cow<'static, str> {
        // Every writer writes the kind of every unit: the usual shapes are not formatted anew.
        const SHAPES: [[&str; 4]; 4] = [
            ["0-0", "0-1", "0-2", "0-3"],
            ["1-0", "1-1", "1-2", "1-3"],
            ["2-0", "2-1", "2-2", "2-3"],
            ["3-0", "3-1", "3-2", "3-3"],
        ];
        match SHAPES.get(self.en.len()).and_then(|row| row.get(self.fr.len())) {
            Some(shape) => Cow::Borrowed(shape),
            None => Cow::Owned(format!("{}-{}", self.en.len(), self.fr.len())),
        }
    }
}

/// Two documents and the beads that pair their paragraphs, in document order on both sides;
/// every paragraph of each side is in exactly one bead.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// The English document.
    pub en: Document,
    /// The French document.
    pub fr: Document,
    /// The beads, in document order.
    pub beads: Vec<Bead>,
}

impl Alignment {
    /// The English text of a bead: its paragraphs joined by a space ("" when empty). Borrowed
    /// for the usual one-paragraph side, so that writers do not copy every text.
    pub fn en_text(&self, bead: &Bead) -> Cow<'_, str> {
        join(&self.en, bead.en.clone())
    }

    /// The French text of a bead.
    pub fn fr_text(&self, bead: &Bead) -> Cow<'_, str> {
        join(&self.fr, bead.fr.clone())
    }

    /// The bead's label: the label of its first English paragraph, or of its first French one
    /// when it has no English side.
    pub fn label(&self, bead: &Bead) -> &str {
        if let Some(p) = self.en.paragraphs.get(bead.en.start).filter(|_| !bead.en.is_empty()) {
            &p.label.name
        } else if let Some(p) =
            self.fr.paragraphs.get(bead.fr.start).filter(|_| !bead.fr.is_empty())
        {
            &p.label.name
        } else {
            ""
        }
    }

    /// The document symbol: English first, then French.
    pub fn symbol(&self) -> Option<&str> {
        self.en.symbol.as_deref().or(self.fr.symbol.as_deref())
    }
}

fn join(doc: &Document, range: Range<usize>) -> Cow<'_, str> {
    match range.len() {
        0 => return Cow::Borrowed(""),
        1 => return Cow::Borrowed(&doc.paragraphs[range.start].text),
        _ => {}
    }
    let mut out = String::new();
    for p in &doc.paragraphs[range] {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&p.text);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_the_two_run_lengths() {
        for en in 0..6 {
            for fr in 0..6 {
                let bead = Bead { en: 10..10 + en, fr: 3..3 + fr, score: 1.0, anchored: false };
                assert_eq!(bead.kind(), format!("{en}-{fr}"));
            }
        }
    }
}
