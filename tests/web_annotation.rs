//! The Web Annotation export (`zhibiao::export::web_annotations`): every
//! indicator of every text in the repo comes out as an `Annotation` with the
//! model's required fields, and its selectors find the figure again — the
//! quote with its prefix and suffix, the position counted in code points —
//! and its JSON body is the indicator.

use std::path::Path;

use serde_json::Value;
use zhibiao::annotate;
use zhibiao::export::{web_annotations, web_annotations_json, AFFIX_CHARS, CONTEXT};

fn texts() -> Vec<(String, String)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out = Vec::new();
    for dir in [data.clone(), data.join("national"), data.join("variants")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn is_iri(s: &str) -> bool {
    // scheme ":" rest, no spaces (RFC 3987's outline)
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    !rest.is_empty()
        && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !s.chars().any(char::is_whitespace)
}

/// `v` with every number as a float (`34` and `34.0` are one JSON number).
fn numbers_as_f64(v: Value) -> Value {
    match v {
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, numbers_as_f64(v))).collect()),
        other => other,
    }
}

/// Checks the model's required fields and the round trip of every
/// annotation of `text`; returns how many there were.
fn check(name: &str, text: &str, source: Option<&str>) -> usize {
    let a = annotate(text);
    let json: Value = serde_json::from_str(&web_annotations_json(text, &a, source, false)).unwrap();
    assert_eq!(json["@context"], CONTEXT, "{name}");
    assert_eq!(json["type"], "AnnotationCollection");
    assert!(is_iri(json["id"].as_str().unwrap()));
    let items = json["first"]["items"].as_array().unwrap();
    assert_eq!(json["first"]["type"], "AnnotationPage");
    assert_eq!(json["total"].as_u64().unwrap() as usize, items.len());
    assert_eq!(items.len(), a.indicators.len(), "{name}: one annotation per indicator");
    let chars: Vec<char> = text.chars().collect();
    let mut ids = std::collections::HashSet::new();
    for (item, ind) in items.iter().zip(&a.indicators) {
        let id = item["id"].as_str().unwrap();
        assert!(is_iri(id) && ids.insert(id.to_string()), "{name}: id {id} an IRI, and unique");
        assert_eq!(item["type"], "Annotation");
        assert!(item["motivation"].is_string());
        let target = &item["target"];
        let src = target["source"].as_str().unwrap();
        assert!(is_iri(src));
        if let Some(s) = source {
            assert_eq!(src, s);
        }
        let selectors = target["selector"].as_array().unwrap();
        let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector").unwrap();
        let pos = selectors.iter().find(|s| s["type"] == "TextPositionSelector").unwrap();
        let (start, end) = (pos["start"].as_u64().unwrap() as usize, pos["end"].as_u64().unwrap() as usize);
        let exact: String = chars[start..end].iter().collect();
        assert_eq!(quote["exact"].as_str().unwrap(), exact, "{name}: the position selects the quote");
        assert_eq!(exact, ind.value_text, "{name}: the quote is the figure");
        let prefix: String = chars[start.saturating_sub(AFFIX_CHARS)..start].iter().collect();
        let suffix: String = chars[end..(end + AFFIX_CHARS).min(chars.len())].iter().collect();
        assert_eq!(quote["prefix"].as_str().unwrap(), prefix);
        assert_eq!(quote["suffix"].as_str().unwrap(), suffix);
        let bodies = item["body"].as_array().unwrap();
        assert!(bodies.iter().all(|b| b["type"] == "TextualBody" && b["value"].is_string()));
        let data = bodies.iter().find(|b| b["format"] == "application/json").unwrap();
        let fields: Value = serde_json::from_str(data["value"].as_str().unwrap()).unwrap();
        assert_eq!(numbers_as_f64(fields), numbers_as_f64(serde_json::to_value(ind).unwrap()), "{name}: the JSON body is the indicator");
        assert!(bodies.iter().any(|b| b["purpose"] == "classifying" && b["value"] == ind.status.as_str()));
    }
    items.len()
}

#[test]
fn every_indicator_round_trips_on_the_corpus() {
    let mut n = 0;
    let texts = texts();
    assert!(texts.len() >= 30, "the corpus under tests/data");
    for (name, text) in &texts {
        n += check(name, text, None);
    }
    assert!(n > 5000, "{n} annotations");
}

#[test]
fn positions_count_code_points_not_utf16_units() {
    // an astral character (2 UTF-16 units, 1 code point) before the figure
    let text = "一、回顾\n\u{1F600}𠀀全市地区生产总值增长8.1%。\n";
    let a = annotate(text);
    assert_eq!(a.indicators.len(), 1);
    let c = web_annotations(text, &a, Some("file:///reports/r.txt"));
    let p = &c.first.items[0].target.selector.1;
    let utf16 = a.indicators[0].start;
    assert_eq!(p.start + 2, utf16, "two astral characters: two units more in UTF-16");
    assert_eq!(text.chars().skip(p.start).take(p.end - p.start).collect::<String>(), "8.1%");
    check("astral", text, Some("file:///reports/r.txt"));
}

#[test]
fn same_text_same_identifiers_other_text_others() {
    let a = "全市地区生产总值增长8.1%。\n";
    let b = "全市地区生产总值增长8.2%。\n";
    let (ca, ca2, cb) = (web_annotations(a, &annotate(a), None), web_annotations(a, &annotate(a), None), web_annotations(b, &annotate(b), None));
    assert_eq!(ca, ca2);
    assert_ne!(ca.id, cb.id);
    assert_ne!(ca.first.items[0].id, cb.first.items[0].id);
    assert_eq!(ca.first.items[0].target.source, ca.first.items[0].target.source);
    assert!(ca.first.items[0].target.source.starts_with("urn:uuid:"));
    // a version-8 UUID: 8-4-4-4-12 hex digits, version nibble 8, variant 10xx
    let u = ca.id.strip_prefix("urn:uuid:").unwrap();
    let parts: Vec<&str> = u.split('-').collect();
    assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [8, 4, 4, 4, 12]);
    assert!(parts[2].starts_with('8') && "89ab".contains(&parts[3][..1]));
}

#[test]
fn no_indicators_an_empty_collection() {
    for text in ["", "没有数字的文字。\n"] {
        let c = web_annotations(text, &annotate(text), None);
        assert_eq!((c.total, c.first.items.len()), (0, 0));
    }
}

#[test]
fn an_annotation_of_another_text_keeps_only_spans_that_fall_on_this_one() {
    let long = "全市地区生产总值增长8.1%，一般公共预算收入增长10%。\n";
    let short = "全市地区生产总值增长8.1%。\n";
    let c = web_annotations(short, &annotate(long), None);
    assert!(c.first.items.iter().all(|i| {
        let q = &i.target.selector.0;
        short.contains(&q.exact)
    }));
}

#[test]
fn the_json_body_survives_any_characters() {
    let text = "全市地区生产总值增长8.1%。\n“引号\"\\\t”项目增加3个。\n";
    let a = annotate(text);
    let c = web_annotations(text, &a, None);
    let body: Value = serde_json::from_str(&c.first.items[0].body[2].value).unwrap();
    assert_eq!(body["metric"], "地区生产总值");
    for item in &c.first.items {
        let _: Value = serde_json::from_str(&item.body[2].value).unwrap();
    }
    check("escapes", text, None);
}
