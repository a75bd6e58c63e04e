//! Pipeline benchmarks: `cargo bench --bench pipeline`.
//!
//! - `segment/seed_en`, `segment/seed_fr`: decode + segment one side of the seed pair
//!   (data/A-RES-58-135.{en,fr}.txt), from bytes already in memory;
//! - `align/seed_pair`: `align` only, on documents segmented beforehand;
//! - `write/seed_pair`: JSONL of the seed pair's alignment into a `Vec<u8>`;
//! - `end_to_end/seed_pair`: decode both sides + segment both + align + JSONL into a `Vec<u8>`
//!   (product target: < 250 µs);
//! - `scaling/align/K`: `align` on a synthetic pair whose body is the seed pair's body repeated
//!   K times (K = 1, 2, 4, 8, 16), operative paragraphs and footnotes renumbered so that
//!   anchors stay unique; throughput in bytes of paragraph text (EN + FR);
//! - `scaling/align_public/K`: the same with the K first paragraph-shape pairs of
//!   ../shared/eval-public/un-resolutions-enfr/*/{en,fr}.txt (cycled), concatenated and
//!   relabelled; skipped when that folder is absent.
//! - `read/<file>/decode`: the PDF or Word reader in-process, from the file's bytes in memory
//!   (tests/it/fixtures: the seed pair rendered by LibreOffice, 2 pages a side; the real
//!   A/RES/70/10 PDF of ../shared/seeds/real-pdf when present); throughput in pages;
//!   `read/<file>/paralign_read` and `read/<file>/pdftotext_layout`: the `paralign read`
//!   command and poppler's `pdftotext -layout FILE -` as processes, side by side (the second
//!   skipped when pdftotext is not installed).
//!
//! All inputs are read, segmented and built outside the timed loops. The benchmarks use the
//! allocator the `paralign` binary uses (mimalloc), so that they time what users run.

use criterion::{
    criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use paralign::align::{align, align_texts, AlignConfig, Alignment, Units};
use paralign::read::decode;
use paralign::segment::{segment, Document, Language, Paragraph, Part};
use paralign::write::{write_all, JsonlWriter, UnitWriter};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED_EN: &str = "data/A-RES-58-135.en.txt";
const SEED_FR: &str = "data/A-RES-58-135.fr.txt";
const PUBLIC_DIR: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval-public/un-resolutions-enfr");
const SCALES: [usize; 5] = [1, 2, 4, 8, 16];

fn manifest_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The raw bytes of one seed file (read once, outside every timed loop).
fn seed_bytes(rel: &str) -> (PathBuf, Vec<u8>) {
    let path = manifest_path(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, bytes)
}

fn decode_segment(bytes: &[u8], path: &Path, language: Language) -> Document {
    let text = decode(bytes, path, &Default::default()).expect("seed file decodes");
    segment(&text, language)
}

fn write_jsonl(alignment: &Alignment, capacity: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(capacity);
    {
        let mut writer = JsonlWriter::new(&mut out);
        write_all(alignment, &mut writer).expect("writing to a Vec cannot fail");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Seed pair: segment, align, write, end to end.

fn bench_seed(c: &mut Criterion) {
    let (en_path, en_bytes) = seed_bytes(SEED_EN);
    let (fr_path, fr_bytes) = seed_bytes(SEED_FR);

    let mut group = c.benchmark_group("segment");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes(en_bytes.len() as u64));
    group.bench_function("seed_en", |b| {
        b.iter(|| decode_segment(black_box(&en_bytes), black_box(&en_path), Language::En))
    });
    group.throughput(Throughput::Bytes(fr_bytes.len() as u64));
    group.bench_function("seed_fr", |b| {
        b.iter(|| decode_segment(black_box(&fr_bytes), black_box(&fr_path), Language::Fr))
    });
    group.finish();

    let en_doc = decode_segment(&en_bytes, &en_path, Language::En);
    let fr_doc = decode_segment(&fr_bytes, &fr_path, Language::Fr);
    let config = AlignConfig::default();

    let mut group = c.benchmark_group("align");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    group.bench_function("seed_pair", |b| {
        b.iter_batched(
            || (en_doc.clone(), fr_doc.clone()),
            |(en, fr)| align(black_box(en), black_box(fr), &config),
            BatchSize::SmallInput,
        )
    });
    group.finish();

    let alignment = align(en_doc.clone(), fr_doc.clone(), &config);
    let jsonl_len = write_jsonl(&alignment, 0).len();

    let mut group = c.benchmark_group("write");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(2));
    group.throughput(Throughput::Bytes(jsonl_len as u64));
    group.bench_function("seed_pair", |b| b.iter(|| write_jsonl(black_box(&alignment), jsonl_len)));
    group.finish();

    let mut group = c.benchmark_group("end_to_end");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Bytes((en_bytes.len() + fr_bytes.len()) as u64));
    group.bench_function("seed_pair", |b| {
        b.iter(|| {
            let en = decode(black_box(&en_bytes), black_box(&en_path), &Default::default())
                .expect("seed decodes");
            let fr = decode(black_box(&fr_bytes), black_box(&fr_path), &Default::default())
                .expect("seed decodes");
            let alignment = align_texts(en, fr, &Units::Paragraphs.into());
            write_jsonl(&alignment, jsonl_len)
        })
    });
    group.finish();
}

