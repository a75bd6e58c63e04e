//! Numbers, years, dates and document symbols that differ inside a unit. Both sides are read
//! in canonical form (19,000 = 19 000; 5.5 = 5,5; 15 November = 15 novembre; 1er = 1), footnote
//! markers glued to words are left out, and differences that are house style are reported
//! with a lower severity instead of being hidden:
//!
//! - French adds the year to resolution numbers ("résolution 2360 (2017)"): info;
//! - small numbers and ordinals spelled out on one side ("6 months" / "six mois",
//!   "25th" / "vingt-cinquième"): info;
//! - a number written once more on one side ("of resolution 2293 (2016)" / "de cette même
//!   résolution"): info;
//! - clock times (3 to 6 p.m. / 15 heures à 18 heures) are matched as equal.

use super::{excerpt, Finding, Kind, Marks, Severity};
use crate::align::Alignment;
use crate::segment::marker_like;
use crate::tokens::{untranslated, Token, TokenKind};
use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;

/// Number findings per unit; in a `truncated` unit, numbers only the English has are the cut,
/// reported as such, not here.
pub(super) fn check(
    a: &Alignment,
    truncated: &std::collections::BTreeSet<usize>,
    out: &mut Vec<Finding>,
) {
    for (index, bead) in a.beads.iter().enumerate() {
        if bead.en.is_empty() || bead.fr.is_empty() {
            continue;
        }
        let (en_text, fr_text) = (a.en_text(bead), a.fr_text(bead));
        let (en, fr) = (tokens(&en_text), tokens(&fr_text));
        let (mut en_only, mut fr_only) = difference(&en, &fr);
        if en_text.contains("p.m.") || en_text.contains("a.m.") {
            match_clock_times(&mut en_only, &mut fr_only);
        }
        if en_only.is_empty() && fr_only.is_empty() {
            // The same dates, in another order ("from 1 January 2024 to 31 December 2025" /
            // "du 31 décembre 2025 au 1er janvier 2024"): translation keeps their order.
            let (en_dates, fr_dates) = (dates(&en), dates(&fr));
            let said = |d: &[(String, Range<usize>)]| d.iter().map(|(s, _)| s.clone()).collect();
            let (en_said, fr_said): (Vec<String>, Vec<String>) = (said(&en_dates), said(&fr_dates));
            let sorted = |d: &[String]| {
                let mut d = d.to_vec();
                d.sort();
                d
            };
            if en_said.len() >= 2 && en_said != fr_said && sorted(&en_said) == sorted(&fr_said) {
                let ranges =
                    |d: &[(String, Range<usize>)]| d.iter().map(|(_, r)| r.clone()).collect();
                out.push(Finding {
                    kind: Kind::NumberMismatch,
                    severity: Severity::Warning,
                    label: a.label(bead).to_string(),
                    en: excerpt(&en_text),
                    fr: excerpt(&fr_text),
                    detail: format!(
                        "the same dates in another order: English {} where French {}",
                        en_said.join(", "),
                        fr_said.join(", ")
                    ),
                    unit: Some(index),
                    marks: Marks { en: ranges(&en_dates), fr: ranges(&fr_dates) },
                });
            }
            continue;
        }
        if fr_only.is_empty() && truncated.contains(&index) {
            continue;
        }
        let own = own_paragraph(a.label(bead));
        let severity = severity(&en_only, &fr_only, [&en_text, &fr_text], [&en, &fr], own);
        let list = |t: &[Token]| {
            if t.is_empty() {
                "nothing".to_string()
            } else {
                t.iter().map(shown).collect::<Vec<_>>().join(", ")
            }
        };
        let mut detail =
            format!("English has {} where French has {}", list(&en_only), list(&fr_only));
        if severity == Severity::Info {
            detail.push_str(" (house style)");
        }
        out.push(Finding {
            kind: Kind::NumberMismatch,
            severity,
            label: a.label(bead).to_string(),
            en: excerpt(&en_text),
            fr: excerpt(&fr_text),
            detail,
            unit: Some(index),
            marks: Marks {
                en: en_only.iter().map(|t| t.range.clone()).collect(),
                fr: fr_only.iter().map(|t| t.range.clone()).collect(),
            },
        });
    }
}

