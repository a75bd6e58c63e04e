//! Segmentation: [`Text`] → [`Document`], the resolution as a list of labelled paragraphs.
//!
//! Two steps: `clean.rs` turns lines into blocks (dropping page headers, page numbers and
//! separators, lifting footnote areas out of the body, re-flowing wrapped lines and joining
//! paragraphs cut by page breaks); `label.rs` names each block by its place in the resolution.
//! Footnote markers glued to words ("thereto;1", "rapportant1") are then removed from the
//! text and recorded on the paragraph. Footnotes come last in the document, in the order of
//! their numbers, as in the official XML: at the foot of a page they sit at a different place
//! in each language, and the aligner needs both sides in one order.

mod breaks;
mod clean;
mod label;
mod markers;
pub mod sentences;

pub(crate) use label::operative_label_end;
pub(crate) use label::roman as roman_value;

pub(crate) use markers::marker_like;
mod model;

pub use model::*;

use crate::read::Text;
use clean::{Block, SYMBOL_LINE};

/// One unit per line, nothing re-segmented: line i of the text (0-based) is paragraph i, with
/// the label `line.i`. The input convention of hunalign, vecalign and Bertalign, for text that
/// was segmented already; blank lines are units too, so that indices stay line numbers.
pub fn lines(text: &Text, language: Language) -> Document {
    let content = text.content.strip_suffix('\n').unwrap_or(&text.content);
    // Lines that carry a resolution's numbering ("Article 1", "3.", "The General Assembly")
    // keep their anchor labels, so that pre-segmented UN text is anchored as paragraphs are.
    let mut labeller = label::Labeller::new(content.split('\n').any(label::is_opening));
    let mut start = 0;
    // Sized once: a long file's lines would otherwise be moved as the vector doubles, and up
    // to half its capacity left unused.
    let mut paragraphs = Vec::with_capacity(content.bytes().filter(|&b| b == b'\n').count() + 1);
    paragraphs.extend(content.split('\n').enumerate().map(|(i, line)| {
        let span = start..start + line.len();
        start = span.end + 1;
        let assigned = labeller.next(line.trim(), false);
        let label = if assigned.anchor {
            Label { name: assigned.name, anchor: true }
        } else {
            Label { name: format!("line.{i}"), anchor: false }
        };
        let place = Place { line: Some(i as u32 + 1), page: None };
        Paragraph { text: line.to_string(), label, part: Part::Text, markers: vec![], span, place }
    }));
    Document { source: text.source.clone(), language, symbol: None, paragraphs, dropped: vec![] }
}

/// English or French, from the frequency of short function words (other languages, or too
/// little text, give `Other`).
pub fn guess_language(text: &str) -> Language {
    const EN: [&str; 10] = ["the", "of", "and", "to", "in", "its", "that", "for", "on", "with"];
    const FR: [&str; 10] = ["de", "la", "le", "et", "les", "des", "du", "à", "que", "sur"];
    let (mut en, mut fr) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()).take(5000) {
        let w = word.to_lowercase();
        if EN.contains(&w.as_str()) {
            en += 1;
        } else if FR.contains(&w.as_str()) {
            fr += 1;
        }
    }
    match (en, fr) {
        (e, f) if e + f < 3 => Language::Other,
        (e, f) if e > 2 * f => Language::En,
        (e, f) if f > 2 * e => Language::Fr,
        _ => Language::Other,
    }
}

