//! `paralign batch`: align a whole collection of document pairs into one corpus.

use super::io::{AtomicFile, FolderLock};
use paralign::corpus::{self, Aligned, DocumentPair, Plan, Summary, Unpaired};
use paralign::read::ReadOptions;
use paralign::segment::Language;
use paralign::write::{CsvWriter, JsonlWriter, MosesWriter, TmxWriter, UnitWriter, BUFFER_BYTES};
use paralign::{Error, Result};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Align many document pairs in parallel into one corpus. Files are paired by the document
/// symbol found in their text (A/RES/58/135, S/RES/2505 (2020)…), by file name when a file
/// carries none. Writes corpus.tmx, corpus.csv, corpus.jsonl, corpus.en / corpus.fr,
/// documents.csv and unpaired.csv into OUT_DIR. Exit code 0 when every file was paired and
/// aligned, 1 when some were skipped or left unpaired, 2 on a usage error.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  paralign batch english/ french/ -o corpus/\n  paralign batch mixed/ -o corpus/                 # one folder, language told from the text\n  paralign batch --manifest pairs.tsv -o corpus/   # en_path<TAB>fr_path[<TAB>symbol]\n  paralign batch en/ fr/ -o shard3/ --shard 3/8     # one of 8 deterministic slices"
)]
pub struct Args {
    /// An English folder and a French folder, or one folder holding both languages.
    #[arg(num_args = 0..=2)]
    pub inputs: Vec<PathBuf>,
    /// A TSV file of pairs: en_path, fr_path, optional symbol (paths relative to the file).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Output folder (created if missing).
    #[arg(short, long, value_name = "OUT_DIR")]
    pub output: PathBuf,
    /// Threads to use, 1 to 1024 (default: all cores).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=MAX_JOBS))]
    pub jobs: Option<u16>,
    /// Process only slice K of N (1-based), chosen by a stable hash of the symbol.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,
    /// Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be,
    /// windows-1252, latin1… (any WHATWG label).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// In corpus.csv, documents.csv and unpaired.csv, put an apostrophe before every cell that
    /// starts with =, +, -, @, a tab or a carriage return, so that a spreadsheet does not run
    /// it as a formula (the cell is then no longer exactly the source text).
    #[arg(long)]
    pub excel_safe: bool,
    #[command(flatten)]
    pub align: super::AlignOptions,
    #[command(flatten)]
    pub limit: super::InputLimit,
}

/// Most threads `--jobs` takes: more than any machine's cores, few enough to start at once
/// (100,000 threads took minutes to start before any work).
const MAX_JOBS: i64 = 1024;

/// Slice `k` of `n` (1-based) of a corpus, as `--shard K/N` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which slice, from 1.
    pub k: usize,
    /// How many slices.
    pub n: usize,
}

