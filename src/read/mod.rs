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

    /// The pages of a PDF input (its reader opens each page after the first with a form feed);
    /// 0 for the other formats, whose pages are not known.
    pub fn pages(&self) -> usize {
        match self.format {
            InputFormat::Pdf => 1 + self.content.bytes().filter(|&b| b == b'\x0c').count(),
            _ => 0,
        }
    }
}

/// How to read input files.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Decode in this encoding instead of detecting one (a BOM of the same encoding is skipped).
    pub encoding: Option<&'static Encoding>,
    /// The most bytes one document may hold ([`DEFAULT_MAX_INPUT`] unless set): a longer file
    /// or stream is refused, so that an endless input (`/dev/zero` behind a pipe, `yes`) ends.
    pub max_input: u64,
    /// Read only this many pages of a PDF (None: all of them). `batch` tells a file's symbol
    /// and language from its first page, which holds the masthead, and reads the whole file
    /// only when the page does not tell.
    pub pages: Option<usize>,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions { encoding: None, max_input: DEFAULT_MAX_INPUT, pages: None }
    }
}

/// The default limit on one document: far above any resolution (the longest of the
/// Security Council and General Assembly pairs is under 1 MB), low enough that the memory a
/// document needs ([`WORKING_MEMORY_FACTOR`] times its size) fits an ordinary machine.
pub const DEFAULT_MAX_INPUT: u64 = 256 << 20;

/// How many times its size in memory a document may take while it is decoded, segmented and
/// aligned (measured peak resident memory over input size, README "Robustness"). Before the
/// work starts this much is asked for once, fallibly, so that a document that cannot fit is
/// an error naming it rather than an abort half-way (an infallible allocation that fails
/// aborts the process).
pub const WORKING_MEMORY_FACTOR: u64 = 8;

/// How many bytes of an input are looked at before the rest is read: enough to tell NUL-filled
/// or random data (`/dev/zero` or `/dev/urandom` behind a pipe) from text.
const SNIFF_BYTES: usize = 64 << 10;

impl ReadOptions {
    /// Options that force the encoding named `label`, as WHATWG names encodings (`utf-8`,
    /// `utf-16le`, `utf-16be`, `windows-1252`, `latin1`, `iso-8859-15`…).
    pub fn with_encoding_label(label: &str) -> Result<ReadOptions> {
        let encoding = Encoding::for_label_no_replacement(label.trim().as_bytes()).ok_or_else(|| {
            Error::Usage(format!("unknown encoding '{label}' (e.g. utf-8, utf-16le, utf-16be, windows-1252, latin1)"))
        })?;
        Ok(ReadOptions { encoding: Some(encoding), ..ReadOptions::default() })
    }
}

/// Reads and decodes a file, in the encoding `options` force or the one detected. Only a
/// regular file or a pipe is read: a device (`/dev/zero`, `/dev/urandom`, a terminal) or a
/// socket is refused before a byte is read, and a file longer than `options.max_input` from
/// its size alone.
pub fn read_path(path: &Path, options: &ReadOptions) -> Result<Text> {
    let metadata =
        std::fs::metadata(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let kind = metadata.file_type();
    refuse_kind(path, &kind)?;
    if kind.is_file() && metadata.len() > options.max_input {
        return Err(Error::TooLarge { path: path.to_path_buf(), limit: options.max_input });
    }
    let file = std::fs::File::open(path)
        .map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let size = kind.is_file().then_some(metadata.len());
    read_from(file, size, path, options)
}

/// Reads and decodes what `reader` gives (standard input, a pipe), `path` naming it in
/// messages. `size` is the length when it is known (a regular file), to reserve it at once.
/// At most `options.max_input` bytes are read; the first block is looked at before the rest,
/// so that binary data is refused without being read to its end, if it has one.
pub fn read_from(
    reader: impl std::io::Read,
    size: Option<u64>,
    path: &Path,
    options: &ReadOptions,
) -> Result<Text> {
    let bytes = read_bounded(reader, size, path, options)?;
    ensure_room(path, bytes.len())?;
    decode_owned(bytes, path, options)
}

/// Asks once, fallibly, for the memory a document of `len` bytes needs while it is processed
/// ([`WORKING_MEMORY_FACTOR`] times), and gives it back: only the address space is reserved,
/// no page is touched. A document that cannot fit is then [`Error::OutOfMemory`] naming it,
/// not an abort in the middle of segmenting.
pub fn ensure_room(path: &Path, len: usize) -> Result<()> {
    let need = (len as u64).saturating_mul(WORKING_MEMORY_FACTOR);
    let mut probe: Vec<u8> = Vec::new();
    let fits = usize::try_from(need).is_ok_and(|n| probe.try_reserve_exact(n).is_ok());
    drop(probe);
    if fits {
        Ok(())
    } else {
        Err(Error::OutOfMemory { path: path.to_path_buf(), bytes: need })
    }
}

/// Reads at most `options.max_input` bytes (one more tells that there were more), into a
/// buffer grown fallibly, and refuses binary data once the first block is in.
fn read_bounded(
    reader: impl std::io::Read,
    size: Option<u64>,
    path: &Path,
    options: &ReadOptions,
) -> Result<Vec<u8>> {
    use std::io::Read;
    let limit = options.max_input;
    let mut reader = reader.take(limit.saturating_add(1));
    let out_of_memory = |bytes: u64| Error::OutOfMemory { path: path.to_path_buf(), bytes };
    let mut bytes = Vec::new();
    if let Some(size) = size {
        // One more byte than the file holds, so that reading to its end never grows the buffer.
        let want = size.min(limit).saturating_add(1);
        let want_usize = usize::try_from(want).map_err(|_| out_of_memory(want))?;
        bytes.try_reserve_exact(want_usize).map_err(|_| out_of_memory(want))?;
    }
    let mut chunk = vec![0u8; SNIFF_BYTES];
    let mut sniffed = false;
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => return Err(Error::Io { path: path.to_path_buf(), source }),
        };
        bytes.try_reserve(n).map_err(|_| out_of_memory((bytes.len() + n) as u64))?;
        bytes.extend_from_slice(&chunk[..n]);
        if bytes.len() as u64 > limit {
            return Err(Error::TooLarge { path: path.to_path_buf(), limit });
        }
        if !sniffed && bytes.len() >= SNIFF_BYTES {
            sniff(&bytes[..SNIFF_BYTES], path, options)?;
            sniffed = true;
        }
    }
    Ok(bytes)
}

