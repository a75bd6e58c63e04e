//! What a paragraph carries that translation leaves alone, extracted once per paragraph so
//! that comparing two paragraphs costs a merge of short sorted lists, never a string
//! distance over whole texts:
//!
//! - `exact`: numbers in canonical form (19,000 = 19 000 = 19000; 12.5 = 12,5; 77th = 77e),
//!   document symbols (55/25, E/CN.15/2003/5, S/PRST/ 2014/23 without the space) and months
//!   (November = novembre), hashed;
//! - `cognates`: the first four letters of longer words, accents folded (transnational /
//!   transnationale, development / développement), kept as a 512-bit signature so that two
//!   paragraphs (or runs of paragraphs, OR-ed together) compare in a few instructions;
//! - `names`: capitalised words inside the sentence, compared with Jaro–Winkler (strsim),
//!   which catches Malta / Malte and Jamaica / Jamaïque.

use crate::fnv::{self, hash, Fnv};
use crate::lexicon::{
    could_be_month, fold, fold_into, fold_prefix_into, in_date, is_letter, month,
};
use crate::tokens::{scan_symbols_and_numbers, TokenKind};
use std::hash::Hasher;

/// Features of one paragraph.
#[derive(Debug, Clone, Default)]
pub(super) struct Features {
    /// Length in characters, the unit of the Gale–Church model.
    pub len: f64,
    /// Sorted hashes of numbers, symbols and months.
    pub exact: Vec<u64>,
    /// Four-letter word prefixes, one bit each (a few collisions only blur the evidence).
    pub cognates: Signature,
    /// Folded capitalised words, at most [`MAX_NAMES`].
    pub name_words: Vec<String>,
    /// The names as ids shared across the two documents (see [`link_names`]), sorted.
    pub names: Vec<u64>,
}

/// Names kept per paragraph (e6efda8: hand-set in the first version; the first sixteen
/// capitalised words link a paragraph as well as all of them, and bound the work on a huge one).
const MAX_NAMES: usize = 16;
/// Bits of a cognate signature (2f9dc87: eight words compared by AND and popcount; a
/// paragraph holds a few dozen prefixes, so collisions only blur the evidence a little).
const SIGNATURE_BITS: usize = 512;
/// Letters of the prefix that stands for a word in the cognate signature: enough to tell
/// words apart, few enough to survive French endings (transnational / transnationale,
/// development / développement); hand-set in e6efda8, with the two bounds below.
const PREFIX_LETTERS: usize = 4;
/// Words shorter than this carry no evidence ("de", "la", "of", "to").
const WORD_MIN_LETTERS: usize = 3;
/// Words shorter than this are not cognates: their prefix would be the whole word, or most of
/// it, and short words are function words in both languages.
const COGNATE_MIN_LETTERS: usize = 5;
/// Capitalised words shorter than this are not names ("The", "UN", "Les").
const NAME_MIN_LETTERS: usize = 4;
/// Jaro–Winkler similarity from which two folded names are the same name (e6efda8: Malta /
/// Malte, Jamaica / Jamaïque pass; hand-set, no sweep recorded).
const NAME_SIMILARITY: f64 = 0.88;
/// `s/a + s/b` below which [`NAME_SIMILARITY`] is out of reach: derived from it in
/// [`may_be_similar`] (a test checks the derivation).
const SHARE_BOUND: f64 = 1.4;

/// A set of hashed items as a [`SIGNATURE_BITS`]-bit signature.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Signature([u64; SIGNATURE_BITS / 64]);