pub fn run(args: &Args) -> Result<u8> {
    let started = Instant::now();
    let settings = args.align.settings(args.encoding.as_deref(), args.limit)?;
    let mut plan = plan(args, &settings.read)?;
    if let Some(Shard { k, n }) = args.shard {
        corpus::shard(&mut plan, k, n);
    }
    let outputs = own_outputs(&args.output);
    let inputs: Vec<&Path> = plan
        .pairs
        .iter()
        .flat_map(|p| [p.en.as_path(), p.fr.as_path()])
        .chain(plan.unpaired.iter().map(|u| u.path.as_path()))
        .collect();
    super::io::refuse_output_over_input(
        &outputs.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
        &inputs,
    )?;
    std::fs::create_dir_all(&args.output)
        .map_err(|source| Error::Write { path: args.output.clone(), source })?;
    // Held to the end of the run: a second batch into this folder fails at once instead of
    // mixing its outputs with these.
    let _lock = FolderLock::exclusive(&args.output)?;
    let out = Outputs::create(&args.output)?;
    let threads = args
        .jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let progress = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(plan.pairs.len() as u64).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} pairs  {elapsed_precise}  {msg}",
            )
            .expect("a valid template"),
        )
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut summary = Summary { unpaired: plan.unpaired.len(), ..Summary::default() };
    let mut writers = out.writers(args.excel_safe)?;
    let window = threads * corpus::WINDOW_PER_THREAD;
    corpus::run(&plan.pairs, threads, window, &settings, |pair, result| {
        progress.inc(1);
        match result {
            // Two texts that are not one document in two languages (another resolution,
            // swapped folders, twice the same language) would put wrong pairs into the corpus:
            // the pair is reported and skipped.
            Ok(aligned) if aligned.mismatch.is_some() => {
                let detail = aligned.mismatch.as_deref().unwrap_or_default();
                summary.skipped += 1;
                progress.suspend(|| eprintln!("paralign: skipped {}: {detail}", pair.symbol));
                writers.skipped(pair, &format!("mismatched documents: {detail}"))
            }
            Ok(aligned) => {
                summary.add(&aligned);
                writers.document(&aligned)
            }
            Err(e) => {
                summary.skipped += 1;
                progress.suspend(|| eprintln!("paralign: skipped {}: {e}", pair.symbol));
                writers.skipped(pair, &e.to_string())
            }
        }
    })?;
    progress.finish_and_clear();
    writers.unpaired(&plan.unpaired, &plan.not_read)?;
    writers.finish()?;
    drop(writers);
    out.commit()?;
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    // Pages per second only when PDF files were read: the other formats have no pages.
    let not_read = match plan.not_read.len() {
        0 => String::new(),
        n => format!(" ({n} entries not read: hidden, folders or special files)"),
    };
    let pages = match summary.pages {
        0 => String::new(),
        n => format!(", {n} PDF pages, {:.0} pages/s", n as f64 / seconds),
    };
    eprintln!(
        "paralign: {} pairs aligned ({} units), {} skipped, {} files unpaired{not_read}, {} documents with findings, in {:.1} s ({:.1} MB/s of text{pages})",
        summary.aligned,
        summary.units,
        summary.skipped,
        summary.unpaired,
        summary.with_findings,
        seconds,
        summary.bytes as f64 / 1e6 / seconds
    );
    Ok(u8::from(summary.skipped + summary.unpaired > 0))
}

fn plan(args: &Args, options: &ReadOptions) -> Result<Plan> {
    if let Some(manifest) = &args.manifest {
        if !args.inputs.is_empty() {
            return Err(Error::Usage("give either folders or --manifest, not both".into()));
        }
        return corpus::read_manifest(manifest, options);
    }
    // The outputs of an earlier run into an input folder (`batch DIR -o DIR`) are not inputs:
    // read, they would pair corpus.en with corpus.fr. They are told by the documents.csv that
    // run wrote beside them; a user's own file that happens to be named corpus.en, with no
    // such run, is an input (and writing over it is refused below).
    let earlier_run = std::fs::read_to_string(args.output.join(Output::Documents.name()))
        .is_ok_and(|d| d.starts_with("symbol,en_file,fr_file,status,"));
    let own: Vec<PathBuf> = if earlier_run { own_outputs(&args.output) } else { vec![] };
    // Entries that are not files to read are kept, to be listed in unpaired.csv.
    let mut unreadable = Vec::new();
    let mut not_read = Vec::new();
    let mut files = |dir: &Path| -> Result<Vec<PathBuf>> {
        let mut listing = corpus::files_in(dir)?;
        listing.files.retain(|f| !own.iter().any(|o| super::io::same_file(f, o)));
        unreadable.append(&mut listing.unreadable);
        not_read.append(&mut listing.not_read);
        Ok(listing.files)
    };
    let (identified, mut bad) = match args.inputs.as_slice() {
        [en, fr] => {
            let (mut a, mut bad) = corpus::identify(&files(en)?, Some(Language::En), options);
            let (b, bad_fr) = corpus::identify(&files(fr)?, Some(Language::Fr), options);
            a.extend(b);
            bad.extend(bad_fr);
            (a, bad)
        }
        [dir] => corpus::identify(&files(dir)?, None, options),
        _ => {
            return Err(Error::Usage(
                "give an English and a French folder, one folder with both, or --manifest FILE"
                    .into(),
            ))
        }
    };
    let mut plan = corpus::pair(identified);
    plan.unpaired.append(&mut bad);
    plan.unpaired.append(&mut unreadable);
    plan.unpaired.sort_by(|a, b| a.path.cmp(&b.path));
    // A folder holding its own output folder (`batch DIR -o DIR/out`) does not list it.
    not_read.retain(|n| !super::io::same_file(&n.path, &args.output));
    not_read.sort_by(|a, b| a.path.cmp(&b.path));
    plan.not_read = not_read;
    Ok(plan)
}

