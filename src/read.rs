//! Reading: bytes → [`Text`]. Decodes UTF-8 (with or without BOM) and UTF-16 with a BOM,
//! refuses binary files with a message that says what they look like, and normalises line
//! endings (CRLF and lone CR become LF) so that later stages see one kind of line break.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Decoded text and the name of where it came from.
#[derive(Debug, Clone)]
pub struct Text {
    /// The path or name (`<stdin>`) used in messages.
    pub source: String,
    /// The text, with LF line endings and no BOM.
    pub content: String,
}

impl Text {
    /// Text from a string already in memory (line endings are normalised).
    pub fn new(source: impl Into<String>, content: impl AsRef<str>) -> Text {
        Text { source: source.into(), content: normalise_newlines(content.as_ref()) }
    }
}

/// Reads and decodes a file.
pub fn read_path(path: &Path) -> Result<Text> {
    if path.is_dir() {
        return Err(Error::IsDirectory { path: path.to_path_buf() });
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    decode(&bytes, path)
}

/// Decodes bytes read from `path` (used in messages only).
pub fn decode(bytes: &[u8], path: &Path) -> Result<Text> {
    let encoding_error = |reason: String| Error::Encoding { path: path.to_path_buf(), reason };
    if let Some(kind) = binary_kind(bytes) {
        return Err(encoding_error(format!("looks like {kind}, not text: extract the text first (e.g. pdftotext -layout)")));
    }
    let content = if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(encoding_error(format!("not valid {} text", encoding.name())));
        }
        text.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(e) => {
                return Err(encoding_error(format!(
                    "not valid UTF-8 (byte {} is not); save the file as UTF-8",
                    e.valid_up_to()
                )))
            }
        }
    };
    if content.contains('\0') {
        return Err(encoding_error("holds NUL bytes: binary data or UTF-16 without a BOM".into()));
    }
    if content.trim().is_empty() {
        return Err(Error::Empty { path: PathBuf::from(path) });
    }
    Ok(Text { source: path.display().to_string(), content: normalise_newlines(&content) })
}

/// Names the kind of a binary file from its first bytes, for the error message.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF file"),
        (b"PK\x03\x04", "a ZIP archive (a DOCX or ODT file?)"),
        (b"\xD0\xCF\x11\xE0", "a legacy Word (.doc) file"),
        (b"{\\rtf", "an RTF file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"\x7FELF", "an executable"),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind)
}

/// CRLF and lone CR → LF.
fn normalise_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<Text> {
        decode(bytes, Path::new("x.txt"))
    }

    #[test]
    fn utf8_with_and_without_bom_decode_alike() {
        let plain = dec("L’Assemblée\r\n".as_bytes()).unwrap();
        let bom = dec(&[b"\xEF\xBB\xBF".as_slice(), "L’Assemblée\r\n".as_bytes()].concat()).unwrap();
        assert_eq!(plain.content, "L’Assemblée\n");
        assert_eq!(bom.content, plain.content);
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Résolution\r1.".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(dec(&bytes).unwrap().content, "Résolution\n1.");
    }

    #[test]
    fn bad_inputs_are_refused_with_the_file_name() {
        let pdf = dec(b"%PDF-1.7\n...").unwrap_err().to_string();
        assert!(pdf.starts_with("x.txt: looks like a PDF file"), "{pdf}");
        let latin1 = dec(b"R\xe9solution").unwrap_err().to_string();
        assert!(latin1.contains("not valid UTF-8"), "{latin1}");
        assert!(matches!(dec(b" \n\t\n"), Err(Error::Empty { .. })));
        assert!(matches!(dec(b"a\0b"), Err(Error::Encoding { .. })));
    }
}
