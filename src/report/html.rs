//! One self-contained HTML page for a reviser: a summary coloured by the worst finding, the
//! findings errors first, then the two versions side by side, unit by unit, with what each
//! finding points at highlighted in both texts and where each paragraph is in its file.
//!
//! No external style sheet, font or script, so it opens offline and prints. One small inline
//! script of ours filters the findings by severity and kind; the page reads in full without
//! it (the filter stays hidden), and a Content-Security-Policy allows that script alone, by
//! its hash, so nothing that came in with the texts can run.

use super::summary;
use crate::align::{Alignment, Bead};
use crate::check::{Finding, Kind, Report, Severity};
use crate::segment::Place;
use crate::write::text::xml_text;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

const STYLE: &str = r#"
:root { --error: #b00020; --warning: #8a4b00; --info: #2a6f97; --line: #d9d9d9; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem; color: #1b1b1b; }
h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
h3 { font-size: .95rem; margin: .8rem 0 .2rem; }
.files { color: #444; margin: 0 0 .6rem; font-size: .9rem; }
.summary { padding: .5rem .8rem; border-radius: 4px; font-weight: 600; margin: .4rem 0 .8rem; border-left: .4rem solid; }
.summary.complete { background: #e6f4ea; color: #1e5b2e; }
.summary.error { background: #fdecea; color: #7a1c1c; border-color: var(--error); }
.summary.warning { background: #fff4e0; color: #5c3400; border-color: var(--warning); }
.summary.info { background: #eef5fa; color: #1d4a66; border-color: var(--info); }
#filter { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: .85rem; margin: 0 0 .6rem; }
#filter[hidden] { display: none; }
#filter fieldset { border: 1px solid var(--line); border-radius: 4px; padding: .2rem .6rem; margin: 0; }
#filter label { margin-right: .7rem; white-space: nowrap; }
ol.findings { padding-left: 2.2rem; margin: 0 0 .6rem; }
ol.findings li { padding: .1rem 0; }
.where { color: #555; font-size: .85rem; }
.badge { display: inline-block; min-width: 4.5em; font-size: .75rem; font-weight: 700; text-transform: uppercase; color: #fff; border-radius: 3px; padding: 0 .4em; margin-right: .4em; text-align: center; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border-top: 1px solid var(--line); padding: .45rem .5rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { position: sticky; top: 0; background: #f6f6f6; }
col.meta { width: 11rem; }
td.meta { font-size: .8rem; color: #555; }
td.meta b { color: #1b1b1b; font-size: .9rem; }
tr.error td { background: #fdecea; } tr.warning td { background: #fff4e0; } tr.info td { background: #eef5fa; }
td.absent { color: #777; font-style: italic; }
mark { background: #ffd54f; color: inherit; padding: 0 .1em; border-radius: 2px; outline: 1px solid #c79a00; }
.ctl { color: var(--error); font: .75em ui-monospace, monospace; }
tr.note td { border-top: none; padding-top: 0; font-size: .85rem; }
a { color: inherit; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  #filter { display: none; }
  th { position: static; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  a { text-decoration: none; }
}
"#;

/// The filter: shows the filter form (hidden for a page read without scripts), sets it from
/// the address's fragment (`#severity=error,warning&kind=numbering&units=findings`, so that a
/// link can open the page filtered), and hides the findings, notes and units it leaves out.
const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById('filter');
  if (!form) return;
  form.hidden = false;
  var asked = new URLSearchParams(location.hash.slice(1));
  ['severity', 'kind'].forEach(function (name) {
    var v = asked.get(name);
    if (v === null) return;
    var keep = v.split(',');
    form.querySelectorAll('input[name=' + name + ']').forEach(function (box) {
      box.checked = keep.indexOf(box.value) >= 0;
    });
  });
  if (asked.get('units') === 'findings') form.elements.units.checked = true;
  var notes = {};
  document.querySelectorAll('tr.note').forEach(function (n) {
    (notes[n.dataset.unit] = notes[n.dataset.unit] || []).push(n);
  });
  function apply() {
    var on = {};
    form.querySelectorAll('input[name=severity], input[name=kind]').forEach(function (box) {
      on[box.name + ':' + box.value] = box.checked;
    });
    document.querySelectorAll('[data-kind]').forEach(function (el) {
      el.hidden = !(on['severity:' + el.dataset.severity] && on['kind:' + el.dataset.kind]);
    });
    document.querySelectorAll('section.severity').forEach(function (sec) {
      sec.hidden = !sec.querySelector('li:not([hidden])');
    });
    var only = form.elements.units.checked;
    document.querySelectorAll('tr.unit').forEach(function (row) {
      var shown = (notes[row.id] || []).some(function (n) { return !n.hidden; });
      row.hidden = only && !shown;
    });
  }
  form.addEventListener('change', apply);
  apply();
})();
"#;

/// Writes the page.
pub fn html(report: &Report, a: &Alignment, mut w: impl Write) -> io::Result<()> {
    let title =
        format!("paralign check{}", a.symbol().map(|s| format!(": {s}")).unwrap_or_default());
    writeln!(w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(
        w,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{}'; script-src '{}'\">",
        csp_hash(STYLE),
        csp_hash(SCRIPT)
    )?;
    // No markup inside <title>: the name is escaped only.
    writeln!(w, "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>", xml_text(&title))?;
    writeln!(w, "<h1>{}</h1>", escape(&title))?;
    writeln!(
        w,
        "<p class=\"files\">English: {} · French: {}</p>",
        escape(&a.en.source),
        escape(&a.fr.source)
    )?;
    let worst = report.findings.iter().map(|f| f.severity).max();
    let state = worst.map_or("complete", Severity::name);
    writeln!(w, "<p class=\"summary {state}\" id=\"summary\">{}</p>", escape(&summary(report)))?;
    if !report.findings.is_empty() {
        filter(report, &mut w)?;
        findings(report, a, &mut w)?;
    }
    units(report, a, &mut w)?;
    writeln!(w, "<script>{SCRIPT}</script>\n</body>\n</html>")?;
    w.flush()
}

/// The filter form, one box per severity and per kind that occurs, all on; hidden until the
/// script shows it.
fn filter(report: &Report, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "<form id=\"filter\" hidden>\n<fieldset><legend>Severity</legend>")?;
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        if let Some(n) = report.severities.get(s.name()) {
            writeln!(w, "<label><input type=\"checkbox\" name=\"severity\" value=\"{0}\" checked> {0} ({n})</label>", s.name())?;
        }
    }
    writeln!(w, "</fieldset>\n<fieldset><legend>Kind</legend>")?;
    let mut kinds: BTreeMap<Kind, usize> = BTreeMap::new();
    for f in &report.findings {
        *kinds.entry(f.kind).or_default() += 1;
    }
    for (kind, n) in kinds {
        writeln!(
            w,
            "<label><input type=\"checkbox\" name=\"kind\" value=\"{}\" checked> {} ({n})</label>",
            kind.name(),
            kind.plain()
        )?;
    }
    writeln!(w, "</fieldset>\n<fieldset><legend>Units</legend><label><input type=\"checkbox\" name=\"units\" value=\"findings\"> only units with findings</label></fieldset>\n</form>")
}

/// The findings, errors first, then warnings, then information; in unit order within each.
fn findings(report: &Report, a: &Alignment, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "<h2>Findings</h2>")?;
    for (severity, heading) in [
        (Severity::Error, "Errors"),
        (Severity::Warning, "Warnings"),
        (Severity::Info, "Information"),
    ] {
        let these: Vec<&Finding> =
            report.findings.iter().filter(|f| f.severity == severity).collect();
        if these.is_empty() {
            continue;
        }
        writeln!(
            w,
            "<section class=\"severity\"><h3>{heading} ({})</h3>\n<ol class=\"findings\">",
            these.len()
        )?;
        for f in these {
            let target = f.unit.map(|u| format!("#u{u}")).unwrap_or_else(|| "#summary".into());
            let place = f.unit.map(|u| places(a, &a.beads[u])).unwrap_or_default();
            writeln!(
                w,
                "<li {}>{} <a href=\"{target}\"><code>{}</code></a> <b>{}</b> — {}{}</li>",
                data(f),
                badge(f.severity),
                escape(&f.label),
                f.kind.plain(),
                escape(&f.detail),
                if place.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"where\">({})</span>", escape(&place))
                }
            )?;
        }
        writeln!(w, "</ol></section>")?;
    }
    Ok(())
}

/// The two texts unit by unit, each unit's findings under it.
fn units(report: &Report, a: &Alignment, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "<h2>The two texts, unit by unit</h2>")?;
    writeln!(w, "<table>\n<colgroup><col class=\"meta\"><col><col></colgroup>\n<thead><tr><th>Unit</th><th>English</th><th>French</th></tr></thead>\n<tbody>")?;
    // The findings of each unit, gathered once (not one scan of all findings per unit).
    let mut by_unit: Vec<Vec<&Finding>> = vec![Vec::new(); a.beads.len()];
    for f in &report.findings {
        if let Some(list) = f.unit.and_then(|u| by_unit.get_mut(u)) {
            list.push(f);
        }
    }
    for (index, bead) in a.beads.iter().enumerate() {
        let findings = &by_unit[index];
        let worst = findings.iter().map(|f| f.severity).max();
        let class = worst.map(|s| format!("unit {}", s.name())).unwrap_or_else(|| "unit".into());
        let side = |lang: &str, text: std::borrow::Cow<'_, str>, marks: Vec<Range<usize>>| {
            if text.is_empty() {
                format!("<td lang=\"{lang}\" class=\"absent\">no counterpart</td>")
            } else {
                format!("<td lang=\"{lang}\">{}</td>", marked(&text, marks))
            }
        };
        let en_marks = findings.iter().flat_map(|f| f.marks.en.iter().cloned()).collect();
        let fr_marks = findings.iter().flat_map(|f| f.marks.fr.iter().cloned()).collect();
        let place = places(a, bead);
        writeln!(
            w,
            "<tr id=\"u{index}\" class=\"{class}\"><td class=\"meta\"><b>{}</b><br><span title=\"{}\">{}</span> · confidence {:.0}&#x202F;%{}</td>{}{}</tr>",
            escape(a.label(bead)),
            shape(bead),
            bead.kind(),
            bead.score * 100.0,
            if place.is_empty() { String::new() } else { format!("<br>{}", escape(&place)) },
            side("en", a.en_text(bead), en_marks),
            side("fr", a.fr_text(bead), fr_marks)
        )?;
        for f in findings {
            writeln!(
                w,
                "<tr class=\"note {}\" data-unit=\"u{index}\" {}><td></td><td colspan=\"2\">{} <b>{}</b> — {}</td></tr>",
                f.severity.name(),
                data(f),
                badge(f.severity),
                f.kind.plain(),
                escape(&f.detail)
            )?;
        }
    }
    writeln!(w, "</tbody>\n</table>")
}

/// The attributes the filter reads.
fn data(f: &Finding) -> String {
    format!("data-severity=\"{}\" data-kind=\"{}\"", f.severity.name(), f.kind.name())
}

/// "one English paragraph, two French paragraphs".
fn shape(bead: &Bead) -> String {
    let count = |n: usize, language: &str| match n {
        0 => format!("no {language} paragraph"),
        1 => format!("one {language} paragraph"),
        n => format!("{n} {language} paragraphs"),
    };
    format!("{}, {}", count(bead.en.len(), "English"), count(bead.fr.len(), "French"))
}

/// Where a unit's paragraphs start in the two files: "EN line 12 · FR line 14".
fn places(a: &Alignment, bead: &Bead) -> String {
    let first = |d: &crate::segment::Document, r: &Range<usize>| -> Place {
        d.paragraphs.get(r.start).filter(|_| !r.is_empty()).map(|p| p.place).unwrap_or_default()
    };
    [("EN", first(&a.en, &bead.en)), ("FR", first(&a.fr, &bead.fr))]
        .into_iter()
        .filter_map(|(side, place)| {
            let said = place.describe();
            (!said.is_empty()).then(|| format!("{side} {said}"))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A unit's text, escaped, with the ranges findings point at in `<mark>`. Ranges are merged,
/// cut to the text and to character boundaries, so a finding can never break the page.
fn marked(text: &str, mut marks: Vec<Range<usize>>) -> String {
    marks.retain(|r| r.start < r.end && r.end <= text.len());
    marks.retain(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    if marks.is_empty() {
        return escape(text);
    }
    marks.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(marks.len());
    for r in marks {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = String::from("<bdi>");
    let mut at = 0;
    for r in merged {
        out.push_str(&shown(&text[at..r.start]));
        out.push_str("<mark>");
        out.push_str(&shown(&text[r.clone()]));
        out.push_str("</mark>");
        at = r.end;
    }
    out.push_str(&shown(&text[at..]));
    out.push_str("</bdi>");
    out
}

/// The Content-Security-Policy source that allows one inline element by its content.
fn csp_hash(content: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(content.as_bytes());
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// Text from the documents (or their names), escaped and isolated in `<bdi>`, with every
/// bidirectional control character shown as a visible code instead of acting: a U+202E in a
/// paragraph must not reorder what the reviser reads in the report, nor leak into the cells
/// after it.
fn escape(s: &str) -> String {
    format!("<bdi>{}</bdi>", shown(s))
}

/// Text escaped, its bidirectional controls shown as codes (see [`escape`]).
fn shown(s: &str) -> String {
    let escaped = xml_text(s);
    if !escaped.chars().any(is_bidi_control) {
        return escaped.into_owned();
    }
    let mut out = String::with_capacity(escaped.len() + 64);
    for c in escaped.chars() {
        if is_bidi_control(c) {
            let code = format!("U+{:04X}", c as u32);
            out.push_str(&format!("<span class=\"ctl\" title=\"{code}\">[{code}]</span>"));
        } else {
            out.push(c);
        }
    }
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
    fn marks_are_merged_escaped_and_kept_inside_the_text() {
        let text = "a < 2 500 € and 12";
        // overlapping, out of order, past the end, inside a character: merged or left out
        let marks = vec![18..20, 4..9, 6..8, 19..40, 11..12];
        assert_eq!(
            marked(text, marks),
            "<bdi>a &lt; <mark>2 500</mark> € and <mark>12</mark></bdi>"
        );
        assert_eq!(marked(text, vec![]), escape(text));
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
