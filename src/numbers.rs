//! Number expressions: Arabic and Chinese numerals with their magnitude
//! (`万` `亿` …), `多`/`余`, ranges, `百分之…`, `…成`, `翻…番`, structure
//! ratios and ranks, each read into a value and a canonical unit.
//!
//! This module only reads what is written at a position; whether the
//! number is an indicator (and not a date, a code or a name) is decided in
//! `indicators`.

use crate::charclass::{class, CN_DIGIT, CN_NUMERAL};
use crate::text::Doc;
use crate::units;

/// How a number was written; the filters treat the forms differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Arabic digits, half- or full-width.
    Arabic,
    /// Chinese numerals (`一千二百`, `两万`).
    Chinese,
    /// `百分之五`, `七成`: a percentage written out.
    Percent,
    /// `翻一番`, `翻两番`.
    Doubling,
    /// `第6位`, `全国第一`, `首位`, `榜首`.
    Rank,
    /// `1∶31∶68`.
    Ratio,
}

/// One number expression: number, magnitude, unit, as written at
/// `start..end` (character indices).
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    pub unit: Option<&'static str>,
    pub form: Form,
    /// An internal `多` or `余` (`700多家`): the true value is larger.
    pub more: bool,
    /// A magnitude character was applied (`万`, `亿`, `千`, `百`).
    pub magnitude: bool,
}

impl Number {
    /// The number with a value too large for an `f64` (a 400-digit number,
    /// `万万万…万元`) read as no value: `None`, not infinity or NaN, which
    /// JSON cannot write.
    pub fn finite(mut self) -> Number {
        self.value = self.value.filter(|v| v.is_finite());
        self.value_max = self.value_max.filter(|v| v.is_finite() && self.value.is_some());
        self
    }
}

/// A decimal read exactly: `mantissa × 10^exp`, so that `1.95万亿` becomes
/// 1.95e12 without binary rounding noise.
#[derive(Debug, Clone, Copy)]
struct Decimal {
    mantissa: u64,
    exp: i32,
}

impl Decimal {
    fn to_f64(self) -> f64 {
        let m = self.mantissa as f64;
        if self.exp >= 0 {
            m * pow10(self.exp)
        } else {
            m / pow10(-self.exp)
        }
    }
}

fn pow10(e: i32) -> f64 {
    10f64.powi(e.min(300))
}

/// Reads Arabic digits with thousands separators and a decimal part
/// starting at `i`: (value, end). `1,234.5` is one number; a comma not
/// followed by exactly three digits ends it.
fn arabic_digits(doc: &Doc, i: usize) -> Option<(Decimal, usize)> {
    let mut j = i;
    let mut m: u64 = 0;
    let mut exp: i32 = 0;
    let mut digits = 0;
    let push = |m: &mut u64, exp: &mut i32, d: u32| {
        if *m < 100_000_000_000_000_000 {
            *m = *m * 10 + d as u64;
        } else {
            *exp += 1;
        }
    };
    while let Some(d) = doc.at(j).to_digit(10).filter(|_| doc.at(j).is_ascii_digit()) {
        push(&mut m, &mut exp, d);
        digits += 1;
        j += 1;
    }
    if digits == 0 {
        return None;
    }
    // thousands groups: ",ddd" not followed by another digit; older
    // reports write them with the full-width comma (`33，212万吨`)
    let first_group = digits;
    while first_group <= 3 && matches!(doc.at(j), ',' | '，') {
        if (1..=3).all(|k| doc.at(j + k).is_ascii_digit())
            && !doc.at(j + 4).is_ascii_digit()
            && !(doc.at(j) == '，' && doc.at(j + 4) == '.')
        {
            for k in 1..=3 {
                push(&mut m, &mut exp, doc.at(j + k).to_digit(10).unwrap_or(0));
            }
            j += 4;
        } else {
            break;
        }
    }
    if doc.at(j) == '.' && doc.at(j + 1).is_ascii_digit() {
        j += 1;
        while doc.at(j).is_ascii_digit() {
            if m < 100_000_000_000_000_000 {
                m = m * 10 + doc.at(j).to_digit(10).unwrap_or(0) as u64;
                exp -= 1;
            }
            j += 1;
        }
    }
    Some((Decimal { mantissa: m, exp }, j))
}

