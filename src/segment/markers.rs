//! Footnote markers glued to words. PDF and XML text lose superscripts, so a marker becomes
//! digits glued to what precedes it: "thereto;1", "2023,1", "paix1,", "20231," (a year and
//! marker 1), "202116 and" (2021 and marker 16). A digit run counts as a marker only when a
//! footnote with that number exists, and markers are taken in the order the footnotes are
//! numbered, so that "G77" or a decimal "12,5" is not mistaken for one.

use super::model::Paragraph;

/// The value of a superscript digit (⁰ ¹ ² ³ ⁴ … ⁹), as Word exports footnote markers.
pub(crate) fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁰' as u32),
        _ => None,
    }
}

/// The number written in superscript digits.
pub(crate) fn superscript_number(s: &str) -> u32 {
    s.chars().filter_map(superscript_digit).fold(0, |n, d| n * 10 + d)
}

fn is_superscript(c: char) -> bool {
    superscript_digit(c).is_some()
}

struct Candidate {
    range: std::ops::Range<usize>,
    number: u32,
    /// Glued to a letter or to punctuation after a word: "paix1", "thereto;1".
    clear: bool,
}

/// Removes the markers of the footnotes `numbers` from the paragraphs' texts and records them.
pub(crate) fn strip(paragraphs: &mut [Paragraph], numbers: &[u32]) {
    let mut expected = numbers.iter().copied().min().unwrap_or(1);
    let mut max_seen = 0;
    for p in paragraphs.iter_mut() {
        let mut removals = vec![];
        for c in candidates(&p.text) {
            let known = numbers.contains(&c.number);
            let superscript = p.text[c.range.clone()].chars().all(is_superscript);
            let take = superscript
                || known && (c.number == expected || (c.clear && (c.number <= max_seen || c.number > expected)));
            if take {
                if c.number >= expected {
                    expected = c.number + 1;
                }
                max_seen = max_seen.max(c.number);
                p.markers.push(c.number);
                removals.push(c.range);
            }
        }
        for r in removals.into_iter().rev() {
            p.text.replace_range(r, "");
        }
    }
}

/// Whether any of `numbers` has a marker in `texts` (used to tell trailing footnotes from a
/// run of paragraphs that happen to start with numbers).
pub(crate) fn any_marker(texts: &[&str], numbers: &[u32]) -> bool {
    texts.iter().any(|t| candidates(t).iter().any(|c| numbers.contains(&c.number)))
}

fn candidates(text: &str) -> Vec<Candidate> {
    let mut out = vec![];
    // Most paragraphs hold no digit at all.
    if !text.bytes().any(|b| b.is_ascii_digit()) && !text.contains(is_superscript) {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let superscript = is_superscript(c);
        if !(c.is_ascii_digit() || superscript) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].1.is_ascii_digit() && !superscript || superscript && is_superscript(chars[j].1)) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
        let digits = &text[start..end];
        let before = i.checked_sub(1).map(|k| chars[k].1);
        let before2 = i.checked_sub(2).map(|k| chars[k].1);
        let after = chars.get(j).map(|&(_, ch)| ch);
        i = j;
        if superscript {
            let number = superscript_number(digits);
            out.push(Candidate { range: start..end, number, clear: true });
            continue;
        }
        let ends_well = after.is_none_or(|a| a.is_whitespace() || ",;.:)]»”’".contains(a));
        if !ends_well || in_symbol(text, start) {
            continue;
        }
        match before {
            Some(b) if (b.is_alphabetic() || "’”»)]".contains(b)) && digits.len() <= 3 => {
                let clear = b.is_lowercase() || !b.is_alphabetic();
                out.push(Candidate { range: start..end, number: digits.parse().unwrap_or(0), clear });
            }
            Some(b) if ",;:.".contains(b) && digits.len() <= 3 => {
                let after_word = before2.is_some_and(|c| !c.is_ascii_digit());
                out.push(Candidate { range: start..end, number: digits.parse().unwrap_or(0), clear: after_word });
            }
            // A year with a marker glued to it at the end of a clause: "20231," → 2023 + 1.
            // Mid-sentence ("at its 202116 and 2022 sessions") the run is left as written:
            // nothing there tells a marker from a longer number.
            _ if year_with_marker(digits) && clause_ends(&text[end..]) => {
                out.push(Candidate { range: start + 4..end, number: digits[4..].parse().unwrap_or(0), clear: false });
            }
            _ => {}
        }
    }
    out
}

fn year_with_marker(digits: &str) -> bool {
    (5..=6).contains(&digits.len()) && (digits.starts_with("19") || digits.starts_with("20"))
}

/// Whether what follows a digit run ends a clause: punctuation or the end of the text.
fn clause_ends(rest: &str) -> bool {
    rest.trim_start().chars().next().is_none_or(|c| ",;.:)]»”".contains(c))
}

/// Digits inside a document symbol ("Add.1" in "A/77/463/Add.1") are never markers.
fn in_symbol(text: &str, at: usize) -> bool {
    text[..at].rsplit(char::is_whitespace).next().unwrap_or("").contains('/')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{Label, Part};

    fn stripped(texts: &[&str], numbers: &[u32]) -> Vec<(String, Vec<u32>)> {
        let mut ps: Vec<Paragraph> = texts
            .iter()
            .map(|t| Paragraph { text: t.to_string(), label: Label { name: String::new(), anchor: false }, part: Part::Text, markers: vec![], span: 0..0 })
            .collect();
        strip(&mut ps, numbers);
        ps.into_iter().map(|p| (p.text, p.markers)).collect()
    }

    #[test]
    fn glued_markers_are_removed() {
        let got = stripped(&["the Protocols thereto;1", "s’y rapportant1 ;", "on 30 June 2023,2", "le 30 juin 20233,", "at its sessions of 2021 and 20224;5", "paix6, G77 and 12,5 %"], &[1, 2, 3, 4, 5, 6]);
        let texts: Vec<_> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["the Protocols thereto;", "s’y rapportant ;", "on 30 June 2023,", "le 30 juin 2023,", "at its sessions of 2021 and 2022;", "paix, G77 and 12,5 %"]);
        assert_eq!(got[4].1, [4, 5]);
    }

    #[test]
    fn a_year_with_a_marker_mid_sentence_is_left_as_written() {
        assert_eq!(stripped(&["at its 202116 and 2022 sessions;17"], &[16, 17])[0], ("at its 202116 and 2022 sessions;".to_string(), vec![17]));
    }

    #[test]
    fn numbers_without_a_footnote_stay() {
        assert_eq!(stripped(&["the Group of 77 and A/77/463/Add.1, para. 14"], &[1])[0].0, "the Group of 77 and A/77/463/Add.1, para. 14");
        assert_eq!(stripped(&["Sea1 was"], &[])[0].0, "Sea1 was");
    }
}
