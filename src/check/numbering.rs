//! Numbering on one side: operative numbers that skip, repeat or go back, and sub-paragraph
//! letters or roman numerals that skip, within each section, annex or parent paragraph.

use super::{excerpt, Finding, Kind, Severity};
use crate::align::Alignment;
use crate::segment::{roman_value as roman, Part};
use std::collections::HashMap;

/// Numbering findings for the English (`french` false) or French side; `units[i]` is the unit
/// holding paragraph i.
pub(super) fn check(a: &Alignment, french: bool, units: &[usize]) -> Vec<Finding> {
    let doc = if french { &a.fr } else { &a.en };
    let side = if french { "French" } else { "English" };
    let mut out = Vec::new();
    // prefix ("", "annex.", "sec.II.") → last operative number seen
    let mut last_op: HashMap<String, (u32, usize)> = HashMap::new();
    // parent label → last sub-paragraph component seen
    let mut last_sub: HashMap<String, (String, usize)> = HashMap::new();
    // the last operative number in document order, whatever the section: numbering may run
    // on across section headings instead of restarting
    let mut running = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let name = &p.label.name;
        let unit = units.get(i).copied();
        let mut push = |label: String, detail: String| {
            let (en, fr) = if french {
                (String::new(), excerpt(&p.text))
            } else {
                (excerpt(&p.text), String::new())
            };
            out.push(Finding {
                kind: Kind::Numbering,
                severity: Severity::Warning,
                label,
                en,
                fr,
                detail,
                unit,
            });
        };
        match p.part {
            Part::Operative => {
                let Some((prefix, number)) = operative(name) else { continue };
                let first_in_group = !last_op.contains_key(prefix);
                let (prev, _) = last_op.get(prefix).copied().unwrap_or((0, i));
                let runs_on = first_in_group && number == running + 1;
                if number == prev {
                    push(name.clone(), format!("{side}: paragraph {number} is numbered twice"));
                } else if number < prev && number != 1 {
                    // a list inside a paragraph may start again at 1; any other step back is a slip
                    push(
                        name.clone(),
                        format!("{side}: paragraph {number} comes after paragraph {prev}"),
                    );
                } else if number > prev + 1 && !runs_on {
                    let missing = if number == prev + 2 {
                        format!("{} is", prev + 1)
                    } else {
                        format!("{} to {} are", prev + 1, number - 1)
                    };
                    push(
                        format!("{prefix}op.{}", prev + 1),
                        format!(
                            "{side}: the numbering goes from {prev} to {number}; {missing} missing"
                        ),
                    );
                }
                last_op.insert(
                    prefix.to_string(),
                    (if number < prev && number == 1 { 1 } else { number.max(prev) }, i),
                );
                running = number;
            }
            Part::SubParagraph => {
                let Some((parent, component)) = name.rsplit_once('.') else { continue };
                if component.starts_with('b')
                    && component[1..].chars().all(|c| c.is_ascii_digit())
                    && component.len() > 1
                {
                    continue; // bullets are not numbered
                }
                match last_sub.get(parent) {
                    None if !starts_sequence(component) => {
                        push(
                            name.clone(),
                            format!(
                                "{side}: the sub-paragraphs of {parent} start at ({component})"
                            ),
                        );
                    }
                    Some((prev, _)) if !follows(prev, component) => {
                        push(
                            name.clone(),
                            format!("{side}: sub-paragraph ({component}) follows ({prev})"),
                        );
                    }
                    _ => {}
                }
                last_sub.insert(parent.to_string(), (component.to_string(), i));
            }
            _ => {}
        }
    }
    out
}

/// "annex.op.12" → ("annex.", 12).
fn operative(label: &str) -> Option<(&str, u32)> {
    let at = label.rfind("op.")?;
    let number = label[at + 3..].parse().ok()?;
    Some((&label[..at], number))
}

fn starts_sequence(c: &str) -> bool {
    matches!(c, "a" | "i" | "1")
}

/// Whether sub-paragraph `next` can follow `prev`: the next letter, the next roman numeral or
/// the next number.
fn follows(prev: &str, next: &str) -> bool {
    // letters a … z, then aa, bb, … zz
    let letter = |s: &str| {
        let c = s.chars().next()?;
        (c.is_ascii_lowercase() && s.chars().all(|d| d == c) && s.len() <= 2)
            .then(|| (s.len() as u32 - 1) * 26 + (c as u32 - 'a' as u32))
    };
    if let (Some(p), Some(n)) = (letter(prev), letter(next)) {
        if n == p + 1 {
            return true;
        }
    }
    if let (Some(p), Some(n)) = (roman(prev), roman(next)) {
        if n == p + 1 {
            return true;
        }
    }
    matches!((prev.parse::<u32>(), next.parse::<u32>()), (Ok(p), Ok(n)) if n == p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_numerals_follow_each_other() {
        assert!(
            follows("a", "b")
                && follows("h", "i")
                && follows("i", "ii")
                && follows("iv", "v")
                && follows("1", "2")
        );
        assert!(follows("z", "aa") && follows("aa", "bb"));
        assert!(!follows("a", "c") && !follows("ii", "iv") && !follows("b", "b"));
        assert_eq!(operative("sec.II.op.12"), Some(("sec.II.", 12)));
    }
}
