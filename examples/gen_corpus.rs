//! Builds a synthetic corpus of N English/French document pairs from the seed pair in data/,
//! for batch tests and benchmarks: each pair gets its own symbol (A/RES/58/1000 + i), and, with
//! a fixed pseudo-random sequence, French paragraphs deleted or merged and the French re-wrapped
//! at another width. English and French files get unrelated names, so that pairing has to read
//! the symbol in the text.
//!
//!     cargo run --release --example gen_corpus -- 10000 /tmp/corpus
//!
//! writes /tmp/corpus/en/*.txt and /tmp/corpus/fr/*.txt.

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) else {
        eprintln!("usage: gen_corpus N OUT_DIR");
        std::process::exit(2);
    };
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let en = std::fs::read_to_string(data.join("A-RES-58-135.en.txt"))
        .expect("data/A-RES-58-135.en.txt");
    let fr = std::fs::read_to_string(data.join("A-RES-58-135.fr.txt"))
        .expect("data/A-RES-58-135.fr.txt");
    generate(&en, &fr, n, Path::new(out)).expect("writing the corpus");
}

/// Writes `n` pairs under `out/en` and `out/fr`.
pub fn generate(en: &str, fr: &str, n: usize, out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out.join("en"))?;
    std::fs::create_dir_all(out.join("fr"))?;
    let mut random = Lcg(0x5eed);
    for i in 0..n {
        let number = format!("58/{}", 1000 + i);
        let en_text = en.replace("58/135", &number);
        let mut fr_text = fr.replace("58/135", &number);
        match random.draw() % 4 {
            0 => fr_text = delete_paragraph(&fr_text, &mut random),
            1 => fr_text = merge_paragraphs(&fr_text, &mut random),
            _ => {}
        }
        let width = 55 + (random.draw() % 40) as usize;
        fr_text = rewrap(&fr_text, width);
        std::fs::write(out.join("en").join(format!("{i:05}-E.txt")), en_text)?;
        std::fs::write(out.join("fr").join(format!("N{:08x}.txt", random.draw() as u32)), fr_text)?;
    }
    Ok(())
}

/// Deterministic pseudo-random numbers (no crate, no global seed).
pub struct Lcg(u64);

impl Lcg {
    pub fn draw(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Body paragraphs: blank-line blocks that open with an operative number.
fn numbered(blocks: &[String]) -> Vec<usize> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            b.trim_start()
                .split('.')
                .next()
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
        .map(|(i, _)| i)
        .collect()
}

fn delete_paragraph(text: &str, random: &mut Lcg) -> String {
    let mut blocks: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let candidates = numbered(&blocks);
    if let Some(&k) = candidates.get(random.draw() as usize % candidates.len().max(1)) {
        blocks.remove(k);
    }
    blocks.join("\n\n")
}

fn merge_paragraphs(text: &str, random: &mut Lcg) -> String {
    let mut blocks: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let candidates = numbered(&blocks);
    let pick = candidates.get(random.draw() as usize % candidates.len().max(1)).copied();
    if let Some(k) = pick.filter(|k| candidates.contains(&(k + 1))) {
        let next = blocks.remove(k + 1);
        let next =
            next.trim_start().split_once(' ').map_or(next.clone(), |(_, rest)| rest.to_string());
        blocks[k] = format!("{} {}", blocks[k].trim_end(), next);
    }
    blocks.join("\n\n")
}

/// Re-wraps body paragraphs (blocks starting with a space, as pdftotext writes them) at `width`.
fn rewrap(text: &str, width: usize) -> String {
    text.split("\n\n")
        .map(|block| {
            if !block.starts_with(' ') || block.contains("____") {
                return block.to_string();
            }
            let mut lines = vec![String::new()];
            for word in block.split_whitespace() {
                if lines.last().is_some_and(|l| l.len() + word.len() > width) {
                    lines.push(String::new());
                }
                let line = lines.last_mut().expect("one line at least");
                line.push(' ');
                line.push_str(word);
            }
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}
