//! `paralign batch` and `paralign stream` end to end, on corpora generated from the seed pair
//! (examples/gen_corpus.rs) and on the 304 real Security Council pairs when ../shared is there.

#[allow(dead_code)]
#[path = "../../examples/gen_corpus.rs"]
mod gen;

use crate::support::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn corpus(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let en = std::fs::read_to_string(data("A-RES-58-135.en.txt")).unwrap();
    let fr = std::fs::read_to_string(data("A-RES-58-135.fr.txt")).unwrap();
    let root = dir.path().join("corpus");
    gen::generate(&en, &fr, n, &root).unwrap();
    (dir, root)
}

fn batch(args: &[&Path]) -> (i32, String) {
    let mut cmd = paralign();
    cmd.arg("batch");
    for a in args {
        cmd.arg(a);
    }
    let out = cmd.output().unwrap();
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn csv_rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| header.iter().cloned().zip(rec.unwrap().iter().map(String::from)).collect())
        .collect()
}

#[test]
fn a_corpus_is_paired_by_content_and_every_unit_is_written() {
    let (_tmp, root) = corpus(24);
    let out = root.join("out");
    let (code, stderr) = batch(&[&root.join("en"), &root.join("fr"), Path::new("-o"), &out]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("24 pairs aligned"), "{stderr}");
    let documents = csv_rows(&read(&out, "documents.csv"));
    assert_eq!(documents.len(), 24);
    assert!(documents.iter().all(|d| d["status"] == "aligned"));
    let symbols: Vec<&str> = documents.iter().map(|d| d["symbol"].as_str()).collect();
    let mut sorted = symbols.clone();
    sorted.sort();
    assert_eq!(symbols, sorted, "documents in symbol order");
    assert_eq!(symbols[0], "A/RES/58/1000");
    let units: usize = documents.iter().map(|d| d["units"].parse::<usize>().unwrap()).sum();
    let jsonl: Vec<serde_json::Value> =
        read(&out, "corpus.jsonl").lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(jsonl.len(), units, "every unit of every pair in corpus.jsonl");
    for r in &jsonl {
        assert!(r["symbol"].as_str().is_some_and(|s| s.starts_with("A/RES/58/1")));
        assert_eq!(r["translation"]["en"], r["en"]);
        assert_eq!(r["translation"]["fr"], r["fr"]);
    }
    // each document's units are exactly what `align` gives for that pair alone
    let first = &documents[0];
    let alone = align_files(Path::new(&first["en_file"]), Path::new(&first["fr_file"]));
    let in_corpus: Vec<&serde_json::Value> =
        jsonl.iter().filter(|r| r["symbol"] == first["symbol"].as_str()).collect();
    assert_eq!(alone.len(), in_corpus.len());
    for (a, c) in alone.iter().zip(in_corpus) {
        assert_eq!(
            (a.en.as_str(), a.fr.as_str()),
            (c["en"].as_str().unwrap(), c["fr"].as_str().unwrap())
        );
    }
    let both = jsonl.iter().filter(|r| r["en"] != "" && r["fr"] != "").count();
    assert_eq!(read(&out, "corpus.en").lines().count(), both);
    assert_eq!(read(&out, "corpus.fr").lines().count(), both);
    assert_eq!(csv_rows(&read(&out, "corpus.csv")).len(), units);
    assert_eq!(read(&out, "corpus.tmx").matches("<tu ").count(), both);
    assert_eq!(csv_rows(&read(&out, "unpaired.csv")).len(), 0);
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let (_tmp, root) = corpus(16);
    let (one, two) = (root.join("one"), root.join("two"));
    assert_eq!(
        batch(&[
            &root.join("en"),
            &root.join("fr"),
            Path::new("-o"),
            &one,
            Path::new("--jobs"),
            Path::new("1")
        ])
        .0,
        0
    );
    assert_eq!(
        batch(&[
            &root.join("en"),
            &root.join("fr"),
            Path::new("-o"),
            &two,
            Path::new("--jobs"),
            Path::new("2")
        ])
        .0,
        0
    );
    for name in [
        "corpus.tmx",
        "corpus.csv",
        "corpus.jsonl",
        "corpus.en",
        "corpus.fr",
        "documents.csv",
        "unpaired.csv",
    ] {
        assert_eq!(read(&one, name), read(&two, name), "{name}");
    }
}

