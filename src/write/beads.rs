//! Beads: one line per bead, `[en indices]:[fr indices]`, the format of the gold alignments of
//! the sentence-alignment benchmarks (Bleualign's `*.defr`, vecalign's output), so that an
//! alignment can be scored with `paralign score` or vecalign's `score.py` as it is.

use super::{buffered, UnitWriter};
use crate::align::{Alignment, Bead};
use std::io::{self, BufWriter, Write};
use std::ops::Range;

/// Writes every bead, one-sided ones included (`[7]:[]`, `[]:[5]`): a scorer counts them, and
/// leaving them out would make the file claim fewer paragraphs than the documents hold.
pub struct BeadsWriter<W: Write> {
    out: BufWriter<W>,
}

impl<W: Write> BeadsWriter<W> {
    /// A writer into `out`.
    pub fn new(out: W) -> Self {
        BeadsWriter { out: buffered(out) }
    }
}

impl<W: Write> UnitWriter for BeadsWriter<W> {
    fn write_unit(&mut self, _alignment: &Alignment, bead: &Bead) -> io::Result<()> {
        write_indices(&mut self.out, bead.en.clone())?;
        self.out.write_all(b":")?;
        write_indices(&mut self.out, bead.fr.clone())?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `[3, 4]`: Python's `repr` of a list, which is what the benchmarks' readers
/// (`ast.literal_eval` in vecalign) expect.
fn write_indices(out: &mut impl Write, indices: Range<usize>) -> io::Result<()> {
    out.write_all(b"[")?;
    for (n, i) in indices.enumerate() {
        if n > 0 {
            out.write_all(b", ")?;
        }
        write!(out, "{i}")?;
    }
    out.write_all(b"]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{fixture, write_all};

    fn written(alignment: &Alignment) -> String {
        let mut out = vec![];
        write_all(alignment, &mut BeadsWriter::new(&mut out)).expect("write");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn one_line_per_bead_one_sided_included() {
        assert_eq!(written(&fixture::alignment()), "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]\n");
    }

    #[test]
    fn many_paragraph_and_empty_sides() {
        let mut alignment = fixture::alignment();
        let bead = |en, fr| Bead { en, fr, score: 0.5, anchored: false };
        alignment.beads = vec![bead(0..0, 0..1), bead(0..3, 1..2), bead(3..4, 2..2)];
        assert_eq!(written(&alignment), "[]:[0]\n[0, 1, 2]:[1]\n[3]:[]\n");
    }
}