/// Refuses, from its first block, an input that [`decode`] would refuse as binary whatever
/// followed: a known binary signature, NUL bytes or control bytes beyond the shares text
/// tolerates. Word documents (ZIP, OLE), PDFs when their reader is built in, and UTF-16 (a NUL
/// in every other byte) pass: they are told apart later, from the whole file.
fn sniff(block: &[u8], path: &Path, options: &ReadOptions) -> Result<()> {
    let refuse = |reason: String| Error::Encoding { path: path.to_path_buf(), reason };
    if block.starts_with(ZIP) || block.starts_with(OLE) || (cfg!(feature = "pdf") && is_pdf(block))
    {
        return Ok(());
    }
    if let Some(kind) = binary_kind(block) {
        return Err(refuse(format!(
            "looks like {kind}, not text: extract the text first (e.g. pdftotext -layout)"
        )));
    }
    let utf16 = |e: &'static Encoding| e == UTF_16LE || e == UTF_16BE;
    if options.encoding.is_some_and(utf16)
        || Encoding::for_bom(block).is_some_and(|(e, _)| utf16(e))
        || utf16_without_bom(block).is_some()
    {
        return Ok(());
    }
    let nuls = block.iter().filter(|&&b| b == 0).count();
    if nuls * 1000 > block.len() * NUL_PER_MILLE {
        return Err(refuse("holds NUL bytes: binary data, not text".into()));
    }
    let controls = block
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)) || b == 0x7f)
        .count();
    if controls > 8 && controls * 1000 > block.len() * CONTROL_PER_MILLE {
        return Err(refuse(format!(
            "looks like binary data, not text ({controls} control bytes in its first {} KiB)",
            SNIFF_BYTES >> 10
        )));
    }
    Ok(())
}

/// Refuses, from its metadata alone, a path that names something no document is read from: a
/// folder, a device or a socket. A path that does not exist passes (reading it says so).
pub fn refuse_non_file(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(metadata) => refuse_kind(path, &metadata.file_type()),
        Err(_) => Ok(()),
    }
}

fn refuse_kind(path: &Path, kind: &std::fs::FileType) -> Result<()> {
    if kind.is_dir() {
        return Err(Error::IsDirectory { path: path.to_path_buf() });
    }
    if !kind.is_file() && !is_fifo(kind) {
        return Err(Error::NotAFile { path: path.to_path_buf(), kind: describe(kind) });
    }
    Ok(())
}

#[cfg(unix)]
fn is_fifo(kind: &std::fs::FileType) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(kind)
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::FileType) -> bool {
    false
}

/// What a path that is neither a file, a folder nor a pipe names, for the message.
fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = kind;
    "not a regular file"
}

/// A size as `--max-input` takes it back: `256 MiB`, `64 KiB`, `1000 bytes`.
pub fn show_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / (1u64 << 20) as f64),
        b => format!("{b} bytes"),
    }
}

/// A size as `--max-input` takes it: a number of bytes, or with a binary suffix `K`, `M`, `G`
/// (also `KiB`, `MB`…: always powers of 1024). Zero is refused: no document fits.
pub fn parse_size(spec: &str) -> std::result::Result<u64, String> {
    let bad = || format!("takes a size such as 64M, 1G or 500000, not '{spec}'");
    let s = spec.trim();
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (number, unit) = s.split_at(digits);
    let number: u64 = number.parse().map_err(|_| bad())?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(bad()),
    };
    let bytes = number.checked_mul(1 << shift).ok_or_else(bad)?;
    if bytes == 0 {
        return Err(bad());
    }
    Ok(bytes)
}

/// A text with more control characters than this share (in 1/1000) is binary data.
const CONTROL_PER_MILLE: usize = 10;
/// A text with more NUL bytes than this share (in 1/1000) is binary data; fewer are dropped.
const NUL_PER_MILLE: usize = 10;

/// As [`decode`], for bytes the caller gives up: UTF-8 text, the common case, becomes the
/// text without a copy (a copy would double the memory a long document takes).
fn decode_owned(bytes: Vec<u8>, path: &Path, options: &ReadOptions) -> Result<Text> {
    let plain = options.encoding.is_none()
        && !bytes.starts_with(ZIP)
        && !bytes.starts_with(OLE)
        && binary_kind(&bytes).is_none()
        && Encoding::for_bom(&bytes).is_none()
        && !bytes.contains(&0);
    if !plain {
        return decode(&bytes, path, options);
    }
    match String::from_utf8(bytes) {
        Ok(text) => finish(text, path, UTF_8, InputFormat::Text),
        Err(e) => decode(e.as_bytes(), path, options),
    }
}

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
        return finish(pdf::text(bytes, path, options.pages)?, path, UTF_8, InputFormat::Pdf);
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
