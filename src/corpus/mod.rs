//! Corpus mode: many document pairs at once. Files are identified (language and document
//! symbol, read from their content), paired by symbol (by file name when a file carries no
//! symbol), and aligned in parallel; results come back in a fixed order (sorted by symbol)
//! whatever the number of threads, a bounded number at a time, so that outputs can be written
//! as a stream.

mod identify;
pub mod stream;

pub use identify::guess_language;
pub(crate) use identify::symbol_key;

use crate::align::{self, AlignConfig, Alignment};
use crate::check::{self, Severity};
use crate::read::{self, ReadOptions, Text};
use crate::segment::{self, Language};
use crate::{Error, Result};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A file, what language it is in and which document it holds.
#[derive(Debug, Clone)]
pub struct Identified {
    /// The file.
    pub path: PathBuf,
    /// The language its text reads as.
    pub language: Language,
    /// The document symbol its text carries, if any.
    pub symbol: Option<String>,
}

/// Two files that hold the same document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentPair {
    /// The symbol, or for files paired by name, `name:` and the shared name.
    pub symbol: String,
    /// The English file.
    pub en: PathBuf,
    /// The French file.
    pub fr: PathBuf,
}

/// A file left out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Unpaired {
    /// The file.
    pub path: PathBuf,
    /// Its language, when it could be told.
    pub language: Option<Language>,
    /// Its document symbol, if any.
    pub symbol: Option<String>,
    /// Why it was left out ("no French file with symbol …", a read error).
    pub reason: String,
}

/// What to align: the pairs, sorted by symbol, and the files that could not be paired.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The pairs to align, sorted by symbol.
    pub pairs: Vec<DocumentPair>,
    /// The files left out: no partner, not readable, not English or French.
    pub unpaired: Vec<Unpaired>,
    /// Entries of the input folders that are not documents by their kind (hidden entries,
    /// sub-folders, FIFOs, sockets, devices): listed, but not counted as left out.
    pub not_read: Vec<Unpaired>,
}

/// What a folder holds (not recursive): the files to read, sorted by name, and every other
/// entry with why it is not read, so that a run can list everything it left out.
#[derive(Debug, Default)]
pub struct Listing {
    /// The regular files (or links to one), not hidden.
    pub files: Vec<PathBuf>,
    /// Entries that may have been meant as documents but cannot be read: a link to nothing,
    /// an entry whose type cannot be read, an entry the folder listing failed on.
    pub unreadable: Vec<Unpaired>,
    /// Entries that are not documents by their kind: hidden entries (`.DS_Store`, `.git`),
    /// sub-folders, FIFOs, sockets and devices.
    pub not_read: Vec<Unpaired>,
}

/// Lists `dir`: see [`Listing`]. An error only when the folder itself cannot be opened.
pub fn files_in(dir: &Path) -> Result<Listing> {
    let entries =
        std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.into(), source })?;
    let left_out =
        |path: PathBuf, reason: String| Unpaired { path, language: None, symbol: None, reason };
    let mut listing = Listing::default();
    for entry in entries {
        let path = match entry {
            Ok(e) => e.path(),
            Err(e) => {
                let reason = format!("an entry of this folder cannot be listed: {e}");
                listing.unreadable.push(left_out(dir.to_path_buf(), reason));
                continue;
            }
        };
        if path.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b".")) {
            let reason = "hidden (its name starts with a dot): not read".to_string();
            listing.not_read.push(left_out(path, reason));
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => listing.files.push(path),
            Ok(m) => {
                let reason = format!("{}, not a file: not read", special_kind(&m.file_type()));
                listing.not_read.push(left_out(path, reason));
            }
            Err(e) => {
                let dangling = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink());
                let reason = if dangling {
                    format!("a symbolic link to nothing: {e}")
                } else {
                    format!("its kind cannot be read: {e}")
                };
                listing.unreadable.push(left_out(path, reason));
            }
        }
    }
    listing.files.sort();
    listing.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    listing.not_read.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(listing)
}

/// What an entry that is no regular file is, for the reason written in unpaired.csv.
fn special_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder (sub-folders are not read)"
    } else {
        "a special file"
    }
}

/// The pages of a PDF read to tell its symbol and language (the masthead is on the first).
const IDENTIFY_PAGES: usize = 1;

