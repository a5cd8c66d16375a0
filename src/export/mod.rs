//! Exports: an annotation as CSV (one row per indicator) or as SPEC.md's
//! JSON, and a comparison as CSV. The CLI (`zhibiao annotate --format
//! csv|json`, `zhibiao compare --format csv`) calls these functions, and the
//! web page calls the CSV ones through src/wasm.rs (`exportCsv`, and
//! `csvRecords` for the rows of its comparison), so that a CSV exported
//! from the page and one written by the CLI are the same bytes (the page
//! adds a UTF-8 byte-order mark to its download for spreadsheets). The
//! page's JSON is the engine's result object, which is the CLI's JSON field
//! for field (tests/node/wasm-vs-cli.test.mjs), serialised by the browser:
//! serde_json in the wasm build cost 19 KiB of its gzipped size.
//!
//! # Size
//!
//! Every output is linear in the text. The CSV's `context` is not the whole
//! sentence of the figure (a 354 KB sentence of figures once gave 5.66 GB of
//! CSV) but a window around it: at most [`CONTEXT_CHARS`] characters on each
//! side, within the sentence, cut at clause punctuation, and never past the
//! second figure before or after it (`context`). So each character of the
//! text is in the context of at most four rows. The titles of `section_path`
//! are cut at [`TITLE_CHARS`] characters, and the outline is at most twelve
//! levels deep.
//!
//! # Spreadsheet injection
//!
//! A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as a
//! formula (`=HYPERLINK(…)`, `@SUM(…)`, DDE). The text of a report reaches
//! the CSV (value_text, metric, context, section_path, the file name), so,
//! as the OWASP guidance on CSV injection says, a field that begins with one
//! of those characters, a tab or a line break is written with a leading `'`
//! and in quotes: a spreadsheet shows it as text. A field that is a
//! negative number (`-3.2`, a falling value; `-3.2%`) is a number, not a
//! formula, and is written as it is, so numeric columns stay numeric; so is
//! a lone `-` (the `file` of standard input).
//!
//! The rows' other fields have a bounded size or are the indicator's own
//! (value_text, metric), so with the two bounds above the CSV stays within
//! 50 times the text for the texts of tests/data/adversarial-exports.json.

use std::io::{self, Write};

use serde::Serialize;

use crate::{Annotation, Comparison, Indicator, Section};

mod web_annotation;
pub use web_annotation::*;

/// The columns of an annotation's CSV, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "file",
    "id",
    "start",
    "end",
    "value_text",
    "value",
    "value_max",
    "unit",
    "kind",
    "direction",
    "comparator",
    "status",
    "horizon",
    "metric",
    "year",
    "section",
    "section_path",
    "context",
];

/// The columns an English export adds after `CSV_COLUMNS` (`--english`, the
/// page in English): the glossary's English of the metric and of the unit
/// (`crate::glossary`), empty where it has none. `unit_en` is empty too for
/// a measure word English leaves out (`个`, `项`: a bare count).
pub const CSV_ENGLISH_COLUMNS: [&str; 2] = ["metric_en", "unit_en"];

/// The columns of a comparison's CSV, in order: one row per target.
pub const COMPARISON_CSV_COLUMNS: [&str; 32] = [
    "headline",
    "verdict",
    "reason_code",
    "metric_key",
    "match_score",
    "match_basis",
    "target_year",
    "target_id",
    "target_value_text",
    "target_value",
    "target_value_max",
    "target_unit",
    "target_kind",
    "target_direction",
    "target_comparator",
    "target_horizon",
    "target_metric",
    "target_year_written",
    "result_year",
    "result_id",
    "result_value_text",
    "result_value",
    "result_value_max",
    "result_unit",
    "result_status",
    "result_estimate",
    "result_metric",
    "result_year_written",
    "reason",
    "match_note",
    "target_evidence",
    "result_evidence",
];

