//! `paralign score` and the `score` module: small alignments with answers worked out by hand
//! (every bead shape: 1-1, 1-0, 0-1, 2-1, 1-2), pooling over pairs, exit codes and messages,
//! the benchmarks' gold files against themselves, and a cross-check against a Python scorer
//! written here from the convention.

use crate::support::*;
use paralign::read::Text;
use paralign::score::{parse_beads, score, Counts, IndexBead, Metrics, Score};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Benchmarks' gold folders in ../shared.
const BLEUALIGN: &str = "eval-public/bleualign-textberg-defr";
const TRANSREAD: &str = "eval-public/transread-enfr-novels";

fn beads(content: &str) -> Vec<IndexBead> {
    parse_beads(&Text::new("test", content)).expect("valid beads")
}

fn score_one(test: &str, gold: &str) -> Score {
    let (test, gold) = (beads(test), beads(gold));
    score([(&test[..], &gold[..])])
}

fn counts(strict_hits: usize, strict_misses: usize, lax_hits: usize, lax_misses: usize) -> Counts {
    Counts { strict_hits, strict_misses, lax_hits, lax_misses }
}

fn assert_close(actual: Metrics, precision: f64, recall: f64, f1: f64, what: &str) {
    for (name, a, e) in [
        ("precision", actual.precision, precision),
        ("recall", actual.recall, recall),
        ("F1", actual.f1, f1),
    ] {
        assert!((a - e).abs() < 1e-12, "{what} {name}: {a}, expected {e}");
    }
}

/// Every shape of bead in the gold, and a test alignment with each kind of mistake.
const GOLD: &str = "[0]:[0]\n[1]:[]\n[]:[1]\n[2, 3]:[2]\n[4]:[3, 4]\n[5]:[5]\n";
const TEST: &str = "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]\n[4]:[3, 4]\n[5]:[5]\n";

/// The worked example.
///
/// Gold links (source, target): (0,0) (2,2) (3,2) (4,3) (4,4) (5,5).
///
/// Precision, over the 6 test beads:
/// - `[0]:[0]`, `[4]:[3, 4]`, `[5]:[5]` are gold beads: strict and lax hits (3);
/// - `[2]:[2]` is not a gold bead, but links (2,2) as `[2, 3]:[2]` does: strict miss, lax hit;
/// - `[1]:[1]` links (1,1), which no gold bead links (the gold has `[1]:[]` and `[]:[1]`):
///   a miss for both;
/// - `[3]:[]` is not a gold bead and, one-sided, links nothing: a miss for both.
///
/// So strict 3 hits / 3 misses, lax 4 hits / 2 misses: P strict = 3/6 = 0.5, P lax = 4/6.
///
/// Recall, over the gold beads with both sides, `[0]:[0]`, `[2, 3]:[2]`, `[4]:[3, 4]`,
/// `[5]:[5]`, looked up among the test beads with both sides (`[3]:[]` is dropped):
/// - `[0]:[0]`, `[4]:[3, 4]`, `[5]:[5]` are test beads: strict and lax hits (3);
/// - `[2, 3]:[2]` is not, but the test's `[2]:[2]` links (2,2): strict miss, lax hit.
///
/// So strict 3 / 1, lax 4 / 0: R strict = 3/4 = 0.75, R lax = 4/4 = 1.
///
/// F1 strict = 2 × 0.5 × 0.75 / (0.5 + 0.75) = 0.75 / 1.25 = 0.6;
/// F1 lax = 2 × 2/3 × 1 / (2/3 + 1) = (4/3) / (5/3) = 0.8.
#[test]
fn hand_computed_example() {
    let s = score_one(TEST, GOLD);
    assert_eq!(s.precision, counts(3, 3, 4, 2));
    assert_eq!(s.recall, counts(3, 1, 4, 0));
    assert_close(s.strict(), 0.5, 0.75, 0.6, "strict");
    assert_close(s.lax(), 4.0 / 6.0, 1.0, 0.8, "lax");
    assert_eq!((s.pairs, s.test_beads, s.gold_beads), (1, 6, 6));
}