/// Reads every file (in parallel) and tells its language and symbol. `language` forces the
/// language (files from an English or a French folder); None guesses it from the text.
/// Files that cannot be read (with `options`) are returned apart, with the reason.
pub fn identify(
    files: &[PathBuf],
    language: Option<Language>,
    options: &ReadOptions,
) -> (Vec<Identified>, Vec<Unpaired>) {
    let results: Vec<std::result::Result<Identified, Unpaired>> = files
        .par_iter()
        .map(|path| {
            let tell = |text: &read::Text| {
                let language = language.unwrap_or_else(|| guess_language(&text.content));
                let symbol = segment::header_symbol(&text.content)
                    .or_else(|| segment::segment(text, language).symbol);
                (language, symbol)
            };
            // A PDF's first page holds its masthead: reading it alone tells most files, at a
            // fraction of the cost (the file is read whole again when its pair is aligned).
            let first = ReadOptions { pages: Some(IDENTIFY_PAGES), ..*options };
            let text = match read::read_path(path, &first) {
                // Not a PDF: the text is whole already.
                Ok(text) if text.format != read::InputFormat::Pdf => Ok(text),
                Ok(text) => match tell(&text) {
                    (language, Some(symbol)) => {
                        return Ok(Identified {
                            path: path.clone(),
                            language,
                            symbol: Some(symbol),
                        })
                    }
                    _ => read::read_path(path, options),
                },
                // Read whole, the error is the one `align` would give.
                Err(_) => read::read_path(path, options),
            }
            .map_err(|e| Unpaired {
                path: path.clone(),
                language,
                symbol: None,
                reason: e.to_string(),
            })?;
            let (language, symbol) = tell(&text);
            Ok(Identified { path: path.clone(), language, symbol })
        })
        .collect();
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for r in results {
        match r {
            Ok(i) => ok.push(i),
            Err(u) => bad.push(u),
        }
    }
    (ok, bad)
}

/// Pairs identified files: by symbol first (official files of the two languages have
/// different names, so content wins), then, for files without a symbol, by file name with the
/// language marks taken out (`A-RES-58-135.en.txt` / `A-RES-58-135.fr.txt`). A symbol found in
/// two files of one language pairs the first by path and reports the others.
pub fn pair(files: Vec<Identified>) -> Plan {
    let mut plan = Plan::default();
    let mut by_symbol: BTreeMap<String, (Vec<Identified>, Vec<Identified>)> = BTreeMap::new();
    let mut nameless = Vec::new();
    for f in files {
        match (f.language, f.symbol.as_deref().map(symbol_key)) {
            (Language::Other, _) => plan.unpaired.push(Unpaired {
                reason: "neither English nor French".into(),
                language: Some(f.language),
                symbol: f.symbol.clone(),
                path: f.path,
            }),
            (_, Some(key)) => {
                let slot = by_symbol.entry(key).or_default();
                if f.language == Language::En {
                    slot.0.push(f)
                } else {
                    slot.1.push(f)
                }
            }
            (_, None) => nameless.push(f),
        }
    }
    for (_, (mut en, mut fr)) in by_symbol {
        en.sort_by(|a, b| a.path.cmp(&b.path));
        fr.sort_by(|a, b| a.path.cmp(&b.path));
        for (list, chosen) in [(&en, en.first()), (&fr, fr.first())] {
            for extra in list.iter().skip(1) {
                let first = chosen.map(|c| c.path.display().to_string()).unwrap_or_default();
                plan.unpaired.push(Unpaired {
                    path: extra.path.clone(),
                    language: Some(extra.language),
                    symbol: extra.symbol.clone(),
                    reason: format!("symbol found twice: also in {first}"),
                });
            }
        }
        match (en.into_iter().next(), fr.into_iter().next()) {
            (Some(e), Some(f)) => plan.pairs.push(DocumentPair {
                symbol: e.symbol.clone().unwrap_or_default(),
                en: e.path,
                fr: f.path,
            }),
            // A file with a symbol but no partner may still pair by name below.
            (Some(one), None) | (None, Some(one)) => nameless.push(one),
            (None, None) => {}
        }
    }
    let mut by_name: BTreeMap<String, (Vec<Identified>, Vec<Identified>)> = BTreeMap::new();
    for f in nameless {
        let slot = by_name.entry(identify::name_key(&f.path)).or_default();
        if f.language == Language::En {
            slot.0.push(f)
        } else {
            slot.1.push(f)
        }
    }
    for (name, (en, fr)) in by_name {
        if en.len() == 1 && fr.len() == 1 {
            let (e, f) = (en.into_iter().next().unwrap(), fr.into_iter().next().unwrap());
            let symbol =
                e.symbol.clone().or(f.symbol.clone()).unwrap_or_else(|| format!("name:{name}"));
            plan.pairs.push(DocumentPair { symbol, en: e.path, fr: f.path });
            continue;
        }
        let other_side = |l: Language| if l == Language::En { "French" } else { "English" };
        for f in en.iter().chain(&fr) {
            let reason = match (&f.symbol, en.len().min(1) + fr.len().min(1)) {
                (Some(s), 1) => format!(
                    "no {} file with symbol {s} or with the same name",
                    other_side(f.language)
                ),
                (None, 1) => format!(
                    "no symbol found in the text, and no {} file with the same name",
                    other_side(f.language)
                ),
                _ => "several files share this name and none carries a symbol".to_string(),
            };
            plan.unpaired.push(Unpaired {
                path: f.path.clone(),
                language: Some(f.language),
                symbol: f.symbol.clone(),
                reason,
            });
        }
    }
    plan.pairs.sort_by(|a, b| {
        symbol_key(&a.symbol).cmp(&symbol_key(&b.symbol)).then_with(|| a.en.cmp(&b.en))
    });
    plan.unpaired.sort_by(|a, b| a.path.cmp(&b.path));
    plan
}