/// The value of a Chinese numeral digit.
#[inline]
pub fn cn_digit(c: char) -> Option<u64> {
    if class(c) & CN_DIGIT == 0 {
        return None;
    }
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Whether `c` takes part in a Chinese numeral.
#[inline]
pub fn is_cn_numeral(c: char) -> bool {
    class(c) & CN_NUMERAL != 0
}

/// Reads a Chinese numeral at `i` (`一千二百`, `十二万`, `两万`, `三千余`
/// without the `余`): (value, end). `None` when the characters do not make
/// a well-formed numeral (`十三五`, `一一`).
pub fn chinese_numeral(doc: &Doc, i: usize) -> Option<(f64, usize)> {
    let mut j = i;
    let mut total: f64 = 0.0; // completed 亿 and 万 groups
    let mut group: f64 = 0.0; // below 万
    let mut digit: Option<u64> = None;
    let mut last_small: u32 = 10_000; // the last of 十百千 seen in this group
    let mut seen = false;
    loop {
        let c = doc.at(j);
        if let Some(d) = cn_digit(c) {
            if d == 0 {
                // 一百零五: a zero only holds a place
                j += 1;
                continue;
            }
            if digit.is_some() {
                return None; // 十三五, 一一
            }
            digit = Some(d);
        } else {
            let small = match c {
                '十' | '拾' => 10,
                '百' | '佰' => 100,
                '千' | '仟' => 1000,
                _ => 0,
            };
            if small > 0 {
                if small >= last_small {
                    return None; // 十百, 百百
                }
                let d = match digit {
                    Some(d) => d,
                    None if small == 10 => 1, // 十二 = 12
                    None if !seen => 1,
                    None => return None,
                };
                group += (d * small as u64) as f64;
                digit = None;
                last_small = small;
            } else if c == '万' {
                let g = group + digit.unwrap_or(0) as f64;
                if g == 0.0 && !seen {
                    return None;
                }
                total += g * 1e4;
                group = 0.0;
                digit = None;
                last_small = 10_000;
            } else if c == '亿' {
                let g = group + digit.unwrap_or(0) as f64;
                if g == 0.0 && total == 0.0 && !seen {
                    return None;
                }
                total = (total + g) * 1e8;
                group = 0.0;
                digit = None;
                last_small = 10_000;
            } else {
                break;
            }
        }
        seen = true;
        j += 1;
    }
    if !seen {
        return None;
    }
    Some((total + group + digit.unwrap_or(0) as f64, j))
}

/// The digits after `点` in a Chinese decimal (`二点六` → 0.6), read
/// exactly: (fraction, end).
fn chinese_fraction(doc: &Doc, i: usize) -> (f64, usize) {
    let mut j = i;
    let mut m: u64 = 0;
    let mut places = 0;
    while let Some(d) = cn_digit(doc.at(j)).filter(|_| doc.at(j) != '两' && places < 15) {
        m = m * 10 + d;
        places += 1;
        j += 1;
    }
    (Decimal { mantissa: m, exp: -places }.to_f64(), j)
}

/// Chinese digits written positionally, as in years (`一九五三`): value, end.
pub fn positional_chinese(doc: &Doc, i: usize) -> Option<(u64, usize)> {
    let mut j = i;
    let mut v: u64 = 0;
    while let Some(d) = cn_digit(doc.at(j)).filter(|_| doc.at(j) != '两') {
        v = v.saturating_mul(10).saturating_add(d);
        j += 1;
    }
    (j > i).then_some((v, j))
}

/// The multiplier of magnitude characters after an Arabic number
/// (`万` 1e4, `亿` 1e8, `万亿` 1e12, `千万` 1e7, `百万` 1e6), and the end.
fn magnitude(doc: &Doc, i: usize) -> (f64, usize) {
    let mut j = i;
    let mut mult = 1.0;
    // 千 and 百 only in front of 万/亿 (`3千万`) or as `千` alone before a unit
    match doc.at(j) {
        '百' if matches!(doc.at(j + 1), '万' | '亿') => {
            mult *= 100.0;
            j += 1;
        }
        '千' if matches!(doc.at(j + 1), '万' | '亿')
            || units::unit_at(doc, j + 1).is_some()
            || (matches!(doc.at(j + 1), '多' | '余') && units::unit_at(doc, j + 2).is_some()) =>
        {
            mult *= 1000.0;
            j += 1;
        }
        '十' if matches!(doc.at(j + 1), '万' | '亿') => {
            mult *= 10.0;
            j += 1;
        }
        _ => {}
    }
    loop {
        match doc.at(j) {
            '万' => mult *= 1e4,
            '亿' => mult *= 1e8,
            _ => break,
        }
        j += 1;
    }
    (mult, j)
}

/// Whether a range sign (`—` `-` `～` `至`) stands at `i`: its length.
fn range_sign(doc: &Doc, i: usize) -> usize {
    match doc.at(i) {
        '—' if doc.at(i + 1) == '—' => 2,
        '—' | '–' | '-' | '~' | '～' | '〜' | '至' => 1,
        '―' if doc.at(i + 1) == '―' => 2,
        _ => 0,
    }
}

/// Reads an Arabic number expression starting at the digit `i`:
/// digits, magnitude, `多`/`余`, unit, and an optional second bound.
pub fn arabic(doc: &Doc, i: usize) -> Option<Number> {
    let (lo, end) = read_arabic_bound(doc, i)?;
    let mut n = Number {
        start: i,
        end: lo.end(end),
        value: Some(lo.value),
        value_max: None,
        unit: lo.unit,
        form: Form::Arabic,
        more: lo.more,
        magnitude: lo.mult != 1.0,
    };
    // a range: 6%—6.5%, 5至6个, 3-5万人
    let after = n.end;
    let sign = range_sign(doc, after);
    if sign > 0 && doc.at(after + sign).is_ascii_digit() {
        if let Some((hi, hi_end)) = read_arabic_bound(doc, after + sign) {
            let units_agree = lo.unit.is_none() || lo.unit == hi.unit;
            let has_measure = hi.unit.is_some() || hi.mult != 1.0;
            if units_agree && has_measure && !hi.followed_by_year(doc, hi_end) {
                let lo_value = if lo.mult == 1.0 && hi.mult != 1.0 { lo.raw * hi.mult } else { lo.value };
                if lo_value <= hi.value {
                    n.value = Some(lo_value);
                    n.value_max = Some(hi.value);
                    n.unit = hi.unit;
                    n.end = hi.end(hi_end);
                    n.magnitude |= hi.mult != 1.0;
                    n.more |= hi.more;
                }
            }
        }
    }
    Some(n)
}

/// One bound of an Arabic expression.
struct Bound {
    raw: f64,
    mult: f64,
    value: f64,
    unit: Option<&'static str>,
    unit_end: Option<usize>,
    more: bool,
}

impl Bound {
    fn end(&self, number_end: usize) -> usize {
        self.unit_end.unwrap_or(number_end)
    }
    fn followed_by_year(&self, doc: &Doc, end: usize) -> bool {
        self.unit.is_none() && matches!(doc.at(end), '年' | '月' | '日')
    }
}

/// Digits, `多`/`余`, magnitude, `多`/`余`, unit. Returns the bound and the
/// end of the number before any unit.
fn read_arabic_bound(doc: &Doc, i: usize) -> Option<(Bound, usize)> {
    let (d, mut j) = arabic_digits(doc, i)?;
    let mut more = false;
    if matches!(doc.at(j), '多' | '余') && matches!(doc.at(j + 1), '万' | '亿') {
        more = true;
        j += 1;
    }
    let (mut mult, k) = magnitude(doc, j);
    j = k;
    if matches!(doc.at(j), '多' | '余' | '逾') && (units::unit_at(doc, j + 1).is_some() || mult != 1.0) {
        more = true;
        j += 1;
        // 3万多亿元: a magnitude after the 多
        let (m2, k2) = magnitude(doc, j);
        if m2 != 1.0 {
            mult *= m2;
            j = k2;
        }
    }
    let raw = d.to_f64();
    let mut value = if mult == 1.0 {
        raw
    } else if d.exp < 0 && mult >= 1.0 {
        // 1.95万亿: shift the exponent, then convert once
        let e = mult.log10().round() as i32;
        Decimal { mantissa: d.mantissa, exp: d.exp + e }.to_f64()
    } else {
        raw * mult
    };
    // 1万6千多户, 1亿3千万: a smaller magnitude written on after a larger
    if !more && mult >= 1e4 && d.exp == 0 {
        if let Some((tail, e)) = arabic_digits(doc, j).filter(|(t, _)| t.exp == 0) {
            let (m2, k2) = magnitude(doc, e);
            if m2 > 1.0 && m2 < mult && k2 > e {
                value += tail.to_f64() * m2;
                j = k2;
                if matches!(doc.at(j), '多' | '余') {
                    more = true;
                    j += 1;
                }
            }
        }
    }
    let unit = units::unit_at(doc, j);
    Some((
        Bound {
            raw,
            mult,
            value,
            unit: unit.map(|u| u.canonical),
            unit_end: unit.map(|u| j + u.len),
            more,
        },
        j,
    ))
}

/// Reads a Chinese numeral expression at `i`: numeral, `多`/`余`, magnitude,
/// unit (`两万`, `十二万人`, `三千余家`, `七成`, `一倍`).
pub fn chinese(doc: &Doc, i: usize) -> Option<Number> {
    let (v, mut j) = chinese_numeral(doc, i)?;
    let mut more = false;
    let mut value = v;
    // 四点二倍, 二点六
    if doc.at(j) == '点' && cn_digit(doc.at(j + 1)).is_some_and(|_| doc.at(j + 1) != '两') {
        let (frac, e) = chinese_fraction(doc, j + 1);
        value += frac;
        j = e;
    }
    if matches!(doc.at(j), '多' | '余') {
        more = true;
        j += 1;
        // 二十多万
        let (mult, k) = magnitude(doc, j);
        value *= mult;
        j = k;
    }
    // 七成: a percentage
    if doc.at(j) == '成' && (1.0..=9.0).contains(&v) && v.fract() == 0.0 && j == i + 1 {
        let after = doc.at(j + 1);
        if !matches!(after, '为' | '立' | '功' | '果' | '效' | '就' | '员' | '本' | '交' | '型' | '长' | '了' | '绩' | '熟' | '都' | '材' | '品' | '分' | '年') {
            return Some(Number {
                start: i,
                end: j + 1,
                value: Some(v * 10.0),
                value_max: None,
                unit: Some("%"),
                form: Form::Percent,
                more,
                magnitude: false,
            });
        }
    }
    let unit = units::unit_at(doc, j);
    let mag = has_magnitude_char(doc, i, j);
    Some(Number {
        start: i,
        end: unit.map_or(j, |u| j + u.len),
        value: Some(value),
        value_max: None,
        unit: unit.map(|u| u.canonical),
        form: Form::Chinese,
        more,
        magnitude: mag,
    })
}

fn has_magnitude_char(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|k| matches!(doc.at(k), '万' | '亿'))
}

