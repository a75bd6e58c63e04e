//! Numbering → labels. Reads the number a paragraph opens with ("1.", "(a)", "a)", "ii)",
//! "1.1", "Article premier", "Annex II", "I.") and names every paragraph by its place in the
//! resolution: `op.5`, `op.5.a`, `op.5.a.ii`, `pre.3`, `sec.II.op.1`, `annex.op.2`, `fn.1`…
//!
//! English and French write the same numbers differently ("(a)" / "a)", "Article 1" /
//! "Article premier", "Annex" / "Annexe"); the labels are written the same way in both
//! languages so that equal labels pair paragraphs.

use super::clean::OPENING;
use super::model::Part;
use regex::Regex;
use std::sync::LazyLock;

/// The number a paragraph opens with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Number {
    /// "5." (and "5" with no period, when it follows 4).
    Operative(u32),
    /// "1.1", "1.a": a decimal clause number.
    Decimal(u32, String),
    /// "(a)", "a)", "a." — or a roman numeral, decided in context.
    Letter(String),
    /// "(1)", "1)".
    Parenthesised(u32),
    /// "•", "–".
    Bullet,
    /// "11 Condemns": a number without its period (a slip seen in real texts).
    Bare(u32),
}

/// What a heading paragraph is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Heading {
    Annex(Option<String>),
    Article(u32),
    /// "I.", "A.", or a bare "II".
    Section(String),
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[“«\x22]?\s*(?:",
        r"(?P<dec>[0-9]{1,3})\.(?P<decsub>[0-9]{1,3}|[a-z])\.?(?:\s|$)",
        r"|(?P<op>[0-9]{1,3})\.(?:\s|$)",
        r"|\(\s*(?P<pl>[a-zA-Z]{1,5})\s*\)(?:\s|$)",
        r"|(?P<cl>[a-z]{1,5})\)(?:\s|$)",
        r"|(?P<dl>[a-z]|[ivx]{2,5})\.(?:\s|$)",
        r"|\((?P<pn>[0-9]{1,2})\)(?:\s|$)",
        r"|(?P<cn>[0-9]{1,2})\)(?:\s|$)",
        r"|(?P<bullet>[•▪●◦–—-])\s",
        // A bare number is followed by a capital, tested in `number` (`\p{Lu}` here would
        // double the pattern's compile time).
        r"|(?P<bare>[0-9]{1,3})\s+",
        r")"
    ))
    .unwrap()
});

static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:annexe?)(?:\s+(?P<n>[IVXLC]+|[0-9]{1,2}|[A-Z])\b)?(?:\s*[-–—:.]\s*.*)?$")
        .unwrap()
});
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:article)\s+(?P<n>[0-9]{1,3}|premier|first|1er)\s*(?:[.:–—-].*)?$").unwrap()
});
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>[IVX]{1,5}|[A-H])(?:\.\s+\S.*|\s*)$").unwrap());
pub(crate) static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[“«\x22]?\s*(?:[A-Z]{1,3}-)?[0-9]{1,3}/[0-9]{1,4}(?:\s*\([IVXL]+\))?\s*\.\s+\S")
        .unwrap()
});
pub(crate) static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[0-9]{1,4}\s*(?:st|nd|rd|th|e|re|er|ème)?\s+(?:\(resumed\)\s+)?(?:plenary\s+meeting|séance\s+plénière|meeting|séance)\b").unwrap()
});
/// Whether `text` is a date and nothing else, as the closing and the cover write it: "17
/// November 2015", "1er décembre 2023", "December 17, 2015". Written out rather than as a
/// pattern: a Unicode letter class under case folding cost more to compile (about 6 million
/// instructions) than the rest of reading a two-page text.
pub(crate) fn is_date(text: &str) -> bool {
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let word = |s: &str| !s.is_empty() && s.chars().all(char::is_alphabetic);
    if text.trim() != text {
        return false;
    }
    let mut parts = text.split_whitespace();
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let day = |s: &str| {
        let s = if s.len() > 2
            && s.is_char_boundary(s.len() - 2)
            && s[s.len() - 2..].eq_ignore_ascii_case("er")
        {
            &s[..s.len() - 2]
        } else {
            s
        };
        digits(s, 1..=2)
    };
    let year = digits(c, 4..=4);
    year && (day(a) && word(b) || word(a) && b.strip_suffix(',').is_some_and(|d| digits(d, 1..=2)))
}
static COVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:united nations|nations unies|general assembly|assemblée générale|security council|conseil de sécurité|",
        r"economic and social council|conseil économique et social|distr\b|original\b|agenda item|point\b.*ordre du jour|",
        r".*\bsession$|resolution adopted|résolution adoptée|adopted by|adoptée par|\[|resolution [0-9]|résolution [0-9]|",
        r"note by|note du|note de|third committee|troisième commission|[a-z]+ committee$|.*commission$)"
    ))
    .unwrap()
});

