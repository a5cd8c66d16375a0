//! The invariants of SPEC.md that hold for the annotation of any text, in
//! one place: the tests (`tests/spans.rs`, `tests/properties.rs`,
//! `tests/pathological.rs`, `tests/regressions.rs`) and the fuzz targets
//! (`fuzz/src/lib.rs`) include this file with `mod invariants;` or
//! `#[path]`.
//!
//! It is test code, so it lives with the tests and not in the library: the
//! library's users and its wasm build do not carry it, and it depends only
//! on the library's public types and serde_json.
//!
//! All offsets are UTF-16 code units, end exclusive, as in SPEC.md §1.

#![allow(dead_code)] // each including crate uses its own part

use zhibiao::{Annotation, Kind};

/// Panics with the first invariant `a` breaks as the annotation of `text`;
/// `what` names the input in the message.
pub fn check(text: &str, a: &Annotation, what: &str) {
    if let Err(message) = violation(text, a) {
        panic!("{what}: {message}");
    }
}

/// The first invariant `a` breaks as the annotation of `text`, as a
/// message, or `Ok` when it keeps them all. Linear in the sizes of `text`
/// and `a` (plus a binary search per indicator), so it runs on
/// multi-megabyte inputs too.
pub fn violation(text: &str, a: &Annotation) -> Result<(), String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    sections(&units, a)?;
    indicators(&units, a)?;
    layout(&units, a)?;
    json_round_trip(a)
}

/// `s` cut to 40 characters for a message: a figure or title in a
/// pathological input can be megabytes long.
fn short(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((k, _)) => format!("{}…", &s[..k]),
        None => s.to_string(),
    }
}

/// `units[start..end]` as a string, when the span lies inside the text,
/// is not empty, and neither end falls between the two halves of a
/// surrogate pair.
fn slice(units: &[u16], start: usize, end: usize) -> Result<String, String> {
    if !(start < end && end <= units.len()) {
        return Err(format!("span {start}..{end} is empty or outside 0..{}", units.len()));
    }
    let splits_pair = |k: usize| k < units.len() && (0xDC00..0xE000).contains(&units[k]) && k > 0 && (0xD800..0xDC00).contains(&units[k - 1]);
    if splits_pair(start) || splits_pair(end) {
        return Err(format!("span {start}..{end} splits a surrogate pair"));
    }
    // Lone surrogates cannot occur: `text` is a &str. The lossy decoding
    // only matters if a bug makes one up.
    Ok(String::from_utf16_lossy(&units[start..end]))
}

fn sections(units: &[u16], a: &Annotation) -> Result<(), String> {
    let mut last_end = 0;
    for (i, s) in a.sections.iter().enumerate() {
        let at = format!("section {i} ({:?})", short(&s.title));
        if s.id != i {
            return Err(format!("{at}: id {} is not its index", s.id));
        }
        let span = slice(units, s.start, s.end).map_err(|e| format!("{at}: {e}"))?;
        if s.start < last_end {
            return Err(format!("{at}: starts at {} before the previous section ends at {last_end}", s.start));
        }
        last_end = s.end;
        let after_marker = match &s.marker {
            Some(m) if m.is_empty() => return Err(format!("{at}: empty marker")),
            Some(m) => span.strip_prefix(m.as_str()).ok_or_else(|| format!("{at}: span {:?} does not open with marker {m:?}", short(&span)))?,
            None => span.as_str(),
        };
        if s.title.is_empty() {
            return Err(format!("{at}: empty title"));
        }
        // the title is the heading as read: the span's text, but for what
        // the layout layer reads as nothing (line breaks and indents of a
        // wrapped line, page furniture, invisible characters)
        if !reads_as(after_marker, &s.title) {
            return Err(format!("{at}: span {:?} has no title {:?} after its marker", short(&span), short(&s.title)));
        }
        if s.title.ends_with(['。', '：', '；', '，']) {
            return Err(format!("{at}: title ends with sentence punctuation"));
        }
        match s.parent {
            None if s.level != 1 => return Err(format!("{at}: no parent but level {}", s.level)),
            None => {}
            Some(p) if p >= i => return Err(format!("{at}: parent {p} is not before it")),
            Some(p) if a.sections[p].level >= s.level => return Err(format!("{at}: parent {p} has level {} ≥ its level {}", a.sections[p].level, s.level)),
            Some(_) => {}
        }
    }
    Ok(())
}

/// Whether `read` is `written` with characters left out (white space
/// read as a space where a line break joined two words).
fn reads_as(written: &str, read: &str) -> bool {
    let mut w = written.chars();
    read.chars().all(|r| w.by_ref().any(|c| c == r || (r == ' ' && c.is_whitespace())))
}

