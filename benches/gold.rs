//! Sentence-alignment benchmarks on the public gold sets: `cargo bench --bench gold`.
//!
//! Reads the gold sets from ../shared/eval-public beside the repository (never copied into it)
//! and prints one table: strict and lax F1 (pooled, the vecalign convention of
//! `paralign score`) and throughput, for paralign in lines mode (`--units lines`) and, side by
//! side on the same machine, the PyPI package `galechurch` when `python3 -c "import
//! galechurch"` works. Sets:
//!
//! - Text+Berg DE-FR, test0–test6 pooled (Bleualign's test set);
//! - TransRead EN-FR, 11 books pooled;
//! - UDHR EN-FR, one unit per line;
//! - UNPC v1.0 dev set EN-FR (4,000 sentence pairs) as one document with 5 % of the lines
//!   deleted at random on each side (fixed seed; the gold follows from the deletions), and a
//!   variant with 6 % deleted and 4 % of neighbouring lines merged on either side;
//! - the same UNPC document repeated 25 times (about 95,000 lines a side), paralign only: the
//!   peers grow quadratically and do not finish it in minutes.
//!
//! Figures measured by others on the same sets (hunalign without a dictionary; published
//! vecalign and Bertalign figures) are printed under the table for reference.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use paralign::align::{align_texts, Units};
use paralign::read::Text;
use paralign::score::{parse_beads, IndexBead, Score};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One document pair of a gold set: the two texts (one unit a line) and the gold beads.
struct Pair {
    en: String,
    fr: String,
    gold: Vec<IndexBead>,
}

struct Set {
    name: &'static str,
    pairs: Vec<Pair>,
    /// Whether the peers are run on it (not on the 95,000-line document).
    peers: bool,
}

fn main() {
    // `cargo bench` passes --bench; a filter word, if any, selects sets by name.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval-public");
    if !root.is_dir() {
        eprintln!(
            "skipped: {} is missing (the evaluation data, ../shared; the gold sets are not part \
             of the repository)",
            root.display()
        );
        return;
    }
    let galechurch = python_has("galechurch");
    let sets = [
        textberg(&root),
        transread(&root),
        udhr(&root),
        unpc(&root, 1, 0.05, 0.0, "UNPC dev, 5% deleted"),
        unpc(&root, 1, 0.06, 0.04, "UNPC dev, 6% deleted, 4% merged"),
        unpc(&root, 25, 0.05, 0.0, "UNPC dev x25, 5% deleted"),
    ];
    println!(
        "{:<34} {:>8} {:>8} {:>8} {:>9} {:>11} {:>11}",
        "set", "lines", "MB", "aligner", "strict F1", "lax F1", "MB/s"
    );
    for set in sets.into_iter().flatten() {
        if filter.as_deref().is_some_and(|f| !set.name.to_lowercase().contains(&f.to_lowercase())) {
            continue;
        }
        let lines: usize =
            set.pairs.iter().map(|p| p.en.lines().count() + p.fr.lines().count()).sum();
        let mb = set.pairs.iter().map(|p| p.en.len() + p.fr.len()).sum::<usize>() as f64 / 1e6;
        let (score, time) = run_paralign(&set);
        row(set.name, lines, mb, "paralign", &score, time);
        if set.peers && galechurch {
            match run_galechurch(&set) {
                Ok((score, time)) => row("", lines, mb, "galechurch", &score, time),
                Err(e) => println!("{:<34} galechurch failed: {e}", ""),
            }
        }
    }
    if !galechurch {
        println!("\n(galechurch not run: `pip install galechurch` to put it in the table)");
    }
    println!("\nMeasured by others on the same sets (strict F1): hunalign, no dictionary: Text+Berg 0.751, TransRead 0.815, UDHR 0.989, UNPC 5% deleted 0.955;");
    println!("published with neural sentence embeddings: vecalign 0.902 and Bertalign 0.936 on Text+Berg.");
}

fn row(name: &str, lines: usize, mb: f64, aligner: &str, score: &Score, time: Duration) {
    let (s, l) = (score.strict(), score.lax());
    println!(
        "{:<34} {:>8} {:>8.2} {:>8} {:>9.3} {:>11.3} {:>11.1}",
        name,
        lines,
        mb,
        aligner,
        s.f1,
        l.f1,
        mb / time.as_secs_f64()
    );
}

/// paralign in-process, end to end from the texts in memory: segmenting into lines, aligning.
fn run_paralign(set: &Set) -> (Score, Duration) {
    let mut score = Score::default();
    let mut time = Duration::ZERO;
    for p in &set.pairs {
        let start = Instant::now();
        let alignment =
            align_texts(Text::new("en", &p.en), Text::new("fr", &p.fr), &Units::Lines.into());
        time += start.elapsed();
        let test: Vec<IndexBead> = alignment.beads.iter().map(IndexBead::from).collect();
        score.add(&test, &p.gold);
    }
    (score, time)
}

fn python_has(module: &str) -> bool {
    std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// galechurch from PyPI, timed inside Python around its `align` calls only.
fn run_galechurch(set: &Set) -> Result<(Score, Duration), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    for (i, p) in set.pairs.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.en")), &p.en).map_err(|e| e.to_string())?;
        std::fs::write(dir.path().join(format!("{i}.fr")), &p.fr).map_err(|e| e.to_string())?;
    }
    let script = r#"
