//! Alignment: two [`Document`]s → an [`Alignment`].
//!
//! 1. Features are extracted from every paragraph, in parallel (`features.rs`).
//! 2. Paragraphs with the same numbering label on both sides become anchors (`anchor.rs`).
//! 3. The French/English length ratio and its variance are estimated from the anchor pairs.
//! 4. A dynamic programme finds the cheapest sequence of beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2,
//!    1-3, 3-1) inside a band around the anchors (`dp.rs`); each bead's cost combines
//!    length, shared content and numbering (`cost.rs`). Scoring runs in parallel with rayon.
//!
//! Nothing here compares whole texts: a bead's cost is computed from per-paragraph counts and
//! from pairwise counts of short feature lists, so the work grows with n · band width.

mod anchor;
pub(crate) mod cost;
mod dp;
mod features;
mod model;
mod refine;
mod runs;

pub use model::*;
pub(crate) use refine::sentences_within;

use crate::segment::{Document, Part};
use cost::{LengthModel, Numbering, Span, SHAPES};
use features::{Features, Shared, View};
use runs::Runs;

use rayon::prelude::*;

/// Columns searched either side of the path through the anchors. Set to 2 in stop 8: slack 1
/// gave byte-identical outputs on all 319 real pairs and the perturbation and PDF-shape
/// tests as well, and 2 keeps room for a misread number; 3 only cost time.
pub const BAND_SLACK: usize = 2;

/// Settings of the aligner, the one place a run's alignment is configured: what the units
/// are, and how far the search may stray from the numbering anchors. How each kind of unit is
/// scored (bead priors, evidence weights) follows from `units`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlignConfig {
    /// What the documents' units are, and so how they are aligned.
    pub units: Units,
    /// Columns searched either side of the path through the anchors.
    pub band_slack: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig { units: Units::Paragraphs, band_slack: BAND_SLACK }
    }
}

impl From<Units> for AlignConfig {
    fn from(units: Units) -> Self {
        AlignConfig { units, ..AlignConfig::default() }
    }
}

/// How one search scores its beads: as the paragraphs of a resolution, or as sentences and
/// lines of a pre-segmented text (no numbering or paragraph capitalisation to read, and
/// sentence-level shape priors: merges are common, deletions rare).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    Paragraphs,
    Sentences,
}

impl Pass {
    fn shapes(self) -> &'static [(usize, usize, f64)] {
        match self {
            Pass::Paragraphs => &SHAPES,
            Pass::Sentences => &cost::SENTENCE_SHAPES,
        }
    }

    fn evidence(self) -> cost::Evidence {
        match self {
            Pass::Paragraphs => cost::PARAGRAPH_EVIDENCE,
            Pass::Sentences => cost::SENTENCE_EVIDENCE,
        }
    }
}

/// What the units of an alignment are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Units {
    /// The paragraphs of a resolution, found by [`segment::segment`](crate::segment::segment).
    #[default]
    Paragraphs,
    /// Sentences, aligned inside the aligned paragraphs, so that no sentence unit crosses a
    /// paragraph unit.
    Sentences,
    /// The lines of texts segmented already ([`segment::lines`](crate::segment::lines)): line i
    /// is unit i, as hunalign, vecalign and Bertalign read their input.
    Lines,
}

