//! The product promise for PDF text: "the aligner is also run, unseen, on other UN texts put
//! into the same PDF-text shape (page headers and page numbers between pages, paragraphs split
//! across pages, wrapped at other widths, CRLF) … with paragraphs deleted on one side: every
//! unit must come out right there too."
//!
//! [`pdfify`] turns the paragraph-shape texts of the public gold pairs
//! (`../shared/eval-public/un-resolutions-enfr/*/{en,fr}.txt`) into the shape pdftotext gives
//! for the seed pair (`data/A-RES-58-135.*.txt`): hard-wrapped lines with a trailing space, the
//! first line of each paragraph indented by one space, a blank line between paragraphs, and at
//! each page break the page's footnotes (a "_______________" line, then "1 text" lines), blank
//! lines, the running header (the document symbol), a blank line, the page number and a blank
//! line, after which a paragraph cut by the break goes on with a line indented by one space.
//! The tests then align the pdfified pairs and score them with `../shared/eval/score.py`
//! against each pair's gold.
//!
//! When `../shared` is absent, each test prints "skipped: …" on stderr and passes, except under
//! `CI=true`, where it fails (tests/support/mod.rs).

use crate::support::{shared, PUBLIC_PAIRS, SCORE_PY};
use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process;

// ---------------------------------------------------------------------------------------------
// pdfify
// ---------------------------------------------------------------------------------------------

/// The footnote separator line pdftotext gives for UN documents.
const SEPARATOR: &str = "_______________";

/// One output line of a paragraph, before page layout.
#[derive(Clone, Debug)]
struct PLine {
    text: String,
    /// The first line of a paragraph (or the first line of its continuation on a new page):
    /// indented by one space.
    indent: bool,
    /// Footnotes whose marker sits on this line (indices into the footnote list).
    footnotes: Vec<usize>,
}

/// A paragraph of the input, laid out in lines.
#[derive(Debug)]
struct Para {
    lines: Vec<PLine>,
    /// May be cut by a page break (a wrapped paragraph, not the two-line closing block).
    splittable: bool,
    /// Must stay on the same page as the start of the next paragraph: a lone label ("1.", "a)")
    /// or a heading ("Annex"), as Word's keep-with-next keeps them.
    keep_with_next: bool,
}

/// Splits on ASCII spaces and tabs only: no-break spaces (French typography) stay inside words.
fn words(s: &str) -> Vec<&str> {
    s.split([' ', '\t']).filter(|w| !w.is_empty()).collect()
}

/// Greedy word wrap: lines of at most `width` characters, the first one `first_indent`
/// characters narrower; a word longer than the line gets a line of its own. Returns, for each
/// line, the range of word indices it holds.
fn wrap_ranges(words: &[&str], width: usize, first_indent: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = vec![];
    let mut start = 0;
    let mut len = 0;
    for (i, w) in words.iter().enumerate() {
        let wl = w.chars().count();
        let room = if out.is_empty() { width.saturating_sub(first_indent) } else { width };
        if i > start && len + 1 + wl > room {
            out.push(start..i);
            start = i;
            len = wl;
        } else {
            len += if i > start { 1 + wl } else { wl };
        }
    }
    if start < words.len() {
        out.push(start..words.len());
    }
    out
}

fn wrap(text: &str, width: usize, first_indent: usize) -> Vec<String> {
    let ws = words(text);
    wrap_ranges(&ws, width, first_indent).into_iter().map(|r| ws[r].join(" ")).collect()
}

/// "12" from "12 Ibid., vol. 660." (a footnote block of paragraph-shape text).
fn footnote_number(block: &str) -> Option<u32> {
    let digits: String = block.chars().take_while(char::is_ascii_digit).collect();
    let rest = &block[digits.len()..];
    if digits.is_empty() || digits.len() > 3 || !rest.starts_with(' ') {
        return None;
    }
    digits.parse().ok()
}

/// How many of the last blocks are footnotes: a run numbered 1, 2, … n up to the end.
fn trailing_footnotes(blocks: &[String]) -> usize {
    let Some(n) = blocks.last().filter(|b| !b.contains('\n')).and_then(|b| footnote_number(b))
    else {
        return 0;
    };
    let n = n as usize;
    if n == 0 || n >= blocks.len() {
        return 0;
    }
    let s = blocks.len() - n;
    let run = blocks[s..]
        .iter()
        .enumerate()
        .all(|(k, b)| !b.contains('\n') && footnote_number(b) == Some(k as u32 + 1));
    if run {
        n
    } else {
        0
    }
}

