//! Where paragraphs break in a text that has no blank line between them.
//!
//! Most extractors (pdftotext in every mode, pypdf, PyMuPDF, LibreOffice's text export,
//! python-docx joined by line breaks) write a resolution with one line break between
//! paragraphs, the same break as between the lines of a paragraph. The blocks are then found
//! from the lines themselves: a line much shorter than the wrap width ends its paragraph (a
//! justified paragraph's lines are all about as long, but its last line), as does a line that
//! ends a clause before a line that opens with a preambular word ("Recalling", "Rappelant");
//! a numbering label at a line start opens one (as in any layout). A text that is not wrapped
//! at all (one paragraph a line) breaks at every line.
//!
//! Page furniture is found without the blank lines that set it apart in other layouts: the
//! document symbol repeated after the body has started, a page number beside other furniture
//! or at a page edge.

use regex::Regex;
use std::sync::LazyLock;

/// How the text separates its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Layout {
    /// Paragraphs are separated by blank lines (the shape paralign always read).
    #[default]
    BlankLines,
    /// Hard-wrapped at about this many characters, with no blank line between paragraphs.
    Wrapped(usize),
    /// One paragraph a line.
    LinePerParagraph,
}

/// Text lines per blank line above which a text is read as having no blank lines between
/// paragraphs. A resolution with blank lines has one every 2–6 lines (a paragraph wraps to
/// 2–6 lines); extractors that write none leave a few at page breaks only, one every 25–60
/// lines in the 14 public pairs rendered as PDF (tests/it/fixtures/extractors.py).
const LINES_PER_BLANK: usize = 12;

/// A text with this share of its lines (in tenths) longer than [`UNWRAPPED_LINE`] is not
/// hard-wrapped: no extractor wraps that wide, while most paragraphs of a resolution are
/// longer (python-docx and LibreOffice's text export: 3–8 tenths of the lines in the public
/// pairs; pdftotext and pypdf: none).
const UNWRAPPED_TENTHS: usize = 2;
/// Characters beyond the widest line an extractor writes for an A4 or Letter page at the
/// 10–12 pt of UN documents (about 110, with pypdf's doubled spaces up to 130).
pub(crate) const UNWRAPPED_LINE: usize = 160;

/// A line shorter than this share (in tenths) of the wrap width ends its paragraph: the lines
/// of a justified paragraph are within a tenth of the width, ragged ones within three; a short
/// last line is below seven tenths in most paragraphs (hand-set on the 14 public pairs).
const SHORT_LINE_TENTHS: usize = 7;

/// The line is short for a text wrapped at `width`: below [`SHORT_LINE_TENTHS`] of it.
pub(crate) fn is_short(line: &str, width: usize) -> bool {
    line.chars().count() * 10 < width * SHORT_LINE_TENTHS
}

/// The percentile of line lengths taken for the wrap width: above the short lines of the cover
/// and the paragraph ends, below the few long lines pdftotext -layout makes of the masthead.
const WIDTH_PERCENTILE: usize = 80;

