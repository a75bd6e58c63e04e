//! Alignment: two [`Document`]s → an [`Alignment`].
//!
//! 1. Features are extracted from every paragraph, in parallel ([`features`]).
//! 2. Paragraphs with the same numbering label on both sides become anchors ([`anchor`]).
//! 3. The French/English length ratio and its variance are estimated from the anchor pairs.
//! 4. A dynamic programme finds the cheapest sequence of beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2,
//!    1-3, 3-1) inside a band around the anchors ([`dp`]); each bead's cost combines
//!    length, shared content and numbering ([`cost`]). Scoring runs in parallel with rayon.
//!
//! Nothing here compares whole texts: a bead's cost is computed from per-paragraph counts and
//! from pairwise counts of short feature lists, so the work grows with n · band width.

pub mod anchor;
pub mod cost;
pub mod dp;
pub mod features;
mod model;

pub use model::*;

use crate::segment::{Document, Part};
use cost::{LengthModel, Numbering, Span, SHAPES};
use features::{Features, Shared};

use rayon::prelude::*;

/// Settings of the aligner.
#[derive(Debug, Clone)]
pub struct AlignConfig {
    /// Columns searched either side of the path through the anchors.
    pub band_slack: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig { band_slack: 3 }
    }
}

/// Aligns two documents. Every paragraph of each ends up in exactly one bead.
pub fn align(en: Document, fr: Document, config: &AlignConfig) -> Alignment {
    let beads = beads(&en, &fr, config);
    Alignment { en, fr, beads }
}

/// Below this many paragraphs, work stays on the calling thread.
const PARALLEL_PARAGRAPHS: usize = 256;

fn extract_all(doc: &Document) -> Vec<Features> {
    if doc.paragraphs.len() >= PARALLEL_PARAGRAPHS / 2 {
        doc.paragraphs.par_iter().map(|p| features::extract(&p.text)).collect()
    } else {
        doc.paragraphs.iter().map(|p| features::extract(&p.text)).collect()
    }
}

fn beads(en: &Document, fr: &Document, config: &AlignConfig) -> Vec<Bead> {
    let (n, m) = (en.paragraphs.len(), fr.paragraphs.len());
    // Waking a second thread costs more than extracting a resolution's features.
    let (mut fe, mut ff) = if n + m >= PARALLEL_PARAGRAPHS {
        rayon::join(|| extract_all(en), || extract_all(fr))
    } else {
        (extract_all(en), extract_all(fr))
    };
    features::link_names(&mut fe, &mut ff);
    // Beads take up to three paragraphs a side; their merged features are made once here,
    // not once per bead scored.
    let (me, mf) = (merged_spans(&fe), merged_spans(&ff));
    let anchors = anchor::anchors(en, fr);
    let pairs: Vec<(f64, f64)> = anchors.iter().map(|&(i, j)| (fe[i].len, ff[j].len)).collect();
    let model = LengthModel::estimate(&pairs, fe.iter().map(|f| f.len).sum(), ff.iter().map(|f| f.len).sum());

    // anchor_of[i] = Some(j) when English paragraph i is anchored to French paragraph j.
    let mut en_anchor = vec![None; n];
    let mut fr_anchor = vec![None; m];
    for &(i, j) in &anchors {
        en_anchor[i] = Some(j);
        fr_anchor[j] = Some(i);
    }
    let shapes: Vec<(usize, usize)> = SHAPES.iter().map(|&(a, b, _)| (a, b)).collect();
    let scorer = Scorer { en, fr, fe: &fe, ff: &ff, me: &me, mf: &mf, en_anchor: &en_anchor, fr_anchor: &fr_anchor, model };

    let mut band = dp::Band::around(&anchors, n, m, config.band_slack);
    let path = loop {
        let table = dp::cost_table(&band, &shapes, |r, c, s| {
            let (a, b, shape_cost) = SHAPES[s];
            scorer.cost(r - a..r, c - b..c, shape_cost)
        });
        let (_, back) = dp::recurrence(&band, &shapes, &table);
        match dp::traceback(&band, &shapes, &back, n, m) {
            Some(path) => break path,
            // The band always connects (0, 0) to (n, m) through 1-0 and 0-1 beads, so this is
            // a safety net, not a path taken.
            None => band = dp::Band::full(n, m),
        }
    };
    path.into_iter()
        .map(|dp::Step { from: (r0, c0), to: (r1, c1), shape: s }| {
            let cost = scorer.cost(r0..r1, c0..c1, SHAPES[s].2);
            let anchored = r1 > r0 && c1 > c0 && en_anchor[r0] == Some(c0);
            Bead { en: r0..r1, fr: c0..c1, score: round4(cost::confidence(cost, (r1 - r0, c1 - c0))), anchored }
        })
        .collect()
}

