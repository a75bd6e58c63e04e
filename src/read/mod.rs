//! Reading: bytes → [`Text`].
//!
//! What the bytes are is decided in this order:
//! 1. a ZIP archive holding `word/document.xml` is a Word document (DOCX), one holding an
//!    OpenDocument text `mimetype` or `content.xml` is an ODT file, and a legacy Word (`.doc`,
//!    OLE) file is converted to DOCX by LibreOffice when `soffice` is on the PATH: their
//!    reader (see [Word documents](#word-documents)) writes them as text in the shape the segmenter
//!    reads, which is then normalised like decoded text;
//! 2. a PDF is read by its own reader (cargo feature `pdf`, on by default; see
//!    [PDF files](#pdf-files)); another known binary signature (a PDF without the feature,
//!    other ZIP archives, images…) is refused, with a message that says what the file looks
//!    like;
//! 3. an encoding forced by the caller ([`ReadOptions::encoding`]) is used as it is;
//! 4. a byte order mark says UTF-8, UTF-16LE or UTF-16BE;
//! 5. zero bytes in every other position say UTF-16 without a BOM;
//! 6. bytes that are valid UTF-8 are UTF-8;
//! 7. other bytes are read as Windows-1252 (which covers Latin-1) when that gives text, as
//!    French saved by older Windows programs does (0xE9 é, 0xE0 à, 0xAB «, 0x92 ’); a file that
//!    is mostly UTF-8 with some bad bytes is refused instead, since reading it byte by byte
//!    would garble every accented letter.
//!
//! A decoding is strict: a byte sequence the encoding cannot hold is an error, never a
//! replacement character. A few stray NUL bytes in an 8-bit text are dropped; many are binary
//! data. A text whose characters are more than 1 % control characters is binary data too.
//!
//! The decoded text is then normalised, so that later stages see one kind of line break and
//! no invisible characters: CRLF, lone CR, vertical tab (Word's manual line break), NEL (U+0085)
//! and U+2028 become LF, U+2029 becomes a blank line; zero-width spaces (U+200B), word joiners
//! (U+2060) and byte order marks inside the text (U+FEFF) are removed, as are control
//! characters other than tab, LF and form feed (forbidden in XML 1.0, and never text). Form
//! feeds stay: pdftotext puts one at each page start, and segmentation reads them as page
//! breaks. Tabs, no-break spaces (U+00A0) and narrow no-break spaces (U+202F) stay in the text;
//! segmentation treats them as spaces. ZWNJ and ZWJ (U+200C, U+200D) stay: they shape some
//! scripts.
//!
//! # Word documents
//!
//! A DOCX or ODT file is read by its own reader, which writes the document as the text the
//! segmenter reads best: one paragraph a block, blocks separated by a blank line, tables cell by
//! cell, automatic numbering as the paragraph's label ("1. ", "(a) "), footnote markers as
//! superscript numbers glued to the word ("thereto;¹"), and the footnotes at the end after a
//! `_______________` line, each opening with the number Word shows. Headers and footers are
//! not read; tracked changes are read as accepted, hidden text is dropped, fields are read as
//! their result. A damaged, encrypted or foreign ZIP archive is refused, as is a part larger
//! than [`MAX_PART_BYTES`] once decompressed (a ZIP bomb). [`Text::format`] says which reader
//! was used.
//!
//! # PDF files
//!
//! A PDF is read from the positions of its glyphs, in the same shape: lines from glyph
//! baselines, superscript footnote markers glued to their word as superscript digits,
//! paragraphs from vertical gaps, first-line indents, numbering labels and short last lines,
//! a paragraph cut by a page break kept whole, line-end hyphens removed only when the joined
//! word occurs elsewhere in the document. The masthead's pieces, the running header and the
//! footer (symbol, title, page number, job number, bar code, "Please recycle") are blocks of
//! their own, for segmentation to drop; a form feed opens each page after the first. The
//! footnote area below its short rule is written at the end, after a `_______________` line.
//! A PDF that needs a password, has no text layer (a scan) or is damaged is refused.