impl Layout {
    /// The layout of a text, from its lines (`None` for a blank line between paragraphs).
    pub(crate) fn of<'a>(lines: impl Iterator<Item = Option<&'a str>>) -> Layout {
        let mut blank = 0usize;
        let mut lengths = Vec::new();
        // Paragraph starts right under the line before, with no blank line between: the
        // opening line and "Recalling …", a clause's end and "1. Decides …".
        let mut adjacent = 0usize;
        let mut previous: Option<&str> = None;
        for line in lines {
            match line {
                None => blank += 1,
                Some(t) => {
                    lengths.push(t.chars().count());
                    if previous.is_some_and(|p| {
                        (super::clean::OPENING.is_match(p) || ends_clause(p))
                            && (opens_preamble(t) || super::clean::PARAGRAPH_START.is_match(t))
                    }) {
                        adjacent += 1;
                    }
                }
            }
            previous = line;
        }
        let text = lengths.len();
        // A short body (a Security Council resolution of a dozen lines) with no blank line
        // at all is read as having none, not as too short to tell; nor is one whose few blank
        // lines are outnumbered by paragraphs that start with none before them (pdftotext
        // writes a blank line around a page's misplaced last line, S/RES/2787 (2025)).
        if text == 0 || blank * LINES_PER_BLANK >= text.max(LINES_PER_BLANK) && adjacent < blank {
            return Layout::BlankLines;
        }
        let long = lengths.iter().filter(|&&n| n > UNWRAPPED_LINE).count();
        if long * 10 >= text * UNWRAPPED_TENTHS {
            return Layout::LinePerParagraph;
        }
        // The wrap width: most lines of a wrapped text are full, but a resolution has many
        // short ones too (cover lines, one-line paragraphs, last lines), so not the median.
        lengths.sort_unstable();
        Layout::Wrapped(lengths[text * WIDTH_PERCENTILE / 100])
    }

    /// Whether the line `next` opens a new paragraph after the body line `previous`, by the
    /// layout alone (labels and the opening line are decided by the caller, in every layout).
    pub(crate) fn breaks(self, previous: &str, next: &str) -> bool {
        // "1." on a line of its own, its text on the next (pdftotext's default mode). A title's
        // number ("70/10.") is one too, but a line "61/275." ends a paragraph that cites it.
        // A section's roman numeral alone ("I", "II.") is a heading of its own, as in the text
        // with blank lines; the heading's title follows on the next line.
        if super::clean::starts_with_label_alone(previous)
            && !previous.contains('/')
            && !is_section_numeral(previous)
        {
            return false;
        }
        // The closing is one paragraph: "56th plenary meeting" / "17 November 2015".
        if super::label::CLOSING.is_match(previous) && super::label::is_date(next) {
            return false;
        }
        match self {
            Layout::BlankLines => false,
            // A lower-case line carries on a paragraph that Word or a page break split, unless
            // it opens with a sub-paragraph's label ("i) User", "iii. protecting").
            // So does the conjunction that opens a paragraph after a list whose last item
            // ended on a semicolon ("… ;" / "et prie également le Secrétaire général …",
            // S/RES/2717 (2023); "and, in the context of …", S/RES/2705 (2023)).
            Layout::LinePerParagraph => not_carried_on(previous, next),
            // The opening line ("The General Assembly,") follows the title's last line and
            // the closing ("77th plenary meeting") the last operative paragraph's; either
            // may be full.
            Layout::Wrapped(_)
                if super::clean::OPENING.is_match(next)
                    || super::label::CLOSING.is_match(next)
                    || super::label::TITLE.is_match(next) =>
            {
                true
            }
            Layout::Wrapped(width) => {
                let short = is_short(previous, width);
                // A heading in capitals goes on after its comma.
                let capitals = in_capitals(previous) && in_capitals(next);
                if short {
                    return not_carried_on(previous, next)
                        && !(capitals && previous.ends_with(','));
                }
                // "2." alone on its line opens an operative paragraph (pdftotext, pypdf); a
                // footnote at the end of the text opens with its number.
                let clause = ends_clause(previous);
                clause && (opens_preamble(next) || super::clean::starts_with_label_alone(next))
                    || previous.ends_with('.') && opens_footnote(next)
                    // "11 Condemns …": an operative number whose full stop the text lacks
                    // (S/RES/2730 (2024)), not a date that a list wrapped ("14 December").
                    || clause && opens_footnote(next) && !opens_with_day_of_month(next)
                    // An unlabelled task of a mandate after a semicolon ("…;" / "To assist the
                    // …", "… ;" / "Aider le Comité …"): within a paragraph the clause after a
                    // semicolon goes on in lower case (a capital there may open a symbol or a
                    // name: "; GC(59)/RES/10").
                    || previous.ends_with(';') && opens_task(next)
                    // A quoted paragraph after the words that introduce it: "… shall be
                    // replaced by the following:" / "“Authorises all Member States …"
                    // (S/RES/2733 (2024)).
                    || previous.ends_with(':') && opens_quotation(next)
                    // An item of a dashed list: "… every three months including:" / "– updates".
                    || clause && opens_dashed_item(next)
                    // A heading between paragraphs: "Peacebuilding Commission" / "1. Reaffirms".
                    // Not inside a heading in capitals ("THE HOUTHIS, AKA: …, PARTISANS OF
                    // GOD," / "AKA: SUPPORTERS OF GOD", S/RES/2624 (2022)).
                    || clause && is_heading(next, width) && !capitals
                    // "(d) to facilitate" after "…, and": a sub-paragraph.
                    || (clause || ends_conjunction(previous))
                        && super::clean::PARAGRAPH_START.is_match(next)
                    // A list's first item after an item's heading that has no punctuation:
                    // "i) … et la paix durable" / "a) Appuyer …" (S/RES/2579 (2021) FR), the
                    // heading's line shorter than a wrapped one. A list inside a sentence opens
                    // after a colon, and its later items ("iv) achever") are not first ones.
                    // So does an unlabelled task after it: "(d) Facilitate … assistance" /
                    // "To improve coordination …" (S/RES/2759 (2024)).
                    || !clause
                        && (opens_first_item(next) || opens_task(next))
                        && previous.chars().count() * 10 < width * ITEM_HEADING_TENTHS
                    // A paragraph of the Council's own after a sentence's end, in an annex:
                    // "… (“the petitioner”)." / "The Council recalls that …" (S/RES/2610).
                    || previous.ends_with('.') && opens_with_the_council(next)
                    // "… other than those of the FGS" / "• All types of weapons …";
                    // "… and related technology" / "Part I" (S/RES/2607 (2021)).
                    || super::clean::OPENS_PART_OR_BULLET.is_match(next)
                        && !super::clean::ends_on_function_word(previous)
                    // A paragraph after a list that opens with its conjunction, where the
                    // list's last item ended a line short of the width (see LinePerParagraph).
                    || previous.ends_with(';')
                        && opens_with_conjunction(next)
                        && previous.chars().count() * 10 < width * ITEM_HEADING_TENTHS
            }
        }
    }

    /// Whether the heading line `previous`, the first line after a section's numeral alone,
    /// ends before `next`: a title has no closing punctuation nor a last word that leads on
    /// ("of the"), and the section's first paragraph opens with a preambular word or a label.
    /// Only where no blank line sets the two apart.
    pub(crate) fn ends_heading(self, previous: &str, next: &str) -> bool {
        self != Layout::BlankLines
            && !ends_clause(previous)
            && !super::clean::ends_on_function_word(previous)
            && (opens_preamble(next) || super::clean::PARAGRAPH_START.is_match(next))
    }

    /// Whether the cover line `next` (before the title) opens a cover item of its own after
    /// `previous`, which may fill the line: the agenda item titles of the cover are in sentence
    /// case, so a line that wraps one opens in lower case or follows an article, preposition
    /// or conjunction ("of the" / "United Nations"), and a capital after anything else opens
    /// the next item ("… of the United Nations" / "Report on the activities …").
    pub(crate) fn breaks_cover(self, previous: &str, next: &str) -> bool {
        matches!(self, Layout::Wrapped(_))
            && next.starts_with(char::is_uppercase)
            && !super::clean::ends_on_function_word(previous)
            && !previous.trim_end().ends_with([',', ':', '-', '–', '/'])
    }
}