/// Whether `word` carries the footnote marker `n`: digits glued to a letter or to punctuation
/// ("Sea1", "thereto;1", "paix1,"), or to a year ("20231," = 2023 + 1, "202116" = 2021 + 16).
fn carries_marker(word: &str, n: u32) -> bool {
    let w = word.trim_end_matches(|c: char| ",;.:)]»”’\"'".contains(c) || c == '\u{a0}');
    let digits: String = {
        let rev: String = w.chars().rev().take_while(char::is_ascii_digit).collect();
        rev.chars().rev().collect()
    };
    let n = n.to_string();
    if !digits.ends_with(&n) {
        return false;
    }
    if digits.len() == n.len() {
        // Glued to a letter or to punctuation after a word, not to "68/" or "S-" or "vol.".
        let before: Vec<char> = w.chars().rev().skip(digits.len()).take(2).collect();
        return match before.as_slice() {
            [c, ..] if c.is_alphabetic() || ",;:)]”’»\"".contains(*c) => true,
            ['.', b] => {
                b.is_alphabetic() && !w.starts_with(|c: char| c.is_ascii_uppercase()) || *b == ')'
            }
            _ => false,
        };
    }
    // A year followed by the marker.
    digits.len() == 4 + n.len() && (digits.starts_with("19") || digits.starts_with("20"))
}

/// Lone labels and short headings are kept with the paragraph that follows them.
fn keeps_with_next(text: &str) -> bool {
    let t = text.trim();
    let lone_label = {
        let core = t.trim_start_matches('(');
        let core = core.trim_end_matches(['.', ')']);
        !core.is_empty()
            && core.len() <= 5
            && t.len() > core.len()
            && (core.chars().all(|c| c.is_ascii_digit())
                || core.chars().all(|c| c.is_ascii_lowercase())
                || core.chars().all(|c| "IVXLivxl".contains(c)))
    };
    let roman = !t.is_empty() && t.len() <= 5 && t.chars().all(|c| "IVXL".contains(c));
    let heading = t.chars().count() <= 60
        && !t.ends_with(|c: char| ".,;:".contains(c))
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.chars().next().is_some_and(|c| c.is_ascii_digit());
    lone_label || roman || heading
}