/// Every file a run writes into `dir`: the outputs and the run manifest.
fn own_outputs(dir: &Path) -> Vec<PathBuf> {
    let names = Output::ALL.iter().map(|o| o.name()).chain([RUN_MANIFEST]);
    names.map(|name| dir.join(name)).collect()
}

/// The value of `--shard`: `K/N` with 1 ≤ K ≤ N.
fn parse_shard(spec: &str) -> std::result::Result<Shard, String> {
    let bad = || format!("takes K/N with 1 <= K <= N, not '{spec}'");
    let (k, n) = spec.split_once('/').ok_or_else(bad)?;
    let (k, n): (usize, usize) =
        (k.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
    if k == 0 || n == 0 || k > n {
        return Err(bad());
    }
    Ok(Shard { k, n })
}

/// The files a batch writes into its output folder.
#[derive(Debug, Clone, Copy)]
enum Output {
    Tmx,
    Csv,
    Jsonl,
    MosesEn,
    MosesFr,
    Documents,
    Unpaired,
}

impl Output {
    const ALL: [Output; 7] = [
        Output::Tmx,
        Output::Csv,
        Output::Jsonl,
        Output::MosesEn,
        Output::MosesFr,
        Output::Documents,
        Output::Unpaired,
    ];

    fn name(self) -> &'static str {
        match self {
            Output::Tmx => "corpus.tmx",
            Output::Csv => "corpus.csv",
            Output::Jsonl => "corpus.jsonl",
            Output::MosesEn => "corpus.en",
            Output::MosesFr => "corpus.fr",
            Output::Documents => "documents.csv",
            Output::Unpaired => "unpaired.csv",
        }
    }
}

/// The output files, written under temporary names and renamed together at the end.
struct Outputs {
    dir: PathBuf,
    /// One a [`Output`], in the order of [`Output::ALL`].
    files: Vec<AtomicFile>,
}

impl Outputs {
    fn create(dir: &Path) -> Result<Outputs> {
        let files =
            Output::ALL.iter().map(|o| AtomicFile::create_in_locked_folder(&dir.join(o.name())));
        Ok(Outputs { dir: dir.to_path_buf(), files: files.collect::<Result<_>>()? })
    }

    /// The writers, each straight on its file: the writers buffer (`write::BUFFER_BYTES`).
    fn writers(&self, excel_safe: bool) -> Result<Writers> {
        let w = |o: Output| self.files[o as usize].writer();
        let table = |out| csv::WriterBuilder::new().buffer_capacity(BUFFER_BYTES).from_writer(out);
        let csv = CsvWriter::csv(w(Output::Csv)?).with_symbol();
        let mut writers = Writers {
            dir: self.dir.clone(),
            tmx: TmxWriter::new(w(Output::Tmx)?),
            csv: if excel_safe { csv.excel_safe() } else { csv },
            jsonl: JsonlWriter::new(w(Output::Jsonl)?).with_symbol().with_translation(),
            moses: MosesWriter::new(w(Output::MosesEn)?, w(Output::MosesFr)?),
            documents: table(w(Output::Documents)?),
            unpaired: table(w(Output::Unpaired)?),
            excel_safe,
        };
        writers.documents_header()?;
        Ok(writers)
    }