impl Signature {
    fn insert(&mut self, hash: u64) {
        let bit = (hash % SIGNATURE_BITS as u64) as usize;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Number of items (bits set).
    pub(crate) fn len(&self) -> usize {
        self.common(self) as usize
    }

    pub(crate) fn union(&self, other: &Signature) -> Signature {
        Signature(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }

    fn common(&self, other: &Signature) -> u32 {
        // Every bead scored compares two signatures: the processor's population count, where
        // it has one, is several times faster than the portable bit arithmetic (x86-64's
        // baseline, which the compiler must assume, lacks the instruction).
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the processor has the instruction: checked just above.
            return unsafe { common_popcnt(&self.0, &other.0) };
        }
        common_bits(&self.0, &other.0)
    }
}

fn common_bits(a: &[u64; SIGNATURE_BITS / 64], b: &[u64; SIGNATURE_BITS / 64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn common_popcnt(a: &[u64; SIGNATURE_BITS / 64], b: &[u64; SIGNATURE_BITS / 64]) -> u32 {
    common_bits(a, b)
}

/// Calls `f` with each piece of `text` between separators (characters that are neither
/// alphanumeric nor a hyphen or an apostrophe) and the number of separators before it, empty
/// pieces included: `str::split` with a byte-level fast path for ASCII.
fn for_each_piece<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let bytes = text.as_bytes();
    let (mut k, mut start, mut i) = (0, 0, 0);
    // Whether an ASCII byte separates pieces: one load instead of five comparisons, for every
    // byte of the corpus.
    const SEPARATOR: [bool; 128] = {
        let mut t = [true; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            t[b] = !(c.is_ascii_alphanumeric() || c == b'-' || c == b'\'');
            b += 1;
        }
        t
    };
    while i < bytes.len() {
        let b = bytes[i];
        let (separator, len) = if b.is_ascii() {
            (SEPARATOR[b as usize], 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            // The non-breaking hyphen (Word's, "Al‑Shabaab") and the hyphen join words as
            // '-' does: a PDF of the same text has '-' there.
            (!(is_letter(c) || c.is_numeric() || matches!(c, '’' | '‑' | '‐')), c.len_utf8())
        };
        if separator {
            f(k, &text[start..i]);
            k += 1;
            start = i + len;
        }
        i += len;
    }
    f(k, &text[start..]);
}

/// Extracts the features of a paragraph's text.
pub(super) fn extract(text: &str) -> Features {
    let mut exact = Vec::new();
    scan_symbols_and_numbers(text, |kind, value, _| exact.push(hash((kind, value))));
    let mut cognates = Signature::default();
    let mut names = Vec::new();
    let mut folded = String::new();
    for_each_piece(text, |k, word| {
        // Most words start and end with a letter: trimming and eliding only when needed
        // keeps this loop, which sees every word of the corpus, cheap.
        let edge = |b: Option<&u8>| b.is_some_and(|b| !b.is_ascii_alphanumeric());
        let word = if edge(word.as_bytes().first()) || edge(word.as_bytes().last()) {
            word.trim_matches(|c: char| !c.is_alphanumeric())
        } else {
            word
        };
        // One pass over the bytes finds what most words need: their ASCII letters, and whether
        // anything else (an apostrophe, an accented letter) needs a closer look.
        let (mut ascii_letters, mut other, mut apostrophe) = (0, false, false);
        for &b in word.as_bytes() {
            if b.is_ascii_alphabetic() {
                ascii_letters += 1;
            } else if b == b'\'' || b == 0xE2 {
                apostrophe = true;
            } else if !b.is_ascii() {
                other = true;
            }
        }
        let (word, letters) = if apostrophe || other {
            // French elides articles: "l’Organisation" is the word "Organisation".
            let word =
                if apostrophe { word.rsplit(['’', '\'']).next().unwrap_or(word) } else { word };
            (word, word.chars().filter(|&c| is_letter(c)).count())
        } else {
            (word, ascii_letters)
        };
        if letters < WORD_MIN_LETTERS {
            return;
        }
        if could_be_month(word) {
            folded.clear();
            fold_into(word, &mut folded);
            if let Some(m) = month(&folded) {
                let start = word.as_ptr() as usize - text.as_ptr() as usize;
                if in_date(text, start..start + word.len()) {
                    // The same hash as the month's number written out, without writing it.
                    const WRITTEN: [&str; 13] =
                        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
                    exact.push(hash((TokenKind::Month, WRITTEN[m as usize % 13])));
                    return;
                }
            }
        }
        if letters >= COGNATE_MIN_LETTERS {
            let head = &word.as_bytes()[..PREFIX_LETTERS];
            let prefix = if head.is_ascii() {
                // The common case, folded on the stack: lower case, apostrophe as hyphen.
                let mut bytes = [0u8; PREFIX_LETTERS];
                for (out, &b) in bytes.iter_mut().zip(head) {
                    *out = if b == b'\'' { b'-' } else { b.to_ascii_lowercase() };
                }
                prefix_hash(&bytes)
            } else {
                folded.clear();
                fold_prefix_into(word, PREFIX_LETTERS, &mut folded);
                prefix_hash(folded.as_bytes())
            };
            cognates.insert(prefix);
        }
        if k > 1
            && word.chars().next().is_some_and(char::is_uppercase)
            && names.len() < MAX_NAMES
            && letters >= NAME_MIN_LETTERS
        {
            names.push(fold(word));
        }
    });
    exact.sort_unstable();
    names.sort();
    names.dedup();
    Features { len: text.chars().count() as f64, exact, cognates, name_words: names, names: vec![] }
}

/// Gives the names of both documents ids such that an English name and the French name it
/// matches share one: equal after folding, or the same first letter and a Jaro–Winkler
/// similarity of at least 0.88 (Malta / Malte, Jamaica / Jamaïque). Names are compared once
/// per distinct pair within a first-letter bucket, not once per paragraph pair.
pub(super) fn link_names(en: &mut [Features], fr: &mut [Features]) {
    use fnv::Map;
    let mut ids: Map<&str, u64> = Map::default();
    let mut buckets: Map<char, Vec<(&str, u64)>> = Map::default();
    let fr_ids: Vec<Vec<u64>> = fr
        .iter()
        .map(|f| {
            f.name_words
                .iter()
                .map(|w| {
                    let next = ids.len() as u64;
                    *ids.entry(w).or_insert_with(|| {
                        buckets.entry(w.chars().next().unwrap_or(' ')).or_default().push((w, next));
                        next
                    })
                })
                .collect()
        })
        .collect();
    let mut english: Map<&str, u64> = Map::default();
    let mut fresh = u64::MAX;
    let en_ids: Vec<Vec<u64>> = en
        .iter()
        .map(|f| {
            f.name_words
                .iter()
                .map(|w| {
                    if let Some(&id) = ids.get(w.as_str()).or_else(|| english.get(w.as_str())) {
                        return id;
                    }
                    let first = w.chars().next().unwrap_or(' ');
                    let id = buckets
                        .get(&first)
                        .and_then(|b| {
                            b.iter().find(|(x, _)| {
                                may_be_similar(x, w)
                                    && strsim::jaro_winkler(x, w) >= NAME_SIMILARITY
                            })
                        })
                        .map(|&(_, id)| id)
                        .unwrap_or_else(|| {
                            fresh -= 1;
                            fresh
                        });
                    english.insert(w, id);
                    id
                })
                .collect()
        })
        .collect();
    for (f, mut names) in fr.iter_mut().zip(fr_ids).chain(en.iter_mut().zip(en_ids)) {
        names.sort_unstable();
        names.dedup();
        f.names = names;
    }
    // The words are not needed once they have ids; on a long text they are a good part of
    // the memory the features take.
    for f in fr.iter_mut().chain(en.iter_mut()) {
        f.name_words = Vec::new();
    }
}

/// Whether two words' lengths allow a Jaro–Winkler similarity of 0.88: with a prefix bonus of
/// at most 0.4 · (1 − jaro), that needs jaro ≥ 0.8, and jaro is at most
/// (s/a + s/b + 1) / 3 for lengths a, b and s matching characters, s ≤ min(a, b). Skips most
/// string comparisons.
fn may_be_similar(x: &str, y: &str) -> bool {
    let (a, b) = (x.chars().count() as f64, y.chars().count() as f64);
    let s = a.min(b);
    if s / a + s / b < SHARE_BOUND - 1e-9 {
        return false;
    }
    // The same bound with the letters the two words share (as many times as both hold them),
    // which the characters Jaro matches cannot outnumber: "malta" and "mexico" share one.
    if x.is_ascii() && y.is_ascii() {
        let mut count = [0i16; 128];
        for c in x.bytes() {
            count[c as usize] += 1;
        }
        let mut shared = 0.0;
        for c in y.bytes() {
            if count[c as usize] > 0 {
                count[c as usize] -= 1;
                shared += 1.0;
            }
        }
        return shared / a + shared / b >= SHARE_BOUND - 1e-9;
    }
    true
}

/// `hash(("prefix", prefix))` without building the tuple: a `str` hashes as its bytes then 0xFF,
/// and the state after "prefix" is the same for every word.
fn prefix_hash(prefix: &[u8]) -> u64 {
    const PREFIX: Fnv = Fnv::DEFAULT.with(b"prefix\xff");
    let mut h = PREFIX;
    h.write(prefix);
    h.write(&[0xff]);
    h.finish()
}

impl Features {
    /// The features with only the `k` smallest hashes of each sorted list: a bottom-k sketch.
    pub(super) fn sketch(mut self, k: usize) -> Features {
        self.exact.truncate(k);
        self.names.truncate(k);
        // Coarse levels keep every sketch while the levels below them are searched.
        self.exact.shrink_to_fit();
        self.names.shrink_to_fit();
        self
    }
}

/// The features of several paragraphs taken as one.
pub(super) fn merge(parts: &[Features]) -> Features {
    let mut out = Features::default();
    for f in parts {
        out.len += f.len;
        out.exact.extend_from_slice(&f.exact);
        out.cognates = out.cognates.union(&f.cognates);
        out.names.extend_from_slice(&f.names);
    }
    out.exact.sort_unstable();
    out.names.sort_unstable();
    out.names.dedup();
    out
}

/// How much two paragraphs share: counts that add up over the paragraphs of a bead.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Shared {
    pub exact: u32,
    pub cognates: u32,
    pub names: u32,
}

/// One unit, or a run of units taken as one, as a bead's cost reads it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    pub len: f64,
    pub exact: &'a [u64],
    pub names: &'a [u64],
    pub cognates: &'a Signature,
    /// `cognates.len()`, counted once.
    pub cognate_count: usize,
}

impl Features {
    /// The features as a bead's cost reads them.
    pub(super) fn view(&self) -> View<'_> {
        View {
            len: self.len,
            exact: &self.exact,
            names: &self.names,
            cognates: &self.cognates,
            cognate_count: self.cognates.len(),
        }
    }
}