/// Turns a paragraph-shape text (one paragraph per blank-line-separated block, footnotes as a
/// trailing run of "N text" blocks) into the shape pdftotext gives for a UN resolution PDF.
///
/// Paragraphs are word-wrapped at `width` characters, their first line indented by one space,
/// with a blank line between paragraphs. A page holds at most `lines_per_page` lines of body
/// (blank lines included) and footnote area (a blank line, the separator and the footnote
/// lines). Each footnote goes to the foot of the page where its marker is. A page break may
/// fall inside a paragraph, but keeps at least two lines on each side (widow and orphan
/// control), never parts a lone label or a heading from what follows, never parts the two
/// lines of the closing (meeting and date), which are written unwrapped and unindented. Between
/// pages: the page's footnotes, three blank lines, `symbol`, a blank line, the next page's
/// number, a blank line. Every non-blank line ends with a space, as pdftotext writes it.
///
/// Lossless except for whitespace: every word of `text` appears once, in order (footnotes
/// move to the foot of their page).
fn pdfify(text: &str, width: usize, lines_per_page: usize, symbol: &str, crlf: bool) -> String {
    let text = text.replace("\r\n", "\n");
    // Blocks: runs of non-blank lines.
    let mut blocks: Vec<Vec<String>> = vec![];
    let mut current: Vec<String> = vec![];
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(t.to_string());
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }

    // Trailing footnotes: the last blocks, numbered 1, 2, … n up to the end.
    let joined: Vec<String> = blocks.iter().map(|b| b.join("\n")).collect();
    let n_footnotes = trailing_footnotes(&joined);
    let footnote_blocks: Vec<String> =
        blocks.split_off(blocks.len() - n_footnotes).into_iter().map(|b| b.join(" ")).collect();
    let footnote_lines: Vec<Vec<String>> =
        footnote_blocks.iter().map(|f| wrap(f, width, 0)).collect();

    // Body paragraphs, wrapped; the footnote markers located on their lines.
    let body_words: Vec<Vec<&str>> =
        blocks.iter().map(|b| if b.len() == 1 { words(&b[0]) } else { vec![] }).collect();
    // marker position of footnote k: (paragraph, word)
    let mut marker_at: Vec<(usize, usize)> = vec![];
    let mut from = (0usize, 0usize);
    for k in 0..n_footnotes {
        let n = k as u32 + 1;
        let mut found = None;
        'search: for (p, para_words) in body_words.iter().enumerate().skip(from.0) {
            let start = if p == from.0 { from.1 } else { 0 };
            for (w, word) in para_words.iter().enumerate().skip(start) {
                if carries_marker(word, n) {
                    found = Some((p, w));
                    break 'search;
                }
            }
        }
        // A marker not found (never seen on the 14 pairs) goes with the previous one.
        let at = found.unwrap_or(from);
        marker_at.push(at);
        from = at;
    }

    let mut paras: Vec<Para> = vec![];
    for (p, block) in blocks.iter().enumerate() {
        if block.len() > 1 {
            // The GA closing: meeting and date, two lines kept as they are.
            paras.push(Para {
                lines: block
                    .iter()
                    .map(|l| PLine { text: l.clone(), indent: false, footnotes: vec![] })
                    .collect(),
                splittable: false,
                keep_with_next: false,
            });
            continue;
        }
        let ws = &body_words[p];
        let ranges = wrap_ranges(ws, width, 1);
        let lines = ranges
            .iter()
            .enumerate()
            .map(|(i, r)| PLine {
                text: ws[r.clone()].join(" "),
                indent: i == 0,
                footnotes: (0..n_footnotes)
                    .filter(|&k| marker_at[k].0 == p && r.contains(&marker_at[k].1))
                    .collect(),
            })
            .collect();
        paras.push(Para { lines, splittable: true, keep_with_next: keeps_with_next(&block[0]) });
    }
    // Markers not found at all and with no earlier marker: first line of the body.
    if let Some(first) = paras.first_mut() {
        for (k, &at) in marker_at.iter().enumerate() {
            if at == (0, 0) && !first.lines.iter().any(|l| l.footnotes.contains(&k)) {
                first.lines[0].footnotes.push(k);
            }
        }
    }

    // Page layout.
    struct Page<'a> {
        out: Vec<String>,
        used: usize,
        footnotes: Vec<usize>,
        number: usize,
        cap: usize,
        footnote_lines: &'a [Vec<String>],
        symbol: &'a str,
    }
    impl Page<'_> {
        fn area(&self, extra: &[usize]) -> usize {
            let all: BTreeSet<usize> = self.footnotes.iter().chain(extra).copied().collect();
            if all.is_empty() {
                0
            } else {
                2 + all.iter().map(|&k| self.footnote_lines[k].len()).sum::<usize>()
            }
        }
        fn gap(&self) -> usize {
            usize::from(self.used > 0)
        }
        /// Whether `lines` more body lines carrying `footnotes` fit on this page.
        fn fits(&self, lines: usize, footnotes: &[usize]) -> bool {
            self.used + self.gap() + lines + self.area(footnotes) <= self.cap
        }
        fn place(&mut self, lines: &[PLine], continuation: bool) {
            if self.used > 0 {
                self.out.push(String::new());
                self.used += 1;
            }
            for (i, l) in lines.iter().enumerate() {
                let indent = l.indent || (continuation && i == 0);
                self.out.push(if indent { format!(" {}", l.text) } else { l.text.clone() });
                self.used += 1;
                for &k in &l.footnotes {
                    if !self.footnotes.contains(&k) {
                        self.footnotes.push(k);
                    }
                }
            }
        }
        fn footnote_area(&mut self) {
            if self.footnotes.is_empty() {
                return;
            }
            self.footnotes.sort_unstable();
            self.out.push(String::new());
            self.out.push(SEPARATOR.to_string());
            for &k in &self.footnotes {
                self.out.extend(self.footnote_lines[k].iter().cloned());
            }
            self.footnotes.clear();
        }
        fn break_page(&mut self) {
            self.footnote_area();
            self.number += 1;
            self.out.extend(
                ["", "", "", self.symbol, "", &self.number.to_string(), ""].map(String::from),
            );
            self.used = 0;
        }
    }
    fn footnotes_of(lines: &[PLine]) -> Vec<usize> {
        lines.iter().flat_map(|l| l.footnotes.iter().copied()).collect()
    }

    let mut page = Page {
        out: vec![],
        used: 0,
        footnotes: vec![],
        number: 1,
        cap: lines_per_page,
        footnote_lines: &footnote_lines,
        symbol,
    };
    for (i, para) in paras.iter().enumerate() {
        let mut rest: &[PLine] = &para.lines;
        let mut continuation = false;
        loop {
            // A lone label or heading needs what follows on its page: the next labels and
            // headings, then as much of the next paragraph as may open a page (two lines of
            // a paragraph that may be split, else the whole paragraph).
            let mut with_next = 0;
            let mut needed = footnotes_of(rest);
            if para.keep_with_next && !continuation {
                for next in &paras[i + 1..] {
                    let take = if !next.keep_with_next && next.splittable && next.lines.len() >= 4 {
                        2
                    } else {
                        next.lines.len()
                    };
                    with_next += 1 + take;
                    needed.extend(footnotes_of(&next.lines[..take]));
                    if !next.keep_with_next {
                        break;
                    }
                }
            }
            if page.fits(rest.len() + with_next, &needed) {
                page.place(rest, continuation);
                break;
            }
            if para.splittable && !para.keep_with_next && rest.len() >= 4 {
                let k =
                    (2..=rest.len() - 2).rev().find(|&k| page.fits(k, &footnotes_of(&rest[..k])));
                if let Some(k) = k {
                    page.place(&rest[..k], continuation);
                    page.break_page();
                    rest = &rest[k..];
                    continuation = true;
                    continue;
                }
            }
            if page.used == 0 {
                // Taller than a page and not splittable: let it overflow.
                page.place(rest, continuation);
                break;
            }
            page.break_page();
        }
    }
    page.footnote_area();
    page.out.push(String::new());

    let eol = if crlf { "\r\n" } else { "\n" };
    let mut s = String::new();
    for line in &page.out {
        if !line.is_empty() {
            s.push_str(line);
            s.push(' ');
        }
        s.push_str(eol);
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers
// ---------------------------------------------------------------------------------------------

/// The gold pairs' folders (those with a gold.json), sorted.
fn pairs(shared: &Path) -> Vec<PathBuf> {
    let root = shared.join(PUBLIC_PAIRS);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("read eval-public")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.join("gold.json").is_file()
                && p.join("en.txt").is_file()
                && p.join("fr.txt").is_file()
        })
        .collect();
    out.sort();
    out
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn gold(dir: &Path) -> Value {
    serde_json::from_str(&read(&dir.join("gold.json"))).expect("gold.json")
}

