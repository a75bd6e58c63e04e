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

use crate::lexicon::{fold_into, in_date, month, month_in_date};
use regex::Regex;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

/// Features of one paragraph.
#[derive(Debug, Clone, Default)]
pub struct Features {
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

const MAX_NAMES: usize = 16;

/// A set of hashed items as a 512-bit signature.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Signature([u64; 8]);

impl Signature {
    fn insert(&mut self, hash: u64) {
        let bit = (hash % 512) as usize;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Number of items (bits set).
    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn union(&self, other: &Signature) -> Signature {
        Signature(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }

    fn common(&self, other: &Signature) -> u32 {
        self.0.iter().zip(&other.0).map(|(a, b)| (a & b).count_ones()).sum()
    }
}

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[A-Z]{1,6}(?:/\s?[A-Za-z0-9][A-Za-z0-9.\-]*)+|(?-u:\b)\d{1,4}/\d{1,4}(?:/[A-Za-z0-9.\-]+)*)").unwrap()
});


/// A piece of text that translation leaves alone, in canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Canonical value: "19000", "12.5", "E/CN.15/2003/5", "11" for November.
    pub value: String,
    /// Where it stands in the text.
    pub range: std::ops::Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenKind {
    Number,
    Symbol,
    Month,
}

/// Alphabetic words with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Calls `found` for every symbol and number of `text`, in canonical form; the scan shared
/// by [`extract`] (which hashes them) and [`untranslated`] (which keeps them).
fn scan_symbols_and_numbers(text: &str, mut found: impl FnMut(TokenKind, &str, std::ops::Range<usize>)) {
    let mut covered = Vec::new();
    // Most paragraphs hold no symbol, many no number: skip the scans that cannot match.
    if text.contains('/') {
        for m in SYMBOL.find_iter(text) {
            let symbol: String = m.as_str().trim_end_matches('.').chars().filter(|c| !c.is_whitespace()).collect();
            // A document symbol holds a number; "AU/UN" or "CRESTA/A" are names.
            if !symbol.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            covered.push(m.range());
            // "1267/1989/2253" names a committee by three resolutions: three numbers.
            if symbol.split('/').count() >= 3 && symbol.bytes().all(|b| b.is_ascii_digit() || b == b'/') {
                for part in symbol.split('/') {
                    found(TokenKind::Number, part, m.range());
                }
                continue;
            }
            found(TokenKind::Symbol, &symbol, m.range());
        }
    }
    // Symbols and runs both come in text order, and symbols do not overlap: the one symbol
    // that may cover a run is the last to start at or before it (a cursor, not a scan of
    // every symbol for every run, which grows with the square of a huge paragraph).
    let mut symbol = 0;
    for run in number_runs(text) {
        while symbol + 1 < covered.len() && covered[symbol + 1].start <= run.start {
            symbol += 1;
        }
        if covered.get(symbol).is_some_and(|r| r.start <= run.start && run.end <= r.end) {
            continue;
        }
        for n in canonical_numbers(&text[run.clone()]) {
            found(TokenKind::Number, &n, run.clone());
        }
    }
}

/// The numbers, symbols and months of a text, in canonical form and in text order, for
/// reports that must say what differs ("55/25" against "55/52").
pub fn untranslated(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    scan_symbols_and_numbers(text, |kind, value, range| tokens.push(Token { kind, value: value.to_string(), range }));
    for (start, word) in words(text) {
        if let Some(month) = month_in_date(text, start..start + word.len()) {
            tokens.push(Token { kind: TokenKind::Month, value: month.to_string(), range: start..start + word.len() });
        }
    }
    tokens.sort_by_key(|t| t.range.start);
    tokens
}

