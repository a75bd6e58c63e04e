//! The output formats read back by readers that are not ours: xmllint and translate-toolkit for
//! TMX, Python's `csv` module for CSV, Python's `str.splitlines` for Moses. Each is compared
//! with the JSONL output for the same input, cleaned by the rule the format documents. The
//! beads format is read by hand, as the benchmarks' scorers read it.
//!
//! CI installs the tools (.ci/run); elsewhere a test whose tool is missing says "skipped" on
//! stderr and passes, unless `CI=true` (tests/support/mod.rs).

use crate::support::have;
use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process;
use tempfile::TempDir;

/// A unit as the JSONL output tells it.
#[derive(Debug, serde::Deserialize)]
struct Unit {
    en: String,
    fr: String,
    label: String,
    kind: String,
    score: f64,
    en_ids: Vec<usize>,
    fr_ids: Vec<usize>,
}

impl Unit {
    fn is_pair(&self) -> bool {
        !self.en.is_empty() && !self.fr.is_empty()
    }

    fn score(&self) -> String {
        format!("{:.4}", self.score)
    }
}

/// An English and a French input, with a temporary directory for the outputs.
struct Case {
    en: PathBuf,
    fr: PathBuf,
    dir: TempDir,
}

impl Case {
    fn sample() -> Case {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        Case {
            en: data.join("A-RES-58-135.en.txt"),
            fr: data.join("A-RES-58-135.fr.txt"),
            dir: TempDir::new().expect("temp dir"),
        }
    }

    /// Inputs full of what output formats choke on: markup characters, quotes, form feeds,
    /// control characters, a vertical tab, U+2028, a tab.
    fn hostile() -> Case {
        let dir = TempDir::new().expect("temp dir");
        let (en, fr) = (dir.path().join("hostile.en.txt"), dir.path().join("hostile.fr.txt"));
        std::fs::write(
            &en,
            "The General Assembly,\n\n\
             1. Decides & <acts> \u{c} \u{1} \"now\";\n\n\
             2. Requests the \u{b}'Secretary-General'\u{2028}to report\tback;\n",
        )
        .expect("write input");
        std::fs::write(
            &fr,
            "L’Assemblée générale,\n\n\
             1. Décide & <agit> \u{c} \u{1} « maintenant » ;\n\n\
             2. Prie le \u{b}'Secrétaire général'\u{2028}de faire\trapport ;\n",
        )
        .expect("write input");
        Case { en, fr, dir }
    }

