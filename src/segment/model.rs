//! The document model that segmentation produces and every later stage reads.

use std::ops::Range;

/// Language of a document, as told by the caller or guessed from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    En,
    /// French.
    Fr,
    /// Any other language: the paragraph grammar still applies, words are not interpreted.
    Other,
}

impl Language {
    /// ISO 639-1 code used in TMX (`xml:lang`) and file suffixes.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Other => "und",
        }
    }
}

/// What part of a resolution a paragraph belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Cover-page lines: organ, distribution, date, session, agenda item, "Resolution adopted by …".
    Cover,
    /// The title ("58/135. International cooperation …").
    Title,
    /// "The General Assembly," / "L'Assemblée générale," and the other organs.
    Opening,
    /// Unnumbered paragraphs before the first operative paragraph.
    Preamble,
    /// Numbered operative paragraphs ("1.", "2.", "1.1").
    Operative,
    /// Sub-paragraphs ("(a)", "a)", "(i)", "•").
    SubParagraph,
    /// Section and annex headings, article headings and unnumbered headings.
    Heading,
    /// A footnote, with its number.
    Footnote,
    /// The closing: "77th plenary meeting / 22 December 2003".
    Closing,
    /// Any other paragraph (unnumbered paragraph after the preamble, generic text).
    Text,
}

impl Part {
    /// The name outputs use, as serialized: `cover`, `sub_paragraph`, `footnote`…
    pub fn name(self) -> &'static str {
        match self {
            Part::Cover => "cover",
            Part::Title => "title",
            Part::Opening => "opening",
            Part::Preamble => "preamble",
            Part::Operative => "operative",
            Part::SubParagraph => "sub_paragraph",
            Part::Heading => "heading",
            Part::Footnote => "footnote",
            Part::Closing => "closing",
            Part::Text => "text",
        }
    }
}

/// The label of a paragraph: a stable name such as `op.5`, `op.5.a`, `pre.3`, `fn.1`, `title`,
/// `closing`, `annex.op.2`, `sec.II.op.1`, `art.1`.
///
/// `anchor` is true for labels that are written the same way in both languages and so can
/// pair paragraphs without reading them (numbers, footnotes, the opening line, the closing);
/// positional labels (`pre.3`, `cover.2`, `text.4`) are not anchors, since a deleted paragraph
/// shifts them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    /// The label as written in outputs: `op.5`, `op.5.a`, `pre.3`, `fn.1`, `title`.
    pub name: String,
    /// Whether the label pairs paragraphs across the two languages by itself.
    pub anchor: bool,
}

/// One paragraph of a document.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The text, re-flowed onto one line, footnote markers removed, numbering kept as written.
    pub text: String,
    /// What the paragraph is called in outputs.
    pub label: Label,
    /// Which part of the document it belongs to.
    pub part: Part,
    /// Footnote numbers whose markers were glued to this paragraph's words and removed.
    pub markers: Vec<u32>,
    /// Byte range in the decoded source text, from the paragraph's first line to its last.
    pub span: Range<usize>,
    /// Where the paragraph starts in the file the user gave, for reports.
    pub place: Place,
}

/// Where a paragraph starts in its source file: the line of a text file, the page of a PDF
/// (the lines of the text a PDF or Word reader makes are no place a user can go to; a Word
/// file has neither).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    /// 1-based line of a text input.
    pub line: Option<u32>,
    /// 1-based page of a PDF input.
    pub page: Option<u32>,
}

impl Place {
    /// The places of paragraphs starting at `starts` (byte offsets into `text`'s content,
    /// in any order), found in one pass over the text.
    pub fn of(text: &crate::read::Text, starts: &[usize]) -> Vec<Place> {
        use crate::read::InputFormat;
        let wanted = match text.format {
            InputFormat::Text => b'\n',
            InputFormat::Pdf => b'\x0c',
            _ => return vec![Place::default(); starts.len()],
        };
        // Offsets of the line (or page) breaks; a paragraph's place is 1 + those before it.
        let breaks: Vec<usize> = text
            .content
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == wanted)
            .map(|(i, _)| i)
            .collect();
        starts
            .iter()
            .map(|&start| {
                // A form feed opens its page: a paragraph starting on it is on that page.
                let before =
                    breaks.partition_point(|&b| b < start || (b == start && wanted == b'\x0c'));
                let n = Some(1 + before as u32);
                if wanted == b'\n' {
                    Place { line: n, page: None }
                } else {
                    Place { line: None, page: n }
                }
            })
            .collect()
    }

    /// "line 12", "page 3", or "" when unknown.
    pub fn describe(&self) -> String {
        match (self.line, self.page) {
            (Some(l), _) => format!("line {l}"),
            (None, Some(p)) => format!("page {p}"),
            (None, None) => String::new(),
        }
    }
}