/// Splits a text into the paragraphs of a resolution.
pub fn segment(text: &Text, language: Language) -> Document {
    let clean::Blocks { body, mut footnotes, dropped, header_symbol } =
        clean::blocks(&text.content);
    let mut body = merge_lone_labels(section_letters_first(body));
    footnotes.extend(trailing_footnotes(&mut body, &footnotes));

    let opening = body.iter().position(|b| label::is_opening(&b.text));
    let title = find_title(&body, opening);
    // With no opening line, the cover the text opens with still ends where the body starts.
    let cover_end = match opening {
        Some(_) => 0,
        None => clean::cover_end(body.iter().map(|b| b.text.as_str())),
    };
    let mut labeller = label::Labeller::new(opening.is_some() || cover_end > 0);
    let mut paragraphs: Vec<Paragraph> = body
        .into_iter()
        .enumerate()
        .map(|(i, block)| {
            if cover_end > 0 && i == cover_end {
                labeller.end_cover();
            }
            let assigned = labeller.next(&block.text, Some(i) == title);
            Paragraph {
                text: block.text,
                label: Label { name: assigned.name, anchor: assigned.anchor },
                part: assigned.part,
                markers: vec![],
                span: block.span,
                place: Place::default(),
            }
        })
        .collect();
    let numbers: Vec<u32> = footnotes.iter().filter_map(|f| f.footnote).collect();
    markers::strip(&mut paragraphs, &numbers);
    footnotes.sort_by_key(|f| f.footnote);
    paragraphs.extend(footnotes.into_iter().map(|f| Paragraph {
        label: Label { name: format!("fn.{}", f.footnote.unwrap_or(0)), anchor: true },
        text: f.text,
        part: Part::Footnote,
        markers: vec![],
        span: f.span,
        place: Place::default(),
    }));
    let starts: Vec<usize> = paragraphs.iter().map(|p| p.span.start).collect();
    for (p, place) in paragraphs.iter_mut().zip(Place::of(text, &starts)) {
        p.place = place;
    }
    let symbol = header_symbol.or_else(|| symbol_from(&paragraphs));
    Document { source: text.source.clone(), language, symbol, paragraphs, dropped }
}

/// The document symbol when a running header or a cover line gives it (a symbol alone between
/// blank lines), read without segmenting: what pairing files needs, at a fraction of the cost.
pub(crate) fn header_symbol(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).peekable();
    let mut blank_before = true;
    while let Some(t) = lines.next() {
        let alone = blank_before && lines.peek().is_none_or(|l| l.is_empty());
        // A symbol opens with a capital and holds a slash: the pattern is tried on few lines.
        if alone
            && t.len() < 40
            && t.starts_with(|c: char| c.is_ascii_uppercase())
            && t.contains('/')
            && SYMBOL_LINE.is_match(t)
        {
            return Some(t.to_string());
        }
        blank_before = t.is_empty();
    }
    None
}

/// A block that holds only a number ("1." alone, as in some French XML) opens the next block.
fn merge_lone_labels(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut pending: Option<Block> = None;
    for block in blocks {
        if let Some(label) = pending.take() {
            let merged = Block {
                text: format!("{} {}", label.text, block.text),
                span: label.span.start..block.span.end,
                footnote: None,
            };
            // Labels alone in a row ("III." / "6." / "Le Groupe …", S/RES/2744 (2024) FR) all
            // open the first block with text, as the extractors' lines have them.
            if clean::starts_with_label_alone(&block.text) {
                pending = Some(merged);
            } else {
                out.push(merged);
            }
            continue;
        }
        // Roman section numbers ("I", "II") stand alone on purpose, before their heading.
        if clean::starts_with_label_alone(&block.text) && label::heading(&block.text).is_none() {
            pending = Some(block);
        } else {
            out.push(block);
        }
    }
    out.extend(pending);
    out
}

/// A section's letter (or roman numeral) read after its heading heads it, as the other
/// language has it ("A. Sanctions ciblées"): a letter alone after the heading ("Targeted
/// sanctions" / "A." / "1. Recalls …", the letter set in the PDF's margin, S/RES/2713 (2023)),
/// or one an extractor glued to the heading's end ("… ammunition and military equipment H.",
/// S/RES/2776 (2025)). Only before a numbered paragraph, and only after a heading: a short
/// capitalised block with no punctuation at its end.
fn section_letters_first(blocks: Vec<Block>) -> Vec<Block> {
    // A capital letter or a roman numeral, with its full stop: "A.", "IV.".
    let letter_alone = |t: &str| {
        t.ends_with('.')
            && (t.len() == 2 && t.as_bytes()[0].is_ascii_uppercase()
                || breaks::is_section_numeral(t))
    };
    let numbered = |b: Option<&Block>| {
        b.is_some_and(|b| {
            clean::PARAGRAPH_START.is_match(&b.text) || clean::starts_with_label_alone(&b.text)
        })
    };
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut blocks = blocks.into_iter().peekable();
    while let Some(mut block) = blocks.next() {
        let before_number = numbered(blocks.peek());
        if before_number && letter_alone(&block.text) {
            if let Some(heading) = out.last_mut().filter(|h| is_heading(&h.text)) {
                heading.text = format!("{} {}", block.text, heading.text);
                heading.span = heading.span.start..block.span.end;
                continue;
            }
        }
        if before_number {
            let glued = block.text.rsplit_once(' ').filter(|(rest, letter)| {
                letter_alone(letter)
                    && is_heading(rest)
                    && !rest.rsplit(' ').next().is_some_and(|w| LEADS_TO_A_LETTER.contains(&w))
            });
            if let Some((rest, letter)) = glued {
                block.text = format!("{letter} {rest}");
            }
        }
        out.push(block);
    }
    out
}

