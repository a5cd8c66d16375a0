//! Every span of every output slices the input, as UTF-16, to exactly its
//! text; ids, order and parents are consistent — on every text in the repo,
//! the 26 national reports included, and on awkward inputs.

use std::path::Path;
use zhibiao::{annotate, Annotation};

fn utf16_slice(units: &[u16], a: usize, b: usize) -> String {
    assert!(a <= b && b <= units.len(), "span {a}..{b} outside 0..{}", units.len());
    String::from_utf16(&units[a..b]).unwrap_or_else(|_| panic!("span {a}..{b} splits a surrogate pair"))
}

/// Checks the SPEC's invariants of `a` for `text`; `what` names the input.
fn check(text: &str, a: &Annotation, what: &str) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut last = 0;
    for (i, s) in a.sections.iter().enumerate() {
        assert_eq!(s.id, i, "{what}: section id");
        assert!(s.start >= last, "{what}: sections out of order at {i}");
        last = s.start;
        let span = utf16_slice(&units, s.start, s.end);
        let marker = s.marker.clone().unwrap_or_default();
        assert!(span.starts_with(&marker), "{what}: section {i} span {span:?} does not open with {marker:?}");
        assert!(span.contains(&s.title), "{what}: section {i} span {span:?} lacks title {:?}", s.title);
        assert!(!s.title.is_empty(), "{what}: empty title at {i}");
        if let Some(p) = s.parent {
            assert!(p < i, "{what}: parent of {i} is not before it");
            assert!(a.sections[p].level < s.level, "{what}: parent of {i} is not shallower");
        } else {
            assert!(s.level >= 1, "{what}: level of {i}");
        }
    }
    let mut last = 0;
    for (i, ind) in a.indicators.iter().enumerate() {
        assert_eq!(ind.id, i, "{what}: indicator id");
        assert!(ind.start >= last, "{what}: indicators out of order at {i}");
        last = ind.end;
        assert_eq!(utf16_slice(&units, ind.start, ind.end), ind.value_text, "{what}: indicator {i}");
        match (&ind.metric, ind.metric_start, ind.metric_end) {
            (Some(m), Some(ms), Some(me)) => assert_eq!(&utf16_slice(&units, ms, me), m, "{what}: metric of {i}"),
            (None, None, None) => {}
            other => panic!("{what}: metric fields of {i} disagree: {other:?}"),
        }
        if let Some(s) = ind.section {
            assert!(a.sections[s].start <= ind.start, "{what}: section of {i} starts after it");
        }
        if let (Some(v), Some(m)) = (ind.value, ind.value_max) {
            assert!(v <= m, "{what}: range of {i}");
        }
    }
}

fn texts_in(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn every_span_slices_its_text_on_the_corpus() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut n = 0;
    for dir in [data.clone(), data.join("national"), data.join("variants")] {
        for (name, text) in texts_in(&dir) {
            let a = annotate(&text);
            check(&text, &a, &name);
            n += 1;
        }
    }
    assert!(n >= 30, "expected the corpus under tests/data, read {n} texts");
}

#[test]
fn awkward_inputs_hold_the_invariants() {
    let cases: &[&str] = &[
        "",
        "\n\n\n",
        "没有数字的一段话。",
        "𠀀增长8%",
        "增长8%𠀀",
        "\u{FFFD}增长8%\u{FFFD}",
        "一、\n（一）\n一是",
        "１２３４５６７８９０％",
        "1,234,567,890,123,456,789,012万亿元",
        "99999999999999999999999999999999999亿元",
        "第",
        "百分之",
        "翻",
        "一、回顾\r\n全市地区生产总值增长8.1%。\r\n",
        "6%—6.5%—7%",
        "1∶2∶3∶4∶5∶6∶7∶8∶9∶10",
        "由由由由比比比比增长增长增长5%",
        "“1＋9”“十三五”PM2.5G20 5G 12345热线",
    ];
    for text in cases {
        let a = annotate(text);
        check(text, &a, &format!("{text:?}"));
    }
}
