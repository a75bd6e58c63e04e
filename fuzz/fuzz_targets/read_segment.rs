//! Any bytes → `read::decode` (encoding detected, or forced by the first byte) → segment
//! as English and as French. Decoding either fails with an error or gives normalised text;
//! segmenting never fails, and gives paragraphs with text, on one line, inside the text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use paralign::read::{decode, ReadOptions};
use paralign::segment::{segment, Language};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else { return };
    let encoding = match choice % 8 {
        0 => Some(encoding_rs::UTF_8),
        1 => Some(encoding_rs::UTF_16LE),
        2 => Some(encoding_rs::UTF_16BE),
        3 => Some(encoding_rs::WINDOWS_1252),
        _ => None,
    };
    let Ok(text) =
        decode(bytes, Path::new("fuzz.txt"), &ReadOptions { encoding, ..ReadOptions::default() })
    else {
        return;
    };
    assert!(!text.content.trim().is_empty());
    assert!(
        !text.content.contains(|c: char| (c.is_control() && !matches!(c, '\n' | '\t' | '\u{c}'))
            || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2028}' | '\u{2029}')),
        "{:?}",
        text.content
    );
    for language in [Language::En, Language::Fr] {
        let doc = segment(&text, language);
        for p in &doc.paragraphs {
            assert!(!p.text.trim().is_empty(), "empty paragraph {p:?}");
            assert!(!p.text.contains('\n'), "unflowed paragraph {p:?}");
            assert!(p.span.start <= p.span.end && p.span.end <= text.content.len(), "span {p:?}");
        }
    }
});
