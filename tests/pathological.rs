//! Pathological inputs (`tests/pathological/cases.rs`): each is annotated
//! at its full size (up to 5 MB) and at a tenth of it. Both results keep
//! the invariants of `tests/invariants/mod.rs`; the output of the larger is
//! at most ten times that of the smaller (plus a little), and it costs at
//! most 30 times the time (best of three runs each). Work grows linearly,
//! so the ratio is about 10: 30 leaves room for a noisy shared machine
//! while catching anything quadratic, which would be about 100. The exact
//! figures are `cargo bench --bench pathological`.

#[path = "pathological/cases.rs"]
mod cases;
mod invariants;

use std::sync::Mutex;
use std::time::{Duration, Instant};
use zhibiao::{annotate, Annotation};

/// One case at a time in this test binary: the tests run on parallel
/// threads, and another case's work (making, checking and serialising
/// megabytes) slows the memory-bound timing of this one.
static ONE_CASE: Mutex<()> = Mutex::new(());

/// The results for `small` and `big` and the best time of each over three
/// rounds; the two are timed in turn within each round, so that a change in
/// the machine's load falls on both.
fn timed(small: &str, big: &str) -> ([Annotation; 2], [Duration; 2]) {
    let mut best = [Duration::MAX; 2];
    let mut results = [Annotation::default(), Annotation::default()];
    for _ in 0..3 {
        for (k, text) in [small, big].into_iter().enumerate() {
            let t = Instant::now();
            results[k] = annotate(text);
            best[k] = best[k].min(t.elapsed());
        }
    }
    (results, best)
}

fn json_len(a: &Annotation) -> usize {
    serde_json::to_string(a).unwrap().len()
}

/// Checks one case; returns (sections, indicators) at full size.
fn check_case(name: &str) -> (usize, usize) {
    let _one_at_a_time = ONE_CASE.lock().unwrap_or_else(|e| e.into_inner());
    let case = cases::CASES.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no case {name:?}"));
    let small = (case.make)(case.big / 10);
    let big = (case.make)(case.big);
    let ([a_small, a_big], [t_small, t_big]) = timed(&small, &big);
    invariants::check(&small, &a_small, &format!("{name} (small)"));
    invariants::check(&big, &a_big, &format!("{name} (big)"));
    // the big input is a whole number of patterns: not always exactly 10×
    let scale = big.len() as f64 / small.len() as f64;
    let linear = |what: &str, s: usize, b: usize, per_item: f64| {
        let bound = scale * s as f64 * per_item + 16.0;
        assert!(b as f64 <= bound, "{name}: {what} {b} at full size, {s} at {scale:.2} times less");
    };
    linear("sections", a_small.sections.len(), a_big.sections.len(), 1.0);
    linear("indicators", a_small.indicators.len(), a_big.indicators.len(), 1.0);
    // offsets ten times larger are written with one more digit each
    linear("JSON bytes", json_len(&a_small), json_len(&a_big), 1.2);
    let floor = Duration::from_micros(500); // below this a timer measures noise
    println!(
        "{name}: {:.1} ms for {:.0} KB, {:.1} ms for {:.1}× that: {:.1}× the time",
        t_small.as_secs_f64() * 1e3,
        small.len() as f64 / 1e3,
        t_big.as_secs_f64() * 1e3,
        scale,
        t_big.as_secs_f64() / t_small.as_secs_f64()
    );
    assert!(
        t_big <= 30 * t_small.max(floor),
        "{name}: {:.1} ms at {} bytes but {:.1} ms at {} bytes: more than 30 times",
        t_big.as_secs_f64() * 1e3,
        big.len(),
        t_small.as_secs_f64() * 1e3,
        small.len()
    );
    (a_big.sections.len(), a_big.indicators.len())
}

#[test]
fn a_megabyte_of_digits() {
    assert_eq!(check_case("digits"), (0, 0)); // a number without a unit is no indicator
}

#[test]
fn a_megabyte_of_digits_then_a_unit() {
    assert_eq!(check_case("digits then a unit"), (0, 1));
    let a = annotate(&(cases::CASES[1].make)(1000));
    assert_eq!(a.indicators[0].value, None, "too large for f64: no value");
}

#[test]
fn a_megabyte_line_without_punctuation() {
    let (sections, indicators) = check_case("one line, no punctuation");
    assert_eq!(sections, 0);
    assert!(indicators > 30_000, "{indicators}");
}

#[test]
fn a_hundred_thousand_headings() {
    assert_eq!(check_case("一、 headings"), (100_000, 0));
}

#[test]
fn markers_on_one_line() {
    assert_eq!(check_case("一、 on one line"), (1, 0));
    assert_eq!(check_case("（一） nested on one line"), (1, 0));
}

#[test]
fn ten_thousand_lines_of_three_marker_styles() {
    let (sections, _) = check_case("（一） / 1 / 一是 lines");
    assert_eq!(sections, 30_000);
}

#[test]
fn punctuation_ideographs_and_nul_only() {
    assert_eq!(check_case("punctuation only"), (0, 0));
    assert_eq!(check_case("ideographs only").1, 0);
    assert_eq!(check_case("NUL bytes"), (0, 0));
    assert!(check_case("NUL between figures").1 > 0);
}

#[test]
fn lone_surrogates_from_js_become_one_unit_each() {
    let text = (cases::CASES.iter().find(|c| c.name == "lone surrogates from JS").unwrap().make)(1);
    assert_eq!(text.encode_utf16().count(), 22, "U+FFFD is one UTF-16 unit, like the surrogate it replaces");
    let a = annotate(&text);
    let got: Vec<(usize, &str)> = a.indicators.iter().map(|i| (i.start, i.value_text.as_str())).collect();
    assert_eq!(got, [(3, "8.1%"), (13, "1.95万亿元")]);
    check_case("lone surrogates from JS");
}

#[test]
fn a_five_megabyte_paragraph_of_figures() {
    let (_, indicators) = check_case("one 5 MB paragraph of figures");
    assert!(indicators > 200_000, "{indicators}");
}

#[test]
fn pasted_layouts_at_scale() {
    let (_, indicators) = check_case("PDF pages");
    assert!(indicators > 10_000, "{indicators}");
    // menus in the middle of a text are not its page's chrome: only the
    // time and the invariants are checked
    assert!(check_case("web chrome and blank lines").1 > 1000);
    assert!(check_case("spaced digits").1 > 10_000);
}