/// One shape at a time: (what, test, gold, precision counts, recall counts, strict P R F1,
/// lax P R F1).
#[test]
fn each_bead_shape() {
    type Case = (&'static str, &'static str, &'static str, Counts, Counts, [f64; 3], [f64; 3]);
    let cases: [Case; 7] = [
        (
            "1-1 found",
            "[0]:[0]",
            "[0]:[0]",
            counts(1, 0, 1, 0),
            counts(1, 0, 1, 0),
            [1.0, 1.0, 1.0],
            [1.0, 1.0, 1.0],
        ),
        (
            // A deletion found counts for precision; recall never looks at deletions.
            "1-0 found",
            "[0]:[]",
            "[0]:[]",
            counts(1, 0, 1, 0),
            counts(0, 0, 0, 0),
            [1.0, 0.0, 0.0],
            [1.0, 0.0, 0.0],
        ),
        (
            "0-1 found",
            "[]:[0]",
            "[]:[0]",
            counts(1, 0, 1, 0),
            counts(0, 0, 0, 0),
            [1.0, 0.0, 0.0],
            [1.0, 0.0, 0.0],
        ),
        (
            // 2-1 where the gold has 1-1 and 1-0: the link (0,0) is right, the bead is not.
            "2-1 for 1-1 + 1-0",
            "[0, 1]:[0]",
            "[0]:[0]\n[1]:[]",
            counts(0, 1, 1, 0),
            counts(0, 1, 1, 0),
            [0.0, 0.0, 0.0],
            [1.0, 1.0, 1.0],
        ),
        (
            // 1-2 where the gold has 1-1 and 0-1.
            "1-2 for 1-1 + 0-1",
            "[0]:[0, 1]",
            "[0]:[0]\n[]:[1]",
            counts(0, 1, 1, 0),
            counts(0, 1, 1, 0),
            [0.0, 0.0, 0.0],
            [1.0, 1.0, 1.0],
        ),
        (
            // 1-1 where the gold says the two sentences are not translations of each other:
            // a miss for precision, and recall has nothing to look up (0/0 = 0).
            "1-1 for 1-0 + 0-1",
            "[0]:[0]",
            "[0]:[]\n[]:[0]",
            counts(0, 1, 0, 1),
            counts(0, 0, 0, 0),
            [0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0],
        ),
        (
            // 1-0 + 0-1 where the gold has 1-1: two misses, and a gold link not found.
            "1-0 + 0-1 for 1-1",
            "[0]:[]\n[]:[0]",
            "[0]:[0]",
            counts(0, 2, 0, 2),
            counts(0, 1, 0, 1),
            [0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0],
        ),
    ];
    for (what, test, gold, precision, recall, strict, lax) in cases {
        let s = score_one(test, gold);
        assert_eq!(s.precision, precision, "{what}: precision counts");
        assert_eq!(s.recall, recall, "{what}: recall counts");
        assert_close(s.strict(), strict[0], strict[1], strict[2], &format!("{what}: strict"));
        assert_close(s.lax(), lax[0], lax[1], lax[2], &format!("{what}: lax"));
    }
}

/// Writes `files` (name, content) to a temporary folder; returns it and their paths.
fn files(files: &[(&str, &str)]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths = files
        .iter()
        .map(|(name, content)| {
            let path = dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            path
        })
        .collect();
    (dir, paths)
}

/// Runs `paralign score PATHS… --json`; it must succeed.
fn score_json(paths: &[PathBuf]) -> Value {
    let out = paralign().arg("score").args(paths).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "one JSON object on one line: {text}");
    serde_json::from_str(&text).expect("JSON")
}

fn json_metrics(report: &Value, criterion: &str) -> Metrics {
    let get = |name: &str| {
        report[criterion][name].as_f64().unwrap_or_else(|| panic!("{criterion}.{name} in {report}"))
    };
    Metrics { precision: get("precision"), recall: get("recall"), f1: get("f1") }
}