mod docx;
#[cfg(feature = "pdf")]
mod pdf;

pub use docx::MAX_PART_BYTES;

use crate::error::{Error, Result};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::path::{Path, PathBuf};

/// Decoded text and the name of where it came from.
#[derive(Debug, Clone)]
pub struct Text {
    /// The path or name (`<stdin>`) used in messages.
    pub source: String,
    /// The text, normalised: LF line endings, no BOM, no control characters but tab, LF and
    /// form feed.
    pub content: String,
    /// The encoding the bytes were read in (UTF-8 for text given as a string).
    pub encoding: &'static Encoding,
    /// What kind of file the text was read from.
    pub format: InputFormat,
}

/// The kinds of file paralign reads, told from their content, never from their name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text, in any encoding `read` detects: typed, pasted, or made by an extractor
    /// (pdftotext, pdfminer, pypdf, PyMuPDF, LibreOffice, python-docx).
    Text,
    /// A Word document (Office Open XML, `.docx`), read directly.
    Docx,
    /// An OpenDocument text (`.odt`), read directly.
    Odt,
    /// A legacy binary Word document (`.doc`), converted to DOCX by LibreOffice and read as
    /// DOCX.
    Doc,
    /// A PDF file, read from its glyphs' positions (cargo feature `pdf`).
    Pdf,
}

impl InputFormat {
    /// The name `-v` and `paralign read` print.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Docx => "docx",
            InputFormat::Odt => "odt",
            InputFormat::Doc => "doc",
            InputFormat::Pdf => "pdf",
        }
    }
}

impl Text {
    /// Text from a string already in memory, normalised as decoded files are.
    pub fn new(source: impl Into<String>, content: impl AsRef<str>) -> Text {
        Text {
            source: source.into(),
            content: normalise(content.as_ref()),
            encoding: UTF_8,
            format: InputFormat::Text,
        }
    }
}

/// How to read input files.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Decode in this encoding instead of detecting one (a BOM of the same encoding is skipped).
    pub encoding: Option<&'static Encoding>,
}

impl ReadOptions {
    /// Options that force the encoding named `label`, as WHATWG names encodings (`utf-8`,
    /// `utf-16le`, `utf-16be`, `windows-1252`, `latin1`, `iso-8859-15`…).
    pub fn with_encoding_label(label: &str) -> Result<ReadOptions> {
        let encoding = Encoding::for_label_no_replacement(label.trim().as_bytes()).ok_or_else(|| {
            Error::Usage(format!("unknown encoding '{label}' (e.g. utf-8, utf-16le, utf-16be, windows-1252, latin1)"))
        })?;
        Ok(ReadOptions { encoding: Some(encoding) })
    }
}

/// Reads and decodes a file, in the encoding `options` force or the one detected.
pub fn read_path(path: &Path, options: &ReadOptions) -> Result<Text> {
    if path.is_dir() {
        return Err(Error::IsDirectory { path: path.to_path_buf() });
    }
    let bytes =
        std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    decode(&bytes, path, options)
}

/// A text with more control characters than this share (in 1/1000) is binary data.
const CONTROL_PER_MILLE: usize = 10;
/// A text with more NUL bytes than this share (in 1/1000) is binary data; fewer are dropped.
const NUL_PER_MILLE: usize = 10;

