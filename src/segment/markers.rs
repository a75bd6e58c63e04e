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

/// The number written in superscript digits, at most [`MAX_SUPERSCRIPT`]: a longer run is no
/// footnote number, and the numbers that follow it (n + 1) must not overflow.
pub(crate) fn superscript_number(s: &str) -> u32 {
    s.chars().filter_map(superscript_digit).fold(0u32, |n, d| (n * 10 + d).min(MAX_SUPERSCRIPT))
}

/// Far above any footnote number, far below `u32::MAX`.
/// From 0c6ed60, after fuzzing found the overflow; a bound chosen by hand, not tuned on a set.
const MAX_SUPERSCRIPT: u32 = 999_999;

fn is_superscript(c: char) -> bool {
    superscript_digit(c).is_some()
}

struct Candidate {
    range: std::ops::Range<usize>,
    number: u32,
    /// Glued to a letter or to punctuation after a word: "paix1", "thereto;1".
    clear: bool,
    /// Recorded but left in the text: a year with a marker in mid-sentence ("202116 and").
    keep_text: bool,
}

/// Removes the markers of the footnotes `numbers` from the paragraphs' texts and records them.
pub(crate) fn strip(paragraphs: &mut [Paragraph], numbers: &[u32]) {
    let numbers: std::collections::HashSet<u32> = numbers.iter().copied().collect();
    let mut max_seen = 0;
    for p in paragraphs.iter_mut() {
        let (mut removals, mut markers, mut seen) = (vec![], vec![], max_seen);
        for c in candidates(&p.text) {
            let known = numbers.contains(&c.number);
            let superscript = p.text[c.range.clone()].chars().all(is_superscript);
            // Markers go forward through the footnotes; only a clear marker may repeat an
            // earlier footnote ("Century;3" again), an unclear one (glued to a year) may not.
            let take = superscript || known && (c.number > seen || c.clear);
            if take {
                seen = seen.max(c.number);
                markers.push(c.number);
                if !c.keep_text {
                    removals.push(c.range);
                }
            }
        }
        let text = if removals.is_empty() { None } else { Some(without(&p.text, &removals)) };
        // A paragraph that is nothing but a marker ("³" alone) is text, not a marker: taking
        // it out would leave an empty paragraph.
        if text.as_ref().is_some_and(|t| t.trim().is_empty()) {
            continue;
        }
        max_seen = seen;
        p.markers.extend(markers);
        if let Some(text) = text {
            p.text = text;
        }
    }
}

/// `text` without the byte ranges `removals` (in order, not overlapping), copied once: a
/// paragraph may hold thousands of markers.
fn without(text: &str, removals: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for r in removals {
        out.push_str(&text[from..r.start]);
        from = r.end;
    }
    out.push_str(&text[from..]);
    out
}

/// Where `text` holds digits that look like a footnote marker glued to a word ("mer1",
/// "thereto;1", "20231,"), whether or not such a footnote exists: a report comparing the
/// numbers of two texts leaves these out. A marker glued to a year in mid-sentence ("its
/// 202116 and 2022 sessions"), which the paragraph's text keeps, is one here too: a
/// translation whose notes were renumbered writes "202115".
pub(crate) fn marker_like(text: &str) -> Vec<std::ops::Range<usize>> {
    candidates(text)
        .into_iter()
        .filter(|c| c.number > 0 && c.number < MARKER_LIKE_BELOW)
        .map(|c| c.range)
        .collect()
}

/// Digits glued to a word count as marker-like only below this number; from here on they are
/// numbers to compare. Hand-set in dacb55c (the check stage); no tuning recorded.
const MARKER_LIKE_BELOW: u32 = 200;

/// Whether any of `numbers` has a marker in `texts` (used to tell trailing footnotes from a
/// run of paragraphs that happen to start with numbers).
pub(crate) fn any_marker(texts: &[&str], numbers: &[u32]) -> bool {
    texts.iter().any(|t| candidates(t).iter().any(|c| numbers.contains(&c.number)))
}

