//! The wasm boundary gives JavaScript exactly what the library computes.
//!
//! Runs in Node under wasm-bindgen-test-runner (scripts/test does it):
//! `cargo test --target wasm32-unknown-unknown --test wasm`. Each case calls
//! `zhibiao::wasm::annotate` as the page does, reads the JS object it returns
//! back into Rust and compares it with `zhibiao::annotate` of the same text.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;
use zhibiao::{Annotation, Comparator, Direction, Horizon, Indicator, Kind, Section, Status};

// Node's fs, JSON and strings, reached through globals so that no JS snippet
// files are needed.
#[wasm_bindgen]
extern "C" {
    type NodeFs;
    #[wasm_bindgen(js_namespace = process, js_name = getBuiltinModule)]
    fn node_module(name: &str) -> NodeFs;
    #[wasm_bindgen(method, js_name = readdirSync)]
    fn readdir_sync(this: &NodeFs, path: &str, options: &JsValue) -> Vec<String>;
    #[wasm_bindgen(method, js_name = readFileSync)]
    fn read_file_sync(this: &NodeFs, path: &str, encoding: &str) -> String;

    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify)]
    fn json_stringify(value: &JsValue) -> String;

    type JsText;
    #[wasm_bindgen(method, getter)]
    fn length(this: &JsText) -> u32;
}

const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// Every `.txt` under tests/data, by path relative to it, sorted.
fn data_files() -> Vec<String> {
    let fs = node_module("node:fs");
    let mut names: Vec<String> = fs.readdir_sync(DATA_DIR, &json_parse(r#"{"recursive": true}"#)).into_iter().filter(|name| name.ends_with(".txt")).collect();
    names.sort();
    names
}

fn read_data(name: &str) -> String {
    node_module("node:fs").read_file_sync(&format!("{DATA_DIR}/{name}"), "utf8")
}

/// Calls the boundary with `text` and checks what JS gets:
/// * the object read back with serde_wasm_bindgen equals `zhibiao::annotate`;
/// * its JSON text (`JSON.stringify`, as a page would send it on) has every
///   field, `null` included, and decodes to the same `Annotation`.
fn check_same_as_native(label: &str, text: &str) -> Annotation {
    let native = zhibiao::annotate(text);
    let js = zhibiao::wasm::annotate(text).unwrap_or_else(|e| panic!("{label}: annotate threw {:?}", JsValue::from(e)));

    let from_js: Annotation = serde_wasm_bindgen::from_value(js.clone()).unwrap_or_else(|e| panic!("{label}: result does not read back: {e}"));
    assert_eq!(from_js, native, "{label}: wasm result differs from zhibiao::annotate");

    let js_json: serde_json::Value = serde_json::from_str(&json_stringify(&js)).unwrap();
    let native_json = serde_json::to_value(&native).unwrap();
    assert_same_json(label, &js_json, &native_json);
    assert_same_as_serde(label, &js, &native);
    native
}

/// The object that `annotate` builds from the packed form is the one
/// serde-wasm-bindgen makes, to the JSON text: the same keys in the same
/// order (which serde_json's sorted maps above do not see), the same values.
fn assert_same_as_serde(label: &str, js: &JsValue, annotation: &Annotation) {
    let serde = zhibiao::wasm::to_js_serde(annotation).unwrap_or_else(|e| panic!("{label}: serde-wasm-bindgen threw {:?}", JsValue::from(e)));
    assert_eq!(json_stringify(js), json_stringify(&serde), "{label}: differs from serde-wasm-bindgen's object");
}

/// JSON equality where numbers compare by value: JS writes `1950000000000`
/// where serde_json writes `1950000000000.0`. A field that JS left out
/// (`undefined`) shows up as missing and fails.
fn assert_same_json(path: &str, js: &serde_json::Value, native: &serde_json::Value) {
    use serde_json::Value;
    match (js, native) {
        (Value::Number(a), Value::Number(b)) => {
            assert_eq!(a.as_f64(), b.as_f64(), "{path}: numbers differ")
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{path}: lengths differ");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_same_json(&format!("{path}[{i}]"), x, y);
            }
        }
        (Value::Object(a), Value::Object(b)) => {
            let keys = |o: &serde_json::Map<String, Value>| o.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(a), keys(b), "{path}: fields differ");
            for (k, x) in a {
                assert_same_json(&format!("{path}.{k}"), x, &b[k]);
            }
        }
        _ => assert_eq!(js, native, "{path}: values differ"),
    }
}

