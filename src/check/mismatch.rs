//! Two texts that are not the same document: an English resolution given with the French of
//! another one. The aligner always finds some alignment; this tells a confident-looking wrong
//! one from a translation.
//!
//! Signals, from the surest:
//! - both texts carry a document symbol, and the symbols differ;
//! - the texts share few of their numbers (years, dates, resolution numbers, paragraph
//!   counts survive translation) and the paragraphs the aligner paired score low;
//! - many paragraphs have no counterpart and the paired ones score low;
//! - the units score very low on average.
//!
//! A partial translation is not a mismatch: its paired paragraphs score high, and its missing
//! paragraphs are reported one by one. The thresholds were set on 321 real pairs (the 14 gold
//! pairs, 304 Security Council pairs, UDHR, SDG targets and the seed pair: none is flagged)
//! and on 653 mismatched pairs built from them (all are flagged, 640 from content alone).

use crate::align::Alignment;
use crate::segment::Language;
use std::collections::HashSet;

/// Below this share of shared numbers (Dice coefficient over the sets of numbers of two
/// digits or more)… (real pairs: 0.82 and above; mismatched pairs: median 0.37)
const NUMBERS_SHARED: f64 = 0.5;
/// …with paired paragraphs scoring below this on average, the texts differ (real pairs: 0.64
/// and above, 0.97 for 95 % of them).
const PAIRED_SCORE: f64 = 0.85;
/// Share of paragraphs with no counterpart (real pairs: 0.04 at most)…
const ONE_SIDED: f64 = 0.2;
/// …with paired paragraphs scoring below this.
const ONE_SIDED_PAIRED_SCORE: f64 = 0.8;
/// Mean score of all units below which the texts differ (real pairs: 0.65 and above).
const MEAN_SCORE: f64 = 0.5;
/// Content signals need this many paragraphs on each side, and this many numbers in all.
const MIN_PARAGRAPHS: usize = 5;
const MIN_NUMBERS: usize = 6;

/// The language a side's paragraphs read in.
fn language_of(d: &crate::segment::Document) -> Language {
    let mut text = String::new();
    for p in &d.paragraphs {
        text.push_str(&p.text);
        text.push(' ');
        if text.len() > LANGUAGE_SAMPLE {
            break;
        }
    }
    crate::segment::guess_language(&text)
}

/// Text enough to tell English from French by their function words (a few paragraphs).
const LANGUAGE_SAMPLE: usize = 4000;

/// Why the two texts of `a` look like two different documents, or None.
pub(super) fn detail(a: &Alignment) -> Option<String> {
    // Swapped or twice the same language: the surest sign, and one the scores below miss
    // (a text aligned with itself scores perfectly). Not for `--units lines`, which aligns
    // lines in any two languages (its paragraphs are labelled `line.N`).
    let lines = |d: &crate::segment::Document| {
        d.paragraphs.iter().any(|p| p.label.name.starts_with("line."))
    };
    let languages = if lines(&a.en) || lines(&a.fr) {
        (Language::Other, Language::Other)
    } else {
        (language_of(&a.en), language_of(&a.fr))
    };
    match languages {
        (Language::Fr, Language::En) => {
            return Some(
                "the English text reads as French and the French text as English: the inputs look swapped"
                    .into(),
            )
        }
        (Language::En, Language::En) => {
            return Some("both texts read as English: the French text is not French".into())
        }
        (Language::Fr, Language::Fr) => {
            return Some("both texts read as French: the English text is not English".into())
        }
        _ => {}
    }
    if let (Some(en), Some(fr)) = (&a.en.symbol, &a.fr.symbol) {
        if !same_symbol(en, fr) {
            return Some(format!(
                "the English text is {en} and the French text is {fr}: two different documents"
            ));
        }
    }
    let (n_en, n_fr) = (a.en.paragraphs.len(), a.fr.paragraphs.len());
    if n_en < MIN_PARAGRAPHS || n_fr < MIN_PARAGRAPHS || a.beads.is_empty() {
        return None;
    }
    let mean = a.beads.iter().map(|b| b.score).sum::<f64>() / a.beads.len() as f64;
    let paired: Vec<f64> =
        a.beads.iter().filter(|b| !b.en.is_empty() && !b.fr.is_empty()).map(|b| b.score).collect();
    let paired_mean =
        if paired.is_empty() { 0.0 } else { paired.iter().sum::<f64>() / paired.len() as f64 };
    let one_sided: usize = a
        .beads
        .iter()
        .filter(|b| b.en.is_empty() || b.fr.is_empty())
        .map(|b| b.en.len() + b.fr.len())
        .sum();
    let one_sided = one_sided as f64 / (n_en + n_fr) as f64;
    let (numbers_en, numbers_fr) = (numbers(a, false), numbers(a, true));
    let total = numbers_en.len() + numbers_fr.len();
    let shared = 2.0 * numbers_en.intersection(&numbers_fr).count() as f64 / total.max(1) as f64;
    let unlike = "the two texts do not read as translations of each other";
    if total >= MIN_NUMBERS && shared < NUMBERS_SHARED && paired_mean < PAIRED_SCORE {
        return Some(format!("{unlike}: they share {:.0}% of their numbers, and paired paragraphs score {paired_mean:.2} on average", shared * 100.0));
    }
    if one_sided > ONE_SIDED && paired_mean < ONE_SIDED_PAIRED_SCORE {
        return Some(format!("{unlike}: {:.0}% of the paragraphs have no counterpart, and paired paragraphs score {paired_mean:.2} on average", one_sided * 100.0));
    }
    if mean < MEAN_SCORE {
        return Some(format!("{unlike}: the units score {mean:.2} on average"));
    }
    None
}

/// Symbols compared without spaces or case; a year in brackets that only one side writes
/// ("S/RES/2505 (2020)" / "S/RES/2505") does not make them differ.
fn same_symbol(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
    };
    let (a, b) = (key(a), key(b));
    let bare = |s: &str| -> String { s.split('(').next().unwrap_or(s).to_string() };
    a == b || (a.contains('(') != b.contains('(') && bare(&a) == bare(&b))
}

/// The numbers of two digits or more in one side's paragraphs. Digit groups are taken apart
/// ("19,000" and "19 000" both give 19 and 000), so English and French forms agree.
fn numbers(a: &Alignment, french: bool) -> HashSet<&str> {
    let doc = if french { &a.fr } else { &a.en };
    let mut out = HashSet::new();
    // Runs of ASCII digits, found by bytes: no other character is a digit here.
    for p in &doc.paragraphs {
        let b = p.text.as_bytes();
        let mut i = 0;
        while let Some(start) = crate::scan::find(b, i, |c| c.is_ascii_digit()) {
            let end =
                b[start..].iter().position(|c| !c.is_ascii_digit()).map_or(b.len(), |k| start + k);
            if end - start >= 2 {
                out.insert(&p.text[start..end]);
            }
            i = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_compared_without_spaces_case_or_a_one_sided_year() {
        assert!(same_symbol("S/RES/2505 (2020)", "S/RES/2505(2020)"));
        assert!(same_symbol("S/RES/2505 (2020)", "S/RES/2505"));
        assert!(same_symbol("a/res/58/135", "A/RES/58/135"));
        assert!(!same_symbol("A/RES/58/135", "A/RES/57/168"));
        assert!(!same_symbol("S/RES/2505 (2020)", "S/RES/2505 (2021)"));
    }
}