/// A manifest: one pair a line, `en_path<TAB>fr_path[<TAB>symbol]`, paths relative to the
/// manifest's folder; a first line starting with `en` is a header. The manifest itself is
/// read with its encoding detected; the English files it names, with `options`.
pub fn read_manifest(path: &Path, options: &ReadOptions) -> Result<Plan> {
    let text = read::read_path(path, &ReadOptions { encoding: None, ..*options })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut plan = Plan::default();
    for (n, line) in text.content.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if line.trim().is_empty()
            || (n == 0 && fields[0].eq_ignore_ascii_case("en")
                || fields[0].eq_ignore_ascii_case("en_path"))
        {
            continue;
        }
        if fields.len() < 2 || fields[1].is_empty() {
            return Err(Error::Syntax {
                path: path.to_path_buf(),
                line: n + 1,
                reason: "expected en_path<TAB>fr_path[<TAB>symbol]".into(),
            });
        }
        let (en, fr) = (base.join(fields[0]), base.join(fields[1]));
        // A device named here (`/dev/zero`) is a mistake in the manifest, refused with its
        // line before any work; a missing file is only a pair skipped, as in a folder.
        for file in [&en, &fr] {
            read::refuse_non_file(file).map_err(|e| Error::Syntax {
                path: path.to_path_buf(),
                line: n + 1,
                reason: e.to_string(),
            })?;
        }
        let symbol = fields.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string());
        let symbol = match symbol {
            Some(s) => s,
            None => read::read_path(&en, options)
                .ok()
                .and_then(|t| segment::segment(&t, Language::En).symbol)
                .unwrap_or_else(|| format!("line:{}", n + 1)),
        };
        plan.pairs.push(DocumentPair { symbol, en, fr });
    }
    plan.pairs.sort_by_key(|p| symbol_key(&p.symbol));
    Ok(plan)
}

/// Keeps the pairs of shard `k` of `n` (1-based), by a stable hash of the symbol, so that a
/// re-run puts each document in the same shard and the shards together hold every pair once.
pub fn shard(plan: &mut Plan, k: usize, n: usize) {
    plan.pairs.retain(|p| {
        (crate::fnv::hash_bytes(symbol_key(&p.symbol).as_bytes()) % n as u64) as usize == k - 1
    });
}

/// One aligned document pair with the numbers `documents.csv` reports.
pub struct Aligned {
    /// The two files.
    pub pair: DocumentPair,
    /// Their alignment.
    pub alignment: Alignment,
    /// Units per kind ("1-1" → 52).
    pub kinds: BTreeMap<Cow<'static, str>, usize>,
    /// Findings of `check` per severity.
    pub errors: usize,
    /// Warnings of `check`.
    pub warnings: usize,
    /// Mean confidence score of the units.
    pub mean_score: f64,
    /// Bytes of input text read.
    pub bytes: usize,
    /// Pages of the PDF inputs (0 for the other formats).
    pub pages: usize,
    /// Why the two files look like two different documents, when they do (the finding is
    /// also counted in `errors`).
    pub mismatch: Option<String>,
}

/// How a run reads and aligns its documents: the one settings value that `batch`, `stream`,
/// `align` and `check` build from their options and hand down, read options to the reader,
/// alignment settings to the aligner.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// How the files are read (encoding).
    pub read: ReadOptions,
    /// What is aligned (paragraphs, sentences or lines) and how widely the search looks.
    pub align: AlignConfig,
}

