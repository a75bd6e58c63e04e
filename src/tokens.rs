//! The tokenizer of what translation leaves alone: numbers in canonical form (19,000 =
//! 19 000 = 19000; 12.5 = 12,5), document symbols (55/25, E/CN.15/2003/5) and the months of
//! dates (November = novembre = 11). The aligner hashes these tokens into its features
//! (`align::features`) and the checker compares them between paired paragraphs
//! (`check::numbers`). A leaf module: it depends on [`crate::lexicon`] and [`crate::scan`] only.

use crate::lexicon::{is_letter, month_in_date};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[A-Z]{1,6}(?:/\s?[A-Za-z0-9][A-Za-z0-9.\-]*)+|(?-u:\b)[0-9]{1,4}/[0-9]{1,4}(?:/[A-Za-z0-9.\-]+)*)").unwrap()
});

/// A piece of text that translation leaves alone, in canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    /// Canonical value: "19000", "12.5", "E/CN.15/2003/5", "11" for November.
    pub value: String,
    /// Where it stands in the text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum TokenKind {
    Number,
    Symbol,
    Month,
}

/// The months of dates in `text` ("15 November", "1er mai", "May 2023"), in text order: the
/// words [`month_in_date`] accepts. Such a word has digits beside it, past spaces and an
/// ordinal suffix, so only the words next to a run of digits are looked at: most words of a
/// corpus are never decoded here.
pub(crate) fn months_in_dates(text: &str) -> Vec<(Range<usize>, u32)> {
    let b = text.as_bytes();
    // Whether a word (a run of letters) starts at `q`.
    let starts_word = |q: usize| {
        text[q..].chars().next().is_some_and(is_letter)
            && !text[..q].chars().next_back().is_some_and(is_letter)
    };
    let past_spaces = |from: usize| b.len() - text[from..].trim_start().len();
    let mut starts = Vec::new();
    let mut i = 0;
    while let Some(s) = crate::scan::find(b, i, |c| c.is_ascii_digit()) {
        let e = b[s..].iter().position(|c| !c.is_ascii_digit()).map_or(b.len(), |k| s + k);
        // The word before the digits ("May 2023"): letters that end where the spaces before them start.
        let p = text[..s].trim_end().len();
        if let Some(start) =
            text[..p].char_indices().rev().take_while(|&(_, c)| is_letter(c)).last().map(|(k, _)| k)
        {
            starts.push(start);
        }
        // The word after them ("15 November"), or after an ordinal suffix ("1er mai", "1st May").
        let after = past_spaces(e);
        if starts_word(after) {
            starts.push(after);
        }
        if [b"er", b"st", b"th"].iter().any(|suffix| b[e..].starts_with(*suffix)) {
            let after = past_spaces(e + 2);
            if after > e + 2 && starts_word(after) {
                starts.push(after);
            }
        }
        i = e;
    }
    starts.sort_unstable();
    starts.dedup();
    starts
        .into_iter()
        .filter_map(|start| {
            let end = text[start..]
                .char_indices()
                .find(|&(_, c)| !is_letter(c))
                .map_or(text.len(), |(k, _)| start + k);
            month_in_date(text, start..end).map(|m| (start..end, m))
        })
        .collect()
}

