//! The text users get from extractors (issue 13, item 3): the seed pair rendered as a UN-style
//! PDF and DOCX by LibreOffice and read back by pdftotext (three modes), pdfminer.six, pypdf,
//! PyMuPDF, LibreOffice's text export and python-docx (tests/it/fixtures/extractors/, made by
//! tests/it/fixtures/make_extractor_fixtures.sh). Most have no blank line between paragraphs
//! and keep page headers, page numbers, the job number, the bar code and "Please recycle" in
//! the text.

use crate::support::{align_files, data, paralign, score, shared};
use std::path::PathBuf;

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
