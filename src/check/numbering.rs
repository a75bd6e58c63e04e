//! Numbering on one side: operative numbers that skip, repeat or go back, and sub-paragraph
//! letters or roman numerals that skip, within each section, annex or parent paragraph.

use super::{excerpt, Finding, Kind, Marks, Severity};
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
                marks: Marks::default(),
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

/// Runs of units that pair paragraphs numbered or lettered differently on the two sides, by
/// the same offset: a translation that lost or gained a paragraph and renumbered the rest
/// ("French op.5–8 are English op.6–9"), or a sub-paragraph and re-lettered the rest ("French
/// op.6.b–d are English op.6.c–e"), which the aligner paired by content. One finding a run,
/// and the units of the runs, which the finding explains.
pub(super) fn renumbered(a: &Alignment) -> (Vec<Finding>, std::collections::BTreeSet<usize>) {
    struct Run<'a> {
        list: Place<'a>,
        en: (Place<'a>, Place<'a>),
        fr: (Place<'a>, Place<'a>),
        first_unit: usize,
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut units = std::collections::BTreeSet::new();
    for (index, bead) in a.beads.iter().enumerate() {
        if bead.en.len() != 1 || bead.fr.len() != 1 {
            continue;
        }
        let (p, q) = (&a.en.paragraphs[bead.en.start], &a.fr.paragraphs[bead.fr.start]);
        let listed = |part| matches!(part, Part::Operative | Part::SubParagraph | Part::Footnote);
        if p.part != q.part || !listed(p.part) {
            continue;
        }
        let (Some(e), Some(f)) = (place_in_list(&p.label.name), place_in_list(&q.label.name))
        else {
            continue;
        };
        if e.list != f.list || e.sequence != f.sequence || e.value == f.value {
            continue;
        }
        units.insert(index);
        match runs.last_mut() {
            Some(run)
                if run.list.list == e.list
                    && run.list.sequence == e.sequence
                    && run.en.1.value + 1 == e.value
                    && run.fr.1.value + 1 == f.value =>
            {
                run.en.1 = e;
                run.fr.1 = f;
            }
            _ => runs.push(Run { list: e, en: (e, e), fr: (f, f), first_unit: index }),
        }
    }
    // The sub-paragraphs of renumbered paragraphs ("annex.I.op.15.b" / "annex.I.op.6.b") are
    // paired as their parents are: the run's finding explains them too, and their doubt.
    let moved: std::collections::HashSet<(String, String)> = runs
        .iter()
        .filter(|run| run.list.sequence == Sequence::Numbers)
        .flat_map(|run| {
            (run.en.0.value..=run.en.1.value).map(move |e| {
                let f = run.fr.0.value + (e - run.en.0.value);
                (format!("{}{e}.", run.list.list), format!("{}{f}.", run.list.list))
            })
        })
        .collect();
    if !moved.is_empty() {
        for (index, bead) in a.beads.iter().enumerate() {
            if bead.en.len() != 1 || bead.fr.len() != 1 {
                continue;
            }
            let (p, q) = (&a.en.paragraphs[bead.en.start], &a.fr.paragraphs[bead.fr.start]);
            let (Some((pe, re)), Some((pf, rf))) =
                (under_operative(&p.label.name), under_operative(&q.label.name))
            else {
                continue;
            };
            if re == rf && moved.contains(&(pe.to_string(), pf.to_string())) {
                units.insert(index);
            }
        }
    }
    let span = |(from, to): (Place, Place)| {
        if from.value == to.value {
            format!("{}{}", from.list, from.component)
        } else {
            format!("{}{}–{}", from.list, from.component, to.component)
        }
    };
    let findings = runs
        .into_iter()
        .map(|run| {
            let verb = if run.en.0.value == run.en.1.value { "is" } else { "are" };
            let how = if run.list.sequence == Sequence::Letters { "lettered" } else { "numbered" };
            let bead = &a.beads[run.first_unit];
            Finding {
                kind: Kind::Numbering,
                severity: Severity::Warning,
                label: a.label(bead).to_string(),
                en: excerpt(&a.en_text(bead)),
                fr: excerpt(&a.fr_text(bead)),
                detail: format!(
                    "{how} differently: French {} {verb} English {}",
                    span(run.fr),
                    span(run.en)
                ),
                unit: Some(run.first_unit),
                marks: Marks::default(),
            }
        })
        .collect();
    (findings, units)
}