fn name(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}

/// How one side of a pair is put into PDF shape.
#[derive(Clone, Copy, Debug)]
struct Side {
    width: usize,
    lines: usize,
}

#[derive(Clone, Copy, Debug)]
struct Setting {
    en: Side,
    fr: Side,
    crlf: bool,
}

/// French runs about 15 % longer than English: the same page breaks fall at different places,
/// as in the real PDFs.
const SETTINGS: [Setting; 4] = [
    Setting { en: Side { width: 78, lines: 40 }, fr: Side { width: 62, lines: 40 }, crlf: false },
    Setting { en: Side { width: 95, lines: 55 }, fr: Side { width: 88, lines: 50 }, crlf: true },
    Setting { en: Side { width: 70, lines: 30 }, fr: Side { width: 84, lines: 34 }, crlf: false },
    // The seed pair's own widths (EN ≈ 85, FR ≈ 89 characters).
    Setting { en: Side { width: 85, lines: 47 }, fr: Side { width: 89, lines: 47 }, crlf: true },
];

/// The outcome of aligning one pdfified pair and scoring it.
struct Run {
    jsonl: String,
    /// score.py --verbose output.
    score: String,
    precision: String,
    recall: String,
}

/// Writes `en`/`fr` to a temporary directory, aligns them, scores the JSONL against `gold`.
/// With PDFIFY_DUMP set, the inputs and the output are also kept there, named after `tag`.
fn align_and_score(shared: &Path, tag: &str, en: &str, fr: &str, gold: &Value) -> Run {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let (en_path, fr_path, gold_path, out_path) = (
        dir.path().join("en.txt"),
        dir.path().join("fr.txt"),
        dir.path().join("gold.json"),
        dir.path().join("out.jsonl"),
    );
    std::fs::write(&en_path, en).unwrap();
    std::fs::write(&fr_path, fr).unwrap();
    std::fs::write(&gold_path, serde_json::to_string_pretty(gold).unwrap()).unwrap();
    let output = Command::cargo_bin("paralign")
        .expect("paralign binary")
        .args(["align", en_path.to_str().unwrap(), fr_path.to_str().unwrap(), "--format", "jsonl"])
        .output()
        .expect("run paralign");
    let jsonl = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        return Run {
            jsonl,
            score: format!("paralign failed: {}", String::from_utf8_lossy(&output.stderr)),
            precision: "-".into(),
            recall: "-".into(),
        };
    }
    std::fs::write(&out_path, &jsonl).unwrap();
    if let Some(dump) = std::env::var_os("PDFIFY_DUMP") {
        let dump = PathBuf::from(dump);
        std::fs::create_dir_all(&dump).unwrap();
        for (file, text) in [("en.txt", en), ("fr.txt", fr), ("out.jsonl", jsonl.as_str())] {
            std::fs::write(dump.join(format!("{tag}.{file}")), text).unwrap();
        }
    }
    let scored = process::Command::new("python3")
        .arg(shared.join(SCORE_PY))
        .args([&gold_path, &out_path])
        .arg("--verbose")
        .output()
        .expect("run python3 score.py");
    let score = String::from_utf8_lossy(&scored.stdout).into_owned()
        + &String::from_utf8_lossy(&scored.stderr);
    let field = |key: &str| -> String {
        score.split_whitespace().find_map(|w| w.strip_prefix(key)).unwrap_or("-").to_string()
    };
    Run { precision: field("precision="), recall: field("recall="), jsonl, score }
}

