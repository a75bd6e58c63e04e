//! PDF reading: the glyphs of each page, with their positions, are laid out as the text the
//! segmenter reads best, in the shape the DOCX reader writes (see `read` module docs).

mod backend;
mod layout;

use crate::error::{Error, Result};
use std::path::Path;

/// Glyphs beyond this in a whole document make it an error: a resolution holds tens of
/// thousands; a file with more is not one, and laying it out would take long.
const MAX_GLYPHS: usize = 20_000_000;

/// Reads the PDF in `bytes` (from `path`, named in messages) as text: one paragraph a block,
/// a form feed at the start of each page after the first, furniture as blocks of its own and
/// the footnotes at the end after a `_______________` line. `pages` reads only the first ones.
pub(crate) fn text(bytes: &[u8], path: &Path, pages: Option<usize>) -> Result<String> {
    let fail = |reason: String| Error::Pdf { path: path.to_path_buf(), reason };
    // The library is young: a panic inside it is a file it could not read, not a crash.
    let pages = std::panic::catch_unwind(|| backend::pages(bytes, pages))
        .map_err(|_| fail("damaged PDF: it cannot be read".into()))?
        .map_err(|failure| match failure {
            backend::Failure::Password => {
                fail("encrypted PDF: it needs a password; save a copy without one".into())
            }
            // The library's message, on one line: the error is one line of stderr.
            backend::Failure::Damaged(why) => fail(format!(
                "damaged PDF: {}",
                why.split_whitespace().collect::<Vec<_>>().join(" ")
            )),
        })?;
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if glyphs > MAX_GLYPHS {
        return Err(fail(format!("PDF too large: more than {MAX_GLYPHS} characters")));
    }
    if pages.iter().all(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty())) {
        return Err(fail("no text layer: run OCR first".into()));
    }
    std::panic::catch_unwind(|| layout::text(&pages))
        .map_err(|_| fail("damaged PDF: its layout cannot be read".into()))
}