/// Extracts the features of a paragraph's text.
pub fn extract(text: &str) -> Features {
    let mut exact = Vec::new();
    scan_symbols_and_numbers(text, |kind, value, _| exact.push(hash((kind, value))));
    let mut cognates = Signature::default();
    let mut names = Vec::new();
    let mut folded = String::new();
    for (k, word) in text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '’' && c != '\'').enumerate() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        // French elides articles: "l’Organisation" is the word "Organisation".
        let word = word.rsplit(['’', '\'']).next().unwrap_or(word);
        let letters = if word.is_ascii() {
            word.bytes().filter(u8::is_ascii_alphabetic).count()
        } else {
            word.chars().filter(|c| c.is_alphabetic()).count()
        };
        if letters < 3 {
            continue;
        }
        folded.clear();
        fold_into(word, &mut folded);
        if let Some(m) = month(&folded) {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            if in_date(text, start..start + word.len()) {
                exact.push(hash((TokenKind::Month, m.to_string().as_str())));
                continue;
            }
        }
        if letters >= 5 {
            let end = folded.char_indices().nth(4).map_or(folded.len(), |(i, _)| i);
            cognates.insert(hash(("prefix", &folded[..end])));
        }
        if k > 1 && word.chars().next().is_some_and(char::is_uppercase) && names.len() < MAX_NAMES && letters >= 4 {
            names.push(folded.clone());
        }
    }
    exact.sort_unstable();
    names.sort();
    names.dedup();
    Features { len: text.chars().count() as f64, exact, cognates, name_words: names, names: vec![] }
}

/// Gives the names of both documents ids such that an English name and the French name it
/// matches share one: equal after folding, or the same first letter and a Jaro–Winkler
/// similarity of at least 0.88 (Malta / Malte, Jamaica / Jamaïque). Names are compared once
/// per distinct pair within a first-letter bucket, not once per paragraph pair.
pub fn link_names(en: &mut [Features], fr: &mut [Features]) {
    use std::collections::HashMap;
    let mut ids: HashMap<String, u64> = HashMap::new();
    let mut buckets: HashMap<char, Vec<(String, u64)>> = HashMap::new();
    for f in fr.iter_mut() {
        f.names = f.name_words.iter().map(|w| {
            let next = ids.len() as u64;
            *ids.entry(w.clone()).or_insert_with(|| {
                buckets.entry(w.chars().next().unwrap_or(' ')).or_default().push((w.clone(), next));
                next
            })
        }).collect();
        f.names.sort_unstable();
        f.names.dedup();
    }
    let mut english: HashMap<String, u64> = HashMap::new();
    let mut fresh = u64::MAX;
    for f in en.iter_mut() {
        f.names = f.name_words.iter().map(|w| {
            if let Some(&id) = ids.get(w).or_else(|| english.get(w)) {
                return id;
            }
            let first = w.chars().next().unwrap_or(' ');
            let id = buckets.get(&first).and_then(|b| b.iter().find(|(x, _)| strsim::jaro_winkler(x, w) >= 0.88)).map(|&(_, id)| id).unwrap_or_else(|| {
                fresh -= 1;
                fresh
            });
            english.insert(w.clone(), id);
            id
        }).collect();
        f.names.sort_unstable();
        f.names.dedup();
    }
}

/// Runs of digits joined by single separators (space, no-break spaces, comma, period):
/// "19,000", "19 000", "12,5", "2003 15".
fn number_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let separator_len = |at: usize| -> usize {
        let rest = &text[at..];
        match rest.chars().next() {
            Some(c @ (' ' | ',' | '.' | '\u{a0}' | '\u{202f}' | '\u{2009}')) => c.len_utf8(),
            _ => 0,
        }
    };
    let mut runs = vec![];
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        // Digits glued after a hyphen or a capital belong to a name (COVID-19, G77, H5N1).
        let before = text[..start].chars().next_back();
        let identifier = before.is_some_and(|c| matches!(c, '-' | '‑' | '‐') || c.is_uppercase());
        loop {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let sep = if i < bytes.len() { separator_len(i) } else { 0 };
            if sep > 0 && bytes.get(i + sep).is_some_and(u8::is_ascii_digit) {
                i += sep;
            } else {
                break;
            }
        }
        if !identifier {
            runs.push(start..i);
        }
    }
    runs
}