/// Decodes bytes read from `path` (used in messages only), in the encoding `options` force or
/// the one detected.
pub fn decode(bytes: &[u8], path: &Path, options: &ReadOptions) -> Result<Text> {
    let refuse = |reason: String| Error::Encoding { path: path.to_path_buf(), reason };
    if bytes.starts_with(ZIP) {
        let (archive, package) = docx::open(bytes, path)?;
        let format = match package {
            docx::Package::Docx => InputFormat::Docx,
            docx::Package::Odt => InputFormat::Odt,
        };
        return finish(docx::text(archive, package, path)?, path, UTF_8, format);
    }
    if bytes.starts_with(OLE) {
        let converted = docx::convert_doc(bytes, path)?;
        let (archive, package) = docx::open(&converted, path)?;
        return finish(docx::text(archive, package, path)?, path, UTF_8, InputFormat::Doc);
    }
    #[cfg(feature = "pdf")]
    if is_pdf(bytes) {
        return finish(pdf::text(bytes, path)?, path, UTF_8, InputFormat::Pdf);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(refuse(format!(
            "looks like {kind}, not text: extract the text first (e.g. pdftotext -layout)"
        )));
    }
    // The common case, UTF-8 without a BOM or a NUL byte, validated once and copied once.
    if options.encoding.is_none() && Encoding::for_bom(bytes).is_none() && !bytes.contains(&0) {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return finish(text.to_owned(), path, UTF_8, InputFormat::Text);
        }
    }
    let (encoding, body) = match options.encoding {
        Some(forced) => match Encoding::for_bom(bytes) {
            Some((bom, len)) if bom == forced => (forced, &bytes[len..]),
            _ => (forced, bytes),
        },
        None => detect(bytes).map_err(refuse)?,
    };
    let content = if encoding == UTF_16LE || encoding == UTF_16BE {
        strict(encoding, body)
            .ok_or_else(|| refuse(format!("not valid {} text", encoding.name())))?
    } else {
        // In an 8-bit text a NUL is no character: a few are debris, many are binary data.
        let nuls = body.iter().filter(|&&b| b == 0).count();
        let kept: std::borrow::Cow<[u8]> = if nuls == 0 {
            body.into()
        } else if nuls * 1000 <= body.len() * NUL_PER_MILLE {
            body.iter().copied().filter(|&b| b != 0).collect::<Vec<u8>>().into()
        } else {
            return Err(refuse("holds NUL bytes: binary data, not text".into()));
        };
        if encoding == UTF_8 {
            std::str::from_utf8(&kept)
                .map(str::to_owned)
                .map_err(|e| refuse(not_utf8(e.valid_up_to())))?
        } else {
            strict(encoding, &kept)
                .ok_or_else(|| refuse(format!("not valid {} text", encoding.name())))?
        }
    };
    finish(content, path, encoding, InputFormat::Text)
}

/// The checks and fixes every decoded text goes through: control characters counted, line
/// breaks and invisible characters normalised, emptiness refused.
fn finish(
    content: String,
    path: &Path,
    encoding: &'static Encoding,
    format: InputFormat,
) -> Result<Text> {
    let refuse = |reason: String| Error::Encoding { path: path.to_path_buf(), reason };
    // Most texts hold nothing to count or fix: one byte scan tells, and spares the passes
    // over characters below.
    let content = if needs_fixing(&content) {
        let controls = content.chars().filter(|&c| is_binary_control(c)).count();
        if controls > 8 && controls * 1000 > content.chars().count() * CONTROL_PER_MILLE {
            return Err(refuse(format!(
                "looks like binary data, not text ({controls} control characters)"
            )));
        }
        normalise(&content)
    } else {
        content
    };
    if content.trim().is_empty() {
        return Err(Error::Empty { path: PathBuf::from(path) });
    }
    Ok(Text { source: path.display().to_string(), content, encoding, format })
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding.decode_without_bom_handling_and_without_replacement(bytes).map(|s| s.into_owned())
}

fn not_utf8(offset: usize) -> String {
    format!("not valid UTF-8 (byte {offset} is not); save the file as UTF-8, or name its encoding with --encoding")
}

