//! TMX 1.4b: one `<tu>` per bead that has both sides, with the label, kind, score and document
//! symbol as `x-` properties.
//!
//! The DOCTYPE names the DTD without a path: neither xmllint (unless asked to validate) nor
//! translate-toolkit fetches it, and it is the line translate-toolkit itself writes.

use super::{
    buffered, is_pair, score_text,
    text::{write_xml_text, xml_text},
    UnitWriter,
};
use crate::align::{Alignment, Bead};
use std::io::{self, BufWriter, Write};

/// Writes a TMX 1.4b document: a header naming the source language, one `<tu>` for each unit
/// that has both sides, with its label, kind, score and document symbol as properties.
pub struct TmxWriter<W: Write> {
    out: BufWriter<W>,
    started: bool,
    /// Units written so far: the last `tuid`.
    units: u64,
}

impl<W: Write> TmxWriter<W> {
    /// A writer into `out`; nothing is written before the first unit or [`UnitWriter::finish`].
    pub fn new(out: W) -> Self {
        TmxWriter { out: buffered(out), started: false, units: 0 }
    }

    /// The header waits for the first unit so that `srclang` is that alignment's source
    /// language; no creation date, so that the output depends on the input alone.
    fn start(&mut self, srclang: &str) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        write!(
            self.out,
            concat!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n",
                "<tmx version=\"1.4\">\n",
                "  <header creationtool=\"paralign\" creationtoolversion=\"{}\" segtype=\"paragraph\"",
                " o-tmf=\"paralign\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>\n",
                "  <body>\n",
            ),
            env!("CARGO_PKG_VERSION"),
            xml_text(srclang),
        )
    }

    fn prop(&mut self, kind: &str, value: &str) -> io::Result<()> {
        self.element(&["      <prop type=\"", kind, "\">"], value, "</prop>\n")
    }

    fn tuv(&mut self, lang: &str, text: &str) -> io::Result<()> {
        self.element(&["      <tuv xml:lang=\"", lang, "\"><seg>"], text, "</seg></tuv>\n")
    }

    /// An element on a line of its own: `open` as it is (attribute values are language codes
    /// and property names, plain ASCII), then `text` escaped, then `close`. Pieces are written
    /// straight to the buffer, since this runs for every unit of a corpus.
    fn element(&mut self, open: &[&str], text: &str, close: &str) -> io::Result<()> {
        for piece in open {
            self.out.write_all(piece.as_bytes())?;
        }
        write_xml_text(&mut self.out, text)?;
        self.out.write_all(close.as_bytes())
    }
}

impl<W: Write> UnitWriter for TmxWriter<W> {
    fn write_unit(&mut self, alignment: &Alignment, bead: &Bead) -> io::Result<()> {
        // A translation unit without a translation is of no use to a CAT tool.
        if !is_pair(bead) {
            return Ok(());
        }
        let (en_lang, fr_lang) = (alignment.en.language.code(), alignment.fr.language.code());
        self.start(en_lang)?;
        self.units += 1;
        writeln!(self.out, "    <tu tuid=\"{}\">", self.units)?;
        if let Some(symbol) = alignment.symbol() {
            self.prop("x-document", symbol)?;
        }
        self.prop("x-label", alignment.label(bead))?;
        self.prop("x-kind", &bead.kind())?;
        self.prop("x-score", &score_text(bead.score))?;
        self.tuv(en_lang, &alignment.en_text(bead))?;
        self.tuv(fr_lang, &alignment.fr_text(bead))?;
        self.out.write_all(b"    </tu>\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.start("en")?;
        self.out.write_all(b"  </body>\n</tmx>\n")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{fixture, write_all};
    use quick_xml::events::Event;

    fn output() -> String {
        let mut out = vec![];
        write_all(&fixture::alignment(), &mut TmxWriter::new(&mut out)).expect("write");
        String::from_utf8(out).expect("UTF-8")
    }

    /// The text of every element named `name`, in order, as an XML reader sees it.
    fn texts(xml: &str, name: &[u8]) -> Vec<String> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let (mut inside, mut found) = (false, vec![]);
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) if e.name().as_ref() == name => {
                    inside = true;
                    found.push(String::new());
                }
                Event::End(e) if e.name().as_ref() == name => inside = false,
                Event::Text(t) if inside => found
                    .last_mut()
                    .expect("open element")
                    .push_str(&t.unescape().expect("escapes")),
                Event::Eof => return found,
                _ => {}
            }
        }
    }

    #[test]
    fn exact_shape() {
        let out = output();
        let version = env!("CARGO_PKG_VERSION");
        let expected_start = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n\
             <tmx version=\"1.4\">\n  \
             <header creationtool=\"paralign\" creationtoolversion=\"{version}\" segtype=\"paragraph\" \
             o-tmf=\"paralign\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n  \
             <body>\n    \
             <tu tuid=\"1\">\n      \
             <prop type=\"x-document\">A/RES/58/135</prop>\n      \
             <prop type=\"x-label\">opening</prop>\n      \
             <prop type=\"x-kind\">1-1</prop>\n      \
             <prop type=\"x-score\">1.0000</prop>\n      \
             <tuv xml:lang=\"en\"><seg>The General Assembly,</seg></tuv>\n      \
             <tuv xml:lang=\"fr\"><seg>L’Assemblée générale,</seg></tuv>\n    \
             </tu>\n"
        );
        assert!(out.starts_with(&expected_start), "{out}");
        assert!(out.ends_with("    </tu>\n  </body>\n</tmx>\n"), "{out}");
        assert!(out.contains(
            "<seg>1. Decides &amp; &lt;acts&gt; &quot;now&quot;  at\tonce\nhere\u{2028}there"
        ));
    }

    #[test]
    fn parses_back_with_texts_cleaned_only_of_forbidden_characters() {
        let out = output();
        assert_eq!(
            texts(&out, b"seg"),
            [
                fixture::EN[0],
                fixture::FR[0],
                "1. Decides & <acts> \"now\"  at\tonce\nhere\u{2028}there\u{a0}🌍",
                "1. Décide & <agit> « maintenant »  d’un\tcoup\nici\u{2028}là\u{a0}🌍",
                "2. Requests the Secretary-General to report\r  \u{85};",
                "2. Prie le Secrétaire général de faire rapport\r  \u{85} ;",
            ]
        );
        // The one-sided bead is not a unit; tuids count written units.
        assert_eq!(texts(&out, b"tu").len(), 3);
        assert!(out.contains("<tu tuid=\"3\">") && !out.contains("tuid=\"4\""));
        assert_eq!(texts(&out, b"prop")[4..8], ["A/RES/58/135", "op.1", "1-1", "0.9731"]);
    }

    #[test]
    fn empty_memory_is_well_formed() {
        let mut out = vec![];
        TmxWriter::new(&mut out).finish().expect("finish");
        let out = String::from_utf8(out).expect("UTF-8");
        assert!(out.ends_with("  <body>\n  </body>\n</tmx>\n"));
        assert!(texts(&out, b"tu").is_empty());
    }
}
