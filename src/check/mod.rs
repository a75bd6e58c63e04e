//! Checking: an [`Alignment`] → a [`Report`] of [`Finding`]s, what a reviser must look at before
//! a translation is issued: paragraphs with no counterpart, numbering slips, numbers and
//! symbols that differ, footnotes, suspected partial translations and doubtful units.
//!
//! One fact is reported once: a deleted operative paragraph is a `missing_in_fr` finding, not
//! also a gap in the French numbering; a deleted footnote is a missing `fn.N`, not also a
//! marker without its footnote.

mod clause;
mod mismatch;
mod numbering;
mod numbers;

use crate::align::cost::LengthModel;
use crate::align::Alignment;
use crate::segment::{Document, Part};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How much a finding matters. The exit code of `paralign check` follows errors and warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A difference that is house style or harmless (French adds the year to a resolution
    /// number), shown so that nothing is hidden.
    Info,
    /// Something to look at.
    Warning,
    /// Missing or wrong content.
    Error,
}

impl Severity {
    /// The name reports and `--fail-on` use: `info`, `warning` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An English paragraph with no French counterpart (a 1-0 unit).
    MissingInFr,
    /// A French paragraph with no English counterpart (a 0-1 unit).
    MissingInEn,
    /// A gap, duplicate or out-of-order number, or a skipped sub-paragraph letter, on one side.
    Numbering,
    /// Numbers, years, dates or document symbols that differ inside a unit.
    NumberMismatch,
    /// Footnotes: a footnote never referred to, a marker in another paragraph than its
    /// counterpart's.
    Footnote,
    /// A unit whose length ratio is far from the document's own (a suspected partial
    /// translation).
    LengthRatio,
    /// A unit the aligner is not sure of.
    LowConfidence,
    /// Paragraphs merged or split: one English paragraph for two French ones, or the reverse.
    MergedOrSplit,
    /// The two texts are two different documents (their symbols differ, or their contents
    /// do not match).
    MismatchedDocuments,
}

impl Kind {
    /// The name reports use (`missing_in_fr`, `number_mismatch`…), as serialized.
    pub fn name(self) -> &'static str {
        match self {
            Kind::MissingInFr => "missing_in_fr",
            Kind::MissingInEn => "missing_in_en",
            Kind::Numbering => "numbering",
            Kind::NumberMismatch => "number_mismatch",
            Kind::Footnote => "footnote",
            Kind::LengthRatio => "length_ratio",
            Kind::LowConfidence => "low_confidence",
            Kind::MergedOrSplit => "merged_or_split",
            Kind::MismatchedDocuments => "mismatched_documents",
        }
    }

    /// What the kind means, in a reviser's words, for reports people read.
    pub fn plain(self) -> &'static str {
        match self {
            Kind::MissingInFr => "French paragraph missing",
            Kind::MissingInEn => "paragraph only in the French",
            Kind::Numbering => "numbering differs",
            Kind::NumberMismatch => "numbers or symbols differ",
            Kind::Footnote => "footnote",
            Kind::LengthRatio => "length out of line",
            Kind::LowConfidence => "doubtful pairing",
            Kind::MergedOrSplit => "paragraphs merged or split",
            Kind::MismatchedDocuments => "not the same document",
        }
    }
}

/// One thing to look at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What the finding is about.
    pub kind: Kind,
    /// How serious it is.
    pub severity: Severity,
    /// The label of the unit or paragraph concerned ("op.5", "pre.2", "fn.1", "title").
    pub label: String,
    /// Excerpts of the two sides ("" for a side that is absent).
    pub en: String,
    /// The French excerpt (see `en`).
    pub fr: String,
    /// What is wrong, in a sentence.
    pub detail: String,
    /// Index of the unit (bead) concerned, when there is one.
    pub unit: Option<usize>,
    /// What the finding points at inside the unit's two texts (the numbers that differ), for
    /// reports to highlight; not in the JSON, whose `detail` says it in words.
    #[serde(skip)]
    pub marks: Marks,
}

/// Byte ranges in the unit's English and French texts (as [`Alignment::en_text`] and
/// [`Alignment::fr_text`] give them), in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Ranges in the English text.
    pub en: Vec<std::ops::Range<usize>>,
    /// Ranges in the French text.
    pub fr: Vec<std::ops::Range<usize>>,
}

/// The result of a check.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// True when no finding is an error or a warning.
    pub complete: bool,
    /// Number of alignment units.
    pub units: usize,
    /// Findings per kind.
    pub counts: BTreeMap<&'static str, usize>,
    /// Findings per severity.
    pub severities: BTreeMap<&'static str, usize>,
    /// The footnote numbers of each side.
    pub footnotes: Footnotes,
    /// The findings, in unit order.
    pub findings: Vec<Finding>,
}