/// The worked example pooled with a perfect pair of two 1-1 beads. Counts are summed before
/// dividing:
/// - precision: strict (3 + 2) / (6 + 2) = 5/8, lax (4 + 2) / 8 = 6/8;
/// - recall: strict (3 + 2) / (4 + 2) = 5/6, lax (4 + 2) / 6 = 1;
/// - F1 strict = 2 × 5/8 × 5/6 / (5/8 + 5/6) = 5/7; F1 lax = 2 × 3/4 × 1 / (3/4 + 1) = 6/7.
///
/// Averaging the two pairs' scores instead would give a strict precision of (0.5 + 1) / 2 = 0.75.
#[test]
fn two_pairs_are_pooled() {
    let perfect = "[0]:[0]\n[1]:[1]\n";
    let (_dir, paths) =
        files(&[("a.test", TEST), ("a.gold", GOLD), ("b.test", perfect), ("b.gold", perfect)]);
    let report = score_json(&paths);
    let (strict, lax) = ([5.0 / 8.0, 5.0 / 6.0, 5.0 / 7.0], [0.75, 1.0, 6.0 / 7.0]);
    assert_close(json_metrics(&report, "strict"), strict[0], strict[1], strict[2], "strict");
    assert_close(json_metrics(&report, "lax"), lax[0], lax[1], lax[2], "lax");
    assert_eq!(report["pairs"], 2);
    assert_eq!(report["test_beads"], 8);
    assert_eq!(report["gold_beads"], 8);
    assert_eq!(
        report.as_object().unwrap().len(),
        5,
        "strict, lax, pairs, test_beads, gold_beads: {report}"
    );

    // The library pools the same way.
    let (a_test, a_gold, b) = (beads(TEST), beads(GOLD), beads(perfect));
    let s = score([(&a_test[..], &a_gold[..]), (&b[..], &b[..])]);
    assert_close(s.strict(), strict[0], strict[1], strict[2], "library strict");
    assert_close(s.lax(), lax[0], lax[1], lax[2], "library lax");
}

#[test]
fn the_table_shows_three_decimals() {
    let (_dir, paths) = files(&[("a.test", TEST), ("a.gold", GOLD)]);
    let out = paralign().arg("score").args(&paths).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(lines[0], ["precision", "recall", "F1"], "{text}");
    assert_eq!(lines[1], ["strict", "0.500", "0.750", "0.600"], "{text}");
    assert_eq!(lines[2], ["lax", "0.667", "1.000", "0.800"], "{text}");
    assert_eq!(lines[3].join(" "), "1 pair, 6 test beads, 6 gold beads", "{text}");
}

#[test]
fn standard_input_is_one_of_the_files() {
    let (_dir, paths) = files(&[("a.gold", GOLD)]);
    let out = paralign()
        .args(["score", "-"])
        .arg(&paths[0])
        .arg("--json")
        .write_stdin(TEST)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_close(json_metrics(&report, "strict"), 0.5, 0.75, 0.6, "strict");
}

/// Runs `paralign score ARGS…`, which must fail with exit code 2 and one line on stderr.
fn score_fails(args: &[&Path]) -> String {
    let out = paralign().arg("score").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    stderr
}

#[test]
fn usage_and_input_errors_exit_2_with_one_line() {
    let (dir, paths) = files(&[
        ("a.test", TEST),
        ("a.gold", GOLD),
        ("bad.gold", "[0]:[0]\n\n[1] [1]\n"),
        ("empty.gold", ""),
    ]);
    let (test, gold, bad, empty) =
        (paths[0].as_path(), paths[1].as_path(), paths[2].as_path(), paths[3].as_path());

    let odd = score_fails(&[test, gold, test]);
    assert!(odd.contains("pairs") && odd.contains("3 given"), "{odd}");
    assert!(score_fails(&[test]).contains("1 given"));

    let missing = dir.path().join("missing.gold");
    let message = score_fails(&[test, missing.as_path()]);
    assert!(message.contains(&missing.display().to_string()), "{message}");

    let message = score_fails(&[test, bad]);
    assert!(message.contains(&format!("{}: line 3: ", bad.display())), "{message}");
    assert!(message.contains("[1] [1]"), "{message}");

    let message = score_fails(&[test, dir.path()]);
    assert!(message.contains("directory"), "{message}");

    let message = score_fails(&[test, empty]);
    assert!(message.contains(&empty.display().to_string()), "{message}");

    let stdin = Path::new("-");
    assert!(score_fails(&[stdin, stdin]).contains("standard input"));
}

