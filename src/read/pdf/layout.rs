//! Geometry → text: positioned glyphs become the text the segmenter reads best.

/// One glyph as the page shows it: page space in points, origin at the top left.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Glyph {
    /// What the glyph means (one character, or a ligature's several).
    pub text: String,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge (the font's descent below the baseline).
    pub bottom: f64,
    /// Font name (`ABCDEF+TimesNewRoman`).
    pub font: String,
    /// Font size in points.
    pub size: f64,
}

/// A horizontal drawn line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Rule {
    /// Left end.
    pub x0: f64,
    /// Right end.
    pub x1: f64,
    /// Height on the page.
    pub y: f64,
}

/// One page.
#[derive(Debug, Clone, Default)]
pub(super) struct Page {
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// The glyphs, in content order.
    pub glyphs: Vec<Glyph>,
    /// Horizontal drawn lines.
    pub rules: Vec<Rule>,
}

use std::collections::{HashMap, HashSet};

// Tuned numbers. They come from the geometry of Word-made UN PDFs (A/RES/70/10 as served by
// ODS, and the LibreOffice renderings of the fixtures): 10–12 pt Times body text, 12 pt line
// pitch, paragraphs 6 pt apart or 36 pt first-line indents, superscripts at 65 % size.

/// Glyphs whose bottoms differ by less than this share of their font size sit on one line
/// (a 20 pt initial and the 10 pt rest of "A/RES/70/10" differ by 2.2 pt; a superscript
/// "1" sits 5.3 pt above its 10 pt line).
const SAME_LINE_EM: f64 = 0.3;
/// A line of digits at most this share of the size of the line it overlaps is a superscript
/// (footnote markers are 5.5–6.5 pt against 8.5–10 pt text).
const SUPERSCRIPT_RATIO: f64 = 0.8;
/// A gap wider than this share of the font size between two glyphs is a word space
/// (Times's space is 0.25 em; justification only widens it; kerning is under 0.05 em).
const WORD_GAP_EM: f64 = 0.12;
/// A gap wider than this many font sizes splits a line into columns (the masthead's two
/// sides, the running header's symbol and title are 100–300 pt apart; a tab after "1." is
/// under 3 em in UN files).
const COLUMN_GAP_EM: f64 = 4.0;
/// The top and bottom bands of a page (shares of its height) hold the running header and the
/// footer (job number, bar code, "Please recycle", page number): 53–63 pt from the top and
/// 50–73 pt from the bottom of a 792 pt page; body text and footnotes end above 716 pt.
const HEADER_BAND: f64 = 0.10;
const FOOTER_BAND: f64 = 0.10;
/// The running header stands apart from the text below it: a gap of at least this many font
/// sizes between a line's foot and the next line's top (12–25 pt under the header, under 2 pt
/// between the lines of a paragraph at a 12 pt pitch). Text that starts high on a page, inside
/// the header band but at the text's pitch, is text; the same holds for the footer and text
/// that runs low on a page.
const HEADER_GAP_EM: f64 = 1.0;
/// The first page's footer can reach higher (on A4, the job number of S/RES/2729 (2024) stands
/// 88 pt above the foot, 10.4 % of the page), up to this share of the page height, when a
/// wider gap sets it apart: this many font sizes (23 pt there, against 13 pt at most between
/// two paragraphs of body text).
const FOOTER_REACH: f64 = 0.13;
const FOOTER_APART_EM: f64 = 2.0;
/// A vertical step larger than this many line pitches starts a paragraph (UN files put 6 pt
/// between paragraphs: 18 pt steps against a 12 pt pitch).
const PARAGRAPH_GAP_PITCHES: f64 = 1.3;
/// A line starting this many font sizes right of the left margin is a first line (UN first
/// lines are indented 36 pt; a space glyph drawn at the margin is skipped).
const INDENT_EM: f64 = 1.0;
/// The width of a space, in font sizes (Times and Liberation Serif: 0.25 em), for the test
/// whether the next line's first word would have fitted at the end of a line.
const SPACE_EM: f64 = 0.25;
/// The masthead's large type (organ, "United Nations", the symbol) is at least this many
/// body sizes (14–20 pt against 10 pt).
const MASTHEAD_BIG: f64 = 1.3;
/// A drawn rule at least this share of the page width wide, in the top third of page 1, closes
/// the masthead (Word's masthead has full-width rules under the organ).
const MASTHEAD_RULE_SHARE: f64 = 0.5;
/// A footnote rule is narrower than this share of the text width (Word's is 1.5 in of 6.1 in).
const FOOTNOTE_RULE_SHARE: f64 = 0.5;
/// Furniture and body rules: a text line of at least this many underscores is a rule.
const TEXT_RULE_MIN: usize = 5;

/// The separator written before the footnotes, as the DOCX reader writes it.
const FOOTNOTE_SEPARATOR: &str = "_______________";

/// One glyph placed on a line: its text, extent, size and whether it is raised.
#[derive(Debug, Clone)]
struct Placed {
    text: String,
    x0: f64,
    x1: f64,
    size: f64,
    superscript: bool,
}