/// Reads the number a paragraph opens with.
pub(crate) fn number(text: &str) -> Option<Number> {
    if !first_after_quote(text).is_some_and(may_open_number) {
        return None;
    }
    let c = NUMBER.captures(text)?;
    let get = |name| c.name(name).map(|m| m.as_str());
    if let (Some(n), Some(sub)) = (get("dec"), get("decsub")) {
        return Some(Number::Decimal(n.parse().ok()?, sub.to_string()));
    }
    if let Some(n) = get("op") {
        return Some(Number::Operative(n.parse().ok()?));
    }
    if let Some(l) = get("pl").or(get("cl")).or(get("dl")) {
        return Some(Number::Letter(l.to_lowercase()));
    }
    if let Some(n) = get("pn").or(get("cn")) {
        return Some(Number::Parenthesised(n.parse().ok()?));
    }
    if get("bullet").is_some() {
        return Some(Number::Bullet);
    }
    if let Some(n) = get("bare") {
        let capital = text[c.get(0)?.end()..].chars().next().is_some_and(char::is_uppercase);
        return capital.then(|| n.parse().ok()).flatten().map(Number::Bare);
    }
    None
}

/// Reads a heading: annex, article or section number. Only short paragraphs are headings.
pub(crate) fn heading(text: &str) -> Option<Heading> {
    let t = text.trim_start_matches(['“', '«', '"']).trim();
    if !t.starts_with(may_open_heading) || t.len() > 250 && t.chars().count() > 250 {
        return None;
    }
    if let Some(c) = ANNEX.captures(t) {
        if t.chars().count() <= 120 || t.contains(['-', '–', '—']) {
            return Some(Heading::Annex(c.name("n").map(|m| m.as_str().to_uppercase())));
        }
    }
    if let Some(c) = ARTICLE.captures(t) {
        let n = match &c["n"].to_lowercase()[..] {
            "premier" | "first" | "1er" => 1,
            other => other.parse().ok()?,
        };
        return Some(Heading::Article(n));
    }
    if let Some(c) = SECTION.captures(t) {
        // "A. Title" is a heading; "A." alone or "I" alone too. A sentence is not.
        if !t.ends_with([',', ';']) {
            return Some(Heading::Section(c["n"].to_string()));
        }
    }
    None
}

/// Where the operative number a paragraph opens with ends: "6. Requests …" → 2 (after "6.").
pub(crate) fn operative_label_end(text: &str) -> Option<usize> {
    // "6. Requests", "1.1 By", and "11 Condemns" (a number whose full stop the text lacks).
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[“«\x22]?\s*([0-9]{1,3}(?:\.(?:[0-9]{1,3}\.?)?)?)(?:\s\p{Lu}|\.?\s)").unwrap()
    });
    if !first_after_quote(text).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    LEADING.captures(text).and_then(|c| c.get(1)).map(|m| m.end())
}

pub(crate) fn is_opening(text: &str) -> bool {
    first_after_quote(text).is_some_and(|c| matches!(c, 't' | 'T' | 'l' | 'L'))
        && OPENING.is_match(text)
}

pub(crate) fn is_title(text: &str) -> bool {
    TITLE.is_match(text)
}

pub(crate) fn is_closing(text: &str) -> bool {
    text.starts_with(char::is_numeric) && CLOSING.is_match(text) && text.chars().count() < 80
}

// Every paragraph is put to the patterns above. Each opens with at most a quote and spaces,
// then one of a few characters, so most paragraphs ("Recalling…", "Décide…") are passed by on
// their first character without running a pattern. The tests check that a pattern never
// matches where its first-character test says no.

