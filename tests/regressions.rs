//! Inputs that once broke an invariant (most found by the fuzz targets in
//! `fuzz/`): every file in `tests/data/regressions/`, read as bytes and
//! decoded as the `annotate` fuzz target does (UTF-8, U+FFFD for invalid
//! sequences), keeps every invariant of `tests/invariants/mod.rs`; and the
//! table below says what each inline case must give. Files and cases are
//! named for the issue they came from.

mod invariants;

use std::path::Path;
use zhibiao::annotate;

#[test]
fn every_regression_file_keeps_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        invariants::check(&text, &annotate(&text), &path.display().to_string());
        n += 1;
    }
    assert!(n >= 2, "expected the files of tests/data/regressions, read {n}");
}

/// (issue and what broke, input, value_text and value of every indicator).
type Case = (&'static str, String, &'static [(&'static str, Option<f64>)]);

#[test]
fn regression_cases_give_what_they_should() {
    let cases: Vec<Case> = vec![
        (
            "issue 5: the metric written after 一万元 ran over the next figure",
            "购买力将比上一万元加二十二亿元左右。".into(),
            &[("一万元", Some(1e4)), ("二十二亿元", Some(2.2e9))],
        ),
        ("issue 5: 400 digits were infinity, written as null in JSON", format!("{}元。", "9".repeat(400)), &[("", None)]),
        ("issue 5: 万 ninety times after 0 was NaN", format!("增长0{}元。", "万".repeat(90)), &[("", None)]),
        ("issue 5: 亿 forty-five times after 一 was infinity", format!("一{}元。", "亿".repeat(45)), &[("", None)]),
    ];
    for (name, text, want) in &cases {
        let a = annotate(text);
        invariants::check(text, &a, name);
        let got: Vec<(String, Option<f64>)> = a.indicators.iter().map(|i| (i.value_text.clone(), i.value)).collect();
        assert_eq!(got.len(), want.len(), "{name}: {got:?}");
        for ((text_got, v_got), (text_want, v_want)) in got.iter().zip(want.iter()) {
            // an empty value_text in the table stands for the whole long figure
            assert!(text_want.is_empty() || text_got == text_want, "{name}: {got:?}");
            assert_eq!(v_got, v_want, "{name}: {got:?}");
        }
    }
}