/// The encoding of bytes that carry no forced encoding, and the bytes to decode (without the
/// BOM); or why they are not text.
fn detect(bytes: &[u8]) -> std::result::Result<(&'static Encoding, &[u8]), String> {
    if let Some((encoding, len)) = Encoding::for_bom(bytes) {
        return Ok((encoding, &bytes[len..]));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok((encoding, bytes));
    }
    let error = match std::str::from_utf8(bytes) {
        Ok(_) => return Ok((UTF_8, bytes)),
        Err(e) => e,
    };
    // Bytes that hold well-formed UTF-8 letters as well as bad bytes are damaged UTF-8 (or two
    // encodings mixed); French in Windows-1252 hardly ever forms a valid UTF-8 sequence.
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if valid >= invalid {
        return Err(not_utf8(error.valid_up_to()));
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    let plausible = text
        .chars()
        .filter(|&c| !c.is_ascii() && (c.is_alphabetic() || TYPOGRAPHY.contains(c)))
        .count();
    if plausible * 10 >= non_ascii * 9 {
        return Ok((WINDOWS_1252, bytes));
    }
    Err(format!(
        "neither UTF-8 (byte {} is not) nor Windows-1252 text; save the file as UTF-8, or name its encoding with --encoding",
        error.valid_up_to()
    ))
}

/// Characters besides letters that Windows-1252 French text is made of.
const TYPOGRAPHY: &str = "\u{a0}\u{ad}«»‘’‚“”„–—…•°€§©®™·×÷±¼½¾²³¹ºª¡¿¢£¥¦¨¯´¸¶†‡‰‹›";

/// UTF-16 without a BOM, told by its zero bytes: text in Latin script has a zero high byte in
/// almost every code unit, and a zero low byte in almost none.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1 << 16) & !1];
    if !sample.contains(&0) {
        return None;
    }
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let mostly = |zeros: usize| zeros * 10 >= units * 6;
    let rarely = |zeros: usize| zeros * 20 <= units;
    if mostly(odd) && rarely(even) {
        Some(UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The signature of a ZIP archive (DOCX, ODT).
const ZIP: &[u8] = b"PK\x03\x04";
/// The signature of an OLE compound file (legacy Word `.doc`).
const OLE: &[u8] = b"\xD0\xCF\x11\xE0";

/// The signature of a PDF file.
#[cfg(feature = "pdf")]
fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF")
}

/// Names the kind of a binary file from its first bytes, for the error message.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF file"),
        (b"{\\rtf", "an RTF file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"\x7FELF", "an executable"),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind)
}

/// Control characters that text does not hold: all C0 and C1 controls but tab, LF, CR, form
/// feed, vertical tab and NEL, which text files use as white space or line breaks.
fn is_binary_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}')
}

/// What [`normalise`] does to one character.
enum Fix {
    Keep,
    Drop,
    LineBreak,
    ParagraphBreak,
}

fn fix(c: char) -> Fix {
    match c {
        '\r' | '\u{b}' | '\u{85}' | '\u{2028}' => Fix::LineBreak,
        '\u{2029}' => Fix::ParagraphBreak,
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => Fix::Drop,
        '\t' | '\n' | '\u{c}' => Fix::Keep,
        c if c.is_control() => Fix::Drop,
        _ => Fix::Keep,
    }
}

/// Whether `s` holds a character that [`fix`] does not keep as it is, told from its UTF-8 bytes:
/// a C0 control other than tab, LF and form feed, DEL, a C1 control (C2 80–9F), U+200B,
/// U+2028, U+2029 (E2 80 8B/A8/A9), U+2060 (E2 81 A0), U+FEFF (EF BB BF), U+FFFE, U+FFFF
/// (EF BF BE/BF).
fn needs_fixing(s: &str) -> bool {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    // Bytes that may start such a character, but for tab, LF and form feed, which are everywhere.
    let may_start = |c: u8| {
        ((c < 0x20) & (c != b'\t') & (c != b'\n') & (c != 0x0c))
            | (c == 0x7f)
            | (c == 0xc2)
            | (c == 0xe2)
            | (c == 0xef)
    };
    // Jump from one byte that may start such a character to the next.
    while let Some(k) = crate::scan::find(b, i, may_start) {
        i = k;
        let found = match b[i] {
            0..=0x1f | 0x7f => true,
            0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
            0xe2 => {
                (at(i + 1) == 0x80 && matches!(at(i + 2), 0x8b | 0xa8 | 0xa9))
                    || (at(i + 1) == 0x81 && at(i + 2) == 0xa0)
            }
            _ => {
                (at(i + 1) == 0xbb && at(i + 2) == 0xbf)
                    || (at(i + 1) == 0xbf && matches!(at(i + 2), 0xbe | 0xbf))
            }
        };
        if found {
            return true;
        }
        i += 1;
    }
    false
}