/// The chrome spans lie in the text, in order, apart, and hold no section
/// and no indicator.
fn layout(units: &[u16], a: &Annotation) -> Result<(), String> {
    let mut last_end = 0;
    for c in &a.layout.chrome {
        if c.start < last_end || c.end <= c.start || c.end > units.len() {
            return Err(format!("layout: chrome {}..{} is out of order, empty or outside 0..{}", c.start, c.end, units.len()));
        }
        last_end = c.end;
        let inside = |start: usize| (c.start..c.end).contains(&start);
        if a.sections.iter().any(|s| inside(s.start)) || a.indicators.iter().any(|i| inside(i.start)) {
            return Err(format!("layout: chrome {}..{} holds a section or an indicator", c.start, c.end));
        }
    }
    Ok(())
}

fn indicators(units: &[u16], a: &Annotation) -> Result<(), String> {
    let mut last_end = 0;
    for (i, ind) in a.indicators.iter().enumerate() {
        let at = format!("indicator {i} ({:?})", short(&ind.value_text));
        if ind.id != i {
            return Err(format!("{at}: id {} is not its index", ind.id));
        }
        let span = slice(units, ind.start, ind.end).map_err(|e| format!("{at}: {e}"))?;
        if span != ind.value_text {
            return Err(format!("{at}: the text at {}..{} is {:?}", ind.start, ind.end, short(&span)));
        }
        if ind.start < last_end {
            return Err(format!("{at}: starts at {} before the previous indicator ends at {last_end}", ind.start));
        }
        last_end = ind.end;
        match (&ind.metric, ind.metric_start, ind.metric_end) {
            (Some(m), Some(ms), Some(me)) => {
                let text = slice(units, ms, me).map_err(|e| format!("{at}: metric: {e}"))?;
                if &text != m {
                    return Err(format!("{at}: metric {:?} but the text at {ms}..{me} is {:?}", short(m), short(&text)));
                }
                if ms < ind.end && ind.start < me {
                    return Err(format!("{at}: metric {ms}..{me} overlaps the figure"));
                }
            }
            (None, None, None) => {}
            other => return Err(format!("{at}: metric fields disagree: {other:?}")),
        }
        // the innermost section: the last one that starts at or before it
        let enclosing = a.sections.partition_point(|s| s.start <= ind.start).checked_sub(1);
        if ind.section != enclosing {
            return Err(format!("{at}: section {:?}, but the last section starting before it is {enclosing:?}", ind.section));
        }
        for (name, v) in [("value", ind.value), ("value_max", ind.value_max)] {
            if let Some(v) = v {
                if !v.is_finite() {
                    return Err(format!("{at}: {name} {v} is not a finite number"));
                }
            }
        }
        match (ind.value, ind.value_max) {
            (Some(v), Some(m)) if v > m => return Err(format!("{at}: value {v} > value_max {m}")),
            (None, Some(m)) => return Err(format!("{at}: value_max {m} without a value")),
            _ => {}
        }
        if ind.unit.as_deref() == Some("") {
            return Err(format!("{at}: empty unit"));
        }
        if ind.direction.is_some() && ind.kind != Kind::Change {
            return Err(format!("{at}: direction {:?} on a {:?}", ind.direction, ind.kind));
        }
    }
    Ok(())
}

const SECTION_KEYS: &[&str] = &["id", "level", "marker", "title", "start", "end", "parent"];
const INDICATOR_KEYS: &[&str] = &[
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
    "metric_start",
    "metric_end",
    "year",
    "section",
];

/// The JSON is valid, has every SPEC key, and decodes to the same
/// annotation (so no number became `null` on the way, as NaN and infinity
/// would).
fn json_round_trip(a: &Annotation) -> Result<(), String> {
    let json = serde_json::to_string(a).map_err(|e| format!("JSON: {e}"))?;
    let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| format!("JSON does not parse back: {e}"))?;
    for (list, keys) in [("sections", SECTION_KEYS), ("indicators", INDICATOR_KEYS)] {
        let items = value[list].as_array().ok_or_else(|| format!("JSON: no {list} array"))?;
        for (i, item) in items.iter().enumerate() {
            if let Some(k) = keys.iter().find(|k| item.get(**k).is_none()) {
                return Err(format!("JSON: {list}[{i}] lacks {k:?}"));
            }
        }
    }
    let back: Annotation = serde_json::from_value(value).map_err(|e| format!("JSON does not decode back: {e}"))?;
    if &back != a {
        return Err("JSON does not decode back to the same annotation".into());
    }
    Ok(())
}