impl Units {
    /// The names `--units` takes, in the order help texts list them.
    pub const NAMES: [&'static str; 3] = ["paragraphs", "sentences", "lines"];

    /// The units named on the command line.
    pub fn from_name(name: &str) -> Option<Units> {
        match name.to_ascii_lowercase().as_str() {
            "paragraphs" | "paragraph" => Some(Units::Paragraphs),
            "sentences" | "sentence" => Some(Units::Sentences),
            "lines" | "line" => Some(Units::Lines),
            _ => None,
        }
    }
}

/// Segments two texts into `config.units` and aligns them: the whole pipeline after
/// reading. The texts are dropped once segmented (on a long corpus they are a good part of the
/// memory).
pub fn align_texts(
    en: crate::read::Text,
    fr: crate::read::Text,
    config: &AlignConfig,
) -> Alignment {
    use crate::segment::{self, Language};
    let split = |t: crate::read::Text, language| {
        if config.units == Units::Lines {
            segment::lines(&t, language)
        } else {
            segment::segment(&t, language)
        }
    };
    // The two sides are independent: a long pair segments in parallel (a short one would wait
    // longer for a second thread than it takes).
    let (en, fr) = if en.content.len() + fr.content.len() >= PARALLEL_BYTES {
        rayon::join(|| split(en, Language::En), || split(fr, Language::Fr))
    } else {
        (split(en, Language::En), split(fr, Language::Fr))
    };
    align(en, fr, config)
}

/// Aligns two documents whose paragraphs are `config.units` (for sentences: the paragraphs,
/// whose sentences are then aligned inside each paragraph unit). Every unit of each ends up in
/// exactly one bead.
pub fn align(en: Document, fr: Document, config: &AlignConfig) -> Alignment {
    let slack = config.band_slack;
    match config.units {
        Units::Paragraphs => align_pass(en, fr, Pass::Paragraphs, slack),
        Units::Sentences => sentences_within(align_pass(en, fr, Pass::Paragraphs, slack), slack),
        Units::Lines => {
            // Lines that hold a resolution, one paragraph a line (an opening line near the top
            // on both sides), are aligned as paragraphs; other lines as sentences.
            let resolution = |d: &Document| {
                d.paragraphs
                    .iter()
                    .take(OPENING_WITHIN)
                    .any(|p| p.label.anchor && p.label.name == "opening")
            };
            let pass =
                if resolution(&en) && resolution(&fr) { Pass::Paragraphs } else { Pass::Sentences };
            align_pass(en, fr, pass, slack)
        }
    }
}

/// One search over two documents' units, scored as `pass` says.
pub(crate) fn align_pass(en: Document, fr: Document, pass: Pass, band_slack: usize) -> Alignment {
    let beads = beads(&en, &fr, pass, band_slack);
    Alignment { en, fr, beads }
}

/// Below this many bytes of text, the two sides are segmented on the calling thread (6e909b9:
/// waking a second thread costs more than segmenting a resolution; pairs of 1 MB and more
/// gain from it).
const PARALLEL_BYTES: usize = 1 << 20;
/// Below this many paragraphs, work stays on the calling thread (2f9dc87: no thread wake-ups
/// for small documents; hand-set, no sweep recorded).
const PARALLEL_PARAGRAPHS: usize = 256;

fn extract_all(doc: &Document) -> Vec<Features> {
    if doc.paragraphs.len() >= PARALLEL_PARAGRAPHS / 2 {
        doc.paragraphs.par_iter().map(|p| features::extract(&p.text)).collect()
    } else {
        doc.paragraphs.iter().map(|p| features::extract(&p.text)).collect()
    }
}

/// The cost of pairing English paragraph `i` with French paragraph `j` by their content
/// alone: length, numbers and symbols, cognates, names; no numbering.
fn content_cost(
    en: &Content,
    fr: &Content,
    (i, j): (usize, usize),
    model: &LengthModel,
    evidence: &cost::Evidence,
) -> f64 {
    let (a, b) = (en.get(i).view(), fr.get(j).view());
    let shared = features::shared(&a, &b);
    cost::bead_cost(
        model,
        evidence,
        0.0,
        &Span::of(&a),
        &Span::of(&b),
        shared,
        Numbering::default(),
    )
}

/// An English and a French paragraph, by index.
type Pair = (usize, usize);

/// The paragraphs' content as anchors are confirmed by it: a numbered paragraph's features
/// without its number ("9 Ibid., vol. 1465 …" is read from "Ibid."), since the number is the
/// label under doubt.
struct Content<'a> {
    features: &'a [Features],
    unnumbered: Vec<Option<Features>>,
}