/// Why a line of the input is in no paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// A running page header (the document symbol alone on its line).
    PageHeader,
    /// A page number alone on its line.
    PageNumber,
    /// A footnote separator line ("_______________").
    Separator,
    /// The job number on a first page's foot ("23-26261 (E)"), with any bar code or "Please
    /// recycle" on the same line.
    JobNumber,
    /// The bar code's text ("*2326261*").
    BarCode,
    /// The recycling notice ("Please recycle", "Merci de recycler").
    Recycling,
}

impl DropReason {
    /// The name outputs use, as serialized: `page_header`, `page_number`, `separator`,
    /// `job_number`, `bar_code`, `recycling`.
    pub fn name(self) -> &'static str {
        match self {
            DropReason::PageHeader => "page_header",
            DropReason::PageNumber => "page_number",
            DropReason::Separator => "separator",
            DropReason::JobNumber => "job_number",
            DropReason::BarCode => "bar_code",
            DropReason::Recycling => "recycling",
        }
    }
}

/// A line left out of every paragraph, kept so that reports can say what was dropped and why.
#[derive(Debug, Clone)]
pub struct Dropped {
    /// 1-based line number in the decoded source.
    pub line: usize,
    /// The line as it was read.
    pub text: String,
    /// Why it was dropped.
    pub reason: DropReason,
}

/// A segmented document: the paragraphs in order, and what was dropped.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where the text came from (a path, or a name such as `<stdin>`), for messages.
    pub source: String,
    /// The language of the text.
    pub language: Language,
    /// The document symbol ("A/RES/58/135"), when the text carries it.
    pub symbol: Option<String>,
    /// The paragraphs, in document order.
    pub paragraphs: Vec<Paragraph>,
    /// The lines in no paragraph, in document order.
    pub dropped: Vec<Dropped>,
}

impl Document {
    /// A document with this one's source, language and symbol, and no paragraphs.
    pub fn clone_empty(&self) -> Document {
        Document {
            source: self.source.clone(),
            language: self.language,
            symbol: self.symbol.clone(),
            paragraphs: vec![],
            dropped: vec![],
        }
    }

    /// What was dropped, as `-v` says it: "5 lines dropped (bar_code 1, job_number 1,
    /// page_header 1, page_number 1, recycling 1)", reasons in alphabetical order.
    pub fn dropped_summary(&self) -> String {
        let mut counts = std::collections::BTreeMap::<&str, usize>::new();
        for d in &self.dropped {
            *counts.entry(d.reason.name()).or_default() += 1;
        }
        let n = self.dropped.len();
        if counts.is_empty() {
            return format!("{n} lines dropped");
        }
        let each: Vec<String> = counts.iter().map(|(r, c)| format!("{r} {c}")).collect();
        format!("{n} lines dropped ({})", each.join(", "))
    }
}

/// Whether `paragraphs` are an annex's heading and its title ("Annexe A" / "Articles soumis à
/// une procédure …"), which the other language may write as one paragraph ("Annex A – Items
/// subject to a no-objection process").
pub fn annex_heading_and_title(paragraphs: &[Paragraph]) -> bool {
    matches!(paragraphs, [heading, title]
        if heading.part == Part::Heading
            && heading.label.name.starts_with("annex.")
            && !heading.label.name.contains(".op.")
            && title.part == Part::Heading
            && title.label.name.starts_with("head."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{InputFormat, Text};

    #[test]
    fn places_are_lines_of_text_and_pages_of_a_pdf() {
        let mut text = Text::new("t.txt", "one\n\ntwo\nthree\x0cfour\n");
        let starts = [0, 5, 9, 15];
        let lines: Vec<_> = Place::of(&text, &starts).iter().map(Place::describe).collect();
        assert_eq!(lines, ["line 1", "line 3", "line 4", "line 4"]);
        text.format = InputFormat::Pdf;
        // the form feed at 14 opens page 2: a paragraph starting on it is on page 2
        let pages: Vec<_> = Place::of(&text, &[0, 14, 15]).iter().map(Place::describe).collect();
        assert_eq!(pages, ["page 1", "page 2", "page 2"]);
        text.format = InputFormat::Docx;
        assert_eq!(Place::of(&text, &starts)[1].describe(), "");
    }
}
