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
///
/// The pages are interpreted on all cores, each with a handler of our own that keeps only
/// what the layout reads (text, box, font, size; horizontal rules): the library's own page
/// model also builds colours, curves, images, word boxes and a bidi pass for every glyph,
/// which took a third of the time of reading a resolution. The glyph boxes are the library's
/// (`char_from_event`, the function its page model calls), so the layout sees the same
/// numbers. A rotated page (a landscape annex) goes through the library's page model, which
/// turns its glyphs upright.
pub(super) fn pages(bytes: &[u8], limit: Option<usize>) -> Result<Vec<Page>, Failure> {
    use pdfplumber::PdfError;
    use pdfplumber_parse::{LopdfBackend, PdfBackend};
    use rayon::prelude::*;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Failure::Damaged(format!("larger than {MAX_INPUT_BYTES} bytes")));
    }
    // The library opens a file encrypted with the empty user password by itself.
    let doc =
        LopdfBackend::open(bytes).map_err(|e| failure(PdfError::from(e).during("open bytes")))?;
    let count = LopdfBackend::page_count(&doc).min(MAX_PAGES).min(limit.unwrap_or(usize::MAX));
    let options = options();
    // `None` for a rotated page, read below.
    let read: Vec<Option<Page>> = (0..count)
        .into_par_iter()
        .map(|index| {
            let page = LopdfBackend::get_page(&doc, index)
                .map_err(|e| failure(PdfError::from(e).during("load page").at_page(index)))?;
            let rotation = LopdfBackend::page_rotate(&doc, &page)
                .map_err(|e| failure(PdfError::from(e).during("read page rotation")))?;
            if rotation != 0 {
                return Ok(None);
            }
            let media_box = LopdfBackend::page_media_box(&doc, &page)
                .map_err(|e| failure(PdfError::from(e).during("read page media box")))?;
            // The height the library flips y by (`Pdf::from_doc`): it folds a media box that
            // does not start at the origin into the page height.
            let y_min = media_box.top.min(media_box.bottom);
            let flip = media_box.height().abs() + media_box.top - y_min;
            let mut handler = Collect { height: flip, ..Collect::default() };
            LopdfBackend::interpret_page(&doc, &page, &mut handler, &options).map_err(|e| {
                failure(PdfError::from(e).during("interpret page content").at_page(index))
            })?;
            if handler.objects > MAX_OBJECTS_PER_PAGE {
                return Err(Failure::Damaged(format!(
                    "page {} draws more than {MAX_OBJECTS_PER_PAGE} objects",
                    index + 1
                )));
            }
            let geometry = pdfplumber_parse::PageGeometry::new(media_box, None, 0);
            Ok(Some(Page {
                width: geometry.width(),
                height: geometry.height(),
                glyphs: handler.glyphs,
                rules: handler.rules,
            }))
        })
        .collect::<Result<_, Failure>>()?;
    // The library's page model, opened once for all the rotated pages.
    let mut model = None;
    read.into_iter()
        .enumerate()
        .map(|(index, page)| match page {
            Some(page) => Ok(page),
            None => {
                let pdf = match &mut model {
                    Some(pdf) => pdf,
                    None => model.insert(
                        pdfplumber::Pdf::open_bytes(bytes, Some(options.clone()))
                            .map_err(failure)?,
                    ),
                };
                rotated_page(pdf, index)
            }
        })
        .collect()
}

/// The library's limits, the same for every way in.
fn options() -> pdfplumber::ExtractOptions {
    pdfplumber::ExtractOptions {
        max_objects_per_page: MAX_OBJECTS_PER_PAGE,
        max_pages: Some(MAX_PAGES),
        max_input_bytes: Some(MAX_INPUT_BYTES),
        ..pdfplumber::ExtractOptions::default()
    }
}

fn failure(e: pdfplumber::PdfError) -> Failure {
    use pdfplumber::PdfErrorKind;
    match e.kind() {
        PdfErrorKind::PasswordRequired | PdfErrorKind::InvalidPassword => Failure::Password,
        _ => Failure::Damaged(e.to_string()),
    }
}