impl<'a> Content<'a> {
    fn of(doc: &Document, features: &'a [Features], numbered: impl Fn(usize) -> bool) -> Self {
        let unnumbered = doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let end = crate::segment::operative_label_end(&p.text).filter(|_| numbered(i))?;
                Some(features::extract(&p.text[end..]))
            })
            .collect();
        Content { features, unnumbered }
    }

    fn get(&self, i: usize) -> &Features {
        self.unnumbered.get(i).and_then(Option::as_ref).unwrap_or(&self.features[i])
    }

    fn len(&self) -> usize {
        self.features.len()
    }
}

/// The anchors whose content does not contradict them (of those that `may_lie`, numbered
/// paragraphs). An anchor lies where a translation lost a paragraph and renumbered the rest
/// ("French 5–8 are English 6–9"): along a run of anchors, each pair's content is then worse
/// than that of the English paragraph with the French one beside its partner (or the other
/// way round), and by much in all. Such a run is dropped, and the content decides there; one
/// anchor a little worse than its neighbour (two sub-paragraphs alike) is kept. Returns the
/// anchors kept and those dropped.
fn confirmed(
    anchors: Vec<(usize, usize)>,
    may_lie: impl Fn((usize, usize)) -> bool,
    en: &Content,
    fr: &Content,
    model: &LengthModel,
    evidence: &cost::Evidence,
) -> (Vec<Pair>, Vec<Pair>) {
    let cost = |p| content_cost(en, fr, p, model, evidence);
    let own: Vec<f64> = anchors.iter().map(|&p| cost(p)).collect();
    let mut keep = vec![true; anchors.len()];
    for (di, dj) in [(1, 0), (0, 1), (-1, 0), (0, -1)] {
        let shifted = |(i, j): (usize, usize)| {
            let (i, j) = (i.checked_add_signed(di)?, j.checked_add_signed(dj)?);
            (i < en.len() && j < fr.len()).then_some((i, j))
        };
        let mut k = 0;
        while k < anchors.len() {
            // The run of anchors from k, each better paired with the shifted partner.
            let (mut end, mut gain) = (k, 0.0);
            // The shifted pair is numbered too: a paragraph cut in two on one side ("… under
            // the 1946" / "Convention on …") is no renumbering.
            while let Some(other) = anchors
                .get(end)
                .filter(|&&p| may_lie(p))
                .and_then(|&p| shifted(p))
                .filter(|&p| may_lie(p))
            {
                let delta = own[end] - cost(other);
                if delta <= 0.0 {
                    break;
                }
                gain += delta;
                end += 1;
            }
            if gain > ANCHOR_DOUBT {
                keep[k..end].iter_mut().for_each(|kept| *kept = false);
            }
            // A run that starts later inside this one gains less: go on after it.
            k = end.max(k + 1);
        }
    }
    let (kept, doubted): (Vec<_>, Vec<_>) = anchors.into_iter().zip(keep).partition(|(_, k)| *k);
    (kept.into_iter().map(|(p, _)| p).collect(), doubted.into_iter().map(|(p, _)| p).collect())
}

/// How much cheaper, by content, a run of anchors must be when shifted by one paragraph for
/// the run to be dropped: more than a lone anchor's gain between two sub-paragraphs alike
/// (at most about 2.8 in the seed pair), less than one renumbered paragraph's (about 8).
const ANCHOR_DOUBT: f64 = 6.0;