/// Merged features of every run of 2 and of 3 consecutive paragraphs.
fn merged_spans(f: &[Features]) -> [Vec<Features>; 2] {
    let runs = |k: usize| (0..f.len().saturating_sub(k - 1)).map(|i| features::merge(&f[i..i + k])).collect();
    [runs(2), runs(3)]
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Everything a bead's cost needs, shared read-only by the scoring threads.
struct Scorer<'a> {
    en: &'a Document,
    fr: &'a Document,
    fe: &'a [Features],
    ff: &'a [Features],
    /// `me[k][i]`: features of English paragraphs i..i+k+2 merged (spans of 2 and 3).
    me: &'a [Vec<Features>; 2],
    mf: &'a [Vec<Features>; 2],
    en_anchor: &'a [Option<usize>],
    fr_anchor: &'a [Option<usize>],
    model: LengthModel,
}

impl<'a> Scorer<'a> {
    fn cost(&self, en: std::ops::Range<usize>, fr: std::ops::Range<usize>, shape_cost: f64) -> f64 {
        let side = |f: &'a [Features], m: &'a [Vec<Features>; 2], r: &std::ops::Range<usize>| -> Option<&'a Features> {
            match r.len() {
                0 => None,
                1 => Some(&f[r.start]),
                k => Some(&m[k - 2][r.start]),
            }
        };
        let (a, b) = (side(self.fe, self.me, &en), side(self.ff, self.mf, &fr));
        let span = |x: Option<&Features>| x.map_or(Span::default(), Span::of);
        let (se, sf) = (span(a), span(b));
        let shared = match (a, b) {
            (Some(a), Some(b)) => features::shared(a, b),
            _ => Shared::default(),
        };
        cost::bead_cost(&self.model, shape_cost, &se, &sf, shared, self.numbering(en, fr))
    }

    fn numbering(&self, en: std::ops::Range<usize>, fr: std::ops::Range<usize>) -> Numbering {
        let mut n = Numbering::default();
        // An anchored paragraph must open a bead with its partner; anywhere else it is swallowed.
        let en_swallowed = en.clone().any(|i| self.en_anchor[i].is_some() && (i != en.start || fr.is_empty()));
        let fr_swallowed = fr.clone().any(|j| self.fr_anchor[j].is_some() && (j != fr.start || en.is_empty()));
        n.swallowed = en_swallowed || fr_swallowed;
        let standalone = |p: &&crate::segment::Paragraph| matches!(p.part, Part::Cover | Part::Title | Part::Heading | Part::Footnote);
        n.standalone_en = self.en.paragraphs[en.clone()].iter().filter(standalone).count();
        n.standalone_fr = self.fr.paragraphs[fr.clone()].iter().filter(standalone).count();
        let numbered = |d: &Document, r: std::ops::Range<usize>| d.paragraphs[r].iter().skip(1).any(|p| p.part == Part::Operative);
        n.numbered_inside = numbered(self.en, en.clone()) || numbered(self.fr, fr.clone());
        // A paragraph cut in two by a page break or an export goes on in lower case (and is
        // joined back when segmenting); one that opens with a capital is a paragraph of its own.
        let capitalised = |d: &Document, r: std::ops::Range<usize>| {
            d.paragraphs[r].iter().skip(1).any(|p| p.text.trim_start_matches(['“', '«', '"', ' ']).starts_with(char::is_uppercase))
        };
        n.capitalised_inside = capitalised(self.en, en.clone()) || capitalised(self.fr, fr.clone());
        n.count_en = en.len();
        n.count_fr = fr.len();
        if let (Some(i), Some(j)) = (en.clone().next(), fr.clone().next()) {
            n.same_anchor = self.en_anchor[i] == Some(j);
            let (a, b) = (&self.en.paragraphs[i].label, &self.fr.paragraphs[j].label);
            // cover lines are left out: one language often lacks one, which shifts the rest
            n.same_position = !a.anchor && a.name == b.name && self.en.paragraphs[i].part != Part::Cover;
            n.clash = !n.same_anchor && (self.en_anchor[i].is_some() || self.fr_anchor[j].is_some());
            n.misnumbered = !n.clash && !n.same_anchor && a.anchor && b.anchor && a.name != b.name;
        }
        n
    }
}