// ---------------------------------------------------------------------------------------------
// Synthetic long documents.

/// Offsets added to the numbers of the labels of a repeated chunk, so that `op.N`, `fn.N`
/// and `pre.N` stay unique (and anchors stay anchors) across copies.
#[derive(Default, Clone, Copy)]
struct Offsets {
    op: u32,
    footnote: u32,
    preamble: u32,
    span: usize,
}

impl Offsets {
    /// What one document uses: its largest operative, footnote (label or marker) and
    /// preamble numbers and its largest byte offset.
    fn extent(doc: &Document) -> Offsets {
        let max = |prefix: &str| {
            doc.paragraphs
                .iter()
                .filter_map(|p| split_number(&p.label.name, prefix))
                .map(|(n, _)| n)
                .max()
                .unwrap_or(0)
        };
        let max_marker =
            doc.paragraphs.iter().flat_map(|p| p.markers.iter().copied()).max().unwrap_or(0);
        Offsets {
            op: max("op."),
            footnote: max("fn.").max(max_marker),
            preamble: max("pre."),
            span: doc.paragraphs.iter().map(|p| p.span.end).max().unwrap_or(0) + 1,
        }
    }

    fn times(self, k: usize) -> Offsets {
        let k32 = k as u32;
        Offsets {
            op: self.op * k32,
            footnote: self.footnote * k32,
            preamble: self.preamble * k32,
            span: self.span * k,
        }
    }

    fn plus(self, o: Offsets) -> Offsets {
        Offsets {
            op: self.op + o.op,
            footnote: self.footnote + o.footnote,
            preamble: self.preamble + o.preamble,
            span: self.span + o.span,
        }
    }
}

/// Splits "op.12.a" into (12, ".a") when `name` starts with `prefix` and a number.
fn split_number<'a>(name: &'a str, prefix: &str) -> Option<(u32, &'a str)> {
    let rest = name.strip_prefix(prefix)?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let n = rest[..digits].parse().ok()?;
    Some((n, &rest[digits..]))
}

