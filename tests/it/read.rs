//! `paralign read`: what paralign understood of one document, as people and tests read it.

use crate::support::{align_files, data, paralign};
use serde_json::Value;

const EN: &str = "A-RES-58-135.en.txt";
const FR: &str = "A-RES-58-135.fr.txt";

fn records(file: &str, extra: &[&str]) -> Vec<Value> {
    let out = paralign()
        .arg("read")
        .arg(data(file))
        .args(["--format", "jsonl"])
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::str::from_utf8(&out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

#[test]
fn jsonl_lists_the_paragraphs_align_sees_then_what_was_dropped() {
    let units = align_files(&data(EN), &data(FR));
    for (file, side) in [(EN, 0), (FR, 1)] {
        let all = records(file, &[]);
        let paragraphs: Vec<&Value> = all.iter().filter(|r| r.get("dropped").is_none()).collect();
        let dropped: Vec<&Value> = all.iter().filter(|r| r.get("dropped").is_some()).collect();
        // Paragraphs first, then dropped lines.
        let first_dropped = all.iter().position(|r| r.get("dropped").is_some()).unwrap();
        assert_eq!(first_dropped, paragraphs.len(), "{file}");
        // The same paragraphs, in the same order, as the alignment's units hold.
        let mut ids: Vec<usize> = units
            .iter()
            .flat_map(|u| if side == 0 { u.en_ids.clone() } else { u.fr_ids.clone() })
            .collect();
        ids.sort_unstable();
        assert_eq!(ids, (0..paragraphs.len()).collect::<Vec<_>>(), "{file}");
        for p in &paragraphs {
            for key in ["label", "kind", "text", "line"] {
                assert!(p.get(key).is_some(), "{file}: {p} has no {key}");
            }
            assert!(p["page"].is_null(), "{file}: plain text has no pages: {p}");
            assert!(!p["text"].as_str().unwrap().is_empty());
        }
        let labels: Vec<&str> = paragraphs.iter().map(|p| p["label"].as_str().unwrap()).collect();
        assert!(
            labels.contains(&"opening") && labels.contains(&"op.1") && labels.contains(&"fn.1")
        );
        let kind_of = |label: &str| {
            paragraphs.iter().find(|p| p["label"] == label).map(|p| p["kind"].as_str().unwrap())
        };
        assert_eq!(kind_of("opening"), Some("opening"));
        assert_eq!(kind_of("pre.1"), Some("preamble"));
        assert_eq!(kind_of("op.1"), Some("operative"));
        assert_eq!(kind_of("fn.1"), Some("footnote"));
        // The running header and the page number of page 2, with the line they were on.
        let header = dropped.iter().find(|d| d["dropped"] == "page_header").expect("a header");
        assert_eq!(header["text"], "A/RES/58/135");
        assert!(dropped.iter().any(|d| d["dropped"] == "page_number" && d["text"] == "2"));
        let text = std::fs::read_to_string(data(file)).unwrap();
        let line = header["line"].as_u64().unwrap() as usize;
        assert_eq!(text.lines().nth(line - 1).map(str::trim), Some("A/RES/58/135"), "{file}");
    }
}

#[test]
fn a_paragraph_s_line_is_where_its_text_starts() {
    let text = std::fs::read_to_string(data(EN)).unwrap();
    for p in records(EN, &[]).iter().filter(|r| r.get("dropped").is_none()) {
        let line = p["line"].as_u64().unwrap() as usize;
        let first_words: String = p["text"].as_str().unwrap().chars().take(12).collect();
        let first_words = first_words.trim_start_matches(|c: char| !c.is_alphanumeric());
        let source = text.lines().nth(line - 1).unwrap_or_default();
        assert!(
            source.contains(first_words.split(' ').next().unwrap()),
            "{}: line {line} is {source:?}",
            p["label"]
        );
    }
}

#[test]
fn text_format_has_a_summary_line_and_one_line_a_paragraph() {
    let out = paralign().arg("read").arg(data(FR)).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let summary = lines.next().unwrap();
    assert!(summary.contains("A/RES/58/135") && summary.contains("paragraphs"), "{summary}");
    let n = records(FR, &[]).iter().filter(|r| r.get("dropped").is_none()).count();
    let rest: Vec<&str> = lines.collect();
    assert_eq!(rest.iter().filter(|l| !l.starts_with("dropped (")).count(), n);
    assert!(rest.iter().any(|l| l.starts_with("op.1 ") && l.contains("operative")));
}

#[test]
fn the_language_can_be_forced_and_bad_input_is_one_line() {
    // Forced English on the French text: read, still labelled by numbering.
    assert!(records(FR, &["--language", "en"]).iter().any(|r| r["label"] == "op.1"));
    let out = paralign().args(["read", "/nonexistent/doc.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/nonexistent/doc.txt"), "{err}");
}