/// Calls `found` for every symbol and number of `text`, in canonical form; the scan shared
/// by `align::features::extract` (which hashes them) and [`untranslated`] (which keeps them).
pub(crate) fn scan_symbols_and_numbers(
    text: &str,
    mut found: impl FnMut(TokenKind, &str, Range<usize>),
) {
    let mut covered = Vec::new();
    // Most paragraphs hold no symbol, many no number: skip the scans that cannot match.
    if text.contains('/') {
        for m in SYMBOL.find_iter(text) {
            let symbol: String =
                m.as_str().trim_end_matches('.').chars().filter(|c| !c.is_whitespace()).collect();
            // A document symbol holds a number; "AU/UN" or "CRESTA/A" are names.
            if !symbol.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            covered.push(m.range());
            // "1267/1989/2253" names a committee by three resolutions: three numbers. So do
            // two parts when the second is too large for a resolution of the General Assembly
            // ("78/286"): "the 1267/1988 Monitoring Team", "2020/2021 elections", "Law No.
            // 28/2023".
            let parts = symbol.split('/').count();
            let last_large = symbol.rsplit('/').next().is_some_and(|l| l.len() >= 4);
            if (parts >= 3 || parts == 2 && last_large)
                && symbol.bytes().all(|b| b.is_ascii_digit() || b == b'/')
            {
                for part in symbol.split('/') {
                    found(TokenKind::Number, part, m.range());
                }
                continue;
            }
            found(TokenKind::Symbol, &symbol, m.range());
        }
    }
    // Symbols and runs both come in text order, and symbols do not overlap: the one symbol
    // that may cover a run is the last to start at or before it (a cursor, not a scan of
    // every symbol for every run, which grows with the square of a huge paragraph).
    let mut symbol = 0;
    for run in number_runs(text) {
        while symbol + 1 < covered.len() && covered[symbol + 1].start <= run.start {
            symbol += 1;
        }
        if covered.get(symbol).is_some_and(|r| r.start <= run.start && run.end <= r.end) {
            continue;
        }
        let digits = &text[run.clone()];
        // Most runs are plain digits ("2003", "15"), whose canonical form is themselves without
        // leading zeros: no need to build strings.
        if digits.bytes().all(|b| b.is_ascii_digit()) {
            let n = digits.trim_start_matches('0');
            if !n.is_empty() {
                found(TokenKind::Number, n, run.clone());
            }
            continue;
        }
        for n in canonical_numbers(digits) {
            found(TokenKind::Number, &n, run.clone());
        }
    }
}

/// The numbers, symbols and months of a text, in canonical form and in text order, for
/// reports that must say what differs ("55/25" against "55/52").
pub(crate) fn untranslated(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    scan_symbols_and_numbers(text, |kind, value, range| {
        tokens.push(Token { kind, value: value.to_string(), range })
    });
    for (range, month) in months_in_dates(text) {
        tokens.push(Token { kind: TokenKind::Month, value: month.to_string(), range });
    }
    tokens.sort_by_key(|t| t.range.start);
    tokens
}

/// Runs of digits joined by single separators (space, no-break spaces, comma, period):
/// "19,000", "19 000", "12,5", "2003 15".
fn number_runs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let separator_len = |at: usize| -> usize {
        let rest = &text[at..];
        match rest.chars().next() {
            Some(c @ (' ' | ',' | '.' | '\u{a0}' | '\u{202f}' | '\u{2009}')) => c.len_utf8(),
            _ => 0,
        }
    };
    let mut runs = vec![];
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            // Most of a text holds no digit.
            i = crate::scan::find(bytes, i, |b| b.is_ascii_digit()).unwrap_or(bytes.len());
            continue;
        }
        let start = i;
        // Digits glued after a hyphen or a capital belong to a name (COVID-19, G77, H5N1).
        let before = text[..start].chars().next_back();
        // A hyphen between digits joins a range ("2018-2028", as "2018–2028" is written).
        let range = text[..start]
            .strip_suffix(['-', '‑', '‐'])
            .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()));
        let identifier =
            !range && before.is_some_and(|c| matches!(c, '-' | '‑' | '‐') || c.is_uppercase());
        loop {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let sep = if i < bytes.len() { separator_len(i) } else { 0 };
            if sep > 0 && bytes.get(i + sep).is_some_and(u8::is_ascii_digit) {
                i += sep;
            } else {
                break;
            }
        }
        if !identifier {
            runs.push(start..i);
        }
    }
    runs
}