/// A line of glyphs (sorted left to right).
#[derive(Debug, Clone)]
struct Line {
    glyphs: Vec<Placed>,
    top: f64,
    bottom: f64,
    /// The size of the line's text (largest non-superscript glyph).
    size: f64,
}

impl Line {
    fn x0(&self) -> f64 {
        self.glyphs.first().map_or(0.0, |g| g.x0)
    }
    fn x1(&self) -> f64 {
        self.glyphs.last().map_or(0.0, |g| g.x1)
    }
    fn plain(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }
    fn is_text_rule(&self) -> bool {
        let t = self.plain();
        t.chars().count() >= TEXT_RULE_MIN && t.chars().all(|c| c == '_')
    }
}

fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}')
}

/// The characters a glyph stands for: ligatures decomposed, soft hyphens kept for the line
/// joiner to judge.
fn expand(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            // Controls are no text (a tab glyph is a gap, which the geometry already shows).
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Superscript digits, as the DOCX reader writes footnote markers.
fn superscript(digits: &str) -> String {
    digits
        .chars()
        .map(|c| match c {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '0'..='9' => char::from_u32(0x2070 + (c as u32 - '0' as u32)).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Groups a page's glyphs into lines by their bottoms and attaches superscripts to the line
/// they are raised above.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| !is_blank(&g.text) && g.x1.is_finite() && g.bottom.is_finite())
        .collect();
    sorted.sort_by(|a, b| a.bottom.total_cmp(&b.bottom).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match rows.last_mut() {
            Some(row)
                if (g.bottom - row[0].bottom).abs()
                    <= SAME_LINE_EM * g.size.max(row[0].size).max(1.0) =>
            {
                row.push(g)
            }
            _ => rows.push(vec![g]),
        }
    }
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|row| {
            let mut glyphs: Vec<Placed> = row
                .iter()
                .map(|g| Placed {
                    text: expand(&g.text),
                    x0: g.x0,
                    x1: g.x1,
                    size: g.size,
                    superscript: false,
                })
                .collect();
            glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            Line {
                top: row.iter().map(|g| g.top).fold(f64::INFINITY, f64::min),
                bottom: row.iter().map(|g| g.bottom).fold(f64::NEG_INFINITY, f64::max),
                size: row.iter().map(|g| g.size).fold(0.0, f64::max),
                glyphs,
            }
        })
        .collect();
    // A line of small digits whose bottom falls inside a taller line (the next one down) is
    // that line's superscripts: footnote markers in the body and numbers opening footnotes.
    let mut i = 0;
    while i + 1 < lines.len() {
        let (a, b) = (&lines[i], &lines[i + 1]);
        let digits = a.glyphs.iter().all(|g| g.text.chars().all(|c| c.is_ascii_digit()));
        if digits && a.size <= SUPERSCRIPT_RATIO * b.size && a.bottom > b.top && a.bottom < b.bottom
        {
            let mut raised = lines.remove(i);
            let host = &mut lines[i];
            for g in &mut raised.glyphs {
                g.superscript = true;
            }
            host.glyphs.append(&mut raised.glyphs);
            host.glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            host.top = host.top.min(raised.top);
        } else {
            i += 1;
        }
    }
    lines
}

/// Splits a line into columns at gaps wider than [`COLUMN_GAP_EM`].
fn columns(line: &Line) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for g in &line.glyphs {
        match out.last_mut() {
            Some(col) if g.x0 - col.x1() <= COLUMN_GAP_EM * g.size.max(col.size) => {
                col.size = col.size.max(g.size);
                col.glyphs.push(g.clone());
            }
            _ => out.push(Line {
                glyphs: vec![g.clone()],
                top: line.top,
                bottom: line.bottom,
                size: g.size,
            }),
        }
    }
    out
}

/// A line as text: a space at every gap wider than a word space, superscripts as superscript
/// digits glued to what precedes them (or, at the start of a line, as the plain number and a
/// space: a footnote's own number).
fn render(line: &Line) -> String {
    // Raised digits opening the line are a footnote's number, written plain.
    let leading = line.glyphs.iter().take_while(|g| g.superscript).count();
    let mut out = String::new();
    for (i, g) in line.glyphs.iter().enumerate() {
        if i > 0 {
            let p = &line.glyphs[i - 1];
            let space = if i == leading {
                true
            } else {
                // A superscript after text is glued to it.
                let glued = g.superscript && !p.superscript;
                i > leading && !glued && g.x0 - p.x1 > WORD_GAP_EM * g.size.max(p.size)
            };
            if space && !out.ends_with(['\u{a0}', '\u{202f}', ' ']) {
                out.push(' ');
            }
        }
        if g.superscript && i >= leading {
            out.push_str(&superscript(&g.text));
        } else {
            out.push_str(&g.text);
        }
    }
    out
}

/// One thing the page shows, in the order it is written out.
#[derive(Debug)]
enum Item {
    /// A line of running text.
    Body(Line),
    /// A header, footer or masthead piece: a block of its own.
    Furniture(String),
    /// The start of a page after the first.
    PageBreak,
}

/// Joins two wrapped lines: a soft hyphen at the end is removed and the word joined; a hard
/// hyphen is removed only when the joined word occurs elsewhere in the document.
fn join(paragraph: &mut String, next: &str, words: &HashSet<String>) {
    if paragraph.is_empty() {
        paragraph.push_str(next);
        return;
    }
    if let Some(stem) = paragraph.strip_suffix('\u{ad}') {
        let stem = stem.to_owned();
        *paragraph = stem;
        paragraph.push_str(next);
        return;
    }
    if paragraph.ends_with('-') {
        let head: String = paragraph[..paragraph.len() - 1]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        if !head.is_empty() && !tail.is_empty() {
            let joined = format!("{head}{tail}").to_lowercase();
            if words.contains(&joined) {
                paragraph.pop();
            }
            paragraph.push_str(next);
            return;
        }
    }
    paragraph.push(' ');
    paragraph.push_str(next);
}

/// The words of the document, lower-cased, for the hyphen joiner.
fn vocabulary(texts: &[String]) -> HashSet<String> {
    texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The width of a line's first word (up to the first gap wider than a word space).
fn first_word_width(line: &Line) -> f64 {
    let start = line.x0();
    let mut end = start;
    for (i, g) in line.glyphs.iter().enumerate() {
        end = g.x1;
        if let Some(next) = line.glyphs.get(i + 1) {
            if next.x0 - g.x1 > WORD_GAP_EM * g.size.max(next.size) {
                break;
            }
        }
    }
    end - start
}

/// Whether a line opens with a numbering label followed by a tab-wide gap: "1.", "(a)", "(i)".
fn opens_with_label(line: &Line) -> bool {
    let mut label = String::new();
    for (i, g) in line.glyphs.iter().enumerate() {
        label.push_str(&g.text);
        if let Some(next) = line.glyphs.get(i + 1) {
            if next.x0 - g.x1 > 2.0 * WORD_GAP_EM * g.size.max(1.0) * 4.0 {
                return is_label(&label);
            }
        }
        if label.chars().count() > 8 {
            return false;
        }
    }
    false
}

fn is_label(s: &str) -> bool {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        return !inner.is_empty() && inner.chars().all(|c| c.is_alphanumeric());
    }
    s.strip_suffix('.').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The most frequent value among `values`, rounded to the point.
fn mode(values: impl Iterator<Item = f64>) -> Option<f64> {
    let counts = counts_by_point(values);
    counts.into_iter().max_by_key(|&(v, n)| (n, -v)).map(|(v, _)| v as f64)
}

/// How many of `values` round to each point.
fn counts_by_point(values: impl Iterator<Item = f64>) -> HashMap<i64, usize> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for v in values {
        *counts.entry(v.round() as i64).or_default() += 1;
    }
    counts
}

/// The value with the most values within a point of it, rounded to the point: where lines
/// justified to one margin end, which rounding alone can split between two points (538.4 and
/// 538.6), leaving a short text's two full lines no more frequent than any cover line.
/// With it, how many values lie within a point of it.
fn mode_within_a_point(values: impl Iterator<Item = f64>) -> Option<(f64, usize)> {
    let counts = counts_by_point(values);
    let near =
        |v: i64| (v - 1..=v + 1).map(|w| counts.get(&w).copied().unwrap_or(0)).sum::<usize>();
    counts
        .keys()
        .map(|&v| (near(v), counts[&v], v))
        .max_by_key(|&(n, c, v)| (n, c, -v))
        .map(|t| (t.2 as f64, t.0))
}

/// The document as text: see the module documentation of `read::pdf`.
pub(super) fn text(pages: &[Page]) -> String {
    let mut items: Vec<Item> = Vec::new();
    // Masthead pieces: (small type, row, left edge, text).
    let mut masthead: Vec<(bool, usize, f64, String)> = Vec::new();
    let mut notes: Vec<Line> = Vec::new();
    let all_lines: Vec<Vec<Line>> = pages.iter().map(|p| lines(&p.glyphs)).collect();
    // What the running header says on the pages after the first, page numbers aside: a line
    // at the top of page 1 that says the same is a running header too.
    let running: HashSet<String> = pages
        .iter()
        .zip(&all_lines)
        .skip(1)
        .flat_map(|(page, ls)| {
            let cut = header_cut(ls, page_height(page));
            ls.iter().filter(move |l| l.bottom <= cut).map(header_key)
        })
        .collect();
    for ((p, page), mut page_lines) in pages.iter().enumerate().zip(all_lines) {
        if p > 0 {
            items.push(Item::PageBreak);
        }
        let height = page_height(page);
        // The masthead closes at the lowest wide rule in the top third of page 1.
        let masthead_end =
            (p == 0).then(|| wide_rule(page, height)).flatten().unwrap_or(f64::NEG_INFINITY);
        // The footnote area opens at a short rule near the foot, with only smaller type below.
        let body_size = mode(page_lines.iter().map(|l| l.size)).unwrap_or(10.0);
        let header_end = header_cut(&page_lines, height);
        let footer_start = footer_cut(&page_lines, height);
        let footnote_start = footnote_rule(page, &page_lines, footer_start, body_size);
        let mut masthead_row = 0;
        // The header and the body in the order of their lines: on page 1, a line that repeats
        // the running header may come after the first lines of the cover ("Nations Unies" /
        // "S/RES/2797 (2025)").
        let mut top = Vec::new();
        let mut footer = Vec::new();
        for line in page_lines.drain(..) {
            if line.bottom <= masthead_end {
                masthead_row += 1;
                let big = line.size >= MASTHEAD_BIG * body_size;
                for col in columns(&line) {
                    let big = big && col.size >= MASTHEAD_BIG * body_size;
                    masthead.push((!big, masthead_row, col.x0(), render(&col)));
                }
            } else if line.top >= footer_start {
                footer.push(line);
            } else if footnote_start.is_some_and(|y| line.top >= y) {
                if !line.is_text_rule() {
                    notes.push(line);
                }
            } else if line.is_text_rule() && footnote_start.is_some_and(|y| line.bottom >= y - 1.0)
            {
                // The footnote rule drawn as text: the separator written before the notes
                // stands for it.
            } else if line.bottom <= header_end && (p > 0 || running.contains(&header_key(&line))) {
                // The top of the first page is the masthead or the start of the text in UN
                // files, unless it repeats the running header of the other pages.
                top.extend(columns(&line).iter().map(|col| Item::Furniture(render(col))));
            } else {
                top.push(Item::Body(line));
            }
        }
        items.append(&mut top);
        for line in footer {
            for col in columns(&line) {
                items.push(Item::Furniture(render(&col)));
            }
        }
    }
    // The masthead's large type first ("United Nations", the symbol, the organ), then its small
    // type (distribution, date), each in reading order: the order the cover lines of UN texts
    // have when typed or extracted from Word, which the segmenter reads as the cover.
    masthead.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.total_cmp(&b.2)));
    let mut blocks: Vec<String> = masthead.into_iter().map(|m| m.3).collect();
    blocks.extend(paragraphs(&items));
    let notes = footnotes(&notes);
    if !notes.is_empty() {
        blocks.push(FOOTNOTE_SEPARATOR.to_owned());
        blocks.extend(notes);
    }
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block);
    }
    out.push('\n');
    out
}

