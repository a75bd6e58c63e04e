//! Scoring: an alignment against a gold one, both as bead files (`[3, 4]:[3]` a line), by
//! strict and lax precision, recall and F1, pooled over documents.
//!
//! The metric is the one the sentence-alignment literature reports (Bleualign, vecalign,
//! Bertalign), computed as vecalign's `score.py` computes it (thompsonb/vecalign, `score.py`,
//! functions `_precision` and `score_multiple`), so that our numbers can be set beside theirs:
//!
//! - Each file's beads are taken as a set: a bead written twice counts once, and a bead empty
//!   on both sides is ignored.
//! - Precision looks at every test bead. One identical to a gold bead is a strict and a lax
//!   hit. Otherwise it is a strict miss, and a lax hit when it links some (source, target)
//!   sentence pair that some gold bead also links (so a one-sided bead is never a lax hit
//!   unless it is in the gold as it is). Anything else is a miss for both.
//! - Recall is the same count with the roles swapped, gold beads looked up among test beads,
//!   after dropping every bead with an empty side from both: an alignment is not rewarded
//!   for finding deletions, only for finding the links the gold has.
//! - Hits and misses are summed over all (test, gold) pairs before dividing, so a long
//!   document weighs more than a short one. F1 = 2PR / (P + R). A division by zero gives 0.

use crate::align;
use crate::error::{Error, Result};
use crate::read::Text;
use std::collections::HashSet;
use std::ops::AddAssign;
use std::path::PathBuf;

/// One line of a bead file: the 0-based indices of the source units (English, or German in
/// the Bleualign set) and of the target units it pairs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IndexBead {
    /// Indices of the source units (English, or German).
    pub source: Vec<usize>,
    /// Indices of the target units (French).
    pub target: Vec<usize>,
}

impl IndexBead {
    fn has_empty_side(&self) -> bool {
        self.source.is_empty() || self.target.is_empty()
    }

    fn is_empty(&self) -> bool {
        self.source.is_empty() && self.target.is_empty()
    }
}

impl From<&align::Bead> for IndexBead {
    /// English as the source, as `--format beads` writes it.
    fn from(bead: &align::Bead) -> IndexBead {
        IndexBead { source: bead.en.clone().collect(), target: bead.fr.clone().collect() }
    }
}

/// Parses a bead file: one `[indices]:[indices]` a line, indices comma-separated, white space
/// anywhere, empty lines ignored. A third field, vecalign's bead score (`[3]:[4]:0.271`), is
/// allowed and ignored, so that vecalign's own output can be scored as it is.
pub fn parse_beads(text: &Text) -> Result<Vec<IndexBead>> {
    let mut beads = Vec::new();
    for (n, line) in text.content.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let bead = parse_line(line).map_err(|reason| Error::Syntax {
            path: PathBuf::from(&text.source),
            line: n + 1,
            reason: format!("{reason} in {}", excerpt(line)),
        })?;
        beads.push(bead);
    }
    Ok(beads)
}

fn parse_line(line: &str) -> std::result::Result<IndexBead, String> {
    let (source, rest) = parse_list(line)?;
    let rest = rest.trim_start().strip_prefix(':').ok_or("expected ':' after the first list")?;
    let (target, rest) = parse_list(rest)?;
    let rest = rest.trim();
    if !rest.is_empty() {
        let score = rest.strip_prefix(':').map(str::trim);
        if score.is_none_or(|s| s.parse::<f64>().is_err()) {
            return Err(format!("unexpected '{rest}' after the second list"));
        }
    }
    Ok(IndexBead { source, target })
}

/// `[3, 4]` at the start of `s` (after white space) → the indices and what follows.
fn parse_list(s: &str) -> std::result::Result<(Vec<usize>, &str), String> {
    let s = s.trim_start();
    let body = s.strip_prefix('[').ok_or("expected '['")?;
    let (inner, rest) = body.split_once(']').ok_or("expected ']'")?;
    if inner.trim().is_empty() {
        return Ok((vec![], rest));
    }
    let indices = inner
        .split(',')
        .map(|item| {
            let item = item.trim();
            item.parse::<usize>()
                .map_err(|_| format!("'{item}' is not an index (a whole number from 0)"))
        })
        .collect::<std::result::Result<_, _>>()?;
    Ok((indices, rest))
}

