//! Property tests (proptest): on random report-like text — ideographs,
//! simplified and traditional, digits in both widths, full-width forms,
//! Chinese punctuation, LF and CRLF line ends, outline markers at line
//! starts, magnitudes and units, characters outside the BMP — the output
//! keeps every invariant of `tests/invariants/mod.rs`, and text added
//! where it cannot matter changes the output by exactly its length.
//!
//! `PROPTEST_CASES=20000 cargo test --release --test properties` runs
//! more cases than the default below. A failing case is shrunk and saved
//! in `tests/properties.proptest-regressions`; commit that file, it is
//! replayed first from then on.

mod invariants;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use zhibiao::{annotate, Annotation};

/// Outline markers, put at line starts.
const MARKERS: &[&str] = &["一、", "二、", "十二、", "（一）", "（二）", "(三)", "一是", "二是", "1.", "2、", "１ ", "（1）", "――", "第一部分"];

/// Everything else a line is made of.
const TOKENS: &[&str] = &[
    // ideographs: words of reports, traditional forms, a lone numeral word
    "全市",
    "地区生产总值",
    "城镇登记失业率",
    "居民",
    "收入",
    "企业",
    "新增就业",
    "增长",
    "下降",
    "提高到",
    "达到",
    "控制在",
    "预计",
    "力争",
    "分别",
    "和",
    "的",
    "了",
    "要",
    "年",
    "回顾",
    "报告",
    "各位代表",
    "增長",
    "萬億元",
    "個百分點",
    "預計",
    "第",
    "位",
    "首位",
    "翻一番",
    "七成",
    "百分之",
    "三大",
    "五件大事",
    "十三五",
    "每",
    // digits, half- and full-width, and number punctuation
    "0",
    "1",
    "2",
    "5",
    "8",
    "9",
    "10",
    "2016",
    "2020年",
    "1,234",
    ".",
    "１",
    "２",
    "８",
    "．",
    "％",
    "，",
    // Chinese numerals and magnitudes
    "一",
    "两",
    "三",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "多",
    "余",
    "点",
    // units
    "%",
    "个百分点",
    "元",
    "万元",
    "亿元",
    "人",
    "个",
    "家",
    "吨",
    "倍",
    "微克/立方米",
    "元/月",
    // punctuation, full-width forms and signs
    "，",
    "。",
    "、",
    "；",
    "：",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "—",
    "～",
    "至",
    "∶",
    "ＧＤＰ",
    "PM2.5",
    "+",
    " ",
    "\u{3000}",
    // outside the BMP, and what a lone surrogate becomes
    "𠀀",
    "😀",
    "\u{FFFD}",
];

const LINE_ENDS: &[&str] = &["\n", "\r\n", "\n\n", ""];

/// One line: maybe a marker, then tokens, then a line end (or none: the
/// next line runs on).
fn line() -> impl Strategy<Value = String> {
    (proptest::option::weighted(0.3, select(MARKERS)), vec(select(TOKENS), 0..24), select(LINE_ENDS)).prop_map(|(marker, tokens, end)| {
        let mut s = String::new();
        s.extend(marker);
        s.extend(tokens);
        s.push_str(end);
        s
    })
}

/// A report as copied out of a PDF or a web page: its characters wrapped
/// every `width`, with zero-width characters, page-number lines, running
/// heads, spaced digits, menu lines and line ends of a lone `\r` strewn in
/// (each chosen by a bit of `traits`).
fn pasted() -> impl Strategy<Value = String> {
    (report(), 4usize..40, any::<u16>(), 1usize..30).prop_map(|(text, width, traits, every)| {
        let bit = |k: u32| traits & (1 << k) != 0;
        let mut out = String::new();
        if bit(0) {
            out.push_str("首页\n政务公开\n首页 > 政务公开 > 政府工作报告\n");
        }
        let (mut col, mut lines, mut page) = (0, 0, 1);
        for (k, c) in text.chars().enumerate() {
            if c == '\n' {
                col = 0;
            }
            out.push(c);
            if bit(1) && c.is_ascii_digit() {
                out.push(' ');
            }
            if bit(2) && k % every == 0 {
                out.push(['\u{200B}', '\u{AD}', '\u{FEFF}', '\u{200D}'][k % 4]);
            }
            col += 1;
            if col >= width {
                col = 0;
                lines += 1;
                out.push_str(if bit(3) { "\r" } else { "\n" });
                if bit(4) && lines % every == 0 {
                    page += 1;
                    out.push_str(&format!("\n— {page} —\n"));
                    if bit(5) {
                        out.push_str("2017年政府工作报告\n");
                    }
                    if bit(6) {
                        out.push('\u{0C}');
                    }
                }
            }
        }
        if bit(7) {
            out.push_str("\n网站地图 | 联系我们\n版权所有：某某市人民政府\n粤ICP备05070829号\n");
        }
        out
    })
}

fn report() -> impl Strategy<Value = String> {
    vec(line(), 0..16).prop_map(|lines| lines.concat())
}

/// `a` with every offset moved `by` UTF-16 units to the right.
fn shifted(a: &Annotation, by: usize) -> Annotation {
    let mut a = a.clone();
    for s in &mut a.sections {
        s.start += by;
        s.end += by;
    }
    for i in &mut a.indicators {
        i.start += by;
        i.end += by;
        i.metric_start = i.metric_start.map(|m| m + by);
        i.metric_end = i.metric_end.map(|m| m + by);
    }
    for c in &mut a.layout.chrome {
        c.start += by;
        c.end += by;
    }
    a
}

/// `a` but for how its text ends its lines, which a blank line changes.
fn lines_aside(mut a: Annotation) -> Annotation {
    a.layout.line_ends = zhibiao::LineEnds::None;
    a
}

/// Blank lines only: no heading and no number, and not counted by the rules
/// that look at the first lines (title and byline), at the first dozen lines
/// (salutation) or at how many paragraphs of a part open with a lead
/// sentence. So they may shift the offsets and nothing else. A sentence is
/// no such prefix: before `一、报告\n` (the document's title line), `某某。\n`
/// makes that line a heading, as it should — proptest finds this at once.
const NEUTRAL_PREFIXES: &[&str] = &["\n", "\n\n", "\r\n", "\u{3000}\n", " \t\n\r\n"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_reports_keep_the_invariants(text in report()) {
        let a = annotate(&text);
        invariants::violation(&text, &a).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn pasted_reports_keep_the_invariants(text in pasted()) {
        let a = annotate(&text);
        invariants::violation(&text, &a).map_err(TestCaseError::fail)?;
        // the reading drops and replaces, never adds
        prop_assert!(zhibiao::reflow(&text).chars().count() <= text.chars().count());
    }

    #[test]
    fn any_characters_keep_the_invariants(text in "\\PC{0,200}") {
        let a = annotate(&text);
        invariants::violation(&text, &a).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_blank_prefix_shifts_every_offset_and_nothing_else(text in report(), prefix in select(NEUTRAL_PREFIXES)) {
        let plain = annotate(&text);
        let prefixed = annotate(&format!("{prefix}{text}"));
        prop_assert_eq!(lines_aside(prefixed), lines_aside(shifted(&plain, prefix.encode_utf16().count())));
    }

    #[test]
    fn blank_lines_at_the_end_change_nothing(text in report()) {
        prop_assert_eq!(lines_aside(annotate(&format!("{text}\n\n"))), lines_aside(annotate(&text)));
    }
}
