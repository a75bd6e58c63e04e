//! Text cleaning shared by the writers: each format has characters that break its readers.
//!
//! Every rule replaces a bad character by one space rather than deleting it, so that words on
//! either side of a form feed or a line break stay apart.

use std::borrow::Cow;

/// The characters that some common reader ends a line on: Python's `str.splitlines`, Unicode
/// line-breaking and text editors all split on more than LF and CR.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// For line-based formats (Moses): one text, one line.
pub(crate) fn one_line(s: &str) -> Cow<'_, str> {
    replace_with_space(s, is_line_break)
}

/// For a quoted CSV field: newlines survive quoting, but other control characters (form feeds
/// from PDF text, C1 codes) break spreadsheet imports.
pub(crate) fn csv_field(s: &str) -> Cow<'_, str> {
    replace_with_space(s, |c| c.is_control() && c != '\t' && c != '\n')
}

/// For an unquoted TSV field: tabs and line breaks would split the record, and control
/// characters are removed for the same reason as in CSV.
pub(crate) fn tsv_field(s: &str) -> Cow<'_, str> {
    replace_with_space(s, |c| c.is_control() || is_line_break(c))
}

/// XML 1.0 character data: characters the `Char` production forbids become spaces, markup
/// characters are escaped.
pub(crate) fn xml_text(s: &str) -> Cow<'_, str> {
    if find_xml_special(s.as_bytes(), 0).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    xml_pieces(s, |piece| {
        out.push_str(piece);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    Cow::Owned(out)
}

/// As [`xml_text`], written straight to `out` (the TMX writer: no copy of the text).
pub(crate) fn write_xml_text(out: &mut impl std::io::Write, s: &str) -> std::io::Result<()> {
    xml_pieces(s, |piece| out.write_all(piece.as_bytes()))
}

/// The text as XML character data, in pieces: runs of the text as it is and the escapes
/// between them.
fn xml_pieces<E>(s: &str, mut emit: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while let Some(at) = find_xml_special(bytes, i) {
        // Every byte the search stops on is ASCII or the lead byte of U+FFFx, so `at` is a
        // character boundary.
        let c = s[at..].chars().next().unwrap_or(' ');
        i = at + c.len_utf8();
        let escape = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\'' => "&apos;",
            '"' => "&quot;",
            // A parser reads a raw CR as LF (XML 1.0 §2.11); only a character reference survives.
            '\r' => "&#13;",
            '\t' | '\n' => continue,
            c if c < ' ' || matches!(c, '\u{fffe}' | '\u{ffff}') => " ",
            _ => continue,
        };
        emit(&s[start..at])?;
        emit(escape)?;
        start = i;
    }
    emit(&s[start..])
}

/// The next byte that may need an escape in XML: markup, C0 controls, or EF, the lead byte of
/// U+FFFE and U+FFFF.
fn find_xml_special(bytes: &[u8], from: usize) -> Option<usize> {
    crate::scan::find(bytes, from, |b| {
        (b < 0x20)
            | (b == b'&')
            | (b == b'<')
            | (b == b'>')
            | (b == b'\'')
            | (b == b'"')
            | (b == 0xef)
    })
}

