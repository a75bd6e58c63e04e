//! Large inputs through the library pipeline (decode → segment → align → check → JSONL), to
//! show that time and memory grow with the input, not faster:
//!
//! ```sh
//! cargo run --release --example limits            # every case, at 1/4, 1/2 and full size
//! cargo run --release --example limits -- line    # only cases whose name contains "line"
//! cargo run --release --example limits -- "" quick # every case at 1/64, 1/32, 1/16 of its size
//! ```
//!
//! Each case is run at three sizes, each double the one before; with linear work the time
//! doubles too. The inputs are generated from the seed pair in data/.

use paralign::align::{align, AlignConfig};
use paralign::read::decode;
use paralign::segment::{segment, Language};
use paralign::write::{write_all, JsonlWriter};
use std::path::Path;
use std::time::Instant;

const MB: usize = 1 << 20;

fn seed(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name))
        .expect("seed file")
}

/// A text of about `size` bytes made of `unit` repeated.
fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len().max(1) + 1)
}

/// Makes the English and French texts of a case at about `size` bytes each.
type Make = Box<dyn Fn(usize) -> (String, String)>;

/// The cases: name, full size, and how to make them.
fn cases() -> Vec<(&'static str, usize, Make)> {
    let (en, fr) = (seed("A-RES-58-135.en.txt"), seed("A-RES-58-135.fr.txt"));
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ") + " ";
    let (en_words, fr_words) = (words(&en), words(&fr));
    let (en2, fr2) = (en.clone(), fr.clone());
    vec![
        (
            "one line of words",
            10 * MB,
            Box::new(move |n| (repeat_to(&en_words, n), repeat_to(&fr_words, n))),
        ),
        (
            "one line of distinct numbers",
            2 * MB,
            Box::new(|n| {
                let count = n / 8;
                let en: String = (0..count).map(|i| format!("{} ", 1_000_000 + i)).collect();
                let fr: String = (0..count).map(|i| format!("{} ", 3_000_000 + i)).collect();
                (en, fr)
            }),
        ),
        ("one line, no space", 10 * MB, Box::new(|n| ("a".repeat(n), "é".repeat(n / 2)))),
        (
            "one line of hyphens and digits",
            10 * MB,
            Box::new(|n| (repeat_to("12-", n), repeat_to("1.1-", n))),
        ),
        (
            "one line of nested brackets",
            10 * MB,
            Box::new(|n| ("(".repeat(n / 2) + &")".repeat(n / 2), "((a) ".repeat(n / 5))),
        ),
        (
            "document of repeated resolutions",
            50 * MB,
            Box::new(move |n| (repeat_to(&en2, n), repeat_to(&fr2, n))),
        ),
        (
            "100,000 numbered paragraphs",
            100_000,
            Box::new(|n| {
                let en: String = (1..=n)
                    .map(|i| {
                        format!("{i}. Decides to consider the question at its {i}th session;\n\n")
                    })
                    .collect();
                let fr: String = (1..=n)
                    .map(|i| format!("{i}. Décide d’examiner la question à sa {i}e session ;\n\n"))
                    .collect();
                (en, fr)
            }),
        ),
        ("10,000 lines of \"1.\"", 10_000, Box::new(|n| ("1.\n".repeat(n), "1.\n\n".repeat(n)))),
        (
            "lines of punctuation",
            4 * MB,
            Box::new(|n| (repeat_to(";\n.\n,,\n", n), repeat_to(" ;\n\n", n))),
        ),
        ("numbering 1.1.1.1…", MB, Box::new(|n| (repeat_to("1.", n), repeat_to("1.1.", n)))),
        (
            "one line of digit groups",
            4 * MB,
            Box::new(|n| (repeat_to("123,456,", n), repeat_to("123 456 ", n))),
        ),
        (
            "one word with glued markers",
            4 * MB,
            Box::new(|n| {
                (repeat_to("a1", n) + "\n\n1 Note.\n", repeat_to("b1", n) + "\n\n1 Note.\n")
            }),
        ),
        (
            "markers after words",
            4 * MB,
            Box::new(|n| {
                (
                    repeat_to("word;1 ", n) + "\n\n_______________\n1 Note.\n",
                    repeat_to("mot1 ; ", n) + "\n\n_______________\n1 Note.\n",
                )
            }),
        ),
        (
            "symbols and numbers",
            4 * MB,
            Box::new(|n| {
                (repeat_to("A/RES/58/135 of 2003, ", n), repeat_to("A/RES/58/135 de 2003, ", n))
            }),
        ),
        (
            "hyphenated line ends",
            4 * MB,
            Box::new(|n| (repeat_to("ab-\n", n), repeat_to("cd-\n", n))),
        ),
        (
            "punctuation after blank lines",
            4 * MB,
            Box::new(|n| {
                (
                    "Decides\n\n".to_string() + &repeat_to(";\n\n", n),
                    "Décide\n\n".to_string() + &repeat_to(" ;\n\n", n),
                )
            }),
        ),
        (
            "100,000 footnotes",
            100_000,
            Box::new(|n| {
                let notes: String = (1..=n).map(|i| format!("{i} Note {i}.\n")).collect();
                (
                    format!("The General Assembly,\n\n1. Decides;\n\n_______________\n{notes}"),
                    format!("L’Assemblée générale,\n\n1. Décide ;\n\n_______________\n{notes}"),
                )
            }),
        ),
    ]
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    println!(
        "{:<36} {:>12} {:>10} {:>10} {:>10} {:>10} {:>10} {:>7}",
        "case", "size", "segment", "align", "check", "write", "total", "units"
    );
    let quick = std::env::args().nth(2).is_some();
    for (name, full, make) in cases() {
        if !name.contains(filter.as_str()) {
            continue;
        }
        let sizes = if quick {
            vec![full / 64, full / 32, full / 16]
        } else {
            vec![full / 4, full / 2, full]
        };
        for size in sizes {
            let (en, fr) = make(size);
            let t0 = Instant::now();
            let (en_text, fr_text) = (
                decode(en.as_bytes(), Path::new("en"), &Default::default()),
                decode(fr.as_bytes(), Path::new("fr"), &Default::default()),
            );
            let (Ok(en_text), Ok(fr_text)) = (en_text, fr_text) else {
                println!("{name:<36} {size:>12} refused");
                continue;
            };
            let (de, df) = (segment(&en_text, Language::En), segment(&fr_text, Language::Fr));
            let t1 = Instant::now();
            let a = align(de, df, &AlignConfig::default());
            let t2 = Instant::now();
            let report = paralign::check::check(&a);
            let t3 = Instant::now();
            let mut sink = std::io::sink();
            write_all(&a, &mut JsonlWriter::new(&mut sink)).expect("write");
            let t4 = Instant::now();
            let ms = |a: Instant, b: Instant| format!("{:.0} ms", (b - a).as_secs_f64() * 1e3);
            println!(
                "{name:<36} {:>12} {:>10} {:>10} {:>10} {:>10} {:>10} {:>7}",
                en.len() + fr.len(),
                ms(t0, t1),
                ms(t1, t2),
                ms(t2, t3),
                ms(t3, t4),
                ms(t0, t4),
                a.beads.len()
            );
            drop(report);
        }
    }
}
