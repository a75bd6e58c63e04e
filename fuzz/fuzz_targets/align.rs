//! Any bytes, split in two (at the first "\n\x1e\n", else in the middle) → decode each half,
//! segment it as English and as French → align → check → every writer and every report. Every
//! paragraph lands in exactly one unit, in order; scores stay in [0, 1]; JSONL reads back.
//! The same texts aligned as lines and as sentences keep the same invariants.

#![no_main]

use libfuzzer_sys::fuzz_target;
use paralign::align::{align, align_texts, AlignConfig, Alignment, Units};
use paralign::read::decode;
use paralign::segment::{segment, Language};
use paralign::write::{write_all, BeadsWriter, CsvWriter, JsonlWriter, MosesWriter, TmxWriter};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let (en, fr) = match data.windows(3).position(|w| w == b"\n\x1e\n") {
        Some(at) => (&data[..at], &data[at + 3..]),
        None => data.split_at(data.len() / 2),
    };
    let (Ok(en_text), Ok(fr_text)) = (
        decode(en, Path::new("en.txt"), &Default::default()),
        decode(fr, Path::new("fr.txt"), &Default::default()),
    ) else {
        return;
    };
    for units in [Units::Lines, Units::Sentences] {
        let a = align_texts(en_text.clone(), fr_text.clone(), &units.into());
        every_unit_once(&a);
        let mut beads = Vec::new();
        write_all(&a, &mut BeadsWriter::new(&mut beads)).unwrap();
        assert_eq!(beads.iter().filter(|&&b| b == b'\n').count(), a.beads.len());
    }
    let (en, fr) = (segment(&en_text, Language::En), segment(&fr_text, Language::Fr));
    let a = align(en, fr, &AlignConfig::default());
    every_unit_once(&a);

    let report = paralign::check::check(&a);
    assert_eq!(report.units, a.beads.len());
    let _ = paralign::check::mismatch(&a);
    let mut out = Vec::new();
    paralign::report::text(&report, &a, true, &mut out).unwrap();
    paralign::report::json(&report, &a, &mut out).unwrap();
    paralign::report::html(&report, &a, &mut out).unwrap();

    let mut jsonl = Vec::new();
    write_all(&a, &mut JsonlWriter::new(&mut jsonl)).unwrap();
    let lines = std::str::from_utf8(&jsonl).unwrap().lines().filter(|l| !l.is_empty()).count();
    assert_eq!(lines, a.beads.len());
    for line in std::str::from_utf8(&jsonl).unwrap().lines() {
        let _: serde_json::Value = serde_json::from_str(line).unwrap();
    }
    let mut sink = Vec::new();
    write_all(&a, &mut CsvWriter::csv(&mut sink)).unwrap();
    write_all(&a, &mut CsvWriter::csv(&mut sink).excel_safe()).unwrap();
    write_all(&a, &mut CsvWriter::tsv(&mut sink)).unwrap();
    write_all(&a, &mut TmxWriter::new(&mut sink)).unwrap();
    let (mut moses_en, mut moses_fr) = (Vec::new(), Vec::new());
    write_all(&a, &mut MosesWriter::new(&mut moses_en, &mut moses_fr)).unwrap();
    assert_eq!(
        moses_en.iter().filter(|&&b| b == b'\n').count(),
        moses_fr.iter().filter(|&&b| b == b'\n').count()
    );
});

/// Every unit of each side in exactly one bead, in order; no empty bead; scores in [0, 1].
fn every_unit_once(a: &Alignment) {
    let (mut next_en, mut next_fr) = (0, 0);
    for b in &a.beads {
        assert!(!(b.en.is_empty() && b.fr.is_empty()));
        assert_eq!((b.en.start, b.fr.start), (next_en, next_fr));
        assert!((0.0..=1.0).contains(&b.score), "score {}", b.score);
        (next_en, next_fr) = (b.en.end, b.fr.end);
    }
    assert_eq!((next_en, next_fr), (a.en.paragraphs.len(), a.fr.paragraphs.len()));
}