import sys, time, galechurch
d, n = sys.argv[1], int(sys.argv[2])
total = 0.0
for i in range(n):
    en = open(f"{d}/{i}.en", encoding="utf-8").read().split("\n")[:-1]
    fr = open(f"{d}/{i}.fr", encoding="utf-8").read().split("\n")[:-1]
    t = time.perf_counter()
    r = galechurch.align(en, fr)
    total += time.perf_counter() - t
    open(f"{d}/{i}.beads", "w").write("\n".join(r.to_pharaoh_lines()) + "\n")
print(total)
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(dir.path())
        .arg(set.pairs.len().to_string())
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("").to_string());
    }
    let seconds: f64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|_| "no time printed".to_string())?;
    let mut score = Score::default();
    for (i, p) in set.pairs.iter().enumerate() {
        let test = parse_beads(&read(&dir.path().join(format!("{i}.beads"))))
            .map_err(|e| e.to_string())?;
        score.add(&test, &p.gold);
    }
    Ok((score, Duration::from_secs_f64(seconds)))
}

fn read(path: &Path) -> Text {
    paralign::read::read_path(path, &Default::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn pair(en: PathBuf, fr: PathBuf, gold: PathBuf) -> Pair {
    Pair {
        en: read(&en).content,
        fr: read(&fr).content,
        gold: parse_beads(&read(&gold)).unwrap_or_else(|e| panic!("{e}")),
    }
}

fn textberg(root: &Path) -> Option<Set> {
    let d = root.join("bleualign-textberg-defr");
    let pairs = (0..=6)
        .map(|i| {
            pair(
                d.join(format!("test{i}.de")),
                d.join(format!("test{i}.fr")),
                d.join(format!("test{i}.defr")),
            )
        })
        .collect();
    d.is_dir().then_some(Set { name: "Text+Berg DE-FR (test0-6)", pairs, peers: true })
}

fn transread(root: &Path) -> Option<Set> {
    let d = root.join("transread-enfr-novels");
    let mut books: Vec<PathBuf> = std::fs::read_dir(&d)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.vecalign").is_file())
        .collect();
    books.sort();
    let pairs = books
        .iter()
        .map(|b| pair(b.join("en.txt"), b.join("fr.txt"), b.join("gold.vecalign")))
        .collect();
    Some(Set { name: "TransRead EN-FR (11 books)", pairs, peers: true })
}

fn udhr(root: &Path) -> Option<Set> {
    let d = root.join("udhr-a-res-217A-III");
    d.is_dir().then(|| Set {
        name: "UDHR EN-FR",
        pairs: vec![pair(d.join("en.txt"), d.join("fr.txt"), d.join("gold.vecalign"))],
        peers: true,
    })
}

/// The UNPC dev set repeated `copies` times as one document, each line deleted with
/// probability `deleted` on each side and merged with the next with probability `merged` (on
/// one side, chosen at random); the gold follows.
fn unpc(root: &Path, copies: usize, deleted: f64, merged: f64, name: &'static str) -> Option<Set> {
    let d = root.join("unpc-v1.0-devset-enfr");
    let en = std::fs::read_to_string(d.join("UNv1.0.devset.en")).ok()?;
    let fr = std::fs::read_to_string(d.join("UNv1.0.devset.fr")).ok()?;
    let (en, fr): (Vec<&str>, Vec<&str>) = (en.lines().collect(), fr.lines().collect());
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let (mut out_en, mut out_fr, mut gold) =
        (Vec::<String>::new(), Vec::<String>::new(), Vec::new());
    let mut i = 0;
    let total = en.len().min(fr.len()) * copies;
    while i < total {
        let (e, f) = (en[i % en.len()], fr[i % fr.len()]);
        let (keep_en, keep_fr) = (rng.next() >= deleted, rng.next() >= deleted);
        if keep_en && keep_fr && i + 1 < total && rng.next() < merged {
            // Two neighbouring pairs where one side joined its two lines into one.
            let (e2, f2) = (en[(i + 1) % en.len()], fr[(i + 1) % fr.len()]);
            let (ie, jf) = (out_en.len(), out_fr.len());
            if rng.next() < 0.5 {
                out_en.push(format!("{e} {e2}"));
                out_fr.extend([f.to_string(), f2.to_string()]);
                gold.push(IndexBead { source: vec![ie], target: vec![jf, jf + 1] });
            } else {
                out_en.extend([e.to_string(), e2.to_string()]);
                out_fr.push(format!("{f} {f2}"));
                gold.push(IndexBead { source: vec![ie, ie + 1], target: vec![jf] });
            }
            i += 2;
            continue;
        }
        let source = if keep_en {
            out_en.push(e.to_string());
            vec![out_en.len() - 1]
        } else {
            vec![]
        };
        let target = if keep_fr {
            out_fr.push(f.to_string());
            vec![out_fr.len() - 1]
        } else {
            vec![]
        };
        if !source.is_empty() || !target.is_empty() {
            gold.push(IndexBead { source, target });
        }
        i += 1;
    }
    let pairs = vec![Pair { en: out_en.join("\n") + "\n", fr: out_fr.join("\n") + "\n", gold }];
    Some(Set { name, pairs, peers: copies == 1 })
}

/// A small fixed-seed generator: the deletions must be the same on every run and machine.
struct XorShift(u64);

impl XorShift {
    /// A number in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}