/// A paragraph of copy number `copy`, its numbers moved by `off`.
fn relabel(p: &Paragraph, copy: usize, off: Offsets) -> Paragraph {
    let mut p = p.clone();
    let name = p.label.name.clone();
    if let Some((n, rest)) = split_number(&name, "op.") {
        let renumbered = n + off.op;
        p.label.name = format!("op.{renumbered}{rest}");
        // Rewrite the number the paragraph opens with ("3. Commends" → "12. Commends").
        let digits = p.text.len() - p.text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if rest.is_empty() && digits > 0 && p.text[..digits].parse() == Ok(n) {
            p.text = format!("{renumbered}{}", &p.text[digits..]);
        }
    } else if let Some((n, rest)) = split_number(&name, "fn.") {
        p.label.name = format!("fn.{}{rest}", n + off.footnote);
    } else if let Some((n, rest)) = split_number(&name, "pre.") {
        p.label.name = format!("pre.{}{rest}", n + off.preamble);
    } else if copy > 0 {
        // cover.N, title, opening, closing, head.N, sec.…, annex.…: unique per copy.
        p.label.name = format!("r{copy}.{name}");
    }
    for m in &mut p.markers {
        *m += off.footnote;
    }
    p.span = p.span.start + off.span..p.span.end + off.span;
    p
}

fn with_paragraphs(template: &Document, paragraphs: Vec<Paragraph>) -> Document {
    Document {
        source: template.source.clone(),
        language: template.language,
        symbol: template.symbol.clone(),
        paragraphs,
        dropped: vec![],
    }
}

/// The seed document with its body (between the opening and the closing) and its footnotes
/// repeated `k` times, renumbered; cover, title, opening and closing once.
fn repeat_body(doc: &Document, k: usize) -> Document {
    let ps = &doc.paragraphs;
    let is_head = |p: &Paragraph| matches!(p.part, Part::Cover | Part::Title | Part::Opening);
    let head_end = ps.iter().position(|p| !is_head(p)).unwrap_or(ps.len());
    let tail_start = ps
        .iter()
        .position(|p| matches!(p.part, Part::Closing | Part::Footnote))
        .unwrap_or(ps.len())
        .max(head_end);
    let (head, body, tail) = (&ps[..head_end], &ps[head_end..tail_start], &ps[tail_start..]);
    let extent = Offsets::extent(doc);

    let mut out: Vec<Paragraph> = head.to_vec();
    for copy in 0..k {
        out.extend(body.iter().map(|p| relabel(p, copy, extent.times(copy))));
    }
    let last = extent.times(k - 1);
    out.extend(
        tail.iter()
            .filter(|p| p.part != Part::Footnote)
            .map(|p| relabel(p, 0, Offsets { span: last.span, ..Offsets::default() })),
    );
    for copy in 0..k {
        out.extend(
            tail.iter()
                .filter(|p| p.part == Part::Footnote)
                .map(|p| relabel(p, copy, extent.times(copy))),
        );
    }
    with_paragraphs(doc, out)
}

/// Whole documents concatenated (every body, then every document's footnotes), relabelled.
fn concatenate(docs: &[&Document]) -> Document {
    let mut offsets = Vec::with_capacity(docs.len());
    let mut at = Offsets::default();
    for doc in docs {
        offsets.push(at);
        at = at.plus(Offsets::extent(doc));
    }
    let mut out = Vec::new();
    for (copy, doc) in docs.iter().enumerate() {
        out.extend(
            doc.paragraphs
                .iter()
                .filter(|p| p.part != Part::Footnote)
                .map(|p| relabel(p, copy, offsets[copy])),
        );
    }
    for (copy, doc) in docs.iter().enumerate() {
        out.extend(
            doc.paragraphs
                .iter()
                .filter(|p| p.part == Part::Footnote)
                .map(|p| relabel(p, copy, offsets[copy])),
        );
    }
    with_paragraphs(docs[0], out)
}

fn text_bytes(doc: &Document) -> usize {
    doc.paragraphs.iter().map(|p| p.text.len()).sum()
}

fn anchored_labels(doc: &Document) -> usize {
    let mut names: Vec<&str> =
        doc.paragraphs.iter().filter(|p| p.label.anchor).map(|p| p.label.name.as_str()).collect();
    let total = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(
        names.len(),
        total,
        "{}: synthetic document has duplicate anchor labels",
        doc.source
    );
    total
}