/// The line as quoted in an error: whole when short, else its first 60 characters.
fn excerpt(line: &str) -> String {
    match line.char_indices().nth(60) {
        Some((cut, _)) => format!("\"{}…\"", &line[..cut]),
        None => format!("\"{line}\""),
    }
}

/// Hits and misses of one side of the metric: for precision, over test beads; for recall,
/// over gold beads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Beads found exactly in the other set.
    pub strict_hits: usize,
    /// Beads not found exactly.
    pub strict_misses: usize,
    /// Beads that share a unit with a bead of the other set on both sides.
    pub lax_hits: usize,
    /// Beads that do not.
    pub lax_misses: usize,
}

impl Counts {
    fn strict(&self) -> f64 {
        ratio(self.strict_hits, self.strict_hits + self.strict_misses)
    }

    fn lax(&self) -> f64 {
        ratio(self.lax_hits, self.lax_hits + self.lax_misses)
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.strict_hits += other.strict_hits;
        self.strict_misses += other.strict_misses;
        self.lax_hits += other.lax_hits;
        self.lax_misses += other.lax_misses;
    }
}

/// vecalign's `_precision(goldalign=reference, testalign=candidates)`: how many of the
/// distinct `candidates` are in `reference` (strict) or share a link with it (lax).
pub fn matches(reference: &[IndexBead], candidates: &[IndexBead]) -> Counts {
    let reference: HashSet<&IndexBead> = reference.iter().filter(|b| !b.is_empty()).collect();
    // Every (source, target) pair some reference bead links; a lax hit shares one of them.
    let links: HashSet<(usize, usize)> = reference
        .iter()
        .flat_map(|b| b.source.iter().flat_map(|&s| b.target.iter().map(move |&t| (s, t))))
        .collect();
    let candidates: HashSet<&IndexBead> = candidates.iter().filter(|b| !b.is_empty()).collect();
    let mut counts = Counts::default();
    for bead in candidates {
        if reference.contains(bead) {
            counts.strict_hits += 1;
            counts.lax_hits += 1;
            continue;
        }
        counts.strict_misses += 1;
        let linked =
            bead.source.iter().any(|&s| bead.target.iter().any(|&t| links.contains(&(s, t))));
        if linked {
            counts.lax_hits += 1;
        } else {
            counts.lax_misses += 1;
        }
    }
    counts
}

/// Precision, recall and F1 under one of the two criteria.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Metrics {
    /// Hits over test beads.
    pub precision: f64,
    /// Hits over gold beads.
    pub recall: f64,
    /// The harmonic mean of the two (0 when both are 0).
    pub f1: f64,
}

impl Metrics {
    fn new(precision: f64, recall: f64) -> Metrics {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Metrics { precision, recall, f1 }
    }
}

/// The pooled counts of one or more (test, gold) pairs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Number of (test, gold) pairs added.
    pub pairs: usize,
    /// Beads read from the test files, as written (duplicates and empty beads included).
    pub test_beads: usize,
    /// Beads read from the gold files, as written.
    pub gold_beads: usize,
    /// Counts over the test beads.
    pub precision: Counts,
    /// Counts over the gold beads.
    pub recall: Counts,
}

impl Score {
    /// Adds one document's test and gold alignment to the pool.
    pub fn add(&mut self, test: &[IndexBead], gold: &[IndexBead]) {
        self.pairs += 1;
        self.test_beads += test.len();
        self.gold_beads += gold.len();
        self.precision += matches(gold, test);
        let linking = |beads: &[IndexBead]| -> Vec<IndexBead> {
            beads.iter().filter(|b| !b.has_empty_side()).cloned().collect()
        };
        self.recall += matches(&linking(test), &linking(gold));
    }

    /// A test bead counts only when it is exactly a gold bead.
    pub fn strict(&self) -> Metrics {
        Metrics::new(self.precision.strict(), self.recall.strict())
    }

    /// A test bead counts when it shares a sentence link with a gold bead.
    pub fn lax(&self) -> Metrics {
        Metrics::new(self.precision.lax(), self.recall.lax())
    }
}

