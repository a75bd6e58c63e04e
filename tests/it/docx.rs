//! Word documents read directly: the seed pair as DOCX and ODT (tests/it/fixtures, made from
//! data/ by tests/it/fixtures/make_docx.py with LibreOffice) aligns as the text pair does.

use crate::support::{align_files, data, paralign, score, shared};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures").join(name)
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_seed_pair_as_docx_and_odt_aligns_as_the_text_pair() {
    let text = align_files(&data("A-RES-58-135.en.txt"), &data("A-RES-58-135.fr.txt"));
    for ext in ["docx", "odt"] {
        let (en, fr) = (
            fixture(&format!("A-RES-58-135.en.{ext}")),
            fixture(&format!("A-RES-58-135.fr.{ext}")),
        );
        let units = align_files(&en, &fr);
        let pairs = |u: &[crate::support::Unit]| -> Vec<(String, String, String)> {
            u.iter().map(|u| (u.label.clone(), words(&u.en), words(&u.fr))).collect()
        };
        assert_eq!(pairs(&units), pairs(&text), "{ext}");
        if let Some(shared) = shared(&["eval/score.py", "eval/A-RES-58-135.gold.json"]) {
            let out = paralign()
                .arg("align")
                .args([&en, &fr])
                .args(["--format", "jsonl"])
                .output()
                .unwrap();
            let report = score(&shared, &shared.join("eval/A-RES-58-135.gold.json"), &out.stdout);
            assert!(report.contains("precision=1.000 recall=1.000"), "{ext}: {report}");
        }
    }
}

#[test]
fn a_damaged_docx_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixture("A-RES-58-135.en.docx")).unwrap();
    let cut = dir.path().join("cut.docx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out_file = dir.path().join("out.jsonl");
    let out = paralign()
        .arg("align")
        .arg(&cut)
        .arg(fixture("A-RES-58-135.fr.docx"))
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cut.docx"), "{err}");
    assert!(!out_file.exists());
}

/// `batch` reads Word documents by their content and pairs them by symbol or, where one side
/// has none (the French seed carries no symbol), by the file name less its extension.
#[test]
fn batch_pairs_and_aligns_word_documents() {
    let dir = tempfile::tempdir().unwrap();
    let (en, fr) = (dir.path().join("en"), dir.path().join("fr"));
    std::fs::create_dir_all(&en).unwrap();
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::copy(fixture("A-RES-58-135.en.docx"), en.join("A_RES_58_135-EN.docx")).unwrap();
    std::fs::copy(fixture("A-RES-58-135.fr.odt"), fr.join("A_RES_58_135-FR.odt")).unwrap();
    let out = dir.path().join("out");
    let run = paralign().arg("batch").args([&en, &fr]).arg("-o").arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let documents = std::fs::read_to_string(out.join("documents.csv")).unwrap();
    let row = documents.lines().nth(1).expect("one pair");
    assert!(row.starts_with("A/RES/58/135,"), "{documents}");
    assert!(row.contains(",aligned,"), "{documents}");
    let text = align_files(&data("A-RES-58-135.en.txt"), &data("A-RES-58-135.fr.txt"));
    let units = std::fs::read_to_string(out.join("corpus.jsonl")).unwrap().lines().count();
    assert_eq!(units, text.len(), "{documents}");
}