/// Line breaks → LF, invisible and control characters out (see the module documentation).
/// One pass; text that needs nothing is copied as it is.
fn normalise(s: &str) -> String {
    if !s.chars().any(|c| !matches!(fix(c), Fix::Keep)) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match fix(c) {
            Fix::Keep => out.push(c),
            Fix::Drop => {}
            Fix::LineBreak => {
                out.push('\n');
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            Fix::ParagraphBreak => out.push_str("\n\n"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<Text> {
        decode(bytes, Path::new("x.txt"), &ReadOptions::default())
    }

    fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = if bom {
            if big_endian {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            }
        } else {
            vec![]
        };
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    #[test]
    fn utf8_with_and_without_bom_decode_alike() {
        let plain = dec("L’Assemblée\r\n".as_bytes()).unwrap();
        let bom =
            dec(&[b"\xEF\xBB\xBF".as_slice(), "L’Assemblée\r\n".as_bytes()].concat()).unwrap();
        assert_eq!(plain.content, "L’Assemblée\n");
        assert_eq!(bom.content, plain.content);
        assert_eq!(plain.encoding, UTF_8);
    }

    #[test]
    fn utf16_with_or_without_bom_decodes() {
        let text = "L’Assemblée générale,\r\n\r\n1. Décide de se réunir ;\r\n";
        for big_endian in [false, true] {
            for bom in [true, false] {
                let t = dec(&utf16(text, big_endian, bom))
                    .unwrap_or_else(|e| panic!("{big_endian} {bom}: {e}"));
                assert_eq!(t.content, "L’Assemblée générale,\n\n1. Décide de se réunir ;\n");
                assert_eq!(t.encoding, if big_endian { UTF_16BE } else { UTF_16LE });
            }
        }
        assert_eq!(dec(&utf16("Résolution\r1.", false, true)).unwrap().content, "Résolution\n1.");
    }

    #[test]
    fn windows_1252_french_is_detected() {
        let t = dec(b"L\x92Assembl\xe9e g\xe9n\xe9rale,\r\n\r\n1. D\xe9cide \xe0 l\x92unanimit\xe9 \xab\xa0Th\xe8me\xa0\xbb ;\r\n").unwrap();
        assert_eq!(
            t.content,
            "L’Assemblée générale,\n\n1. Décide à l’unanimité «\u{a0}Thème\u{a0}» ;\n"
        );
        assert_eq!(t.encoding, WINDOWS_1252);
        assert_eq!(dec(b"R\xe9solution adopt\xe9e\n").unwrap().content, "Résolution adoptée\n");
    }

    #[test]
    fn damaged_utf8_is_refused_not_read_as_windows_1252() {
        let good = "L’Assemblée générale décide\net ";
        let e = dec(&[good.as_bytes(), b"\xff fin\n"].concat()).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!("x.txt: not valid UTF-8 (byte {} is not)", good.len())),
            "{e}"
        );
    }

    #[test]
    fn a_forced_encoding_is_used_strictly() {
        let latin = ReadOptions::with_encoding_label("latin1").unwrap();
        assert_eq!(latin.encoding, Some(WINDOWS_1252));
        assert_eq!(decode(b"caf\xe9", Path::new("x"), &latin).unwrap().content, "café");
        let utf16be = ReadOptions::with_encoding_label(" UTF-16BE ").unwrap();
        assert_eq!(
            decode(&utf16("ab", true, true), Path::new("x"), &utf16be).unwrap().content,
            "ab"
        );
        let utf8 = ReadOptions::with_encoding_label("utf8").unwrap();
        let e = decode(b"caf\xe9", Path::new("x"), &utf8).unwrap_err().to_string();
        assert!(e.contains("not valid UTF-8"), "{e}");
        let e = decode(
            &[0x00, 0xD8, 0x41, 0x00],
            Path::new("x"),
            &ReadOptions::with_encoding_label("utf-16le").unwrap(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("not valid UTF-16LE"), "{e}");
        for bad in ["klingon", "", "replacement", "iso-2022-kr"] {
            assert!(matches!(ReadOptions::with_encoding_label(bad), Err(Error::Usage(_))), "{bad}");
        }
    }

    #[test]
    fn bad_inputs_are_refused_with_the_file_name() {
        let pdf = dec(b"%PDF-1.7\n...").unwrap_err().to_string();
        if cfg!(feature = "pdf") {
            assert!(pdf.starts_with("x.txt: damaged PDF"), "{pdf}");
        } else {
            assert!(pdf.starts_with("x.txt: looks like a PDF file"), "{pdf}");
        }
        assert!(matches!(dec(b" \n\t\n"), Err(Error::Empty { .. })));
        assert!(matches!(dec(b""), Err(Error::Empty { .. })));
        assert!(matches!(dec(b"\xEF\xBB\xBF"), Err(Error::Empty { .. })));
        assert!(matches!(dec(b"\xFF\xFE"), Err(Error::Empty { .. })));
        assert!(matches!(dec(b"\x0c\x0c\n\x01\xe2\x80\x8b"), Err(Error::Empty { .. })));
        let nul = dec(b"a\0b\0c\0d\0e\0\0\0\0").unwrap_err().to_string();
        assert!(nul.contains("binary"), "{nul}");
        let controls = dec(&[b'a', 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, b'b'].repeat(10))
            .unwrap_err()
            .to_string();
        assert!(controls.contains("looks like binary data"), "{controls}");
    }

    #[test]
    fn a_few_stray_nuls_and_controls_are_dropped() {
        let mut bytes =
            "The General Assembly, having considered the report of the Secretary-General, "
                .repeat(3)
                .into_bytes();
        bytes[10] = 0;
        bytes.extend_from_slice(b"decides\x01 to\x1b act\x7f.\n");
        let t = dec(&bytes).unwrap();
        assert!(!t.content.contains(|c: char| c.is_control() && c != '\n'), "{:?}", t.content);
        assert!(t.content.starts_with("The Genera Assembly"), "{:?}", t.content);
        assert!(t.content.ends_with("decides to act.\n"));
    }

    #[test]
    fn the_byte_scan_finds_what_normalise_changes() {
        let all: String =
            (0u32..0x3000).chain([0xfeff, 0xfffe, 0xffff]).filter_map(char::from_u32).collect();
        for c in all.chars() {
            let s = format!("a{c}b");
            assert_eq!(needs_fixing(&s), normalise(&s) != s, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn line_breaks_and_invisible_characters_are_normalised() {
        let t = Text::new("t", "a\r\nb\rc\u{b}d\u{85}e\u{2028}f\u{2029}g\u{c}h\ti\u{200b}j\u{2060}k\u{feff}l\u{a0}m\u{202f}n\u{200d}o\u{1}p");
        assert_eq!(t.content, "a\nb\nc\nd\ne\nf\n\ng\u{c}h\tijkl\u{a0}m\u{202f}n\u{200d}op");
        let clean = "L’Assemblée « générale »\n";
        assert_eq!(normalise(clean), clean);
    }
}
