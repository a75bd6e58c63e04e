//! Lines → blocks: drops page furniture (running headers, page numbers, footnote separators),
//! lifts footnote blocks out of the body, re-flows hard-wrapped lines and joins a paragraph
//! that a page break or a footnote block cut in two.
//!
//! PDF text interleaves three streams: the body, the footnotes at the foot of each page, and
//! the page furniture. A paragraph interrupted by a page break carries on after the
//! furniture and the footnotes, so whether a line starts a new paragraph is decided from the
//! last *body* line, not from the line just above.

use super::breaks::Layout;
use super::model::{DropReason, Dropped};
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// A run of lines that forms one paragraph (body) or one footnote.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub text: String,
    pub span: Range<usize>,
    /// The footnote number, for a block read from a footnote area of the page.
    pub footnote: Option<u32>,
}

/// What the block builder returns: body blocks and footnotes in reading order, and what it
/// dropped; also the document symbol seen in a running header.
#[derive(Default)]
pub(crate) struct Blocks {
    pub body: Vec<Block>,
    pub footnotes: Vec<Block>,
    pub dropped: Vec<Dropped>,
    pub header_symbol: Option<String>,
}

struct Line<'a> {
    /// 1-based line number.
    number: usize,
    start: usize,
    raw: &'a str,
    text: &'a str,
    indent: usize,
    /// A form feed opened this line (pdftotext puts one at each page start).
    page_start: bool,
    /// The line's end lost its hyphen where page furniture was glued to it (see
    /// [`glued_furniture`]).
    lost_hyphen: bool,
}

impl Line<'_> {
    /// The text the paragraph takes from this line.
    fn body_text(&self) -> String {
        if self.lost_hyphen {
            format!("{}-", self.text)
        } else {
            self.text.to_string()
        }
    }
}

/// The document symbol alone on a line: A/RES/58/135, S/RES/2558 (2020), E/CN.15/2003/5.
pub(crate) static SYMBOL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?:\s[A-Z])?(?:\s*\((?:[0-9]{4}|[IVXLC]{1,6})\))?$",
    )
    .unwrap()
});
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]{1,3}|[0-9]{1,3}\s?/\s?[0-9]{1,3}|[-–]\s*[0-9]{1,3}\s*[-–]|(?:Page|page)\s+[0-9]{1,3}(?:\s+(?:of|sur|de)\s+[0-9]{1,3})?)$").unwrap()
});
/// The first page's foot: the job number ("23-26261 (E)", with the date of issue in some
/// files), the bar code's text ("*2326261*") and the recycling notice, one or more to a line
/// (pdftotext -layout puts them side by side).
static FIRST_PAGE_FOOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:(?:{JOB_NUMBER}(?:\s+[0-9]{{6}})?|\*[0-9]{{7,8}}\*|Please recycle|Merci de recycler|Prière de recycler)(?:\s+|$))+$")).unwrap()
});
/// The first page's job number: "23-98493 (E)".
const JOB_NUMBER: &str = r"[0-9]{2}-[0-9]{5}\s?\([A-Z]\)";
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:_{5,}|-{10,}|—{3,}|─{5,})$").unwrap());
/// A footnote line in a footnote area: "1 E/CN.15/2003/5." (number, space, text; no period).
static FOOTNOTE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,3})[ \u{a0}\t]+\S").unwrap());
/// A footnote's number alone on its line, its text on the next (pdftotext on real UN PDFs).
static NUMBER_ALONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([0-9]{1,3})$").unwrap());
/// A footnote written with a superscript number, as Word exports them: "¹ E/CN.15/2004/5."
static SUPERSCRIPT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*\S").unwrap());
/// Lines that open a paragraph of their own even with no blank line before them. "o" before a
/// capital is the letter Word's second-level bullet comes out as (S/RES/2607 (2021) FR), which
/// also heads its parts and items as "Part 2: supporting …", "Partie I" and "1b : Interdiction …".
pub(crate) static PARAGRAPH_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&(r"^[“«\x22*]?\s*(?:".to_owned() + PART_OR_BULLET + r"|[0-9]{1,2}[a-z]\s?:\s|[0-9]{1,3}\.(?:[0-9]{1,3}\.?)?\s|\(\s*(?:[a-z]{1,4}|[A-Z]|[IVXLC]{1,6})\s*\)\s|\([0-9]{1,2}\)\s|[a-z]{1,4}\)\s|(?:[a-z]|[ivx]{2,5})\.\s|o\s+\p{Lu})"))
    .unwrap()
});
/// A part's heading ("Part 2: supporting …", "Partie I") or a bullet: paragraph starts that no
/// wrapped line of a paragraph can be, whatever the line before ends on.
const PART_OR_BULLET: &str = r"(?:Part|Partie|Section|Chapter|Chapitre)\s+(?:[IVXLC]{1,6}|[0-9]{1,2}|[A-Z])\s*(?:[:.–—]\s|$)|[•▪●◦]\s";
pub(crate) static OPENS_PART_OR_BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{PART_OR_BULLET})")).unwrap());
/// The line that introduces the body, which never continues a title. Its article is capitalised:
/// a wrapped line can read "l’Assemblée générale," ("… les résolutions 74/270 et 74/274 de").
pub(crate) static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[“«\x22]?\s*(?:The|THE|L['’]|Le|La|LE|LA)\s*(?i:general assembly|security council|economic and social council|human rights council|trusteeship council|assemblée générale|conseil de sécurité|conseil économique et social|conseil des droits de l['’]homme|conseil de tutelle)\s*[,:]?\s*$").unwrap()
});

/// Splits `text` into blocks.
pub(crate) fn blocks(text: &str) -> Blocks {
    let lines = split_lines(text);
    let lines = split_columns(lines);
    let wrap = wrap_width(&lines);
    // The layout is read from the body: the cover of a real UN PDF comes out of pdftotext with
    // blank lines between its blocks even where the body has none.
    let body_from = lines
        .iter()
        .position(|l| OPENING.is_match(l.text))
        .unwrap_or_else(|| cover_end(lines.iter().map(|l| l.text)));
    let layout = Layout::of(layout_lines(&lines[body_from..]));
    let mut lines = lines;
    let mut headings = Headings::default();
    if let Layout::Wrapped(width) = layout {
        put_back_last_lines(&mut lines[body_from..], width);
    }
    if layout != Layout::LinePerParagraph {
        // Blank lines set most headings apart, but pdfminer writes them inside paragraphs too.
        let body: Vec<_> = lines[body_from..]
            .iter()
            .filter(|l| layout != Layout::BlankLines || !l.text.is_empty())
            .map(|l| (l.number, l.text))
            .collect();
        headings = headings_before_labels(&body, layout == Layout::BlankLines);
    }
    let running_titles = running_titles(&lines[..body_from]);
    let mut b = Builder { wrap_width: wrap, layout, text, headings, ..Builder::default() };
    // Where the body starts: a symbol alone on a line after it is a running header even with
    // no blank line around it (before it, it is the masthead's).
    let opening = match layout {
        Layout::BlankLines => None,
        // With no opening line, the end of the cover the text opens with.
        _ => lines
            .iter()
            .position(|l| OPENING.is_match(l.text))
            .or((body_from > 0).then_some(body_from)),
    };
    let mut title_seen = false;
    let mut page = 1;
    for i in 0..lines.len() {
        page += usize::from(lines[i].page_start);
        if let Some((furniture, reason)) = glued_furniture(&lines, i, page) {
            b.out.dropped.push(Dropped {
                line: lines[i].number,
                text: furniture.trim().to_string(),
                reason,
            });
            let line = &mut lines[i];
            let kept = &line.text[..line.text.len() - furniture.len()];
            // pdftotext takes the line-end hyphen away where it glues ("sud-" / "9" is "sud9").
            line.lost_hyphen = kept.ends_with(char::is_alphabetic);
            line.text = kept.trim_end();
        }
        let line = &lines[i];
        title_seen = title_seen || super::label::TITLE.is_match(line.text);
        b.in_cover = i < body_from && !title_seen;
        let blank_before = i == 0 || lines[i - 1].text.is_empty() || line.page_start;
        let blank_after =
            i + 1 == lines.len() || lines[i + 1].text.is_empty() || lines[i + 1].page_start;
        let furniture_place = opening.is_some_and(|o| furniture_place(&lines, i, o));
        let running_title = i > body_from && is_running_title(&lines, i, &running_titles);
        let mut around = Surroundings { blank_before, blank_after, furniture_place, running_title };
        if b.in_footnotes && b.footnote.is_none() && NUMBER_ALONE.is_match(line.text) {
            // The first footnote's number, alone on its line below the rule: not a page number.
            around =
                Surroundings { blank_before: false, blank_after: false, ..Surroundings::default() };
        }
        match classify(line, around) {
            Kind::Blank => b.blank(),
            // The masthead's symbol, alone on its line before the opening: a cover line
            // (the real A/RES/70/10 PDF, seeds/real-pdf), and the document's symbol.
            Kind::Drop(DropReason::PageHeader) if i < body_from && !line.page_start => {
                b.out.header_symbol.get_or_insert_with(|| line.text.to_string());
                b.text(line);
            }
            Kind::Drop(reason) => {
                if reason == DropReason::PageHeader && b.out.header_symbol.is_none() {
                    b.out.header_symbol = Some(line.text.to_string());
                }
                b.out.dropped.push(Dropped {
                    line: line.number,
                    text: line.text.to_string(),
                    reason,
                });
                if reason == DropReason::Separator {
                    b.close_body();
                    b.in_footnotes = true;
                    b.footnote_indent = None;
                } else {
                    b.close_footnote_area();
                }
                b.saw(SinceLastBody::Interruption);
            }
            Kind::Text => b.text(line),
        }
        if line.page_start {
            b.saw(SinceLastBody::Interruption);
        }
    }
    b.close_body();
    b.close_footnote_area();
    let lost_hyphen = lines.iter().any(|l| l.lost_hyphen);
    b.finish(&vocabulary(text, lost_hyphen))
}

#[derive(PartialEq)]
enum Kind {
    Blank,
    Drop(DropReason),
    Text,
}

/// What lies on either side of a line: a blank line, a page start or the edge of the text
/// counts as blank.
#[derive(Clone, Copy, Default)]
struct Surroundings {
    blank_before: bool,
    blank_after: bool,
    /// In a text with no blank lines between paragraphs: the line stands where page
    /// furniture does (see [`furniture_place`]).
    furniture_place: bool,
    /// The line repeats the title beside a running header (see [`is_running_title`]).
    running_title: bool,
}

