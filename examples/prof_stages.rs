use paralign::*;
use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stage = args.get(1).map(String::as_str).unwrap_or("all");
    let n: u32 = args.get(2).map(|s| s.parse().unwrap()).unwrap_or(3000);
    let en = std::fs::read("data/A-RES-58-135.en.txt").unwrap();
    let fr = std::fs::read("data/A-RES-58-135.fr.txt").unwrap();
    let te = read::decode(&en, std::path::Path::new("en")).unwrap();
    let tf = read::decode(&fr, std::path::Path::new("fr")).unwrap();
    let de = segment::segment(&te, segment::Language::En);
    let df = segment::segment(&tf, segment::Language::Fr);
    let a = align::align(de.clone(), df.clone(), &align::AlignConfig::default());
    let run = |name: &str, f: &dyn Fn()| {
        if stage == "all" || stage == name {
            let t = Instant::now();
            for _ in 0..n { f() }
            eprintln!("{name} {:?}", t.elapsed() / n);
        }
    };
    run("segment", &|| { std::hint::black_box(segment::segment(&te, segment::Language::En)); std::hint::black_box(segment::segment(&tf, segment::Language::Fr)); });
    run("extract", &|| for p in de.paragraphs.iter().chain(&df.paragraphs) { std::hint::black_box(align::features::extract(&p.text)); });
    run("align", &|| { std::hint::black_box(align::align(de.clone(), df.clone(), &align::AlignConfig::default())); });
    run("jsonl", &|| { let mut out = Vec::with_capacity(20000); let mut w = write::JsonlWriter::new(&mut out); write::write_all(&a, &mut w).unwrap(); drop(w); std::hint::black_box(out); });
    run("check", &|| { std::hint::black_box(check::check(&a)); });
    run("e2e", &|| {
        let te = read::decode(&en, std::path::Path::new("en")).unwrap();
        let tf = read::decode(&fr, std::path::Path::new("fr")).unwrap();
        let a = align::align(segment::segment(&te, segment::Language::En), segment::segment(&tf, segment::Language::Fr), &align::AlignConfig::default());
        let mut out = Vec::with_capacity(20000); let mut w = write::JsonlWriter::new(&mut out); write::write_all(&a, &mut w).unwrap(); drop(w); std::hint::black_box(out);
    });
}