/// Reads, segments, aligns and checks one pair. An error names the file.
pub fn align_pair(pair: &DocumentPair, settings: &Settings) -> Result<Aligned> {
    let en = read::read_path(&pair.en, &settings.read)?;
    let fr = read::read_path(&pair.fr, &settings.read)?;
    align_texts(pair.clone(), en, fr, &settings.align)
}

/// As [`align_pair`], for texts already in memory (stream mode).
pub fn align_texts(
    pair: DocumentPair,
    en: Text,
    fr: Text,
    config: &AlignConfig,
) -> Result<Aligned> {
    let bytes = en.content.len() + fr.content.len();
    let pages = en.pages() + fr.pages();
    let alignment = align::align_texts(en, fr, config);
    for d in [&alignment.en, &alignment.fr] {
        if d.paragraphs.is_empty() {
            return Err(Error::NoParagraphs { path: d.source.clone().into() });
        }
    }
    let report = check::check(&alignment);
    let mut kinds = BTreeMap::new();
    for b in &alignment.beads {
        *kinds.entry(b.kind()).or_insert(0) += 1;
    }
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let mean_score =
        alignment.beads.iter().map(|b| b.score).sum::<f64>() / alignment.beads.len().max(1) as f64;
    let mismatch = report
        .findings
        .iter()
        .find(|f| f.kind == check::Kind::MismatchedDocuments)
        .map(|f| f.detail.clone());
    Ok(Aligned {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        pair,
        alignment,
        kinds,
        mean_score,
        bytes,
        pages,
        mismatch,
    })
}

/// Documents a window of [`run`] holds per thread: enough to keep every thread busy (a window
/// ends when its last document is aligned, so a small one leaves threads idle at every end: 8
/// documents a thread took 5 % longer than 32 on the 10,000-pair benchmark), few enough to
/// bound memory (32 a thread peak at 16 MB there, 128 at 21 MB).
pub const WINDOW_PER_THREAD: usize = 32;

/// Aligns every pair of the plan on `threads` threads and hands the results to `sink` in the
/// plan's order. At most two windows of `window` documents are in memory at a time, so memory
/// stays bounded whatever the corpus size; one window is aligned while the results of the one
/// before are written, so that no thread waits for the writing.
pub fn run<F>(
    pairs: &[DocumentPair],
    threads: usize,
    window: usize,
    settings: &Settings,
    mut sink: F,
) -> Result<()>
where
    F: FnMut(&DocumentPair, Result<Aligned>) -> Result<()> + Send,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .map_err(|e| Error::Usage(e.to_string()))?;
    let align_window = |chunk: &[DocumentPair]| -> Vec<Result<Aligned>> {
        chunk.par_iter().map(|pair| align_pair(pair, settings)).collect()
    };
    let mut sink_all = |done: &[DocumentPair], results: Vec<Result<Aligned>>| -> Result<()> {
        done.iter().zip(results).try_for_each(|(pair, result)| sink(pair, result))
    };
    pool.install(|| {
        let mut pending: Option<(&[DocumentPair], Vec<Result<Aligned>>)> = None;
        for chunk in pairs.chunks(window.max(1)) {
            let previous = pending.take();
            let (results, written) = rayon::join(
                || align_window(chunk),
                || previous.map_or(Ok(()), |(done, results)| sink_all(done, results)),
            );
            written?;
            pending = Some((chunk, results));
        }
        pending.map_or(Ok(()), |(done, results)| sink_all(done, results))
    })
}

/// Counts of what a run did, for the summary line.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Pairs aligned.
    pub aligned: usize,
    /// Pairs skipped because a file could not be read.
    pub skipped: usize,
    /// Files left without a partner.
    pub unpaired: usize,
    /// Aligned pairs with at least one error or warning.
    pub with_findings: usize,
    /// Units written.
    pub units: usize,
    /// Bytes of input text read.
    pub bytes: usize,
    /// Pages of the PDF inputs read.
    pub pages: usize,
}

impl Summary {
    /// Counts one aligned pair.
    pub fn add(&mut self, a: &Aligned) {
        self.aligned += 1;
        self.units += a.alignment.beads.len();
        self.bytes += a.bytes;
        self.pages += a.pages;
        if a.errors + a.warnings > 0 {
            self.with_findings += 1;
        }
    }
}