/// The footnote numbers found on each side.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Footnotes {
    /// The English footnote numbers, in order.
    pub en: Vec<u32>,
    /// The French footnote numbers, in order.
    pub fr: Vec<u32>,
}

/// Units scoring below this are reported as doubtful (correct units of real resolutions
/// score above 0.85; see the README).
const LOW_CONFIDENCE: f64 = 0.5;
/// A unit is reported when its French length is this many standard deviations from what the
/// document's ratio predicts…
const LENGTH_DEVIATIONS: f64 = 2.5;
/// …and off by more than this share of it (short units vary a lot in relative terms).
const LENGTH_SHARE: f64 = 0.35;
/// Length of the excerpts in reports, in characters.
const EXCERPT: usize = 90;

/// Units between a paragraph lost on one side and the other side's numbering gap it makes:
/// the gap shows at the next paragraph of the list, one unit after the loss.
const LOSS_REACH: usize = 1;

/// Checks an alignment.
pub fn check(a: &Alignment) -> Report {
    let mut findings = Vec::new();
    missing(a, &mut findings);
    merged_or_split(a, &mut findings);
    let missing_labels: BTreeSet<(bool, String)> = findings
        .iter()
        .filter_map(|f| match f.kind {
            Kind::MissingInFr => Some((false, f.label.clone())),
            Kind::MissingInEn => Some((true, f.label.clone())),
            _ => None,
        })
        .collect();
    // The lists that lost a paragraph on one side, with the unit where it was lost: the other
    // side's numbering gap there ("(c) follows (a)") is the loss, reported already.
    let parent = |label: &str| label.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_string());
    let lost: Vec<(bool, String, usize)> = findings
        .iter()
        .filter_map(|f| {
            let side = match f.kind {
                Kind::MissingInFr => true,
                Kind::MissingInEn => false,
                _ => return None,
            };
            Some((side, parent(&f.label), f.unit?))
        })
        .collect();
    let units = [unit_of_paragraph(a, false), unit_of_paragraph(a, true)];
    // Paragraphs paired by content but numbered differently: one finding a run says how.
    let (renumbered, renumbered_units) = numbering::renumbered(a);
    let per_side = [numbering::check(a, false, &units[0]), numbering::check(a, true, &units[1])];
    // The same slip on both sides, in the same unit, is the source's numbering, not the
    // translation's: said once, as information.
    let said = |f: &Finding| (f.unit, f.detail.split_once(": ").map(|(_, d)| d.to_string()));
    let english: BTreeSet<_> = per_side[0].iter().map(said).collect();
    let both: BTreeSet<_> = per_side[1].iter().map(said).filter(|k| english.contains(k)).collect();
    for (k, side) in per_side.into_iter().enumerate() {
        let is_fr = k == 1;
        for mut f in side {
            let (unit, slip) = said(&f);
            if both.contains(&(unit, slip.clone())) {
                if is_fr {
                    continue;
                }
                f.severity = Severity::Info;
                let slip = slip.unwrap_or_else(|| f.detail.clone());
                f.detail = format!("both texts: {slip} (the source's numbering)");
            }
            // A number missing from one side's sequence because its paragraph is missing is
            // the missing paragraph, reported already; a gap where the numbering differs is
            // the difference.
            let beside_a_loss = f.unit.is_some_and(|u| {
                lost.iter().any(|(side, list, at)| {
                    *side == is_fr && *list == parent(&f.label) && u.abs_diff(*at) <= LOSS_REACH
                })
            });
            let folded = missing_labels.contains(&(!is_fr, f.label.clone()))
                || beside_a_loss
                || f.unit.is_some_and(|u| renumbered_units.contains(&u));
            if !folded {
                findings.push(f);
            }
        }
    }
    // A French unit cut short loses numbers and markers too: those are the cut, reported once.
    let mut cut = Vec::new();
    lengths(a, &mut cut);
    let truncated: BTreeSet<usize> =
        cut.iter().filter(|f| f.severity == Severity::Warning).filter_map(|f| f.unit).collect();
    numbers::check(a, &truncated, &mut findings);
    footnotes(a, &truncated, &units, &mut findings);
    findings.extend(cut);
    findings.extend(renumbered);
    let mut explained: BTreeSet<usize> = findings.iter().filter_map(|f| f.unit).collect();
    explained.extend(renumbered_units);
    low_confidence(a, &explained, &mut findings);
    findings.sort_by_key(|f| (f.unit.unwrap_or(usize::MAX), f.kind));
    // What every other finding depends on comes first.
    findings.splice(0..0, mismatch(a));
    let mut counts = BTreeMap::new();
    let mut severities = BTreeMap::new();
    for f in &findings {
        *counts.entry(f.kind.name()).or_insert(0) += 1;
        *severities.entry(f.severity.name()).or_insert(0) += 1;
    }
    let complete = !findings.iter().any(|f| f.severity >= Severity::Warning);
    let footnotes = Footnotes {
        en: footnote_numbers(&a.en).into_iter().collect(),
        fr: footnote_numbers(&a.fr).into_iter().collect(),
    };
    Report { complete, units: a.beads.len(), counts, severities, footnotes, findings }
}