/// `百分之五`, `百分之十二点五`, `百分之7.5`: a percentage, at the `百` of
/// `百分之`.
pub fn percent_words(doc: &Doc, i: usize) -> Option<Number> {
    if !doc.starts_with(i, "百分之") {
        return None;
    }
    let k = i + 3;
    let (value, mut end) = if doc.at(k).is_ascii_digit() {
        let (d, e) = arabic_digits(doc, k)?;
        (d.to_f64(), e)
    } else {
        let (v, e) = chinese_numeral(doc, k)?;
        (v, e)
    };
    let mut value = value;
    // 十二点五
    if doc.at(end) == '点' && cn_digit(doc.at(end + 1)).is_some() {
        let (frac, e) = chinese_fraction(doc, end + 1);
        value += frac;
        end = e;
    }
    Some(Number {
        start: i,
        end,
        value: Some(value),
        value_max: None,
        unit: Some("%"),
        form: Form::Percent,
        more: false,
        magnitude: false,
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
    Some(Number {
        start: i,
        end,
        value: Some(v),
        value_max: None,
        unit: Some("番"),
        form: Form::Doubling,
        more: false,
        magnitude: false,
    })
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
    Some(Number {
        start: i,
        end,
        value: Some(1.0),
        value_max: None,
        unit: Some("位"),
        form: Form::Rank,
        more: false,
        magnitude: false,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// (value, value_max, unit, value_text) of the Arabic number at the start.
    type Read = (Option<f64>, Option<f64>, Option<&'static str>, String);

    fn ar(s: &str) -> Option<Read> {
        let d = Doc::new(s);
        arabic(&d, 0).map(|n| (n.value, n.value_max, n.unit, d.slice(n.start, n.end).to_string()))
    }

    #[test]
    fn arabic_numbers() {
        // (text, value, value_max, unit, value_text)
        type Case<'a> = (&'a str, f64, Option<f64>, Option<&'a str>, &'a str);
        let cases: &[Case] = &[
            ("8.1%，", 8.1, None, Some("%"), "8.1%"),
            ("1.95万亿元", 1.95e12, None, Some("元"), "1.95万亿元"),
            ("1,234.5万元", 12_345_000.0, None, Some("元"), "1,234.5万元"),
            ("33，212万吨", 332_120_000.0, None, Some("吨"), "33，212万吨"),
            ("1,234,567元", 1_234_567.0, None, Some("元"), "1,234,567元"),
            ("８．５％", 8.5, None, Some("%"), "８．５％"),
            ("１２３４家", 1234.0, None, Some("家"), "１２３４家"),
            ("700多家", 700.0, None, Some("家"), "700多家"),
            ("1.2万余人", 12000.0, None, Some("人"), "1.2万余人"),
            ("300多万人", 3_000_000.0, None, Some("人"), "300多万人"),
            ("6%—6.5%", 6.0, Some(6.5), Some("%"), "6%—6.5%"),
            ("6%－6.5%", 6.0, Some(6.5), Some("%"), "6%－6.5%"),
            ("5至6个", 5.0, Some(6.0), Some("个"), "5至6个"),
            ("3-5万人", 30000.0, Some(50000.0), Some("人"), "3-5万人"),
            ("9.7个百分点", 9.7, None, Some("个百分点"), "9.7个百分点"),
            ("36微克/立方米", 36.0, None, Some("微克/立方米"), "36微克/立方米"),
            ("840元/月", 840.0, None, Some("元/月"), "840元/月"),
            ("34万吨/日", 340_000.0, None, Some("吨/日"), "34万吨/日"),
            ("1875万标箱", 18_750_000.0, None, Some("标箱"), "1875万标箱"),
            ("6.3个月", 6.3, None, Some("个月"), "6.3个月"),
            ("2.25万来穗", 22500.0, None, None, "2.25万"),
            ("8306.79亿元", 830_679_000_000.0, None, Some("元"), "8306.79亿元"),
            ("3千万元", 30_000_000.0, None, Some("元"), "3千万元"),
            ("1万6千多户", 16_000.0, None, Some("户"), "1万6千多户"),
            ("1亿3千万人次", 130_000_000.0, None, Some("人次"), "1亿3千万人次"),
            ("5千多户", 5_000.0, None, Some("户"), "5千多户"),
            ("3万多亿元", 3e12, None, Some("元"), "3万多亿元"),
        ];
        for &(s, v, vmax, unit, text) in cases {
            let got = ar(s).unwrap_or_else(|| panic!("{s}: no number"));
            assert_eq!(got, (Some(v), vmax, unit, text.to_string()), "{s}");
        }
    }

    #[test]
    fn years_are_no_ranges() {
        assert_eq!(ar("2011－2020）").map(|g| g.1), Some(None));
    }

    #[test]
    fn chinese_numerals() {
        let cases: &[(&str, Option<f64>)] = &[
            ("一千二百", Some(1200.0)),
            ("两万", Some(20000.0)),
            ("十二万", Some(120_000.0)),
            ("三千", Some(3000.0)),
            ("一百零五", Some(105.0)),
            ("十", Some(10.0)),
            ("二十三", Some(23.0)),
            ("一亿二千万", Some(120_000_000.0)),
            ("十三五", None),
            ("一一", None),
        ];
        for &(s, v) in cases {
            let d = Doc::new(s);
            assert_eq!(chinese_numeral(&d, 0).map(|x| x.0), v, "{s}");
        }
    }

    #[test]
    fn written_out_forms() {
        let d = Doc::new("百分之五");
        assert_eq!(percent_words(&d, 0).and_then(|n| n.value), Some(5.0));
        let d = Doc::new("百分之十二点五");
        assert_eq!(percent_words(&d, 0).and_then(|n| n.value), Some(12.5));
        let d = Doc::new("七成市属国企");
        let n = chinese(&d, 0).unwrap();
        assert_eq!((n.value, n.unit, n.end), (Some(70.0), Some("%"), 2));
        let d = Doc::new("翻两番");
        assert_eq!(doubling(&d, 0).and_then(|n| n.value), Some(2.0));
        let d = Doc::new("四点二倍");
        let n = chinese(&d, 0).unwrap();
        assert_eq!((n.value, n.unit), (Some(4.2), Some("倍")));
        let d = Doc::new("三千余家");
        let n = chinese(&d, 0).unwrap();
        assert_eq!((n.value, n.unit, n.more), (Some(3000.0), Some("家"), true));
    }

    #[test]
    fn ratios_and_ranks() {
        let d = Doc::new("1∶31∶68");
        assert_eq!(ratio(&d, 0, false).map(|n| n.end), Some(7));
        let d = Doc::new("1.6:36.9:61.5调整");
        assert_eq!(ratio(&d, 0, false).map(|n| n.end), Some(13));
        let d = Doc::new("10:30");
        assert!(ratio(&d, 0, false).is_none());
        let d = Doc::new("第7位");
        assert_eq!(ordinal(&d, 0).map(|(n, s)| (n.value, s)), Some((Some(7.0), true)));
        let d = Doc::new("第一。");
        assert_eq!(ordinal(&d, 0).map(|(n, s)| (n.value, s)), Some((Some(1.0), false)));
    }
}
