//! Word documents: DOCX (Office Open XML), ODT (OpenDocument text) and, through LibreOffice,
//! legacy binary `.doc`.
//!
//! A reader, not a segmenter: it writes the document as the text the segmenter reads best,
//! one paragraph a block, blocks separated by a blank line, and the footnotes at the end after
//! a `_______________` line, each a block that opens with the number Word shows. In the body a
//! footnote marker is that number in superscript digits glued to the word it follows
//! ("thereto;¹"), as the segmenter's marker reader expects. What is read:
//!
//! - DOCX: `word/document.xml` (paragraphs, runs, tables cell by cell in reading order),
//!   `word/footnotes.xml` (the separator footnotes skipped; footnotes numbered in the order of
//!   their first reference, as Word shows them, since their ids are not those numbers),
//!   `word/numbering.xml` and `word/styles.xml` (automatic numbering, rendered as the
//!   paragraph's label: "1. ", "(a) "). Headers and footers are parts of their own and are not
//!   read. Tracked changes are read as accepted (`w:ins` kept, `w:del` dropped), hidden text
//!   (`w:vanish`) is dropped, and a field is read as its result (its instruction dropped).
//!   A tab (`<w:tab/>`) and a line break are a space, a page break ends the paragraph.
//! - ODT: `content.xml` (`text:p`, `text:h`, lists numbered from their list styles, tables,
//!   `text:note` footnotes; tracked deletions, hidden text and annotations dropped).
//! - `.doc`: converted to DOCX by `soffice --headless --convert-to docx` in a temporary folder
//!   when LibreOffice is on the PATH, then read as DOCX; refused otherwise.
//!
//! A ZIP archive is read with bounded memory: a part larger than [`MAX_PART_BYTES`] once
//! decompressed (a ZIP bomb, or no document) is refused, as are damaged and encrypted archives.

use crate::error::{Error, Result};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

/// The largest decompressed size of one part of a DOCX or ODT file that is read (200 MB; the
/// document.xml of a 300-page report is about 5 MB). Larger parts are refused, so that a ZIP
/// bomb cannot exhaust memory.
pub const MAX_PART_BYTES: u64 = 200 << 20;

/// The footnote separator line written before the footnotes.
const SEPARATOR: &str = "_______________";

/// What a ZIP file holds, told from its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Package {
    Docx,
    Odt,
}

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

fn refuse(path: &Path, reason: impl Into<String>) -> Error {
    Error::Encoding { path: path.to_path_buf(), reason: reason.into() }
}

/// Opens a ZIP archive and tells whether it is a DOCX or an ODT file.
pub(super) fn open<'a>(bytes: &'a [u8], path: &Path) -> Result<(Archive<'a>, Package)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| refuse(path, format!("a damaged ZIP archive (a DOCX or ODT file?): {e}")))?;
    if archive.index_for_name("word/document.xml").is_some() {
        return Ok((archive, Package::Docx));
    }
    let odt = match archive.index_for_name("mimetype") {
        Some(_) => part(&mut archive, "mimetype", path)?
            .is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.text")),
        None => false,
    } || archive.index_for_name("content.xml").is_some()
        && archive.index_for_name("META-INF/manifest.xml").is_some();
    if odt {
        return Ok((archive, Package::Odt));
    }
    Err(refuse(
        path,
        "a ZIP archive that is neither a Word document (no word/document.xml) nor an OpenDocument text (no content.xml)",
    ))
}

/// The decompressed bytes of the entry `name`, or None when there is none; refused when the
/// entry is encrypted, damaged or larger than [`MAX_PART_BYTES`].
fn part(archive: &mut Archive<'_>, name: &str, path: &Path) -> Result<Option<Vec<u8>>> {
    let Some(index) = archive.index_for_name(name) else { return Ok(None) };
    let file = match archive.by_index(index) {
        Ok(file) => file,
        Err(zip::result::ZipError::UnsupportedArchive(what)) => {
            return Err(refuse(path, format!("{name}: {what} (an encrypted document?)")))
        }
        Err(e) => return Err(refuse(path, format!("a damaged ZIP archive: {name}: {e}"))),
    };
    if file.encrypted() {
        return Err(refuse(
            path,
            format!("{name} is encrypted: save the document without a password"),
        ));
    }
    let mut out = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| refuse(path, format!("a damaged ZIP archive: {name}: {e}")))?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(refuse(
            path,
            format!(
                "{name} is larger than {} MB once decompressed: refused (a ZIP bomb?)",
                MAX_PART_BYTES >> 20
            ),
        ));
    }
    Ok(Some(out))
}

/// The text of a DOCX or ODT package, in the shape described in the module documentation.
pub(super) fn text(mut archive: Archive<'_>, package: Package, path: &Path) -> Result<String> {
    match package {
        Package::Docx => docx(&mut archive, path),
        Package::Odt => odt(&mut archive, path),
    }
}