/// How a list counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sequence {
    Numbers,
    Letters,
    Numerals,
}

/// A paragraph's place in its list: "sec.II.op.12" is 12 in the numbers of "sec.II.op.",
/// "op.6.c" is 3 in the letters of "op.6.".
#[derive(Debug, Clone, Copy)]
struct Place<'a> {
    list: &'a str,
    component: &'a str,
    sequence: Sequence,
    value: u32,
}

fn place_in_list(label: &str) -> Option<Place<'_>> {
    if let Some((list, value)) = operative(label) {
        let list = &label[..list.len() + 3];
        return Some(Place {
            list,
            component: &label[list.len()..],
            sequence: Sequence::Numbers,
            value,
        });
    }
    let (parent, component) = label.rsplit_once('.')?;
    let list = &label[..parent.len() + 1];
    let (sequence, value) = if let Ok(n) = component.parse() {
        (Sequence::Numbers, n)
    } else if let Some(n) = letter_value(component) {
        // "i" is a letter here as in the labels (roman numerals are "ii", "iii"…, or "i" under
        // a letter, which the labeller names as a deeper level).
        (Sequence::Letters, n + 1)
    } else {
        (Sequence::Numerals, roman(component)?)
    };
    Some(Place { list, component, sequence, value })
}

/// "annex.I.op.15.b.ii" → ("annex.I.op.15.", "b.ii"): a sub-paragraph's operative parent and
/// its place under it.
fn under_operative(label: &str) -> Option<(&str, &str)> {
    let (prefix, number, tail) = operative_parts(label)?;
    let parent = prefix.len() + "op.".len() + number.len() + 1;
    (tail.len() > 1).then(|| (&label[..parent], &tail[1..]))
}

/// "annex.I.op.15.b" → ("annex.I.", "15", ".b"): an operative label's prefix, its number, and
/// what follows the number ("" or a sub-paragraph's place, after a dot).
pub(super) fn operative_parts(label: &str) -> Option<(&str, &str, &str)> {
    let at = label.rfind("op.")?;
    let rest = &label[at + 3..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (number, tail) = rest.split_at(digits);
    (digits > 0 && (tail.is_empty() || tail.starts_with('.'))).then_some((
        &label[..at],
        number,
        tail,
    ))
}

/// "a" → 0, "z" → 25, "aa" → 26: a lettered list's place.
fn letter_value(s: &str) -> Option<u32> {
    let c = s.chars().next()?;
    (c.is_ascii_lowercase() && s.chars().all(|d| d == c) && s.len() <= 2)
        .then(|| (s.len() as u32 - 1) * 26 + (c as u32 - 'a' as u32))
}

/// "annex.op.12" → ("annex.", 12).
fn operative(label: &str) -> Option<(&str, u32)> {
    let (prefix, number, tail) = operative_parts(label)?;
    if !tail.is_empty() {
        return None;
    }
    Some((prefix, number.parse().ok()?))
}

fn starts_sequence(c: &str) -> bool {
    matches!(c, "a" | "i" | "1")
}

/// Whether sub-paragraph `next` can follow `prev`: the next letter, the next roman numeral or
/// the next number.
fn follows(prev: &str, next: &str) -> bool {
    // letters a … z, then aa, bb, … zz
    if let (Some(p), Some(n)) = (letter_value(prev), letter_value(next)) {
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
        let place = |l| place_in_list(l).map(|p| (p.list, p.component, p.sequence, p.value));
        assert_eq!(place("sec.II.op.12"), Some(("sec.II.op.", "12", Sequence::Numbers, 12)));
        assert_eq!(place("op.6.c"), Some(("op.6.", "c", Sequence::Letters, 3)));
        assert_eq!(place("op.6.a.iv"), Some(("op.6.a.", "iv", Sequence::Numerals, 4)));
        assert_eq!(place("op.3.1"), Some(("op.3.", "1", Sequence::Numbers, 1)));
        assert_eq!(place("op.6.b1"), None);
        assert_eq!(under_operative("annex.I.op.15.b.ii"), Some(("annex.I.op.15.", "b.ii")));
        assert_eq!(under_operative("op.15"), None);
        assert_eq!(operative_parts("sec.G.op.29.b"), Some(("sec.G.", "29", ".b")));
        assert_eq!(operative_parts("op.29b"), None);
    }
}