/// The columns an English comparison CSV adds after `COMPARISON_CSV_COLUMNS`:
/// the glossary's English of the target's and the result's metric.
pub const COMPARISON_CSV_ENGLISH_COLUMNS: [&str; 2] = ["target_metric_en", "result_metric_en"];

/// How far the CSV `context` reaches on each side of the figure, in
/// characters: a clause or two of a report, enough to read the figure by.
pub const CONTEXT_CHARS: usize = 60;

/// The longest title written in a `section_path`, in characters; a longer
/// one is cut and ends in `…`. The longest title of the sample reports is 41
/// characters; most are under 20.
pub const TITLE_CHARS: usize = 30;

/// An annotation of `text` as CSV: the header, then one row per indicator
/// (`csv_rows`). `file` is the `file` column; `english` adds
/// `CSV_ENGLISH_COLUMNS`.
pub fn csv(file: &str, text: &str, annotation: &Annotation, english: bool) -> String {
    let mut out = csv_header(english);
    for row in csv_rows(file, text, annotation, english) {
        out.push_str(&row);
    }
    out
}

/// `csv` with only the indicators `ids`, in that order (the rows a reader
/// has filtered and sorted); ids that are not indicators are skipped.
pub fn csv_selected(file: &str, text: &str, annotation: &Annotation, ids: &[usize], english: bool) -> String {
    let rows: Vec<String> = csv_rows(file, text, annotation, english).collect();
    let mut out = csv_header(english);
    for &id in ids {
        if let Some(row) = rows.get(id) {
            out.push_str(row);
        }
    }
    out
}

/// A reader's correction of one indicator (the page's 更正 / Correct):
/// the fields given replace the engine's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Correction {
    pub id: usize,
    pub metric: Option<String>,
    pub status: Option<crate::Status>,
    pub value: Option<f64>,
}

/// `csv_selected` of `annotation` with `corrections` applied, and a last
/// column `edited` (`true` on a corrected row): what the page exports once
/// a reader has corrected indicators. A corrected metric no longer slices
/// the text, so its span is dropped; a corrected value drops `value_max`.
/// With `english`, `metric_en` is the English of the corrected metric.
pub fn csv_corrected(file: &str, text: &str, annotation: &Annotation, ids: &[usize], corrections: &[Correction], english: bool) -> String {
    let mut a = annotation.clone();
    let mut edited = vec![false; a.indicators.len()];
    for c in corrections {
        let Some(i) = a.indicators.get_mut(c.id) else { continue };
        edited[c.id] = true;
        if let Some(metric) = &c.metric {
            i.metric = Some(metric.clone()).filter(|m| !m.is_empty());
            i.metric_start = None;
            i.metric_end = None;
        }
        if let Some(status) = c.status {
            i.status = status;
        }
        if let Some(value) = c.value.filter(|v| v.is_finite()) {
            i.value = Some(value);
            i.value_max = None;
        }
    }
    let with_flag = |row: &str, flag: &str| format!("{},{flag}\r\n", row.strip_suffix("\r\n").unwrap_or(row));
    let rows: Vec<String> = csv_rows(file, text, &a, english).collect();
    let mut out = with_flag(&csv_header(english), "edited");
    for &id in ids {
        if let Some(row) = rows.get(id) {
            out.push_str(&with_flag(row, if edited[id] { "true" } else { "false" }));
        }
    }
    out
}

/// The header row of an annotation's CSV (`CSV_COLUMNS`, then with
/// `english` `CSV_ENGLISH_COLUMNS`), with its CRLF.
pub fn csv_header(english: bool) -> String {
    let mut out = String::new();
    let english: &[&str] = if english { &CSV_ENGLISH_COLUMNS } else { &[] };
    csv_record(&mut out, CSV_COLUMNS.iter().chain(english).map(|c| Some(*c)));
    out
}