/// Canonical forms of a run of digits and separators: "19,000" and "19 000" → "19000",
/// "12.5" and "12,5" → "12.5"; "2003 15" (two numbers) → "2003", "15".
fn canonical_numbers(run: &str) -> Vec<String> {
    let mut out = vec![];
    let mut current = String::new();
    // Whether `current` holds a decimal point (kept apart: a run of megabytes of digit groups
    // would be searched again at every group).
    let mut point = false;
    let mut rest = run;
    while !rest.is_empty() {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        rest = &rest[digits.len()..];
        current.push_str(&digits);
        let Some(sep) = rest.chars().next() else { break };
        let after = &rest[sep.len_utf8()..];
        let next_len = after.chars().take_while(char::is_ascii_digit).count();
        let group_of_three = next_len == 3 && !after[3..].starts_with(|c: char| c.is_ascii_digit());
        let thousands = group_of_three && match sep {
            ',' => digits.len() <= 3 && !point,
            '.' => false,
            _ => digits.len() <= 3,
        };
        if thousands {
            // thousands separator: the groups are one number
        } else if (sep == ',' || sep == '.') && !point {
            current.push('.');
            point = true;
        } else {
            out.push(std::mem::take(&mut current));
            point = false;
        }
        rest = after;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter().map(|n| n.trim_start_matches('0').to_string()).filter(|n| !n.is_empty()).collect()
}

/// FNV-1a: features are hashed only to be compared within one run, so a fast, stable hash
/// serves better than the default SipHash.
fn hash<T: Hash>(value: T) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    value.hash(&mut h);
    h.finish()
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The features of several paragraphs taken as one.
pub fn merge(parts: &[Features]) -> Features {
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
pub struct Shared {
    pub exact: u32,
    pub cognates: u32,
    pub names: u32,
}

/// Compares two paragraphs' features.
pub fn shared(a: &Features, b: &Features) -> Shared {
    Shared {
        exact: common_sorted(&a.exact, &b.exact),
        cognates: a.cognates.common(&b.cognates),
        names: common_sorted(&a.names, &b.names),
    }
}

/// Size of the multiset intersection of two sorted lists.
fn common_sorted(a: &[u64], b: &[u64]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_written_the_french_way_are_equal() {
        assert_eq!(canonical_numbers("19,000"), ["19000"]);
        assert_eq!(canonical_numbers("19\u{a0}000"), ["19000"]);
        assert_eq!(canonical_numbers("1 000 000"), ["1000000"]);
        assert_eq!(canonical_numbers("12.5"), ["12.5"]);
        assert_eq!(canonical_numbers("12,5"), ["12.5"]);
        assert_eq!(canonical_numbers("2003 15"), ["2003", "15"]);
    }

    #[test]
    fn untranslated_tokens_in_canonical_form() {
        let tokens = untranslated("le 15 novembre 2000, résolution 55/25, 1 000 000 dollars et 5,5 %");
        let values: Vec<(TokenKind, &str)> = tokens.iter().map(|t| (t.kind, t.value.as_str())).collect();
        assert_eq!(values, [(TokenKind::Number, "15"), (TokenKind::Month, "11"), (TokenKind::Number, "2000"), (TokenKind::Symbol, "55/25"), (TokenKind::Number, "1000000"), (TokenKind::Number, "5.5")]);
    }

    #[test]
    fn shared_content_of_a_translation() {
        let mut en = [extract("Recalling its resolution 55/25 of 15 November 2000, the United Nations Convention against Transnational Organized Crime, Malta")];
        let mut fr = [extract("Rappelant sa résolution 55/25 du 15 novembre 2000, la Convention des Nations Unies contre la criminalité transnationale organisée, Malte")];
        link_names(&mut en, &mut fr);
        let (en, fr) = (&en[0], &fr[0]);
        let s = shared(en, fr);
        assert_eq!(s.exact, 4, "55/25, 15, November, 2000");
        assert!(s.cognates >= 4, "{s:?}");
        assert!(s.names >= 2, "{s:?}");
        let other = extract("Prie le Secrétaire général de 2004");
        assert_eq!(shared(en, &other).exact, 0);
    }
}