impl Surroundings {
    /// Blank on both sides, as page furniture stands, or where furniture stands in a text
    /// without blank lines.
    fn alone(self) -> bool {
        self.blank_before && self.blank_after || self.furniture_place
    }
}

/// Lines of page furniture between a page's last line and the next page's first: its number
/// and its running header (blank lines around them not counted).
const PAGE_FURNITURE_LINES: usize = 2;

/// The headings of a text with no blank lines that stand on lines of their own (see
/// [`headings_before_labels`]): the line each opens on, and the line each ends on.
#[derive(Default)]
struct Headings {
    starts: HashSet<usize>,
    ends: HashSet<usize>,
}

/// The lines of a text with no blank lines that are headings of their own: after a line that
/// ends a sentence or clause, a capitalised line that ends none, opens no paragraph by itself,
/// and is followed by a labelled paragraph ("… the Charter of the United Nations," / "Political
/// process, including the implementation of the APPR, and extension of State authority" / "1.
/// Welcomes …"). Found on three lines at once, which the line-by-line reading cannot see.
/// A heading may wrap to a second line that opens in lower case ("Droits de l’homme, y compris
/// … les violences sexuelles commises en" / "période de conflit" / "20. Se félicite …",
/// S/RES/2709 (2023) FR).
/// In a text with blank lines, only the headings before a section's numeral are looked for.
fn headings_before_labels(lines: &[(usize, &str)], blank_lines: bool) -> Headings {
    // The paragraph after the heading may open the next page, below its number and running
    // header, a blank line around them in some extractors' text ("… explosifs" / "13" / "" /
    // "S/RES/2640 (2022)" / "55. Demande …").
    let furniture = |t: &str| SYMBOL_LINE.is_match(t) || PAGE_NUMBER.is_match(t);
    let after = |k: usize| {
        lines[k + 1..]
            .iter()
            .map(|l| l.1)
            .filter(|t| !t.is_empty())
            .take(PAGE_FURNITURE_LINES + 1)
            .find(|t| !furniture(t))
            .unwrap_or("")
    };
    let opens_heading = |line: &str| {
        line.starts_with(char::is_uppercase)
            && !ends_sentence(line)
            && !PARAGRAPH_START.is_match(line)
            && !OPENING.is_match(line)
            && !super::label::CLOSING.is_match(line)
    };
    // A preambular paragraph after the heading: its word, then a lower-case one ("Expressing
    // grave concern …"; a name goes on in capitals: "… the Peace" / "Building Fund,").
    let opens_preamble = |line: &str| {
        super::breaks::opens_preamble(line)
            && line.split_whitespace().nth(1).is_some_and(|w| w.starts_with(char::is_lowercase))
    };
    let mut headings = Headings::default();
    for k in 1..lines.len().saturating_sub(1) {
        let (before, line) = (lines[k - 1].1, lines[k].1);
        if before.is_empty() || !opens_heading(line) {
            continue;
        }
        let after_line = after(k);
        // Before a section's numeral alone, the line before may be a title's last line
        // ("… de l’Organisation des Nations Unies" / "Nom et composition" / "I.",
        // S/RES/2744 (2024) FR).
        let numeral =
            super::breaks::is_section_numeral(after_line) && !ends_on_function_word(before);
        // An annex's title below its heading ("Annexe 1" / "Plan d’ensemble … à Gaza" / "1.",
        // S/RES/2803 (2025) FR).
        let annex = matches!(super::label::heading(before), Some(super::label::Heading::Annex(_)));
        if !(ends_sentence(before) || numeral || annex) {
            continue;
        }
        // pdftotext and pypdf write a number alone on its line ("1." / "Gaza sera …").
        let labelled = PARAGRAPH_START.is_match(after_line) || starts_with_label_alone(after_line);
        // A heading may stand before a preambular paragraph, and may read as one itself; it
        // is then a heading only between two of them ("… Al-Shabaab," / "Degrading the threat
        // posed by Al-Shabaab, and the Arms Embargo targeting Al-Shabaab" / "Expressing grave
        // concern …", S/RES/2776 (2025)).
        let preamble = super::breaks::opens_preamble(line);
        if !ends_on_function_word(line)
            && (!blank_lines && !preamble && labelled
                || !blank_lines && opens_preamble(after_line)
                || numeral && !preamble)
        {
            headings.starts.insert(lines[k].0);
            headings.ends.insert(lines[k].0);
            continue;
        }
        let (number, tail) = lines[k + 1];
        if !blank_lines
            && !preamble
            && tail.starts_with(char::is_lowercase)
            && !ends_sentence(tail)
            && !ends_on_function_word(tail)
            && PARAGRAPH_START.is_match(after(k + 1))
        {
            headings.starts.insert(lines[k].0);
            headings.ends.insert(number);
        }
    }
    headings
}

/// Puts back the last line that pdftotext's default mode sometimes writes before its
/// paragraph's first line: "…independence of each;" / "2023;" / "" / "8. Takes note … to
/// 30 June" / "" is "8. Takes note … to 30 June" / "2023;". The line moved is short, opens in
/// lower case or with a digit (it carries on a sentence) after a line that ended one, and is
/// set apart by a blank line from a labelled line (or one opening with a preambular word) that
/// does not end its sentence and that nothing carries on.
fn put_back_last_lines(lines: &mut [Line<'_>], width: usize) {
    for i in 1..lines.len().saturating_sub(2) {
        let (mut before, moved, first) = (&lines[i - 1], &lines[i], &lines[i + 2]);
        // The moved line may stand between blank lines of its own ("… the United Nations," /
        // "" / "elections" / "" / "Implementation … situation and", S/RES/2640 (2022)).
        if before.text.is_empty() && i >= 2 && !moved.page_start && !before.page_start {
            before = &lines[i - 2];
        }
        // What follows the first line does not carry it on: a blank line, a page break, the
        // closing, a footnote or the next paragraph.
        let after = lines.get(i + 3);
        let between_blanks = after.is_none_or(|l| l.text.is_empty() || l.page_start);
        let alone = between_blanks
            || after.is_some_and(|l| {
                super::label::CLOSING.is_match(l.text)
                    || super::breaks::opens_footnote(l.text)
                    || PARAGRAPH_START.is_match(l.text)
                    || super::breaks::opens_preamble(l.text)
                    || starts_with_label_alone(l.text)
                    // "… (listed as Category IV in the UN Register of Conventional" / "Annex B"
                    // (S/RES/2607 (2021)).
                    || matches!(super::label::heading(l.text), Some(super::label::Heading::Annex(_)))
                    // A paragraph after a list that opens with its conjunction ("(c) … a final
                    // report by 13 November" / "and urges the Panel …", S/RES/2776 (2025)).
                    || super::breaks::opens_with_conjunction(l.text)
                    // A heading of its own, where the first line leads on ("… la menace que
                    // représentent les" / "Réduction de la menace … les Chabab" / "",
                    // S/RES/2776 (2025) FR).
                    || ends_on_function_word(first.text)
                        && l.text.starts_with(char::is_uppercase)
                        && !ends_sentence(l.text)
                        && lines.get(i + 4).is_none_or(|l| l.text.is_empty() || l.page_start)
            });
        // A capital may open the moved line ("Le Conseil de sécurité," / "Somalie," / "" /
        // "Rappelant … la situation en" / ""), where the first line stands between blank lines.
        // So may a line that closes a bracket the first line opens ("… (listed as Category IV
        // in the UN Register of Conventional" / "Arms).", S/RES/2607 (2021)).
        let brackets = |t: &str| t.matches('(').count() as isize - t.matches(')').count() as isize;
        let closes_bracket = brackets(moved.text) < 0 && brackets(first.text) > 0;
        // Or a list item's end, before the next item ("e. accelerating … State-level
        // Stabilisation" / "f. supporting", "Plans;" written before them, S/RES/2705 (2023));
        // the line before may then be a heading ("MINUSCA’s mandate" / "Ndiaye;" / "" / "25.
        // Expresses … Mankeur" / "26. Decides", S/RES/2552 (2020)).
        let item_end = moved.text.ends_with(';')
            && PARAGRAPH_START.is_match(first.text)
            && after.is_some_and(|l| PARAGRAPH_START.is_match(l.text));
        let carries_on = (moved.text.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            || between_blanks
            || closes_bracket
            // Or one that the first line leads on to ("… dans sa demande de radiation de la" /
            // "Liste.", S/RES/2744 (2024) FR).
            || ends_on_function_word(first.text)
            || item_end)
            && !super::breaks::opens_footnote(moved.text)
            // A labelled line opens its own paragraph ("26. Decides … 2021;").
            && !PARAGRAPH_START.is_match(moved.text);
        // A heading's last word, the heading between blank lines ("Agissant … Nations Unies," /
        // "raffinés" / "" / "Prévention des exportations … produits pétroliers" / "",
        // S/RES/2509 (2020) FR).
        // A capital there carries on a name the first line ends on ("(iii) Assist … in Darfur
        // and the Two" / "Areas", S/RES/2579 (2021)).
        let last_word = first.text.rsplit(' ').next().unwrap_or("");
        let heading_end = between_blanks
            && (moved.text.starts_with(char::is_lowercase)
                || moved.text.starts_with(char::is_uppercase)
                    && last_word.starts_with(char::is_uppercase)
                    && moved.text.split_whitespace().count() <= NAME_END_WORDS
                    && super::label::heading(moved.text).is_none())
            && !ends_sentence(moved.text)
            && (first.text.starts_with(char::is_uppercase) || PARAGRAPH_START.is_match(first.text))
            && !ends_sentence(first.text)
            // A heading that ends on a word leading on needs the moved line most ("Implementation
            // … Political situation and" / "elections", S/RES/2640 (2022)); a capital there
            // would open a name.
            && (!ends_on_function_word(first.text) || moved.text.starts_with(char::is_lowercase));
        if alone
            && lines[i + 1].text.is_empty()
            && !(moved.page_start || lines[i + 1].page_start || first.page_start)
            && super::breaks::is_short(moved.text, width)
            // A list item's end before the last one ("… this resolution; and" / "Council." /
            // "" / "(c) Submit … to the Security", S/RES/2610 (2021)).
            && (ends_sentence(before.text)
                || super::breaks::ends_conjunction(before.text)
                || item_end && !ends_on_function_word(before.text))
            && (heading_end
                || carries_on && ends_sentence(moved.text) && moves_before(before, first))
            // An operative paragraph ends on ";" or ".", so a labelled first line may end on
            // a comma ("1. Extends … through January 15," / "2026.", S/RES/2787 (2025)).
            && (!ends_sentence(first.text)
                || PARAGRAPH_START.is_match(first.text)
                    && last_meaningful_char(first.text) == Some(','))
        {
            lines[i..i + 3].rotate_left(1);
        }
    }
}

/// Whether pdftotext moves a paragraph's last line above the paragraph's `first` line, after
/// `before`: a labelled or preambular paragraph.
fn moves_before(before: &Line<'_>, first: &Line<'_>) -> bool {
    PARAGRAPH_START.is_match(first.text)
        || super::breaks::opens_preamble(first.text)
        // pdftotext writes the number alone on its line before the moved one ("9." /
        // "travail." / "" / "Le Groupe … ses méthodes de", S/RES/2744 (2024) FR).
        || starts_with_label_alone(before.text)
        // A paragraph after a list, opening with its conjunction ("… locusts;" / "by:" /
        // "" / "and, in the context of … the FGS and FMS", S/RES/2705 (2023)).
        || before.text.ends_with(';') && super::breaks::opens_with_conjunction(first.text)
        // A dashed item ("– and further requests …", S/RES/2717 (2023)).
        || super::breaks::opens_dashed_item(first.text)
}

/// Words up to which a capitalised line moved by pdftotext may end a name on the first line.
const NAME_END_WORDS: usize = 2;

/// Splits the lines that pdftotext -layout makes of two columns ("United Nations   …   A/RES/70/10",
/// "A/RES/70/10   …   Report of the …") into one line a column: the lines before the opening
/// line, and any line with the symbol as one of its columns.
fn split_columns(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    static GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[ \t]{3,}").unwrap());
    let opening = lines.iter().position(|l| OPENING.is_match(l.text)).unwrap_or(0);
    if !lines.iter().any(|l| l.text.contains("   ")) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        if !line.text.contains("   ") {
            out.push(line);
            continue;
        }
        let columns: Vec<&str> = GAP.split(line.text).collect();
        let symbol_column = columns.iter().any(|c| SYMBOL_LINE.is_match(c));
        if !(i < opening || symbol_column) {
            out.push(line);
            continue;
        }
        let base = line.text.as_ptr() as usize - line.raw.as_ptr() as usize;
        for (k, column) in columns.into_iter().enumerate() {
            let offset = base + (column.as_ptr() as usize - line.text.as_ptr() as usize);
            out.push(Line {
                number: line.number,
                start: line.start + offset,
                raw: column,
                text: column,
                indent: offset,
                page_start: line.page_start && k == 0,
                lost_hyphen: false,
            });
        }
    }
    out
}