/// Words a letter follows inside a sentence, not as a section's ("in Annex A.", "Part B.").
const LEADS_TO_A_LETTER: [&str; 12] = [
    "Annex", "annex", "Annexe", "annexe", "Part", "part", "Partie", "partie", "Section", "section",
    "Appendix", "Category",
];

/// The longest heading a section's letter is joined to, in characters (the longest seen in
/// the bulk Security Council pairs is about 90).
const HEADING_MAX_CHARS: usize = 160;

/// A heading: a short capitalised block with no label and no punctuation at its end.
fn is_heading(text: &str) -> bool {
    text.chars().count() <= HEADING_MAX_CHARS
        && text.starts_with(char::is_uppercase)
        && text.ends_with(|c: char| c.is_alphanumeric() || c == ')')
        && !clean::PARAGRAPH_START.is_match(text)
        && !clean::starts_with_label_alone(text)
        && !label::is_opening(text)
}

/// Footnotes written as the last blocks of a text ("1 United Nations, Treaty Series, …"), as
/// text derived from Word or XML has them: the longest run of final blocks numbered
/// consecutively from the first free footnote number, whose markers the body carries.
/// Footnotes a translation may have lost between two of the trailing ones it kept (or before
/// the first): the kept ones are still footnotes. Two, by hand: a French text that lost one
/// note of the 17 of A/RES/77/210 lost all of them before (tests/it/fixtures/plant_errors.py
/// --footnotes).
const LOST_NOTES: u32 = 2;

