//! The other forms of a figure: `百分之五`, `千分之六点一`, `三分之一`,
//! signs, vague amounts (`几十亿`), `翻一番`, ordinals and ranks, ratios.

use super::*;

pub(super) fn has_magnitude_char(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|k| matches!(doc.at(k), '万' | '亿'))
}

/// `百分之五`, `百分之十二点五`, `百分之7.5`, `千分之六点一`, `万分之三`:
/// a share written out, at the `百`, `千` or `万`, in `%`, `‰` or `‱`; with
/// a second bound (`百分之八至九`, `百分之七至百分之十`).
pub fn percent_words(doc: &Doc, i: usize) -> Option<Number> {
    let unit = match doc.at(i) {
        '百' | '佰' => "%",
        '千' | '仟' => "‰",
        '万' => "‱",
        _ => return None,
    };
    if !doc.starts_with(i + 1, "分之") {
        return None;
    }
    let (lo, mut end) = share(doc, i + 3)?;
    let mut value_max = None;
    let sign = range_sign(doc, end, i);
    if sign > 0 {
        let mut k = end + sign;
        if doc.at(k) == doc.at(i) && doc.starts_with(k + 1, "分之") {
            k += 3;
        }
        if let Some((hi, e)) = share(doc, k).filter(|&(hi, _)| hi >= lo) {
            value_max = Some(hi);
            end = e;
        }
    }
    Some(Number { start: i, end, value: Some(lo), value_max, unit: Some(unit), form: Form::Percent, more: false, magnitude: false })
}

/// `三分之一`, `十分之一`, `二十五分之一百四十四`, `16分之5`: a fraction at
/// its denominator `i`, as a percentage (`三分之一` is 33.3 %, as `七成` is
/// 70 %), when the denominator is a whole number from 2 to 100
/// (`五万分之一` is a map's scale).
pub fn fraction(doc: &Doc, i: usize) -> Option<Number> {
    let (den, j) = if doc.at(i).is_ascii_digit() {
        let (d, e) = arabic_digits(doc, i)?;
        (d.to_f64(), e)
    } else {
        chinese_numeral(doc, i)?
    };
    if !(2.0..=100.0).contains(&den) || den.fract() != 0.0 || !doc.starts_with(j, "分之") {
        return None;
    }
    let (num, end) = share(doc, j + 2)?;
    // 四分之一世纪: a span of time
    if doc.starts_with(end, "世纪") {
        return None;
    }
    Some(Number { start: i, end, value: Some(num * 100.0 / den), value_max: None, unit: Some("%"), form: Form::Percent, more: false, magnitude: false })
}

/// The number of a share after `百分之` at `i`, Arabic or Chinese: (value,
/// end).
pub(super) fn share(doc: &Doc, i: usize) -> Option<(f64, usize)> {
    if doc.at(i).is_ascii_digit() {
        let (d, e) = arabic_digits(doc, i)?;
        return Some((d.to_f64(), e));
    }
    let (int, frac, places, e) = cn_decimal(doc, i)?;
    Some((decimal_value(int, frac, places, 1.0), e))
}

/// A minus sign before the number at `i`: `负3.9%`, or `-` after a word
/// (`增长-3.2%`) or at the start of a line, and not after a number or a
/// code (`2011-2020`, `5万-6万`, `GB-2`): its length, or 0.
#[inline]
pub fn minus_before(doc: &Doc, i: usize) -> usize {
    match doc.before(i) {
        '负' => 1,
        '-' | '−' | '﹣' if i >= 1 => {
            let k = i - 1;
            let c = doc.before(k);
            let after_word = crate::text::is_han(c) && (k.saturating_sub(3)..k).all(|m| !doc.at(m).is_ascii_digit() && !is_cn_numeral(doc.at(m)));
            usize::from(after_word || matches!(c, '\n' | '（' | '(' | '：' | ':' | '，' | ','))
        }
        _ => 0,
    }
}

/// `n` with the minus sign of `len` characters before it.
pub fn negated(mut n: Number, len: usize) -> Number {
    n.start -= len;
    n.value = n.value.map(|v| -v);
    n
}

