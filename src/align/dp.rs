//! The banded dynamic programme: cost table, recurrence and traceback, nothing else.
//!
//! Coordinates: a *node* (r, c) means "the first r English and the first c French paragraphs
//! are aligned"; the alignment is a path of beads from node (0, 0) to node (n, m), a bead of
//! shape (a, b) going from (r − a, c − b) to (r, c). Only nodes inside the [`Band`] are
//! visited: for each row r, the columns `lo[r] ..= hi[r]`. Memory and time are therefore
//! O(n · w) for a band of width w, never O(n · m).

use rayon::prelude::*;
use std::ops::Range;

/// A stretch between anchors gets one more column either side for this many rows (2f9dc87:
/// "slack 3 plus stretch length/8", hand-set; the band slack has since gone down to 2).
const STRETCH_SHARE: usize = 8;

/// The nodes the search may visit, row by row.
#[derive(Debug, Clone)]
pub(super) struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    /// A band around the polyline through the anchor pairs: each stretch between two anchors
    /// is searched along its diagonal, `slack` columns either side, widened by the difference
    /// in paragraph counts of the stretch (that many paragraphs may be missing on one side)
    /// and by an eighth of its length.
    pub(super) fn around(anchors: &[(usize, usize)], n: usize, m: usize, slack: usize) -> Band {
        let mut points = vec![(0, 0)];
        for &(i, j) in anchors {
            points.push((i, j));
            points.push((i + 1, j + 1));
        }
        points.push((n, m));
        // A long stretch without anchors may hold deletions on both sides that cancel out in
        // the counts, so it gets more room.
        Band::along(&points, n, m, |dx, dy| slack + dx.abs_diff(dy) + dx.min(dy) / STRETCH_SHARE)
    }

    /// A band along a monotone polyline of nodes from (0, 0) to (n, m), each segment searched
    /// `width(dx, dy)` columns either side of its diagonal.
    pub(super) fn along(
        points: &[(usize, usize)],
        n: usize,
        m: usize,
        width: impl Fn(usize, usize) -> usize,
    ) -> Band {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        for w in points.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            let (dx, dy) = (x1 - x0, y1 - y0);
            let width = width(dx, dy);
            for r in x0..=x1 {
                let (from, to) = match ((r - x0) * dy).checked_div(dx) {
                    None => (y0, y1),
                    Some(step) => (y0 + step, y0 + ((r - x0 + 1) * dy).div_ceil(dx).min(dy)),
                };
                lo[r] = lo[r].min(from.saturating_sub(width));
                hi[r] = hi[r].max((to + width).min(m));
            }
        }
        Band { lo, hi }
    }

    /// Every node: for tests and as a fallback.
    pub(super) fn full(n: usize, m: usize) -> Band {
        Band { lo: vec![0; n + 1], hi: vec![m; n + 1] }
    }

    fn contains(&self, r: usize, c: usize) -> bool {
        r < self.lo.len() && self.lo[r] <= c && c <= self.hi[r]
    }

    /// Number of nodes in the band.
    pub(super) fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h + 1 - l).sum()
    }
}

/// Rows scored at a time: the bead costs of one block are computed (in parallel when the
/// block is large), consumed by the recurrence and dropped, so that memory holds one byte of
/// back-pointer per node and never a cost table of the whole band.
const BLOCK_ROWS: usize = 2048;
/// Below this many nodes in a block, scoring stays on the calling thread.
const PARALLEL_CELLS: usize = 4096;
/// The back-pointer of a node that no bead reaches (and of node (0, 0), where a path starts
/// and the traceback stops without reading it). Back-pointers are one byte each to keep the
/// band's memory small; a shape index is below `shapes.len()` (8 shapes at most here, checked
/// in debug builds), so the largest byte is free to mean "no bead".
const NO_BEAD: u8 = u8::MAX;