fn beads(en: &Document, fr: &Document, pass: Pass, band_slack: usize) -> Vec<Bead> {
    let (n, m) = (en.paragraphs.len(), fr.paragraphs.len());
    // Waking a second thread costs more than extracting a resolution's features.
    let (mut en_features, mut fr_features) = if n + m >= PARALLEL_PARAGRAPHS {
        rayon::join(|| extract_all(en), || extract_all(fr))
    } else {
        (extract_all(en), extract_all(fr))
    };
    features::link_names(&mut en_features, &mut fr_features);
    let anchors = anchor::anchors(en, fr);
    let pairs: Vec<(f64, f64)> =
        anchors.iter().map(|&(i, j)| (en_features[i].len, fr_features[j].len)).collect();
    let model = LengthModel::estimate(
        &pairs,
        en_features.iter().map(|f| f.len).sum(),
        fr_features.iter().map(|f| f.len).sum(),
    );

    let (shapes, evidence) = (pass.shapes(), pass.evidence());
    // Only numbers are renumbered: a heading's anchor ("Annex A") stands.
    let numbered = |d: &Document, i: usize| {
        matches!(d.paragraphs[i].part, Part::Operative | Part::SubParagraph | Part::Footnote)
    };
    let numbered_pair = |(i, j): (usize, usize)| numbered(en, i) && numbered(fr, j);
    let (en_content, fr_content) = (
        Content::of(en, &en_features, |i| numbered(en, i)),
        Content::of(fr, &fr_features, |j| numbered(fr, j)),
    );
    let (anchors, doubted) =
        confirmed(anchors, numbered_pair, &en_content, &fr_content, &model, &evidence);
    // anchor_of[i] = Some(j) when English paragraph i is anchored to French paragraph j.
    let mut en_anchor = vec![None; n];
    let mut fr_anchor = vec![None; m];
    for &(i, j) in &anchors {
        en_anchor[i] = Some(j);
        fr_anchor[j] = Some(i);
    }
    // The labels of dropped anchors are the numbering that lies: pairing two of them numbered
    // differently ("fn.4" with the French "fn.3" a lost note renumbered) costs nothing extra.
    let (mut en_doubted, mut fr_doubted) = (vec![false; n], vec![false; m]);
    for &(i, j) in &doubted {
        en_doubted[i] = true;
        fr_doubted[j] = true;
    }
    let band = dp::Band::around(&anchors, n, m, band_slack);
    // Without anchors to follow (pre-segmented lines, long unnumbered texts) the band around
    // the diagonal grows with n · m: the path is then found on texts halved again and again,
    // and searched here only near where the coarser path went.
    let band = if band.cells() > DIRECT_CELLS {
        coarse_band(&en_features, &fr_features, model, band_slack, shapes, evidence)
    } else {
        band
    };
    let traits = |d: &Document| -> Vec<Traits> {
        if pass == Pass::Sentences {
            vec![Traits::default(); d.paragraphs.len()]
        } else {
            d.paragraphs.iter().map(Traits::of).collect()
        }
    };
    let (en_traits, fr_traits) = (traits(en), traits(fr));
    let side = |doc, features, traits, anchor, doubted| Side {
        doc: Some(doc),
        features,
        traits,
        anchor,
        doubted,
    };
    let scorer = Scorer {
        en: side(en, &en_features, &en_traits, &en_anchor, &en_doubted),
        fr: side(fr, &fr_features, &fr_traits, &fr_anchor, &fr_doubted),
        model,
        shapes,
        evidence,
    };
    let path = scorer.path(band);
    let costs = scorer.costs(&path);
    path.into_iter()
        .zip(costs)
        .map(|(dp::Step { from: (r0, c0), to: (r1, c1), .. }, cost)| {
            let anchored = r1 > r0 && c1 > c0 && scorer.en.anchor[r0] == Some(c0);
            // Paragraphs numbered differently but paired by their content are a numbering
            // difference, which check reports: the confidence says whether the pairing is
            // doubtful, so it leaves that cost out.
            let cost = if scorer.numbering(r0..r1, c0..c1).misnumbered {
                cost - cost::MISNUMBERED
            } else {
                cost
            };
            Bead {
                en: r0..r1,
                fr: c0..c1,
                score: round4(cost::confidence(cost, (r1 - r0, c1 - c0))),
                anchored,
            }
        })
        .collect()
}