/// Paragraphs and numbered footnotes, written as the segmenter reads them.
fn assemble(paragraphs: &[String], notes: &[String]) -> String {
    let mut blocks: Vec<&str> =
        paragraphs.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
    let mut out = blocks.join("\n\n");
    blocks.clear();
    if !notes.is_empty() {
        out.push_str("\n\n");
        out.push_str(SEPARATOR);
        for (k, note) in notes.iter().enumerate() {
            out.push_str(if k == 0 { "\n" } else { "\n\n" });
            out.push_str(&format!("{} {}", k + 1, note.trim()));
        }
    }
    out.push('\n');
    out
}

/// `n` in superscript digits.
/// The superscript digits, zero first, that footnote markers are written with.
const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn superscript(n: usize) -> String {
    n.to_string().bytes().map(|b| SUPERSCRIPT_DIGITS[usize::from(b - b'0')]).collect()
}

fn xml_error(path: &Path, name: &str, e: impl std::fmt::Display) -> Error {
    refuse(path, format!("{name} is not well-formed XML: {e}"))
}

/// The value of the attribute whose local name is `key`.
fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// Whether an on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`) is on.
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off" | "none"))
}

// ----------------------------------------------------------------------------------------------
// DOCX

/// One level of a numbering definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// `word/numbering.xml`: the levels of each abstract numbering, and each numbering instance
/// (`w:num`) with its abstract numbering and start overrides.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
}

/// One `w:num`: its abstract numbering's id, level overrides and start overrides by level.
type Num = (String, HashMap<usize, Level>, HashMap<usize, u32>);

impl Numbering {
    fn parse(xml: &[u8], path: &Path) -> Result<Numbering> {
        let mut n = Numbering::default();
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| xml_error(path, "word/numbering.xml", e))?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"abstractNum" if !empty => abstract_id = attr(&e, b"abstractNumId"),
                    b"num" if !empty => {
                        num_id = attr(&e, b"numId");
                    }
                    b"abstractNumId" => {
                        if let (Some(id), Some(a)) = (&num_id, attr(&e, b"val")) {
                            n.nums.entry(id.clone()).or_default().0 = a;
                        }
                    }
                    b"lvlOverride" if !empty => {
                        override_level = attr(&e, b"ilvl").and_then(|v| v.parse().ok())
                    }
                    b"startOverride" => {
                        if let (Some(id), Some(l), Some(v)) =
                            (&num_id, override_level, attr(&e, b"val").and_then(|v| v.parse().ok()))
                        {
                            n.nums.entry(id.clone()).or_default().2.insert(l, v);
                        }
                    }
                    b"lvl" if !empty => {
                        let ilvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((ilvl, Level { start: 1, ..Level::default() }));
                    }
                    b"start" => {
                        if let (Some((_, l)), Some(v)) =
                            (&mut level, attr(&e, b"val").and_then(|v| v.parse().ok()))
                        {
                            l.start = v;
                        }
                    }
                    b"numFmt" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, attr(&e, b"val")) {
                            l.format = v;
                        }
                    }
                    b"lvlText" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, attr(&e, b"val")) {
                            l.text = v;
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"lvl" => {
                        if let Some((ilvl, l)) = level.take() {
                            if ilvl < 9 {
                                if let Some(id) = &num_id {
                                    if let Some(k) = override_level {
                                        n.nums.entry(id.clone()).or_default().1.insert(k, l);
                                    }
                                } else if let Some(a) = &abstract_id {
                                    let levels = n.abstracts.entry(a.clone()).or_default();
                                    if levels.len() <= ilvl {
                                        levels.resize(ilvl + 1, Level::default());
                                    }
                                    levels[ilvl] = l;
                                }
                            }
                        }
                    }
                    b"abstractNum" => abstract_id = None,
                    b"num" => num_id = None,
                    b"lvlOverride" => override_level = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Ok(n)
    }

    /// The definition of level `ilvl` of numbering `num`.
    fn level(&self, num: &str, ilvl: usize) -> Option<Level> {
        let (abstract_id, levels, starts) = self.nums.get(num)?;
        let mut level = levels
            .get(&ilvl)
            .cloned()
            .or_else(|| self.abstracts.get(abstract_id)?.get(ilvl).cloned())?;
        if let Some(&start) = starts.get(&ilvl) {
            level.start = start;
        }
        Some(level)
    }
}

/// The counters of automatic numbering, per numbering instance and level.
#[derive(Default)]
struct Counters {
    counts: HashMap<String, [Option<u32>; 9]>,
}

