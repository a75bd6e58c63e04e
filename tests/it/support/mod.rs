//! Helpers shared by the integration tests: running the binary, reading its JSONL, finding
//! ../shared (present in CI and for developers, absent in a user's fresh clone) and the
//! external tools some tests read our output with.
//!
//! The rule for anything a test needs and the repository does not hold (../shared or one of
//! its files, python3, xmllint, translate-toolkit, chromium): when it is missing the test
//! prints "skipped: <what is missing>" on stderr and passes, except under `CI=true`, where it
//! fails, so that CI never passes a test that did not run. [`missing`] applies the rule; the
//! other helpers call it.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name)
}

/// Whether the tests run under CI (`CI=true`), where nothing may be skipped.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| v == "true")
}

/// Something a test needs is missing: under `CI=true` the test fails here; elsewhere this
/// prints "skipped: {what}" on stderr and the caller skips the test (or the part that needs
/// it).
#[track_caller]
pub fn missing(what: &str) {
    assert!(!in_ci(), "{what}, and under CI=true no test may be skipped");
    eprintln!("skipped: {what}");
}

/// Whether `program args` runs and succeeds; [`missing`] otherwise, naming `tool`.
#[track_caller]
pub fn have(tool: &str, program: &str, args: &[&str]) -> bool {
    let found =
        std::process::Command::new(program).args(args).output().is_ok_and(|o| o.status.success());
    if !found {
        missing(&format!("{tool} is missing"));
    }
    found
}

/// The evaluation data: ../shared beside the repository, or the folder named by
/// `PARALIGN_SHARED` (meant for checking how the tests behave without it, e.g.
/// `PARALIGN_SHARED=/nonexistent cargo test`).
pub fn shared_root() -> PathBuf {
    match std::env::var_os("PARALIGN_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

/// The root of the evaluation data when every path of `needs` (relative to it, files or
/// folders) is there; otherwise [`missing`], naming each absent path, and None.
#[track_caller]
pub fn shared(needs: &[&str]) -> Option<PathBuf> {
    let root = shared_root();
    let absent: Vec<String> = needs
        .iter()
        .map(|rel| root.join(rel))
        .filter(|p| !p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if absent.is_empty() {
        Some(root)
    } else {
        let verb = if absent.len() == 1 { "is" } else { "are" };
        missing(&format!(
            "{} {verb} missing (the evaluation data, ../shared)",
            absent.join(" and ")
        ));
        None
    }
}

/// `rel` under the evaluation data when it is there; otherwise [`missing`] and None.
#[track_caller]
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    shared(&[rel]).map(|root| root.join(rel))
}

/// The scorer of ../shared, which [`score`] runs.
pub const SCORE_PY: &str = "eval/score.py";
/// The hand-made gold alignment of the seed pair.
pub const SEED_GOLD: &str = "eval/A-RES-58-135.gold.json";
/// The public gold pairs: one folder per pair with en.txt, fr.txt and gold.json.
pub const PUBLIC_PAIRS: &str = "eval-public/un-resolutions-enfr";

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
        .arg(shared.join(SCORE_PY))
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