/// A finding when the two texts of `a` look like two different documents: an English
/// resolution given with the French of another one. Cheap enough for `align` to call.
pub fn mismatch(a: &Alignment) -> Option<Finding> {
    let detail = mismatch::detail(a)?;
    let symbol = |d: &Document| d.symbol.clone().unwrap_or_default();
    Some(Finding {
        kind: Kind::MismatchedDocuments,
        severity: Severity::Error,
        label: "document".into(),
        en: symbol(&a.en),
        fr: symbol(&a.fr),
        detail,
        unit: None,
        marks: Marks::default(),
    })
}

/// The first words of a text, cut at a word boundary.
pub(crate) fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT {
        return text.to_string();
    }
    let cut: String = text.chars().take(EXCERPT).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

fn finding(
    a: &Alignment,
    index: usize,
    kind: Kind,
    severity: Severity,
    label: &str,
    detail: String,
) -> Finding {
    let bead = &a.beads[index];
    Finding {
        kind,
        severity,
        label: label.to_string(),
        en: excerpt(&a.en_text(bead)),
        fr: excerpt(&a.fr_text(bead)),
        detail,
        unit: Some(index),
        marks: Marks::default(),
    }
}

fn missing(a: &Alignment, out: &mut Vec<Finding>) {
    for (index, bead) in a.beads.iter().enumerate() {
        let (doc, range, kind, other) = match (bead.en.is_empty(), bead.fr.is_empty()) {
            (false, true) => (&a.en, bead.en.clone(), Kind::MissingInFr, "French"),
            (true, false) => (&a.fr, bead.fr.clone(), Kind::MissingInEn, "English"),
            _ => continue,
        };
        for i in range {
            let p = &doc.paragraphs[i];
            // Cover lines, titles and headings differ between language files more often than
            // they are really missing; body paragraphs and footnotes are content.
            let severity = match p.part {
                Part::Cover | Part::Title | Part::Heading | Part::Opening => Severity::Warning,
                _ => Severity::Error,
            };
            let what = part_name(p.part);
            let mut f = finding(
                a,
                index,
                kind,
                severity,
                &p.label.name,
                format!("{what} with no counterpart in the {other} text"),
            );
            if kind == Kind::MissingInFr {
                f.en = excerpt(&p.text);
            } else {
                f.fr = excerpt(&p.text);
            }
            out.push(f);
        }
    }
}

fn part_name(part: Part) -> &'static str {
    match part {
        Part::Cover => "cover-page line",
        Part::Title => "title",
        Part::Opening => "opening line",
        Part::Preamble => "preambular paragraph",
        Part::Operative => "operative paragraph",
        Part::SubParagraph => "sub-paragraph",
        Part::Heading => "heading",
        Part::Footnote => "footnote",
        Part::Closing => "closing",
        Part::Text => "paragraph",
    }
}

