//! One self-contained HTML page: the two versions side by side, unit by unit, findings
//! highlighted, a summary at the top. No script, no external style sheet or font, so it opens
//! offline, prints, and cannot run anything that came in with the texts.

use super::summary;
use crate::align::Alignment;
use crate::check::{Report, Severity};
use crate::write::text::xml_text;
use std::io::{self, Write};

const STYLE: &str = r#"
:root { --error: #b00020; --warning: #a35c00; --info: #2a6f97; --line: #d9d9d9; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem; color: #1b1b1b; }
h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
.files { color: #555; margin: 0 0 .6rem; font-size: .9rem; }
.summary { padding: .5rem .8rem; border-radius: 4px; font-weight: 600; margin: .4rem 0 .8rem; }
.summary.complete { background: #e6f4ea; color: #1e5b2e; }
.summary.incomplete { background: #fdecea; color: #7a1c1c; }
ul.findings { list-style: none; padding: 0; margin: 0 0 1rem; }
ul.findings li { padding: .15rem 0; }
.badge { display: inline-block; min-width: 4.5em; font-size: .75rem; font-weight: 700; text-transform: uppercase; color: #fff; border-radius: 3px; padding: 0 .4em; margin-right: .4em; text-align: center; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border-top: 1px solid var(--line); padding: .45rem .5rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { position: sticky; top: 0; background: #f6f6f6; }
col.meta { width: 8.5rem; }
td.meta { font-size: .8rem; color: #555; }
td.meta b { color: #1b1b1b; font-size: .9rem; }
tr.error td { background: #fdecea; } tr.warning td { background: #fff4e0; } tr.info td { background: #eef5fa; }
td.absent { color: #999; font-style: italic; }
.ctl { color: var(--error); font: .75em ui-monospace, monospace; }
tr.note td { border-top: none; padding-top: 0; font-size: .85rem; }
a { color: inherit; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  th { position: static; }
  tr { page-break-inside: avoid; }
  a { text-decoration: none; }
}
"#;

/// Writes the page.
pub fn html(report: &Report, a: &Alignment, mut w: impl Write) -> io::Result<()> {
    let title =
        format!("paralign check{}", a.symbol().map(|s| format!(": {s}")).unwrap_or_default());
    writeln!(w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    // No markup inside <title>: the name is escaped only.
    writeln!(w, "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>", xml_text(&title))?;
    writeln!(w, "<h1>{}</h1>", escape(&title))?;
    writeln!(
        w,
        "<p class=\"files\">English: {} · French: {}</p>",
        escape(&a.en.source),
        escape(&a.fr.source)
    )?;
    let state = if report.complete { "complete" } else { "incomplete" };
    writeln!(w, "<p class=\"summary {state}\" id=\"summary\">{}</p>", escape(&summary(report)))?;
    if !report.findings.is_empty() {
        writeln!(w, "<ul class=\"findings\">")?;
        for f in &report.findings {
            let target = f.unit.map(|u| format!("#u{u}")).unwrap_or_else(|| "#summary".into());
            writeln!(
                w,
                "<li>{} <a href=\"{target}\"><code>{}</code></a> {} — {}</li>",
                badge(f.severity),
                escape(&f.label),
                escape(f.kind.name()),
                escape(&f.detail)
            )?;
        }
        writeln!(w, "</ul>")?;
    }
    writeln!(w, "<table>\n<colgroup><col class=\"meta\"><col><col></colgroup>\n<thead><tr><th>Unit</th><th>English</th><th>French</th></tr></thead>\n<tbody>")?;
    // The findings of each unit, gathered once (not one scan of all findings per unit).
    let mut by_unit: Vec<Vec<&crate::check::Finding>> = vec![Vec::new(); a.beads.len()];
    for f in &report.findings {
        if let Some(list) = f.unit.and_then(|u| by_unit.get_mut(u)) {
            list.push(f);
        }
    }
    for (index, bead) in a.beads.iter().enumerate() {
        let findings = &by_unit[index];
        let worst = findings.iter().map(|f| f.severity).max();
        let class = worst.map(|s| format!(" class=\"{}\"", s.name())).unwrap_or_default();
        let side = |text: std::borrow::Cow<'_, str>| {
            if text.is_empty() {
                "<td class=\"absent\">no counterpart</td>".to_string()
            } else {
                format!("<td>{}</td>", escape(&text))
            }
        };
        writeln!(
            w,
            "<tr id=\"u{index}\"{class}><td class=\"meta\"><b>{}</b><br>{} · {:.2}</td>{}{}</tr>",
            escape(a.label(bead)),
            bead.kind(),
            bead.score,
            side(a.en_text(bead)).replacen("<td", "<td lang=\"en\"", 1),
            side(a.fr_text(bead)).replacen("<td", "<td lang=\"fr\"", 1)
        )?;
        for f in findings {
            writeln!(
                w,
                "<tr class=\"note {}\"><td></td><td colspan=\"2\">{} {} — {}</td></tr>",
                f.severity.name(),
                badge(f.severity),
                escape(f.kind.name()),
                escape(&f.detail)
            )?;
        }
    }
    writeln!(w, "</tbody>\n</table>\n</body>\n</html>")?;
    w.flush()
}

/// Text from the documents (or their names), escaped and isolated in `<bdi>`, with every
/// bidirectional control character shown as a visible code instead of acting: a U+202E in a
/// paragraph must not reorder what the reviser reads in the report, nor leak into the cells
/// after it.
fn escape(s: &str) -> String {
    let escaped = xml_text(s);
    if !escaped.chars().any(is_bidi_control) {
        return format!("<bdi>{escaped}</bdi>");
    }
    let mut out = String::with_capacity(escaped.len() + 64);
    out.push_str("<bdi>");
    for c in escaped.chars() {
        if is_bidi_control(c) {
            let code = format!("U+{:04X}", c as u32);
            out.push_str(&format!("<span class=\"ctl\" title=\"{code}\">[{code}]</span>"));
        } else {
            out.push(c);
        }
    }
    out.push_str("</bdi>");
    out
}

/// The characters that change the direction of the text around them (Unicode Bidirectional
/// Algorithm: embeddings, overrides, isolates and marks).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn badge(s: Severity) -> String {
    format!("<span class=\"badge {0}\">{0}</span>", s.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_the_texts_is_escaped() {
        // One escaper for XML and HTML (write::text::xml_text): what matters here is that the
        // markup characters of a text cannot open an element, and that a form feed from PDF
        // text is a space.
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\"\u{c}"),
            "<bdi>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot; </bdi>"
        );
    }

    #[test]
    fn bidirectional_controls_are_shown_not_obeyed() {
        let shown = escape("price \u{202E}001$\u{202C} and \u{2067}x\u{2069}");
        assert!(!shown.chars().any(is_bidi_control), "{shown}");
        assert_eq!(
            shown,
            "<bdi>price <span class=\"ctl\" title=\"U+202E\">[U+202E]</span>001$<span class=\"ctl\" title=\"U+202C\">[U+202C]</span> and <span class=\"ctl\" title=\"U+2067\">[U+2067]</span>x<span class=\"ctl\" title=\"U+2069\">[U+2069]</span></bdi>"
        );
    }
}