/// How far down the running header reaches: the foot of the lowest line in the header band
/// that a gap sets apart from the line after it (all of the band when none is).
fn header_cut(lines: &[Line], height: f64) -> f64 {
    let band = height * HEADER_BAND;
    lines
        .windows(2)
        .take_while(|w| w[0].bottom <= band)
        .filter(|w| w[1].top - w[0].bottom >= HEADER_GAP_EM * w[0].size.max(w[1].size))
        .map(|w| w[0].bottom)
        .last()
        .unwrap_or(band)
}

/// Where the footer begins: the top of the highest line in the footer band that a gap sets
/// apart from the line before it (all of the band when none is).
fn footer_cut(lines: &[Line], height: f64) -> f64 {
    let band = height * (1.0 - FOOTER_BAND);
    let reach = height * (1.0 - FOOTER_REACH);
    lines
        .windows(2)
        .rev()
        .take_while(|w| w[1].top >= reach)
        .filter(|w| {
            let apart = if w[1].top >= band { HEADER_GAP_EM } else { FOOTER_APART_EM };
            w[1].top - w[0].bottom >= apart * w[0].size.max(w[1].size)
        })
        .map(|w| w[1].top)
        .last()
        .unwrap_or(band)
}

/// A page's height, or Letter's when the file gives none.
fn page_height(page: &Page) -> f64 {
    if page.height > 0.0 {
        page.height
    } else {
        792.0
    }
}