/// The canonical numbers, symbols and months of a text, footnote markers left out.
fn tokens(text: &str) -> Vec<Token> {
    // Markers become spaces, which keeps byte offsets: "20231," reads as "2023 ,".
    let mut clean = text.to_string();
    for m in marker_like(text) {
        clean.replace_range(m.clone(), &" ".repeat(m.len()));
    }
    // The paragraph's own number ("6. Requests …") is its label, which the numbering checks.
    let label_end = crate::segment::operative_label_end(text);
    untranslated(&clean)
        .into_iter()
        .filter(|t| !(t.kind == TokenKind::Number && label_end.is_some_and(|e| t.range.end <= e)))
        .map(|mut t| {
            if t.kind == TokenKind::Symbol {
                // French often writes "résolution 60/180" for A/RES/60/180.
                for prefix in ["A/RES/", "S/RES/", "E/RES/"] {
                    if let Some(rest) = t.value.strip_prefix(prefix).map(str::to_string) {
                        // "S/RES/1645 (2005)" is "resolution 1645 (2005)"
                        if rest.bytes().all(|b| b.is_ascii_digit()) {
                            t.kind = TokenKind::Number;
                        }
                        t.value = rest;
                    }
                }
            }
            t
        })
        .collect()
}

/// What each side has that the other has not (as multisets of kind and value). Each English
/// token takes the first French token of its kind and value not yet taken; tokens are looked
/// up by value, so a unit with thousands of numbers costs no more than reading them.
fn difference(en: &[Token], fr: &[Token]) -> (Vec<Token>, Vec<Token>) {
    // Most units carry the same numbers in the same order: each token then takes its
    // counterpart at the same place, and nothing is left on either side.
    if en.len() == fr.len()
        && en.iter().zip(fr).all(|(e, f)| e.kind == f.kind && e.value == f.value)
    {
        return (vec![], vec![]);
    }
    let mut waiting: HashMap<(TokenKind, &str), VecDeque<usize>> = HashMap::new();
    for (k, f) in fr.iter().enumerate() {
        waiting.entry((f.kind, f.value.as_str())).or_default().push_back(k);
    }
    let mut taken = vec![false; fr.len()];
    let mut en_only = Vec::new();
    for t in en {
        match waiting.get_mut(&(t.kind, t.value.as_str())).and_then(VecDeque::pop_front) {
            Some(k) => taken[k] = true,
            None => en_only.push(t.clone()),
        }
    }
    (en_only, fr.iter().zip(taken).filter(|(_, taken)| !taken).map(|(t, _)| t.clone()).collect())
}

/// "3 to 6 p.m." against "15 heures à 18 heures": an English hour n matches a French n + 12.
fn match_clock_times(en_only: &mut Vec<Token>, fr_only: &mut Vec<Token>) {
    let mut hours: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (k, f) in fr_only.iter().enumerate().filter(|(_, f)| f.kind == TokenKind::Number) {
        hours.entry(f.value.as_str()).or_default().push_back(k);
    }
    let mut matched = vec![false; fr_only.len()];
    en_only.retain(|t| {
        let Ok(n) = t.value.parse::<u32>() else { return true };
        if !(1..=12).contains(&n) {
            return true;
        }
        let afternoon = (n % 12 + 12).to_string();
        match hours.get_mut(afternoon.as_str()).and_then(VecDeque::pop_front) {
            Some(k) => {
                matched[k] = true;
                false
            }
            None => true,
        }
    });
    let mut k = 0;
    fr_only.retain(|_| {
        k += 1;
        !matched[k - 1]
    });
}