/// Scores (test, gold) pairs, pooled.
pub fn score<'a>(pairs: impl IntoIterator<Item = (&'a [IndexBead], &'a [IndexBead])>) -> Score {
    let mut score = Score::default();
    for (test, gold) in pairs {
        score.add(test, gold);
    }
    score
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beads(content: &str) -> Vec<IndexBead> {
        parse_beads(&Text::new("t.beads", content)).expect("valid beads")
    }

    fn bead(source: &[usize], target: &[usize]) -> IndexBead {
        IndexBead { source: source.to_vec(), target: target.to_vec() }
    }

    #[test]
    fn parses_the_gold_format_with_white_space_and_scores() {
        assert_eq!(
            beads("[0]:[0, 1]\n\n  [ 2 ,3 ] : [ ]  \r\n[]:[2]\n[4]:[3]:0.271\n[5]:[4] : -1e-3\n"),
            [
                bead(&[0], &[0, 1]),
                bead(&[2, 3], &[]),
                bead(&[], &[2]),
                bead(&[4], &[3]),
                bead(&[5], &[4]),
            ]
        );
        assert_eq!(beads(""), []);
    }

    #[test]
    fn malformed_lines_name_the_file_and_line() {
        for (content, line, reason) in [
            ("[0]:[0]\n\n[1]-[1]\n", 3, "expected ':'"),
            ("[0]:[x]\n", 1, "'x' is not an index"),
            ("[0]:[-1]\n", 1, "'-1' is not an index"),
            ("[0, ]:[1]\n", 1, "'' is not an index"),
            ("0:1\n", 1, "expected '['"),
            ("[0]:[1\n", 1, "expected ']'"),
            ("[0]:[1]:high\n", 1, "unexpected ':high'"),
            ("[0]:[1] [2]\n", 1, "unexpected '[2]'"),
        ] {
            let e = parse_beads(&Text::new("gold.defr", content)).expect_err(content);
            assert!(matches!(e, Error::Syntax { line: l, .. } if l == line), "{content:?}: {e:?}");
            let message = e.to_string();
            assert!(message.starts_with(&format!("gold.defr: line {line}: ")), "{message}");
            assert!(message.contains(reason), "{message}");
        }
    }

    #[test]
    fn long_lines_are_cut_in_messages() {
        let line = format!("[{}x]:[0]", "1, ".repeat(40));
        let message = parse_beads(&Text::new("g", &line)).expect_err("x").to_string();
        assert!(message.ends_with("…\""), "{message}");
        assert!(message.len() < 150, "{message}");
    }

    #[test]
    fn identical_files_score_one() {
        let gold = beads("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[]\n[4]:[3, 4]\n");
        let s = score([(&gold[..], &gold[..])]);
        let one = Metrics::new(1.0, 1.0);
        assert_eq!((s.strict(), s.lax()), (one, one));
        // One-sided beads count towards precision only.
        assert_eq!(s.precision.strict_hits, 5);
        assert_eq!(s.recall.strict_hits, 3);
    }

    #[test]
    fn duplicates_and_empty_beads_are_ignored() {
        let gold = beads("[0]:[0]\n[1]:[1]\n");
        let test = beads("[0]:[0]\n[0]:[0]\n[]:[]\n[1]:[1]\n");
        let s = score([(&test[..], &gold[..])]);
        assert_eq!(s.precision, Counts { strict_hits: 2, lax_hits: 2, ..Counts::default() });
        assert_eq!(s.test_beads, 4);
        assert_eq!(s.strict(), Metrics::new(1.0, 1.0));
    }

    #[test]
    fn a_one_sided_bead_is_never_a_lax_hit() {
        // [0]:[] shares its source sentence with the gold [0]:[0] but links nothing.
        let counts = matches(&[bead(&[0], &[0])], &[bead(&[0], &[])]);
        assert_eq!(counts, Counts { strict_misses: 1, lax_misses: 1, ..Counts::default() });
    }

    #[test]
    fn nothing_to_count_gives_zero_not_nan() {
        let s = score([(&[][..], &[][..])]);
        assert_eq!(s.strict(), Metrics { precision: 0.0, recall: 0.0, f1: 0.0 });
        assert_eq!(s.pairs, 1);
    }

    #[test]
    fn beads_from_an_alignment() {
        let b = align::Bead { en: 2..4, fr: 3..3, score: 0.5, anchored: false };
        assert_eq!(IndexBead::from(&b), bead(&[2, 3], &[]));
    }
}