/// The cheapest path of beads from node (0, 0) to node (n, m) inside the band, where
/// `cost(w, r, c, s)` is the cost of the bead of shape `shapes[s]` ending at node (r, c), and
/// `w = window(rows, columns)` is made once for each block of rows, with what the costs of the
/// beads ending in those rows and columns need (merged features, say). None when the band does
/// not connect the two corners.
pub(super) fn solve<W, P, F>(
    band: &Band,
    shapes: &[(usize, usize)],
    window: P,
    cost: F,
) -> Option<Vec<Step>>
where
    W: Sync,
    P: Fn(Range<usize>, Range<usize>) -> W,
    F: Fn(&W, usize, usize, usize) -> f64 + Sync,
{
    let rows = band.lo.len();
    let width = |r: usize| band.hi[r] + 1 - band.lo[r];
    // Flat buffers indexed by the row's first node: one allocation each, however many rows.
    let mut row_start = Vec::with_capacity(rows + 1);
    row_start.push(0);
    for r in 0..rows {
        row_start.push(row_start[r] + width(r));
    }
    let mut total = vec![f64::INFINITY; row_start[rows]];
    debug_assert!(shapes.len() < usize::from(NO_BEAD), "a shape index must fit below NO_BEAD");
    let mut back = vec![NO_BEAD; row_start[rows]];
    if band.contains(0, 0) {
        total[0 - band.lo[0]] = 0.0;
    }
    let fill = |w: &W, r: usize, row: &mut [f64]| {
        for (k, c) in (band.lo[r]..=band.hi[r]).enumerate() {
            for (s, &(a, b)) in shapes.iter().enumerate() {
                row[k * shapes.len() + s] = if r >= a && c >= b && band.contains(r - a, c - b) {
                    cost(w, r, c, s)
                } else {
                    f64::INFINITY
                };
            }
        }
    };
    let mut costs = Vec::new();
    for first in (0..rows).step_by(BLOCK_ROWS) {
        let last = (first + BLOCK_ROWS).min(rows);
        let cells: usize = (first..last).map(width).sum();
        let columns = (first..last).map(|r| band.lo[r]).min().unwrap_or(0)
            ..(first..last).map(|r| band.hi[r] + 1).max().unwrap_or(0);
        let w = window(first..last, columns);
        costs.clear();
        costs.resize(cells * shapes.len(), f64::INFINITY);
        let mut slices = Vec::with_capacity(last - first);
        let mut rest = costs.as_mut_slice();
        for r in first..last {
            let (row, tail) = rest.split_at_mut(width(r) * shapes.len());
            slices.push((r, row));
            rest = tail;
        }
        if cells >= PARALLEL_CELLS {
            slices.into_par_iter().for_each(|(r, row)| fill(&w, r, row));
        } else {
            slices.into_iter().for_each(|(r, row)| fill(&w, r, row));
        }
        // The recurrence, row by row in order: each bead extends the best path to its start.
        let mut offset = 0;
        for r in first..last {
            for (k, c) in (band.lo[r]..=band.hi[r]).enumerate() {
                let beads = &costs[(offset + k) * shapes.len()..(offset + k + 1) * shapes.len()];
                for (s, (&(a, b), &bead)) in shapes.iter().zip(beads).enumerate() {
                    if !bead.is_finite() {
                        continue;
                    }
                    let (pr, pc) = (r - a, c - b);
                    let before = total[row_start[pr] + pc - band.lo[pr]];
                    let here = row_start[r] + k;
                    if before + bead < total[here] {
                        total[here] = before + bead;
                        back[here] = s as u8;
                    }
                }
            }
            offset += width(r);
        }
    }
    // A band ends at node (n, m): its last row is n, and reaches column m.
    traceback(band, shapes, &back, &row_start, rows - 1, band.hi[rows - 1])
}

/// One bead of the best path: from node `from` to node `to`, of shape `shapes[shape]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Step {
    pub from: (usize, usize),
    pub to: (usize, usize),
    pub shape: usize,
}