/// The paragraph-shape pairs of the public evaluation folder, segmented; empty when absent.
fn public_pairs() -> Vec<(Document, Document)> {
    let Ok(entries) = std::fs::read_dir(PUBLIC_DIR) else { return vec![] };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("en.txt").is_file() && p.join("fr.txt").is_file())
        .collect();
    dirs.sort();
    dirs.iter()
        .filter_map(|d| {
            let en = paralign::read::read_path(&d.join("en.txt"), &Default::default()).ok()?;
            let fr = paralign::read::read_path(&d.join("fr.txt"), &Default::default()).ok()?;
            Some((segment(&en, Language::En), segment(&fr, Language::Fr)))
        })
        .collect()
}

fn bench_scaling_group(c: &mut Criterion, name: &str, inputs: &[(usize, Document, Document)]) {
    let config = AlignConfig::default();
    let mut group = c.benchmark_group("scaling");
    group
        .sample_size(10)
        // Flat sampling: at K = 16 one iteration takes a sizeable part of the budget.
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (k, en, fr) in inputs {
        group.throughput(Throughput::Bytes((text_bytes(en) + text_bytes(fr)) as u64));
        group.bench_with_input(BenchmarkId::new(name, k), &(en, fr), |b, (en, fr)| {
            b.iter_batched(
                || ((*en).clone(), (*fr).clone()),
                |(en, fr)| align(black_box(en), black_box(fr), &config),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

fn describe(name: &str, inputs: &[(usize, Document, Document)]) {
    let config = AlignConfig::default();
    for (k, en, fr) in inputs {
        let alignment = align(en.clone(), fr.clone(), &config);
        let one_one = alignment.beads.iter().filter(|b| b.en.len() == 1 && b.fr.len() == 1).count();
        eprintln!(
            "scaling/{name}/{k}: {} EN + {} FR paragraphs, {} + {} bytes of text, {} + {} anchor labels, {} beads ({} 1-1)",
            en.paragraphs.len(),
            fr.paragraphs.len(),
            text_bytes(en),
            text_bytes(fr),
            anchored_labels(en),
            anchored_labels(fr),
            alignment.beads.len(),
            one_one
        );
    }
}

fn bench_scaling(c: &mut Criterion) {
    let (en_path, en_bytes) = seed_bytes(SEED_EN);
    let (fr_path, fr_bytes) = seed_bytes(SEED_FR);
    let en = decode_segment(&en_bytes, &en_path, Language::En);
    let fr = decode_segment(&fr_bytes, &fr_path, Language::Fr);
    let seed: Vec<(usize, Document, Document)> =
        SCALES.iter().map(|&k| (k, repeat_body(&en, k), repeat_body(&fr, k))).collect();
    describe("align", &seed);
    bench_scaling_group(c, "align", &seed);

    let public = public_pairs();
    if public.is_empty() {
        eprintln!("skipped: scaling/align_public: {PUBLIC_DIR} is missing (or holds no pair)");
        return;
    }
    let public: Vec<(usize, Document, Document)> = SCALES
        .iter()
        .map(|&k| {
            let en: Vec<&Document> = (0..k).map(|i| &public[i % public.len()].0).collect();
            let fr: Vec<&Document> = (0..k).map(|i| &public[i % public.len()].1).collect();
            (k, concatenate(&en), concatenate(&fr))
        })
        .collect();
    describe("align_public", &public);
    bench_scaling_group(c, "align_public", &public);
}

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen;

/// Batch throughput: a corpus generated from the seed pair (examples/gen_corpus.rs: symbols
/// renumbered, French paragraphs deleted or merged, re-wrapped), paired by the symbols in the
/// files and aligned, checked and written as JSONL, in-process on all cores. Bytes are the
/// input text read.
fn bench_batch(c: &mut Criterion) {
    let en = std::fs::read_to_string(manifest_path("data/A-RES-58-135.en.txt")).expect("seed");
    let fr = std::fs::read_to_string(manifest_path("data/A-RES-58-135.fr.txt")).expect("seed");
    let dir = tempfile::tempdir().expect("temporary folder");
    let pairs = 400;
    gen::generate(&en, &fr, pairs, dir.path()).expect("corpus");
    let bytes: u64 = ["en", "fr"]
        .iter()
        .flat_map(|side| std::fs::read_dir(dir.path().join(side)).expect("folder"))
        .map(|e| e.expect("entry").metadata().expect("metadata").len())
        .sum();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut group = c.benchmark_group("batch");
    group
        .sample_size(10)
        .measurement_time(std::time::Duration::from_secs(8))
        .throughput(Throughput::Bytes(bytes));
    group.bench_function(BenchmarkId::new("pair_align_write", pairs), |b| {
        b.iter(|| {
            let (en, _) = paralign::corpus::identify(
                &paralign::corpus::files_in(&dir.path().join("en")).expect("en").files,
                Some(Language::En),
                &Default::default(),
            );
            let (fr, _) = paralign::corpus::identify(
                &paralign::corpus::files_in(&dir.path().join("fr")).expect("fr").files,
                Some(Language::Fr),
                &Default::default(),
            );
            let plan = paralign::corpus::pair(en.into_iter().chain(fr).collect());
            let mut out = JsonlWriter::new(std::io::sink()).with_symbol().with_translation();
            paralign::corpus::run(
                &plan.pairs,
                threads,
                threads * paralign::corpus::WINDOW_PER_THREAD,
                &Default::default(),
                |_, r| {
                    let a = r.expect("aligned");
                    for bead in &a.alignment.beads {
                        out.write_unit(&a.alignment, bead).expect("write");
                    }
                    Ok(())
                },
            )
            .expect("run");
            black_box(plan.pairs.len())
        })
    });
    group.finish();
}

/// Reading PDF and Word files: the reader in-process, and as a command beside pdftotext.
fn bench_read(c: &mut Criterion) {
    let mut inputs: Vec<(&str, PathBuf, u64)> = vec![
        ("docx_seed_en", manifest_path("tests/it/fixtures/A-RES-58-135.en.docx"), 2),
        ("odt_seed_en", manifest_path("tests/it/fixtures/A-RES-58-135.en.odt"), 2),
    ];
    if cfg!(feature = "pdf") {
        inputs.push(("pdf_seed_en", manifest_path("tests/it/fixtures/A-RES-58-135.en.pdf"), 2));
        inputs.push(("pdf_seed_fr", manifest_path("tests/it/fixtures/A-RES-58-135.fr.pdf"), 2));
        let real = manifest_path("../shared/seeds/real-pdf/A-RES-70-10.en.pdf");
        if real.exists() {
            inputs.push(("pdf_real_A-RES-70-10", real, 2));
        } else {
            eprintln!("read: {} is absent; the real PDF is not timed", real.display());
        }
    }
    let pdftotext = std::process::Command::new("pdftotext").arg("-v").output().is_ok();
    if !pdftotext {
        eprintln!("read: pdftotext is not installed; it is not timed beside paralign");
    }
    let run = |cmd: &mut std::process::Command| {
        let out = cmd.output().expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        black_box(out.stdout.len())
    };
    let mut group = c.benchmark_group("read");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    for (name, path, pages) in &inputs {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        group.throughput(Throughput::Elements(*pages));
        group.bench_function(BenchmarkId::new(*name, "decode"), |b| {
            b.iter(|| decode(black_box(&bytes), path, &Default::default()).expect("reads"))
        });
        group.bench_function(BenchmarkId::new(*name, "paralign_read"), |b| {
            b.iter(|| {
                run(std::process::Command::new(env!("CARGO_BIN_EXE_paralign"))
                    .arg("read")
                    .arg(path))
            })
        });
        if pdftotext && name.starts_with("pdf") {
            group.bench_function(BenchmarkId::new(*name, "pdftotext_layout"), |b| {
                b.iter(|| {
                    run(std::process::Command::new("pdftotext").arg("-layout").arg(path).arg("-"))
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_seed, bench_scaling, bench_batch, bench_read);
criterion_main!(benches);
