//! Telling a file's language and normalising symbols and names for pairing.

pub use crate::segment::guess_language;
use std::path::Path;

/// The form of a symbol used to compare: upper case, no white space ("S/RES/2505 (2020)" =
/// "S/RES/2505(2020)").
pub(crate) fn symbol_key(symbol: &str) -> String {
    symbol.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

/// A file name with its language marks removed, to pair files that carry no symbol:
/// `A-RES-58-135.en.txt`, `A_RES_58_135-E.txt`, `en/A-RES-58-135.txt` → `a-res-58-135`.
pub(super) fn name_key(path: &Path) -> String {
    const MARKS: [&str; 10] =
        ["en", "eng", "english", "e", "fr", "fra", "fre", "french", "f", "txt"];
    // The extension of a document paralign reads says nothing about the pair: `res.docx`
    // (English) goes with `res.odt` or `res.pdf` (French).
    const EXTENSIONS: [&str; 5] = [".docx", ".odt", ".doc", ".pdf", ".text"];
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let stem = EXTENSIONS.iter().find_map(|e| name.strip_suffix(e)).unwrap_or(&name);
    stem.split(['.', '-', '_', ' '])
        .filter(|part| !part.is_empty() && !MARKS.contains(part))
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Language;

    #[test]
    fn languages_and_keys() {
        assert_eq!(
            guess_language(
                "The General Assembly, Recalling its resolution of the Council and the report"
            ),
            Language::En
        );
        assert_eq!(guess_language("L’Assemblée générale, Rappelant sa résolution de la Commission et le rapport des États"), Language::Fr);
        assert_eq!(guess_language("1 2 3"), Language::Other);
        assert_eq!(symbol_key("S/RES/2505 (2020)"), "S/RES/2505(2020)");
        assert_eq!(
            name_key(Path::new("x/A-RES-58-135.en.txt")),
            name_key(Path::new("y/A_RES_58_135-F.txt"))
        );
        assert_eq!(
            name_key(Path::new("x/A_RES_70_10-EN.pdf")),
            name_key(Path::new("y/A_RES_70_10-FR.docx"))
        );
        assert_eq!(name_key(Path::new("en/res.docx")), name_key(Path::new("fr/res.odt")));
        assert_eq!(name_key(Path::new("doc.en")), "doc");
    }
}