    /// Paragraphs that a spreadsheet would run as formulas.
    fn formulas() -> Case {
        let dir = TempDir::new().expect("temp dir");
        let (en, fr) = (dir.path().join("formulas.en.txt"), dir.path().join("formulas.fr.txt"));
        std::fs::write(
            &en,
            "The General Assembly,\n\n\
             =HYPERLINK(\"http://example.com\",\"Decides\") to act;\n\n\
             +1 Requests the report;\n\n\
             @SUM(A1:A2) Welcomes the efforts;\n\n\
             -2 Notes the figures, = all;\n",
        )
        .expect("write input");
        std::fs::write(
            &fr,
            "L’Assemblée générale,\n\n\
             =HYPERLINK(\"http://example.com\",\"Décide\") d’agir ;\n\n\
             +1 Prie le rapport ;\n\n\
             @SUM(A1:A2) Se félicite des efforts ;\n\n\
             -2 Note les chiffres, = tous ;\n",
        )
        .expect("write input");
        Case { en, fr, dir }
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `paralign align EN FR OPTIONS…` and returns its standard output.
    fn align(&self, options: &[&str]) -> Vec<u8> {
        let output = Command::cargo_bin("paralign")
            .expect("the paralign binary")
            .arg("align")
            .arg(&self.en)
            .arg(&self.fr)
            .args(options)
            .output()
            .expect("run paralign");
        assert!(
            output.status.success(),
            "paralign align {options:?} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        output.stdout
    }

    /// Aligns into the file `name`, whose extension picks the format.
    fn align_to(&self, name: &str) -> PathBuf {
        let path = self.out(name);
        self.align(&["-o", path.to_str().expect("UTF-8 temp path")]);
        path
    }

    /// The units of the default output, JSONL on stdout.
    fn units(&self) -> Vec<Unit> {
        let stdout = String::from_utf8(self.align(&[])).expect("UTF-8 JSONL");
        let units: Vec<Unit> = stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON object per line"))
            .collect();
        assert!(units.iter().any(Unit::is_pair), "no 1-1 unit in {stdout}");
        units
    }
}

fn have_python() -> bool {
    have("python3", "python3", &["-c", ""])
}

fn have_tmx_readers() -> bool {
    // Both are looked for, so that a skip names every missing tool.
    let xmllint = have("xmllint (libxml2-utils)", "xmllint", &["--version"]);
    let toolkit =
        have("translate-toolkit for python3", "python3", &["-c", "import translate.storage.tmx"]);
    xmllint && toolkit
}

/// Runs a Python snippet on `files` and parses the JSON it prints.
fn python(script: &str, files: &[&Path]) -> Value {
    let output = process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(files)
        .output()
        .expect("run python3");
    assert!(output.status.success(), "python3 failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON from python3")
}

/// Python's `str.splitlines` boundaries: the characters the Moses and TSV writers replace.
const LINE_BREAKS: [char; 10] =
    ['\n', '\r', '\u{b}', '\u{c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}', '\u{2029}'];

fn spaces(s: &str, bad: impl Fn(char) -> bool) -> String {
    s.chars().map(|c| if bad(c) { ' ' } else { c }).collect()
}

/// TMX: characters XML 1.0 forbids become spaces.
fn xml_clean(s: &str) -> String {
    spaces(s, |c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    })
}

/// CSV: control characters other than tab and LF become spaces.
fn csv_clean(s: &str) -> String {
    spaces(s, |c| c.is_control() && !matches!(c, '\t' | '\n'))
}

/// TSV: control characters (tab included) and line breaks become spaces.
fn tsv_clean(s: &str) -> String {
    spaces(s, |c| c.is_control() || LINE_BREAKS.contains(&c))
}

/// Moses: line breaks become spaces.
fn one_line(s: &str) -> String {
    spaces(s, |c| LINE_BREAKS.contains(&c))
}

const READ_TMX: &str = r#"
import json, sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
print(json.dumps([{
    "source": u.source,
    "target": u.target,
    "langs": [tuv.get(XML_LANG) for tuv in u.xmlelement.iter("tuv")],
    "props": {p.get("type"): p.text for p in u.xmlelement.iter("prop")},
} for u in store.units]))
"#;

/// The TMX is well-formed for xmllint, and translate-toolkit reads every unit with both sides,
/// with its texts and properties.
fn check_tmx(case: &Case) {
    if !have_tmx_readers() {
        return;
    }
    let tmx = case.align_to("out.tmx");
    let lint =
        process::Command::new("xmllint").arg("--noout").arg(&tmx).output().expect("run xmllint");
    assert!(
        lint.status.success(),
        "xmllint rejects the TMX: {}",
        String::from_utf8_lossy(&lint.stderr)
    );

    let mut read = python(READ_TMX, &[&tmx]);
    let units = read.as_array_mut().expect("a list of units");
    // The document symbol depends on the segmenter; it is one symbol for the whole file.
    let mut symbols: Vec<Value> =
        units.iter_mut().filter_map(|u| u["props"].as_object_mut()?.remove("x-document")).collect();
    symbols.dedup();
    assert!(symbols.len() <= 1, "x-document varies: {symbols:?}");

    let expected: Vec<Value> = case
        .units()
        .iter()
        .filter(|u| u.is_pair())
        .map(|u| {
            json!({
                "source": xml_clean(&u.en),
                "target": xml_clean(&u.fr),
                "langs": ["en", "fr"],
                "props": {"x-label": u.label, "x-kind": u.kind, "x-score": u.score()},
            })
        })
        .collect();
    assert_eq!(*units, expected);
}

const READ_CSV: &str = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    print(json.dumps(list(csv.reader(f))))
"#;

/// Python's `csv` module reads back the header and every unit.
fn check_csv(case: &Case) {
    if !have_python() {
        return;
    }
    let csv = case.align_to("out.csv");
    let rows = python(READ_CSV, &[&csv]);
    let mut expected = vec![json!(["en", "fr", "label", "kind", "score"])];
    expected.extend(
        case.units()
            .iter()
            .map(|u| json!([csv_clean(&u.en), csv_clean(&u.fr), u.label, u.kind, u.score()])),
    );
    assert_eq!(rows, Value::Array(expected));
}

/// One record per line, five tab-separated fields, texts written without quoting.
fn check_tsv(case: &Case) {
    let tsv = std::fs::read_to_string(case.align_to("out.tsv")).expect("read TSV");
    let body = tsv.strip_suffix('\n').expect("a final newline");
    let lines: Vec<&str> = body.split('\n').collect();
    let units = case.units();
    assert_eq!(lines.len(), units.len() + 1, "header and one line per unit");
    assert_eq!(lines[0], "en\tfr\tlabel\tkind\tscore");
    for (line, u) in lines[1..].iter().zip(&units) {
        assert!(!line.contains(LINE_BREAKS), "a line break inside {line:?}");
        let fields: Vec<&str> = line.split('\t').collect();
        let expected =
            [tsv_clean(&u.en), tsv_clean(&u.fr), u.label.clone(), u.kind.clone(), u.score()];
        assert_eq!(fields, expected, "{line:?}");
    }
}

const READ_LINES: &str = r#"
import json, sys
print(json.dumps([open(p, encoding="utf-8", newline="").read().splitlines() for p in sys.argv[1:]]))
"#;

/// `--format moses -o out` writes `out.en` and `out.fr`, one line per unit with both sides
/// for Python's `splitlines`, which splits on more than LF.
fn check_moses(case: &Case) {
    if !have_python() {
        return;
    }
    let base = case.out("out");
    case.align(&["--format", "moses", "-o", base.to_str().expect("UTF-8 temp path")]);
    let (en, fr) = (case.out("out.en"), case.out("out.fr"));
    let read = python(READ_LINES, &[&en, &fr]);
    let pairs: Vec<_> = case.units().into_iter().filter(Unit::is_pair).collect();
    let expected_en: Vec<String> = pairs.iter().map(|u| one_line(&u.en)).collect();
    let expected_fr: Vec<String> = pairs.iter().map(|u| one_line(&u.fr)).collect();
    assert_eq!(read, json!([expected_en, expected_fr]));
    for file in [en, fr] {
        let text = std::fs::read_to_string(&file).expect("read Moses file");
        assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{}", file.display());
    }
}

/// The indices of one side of a bead line: `[3, 4]` → [3, 4], `[]` → [].
fn bead_side(side: &str) -> Vec<usize> {
    let inner = side
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or_else(|| panic!("not a bracketed list: {side:?}"));
    if inner.is_empty() {
        return vec![];
    }
    inner
        .split(", ")
        .map(|n| n.parse().unwrap_or_else(|e| panic!("{n:?} in {side:?}: {e}")))
        .collect()
}

/// `-v`'s count of paragraphs for `file` ("en.txt: text, UTF-8, 18 paragraphs, 3 lines dropped").
fn paragraphs_read(verbose: &str, file: &Path) -> usize {
    let prefix = format!("{}: ", file.display());
    let line = verbose
        .lines()
        .find_map(|l| l.strip_prefix(prefix.as_str()))
        .unwrap_or_else(|| panic!("no line for {} in {verbose}", file.display()));
    let count = line
        .split(", ")
        .find_map(|part| part.strip_suffix(" paragraphs"))
        .unwrap_or_else(|| panic!("no paragraph count in {line:?}"));
    count.parse().unwrap_or_else(|e| panic!("{line:?}: {e}"))
}

/// `--format beads`: one line `[en]:[fr]` per unit, one-sided units included, holding the
/// JSONL's paragraph indices; each side's paragraphs 0..n (n as `-v` counts them) appear once
/// each, in order.
fn check_beads(case: &Case) {
    let output = Command::cargo_bin("paralign")
        .expect("the paralign binary")
        .arg("align")
        .arg(&case.en)
        .arg(&case.fr)
        .args(["--format", "beads", "-v"])
        .output()
        .expect("run paralign");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 beads");
    let verbose = String::from_utf8(output.stderr).expect("UTF-8 stderr");
    assert!(stdout.ends_with('\n') && !stdout.ends_with("\n\n"), "{stdout:?}");
    let beads: Vec<(Vec<usize>, Vec<usize>)> = stdout
        .lines()
        .map(|line| {
            let (en, fr) = line.split_once(':').unwrap_or_else(|| panic!("no ':' in {line:?}"));
            (bead_side(en), bead_side(fr))
        })
        .collect();
    let units = case.units();
    let from_jsonl: Vec<(Vec<usize>, Vec<usize>)> =
        units.iter().map(|u| (u.en_ids.clone(), u.fr_ids.clone())).collect();
    assert_eq!(beads, from_jsonl);
    let en: Vec<usize> = beads.iter().flat_map(|b| b.0.iter().copied()).collect();
    let fr: Vec<usize> = beads.iter().flat_map(|b| b.1.iter().copied()).collect();
    let (n_en, n_fr) = (paragraphs_read(&verbose, &case.en), paragraphs_read(&verbose, &case.fr));
    assert_eq!(en, (0..n_en).collect::<Vec<_>>(), "English indices");
    assert_eq!(fr, (0..n_fr).collect::<Vec<_>>(), "French indices");
    assert!(beads.iter().all(|(e, f)| !e.is_empty() || !f.is_empty()), "an empty bead");
}

#[test]
fn beads_hold_every_paragraph_once_in_order() {
    let case = Case::sample();
    check_beads(&case);
    // The seed pair's English title has no French counterpart: a one-sided bead is written.
    let one_sided = case.units().iter().filter(|u| !u.is_pair()).count();
    assert!(one_sided > 0, "the seed pair has a 1-0 unit");
}

#[test]
fn beads_format_follows_the_extension() {
    let case = Case::sample();
    let path = case.align_to("out.beads");
    let text = std::fs::read_to_string(&path).expect("read beads");
    assert_eq!(text.lines().count(), case.units().len());
    assert!(text.lines().all(|l| l.starts_with('[') && l.ends_with(']')), "{text}");
}

#[test]
fn tmx_is_read_by_xmllint_and_translate_toolkit() {
    check_tmx(&Case::sample());
}

#[test]
fn csv_is_read_by_python() {
    check_csv(&Case::sample());
}

#[test]
fn tsv_has_one_record_per_line() {
    check_tsv(&Case::sample());
}

#[test]
fn moses_files_have_one_line_per_pair() {
    check_moses(&Case::sample());
}

#[test]
fn hostile_text_survives_every_format() {
    let case = Case::hostile();
    let units = case.units();
    let op1 = units.iter().find(|u| u.label == "op.1").expect("op.1 unit");
    assert!(op1.en.contains("Decides & <acts>") && op1.en.contains("\"now\""), "{op1:?}");
    check_tmx(&case);
    check_csv(&case);
    check_tsv(&case);
    check_moses(&case);
    check_beads(&case);
}

/// `--excel-safe`: what a spreadsheet would run as a formula gets an apostrophe, in CSV read by
/// the `csv` crate and by Python's `csv` module, and in TSV; nothing else changes. Without the
/// option the cells are the texts as they are.
#[test]
fn excel_safe_cells_start_with_an_apostrophe() {
    let case = Case::formulas();
    let units = case.units();
    let safe = |s: &str| {
        if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s.to_string()
        }
    };
    assert_eq!(
        units.iter().filter(|u| u.en.starts_with(['=', '+', '-', '@'])).count(),
        4,
        "the four formula paragraphs are units of their own"
    );
    let rows = |path: &Path, delimiter: u8| -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .quoting(delimiter == b',')
            .from_path(path)
            .expect("open")
            .records()
            .map(|r| r.expect("a record").iter().map(str::to_string).collect())
            .collect()
    };
    let expected = |clean: fn(&str) -> String, excel: bool| -> Vec<Vec<String>> {
        let cell = |s: &str| if excel { safe(&clean(s)) } else { clean(s) };
        units
            .iter()
            .map(|u| vec![cell(&u.en), cell(&u.fr), u.label.clone(), u.kind.clone(), u.score()])
            .collect()
    };
    let plain = case.align_to("plain.csv");
    assert_eq!(rows(&plain, b','), expected(csv_clean, false));
    let csv_path = case.out("safe.csv");
    case.align(&["--excel-safe", "-o", csv_path.to_str().expect("UTF-8 temp path")]);
    assert_eq!(rows(&csv_path, b','), expected(csv_clean, true));
    let tsv_path = case.out("safe.tsv");
    case.align(&["--excel-safe", "-o", tsv_path.to_str().expect("UTF-8 temp path")]);
    assert_eq!(rows(&tsv_path, b'\t'), expected(tsv_clean, true));
    if have_python() {
        let read = python(READ_CSV, &[&csv_path]);
        let mut want = vec![json!(["en", "fr", "label", "kind", "score"])];
        want.extend(expected(csv_clean, true).into_iter().map(|r| json!(r)));
        assert_eq!(read, Value::Array(want));
    }
    // Other formats have no cells: the option is a usage error there.
    let out = Command::cargo_bin("paralign")
        .expect("the paralign binary")
        .arg("align")
        .arg(&case.en)
        .arg(&case.fr)
        .args(["--excel-safe", "--format", "tmx"])
        .output()
        .expect("run paralign");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--excel-safe"));
}
