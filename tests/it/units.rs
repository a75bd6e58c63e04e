//! `--units lines` and `--units sentences`: pre-segmented input and sentences inside paragraphs.

use crate::support::{data, paralign, parse_jsonl};
use paralign::align::{align_texts, Alignment, Units};
use paralign::read::read_path;
use paralign::segment::sentences::sentences;

/// Line i of each file is unit i: a line without counterpart (EN 3) and a sentence the French
/// splits in two (EN 5) come out as a 1-0 and a 1-2 unit; everything else is 1-1 in order.
#[test]
fn lines_are_units_and_keep_their_indices() {
    let dir = tempfile::tempdir().unwrap();
    let en = [
        "The Committee met on 3 May 2004 in Geneva.",
        "It adopted resolution 2004/23 without a vote.",
        "The report is contained in document E/2004/30.",
        "Thirty-five delegations attended the meeting, including 12 observers from 9 non-governmental organizations accredited in 2003.",
        "The meeting rose at 6 p.m.",
        "The documents will be published in 2005 and distributed to all members.",
    ];
    let fr = [
        "Le Comité s’est réuni le 3 mai 2004 à Genève.",
        "Il a adopté la résolution 2004/23 sans vote.",
        "Le rapport figure dans le document E/2004/30.",
        "La séance est levée à 18 heures.",
        "Les documents seront publiés en 2005.",
        "Ils seront distribués à tous les membres.",
    ];
    let (e, f) = (dir.path().join("en.txt"), dir.path().join("fr.txt"));
    std::fs::write(&e, en.join("\n") + "\n").unwrap();
    std::fs::write(&f, fr.join("\n") + "\n").unwrap();
    let out = paralign()
        .arg("align")
        .arg(&e)
        .arg(&f)
        .args(["--units", "lines", "--format", "beads"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]\n[4]:[3]\n[5]:[4, 5]\n"
    );
    // The texts are the lines as written, not re-segmented.
    let out = paralign().arg("align").arg(&e).arg(&f).args(["--units", "lines"]).output().unwrap();
    let units = parse_jsonl(&out.stdout);
    assert_eq!(units[4].en, "The meeting rose at 6 p.m.");
    assert_eq!(units[0].label, "line.0");
}

#[test]
fn unknown_units_are_a_usage_error() {
    let out = paralign()
        .arg("align")
        .arg(data("A-RES-58-135.en.txt"))
        .arg(data("A-RES-58-135.fr.txt"))
        .args(["--units", "words"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("paragraphs, sentences, lines"));
}

/// Every sentence in exactly one unit, in order; no unit crosses a paragraph unit; a 1-1
/// paragraph pair with as many sentences on both sides pairs them 1-1 in order.
fn check_sentences_within(en: &std::path::Path, fr: &std::path::Path) {
    let (en, fr) =
        (read_path(en, &Default::default()).unwrap(), read_path(fr, &Default::default()).unwrap());
    let paragraphs = align_texts(en.clone(), fr.clone(), &Units::Paragraphs.into());
    let sentence_level = align_texts(en, fr, &Units::Sentences.into());
    // For each sentence, the index of its paragraph.
    let owners = |a: &Alignment, english: bool| -> Vec<usize> {
        let doc = if english { &a.en } else { &a.fr };
        doc.paragraphs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| std::iter::repeat_n(i, sentences(&p.text).len()))
            .collect()
    };
    let (own_en, own_fr) = (owners(&paragraphs, true), owners(&paragraphs, false));
    assert_eq!(own_en.len(), sentence_level.en.paragraphs.len());
    assert_eq!(own_fr.len(), sentence_level.fr.paragraphs.len());
    let (mut next_en, mut next_fr) = (0, 0);
    for b in &sentence_level.beads {
        assert!(!(b.en.is_empty() && b.fr.is_empty()));
        assert_eq!(b.en.start, next_en, "English sentences in order, each once");
        assert_eq!(b.fr.start, next_fr, "French sentences in order, each once");
        next_en = b.en.end;
        next_fr = b.fr.end;
        // The paragraph unit holding the bead's first sentence holds all of it.
        let unit = paragraphs
            .beads
            .iter()
            .find(|p| {
                b.en.clone().all(|s| p.en.contains(&own_en[s]))
                    && b.fr.clone().all(|s| p.fr.contains(&own_fr[s]))
            })
            .unwrap_or_else(|| panic!("sentence unit {b:?} crosses paragraph units"));
        let count = |r: &std::ops::Range<usize>, own: &[usize]| {
            own.iter().filter(|&&o| r.contains(&o)).count()
        };
        if unit.en.len() == 1
            && unit.fr.len() == 1
            && count(&unit.en, &own_en) == count(&unit.fr, &own_fr)
        {
            assert_eq!(
                (b.en.len(), b.fr.len()),
                (1, 1),
                "equal sentence counts pair 1-1 in {}",
                paragraphs.label(unit)
            );
        }
    }
    assert_eq!((next_en, next_fr), (own_en.len(), own_fr.len()));
}