/// Walks the back-pointers from node (n, m) to (0, 0): the beads in document order. None when
/// (n, m) was not reached.
fn traceback(
    band: &Band,
    shapes: &[(usize, usize)],
    back: &[u8],
    row_start: &[usize],
    n: usize,
    m: usize,
) -> Option<Vec<Step>> {
    if !band.contains(n, m) {
        return None;
    }
    let mut path = Vec::new();
    let (mut r, mut c) = (n, m);
    while (r, c) != (0, 0) {
        let s = back[row_start[r] + c - band.lo[r]];
        if s == NO_BEAD {
            return None;
        }
        let (a, b) = shapes[s as usize];
        path.push(Step { from: (r - a, c - b), to: (r, c), shape: s as usize });
        r -= a;
        c -= b;
    }
    path.reverse();
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_follows_anchors_and_stays_narrow() {
        let band = Band::around(&[(50, 52)], 100, 104, 3);
        assert!(band.contains(50, 52) && band.contains(51, 53) && band.contains(100, 104));
        assert!(!band.contains(50, 10));
        assert!(band.cells() < 101 * 30, "{}", band.cells());
    }

    /// Shapes 0..4: 1-1, 1-0, 0-1, 2-1.
    const TEST_SHAPES: [(usize, usize); 4] = [(1, 1), (1, 0), (0, 1), (2, 1)];

    /// The cost of the bead of shape `s` ending at node (r, c): 1-0 and 0-1 cost 2; 1-1
    /// costs 1 at (1, 1), 0.5 at (1, 2) and (2, 1), 4 at (2, 2); 2-1 costs 3 at (2, 1) and 1
    /// at (2, 2).
    fn test_cost(r: usize, c: usize, s: usize) -> f64 {
        match (TEST_SHAPES[s], r, c) {
            ((1, 0) | (0, 1), _, _) => 2.0,
            ((1, 1), 1, 1) => 1.0,
            ((1, 1), 1, 2) | ((1, 1), 2, 1) => 0.5,
            ((1, 1), 2, 2) => 4.0,
            ((2, 1), 2, 1) => 3.0,
            ((2, 1), 2, 2) => 1.0,
            other => panic!("no bead {other:?} in the 2 × 2 problem"),
        }
    }

    fn test_solve(
        band: &Band,
        cost: impl Fn(usize, usize, usize) -> f64 + Sync,
    ) -> Option<Vec<Step>> {
        solve(band, &TEST_SHAPES, |_, _| (), |_: &(), r, c, s| cost(r, c, s))
    }

    fn path_cost(path: &[Step]) -> f64 {
        path.iter().map(|s| test_cost(s.to.0, s.to.1, s.shape)).sum()
    }

    #[test]
    fn solve_finds_the_cheapest_path_computed_by_hand() {
        // Best total T(r, c) of each node of the full 2 × 2 table, by hand (bead into the node
        // in brackets):
        //   T(0,0) = 0
        //   T(0,1) = 0 + 2 = 2 [0-1]                 T(0,2) = 2 + 2 = 4 [0-1]
        //   T(1,0) = 0 + 2 = 2 [1-0]                 T(2,0) = 2 + 2 = 4 [1-0]
        //   T(1,1) = min(1-1: 0 + 1, 1-0: 2 + 2, 0-1: 2 + 2) = 1 [1-1]
        //   T(1,2) = min(1-1: T(0,1) + 0.5 = 2.5, 1-0: 4 + 2, 0-1: 1 + 2) = 2.5 [1-1]
        //   T(2,1) = min(1-1: T(1,0) + 0.5 = 2.5, 1-0: 1 + 2, 0-1: 4 + 2, 2-1: 0 + 3) = 2.5 [1-1]
        //   T(2,2) = min(1-1: T(1,1) + 4 = 5, 1-0: 2.5 + 2, 0-1: 2.5 + 2, 2-1: T(0,1) + 1 = 3)
        //          = 3 [2-1]
        // Traceback from (2, 2): 2-1 from (0, 1), then 0-1 from (0, 0). The path skips the
        // cheapest first bead (1-1 into (1, 1), cost 1): a greedy walk would not find it.
        let path = test_solve(&Band::full(2, 2), test_cost).expect("the full table connects");
        assert_eq!(
            path,
            [
                Step { from: (0, 0), to: (0, 1), shape: 2 },
                Step { from: (0, 1), to: (2, 2), shape: 3 },
            ]
        );
        assert_eq!(path_cost(&path), 3.0);

        // Without node (0, 1) (row 0 holds only (0, 0), row 2 starts at column 1), by hand:
        //   T(1,0) = 2 [1-0], T(1,1) = 1 [1-1], T(1,2) = T(1,1) + 2 = 3 [0-1]
        //   T(2,1) = min(1-1: T(1,0) + 0.5 = 2.5, 1-0: 1 + 2, 2-1: 0 + 3) = 2.5 [1-1]
        //   T(2,2) = min(1-1: 1 + 4 = 5, 1-0: 3 + 2 = 5, 0-1: 2.5 + 2 = 4.5) = 4.5 [0-1]
        let band = Band { lo: vec![0, 0, 1], hi: vec![0, 2, 2] };
        let path = test_solve(&band, test_cost).expect("the band connects");
        assert_eq!(
            path,
            [
                Step { from: (0, 0), to: (1, 0), shape: 1 },
                Step { from: (1, 0), to: (2, 1), shape: 0 },
                Step { from: (2, 1), to: (2, 2), shape: 2 },
            ]
        );
        assert_eq!(path_cost(&path), 4.5);
    }

    #[test]
    fn solve_gives_none_when_no_bead_reaches_the_corner() {
        // Every bead into (2, 2) is impossible: its back-pointer stays NO_BEAD.
        let cost = |r, c, s| if (r, c) == (2, 2) { f64::INFINITY } else { test_cost(r, c, s) };
        assert_eq!(test_solve(&Band::full(2, 2), cost), None);
    }

    #[test]
    fn every_row_connects_to_the_next() {
        let band = Band::around(&[(3, 20), (4, 21)], 30, 25, 2);
        for r in 1..band.lo.len() {
            assert!(
                band.lo[r] <= band.hi[r - 1] + 1,
                "row {r}: {:?}",
                (band.lo[r], band.hi[r - 1])
            );
        }
    }
}