fn trailing_footnotes(body: &mut Vec<Block>, known: &[Block]) -> Vec<Block> {
    let first = known.iter().filter_map(|f| f.footnote).max().unwrap_or(0).saturating_add(1);
    let number_of = |b: &Block| -> Option<u32> {
        let digits: String = b.text.chars().take_while(char::is_ascii_digit).collect();
        let rest = &b.text[digits.len()..];
        (!digits.is_empty() && rest.starts_with([' ', '\u{a0}', '\t']))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let mut start = body.len();
    while start > 0 && number_of(&body[start - 1]).is_some() {
        start -= 1;
    }
    // Keep the longest tail whose numbers run first, first + 1, … with at most LOST_NOTES
    // missing at each step: a translation that lost a footnote still has the others.
    let follows = |previous: u32, n: u32| n > previous && n - previous <= 1 + LOST_NOTES;
    let run = (start..body.len()).find(|&s| {
        let mut previous = first - 1;
        body[s..].iter().all(|b| {
            let n = number_of(b).unwrap_or(0);
            let ok = follows(previous, n);
            previous = n;
            ok
        })
    });
    let Some(s) = run else { return vec![] };
    let numbers: Vec<u32> = body[s..].iter().filter_map(number_of).collect();
    let texts: Vec<&str> = body[..s].iter().map(|b| b.text.as_str()).collect();
    if !markers::any_marker(&texts, &numbers) {
        return vec![];
    }
    body.drain(s..)
        .map(|mut b| {
            b.footnote = number_of(&b);
            b
        })
        .collect()
}

/// The title: the "58/135. …" paragraph before the opening line, or else the paragraph just
/// before the opening when it is not a cover-page line.
fn find_title(body: &[Block], opening: Option<usize>) -> Option<usize> {
    let end = opening.unwrap_or(body.len().min(3));
    if let Some(i) = body[..end].iter().position(|b| label::is_title(&b.text)) {
        return Some(i);
    }
    let before = opening?.checked_sub(1)?;
    (!label::is_cover_line(&body[before].text)).then_some(before)
}

/// "A/RES/58/135" from a cover line, or from the title's number ("58/135." → A/RES/58/135),
/// or from a Security Council cover ("Resolution 2505 (2020)" → S/RES/2505 (2020)).
fn symbol_from(paragraphs: &[Paragraph]) -> Option<String> {
    use regex::Regex;
    use std::sync::LazyLock;
    static TITLE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[“«\x22]?\s*((?:[A-Z]{1,3}-)?[0-9]{1,3}/[0-9]{1,4})\s*\.").unwrap()
    });
    static SC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^R[ée]solution ([0-9]{3,4}) \(([0-9]{4})\)$").unwrap());
    for p in paragraphs.iter().take_while(|p| matches!(p.part, Part::Cover | Part::Title)) {
        if SYMBOL_LINE.is_match(&p.text) {
            return Some(p.text.clone());
        }
        if let Some(c) = SC.captures(&p.text) {
            return Some(format!("S/RES/{} ({})", &c[1], &c[2]));
        }
        if p.part == Part::Title {
            if let Some(c) = TITLE_NUMBER.captures(&p.text) {
                return Some(format!("A/RES/{}", &c[1]));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(s: &str) -> Document {
        segment(&Text::new("t.txt", s), Language::En)
    }

    /// A text whose "The Security Council," was left out still has its cover: the masthead's
    /// symbol is a cover line, not a running header dropped, and the date is no preamble.
    #[test]
    fn a_cover_with_no_opening_line_after_it_is_still_the_cover() {
        let d = seg("United Nations\n\nS/RES/2573 (2021)\n\nSecurity Council\n\nDistr.: General\n\n27 April 2021\n\nResolution 2573 (2021)\n\nAdopted by the Security Council on 27 April 2021\n\nReiterating its primary responsibility,\n\n1. Strongly condemns attacks;\n");
        let labels: Vec<_> = d.paragraphs.iter().map(|p| p.label.name.as_str()).collect();
        assert_eq!(
            labels,
            [
                "cover.1", "cover.2", "cover.3", "cover.4", "cover.5", "cover.6", "cover.7",
                "pre.1", "op.1"
            ]
        );
        assert!(d.dropped.is_empty(), "{:?}", d.dropped);
        // The same text as pypdf gives it, no blank line at all: the symbol repeated at a page
        // start inside a paragraph is a running header, dropped, and the paragraph one.
        let line = "the Council notes the efforts made in several of the situations on its agenda";
        let body = format!("{line}\n").repeat(6);
        let d = seg(&format!("United Nations\nS/RES/2573 (2021)\nSecurity Council\nDistr.: General\n27 April 2021\nResolution 2573 (2021)\nAdopted by the Security Council on 27 April 2021\nReiterating its primary responsibility under the Charter of the United Nations for\n{body}the maintenance of peace,\n1. Strongly condemns the use of starvation of civilians as a method of warfare in\n{body}a number of\n2\nS/RES/2573 (2021)\narmed conflict situations which is prohibited by international law;\n"));
        let labels: Vec<_> = d.paragraphs.iter().map(|p| p.label.name.as_str()).collect();
        assert_eq!(labels[6..], ["cover.7", "pre.1", "op.1"]);
        assert!(
            d.paragraphs[8].text.ends_with(
                "a number of armed conflict situations which is prohibited by international law;"
            ),
            "{}",
            d.paragraphs[8].text
        );
        let dropped: Vec<_> = d.dropped.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(dropped, ["2", "S/RES/2573 (2021)"]);
        // One cover line is no cover: the text is labelled from its first paragraph.
        let d = seg("Security Council\n\nReiterating its primary responsibility,\n");
        assert_eq!(d.paragraphs[1].label.name, "pre.1");
    }

    #[test]
    fn a_resolution_in_paragraph_shape() {
        let d = seg("United Nations\n\nA/RES/77/5\n\nGeneral Assembly\n\n77/5. Plenary meetings\n\nThe General Assembly,\n\nRecalling the Convention1 of 1982,\n\nDecides to adopt the arrangements.\n\n27th plenary meeting\n2 November 2022\n\nAnnex\n\n1. Four meetings:\n\n(a) Two on 8 December;\n\n1 United Nations, Treaty Series, vol. 1833, No. 31363.\n");
        let labels: Vec<_> = d.paragraphs.iter().map(|p| p.label.name.as_str()).collect();
        assert_eq!(
            labels,
            [
                "cover.1",
                "cover.2",
                "cover.3",
                "title",
                "opening",
                "pre.1",
                "pre.2",
                "closing",
                "annex",
                "annex.op.1",
                "annex.op.1.a",
                "fn.1"
            ]
        );
        assert_eq!(d.paragraphs[1].text, "A/RES/77/5");
        assert_eq!(d.paragraphs[5].text, "Recalling the Convention of 1982,");
        assert_eq!(d.paragraphs[5].markers, [1]);
        assert_eq!(d.symbol.as_deref(), Some("A/RES/77/5"));
        // the masthead's symbol is a cover line, not a dropped page header
        assert!(d.dropped.is_empty(), "{:?}", d.dropped);
    }

    #[test]
    fn the_header_symbol_is_read_without_segmenting() {
        assert_eq!(
            header_symbol("Nations Unies\n\nS/RES/2505 (2020)\n\nConseil"),
            Some("S/RES/2505 (2020)".into())
        );
        assert_eq!(header_symbol("see A/58/222\nand more"), None);
    }

    #[test]
    fn a_lone_number_block_opens_the_next_block() {
        let d = seg("L’Assemblée générale,\n\n1.\n\nL’Assemblée tiendra quatre séances :\n\n2.\n\nLa liste\n");
        let texts: Vec<_> =
            d.paragraphs.iter().map(|p| (p.label.name.as_str(), p.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                ("opening", "L’Assemblée générale,"),
                ("op.1", "1. L’Assemblée tiendra quatre séances :"),
                ("op.2", "2. La liste")
            ]
        );
        // A section's numeral and a paragraph's number alone in a row (S/RES/2744 (2024) FR):
        // the numeral heads the heading before it, the number opens its paragraph.
        let d = seg("Le Conseil de sécurité,\n\nMandat\n\nIII.\n\n6.\n\nLe Groupe examine les questions :\n");
        let texts: Vec<_> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts[1..], ["III. Mandat", "6. Le Groupe examine les questions :"]);
    }

    #[test]
    fn a_section_letter_after_its_heading_heads_it() {
        // Alone after the heading (S/RES/2713 (2023)), glued to its end (an extractor's text of
        // S/RES/2776 (2025)); not a letter a sentence ends on, nor one before a heading.
        let d = seg("The Security Council,\n\nTargeted sanctions\n\nA.\n\n1. Recalls its decisions;\n\n\
                     Preventing Al-Shabaab from accessing military equipment H.\n\n2. Encourages the GFRS;\n\n\
                     Items listed in Annex B.\n\n3. Decides;\n\nC.\n\nReporting\n\n4. Requests;\n");
        let texts: Vec<_> =
            d.paragraphs.iter().map(|p| (p.label.name.as_str(), p.text.as_str())).collect();
        assert_eq!(
            texts[1..],
            [
                ("sec.A", "A. Targeted sanctions"),
                ("sec.A.op.1", "1. Recalls its decisions;"),
                ("sec.H", "H. Preventing Al-Shabaab from accessing military equipment"),
                ("sec.H.op.2", "2. Encourages the GFRS;"),
                ("text.1", "Items listed in Annex B."),
                ("sec.H.op.3", "3. Decides;"),
                ("text.2", "C."),
                ("head.1", "Reporting"),
                ("sec.H.op.4", "4. Requests;"),
            ]
        );
    }

    #[test]
    fn an_operative_paragraph_numbered_like_a_footnote_stays_in_the_body() {
        let d = seg("The Security Council,\n\n10. Requests;\n\n11 Condemns the attacks;\n\n12. Decides to remain seized of the matter.\n");
        let labels: Vec<_> = d.paragraphs.iter().map(|p| p.label.name.as_str()).collect();
        assert_eq!(labels, ["opening", "op.10", "op.11", "op.12"]);
    }
}