#[test]
fn shards_together_make_the_whole_corpus() {
    let (_tmp, root) = corpus(15);
    let whole = root.join("whole");
    batch(&[&root.join("en"), &root.join("fr"), Path::new("-o"), &whole]);
    let mut lines: Vec<String> = Vec::new();
    for k in 1..=3 {
        let out = root.join(format!("shard{k}"));
        let spec = format!("{k}/3");
        assert_eq!(
            batch(&[
                &root.join("en"),
                &root.join("fr"),
                Path::new("-o"),
                &out,
                Path::new("--shard"),
                Path::new(&spec)
            ])
            .0,
            0
        );
        lines.extend(read(&out, "corpus.jsonl").lines().map(String::from));
    }
    let mut expected: Vec<String> =
        read(&whole, "corpus.jsonl").lines().map(String::from).collect();
    lines.sort();
    expected.sort();
    assert_eq!(lines, expected);
    assert_eq!(
        batch(&[
            &root.join("en"),
            &root.join("fr"),
            Path::new("-o"),
            &root.join("x"),
            Path::new("--shard"),
            Path::new("4/3")
        ])
        .0,
        2
    );
}

#[test]
fn one_folder_with_both_languages_and_a_manifest() {
    let (_tmp, root) = corpus(6);
    let mixed = root.join("mixed");
    std::fs::create_dir(&mixed).unwrap();
    let mut pairs = Vec::new();
    for side in ["en", "fr"] {
        for f in std::fs::read_dir(root.join(side)).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, mixed.join(f.file_name().unwrap())).unwrap();
            pairs.push(f);
        }
    }
    let out = root.join("out-mixed");
    assert_eq!(batch(&[&mixed, Path::new("-o"), &out]).0, 0);
    assert_eq!(csv_rows(&read(&out, "documents.csv")).len(), 6);
    // the manifest names pairs explicitly
    let documents = csv_rows(&read(&out, "documents.csv"));
    let manifest = root.join("pairs.tsv");
    let lines: Vec<String> = documents
        .iter()
        .map(|d| format!("{}\t{}\t{}", d["en_file"], d["fr_file"], d["symbol"]))
        .collect();
    std::fs::write(&manifest, format!("en_path\tfr_path\tsymbol\n{}\n", lines.join("\n"))).unwrap();
    let out2 = root.join("out-manifest");
    assert_eq!(batch(&[Path::new("--manifest"), &manifest, Path::new("-o"), &out2]).0, 0);
    assert_eq!(read(&out, "corpus.jsonl"), read(&out2, "corpus.jsonl"));
}

#[test]
fn bad_and_unpaired_files_are_reported_and_the_rest_goes_on() {
    let (_tmp, root) = corpus(5);
    let (en, fr) = (root.join("en"), root.join("fr"));
    // an English document without its French, a PDF given as text, and a French file that
    // holds only a page header (a symbol, no paragraph)
    let lone =
        std::fs::read_to_string(en.join("00000-E.txt")).unwrap().replace("58/1000", "58/9999");
    std::fs::write(en.join("lone.txt"), lone).unwrap();
    std::fs::write(fr.join("scan.pdf"), b"%PDF-1.7\n%\xe2\xe3").unwrap();
    let header_only =
        std::fs::read_to_string(en.join("00001-E.txt")).unwrap().replace("58/1001", "58/8888");
    std::fs::write(en.join("header.txt"), header_only).unwrap();
    std::fs::write(fr.join("header-fr.txt"), "\n\nA/RES/58/8888\n\n").unwrap();
    let out = root.join("out");
    let (code, stderr) = batch(&[&en, &fr, Path::new("-o"), &out]);
    assert_eq!(code, 1, "something was skipped: {stderr}");
    assert!(
        stderr.contains("skipped A/RES/58/8888") && stderr.contains("no paragraph"),
        "{stderr}"
    );
    assert!(stderr.contains("5 pairs aligned"), "{stderr}");
    let unpaired = csv_rows(&read(&out, "unpaired.csv"));
    let reasons: BTreeMap<String, String> = unpaired
        .iter()
        .map(|u| {
            (
                Path::new(&u["file"]).file_name().unwrap().to_string_lossy().into_owned(),
                u["reason"].clone(),
            )
        })
        .collect();
    assert!(
        reasons["lone.txt"].contains("no French file with symbol A/RES/58/9999"),
        "{reasons:?}"
    );
    assert!(reasons["scan.pdf"].contains("PDF"), "{reasons:?}");
    let documents = csv_rows(&read(&out, "documents.csv"));
    assert_eq!(documents.len(), 6);
    assert!(documents
        .iter()
        .any(|d| d["status"].starts_with("skipped:") && d["symbol"] == "A/RES/58/8888"));
}

