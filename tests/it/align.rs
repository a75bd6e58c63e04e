//! `paralign align` end to end: real files from data/, the gold alignments, perturbed copies
//! of the seed pair, and bad input.

use crate::support::*;
use paralign::read::Text;
use paralign::segment::{segment, Language};
use predicates::prelude::*;

const EN: &str = "A-RES-58-135.en.txt";
const FR: &str = "A-RES-58-135.fr.txt";

fn seed(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap()
}

fn paragraph_count(text: &str, language: Language) -> usize {
    segment(&Text::new("t", text), language).paragraphs.len()
}

fn unit_with<'a>(units: &'a [Unit], en_start: &str) -> &'a Unit {
    units
        .iter()
        .find(|u| u.en.starts_with(en_start))
        .unwrap_or_else(|| panic!("no unit starts with {en_start:?}"))
}

// ---- the gold alignments ----

#[test]
fn seed_pair_scores_one_against_the_hand_made_gold() {
    let Some(shared) = shared(&[SCORE_PY, SEED_GOLD]) else { return };
    let out = paralign().args(["align"]).arg(data(EN)).arg(data(FR)).output().unwrap();
    assert!(out.status.success());
    let report = score(&shared, &shared.join(SEED_GOLD), &out.stdout);
    assert!(report.contains("precision=1.000 recall=1.000"), "{report}");
}

#[test]
fn the_fourteen_public_pairs_score_one() {
    let Some(shared) = shared(&[SCORE_PY, PUBLIC_PAIRS]) else { return };
    let root = shared.join(PUBLIC_PAIRS);
    let mut failures = vec![];
    let mut pairs = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("gold.json").is_file() {
            continue;
        }
        pairs += 1;
        let out = paralign()
            .arg("align")
            .arg(dir.join("en.txt"))
            .arg(dir.join("fr.txt"))
            .output()
            .unwrap();
        assert!(out.status.success());
        let report = score(&shared, &dir.join("gold.json"), &out.stdout);
        if !report.contains("precision=1.000 recall=1.000") {
            failures.push(format!("{}: {report}", dir.display()));
        }
        let units = parse_jsonl(&out.stdout);
        let en = std::fs::read_to_string(dir.join("en.txt")).unwrap();
        let fr = std::fs::read_to_string(dir.join("fr.txt")).unwrap();
        assert_nothing_lost(
            &units,
            paragraph_count(&en, Language::En),
            paragraph_count(&fr, Language::Fr),
        );
    }
    assert_eq!(pairs, 14);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- what the units hold ----

#[test]
fn nothing_is_lost_on_any_file_of_data() {
    let mut files: Vec<_> =
        std::fs::read_dir(data("")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 5);
    for en in files.iter().filter(|f| **f != data(FR)) {
        // every file against the French seed (but itself: the same file twice is refused):
        // documents that do not match still align
        let units = align_files(en, &data(FR));
        let text = std::fs::read_to_string(en).unwrap();
        assert_nothing_lost(
            &units,
            paragraph_count(&text, Language::En),
            paragraph_count(&seed(FR), Language::Fr),
        );
        for u in &units {
            assert!(!u.en.is_empty() || !u.fr.is_empty());
            assert!(u.score >= 0.0 && u.score <= 1.0, "{u:?}");
        }
    }
}

#[test]
fn no_unit_holds_a_page_header_a_page_number_or_a_footnote() {
    let units = align_files(&data(EN), &data(FR));
    for u in &units {
        for side in [&u.en, &u.fr] {
            assert!(!side.contains("A/RES/58/135"), "page header in {side}");
            assert!(!side.contains("____"), "separator in {side}");
            assert!(!side.contains('\n'), "unflowed line in {side}");
            if !u.label.starts_with("fn.") {
                assert!(
                    !side.contains("E/CN.15/2003/5"),
                    "footnote text in a body paragraph: {side}"
                );
            }
        }
    }
    let op1 = units.iter().find(|u| u.label == "op.1").unwrap();
    assert!(op1.en.ends_with("the Protocols thereto;"), "{}", op1.en);
    assert!(op1.fr.ends_with("s’y rapportant ;"), "{}", op1.fr);
    let op7 = units.iter().find(|u| u.label == "op.7").unwrap();
    assert!(
        op7.fr.contains("en matière de communication de rapports"),
        "paragraph 7 joined across the footnote: {}",
        op7.fr
    );
    let labels: Vec<&str> = units.iter().map(|u| u.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "title", "opening", "pre.1", "pre.2", "pre.3", "pre.4", "pre.5", "op.1", "op.2",
            "op.3", "op.4", "op.5", "op.6", "op.7", "op.8", "op.9", "closing", "fn.1"
        ]
    );
    assert_eq!(units[0].kind, "1-0");
    assert!(units[1..].iter().all(|u| u.kind == "1-1"));
}