/// The rule a drawn line or rectangle is when it is horizontal and thin.
fn rule(x0: f64, x1: f64, top: f64, bottom: f64) -> Option<Rule> {
    ((bottom - top).abs() <= RULE_MAX_HEIGHT && x1 - x0 > RULE_MAX_HEIGHT).then(|| Rule {
        x0,
        x1,
        y: (top + bottom) / 2.0,
    })
}

/// The glyph of an upright character, as the layout reads it.
fn glyph(c: pdfplumber::Char) -> Option<Glyph> {
    c.upright.then_some(Glyph {
        text: c.text,
        x0: c.bbox.x0,
        x1: c.bbox.x1,
        top: c.bbox.top,
        bottom: c.bbox.bottom,
        font: c.fontname,
        size: c.size,
    })
}

/// What the interpreter reports of one page, kept as the layout reads it.
#[derive(Default)]
struct Collect {
    /// The height y is flipped by, so that `top` grows down the page.
    height: f64,
    /// Every object drawn, kept or not, against `MAX_OBJECTS_PER_PAGE`.
    objects: usize,
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
}

impl pdfplumber_parse::ContentHandler for Collect {
    fn on_char(&mut self, event: pdfplumber_parse::CharEvent) {
        self.objects += 1;
        if self.objects > MAX_OBJECTS_PER_PAGE {
            return;
        }
        let c = pdfplumber_parse::char_from_event(&event, self.height, None, None);
        self.glyphs.extend(glyph(c));
    }

    fn on_path_painted(&mut self, event: pdfplumber_parse::PathEvent) {
        use pdfplumber::{Color, DashPattern, PaintedPath, Path};
        use pdfplumber_parse::PaintOp;
        self.objects += 1;
        if self.objects > MAX_OBJECTS_PER_PAGE || self.rules.len() >= MAX_RULES_PER_PAGE {
            return;
        }
        // As the library's page model paints it (`path_event_to_painted_path`); only the
        // shapes' geometry is read.
        let painted = PaintedPath {
            path: Path { segments: event.segments },
            stroke: matches!(event.paint_op, PaintOp::Stroke | PaintOp::FillAndStroke),
            fill: matches!(event.paint_op, PaintOp::Fill | PaintOp::FillAndStroke),
            fill_rule: event.fill_rule.unwrap_or_default(),
            line_width: event.line_width,
            stroke_color: Color::black(),
            fill_color: Color::black(),
            dash_pattern: DashPattern::solid(),
            stroke_alpha: 1.0,
            fill_alpha: 1.0,
        };
        let (lines, rects, _) = pdfplumber::extract_shapes(&painted, self.height);
        let lines = lines.iter().map(|l| (l.x0, l.x1, l.top, l.bottom));
        let rects = rects.iter().map(|r| (r.x0, r.x1, r.top, r.bottom));
        // Lines before rectangles within a path; the layout reads rules by position only.
        self.rules.extend(
            lines.chain(rects).filter_map(|(x0, x1, top, bottom)| rule(x0, x1, top, bottom)),
        );
        self.rules.truncate(MAX_RULES_PER_PAGE);
    }
}

/// A page drawn rotated, read through the library's page model.
fn rotated_page(pdf: &pdfplumber::Pdf, index: usize) -> Result<Page, Failure> {
    let page = pdf.pages().get(index).map_err(failure)?;
    let glyphs = page.chars().iter().cloned().filter_map(glyph).collect();
    let mut rules: Vec<Rule> = page
        .lines()
        .iter()
        .map(|l| (l.x0, l.x1, l.top, l.bottom))
        .chain(page.rects().iter().map(|r| (r.x0, r.x1, r.top, r.bottom)))
        .filter_map(|(x0, x1, top, bottom)| rule(x0, x1, top, bottom))
        .collect();
    rules.truncate(MAX_RULES_PER_PAGE);
    Ok(Page { width: page.width(), height: page.height(), glyphs, rules })
}