/// The bead files under `dir` (a folder of ../shared) whose names end with `suffix`, sorted;
/// None when `dir` is not there (`support::shared_path` says so, or fails under CI).
#[track_caller]
fn gold_files(dir: &str, suffix: &str) -> Option<Vec<PathBuf>> {
    let dir = shared_path(dir)?;
    let mut found = vec![];
    for entry in walk(&dir) {
        if entry.to_string_lossy().ends_with(suffix) {
            found.push(entry);
        }
    }
    found.sort();
    assert!(!found.is_empty(), "no {suffix} file under {}", dir.display());
    Some(found)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn every_gold_file_scores_one_against_itself() {
    let mut golds = gold_files(BLEUALIGN, ".defr").unwrap_or_default();
    golds.extend(gold_files(TRANSREAD, "gold.vecalign").unwrap_or_default());
    if golds.is_empty() {
        return;
    }
    let paired: Vec<PathBuf> = golds.iter().flat_map(|g| [g.clone(), g.clone()]).collect();
    // Each file alone, then all of them pooled in one run.
    for gold in &golds {
        let report = score_json(&[gold.clone(), gold.clone()]);
        for criterion in ["strict", "lax"] {
            assert_close(
                json_metrics(&report, criterion),
                1.0,
                1.0,
                1.0,
                &format!("{} {criterion}", gold.display()),
            );
        }
        assert_eq!(report["test_beads"], report["gold_beads"]);
    }
    let report = score_json(&paired);
    assert_eq!(report["pairs"], golds.len());
    let out = paralign().arg("score").args(&paired).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    for row in ["strict", "lax"] {
        let line = table.lines().find(|l| l.starts_with(row)).expect(row);
        assert_eq!(line.split_whitespace().collect::<Vec<_>>(), [row, "1.000", "1.000", "1.000"]);
    }
    eprintln!("{} gold files score 1.000 against themselves", golds.len());
}

/// A Python scorer written from the convention (README of the Bleualign set; vecalign's
/// score.py), to cross-check ours on many alignments.
const PYTHON_SCORER: &str = r#"
import json, sys

def read(path):
    beads = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        src, tgt = line.split(":")[:2]
        beads.append((tuple(json.loads(src)), tuple(json.loads(tgt))))
    return beads

def counts(reference, candidates):
    reference = {b for b in reference if b[0] or b[1]}
    links = {(s, t) for src, tgt in reference for s in src for t in tgt}
    c = [0, 0, 0, 0]  # strict hits, strict misses, lax hits, lax misses
    for src, tgt in {b for b in candidates if b[0] or b[1]}:
        if (src, tgt) in reference:
            c[0] += 1; c[2] += 1
        elif any((s, t) in links for s in src for t in tgt):
            c[1] += 1; c[2] += 1
        else:
            c[1] += 1; c[3] += 1
    return c

def div(a, b):
    return a / b if b else 0.0

p, r = [0] * 4, [0] * 4
paths = sys.argv[1:]
for test_path, gold_path in zip(paths[::2], paths[1::2]):
    test, gold = read(test_path), read(gold_path)
    p = [x + y for x, y in zip(p, counts(gold, test))]
    both = lambda beads: [b for b in beads if b[0] and b[1]]
    r = [x + y for x, y in zip(r, counts(both(test), both(gold)))]
out = {}
for name, hit, miss in (("strict", 0, 1), ("lax", 2, 3)):
    prec, rec = div(p[hit], p[hit] + p[miss]), div(r[hit], r[hit] + r[miss])
    out[name] = {"precision": prec, "recall": rec, "f1": div(2 * prec * rec, prec + rec)}
print(json.dumps(out))
"#;

/// A deterministic stream of numbers (no RNG crate, same cases on every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// A plausible test alignment made from `gold` by a few mistakes: neighbours merged, beads
/// split into deletions, a boundary moved, a bead written twice.
fn perturb(gold: &[IndexBead], rng: &mut Lcg) -> Vec<IndexBead> {
    let mut out: Vec<IndexBead> = vec![];
    for bead in gold {
        match rng.below(12) {
            0 if !out.is_empty() => {
                let last = out.last_mut().unwrap();
                last.source.extend(&bead.source);
                last.target.extend(&bead.target);
            }
            1 => {
                out.push(IndexBead { source: bead.source.clone(), target: vec![] });
                out.push(IndexBead { source: vec![], target: bead.target.clone() });
            }
            2 if bead.source.len() > 1 => {
                let (a, b) = bead.source.split_at(1);
                out.push(IndexBead { source: a.to_vec(), target: bead.target.clone() });
                out.push(IndexBead { source: b.to_vec(), target: vec![] });
            }
            3 => {
                out.push(bead.clone());
                out.push(bead.clone());
            }
            _ => out.push(bead.clone()),
        }
    }
    out
}

fn write_beads(path: &Path, beads: &[IndexBead]) {
    let list = |v: &[usize]| format!("{v:?}");
    let text: String =
        beads.iter().map(|b| format!("{}:{}\n", list(&b.source), list(&b.target))).collect();
    std::fs::write(path, text).unwrap();
}

#[test]
fn agrees_with_an_independent_python_scorer() {
    if !have("python3", "python3", &["-c", ""]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut paths = vec![];
    let mut rng = Lcg(2024);
    // The worked example, the gold files perturbed when they are there, and synthetic ones.
    let (t, g) = (dir.path().join("ex.test"), dir.path().join("ex.gold"));
    std::fs::write(&t, TEST).unwrap();
    std::fs::write(&g, GOLD).unwrap();
    paths.extend([t, g]);
    let golds = gold_files(BLEUALIGN, ".defr").unwrap_or_default();
    for (n, gold) in golds.iter().enumerate() {
        let beads =
            parse_beads(&paralign::read::read_path(gold, &Default::default()).unwrap()).unwrap();
        let test = dir.path().join(format!("{n}.test"));
        write_beads(&test, &perturb(&beads, &mut rng));
        paths.extend([test, gold.clone()]);
    }
    for n in 0..20 {
        let mut gold = vec![];
        let (mut s, mut t) = (0, 0);
        for _ in 0..30 {
            let (ls, lt) = (rng.below(3) as usize, rng.below(3) as usize);
            if ls + lt == 0 {
                continue;
            }
            gold.push(IndexBead { source: (s..s + ls).collect(), target: (t..t + lt).collect() });
            (s, t) = (s + ls, t + lt);
        }
        let (test_path, gold_path) =
            (dir.path().join(format!("s{n}.test")), dir.path().join(format!("s{n}.gold")));
        write_beads(&test_path, &perturb(&gold, &mut rng));
        write_beads(&gold_path, &gold);
        paths.extend([test_path, gold_path]);
    }
    // Pair by pair, then pooled.
    let python = |paths: &[PathBuf]| -> Value {
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(PYTHON_SCORER)
            .args(paths)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let mut groups: Vec<&[PathBuf]> = paths.chunks(2).collect();
    groups.push(&paths);
    for group in groups {
        let (ours, theirs) = (score_json(group), python(group));
        for criterion in ["strict", "lax"] {
            let t = json_metrics(&theirs, criterion);
            assert_close(
                json_metrics(&ours, criterion),
                t.precision,
                t.recall,
                t.f1,
                &format!("{group:?} {criterion}"),
            );
        }
    }
}
