//! Sentences of a paragraph: Unicode sentence boundaries (UAX #29, from unicode-segmentation),
//! then the UN register's exceptions joined back: abbreviations ("No. 5", "para. 3",
//! "M. Dupont", "e.g. the"), sub-paragraph markers standing alone ("(a)", "1."), and initials.
//! Document symbols (A/RES/58/135, E/CN.15/2003/5) and numbers (5.5, 1,000, 1 000) hold no
//! space after their periods, so UAX #29 never breaks inside them; semicolons are no sentence
//! boundary, so an enumeration "(a) …; (b) …;" stays one sentence.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Words that end with a period without ending a sentence, in both languages (compared
/// without the period, case-sensitively where case matters: "No." is an abbreviation, "no." at
/// a sentence end is a word).
const ABBREVIATIONS: &[&str] = &[
    "No", "Nos", "no", "nos", "para", "paras", "art", "arts", "Art", "Mr", "Mrs", "Ms", "M", "MM",
    "Mme", "Mmes", "Mlle", "Dr", "Prof", "St", "e.g", "i.e", "p.m", "a.m", "Add", "Rev", "Corr",
    "Suppl", "Vol", "vol", "p", "pp", "cf", "op", "cit", "Ibid", "ibid", "al", "approx", "Fig",
    "fig", "chap", "sect", "Sect", "subpara", "subparas", "al", "Ch", "Co", "Inc", "Ltd", "Jr",
    "Sr", "Gen", "Amb", "H.E", "S.E", "réf", "env", "éd", "ed", "eds", "vs", "v",
];

/// Byte ranges of the sentences of `text`, white space at their edges left out. Every
/// non-blank character of `text` is in exactly one range; the ranges are in order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut join_next = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let trimmed = piece.trim_end();
        let lead = piece.len() - piece.trim_start().len();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let range = start + lead..start + trimmed.len();
        match out.last_mut() {
            Some(last) if join_next || starts_lower(&text[range.clone()]) => last.end = range.end,
            _ => out.push(range),
        }
        let current = out.last().cloned().unwrap_or(0..0);
        join_next = ends_inside(&text[current]);
    }
    out
}

/// Whether a sentence that starts this way continues the one before: after an abbreviation
/// that UAX #29 took for an ending ("etc. and"), a lower-case word goes on.
fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Whether text ending this way has not ended its sentence: an abbreviation, an initial, or a
/// sub-paragraph marker alone ("(a)", "1.", "II.").
fn ends_inside(s: &str) -> bool {
    let s = s.trim_end();
    // A resolution number opening a title ("58/135. International cooperation …").
    let number = s
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'/'));
    if is_marker(s) || number {
        return true;
    }
    let Some(head) = s.strip_suffix('.') else { return false };
    let word = head
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '«' || c == '“')
        .next()
        .unwrap_or("");
    // An initial: one capital letter ("J. Smith"), but not a Roman numeral closing a list.
    let initial = word.chars().count() == 1
        && word.chars().all(char::is_uppercase)
        && !matches!(word, "I" | "V" | "X");
    initial || ABBREVIATIONS.contains(&word)
}

/// A sub-paragraph or paragraph marker standing alone: "(a)", "(iv)", "a)", "1.", "12.", "IV.".
fn is_marker(s: &str) -> bool {
    let inner = s
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| s.strip_suffix(')'))
        .or_else(|| s.strip_suffix('.'));
    inner.is_some_and(|w| {
        !w.is_empty()
            && w.len() <= 4
            && (w.bytes().all(|b| b.is_ascii_digit())
                || w.bytes().all(|b| b.is_ascii_lowercase())
                || w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn un_register_stays_inside_sentences() {
        assert_eq!(
            split("Recalling its resolution 55/25 of 15 November 2000. Takes note of document E/CN.15/2003/5, para. 12, and of No. 5 of the series. Decides to act."),
            ["Recalling its resolution 55/25 of 15 November 2000.", "Takes note of document E/CN.15/2003/5, para. 12, and of No. 5 of the series.", "Decides to act."]
        );
        assert_eq!(
            split("M. Dupont a présenté le rapport. Il a dit 1 000 dollars, soit 5,5 %."),
            ["M. Dupont a présenté le rapport.", "Il a dit 1 000 dollars, soit 5,5 %."]
        );
        assert_eq!(split("The costs (e.g. travel, i.e. tickets) rose by 5.5 per cent to 1,000 dollars. It ended."), ["The costs (e.g. travel, i.e. tickets) rose by 5.5 per cent to 1,000 dollars.", "It ended."]);
    }

    #[test]
    fn enumerations_and_markers_stay_with_their_sentence() {
        assert_eq!(
            split("Requests: (a) To report; (b) To act. Decides further."),
            ["Requests: (a) To report; (b) To act.", "Decides further."]
        );
        assert_eq!(
            split("1. Decides to meet. 2. Requests a report."),
            ["1. Decides to meet.", "2. Requests a report."]
        );
        assert_eq!(split("(a) Welcomes the report."), ["(a) Welcomes the report."]);
        assert_eq!(
            split("58/135. International cooperation in the fight"),
            ["58/135. International cooperation in the fight"]
        );
    }

    #[test]
    fn every_character_is_in_one_sentence() {
        let text = "  First one.  Second one?   Third!  ";
        let ranges = sentences(text);
        assert_eq!(split(text), ["First one.", "Second one?", "Third!"]);
        assert!(ranges.windows(2).all(|w| w[0].end <= w[1].start));
        let covered: usize = ranges
            .iter()
            .map(|r| text[r.clone()].chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
        assert!(sentences("   ").is_empty());
    }
}