/// Canonical forms of a run of digits and separators: "19,000" and "19 000" → "19000",
/// "12.5" and "12,5" → "12.5"; "2003 15" (two numbers) → "2003", "15".
fn canonical_numbers(run: &str) -> Vec<String> {
    let mut out = vec![];
    let mut current = String::new();
    // Whether `current` holds a decimal point (kept apart: a run of megabytes of digit groups
    // would be searched again at every group).
    let mut point = false;
    let mut rest = run;
    while !rest.is_empty() {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        rest = &rest[digits.len()..];
        current.push_str(&digits);
        let Some(sep) = rest.chars().next() else { break };
        let after = &rest[sep.len_utf8()..];
        let next_len = after.chars().take_while(char::is_ascii_digit).count();
        let group_of_three = next_len == 3 && !after[3..].starts_with(|c: char| c.is_ascii_digit());
        let thousands = group_of_three
            && match sep {
                ',' => digits.len() <= 3 && !point,
                '.' => false,
                _ => digits.len() <= 3,
            };
        if thousands {
            // thousands separator: the groups are one number
        } else if (sep == ',' || sep == '.') && !point {
            current.push('.');
            point = true;
        } else {
            out.push(std::mem::take(&mut current));
            point = false;
        }
        rest = after;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter()
        .map(|n| n.trim_start_matches('0').to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_written_the_french_way_are_equal() {
        assert_eq!(canonical_numbers("19,000"), ["19000"]);
        assert_eq!(canonical_numbers("19\u{a0}000"), ["19000"]);
        assert_eq!(canonical_numbers("1 000 000"), ["1000000"]);
        assert_eq!(canonical_numbers("12.5"), ["12.5"]);
        assert_eq!(canonical_numbers("12,5"), ["12.5"]);
        assert_eq!(canonical_numbers("2003 15"), ["2003", "15"]);
    }

    #[test]
    fn months_in_dates_are_the_words_month_in_date_accepts() {
        // The reference: every word of the text put to `month_in_date`.
        let every_word = |text: &str| -> Vec<(Range<usize>, u32)> {
            text.split(|c: char| !is_letter(c))
                .filter(|w| !w.is_empty())
                .filter_map(|w| {
                    let start = w.as_ptr() as usize - text.as_ptr() as usize;
                    month_in_date(text, start..start + w.len()).map(|m| (start..start + w.len(), m))
                })
                .collect()
        };
        let pieces = [
            "15",
            "1",
            "2000",
            "er",
            "st",
            "th",
            "e",
            " ",
            " ",
            "\u{a0}",
            "\u{202f}",
            "\n",
            ",",
            "-",
            "’",
            "(",
            "x",
            "é",
            "novembre",
            "November",
            "May",
            "mai",
            "may",
            "janvier",
            "Août",
            "aout",
            "MARCH",
            "décembre",
            "1er",
            "31st",
            "A/RES/55/25",
            "stmai",
            "ermai",
        ];
        let mut x: u64 = 0x853c_49e6_748f_ea9b;
        for _ in 0..20_000 {
            let mut text = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for _ in 0..x % 24 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            assert_eq!(months_in_dates(&text), every_word(&text), "{text:?}");
        }
    }

    #[test]
    fn untranslated_tokens_in_canonical_form() {
        let tokens =
            untranslated("le 15 novembre 2000, résolution 55/25, 1 000 000 dollars et 5,5 %");
        let values: Vec<(TokenKind, &str)> =
            tokens.iter().map(|t| (t.kind, t.value.as_str())).collect();
        assert_eq!(
            values,
            [
                (TokenKind::Number, "15"),
                (TokenKind::Month, "11"),
                (TokenKind::Number, "2000"),
                (TokenKind::Symbol, "55/25"),
                (TokenKind::Number, "1000000"),
                (TokenKind::Number, "5.5")
            ]
        );
    }

    #[test]
    fn ranges_and_lists_of_resolutions_are_numbers() {
        let values = |t: &str| -> Vec<String> {
            untranslated(t).into_iter().map(|t| format!("{:?} {}", t.kind, t.value)).collect()
        };
        assert_eq!(values("2018-2028"), values("2018–2028"));
        assert_eq!(values("2018-2028"), ["Number 2018", "Number 2028"]);
        assert_eq!(values("COVID-19"), Vec::<String>::new());
        assert_eq!(values("the 1267/1988 Monitoring Team"), ["Number 1267", "Number 1988"]);
        assert_eq!(values("Law No. 28/2023"), ["Number 28", "Number 2023"]);
        assert_eq!(values("resolution 78/286"), ["Symbol 78/286"]);
        assert_eq!(values("A/RES/78/286"), ["Symbol A/RES/78/286"]);
    }
}