#[test]
fn a_usage_error_leaves_no_output() {
    let (_tmp, root) = corpus(2);
    let out = root.join("out");
    let (code, stderr) = batch(&[&root.join("en"), &root.join("missing"), Path::new("-o"), &out]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("missing"), "{stderr}");
    assert!(!out.join("corpus.tmx").exists());
}

#[test]
fn the_real_security_council_pairs_are_paired_by_content() {
    let Some(bulk) = shared_path("eval-public/un-resolutions-enfr/bulk-sc-2020-2026") else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let (code, stderr) = batch(&[&bulk.join("en"), &bulk.join("fr"), Path::new("-o"), out.path()]);
    assert_eq!(code, 0, "{stderr}");
    let documents = csv_rows(&read(out.path(), "documents.csv"));
    assert_eq!(documents.len(), 304);
    assert!(documents.iter().all(|d| d["status"] == "aligned"));
    // paired by the symbol in the text: each pair's two files carry the same name here
    assert!(documents
        .iter()
        .all(|d| Path::new(&d["en_file"]).file_name() == Path::new(&d["fr_file"]).file_name()));
    // no real pair looks like two different documents
    assert!(!stderr.contains("warning"), "{stderr}");
    let differs = documents.iter().filter(|d| d["structure"] == "differs").count();
    assert!((5..60).contains(&differs), "{differs} pairs flagged as structurally different");
}

#[test]
fn stream_answers_each_record_and_goes_on_after_a_bad_one() {
    let input = concat!(
        r#"{"id": "a", "en": "The General Assembly,\n\n1. Decides to meet;", "fr": "L’Assemblée générale,\n\n1. Décide de se réunir ;"}"#,
        "\n",
        "not json\n",
        r#"{"id": 7, "en": "", "fr": "L’Assemblée générale,"}"#,
        "\n",
        r#"{"id": "b", "en": "The Security Council,\n\n1. Decides;", "fr": "Le Conseil de sécurité,\n\n1. Décide ;"}"#,
        "\n",
    );
    let out = paralign().arg("stream").write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<String> = records.iter().map(|r| r["id"].to_string()).collect();
    assert_eq!(ids, ["\"a\"", "\"a\"", "null", "7", "\"b\"", "\"b\""]);
    assert_eq!(records[1]["label"], "op.1");
    assert!(records[2]["error"].as_str().unwrap().contains("not JSON"));
    assert!(records[3]["error"].as_str().unwrap().contains("empty"));
}

