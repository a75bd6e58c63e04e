//! Hostile input: a folder of files that are empty, binary, in other encodings, full of control
//! characters, huge or degenerate, each run through `align` and `check` (paired with the real
//! French text) and the folder through `batch`. Every run ends with exit code 0 and a correct
//! result, or exit code 2 and one line on stderr that names the file, leaving no output
//! behind; never a panic (101) and never a hang (each run has a time limit).
//!
//! Also: the seed pair re-encoded (UTF-16LE and BE with a BOM, UTF-16LE without one,
//! Windows-1252), with CRLF line ends, and re-wrapped at 60 columns, aligns exactly as the UTF-8
//! original, and scores 1.000 against the gold when ../shared is there.

use crate::support::*;
use paralign::read::{decode, Text};
use paralign::segment::{segment, Language};
use std::path::{Path, PathBuf};
use std::time::Duration;

const EN: &str = "A-RES-58-135.en.txt";
const FR: &str = "A-RES-58-135.fr.txt";
/// Generous for a debug build on a slow machine; a quadratic slip on the 2 MB inputs takes
/// minutes.
const LIMIT: Duration = Duration::from_secs(60);

fn seed(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap()
}

fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = if bom {
        Some(0xFEFF).into_iter().chain(s.encode_utf16()).collect::<Vec<u16>>()
    } else {
        s.encode_utf16().collect()
    };
    for u in units {
        out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

fn windows_1252(s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(s);
    assert!(!unmappable, "the text has characters Windows-1252 cannot hold");
    bytes.into_owned()
}

/// Deterministic noise (xorshift), so that a failure can be replayed.
fn noise(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// `text` with `insert` put in after every `every`-th byte that ends a character.
fn sprinkle(text: &str, insert: &[u8], every: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for (k, c) in text.char_indices() {
        out.extend_from_slice(&text.as_bytes()[k..k + c.len_utf8()]);
        if k % every == every - 1 {
            out.extend_from_slice(insert);
        }
    }
    out
}

/// What a hostile input must give.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Exit code 0 and a correct alignment.
    Aligned,
    /// Exit code 2, one line naming the file and saying this.
    Refused(&'static str),
}
use Expect::*;

/// The hostile files: name, content (None: not created, or a folder for "folder"), expectation.
fn hostile_inputs() -> Vec<(&'static str, Option<Vec<u8>>, Expect)> {
    let en = seed(EN);
    let fr = seed(FR);
    let words = en.split_whitespace().collect::<Vec<_>>().join(" ") + " ";
    let two_mb = 2 << 20;
    // French in UTF-8 with bad bytes: damaged UTF-8, not Windows-1252
    let at = |s: &str, n: usize| (n..).find(|&k| s.is_char_boundary(k)).unwrap();
    let mut damaged = fr.clone().into_bytes();
    damaged.splice(at(&fr, 500)..at(&fr, 500), *b"\xC3\x28\xFF");
    let mut surrogate = fr.clone().into_bytes();
    surrogate.splice(at(&fr, 300)..at(&fr, 300), *b"\xED\xA0\x80");
    // ASCII English with one stray byte: read as Windows-1252, nothing lost
    let mut stray = en.replace(['“', '”'], "\"").into_bytes();
    stray.splice(400..400, *b"\xE9");
    let mut odd_utf16 = utf16(&en, false, true);
    odd_utf16.push(b'x');
    let mut lone_surrogate = utf16("The General Assembly,\n\n1. Decides", false, true);
    lone_surrogate.extend_from_slice(&0xD800u16.to_le_bytes());
    let mixed_newlines: String = en
        .split('\n')
        .enumerate()
        .map(|(k, l)| format!("{l}{}", ["\n", "\r\n", "\r"][k % 3]))
        .collect();
    vec![
        ("empty.txt", Some(vec![]), Refused("empty")),
        ("whitespace.txt", Some(b" \n\t\r\n  \x0c\n\xC2\xA0\n".to_vec()), Refused("empty")),
        ("bom-only.txt", Some(b"\xEF\xBB\xBF".to_vec()), Refused("empty")),
        ("utf16-bom-only.txt", Some(b"\xFF\xFE".to_vec()), Refused("empty")),
        ("blank-lines.txt", Some(b"\n".repeat(100_000)), Refused("empty")),
        ("controls-only.txt", Some(b"\x01\x02\x03\x1b\x7f".to_vec()), Refused("empty")),
        ("folder", None, Refused("is a directory")),
        ("missing.txt", None, Refused("No such file")),
        (
            "report.pdf",
            Some([b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n".as_slice(), &noise(3000, 7)].concat()),
            Refused("PDF"),
        ),
        (
            "report.docx",
            Some([b"PK\x03\x04\x14\x00\x06\x00".as_slice(), &noise(3000, 8)].concat()),
            Refused("DOCX"),
        ),
        (
            "photo.jpg",
            Some([b"\xFF\xD8\xFF\xE0".as_slice(), &noise(1000, 9)].concat()),
            Refused("JPEG"),
        ),
        ("random.bin", Some(noise(4096, 11)), Refused("binary")),
        (
            "random-high.bin",
            Some(noise(4096, 12).into_iter().map(|b| b | 0x80).collect()),
            Refused(""),
        ),
        ("many-nuls.txt", Some(sprinkle(&en, b"\0", 10)), Refused("NUL")),
        ("damaged-utf8-french.txt", Some(damaged), Refused("not valid UTF-8")),
        ("surrogate-in-utf8-french.txt", Some(surrogate), Refused("not valid UTF-8")),
        ("stray-byte.txt", Some(stray), Aligned),
        ("odd-utf16.txt", Some(odd_utf16), Refused("not valid UTF-16LE")),
        ("lone-surrogate-utf16.txt", Some(lone_surrogate), Refused("not valid UTF-16LE")),
        ("utf16le-bom.txt", Some(utf16(&en, false, true)), Aligned),
        ("utf16be-bom.txt", Some(utf16(&en, true, true)), Aligned),
        ("utf16le.txt", Some(utf16(&en, false, false)), Aligned),
        ("utf16be.txt", Some(utf16(&en, true, false)), Aligned),
        ("windows-1252-french.txt", Some(windows_1252(&fr)), Aligned),
        ("utf8-bom.txt", Some([b"\xEF\xBB\xBF".as_slice(), en.as_bytes()].concat()), Aligned),
        ("stray-nuls.txt", Some(sprinkle(&en, b"\0", 997)), Aligned),
        ("control-chars.txt", Some(sprinkle(&en, b"\x01\x1b\x7f", 1009)), Aligned),
        (
            "form-feeds.txt",
            Some(
                en.replace("\n A/RES/58/135", "\x0c A/RES/58/135")
                    .replace("\n\n\n", "\n\x0c\n")
                    .into_bytes(),
            ),
            Aligned,
        ),
        (
            "separators.txt",
            Some(
                en.replace("\n\n", "\u{2029}")
                    .replace(", ", ",\u{200b} ")
                    .replace(" of ", "\u{a0}of\u{202f}")
                    .replace('\n', "\u{2028}")
                    .into_bytes(),
            ),
            Aligned,
        ),
        ("mixed-newlines.txt", Some(mixed_newlines.into_bytes()), Aligned),
        ("old-mac.txt", Some(en.replace('\n', "\r").into_bytes()), Aligned),
        ("tabs.txt", Some(en.replace(' ', "\t").into_bytes()), Aligned),
        ("one-line-2mb.txt", Some(words.repeat(two_mb / words.len()).into_bytes()), Aligned),
        ("one-word-2mb.txt", Some(b"a1".repeat(two_mb / 2)), Aligned),
        ("digits-and-hyphens-2mb.txt", Some(b"12-".repeat(two_mb / 3)), Aligned),
        (
            "nested-parentheses.txt",
            Some(["(".repeat(50_000), "a".into(), ")".repeat(50_000)].concat().into_bytes()),
            Aligned,
        ),
        ("numbering-1.1.1.txt", Some(b"1.".repeat(50_000)), Aligned),
        ("lone-numbers.txt", Some(b"1.\n".repeat(10_000)), Aligned),
        ("punctuation-lines.txt", Some(b";\n\n.\n,,\n\n:;!?\n\n".repeat(5_000)), Aligned),
        ("page-header-only.txt", Some(b"A/RES/58/135\n".to_vec()), Aligned),
        ("symbols-2mb.txt", Some(b"A/RES/58/135 of 2003, ".repeat(two_mb / 22)), Aligned),
    ]
}

/// A folder holding the hostile files, with a subfolder for outputs.
fn hostile_folder() -> (tempfile::TempDir, Vec<(PathBuf, Expect)>) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::create_dir_all(dir.path().join("out")).unwrap();
    let mut files = Vec::new();
    for (name, content, expect) in hostile_inputs() {
        let path = inputs.join(name);
        match content {
            Some(bytes) => std::fs::write(&path, bytes).unwrap(),
            None if name == "folder" => std::fs::create_dir(&path).unwrap(),
            None => {}
        }
        files.push((path, expect));
    }
    (dir, files)
}

/// Runs paralign with a time limit; returns the exit code, stdout and stderr.
fn run(args: &[&std::ffi::OsStr]) -> (i32, Vec<u8>, String) {
    let out = paralign().args(args).timeout(LIMIT).output().unwrap();
    let code =
        out.status.code().unwrap_or_else(|| panic!("killed (time limit {LIMIT:?}?): {args:?}"));
    (code, out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Paragraph count of a file as the library reads it (what `align` must cover, no more, no less).
fn paragraphs(path: &Path, language: Language) -> usize {
    let text = decode(&std::fs::read(path).unwrap(), path, &Default::default()).unwrap();
    segment(&text, language).paragraphs.len()
}

/// An error: code 2, one line on stderr naming the file and saying `says`, no output left.
fn assert_refused(
    what: &str,
    (code, _, stderr): &(i32, Vec<u8>, String),
    file: &Path,
    says: &str,
    out: &Path,
) {
    let name = file.file_name().unwrap().to_str().unwrap();
    assert_eq!(*code, 2, "{what}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{what}: not one line: {stderr}");
    assert!(
        stderr.contains(name) && stderr.contains(says),
        "{what}: {stderr:?} should name {name} and say {says:?}"
    );
    let left: Vec<_> = std::fs::read_dir(out).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "{what}: output left behind: {left:?}");
}

#[test]
fn hostile_files_are_aligned_or_refused_in_one_line_never_a_panic() {
    let (dir, files) = hostile_folder();
    let out_dir = dir.path().join("out");
    let fr_seed = data(FR);
    for (file, expect) in &files {
        let name = file.file_name().unwrap().to_str().unwrap();
        // the hostile file as the English side, and as the French side for French-looking ones
        let french = name.contains("french");
        let (en, fr) =
            if french { (data(EN), file.clone()) } else { (file.clone(), fr_seed.clone()) };
        let out = out_dir.join("units.jsonl");
        let aligned = run(&[
            "align".as_ref(),
            en.as_os_str(),
            fr.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        let report_path = out_dir.join("report.json");
        let checked = run(&[
            "check".as_ref(),
            en.as_os_str(),
            fr.as_os_str(),
            "-o".as_ref(),
            report_path.as_os_str(),
        ]);
        match expect {
            Refused(says) => {
                assert_refused(&format!("align {name}"), &aligned, file, says, &out_dir);
                assert_refused(&format!("check {name}"), &checked, file, says, &out_dir);
            }
            Aligned => {
                assert_eq!(aligned.0, 0, "align {name}: {}", aligned.2);
                let units = parse_jsonl(&std::fs::read(&out).unwrap());
                assert_nothing_lost(
                    &units,
                    paragraphs(&en, Language::En),
                    paragraphs(&fr, Language::Fr),
                );
                for u in &units {
                    for side in [&u.en, &u.fr] {
                        assert!(
                            !side.contains(|c: char| c.is_control()
                                || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2028}')),
                            "{name}: {side:?}"
                        );
                    }
                }
                assert!(checked.0 == 0 || checked.0 == 1, "check {name}: {}", checked.2);
                let report: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(&report_path).unwrap())
                        .expect("JSON report");
                assert_eq!(report["units"].as_u64(), Some(units.len() as u64), "{name}");
                std::fs::remove_file(&out).unwrap();
                std::fs::remove_file(&report_path).unwrap();
            }
        }
    }
}

#[test]
fn a_folder_of_hostile_files_goes_through_batch() {
    let (dir, files) = hostile_folder();
    let out = dir.path().join("out");
    let (code, _, stderr) = run(&[
        "batch".as_ref(),
        dir.path().join("inputs").as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    // files that are not text, or not English or French, are reported, and the run goes on
    assert_eq!(code, 1, "{stderr}");
    let unpaired = std::fs::read_to_string(out.join("unpaired.csv")).unwrap();
    for (file, expect) in &files {
        if let Refused(_) = expect {
            if file.is_file() {
                let name = file.file_name().unwrap().to_str().unwrap();
                assert!(unpaired.contains(name), "{name} missing from unpaired.csv:\n{unpaired}");
            }
        }
    }
}

#[test]
fn standard_input_in_utf16_is_read() {
    let en = utf16(&seed(EN), false, true);
    let out = paralign()
        .arg("align")
        .arg("-")
        .arg(data(FR))
        .write_stdin(en)
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let units = parse_jsonl(&out.stdout);
    let plain = align_files(&data(EN), &data(FR));
    assert_eq!(same_units(&units), same_units(&plain));
}

#[test]
fn an_unknown_encoding_is_a_usage_error_in_one_line() {
    for command in ["align", "check"] {
        let dir = tempfile::tempdir().unwrap();
        // An output each command can write (align has no .json format).
        let out = dir.path().join(if command == "align" { "out.jsonl" } else { "out.json" });
        let (code, _, stderr) = run(&[
            command.as_ref(),
            data(EN).as_os_str(),
            data(FR).as_os_str(),
            "--encoding".as_ref(),
            "ebcdic-klingon".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(code, 2, "{command}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("unknown encoding 'ebcdic-klingon'"), "{stderr}");
        assert!(!out.exists());
    }
}

#[test]
fn a_forced_encoding_reads_what_detection_would_not() {
    // Windows-1252 is detected; forcing it (for both files) gives the same, and forcing UTF-8
    // on it is refused with the byte offset.
    let dir = tempfile::tempdir().unwrap();
    let (en, fr) = (dir.path().join("en.txt"), dir.path().join("fr.txt"));
    std::fs::write(&en, windows_1252(&seed(EN))).unwrap();
    std::fs::write(&fr, windows_1252(&seed(FR))).unwrap();
    let detected = align_files(&en, &fr);
    assert_eq!(same_units(&detected), same_units(&align_files(&data(EN), &data(FR))));
    // -v says which encoding was read
    let (code, _, stderr) = run(&["align".as_ref(), en.as_os_str(), fr.as_os_str(), "-v".as_ref()]);
    assert_eq!(code, 0);
    assert!(stderr.contains("fr.txt: text, windows-1252, 17 paragraphs"), "{stderr}");
    let out = paralign()
        .arg("align")
        .arg(&en)
        .arg(&fr)
        .args(["--encoding", "latin1"])
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(same_units(&parse_jsonl(&out.stdout)), same_units(&detected));
    let (code, _, stderr) = run(&[
        "align".as_ref(),
        data(EN).as_os_str(),
        fr.as_os_str(),
        "--encoding".as_ref(),
        "utf-8".as_ref(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("fr.txt: not valid UTF-8 (byte "), "{stderr}");
    // UTF-16 forced on files with a BOM of its own kind: the BOM is skipped
    std::fs::write(&en, utf16(&seed(EN), true, true)).unwrap();
    std::fs::write(&fr, utf16(&seed(FR), true, false)).unwrap();
    let out = paralign()
        .arg("align")
        .arg(&en)
        .arg(&fr)
        .args(["--encoding", "utf-16be"])
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(same_units(&parse_jsonl(&out.stdout)), same_units(&detected));
}

// ---- the seed pair, re-encoded and re-wrapped ----

/// The texts of a unit, compared as they are.
fn same_units(units: &[Unit]) -> Vec<(String, String, String, String)> {
    units.iter().map(|u| (u.en.clone(), u.fr.clone(), u.label.clone(), u.kind.clone())).collect()
}

#[test]
fn the_seed_pair_re_encoded_and_re_wrapped_aligns_as_the_original() {
    let original = align_files(&data(EN), &data(FR));
    assert_eq!(original.len(), 18);
    let (en, fr) = (seed(EN), seed(FR));
    type Encode = fn(&str) -> Vec<u8>;
    type Reshape = fn(&str) -> String;
    let encodings: [(&str, Encode); 5] = [
        ("utf-8", |s| s.as_bytes().to_vec()),
        ("utf-16le-bom", |s| utf16(s, false, true)),
        ("utf-16be-bom", |s| utf16(s, true, true)),
        ("utf-16le", |s| utf16(s, false, false)),
        ("windows-1252", windows_1252),
    ];
    let shapes: [(&str, Reshape); 3] = [
        ("as is", str::to_string),
        ("crlf", |s| s.replace('\n', "\r\n")),
        ("rewrapped at 60 and crlf", |s| rewrap(s, 60).replace('\n', "\r\n")),
    ];
    let dir = tempfile::tempdir().unwrap();
    // Without the evaluation data the units are still compared with the original's.
    let shared = shared(&[SCORE_PY, SEED_GOLD]);
    for (encoding, encode) in encodings {
        for (shape, reshape) in shapes {
            let (e, f) = (dir.path().join("en.txt"), dir.path().join("fr.txt"));
            std::fs::write(&e, encode(&reshape(&en))).unwrap();
            std::fs::write(&f, encode(&reshape(&fr))).unwrap();
            let out = paralign().arg("align").arg(&e).arg(&f).timeout(LIMIT).output().unwrap();
            assert!(
                out.status.success(),
                "{encoding}, {shape}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let units = parse_jsonl(&out.stdout);
            assert_eq!(same_units(&units), same_units(&original), "{encoding}, {shape}");
            if let Some(shared) = &shared {
                let report = score(shared, &shared.join(SEED_GOLD), &out.stdout);
                assert!(
                    report.contains("precision=1.000 recall=1.000"),
                    "{encoding}, {shape}: {report}"
                );
            }
        }
    }
}

#[test]
fn text_given_as_a_string_is_normalised_like_a_file() {
    let t = Text::new("t", "a\r\nb\u{200b}c\u{1}");
    assert_eq!(t.content, "a\nbc");
}
