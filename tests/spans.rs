//! Every span of every output slices the input, as UTF-16, to exactly its
//! text; ids, order and parents are consistent — on every text in the repo,
//! the 26 national reports included, and on awkward inputs. The checks are
//! `tests/invariants/mod.rs`, shared with the fuzz targets; the last test
//! here shows that each of them fails on an annotation that breaks it.

mod invariants;

use std::path::Path;
use zhibiao::{annotate, Annotation, Direction, Kind};

/// Checks SPEC's invariants of `a` for `text` (`tests/invariants/mod.rs`);
/// `what` names the input.
fn check(text: &str, a: &Annotation, what: &str) {
    invariants::check(text, a, what);
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

/// Every invariant check fails on an annotation that breaks it: each case
/// takes a correct annotation, breaks one thing, and expects the message.
#[test]
fn the_checks_reject_broken_annotations() {
    let text = "一、回顾：\n（一）发展\n全市地区生产总值增长8.1%，实现6%—6.5%。𠀀\n";
    let good = annotate(text);
    assert_eq!((good.sections.len(), good.indicators.len()), (2, 2), "{good:?}");
    assert!(good.indicators[0].metric.is_some(), "{good:?}");
    invariants::violation(text, &good).unwrap();
    type Break = fn(&mut Annotation);
    let cases: &[(&str, Break, &str)] = &[
        ("section id", |a| a.sections[1].id = 0, "id 0 is not its index"),
        ("section past the end", |a| a.sections[1].end = 1000, "outside"),
        ("empty section", |a| a.sections[1].end = a.sections[1].start, "empty"),
        ("sections overlap", |a| a.sections[1].start = 2, "before the previous section ends"),
        ("marker", |a| a.sections[0].marker = Some("二、".into()), "does not open with marker"),
        ("title", |a| a.sections[0].title = "展望".into(), "has no title"),
        ("title punctuation", |a| a.sections[0].title.push('：'), "sentence punctuation"),
        ("parent after", |a| a.sections[0].parent = Some(1), "not before it"),
        ("parent as deep", |a| a.sections[1].level = 1, "parent 0 has level"),
        ("top level", |a| a.sections[1].parent = None, "no parent but level 2"),
        ("indicator id", |a| a.indicators[1].id = 7, "id 7 is not its index"),
        ("value text", |a| a.indicators[0].value_text = "8.2%".into(), "the text at"),
        (
            "span moved",
            |a| {
                a.indicators[0].start += 1;
                a.indicators[0].end += 1
            },
            "the text at",
        ),
        ("order", |a| a.indicators.swap(0, 1), "is not its index"),
        ("overlap", |a| a.indicators[1] = zhibiao::Indicator { id: 1, ..a.indicators[0].clone() }, "before the previous indicator ends"),
        ("metric text", |a| a.indicators[0].metric = Some("生产".into()), "the text at"),
        ("metric fields", |a| a.indicators[0].metric_end = None, "metric fields disagree"),
        ("section", |a| a.indicators[0].section = Some(0), "the last section starting before it"),
        ("value_max", |a| a.indicators[1].value_max = Some(1.0), "> value_max"),
        ("max without value", |a| a.indicators[1].value = None, "without a value"),
        ("infinite", |a| a.indicators[0].value = Some(f64::INFINITY), "not a finite"),
        ("NaN", |a| a.indicators[0].value = Some(f64::NAN), "not a finite"),
        (
            "negative range upside down",
            |a| {
                a.indicators[1].value = Some(-1.0);
                a.indicators[1].value_max = Some(-2.0)
            },
            "> value_max",
        ),
        ("empty unit", |a| a.indicators[0].unit = Some(String::new()), "empty unit"),
        (
            "direction",
            |a| {
                a.indicators[0].kind = Kind::Level;
                a.indicators[0].direction = Some(Direction::Up)
            },
            "direction",
        ),
    ];
    for (name, break_it, message) in cases {
        let mut a = good.clone();
        break_it(&mut a);
        let got = invariants::violation(text, &a);
        assert!(got.as_ref().is_err_and(|e| e.contains(message)), "{name}: {got:?}");
    }
    // a negative value is a value (`负3.9%`, `增长-3.2%`)
    let mut a = good.clone();
    a.indicators[0].value = Some(-1.0);
    invariants::violation(text, &a).unwrap();
    // a metric that runs over its figure, sliced right
    let mut a = good.clone();
    let i = &mut a.indicators[0];
    i.metric_end = Some(i.end);
    i.metric = Some(String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[i.metric_start.unwrap()..i.end]).unwrap());
    let got = invariants::violation(text, &a);
    assert!(got.as_ref().is_err_and(|e| e.contains("overlaps the figure")), "{got:?}");
    // a span that ends inside the surrogate pair of 𠀀
    let pair = text.encode_utf16().position(|u| (0xD800..0xDC00).contains(&u)).unwrap();
    let mut a = good.clone();
    a.sections[1].end = pair + 1;
    let got = invariants::violation(text, &a);
    assert!(got.as_ref().is_err_and(|e| e.contains("splits a surrogate pair")), "{got:?}");
}