#[wasm_bindgen_test]
fn corpus_texts_give_the_same_result_in_wasm() {
    let files = data_files();
    assert!(files.len() >= 3, "expected the corpus texts under {DATA_DIR}, found {files:?}");
    for name in &files {
        check_same_as_native(name, &read_data(name));
    }
}

#[wasm_bindgen_test]
fn empty_text_gives_an_empty_annotation() {
    let a = check_same_as_native("empty", "");
    assert_eq!(a, Annotation::default());
}

/// Characters outside the BMP (2 UTF-16 units, 4 UTF-8 bytes) before and
/// inside the figures.
#[wasm_bindgen_test]
fn astral_characters() {
    for (label, text) in [
        ("ext-b", "𠀀𠀁一、回顾\n全市地区生产总值增长8.1%。\n"),
        ("emoji", "😀 2016年全市地区生产总值1.95万亿元😀，增长8.2%。"),
        ("mixed", "一、\u{20000}过去五年\n（一）经济😀\n城镇登记失业率2.4%🇨🇳。"),
    ] {
        check_same_as_native(label, text);
    }
}

/// A JS string may hold lone surrogates, which no Rust `&str` can. wasm-bindgen
/// passes each as U+FFFD, one UTF-16 unit for one, so offsets stay valid.
#[wasm_bindgen_test]
fn lone_surrogates_become_replacement_characters_of_the_same_length() {
    for (label, json) in [
        ("high", r#""一、回顾\ud800\n全市地区生产总值增长8.1%。\n""#),
        ("low", r#""\udc00城镇登记失业率2.4%\udc00。""#),
        ("reversed pair", r#""\udc00\ud800增长8.1%""#),
        ("only", r#""\ud800""#),
    ] {
        let js_string = json_parse(json);
        let js_length = js_string.unchecked_ref::<JsText>().length() as usize;
        // `as_string` copies a JS string into Rust the same way `&str`
        // arguments are copied (TextEncoder).
        let text = js_string.as_string().unwrap();
        assert_eq!(text.encode_utf16().count(), js_length, "{label}: UTF-16 length changed");
        assert!(text.contains('\u{FFFD}'), "{label}: no U+FFFD in {text:?}");
        check_same_as_native(label, &text);
    }
}

/// Annotations no text gives, through `to_js` (the packed form and
/// src/wasm-result.js): every enum variant, every optional field as `None`
/// and `Some`, units that repeat, strings outside the BMP, extreme numbers.
#[wasm_bindgen_test]
fn packed_result_keeps_every_field() {
    use Comparator::*;
    let kinds = [Kind::Level, Kind::Change, Kind::Rank, Kind::Ratio];
    let directions = [None, Some(Direction::Up), Some(Direction::Down)];
    let comparators = [Eq, Approx, Gt, Ge, Lt, Le];
    let statuses = [Status::Actual, Status::Estimate, Status::Target];
    let horizons = [Horizon::Year, Horizon::Plan, Horizon::Average, Horizon::Total];
    let units = [Some("元"), Some("微克/立方米"), None, Some("%"), Some("𠀀个"), Some("元")];
    let values = [Some(1.95e12), None, Some(0.0), Some(-0.0), Some(f64::MAX), Some(5e-324), Some(8.1)];
    let years = [Some(2016), None, Some(i32::MIN), Some(i32::MAX), Some(0)];
    let n = 2 * 3 * 4 * 5 * 7; // every combination of the cycles above
    let indicators: Vec<Indicator> = (0..n)
        .map(|id| Indicator {
            id,
            start: 10 * id,
            end: 10 * id + 1 + id % 9,
            value_text: ["8.1%", "", "😀1.95万亿元", "两万"][id % 4].into(),
            value: values[id % 7],
            value_max: values[(id / 7) % 7],
            unit: units[id % 6].map(str::to_owned),
            kind: kinds[id % 4],
            direction: directions[id % 3],
            comparator: comparators[id % 6],
            status: statuses[id % 3],
            // by id / 4: every horizon with every kind
            horizon: horizons[(id / 4) % 4],
            metric: [Some("地区生产总值"), None, Some("\u{FEFF}PM2.5平均浓度𠀀")][id % 3].map(str::to_owned),
            metric_start: [Some(10 * id), None][id % 2],
            metric_end: [Some(10 * id + 3), None][id % 3 / 2],
            year: years[id % 5],
            section: [Some(id % 3), None][id % 2],
        })
        .collect();
    let sections = (0..5)
        .map(|id| Section {
            id,
            level: [1, 2, u32::try_from(i32::MAX).unwrap()][id % 3],
            marker: [Some("一、"), None, Some("（一）"), Some("\u{FEFF}")][id % 4].map(str::to_owned),
            title: ["回顾", "", "𠀀经济😀"][id % 3].into(),
            start: 100 * id,
            end: 100 * id + 9,
            parent: [None, Some(0), Some(id)][id % 3],
        })
        .collect();
    let layout = zhibiao::Layout {
        source: zhibiao::Source::Pdf,
        line_ends: zhibiao::LineEnds::Crlf,
        wrap_width: Some(38),
        joined_lines: 812,
        page_numbers: 24,
        running_heads: 20,
        invisible: 3,
        spaces: 5,
        chrome: vec![zhibiao::Span { start: 0, end: 9 }, zhibiao::Span { start: 500, end: 560 }],
    };
    let a = Annotation { sections, indicators, layout };
    let js = zhibiao::wasm::to_js(&a).unwrap_or_else(|e| panic!("to_js threw {:?}", JsValue::from(e)));
    let back: Annotation = serde_wasm_bindgen::from_value(js.clone()).unwrap();
    assert_eq!(back, a);
    assert_same_as_serde("every field", &js, &a);

    // A string that starts with U+FEFF as the first thing in the packed
    // strings (no indicators, so no names before it): a character, not a
    // byte order mark to drop.
    let bom = Annotation { sections: a.sections[3..4].to_vec(), indicators: vec![], layout: Default::default() };
    let js = zhibiao::wasm::to_js(&bom).unwrap();
    assert_eq!(serde_wasm_bindgen::from_value::<Annotation>(js).unwrap(), bom);
}

/// A number the CLI's JSON cannot hold: `value` and `value_max` that are
/// not finite are `null` (serde_json writes them so); the annotation never
/// has one, this checks that JS would not see `Infinity` or `NaN`.
#[wasm_bindgen_test]
fn non_finite_values_are_null() {
    let mut a = zhibiao::annotate("全市地区生产总值增长8.1%。");
    let i = &mut a.indicators[0];
    (i.value, i.value_max) = (Some(f64::INFINITY), Some(f64::NAN));
    let js = zhibiao::wasm::to_js(&a).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json_stringify(&js)).unwrap();
    assert_eq!(json["indicators"][0]["value"], serde_json::Value::Null);
    assert_eq!(json["indicators"][0]["value_max"], serde_json::Value::Null);
    let back: Annotation = serde_wasm_bindgen::from_value(js).unwrap();
    assert_eq!((back.indicators[0].value, back.indicators[0].value_max), (None, None));
    assert_eq!(serde_json::to_value(&a).unwrap(), json, "the CLI's JSON of the same annotation");
}

/// Numbers the packed form's `i32` cannot hold send the annotation through
/// serde-wasm-bindgen instead: the same object either way.
#[wasm_bindgen_test]
fn offsets_past_i32_take_the_serde_path() {
    let a = zhibiao::annotate("一、回顾\n全市地区生产总值增长8.1%。\n");
    assert!(!a.indicators.is_empty() && !a.sections.is_empty());
    let big = usize::try_from(i32::MAX).unwrap() + 1;
    let mut cases = Vec::new();
    for field in 0..4 {
        let mut b = a.clone();
        match field {
            0 => b.indicators[0].end = big,
            1 => b.indicators[0].metric_end = Some(big),
            2 => b.sections[0].start = big,
            _ => b.sections[0].level = u32::MAX,
        }
        cases.push(b);
    }
    for b in cases {
        let js = zhibiao::wasm::to_js(&b).unwrap();
        assert_eq!(serde_wasm_bindgen::from_value::<Annotation>(js.clone()).unwrap(), b);
        assert_same_as_serde("past i32", &js, &b);
    }
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(zhibiao::wasm::version(), env!("CARGO_PKG_VERSION"));
}

/// The TypeScript declarations in zhibiao.d.ts name exactly the JSON fields,
/// mark exactly the optional ones `| null`, and list the enums' spellings.
#[wasm_bindgen_test]
fn typescript_types_match_the_json() {
    let ts = zhibiao::wasm::TYPESCRIPT;
    let full = Annotation {
        sections: vec![Section { id: 0, level: 1, marker: Some("一、".into()), title: "回顾".into(), start: 0, end: 4, parent: Some(0) }],
        indicators: vec![Indicator {
            id: 0,
            start: 0,
            end: 4,
            value_text: "8.1%".into(),
            value: Some(8.1),
            value_max: Some(9.0),
            unit: Some("%".into()),
            kind: Kind::Change,
            direction: Some(Direction::Up),
            comparator: Comparator::Eq,
            status: Status::Actual,
            horizon: Horizon::Average,
            metric: Some("地区生产总值".into()),
            metric_start: Some(0),
            metric_end: Some(6),
            year: Some(2016),
            section: Some(0),
        }],
        layout: zhibiao::Layout { wrap_width: Some(38), chrome: vec![zhibiao::Span { start: 0, end: 9 }], ..Default::default() },
    };
    let mut empty = full.clone();
    empty.layout.wrap_width = None;
    let s = &mut empty.sections[0];
    (s.marker, s.parent) = (None, None);
    let i = &mut empty.indicators[0];
    (i.value, i.value_max, i.unit, i.direction, i.metric) = (None, None, None, None, None);
    (i.metric_start, i.metric_end, i.year, i.section) = (None, None, None, None);

    let comparison = |result: Option<Indicator>, key: Option<String>| {
        let known = result.is_some();
        let year = known.then_some(2016);
        let evidence = zhibiao::Evidence { start: 0, end: 9, text: "地区生产总值增长8.1%".into() };
        zhibiao::Comparison {
            years: zhibiao::Years { old: year, new: known.then_some(2017), reviewed: year },
            warning: known.then(|| zhibiao::Warning { code: zhibiao::WarningCode::NotConsecutive, message: "m".into() }),
            pairs: vec![zhibiao::Pair {
                target: full.indicators[0].clone(),
                result,
                verdict: zhibiao::Verdict::Met,
                reason_code: zhibiao::ReasonCode::AtLeast,
                reason: "within".into(),
                headline: true,
                estimate: false,
                target_year: year,
                result_year: year,
                metric_key: key,
                match_score: 1.0,
                match_basis: known.then_some(zhibiao::MatchBasis::SameMetric),
                match_note: known.then(|| "n".to_string()),
                target_evidence: evidence.clone(),
                result_evidence: known.then_some(evidence),
            }],
            summary: zhibiao::Summary::default(),
        }
    };
    let mut full_json = serde_json::to_value(&full).unwrap();
    let mut empty_json = serde_json::to_value(&empty).unwrap();
    full_json["comparison"] = serde_json::to_value(comparison(Some(full.indicators[0].clone()), Some("k".into()))).unwrap();
    empty_json["comparison"] = serde_json::to_value(comparison(None, None)).unwrap();
    // what glossing adds to an indicator: English::new's fields less the indicator's
    let english = |a: &zhibiao::Annotation| {
        let mut v = serde_json::to_value(zhibiao::export::English::new(a)).unwrap();
        for (k, plain) in serde_json::to_value(a).unwrap()["indicators"].as_array().unwrap().iter().enumerate() {
            let obj = v["indicators"][k].as_object_mut().unwrap();
            obj.retain(|key, _| !plain.as_object().unwrap().contains_key(key));
        }
        v
    };
    full_json["english"] = english(&full);
    empty_json["english"] = english(&full);
    // a metric and a unit the glossary does not know: null
    empty_json["english"]["indicators"][0]["metric_en"] = serde_json::Value::Null;
    empty_json["english"]["indicators"][0]["unit_en"] = serde_json::Value::Null;
    for (interface, pointer) in [
        ("Annotation", ""),
        ("Section", "/sections/0"),
        ("Indicator", "/indicators/0"),
        ("Comparison", "/comparison"),
        ("Pair", "/comparison/pairs/0"),
        ("Summary", "/comparison/summary"),
        ("Years", "/comparison/years"),
        ("Warning", "/comparison/warning"),
        ("Evidence", "/comparison/pairs/0/target_evidence"),
        ("Layout", "/layout"),
        ("Span", "/layout/chrome/0"),
        ("English", "/english/indicators/0"),
    ] {
        let fields = ts_fields(ts, interface);
        let full_obj = full_json.pointer(pointer).unwrap();
        // a part that is null when empty (`warning`) is checked on the full one
        let empty_obj = empty_json.pointer(pointer).filter(|v| !v.is_null()).or_else(|| full_json.pointer(pointer)).unwrap();
        let names: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        let json_names: Vec<&str> = full_obj
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| !(interface == "Annotation" && ["comparison", "english"].contains(k)))
            .collect();
        let (mut a, mut b) = (names.clone(), json_names.clone());
        a.sort();
        b.sort();
        assert_eq!(a, b, "{interface}: TypeScript fields differ from the JSON fields");
        for (name, ty) in &fields {
            assert_eq!(ty.ends_with("| null"), empty_obj[name.as_str()].is_null(), "{interface}.{name}: `{ty}` disagrees with the Rust type on null");
            let words = ty.split(|c: char| !c.is_alphanumeric());
            assert!(!words.into_iter().any(|w| w == "any"), "{interface}.{name}: `{ty}`");
        }
    }

    // The TS literal of each variant is its JSON spelling, quotes included.
    fn union<T: serde::Serialize>(variants: &[T]) -> String {
        let spellings: Vec<String> = variants.iter().map(|v| serde_json::to_string(v).unwrap()).collect();
        spellings.join(" | ")
    }
    use Comparator::*;
    for (name, variants) in [
        ("Kind", union(&[Kind::Level, Kind::Change, Kind::Rank, Kind::Ratio])),
        ("Direction", union(&[Direction::Up, Direction::Down])),
        ("Comparator", union(&[Eq, Approx, Gt, Ge, Lt, Le])),
        ("Status", union(&[Status::Actual, Status::Estimate, Status::Target])),
        ("Horizon", union(&[Horizon::Year, Horizon::Plan, Horizon::Average, Horizon::Total])),
        (
            "Verdict",
            union(&[
                zhibiao::Verdict::Met,
                zhibiao::Verdict::Missed,
                zhibiao::Verdict::NotComparable,
                zhibiao::Verdict::NotJudged,
                zhibiao::Verdict::Unmatched,
            ]),
        ),
    ] {
        let line = format!("export type {name} = {variants};");
        assert!(ts.contains(&line), "the TypeScript lacks `{line}`");
    }
}

/// `name: type;` lines of `export interface NAME { ... }`, comments skipped.
fn ts_fields(ts: &str, interface: &str) -> Vec<(String, String)> {
    let head = format!("export interface {interface} {{");
    let body = ts.split_once(&head).unwrap_or_else(|| panic!("no `{head}` in the TypeScript")).1.split_once('}').unwrap().0;
    body.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("/**") && !line.starts_with('*'))
        .map(|line| {
            let (name, ty) = line.trim_end_matches(';').split_once(':').unwrap();
            (name.trim().to_owned(), ty.trim().to_owned())
        })
        .collect()
}
