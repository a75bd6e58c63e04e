//! The text users get from extractors (issue 13, item 3): the seed pair rendered as a UN-style
//! PDF and DOCX by LibreOffice and read back by pdftotext (three modes), pdfminer.six, pypdf,
//! PyMuPDF, LibreOffice's text export and python-docx (tests/it/fixtures/extractors/, made by
//! tests/it/fixtures/make_extractor_fixtures.sh). Most have no blank line between paragraphs
//! and keep page headers, page numbers, the job number, the bar code and "Please recycle" in
//! the text.

use crate::support::{align_files, data, have, paralign, score, shared};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const EXTRACTORS: [&str; 8] = [
    "pdftotext",
    "pdftotext-layout",
    "pdftotext-raw",
    "pdfminer",
    "pypdf",
    "pymupdf",
    "docx-soffice",
    "python-docx",
];

fn fixture(extractor: &str, lang: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures/extractors")
        .join(extractor)
        .join(format!("A-RES-58-135.{lang}.txt"))
}

/// Words with single spaces and no hyphens: pdftotext joins a word hyphenated at a line end
/// itself ("capacity-" / "building" becomes "capacitybuilding"), which no reader can undo.
fn words(s: &str) -> String {
    s.replace('-', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `paralign read --format jsonl`: (label, [`words`]) of each paragraph, and the reasons of
/// what was dropped.
fn read(path: &PathBuf) -> (Vec<(String, String)>, Vec<String>) {
    let out = paralign().arg("read").arg(path).args(["--format", "jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (mut paragraphs, mut dropped) = (vec![], vec![]);
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Some(reason) = v["dropped"].as_str() {
            dropped.push(reason.to_string());
        } else {
            let text = words(v["text"].as_str().unwrap());
            paragraphs.push((v["label"].as_str().unwrap().to_string(), text));
        }
    }
    (paragraphs, dropped)
}

#[test]
fn every_extractor_gives_the_paragraphs_of_the_text() {
    for lang in ["en", "fr"] {
        let (text, _) = read(&data(&format!("A-RES-58-135.{lang}.txt")));
        for extractor in EXTRACTORS {
            let (got, _) = read(&fixture(extractor, lang));
            let labels = |p: &[(String, String)]| p.iter().map(|p| p.0.clone()).collect::<Vec<_>>();
            assert_eq!(labels(&got), labels(&text), "{extractor} {lang}");
            for (g, t) in got.iter().zip(&text) {
                assert_eq!(g.1, t.1, "{extractor} {lang} {}", g.0);
            }
        }
    }
}

#[test]
fn page_furniture_in_extractor_text_is_dropped_with_its_reason() {
    for extractor in ["pdftotext", "pypdf", "pymupdf"] {
        let (_, dropped) = read(&fixture(extractor, "en"));
        for reason in ["job_number", "bar_code", "recycling", "page_header", "page_number"] {
            assert!(dropped.iter().any(|d| d == reason), "{extractor}: no {reason} in {dropped:?}");
        }
    }
}

#[test]
fn every_extractor_text_aligns_as_the_text_pair() {
    let text = align_files(&data("A-RES-58-135.en.txt"), &data("A-RES-58-135.fr.txt"));
    let pairs = |u: &[crate::support::Unit]| -> Vec<(String, String, String)> {
        u.iter().map(|u| (u.label.clone(), words(&u.en), words(&u.fr))).collect()
    };
    let gold = shared(&["eval/score.py", "eval/A-RES-58-135.gold.json"]);
    for extractor in EXTRACTORS {
        let (en, fr) = (fixture(extractor, "en"), fixture(extractor, "fr"));
        assert_eq!(pairs(&align_files(&en, &fr)), pairs(&text), "{extractor}");
        if let Some(shared) = &gold {
            let out = paralign()
                .arg("align")
                .args([&en, &fr])
                .args(["--format", "jsonl"])
                .output()
                .unwrap();
            let report = score(shared, &shared.join("eval/A-RES-58-135.gold.json"), &out.stdout);
            assert!(report.contains("precision=1.000 recall=1.000"), "{extractor}: {report}");
        }
    }
}

/// The rendered files themselves, read by paralign's own readers; with [`EXTRACTORS`], what the
/// public pairs are read from.
const READERS: [&str; 2] = ["pdf", "docx"];

/// The 14 public gold pairs rendered as UN-style PDF and DOCX by LibreOffice and read back by
/// every extractor (tests/it/fixtures/extractors.py), aligned and scored against their gold:
/// every case perfect (precision and recall 1.000 with score.py), the bar of issue 13.
#[test]
fn the_public_pairs_through_every_extractor_are_aligned_perfectly() {
    let Some(shared) = shared(&["eval/score.py", "eval-public/un-resolutions-enfr"]) else {
        return;
    };
    if !have_renderers() {
        return;
    }
    let public = shared.join("eval-public/un-resolutions-enfr");
    let mut pairs: Vec<String> = std::fs::read_dir(&public)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| public.join(n).join("gold.json").is_file())
        .collect();
    pairs.sort();
    assert_eq!(pairs.len(), 14, "{pairs:?}");
    let out = render(pairs.iter().map(|n| {
        let dir = public.join(n);
        (n.clone(), dir.join("en.txt"), dir.join("fr.txt"))
    }));
    let mut failures = vec![];
    for extractor in READERS.into_iter().chain(EXTRACTORS) {
        for n in &pairs {
            let dir = out.path().join(extractor);
            let ext = if matches!(extractor, "pdf" | "docx") { extractor } else { "txt" };
            let aligned = paralign()
                .arg("align")
                .arg(dir.join(format!("{n}.en.{ext}")))
                .arg(dir.join(format!("{n}.fr.{ext}")))
                .args(["--format", "jsonl"])
                .output()
                .unwrap();
            assert!(aligned.status.success(), "{extractor} {n}");
            let report = score(&shared, &public.join(n).join("gold.json"), &aligned.stdout);
            if !report.contains("precision=1.000 recall=1.000") {
                failures.push(format!("{extractor} {n}: {}", report.trim()));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

/// LibreOffice, poppler and the Python extractors are there (or the test is skipped, which
/// fails under `CI=true`).
fn have_renderers() -> bool {
    have("LibreOffice (soffice)", "soffice", &["--version"])
        && have("poppler-utils", "pdftotext", &["-v"])
        && have(
            "pdfminer.six, pypdf, PyMuPDF and python-docx for python3",
            "python3",
            &["-c", "import pdfminer, pypdf, fitz, docx"],
        )
}

/// Renders each (name, English text, French text) as UN-style PDF and DOCX and reads them back
/// with every extractor (tests/it/fixtures/extractors.py): `<dir>/<input>/<name>.<lang>.<ext>`.
fn render(pairs: impl Iterator<Item = (String, PathBuf, PathBuf)>) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let specs = pairs.map(|(n, en, fr)| format!("{n}={},{}", en.display(), fr.display()));
    let made = std::process::Command::new("python3")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/extractors.py"))
        .arg(out.path())
        .args(specs)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    out
}

/// The units of an alignment as score.py compares texts: letters and digits only, lower case.
fn unit_set(en: &Path, fr: &Path) -> BTreeSet<(String, String)> {
    let out = paralign().arg("align").args([en, fr]).args(["--format", "jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}: {}", en.display(), String::from_utf8_lossy(&out.stderr));
    let norm = |v: &serde_json::Value| -> String {
        v.as_str()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (norm(&v["en"]), norm(&v["fr"]))
        })
        .collect()
}

/// How many of the 102 unseen Security Council pairs (two slices of every 12th and one of every
/// 6th of the 304 bulk pairs, no gold) each input gives exactly the units of the pair's text
/// files, as measured when this test was last changed; a change that lowers one fails. Issue 13
/// asks for all of them; what stands in the way is in the README ("Text made by an extractor").
const BULK_PERFECT: [(&str, usize); 10] = [
    ("pdf", 102),
    ("docx", 102),
    ("pdftotext", 101),
    ("pdftotext-layout", 101),
    ("pdftotext-raw", 101),
    ("pdfminer", 101),
    ("pypdf", 101),
    ("pymupdf", 101),
    ("docx-soffice", 102),
    ("python-docx", 102),
];

/// Security Council pairs paralign was not tuned on, laid out and extracted as the public pairs
/// are: with no gold, the units of the text files are the reference.
#[test]
fn unseen_security_council_pairs_read_through_every_extractor_as_from_their_text() {
    let bulk = "eval-public/un-resolutions-enfr/bulk-sc-2020-2026";
    let Some(shared) = shared(&[&format!("{bulk}/en"), &format!("{bulk}/fr")]) else {
        return;
    };
    if !have_renderers() {
        return;
    }
    let bulk = shared.join(bulk);
    let mut names: Vec<String> = std::fs::read_dir(bulk.join("en"))
        .unwrap()
        .filter_map(|e| {
            e.unwrap().file_name().to_string_lossy().strip_suffix(".txt").map(String::from)
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 304);
    // Every 12th from the 3rd (rules for extractor text were set on a sample holding these),
    // every 12th from the 6th (first measured after them) and every 6th from the 1st (held out
    // until measured once, then studied).
    let mut sample: Vec<String> = names.iter().skip(2).step_by(12).cloned().collect();
    sample.extend(names.iter().skip(5).step_by(12).cloned());
    sample.extend(names.iter().step_by(6).cloned());
    let text = |n: &str, lang: &str| bulk.join(lang).join(format!("{n}.txt"));
    let out = render(sample.iter().map(|n| (n.clone(), text(n, "en"), text(n, "fr"))));
    let mut report = vec![];
    let mut below = vec![];
    let reference: Vec<_> =
        sample.iter().map(|n| unit_set(&text(n, "en"), &text(n, "fr"))).collect();
    for (input, floor) in BULK_PERFECT {
        let ext = if matches!(input, "pdf" | "docx") { input } else { "txt" };
        let dir = out.path().join(input);
        let imperfect: Vec<&str> = sample
            .iter()
            .zip(&reference)
            .filter(|(n, reference)| {
                let file = |lang: &str| dir.join(format!("{n}.{lang}.{ext}"));
                unit_set(&file("en"), &file("fr")) != **reference
            })
            .map(|(n, _)| n.as_str())
            .collect();
        let perfect = sample.len() - imperfect.len();
        report.push(format!("{input}: {perfect}/{} ({imperfect:?})", sample.len()));
        if perfect < floor {
            below.push(format!("{input}: {perfect} < {floor}"));
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(below.is_empty(), "{below:?}\n{}", report.join("\n"));
}

#[test]
fn verbose_names_the_reader_and_counts_what_was_dropped_by_reason() {
    let (en, fr) = (fixture("pypdf", "en"), fixture("pypdf", "fr"));
    let out = paralign().arg("align").args([&en, &fr]).arg("-v").output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err.lines().next().unwrap();
    assert!(line.starts_with(&format!("{}: text, UTF-8, 18 paragraphs, ", en.display())), "{err}");
    assert!(
        line.ends_with(
            "5 lines dropped (bar_code 1, job_number 1, page_header 1, page_number 1, recycling 1)"
        ),
        "{err}"
    );
}

/// The real UN PDF of ../shared/seeds/real-pdf through `pdftotext -layout`: the masthead's two
/// columns on one line, the page-2 header with the symbol and the running title on one line,
/// footnote markers set apart by a space ("for 2014, 1"), the footnote's number alone above its
/// text. Every paragraph from the title to the footnote comes out as the seed's expected list
/// has it, and the cover lines are cover lines (the last two of them still come out as one).
#[test]
fn pdftotext_layout_of_the_real_un_pdf_gives_its_paragraphs() {
    let Some(shared) = shared(&["seeds/real-pdf/A-RES-70-10.en.pdf"]) else { return };
    if !have("poppler-utils", "pdftotext", &["-v"]) {
        return;
    }
    let seed = shared.join("seeds/real-pdf");
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("A-RES-70-10.en.txt");
    let made = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(seed.join("A-RES-70-10.en.pdf"))
        .arg(&txt)
        .status()
        .unwrap();
    assert!(made.success());
    let (got, dropped) = read(&txt);
    let expected: Vec<(String, String)> =
        std::fs::read_to_string(seed.join("A-RES-70-10.en.paragraphs.jsonl"))
            .unwrap()
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (v["label"].as_str().unwrap().to_string(), words(v["text"].as_str().unwrap()))
            })
            .collect();
    let body = |p: &[(String, String)]| -> Vec<(String, String)> {
        p.iter().filter(|(l, _)| !l.starts_with("cover")).cloned().collect()
    };
    assert_eq!(body(&got), body(&expected));
    let covers = got.iter().filter(|(l, _)| l.starts_with("cover")).count();
    assert_eq!(covers, 8, "{got:?}");
    for reason in ["job_number", "bar_code", "page_header", "page_number", "separator"] {
        assert!(dropped.iter().any(|d| d == reason), "no {reason} in {dropped:?}");
    }
}
