//! `paralign score`: bead files against gold bead files → strict and lax precision, recall, F1.

use super::io::{read_input, write_output};
use paralign::score::{parse_beads, Metrics, Score};
use paralign::{Error, Result};
use std::io::Write;
use std::path::PathBuf;

/// Score alignments against gold alignments, as the sentence-alignment benchmarks do (vecalign's
/// score.py): strict and lax precision, recall and F1, counts pooled over all pairs. Both files
/// of a pair hold one bead a line, `[0, 1]:[0]`, as `paralign align --format beads` writes.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  paralign align en.txt fr.txt --format beads -o doc.beads\n  paralign score doc.beads doc.gold\n  paralign score a.beads a.gold b.beads b.gold --json\n  paralign align en.txt fr.txt --format beads | paralign score - doc.gold"
)]
pub struct Args {
    /// Pairs of files: a test alignment, then its gold alignment, and so on (`-` for standard
    /// input, once).
    #[arg(value_name = "TEST GOLD", required = true)]
    pub files: Vec<PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub limit: super::InputLimit,
}

pub fn run(args: &Args) -> Result<()> {
    if args.files.len() % 2 == 1 {
        return Err(Error::Usage(format!(
            "score takes pairs of files, TEST GOLD [TEST GOLD …]; {} given",
            args.files.len()
        )));
    }
    if args.files.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Error::Usage("only one of the files can be standard input".into()));
    }
    let options = super::read_options(None, args.limit)?;
    let mut score = Score::default();
    for pair in args.files.chunks(2) {
        let test = parse_beads(&read_input(&pair[0], &options)?)?;
        let gold = parse_beads(&read_input(&pair[1], &options)?)?;
        score.add(&test, &gold);
    }
    write_output(None, |mut out| {
        if args.json {
            writeln!(out, "{}", json(&score))
        } else {
            out.write_all(table(&score).as_bytes())
        }
    })
}

/// The `--json` object, its fields in the order of the table.
#[derive(serde::Serialize)]
struct Report {
    strict: Metrics,
    lax: Metrics,
    pairs: usize,
    test_beads: usize,
    gold_beads: usize,
}

fn json(score: &Score) -> String {
    let report = Report {
        strict: score.strict(),
        lax: score.lax(),
        pairs: score.pairs,
        test_beads: score.test_beads,
        gold_beads: score.gold_beads,
    };
    serde_json::to_string(&report).expect("numbers and plain fields always serialize")
}

/// Three decimals, as score.py prints them.
fn table(score: &Score) -> String {
    let row = |name: &str, m: Metrics| {
        format!("{name:<8}{:>10.3}{:>8.3}{:>8.3}\n", m.precision, m.recall, m.f1)
    };
    let pairs = if score.pairs == 1 { "pair" } else { "pairs" };
    format!(
        "{:<8}{:>10}{:>8}{:>8}\n{}{}{} {pairs}, {} test beads, {} gold beads\n",
        "",
        "precision",
        "recall",
        "F1",
        row("strict", score.strict()),
        row("lax", score.lax()),
        score.pairs,
        score.test_beads,
        score.gold_beads,
    )
}
