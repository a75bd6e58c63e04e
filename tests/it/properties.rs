//! Invariants over arbitrary input, checked with proptest: no panic; every paragraph of each
//! side in exactly one unit, in document order; scores in [0, 1]; JSONL and CSV read back to
//! the same units and TMX parses as XML.

use paralign::align::{align, AlignConfig, Alignment};
use paralign::read::{decode, Text};
use paralign::segment::{segment, Language};
use paralign::write::{write_all, CsvWriter, JsonlWriter, TmxWriter};
use proptest::prelude::*;
use std::path::Path;

/// Lines that real resolution text is made of, and some that it should not be.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(String::new()),
        Just("The General Assembly,".to_string()),
        Just("L’Assemblée générale,".to_string()),
        Just("A/RES/58/135".to_string()),
        Just("2".to_string()),
        Just("_______________".to_string()),
        Just("1 E/CN.15/2003/5.".to_string()),
        Just("¹ E/CN.15/2004/5.".to_string()),
        Just(" ;".to_string()),
        Just("1.".to_string()),
        Just("I".to_string()),
        Just("Annex".to_string()),
        Just("Article premier".to_string()),
        Just("77th plenary meeting".to_string()),
        Just("22 December 2003".to_string()),
        Just("\u{c}A/RES/58/135".to_string()),
        (1u32..30, "[A-Za-zéà ,;]{0,60}").prop_map(|(n, t)| format!(" {n}. Requests{t};")),
        (0u8..6, "[a-zé ]{0,40}").prop_map(|(l, t)| format!("({}) {t};", (b'a' + l) as char)),
        (0u8..6, "[a-zé ]{0,40}").prop_map(|(l, t)| format!("{}) {t} ;", (b'a' + l) as char)),
        "[A-Z][a-z]{2,10} [a-z ,]{0,80}(thereto;1|rapportant1|2023,1|20231,)?",
        "[a-zà-ÿ ,-]{1,90}",
        "[a-zà-ÿ’ ]{0,20}[0-9]{1,6}[,;.:]?[0-9]{0,3}[ à-ÿ]{0,5}",
        any::<String>(),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 0..40), prop::bool::ANY).prop_map(|(lines, crlf)| {
        let text = lines.join("\n");
        if crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        }
    })
}

fn aligned(en: &str, fr: &str) -> Alignment {
    let en = segment(&Text::new("en.txt", en), Language::En);
    let fr = segment(&Text::new("fr.txt", fr), Language::Fr);
    align(en, fr, &AlignConfig::default())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_paragraph_is_in_exactly_one_unit_in_order(en in document(), fr in document()) {
        let a = aligned(&en, &fr);
        let (mut next_en, mut next_fr) = (0, 0);
        for bead in &a.beads {
            prop_assert!(!(bead.en.is_empty() && bead.fr.is_empty()));
            prop_assert_eq!(bead.en.start, next_en);
            prop_assert_eq!(bead.fr.start, next_fr);
            prop_assert!((0.0..=1.0).contains(&bead.score));
            next_en = bead.en.end;
            next_fr = bead.fr.end;
        }
        prop_assert_eq!(next_en, a.en.paragraphs.len());
        prop_assert_eq!(next_fr, a.fr.paragraphs.len());
        for p in a.en.paragraphs.iter().chain(&a.fr.paragraphs) {
            prop_assert!(!p.text.trim().is_empty(), "empty paragraph {:?}", p);
        }
    }

    #[test]
    fn outputs_read_back(en in document(), fr in document()) {
        let a = aligned(&en, &fr);
        let mut jsonl = Vec::new();
        write_all(&a, &mut JsonlWriter::new(&mut jsonl)).unwrap();
        let records: Vec<serde_json::Value> = std::str::from_utf8(&jsonl).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        prop_assert_eq!(records.len(), a.beads.len());
        for (r, b) in records.iter().zip(&a.beads) {
            prop_assert_eq!(r["en"].as_str().unwrap(), a.en_text(b));
            prop_assert_eq!(r["fr"].as_str().unwrap(), a.fr_text(b));
        }
        let mut csv_bytes = Vec::new();
        write_all(&a, &mut CsvWriter::csv(&mut csv_bytes)).unwrap();
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(&csv_bytes[..]).records().map(Result::unwrap).collect();
        prop_assert_eq!(rows.len(), a.beads.len());
        let mut tmx = Vec::new();
        write_all(&a, &mut TmxWriter::new(&mut tmx)).unwrap();
        let mut reader = quick_xml::Reader::from_reader(&tmx[..]);
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => prop_assert!(false, "TMX does not parse: {e}"),
            }
            buf.clear();
        }
    }

    #[test]
    fn any_bytes_decode_or_are_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(text) = decode(&bytes, Path::new("x.txt"), &Default::default()) {
            let d = segment(&text, Language::En);
            let _ = align(d.clone(), d, &AlignConfig::default());
        }
    }
}