/// Largest band searched directly; larger ones are searched coarse to fine (bda4cdf: hand-set;
/// paragraph outputs of the real pairs were byte-identical with it, so they are searched
/// directly).
const DIRECT_CELLS: usize = 200_000;
/// Largest band searched directly at a coarse level (fb43d87: halving on until the band is
/// under this took the 95,000-line benchmark from 8.7 s to 5.0 s with the same F1).
const COARSE_CELLS: usize = 20_000;
/// Items of each sorted feature list kept at coarse levels (the smallest hashes: a bottom-k
/// sketch, whose overlaps estimate the full lists'), so that comparing two merged units costs
/// the same at every level (290e07e with 24, e3b0a80 12: the same path on every benchmark).
const COARSE_SKETCH: usize = 12;
/// Shapes scored at coarse levels: the first five (1-1, 1-0, 0-1, 2-1, 1-2); e3b0a80: the same
/// path on every benchmark at five eighths of the cost.
const COARSE_SHAPES: usize = 5;
/// Columns searched either side of the path projected from the level above (bda4cdf with 8,
/// 290e07e 6: the same F1 on the gold sets and the 95,000-line benchmark).
const FINE_WIDTH: usize = 6;
/// Lines read from the top of each side for a resolution's opening line ("The General
/// Assembly,"), which makes a line file a resolution aligned as paragraphs (e414b53: UDHR
/// 0.989 -> 1.000, the sentence sets unchanged); the opening comes after at most a few dozen
/// cover and title lines.
const OPENING_WITHIN: usize = 50;

/// The band for the finest level: the path through the paragraphs merged two by two (found
/// the same way, recursively), projected and widened by [`FINE_WIDTH`]. Numbering plays no
/// part above the finest level; content and length do, as they do below.
fn coarse_band(
    en_features: &[Features],
    fr_features: &[Features],
    model: LengthModel,
    slack: usize,
    shapes: &'static [(usize, usize, f64)],
    evidence: cost::Evidence,
) -> dp::Band {
    let halve = |f: &[Features]| {
        f.chunks(2)
            .map(|pair| features::merge(pair).sketch(COARSE_SKETCH))
            .collect::<Vec<Features>>()
    };
    let (en_merged, fr_merged) = (halve(en_features), halve(fr_features));
    let (n, m) = (en_merged.len(), fr_merged.len());
    let band = dp::Band::around(&[], n, m, slack);
    // Merged units carry long feature lists: the coarse levels go on until their band is small.
    let band = if band.cells() > COARSE_CELLS && n > 1 && m > 1 {
        coarse_band(&en_merged, &fr_merged, model, slack, shapes, evidence)
    } else {
        band
    };
    let (en_traits, fr_traits) = (vec![Traits::default(); n], vec![Traits::default(); m]);
    let (en_anchor, fr_anchor) = (vec![None; n], vec![None; m]);
    let (en_doubted, fr_doubted) = (vec![false; n], vec![false; m]);
    let en = Side {
        doc: None,
        features: &en_merged,
        traits: &en_traits,
        anchor: &en_anchor,
        doubted: &en_doubted,
    };
    let fr = Side {
        doc: None,
        features: &fr_merged,
        traits: &fr_traits,
        anchor: &fr_anchor,
        doubted: &fr_doubted,
    };
    // Two units merged into one at a coarse level are rarely matched two for two or one for
    // three: the 1-1, 1-0, 0-1, 2-1 and 1-2 beads find the same path at five eighths of the cost
    // (outputs unchanged on every benchmark and real pair).
    let scorer = Scorer { en, fr, model, shapes: &shapes[..COARSE_SHAPES], evidence };
    let mut points = vec![(0, 0)];
    points.extend(scorer.path(band).into_iter().map(|step| (2 * step.to.0, 2 * step.to.1)));
    let (n, m) = (en_features.len(), fr_features.len());
    // The last coarse node stands for (n, m), one past the end when a side has an odd count.
    let points: Vec<(usize, usize)> =
        points.into_iter().map(|(r, c)| (r.min(n), c.min(m))).collect();
    dp::Band::along(&points, n, m, |dx, dy| FINE_WIDTH + dx.abs_diff(dy))
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// What is known of each paragraph before scoring, so that scoring a bead reads flags instead
/// of texts.
#[derive(Debug, Clone, Copy, Default)]
struct Traits {
    /// Cover line, title, heading or footnote: stands alone by nature.
    standalone: bool,
    operative: bool,
    lettered: bool,
    /// Opens with a capital letter (after an opening quote and its space, a no-break one in
    /// French: "«\u{a0}Autorise").
    capitalised: bool,
}

impl Traits {
    fn of(p: &crate::segment::Paragraph) -> Traits {
        Traits {
            standalone: matches!(
                p.part,
                Part::Cover | Part::Title | Part::Heading | Part::Footnote
            ),
            operative: p.part == Part::Operative,
            // A lettered sub-paragraph ("(b) ensure …") is a paragraph of its own too: a short
            // one left out of the translation must not hide inside its neighbour's unit.
            lettered: p.part == Part::SubParagraph,
            capitalised: p
                .text
                .trim_start_matches(|c: char| matches!(c, '“' | '«' | '"') || c.is_whitespace())
                .starts_with(char::is_uppercase),
        }
    }
}

/// One document as the scorer sees it.
struct Side<'a> {
    /// The document, at the finest level (coarser levels have no labels to compare).
    doc: Option<&'a Document>,
    features: &'a [Features],
    traits: &'a [Traits],
    anchor: &'a [Option<usize>],
    /// Paragraphs whose anchor the content contradicted (see [`confirmed`]).
    doubted: &'a [bool],
}