fn candidates(text: &str) -> Vec<Candidate> {
    let mut out = vec![];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Digits are ASCII, superscript digits start with byte C2 (¹ ² ³) or E2 (⁰ ⁴…⁹): any
        // other byte is skipped without decoding (most paragraphs hold neither).
        match crate::scan::find(bytes, i, |b| b.is_ascii_digit() | (b == 0xC2) | (b == 0xE2)) {
            Some(k) => i = k,
            None => break,
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let superscript = is_superscript(c);
        if !(c.is_ascii_digit() || superscript) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let end = start
            + text[start..]
                .chars()
                .take_while(
                    |&ch| if superscript { is_superscript(ch) } else { ch.is_ascii_digit() },
                )
                .map(char::len_utf8)
                .sum::<usize>();
        let digits = &text[start..end];
        let mut preceding = text[..start].chars();
        let before = preceding.next_back();
        let before2 = preceding.next_back();
        let after = text[end..].chars().next();
        i = end;
        if superscript {
            let number = superscript_number(digits);
            out.push(Candidate { range: start..end, number, clear: true, keep_text: false });
            continue;
        }
        let ends_well = after.is_none_or(|a| a.is_whitespace() || ",;.:)]»”’".contains(a));
        if !ends_well || in_symbol(text, start) || before_month(&text[end..]) {
            continue;
        }
        let number = digits.parse().unwrap_or(0);
        match before {
            Some(b)
                if (b.is_alphabetic() || "’”»)]".contains(b)) && digits.len() <= MARKER_DIGITS =>
            {
                let clear = b.is_lowercase() || !b.is_alphabetic();
                out.push(Candidate { range: start..end, number, clear, keep_text: false });
            }
            // After punctuation that follows a word ("thereto;1") or a year ("2023,1", "1977,3");
            // after any other number it is a decimal ("12,5").
            Some(b) if ",;:.".contains(b) && digits.len() <= MARKER_DIGITS => {
                let head = &text[..start - 1];
                let after_word = before2.is_some_and(|c| !c.is_ascii_digit());
                let cut = head.len().saturating_sub(YEAR_DIGITS);
                let after_year = head.get(cut..).is_some_and(year)
                    && !head[..cut].ends_with(|c: char| c.is_ascii_digit());
                if after_word || after_year {
                    out.push(Candidate {
                        range: start..end,
                        number,
                        clear: after_word,
                        keep_text: false,
                    });
                }
            }
            // A superscript marker that pdftotext set apart by a space, at the paragraph's end
            // after its last punctuation: "for 2014, 1", "Agency; 1".
            Some(' ')
                if after.is_none()
                    && before2.is_some_and(|c| ",;:.".contains(c))
                    && digits.len() <= MARKER_DIGITS =>
            {
                out.push(Candidate {
                    range: start - 1..end,
                    number,
                    clear: true,
                    keep_text: false,
                });
            }
            // A year with a marker glued to it: "20231," → 2023 + 1. In mid-sentence ("at its
            // 202116 and 2022 sessions") the digits stay as written, as the official text and
            // its gold alignment have them, but the marker is recorded.
            _ if year_with_marker(digits) => {
                let keep_text = !clause_ends(&text[end..]);
                out.push(Candidate {
                    range: start + YEAR_DIGITS..end,
                    number: digits[YEAR_DIGITS..].parse().unwrap_or(0),
                    clear: false,
                    keep_text,
                });
            }
            _ => {}
        }
    }
    out
}

/// The most digits of a marker glued to a word or to punctuation ("thereto;123").
/// Hand-set in the first version (e6efda8); no tuning recorded.
const MARKER_DIGITS: usize = 3;
/// The digits of a year.
const YEAR_DIGITS: usize = 4;
/// The most digits of a marker glued to a year ("202116": 2021 and marker 16).
/// Hand-set in the first version (e6efda8); no tuning recorded.
const YEAR_MARKER_DIGITS: usize = 2;

/// A year from 1900 to 2099 (the two centuries hand-set in the first version, e6efda8).
fn year(digits: &str) -> bool {
    digits.len() == YEAR_DIGITS
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20"))
}

fn year_with_marker(digits: &str) -> bool {
    (YEAR_DIGITS + 1..=YEAR_DIGITS + YEAR_MARKER_DIGITS).contains(&digits.len())
        && year(&digits[..YEAR_DIGITS])
}

/// "on24 May 2024" (a missing space) is a date, not a marker.
fn before_month(rest: &str) -> bool {
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let rest = rest.trim_start();
    let word = &rest[..rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())];
    crate::lexicon::could_be_month(word)
        && crate::lexicon::month(&crate::lexicon::fold(word)).is_some()
}

/// Whether what follows a digit run ends a clause: punctuation or the end of the text.
fn clause_ends(rest: &str) -> bool {
    rest.trim_start().chars().next().is_none_or(|c| ",;.:)]»”".contains(c))
}