/// The lines of the cover and the title, as a running header may repeat them on later pages
/// ("Report of the International Atomic Energy Agency" under the symbol), the title without
/// its number.
fn running_titles<'a>(head: &[Line<'a>]) -> HashSet<&'a str> {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[“«\x22]?\s*(?:[A-Z]{1,3}-)?[0-9]{1,3}/[0-9]{1,4}\.\s*").unwrap()
    });
    let mut titles = HashSet::new();
    for line in head.iter().filter(|l| !l.text.is_empty() && !SYMBOL_LINE.is_match(l.text)) {
        titles.insert(line.text);
        if let Some(m) = NUMBER.find(line.text) {
            titles.insert(&line.text[m.end()..]);
        }
    }
    titles.remove("");
    titles
}

/// Whether line `i` repeats a line of the cover or the title beside a running header (the
/// symbol on the line before or after it, blank lines skipped): the running title of a page.
fn is_running_title(lines: &[Line], i: usize, titles: &HashSet<&str>) -> bool {
    if !titles.contains(lines[i].text) {
        return false;
    }
    let symbol = |l: &Line| SYMBOL_LINE.is_match(l.text);
    let before = lines[..i].iter().rev().find(|l| !l.text.is_empty());
    let after = lines[i + 1..].iter().find(|l| !l.text.is_empty());
    before.is_some_and(symbol) || after.is_some_and(symbol)
}

/// The lines [`Layout::of`] reads: each text line, and `None` for a blank line that stands
/// between two body lines. The blank lines pdftotext writes around page furniture and at page
/// breaks do not count: they separate no paragraphs.
fn layout_lines<'a>(lines: &'a [Line<'a>]) -> impl Iterator<Item = Option<&'a str>> + 'a {
    let body = |l: Option<&Line>| {
        l.is_some_and(|l| {
            !l.text.is_empty()
                && !l.page_start
                && !SYMBOL_LINE.is_match(l.text)
                && !PAGE_NUMBER.is_match(l.text)
                && !FIRST_PAGE_FOOT.is_match(l.text)
        })
    };
    lines.iter().enumerate().filter_map(move |(i, l)| {
        if !l.text.is_empty() {
            return Some(Some(l.text));
        }
        let between = i > 0 && body(lines.get(i - 1)) && body(lines.get(i + 1));
        between.then_some(None)
    })
}

/// Where the body starts in a text with no opening line ("The Security Council," left out,
/// as in some texts of the public set): after the cover it opens with, the run of cover
/// lines, symbols, dates and blank lines from its first line ("United Nations",
/// "S/RES/2573 (2021)", "Distr.: General", "27 April 2021", "Adopted by …"); 0 when the text
/// does not open with at least two of them.
pub(crate) fn cover_end<'a>(texts: impl Iterator<Item = &'a str>) -> usize {
    let mut end = 0;
    let mut cover = 0;
    for (i, t) in texts.enumerate() {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        if !(super::label::is_cover_line(t) || SYMBOL_LINE.is_match(t)) {
            break;
        }
        cover += 1;
        end = i + 1;
    }
    if cover >= 2 {
        end
    } else {
        0
    }
}

/// Page furniture that pdftotext glued to the end of a page's last line: the first page's job
/// number before its bar code or "Please recycle" ("… to conduct one23-98493 (E)" /
/// "*2398493*", S/RES/2540 (2020)), or the page's number, right after a word, before the next
/// page ("… demande instamment au Gouvernement sud9" / "" / form feed, page 9,
/// S/RES/2625 (2022) FR).
fn glued_furniture<'a>(lines: &[Line<'a>], i: usize, page: usize) -> Option<(&'a str, DropReason)> {
    static GLUED_JOB: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"\S\s*({JOB_NUMBER})$")).unwrap());
    let t = lines[i].text;
    if t.ends_with(')') && lines.get(i + 1).is_some_and(|l| FIRST_PAGE_FOOT.is_match(l.text)) {
        let job = GLUED_JOB.captures(t).and_then(|c| c.get(1));
        return job.map(|m| (&t[m.start()..], DropReason::JobNumber));
    }
    if !t.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let next_page = lines[i + 1..].iter().find(|l| !l.text.is_empty() || l.page_start);
    if !next_page.is_some_and(|l| l.page_start) {
        return None;
    }
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (word, number) = t.split_at(t.len() - digits);
    // The first page has no number; its foot is the job number's.
    (page > 1 && word.ends_with(char::is_alphabetic) && number.parse() == Ok(page))
        .then_some((number, DropReason::PageNumber))
}

/// Whether line `i` of a text without blank lines between paragraphs stands where page
/// furniture does: a symbol after the opening line (`opening`), or at a page start; a page
/// number at a page start or end, at the end of the text, or beside a running header or the
/// first page's foot.
fn furniture_place(lines: &[Line], i: usize, opening: usize) -> bool {
    let t = lines[i].text;
    let page_edge = lines[i].page_start
        || lines.get(i + 1).is_none_or(|l| l.page_start)
        || i == 0
        || lines[i - 1].text.is_empty()
        || lines[i + 1].text.is_empty();
    if SYMBOL_LINE.is_match(t) {
        return i > opening || lines[i].page_start;
    }
    if !PAGE_NUMBER.is_match(t) {
        return false;
    }
    let furniture = |l: &Line| SYMBOL_LINE.is_match(l.text) || FIRST_PAGE_FOOT.is_match(l.text);
    page_edge || furniture(&lines[i - 1]) || furniture(&lines[i + 1])
}

fn classify(line: &Line, around: Surroundings) -> Kind {
    let t = line.text;
    if t.is_empty() {
        return Kind::Blank;
    }
    // The patterns are tried only on lines whose first character could open them: classify
    // sees every line of every document.
    let first = t.chars().next().unwrap_or(' ');
    if around.running_title {
        return Kind::Drop(DropReason::PageHeader);
    }
    if matches!(first, '_' | '-' | '—' | '─') && SEPARATOR.is_match(t) {
        return Kind::Drop(DropReason::Separator);
    }
    // The first page's foot is furniture wherever it stands: no paragraph is a job number.
    if matches!(first, '0'..='9' | '*' | 'P' | 'M') && FIRST_PAGE_FOOT.is_match(t) {
        return Kind::Drop(if t.contains(')') {
            DropReason::JobNumber
        } else if first == '*' {
            DropReason::BarCode
        } else {
            DropReason::Recycling
        });
    }
    // Page furniture stands alone between blank lines; a symbol inside a wrapped paragraph
    // does not, and is text.
    if around.alone() {
        if first.is_ascii_uppercase() && SYMBOL_LINE.is_match(t) {
            return Kind::Drop(DropReason::PageHeader);
        }
        if matches!(first, '0'..='9' | '-' | '–' | 'P' | 'p') && PAGE_NUMBER.is_match(t) {
            return Kind::Drop(DropReason::PageNumber);
        }
    }
    Kind::Text
}

/// One line of the body paragraph being read, or the whole earlier block that a continuation
/// re-opened (its lines joined by LF).
struct BodyLine {
    /// Byte span in the input, without the line break.
    start: usize,
    end: usize,
    text: String,
}

/// The footnote being read in a footnote area.
struct OpenFootnote {
    number: u32,
    /// Byte span in the input, from the start of its first line to the end of its last.
    start: usize,
    end: usize,
    lines: Vec<String>,
}

/// What came after the last body line. An interruption outweighs a blank line: once a page
/// break or a footnote area came, a blank line adds nothing.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
enum SinceLastBody {
    /// Nothing yet: the next text line follows the last body line directly.
    #[default]
    Nothing,
    /// A blank line.
    BlankLine,
    /// A page break, page furniture or a footnote area.
    Interruption,
}