/// A line that can only be a heading: short, capitalised, and ending neither a clause nor on a
/// word that leads on ("United Nations Support Office in Somalia (UNSOS)"). A paragraph's
/// lines end on punctuation at its end and are full before it.
fn is_heading(line: &str, width: usize) -> bool {
    // A heading of a few words may end on a colon ("Reports:").
    let few_words = line.split_whitespace().count() <= HEADING_WORDS_WITH_COLON;
    // French sets the colon off with a space ("Cour pénale spéciale :").
    let line = if few_words {
        line.strip_suffix(':').map_or(line, |l| l.trim_end_matches([' ', '\u{a0}', '\u{202f}']))
    } else {
        line
    };
    is_short(line, width)
        && line.starts_with(char::is_uppercase)
        && !ends_clause(line)
        && !ends_conjunction(line)
        && !super::clean::ends_on_function_word(line)
        && line.ends_with(|c: char| c.is_alphanumeric() || c == ')')
}

/// The line's letters are all capitals, and there are a few of them.
fn in_capitals(line: &str) -> bool {
    let mut letters = line.chars().filter(|c| c.is_alphabetic());
    let count = letters.clone().count();
    count >= CAPITALS_MIN_LETTERS && letters.all(char::is_uppercase)
}

/// Letters from which a line in capitals is a heading's, not an acronym ("UNSOM", "AU").
const CAPITALS_MIN_LETTERS: usize = 8;

