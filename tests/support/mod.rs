//! Helpers shared by the integration tests: running the binary, reading its JSONL, finding
//! ../shared (present in CI and for developers, absent in a user's fresh clone).

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name)
}

/// ../shared beside the repository, or None (and a message) when it is not there.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("eval/score.py").is_file() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared is not beside the repository");
        None
    }
}

pub fn paralign() -> Command {
    Command::cargo_bin("paralign").expect("the paralign binary is built")
}

/// One unit of `align`'s JSONL.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Unit {
    pub en: String,
    pub fr: String,
    pub en_ids: Vec<usize>,
    pub fr_ids: Vec<usize>,
    pub label: String,
    pub kind: String,
    pub score: f64,
}

/// Runs `paralign align EN FR --format jsonl` and parses the units.
pub fn align_files(en: &Path, fr: &Path) -> Vec<Unit> {
    let out = paralign().arg("align").arg(en).arg(fr).args(["--format", "jsonl"]).output().unwrap();
    assert!(out.status.success(), "paralign failed: {}", String::from_utf8_lossy(&out.stderr));
    parse_jsonl(&out.stdout)
}

pub fn parse_jsonl(bytes: &[u8]) -> Vec<Unit> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSONL line {l}: {e}")))
        .collect()
}

/// Aligns two texts given as strings (written to a temporary folder).
pub fn align_texts(en: &str, fr: &str) -> Vec<Unit> {
    let dir = tempfile::tempdir().unwrap();
    let (e, f) = (dir.path().join("en.txt"), dir.path().join("fr.txt"));
    std::fs::write(&e, en).unwrap();
    std::fs::write(&f, fr).unwrap();
    align_files(&e, &f)
}

/// Runs score.py on units written as JSONL; returns its one-line report.
pub fn score(shared: &Path, gold: &Path, jsonl: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    std::fs::write(&out, jsonl).unwrap();
    let o = std::process::Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(gold)
        .arg(&out)
        .arg("--verbose")
        .output()
        .expect("python3 runs");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every paragraph index 0..n of each side in exactly one unit, in increasing order.
pub fn assert_nothing_lost(units: &[Unit], n_en: usize, n_fr: usize) {
    let en: Vec<usize> = units.iter().flat_map(|u| u.en_ids.iter().copied()).collect();
    let fr: Vec<usize> = units.iter().flat_map(|u| u.fr_ids.iter().copied()).collect();
    assert_eq!(
        en,
        (0..n_en).collect::<Vec<_>>(),
        "English paragraphs lost, duplicated or out of order"
    );
    assert_eq!(
        fr,
        (0..n_fr).collect::<Vec<_>>(),
        "French paragraphs lost, duplicated or out of order"
    );
}

/// Body paragraphs re-wrapped at `width` columns. In the PDF text of the seed a paragraph opens
/// with a one-space indent and its other lines have none (two paragraphs may share a block);
/// page furniture, cover lines and footnote areas keep their lines.
pub fn rewrap(text: &str, width: usize) -> String {
    let wrap = |paragraph: &[&str]| -> String {
        let mut lines = vec![String::new()];
        for w in paragraph.iter().flat_map(|l| l.split_whitespace()) {
            if !lines.last().unwrap().is_empty()
                && lines.last().unwrap().chars().count() + 1 + w.chars().count() > width
            {
                lines.push(String::new());
            }
            let l = lines.last_mut().unwrap();
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(w);
        }
        format!(" {}", lines.join("\n"))
    };
    text.split("\n\n")
        .map(|block| {
            if block.contains("____") || !block.starts_with(' ') {
                return block.to_string();
            }
            let lines: Vec<&str> = block.split('\n').collect();
            let starts: Vec<usize> =
                (0..lines.len()).filter(|&k| lines[k].starts_with(' ')).collect();
            let ends = starts.iter().skip(1).copied().chain([lines.len()]);
            starts.iter().zip(ends).map(|(&s, e)| wrap(&lines[s..e])).collect::<Vec<_>>().join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}
