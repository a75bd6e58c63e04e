//! Words both languages share the meaning of, used by several stages: month names and the
//! folding of French accents. A leaf module: it depends on nothing else in the crate.

/// Month names in English and French, folded (see [`fold`]), with their number.
const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("janvier", 1),
    ("february", 2),
    ("fevrier", 2),
    ("march", 3),
    ("mars", 3),
    ("april", 4),
    ("avril", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("juin", 6),
    ("july", 7),
    ("juillet", 7),
    ("august", 8),
    ("aout", 8),
    ("september", 9),
    ("septembre", 9),
    ("october", 10),
    ("octobre", 10),
    ("november", 11),
    ("novembre", 11),
    ("december", 12),
    ("decembre", 12),
];

/// The English month names as written, January first: what a report shows for a month, and
/// what a line that opens with a date ("14 December 2006") has after its day.
pub(crate) const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The number of a month written in English or French (folded word), if it is one.
pub(crate) fn month(folded: &str) -> Option<u32> {
    MONTHS.iter().find(|(name, _)| *name == folded).map(|&(_, m)| m)
}

/// Whether the word at `range` of `text` is a month of a date: next to a day or a year
/// ("15 November", "1er mai", "May 2023"), so that the English verb "may" is not one.
pub(crate) fn month_in_date(text: &str, range: std::ops::Range<usize>) -> Option<u32> {
    let word = &text[range.clone()];
    if !could_be_month(word) {
        return None;
    }
    let m = month(&fold(word))?;
    in_date(text, range).then_some(m)
}

/// Whether `word` may fold to a month name: month names are 3 to 10 bytes long and open with
/// one of these three letters (accents as their UTF-8 lead byte: fé-, dé-, aoû-), so most words
/// ("and", "des", "decides", "session") are ruled out before folding, which every word of a
/// corpus would otherwise pay for.
pub(crate) fn could_be_month(word: &str) -> bool {
    let b = word.as_bytes();
    if !(3..=10).contains(&b.len()) {
        return false;
    }
    let lower = |i: usize| b[i].to_ascii_lowercase();
    const ACCENT: u8 = 0xC3;
    match (lower(0), lower(1)) {
        (b'j', b'a') => lower(2) == b'n',
        (b'j', b'u') => matches!(lower(2), b'n' | b'l' | b'i' | ACCENT),
        (b'f', b'e') => matches!(lower(2), b'b' | b'v'),
        (b'm', b'a') => matches!(lower(2), b'r' | b'y' | b'i' | ACCENT),
        (b'a', b'p' | b'v') => lower(2) == b'r',
        (b'a', b'u') => lower(2) == b'g',
        (b'a', b'o') => matches!(lower(2), b'u' | ACCENT),
        (b's', b'e') => lower(2) == b'p',
        (b'o', b'c') => lower(2) == b't',
        (b'n', b'o') => lower(2) == b'v',
        (b'd', b'e') => lower(2) == b'c',
        (b'f' | b'd', ACCENT) => true,
        _ => false,
    }
}

/// `char::is_alphabetic` with a fast path for the Latin letters French and English use.
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7f}' => false,
        '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' => true,
        c => c.is_alphabetic(),
    }
}

/// Whether the word at `range` stands next to a day or a year.
pub(crate) fn in_date(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = text[..range.start].trim_end();
    let before = before
        .strip_suffix("er")
        .or_else(|| before.strip_suffix("st"))
        .or_else(|| before.strip_suffix("th"))
        .unwrap_or(before);
    let after = text[range.end..].trim_start();
    before.ends_with(|c: char| c.is_ascii_digit())
        || after.starts_with(|c: char| c.is_ascii_digit())
}

/// Lower case with French accents folded, so that é = e and œ = oe.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// The first `n` characters of [`fold`]`(word)`, without folding the rest.
pub(crate) fn fold_prefix_into(word: &str, n: usize, out: &mut String) {
    let head = &word.as_bytes()[..word.len().min(n)];
    if head.is_ascii() {
        out.extend(
            head.iter().map(|&b| if b == b'\'' { '-' } else { b.to_ascii_lowercase() as char }),
        );
        return;
    }
    let start = out.len();
    let mut folded = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        if folded >= n {
            break;
        }
        folded += push_folded(c, out);
    }
    // "œ" folds to two letters: the n-th may have come with an (n+1)-th.
    if let Some((cut, _)) = out[start..].char_indices().nth(n) {
        out.truncate(start + cut);
    }
}

/// [`fold`] into a buffer the caller reuses.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Copied whole and lowered in place: pushing ASCII characters one at a time costs
        // several times more, and most words are ASCII.
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        if word.contains('\'') {
            let fixed = out[start..].replace('\'', "-");
            out.truncate(start);
            out.push_str(&fixed);
        }
        return;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        push_folded(c, out);
    }
}

/// Pushes lower-case `c` with its accent folded; returns the number of characters pushed.
fn push_folded(c: char, out: &mut String) -> usize {
    match c {
        'à' | 'â' | 'ä' | 'á' => out.push('a'),
        'é' | 'è' | 'ê' | 'ë' => out.push('e'),
        'î' | 'ï' | 'í' => out.push('i'),
        'ô' | 'ö' | 'ó' => out.push('o'),
        'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
        'ç' => out.push('c'),
        'œ' => {
            out.push_str("oe");
            return 2;
        }
        'æ' => {
            out.push_str("ae");
            return 2;
        }
        '’' | '\'' | '‑' | '‐' => out.push('-'),
        c => out.push(c),
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_only_in_dates() {
        let t = "on 15 November 2000, the Council may act; le 1er mai; in May 2023";
        let at = |w: &str| t.find(w).map(|i| i..i + w.len()).unwrap();
        assert_eq!(month_in_date(t, at("November")), Some(11));
        assert_eq!(month_in_date(t, at("may")), None);
        assert_eq!(month_in_date(t, at("mai")), Some(5));
        assert_eq!(month_in_date(t, at("May")), Some(5));
        assert_eq!(fold("Décembre"), "decembre");
        for (name, _) in MONTHS {
            let capital = name[..1].to_uppercase() + &name[1..];
            for word in [name.to_string(), name.to_uppercase(), capital] {
                assert!(could_be_month(&word), "{word}");
            }
        }
        for word in ["Février", "FÉVRIER", "août", "AOÛT", "Août", "décembre", "DÉCEMBRE", "maî"]
        {
            assert!(could_be_month(word), "{word}");
        }
        for word in ["des", "develops", "session", "notes", "matters", "and", "Assembly"] {
            assert!(!could_be_month(word), "{word}");
        }
        for c in [
            'é', 'Ç', 'œ', 'a', '1', 'ª', 'µ', '«', '×', '÷', 'ß', 'ǃ', 'ɏ', 'Ω', '中', '²',
            '\u{a0}',
        ] {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c}");
        }
        for word in ["Décembre", "cœur", "abc", "Œuvre", "l’Éta", "ab'c", "abcœ"] {
            let mut prefix = String::new();
            fold_prefix_into(word, 4, &mut prefix);
            assert_eq!(prefix, fold(word).chars().take(4).collect::<String>(), "{word}");
        }
    }
}
