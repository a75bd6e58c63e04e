//! The one place that names the PDF library: it turns a file into pages of positioned glyphs
//! and drawn rules, so that the layout code (and its tests) never depend on the library and
//! the library can be replaced.

use super::layout::{Glyph, Page, Rule};

/// Pages beyond this are not read: a resolution has tens of pages, a report a few hundred;
/// more is a hostile or foreign file, and reading it would take minutes.
pub(super) const MAX_PAGES: usize = 2_000;
/// Objects (glyphs, paths, images) beyond this on one page make the page an error, which keeps
/// a crafted content stream from using all memory (a dense A4 page holds about 5 000 glyphs).
const MAX_OBJECTS_PER_PAGE: usize = 200_000;
/// A rule is a horizontal drawn line or a rectangle at most this tall (in points): the short
/// rule Word draws above the footnotes is a 0.5–1 pt line or a thin filled rectangle.
const RULE_MAX_HEIGHT: f64 = 2.0;

/// Why a PDF could not be read.
#[derive(Debug)]
pub(super) enum Failure {
    /// The file needs a password other than the empty one.
    Password,
    /// The file is not a PDF the library can open, or a page cannot be interpreted.
    Damaged(String),
}

/// Files larger than this are refused before parsing (the largest UN documents are tens of MB).
const MAX_INPUT_BYTES: usize = 512 * 1024 * 1024;
/// Rules beyond this on one page are not read: the layout looks for the footnote rule among
/// them, and a page of UN text draws a handful (a hatched drawing would draw thousands).
const MAX_RULES_PER_PAGE: usize = 2_000;

/// Reads the pages of the PDF held in `bytes` (the first `limit` of them, when given), glyphs in
/// content order.
pub(super) fn pages(bytes: &[u8], limit: Option<usize>) -> Result<Vec<Page>, Failure> {
    use pdfplumber::{ExtractOptions, PdfErrorKind};
    let options = ExtractOptions {
        max_objects_per_page: MAX_OBJECTS_PER_PAGE,
        max_pages: Some(MAX_PAGES),
        max_input_bytes: Some(MAX_INPUT_BYTES),
        ..ExtractOptions::default()
    };
    let failure = |e: pdfplumber::PdfError| match e.kind() {
        PdfErrorKind::PasswordRequired | PdfErrorKind::InvalidPassword => Failure::Password,
        _ => Failure::Damaged(e.to_string()),
    };
    // The library opens a file encrypted with the empty user password by itself.
    let pdf = pdfplumber::Pdf::open_bytes(bytes, Some(options)).map_err(failure)?;
    let count = pdf.page_count().min(MAX_PAGES).min(limit.unwrap_or(usize::MAX));
    let mut out = Vec::with_capacity(count);
    for index in 0..count {
        let page = pdf.pages().get(index).map_err(failure)?;
        let glyphs = page
            .chars()
            .iter()
            .filter(|c| c.upright)
            .map(|c| Glyph {
                text: c.text.clone(),
                x0: c.bbox.x0,
                x1: c.bbox.x1,
                top: c.bbox.top,
                bottom: c.bbox.bottom,
                font: c.fontname.clone(),
                size: c.size,
            })
            .collect();
        let horizontal = |x0: f64, x1: f64, top: f64, bottom: f64| {
            (bottom - top).abs() <= RULE_MAX_HEIGHT && x1 - x0 > RULE_MAX_HEIGHT
        };
        let mut rules: Vec<Rule> = page
            .lines()
            .iter()
            .filter(|l| horizontal(l.x0, l.x1, l.top, l.bottom))
            .map(|l| Rule { x0: l.x0, x1: l.x1, y: (l.top + l.bottom) / 2.0 })
            .collect();
        rules.extend(
            page.rects().iter().filter(|r| horizontal(r.x0, r.x1, r.top, r.bottom)).map(|r| Rule {
                x0: r.x0,
                x1: r.x1,
                y: (r.top + r.bottom) / 2.0,
            }),
        );
        rules.truncate(MAX_RULES_PER_PAGE);
        out.push(Page { width: page.width(), height: page.height(), glyphs, rules });
    }
    Ok(out)
}