#[test]
fn sentences_stay_inside_paragraph_units_on_the_seed() {
    check_sentences_within(&data("A-RES-58-135.en.txt"), &data("A-RES-58-135.fr.txt"));
    let out = paralign()
        .arg("align")
        .arg(data("A-RES-58-135.en.txt"))
        .arg(data("A-RES-58-135.fr.txt"))
        .args(["--units", "sentences"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let units = parse_jsonl(&out.stdout);
    // Symbols and dates stay inside their sentence.
    let with = |needle: &str| {
        units
            .iter()
            .find(|u| u.en.contains(needle))
            .unwrap_or_else(|| panic!("no unit holds {needle}"))
    };
    assert!(with("55/25")
        .en
        .starts_with("Recalling its resolution 55/25 of 15 November 2000, by which"));
    assert!(with("E/CN.15/2003/5").fr.contains("E/CN.15/2003/5"));
    assert!(units.iter().all(|u| u.label.contains("/s")));
    assert!(units.iter().all(|u| !u.en.ends_with("No.") && !u.en.ends_with("E/CN.")));
}

#[test]
fn sentences_stay_inside_paragraph_units_on_public_pairs() {
    let Some(dir) = crate::support::shared_path(crate::support::PUBLIC_PAIRS) else { return };
    let mut pairs = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let d = entry.unwrap().path();
        if d.join("en.txt").is_file() && d.join("fr.txt").is_file() {
            check_sentences_within(&d.join("en.txt"), &d.join("fr.txt"));
            pairs += 1;
        }
    }
    assert!(pairs > 0, "no pair found in {}", dir.display());
}

/// `stream` and `batch` take `--units` too.
#[test]
fn stream_and_batch_take_units() {
    let record = serde_json::json!({"id": 7, "en": "The General Assembly,\n\n1. Decides to meet. Requests a report.\n", "fr": "L’Assemblée générale,\n\n1. Décide de se réunir. Demande un rapport.\n"});
    let out = paralign()
        .args(["stream", "--units", "sentences"])
        .write_stdin(format!("{record}\n"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let labels: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["label"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(labels, ["opening/s1", "op.1/s1", "op.1/s2"]);

    let dir = tempfile::tempdir().unwrap();
    let (en, fr, out_dir) = (dir.path().join("en"), dir.path().join("fr"), dir.path().join("out"));
    std::fs::create_dir_all(&en).unwrap();
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::write(
        en.join("doc.txt"),
        "First line here.\nSecond line, with 12 items.\nThird line.\n",
    )
    .unwrap();
    std::fs::write(
        fr.join("doc.txt"),
        "Première ligne ici.\nDeuxième ligne, avec 12 éléments.\nTroisième ligne.\n",
    )
    .unwrap();
    let status = paralign()
        .arg("batch")
        .arg(&en)
        .arg(&fr)
        .arg("-o")
        .arg(&out_dir)
        .args(["--units", "lines"])
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let units = parse_jsonl(&std::fs::read(out_dir.join("corpus.jsonl")).unwrap());
    let pairs: Vec<(Vec<usize>, Vec<usize>)> =
        units.iter().map(|u| (u.en_ids.clone(), u.fr_ids.clone())).collect();
    assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]);
}