/// The rows of `annotation`, the annotation of `text`, one a string with
/// its CRLF, so that the CLI writes them as they are made: the fields of
/// `CSV_COLUMNS`, RFC 4180 (a field in quotes when it holds a comma, quote
/// or line break), an empty field for null, numbers as plain decimals
/// (1950000000000, never 1.95e12). See the module for `context`,
/// `section_path` and formula cells. With `english`, each row ends in
/// `CSV_ENGLISH_COLUMNS`.
///
/// Strings, not `std::io::Write`: the wasm build carries this code, and
/// std's I/O errors would add to every download of it.
pub fn csv_rows<'a>(file: &'a str, text: &'a str, annotation: &'a Annotation, english: bool) -> impl Iterator<Item = String> + 'a {
    let spans = byte_spans(text, &annotation.indicators);
    // a path for each section that holds a figure, made once
    let mut paths: Vec<Option<String>> = vec![None; annotation.sections.len()];
    annotation.indicators.iter().enumerate().map(move |(k, indicator)| {
        let context = context(text, &spans, k);
        let path = match indicator.section {
            Some(id) if id < paths.len() => Some(paths[id].get_or_insert_with(|| section_path(&annotation.sections, id)).as_str()),
            _ => None,
        };
        indicator_row(file, indicator, path, &context, english)
    })
}

fn indicator_row(file: &str, i: &Indicator, path: Option<&str>, context: &str, english: bool) -> String {
    let number = |v: Option<f64>| v.map(format_number);
    let (id, start, end) = (i.id.to_string(), i.start.to_string(), i.end.to_string());
    let (value, value_max) = (number(i.value), number(i.value_max));
    let year = i.year.map(|y| y.to_string());
    let section = i.section.map(|n| n.to_string());
    let (metric_en, unit_en) = if english { glosses(i) } else { (None, None) };
    let english = if english { [metric_en.as_deref(), unit_en].to_vec() } else { Vec::new() };
    let mut out = String::new();
    csv_record(
        &mut out,
        [
            Some(file),
            Some(id.as_str()),
            Some(start.as_str()),
            Some(end.as_str()),
            Some(i.value_text.as_str()),
            value.as_deref(),
            value_max.as_deref(),
            i.unit.as_deref(),
            Some(i.kind.as_str()),
            i.direction.map(|d| d.as_str()),
            Some(i.comparator.as_str()),
            Some(i.status.as_str()),
            Some(i.horizon.as_str()),
            i.metric.as_deref(),
            year.as_deref(),
            section.as_deref(),
            path,
            Some(context),
        ]
        .into_iter()
        .chain(english),
    );
    out
}

/// The glossary's English of a pair's target metric and result metric
/// (`COMPARISON_CSV_ENGLISH_COLUMNS`), `None` where it has none.
pub fn pair_metrics_en(p: &crate::Pair) -> [Option<String>; 2] {
    [metric_en_of(&p.target), p.result.as_ref().and_then(metric_en_of)]
}

fn metric_en_of(i: &Indicator) -> Option<String> {
    i.metric.as_deref().and_then(crate::glossary::metric_en)
}

/// The glossary's English of an indicator's metric and unit
/// (`crate::glossary`), `None` where it has none.
pub fn glosses(i: &Indicator) -> (Option<String>, Option<&'static str>) {
    (metric_en_of(i), i.unit.as_deref().and_then(crate::glossary::unit_en))
}

/// SPEC.md's JSON of `annotation` (`{"sections", "indicators", "layout"}`),
/// on one line or, with `pretty`, indented by two spaces; a line end after
/// it. What `zhibiao annotate FILE` prints for one file.
pub fn json(annotation: &Annotation, pretty: bool) -> String {
    let mut out = Vec::new();
    write_json(&mut out, annotation, pretty).expect("writing to a Vec never fails");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes `json(annotation, pretty)`, or the same of an `English`.
pub fn write_json(out: &mut impl Write, annotation: &impl Serialize, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, annotation)?;
    } else {
        serde_json::to_writer(&mut *out, annotation)?;
    }
    out.write_all(b"\n")
}