/// For a spreadsheet cell: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return (or the full-width forms of the first four) is read as a formula by Excel,
/// LibreOffice or Google Sheets, so it gets a leading apostrophe, as OWASP's CSV-injection
/// guidance advises. A spreadsheet hides the apostrophe, but the text is then no longer
/// exactly the source's.
pub fn excel_safe(s: &str) -> Cow<'_, str> {
    if s.starts_with([
        '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ]) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn replace_with_space(s: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    // Every character these rules replace is a C0 control, DEL, or starts with byte C2 (C1
    // controls, U+0085), E2 (U+2028, U+2029) or EF (U+FFFE, U+FFFF) in UTF-8. A byte search
    // stops on those only, and the character there is decoded to tell U+2028 from the
    // apostrophe (E2 80 99) that French has in every line.
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(at) = crate::scan::find(bytes, i, |b| {
        (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2) | (b == 0xef)
    }) {
        // ASCII or a lead byte: a character boundary.
        let c = s[at..].chars().next().unwrap_or(' ');
        if bad(c) {
            let mut out = String::with_capacity(s.len());
            out.push_str(&s[..at]);
            out.extend(s[at..].chars().map(|c| if bad(c) { ' ' } else { c }));
            return Cow::Owned(out);
        }
        i = at + c.len_utf8();
    }
    Cow::Borrowed(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_become_single_spaces() {
        let s = "a\nb\r\nc\u{b}d\u{c}e\u{1c}f\u{1d}g\u{1e}h\u{85}i\u{2028}j\u{2029}k\tl";
        let one = one_line(s);
        assert_eq!(one, "a b  c d e f g h i j k\tl");
        assert_eq!(one.lines().count(), 1);
        // Python's splitlines splits on exactly these characters.
        assert!(!one.chars().any(is_line_break));
    }

    #[test]
    fn no_bad_character_passes_the_byte_scan() {
        for c in (0u32..0x3000).chain([0xfffe, 0xffff]).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert!(!one_line(&s).chars().any(is_line_break), "U+{:04X}", c as u32);
            assert!(
                !csv_field(&s).chars().any(|c| c.is_control() && c != '\t' && c != '\n'),
                "U+{:04X}",
                c as u32
            );
            assert!(
                !tsv_field(&s).chars().any(|c| c.is_control() || is_line_break(c)),
                "U+{:04X}",
                c as u32
            );
            let xml = xml_text(&s);
            assert!(
                !xml.chars().any(|c| (c < ' ' && !matches!(c, '\t' | '\n'))
                    || matches!(c, '\u{fffe}' | '\u{ffff}')),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        let s = "Décide & <agit> \u{a0}« maintenant » 🌍";
        for f in [one_line, csv_field, tsv_field] {
            assert!(matches!(f(s), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn csv_keeps_tab_and_newline_only() {
        assert_eq!(csv_field("a\tb\nc\rd\u{c}e\u{1}f\u{85}g\u{2028}h"), "a\tb\nc d e f g\u{2028}h");
    }

    #[test]
    fn tsv_has_no_separators_left() {
        assert_eq!(
            tsv_field("a\tb\nc\r\nd\u{c}e\u{1}f\u{85}g\u{2028}h\u{2029}i"),
            "a b c  d e f g h i"
        );
    }

    #[test]
    fn formula_cells_get_an_apostrophe() {
        for s in ["=1+2", "+33 1", "-5", "@SUM(A1)", "\tx", "\rx", "＝1"] {
            assert_eq!(excel_safe(s), format!("'{s}"));
        }
        for s in ["1. Decides", "", "'quoted", " =1", "– dash", "a=b"] {
            assert!(matches!(excel_safe(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn xml_text_escapes_as_quick_xml_does() {
        // The reference: forbidden characters to spaces, then quick-xml's escaper, then CR as
        // a character reference.
        let reference = |s: &str| {
            let clean: String = s
                .chars()
                .map(|c| {
                    if (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                        || matches!(c, '\u{fffe}' | '\u{ffff}')
                    {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            quick_xml::escape::escape(clean.as_str()).replace('\r', "&#13;")
        };
        let mut texts: Vec<String> = (0u32..0x3000)
            .chain([0xfff0, 0xfffd, 0xfffe, 0xffff])
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b{c}"))
            .collect();
        texts.push(format!("{}&{}<'\"\r{}", "x".repeat(31), "y".repeat(40), "z".repeat(33)));
        for t in &texts {
            assert_eq!(xml_text(t), reference(t), "{t:?}");
            let mut written = vec![];
            write_xml_text(&mut written, t).expect("write");
            assert_eq!(String::from_utf8(written).expect("UTF-8"), reference(t), "{t:?}");
        }
    }

    #[test]
    fn xml_escapes_and_drops_forbidden_characters() {
        assert_eq!(
            xml_text("A & <b> \"q\" 'r' \u{c}\u{1}\u{0}\tx\ny\rz\u{fffe}\u{85}"),
            "A &amp; &lt;b&gt; &quot;q&quot; &apos;r&apos;    \tx\ny&#13;z \u{85}"
        );
        assert!(matches!(xml_text("plain «texte» 🌍"), Cow::Borrowed(_)));
    }
}