/// `几十亿元`, `数百万人`, `几万亩`: a vague amount at the `几` or `数`,
/// when only magnitudes follow it; it has no value.
pub fn vague(doc: &Doc, i: usize) -> Option<Number> {
    if !matches!(doc.at(i), '几' | '数') {
        return None;
    }
    let mut j = i + 1;
    while matches!(doc.at(j), '十' | '百' | '千' | '万' | '亿') && units::unit_at(doc, j).is_none() {
        j += 1;
    }
    if j == i + 1 {
        return None;
    }
    let scaled = has_magnitude_char(doc, i, j);
    let unit = units::unit_after(doc, j, scaled, false);
    Some(Number {
        start: i,
        end: unit.map_or(j, |u| j + u.len),
        value: None,
        value_max: None,
        unit: unit.map(|u| u.canonical),
        form: Form::Chinese,
        more: false,
        magnitude: scaled,
    })
}

/// `翻一番`, `翻两番`, `翻了一番`, `翻番` at the `翻`.
pub fn doubling(doc: &Doc, i: usize) -> Option<Number> {
    if doc.at(i) != '翻' {
        return None;
    }
    let mut j = i + 1;
    if doc.at(j) == '了' {
        j += 1;
    }
    let (v, end) = if doc.at(j) == '番' {
        (1.0, j + 1)
    } else {
        let d = cn_digit(doc.at(j)).or_else(|| doc.at(j).to_digit(10).map(u64::from))?;
        if doc.at(j + 1) != '番' || d == 0 {
            return None;
        }
        (d as f64, j + 2)
    };
    Some(Number { start: i, end, value: Some(v), value_max: None, unit: Some("番"), form: Form::Doubling, more: false, magnitude: false })
}

/// `第6位`, `第一`, `第三名` at the `第`: the rank and whether a `位`/`名`
/// follows (callers decide from the context whether a bare `第一` is a rank).
pub fn ordinal(doc: &Doc, i: usize) -> Option<(Number, bool)> {
    if doc.at(i) != '第' {
        return None;
    }
    let k = i + 1;
    let (v, end) = if doc.at(k).is_ascii_digit() {
        let (d, e) = arabic_digits(doc, k)?;
        if d.exp != 0 {
            return None;
        }
        (d.to_f64(), e)
    } else {
        chinese_numeral(doc, k)?
    };
    if v < 1.0 {
        return None;
    }
    let suffix = matches!(doc.at(end), '位' | '名');
    Some((
        Number {
            start: i,
            end: if suffix { end + 1 } else { end },
            value: Some(v),
            value_max: None,
            unit: Some("位"),
            form: Form::Rank,
            more: false,
            magnitude: false,
        },
        suffix,
    ))
}

/// `首位`, `榜首`, `首`(after 居) as rank 1, at the `首` or `榜`.
pub fn first_place(doc: &Doc, i: usize) -> Option<Number> {
    let end = if doc.starts_with(i, "首位") || doc.starts_with(i, "榜首") {
        i + 2
    } else {
        return None;
    };
    Some(Number { start: i, end, value: Some(1.0), value_max: None, unit: Some("位"), form: Form::Rank, more: false, magnitude: false })
}

/// `1∶31∶68`, `1.6:36.9:61.5`: at least three parts, or two after `比`.
pub fn ratio(doc: &Doc, i: usize, after_bi: bool) -> Option<Number> {
    let (_, mut j) = arabic_digits(doc, i)?;
    let mut parts = 1;
    while matches!(doc.at(j), ':' | '：') && doc.at(j + 1).is_ascii_digit() {
        let (_, e) = arabic_digits(doc, j + 1)?;
        j = e;
        parts += 1;
    }
    let enough = parts >= 3 || (parts == 2 && after_bi);
    // a time of day (10:30) is not a ratio
    (enough && !doc.at(j).is_ascii_digit()).then_some(Number {
        start: i,
        end: j,
        value: None,
        value_max: None,
        unit: Some("ratio"),
        form: Form::Ratio,
        more: false,
        magnitude: false,
    })
}