/// A header line's text without its digits, to compare running headers across pages.
fn header_key(line: &Line) -> String {
    line.plain().chars().filter(|c| !c.is_ascii_digit()).collect()
}

fn wide_rule(page: &Page, height: f64) -> Option<f64> {
    // Collinear pieces (Word draws the masthead rule in three) are measured together.
    let mut by_y: HashMap<i64, (f64, f64)> = HashMap::new();
    for r in page.rules.iter().filter(|r| r.y < height / 3.0) {
        let e = by_y.entry(r.y.round() as i64).or_insert((r.x0, r.x1));
        e.0 = e.0.min(r.x0);
        e.1 = e.1.max(r.x1);
    }
    by_y.into_iter()
        .filter(|(_, (x0, x1))| x1 - x0 >= MASTHEAD_RULE_SHARE * page.width)
        .map(|(y, _)| y as f64)
        .max_by(f64::total_cmp)
}

fn footnote_rule(page: &Page, lines: &[Line], footer: f64, body_size: f64) -> Option<f64> {
    let height = page_height(page);
    let left = mode(lines.iter().map(Line::x0))?;
    let right = mode(lines.iter().map(Line::x1))?;
    let width = (right - left).max(1.0);
    let drawn = page
        .rules
        .iter()
        .filter(|r| r.y > height / 2.0 && r.x1 - r.x0 < FOOTNOTE_RULE_SHARE * width)
        .filter(|r| (r.x0 - left).abs() <= body_size)
        .map(|r| r.y);
    let typed = lines
        .iter()
        .filter(|l| l.is_text_rule() && l.top > height / 2.0)
        .filter(|l| l.x1() - l.x0() < FOOTNOTE_RULE_SHARE * width)
        .map(|l| l.bottom);
    drawn
        .chain(typed)
        .filter(|&y| {
            let below: Vec<&Line> = lines
                .iter()
                .filter(|l| l.top >= y && l.top < footer && !l.is_text_rule())
                .collect();
            !below.is_empty() && below.iter().all(|l| l.size < body_size)
        })
        .min_by(f64::total_cmp)
}