fn severity(
    en_only: &[Token],
    fr_only: &[Token],
    [en_text, fr_text]: [&str; 2],
    [en, fr]: [&[Token]; 2],
    own: Option<&str>,
) -> Severity {
    let symbol = |t: &Token| t.kind == TokenKind::Symbol;
    // A symbol that differs, or that the French leaves out, is an error; one the French adds
    // (a reference the English leaves implicit) is worth a look, no more.
    if en_only.iter().any(symbol) || fr_only.iter().any(symbol) && !en_only.is_empty() {
        return Severity::Error;
    }
    if fr_only.iter().any(symbol) {
        return Severity::Warning;
    }
    let is_year = |t: &Token| {
        t.kind == TokenKind::Number
            && t.value.len() == 4
            && (t.value.starts_with("19") || t.value.starts_with("20"))
    };
    let small =
        |t: &Token| t.kind == TokenKind::Number && t.value.parse::<u32>().is_ok_and(|n| n <= 10);
    let values = |tokens: &'_ [Token]| -> HashSet<(TokenKind, String)> {
        tokens.iter().map(|t| (t.kind, t.value.clone())).collect()
    };
    // What each side has, computed once: a unit may hold thousands of numbers.
    let (en_values, fr_values) = (values(en), values(fr));
    let (en_year, fr_year) = (en_only.iter().any(is_year), fr_only.iter().any(is_year));
    let (en_small, fr_small) = (en_only.iter().any(small), fr_only.iter().any(small));
    let (en_words, fr_words) = (spelled_numbers(en_text), spelled_numbers(fr_text));
    // A token of one side, against what the other side has.
    let explained = |t: &Token,
                     text: &str,
                     other_text: &str,
                     other_year: bool,
                     other_small: bool,
                     other_values: &HashSet<(TokenKind, String)>,
                     other_words: &HashSet<u32>| {
        // a year added in brackets on one side ("2360 (2017)"); a year that changed is not style
        let year_in_brackets = is_year(t)
            && text[..t.range.start].ends_with('(')
            && text[t.range.end..].starts_with(')')
            && !other_year;
        // a small number is spelled out on the other side only if that side has no small
        // number in its place ("6 months" / "six mois", but not "5 months" / "6 mois")
        let spelled_out = small(t) && !other_small;
        // "25th anniversary" / "vingt-cinquième anniversaire": ordinals are often spelled out.
        let rest = &text[t.range.end..];
        let ordinal = t.kind == TokenKind::Number
            && ["st", "nd", "rd", "th", "e ", "er", "re", "ème"]
                .iter()
                .any(|s| rest.starts_with(s));
        // "paragraph 7 of resolution 2293 (2016)" / "paragraphe 7 de cette même résolution": a
        // value the other side also has, written once more on one side, is a repetition.
        let repeated = other_values.contains(&(t.kind, t.value.clone()));
        // Any number the other side writes in words ("90 days" / "quatre-vingt-dix jours").
        let in_words = t.kind == TokenKind::Number
            && t.value.parse::<u32>().is_ok_and(|n| other_words.contains(&n));
        // "COVID-19" / "maladie à coronavirus 2019 (COVID-19)": the French spells the name out.
        let coronavirus = t.value == "2019"
            && text[..t.range.start].trim_end().to_lowercase().ends_with("coronavirus");
        // "paragraph 29 (a)" inside paragraph 29 / "l’alinéa a) du présent paragraphe": the
        // other side names the paragraph it is in without its number.
        let before = text[..t.range.start].trim_end().to_lowercase();
        // (also "on 27.a", the sub-paragraph's letter glued on)
        let glued_letter = text[t.range.end..].strip_prefix('.').is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_lowercase())
                && !r[1..].starts_with(|c: char| c.is_alphanumeric())
        });
        let this_paragraph = Some(t.value.as_str()) == own
            && (before.ends_with("paragraph") || before.ends_with("paragraphe") || glued_letter)
            && THIS_PARAGRAPH.iter().any(|w| other_text.to_lowercase().contains(w));
        // "90-day reports" / "rapports trimestriels": a period the other side names in a word.
        let period = t.kind == TokenKind::Number
            && PERIODS.iter().any(|(days, words)| {
                t.value == *days && words.iter().any(|w| other_text.to_lowercase().contains(w))
            });
        year_in_brackets
            || spelled_out
            || ordinal
            || repeated
            || in_words
            || coronavirus
            || this_paragraph
            || period
    };
    let all_explained = en_only
        .iter()
        .all(|t| explained(t, en_text, fr_text, fr_year, fr_small, &fr_values, &fr_words))
        && fr_only
            .iter()
            .all(|t| explained(t, fr_text, en_text, en_year, en_small, &en_values, &en_words));
    if all_explained {
        return Severity::Info;
    }
    Severity::Warning
}

