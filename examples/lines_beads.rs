// temporary: align two files line by line and print beads
use paralign::*;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let en = read::read_path(std::path::Path::new(&a[1])).unwrap();
    let fr = read::read_path(std::path::Path::new(&a[2])).unwrap();
    let al = align::align(segment::lines(&en, segment::Language::En), segment::lines(&fr, segment::Language::Fr), &align::AlignConfig::sentences());
    for b in &al.beads {
        let f = |r: &std::ops::Range<usize>| r.clone().map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
        println!("[{}]:[{}]", f(&b.en), f(&b.fr));
    }
}