    /// Puts the outputs in place so that a reader can tell a complete run from a mix: the run
    /// manifest (`run.json`: each output's name, size and SHA-256) of the run before is
    /// removed first, the outputs are renamed one by one, and the new manifest comes last. A
    /// crash in between leaves no `run.json`, and outputs that match the manifest are all of
    /// one run. No signal is handled between the first step and the last.
    fn commit(self) -> Result<()> {
        let manifest_path = self.dir.join(RUN_MANIFEST);
        let manifest = AtomicFile::create_in_locked_folder(&manifest_path)?;
        let entries = Output::ALL
            .iter()
            .zip(&self.files)
            .map(|(o, f)| manifest_entry(o.name(), f, &self.dir))
            .collect::<Result<Vec<_>>>()?;
        let write_error = |source| Error::Write { path: manifest_path.clone(), source };
        let mut text = serde_json::to_string_pretty(&RunManifest {
            paralign: env!("CARGO_PKG_VERSION"),
            files: entries,
        })
        .map_err(|e| write_error(e.into()))?;
        text.push('\n');
        manifest.writer()?.write_all(text.as_bytes()).map_err(write_error)?;
        let mut files = self.files;
        files.push(manifest);
        AtomicFile::commit_all(files, || match std::fs::remove_file(&manifest_path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(Error::Write { path: manifest_path.clone(), source: e })
            }
            _ => Ok(()),
        })
    }
}

/// The run manifest, written last (see [`Outputs::commit`]).
const RUN_MANIFEST: &str = "run.json";

#[derive(serde::Serialize)]
struct RunManifest {
    /// The version that wrote the run.
    paralign: &'static str,
    files: Vec<ManifestEntry>,
}

#[derive(serde::Serialize)]
struct ManifestEntry {
    name: &'static str,
    bytes: u64,
    sha256: String,
}

/// Size and SHA-256 of a finished output, read back from its temporary file (from the page
/// cache: the outputs were just written).
fn manifest_entry(name: &'static str, file: &AtomicFile, dir: &Path) -> Result<ManifestEntry> {
    use sha2::Digest;
    let read_error = |source| Error::Write { path: dir.join(name), source };
    let Some(temp) = file.temporary_path() else {
        return Ok(ManifestEntry { name, bytes: 0, sha256: String::new() });
    };
    let mut reader = std::fs::File::open(temp).map_err(read_error)?;
    let mut hasher = sha2::Sha256::new();
    let bytes = std::io::copy(&mut reader, &mut hasher).map_err(read_error)?;
    let sha256 = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(ManifestEntry { name, bytes, sha256 })
}

type Out = Box<dyn Write + Send>;

struct Writers {
    /// The output folder, to name a file that cannot be written.
    dir: PathBuf,
    tmx: TmxWriter<Out>,
    csv: CsvWriter<Out>,
    jsonl: JsonlWriter<Out>,
    moses: MosesWriter<Out, Out>,
    documents: csv::Writer<Out>,
    unpaired: csv::Writer<Out>,
    /// Cells of documents.csv and unpaired.csv made safe for spreadsheets too.
    excel_safe: bool,
}

const KINDS: [&str; 5] = ["1-1", "1-0", "0-1", "2-1", "1-2"];