// ---- perturbations of the seed pair ----

/// The French seed with its blank-line blocks edited by `f`.
fn edit_blocks(text: &str, f: impl FnOnce(&mut Vec<String>)) -> String {
    let mut blocks: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    f(&mut blocks);
    blocks.join("\n\n")
}

fn block_index(blocks: &[String], start: &str) -> usize {
    blocks
        .iter()
        .position(|b| b.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no block {start:?}"))
}

#[test]
fn a_deleted_operative_paragraph_is_a_one_to_zero_unit() {
    let fr = edit_blocks(&seed(FR), |b| {
        let i = block_index(b, "5. Prend également");
        b.remove(i);
    });
    let units = align_texts(&seed(EN), &fr);
    let u = unit_with(&units, "5. Also welcomes");
    assert_eq!((u.kind.as_str(), u.fr.as_str()), ("1-0", ""));
    assert!(unit_with(&units, "6. Requests the Centre").fr.starts_with("6. Prie le Centre"));
    assert_eq!(units.iter().filter(|u| u.kind != "1-1").count(), 2, "title and op.5 only");
}

#[test]
fn a_deleted_preambular_paragraph_is_a_one_to_zero_unit() {
    let fr = edit_blocks(&seed(FR), |b| {
        let i = block_index(b, "Se déclarant à nouveau");
        b.remove(i);
    });
    let units = align_texts(&seed(EN), &fr);
    let u = unit_with(&units, "Reaffirming its deep concern");
    assert_eq!((u.kind.as_str(), u.fr.as_str()), ("1-0", ""));
    assert!(unit_with(&units, "Reaffirming that the adoption").fr.starts_with("Réaffirmant que"));
    assert!(unit_with(&units, "Recalling further").fr.starts_with("Rappelant en outre"));
}

#[test]
fn a_deleted_english_paragraph_is_a_zero_to_one_unit() {
    let en = edit_blocks(&seed(EN), |b| {
        let i = block_index(b, "Recalling also its resolution 55/255");
        b.remove(i);
    });
    let units = align_texts(&en, &seed(FR));
    let u = units.iter().find(|u| u.fr.starts_with("Rappelant également")).unwrap();
    assert_eq!((u.kind.as_str(), u.en.as_str()), ("0-1", ""));
}

#[test]
fn two_merged_french_paragraphs_are_a_two_to_one_unit() {
    let fr = edit_blocks(&seed(FR), |b| {
        let i = block_index(b, "3. Félicite");
        let next = b.remove(i + 1).trim_start().trim_start_matches("4.").trim_start().to_string();
        b[i] = format!("{}\n{}", b[i].trim_end(), next);
    });
    let units = align_texts(&seed(EN), &fr);
    let u = unit_with(&units, "3. Commends");
    assert_eq!(u.kind, "2-1", "{u:?}");
    assert!(u.en.contains("4. Welcomes the organization"));
    assert!(unit_with(&units, "5. Also welcomes").fr.starts_with("5. Prend également"));
}

#[test]
fn a_french_paragraph_split_in_two_is_a_one_to_two_unit() {
    // Split where the second half starts a new sentence-like line, so no rule re-joins it.
    let fr = seed(FR).replace(
        "de ces instruments, et invite le Centre",
        "de ces instruments.\n\n Il invite le Centre",
    );
    let units = align_texts(&seed(EN), &fr);
    let u = unit_with(&units, "3. Commends");
    assert_eq!(u.kind, "1-2", "{u:?}");
    assert!(u.fr.ends_with("aussi largement que possible ;"));
}

#[test]
fn rewrapped_and_crlf_copies_align_as_the_original() {
    let original = align_files(&data(EN), &data(FR));
    // re-wrap the French at 50 columns, then CRLF both
    let rewrapped = crate::support::rewrap(&seed(FR), 50);
    let units = align_texts(&seed(EN).replace('\n', "\r\n"), &rewrapped.replace('\n', "\r\n"));
    let pairs = |u: &[Unit]| {
        u.iter().map(|u| (u.en.clone(), u.fr.clone(), u.kind.clone())).collect::<Vec<_>>()
    };
    assert_eq!(pairs(&units), pairs(&original));
}

// ---- other numbering schemes ----

#[test]
fn articles_and_decimal_clauses_anchor_across_languages() {
    let en = "Convention on Things\n\nArticle 1\n\nDefinitions apply to all things in this Convention, including any thing.\n\nArticle 2\n\n1.1 States shall report annually on 3 May.\n\n1.2 Reports shall be public and shall be sent to the Secretary-General.\n\n1.a Any State may object.\n\nArticle 3\n\nThis Convention enters into force in 2025.\n";
    let fr = "Convention sur les choses\n\nArticle premier\n\nLes définitions s’appliquent à toutes les choses de la présente Convention, y compris toute chose.\n\nArticle 2\n\n1.1 Les États font rapport chaque année le 3 mai.\n\n1.a Tout État peut faire objection.\n\nArticle 3\n\nLa présente Convention entre en vigueur en 2025.\n";
    let units = align_texts(en, fr);
    let labels: Vec<(&str, &str)> =
        units.iter().map(|u| (u.label.as_str(), u.kind.as_str())).collect();
    assert!(labels.contains(&("art.1", "1-1")), "{labels:?}");
    assert!(labels.contains(&("art.2.op.1.1", "1-1")), "{labels:?}");
    assert!(labels.contains(&("art.2.op.1.2", "1-0")), "{labels:?}");
    assert!(labels.contains(&("art.2.op.1.a", "1-1")), "{labels:?}");
    assert!(unit_with(&units, "This Convention enters")
        .fr
        .starts_with("La présente Convention entre"));
}

// ---- output files and bad input ----

#[test]
fn format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, first) in [
        ("m.tmx", "<?xml"),
        ("m.csv", "en,fr,label,kind,score"),
        ("m.tsv", "en\tfr\tlabel\tkind\tscore"),
        ("m.jsonl", "{\"en\""),
    ] {
        let out = dir.path().join(name);
        paralign().arg("align").arg(data(EN)).arg(data(FR)).arg("-o").arg(&out).assert().success();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.starts_with(first), "{name}: {}", &text[..40.min(text.len())]);
    }
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 4, "no temporary file left behind: {names:?}");
}