/// Digits inside a document symbol ("Add.1" in "A/77/463/Add.1") are never markers. Only the
/// last [`SYMBOL_REACH`] bytes are looked at, so that a text with no white space (a line of
/// megabytes) is not read back to its start at every digit.
fn in_symbol(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(SYMBOL_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let word = text[from..at].rsplit(char::is_whitespace).next().unwrap_or("");
    word.contains('/') || SYMBOL_SUFFIXES.iter().any(|s| word.trim_start_matches('(') == *s)
}

/// The parts of a document symbol that also stand alone after "and" or "et": "A/70/L.8 and
/// Add.1", "A/77/463 et Corr.1". Their digits are not markers (UN-DOCUMENTS.md, symbols).
const SYMBOL_SUFFIXES: [&str; 5] = ["Add.", "Rev.", "Corr.", "Amend.", "Suppl."];

/// Longer than any document symbol ("A/HRC/RES/55/1/Add.1/Corr.1" is 27 bytes).
/// From 82c6a5f (linear time on huge paragraphs); a bound chosen by hand, not tuned on a set.
const SYMBOL_REACH: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{Label, Part};

    fn stripped(texts: &[&str], numbers: &[u32]) -> Vec<(String, Vec<u32>)> {
        let mut ps: Vec<Paragraph> = texts
            .iter()
            .map(|t| Paragraph {
                text: t.to_string(),
                label: Label { name: String::new(), anchor: false },
                part: Part::Text,
                markers: vec![],
                span: 0..0,
                place: Default::default(),
            })
            .collect();
        strip(&mut ps, numbers);
        ps.into_iter().map(|p| (p.text, p.markers)).collect()
    }

    #[test]
    fn glued_markers_are_removed() {
        let got = stripped(
            &[
                "the Protocols thereto;1",
                "s’y rapportant1 ;",
                "on 30 June 2023,2",
                "le 30 juin 20233,",
                "at its sessions of 2021 and 20224; later;5",
                "paix6, G77 and 12,5 %",
            ],
            &[1, 2, 3, 4, 5, 6],
        );
        let texts: Vec<_> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the Protocols thereto;",
                "s’y rapportant ;",
                "on 30 June 2023,",
                "le 30 juin 2023,",
                "at its sessions of 2021 and 2022; later;",
                "paix, G77 and 12,5 %"
            ]
        );
        assert_eq!(got[4].1, [4, 5]);
    }

    #[test]
    fn a_marker_set_apart_by_a_space_at_the_paragraph_end_is_removed() {
        let got = stripped(
            &["report of the Agency for 2014, 1", "paragraphs 2, 3 and 4", "of the Agency; 2"],
            &[1, 2, 3],
        );
        let texts: Vec<_> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["report of the Agency for 2014,", "paragraphs 2, 3 and 4", "of the Agency;"]
        );
        assert_eq!(got[0].1, [1]);
        assert_eq!(got[2].1, [2]);
    }

    #[test]
    fn a_year_with_a_marker_mid_sentence_is_left_as_written_but_recorded() {
        assert_eq!(
            stripped(&["at its 202116 and 2022 sessions;17"], &[16, 17])[0],
            ("at its 202116 and 2022 sessions;".to_string(), vec![16, 17])
        );
        assert_eq!(
            stripped(
                &["the Geneva Conventions of 19491 and Protocol I of 1977,2 as applicable"],
                &[1, 2]
            )[0],
            (
                "the Geneva Conventions of 19491 and Protocol I of 1977, as applicable".to_string(),
                vec![1, 2]
            )
        );
    }

    #[test]
    fn decimals_and_dates_are_not_markers() {
        assert_eq!(
            stripped(&["up to 14,5 mm and 12.5 per cent, on24 May 2024"], &[2, 5, 24])[0].0,
            "up to 14,5 mm and 12.5 per cent, on24 May 2024"
        );
        assert_eq!(stripped(&["jusqu’à 14,5 mm"], &[5])[0].0, "jusqu’à 14,5 mm");
    }

    #[test]
    fn a_long_run_of_superscript_digits_does_not_overflow() {
        // found by fuzzing (read_segment): "attempt to multiply with overflow"
        assert_eq!(superscript_number("¹²³"), 123);
        assert_eq!(superscript_number("⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹"), MAX_SUPERSCRIPT);
        let text = crate::read::Text::new(
            "t",
            "Recalling the Convention¹²³⁴⁵⁶⁷⁸⁹⁰¹²³⁴⁵ of 1982,\n\n¹²³⁴⁵⁶⁷⁸⁹⁰¹²³⁴⁵ A note.\n",
        );
        let d = crate::segment::segment(&text, crate::segment::Language::En);
        assert!(!d.paragraphs.is_empty());
    }

    #[test]
    fn a_paragraph_that_is_only_a_marker_keeps_its_text() {
        // found by fuzzing (read_segment): "³" alone became an empty paragraph
        assert_eq!(
            stripped(&["³", " ¹ ", "Sea¹"], &[1]),
            [("³".to_string(), vec![]), (" ¹ ".to_string(), vec![]), ("Sea".to_string(), vec![1])]
        );
    }

    #[test]
    fn numbers_without_a_footnote_stay() {
        assert_eq!(
            stripped(&["the Group of 77 and A/77/463/Add.1, para. 14"], &[1])[0].0,
            "the Group of 77 and A/77/463/Add.1, para. 14"
        );
        assert_eq!(stripped(&["Sea1 was"], &[])[0].0, "Sea1 was");
    }

    #[test]
    fn a_symbol_suffix_standing_alone_keeps_its_number() {
        // A/RES/70/10: "[without reference to a Main Committee (A/70/L.8 and Add.1)]"
        let text = "(A/70/L.8 and Add.1)]";
        assert_eq!(stripped(&[text], &[1])[0].0, text);
        assert_eq!(stripped(&["(A/77/L.2 et Corr.1)"], &[1])[0].0, "(A/77/L.2 et Corr.1)");
        // a footnote after an ordinary word is still taken
        assert_eq!(stripped(&["and Addis1)"], &[1])[0], ("and Addis)".to_string(), vec![1]));
    }
}