/// Everything a bead's cost needs, shared read-only by the scoring threads.
struct Scorer<'a> {
    en: Side<'a>,
    fr: Side<'a>,
    model: LengthModel,
    /// (English count, French count, prior cost) of each bead shape.
    shapes: &'static [(usize, usize, f64)],
    evidence: cost::Evidence,
}

/// The merged runs of both sides that the beads of one block of the band read.
struct Window {
    en: Runs,
    fr: Runs,
}

impl<'a> Scorer<'a> {
    /// The cheapest path through `band`.
    fn path(&self, mut band: dp::Band) -> Vec<dp::Step> {
        let shapes: Vec<(usize, usize)> = self.shapes.iter().map(|&(a, b, _)| (a, b)).collect();
        let (n, m) = (self.en.features.len(), self.fr.features.len());
        loop {
            let cost =
                |w: &Window, r: usize, c: usize, s: usize| self.bead(w, r, c, self.shapes[s]);
            match dp::solve(&band, &shapes, |rows, columns| self.window(rows, columns), cost) {
                Some(path) => return path,
                // The band always connects (0, 0) to (n, m) through 1-0 and 0-1 beads, so this
                // is a safety net, not a path taken.
                None => band = dp::Band::full(n, m),
            }
        }
    }

    /// The runs ending at nodes `rows` (English) and `columns` (French).
    fn window(&self, rows: std::ops::Range<usize>, columns: std::ops::Range<usize>) -> Window {
        let (en, fr) = if rows.len() + columns.len() >= PARALLEL_PARAGRAPHS {
            rayon::join(
                || Runs::new(self.en.features, rows),
                || Runs::new(self.fr.features, columns),
            )
        } else {
            (Runs::new(self.en.features, rows), Runs::new(self.fr.features, columns))
        };
        Window { en, fr }
    }

    /// The cost of each bead of `path`, computed as the search did, a stretch of the path at a
    /// time (the runs of one stretch are merged once, and stretches are scored in parallel).
    fn costs(&self, path: &[dp::Step]) -> Vec<f64> {
        let stretch = |steps: &[dp::Step]| -> Vec<f64> {
            let (Some(first), Some(last)) = (steps.first(), steps.last()) else { return vec![] };
            let w = self.window(first.to.0..last.to.0 + 1, first.to.1..last.to.1 + 1);
            steps
                .iter()
                .map(|step| self.bead(&w, step.to.0, step.to.1, self.shapes[step.shape]))
                .collect()
        };
        if path.len() >= PARALLEL_PARAGRAPHS {
            path.par_chunks(PARALLEL_PARAGRAPHS).flat_map_iter(stretch).collect()
        } else {
            stretch(path)
        }
    }

