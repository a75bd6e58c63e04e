//! Reports: a check [`Report`] (with its alignment) → text for a terminal, JSON for tools, or
//! one self-contained HTML page for revisers.

mod html;

use crate::align::Alignment;
use crate::check::{excerpt, Finding, Report, Severity};
use serde::Serialize;
use std::io::{self, Write};

pub use html::html;

/// The JSON document `paralign check --format json` writes (its schema is in the README).
#[derive(Serialize)]
struct JsonReport<'a> {
    en_file: &'a str,
    fr_file: &'a str,
    symbol: Option<&'a str>,
    complete: bool,
    units: usize,
    counts: &'a std::collections::BTreeMap<&'static str, usize>,
    severities: &'a std::collections::BTreeMap<&'static str, usize>,
    footnotes: &'a crate::check::Footnotes,
    findings: &'a [Finding],
}

/// Writes the report as one JSON object.
pub fn json(report: &Report, a: &Alignment, mut w: impl Write) -> io::Result<()> {
    let doc = JsonReport {
        en_file: &a.en.source,
        fr_file: &a.fr.source,
        symbol: a.symbol(),
        complete: report.complete,
        units: report.units,
        counts: &report.counts,
        severities: &report.severities,
        footnotes: &report.footnotes,
        findings: &report.findings,
    };
    serde_json::to_writer_pretty(&mut w, &doc)?;
    writeln!(w)?;
    w.flush()
}

/// Writes one finding a line, then a summary line; ANSI colours when `colour` is set.
pub fn text(report: &Report, a: &Alignment, colour: bool, mut w: impl Write) -> io::Result<()> {
    let paint = |s: &str, severity: Severity| -> String {
        if !colour {
            return s.to_string();
        }
        let code = match severity {
            Severity::Error => "31;1",
            Severity::Warning => "33",
            Severity::Info => "36",
        };
        format!("\x1b[{code}m{s}\x1b[0m")
    };
    writeln!(
        w,
        "{} / {}{}",
        a.en.source,
        a.fr.source,
        a.symbol().map(|s| format!(" ({s})")).unwrap_or_default()
    )?;
    for f in &report.findings {
        let side =
            |s: &str| if s.is_empty() { "—".to_string() } else { format!("“{}”", short(s)) };
        writeln!(
            w,
            "{} {:<15} {:<12} {} | EN {} | FR {}",
            paint(&format!("{:<7}", f.severity.name()), f.severity),
            f.kind.name(),
            f.label,
            f.detail,
            side(&f.en),
            side(&f.fr)
        )?;
    }
    let list = |n: &[u32]| {
        if n.is_empty() {
            "none".to_string()
        } else {
            n.iter().map(u32::to_string).collect::<Vec<_>>().join(" ")
        }
    };
    if !(report.footnotes.en.is_empty() && report.footnotes.fr.is_empty()) {
        writeln!(
            w,
            "footnotes: English {}; French {}",
            list(&report.footnotes.en),
            list(&report.footnotes.fr)
        )?;
    }
    writeln!(w, "{}", summary(report))?;
    w.flush()
}

/// "18 units; incomplete: 1 warning (missing_in_fr 1)".
pub fn summary(report: &Report) -> String {
    let state = if report.complete { "complete" } else { "incomplete" };
    if report.findings.is_empty() {
        return format!("{} units; complete: nothing found", report.units);
    }
    let severities: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .filter_map(|s| {
            report
                .severities
                .get(s.name())
                .map(|n| format!("{n} {}{}", s.name(), if *n == 1 { "" } else { "s" }))
        })
        .collect();
    let kinds: Vec<String> = report.counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
    format!("{} units; {state}: {} ({})", report.units, severities.join(", "), kinds.join(", "))
}

fn short(s: &str) -> String {
    let e = excerpt(s);
    if e.chars().count() > 48 {
        format!("{} …", e.chars().take(46).collect::<String>().trim_end())
    } else {
        e
    }
}