/// Footnote lines as footnotes: one opens at a line starting with a raised number (or a
/// number and a gap), and runs until the next.
fn footnotes(lines: &[Line]) -> Vec<String> {
    let texts: Vec<String> = lines.iter().map(render).collect();
    let words = vocabulary(&texts);
    let mut out: Vec<String> = Vec::new();
    for (line, text) in lines.iter().zip(&texts) {
        let opens = line.glyphs.first().is_some_and(|g| g.superscript)
            || text
                .split(' ')
                .next()
                .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
        match out.last_mut() {
            Some(note) if !opens => join(note, text, &words),
            _ => out.push(text.clone()),
        }
    }
    out
}

/// Body lines as paragraphs; furniture and page breaks met inside a paragraph are written after
/// it, so that a paragraph cut by a page is one block.
fn paragraphs(items: &[Item]) -> Vec<String> {
    let body: Vec<&Line> = items
        .iter()
        .filter_map(|i| match i {
            Item::Body(l) => Some(l),
            _ => None,
        })
        .collect();
    // The right margin is where most lines that reach past the middle of the text end: a
    // one-page text's cover lines (S/RES/2787 (2025): seven of them, two full body lines)
    // end anywhere left of it, two of them within a point of each other as often as not.
    let reach = body.iter().map(|l| l.x1()).fold(f64::NEG_INFINITY, f64::max);
    let start = body.iter().map(|l| l.x0()).fold(f64::INFINITY, f64::min);
    let middle = (start + reach) / 2.0;
    // Where no two of them end together, no line is full (a one-page text of one-line
    // paragraphs, S/RES/2661 (2022)): the margin is where the longest ends.
    let right = match mode_within_a_point(body.iter().map(|l| l.x1()).filter(|&x| x > middle)) {
        Some((x, n)) if n > 1 => x,
        Some(_) => reach,
        None => 0.0,
    };
    // The text block is measured on the lines that run to the right margin: lines a paragraph
    // wraps. Cover lines (title, session, agenda item) start further left than the body in
    // UN resolutions and can outnumber it on a one-page text; they are seldom full width.
    let full = |l: &&&Line| (l.x1() - right).abs() <= l.size;
    let left = mode(body.iter().filter(full).map(|l| l.x0()))
        .or_else(|| mode(body.iter().map(|l| l.x0())))
        .unwrap_or(0.0);
    let width = (right - left).max(1.0);
    // The line pitch inside a paragraph: the step after a wrapped line.
    let step = |w: &[&Line]| w[1].bottom - w[0].bottom;
    let pitch = mode(body.windows(2).filter(|w| full(&&w[0])).map(step).filter(|d| *d > 0.0))
        .or_else(|| mode(body.windows(2).map(step).filter(|d| *d > 0.0)))
        .unwrap_or(12.0);
    let texts: Vec<String> = body.iter().map(|l| render(l)).collect();
    let words = vocabulary(&texts);

    let mut out = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    let mut prev: Option<&Line> = None;
    let mut crossed_page = false;
    let mut n = 0;
    for item in items {
        match item {
            Item::PageBreak => {
                crossed_page = true;
                pending.push("\x0c".into());
            }
            Item::Furniture(text) => {
                pending.push(text.clone());
                if current.is_none() {
                    flush_pending_blocks(&mut out, &mut pending);
                }
            }
            Item::Body(line) => {
                let text = &texts[n];
                n += 1;
                let starts = match prev {
                    None => true,
                    Some(p) => {
                        let indented = line.x0() > left + INDENT_EM * line.size;
                        // A line that stops where the next line's first word would have
                        // fitted ends its paragraph: a wrap happens only when a word does not
                        // fit (justified or ragged alike).
                        let short = right - p.x1() > first_word_width(line) + SPACE_EM * line.size;
                        // Or after a clause's end, with a space after it as after any word
                        // ("… the situation in Somalia," / "1. Decides …", S/RES/2661 (2022)).
                        let label = opens_with_label(line)
                            // Not a year ("January 15," / "2026.", S/RES/2787 (2025)).
                            || text.split_whitespace().next().is_some_and(|w| w.len() <= 4 && is_label(w))
                                && texts[n - 2].trim_end().ends_with([',', ';', ':', '.']);
                        let right_aligned = (line.x1() - right).abs() <= line.size
                            && (p.x1() - right).abs() <= line.size
                            && p.x0() > left + width / 3.0
                            && line.x0() > left + width / 3.0;
                        let gap =
                            !crossed_page && line.bottom - p.bottom > PARAGRAPH_GAP_PITCHES * pitch;
                        if right_aligned && !gap {
                            false
                        } else {
                            indented || short || label || gap
                        }
                    }
                };
                if starts {
                    if let Some(par) = current.take() {
                        out.push(par);
                    }
                    flush_pending_blocks(&mut out, &mut pending);
                    // A page break with no furniture after it opens this paragraph.
                    let feeds: String = pending.drain(..).collect();
                    current = Some(feeds + text);
                } else if let Some(par) = current.as_mut() {
                    join(par, text, &words);
                }
                prev = Some(line);
                crossed_page = false;
            }
        }
    }
    if let Some(par) = current.take() {
        out.push(par);
    }
    flush_pending_blocks(&mut out, &mut pending);
    out
}