/// An annotation with the glossary's English of each indicator's metric
/// and unit: SPEC.md's JSON with `metric_en` and `unit_en` after each
/// indicator's fields (`null` where the glossary has none; `unit_en` is
/// `""` for a measure word English leaves out). What `zhibiao annotate
/// --english` writes, and the page's JSON export in English.
#[derive(Debug, Serialize)]
pub struct English<'a> {
    pub sections: &'a [Section],
    pub indicators: Vec<Glossed<'a>>,
    pub layout: &'a crate::Layout,
}

/// One indicator with its English (`English`).
#[derive(Debug, Serialize)]
pub struct Glossed<'a> {
    #[serde(flatten)]
    pub indicator: &'a Indicator,
    pub metric_en: Option<String>,
    pub unit_en: Option<&'static str>,
}

impl<'a> English<'a> {
    pub fn new(annotation: &'a Annotation) -> English<'a> {
        // Annotation's fields, named so that one added there fails to compile here
        let Annotation { sections, indicators, layout } = annotation;
        let indicators = indicators
            .iter()
            .map(|indicator| {
                let (metric_en, unit_en) = glosses(indicator);
                Glossed { indicator, metric_en, unit_en }
            })
            .collect();
        English { sections, indicators, layout }
    }
}

/// A comparison as CSV: the header (`COMPARISON_CSV_COLUMNS`, then with
/// `english` `COMPARISON_CSV_ENGLISH_COLUMNS`), then one row per target,
/// written as `csv_rows` writes an annotation's.
pub fn comparison_csv(c: &Comparison, english: bool) -> String {
    let mut out = String::new();
    let english_columns: &[&str] = if english { &COMPARISON_CSV_ENGLISH_COLUMNS } else { &[] };
    csv_record(&mut out, COMPARISON_CSV_COLUMNS.iter().chain(english_columns).map(|c| Some(*c)));
    let num = |v: Option<f64>| v.map_or(String::new(), format_number);
    for p in &c.pairs {
        let t = &p.target;
        let r = p.result.as_ref();
        let year = |y: Option<i32>| y.map_or(String::new(), |y| y.to_string());
        let mut fields: Vec<String> = vec![
            p.headline.to_string(),
            p.verdict.as_str().to_string(),
            p.reason_code.as_str().to_string(),
            p.metric_key.clone().unwrap_or_default(),
            format_number(p.match_score),
            p.match_basis.map_or(String::new(), |b| b.as_str().to_string()),
            year(p.target_year),
            t.id.to_string(),
            t.value_text.clone(),
            num(t.value),
            num(t.value_max),
            t.unit.clone().unwrap_or_default(),
            t.kind.as_str().to_string(),
            t.direction.map_or(String::new(), |d| d.as_str().to_string()),
            t.comparator.as_str().to_string(),
            t.horizon.as_str().to_string(),
            t.metric.clone().unwrap_or_default(),
            year(t.year),
            year(p.result_year),
            r.map_or(String::new(), |r| r.id.to_string()),
            r.map_or(String::new(), |r| r.value_text.clone()),
            num(r.and_then(|r| r.value)),
            num(r.and_then(|r| r.value_max)),
            r.and_then(|r| r.unit.clone()).unwrap_or_default(),
            r.map_or(String::new(), |r| r.status.as_str().to_string()),
            r.map_or(String::new(), |_| p.estimate.to_string()),
            r.and_then(|r| r.metric.clone()).unwrap_or_default(),
            year(r.and_then(|r| r.year)),
            p.reason.clone(),
            p.match_note.clone().unwrap_or_default(),
            p.target_evidence.text.clone(),
            p.result_evidence.as_ref().map_or(String::new(), |e| e.text.clone()),
        ];
        if english {
            fields.extend(pair_metrics_en(p).map(Option::unwrap_or_default));
        }
        csv_record(&mut out, fields.iter().map(|f| Some(f.as_str())));
    }
    out
}

/// A number as a plain decimal: Rust's `Display` for `f64` gives the
/// shortest digits that read back exactly and never an exponent.
pub fn format_number(value: f64) -> String {
    value.to_string()
}

/// The titles from the top of the outline down to `section`, joined by
/// ` > `, each cut at `TITLE_CHARS` characters (then ending in `…`). A bad
/// parent link (a loop, a missing id) ends the path instead of looping.
pub fn section_path(sections: &[Section], section: usize) -> String {
    let mut titles = Vec::new();
    let mut next = Some(section);
    while let Some(id) = next.filter(|_| titles.len() < sections.len()) {
        let Some(section) = sections.get(id) else {
            break;
        };
        titles.push(cut(&section.title, TITLE_CHARS));
        next = section.parent;
    }
    titles.reverse();
    titles.join(" > ")
}

/// `s` up to `chars` characters, with `…` when cut.
fn cut(s: &str, chars: usize) -> String {
    match s.char_indices().nth(chars) {
        None => s.to_string(),
        Some((at, _)) => format!("{}…", &s[..at]),
    }
}

/// Appends one CSV record and its CRLF to `out`; `None` is an empty field.
pub fn csv_record<'a>(out: &mut String, fields: impl IntoIterator<Item = Option<&'a str>>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, field.unwrap_or(""));
    }
    out.push_str("\r\n");
}

