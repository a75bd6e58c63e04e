//! Moses: two plain-text files, line n of one the translation of line n of the other.

use super::{buffered, is_pair, text::one_line, UnitWriter};
use crate::align::{Alignment, Bead};
use std::io::{self, BufWriter, Write};

/// Writes beads with both sides, one per line. Line breaks inside a text become spaces, so
/// that the two files keep the same number of lines for every reader.
pub struct MosesWriter<E: Write, F: Write> {
    en: BufWriter<E>,
    fr: BufWriter<F>,
}

impl<E: Write, F: Write> MosesWriter<E, F> {
    /// A writer of the English lines into `en` and the French lines into `fr`.
    pub fn new(en: E, fr: F) -> Self {
        MosesWriter { en: buffered(en), fr: buffered(fr) }
    }
}

impl<E: Write, F: Write> UnitWriter for MosesWriter<E, F> {
    fn write_unit(&mut self, alignment: &Alignment, bead: &Bead) -> io::Result<()> {
        if !is_pair(bead) {
            return Ok(());
        }
        for (out, text) in [
            (&mut self.en as &mut dyn Write, alignment.en_text(bead)),
            (&mut self.fr, alignment.fr_text(bead)),
        ] {
            out.write_all(one_line(&text).as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.en.flush()?;
        self.fr.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{fixture, text::is_line_break, write_all};

    #[test]
    fn same_line_counts_and_texts() {
        let (mut en, mut fr) = (vec![], vec![]);
        write_all(&fixture::alignment(), &mut MosesWriter::new(&mut en, &mut fr)).expect("write");
        let (en, fr) =
            (String::from_utf8(en).expect("UTF-8"), String::from_utf8(fr).expect("UTF-8"));
        assert!(en.ends_with('\n') && fr.ends_with('\n'));
        // Split the way the most eager reader does: every line-break character ends a line.
        let lines = |s: &str| s.split(is_line_break).map(String::from).collect::<Vec<_>>();
        assert_eq!(
            lines(&en),
            [
                fixture::EN[0],
                "1. Decides & <acts> \"now\"  at\tonce here there\u{a0}🌍",
                "2. Requests the Secretary-General to report \u{1}  ;",
                "",
            ]
        );
        assert_eq!(
            lines(&fr),
            [
                fixture::FR[0],
                "1. Décide & <agit> « maintenant »  d’un\tcoup ici là\u{a0}🌍",
                "2. Prie le Secrétaire général de faire rapport \u{1}   ;",
                "",
            ]
        );
    }
}