#[test]
fn bad_input_gets_one_line_naming_the_file_and_exit_code_two() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(p("empty.txt"), "").unwrap();
    std::fs::write(p("blank.txt"), "  \n\n\t\n").unwrap();
    std::fs::write(p("damaged.txt"), ["Résolution adoptée\n".as_bytes(), b"\xff"].concat())
        .unwrap();
    std::fs::write(p("doc.pdf"), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").unwrap();
    std::fs::write(p("doc.docx"), b"PK\x03\x04\x14\x00\x06\x00").unwrap();
    std::fs::create_dir(p("folder")).unwrap();
    let cases = [
        ("missing.txt", "missing.txt"),
        ("folder", "is a directory"),
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("damaged.txt", "not valid UTF-8"),
        ("doc.pdf", "PDF"),
        ("doc.docx", "DOCX"),
    ];
    for (name, says) in cases {
        let out = p("out.tmx");
        let assert =
            paralign().arg("align").arg(data(EN)).arg(p(name)).arg("-o").arg(&out).assert().code(2);
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(name) && stderr.contains(says), "{name}: {stderr}");
        assert!(!out.exists(), "{name}: an output file was left behind");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".paralign"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn usage_errors_exit_with_two() {
    paralign()
        .args(["align"])
        .arg(data(EN))
        .arg(data(FR))
        .args(["--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'pdf' for '--format <FORMAT>'"))
        .stderr(predicate::str::contains("possible values: jsonl, csv, tsv, tmx, moses, beads"));
    paralign()
        .args(["align"])
        .arg(data(EN))
        .arg(data(FR))
        .args(["--format", "moses"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o"));
    paralign().args(["align"]).arg(data(EN)).assert().code(2);
    paralign()
        .args(["align", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples"));
}

#[test]
fn a_heading_missing_in_french_stands_alone() {
    let en = "The General Assembly,\n\nI\n\nActivities of the Office of Internal Oversight Services\n\nRecalling its resolutions 48/218 B of 29 July 1994, 54/244 of 23 December 1999 and 59/272 of 23 December 2004,\n\n1. Takes note of the report of the Office on its activities for the period from 1 July 2022 to 30 June 2023;\n";
    let fr = "L’Assemblée générale,\n\nI\n\nRappelant ses résolutions 48/218 B du 29 juillet 1994, 54/244 du 23 décembre 1999 et 59/272 du 23 décembre 2004,\n\n1. Prend note du rapport du Bureau sur ses activités pour la période du 1er juillet 2022 au 30 juin 2023 ;\n";
    let units = align_texts(en, fr);
    let heading = unit_with(&units, "Activities of the Office");
    assert_eq!((heading.kind.as_str(), heading.fr.as_str()), ("1-0", ""));
    assert!(unit_with(&units, "Recalling its resolutions")
        .fr
        .starts_with("Rappelant ses résolutions"));
}