#[derive(Default)]
struct Builder<'t> {
    out: Blocks,
    /// Lines of the body paragraph being read (no blank line since its last line).
    body: Vec<BodyLine>,
    /// Index in `out.body` of the last body block, which a continuation may extend.
    last_body: Option<usize>,
    /// What came after the last body line.
    since: SinceLastBody,
    /// The lines being read are in a footnote area.
    in_footnotes: bool,
    /// Indentation of the first line of the current footnote area.
    footnote_indent: Option<usize>,
    footnote: Option<OpenFootnote>,
    /// The usual length of a hard-wrapped line, when the text is hard-wrapped at all.
    wrap_width: Option<usize>,
    /// Number of the last footnote read from a footnote area.
    last_footnote: u32,
    /// How the text separates its paragraphs.
    layout: Layout,
    /// The lines being read are the cover's, before the title.
    in_cover: bool,
    /// The whole text, where a cover line's last word and the next line's first are looked
    /// for side by side (a name the line break split).
    text: &'t str,
    /// The headings on lines of their own (see [`headings_before_labels`]).
    headings: Headings,
    /// The last body line read was one of them.
    after_heading: bool,
}

impl Builder<'_> {
    /// Records what came after the last body line; the weightier of it and what came before
    /// is kept.
    fn saw(&mut self, what: SinceLastBody) {
        self.since = self.since.max(what);
    }

    fn blank(&mut self) {
        self.close_body();
        // A footnote's number alone on its line (pdftotext writes the superscript apart from
        // its text, with a blank line between) waits for its text.
        let number_only = self
            .footnote
            .as_ref()
            .is_some_and(|f| f.lines.len() == 1 && f.lines[0].bytes().all(|b| b.is_ascii_digit()));
        if self.in_footnotes && !number_only {
            self.close_footnote();
        }
        self.saw(SinceLastBody::BlankLine);
    }

    fn text(&mut self, line: &Line) {
        // The pattern is tried only on lines that open with a superscript digit, as it must:
        // this runs for every line of every document.
        let superscript = line.text.starts_with(|c| super::markers::superscript_digit(c).is_some());
        if let Some(c) = superscript.then(|| SUPERSCRIPT_START.captures(line.text)).flatten() {
            self.close_body();
            self.close_footnote();
            self.in_footnotes = true;
            self.footnote_indent = Some(line.indent);
            self.saw(SinceLastBody::Interruption);
            let number = super::markers::superscript_number(&c[1]);
            self.last_footnote = number;
            self.footnote = Some(OpenFootnote {
                number,
                start: line.start,
                end: line.start + line.raw.len(),
                lines: vec![line.text.to_string()],
            });
            return;
        }
        if self.in_footnotes {
            if self.footnote_line(line) {
                return;
            }
            self.close_footnote_area();
            self.saw(SinceLastBody::Interruption);
        }
        let end = line.start + line.raw.len();
        self.body_line(line, end);
        self.after_heading = self.headings.ends.contains(&line.number);
    }

    /// Takes a body line: onto the current paragraph, or opening one.
    fn body_line(&mut self, line: &Line, end: usize) {
        if !self.body.is_empty() {
            let last = &self.body[self.body.len() - 1];
            let previous = &last.text;
            // The line after a section's numeral alone ("II") is the section's title.
            let title = self.body.len() == 1
                && self.out.body.last().is_some_and(|b| super::breaks::is_section_numeral(&b.text));
            // A labelled heading on one line, then a label: "(b) Support to stabilization …
            // in the Centre" / "(i) To support Malian authorities …".
            let labelled_heading = self.body.len() == 1
                && self.layout != Layout::BlankLines
                && PARAGRAPH_START.is_match(previous)
                // Or an unlabelled task ("(d) Facilitate … humanitarian assistance" / "To
                // improve coordination …", S/RES/2759 (2024)): no sentence goes on with "To".
                && (PARAGRAPH_START.is_match(line.text) || super::breaks::opens_task(line.text))
                && !ends_sentence(previous)
                && !ends_on_function_word(previous)
                // A heading is capitalised after its label; a sub-paragraph whose line stops
                // short of its end is not ("(e) provide reports … as set out in sub-paragraphs"
                // / "(a) to (d) above, …", S/RES/2822 (2026)).
                && PARAGRAPH_START
                    .find(previous)
                    .is_some_and(|m| previous[m.end()..].starts_with(char::is_uppercase));
            // One paragraph a line, but this one stops on a space inside a sentence: the
            // paragraph was cut in two at a word (LibreOffice ends a DOCX paragraph where the
            // page style changes, after page 1: "… with the United Nations " / "Peacebuilding").
            let cut = self.layout == Layout::LinePerParagraph
                && self.text[..last.end].ends_with([' ', '\t', '\u{a0}'])
                && !ends_sentence(previous);
            // The conjunction that opens a paragraph after a list, below a list item whose
            // last line is full ("– des informations … dans le plan de transition ;" / "et prie
            // également …", S/RES/2666 (2022) FR).
            let after_list = self.layout != Layout::BlankLines
                && previous.ends_with(';')
                // A sub-paragraph or a dashed item, not an operative paragraph ("11. Prie … ;
                // réaffirme … ;" / "et prie …" goes on).
                && (PARAGRAPH_START.is_match(&self.body[0].text)
                    && !self.body[0].text.starts_with(|c: char| c.is_ascii_digit())
                    || super::breaks::opens_dashed_item(&self.body[0].text))
                && super::breaks::opens_with_conjunction(line.text);
            let heading = std::mem::take(&mut self.after_heading)
                || self.headings.starts.contains(&line.number);
            // The cheap test first: most lines carry on a sentence.
            if heading
                || !cut
                    && (ends_sentence(previous)
                        && (PARAGRAPH_START.is_match(line.text) || OPENING.is_match(line.text))
                        || self.layout.breaks(previous, line.text)
                        || title && self.layout.ends_heading(previous, line.text)
                        || labelled_heading
                        || after_list
                        || self.in_cover
                            && self.layout.breaks_cover(previous, line.text)
                            && !self.said_together(previous, line.text))
            {
                self.close_body();
            } else {
                self.body.push(BodyLine { start: line.start, end, text: line.body_text() });
                return;
            }
        }
        if self.since != SinceLastBody::Nothing
            && !self.headings.starts.contains(&line.number)
            && self.continues_last(line.text)
        {
            let index = self.last_body.expect("continues_last checks it");
            let block = &mut self.out.body[index];
            // Carry on the earlier block: re-open it as the current body.
            let text = std::mem::take(&mut block.text);
            let span = block.span.clone();
            self.out.body.truncate(index);
            self.body = vec![BodyLine { start: span.start, end: span.end, text }];
            self.body.push(BodyLine { start: line.start, end, text: line.body_text() });
        } else {
            self.close_body();
            self.body.push(BodyLine { start: line.start, end, text: line.body_text() });
        }
        self.since = SinceLastBody::Nothing;
    }

    /// The last word of `previous` and the first of `next` stand side by side elsewhere in
    /// the text: a name split by the line break ("Landlocked" / "Developing Countries", as in
    /// the title below the cover), not two cover items.
    fn said_together(&self, previous: &str, next: &str) -> bool {
        let last = previous.rsplit(char::is_whitespace).next().unwrap_or("");
        let first = next.split(char::is_whitespace).next().unwrap_or("");
        let first = first.trim_end_matches(|c: char| c.is_ascii_punctuation());
        !last.is_empty() && !first.is_empty() && self.text.contains(&format!("{last} {first}"))
    }

    /// Takes a line inside a footnote area; false when the line is body text again.
    fn footnote_line(&mut self, line: &Line) -> bool {
        let indent = *self.footnote_indent.get_or_insert(line.indent);
        let t = line.text;
        let number_alone = (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
        if let Some(c) = FOOTNOTE_START
            .captures(t)
            .or_else(|| number_alone.then(|| NUMBER_ALONE.captures(t)).flatten())
        {
            // Footnotes are numbered in sequence through the document; a wrapped footnote line
            // that starts with a number ("55 (A/76/55); and ibid.") is a continuation.
            let number: u32 = c[1].parse().unwrap_or(0);
            let next = self.footnote.as_ref().map_or(self.last_footnote + 1, |f| f.number + 1);
            if line.indent <= indent
                && (number == next || self.last_footnote == 0 && self.footnote.is_none())
            {
                self.close_footnote();
                self.last_footnote = number;
                self.footnote = Some(OpenFootnote {
                    number,
                    start: line.start,
                    end: line.start + line.raw.len(),
                    lines: vec![t.to_string()],
                });
                return true;
            }
        }
        let Some(OpenFootnote { end, lines, .. }) = self.footnote.as_mut() else {
            // A separator not followed by a numbered footnote: the area holds no footnote.
            return false;
        };
        if lines.len() == 1 && lines[0].bytes().all(|b| b.is_ascii_digit()) {
            // The text of a footnote whose number stands alone above it, indented or not.
            lines.push(t.to_string());
            *end = line.start + line.raw.len();
            return true;
        }
        // Body text resumes on a line indented further than the footnotes (pdftotext keeps the
        // first-line indent of body paragraphs and their continuations after a page break),
        // on a numbered paragraph, or on a lower-case line after a footnote that ended.
        let last = lines.last().map(String::as_str).unwrap_or("");
        let resumes = line.indent > indent
            || PARAGRAPH_START.is_match(t)
            || (last.ends_with('.') && starts_lower(t));
        if resumes {
            return false;
        }
        lines.push(t.to_string());
        *end = line.start + line.raw.len();
        true
    }

    fn close_footnote(&mut self) {
        if let Some(OpenFootnote { number, start, end, lines }) = self.footnote.take() {
            self.out.footnotes.push(Block {
                text: reflow(lines.iter().map(String::as_str), &Vocabulary::default()),
                span: start..end,
                footnote: Some(number),
            });
        }
    }

    fn close_footnote_area(&mut self) {
        self.close_footnote();
        self.in_footnotes = false;
    }

    fn close_body(&mut self) {
        if self.body.is_empty() {
            return;
        }
        // A line put back after its paragraph's first (`put_back_last_lines`) stands before
        // it in the text: the span covers both.
        let start = self.body.iter().map(|l| l.start).min().unwrap_or_default();
        let end = self.body.iter().map(|l| l.end).max().unwrap_or_default();
        // Reflow is done in `finish`, once the whole vocabulary is known; keep lines joined by LF.
        // The lines are appended to the first one, which is a whole block when a continuation
        // re-opened it: copying it afresh at every continuation would grow with the square of
        // a paragraph continued many times.
        let mut lines = self.body.drain(..).map(|l| l.text);
        let mut text = lines.next().unwrap_or_default();
        for line in lines {
            text.push('\n');
            text.push_str(&line);
        }
        self.out.body.push(Block { text, span: start..end, footnote: None });
        self.last_body = Some(self.out.body.len() - 1);
        self.since = SinceLastBody::Nothing;
    }

    /// Whether a line read after a blank line or a page break carries on the last body block.
    fn continues_last(&self, line: &str) -> bool {
        let Some(index) = self.last_body else { return false };
        let last = self.out.body[index].text.as_str();
        if is_punctuation_only(line) {
            return true;
        }
        if PARAGRAPH_START.is_match(line) || OPENING.is_match(line) || starts_with_label_alone(line)
        {
            return false;
        }
        // An unlabelled task after a labelled heading of one line (see `body_line`).
        if super::breaks::opens_task(line) && PARAGRAPH_START.is_match(last) && !last.contains('\n')
        {
            return false;
        }
        let last_char = last_meaningful_char(last);
        // A page break falls inside a paragraph at the end of a full line; a short line
        // (a cover line, a heading) ends its paragraph even without punctuation.
        let last_line = last.rsplit('\n').next().unwrap_or(last).chars().count();
        let full_line = self
            .wrap_width
            .is_some_and(|w| last_line * FULL_LINE_TENTHS.1 >= w * FULL_LINE_TENTHS.0);
        let open_end = full_line && last_char.is_some_and(|c| c.is_alphanumeric() || c == '-');
        if self.since == SinceLastBody::Interruption {
            // Across a page break a sentence may resume with any word; it cannot after a
            // paragraph that ended on punctuation unless the new line is lower case.
            // A page that ends on a word inside the body leaves its paragraph open, however
            // short its last line (LibreOffice ends page 1's last line short where the page
            // style changes: "… présentée le 7 mars" / page 2 / "2022 et qui …"), unless a
            // preambular word opens the next page. Headings, cover lines and the closing are
            // shorter than a paragraph cut by a page.
            let cut = !self.in_cover
                && last.chars().count() >= CUT_PARAGRAPH_CHARS
                && last_char.is_some_and(char::is_alphanumeric)
                && !super::breaks::opens_preamble(line);
            open_end || (starts_lower(line) && last_char != Some('.')) || cut
        } else {
            // A blank line alone ends a paragraph, except where the text stops mid-sentence
            // and the next block goes on in lower case (a paragraph split in two by Word or XML),
            // or stops on a word no paragraph ends on (pdfminer puts blank lines inside
            // paragraphs: "… on the ratification of the" / "United Nations Convention …").
            last_char.is_some_and(|c| c.is_alphanumeric() || c == '-') && starts_lower(line)
                || ends_on_function_word(last)
                // A full line that stops on a word: in the body no paragraph ends so (pdfminer's
                // blank lines: "… Elizabeth" / "Spehar", "… of 22" / "October 1973") but a
                // heading before a paragraph's opening word ("Recalling"); on the
                // cover, where items fill lines and end on words, only before a year or a name
                // the text says elsewhere in one piece ("… the third United Nations" /
                // "Conference on Landlocked …").
                || open_end
                    && (!self.in_cover && !super::breaks::opens_preamble(line)
                        || line.starts_with(|c: char| c.is_ascii_digit())
                        || self.said_together(last, line))
                // A full line that stops on a comma, then lower case or the words the text
                // says together elsewhere ("… the ports of Hodeidah," / "Salif, and Ras Issa").
                || full_line
                    && last_char == Some(',')
                    && (starts_lower(line) || self.said_together(last, line))
        }
    }

    fn finish(mut self, vocabulary: &Vocabulary) -> Blocks {
        for block in &mut self.out.body {
            block.text = reflow(block.text.split('\n'), vocabulary);
        }
        self.out.body.retain(|b| !b.text.is_empty());
        self.out
    }
}