impl Counters {
    /// Advances level `ilvl` of `num` (restarting the levels below it) and returns the label.
    fn label(&mut self, numbering: &Numbering, num: &str, ilvl: usize) -> Option<String> {
        let ilvl = ilvl.min(8);
        let this = numbering.level(num, ilvl)?;
        let counts = self.counts.entry(num.to_owned()).or_default();
        counts[ilvl] = Some(counts[ilvl].map_or(this.start, |c| c.saturating_add(1)));
        for c in &mut counts[ilvl + 1..] {
            *c = None;
        }
        if this.format == "bullet" {
            return Some("•".to_owned());
        }
        if this.format == "none" || this.text.is_empty() {
            return None;
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let k = d as usize - 1;
                    let level = numbering.level(num, k).unwrap_or_default();
                    let value = counts[k].unwrap_or(level.start);
                    let format = if k == ilvl { &this.format } else { &level.format };
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim().to_owned();
        (!label.is_empty()).then_some(label)
    }
}

/// A counter value in a Word number format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n, false),
        "upperLetter" => letters(n, true),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

/// a, b, … z, aa, bb, … as Word counts in letters.
fn letters(n: u32, upper: bool) -> String {
    if n == 0 {
        return "0".into();
    }
    let base = if upper { b'A' } else { b'a' };
    let letter = char::from(base + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1).min(50) as usize).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The numbering that paragraph styles carry (`w:style/w:pPr/w:numPr`), with `w:basedOn`.
#[derive(Default)]
struct Styles {
    numbering: HashMap<String, (Option<String>, Option<usize>)>,
    based_on: HashMap<String, String>,
}

impl Styles {
    fn parse(xml: &[u8], path: &Path) -> Result<Styles> {
        let mut s = Styles::default();
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut style: Option<String> = None;
        let mut in_ppr = false;
        loop {
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| xml_error(path, "word/styles.xml", e))?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"style" if !empty => style = attr(&e, b"styleId"),
                    b"pPr" if !empty => in_ppr = true,
                    b"basedOn" => {
                        if let (Some(id), Some(v)) = (&style, attr(&e, b"val")) {
                            s.based_on.insert(id.clone(), v);
                        }
                    }
                    b"numId" if in_ppr => {
                        if let Some(id) = &style {
                            s.numbering.entry(id.clone()).or_default().0 = attr(&e, b"val");
                        }
                    }
                    b"ilvl" if in_ppr => {
                        if let Some(id) = &style {
                            s.numbering.entry(id.clone()).or_default().1 =
                                attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"style" => style = None,
                    b"pPr" => in_ppr = false,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Ok(s)
    }

    /// The numbering of style `id`, looked up along its `basedOn` chain.
    fn numbering_of(&self, id: &str) -> (Option<String>, Option<usize>) {
        let (mut num, mut ilvl) = (None, None);
        let mut at = Some(id.to_owned());
        for _ in 0..20 {
            let Some(style) = at else { break };
            if let Some((n, l)) = self.numbering.get(&style) {
                num = num.or_else(|| n.clone());
                ilvl = ilvl.or(*l);
            }
            at = self.based_on.get(&style).cloned();
        }
        (num, ilvl)
    }
}

/// The footnote numbers shown: ids in the order of their first reference.
#[derive(Default)]
struct NoteOrder {
    ids: Vec<String>,
}

impl NoteOrder {
    fn number(&mut self, id: &str) -> usize {
        match self.ids.iter().position(|i| i == id) {
            Some(k) => k + 1,
            None => {
                self.ids.push(id.to_owned());
                self.ids.len()
            }
        }
    }
}

/// Where a part's paragraphs go: the body, or the footnote with this id.
struct Paragraph {
    note: Option<String>,
    text: String,
}

/// Reads the paragraphs of a WordprocessingML part (the document or the footnotes). In the
/// body, paragraph numbering is rendered as labels and footnote references as superscript
/// numbers (`notes` gives them); in the footnotes part, each paragraph says its footnote, and
/// separator footnotes are skipped.
fn word_paragraphs(
    xml: &[u8],
    name: &str,
    path: &Path,
    numbering: &Numbering,
    styles: &Styles,
    notes: &mut NoteOrder,
) -> Result<Vec<Paragraph>> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut counters = Counters::default();
    // Where we are.
    let mut depth_p = 0usize;
    let mut section_break = false;
    let mut in_ppr = false;
    let mut in_rpr = false;
    let mut in_run = false;
    let mut in_text = false;
    let mut deleted = 0usize;
    let mut skipped = 0usize;
    let mut note: Option<String> = None;
    // Fields: one entry per open field, true while in its instruction.
    let mut fields: Vec<bool> = Vec::new();
    // The run and paragraph being read.
    let mut hidden = false;
    let mut superscript_run = false;
    let mut text = String::new();
    let mut num: (Option<String>, Option<usize>, Option<String>) = (None, None, None);

    let finish = |text: &mut String,
                  num: &mut (Option<String>, Option<usize>, Option<String>),
                  counters: &mut Counters,
                  note: &Option<String>,
                  out: &mut Vec<Paragraph>| {
        let (mut id, mut ilvl) = (num.0.take(), num.1.take());
        if let Some(style) = num.2.take() {
            let (sid, sl) = styles.numbering_of(&style);
            id = id.or(sid);
            ilvl = ilvl.or(sl);
        }
        let body = std::mem::take(text);
        let label = match id {
            Some(id) if id != "0" && note.is_none() => {
                counters.label(numbering, &id, ilvl.unwrap_or(0))
            }
            _ => None,
        };
        let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = match label {
            Some(label) if !body.is_empty() => format!("{label} {body}"),
            _ => body,
        };
        out.push(Paragraph { note: note.clone(), text });
    };

    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| xml_error(path, name, e))?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                let local = local.as_ref();
                if skipped > 0 {
                    if !empty {
                        skipped += 1;
                    }
                    continue;
                }
                match local {
                    b"footnote" | b"endnote" if !empty => {
                        let kind = attr(&e, b"type");
                        if matches!(kind.as_deref(), None | Some("normal")) {
                            note = attr(&e, b"id");
                        } else {
                            skipped = 1;
                        }
                    }
                    // Deleted content, moved-from content, the instruction of a field, and
                    // what Word keeps out of the text flow.
                    b"del" | b"moveFrom" if !empty => deleted += 1,
                    b"instrText" | b"delText" | b"delInstrText" | b"commentReference"
                    | b"annotationRef" | b"footnoteRef" | b"endnoteRef"
                        if !empty =>
                    {
                        skipped = 1
                    }
                    b"p" if !empty => {
                        depth_p += 1;
                        if depth_p > 1 {
                            text.push(' ');
                        }
                    }
                    b"pPr" if !empty => in_ppr = true,
                    b"sectPr" if in_ppr && depth_p == 1 => section_break = true,
                    b"rPr" if !empty => in_rpr = true,
                    b"r" if !empty => {
                        in_run = true;
                        hidden = false;
                        superscript_run = false;
                    }
                    b"numId" if in_ppr && !in_rpr && depth_p == 1 => num.0 = attr(&e, b"val"),
                    b"ilvl" if in_ppr && !in_rpr && depth_p == 1 => {
                        num.1 = attr(&e, b"val").and_then(|v| v.parse().ok())
                    }
                    b"pStyle" if in_ppr && depth_p == 1 => num.2 = attr(&e, b"val"),
                    b"vanish" | b"specVanish" if in_run && in_rpr => hidden = on(&e),
                    b"vertAlign" if in_run && in_rpr => {
                        superscript_run = attr(&e, b"val").as_deref() == Some("superscript")
                    }
                    b"t" if in_run && !empty => in_text = true,
                    b"fldChar" => match attr(&e, b"fldCharType").as_deref() {
                        Some("begin") => fields.push(true),
                        Some("separate") => {
                            if let Some(f) = fields.last_mut() {
                                *f = false;
                            }
                        }
                        Some("end") => {
                            fields.pop();
                        }
                        _ => {}
                    },
                    _ if deleted > 0 || hidden || fields.iter().any(|&f| f) => {}
                    b"tab" | b"ptab" if in_run => text.push('\t'),
                    b"br" | b"cr" if in_run => {
                        if attr(&e, b"type").as_deref() == Some("page") && depth_p == 1 {
                            finish(&mut text, &mut num, &mut counters, &note, &mut out);
                        } else {
                            text.push(' ');
                        }
                    }
                    b"noBreakHyphen" if in_run => text.push('-'),
                    b"footnoteReference" | b"endnoteReference" if in_run => {
                        if let Some(id) = attr(&e, b"id") {
                            if local == b"footnoteReference" {
                                text.push_str(&superscript(notes.number(&id)));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t)
                if in_text
                    && skipped == 0
                    && deleted == 0
                    && !hidden
                    && !fields.iter().any(|&f| f) =>
            {
                let s = t.unescape().map_err(|e| xml_error(path, name, e))?;
                if superscript_run && !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
                    text.push_str(&superscript(s.parse().unwrap_or(0)));
                } else {
                    text.push_str(&s);
                }
            }
            Event::CData(t)
                if in_text
                    && skipped == 0
                    && deleted == 0
                    && !hidden
                    && !fields.iter().any(|&f| f) =>
            {
                text.push_str(&String::from_utf8_lossy(&t));
            }
            Event::End(e) => {
                if skipped > 0 {
                    skipped -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"footnote" | b"endnote" => note = None,
                    b"del" | b"moveFrom" => deleted = deleted.saturating_sub(1),
                    b"p" => {
                        depth_p = depth_p.saturating_sub(1);
                        // A section break (a new page style) ends a Word paragraph where the
                        // text goes on: LibreOffice splits a paragraph so after page 1
                        // ("… le 7 mars" / "2022 et qui …"). One that stops on a word is
                        // carried on in the next.
                        // Footnote markers after the last word do not count ("meeting,12").
                        // A heading before a section break stops on a word too ("Réduction
                        // des effectifs" / "5. Décide …", S/RES/2690 (2023)): a next paragraph
                        // that opens with a label is a paragraph of its own.
                        let cut = std::mem::take(&mut section_break)
                            && text
                                .trim_end()
                                .trim_end_matches(|c: char| {
                                    c.is_ascii_digit() || SUPERSCRIPT_DIGITS.contains(&c)
                                })
                                .ends_with(char::is_alphanumeric)
                            && !next_paragraph_is_labelled(xml, reader.buffer_position());
                        if depth_p == 0 && cut {
                            text.push(' ');
                        } else if depth_p == 0 {
                            finish(&mut text, &mut num, &mut counters, &note, &mut out);
                        }
                    }
                    b"pPr" => in_ppr = false,
                    b"rPr" => in_rpr = false,
                    b"r" => {
                        in_run = false;
                        hidden = false;
                        superscript_run = false;
                    }
                    b"t" => in_text = false,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// Whether the paragraph after byte `from` of a WordprocessingML part opens with a label: an
/// automatic number (`numPr`) or a typed one ("5. ", "(a) ", "b) ").
fn next_paragraph_is_labelled(xml: &[u8], from: u64) -> bool {
    let from = usize::try_from(from).unwrap_or(usize::MAX).min(xml.len());
    let mut reader = Reader::from_reader(&xml[from..]);
    let mut buf = Vec::new();
    let (mut in_p, mut in_text) = (false, false);
    let mut first = String::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"p" => in_p = true,
                b"numPr" if in_p => return true,
                b"t" if in_p => in_text = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                first.push_str(&t.unescape().unwrap_or_default());
                if first.chars().count() >= LABEL_LOOKAHEAD {
                    break;
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" if in_p => break,
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    let first = first.trim_start();
    let digits = first.bytes().take_while(u8::is_ascii_digit).count();
    let letters = |s: &str| s.bytes().take_while(u8::is_ascii_lowercase).count();
    if (1..=3).contains(&digits) {
        first[digits..].starts_with(". ")
    } else {
        let rest = first.strip_prefix('(').unwrap_or(first);
        let n = letters(rest);
        (1..=4).contains(&n) && rest[n..].starts_with(") ")
    }
}

/// Characters of the next paragraph read to find its label.
const LABEL_LOOKAHEAD: usize = 8;

fn docx(archive: &mut Archive<'_>, path: &Path) -> Result<String> {
    let document = part(archive, "word/document.xml", path)?
        .ok_or_else(|| refuse(path, "a Word document without word/document.xml"))?;
    let numbering = match part(archive, "word/numbering.xml", path)? {
        Some(xml) => Numbering::parse(&xml, path)?,
        None => Numbering::default(),
    };
    let styles = match part(archive, "word/styles.xml", path)? {
        Some(xml) => Styles::parse(&xml, path)?,
        None => Styles::default(),
    };
    let mut order = NoteOrder::default();
    let body: Vec<String> =
        word_paragraphs(&document, "word/document.xml", path, &numbering, &styles, &mut order)?
            .into_iter()
            .map(|p| p.text)
            .collect();
    let mut notes: HashMap<String, String> = HashMap::new();
    if let Some(xml) = part(archive, "word/footnotes.xml", path)? {
        let mut inner = NoteOrder::default();
        for p in word_paragraphs(&xml, "word/footnotes.xml", path, &numbering, &styles, &mut inner)?
        {
            if let Some(id) = p.note {
                let t = notes.entry(id).or_default();
                if !t.is_empty() && !p.text.is_empty() {
                    t.push(' ');
                }
                t.push_str(&p.text);
            }
        }
    }
    let notes: Vec<String> =
        order.ids.iter().map(|id| notes.get(id).cloned().unwrap_or_default()).collect();
    Ok(assemble(&body, &notes))
}

// ----------------------------------------------------------------------------------------------
// ODT

/// One level of an ODF list style.
#[derive(Debug, Clone, Default)]
struct ListLevel {
    bullet: bool,
    format: String,
    prefix: String,
    suffix: String,
    display: usize,
    start: u32,
}

/// The list styles of `content.xml` and `styles.xml`, by name.
fn list_styles(
    xml: &[u8],
    name: &str,
    path: &Path,
    into: &mut HashMap<String, Vec<ListLevel>>,
) -> Result<()> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut style: Option<String> = None;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| xml_error(path, name, e))?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"list-style" if !empty => style = attr(&e, b"name"),
                b"list-level-style-number"
                | b"list-level-style-bullet"
                | b"list-level-style-image" => {
                    if let Some(s) = &style {
                        let level: usize = attr(&e, b"level")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1)
                            .clamp(1, 10);
                        let levels = into.entry(s.clone()).or_default();
                        if levels.len() < level {
                            levels.resize(level, ListLevel::default());
                        }
                        let number = e.local_name().as_ref() == b"list-level-style-number";
                        levels[level - 1] = ListLevel {
                            bullet: !number,
                            format: if number {
                                attr(&e, b"num-format").unwrap_or_default()
                            } else {
                                String::new()
                            },
                            prefix: attr(&e, b"num-prefix").unwrap_or_default(),
                            suffix: attr(&e, b"num-suffix").unwrap_or_default(),
                            display: attr(&e, b"display-levels")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1),
                            start: attr(&e, b"start-value")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1),
                        };
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"list-style" => style = None,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

fn odf_number(n: u32, format: &str) -> String {
    match format {
        "a" => letters(n, false),
        "A" => letters(n, true),
        "i" => roman(n).to_lowercase(),
        "I" => roman(n),
        "" => String::new(),
        _ => n.to_string(),
    }
}

fn odt(archive: &mut Archive<'_>, path: &Path) -> Result<String> {
    let content = part(archive, "content.xml", path)?
        .ok_or_else(|| refuse(path, "an OpenDocument file without content.xml"))?;
    let mut styles = HashMap::new();
    if let Some(xml) = part(archive, "styles.xml", path)? {
        list_styles(&xml, "styles.xml", path, &mut styles)?;
    }
    list_styles(&content, "content.xml", path, &mut styles)?;

    let name = "content.xml";
    let mut reader = Reader::from_reader(content.as_slice());
    let mut buf = Vec::new();
    let mut body: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    // Open paragraphs: the body paragraph, then a note's paragraph inside it.
    let mut text = String::new();
    let mut note_text = String::new();
    let mut in_office_text = false;
    let mut depth_p = 0usize;
    let mut skipped = 0usize;
    let mut in_note_body = false;
    let mut in_note = false;
    // Lists: the style of each open list, and the counters of the list being numbered.
    let mut lists: Vec<Option<String>> = Vec::new();
    let mut counters: Vec<u32> = Vec::new();
    let mut counters_style: Option<String> = None;
    let mut pending_label: Option<String> = None;
    let mut header = false;

    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| xml_error(path, name, e))?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                if skipped > 0 {
                    if !empty {
                        skipped += 1;
                    }
                    continue;
                }
                let local = e.local_name();
                match local.as_ref() {
                    b"text" if !empty && e.name().as_ref().starts_with(b"office:") => {
                        in_office_text = true
                    }
                    _ if !in_office_text => {}
                    b"tracked-changes" | b"annotation" | b"hidden-text" | b"note-citation"
                    | b"sequence-decls" | b"table-of-content" | b"hidden-paragraph"
                        if !empty =>
                    {
                        skipped = 1
                    }
                    b"note" if !empty => {
                        if attr(&e, b"note-class").as_deref() == Some("endnote") {
                            skipped = 1;
                        } else {
                            in_note = true;
                            notes.push(String::new());
                            text.push_str(&superscript(notes.len()));
                        }
                    }
                    b"note-body" if !empty => in_note_body = true,
                    b"list" if !empty => {
                        let style =
                            attr(&e, b"style-name").or_else(|| lists.last().cloned().flatten());
                        if lists.is_empty() {
                            let continues = attr(&e, b"continue-numbering").as_deref()
                                == Some("true")
                                || attr(&e, b"continue-list").is_some();
                            if !continues || counters_style != style {
                                counters.clear();
                            }
                            counters_style = style.clone();
                        }
                        lists.push(style);
                    }
                    b"list-item" if !empty => {
                        header = false;
                        let item_start: Option<u32> =
                            attr(&e, b"start-value").and_then(|v| v.parse().ok());
                        pending_label = None;
                        let level = lists.len();
                        if level > 0 {
                            let style = lists.last().cloned().flatten();
                            let defs = style.as_ref().and_then(|s| styles.get(s));
                            let def =
                                defs.and_then(|d| d.get(level - 1)).cloned().unwrap_or_default();
                            if counters.len() < level {
                                counters.resize(level, 0);
                            }
                            counters.truncate(level);
                            let c = &mut counters[level - 1];
                            *c = match item_start {
                                Some(s) => s,
                                None if *c == 0 => def.start,
                                None => *c + 1,
                            };
                            pending_label = if def.bullet {
                                Some("•".to_owned())
                            } else if def.format.is_empty() {
                                None
                            } else {
                                let shown = def.display.clamp(1, level);
                                let numbers: Vec<String> = (level - shown..level)
                                    .map(|k| {
                                        let f = defs
                                            .and_then(|d| d.get(k))
                                            .map_or("1", |d| d.format.as_str())
                                            .to_owned();
                                        odf_number(counters[k].max(1), &f)
                                    })
                                    .collect();
                                Some(format!("{}{}{}", def.prefix, numbers.join("."), def.suffix))
                            };
                        }
                    }
                    b"list-header" if !empty => {
                        header = true;
                        pending_label = None;
                    }
                    b"p" | b"h" => {
                        if in_note_body {
                            if !note_text.is_empty() {
                                note_text.push(' ');
                            }
                        } else if !empty {
                            depth_p += 1;
                            if depth_p == 1 {
                                if let Some(label) = pending_label.take() {
                                    if !header {
                                        text.push_str(&label);
                                        text.push(' ');
                                    }
                                }
                            } else {
                                text.push(' ');
                            }
                        }
                    }
                    b"s" => {
                        let n: usize = attr(&e, b"c").and_then(|v| v.parse().ok()).unwrap_or(1);
                        let target = if in_note_body { &mut note_text } else { &mut text };
                        target.push_str(&" ".repeat(n.min(100)));
                    }
                    b"tab" => {
                        if in_note_body {
                            note_text.push('\t')
                        } else {
                            text.push('\t')
                        }
                    }
                    b"line-break" => {
                        if in_note_body {
                            note_text.push(' ')
                        } else {
                            text.push(' ')
                        }
                    }
                    b"soft-page-break" => {}
                    _ => {}
                }
            }
            Event::Text(t) if in_office_text && skipped == 0 && (depth_p > 0 || in_note_body) => {
                let s = t.unescape().map_err(|e| xml_error(path, name, e))?;
                if in_note_body {
                    note_text.push_str(&s);
                } else if !in_note {
                    text.push_str(&s);
                }
            }
            Event::End(e) => {
                if skipped > 0 {
                    skipped -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"text" if e.name().as_ref().starts_with(b"office:") => in_office_text = false,
                    b"note-body" => {
                        in_note_body = false;
                        if let Some(n) = notes.last_mut() {
                            *n = note_text.split_whitespace().collect::<Vec<_>>().join(" ");
                        }
                        note_text.clear();
                    }
                    b"note" => in_note = false,
                    b"list" => {
                        lists.pop();
                    }
                    b"p" | b"h" if !in_note_body => {
                        depth_p = depth_p.saturating_sub(1);
                        if depth_p == 0 {
                            let t = std::mem::take(&mut text);
                            body.push(t.split_whitespace().collect::<Vec<_>>().join(" "));
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(assemble(&body, &notes))
}

// ----------------------------------------------------------------------------------------------
// Legacy .doc

/// How long LibreOffice may take to convert one `.doc` file.
const CONVERT_SECONDS: u64 = 120;

/// Converts a legacy Word file to DOCX with LibreOffice and returns the DOCX bytes.
pub(super) fn convert_doc(bytes: &[u8], path: &Path) -> Result<Vec<u8>> {
    let how = "a legacy Word (.doc) file: install LibreOffice (soffice) to read it, or convert it first (soffice --headless --convert-to docx FILE.doc)";
    let io = |e: std::io::Error| refuse(path, format!("converting with LibreOffice: {e}"));
    let dir = tempfile::tempdir().map_err(io)?;
    let input = dir.path().join("input.doc");
    std::fs::write(&input, bytes).map_err(io)?;
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let child = std::process::Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--norestore", "--convert-to", "docx", "--outdir"])
        .arg(dir.path())
        .arg(&input)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(refuse(path, how)),
        Err(e) => return Err(io(e)),
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(CONVERT_SECONDS);
    let status = loop {
        if let Some(status) = child.try_wait().map_err(io)? {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(refuse(
                path,
                format!("LibreOffice took more than {CONVERT_SECONDS} s to convert it"),
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let output = dir.path().join("input.docx");
    match std::fs::read(&output) {
        Ok(docx) if status.success() => Ok(docx),
        _ => Err(refuse(
            path,
            "a legacy Word (.doc) file that LibreOffice could not convert (damaged?)",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn docx_text(document: &str, extra: &[(&str, &str)]) -> String {
        let doc = format!(
            r#"<?xml version="1.0"?><w:document {W}><w:body>{document}</w:body></w:document>"#
        );
        let mut parts = vec![("word/document.xml", doc.as_str())];
        parts.extend_from_slice(extra);
        let bytes = package(&parts);
        let (archive, kind) = open(&bytes, Path::new("x.docx")).unwrap();
        assert_eq!(kind, Package::Docx);
        text(archive, kind, Path::new("x.docx")).unwrap()
    }

    fn p(inner: &str) -> String {
        format!("<w:p>{inner}</w:p>")
    }

    fn r(t: &str) -> String {
        format!(r#"<w:r><w:t xml:space="preserve">{t}</w:t></w:r>"#)
    }

    #[test]
    fn runs_tabs_breaks_changes_hidden_text_and_fields() {
        let body = [
            p(&format!("{}{}", r("The General "), r("Assembly,"))),
            p(&format!(r#"{}<w:r><w:tab/></w:r>{}<w:r><w:br/></w:r>{}"#, r("a"), r("b"), r("c"))),
            p(&format!(
                r#"{}<w:ins><w:r><w:t>kept</w:t></w:r></w:ins><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>{}"#,
                r("x "),
                r(" y")
            )),
            p(&format!(
                r#"{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
                r("see "),
                r("page 3")
            )),
            p(&format!(r#"{}<w:r><w:br w:type="page"/></w:r>{}"#, r("before"), r("after"))),
        ]
        .concat();
        assert_eq!(
            docx_text(&body, &[]),
            "The General Assembly,\n\na b c\n\nx kept y\n\nsee page 3\n\nbefore\n\nafter\n"
        );
    }

    #[test]
    fn a_paragraph_split_by_a_section_break_inside_a_sentence_is_one() {
        let section = "<w:pPr><w:sectPr/></w:pPr>";
        let body = [
            p(&format!("{section}{}", r("Prenant note de la proposition présentée le 7 mars"))),
            p(&r("2022 et qui a été élaborée conjointement,")),
            p(&format!("{section}{}", r("the annual meeting,12"))),
            p(&r("Takes note of the report;")),
            p(&format!("{section}{}", r("Réduction des effectifs"))),
            p(&r("5. Décide que la MINUSMA ;")),
            p(&format!("{section}{}", r("Retrait"))),
            p(&r("b) Décide que ;")),
        ]
        .concat();
        assert_eq!(
            docx_text(&body, &[]),
            "Prenant note de la proposition présentée le 7 mars 2022 et qui a été élaborée \
             conjointement,\n\nthe annual meeting,12\n\nTakes note of the report;\n\n\
             Réduction des effectifs\n\n5. Décide que la MINUSMA ;\n\nRetrait\n\nb) Décide que ;\n"
        );
    }

    #[test]
    fn tables_are_read_cell_by_cell() {
        let cell = |t: &str| format!("<w:tc>{}</w:tc>", p(&r(t)));
        let table = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("United Nations"),
            cell("A/RES/1"),
            cell("General Assembly"),
            cell("Distr.: General")
        );
        assert_eq!(
            docx_text(&format!("{table}{}", p(&r("Text"))), &[]),
            "United Nations\n\nA/RES/1\n\nGeneral Assembly\n\nDistr.: General\n\nText\n"
        );
    }

    #[test]
    fn footnotes_are_numbered_in_order_of_reference() {
        let reference = |id: &str| format!(r#"<w:r><w:footnoteReference w:id="{id}"/></w:r>"#);
        let body = [
            p(&format!("{}{}", r("Recalling the Convention,"), reference("7"))),
            p(&format!("{}{}{}", r("thereto;"), reference("3"), r(" and"))),
        ]
        .concat();
        let notes = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r>{}</w:p></w:footnote><w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>{}</w:p></w:footnote></w:footnotes>"#,
            r(" Second."),
            r(" First note.")
        );
        assert_eq!(
            docx_text(&body, &[("word/footnotes.xml", &notes)]),
            "Recalling the Convention,¹\n\nthereto;² and\n\n_______________\n1 First note.\n\n2 Second.\n"
        );
    }

    #[test]
    fn numbering_is_rendered_as_labels() {
        let numbering = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="6"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
        );
        let item = |num: u32, ilvl: u32, t: &str| {
            p(&format!(
                r#"<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}"#,
                r(t)
            ))
        };
        let body = [
            item(1, 0, "Decides"),
            item(1, 1, "first"),
            item(1, 1, "second"),
            item(1, 2, "deep"),
            item(1, 0, "Requests"),
            item(1, 1, "again"),
            p(&r("Plain")),
            item(2, 0, "Roman"),
            item(2, 0, "Next"),
            item(3, 0, "Bullet"),
            item(0, 0, "Unnumbered"),
        ]
        .concat();
        assert_eq!(
            docx_text(&body, &[("word/numbering.xml", &numbering)]),
            "1. Decides\n\n(a) first\n\n(b) second\n\n(i) deep\n\n2. Requests\n\n(a) again\n\nPlain\n\nIII. Roman\n\nIV. Next\n\n• Bullet\n\nUnnumbered\n"
        );
    }

    #[test]
    fn numbers_in_letters_and_roman() {
        assert_eq!(letters(1, false), "a");
        assert_eq!(letters(27, false), "aa");
        assert_eq!(letters(28, true), "BB");
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(superscript(12), "¹²");
    }

    #[test]
    fn odt_lists_notes_and_tables() {
        let content = r#"<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/></text:list-style></office:automatic-styles><office:body><office:text><text:tracked-changes><text:changed-region><text:deletion><text:p>deleted</text:p></text:deletion></text:changed-region></text:tracked-changes><table:table><table:table-row><table:table-cell><text:p>United Nations</text:p></table:table-cell><table:table-cell><text:p>A/RES/1</text:p></table:table-cell></table:table-row></table:table><text:p>Rappelant<text:s/>la Convention<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Nations Unies, <text:span>Recueil</text:span>.</text:p></text:note-body></text:note>,<text:tab/>x<text:hidden-text text:string-value="h">h</text:hidden-text></text:p><text:list text:style-name="L1"><text:list-item><text:p>Décide</text:p><text:list><text:list-item><text:p>premier</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Prie</text:p></text:list-item></text:list></office:text></office:body></office:document-content>"#;
        let bytes = package(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]);
        let (archive, kind) = open(&bytes, Path::new("x.odt")).unwrap();
        assert_eq!(kind, Package::Odt);
        assert_eq!(
            text(archive, kind, Path::new("x.odt")).unwrap(),
            "United Nations\n\nA/RES/1\n\nRappelant la Convention¹, x\n\n1. Décide\n\na) premier\n\n2. Prie\n\n_______________\n1 Nations Unies, Recueil.\n"
        );
    }

    #[test]
    fn damaged_and_foreign_archives_are_refused() {
        let e = open(b"PK\x03\x04garbage", Path::new("x.docx")).unwrap_err().to_string();
        assert!(e.starts_with("x.docx: a damaged ZIP archive"), "{e}");
        let bytes = package(&[("readme.txt", "hello")]);
        let e = open(&bytes, Path::new("x.zip")).unwrap_err().to_string();
        assert!(e.contains("neither a Word document"), "{e}");
        let bytes = package(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]);
        let (archive, kind) = open(&bytes, Path::new("x.docx")).unwrap();
        let e = text(archive, kind, Path::new("x.docx")).unwrap_err().to_string();
        assert!(e.contains("not well-formed XML"), "{e}");
    }
}