/// Compares two units' features.
pub(super) fn shared(a: &View, b: &View) -> Shared {
    Shared {
        exact: common_sorted(a.exact, b.exact),
        cognates: a.cognates.common(b.cognates),
        names: common_sorted(a.names, b.names),
    }
}

/// Size of the multiset intersection of two sorted lists. Branch-free: whether an item of one
/// list is in the other is a coin toss the processor cannot predict, and this loop sees every
/// bead of every band.
fn common_sorted(a: &[u64], b: &[u64]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += (x == y) as u32;
        i += (x <= y) as usize;
        j += (y <= x) as usize;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_bound_follows_from_the_name_similarity() {
        // Jaro–Winkler adds at most 4 · 0.1 · (1 − jaro): jw ≥ t needs jaro ≥ (t − 0.4) / 0.6,
        // and jaro ≤ (s/a + s/b + 1) / 3.
        let jaro = (NAME_SIMILARITY - 0.4) / 0.6;
        assert!((3.0 * jaro - 1.0 - SHARE_BOUND).abs() < 1e-9);
    }

    #[test]
    fn prefix_hash_is_the_hash_of_the_tuple() {
        assert_eq!(prefix_hash(b"deve"), hash(("prefix", "deve")));
    }

    #[test]
    fn shared_content_of_a_translation() {
        let mut en = [extract("Recalling its resolution 55/25 of 15 November 2000, the United Nations Convention against Transnational Organized Crime, Malta")];
        let mut fr = [extract("Rappelant sa résolution 55/25 du 15 novembre 2000, la Convention des Nations Unies contre la criminalité transnationale organisée, Malte")];
        link_names(&mut en, &mut fr);
        let (en, fr) = (&en[0], &fr[0]);
        let s = shared(&en.view(), &fr.view());
        assert_eq!(s.exact, 4, "55/25, 15, November, 2000");
        assert!(s.cognates >= 4, "{s:?}");
        assert!(s.names >= 2, "{s:?}");
        let other = extract("Prie le Secrétaire général de 2004");
        assert_eq!(shared(&en.view(), &other.view()).exact, 0);
    }
}