fn merged_or_split(a: &Alignment, out: &mut Vec<Finding>) {
    for (index, bead) in a.beads.iter().enumerate() {
        let (e, f) = (bead.en.len(), bead.fr.len());
        if e == 0 || f == 0 || (e == 1 && f == 1) {
            continue;
        }
        let mut detail = format!(
            "{e} English paragraph{} = {f} French paragraph{}: merged or split",
            plural(e),
            plural(f)
        );
        // An annex's heading and title in one paragraph on one side, two on the other.
        let annex = crate::segment::annex_heading_and_title(&a.en.paragraphs[bead.en.clone()])
            || crate::segment::annex_heading_and_title(&a.fr.paragraphs[bead.fr.clone()]);
        // A paragraph with no word or number ("*" between the preamble and the operative
        // part, S/RES/2713 (2023)) joined to its neighbour loses nothing.
        let wordless = a.en.paragraphs[bead.en.clone()]
            .iter()
            .chain(&a.fr.paragraphs[bead.fr.clone()])
            .any(|p| !p.text.chars().any(char::is_alphanumeric));
        let severity = if annex && e + f == 3 {
            detail.push_str(" (house style: an annex's heading and title)");
            Severity::Info
        } else if wordless && e + f == 3 {
            detail.push_str(" (with a paragraph that holds no words)");
            Severity::Info
        } else {
            Severity::Warning
        };
        out.push(finding(a, index, Kind::MergedOrSplit, severity, a.label(bead), detail));
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Footnotes never referred to, and markers that sit in a unit whose counterpart does not
/// carry the same marker. In a `truncated` unit, what the French lost is the cut, not a
/// footnote finding.
fn footnotes(
    a: &Alignment,
    truncated: &BTreeSet<usize>,
    units: &[Vec<usize>; 2],
    out: &mut Vec<Finding>,
) {
    let referred = |d: &Document| -> BTreeSet<u32> {
        d.paragraphs.iter().flat_map(|p| p.markers.iter().copied()).collect()
    };
    let (notes_en, notes_fr) = (footnote_numbers(&a.en), footnote_numbers(&a.fr));
    let lost: BTreeSet<u32> = truncated.iter().flat_map(|&u| markers_lost(a, u)).collect();
    for (side, (doc, name, notes)) in
        [(&a.en, "English", &notes_en), (&a.fr, "French", &notes_fr)].into_iter().enumerate()
    {
        let referred = referred(doc);
        // The paragraph of each footnote label, found once: a document may have thousands.
        let mut paragraph_of: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, p) in doc.paragraphs.iter().enumerate().filter(|(_, p)| p.part == Part::Footnote) {
            paragraph_of.entry(p.label.name.as_str()).or_insert(i);
        }
        for n in notes.difference(&referred).filter(|n| !lost.contains(n)) {
            let label = format!("fn.{n}");
            let index = paragraph_of.get(label.as_str()).map(|&i| units[side][i]);
            let label = format!("fn.{n}");
            let detail =
                format!("footnote {n} of the {name} text is never referred to by a marker");
            match index {
                Some(i) => {
                    out.push(finding(a, i, Kind::Footnote, Severity::Warning, &label, detail))
                }
                None => out.push(Finding {
                    kind: Kind::Footnote,
                    severity: Severity::Warning,
                    label,
                    en: String::new(),
                    fr: String::new(),
                    detail,
                    unit: None,
                    marks: Marks::default(),
                }),
            }
        }
    }
    // French footnotes paired with English ones of another number (a lost note, the rest
    // renumbered, which the numbering finding reports): their markers are compared as the
    // English numbers they stand for.
    let renumbered: BTreeMap<u32, u32> = a
        .beads
        .iter()
        .filter(|b| b.en.len() == 1 && b.fr.len() == 1)
        .filter_map(|b| {
            let e = footnote_number(&a.en.paragraphs[b.en.start])?;
            let f = footnote_number(&a.fr.paragraphs[b.fr.start])?;
            (e != f).then_some((f, e))
        })
        .collect();
    let as_english = |n: u32| renumbered.get(&n).copied().unwrap_or(n);
    let notes_fr: BTreeSet<u32> = notes_fr.iter().map(|&n| as_english(n)).collect();
    for (index, bead) in a.beads.iter().enumerate() {
        if bead.en.is_empty() || bead.fr.is_empty() {
            continue;
        }
        let m = |d: &Document, r: std::ops::Range<usize>| -> BTreeSet<u32> {
            r.flat_map(|i| d.paragraphs[i].markers.iter().copied()).collect()
        };
        let (me, mf) = (m(&a.en, bead.en.clone()), m(&a.fr, bead.fr.clone()));
        let mf: BTreeSet<u32> = mf.into_iter().map(as_english).collect();
        if truncated.contains(&index) && mf.is_empty() {
            continue;
        }
        // Only footnotes both texts have: a footnote missing on one side is reported as such.
        let moved: Vec<u32> = me
            .symmetric_difference(&mf)
            .copied()
            .filter(|n| notes_en.contains(n) && notes_fr.contains(n))
            .collect();
        if !moved.is_empty() {
            let list = |s: &BTreeSet<u32>| {
                if s.is_empty() {
                    "none".to_string()
                } else {
                    s.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
                }
            };
            let detail =
                format!("footnote markers differ: English {}, French {}", list(&me), list(&mf));
            out.push(finding(a, index, Kind::Footnote, Severity::Warning, a.label(bead), detail));
        }
    }
}

/// Markers the English side of unit `u` carries and its French side lacks.
fn markers_lost(a: &Alignment, u: usize) -> Vec<u32> {
    let b = &a.beads[u];
    let fr: BTreeSet<u32> = b.fr.clone().flat_map(|i| a.fr.paragraphs[i].markers.clone()).collect();
    b.en.clone()
        .flat_map(|i| a.en.paragraphs[i].markers.clone())
        .filter(|m| !fr.contains(m))
        .collect()
}

fn footnote_numbers(d: &Document) -> BTreeSet<u32> {
    d.paragraphs.iter().filter_map(footnote_number).collect()
}

/// The number of a footnote ("fn.3" → 3); None for any other paragraph.
fn footnote_number(p: &crate::segment::Paragraph) -> Option<u32> {
    if p.part != Part::Footnote {
        return None;
    }
    p.label.name.strip_prefix("fn.")?.parse().ok()
}

/// Units whose French length is far from what the document's own ratio predicts.
fn lengths(a: &Alignment, out: &mut Vec<Finding>) {
    let pairs: Vec<(f64, f64)> = a
        .beads
        .iter()
        .filter(|b| b.en.len() == 1 && b.fr.len() == 1)
        .map(|b| (chars(&a.en, b.en.start), chars(&a.fr, b.fr.start)))
        .collect();
    let total = |d: &Document| d.paragraphs.iter().map(|p| p.text.chars().count() as f64).sum();
    let model = LengthModel::estimate(&pairs, total(&a.en), total(&a.fr));
    for (index, bead) in a.beads.iter().enumerate() {
        if bead.en.is_empty() || bead.fr.is_empty() {
            continue;
        }
        let (le, lf) =
            (a.en_text(bead).chars().count() as f64, a.fr_text(bead).chars().count() as f64);
        let z = model.deviation(le, lf);
        let expected = model.ratio * le;
        if z.abs() > LENGTH_DEVIATIONS && (lf / expected - 1.0).abs() > LENGTH_SHARE {
            let (side, by) = if z < 0.0 {
                ("shorter", 1.0 - lf / expected)
            } else {
                ("longer", lf / expected - 1.0)
            };
            let detail = format!(
                "the French is {:.0}% {side} than the document's ratio predicts ({} against {} characters): suspected {}",
                by * 100.0,
                lf,
                le,
                if z < 0.0 { "partial translation" } else { "addition, or an untranslated English part" }
            );
            // A shorter French text is the risk (a partial translation); a longer one is most
            // often French spelling out what English abbreviates.
            let severity = if z < 0.0 { Severity::Warning } else { Severity::Info };
            out.push(finding(a, index, Kind::LengthRatio, severity, a.label(bead), detail));
        } else if bead.en.len() == 1 && bead.fr.len() == 1 {
            // Too close to the ratio for the paragraph to be called short, far enough for a
            // clause to be missing: the shared words say whether one stretch lacks its French.
            let (en, fr) = (a.en_text(bead), a.fr_text(bead));
            if let Some(gap) = clause::missing(&en, &fr, &model) {
                let detail = format!(
                    "the French may lack a clause: nothing in it translates the English \"{}\" ({} characters), and it is {:.0} characters shorter than the document's ratio predicts",
                    excerpt(&en[gap.en.clone()]),
                    gap.en_chars,
                    gap.deficit
                );
                let mut f =
                    finding(a, index, Kind::LengthRatio, Severity::Warning, a.label(bead), detail);
                f.marks.en.push(gap.en);
                out.push(f);
            }
        }
    }
}

fn chars(d: &Document, i: usize) -> f64 {
    d.paragraphs[i].text.chars().count() as f64
}

/// Units the aligner doubts, unless a finding already explains them.
fn low_confidence(a: &Alignment, explained: &BTreeSet<usize>, out: &mut Vec<Finding>) {
    for (index, bead) in a.beads.iter().enumerate() {
        if bead.score < LOW_CONFIDENCE
            && !explained.contains(&index)
            && !bead.en.is_empty()
            && !bead.fr.is_empty()
        {
            let detail = format!(
                "the aligner is not sure these paragraphs translate each other (score {:.2})",
                bead.score
            );
            out.push(finding(
                a,
                index,
                Kind::LowConfidence,
                Severity::Warning,
                a.label(bead),
                detail,
            ));
        }
    }
}

/// For each paragraph of one side, the unit (bead) that holds it: every paragraph is in exactly
/// one, so one pass over the beads fills it.
fn unit_of_paragraph(a: &Alignment, french: bool) -> Vec<usize> {
    let n = if french { a.fr.paragraphs.len() } else { a.en.paragraphs.len() };
    let mut units = vec![0; n];
    for (index, bead) in a.beads.iter().enumerate() {
        for i in if french { bead.fr.clone() } else { bead.en.clone() } {
            units[i] = index;
        }
    }
    units
}