/// How each language names the paragraph it is in, without its number.
const THIS_PARAGRAPH: [&str; 5] = [
    "présent paragraphe",
    "même paragraphe",
    "ce paragraphe",
    "this paragraph",
    "present paragraph",
];

/// Periods in days and the words that name them (S/RES/2713 (2023): "90-day reports" /
/// "rapports trimestriels").
const PERIODS: [(&str, [&str; 2]); 3] = [
    ("90", ["trimestri", "quarterly"]),
    ("180", ["semestri", "semi-annual"]),
    ("30", ["mensuel", "monthly"]),
];

/// The number of the operative paragraph a unit is in or under ("sec.G.op.29.b" → "29").
fn own_paragraph(label: &str) -> Option<&str> {
    super::numbering::operative_parts(label).map(|(_, number, _)| number)
}

/// The dates of a unit's tokens in text order ("1 January 2024"): a month with its day before
/// it ("15 November 2000") or after it ("November 15, 2000") and its year after them, the day
/// and the year optional; each as said ("15 November 2023"), with where it is.
fn dates(tokens: &[Token]) -> Vec<(String, Range<usize>)> {
    fn number(t: Option<&Token>) -> Option<&str> {
        t.filter(|t| t.kind == TokenKind::Number).map(|t| t.value.as_str())
    }
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Month)
        .map(|(k, t)| {
            let before =
                k.checked_sub(1).and_then(|d| number(tokens.get(d))).filter(|d| d.len() <= 2);
            let after = number(tokens.get(k + 1)).filter(|d| d.len() <= 2);
            let (day, year_at) = match (before, after) {
                (_, Some(d)) => (Some(d), k + 2),
                (d, None) => (d, k + 1),
            };
            let year = number(tokens.get(year_at)).filter(|y| y.len() == 4);
            let said = [day.map(str::to_string), Some(shown(t)), year.map(str::to_string)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let first = if before.is_some() && after.is_none() { k - 1 } else { k };
            let last = if year.is_some() {
                year_at
            } else if after.is_some() {
                k + 1
            } else {
                k
            };
            (said, tokens[first].range.start..tokens[last].range.end)
        })
        .collect()
}