    /// The cost of the bead of `shape` ending at node (r, c), from the runs of `w`.
    fn bead(&self, w: &Window, r: usize, c: usize, (a, b, shape_cost): (usize, usize, f64)) -> f64 {
        self.cost_of(
            (a > 0).then(|| w.en.get(r, a)),
            (b > 0).then(|| w.fr.get(c, b)),
            r - a..r,
            c - b..c,
            shape_cost,
        )
    }

    fn cost_of(
        &self,
        a: Option<View>,
        b: Option<View>,
        en: std::ops::Range<usize>,
        fr: std::ops::Range<usize>,
        shape_cost: f64,
    ) -> f64 {
        let shared = match (&a, &b) {
            (Some(a), Some(b)) => features::shared(a, b),
            _ => Shared::default(),
        };
        let span = |x: Option<View>| x.map_or(Span::default(), |v| Span::of(&v));
        cost::bead_cost(
            &self.model,
            &self.evidence,
            shape_cost,
            &span(a),
            &span(b),
            shared,
            self.numbering(en, fr),
        )
    }

    fn numbering(&self, en: std::ops::Range<usize>, fr: std::ops::Range<usize>) -> Numbering {
        let mut n = Numbering::default();
        // An anchored paragraph must open a bead with its partner; anywhere else it is swallowed.
        let en_swallowed =
            en.clone().any(|i| self.en.anchor[i].is_some() && (i != en.start || fr.is_empty()));
        let fr_swallowed =
            fr.clone().any(|j| self.fr.anchor[j].is_some() && (j != fr.start || en.is_empty()));
        n.swallowed = en_swallowed || fr_swallowed;
        let (en_traits, fr_traits) = (&self.en.traits[en.clone()], &self.fr.traits[fr.clone()]);
        n.standalone_en = en_traits.iter().filter(|t| t.standalone).count();
        n.standalone_fr = fr_traits.iter().filter(|t| t.standalone).count();
        let annex_with_title = |doc: Option<&Document>, range: &std::ops::Range<usize>| {
            doc.is_some_and(|d| {
                crate::segment::annex_heading_and_title(&d.paragraphs[range.clone()])
            })
        };
        n.annex_with_title = (en.len() == 1 && annex_with_title(self.fr.doc, &fr))
            || (fr.len() == 1 && annex_with_title(self.en.doc, &en));
        let inside = |t: &[Traits], flag: fn(&Traits) -> bool| t.iter().skip(1).any(flag);
        n.numbered_inside =
            inside(en_traits, |t| t.operative) || inside(fr_traits, |t| t.operative);
        n.lettered_inside = inside(en_traits, |t| t.lettered) || inside(fr_traits, |t| t.lettered);
        // A paragraph cut in two by a page break or an export goes on in lower case (and is
        // joined back when segmenting); one that opens with a capital is a paragraph of its own.
        n.capitalised_inside =
            inside(en_traits, |t| t.capitalised) || inside(fr_traits, |t| t.capitalised);
        n.count_en = en.len();
        n.count_fr = fr.len();
        if let (Some(i), Some(j), Some(den), Some(dfr)) =
            (en.clone().next(), fr.clone().next(), self.en.doc, self.fr.doc)
        {
            n.same_anchor = self.en.anchor[i] == Some(j);
            let (a, b) = (&den.paragraphs[i].label, &dfr.paragraphs[j].label);
            // cover lines are left out: one language often lacks one, which shifts the rest
            n.same_position =
                !a.anchor && a.name == b.name && den.paragraphs[i].part != Part::Cover;
            n.clash =
                !n.same_anchor && (self.en.anchor[i].is_some() || self.fr.anchor[j].is_some());
            n.misnumbered = !n.clash
                && !n.same_anchor
                && a.anchor
                && b.anchor
                && a.name != b.name
                && !(self.en.doubted[i] && self.fr.doubted[j]);
        }
        n
    }
}