/// A block cut by a page break is at least this long: a heading, a cover line or the closing
/// ("27th plenary meeting 2 November 2022") is shorter (hand-set on the bulk Security Council
/// pairs rendered as PDF and the PDF-shape test).
const CUT_PARAGRAPH_CHARS: usize = 60;
/// A line at least this share of the wrap width (8 in 10) is full: a page break after it may
/// fall inside a paragraph (c93fb87: page-break joins need a full line; hand-set, checked by the
/// PDF-shape test over the 14 gold pairs).
const FULL_LINE_TENTHS: (usize, usize) = (8, 10);
/// Wrapped lines needed before their median is taken for the wrap width (e6efda8: hand-set;
/// fewer are too few to tell a wrapped text from one paragraph a line).
const WRAP_SAMPLE: usize = 5;

/// Median length of lines followed by another text line: the width the text was wrapped at.
/// None for one-paragraph-per-line text, where no line is wrapped.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .windows(2)
        .filter(|w| !w[0].text.is_empty() && !w[1].text.is_empty() && !w[1].page_start)
        .map(|w| w[0].text.chars().count())
        .collect();
    if widths.len() >= WRAP_SAMPLE {
        widths.sort_unstable();
        return Some(widths[widths.len() / 2]);
    }
    // A blank line after every line (pdfminer on a one-page text): wrapped all the same when
    // every line is as short as an extractor's and enough of them fill one width, the upper
    // quartile of their lengths within a tenth of the longest tenth's.
    let mut all: Vec<usize> =
        lines.iter().filter(|l| !l.text.is_empty()).map(|l| l.text.chars().count()).collect();
    all.sort_unstable();
    let longest = *all.last()?;
    let upper = all[all.len() * 3 / 4];
    let top = all[all.len() * 9 / 10];
    (all.len() >= 2 * WRAP_SAMPLE
        && longest <= super::breaks::UNWRAPPED_LINE
        && upper * 10 >= top * 9)
        .then_some(upper)
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut page_start = false;
    let mut number = 1;
    // Both breaks are ASCII, so a byte scan finds them without decoding characters.
    let bytes = text.as_bytes();
    let mut from = 0;
    let breaks = std::iter::from_fn(|| {
        let i = crate::scan::find(bytes, from, |b| (b == b'\n') | (b == b'\x0c'))?;
        from = i + 1;
        Some((i, bytes[i]))
    });
    for (i, b) in breaks.chain(std::iter::once((text.len(), b'\n'))) {
        let raw = &text[start..i];
        let text_part = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let indent = if raw.starts_with(|c: char| c.is_whitespace()) {
            raw.chars().take_while(|c| c.is_whitespace()).count()
        } else {
            0
        };
        lines.push(Line {
            number,
            start,
            raw,
            text: text_part,
            indent,
            page_start,
            lost_hyphen: false,
        });
        page_start = b == b'\x0c';
        if b == b'\n' {
            number += 1;
        }
        start = i + 1;
    }
    lines
}

/// Words of the document, to decide whether a line-end hyphen splits a word.
#[derive(Default)]
pub(crate) struct Vocabulary {
    words: HashSet<String>,
}

fn vocabulary(text: &str, lost_hyphen: bool) -> Vocabulary {
    // Only a line-end hyphen needs the vocabulary; most texts have none.
    let hyphenated = lost_hyphen || text.lines().any(|l| l.trim_end().ends_with(['-', '\u{ad}']));
    let mut words = HashSet::new();
    if !hyphenated {
        return Vocabulary { words };
    }
    for raw in text.split(|c: char| c.is_whitespace()) {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if w.chars().count() >= 2 {
            words.insert(w.to_lowercase());
        }
    }
    Vocabulary { words }
}

/// Joins the lines of a paragraph with single spaces. A line-end hyphen is removed only when
/// it splits a word: UN documents are not hyphenated by the typesetter, so a hyphen at the end
/// of a line is usually a real one ("capacity-" + "building"), unless the joined word is the
/// one the document uses elsewhere or the left part is no word of the document.
pub(crate) fn reflow<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    vocabulary: &Vocabulary,
) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if out.ends_with('\u{ad}') {
            out.pop();
            out.push_str(line);
            continue;
        }
        if out.ends_with('-') && !out.ends_with(" -") && !out.ends_with("--") {
            // The word before the hyphen, read back at most WORD_REACH bytes: a line of
            // megabytes with no space must not be read back to its start at every line end.
            let mut from = out.len().saturating_sub(WORD_REACH);
            while !out.is_char_boundary(from) {
                from += 1;
            }
            let left =
                out[from..out.len() - 1].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            let right = line.split(|c: char| c.is_whitespace()).next().unwrap_or("");
            let left_word = left.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            let right_word =
                right.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase();
            if !left_word.is_empty() && right.chars().next().is_some_and(char::is_lowercase) {
                let hyphenated = format!("{left_word}-{right_word}");
                let joined = format!("{left_word}{right_word}");
                let v = &vocabulary.words;
                let split_word = !v.contains(&hyphenated)
                    && (v.contains(&joined) || !v.contains(&left_word) || left_word.ends_with('-'));
                if split_word {
                    out.pop();
                }
            }
            out.push_str(line);
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    if out.contains('*') {
        out = strip_emphasis(&out);
    }
    collapse_spaces(out)
}

/// Longer than any word split at a line end.
const WORD_REACH: usize = 256;

/// Removes markdown emphasis (`*Welcomes*`, `**Annex**`) that Word-to-text converters leave.
fn strip_emphasis(s: &str) -> String {
    static EMPHASIS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\*{1,2}([^*\n]+?)\*{1,2}").unwrap());
    EMPHASIS.replace_all(s, "$1").into_owned()
}

/// Runs of ASCII spaces and tabs become one space; no-break spaces are kept (French typography).
fn collapse_spaces(s: String) -> String {
    if !s.contains("  ") && !s.contains('\t') {
        let trimmed = s.trim();
        return if trimmed.len() == s.len() { s } else { trimmed.to_string() };
    }
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.chars() {
        let space = c == ' ' || c == '\t';
        if space && last_space {
            continue;
        }
        out.push(if space { ' ' } else { c });
        last_space = space;
    }
    out.trim().to_string()
}

pub(crate) fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

fn is_punctuation_only(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            c.is_whitespace() || (c.is_ascii_punctuation() && c != '*') || "»”’…".contains(c)
        })
}

/// A block holding only a label ("1.", "a)", "(ii)", a title's number "70/10."): it belongs
/// with what follows.
pub(crate) fn starts_with_label_alone(s: &str) -> bool {
    static ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[0-9]{1,3}\.|[0-9]{1,3}/[0-9]{1,4}\.|\(\s*[a-zA-Z0-9]{1,4}\s*\)|[a-z]{1,4}\)|[a-z]\.|[IVX]{1,5}\.?)$")
            .unwrap()
    });
    ALONE.is_match(s)
}