/// The first character after an opening quote (“, « or ") and spaces.
fn first_after_quote(text: &str) -> Option<char> {
    text.strip_prefix(['“', '«', '"']).unwrap_or(text).trim_start().chars().next()
}

/// Whether [`NUMBER`] may match a text whose first character after a quote and spaces is `c`:
/// a digit, "(", a lower-case ASCII letter or a bullet.
fn may_open_number(c: char) -> bool {
    c.is_numeric()
        || c == '('
        || c.is_ascii_lowercase()
        || matches!(c, '•' | '▪' | '●' | '◦' | '–' | '—' | '-')
}

/// Whether [`ANNEX`], [`ARTICLE`] or [`SECTION`] may match a text that starts with `c`.
fn may_open_heading(c: char) -> bool {
    matches!(c, 'a' | 'A'..='I' | 'V' | 'X')
}

pub(crate) fn is_date_line(text: &str) -> bool {
    is_date(text.trim())
}

pub(crate) fn is_cover_line(text: &str) -> bool {
    let t = text.trim();
    COVER.is_match(t) || is_date_line(t)
}

/// Value of a roman numeral in lower case, if it is one.
pub(crate) fn roman(s: &str) -> Option<u32> {
    // Sub-paragraph numerals stay small; "cc" and "dd" after "bb" are double letters.
    if s.is_empty() || !s.chars().all(|c| "ivx".contains(c)) {
        return None;
    }
    let value = |c| match c {
        'i' => 1,
        'v' => 5,
        _ => 10,
    };
    let digits: Vec<u32> = s.chars().map(value).collect();
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

/// Assigns parts and labels to body paragraphs in order: a small state machine over the
/// resolution's structure (cover → title → opening → preamble → operative → closing →
/// annexes), keeping the current section prefix and the current operative number so that
/// sub-paragraphs are named under their parent.
pub(crate) struct Labeller {
    seen_opening: bool,
    seen_operative: bool,
    prefix: String,
    /// Current roman section ("I") under which letter sections ("A") nest.
    section: Option<String>,
    /// Last letter section ("A", "B") under the current roman one.
    section_letter: Option<char>,
    op: Option<String>,
    last_op: u32,
    letter: Option<char>,
    letter_label: Option<String>,
    /// A roman numeral used as the level above the letters, with its value.
    upper_roman: Option<(String, u32)>,
    bullets: u32,
    preamble: u32,
    cover: u32,
    text: u32,
    headings: u32,
    seen_closing: bool,
    /// The previous paragraph ended with a colon (it announces a list).
    after_colon: bool,
    /// The last number of a numbered list nested in an operative paragraph ("i. … this
    /// assessment is:" / "1. extended …" / "2. elaborates …", S/RES/2713 (2023)); 0 outside one.
    nested: u32,
}

pub(crate) struct Assigned {
    pub name: String,
    pub anchor: bool,
    pub part: Part,
}

impl Labeller {
    pub(crate) fn new(has_opening: bool) -> Labeller {
        Labeller {
            seen_opening: !has_opening,
            seen_operative: false,
            prefix: String::new(),
            section: None,
            section_letter: None,
            op: None,
            last_op: 0,
            letter: None,
            letter_label: None,
            upper_roman: None,
            bullets: 0,
            preamble: 0,
            cover: 0,
            text: 0,
            headings: 0,
            seen_closing: false,
            after_colon: false,
            nested: 0,
        }
    }

    /// Ends the cover where a text with no opening line starts its body.
    pub(crate) fn end_cover(&mut self) {
        self.seen_opening = true;
    }

    /// Labels the next body paragraph. `title_here` is true for the paragraph chosen as title.
    pub(crate) fn next(&mut self, text: &str, title_here: bool) -> Assigned {
        let assigned = self.label(text, title_here);
        self.after_colon = text.trim_end().ends_with(':');
        assigned
    }

    fn label(&mut self, text: &str, title_here: bool) -> Assigned {
        let anchored = |name: String, part| Assigned { name, anchor: true, part };
        let positional = |name: String, part| Assigned { name, anchor: false, part };
        if !self.seen_opening {
            if title_here {
                return anchored("title".into(), Part::Title);
            }
            if is_opening(text) {
                self.seen_opening = true;
                return anchored("opening".into(), Part::Opening);
            }
            self.cover += 1;
            return positional(format!("cover.{}", self.cover), Part::Cover);
        }
        if is_opening(text) {
            // A second opening (a quoted draft, a section) restarts the preamble.
            self.seen_operative = false;
            self.preamble = 0;
            return anchored(format!("{}opening", self.prefix), Part::Opening);
        }
        if is_closing(text) {
            self.seen_closing = true;
            return anchored("closing".into(), Part::Closing);
        }
        if self.seen_closing && is_date_line(text) {
            return anchored("closing.date".into(), Part::Closing);
        }
        if let Some(h) = heading(text) {
            return self.heading(h);
        }
        match number(text) {
            Some(Number::Operative(n)) if self.nested_list(n) => {
                // Numbered as the French "1)" is: under the paragraph, as a sub-paragraph.
                self.nested = n;
                anchored(format!("{}.{n}", self.parent()), Part::SubParagraph)
            }
            Some(Number::Operative(n)) => self.operative(n.to_string(), n),
            Some(Number::Bare(n)) => {
                // A number without its period is taken only where it follows on.
                if self.seen_operative && n == self.last_op + 1 {
                    self.operative(n.to_string(), n)
                } else {
                    self.unnumbered(text)
                }
            }
            Some(Number::Decimal(n, sub)) => {
                self.seen_operative = true;
                self.last_op = n;
                let name = format!("{}op.{n}.{sub}", self.prefix);
                self.op = Some(name.clone());
                self.letter = None;
                anchored(name, Part::Operative)
            }
            Some(Number::Letter(l)) => self.letter(&l),
            Some(Number::Parenthesised(n)) => {
                let parent = self.parent();
                anchored(format!("{parent}.{n}"), Part::SubParagraph)
            }
            Some(Number::Bullet) => {
                self.bullets += 1;
                let parent = self.parent();
                positional(format!("{parent}.b{}", self.bullets), Part::SubParagraph)
            }
            None => self.unnumbered(text),
        }
    }

    /// "1." inside an operative paragraph far past 1, after a line that announces a list, and
    /// the numbers that follow it on, are a list nested in the paragraph, not a new numbering
    /// (which a heading would have opened).
    fn nested_list(&self, n: u32) -> bool {
        self.seen_operative
            && n != self.last_op + 1
            && self.last_op >= 2
            && (n == 1 && self.after_colon || self.nested > 0 && n == self.nested + 1)
    }

    fn operative(&mut self, number: String, n: u32) -> Assigned {
        self.nested = 0;
        self.seen_operative = true;
        self.last_op = n;
        let name = format!("{}op.{number}", self.prefix);
        self.op = Some(name.clone());
        self.letter = None;
        self.letter_label = None;
        self.upper_roman = None;
        self.bullets = 0;
        Assigned { name, anchor: true, part: Part::Operative }
    }

    fn parent(&self) -> String {
        self.op.clone().unwrap_or_else(|| format!("{}pre.{}", self.prefix, self.preamble))
    }

    /// "(i)" after "(h)" is the letter i; otherwise a roman numeral, one level below the
    /// current letter, or, when the numerals came first ("(i) … a. b. … (ii) …"), the level
    /// above the letters.
    fn letter(&mut self, l: &str) -> Assigned {
        let c = l.chars().next().unwrap_or('a');
        let single = l.chars().count() == 1;
        let follows_letter = self.letter.is_some_and(|p| p as u32 + 1 == c as u32);
        let value = roman(l)
            .filter(|_| !single || "ivx".contains(c))
            .filter(|_| !(single && follows_letter));
        self.bullets = 0;
        let sub = |name: String| Assigned { name, anchor: true, part: Part::SubParagraph };
        if let Some(value) = value {
            let next_upper = self.upper_roman.as_ref().is_some_and(|(_, v)| value == v + 1);
            if self.letter_label.is_none() || next_upper {
                // a numeral directly under the paragraph: the upper level
                let name = format!("{}.{l}", self.parent());
                self.upper_roman = Some((name.clone(), value));
                self.letter = None;
                self.letter_label = None;
                return sub(name);
            }
            let parent = self.letter_label.clone().unwrap_or_else(|| self.parent());
            return sub(format!("{parent}.{l}"));
        }
        self.letter = Some(c);
        let parent =
            self.upper_roman.as_ref().map_or_else(|| self.parent(), |(label, _)| label.clone());
        let name = format!("{parent}.{l}");
        self.letter_label = Some(name.clone());
        sub(name)
    }

    fn heading(&mut self, h: Heading) -> Assigned {
        self.op = None;
        self.letter = None;
        self.letter_label = None;
        self.upper_roman = None;
        self.last_op = 0;
        self.nested = 0;
        self.seen_operative = false;
        self.preamble = 0;
        let name = match h {
            Heading::Annex(n) => {
                self.section = None;
                self.prefix = match &n {
                    Some(n) => format!("annex.{n}."),
                    None => "annex.".into(),
                };
                self.prefix.trim_end_matches('.').to_string()
            }
            Heading::Article(n) => {
                let base = self.prefix.split("art.").next().unwrap_or("").to_string();
                self.prefix = format!("{base}art.{n}.");
                self.prefix.trim_end_matches('.').to_string()
            }
            Heading::Section(s) => {
                let base = self.prefix.split("sec.").next().unwrap_or("").to_string();
                // "A." nests under the current roman section; "I" is roman unless it follows "H".
                let c = s.chars().next().unwrap_or('A');
                let follows = self.section_letter.is_some_and(|p| p as u32 + 1 == c as u32);
                let is_letter = s.len() == 1 && (!"IVX".contains(c) || follows);
                let path = match (&self.section, is_letter) {
                    (Some(sec), true) => {
                        self.section_letter = Some(c);
                        format!("{sec}.{s}")
                    }
                    (None, true) => {
                        self.section_letter = Some(c);
                        s.clone()
                    }
                    (_, false) => {
                        self.section = Some(s.clone());
                        self.section_letter = None;
                        s.clone()
                    }
                };
                self.prefix = format!("{base}sec.{path}.");
                self.prefix.trim_end_matches('.').to_string()
            }
        };
        Assigned { name, anchor: true, part: Part::Heading }
    }

    fn unnumbered(&mut self, text: &str) -> Assigned {
        if !self.seen_operative && !looks_like_heading(text) {
            self.preamble += 1;
            return Assigned {
                name: format!("{}pre.{}", self.prefix, self.preamble),
                anchor: false,
                part: Part::Preamble,
            };
        }
        if looks_like_heading(text) {
            self.headings += 1;
            return Assigned {
                name: format!("head.{}", self.headings),
                anchor: false,
                part: Part::Heading,
            };
        }
        self.text += 1;
        Assigned { name: format!("text.{}", self.text), anchor: false, part: Part::Text }
    }
}

/// A short line with no closing punctuation, in title case: a heading of a section or annex.
fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    // A footnote marker set apart after the closing punctuation ("for 2014, 1") is no part of
    // how the paragraph ends.
    let unmarked = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let t = match unmarked.strip_suffix(' ') {
        Some(u) if unmarked.len() < t.len() && t.len() - unmarked.len() <= 3 => u,
        _ => t,
    };
    // A superscript marker ("for 2014,¹", how a PDF's layout text carries it) likewise.
    let t = t.trim_end_matches(|c| super::markers::superscript_digit(c).is_some()).trim_end();
    let last = t.chars().last().unwrap_or('.');
    t.chars().count() <= 200
        && !matches!(last, '.' | ',' | ';' | ':')
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.contains(". ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(lines: &[&str]) -> Vec<String> {
        let mut l = Labeller::new(true);
        lines.iter().map(|t| l.next(t, false).name).collect()
    }

    /// `is_date` and `number` replaced patterns that were slow to compile; they must say what
    /// the patterns said (`\p{L}` and `\p{Lu}` for letters and capitals).
    #[test]
    fn the_written_out_tests_agree_with_the_patterns_they_replace() {
        let date = Regex::new(concat!(
            r"(?i)^(?:[0-9]{1,2}(?:er)?\s+\p{L}+\s+[0-9]{4}",
            r"|\p{L}+\s+[0-9]{1,2},\s+[0-9]{4})$"
        ))
        .unwrap();
        let bare = Regex::new(r"^[“«\x22]?\s*[0-9]{1,3}\s+\p{Lu}").unwrap();
        let mut texts = vec![];
        for day in ["1", "17", "1er", "1ER", "123", "", "1e", "er", "x7"] {
            for month in ["November", "décembre", "Août", "", "12", "No-vember", "ΜΑΪΟΥ"] {
                for year in ["2015", "15", "20155", "2O15"] {
                    for sep in [" ", "  ", "\u{a0}", "\t", ""] {
                        texts.push(format!("{day}{sep}{month}{sep}{year}"));
                        texts.push(format!("{month}{sep}{day},{sep}{year}"));
                        texts.push(format!("{month}{sep}{day}{sep}{year}"));
                        texts.push(format!(" {day}{sep}{month}{sep}{year}"));
                        texts.push(format!("{day}{sep}{month}{sep}{year} "));
                        texts.push(format!("{day}{sep}{month}{sep}{year} x"));
                    }
                }
                texts.push(format!("{day} {month} takes note"));
                texts.push(format!("“{day} {month} takes note"));
                texts.push(format!("{day}\u{2003}{month}"));
            }
        }
        for t in &texts {
            assert_eq!(is_date(t), date.is_match(t), "{t:?}");
            let n = matches!(number(t), Some(Number::Bare(_)));
            let first_ok = first_after_quote(t).is_some_and(may_open_number);
            assert_eq!(n, first_ok && bare.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn patterns_never_match_where_the_first_character_rules_them_out() {
        // Every line and every line's tail of the bundled texts, and every character after a
        // quote and spaces.
        let mut texts: Vec<String> = vec![];
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).expect("data/")
        {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            for line in text.lines() {
                texts.extend(line.char_indices().map(|(k, _)| line[k..].to_string()).take(40));
            }
        }
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            for head in ["", "“", "« ", "\"\u{a0}"] {
                for tail in [
                    "",
                    ". Decides",
                    ") a",
                    "a) Two",
                    "12) b",
                    "ii) c",
                    ".1 By",
                    "5 Condemns",
                    " Decides",
                    " plenary meeting",
                    "nnex II",
                    "rticle 1",
                    "he General Assembly,",
                    "’Assemblée générale,",
                    "e Conseil de sécurité,",
                ] {
                    texts.push(format!("{head}{c}{tail}"));
                }
            }
        }
        let mut matched = [0; 4];
        for t in &texts {
            let first = first_after_quote(t);
            let trimmed = t.trim_start_matches(['“', '«', '"']).trim();
            let checks = [
                (NUMBER.is_match(t), first.is_some_and(may_open_number)),
                (
                    ANNEX.is_match(trimmed)
                        || ARTICLE.is_match(trimmed)
                        || SECTION.is_match(trimmed),
                    trimmed.starts_with(may_open_heading),
                ),
                (OPENING.is_match(t), first.is_some_and(|c| matches!(c, 't' | 'T' | 'l' | 'L'))),
                (CLOSING.is_match(t), t.starts_with(char::is_numeric)),
            ];
            for (k, (pattern, may)) in checks.into_iter().enumerate() {
                assert!(may || !pattern, "pattern {k} matches {t:?}");
                matched[k] += usize::from(pattern);
            }
        }
        // The texts do exercise every pattern.
        assert!(matched.iter().all(|&m| m > 0), "{matched:?}");
    }

    #[test]
    fn the_operative_number_a_paragraph_opens_with() {
        assert_eq!(operative_label_end("6. Requests"), Some(2));
        assert_eq!(operative_label_end("11 Condemns"), Some(2));
        assert_eq!(operative_label_end("“12. Decides"), Some("“12.".len()));
        assert_eq!(operative_label_end("1.1 By 2030"), Some(3));
        assert_eq!(operative_label_end("Recalls 55/25"), None);
        assert_eq!(operative_label_end("2000, by which"), None);
    }

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(number("1. Takes note"), Some(Number::Operative(1)));
        assert_eq!(number("“12. Requests"), Some(Number::Operative(12)));
        assert_eq!(number("(a) Two plenary"), Some(Number::Letter("a".into())));
        assert_eq!(number("a) deux séances"), Some(Number::Letter("a".into())));
        assert_eq!(number("ii)\u{a0}aux dépenses"), None.or(number("ii) aux dépenses")));
        assert_eq!(number("1.1 By 2030"), Some(Number::Decimal(1, "1".into())));
        assert_eq!(number("Recalling 55/25"), None);
        assert_eq!(number("2000, by which"), None);
    }

    #[test]
    fn a_numbered_list_inside_a_paragraph_is_nested_in_it() {
        // S/RES/2705 (2023), S/RES/2713 (2023): "1." and "2." after "…:" inside paragraph 3,
        // as the French "1)" and "2)" are; the next paragraph takes up the numbering.
        let got = labels(&[
            "The Security Council,",
            "1. Decides;",
            "2. Decides;",
            "3. Requests the mission to:",
            "1. protect civilians;",
            "2. ensure support;",
            "4. Decides to remain seized.",
        ]);
        assert_eq!(got, ["opening", "op.1", "op.2", "op.3", "op.3.1", "op.3.2", "op.4"]);
        // Without the colon, or straight after a heading, "1." is a numbering of its own.
        let got = labels(&["The Security Council,", "1. a;", "2. b;", "3. c.", "1. d;"]);
        assert_eq!(got, ["opening", "op.1", "op.2", "op.3", "op.1"]);
        let got = labels(&["The Security Council,", "1. a;", "2. b:", "Annex", "1. d;"]);
        assert_eq!(got, ["opening", "op.1", "op.2", "annex", "annex.op.1"]);
    }

    #[test]
    fn sub_paragraphs_nest_and_roman_numerals_are_told_from_letters() {
        let got = labels(&[
            "The General Assembly,",
            "Recalling,",
            "1. Decides:",
            "(a) x;",
            "(i) y;",
            "(ii) z;",
            "(b) w;",
            "2. Requests",
            "(a) a",
            "(b) b",
            "(c) c",
            "(d) d",
            "(e) e",
            "(f) f",
            "(g) g",
            "(h) h",
            "(i) i",
        ]);
        assert_eq!(
            got,
            [
                "opening",
                "pre.1",
                "op.1",
                "op.1.a",
                "op.1.a.i",
                "op.1.a.ii",
                "op.1.b",
                "op.2",
                "op.2.a",
                "op.2.b",
                "op.2.c",
                "op.2.d",
                "op.2.e",
                "op.2.f",
                "op.2.g",
                "op.2.h",
                "op.2.i"
            ]
        );
    }

    #[test]
    fn roman_numerals_above_letters() {
        let got = labels(&[
            "The Security Council,",
            "2. Decides:",
            "(i) Assist",
            "a. Assist",
            "b. Provide",
            "(ii) Support",
            "a. Provide",
            "3. Requests",
        ]);
        assert_eq!(
            got,
            ["opening", "op.2", "op.2.i", "op.2.i.a", "op.2.i.b", "op.2.ii", "op.2.ii.a", "op.3"]
        );
    }

    #[test]
    fn sections_annexes_and_articles_prefix_the_numbers() {
        let got = labels(&[
            "The General Assembly,",
            "I",
            "Human rights",
            "1. Decides",
            "II",
            "1. Decides",
            "25th plenary meeting",
            "Annex",
            "1. Four meetings",
            "Article premier",
            "1. Tous",
        ]);
        assert_eq!(
            got,
            [
                "opening",
                "sec.I",
                "head.1",
                "sec.I.op.1",
                "sec.II",
                "sec.II.op.1",
                "closing",
                "annex",
                "annex.op.1",
                "annex.art.1",
                "annex.art.1.op.1"
            ]
        );
    }

    #[test]
    fn a_footnote_marker_after_the_closing_comma_does_not_make_a_heading() {
        // A/RES/70/10 read from its PDF: the marker is a superscript digit after the comma
        for t in ["Having received the report for 2014,¹", "Having received the report for 2014, 1"]
        {
            assert!(!looks_like_heading(t), "{t}");
        }
        assert!(looks_like_heading("International cooperation¹"));
    }

    #[test]
    fn roman_values() {
        assert_eq!(roman("iv"), Some(4));
        assert_eq!(roman("xii"), Some(12));
        assert_eq!(roman("b"), None);
        assert_eq!(roman("cc"), None);
    }
}