/// The numbers a text writes in words, in English or French: "ninety", "thirty-six", "one
/// hundred and twenty", "quatre-vingt-dix", "trente-six", "soixante et onze", "deux cents".
fn spelled_numbers(text: &str) -> HashSet<u32> {
    const WORDS: [(&str, u32); 56] = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("un", 1),
        ("une", 1),
        ("deux", 2),
        ("trois", 3),
        ("quatre", 4),
        ("cinq", 5),
        ("sept", 7),
        ("huit", 8),
        ("neuf", 9),
        ("dix", 10),
        ("onze", 11),
        ("douze", 12),
        ("treize", 13),
        ("quatorze", 14),
        ("quinze", 15),
        ("seize", 16),
        ("vingt", 20),
        ("vingts", 20),
        ("trente", 30),
        ("quarante", 40),
        ("cinquante", 50),
        ("soixante", 60),
        ("hundred", 100),
        ("cent", 100),
        ("cents", 100),
        ("thousand", 1000),
        ("mille", 1000),
        ("and", 0),
        ("et", 0),
    ];
    let mut found = HashSet::new();
    let (mut total, mut current, mut any) = (0u32, 0u32, false);
    let mut flush = |total: &mut u32, current: &mut u32, any: &mut bool| {
        if *any {
            found.insert(*total + *current);
        }
        (*total, *current, *any) = (0, 0, false);
    };
    // Words are joined by spaces and hyphens; any other character ends a number.
    let mut at = 0;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let end = at + word.len();
        let separator = text[end..].chars().next();
        at = end + separator.map_or(0, char::len_utf8);
        let word = word.to_lowercase();
        let Some(&(_, value)) = WORDS.iter().find(|(w, _)| *w == word) else {
            if !word.is_empty() {
                flush(&mut total, &mut current, &mut any);
            }
            continue;
        };
        match value {
            // "and" and "et" join number words ("one hundred and twenty", "vingt et un").
            0 => {}
            100 => current = current.max(1) * 100,
            1000 => {
                total += current.max(1) * 1000;
                current = 0;
            }
            // "quatre-vingt(s)" is 4 × 20.
            20 if current == 4 => current = 80,
            v => current += v,
        }
        any = any || value != 0;
        if !separator.is_some_and(|c| c.is_whitespace() || matches!(c, '-' | '‑')) {
            flush(&mut total, &mut current, &mut any);
        }
    }
    flush(&mut total, &mut current, &mut any);
    found
}

fn shown(t: &Token) -> String {
    match t.kind {
        TokenKind::Month => t
            .value
            .parse::<usize>()
            .ok()
            .and_then(|m| crate::lexicon::ENGLISH_MONTHS.get(m.wrapping_sub(1)))
            .map_or(t.value.clone(), |m| (*m).to_string()),
        _ => t.value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words_in_both_languages() {
        let found = |t: &str| {
            let mut v: Vec<u32> = spelled_numbers(t).into_iter().collect();
            v.sort_unstable();
            v
        };
        assert_eq!(found("dans un délai de quatre-vingt-dix jours"), [1, 90]);
        assert_eq!(found("pour une période de trente-six mois"), [1, 36]);
        assert_eq!(found("within ninety days and one hundred and twenty weeks"), [90, 120]);
        assert_eq!(found("soixante et onze, deux cents, mille"), [71, 200, 1000]);
        assert_eq!(found("Decides to extend the mandate"), Vec::<u32>::new());
    }

    fn token(kind: TokenKind, value: &str, text: &str) -> Token {
        let start = text.find(value).unwrap_or(0);
        Token { kind, value: value.into(), range: start..start + value.len() }
    }

    #[test]
    fn house_style_is_info_and_an_added_symbol_a_warning() {
        // A number the French writes in words.
        let (en, fr) = ("for a period of 90 days", "pour une période de quatre-vingt-dix jours");
        let t = [token(TokenKind::Number, "90", en)];
        assert_eq!(severity(&t, &[], [en, fr], [&t, &[]], None), Severity::Info);
        // The French spells COVID-19 out.
        let (en, fr) =
            ("the COVID-19 pandemic", "la pandémie de maladie à coronavirus 2019 (COVID-19)");
        let t = [token(TokenKind::Number, "2019", fr)];
        assert_eq!(severity(&[], &t, [en, fr], [&[], &t], None), Severity::Info);
        // A symbol the French adds, and one it changes.
        let (en, fr) = ("his latest report", "son dernier rapport (S/2023/135)");
        let s = [token(TokenKind::Symbol, "S/2023/135", fr)];
        assert_eq!(severity(&[], &s, [en, fr], [&[], &s], None), Severity::Warning);
        let e = [token(TokenKind::Symbol, "S/2023/153", "S/2023/153")];
        assert_eq!(severity(&e, &s, ["S/2023/153", fr], [&e, &s], None), Severity::Error);
        // A number that differs stays a warning.
        let (en, fr) = ("for 90 days", "pour 60 jours");
        let (a, b) = ([token(TokenKind::Number, "90", en)], [token(TokenKind::Number, "60", fr)]);
        assert_eq!(severity(&a, &b, [en, fr], [&a, &b], None), Severity::Warning);
    }
}
