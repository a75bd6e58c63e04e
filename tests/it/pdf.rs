//! PDF files read directly (cargo feature `pdf`): the real UN PDF of ../shared/seeds/real-pdf,
//! the seed pair rendered as UN-style PDFs (tests/it/fixtures, made by make_pdf.py with
//! LibreOffice), and PDFs that cannot be read.
#![cfg(feature = "pdf")]

use crate::support::{align_files, data, paralign, shared_path};
use std::path::{Path, PathBuf};

const REAL: &str = "seeds/real-pdf/A-RES-70-10.en.pdf";
const REAL_EXPECTED: &str = "seeds/real-pdf/A-RES-70-10.en.paragraphs.jsonl";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures").join(name)
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `paralign read --format jsonl` as (label, text, page) of each paragraph; dropped lines left
/// out. A cover line's label is compared without its number ("cover.3" is "cover").
fn read_paragraphs(path: &Path) -> Vec<(String, String, Option<u64>)> {
    let out = paralign().arg("read").arg(path).args(["--format", "jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v.get("dropped").is_none())
        .map(|v| {
            let label = v["label"].as_str().unwrap();
            let label = if label.starts_with("cover.") { "cover" } else { label };
            (label.to_owned(), v["text"].as_str().unwrap().to_owned(), v["page"].as_u64())
        })
        .collect()
}

fn expected(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v.get("dropped").is_none())
        .map(|v| (v["label"].as_str().unwrap().to_owned(), v["text"].as_str().unwrap().to_owned()))
        .collect()
}

/// The end-to-end target: reader and segmenter together give exactly the expected paragraphs.
#[test]
fn the_real_pdf_gives_exactly_the_expected_paragraphs() {
    let (Some(pdf), Some(want)) = (shared_path(REAL), shared_path(REAL_EXPECTED)) else { return };
    let got: Vec<(String, String)> =
        read_paragraphs(&pdf).into_iter().map(|(l, t, _)| (l, t)).collect();
    assert_eq!(got, expected(&want));
}

/// The reader's share of the target: every expected paragraph is one block of the text, in
/// order (footnote markers are superscript digits the segmenter takes out).
#[test]
fn the_real_pdf_reads_as_one_block_a_paragraph() {
    let (Some(pdf), Some(want)) = (shared_path(REAL), shared_path(REAL_EXPECTED)) else { return };
    let text = paralign::read::read_path(&pdf, &Default::default()).unwrap();
    assert_eq!(text.format.name(), "pdf");
    let blocks: Vec<String> = text
        .content
        .split("\n\n")
        .map(|b| {
            b.trim_start_matches('\x0c')
                .trim_end()
                .chars()
                .filter(|c| !"¹²³⁴⁵⁶⁷⁸⁹⁰".contains(*c))
                .collect()
        })
        .collect();
    let mut at = 0;
    for (label, para) in expected(&want) {
        let found = blocks[at..].iter().position(|b| *b == para);
        let Some(i) = found else {
            panic!("{label} {para:?} not a block after block {at}: {blocks:#?}")
        };
        at += i + 1;
    }
    // The furniture is there, each piece a block of its own, for the segmenter to drop.
    for piece in ["15-16764 (E)", "*1516764*", "Please recycle", "\x0cA/RES/70/10", "2/2"] {
        assert!(text.content.split("\n\n").any(|b| b == piece), "{piece:?}");
    }
    // The footnote marker is glued to its word; the footnote comes last, after the rule.
    assert!(text.content.contains("for 2014,¹\n"), "{}", text.content);
    assert!(text.content.ends_with("_______________\n\n1 See A/70/219.\n"), "{}", text.content);
}

#[test]
fn the_real_pdf_has_page_numbers() {
    let Some(pdf) = shared_path(REAL) else { return };
    let got = read_paragraphs(&pdf);
    let page = |start: &str| got.iter().find(|p| p.1.starts_with(start)).unwrap().2;
    assert_eq!(page("United Nations"), Some(1));
    // Paragraph 2 runs onto page 2 and is one paragraph; it starts on page 1.
    assert_eq!(page("2. Takes note of resolutions"), Some(1));
    assert_eq!(page("3. Reaffirms"), Some(2));
    assert_eq!(page("56th plenary meeting"), Some(2));
}

#[test]
fn the_seed_pair_as_pdf_reads_and_aligns_as_the_text_pair() {
    for lang in ["en", "fr"] {
        let text = read_paragraphs(&data(&format!("A-RES-58-135.{lang}.txt")));
        let pdf = read_paragraphs(&fixture(&format!("A-RES-58-135.{lang}.pdf")));
        let strip = |v: &[(String, String, Option<u64>)]| -> Vec<(String, String)> {
            v.iter().map(|(l, t, _)| (l.clone(), words(t))).collect()
        };
        assert_eq!(strip(&pdf), strip(&text), "{lang}");
        // Two pages: the page numbers run 1 then 2, never back.
        let pages: Vec<u64> = pdf.iter().filter_map(|p| p.2).collect();
        assert_eq!(pages.len(), pdf.len(), "{lang}: every paragraph has a page");
        assert!(pages.windows(2).all(|w| w[0] <= w[1]) && pages.contains(&2), "{lang}: {pages:?}");
    }
    let text = align_files(&data("A-RES-58-135.en.txt"), &data("A-RES-58-135.fr.txt"));
    let pdf = align_files(&fixture("A-RES-58-135.en.pdf"), &fixture("A-RES-58-135.fr.pdf"));
    let labels = |u: &[crate::support::Unit]| u.iter().map(|u| u.label.clone()).collect::<Vec<_>>();
    assert_eq!(labels(&pdf), labels(&text));
}

/// A folder of PDF pairs: paired by the symbol in their content, aligned as the text pair,
/// and the summary line counts the pages read (2 + 2) and the pages per second.
#[test]
fn batch_pairs_pdf_files_and_reports_pages_per_second() {
    let dir = tempfile::tempdir().unwrap();
    let (en, fr) = (dir.path().join("en"), dir.path().join("fr"));
    for (folder, lang) in [(&en, "en"), (&fr, "fr")] {
        std::fs::create_dir(folder).unwrap();
        let name = format!("A-RES-58-135.{lang}.pdf");
        // names that do not pair: the pairing is by content
        std::fs::copy(fixture(&name), folder.join(format!("{lang}-download.pdf"))).unwrap();
    }
    let out = dir.path().join("out");
    let run = paralign().arg("batch").arg(&en).arg(&fr).arg("-o").arg(&out).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("1 pairs aligned"), "{stderr}");
    assert!(stderr.contains(", 4 PDF pages, "), "{stderr}");
    let rate = stderr.split(" PDF pages, ").nth(1).and_then(|r| r.split(' ').next()).unwrap();
    assert!(rate.parse::<f64>().is_ok_and(|r| r > 0.0), "{stderr}");
    let documents = std::fs::read_to_string(out.join("documents.csv")).unwrap();
    assert!(documents.contains("A/RES/58/135"), "{documents}");
    let units = std::fs::read_to_string(out.join("corpus.jsonl")).unwrap().lines().count();
    let text = align_files(&data("A-RES-58-135.en.txt"), &data("A-RES-58-135.fr.txt"));
    assert_eq!(units, text.len());
}

/// A PDF that cannot be read is one line naming the file, exit code 2, no output file.
fn refused(pdf: &Path, says: &str) {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("out.jsonl");
    let out = paralign()
        .arg("align")
        .arg(pdf)
        .arg(fixture("A-RES-58-135.fr.pdf"))
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&pdf.display().to_string()), "{err}");
    assert!(err.contains(says), "{err}");
    assert!(!out_file.exists());
}

#[test]
fn a_damaged_pdf_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixture("A-RES-58-135.en.pdf")).unwrap();
    for (name, cut) in [("cut.pdf", bytes.len() / 2), ("head.pdf", 600), ("magic.pdf", 8)] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes[..cut]).unwrap();
        refused(&path, "damaged PDF");
    }
}

#[test]
fn a_pdf_without_text_is_one_line_and_exit_2() {
    refused(&fixture("blank.pdf"), "no text layer: run OCR first");
}

#[test]
fn an_encrypted_pdf_opens_with_the_empty_password_and_is_refused_with_another() {
    let en = read_paragraphs(&fixture("A-RES-58-135.en.pdf"));
    assert_eq!(read_paragraphs(&fixture("encrypted-empty.pdf")), en);
    refused(&fixture("encrypted-password.pdf"), "needs a password");
}