/// Writes furniture pieces as blocks; a page break is glued to the front of the block after
/// it, as pdftotext writes it.
fn flush_pending_blocks(out: &mut Vec<String>, pending: &mut Vec<String>) {
    let mut feeds = String::new();
    for piece in pending.drain(..) {
        if piece.chars().all(|c| c == '\x0c') {
            feeds.push_str(&piece);
        } else {
            out.push(format!("{feeds}{piece}"));
            feeds.clear();
        }
    }
    if !feeds.is_empty() {
        // No furniture after the break: the feed goes before the next block.
        pending.push(feeds);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` from `x`, each 0.5 em wide, on the line whose bottom is `bottom`; a
    /// space advances without a glyph, as a justified gap does.
    fn run(text: &str, x: f64, bottom: f64, size: f64) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in text.chars() {
            let w = 0.5 * size;
            if c != ' ' {
                out.push(Glyph {
                    text: c.to_string(),
                    x0: x,
                    x1: x + w,
                    top: bottom - size,
                    bottom,
                    font: "Times".into(),
                    size,
                });
            }
            x += w;
        }
        out
    }

    fn page(glyphs: Vec<Glyph>) -> Page {
        Page { width: 612.0, height: 792.0, glyphs, rules: Vec::new() }
    }

    #[test]
    fn the_right_margin_is_where_lines_end_within_a_point() {
        // Two justified lines split by rounding, three cover lines each ending elsewhere.
        let ends = [310.2, 180.0, 538.4, 538.6, 402.7];
        assert_eq!(mode(ends.iter().copied()), Some(180.0));
        let right = mode_within_a_point(ends.iter().copied()).unwrap().0;
        assert!((right - 538.5).abs() <= 1.0, "{right}");
    }

    #[test]
    fn a_raised_small_number_is_a_superscript_glued_to_its_word() {
        let mut g = run("for 2014,", 100.0, 300.0, 10.0);
        let end = g.last().unwrap().x1;
        g.extend(run("1", end + 0.3, 295.0, 6.5));
        g.extend(run("and more", end + 8.0, 300.0, 10.0));
        let lines = lines(&g);
        assert_eq!(lines.len(), 1);
        assert_eq!(render(&lines[0]), "for 2014,¹ and more");
    }

    #[test]
    fn a_raised_number_opening_a_line_is_a_footnote_number() {
        let mut g = run("1", 100.0, 705.0, 5.5);
        g.extend(run("See A/70/219.", 103.0, 709.0, 8.5));
        assert_eq!(render(&lines(&g)[0]), "1 See A/70/219.");
    }

    #[test]
    fn ligatures_are_decomposed_and_no_break_spaces_kept() {
        let g = run("e\u{fb03}cient 17\u{a0}November", 100.0, 300.0, 10.0);
        assert_eq!(render(&lines(&g)[0]), "efficient 17\u{a0}November");
    }

    #[test]
    fn a_line_end_hyphen_is_removed_only_when_the_word_occurs_elsewhere() {
        let words = vocabulary(&["the decision-making of the Secretariat".into()]);
        let mut p = "the Secre-".to_owned();
        join(&mut p, "tariat said", &words);
        assert_eq!(p, "the Secretariat said");
        let mut p = "the Secretary-".to_owned();
        join(&mut p, "General said", &words);
        assert_eq!(p, "the Secretary-General said");
        let mut p = "inter\u{ad}".to_owned();
        join(&mut p, "national", &words);
        assert_eq!(p, "international");
    }

    /// A one-page text: seven cover lines, two of them ending within a point of each other,
    /// against two full body lines. The right margin is still the body's, so that each cover
    /// line is a block and each paragraph one (S/RES/2787 (2025)).
    #[test]
    fn the_right_margin_of_a_short_text_is_its_body_not_its_cover() {
        let mut g = Vec::new();
        let cover = ["United Nations", "S/RES/2787 (2025)", "Security Council", "Distr.: General"];
        let more = ["15 July 2025", "Adopted by the Council", "The Security Council,"];
        for (i, line) in cover.iter().chain(&more).enumerate() {
            g.extend(run(line, 100.0, 100.0 + 17.0 * i as f64, 10.0));
        }
        // "Security Council" and "Adopted 15 July." end at the same point; full lines of 72
        // characters from the indent end at 496.
        g.extend(run("Adopted 15 July.", 100.0, 230.0, 10.0));
        let first = "Recalling all its relevant resolutions on the situation in Yemen and the";
        g.extend(run(first, 136.0, 247.0, 10.0));
        g.extend(run("Red Sea,", 100.0, 259.0, 10.0));
        let op = "1. Extends the reporting request in paragraph 10 of resolution 2722 unti";
        g.extend(run(op, 136.0, 276.0, 10.0));
        g.extend(run("15 January 2026.", 100.0, 288.0, 10.0));
        let text = text(&[page(g)]);
        let blocks: Vec<&str> = text.trim_end().split("\n\n").collect();
        assert_eq!(blocks.len(), 10, "{blocks:?}");
        assert_eq!(blocks[8], format!("{first} Red Sea,"));
        assert_eq!(blocks[9], format!("{op} 15 January 2026."));
    }

    /// A one-page text whose paragraphs are one line each, all indented alike, at one pitch:
    /// no two lines end together, so none is full (S/RES/2661 (2022)).
    #[test]
    fn one_line_paragraphs_that_fill_no_line_are_paragraphs_each() {
        let mut g = Vec::new();
        let lines = [
            (100.0, "Adopted by the Security Council at its 9193rd meeting"),
            (100.0, "The Security Council,"),
            (136.0, "Recalling all its previous resolutions and statements of its President on Somalia,"),
            (136.0, "1. Decides to extend resolution 2607 (2021) until 17 November 2022;"),
            (136.0, "2. Decides to remain actively seized of the matter."),
        ];
        for (i, (x, line)) in lines.iter().enumerate() {
            g.extend(run(line, *x, 100.0 + 17.0 * i as f64, 10.0));
        }
        let text = text(&[page(g)]);
        let blocks: Vec<&str> = text.trim_end().split("\n\n").collect();
        assert_eq!(blocks, lines.map(|(_, l)| l), "{text:?}");
    }

    /// On A4 the first page's job number can stand above the footer band (88 pt from the foot
    /// in S/RES/2729 (2024)); set apart by a wide gap it is still footer, and the paragraph
    /// cut by the page is one block. A paragraph that starts that low, at an ordinary
    /// paragraph gap, is text.
    #[test]
    fn a_job_number_set_apart_above_the_footer_band_is_footer() {
        let a4 = |glyphs| Page { width: 595.0, height: 842.0, glyphs, rules: Vec::new() };
        // Lines of 40 characters end at the same right margin; a first line is indented; a
        // paragraph is 18 pt below the last, a line 12 pt below the one before it.
        let mut one = run("    First paragraph opening on a line and", 100.0, 705.0, 10.0);
        one.extend(run("ending here after two lines of some text.", 100.0, 717.0, 10.0));
        one.extend(run("    Another paragraph, cut at the foot of", 100.0, 735.0, 10.0));
        one.extend(run("15-16764 (E)", 60.0, 766.0, 10.0));
        let mut two = run("the page by the page break.", 100.0, 120.0, 10.0);
        two.extend(run("    Third paragraph, low on the page, its", 100.0, 724.0, 10.0));
        two.extend(run("lines at the pitch of text down the page,", 100.0, 736.0, 10.0));
        two.extend(run("ending.", 100.0, 748.0, 10.0));
        two.extend(run("    A paragraph that starts in the reach.", 100.0, 766.0, 10.0));
        let text = text(&[a4(one), a4(two)]);
        assert_eq!(
            text,
            "First paragraph opening on a line and ending here after two lines of some text.\n\n\
             Another paragraph, cut at the foot of the page by the page break.\n\n\
             15-16764 (E)\n\n\x0cThird paragraph, low on the page, its lines at the pitch of \
             text down the page, ending.\n\nA paragraph that starts in the reach.\n"
        );
    }

    /// Two pages: a running header and a page number on page 2, a paragraph cut by the page
    /// break, a footnote below a typed rule on page 1.
    #[test]
    fn furniture_is_set_apart_and_a_cut_paragraph_is_one_block() {
        let justified = |text: &str, x: f64, bottom: f64| {
            // Widen the spaces so that the line ends at the right margin (x = 500).
            let spaces = text.trim_start().matches(' ').count() as f64;
            let extra = (500.0 - x - 5.0 * text.chars().count() as f64) / spaces;
            let mut g = run(text, x, bottom, 10.0);
            let mut words = 0.0;
            let mut prev_x1 = f64::NEG_INFINITY;
            for gl in g.iter_mut() {
                if gl.x0 - prev_x1 > 1.0 && prev_x1.is_finite() {
                    words += 1.0;
                }
                prev_x1 = gl.x1;
                gl.x0 += words * extra;
                gl.x1 += words * extra;
            }
            g
        };
        let mut one = Vec::new();
        one.extend(justified(
            "    The first paragraph opens here and runs on to the end",
            100.0,
            300.0,
        ));
        one.extend(run("of it.", 100.0, 312.0, 10.0));
        one.extend(justified(
            "    The second paragraph starts and runs to the very end of",
            100.0,
            330.0,
        ));
        one.extend(justified(
            "the page where it is cut by the break and it continues to",
            100.0,
            342.0,
        ));
        let end = one.last().unwrap().x1;
        one.extend(run("1", end + 0.2, 338.0, 6.5));
        one.extend(run("_______________", 100.0, 690.0, 10.0));
        one.extend(run("1", 100.0, 705.0, 5.5));
        one.extend(run("See A/70/219.", 103.0, 709.0, 8.5));
        one.extend(run("15-16764 (E)", 60.0, 729.0, 10.0));
        let mut two = run("A/RES/70/10", 60.0, 62.0, 9.0);
        two.extend(run("Running title", 450.0, 62.0, 9.0));
        two.extend(run("the next page.", 100.0, 90.0, 10.0));
        two.extend(run("2/2", 60.0, 741.0, 9.0));
        let text = text(&[page(one), page(two)]);
        assert_eq!(
            text,
            "The first paragraph opens here and runs on to the end of it.\n\n\
             The second paragraph starts and runs to the very end of the page where it is cut \
             by the break and it continues to¹ the next page.\n\n\
             15-16764 (E)\n\n\x0cA/RES/70/10\n\nRunning title\n\n2/2\n\n\
             _______________\n\n1 See A/70/219.\n"
        );
    }

    #[test]
    fn a_first_page_header_repeated_by_the_other_pages_is_set_apart() {
        // A paragraph that ends on its page: full lines (the text's right margin is where most
        // lines end) and a short last line; page 2 opens a paragraph of its own.
        let body = |bottom: f64| {
            let full = "Some text of the body that runs on to the end of its line";
            let mut g = run(full, 100.0, bottom, 10.0);
            g.extend(run(full, 100.0, bottom + 12.0, 10.0));
            g.extend(run("and ends here.", 100.0, bottom + 24.0, 10.0));
            g
        };
        let with_header = |n: &str| {
            let mut g = run(&format!("Report {n}"), 100.0, 50.0, 9.0);
            g.extend(body(300.0));
            page(g)
        };
        let repeated = text(&[with_header("1"), with_header("2")]);
        assert!(repeated.starts_with("Report 1\n\nSome text"), "{repeated}");
        let mut first = run("The title of the text", 100.0, 50.0, 12.0);
        first.extend(body(300.0));
        let alone = text(&[page(first), with_header("2")]);
        // Not repeated: the first page's top line is text (a paragraph of its own here).
        assert!(alone.starts_with("The title of the text\n\nSome text"), "{alone}");
        assert!(alone.contains("\x0cReport 2\n\nSome text"), "{alone}");
    }

    /// A one-page text whose cover lines (at the page's left margin) outnumber the body's lines
    /// (further right): the body's margin is where its full lines start, so its continuation
    /// lines are not read as indented first lines, and the pitch is the body's.
    #[test]
    fn cover_lines_outnumbering_the_body_do_not_set_its_margin() {
        let full = "The text of the body which runs on and on to its margin here";
        let mut g = Vec::new();
        for (i, cover) in
            ["Title", "Session", "Agenda item", "Resolution", "The Assembly,"].iter().enumerate()
        {
            g.extend(run(cover, 60.0, 100.0 + 17.0 * i as f64, 10.0));
        }
        // First lines indented 36 pt, ending at the margin as the full lines do.
        g.extend(run(&full[..full.len() - 4], 136.0, 200.0, 10.0));
        g.extend(run(full, 100.0, 212.0, 10.0));
        g.extend(run("and ends.", 100.0, 224.0, 10.0));
        g.extend(run(&full[..full.len() - 4], 136.0, 241.0, 10.0));
        g.extend(run("and the last.", 100.0, 253.0, 10.0));
        let text = text(&[page(g)]);
        let blocks: Vec<&str> = text.trim_end().split("\n\n").collect();
        assert_eq!(blocks.len(), 7, "{text}");
        assert!(blocks[5].ends_with("margin here and ends."), "{text}");
        assert!(blocks[6].ends_with("and the last."), "{text}");
    }

    /// Text that starts high on a page (inside the header band, at the text's pitch under a
    /// header set apart by a gap) and runs low into the footer band is text; the header and the
    /// page number, set apart by gaps, stay furniture.
    #[test]
    fn text_inside_the_header_and_footer_bands_at_its_pitch_is_text() {
        let full = "Some text of the body that runs on to the end of its line";
        let mut one = run(&format!("    {full}"), 100.0, 690.0, 10.0);
        for i in 1..=5 {
            one.extend(run(full, 100.0, 690.0 + 12.0 * i as f64, 10.0));
        }
        one.extend(run("1", 300.0, 780.0, 9.0));
        let mut two = run("A/RES/1/2", 60.0, 40.0, 9.0);
        two.extend(run(full, 100.0, 66.0, 10.0));
        two.extend(run("the end.", 100.0, 78.0, 10.0));
        let text = text(&[page(one), page(two)]);
        let blocks: Vec<&str> = text.trim_end().split("\n\n").collect();
        assert_eq!(blocks.len(), 3, "{text}");
        assert!(blocks[0].ends_with("end of its line the end."), "{text}");
        assert_eq!(blocks[1], "1");
        assert_eq!(blocks[2], "\x0cA/RES/1/2");
    }
}
