//! Sentence level: each paragraph unit of an alignment is split into sentences, and the
//! sentences are aligned inside it with the same dynamic programme, so that no sentence unit
//! crosses a paragraph boundary and the paragraph alignment's anchors hold.

use super::{align_pass, Alignment, Bead, Pass};
use crate::segment::{sentences::sentences, Document, Label, Paragraph};

/// The sentence alignment inside `paragraphs`: documents whose units are the sentences of the
/// paragraphs (labelled `op.5/s2`: the second sentence of `op.5`), and beads over them, each
/// search `band_slack` columns either side of its diagonal.
pub(crate) fn sentences_within(paragraphs: Alignment, band_slack: usize) -> Alignment {
    let Alignment { en, fr, beads } = paragraphs;
    let (en_units, en_of) = split(&en);
    let (fr_units, fr_of) = split(&fr);
    let mut out = Vec::with_capacity(beads.len());
    for bead in &beads {
        // The sentences of the bead's paragraphs, as index ranges into the sentence documents.
        let es = en_of[bead.en.start]..en_of[bead.en.end];
        let fs = fr_of[bead.fr.start]..fr_of[bead.fr.end];
        if es.is_empty() || fs.is_empty() {
            // A paragraph without counterpart: each of its sentences is a unit of its own.
            let (en_end, fr_start) = (es.end, fs.start);
            out.extend(es.map(|i| Bead {
                en: i..i + 1,
                fr: fr_start..fr_start,
                score: bead.score,
                anchored: false,
            }));
            out.extend(fs.map(|j| Bead {
                en: en_end..en_end,
                fr: j..j + 1,
                score: bead.score,
                anchored: false,
            }));
        } else if bead.en.len() == 1 && bead.fr.len() == 1 && es.len() == fs.len() {
            // Two paragraphs with as many sentences: a translation keeps them in order.
            out.extend(es.zip(fs).map(|(i, j)| Bead {
                en: i..i + 1,
                fr: j..j + 1,
                score: bead.score,
                anchored: false,
            }));
        } else {
            let part = |d: &Document, r: std::ops::Range<usize>| Document {
                paragraphs: d.paragraphs[r].to_vec(),
                ..d.clone_empty()
            };
            let inner = align_pass(
                part(&en_units, es.clone()),
                part(&fr_units, fs.clone()),
                Pass::Sentences,
                band_slack,
            );
            out.extend(inner.beads.into_iter().map(|b| Bead {
                en: es.start + b.en.start..es.start + b.en.end,
                fr: fs.start + b.fr.start..fs.start + b.fr.end,
                ..b
            }));
        }
    }
    Alignment { en: en_units, fr: fr_units, beads: out }
}

/// The sentences of every paragraph as a document, and for each paragraph index the index of
/// its first sentence (with one more entry, the total).
fn split(d: &Document) -> (Document, Vec<usize>) {
    let mut units = Vec::new();
    let mut first = Vec::with_capacity(d.paragraphs.len() + 1);
    for p in &d.paragraphs {
        first.push(units.len());
        for (k, r) in sentences(&p.text).into_iter().enumerate() {
            units.push(Paragraph {
                text: p.text[r].to_string(),
                label: Label { name: format!("{}/s{}", p.label.name, k + 1), anchor: false },
                part: p.part,
                markers: if k == 0 { p.markers.clone() } else { vec![] },
                span: p.span.clone(),
                place: p.place,
            });
        }
    }
    first.push(units.len());
    (Document { paragraphs: units, dropped: d.dropped.clone(), ..d.clone_empty() }, first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Text;
    use crate::segment::{segment, Language};

    #[test]
    fn sentences_stay_inside_their_paragraphs_and_pair_in_order() {
        let en = Text::new("en", "The General Assembly,\n\n1. Decides to meet. Requests a report on No. 5.\n\n2. Welcomes the plan.\n");
        let fr = Text::new("fr", "L’Assemblée générale,\n\n1. Décide de se réunir. Demande un rapport sur le no 5.\n\n2. Se félicite du plan. Elle le salue.\n");
        let paragraphs = crate::align::align(
            segment(&en, Language::En),
            segment(&fr, Language::Fr),
            &Default::default(),
        );
        let s = sentences_within(paragraphs, crate::align::BAND_SLACK);
        let labels =
            |d: &Document| d.paragraphs.iter().map(|p| p.label.name.clone()).collect::<Vec<_>>();
        assert_eq!(labels(&s.en), ["opening/s1", "op.1/s1", "op.1/s2", "op.2/s1"]);
        assert_eq!(s.en.paragraphs[2].text, "Requests a report on No. 5.");
        let pairs: Vec<(Vec<usize>, Vec<usize>)> =
            s.beads.iter().map(|b| (b.en.clone().collect(), b.fr.clone().collect())).collect();
        assert_eq!(
            pairs,
            [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2]), (vec![3], vec![3, 4])]
        );
    }
}
