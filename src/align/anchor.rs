//! Anchors: paragraphs that carry the same numbering label in both languages (`op.5`,
//! `annex.op.1.a`, `fn.3`, `opening`, `closing`) pair up without reading them. A label counts
//! only when it occurs once on each side, and only the longest chain of such pairs that is in
//! order on both sides is kept (a longest increasing subsequence), so that one misread number
//! cannot pull the alignment across the document.

use crate::segment::Document;
use std::collections::HashMap;

/// Anchor pairs `(en index, fr index)`, increasing on both sides.
pub(super) fn anchors(en: &Document, fr: &Document) -> Vec<(usize, usize)> {
    let fr_labels = unique_labels(fr);
    let mut pairs: Vec<(usize, usize)> = unique_labels(en)
        .into_iter()
        .filter_map(|(name, i)| Some((i?, (*fr_labels.get(name)?)?)))
        .collect();
    pairs.sort_unstable();
    longest_increasing(&pairs)
}

/// Anchor labels of a document → the paragraph that carries each (None when several do).
fn unique_labels(doc: &Document) -> HashMap<&str, Option<usize>> {
    let mut seen: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, p) in doc.paragraphs.iter().enumerate().filter(|(_, p)| p.label.anchor) {
        seen.entry(p.label.name.as_str()).and_modify(|slot| *slot = None).or_insert(Some(i));
    }
    seen
}

/// The longest subsequence of `pairs` (sorted by the first index) that also increases in the
/// second index; O(k log k).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[l] = index in `pairs` of the smallest second index ending a chain of length l + 1
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < j);
        previous[k] = at.checked_sub(1).map(|a| tails[a]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        chain.push(pairs[k]);
        cursor = previous[k];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_chain_in_order_is_kept() {
        let pairs = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)];
        assert_eq!(longest_increasing(&pairs), [(0, 0), (2, 1), (3, 2), (4, 3)]);
        assert!(longest_increasing(&[]).is_empty());
    }
}