/// A line below this share (in tenths) of the wrap width, with no punctuation at its end,
/// ends an item's heading before the first item of its list (the one measured: 7.0 tenths;
/// the wrapped lines of a justified paragraph are above nine).
const ITEM_HEADING_TENTHS: usize = 8;

/// Whether `next` opens a paragraph after a line that could end one (a whole line of a text
/// with one paragraph a line, or a short one): lower case carries the sentence on, but for a
/// French label ("h) Offrir") or a conjunction after a list item's semicolon.
fn not_carried_on(previous: &str, next: &str) -> bool {
    !next.starts_with(|c: char| c.is_lowercase())
        || super::clean::PARAGRAPH_START.is_match(next)
        // A French label alone on its line ("Dérogations" / "ii)" / "19. Réaffirme …",
        // S/RES/2551 (2020) FR, LibreOffice's text export).
        || super::clean::starts_with_label_alone(next)
        || previous.ends_with(';') && opens_with_conjunction(next)
}

/// The line opens with the conjunction of a clause of its own: "and, in the context …", "and
/// further requests", "et prie", "et, dans le cadre …" (a verb or a comma after it).
pub(crate) fn opens_with_conjunction(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("and").or_else(|| line.strip_prefix("et")) else {
        return false;
    };
    if rest.starts_with(',') {
        return true;
    }
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or("");
    let verb = if matches!(first, "further" | "also" | "également" | "en") {
        words.next().unwrap_or("")
    } else {
        first
    };
    rest.starts_with(' ')
        && [
            "requests",
            "decides",
            "calls",
            "urges",
            "encourages",
            "prie",
            "décide",
            "demande",
            "engage",
            "encourage",
        ]
        .contains(&verb)
}

/// The line opens with an unlabelled task of a mandate: "To assist the …" in English, an
/// infinitive in French ("Aider le Comité …", "Contribuer à …"): a capitalised word in -er or
/// -ir followed by a lower-case one (a name has a capital after it: "Peter Maurer").
pub(crate) fn opens_task(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let infinitive = first.chars().count() >= 5
        && first.starts_with(char::is_uppercase)
        && first.chars().all(char::is_alphabetic)
        && (first.ends_with("er") || first.ends_with("ir"));
    (first == "To" || infinitive) && second.starts_with(char::is_lowercase)
}

