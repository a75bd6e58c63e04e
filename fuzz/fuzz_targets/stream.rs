//! Any bytes as `paralign stream`'s standard input, with a small record limit (so that the
//! too-long path is reached) → the record loop of the command. It never panics; what it writes
//! is JSON lines, each an object with an "id"; each record line gives units or one error
//! record; input that is binary data (a NUL byte) is the one error that ends the run.

#![no_main]

use libfuzzer_sys::fuzz_target;
use paralign::corpus::stream;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the limit: from 1 byte to a few hundred.
    let Some((&pick, input)) = data.split_first() else { return };
    let limit = 1 + u64::from(pick) * 4;
    let mut out = Vec::new();
    let result = stream::run(&mut &input[..], &mut out, limit, &Default::default());
    match result {
        Ok(code) => assert_eq!(code, 0),
        Err(ref e) => assert!(input.contains(&0), "only binary input ends the run: {e}"),
    }
    let text = std::str::from_utf8(&out).expect("the output is UTF-8");
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each output line is JSON");
        assert!(v.get("id").is_some(), "every record carries an id: {line}");
    }
    if result.is_ok() {
        // Every line that is not blank gives at least one output line.
        // As the command reads them: a byte order mark opening the input is not part of the
        // first record, and a line of Unicode white space is blank.
        let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        let records = input
            .split(|&b| b == b'\n')
            .filter(|l| !String::from_utf8_lossy(l).trim().is_empty())
            .count();
        assert!(text.lines().count() >= records, "{records} records, output:\n{text}");
    }
});
