//! The banded dynamic programme: cost table, recurrence and traceback, nothing else.
//!
//! Coordinates: a *node* (r, c) means "the first r English and the first c French paragraphs
//! are aligned"; the alignment is a path of beads from node (0, 0) to node (n, m), a bead of
//! shape (a, b) going from (r − a, c − b) to (r, c). Only nodes inside the [`Band`] are
//! visited: for each row r, the columns `lo[r] ..= hi[r]`. Memory and time are therefore
//! O(n · w) for a band of width w, never O(n · m).

use rayon::prelude::*;

/// Nodes a band may hold beyond its diagonal; resolutions need a thousandth of this, so the
/// cap only binds on documents of tens of thousands of paragraphs.
pub const MAX_BAND_CELLS: usize = 1 << 20;

/// The nodes the search may visit, row by row.
#[derive(Debug, Clone)]
pub struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    /// A band around the polyline through the anchor pairs: each stretch between two anchors
    /// is searched along its diagonal, `slack` columns either side, widened by the difference
    /// in paragraph counts of the stretch (that many paragraphs may be missing on one side)
    /// and by an eighth of its length. That extra room is capped so that the band never holds
    /// more than about [`MAX_BAND_CELLS`] nodes beyond the diagonal itself: a long document
    /// with no anchors (labels that repeat, or numbers past 999) would otherwise get a band as
    /// wide as an eighth of the document, and quadratic time and memory.
    pub fn around(anchors: &[(usize, usize)], n: usize, m: usize, slack: usize) -> Band {
        let widest = (MAX_BAND_CELLS / (n + 1) / 2).max(slack);
        let mut points = vec![(0, 0)];
        for &(i, j) in anchors {
            points.push((i, j));
            points.push((i + 1, j + 1));
        }
        points.push((n, m));
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        for w in points.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            let (dx, dy) = (x1 - x0, y1 - y0);
            // A long stretch without anchors may hold deletions on both sides that cancel
            // out in the counts, so it gets more room.
            let width = (slack + dx.abs_diff(dy) + dx.min(dy) / 8).min(widest);
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
    pub fn full(n: usize, m: usize) -> Band {
        Band { lo: vec![0; n + 1], hi: vec![m; n + 1] }
    }

    fn contains(&self, r: usize, c: usize) -> bool {
        r < self.lo.len() && self.lo[r] <= c && c <= self.hi[r]
    }

    /// Number of nodes in the band.
    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h + 1 - l).sum()
    }
}

/// Bead costs for every node of the band and every shape: `table[r][c - lo[r]][s]` is the
/// cost of the bead of shape `shapes[s]` that ends at node (r, c) (infinite where the bead
/// would start outside the band). Rows are scored in parallel when the band is large enough
/// for threads to pay off.
pub fn cost_table<F>(band: &Band, shapes: &[(usize, usize)], cost: F) -> Vec<Vec<Vec<f64>>>
where
    F: Fn(usize, usize, usize) -> f64 + Sync,
{
    let row = |r: usize| -> Vec<Vec<f64>> {
        (band.lo[r]..=band.hi[r])
            .map(|c| {
                shapes
                    .iter()
                    .enumerate()
                    .map(|(s, &(a, b))| {
                        if r >= a && c >= b && band.contains(r - a, c - b) {
                            cost(r, c, s)
                        } else {
                            f64::INFINITY
                        }
                    })
                    .collect()
            })
            .collect()
    };
    const PARALLEL_CELLS: usize = 4096;
    if band.cells() >= PARALLEL_CELLS {
        (0..band.lo.len()).into_par_iter().map(row).collect()
    } else {
        (0..band.lo.len()).map(row).collect()
    }
}

/// Fills the best total cost of reaching each node and the shape of its last bead.
/// Accumulates in f64: sums of many small costs lose precision in f32.
pub fn recurrence(band: &Band, shapes: &[(usize, usize)], table: &[Vec<Vec<f64>>]) -> (Vec<Vec<f64>>, Vec<Vec<u8>>) {
    let rows = band.lo.len();
    let mut total: Vec<Vec<f64>> = (0..rows).map(|r| vec![f64::INFINITY; band.hi[r] + 1 - band.lo[r]]).collect();
    let mut back: Vec<Vec<u8>> = (0..rows).map(|r| vec![u8::MAX; band.hi[r] + 1 - band.lo[r]]).collect();
    if band.contains(0, 0) {
        total[0][0 - band.lo[0]] = 0.0;
    }
    for r in 0..rows {
        for c in band.lo[r]..=band.hi[r] {
            let k = c - band.lo[r];
            for (s, &(a, b)) in shapes.iter().enumerate() {
                let bead = table[r][k][s];
                if !bead.is_finite() {
                    continue;
                }
                let (pr, pc) = (r - a, c - b);
                let before = total[pr][pc - band.lo[pr]];
                if before + bead < total[r][k] {
                    total[r][k] = before + bead;
                    back[r][k] = s as u8;
                }
            }
        }
    }
    (total, back)
}

/// One bead of the best path: from node `from` to node `to`, of shape `shapes[shape]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub from: (usize, usize),
    pub to: (usize, usize),
    pub shape: usize,
}

/// Walks the back-pointers from node (n, m) to (0, 0): the beads in document order. None when
/// (n, m) was not reached.
pub fn traceback(band: &Band, shapes: &[(usize, usize)], back: &[Vec<u8>], n: usize, m: usize) -> Option<Vec<Step>> {
    if !band.contains(n, m) {
        return None;
    }
    let mut path = Vec::new();
    let (mut r, mut c) = (n, m);
    while (r, c) != (0, 0) {
        let s = back[r][c - band.lo[r]];
        if s == u8::MAX {
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

    #[test]
    fn a_long_stretch_without_anchors_keeps_a_bounded_band() {
        for (n, m) in [(100_000, 100_000), (100_000, 50_000), (10, 200_000), (200_000, 10)] {
            let band = Band::around(&[], n, m, 3);
            assert!(band.cells() <= 2 * MAX_BAND_CELLS + 2 * (n + m), "{n} × {m}: {}", band.cells());
            assert!(band.contains(0, 0) && band.contains(n, m));
            for r in 1..band.lo.len() {
                assert!(band.lo[r] <= band.hi[r - 1] + 1 && band.lo[r] >= band.lo[r - 1], "row {r}");
            }
        }
    }

    #[test]
    fn every_row_connects_to_the_next() {
        let band = Band::around(&[(3, 20), (4, 21)], 30, 25, 2);
        for r in 1..band.lo.len() {
            assert!(band.lo[r] <= band.hi[r - 1] + 1, "row {r}: {:?}", (band.lo[r], band.hi[r - 1]));
        }
    }
}