/// Issue 14, item 3: a UTF-8 BOM before the first record, a record that is not valid UTF-8
/// (reported with its line and its id, and the stream goes on) and an id beyond 64 bits
/// (echoed exactly, not as a float).
#[test]
fn stream_reads_each_line_on_its_own_and_echoes_ids_exactly() {
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(
        r#"{"id": 1, "en": "The General Assembly,\n\n1. Decides;", "fr": "L’Assemblée générale,\n\n1. Décide ;"}"#.as_bytes(),
    );
    input.extend_from_slice(b"\n{\"id\": \"bad\", \"en\": \"x \xFF\", \"fr\": \"y\"}\r\n");
    input.extend_from_slice(
        r#"{"id": 123456789012345678901234567890, "en": "The General Assembly,", "fr": "L’Assemblée générale,"}"#.as_bytes(),
    );
    input.push(b'\n');
    let out = paralign().arg("stream").write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].starts_with(r#"{"id":1,"#), "the record after the BOM is read: {text}");
    assert_eq!(lines[2], r#"{"id":"bad","error":"line 2: not valid UTF-8 (byte 23 is not)"}"#);
    assert!(lines[3].starts_with(r#"{"id":123456789012345678901234567890,"#), "{text}");
}

#[test]
fn encoding_and_excel_safe_reach_every_file_of_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let (en, fr, out) = (dir.path().join("en"), dir.path().join("fr"), dir.path().join("out"));
    std::fs::create_dir_all(&en).unwrap();
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::write(en.join("doc.txt"), "The General Assembly,\n\n=1+2 Decides to act;\n").unwrap();
    // Windows-1252: ’ is 0x92, é is 0xE9
    std::fs::write(
        fr.join("doc.txt"),
        b"L\x92Assembl\xe9e g\xe9n\xe9rale,\n\n=1+2 D\xe9cide d\x92agir ;\n",
    )
    .unwrap();
    let status = |args: &[&str]| {
        let o = paralign()
            .arg("batch")
            .arg(&en)
            .arg(&fr)
            .arg("-o")
            .arg(&out)
            .args(args)
            .output()
            .unwrap();
        (o.status.code().unwrap(), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let (code, stderr) = status(&["--excel-safe", "--encoding", "windows-1252"]);
    assert_eq!(code, 0, "{stderr}");
    let rows = csv_rows(&read(&out, "corpus.csv"));
    let formula = rows.iter().find(|r| r["en"].contains("Decides")).expect("the formula unit");
    assert_eq!(
        (formula["en"].as_str(), formula["fr"].as_str()),
        ("'=1+2 Decides to act;", "'=1+2 Décide d’agir ;")
    );
    // the same without options: the French is detected as Windows-1252, the cells are exact
    let (code, stderr) = status(&[]);
    assert_eq!(code, 0, "{stderr}");
    let rows = csv_rows(&read(&out, "corpus.csv"));
    assert!(
        rows.iter().any(|r| r["en"] == "=1+2 Decides to act;" && r["fr"] == "=1+2 Décide d’agir ;"),
        "{rows:?}"
    );
    let (code, stderr) = status(&["--encoding", "klingon"]);
    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("unknown encoding 'klingon'"), "{stderr}");
}

/// Issue 14, item 9: `batch DIR -o DIR` does not read its own outputs on the next run.
#[test]
fn a_batch_into_its_input_folder_gives_the_same_corpus_twice() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["A-RES-58-135.en.txt", "A-RES-58-135.fr.txt"] {
        std::fs::copy(data(name), dir.path().join(name)).unwrap();
    }
    let run = || {
        let out =
            paralign().arg("batch").arg(dir.path()).arg("-o").arg(dir.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        ["corpus.jsonl", "documents.csv", "unpaired.csv"]
            .map(|f| std::fs::read_to_string(dir.path().join(f)).unwrap())
    };
    let first = run();
    assert_eq!(first[0].lines().count(), 18);
    assert_eq!(run(), first);
}

/// Everything in an input folder that is not read is listed in unpaired.csv with why: hidden
/// entries, sub-folders, FIFOs, sockets (not counted as left out: exit 0), a link to nothing
/// (counted: exit 1). A name that is not UTF-8 is written with its bytes escaped.
#[cfg(unix)]
#[test]
fn batch_lists_every_entry_it_does_not_read() {
    use std::os::unix::ffi::OsStrExt;
    let (_tmp, root) = corpus(2);
    let (en, fr) = (root.join("en"), root.join("fr"));
    std::fs::write(en.join(".DS_Store"), b"\0\0\x01Bud1").unwrap();
    std::fs::create_dir(fr.join("drafts")).unwrap();
    let fifo = fr.join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let _socket = std::os::unix::net::UnixListener::bind(en.join("socket")).unwrap();
    let out = root.join("out");
    let (code, stderr) = batch(&[&en, &fr, Path::new("-o"), &out]);
    assert_eq!(code, 0, "entries not read are no failure: {stderr}");
    assert!(stderr.contains("2 pairs aligned"), "{stderr}");
    let listed = |out: &Path| -> BTreeMap<String, String> {
        csv_rows(&read(out, "unpaired.csv"))
            .into_iter()
            .map(|u| {
                let name = u["file"].rsplit('/').next().unwrap().to_owned();
                (name, u["reason"].clone())
            })
            .collect()
    };
    let reasons = listed(&out);
    assert!(reasons[".DS_Store"].starts_with("hidden"), "{reasons:?}");
    assert!(reasons["drafts"].starts_with("a folder"), "{reasons:?}");
    assert!(reasons["socket"].starts_with("a socket"), "{reasons:?}");
    if made.is_ok_and(|s| s.success()) {
        assert!(reasons["pipe"].starts_with("a FIFO"), "{reasons:?}");
    }
    assert!(stderr.contains("entries not read"), "{stderr}");

    // A dangling link is a document that may be missing: counted, exit 1. A file whose name
    // is not UTF-8 ("caf\xe9", Latin-1) is read, and named with the byte escaped.
    std::os::unix::fs::symlink(root.join("gone.txt"), en.join("gone.txt")).unwrap();
    let latin1 = en.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&latin1, "Ceci n'est ni un texte anglais ni un texte en deux langues.").unwrap();
    let out = root.join("out2");
    let (code, stderr) = batch(&[&en, &fr, Path::new("-o"), &out]);
    assert_eq!(code, 1, "{stderr}");
    let reasons = listed(&out);
    assert!(reasons["gone.txt"].starts_with("a symbolic link to nothing"), "{reasons:?}");
    assert!(reasons.contains_key("caf\\xe9.txt"), "{reasons:?}");
    assert!(!read(&out, "unpaired.csv").contains('\u{fffd}'));
}