/// Appends one field: RFC 4180 quoting when it holds a comma, quote or line
/// break, and a leading `'` in quotes when a spreadsheet would read it as a
/// formula (the module's "Spreadsheet injection").
pub fn csv_field(out: &mut String, field: &str) {
    let formula = is_formula_like(field);
    if !formula && !field.contains([',', '"', '\r', '\n']) {
        out.push_str(field);
        return;
    }
    out.push_str(if formula { "\"'" } else { "\"" });
    for (n, part) in field.split('"').enumerate() {
        if n > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
}

/// Whether a spreadsheet could take `field` for a formula: it begins with
/// one of OWASP's trigger characters (`=`, `+`, `-`, `@`, tab, CR; LF too)
/// and is not a negative number (`-3.2`, `-3.2%`, which a spreadsheet reads
/// as the number it is) or a lone `-` (standard input's `file`, text to a
/// spreadsheet).
fn is_formula_like(field: &str) -> bool {
    match field.as_bytes().first() {
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r' | b'\n') => true,
        Some(b'-') => {
            let rest = &field[1..];
            !(rest.is_empty() || is_plain_number(rest.strip_suffix('%').unwrap_or(rest)))
        }
        _ => false,
    }
}

/// `31`, `8.1`: digits with at most one decimal point inside them.
fn is_plain_number(s: &str) -> bool {
    let (int, frac) = s.split_once('.').unwrap_or((s, "1"));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    digits(int) && digits(frac)
}

/// Where a sentence ends: after it (with any closing quotes or brackets),
/// the next begins.
fn is_final(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\'')
}

/// Where a clause ends, within a sentence.
fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':')
}

/// The CSV `context` of each of `indicators` (in the order of the text, as
/// an annotation lists them; offsets in UTF-16 code units of `text`): the
/// text around the figure, trimmed, each run of whitespace one space.
///
/// The window holds the figure and reaches out on each side to the end of
/// its sentence (`。！？!?` with the closing quotes after them, or a line
/// break), but no further than `CONTEXT_CHARS` characters, and no further
/// than the second figure before or after it (so at most one other figure
/// on each side is in it). Where one of those two limits cuts the window,
/// it is drawn back to the nearest clause end (`，,；;：:`) so that it holds
/// whole clauses; if the figure's own clause is cut, the cut is marked `…`.
///
/// Linear: a character lies in the windows of at most four figures.
pub fn contexts(text: &str, indicators: &[Indicator]) -> Vec<String> {
    let spans = byte_spans(text, indicators);
    (0..indicators.len()).map(|k| context(text, &spans, k)).collect()
}

