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
    let spans = |f: &[Features]| f.iter().map(Span::of).collect::<Vec<Span>>();
    let (se, sf) = (spans(&fe), spans(&ff));
    let (sme, smf) = ([spans(&me[0]), spans(&me[1])], [spans(&mf[0]), spans(&mf[1])]);
    let (pe, pf) = (en.paragraphs.iter().map(Traits::of).collect::<Vec<_>>(), fr.paragraphs.iter().map(Traits::of).collect::<Vec<_>>());
    let scorer = Scorer {
        en: Side { doc: en, features: &fe, merged: &me, spans: &se, merged_spans: &sme, traits: &pe, anchor: &en_anchor },
        fr: Side { doc: fr, features: &ff, merged: &mf, spans: &sf, merged_spans: &smf, traits: &pf, anchor: &fr_anchor },
        model,
    };

    let mut band = dp::Band::around(&anchors, n, m, config.band_slack);
    let path = loop {
        let cost = |r: usize, c: usize, s: usize| {
            let (a, b, shape_cost) = SHAPES[s];
            scorer.cost(r - a..r, c - b..c, shape_cost)
        };
        match dp::solve(&band, &shapes, cost) {
            Some(path) => break path,
            // The band always connects (0, 0) to (n, m) through 1-0 and 0-1 beads, so this is
            // a safety net, not a path taken.
            None => band = dp::Band::full(n, m),
        }
    };
    path.into_iter()
        .map(|dp::Step { from: (r0, c0), to: (r1, c1), shape: s }| {
            let cost = scorer.cost(r0..r1, c0..c1, SHAPES[s].2);
            let anchored = r1 > r0 && c1 > c0 && scorer.en.anchor[r0] == Some(c0);
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

/// What is known of each paragraph before scoring, so that scoring a bead reads flags instead
/// of texts.
#[derive(Debug, Clone, Copy)]
struct Traits {
    /// Cover line, title, heading or footnote: stands alone by nature.
    standalone: bool,
    operative: bool,
    /// Opens with a capital letter (after an opening quote).
    capitalised: bool,
}

impl Traits {
    fn of(p: &crate::segment::Paragraph) -> Traits {
        Traits {
            standalone: matches!(p.part, Part::Cover | Part::Title | Part::Heading | Part::Footnote),
            operative: p.part == Part::Operative,
            capitalised: p.text.trim_start_matches(['“', '«', '"', ' ']).starts_with(char::is_uppercase),
        }
    }
}

/// One document as the scorer sees it.
struct Side<'a> {
    doc: &'a Document,
    features: &'a [Features],
    /// `merged[k][i]`: features of paragraphs i..i+k+2 merged (spans of 2 and 3).
    merged: &'a [Vec<Features>; 2],
    spans: &'a [Span],
    merged_spans: &'a [Vec<Span>; 2],
    traits: &'a [Traits],
    anchor: &'a [Option<usize>],
}

impl<'a> Side<'a> {
    /// The features and counts of paragraphs `r` taken as one.
    fn span(&self, r: &std::ops::Range<usize>) -> Option<(&'a Features, Span)> {
        match r.len() {
            0 => None,
            1 => Some((&self.features[r.start], self.spans[r.start])),
            k => Some((&self.merged[k - 2][r.start], self.merged_spans[k - 2][r.start])),
        }
    }
}

/// Everything a bead's cost needs, shared read-only by the scoring threads.
struct Scorer<'a> {
    en: Side<'a>,
    fr: Side<'a>,
    model: LengthModel,
}

impl<'a> Scorer<'a> {
    fn cost(&self, en: std::ops::Range<usize>, fr: std::ops::Range<usize>, shape_cost: f64) -> f64 {
        let (a, b) = (self.en.span(&en), self.fr.span(&fr));
        let shared = match (a, b) {
            (Some((a, _)), Some((b, _))) => features::shared(a, b),
            _ => Shared::default(),
        };
        let span = |x: Option<(&Features, Span)>| x.map_or(Span::default(), |(_, s)| s);
        cost::bead_cost(&self.model, shape_cost, &span(a), &span(b), shared, self.numbering(en, fr))
    }

    fn numbering(&self, en: std::ops::Range<usize>, fr: std::ops::Range<usize>) -> Numbering {
        let mut n = Numbering::default();
        // An anchored paragraph must open a bead with its partner; anywhere else it is swallowed.
        let en_swallowed = en.clone().any(|i| self.en.anchor[i].is_some() && (i != en.start || fr.is_empty()));
        let fr_swallowed = fr.clone().any(|j| self.fr.anchor[j].is_some() && (j != fr.start || en.is_empty()));
        n.swallowed = en_swallowed || fr_swallowed;
        let (te, tf) = (&self.en.traits[en.clone()], &self.fr.traits[fr.clone()]);
        n.standalone_en = te.iter().filter(|t| t.standalone).count();
        n.standalone_fr = tf.iter().filter(|t| t.standalone).count();
        let inside = |t: &[Traits], flag: fn(&Traits) -> bool| t.iter().skip(1).any(flag);
        n.numbered_inside = inside(te, |t| t.operative) || inside(tf, |t| t.operative);
        // A paragraph cut in two by a page break or an export goes on in lower case (and is
        // joined back when segmenting); one that opens with a capital is a paragraph of its own.
        n.capitalised_inside = inside(te, |t| t.capitalised) || inside(tf, |t| t.capitalised);
        n.count_en = en.len();
        n.count_fr = fr.len();
        if let (Some(i), Some(j)) = (en.clone().next(), fr.clone().next()) {
            n.same_anchor = self.en.anchor[i] == Some(j);
            let (a, b) = (&self.en.doc.paragraphs[i].label, &self.fr.doc.paragraphs[j].label);
            // cover lines are left out: one language often lacks one, which shifts the rest
            n.same_position = !a.anchor && a.name == b.name && self.en.doc.paragraphs[i].part != Part::Cover;
            n.clash = !n.same_anchor && (self.en.anchor[i].is_some() || self.fr.anchor[j].is_some());
            n.misnumbered = !n.clash && !n.same_anchor && a.anchor && b.anchor && a.name != b.name;
        }
        n
    }
}
