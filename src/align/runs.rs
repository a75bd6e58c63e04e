//! Beads take up to three units a side. The features of every run of one to three consecutive
//! units are merged once per block of the band the search visits: not once per bead scored (a
//! run is compared with a dozen others), and not once for the whole document (on a long text,
//! the merged features of every run would take more memory than the text itself).

use super::features::{Features, Signature, View};
use std::ops::Range;

/// Longest run of units a bead takes on one side.
pub(super) const MAX_RUN: usize = 3;

/// The merged features of the runs of 1 to [`MAX_RUN`] units ending at each of a range of
/// positions (the run of k units ending at e covers units e − k .. e).
#[derive(Debug, Default)]
pub(super) struct Runs {
    first: usize,
    /// The runs' sorted lists, one after another.
    items: Vec<u64>,
    runs: Vec<Run>,
}

#[derive(Debug, Clone, Default)]
struct Run {
    len: f64,
    exact: Range<usize>,
    names: Range<usize>,
    cognates: Signature,
    cognate_count: usize,
}

impl Runs {
    /// The runs ending at `ends`; those that would start before the first unit are left empty.
    pub(super) fn new(features: &[Features], ends: Range<usize>) -> Runs {
        let mut runs = Runs {
            first: ends.start,
            items: Vec::new(),
            runs: Vec::with_capacity(ends.len() * MAX_RUN),
        };
        for end in ends {
            for k in 1..=MAX_RUN {
                let run = if k > end {
                    Run::default()
                } else if k > 1 && end > runs.first {
                    // The run of k − 1 units ending one unit earlier, and that unit: two sorted
                    // lists merged in one pass, not sorted again.
                    runs.extend(
                        runs.runs[(end - 1 - runs.first) * MAX_RUN + k - 2].clone(),
                        &features[end - 1],
                    )
                } else {
                    runs.merge(&features[end - k..end])
                };
                runs.runs.push(run);
            }
        }
        runs
    }

    /// `run` with the unit `f` after it.
    fn extend(&mut self, run: Run, f: &Features) -> Run {
        let exact = self.merge_sorted(run.exact, &f.exact, false);
        let names = self.merge_sorted(run.names, &f.names, true);
        let cognates = run.cognates.union(&f.cognates);
        Run { len: run.len + f.len, exact, names, cognate_count: cognates.len(), cognates }
    }

    /// Appends the merge of the sorted items at `held` and the sorted `other` (without repeats
    /// when `distinct`, both being distinct already), and returns where it is.
    fn merge_sorted(&mut self, held: Range<usize>, other: &[u64], distinct: bool) -> Range<usize> {
        let start = self.items.len();
        self.items.reserve(held.len() + other.len());
        let (mut i, mut j) = (held.start, 0);
        while i < held.end || j < other.len() {
            let x = if j == other.len() || (i < held.end && self.items[i] <= other[j]) {
                i += 1;
                self.items[i - 1]
            } else {
                j += 1;
                other[j - 1]
            };
            if !(distinct && self.items.len() > start && self.items[self.items.len() - 1] == x) {
                self.items.push(x);
            }
        }
        start..self.items.len()
    }

    /// Merges `parts` as [`features::merge`](super::features::merge) does, into the arena: the
    /// first unit as it is (its lists are sorted already, its names distinct), then each next
    /// one merged in.
    fn merge(&mut self, parts: &[Features]) -> Run {
        let (first, rest) = parts.split_first().expect("a run holds a unit");
        let start = self.items.len();
        self.items.extend_from_slice(&first.exact);
        let middle = self.items.len();
        self.items.extend_from_slice(&first.names);
        let end = self.items.len();
        let run = Run {
            len: first.len,
            exact: start..middle,
            names: middle..end,
            cognate_count: first.cognates.len(),
            cognates: first.cognates,
        };
        rest.iter().fold(run, |run, f| self.extend(run, f))
    }

    /// The run of `k` units ending at `end`.
    pub(super) fn get(&self, end: usize, k: usize) -> View<'_> {
        let run = &self.runs[(end - self.first) * MAX_RUN + k - 1];
        View {
            len: run.len,
            exact: &self.items[run.exact.clone()],
            names: &self.items[run.names.clone()],
            cognates: &run.cognates,
            cognate_count: run.cognate_count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::{extract, link_names, merge, shared};

    #[test]
    fn runs_are_merged_as_merge_does() {
        let texts = [
            "Recalling resolution 55/25 of 15 November 2000, Malta",
            "Noting 2000 and 2001, Malta and Jamaica",
            "A third one with 55/25",
        ];
        let mut features: Vec<Features> = texts.iter().map(|t| extract(t)).collect();
        let mut french: Vec<Features> =
            ["Malte et la Jamaïque", "Malte"].iter().map(|t| extract(t)).collect();
        link_names(&mut features, &mut french);
        assert!(features[1].names.len() >= 2, "names are linked: {:?}", features[1].names);
        let runs = Runs::new(&features, 0..4);
        let late = Runs::new(&features, 2..4);
        for end in 1..=3 {
            for k in 1..=end {
                let merged = merge(&features[end - k..end]);
                let view = runs.get(end, k);
                assert_eq!(view.exact, merged.exact.as_slice());
                assert_eq!(view.names, merged.names.as_slice());
                assert_eq!(view.len, merged.len);
                assert_eq!(view.cognate_count, merged.cognates.len());
                if end >= 2 {
                    let late = late.get(end, k);
                    assert_eq!(
                        (late.exact, late.names, late.len),
                        (view.exact, view.names, view.len)
                    );
                }
                assert_eq!(shared(&view, &merged.view()), shared(&merged.view(), &merged.view()));
            }
        }
    }
}