/// The line opens a quotation that starts a sentence: "“Authorises …", "« Autorise …".
fn opens_quotation(line: &str) -> bool {
    line.strip_prefix(['“', '«', '"'])
        .map(|r| r.trim_start_matches([' ', '\u{a0}', '\u{202f}']))
        .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// The line opens an item of a dashed list: "– updates on …".
pub(crate) fn opens_dashed_item(line: &str) -> bool {
    line.starts_with("– ")
}

/// The line opens with the Council as the subject of a verb: "The Council recalls",
/// "Le Conseil rappelle" (a name after it, "The Council of Europe", is no verb).
fn opens_with_the_council(line: &str) -> bool {
    let rest = line.strip_prefix("The Council ").or_else(|| line.strip_prefix("Le Conseil "));
    rest.is_some_and(|r| {
        let word = r.split_whitespace().next().unwrap_or("");
        word.len() > 3
            && word.starts_with(|c: char| c.is_lowercase())
            && !["of", "de", "des", "du"].contains(&word)
    })
}

/// The line opens with the label of a list's first item: "a)", "(a)", "a.", "i)", "(i)", "i.".
fn opens_first_item(line: &str) -> bool {
    let l = line.strip_prefix('(').unwrap_or(line);
    let rest = l.strip_prefix(['a', 'i']).unwrap_or("");
    let closed =
        if line.starts_with('(') { rest.strip_prefix(')') } else { rest.strip_prefix([')', '.']) };
    closed.is_some_and(|r| r.starts_with([' ', '\u{a0}', '\t']))
}

/// Words up to which a short capitalised line ending on a colon is a heading ("Reports:",
/// "Human rights:"), not the last line of a paragraph that introduces a list (those are
/// longer, and lower case when wrapped). Hand-set on the bulk Security Council pairs.
const HEADING_WORDS_WITH_COLON: usize = 4;

/// A section's roman numeral on a line of its own: "I", "IV.".
pub(crate) fn is_section_numeral(line: &str) -> bool {
    let n = line.strip_suffix('.').unwrap_or(line);
    !n.is_empty() && n.len() <= 5 && n.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// A footnote as extractors write the footnotes they gather at the end: a number of up to
/// three digits, a space, a capital ("17 Ibid., 2022", "1 See A/70/219.").
pub(crate) fn opens_footnote(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = line[digits..].chars();
    (1..=3).contains(&digits)
        && matches!(rest.next(), Some(' ' | '\u{a0}'))
        && rest.next().is_some_and(char::is_uppercase)
}

/// The line opens with a day and an English month: "14 December 2006, …".
fn opens_with_day_of_month(line: &str) -> bool {
    let word = line.split_whitespace().nth(1).unwrap_or("");
    crate::lexicon::ENGLISH_MONTHS.contains(&word.trim_end_matches([',', '.']))
}

/// The line ends on the conjunction that joins the last two sub-paragraphs ("; and", "; et",
/// "; and/or").
pub(crate) fn ends_conjunction(line: &str) -> bool {
    let t = line.trim_end();
    [" and", " or", " et", " ou", " and/or", " et/ou"].iter().any(|c| t.ends_with(c))
}

/// The line ends a clause: on `,;:.` or a closing quote, a footnote marker after it ignored
/// ("for 2014, 1", "thereto;2").
fn ends_clause(line: &str) -> bool {
    let t = line.trim_end();
    let t = t.trim_end_matches(|c: char| {
        c.is_ascii_digit() || super::markers::superscript_digit(c).is_some()
    });
    let t = if t.len() < line.trim_end().len() { t.trim_end() } else { t };
    t.ends_with([',', ';', ':', '.', '”', '»'])
}

/// The line opens with a preambular word: an English present participle ("Recalling",
/// "Bearing in mind"), a French one ("Rappelant"), or one of the adjectives and adverbs that
/// open preambular paragraphs in both languages ("Convinced", "Consciente", "Profondément");
/// or with the verb of an unnumbered operative paragraph ("Decides", "Décide"), named one by
/// one: a capitalised word in -s is as often a noun ("States").
pub(crate) fn opens_preamble(line: &str) -> bool {
    static PREAMBLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[“«\x22]?\s*(?:[A-Z][a-z]{2,}ing|[A-ZÉ][a-zéèêâîôû]{2,}ant|Having|Bearing|Also\s+[a-z]{2,}ing|Further|Strongly|Seriously|Firmly|Greatly|Convinced|Aware|Mindful|Concerned|Deeply|Gravely|Alarmed|Determined|Guided|Cognizant|Conscious|Desirous|Encouraged|Acting|Se\s+|S['’]|Ayant|Convaincue?s?|Consciente?s?|Profondément|Vivement|Gravement|Fermement|Sérieusement|Préoccupée?s?|Alarmée?s?|Déterminée?s?|Résolue?s?|Guidée?s?|Soucieuse?s?|Persuadée?s?|Sachant|Tenant|Prenant|Considérant|Agissant|Decides|Requests|Calls|Urges|Welcomes|Invites|Encourages|Reaffirms|Emphasizes|Stresses|Notes|Takes|Expresses|Recognizes|Recommends|Declares|Adopts|Approves|Authorizes|Demands|Condemns|Endorses|Underlines|Reiterates|Acknowledges|Affirms|Décide|Prie|Demande|Engage|Invite|Encourage|Réaffirme|Souligne|Prend|Exprime|Constate|Note|Recommande|Déclare|Adopte|Approuve|Autorise|Exige|Condamne|Accueille|Salue)\b",
        )
        .unwrap()
    });
    // Names and sentence openers that look like participles.
    const NOT_PREAMBLE: [&str; 11] = [
        "Beijing",
        "Nanjing",
        "Kunming",
        "During",
        "Including",
        "Wellington",
        "Durant",
        "Pendant",
        "Avant",
        "Cependant",
        "Maintenant",
    ];
    PREAMBLE.is_match(line) && !NOT_PREAMBLE.iter().any(|w| line.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Layout {
        Layout::of(text.lines().map(str::trim).map(|l| (!l.is_empty()).then_some(l)))
    }

    #[test]
    fn blank_lines_between_paragraphs_keep_the_old_reading() {
        let para = "Recalling its resolution 55/25 of 15 November 2000, by which it adopted the\nConvention against Transnational Organized Crime,\n\n";
        assert_eq!(layout(&para.repeat(10)), Layout::BlankLines);
        // A one-page text, pdftotext's default mode: its one blank line (around a misplaced
        // last line) is outnumbered by paragraphs that start right under the line before.
        let short = "The Security Council,\nRecalling all its relevant resolutions on the situation in Yemen and the Red Sea,\nincluding resolutions 2216 (2015),\n2026.\n\n1. Extends the reporting request in paragraph 10 of resolution 2722 (2024) to\n";
        assert!(matches!(layout(short), Layout::Wrapped(_)), "{:?}", layout(short));
        let blank = "The Security Council,\n\nRecalling all its relevant resolutions,\n\n1. Extends the request;\n";
        assert_eq!(layout(blank), Layout::BlankLines);
    }

    #[test]
    fn wrapped_text_with_no_blank_line_is_wrapped() {
        let para = "Recalling its resolution 55/25 of 15 November 2000, by which it adopted the\nConvention against Transnational Organized Crime and the protocols thereto,\nmore,\n";
        assert!(matches!(layout(&para.repeat(10)), Layout::Wrapped(w) if w > 60));
    }

    #[test]
    fn long_lines_are_one_paragraph_a_line() {
        let para =
            format!("Recalling {},\n", "its resolution 55/25 of 15 November 2000 ".repeat(5));
        assert_eq!(layout(&para.repeat(15)), Layout::LinePerParagraph);
    }

    #[test]
    fn a_short_line_ends_its_paragraph_and_a_label_alone_does_not() {
        let w = Layout::Wrapped(100);
        assert!(w.breaks("human rights law,", "Recalling previous resolutions"));
        assert!(w.breaks("United Nations", "A/RES/78/286"));
        assert!(!w.breaks("1.", "Takes note with appreciation"));
        assert!(w.breaks("61/275.", "50th (resumed) plenary meeting"));
        assert!(!w.breaks("56th plenary meeting", "17 November 2015"));
        assert!(!w.breaks("of the", "continued text"));
        let full = "x".repeat(95);
        let wrapped =
            "United Nations Convention against Transnational Organized Crime and the protocols";
        assert!(!w.breaks(&format!("{full},"), wrapped));
        assert!(w.breaks(&format!("{full},"), "Recalling also its resolution"));
        assert!(w.breaks(&format!("{full}, 1"), "Taking note of the statement"));
        assert!(w.breaks(&format!("{full};"), "Rappelant sa résolution"));
        assert!(!w.breaks(&format!("{full}, held in"), "Recalling"));
        let beijing =
            "Beijing Declaration and Platform for Action and the outcome of the special session";
        assert!(!w.breaks(&format!("{full},"), beijing));
        assert!(w.breaks(&format!("{full},"), "Decides to adopt the arrangements"));
        let states =
            "States parties to the Convention and the Protocols thereto, and to the Secretariat";
        assert!(!w.breaks(&format!("{full},"), states));
        assert!(w.breaks(&format!("{full}."), "77th plenary meeting"));
        assert!(w.breaks(&format!("{full} devoted to"), "The General Assembly,"));
        assert!(w.breaks(&format!("{full} droit de la mer »."), "2."));
        assert!(w.breaks(&format!("{full} Yemeni law, and"), "(d) to facilitate"));
        assert!(w.breaks(&format!("{full} (E/2021/22)."), "17 Ibid., 2022"));
        assert!(!w.breaks(&format!("{full} adopted on"), "17 December 2020"));
        assert!(w.breaks(&format!("{full} (A/77/463/Add.1, par. 14)]"), "77/210. Organes"));
        assert!(w.breaks(&format!("{full} reconstruction activities;"), "11 Condemns"));
        assert!(!w.breaks(&format!("{full} 8 May 2006,"), "14 December 2006, 61/16"));
        assert!(w.breaks(&format!("{full} terrain,"), "Commission de consolidation de la paix"));
        assert!(w.breaks(&format!("{full} region;"), "United Nations Support Office (UNSOS)"));
        assert!(!w.breaks(&format!("{full} Council,"), "Somalia,1"));
        assert!(!w.breaks(&format!("{full} Council,"), "Somalia and the"));
        assert!(w.breaks(&format!("{full} 2004,"), "Further recalling the provisions"));
        assert!(w.breaks(&format!("{full} markets,"), "Also expressing grave concern at the"));
        let also =
            "Also the Council and the Secretariat, and every other actor of the region and beyond";
        assert!(!w.breaks(&format!("{full} markets,"), also));
        assert!(w.breaks("ii) Désarmement, démobilisation et stabilisation", "h) Offrir ses bons"));
        assert!(!w.breaks("of the", "continued text"));
        assert!(w.breaks(&format!("{full} every three months including:"), "– updates on"));
        assert!(!w.breaks(&format!("{full} the region"), "– including its"));
        assert!(w.breaks(&format!("{full} of the UN development system;"), "Reports:"));
        assert!(
            w.breaks(&format!("{full} en République centrafricaine ;"), "Cour pénale spéciale :")
        );
        assert!(w.breaks(&format!("{full} ;"), "État de droit\u{a0}:"));
        assert!(!w.breaks(&format!("{full},"), "Priority measures to be taken before the end:"));
        assert!(w.breaks(&format!("{full} resolution;"), "To assist the 1267 Committee and the"));
        assert!(w.breaks(&format!("{full} have changed; and/or"), "(ii) the petitioner’s"));
        let following = format!("{} by the following:", "x".repeat(80));
        assert!(w.breaks(&following, "“Authorises all Member States, acting nationally or through"));
        assert!(
            !w.breaks(&following, "“authorises all Member States, acting nationally or through")
        );
        assert!(!w.breaks(&format!("{full} following"), "“Authorises all Member States, acting"));
        // S/RES/2640 (2022) FR, the item before ending a full line.
        assert!(w.breaks(&format!("{full} respectifs ;"), "Aider le Comité faisant suite aux"));
        assert!(!w.breaks(&format!("{full} ;"), &format!("Peter Maurer et le Comité {full}")));
        assert!(!w.breaks(&format!("{full} respectifs,"), "Aider le Comité faisant suite aux"));
        assert!(w.breaks("II", "Activities of the Independent Audit Advisory Committee"));
        let heading = format!("{} et la paix durable", "x".repeat(57));
        assert!(w.breaks(&heading, "a) Appuyer, au moyen de ses bons offices"));
        assert!(w.breaks(&heading, "(i) Assist the political transition"));
        assert!(!w.breaks(&heading, "iv) achever la démobilisation"));
        assert!(!w.breaks(&format!("{full} durable"), "a) Appuyer"));
        let task =
            format!("(d) Facilitate the delivery of humanitarian assistance {}", "x".repeat(20));
        assert!(w.breaks(&task, "To improve coordination with all humanitarian actors"));
        assert!(!w.breaks(&format!("{full} humanitarian assistance"), "To improve"));
        assert!(w.breaks(&format!("{full} (“the petitioner”)."), "The Council recalls that"));
        assert!(w.breaks(&format!("{full} (le « requérant »)."), "Le Conseil rappelle que"));
        assert!(!w.breaks(&format!("{full} States."), "The Council of Europe and"));
        assert!(!w.breaks(&format!("{full} requests"), "The Council recalls"));
        assert!(Layout::LinePerParagraph.breaks("I", "Activities of the Office"));
        assert!(!Layout::LinePerParagraph.breaks("(i)", "Activities of the Office"));
        assert!(Layout::LinePerParagraph.breaks("Recalling its resolution,", "Noting"));
        assert!(Layout::LinePerParagraph.breaks("Dérogations", "ii)"));
        let houthis = "THE HOUTHIS, AKA: ANSARALLAH, AKA: ANSAR ALLAH, AKA: PARTISANS OF GOD,";
        assert!(!w.breaks(&format!("{houthis}{}", " GOD".repeat(5)), "AKA: SUPPORTERS OF GOD"));
        assert!(!w.breaks(houthis, "AKA: SUPPORTERS OF GOD"));
        assert!(w.breaks("UNITED NATIONS", "SECURITY COUNCIL"));
        assert!(w.breaks(&format!("{full} region;"), "UNITED NATIONS SUPPORT OFFICE"));
        assert!(!Layout::LinePerParagraph.breaks("ii)", "19. Réaffirme que l’embargo"));
        let title = "Activités du Comité consultatif indépendant pour les questions d’audit";
        assert!(w.ends_heading(title, "Rappelant ses résolutions 61/275 du 29 juin 2007"));
        assert!(w.ends_heading(title, "1. Prend note avec satisfaction"));
        assert!(!w.ends_heading("Activities of the Office of the", "Recalling"));
        assert!(!w.ends_heading(title, "et du Bureau"));
        assert!(!Layout::BlankLines.ends_heading(title, "Rappelant"));
        let item = "Review of the efficiency of the administrative and financial functioning of the United Nations";
        assert!(w.breaks_cover(item, "Report on the activities of the Office"));
        assert!(
            !w.breaks_cover("Review of the efficiency of the functioning of the", "United Nations")
        );
        assert!(!w.breaks_cover(item, "and of the Office"));
        assert!(!Layout::BlankLines.breaks_cover(item, "Report on the activities"));
        assert!(!Layout::LinePerParagraph.breaks("Requests the Centre to", "and to undertake"));
        assert!(Layout::LinePerParagraph.breaks("c) Protection des civils", "i) Assurer, sans"));
        let item = "– des informations sur le transfert progressif des tâches de la MONUSCO ;";
        assert!(Layout::LinePerParagraph.breaks(item, "et prie également le Secrétaire général"));
        assert!(Layout::LinePerParagraph.breaks(item, "et, dans le cadre des opérations"));
        assert!(!Layout::LinePerParagraph.breaks(item, "et des autres parties"));
        assert!(!Layout::LinePerParagraph.breaks("la MONUSCO", "et prie également"));
        assert!(w.breaks("to adapt to floods, drought, and locusts;", "and, in the context of"));
        assert!(!w.breaks(&format!("{full} locusts;"), "and, in the context of"));
        let bullet = "• Tenues de protection balistique, comme suit :";
        assert!(Layout::LinePerParagraph.breaks(bullet, "o Protection pare-éclats fabriquée"));
        assert!(!Layout::LinePerParagraph.breaks(bullet, "ou vêtements de protection"));
        assert!(
            Layout::LinePerParagraph.breaks("ii. removing restrictions and,", "iii. protecting")
        );
        // Parts, items and bullets of S/RES/2607 (2021), whatever the line before ends on.
        let technology =
            "Explosive materials, explosives precursors, explosive-related equipment, and related";
        assert!(w.breaks(&format!("{technology} technology"), "Partie I"));
        assert!(w.breaks(&format!("{full} of the FGS"), "• All types of weapons with a calibre"));
        assert!(
            w.breaks(&format!("{full} du droit"), "Part 2: supporting state- and peace-building")
        );
        assert!(w.breaks(&format!("{full} Somalie ;"), "2a : Réforme du secteur de la sécurité"));
        assert!(w.breaks(&format!("{full} law;"), "1b: Maritime Interdiction and improving"));
        assert!(!w.breaks(&format!("{full} identified in"), "Part I of Annex C to this resolution"));
        assert!(!w.breaks(&format!("{full} set out in"), "Part I"));
    }
}