/// Runs `jobs` on a few threads, keeping their order.
fn parallel<T: Send, R: Send>(jobs: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 8);
    let jobs: Vec<(usize, T)> = jobs.into_iter().enumerate().collect();
    let n = jobs.len();
    let queue = std::sync::Mutex::new(jobs);
    let results = std::sync::Mutex::new(Vec::with_capacity(n));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let job = queue.lock().unwrap().pop();
                let Some((i, job)) = job else { break };
                let r = f(job);
                results.lock().unwrap().push((i, r));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Letters and digits only, lower-cased: close enough to score.py's `norm` to find a paragraph.
fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The blank-line-separated blocks of a paragraph-shape text.
fn blocks(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/// All 14 gold pairs, pdfified under each setting, align at precision = recall = 1.000.
#[test]
fn pdf_shaped_pairs_align_perfectly() {
    let Some(shared) = shared(&[SCORE_PY, PUBLIC_PAIRS]) else { return };
    let dirs = pairs(&shared);
    assert!(dirs.len() >= 14, "expected the 14 gold pairs, found {}", dirs.len());
    let jobs: Vec<(PathBuf, usize)> =
        dirs.iter().flat_map(|d| (0..SETTINGS.len()).map(move |s| (d.clone(), s))).collect();
    let runs = parallel(jobs.clone(), |(dir, s)| {
        let set = SETTINGS[s];
        let g = gold(&dir);
        let symbol = g["symbol"].as_str().expect("gold symbol").to_string();
        let en = pdfify(&read(&dir.join("en.txt")), set.en.width, set.en.lines, &symbol, set.crlf);
        let fr = pdfify(&read(&dir.join("fr.txt")), set.fr.width, set.fr.lines, &symbol, set.crlf);
        align_and_score(&shared, &format!("{}.s{s}", name(&dir)), &en, &fr, &g)
    });
    let mut failures = vec![];
    for ((dir, s), run) in jobs.iter().zip(&runs) {
        let ok = run.precision == "1.000" && run.recall == "1.000";
        eprintln!(
            "{:<16} setting {s} {:?}: precision={} recall={}",
            name(dir),
            SETTINGS[*s],
            run.precision,
            run.recall
        );
        if !ok {
            failures.push(format!(
                "== {} setting {s} {:?}\n{}",
                name(dir),
                SETTINGS[*s],
                run.score.trim_end()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} pdfified runs are not at P = R = 1.000:\n{}",
        failures.len(),
        runs.len(),
        failures.join("\n")
    );
}

/// pdfify adds page furniture and moves footnotes, but loses and changes no character: the
/// output without header, page-number and separator lines holds the same non-space
/// characters as the input. It also keeps its own promises on width, page length and CRLF.
#[test]
fn pdfify_is_lossless() {
    let Some(shared) = shared(&[PUBLIC_PAIRS]) else { return };
    let mut failures = vec![];
    for dir in pairs(&shared) {
        let symbol = gold(&dir)["symbol"].as_str().unwrap().to_string();
        for lang in ["en", "fr"] {
            let input = read(&dir.join(format!("{lang}.txt")));
            for (s, set) in SETTINGS.iter().enumerate() {
                let side = if lang == "en" { set.en } else { set.fr };
                let out = pdfify(&input, side.width, side.lines, &symbol, set.crlf);
                let what = format!("{} {lang} setting {s}", name(&dir));
                let lines: Vec<&str> = out.split('\n').collect();
                if set.crlf {
                    if lines[..lines.len() - 1].iter().any(|l| !l.ends_with('\r'))
                        || out.matches('\r').count() != lines.len() - 1
                    {
                        failures.push(format!("{what}: not CRLF throughout"));
                    }
                } else if out.contains('\r') {
                    failures.push(format!("{what}: CR in an LF text"));
                }
                let lines: Vec<&str> = lines.iter().map(|l| l.trim_end_matches('\r')).collect();
                let is_blank = |k: usize| lines.get(k).is_some_and(|l| l.trim().is_empty());
                let is_header = |k: usize| {
                    lines[k].trim() == symbol
                        && is_blank(k + 1)
                        && lines.get(k + 2).is_some_and(|l| {
                            !l.trim().is_empty() && l.trim().chars().all(|c| c.is_ascii_digit())
                        })
                        && is_blank(k + 3)
                };
                // Pages: the lines between two running headers, less the three blank lines
                // before a header. Footnote areas: from a separator to the next blank line.
                let mut pages: Vec<Vec<&str>> = vec![vec![]];
                let mut body: Vec<&str> = vec![];
                let mut notes: Vec<&str> = vec![];
                let mut in_notes = false;
                let mut k = 0;
                while k < lines.len() {
                    let t = lines[k].trim();
                    if is_header(k) {
                        let page = pages.last_mut().unwrap();
                        let n = page.len();
                        if n < 3 || page[n - 3..].iter().any(|l| !l.trim().is_empty()) {
                            failures.push(format!(
                                "{what}: no three blank lines before the header at line {}",
                                k + 1
                            ));
                        }
                        page.truncate(n.saturating_sub(3));
                        let number: usize = lines[k + 2].trim().parse().unwrap();
                        if number != pages.len() + 1 {
                            failures.push(format!(
                                "{what}: page number {number} after page {}",
                                pages.len()
                            ));
                        }
                        pages.push(vec![]);
                        in_notes = false;
                        k += 4;
                        continue;
                    }
                    pages.last_mut().unwrap().push(lines[k]);
                    if t == SEPARATOR {
                        in_notes = true;
                    } else if t.is_empty() {
                        in_notes = false;
                    } else if in_notes {
                        notes.push(lines[k]);
                    } else {
                        body.push(lines[k]);
                    }
                    // Width: only a word longer than the line may overflow it.
                    if t.chars().count() > side.width && t.contains(' ') {
                        failures.push(format!("{what}: line wider than {}: {t:?}", side.width));
                    }
                    if !t.is_empty() && !lines[k].ends_with(' ') {
                        failures.push(format!("{what}: line {} without the trailing space", k + 1));
                    }
                    k += 1;
                }
                while pages.last().unwrap().last().is_some_and(|l| l.trim().is_empty()) {
                    pages.last_mut().unwrap().pop();
                }
                for (n, page) in pages.iter().enumerate() {
                    if page.len() > side.lines {
                        failures.push(format!(
                            "{what}: page {} holds {} lines > {}",
                            n + 1,
                            page.len(),
                            side.lines
                        ));
                    }
                }
                let chars = |s: &str| -> Vec<char> {
                    let mut v: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
                    v.sort_unstable();
                    v
                };
                let out_text = body.iter().chain(&notes).copied().collect::<Vec<_>>().join("\n");
                if chars(&out_text) != chars(&input) {
                    failures.push(format!("{what}: non-space characters differ from the input"));
                }
                // The body words and the footnote words each come out in their order.
                let input_blocks = blocks(&input);
                let n_notes = trailing_footnotes(&input_blocks);
                let split = input_blocks.len() - n_notes;
                let in_words = |bs: &[String]| -> Vec<String> {
                    bs.iter()
                        .flat_map(|b| b.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                        .collect()
                };
                let out_words = |ls: &[&str]| -> Vec<String> {
                    ls.iter().flat_map(|l| l.split_whitespace()).map(str::to_string).collect()
                };
                if in_words(&input_blocks[..split]) != out_words(&body) {
                    failures.push(format!("{what}: body words changed or out of order"));
                }
                if in_words(&input_blocks[split..]) != out_words(&notes) {
                    failures.push(format!("{what}: footnote words changed or out of order"));
                }
                if n_notes > 0
                    && pages.len() > 1
                    && pages.iter().all(|p| p.iter().all(|l| l.trim() != SEPARATOR))
                {
                    failures.push(format!("{what}: footnotes but no footnote area"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// pdfify on a small text: exactly the seed's layout, page break inside a paragraph with its
/// footnote at the foot of the page and the continuation indented by one space.
#[test]
fn pdfify_writes_the_seed_layout() {
    let text = "The General Assembly,\n\nRecalling its resolution 55/25 of 15 November 2000, by which it adopted the Convention,1\n\n1. Takes note of the report of the Secretary-General on the ratification of the Convention and of the Protocols thereto, and of the numerous statements made about it by the many Member States present;\n\n27th plenary meeting\n2 November 2022\n\n1 E/CN.15/2003/5.\n";
    let out = pdfify(text, 40, 11, "A/RES/58/135", false);
    let expected = concat!(
        " The General Assembly, \n",
        "\n",
        " Recalling its resolution 55/25 of 15 \n",
        "November 2000, by which it adopted the \n",
        "Convention,1 \n",
        "\n",
        " 1. Takes note of the report of the \n",
        "Secretary-General on the ratification of \n",
        "\n",
        "_______________ \n",
        "1 E/CN.15/2003/5. \n",
        "\n",
        "\n",
        "\n",
        "A/RES/58/135 \n",
        "\n",
        "2 \n",
        "\n",
        " the Convention and of the Protocols \n",
        "thereto, and of the numerous statements \n",
        "made about it by the many Member States \n",
        "present; \n",
        "\n",
        "27th plenary meeting \n",
        "2 November 2022 \n",
        "\n",
    );
    assert_eq!(out, expected, "\n{out}");

    // A lone label never ends a page: "2." goes over with its paragraph; a three-line
    // paragraph is not split (two lines at least on each side of a break).
    let text = "Le Conseil de sécurité,\n\n1.\n\nDécide de proroger le mandat de la Mission.\n\n2.\n\nPrie le Secrétaire général de lui faire rapport sur la question et de lui présenter des recommandations détaillées.\n";
    let out = pdfify(text, 40, 8, "S/RES/2505 (2020)", true);
    let lines: Vec<&str> = out.split("\r\n").collect();
    let header = lines.iter().position(|l| *l == "S/RES/2505 (2020) ").expect("a page break");
    assert_eq!(lines[header + 4], " 2. ", "{out}");
    assert!(lines[header + 6].starts_with(" Prie le Secrétaire général"), "{out}");
}

/// Deletions in PDF shape: one preamble and one operative paragraph deleted from the French
/// text before pdfifying come out as 1-0 units (English text, "fr" empty), and every other
/// unit still matches its gold pair.
#[test]
fn deleted_french_paragraphs_in_pdf_shape_come_out_as_one_to_zero() {
    let Some(shared) = shared(&[SCORE_PY, PUBLIC_PAIRS]) else { return };
    // Pairs whose EN and FR blocks match one to one (gold pair i = FR block i).
    let chosen = ["A-RES-78-286", "A-RES-78-247", "S-RES-2558-2020", "S-RES-2641-2022"];
    let root = shared.join(PUBLIC_PAIRS);
    let mut jobs = vec![];
    for (n, pair) in chosen.iter().enumerate() {
        let dir = root.join(pair);
        if !dir.join("gold.json").is_file() {
            panic!("{pair}: missing from {}", root.display());
        }
        let g = gold(&dir);
        let fr = read(&dir.join("fr.txt"));
        let fr_blocks = blocks(&fr);
        let gold_pairs = g["pairs"].as_array().unwrap();
        assert_eq!(
            fr_blocks.len(),
            gold_pairs.len(),
            "{pair}: FR blocks and gold pairs should match one to one"
        );
        let side = |i: usize, lang: &str, end: usize| {
            gold_pairs[i][lang][end].as_str().unwrap_or("").to_string()
        };
        for (i, b) in fr_blocks.iter().enumerate() {
            let (start, last) = (norm(&side(i, "fr", 0)), norm(&side(i, "fr", 1)));
            let nb = norm(b);
            assert!(
                nb.contains(&start)
                    && nb.contains(last.trim_end_matches(|c: char| c.is_ascii_digit())),
                "{pair}: FR block {i} is not gold pair {i}: {b:?}"
            );
        }
        // The preamble: after the opening line, before "1.".
        let opening = fr_blocks
            .iter()
            .position(|b| {
                b.starts_with("L’Assemblée générale") || b.starts_with("Le Conseil de sécurité")
            })
            .expect("opening");
        let first_op = fr_blocks.iter().position(|b| b.starts_with("1. ")).expect("operative 1");
        let has_marker = |i: usize| {
            [&fr_blocks[i], &blocks(&read(&dir.join("en.txt")))[i]]
                .iter()
                .any(|b| words(b).iter().any(|w| (1..=20).any(|k| carries_marker(w, k))))
        };
        // The middle of the preamble (or the nearest paragraph without a footnote marker) and
        // the second or third operative paragraph, varying with the pair.
        let mid = (opening + 1 + first_op) / 2;
        // A preamble paragraph ends with a comma (a heading such as "Activities of the
        // Office…" in 78/247 does not).
        let ends_with_comma =
            |i: usize| fr_blocks[i].trim_end_matches(|c: char| c.is_ascii_digit()).ends_with(',');
        let pre = (opening + 1..first_op)
            .filter(|&i| !has_marker(i) && ends_with_comma(i))
            .min_by_key(|&i| i.abs_diff(mid))
            .unwrap_or_else(|| {
                panic!(
                    "{pair}: no preamble paragraph without a marker in {:?}",
                    opening + 1..first_op
                )
            });
        let op = (first_op + 1 + n % 2..fr_blocks.len())
            .find(|&i| {
                fr_blocks[i].starts_with(|c: char| c.is_ascii_digit())
                    && fr_blocks[i].contains(". ")
                    && !has_marker(i)
            })
            .expect("an operative paragraph without a marker");
        let deleted = [pre, op];
        let fr_cut: String = fr_blocks
            .iter()
            .enumerate()
            .filter(|(i, _)| !deleted.contains(i))
            .map(|(_, b)| b.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
            + "\n";
        let mut g_cut = g.clone();
        for &i in &deleted {
            g_cut["pairs"][i]["fr"] = Value::Null;
        }
        for s in [0, 2] {
            jobs.push((
                pair.to_string(),
                s,
                read(&dir.join("en.txt")),
                fr_cut.clone(),
                g_cut.clone(),
                deleted,
            ));
        }
    }
    let runs = parallel(jobs.clone(), |(pair, s, en, fr, g, _)| {
        let set = SETTINGS[s];
        let symbol = g["symbol"].as_str().unwrap().to_string();
        let en = pdfify(&en, set.en.width, set.en.lines, &symbol, set.crlf);
        let fr = pdfify(&fr, set.fr.width, set.fr.lines, &symbol, set.crlf);
        align_and_score(&shared, &format!("{pair}.s{s}.deletions"), &en, &fr, &g)
    });
    let mut failures = vec![];
    for ((pair, s, _, _, g, deleted), run) in jobs.iter().zip(&runs) {
        eprintln!(
            "{pair:<16} setting {s}, FR blocks {deleted:?} deleted: precision={} recall={}",
            run.precision, run.recall
        );
        let mut problems = vec![];
        if run.precision != "1.000" || run.recall != "1.000" {
            problems.push(run.score.trim_end().to_string());
        }
        let units: Vec<Value> =
            run.jsonl.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
        for &i in deleted {
            let start = norm(g["pairs"][i]["en"][0].as_str().unwrap());
            let found = units.iter().any(|u| {
                u["fr"].as_str() == Some("")
                    && u["kind"].as_str() == Some("1-0")
                    && norm(u["en"].as_str().unwrap_or("")).contains(&start)
            });
            if !found {
                problems
                    .push(format!("no 1-0 unit with fr \"\" for EN {:?}", g["pairs"][i]["en"][0]));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "== {pair} setting {s} {:?}, FR blocks {deleted:?} deleted\n{}",
                SETTINGS[*s],
                problems.join("\n")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} runs failed:\n{}",
        failures.len(),
        runs.len(),
        failures.join("\n")
    );
}

/// Writes the pdfified texts of every pair and setting to the directory named by
/// PDFIFY_DUMP, to look at them:
/// `PDFIFY_DUMP=/tmp/pdf cargo test --test it pdf_shape::dump_pdfified -- --ignored`.
#[test]
#[ignore]
fn dump_pdfified() {
    let Some(out) = std::env::var_os("PDFIFY_DUMP") else {
        eprintln!("skipped: PDFIFY_DUMP is not set (the folder to write to)");
        return;
    };
    let Some(shared) = shared(&[PUBLIC_PAIRS]) else { return };
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out).unwrap();
    for dir in pairs(&shared) {
        let symbol = gold(&dir)["symbol"].as_str().unwrap().to_string();
        for (s, set) in SETTINGS.iter().enumerate() {
            for (lang, side) in [("en", set.en), ("fr", set.fr)] {
                let text = pdfify(
                    &read(&dir.join(format!("{lang}.txt"))),
                    side.width,
                    side.lines,
                    &symbol,
                    set.crlf,
                );
                std::fs::write(out.join(format!("{}.s{s}.{lang}.txt", name(&dir))), text).unwrap();
            }
        }
    }
}