/// The text ends on an article, preposition or conjunction: it goes on in the next block.
pub(crate) fn ends_on_function_word(s: &str) -> bool {
    const WORDS: [&str; 24] = [
        "the", "of", "and", "to", "in", "for", "on", "by", "with", "a", "an", "or", "le", "la",
        "les", "de", "des", "du", "et", "à", "au", "aux", "en", "sur",
    ];
    let last = s.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    WORDS.contains(&last)
}

/// The last character that is not a footnote marker: "thereto;1" ends on ';'.
fn last_meaningful_char(s: &str) -> Option<char> {
    let t = s.trim_end();
    let stripped = t.trim_end_matches(|c: char| {
        c.is_ascii_digit() || super::markers::superscript_digit(c).is_some()
    });
    let digits = t.len() - stripped.len();
    match stripped.chars().last() {
        // digits after punctuation are a marker; digits after a letter may be one too, but the
        // sentence is open either way. Digits after a slash or a hyphen end a symbol or a
        // number ("resolutions 74/270", "2018-2028").
        Some(c) if digits > 0 && c.is_ascii_punctuation() && !matches!(c, '/' | '-') => Some(c),
        Some(_) if digits > 0 => t.chars().last(),
        other => other,
    }
}

/// Whether a line ends a sentence or clause, so that a numbered line after it starts anew.
fn ends_sentence(line: &str) -> bool {
    matches!(last_meaningful_char(line), Some('.' | ';' | ':' | ',' | '”' | '»' | '"' | '’'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<String> {
        blocks(text).body.into_iter().map(|b| b.text).collect()
    }

    /// A wrapped text with no blank line between paragraphs (pdftotext's default mode): ten
    /// operative paragraphs of three full lines, then `tail`.
    fn wrapped(tail: &str) -> String {
        let mut text = String::from("The General Assembly,\n");
        for n in 1..=10 {
            text.push_str(&format!(
                "{n}. Requests the Secretary-General to ensure that all relevant resolutions on the\n\
                 work of the Office are brought to the attention of the relevant managers and that\n\
                 the Office also takes those resolutions into account in its activities;\n"
            ));
        }
        text + tail
    }

    #[test]
    fn a_heading_before_a_labelled_paragraph_stands_alone_however_long() {
        let heading =
            "Political process, including the implementation of the APPR, and extension of State";
        let text = wrapped(&format!(
            "Acting under Chapter VII of the Charter of the United Nations and of the decisions,\n\
             {heading}\n\
             11. Welcomes the efforts of the President and his Government to promote lasting peace;\n"
        ));
        let b = body(&text);
        assert!(b.iter().any(|t| t == heading), "{b:#?}");
        assert!(b.last().unwrap().starts_with("11. Welcomes"), "{b:#?}");
    }

    /// The heading is a page's last line, its paragraph the next page's first, the page's
    /// number and running header between them (S/RES/2640 (2022) FR, pdftotext).
    #[test]
    fn a_heading_before_a_labelled_paragraph_on_the_next_page_stands_alone() {
        let heading =
            "Atténuation de la menace posée par les armes légères et de petit calibre et les engins";
        let text = wrapped(&format!(
            "sécurité, de réaliser des économies, d’offrir des gains d’efficacité et de profiter à la Mission ;\n\
             {heading}\n\
             13\n\n\
             \x0cS/RES/2640 (2022)\n\n\
             11. Demande aux autorités maliennes de s’attaquer au problème de la prolifération et du\n\
             trafic d’armes légères et de petit calibre ;\n"
        ));
        let b = body(&text);
        assert!(b.iter().any(|t| t == heading), "{b:#?}");
        assert!(b.last().unwrap().starts_with("11. Demande"), "{b:#?}");
    }

    /// Headings between preambular paragraphs, one of them reading like one itself
    /// (S/RES/2776 (2025)); a name that goes on in capitals is no heading.
    #[test]
    fn a_heading_between_preambular_paragraphs_stands_alone() {
        let text = wrapped(
            "Emphasising that the purpose of this resolution is to degrade the threat posed by Al-Shabaab,\n\
             Degrading the threat posed by Al-Shabaab, and the Arms Embargo targeting Al-Shabaab\n\
             Expressing grave concern that Al-Shabaab continues to pose a serious threat to the peace,\n\
             security and stability of Somalia and the region,\n\
             Réduction de la menace que représentent les Chabab et embargo sur les armes visant les Chabab\n\
             Constatant avec une vive inquiétude que les Chabab continuent de représenter une grave menace,\n\
             Welcoming the work of the Peacebuilding Commission and of the United Nations Peace\n\
             Building Fund in the region and in the country, and all the partners of the Commission,\n",
        );
        let b: Vec<_> = body(&text).iter().map(|t| t.replace('\n', " ")).collect();
        for heading in [
            "Degrading the threat posed by Al-Shabaab, and the Arms Embargo targeting Al-Shabaab",
            "Réduction de la menace que représentent les Chabab et embargo sur les armes visant les Chabab",
        ] {
            assert!(b.iter().any(|t| t == heading), "{heading}\n{b:#?}");
        }
        assert!(b.last().unwrap().starts_with("Welcoming the work"), "{b:#?}");
    }

    /// An annex's title under its heading, before a number alone (S/RES/2803 (2025) FR, pypdf).
    #[test]
    fn an_annex_title_before_a_number_alone_stands_alone() {
        let title =
            "Plan d’ensemble du Président Donald J. Trump visant à mettre fin au conflit à Gaza";
        let text = wrapped(&format!(
            "11. Décide de rester saisi de la question.\nAnnexe 1\n{title}\n1.\n\
             Gaza sera une zone déradicalisée, sans terrorisme, qui ne fait peser aucune menace.\n"
        ));
        let b = body(&text);
        assert!(b.iter().any(|t| t == title), "{b:#?}");
    }

    /// A sub-paragraph's line that stops short of its end is no heading, even before a label.
    #[test]
    fn a_label_range_after_a_short_sub_paragraph_line_carries_it_on() {
        let text = wrapped(
            "(e) provide reports on progress in the implementation of its mandate as set out in sub-paragraphs\n\
             (a) to (d) above, as well as monitor, document, report and provide analysis on the country;\n\
             (f) Support to stabilization and restoration of State authority in the Centre\n\
             (i) To support Malian authorities in agreeing on and implementing a strategy;\n",
        );
        let b: Vec<_> = body(&text).iter().map(|t| t.replace('\n', " ")).collect();
        assert!(b.iter().any(|t| t.ends_with("sub-paragraphs (a) to (d) above, as well as monitor, document, report and provide analysis on the country;")), "{b:#?}");
        assert!(b.iter().any(|t| t.ends_with("State authority in the Centre")), "{b:#?}");
    }

    /// pdfminer's blank line inside a paragraph after a symbol at a line's end: the symbol's
    /// digits are no footnote marker (S/RES/2565 (2021)).
    #[test]
    fn a_paragraph_goes_on_after_a_blank_line_below_a_symbol() {
        let text = "The Security Council,\n\nRecalling its resolutions 2286 (2016) and 2532 (2020) and General Assembly resolutions 74/270\n\nand 74/274,\n\nReaffirming that combating the disease,\n";
        let b: Vec<_> = body(text).iter().map(|t| t.replace('\n', " ")).collect();
        assert!(b.iter().any(|t| t.ends_with("resolutions 74/270 and 74/274,")), "{b:#?}");
        assert_eq!(last_meaningful_char("thereto;1"), Some(';'));
        assert_eq!(last_meaningful_char("resolutions 74/270"), Some('0'));
    }

    /// A wrapped line may read like the opening but for its article's case.
    #[test]
    fn a_wrapped_line_on_the_assembly_carries_its_paragraph_on() {
        let text = wrapped(
            "Rappelant ses résolutions 2286 (2016) et 2532 (2020) et les résolutions 74/270 et 74/274 de\n\
             l’Assemblée générale,\n\
             11. Prie le Secrétaire général de veiller à ce que toutes les résolutions soient connues ;\n",
        );
        let b: Vec<_> = body(&text).iter().map(|t| t.replace('\n', " ")).collect();
        assert!(b.iter().any(|t| t.ends_with("74/274 de l’Assemblée générale,")), "{b:#?}");
    }

    /// pdfminer on a one-page text: a blank line after every line, so no line is followed by
    /// another; the wrap width still comes from the lines, and a full line that stops on a
    /// word goes on after the blank line (S/RES/2696 (2023)).
    #[test]
    fn a_one_page_text_with_a_blank_line_after_every_line_is_still_wrapped() {
        let lines = [
            "The Security Council,",
            "Recalling all its previous resolutions and statements of its President on the situation",
            "in Somalia,",
            "Reaffirming its respect for the sovereignty, territorial integrity, political unity of",
            "Somalia,",
            "Welcoming the constructive engagement between the Federal Government of Somalia, Jubaland",
            "State Government and Panel of Experts on the matter of charcoal stockpiles in Kismayo,",
            "Taking note of the correspondence between the Federal Government of Somalia and the",
            "Committee established pursuant to resolution 751 (1992) regarding the disposal of it,",
            "1. Decides that the measures imposed on charcoal shall not apply to the stockpiles of",
            "charcoal identified by the Panel of Experts in its report;",
            "2. Decides to remain seized of the matter.",
        ];
        let b = body(&(lines.join("\n\n") + "\n"));
        let welcoming = b.iter().find(|t| t.starts_with("Welcoming")).unwrap();
        assert!(welcoming.replace('\n', " ").ends_with("stockpiles in Kismayo,"), "{b:?}");
        assert_eq!(b.len(), 7, "{b:?}");
    }

    #[test]
    fn a_last_line_written_before_its_paragraph_is_put_back() {
        let text = wrapped(
            "11. Encourages the oversight bodies to further enhance the level of cooperation with\n\
             one another, without prejudice to the independence of each;\n2023;\n\n\
             12. Takes note of the report of the Office on its activities for the period from 1 July\n\n\
             13. Requests the Secretary-General to ensure that all relevant resolutions are known;\n",
        );
        let b = body(&text);
        let last: Vec<_> = b.iter().rev().take(3).rev().map(|t| t.replace('\n', " ")).collect();
        assert_eq!(
            last,
            [
                "11. Encourages the oversight bodies to further enhance the level of cooperation with one another, without prejudice to the independence of each;",
                "12. Takes note of the report of the Office on its activities for the period from 1 July 2023;",
                "13. Requests the Secretary-General to ensure that all relevant resolutions are known;",
            ]
        );
        // The span of the paragraph covers both of its lines.
        let blocks = blocks(&text);
        let span = &blocks.body[blocks.body.len() - 2].span;
        assert!(text[span.clone()].contains("2023;") && text[span.clone()].contains("12. Takes"));
        // A labelled first line may end on a comma: an operative paragraph ends on ";" or ".".
        let comma = wrapped(
            "Recalling all its relevant resolutions on the situation in Yemen and the Red Sea,\n\
             including resolutions 2216 (2015), 2722 (2024), 2739 (2024), and 2768 (2025),\n2026.\n\n\
             1. Extends the reporting request in paragraph 10 of resolution 2722 (2024) to January 15,\n\n",
        );
        let b = body(&comma);
        assert!(b.last().unwrap().replace('\n', " ").ends_with("to January 15, 2026."), "{b:?}");
        // A capitalised last line that closes the first line's bracket, before an annex.
        let bracket = wrapped(
            "8. Vessels and amphibious vehicles specifically designed or modified for military use;\n\
             Note: Vessel includes any ship, surface effect vehicle, vessel of small waterplane area.\n\
             Arms).\n\n\
             9. Unmanned combat aerial vehicles (listed as Category IV in the UN Register of Conventional\n\
             Annex B\n\n\
             Equipment requiring a notification with regard to deliveries to the Somali Forces\n",
        );
        // After a number alone; before a number alone, with a first line that leads on; a
        // list item's end before the next item; a paragraph that opens with its conjunction.
        let alone = wrapped(
            "11. Le Groupe prend ses décisions par consensus.\n9.\ntravail.\n\n\
             Le Groupe de travail informel peut élaborer des lignes directrices pour affiner ses méthodes de\n\
             10.\n\n\
             La présidence communique au Conseil de sécurité des mises à jour annuelles succinctes.\n\
             ii) la dissociation du requérant par rapport à son comportement passé ;\nListe.\n\n\
             iii) l’exactitude factuelle des affirmations faites par le requérant dans sa demande de la\n\
             8.\n\nLe Point focal informera également le requérant.\n\
             d. supporting extension of government authority and expanding its coordination role;\nPlans;\n\n\
             e. accelerating implementation of the National Stabilisation Strategy and State-level Stabilisation\n\
             f. supporting peacebuilding, including in response to climate change, flooding, and locusts;\nby:\n\n\
             and, in the context of ongoing military operations against Al-Shabaab, to support the FGS and FMS\n\n\
             (a) supporting the authorities;\n",
        );
        let b: Vec<_> = body(&alone).iter().map(|t| t.replace('\n', " ")).collect();
        for p in [
            // The number alone opens the next block later (`merge_lone_labels`).
            "Le Groupe de travail informel peut élaborer des lignes directrices pour affiner ses méthodes de travail.",
            "iii) l’exactitude factuelle des affirmations faites par le requérant dans sa demande de la Liste.",
            "e. accelerating implementation of the National Stabilisation Strategy and State-level Stabilisation Plans;",
            "and, in the context of ongoing military operations against Al-Shabaab, to support the FGS and FMS by:",
        ] {
            assert!(b.iter().any(|t| t == p), "{p}\n{b:#?}");
        }
        // After an item's "; and", above a dashed item, under a name the first line ends on.
        let more = wrapped(
            "(b) Notify individuals or entities about the status of their listing under this resolution; and\nCouncil.\n\n\
             (c) Submit biannual reports summarizing the activities of the Ombudsperson to the Security\n\n\
             – updates on the progressive transfer of tasks as requested in paragraph 40 of this resolution;\nCouncil;\n\n\
             – and further requests the Secretary-General to include gender analysis in all reports to the Security\n\n\
             of female and male ex-combatants, including children, and the management of the stockpiles;\nAreas\n\n\
             (iii) Assist peacebuilding, civilian protection and rule of law, in particular in Darfur and the Two\n\n",
        );
        let b: Vec<_> = body(&more).iter().map(|t| t.replace('\n', " ")).collect();
        for end in [
            "Ombudsperson to the Security Council.",
            "reports to the Security Council;",
            "Darfur and the Two Areas",
        ] {
            assert!(b.iter().any(|t| t.ends_with(end)), "{end}\n{b:#?}");
        }
        let b = body(&bracket);
        assert!(b.iter().any(|t| t.replace('\n', " ").ends_with("Conventional Arms).")), "{b:?}");
        assert!(b.iter().any(|t| t == "Annex B"), "{b:?}");
        // A heading's last word between blank lines of its own, the heading ending on "and".
        let own = wrapped(
            "Acting under Chapter VII of the Charter of the United Nations,\n\n\
             elections\n\n\
             Implementation of the Agreement on Peace and Reconciliation in Mali, Political situation and\n\n\
             11. Urges the Malian parties to work towards resuming the meetings of all bodies;\n",
        );
        let b: Vec<_> = body(&own).iter().map(|t| t.replace('\n', " ")).collect();
        let heading = "Implementation of the Agreement on Peace and Reconciliation in Mali, Political situation and elections";
        assert!(b.iter().any(|t| t == heading), "{b:#?}");
        assert!(b
            .iter()
            .any(|t| t == "Acting under Chapter VII of the Charter of the United Nations,"));
        // Before a paragraph opening with its conjunction; before a heading of its own, the
        // first line leading on (S/RES/2776 (2025)).
        let before_more = wrapped(
            "(b) a comprehensive mid-term update; and\n2025;\n\n\
             (c) for the Security Council’s consideration through the Committee, a final report by 13 November\n\
             and urges the Panel to seek feedback from the Committee on the findings of their reporting;\n\n\
             trois dernières années dans la lutte contre les Chabab,\nChabab,\n\n\
             Soulignant que la présente résolution a pour objet de réduire la menace que représentent les\n\
             Réduction de la menace que représentent les Chabab et embargo sur les armes visant les Chabab\n\n\
             11. Décide de rester saisi de la question.\n",
        );
        let b: Vec<_> = body(&before_more).iter().map(|t| t.replace('\n', " ")).collect();
        for p in [
            "(c) for the Security Council’s consideration through the Committee, a final report by 13 November 2025;",
            "and urges the Panel to seek feedback from the Committee on the findings of their reporting;",
            "Soulignant que la présente résolution a pour objet de réduire la menace que représentent les Chabab,",
        ] {
            assert!(b.iter().any(|t| t == p), "{p}\n{b:#?}");
        }
    }

    #[test]
    fn furniture_glued_to_a_page_s_last_line_is_dropped_and_its_hyphen_put_back() {
        let text = "Le Conseil de sécurité,\n\
            Rappelant que le Gouvernement sud-soudanais a approuvé la création de mécanismes de justice,\n\
            Soulignant que les élections doivent garantir la représentation de tous, selon le principe un\n\
            vote par personne, conformément aux engagements pris de longue date de tenir des élections un23-98493 (F)\n\
            *2398493*\nMerci de recycler\n\n\x0cS/RES/2625 (2022)\n\n\
            électeur-une voix, et que les processus électoraux doivent être inclusifs et transparents pour tous,\n\
            1. Demande instamment au Gouvernement sud-soudanais de poursuivre ses efforts et au Gouvernement sud2\n\n\
            \x0cS/RES/2625 (2022)\n\nsoudanais de donner la priorité au renforcement de l’état de droit ;\n";
        let read = blocks(text);
        let b: Vec<_> = read.body.iter().map(|b| b.text.replace('\n', " ")).collect();
        assert!(b.iter().any(|t| t.ends_with("des élections un-électeur-une voix, et que les processus électoraux doivent être inclusifs et transparents pour tous,")), "{b:#?}");
        assert!(b.iter().any(|t| t.ends_with("au Gouvernement sud-soudanais de donner la priorité au renforcement de l’état de droit ;")), "{b:#?}");
        let dropped: Vec<_> = read.dropped.iter().map(|d| (d.text.as_str(), d.reason)).collect();
        assert!(dropped.contains(&("23-98493 (F)", DropReason::JobNumber)), "{dropped:?}");
        assert!(dropped.contains(&("2", DropReason::PageNumber)), "{dropped:?}");
        // A number glued to a word on the page's last line that is not the page's number stays.
        let h5n1 = text.replace("Gouvernement sud2", "virus H5N1");
        assert!(blocks(&h5n1).body.iter().any(|b| b.text.contains("virus H5N1")));
    }

    #[test]
    fn an_unlabelled_task_after_a_labelled_heading_opens_a_paragraph() {
        let heading = "(d) Facilitate the immediate, full, safe and unhindered delivery of humanitarian assistance";
        let task = "To improve coordination with all humanitarian actors, including United Nations agencies, and to";
        for text in [
            wrapped(&format!("{heading}\n{task}\nfacilitate a secure environment.\n")),
            wrapped("").replace('\n', "\n\n")
                + &format!("{heading}\n\n{task}\n\nfacilitate a secure environment.\n"),
        ] {
            let b: Vec<_> = body(&text).iter().map(|t| t.replace('\n', " ")).collect();
            assert!(b.iter().any(|t| t == heading), "{b:#?}");
            assert!(b.iter().any(|t| t.starts_with("To improve")), "{b:#?}");
        }
    }

    #[test]
    fn a_conjunction_after_a_list_item_opens_a_paragraph_after_a_full_line() {
        let text = wrapped(
            "– des informations tous les six mois sur les progrès accomplis dans la réalisation des jalons et\n\
             indicateurs énoncés par le Gouvernement et l’Organisation des Nations Unies dans le plan de transition ;\n\
             et prie également le Secrétaire général de faire figurer une analyse des questions de genre dans tous\n\
             les rapports qui lui sont destinés ;\n\
             11. Prie le Secrétaire général de lui présenter des options pour adapter la future configuration ;\n\
             réaffirme que le Gouvernement et les États Membres doivent coopérer pleinement avec le Groupe ;\n\
             et prie le Groupe de lui présenter un rapport ;\n",
        );
        let b: Vec<_> = body(&text).iter().map(|t| t.replace('\n', " ")).collect();
        assert!(b.iter().any(|t| t.starts_with("et prie également")), "{b:#?}");
        // Within a paragraph that is no list item, the conjunction goes on.
        assert!(
            b.iter().any(|t| t.starts_with("11. Prie") && t.ends_with("un rapport ;")),
            "{b:#?}"
        );
    }

    #[test]
    fn a_heading_before_a_section_numeral_stands_alone_among_pdfminer_blank_lines() {
        // pdfminer writes a blank line after every line: a full line that stops on a word
        // carries on across it, but not into the heading above a section's numeral.
        let text = wrapped("").replace('\n', "\n\n")
            + "Mandat du Groupe de travail informel du Conseil de sécurité sur les questions relatives\n\n\
               aux sanctions imposées par le Conseil de sécurité de l’Organisation des Nations Unies\n\n\
               Nom et composition\n\nI.\n\n1.\n\nLe Groupe de travail informel se compose de tous les membres.\n";
        let b = body(&text);
        assert!(b.iter().any(|t| t == "Nom et composition"), "{b:#?}");
        assert!(b.iter().any(|t| t.replace('\n', " ").ends_with("Organisation des Nations Unies")));
    }

    #[test]
    fn a_heading_after_a_section_numeral_and_cover_items_stand_alone() {
        let text = "United Nations\nA/RES/78/247\nGeneral Assembly\nAgenda items 132 and 143\n\
            Review of the efficiency of the administrative and financial functioning of the United Nations\n\
            Report on the activities of the Office of Internal Oversight Services\n\
            Groups of countries in special situations: follow-up to the second United Nations Conference on Landlocked\n\
            Developing Countries\n\
            78/247. Report on the activities of the Office on Landlocked Developing Countries\n"
            .to_string()
            + &wrapped("II\nActivities of the Independent Audit Advisory Committee\nRecalling its resolutions 61/275 of 29 June 2007 and 64/263, and its other resolutions,\n");
        let b = body(&text);
        let has = |p: &str| b.iter().any(|t| t.replace('\n', " ") == p);
        assert!(has("Review of the efficiency of the administrative and financial functioning of the United Nations"), "{b:#?}");
        assert!(has("Report on the activities of the Office of Internal Oversight Services"));
        assert!(has("Groups of countries in special situations: follow-up to the second United Nations Conference on Landlocked Developing Countries"), "{b:#?}");
        assert!(
            has("II") && has("Activities of the Independent Audit Advisory Committee"),
            "{b:#?}"
        );
    }

    #[test]
    fn a_name_split_by_a_blank_line_is_joined_where_the_text_says_it_whole() {
        // pdfminer's blank lines inside paragraphs, after a full line.
        // Some lines follow each other, so that the wrap width is known.
        let text = "The Security Council,\n\n\
            (a) to lead, and support the functioning of, the Redeployment Coordination Committee,\n\
            assisted by a secretariat staffed by United Nations personnel, to oversee the ceasefire,\n\
            the redeployment of forces, and the mine action operations in the governorate of the\n\
            city, with the parties and with the support of the Office of the Special Envoy, in the\n\
            spirit of the Agreement and of the resolutions adopted on the matter by the Council in\n\
            the past year, and to report on their work,\n\n\
            (b) to monitor the compliance of the parties and the redeployment of forces from the city\n\n\
            of Hodeidah and the ports of Hodeidah, Salif and Ras Issa, and the ceasefire in the area,\n\n\
            (c) to work with the parties so that the security of the city and the ports of Hodeidah,\n\n\
            Salif, and Ras Issa is assured by local security forces in accordance with Yemeni law, and\n\n\
            (d) to facilitate United Nations support for the parties, as decided in its resolution of 22\n\n\
            October 1973 and in all the resolutions adopted since then on the matter by the Council;\n\n\
            Recalling its decision of 7 May 2024, by which it decided that the third United Nations\n\n\
            Conference should be postponed to a later date, the Secretary-General having been heard,\n\n\
            Welcoming the report of the third United Nations Conference on the matter, and its annex,\n";
        let b: Vec<_> = body(text).iter().map(|t| t.replace('\n', " ")).collect();
        let b = &b[1..];
        assert!(b[2].ends_with("Salif, and Ras Issa is assured by local security forces in accordance with Yemeni law, and"), "{b:#?}");
        assert!(b[3].ends_with("of 22 October 1973 and in all the resolutions adopted since then on the matter by the Council;"), "{b:#?}");
        assert!(b[4].starts_with("Recalling") && b[4].ends_with("having been heard,"), "{b:#?}");
    }

    #[test]
    fn page_furniture_is_dropped_and_the_paragraph_goes_on() {
        let text = " 7. Also requests the Centre to act in matters of\n\n_______________\n1 E/CN.15/2003/5.\n communication of reports;\n\n A/RES/58/135\n\n2\n\n 8. Requests more;\n";
        let b = blocks(text);
        let body: Vec<_> = b.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            body,
            [
                "7. Also requests the Centre to act in matters of communication of reports;",
                "8. Requests more;"
            ]
        );
        assert_eq!(b.footnotes.len(), 1);
        assert_eq!(b.footnotes[0].text, "1 E/CN.15/2003/5.");
        assert_eq!(b.footnotes[0].footnote, Some(1));
        let reasons: Vec<_> = b.dropped.iter().map(|d| d.reason).collect();
        assert_eq!(
            reasons,
            [DropReason::Separator, DropReason::PageHeader, DropReason::PageNumber]
        );
        assert_eq!(b.header_symbol.as_deref(), Some("A/RES/58/135"));
    }

    #[test]
    fn the_masthead_symbol_before_the_opening_is_a_cover_line_and_the_symbol() {
        let text = "United Nations\n\nA/RES/70/10\n\nGeneral Assembly\n\nThe General Assembly,\n\n\
                    1. Decides;\n\nA/RES/70/10\n\n2/2\n\n2. Requests;\n";
        let b = blocks(text);
        let body: Vec<_> = b.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            body,
            [
                "United Nations",
                "A/RES/70/10",
                "General Assembly",
                "The General Assembly,",
                "1. Decides;",
                "2. Requests;"
            ]
        );
        assert_eq!(b.header_symbol.as_deref(), Some("A/RES/70/10"));
        let reasons: Vec<_> = b.dropped.iter().map(|d| d.reason).collect();
        assert_eq!(reasons, [DropReason::PageHeader, DropReason::PageNumber]);
    }

    #[test]
    fn lone_punctuation_after_a_blank_line_joins_the_paragraph() {
        assert_eq!(
            body(" 1. Prend note des Protocoles s’y rapportant1\n\n ;\n\n 2. Se félicite\n"),
            ["1. Prend note des Protocoles s’y rapportant1 ;", "2. Se félicite"]
        );
    }

    #[test]
    fn a_numbered_line_without_a_blank_line_starts_a_paragraph() {
        assert_eq!(
            body(" 8. Requests the Secretary-General;\n  9. Also requests\nthe report.\n"),
            ["8. Requests the Secretary-General;", "9. Also requests the report."]
        );
    }

    #[test]
    fn line_end_hyphens_join_only_split_words() {
        let text = "capacity-building and implementation\n\nThe capacity-\nbuilding of the implemen-\ntation by the Secretary-\nGeneral\n";
        assert_eq!(
            body(text)[1],
            "The capacity-building of the implementation by the Secretary-General"
        );
    }

    #[test]
    fn footnote_area_ends_at_an_indented_body_line() {
        let text = " Recalling its relevant resolutions, in which it requested the Secretary-General,\nas a matter of urgency, to provide the United Nations Office on Drugs and Crime\nwith all the means at its disposal and the means of its partners in the field of\ncrime prevention, which remain insufficient for the tasks entrusted to it by the\nAssembly and by the Economic and Social Council, and requested it to provide the\n\n_______________\n1 Most recently the second Conference on People Smuggling\nand Related Crime, held at Bali.\n Criminal Justice Programme with resources,\n";
        let b = blocks(text);
        assert_eq!(b.body.len(), 1);
        assert!(
            b.body[0].text.ends_with(
                "requested it to provide the Criminal Justice Programme with resources,"
            ),
            "{}",
            b.body[0].text
        );
        assert_eq!(b.footnotes[0].text, "1 Most recently the second Conference on People Smuggling and Related Crime, held at Bali.");
    }

    #[test]
    fn a_wrapped_footnote_line_that_starts_with_a_number_continues_the_footnote() {
        let text = " 1. Takes note of the reports;14\n\n_______________\n14 Official Records, Supplement No. 48 (A/76/48); ibid., Supplement No.\n55 (A/76/55); see also A/76/254.\n15 Ibid., Supplement No. 56.\n";
        let b = blocks(text);
        let notes: Vec<_> = b.footnotes.iter().map(|f| (f.footnote, f.text.as_str())).collect();
        assert_eq!(notes, [(Some(14), "14 Official Records, Supplement No. 48 (A/76/48); ibid., Supplement No. 55 (A/76/55); see also A/76/254."), (Some(15), "15 Ibid., Supplement No. 56.")]);
    }

    #[test]
    fn superscript_footnotes_open_with_a_superscript_digit() {
        // The first-character test in `Builder::text` never hides a match of the pattern.
        let mut matched = 0;
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            for tail in ["", " x", "¹ x", "\u{a0}E/CN.15/2004/5."] {
                let t = format!("{c}{tail}");
                let pattern = SUPERSCRIPT_START.is_match(&t);
                assert!(!pattern || super::super::markers::superscript_digit(c).is_some(), "{t:?}");
                matched += usize::from(pattern);
            }
        }
        assert!(matched >= 20, "{matched}");
    }

    #[test]
    fn superscript_footnotes_and_emphasis() {
        let text = "“6. *Welcomes* the support for\n\n¹ E/CN.15/2004/5.\n\nthose instruments;\n";
        let b = blocks(text);
        assert_eq!(b.body[0].text, "“6. Welcomes the support for those instruments;");
        assert_eq!(b.footnotes[0].footnote, Some(1));
    }

    #[test]
    fn a_split_paragraph_in_xml_text_is_joined_but_new_paragraphs_are_not() {
        assert_eq!(body("2. Décide que les petits États insulaires en\n\ndéveloppement seront aidés ;\n\n3. Prie"), ["2. Décide que les petits États insulaires en développement seront aidés ;", "3. Prie"]);
        assert_eq!(
            body("Recalling its resolution,\n\nNoting the report,\n"),
            ["Recalling its resolution,", "Noting the report,"]
        );
        // a sub-paragraph lettered "a." after a heading-like line with no punctuation
        assert_eq!(
            body("(i) Assist the political transition\n\na. Assist the transition;\n"),
            ["(i) Assist the political transition", "a. Assist the transition;"]
        );
    }
}