impl Writers {
    /// The error for an output that cannot be written, naming its file.
    fn failed(&self, output: Output) -> impl FnOnce(std::io::Error) -> Error + '_ {
        move |source| Error::Write { path: self.dir.join(output.name()), source }
    }

    /// As [`Writers::failed`], for the pair of Moses files (a write error does not say which
    /// of the two it came from).
    fn moses_failed(&self) -> impl FnOnce(std::io::Error) -> Error + '_ {
        move |source| Error::Write { path: self.dir.join("corpus.en or corpus.fr"), source }
    }

    fn documents_header(&mut self) -> Result<()> {
        let mut header = vec!["symbol", "en_file", "fr_file", "status", "units"];
        header.extend(KINDS);
        header.extend(["other_kinds", "errors", "warnings", "structure", "mean_score"]);
        self.documents.write_record(header).map_err(|e| self.failed(Output::Documents)(e.into()))
    }

    fn document(&mut self, a: &Aligned) -> Result<()> {
        for bead in &a.alignment.beads {
            self.tmx.write_unit(&a.alignment, bead).map_err(self.failed(Output::Tmx))?;
            self.csv.write_unit(&a.alignment, bead).map_err(self.failed(Output::Csv))?;
            self.jsonl.write_unit(&a.alignment, bead).map_err(self.failed(Output::Jsonl))?;
            self.moses.write_unit(&a.alignment, bead).map_err(self.moses_failed())?;
        }
        let count = |k: &str| a.kinds.get(k).copied().unwrap_or(0);
        let other: usize =
            a.kinds.iter().filter(|(k, _)| !KINDS.contains(&k.as_ref())).map(|(_, n)| n).sum();
        let same = count("1-1") == a.alignment.beads.len();
        let mut row = vec![
            a.pair.symbol.clone(),
            path(&a.pair.en),
            path(&a.pair.fr),
            "aligned".into(),
            a.alignment.beads.len().to_string(),
        ];
        row.extend(KINDS.iter().map(|k| count(k).to_string()));
        row.extend([
            other.to_string(),
            a.errors.to_string(),
            a.warnings.to_string(),
            if same { "same" } else { "differs" }.into(),
            format!("{:.4}", a.mean_score),
        ]);
        let row = self.cells(row);
        self.documents.write_record(row).map_err(|e| self.failed(Output::Documents)(e.into()))
    }

    /// The cells of a report row, made safe for spreadsheets when asked.
    fn cells(&self, row: Vec<String>) -> Vec<String> {
        if self.excel_safe {
            row.into_iter().map(|c| paralign::write::excel_safe(&c).into_owned()).collect()
        } else {
            row
        }
    }

    fn skipped(&mut self, pair: &DocumentPair, reason: &str) -> Result<()> {
        let mut row = vec![
            pair.symbol.clone(),
            path(&pair.en),
            path(&pair.fr),
            format!("skipped: {reason}"),
            String::new(),
        ];
        row.extend(std::iter::repeat_n(String::new(), KINDS.len() + 5));
        let row = self.cells(row);
        self.documents.write_record(row).map_err(|e| self.failed(Output::Documents)(e.into()))
    }

    /// The files left out, then the entries not read, each group in path order.
    fn unpaired(&mut self, files: &[Unpaired], not_read: &[Unpaired]) -> Result<()> {
        let failed = |w: &Self, e: csv::Error| w.failed(Output::Unpaired)(e.into());
        self.unpaired
            .write_record(["file", "language", "symbol", "reason"])
            .map_err(|e| failed(self, e))?;
        for u in files.iter().chain(not_read) {
            let language = u.language.map(|l| l.code()).unwrap_or("");
            let row = vec![
                path(&u.path),
                language.to_string(),
                u.symbol.clone().unwrap_or_default(),
                u.reason.clone(),
            ];
            let row = self.cells(row);
            self.unpaired.write_record(row).map_err(|e| failed(self, e))?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        self.tmx.finish().map_err(self.failed(Output::Tmx))?;
        self.csv.finish().map_err(self.failed(Output::Csv))?;
        self.jsonl.finish().map_err(self.failed(Output::Jsonl))?;
        self.moses.finish().map_err(self.moses_failed())?;
        self.documents.flush().map_err(self.failed(Output::Documents))?;
        self.unpaired.flush().map_err(self.failed(Output::Unpaired))
    }
}

/// A path as a CSV cell: as it is when it is UTF-8; otherwise each byte that is not UTF-8 as
/// `\xNN` (Python's "backslashreplace"), so that two such names stay apart and can be found.
fn path(p: &Path) -> String {
    let bytes = p.as_os_str().as_encoded_bytes();
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}