/// The context of the `k`th figure; `spans` are the figures' byte spans.
fn context(text: &str, spans: &[(usize, usize)], k: usize) -> String {
    let (s, e) = spans[k];
    let left_limit = k.checked_sub(2).map_or(0, |p| spans[p].1).min(s);
    let right_limit = spans.get(k + 2).map_or(text.len(), |n| n.0).max(e);
    let (l, open) = left_edge(text, s, left_limit);
    let (r, open_end) = right_edge(text, e, right_limit);
    let mut context = String::with_capacity(r - l + 6);
    if open {
        context.push('…');
    }
    for (n, word) in text[l..r].split_whitespace().enumerate() {
        if n > 0 {
            context.push(' ');
        }
        context.push_str(word);
    }
    if open_end {
        context.push('…');
    }
    context
}

/// Where the context of a figure starting at byte `s` begins, and whether
/// it begins inside a clause (to be marked `…`).
fn left_edge(text: &str, s: usize, limit: usize) -> (usize, bool) {
    let mut l = s;
    let mut cut = limit > 0;
    for (n, (at, c)) in text[limit..s].char_indices().rev().enumerate() {
        if is_final(c) || is_line_break(c) {
            cut = false;
            break;
        }
        if n == CONTEXT_CHARS {
            cut = true;
            break;
        }
        l = limit + at;
    }
    if !cut {
        // a sentence begins after the closing quotes of the one before
        let skip = text[l..s].find(|c: char| !is_closer(c)).unwrap_or(s - l);
        return (l + skip, false);
    }
    match text[l..s].char_indices().find(|&(_, c)| is_clause_end(c)) {
        Some((at, c)) => (l + at + c.len_utf8(), false),
        None => (l, true),
    }
}

/// Where the context of a figure ending at byte `e` ends, and whether it
/// ends inside a clause.
fn right_edge(text: &str, e: usize, limit: usize) -> (usize, bool) {
    let mut r = e;
    let mut cut = limit < text.len();
    let mut after_final = false;
    for (n, (at, c)) in text[e..limit].char_indices().enumerate() {
        if is_line_break(c) || after_final && !is_closer(c) {
            cut = false;
            break;
        }
        if n == CONTEXT_CHARS {
            cut = !after_final;
            break;
        }
        r = e + at + c.len_utf8();
        after_final |= is_final(c);
    }
    if !cut || after_final {
        return (r, false);
    }
    match text[e..r].char_indices().rev().find(|&(_, c)| is_clause_end(c)) {
        Some((at, _)) => (e + at, false),
        None => (r, true),
    }
}

/// The byte spans of `indicators` in `text`, from their UTF-16 offsets: one
/// pass over the text for figures in its order (an offset before the last
/// one found starts the walk again); an offset inside a surrogate pair goes
/// to its character's start, one past the end to the end.
fn byte_spans(text: &str, indicators: &[Indicator]) -> Vec<(usize, usize)> {
    let mut at = Utf16Cursor::default();
    indicators
        .iter()
        .map(|i| {
            at.seek(text, i.start);
            let start = at.byte;
            let mut end = at;
            end.seek(text, i.end.max(i.start));
            (start, end.byte)
        })
        .collect()
}

/// A place in a text, as a byte and a UTF-16 offset.
#[derive(Clone, Copy, Default)]
struct Utf16Cursor {
    byte: usize,
    utf16: usize,
}

impl Utf16Cursor {
    /// Moves to the character holding the UTF-16 offset `to`.
    fn seek(&mut self, text: &str, to: usize) {
        if to < self.utf16 {
            *self = Utf16Cursor::default();
        }
        for c in text[self.byte..].chars() {
            if self.utf16 + c.len_utf16() > to {
                break;
            }
            self.utf16 += c.len_utf16();
            self.byte += c.len_utf8();
        }
    }
}

#[cfg(test)]
mod tests;
