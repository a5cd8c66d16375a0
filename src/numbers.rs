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

/// The exponent of a power of ten `mult` ≥ 1 (`1e8` → 8), by counting:
/// `log10` is half a kilobyte of wasm.
fn exp10(mult: f64) -> i32 {
    let mut e = 0;
    let mut m = mult;
    while m >= 9.5 && e < 300 {
        m /= 10.0;
        e += 1;
    }
    e
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
                // 一百二十万千瓦, 两千瓦: a unit that opens with 千 ends the
                // numeral (千瓦, 千米, 千克 …)
                if small == 1000 && seen && units::unit_at(doc, j).is_some() {
                    break;
                }
                if small >= last_small {
                    // 七十百分位, 二十百分点: a word of its own ends it
                    if small == 100 && doc.starts_with(j, "百分") {
                        break;
                    }
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
                if g == 0.0 && doc.before(j) == '万' {
                    total *= 1e4; // 六万万: 万 of 万 is 亿
                } else {
                    total += g * 1e4;
                }
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

/// Whether `c` can be a digit after `点` (`两` is not: `一点两小时`).
fn is_fraction_digit(c: char) -> bool {
    c != '两' && cn_digit(c).is_some()
}

/// The digits after `点` in a Chinese decimal (`二点六` → 6, one place):
/// (digits, places, end).
fn fraction_digits(doc: &Doc, i: usize) -> (u64, i32, usize) {
    let mut j = i;
    let mut m: u64 = 0;
    let mut places = 0;
    while let Some(d) = cn_digit(doc.at(j)).filter(|_| doc.at(j) != '两' && places < 15) {
        m = m * 10 + d;
        places += 1;
        j += 1;
    }
    (m, places, j)
}

/// A Chinese numeral with its decimal part at `i` (`二点五`, `十二点五`,
/// `零点五`, `四十七`): (integer part, fraction digits, their places, end).
fn cn_decimal(doc: &Doc, i: usize) -> Option<(f64, u64, i32, usize)> {
    let (int, j) = if matches!(doc.at(i), '零' | '〇' | '○') && doc.at(i + 1) == '点' && is_fraction_digit(doc.at(i + 2)) {
        (0.0, i + 1)
    } else {
        chinese_numeral(doc, i)?
    };
    if doc.at(j) == '点' && is_fraction_digit(doc.at(j + 1)) {
        let (m, places, e) = fraction_digits(doc, j + 1);
        return Some((int, m, places, e));
    }
    Some((int, 0, 0, j))
}

/// `int + frac × 10^-places`, times `mult` (a power of ten), read exactly:
/// `四十七点三万亿` is 473 × 10^11, not 47.3 × 10^12 with binary noise.
fn decimal_value(int: f64, frac: u64, places: i32, mult: f64) -> f64 {
    if places == 0 {
        return int * mult;
    }
    let scale = 10u64.pow(places as u32);
    let e = exp10(mult);
    match (int < 1e15).then(|| (int as u64).checked_mul(scale).and_then(|m| m.checked_add(frac))).flatten() {
        Some(m) => Decimal { mantissa: m, exp: e - places }.to_f64(),
        None => (int + frac as f64 / scale as f64) * mult,
    }
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
/// A `千` that opens a unit (`12千米`, `2.3千克`, `5千瓦`) is the unit's.
fn magnitude(doc: &Doc, i: usize) -> (f64, usize) {
    let mut j = i;
    let mut mult = 1.0;
    // 千 and 百 only in front of 万/亿 (`3千万`) or as `千` alone before a unit
    match doc.at(j) {
        '百' if matches!(doc.at(j + 1), '万' | '亿') => {
            mult *= 100.0;
            j += 1;
        }
        '千' if units::unit_at(doc, j).is_none()
            && (matches!(doc.at(j + 1), '万' | '亿')
                || units::unit_at(doc, j + 1).is_some()
                || (matches!(doc.at(j + 1), '多' | '余') && units::unit_at(doc, j + 2).is_some())) =>
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

/// The length of a range sign between two bounds at `i` (`—` `-` `～`
/// `至`, `到`), with a space on either side of a dash (`6.5% - 7%`), or
/// 0. `start` is where the first bound starts: after `从`/`由`/`自`,
/// `A到B` is a change from A to B, not a range.
#[inline]
fn range_sign(doc: &Doc, i: usize, start: usize) -> usize {
    if !matches!(doc.at(i), ' ' | '至' | '到' | '—' | '―' | '─' | '–' | '‒' | '-' | '−' | '﹣' | '~' | '～' | '〜' | '⁓') {
        return 0;
    }
    let space = |k: usize| usize::from(doc.at(k) == ' ');
    let k = i + space(i);
    let dash = match doc.at(k) {
        '—' | '―' | '─' if doc.at(k + 1) == doc.at(k) => 2,
        '—' | '―' | '─' | '–' | '‒' | '-' | '−' | '﹣' | '~' | '～' | '〜' | '⁓' => 1,
        '至' if k == i => return 1,
        '到' if k == i && !from_before(doc, start) => return 1,
        _ => return 0,
    };
    k + dash + space(k + dash) - i
}

/// `从`, `由` or `自` shortly before `i` in its clause.
fn from_before(doc: &Doc, i: usize) -> bool {
    let mut k = i;
    while k > i.saturating_sub(12) {
        k -= 1;
        match doc.at(k) {
            '从' | '由' | '自' => return true,
            '，' | ',' | '；' | ';' | '：' | ':' | '。' | '\n' => return false,
            _ => {}
        }
    }
    false
}

/// Reads an Arabic number expression starting at the digit `i`:
/// digits, magnitude, `多`/`余`, unit, and an optional second bound.
pub fn arabic(doc: &Doc, i: usize) -> Option<Number> {
    let (lo, end) = read_arabic_bound(doc, i)?;
    // 9成: a percentage
    if lo.unit.is_none() && lo.mult == 1.0 && !lo.more && lo.raw > 0.0 && lo.raw <= 10.0 && tenths(doc, end) {
        return Some(Number {
            start: i,
            end: end + 1,
            value: Some(Decimal { mantissa: (lo.raw * 1e6).round() as u64, exp: -5 }.to_f64()),
            value_max: None,
            unit: Some("%"),
            form: Form::Arabic,
            more: false,
            magnitude: false,
        });
    }
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
    let sign = range_sign(doc, after, i);
    if sign > 0 && doc.at(after + sign).is_ascii_digit() {
        if let Some((hi, hi_end)) = read_arabic_bound(doc, after + sign) {
            join_range(doc, &mut n, &lo, &hi, hi_end);
        }
    }
    Some(n)
}

/// Makes `n` (read from `lo`) the range up to `hi` when the two agree: the
/// units match (or the first has none: `3-5万人`), the second bound has a
/// measure, and the bounds are in order. A bare first bound takes the
/// second's magnitude (`3-5万人` is 3万 to 5万).
fn join_range(doc: &Doc, n: &mut Number, lo: &Bound, hi: &Bound, hi_end: usize) {
    let units_agree = lo.unit.is_none() || lo.unit == hi.unit;
    let has_measure = hi.unit.is_some() || hi.mult != 1.0;
    if !units_agree || !has_measure || hi.followed_by_year(doc, hi_end) {
        return;
    }
    let lo_value = if lo.mult == 1.0 && hi.mult != 1.0 { scaled(lo.raw, hi.mult) } else { lo.value };
    if lo_value <= hi.value {
        n.value = Some(lo_value);
        n.value_max = Some(hi.value);
        n.unit = hi.unit;
        n.end = hi.end(hi_end);
        n.magnitude |= hi.mult != 1.0;
        n.more |= hi.more;
    }
}

/// `v × mult` for a power of ten `mult`, without binary noise for a
/// short decimal `v` (`0.5` × 1e4).
fn scaled(v: f64, mult: f64) -> f64 {
    let e = exp10(mult);
    let places = (0..=6).find(|&p| {
        let m = v * pow10(p);
        m.round() == m
    });
    match places {
        Some(p) if v >= 0.0 && v < 1e12 && (1..=300).contains(&e) => Decimal { mantissa: (v * pow10(p)).round() as u64, exp: e - p }.to_f64(),
        _ => v * mult,
    }
}

/// A `成` at `j` that makes the number before it tenths (`七成`, `9成`),
/// not a word (`一成为`, `三成本`, `七成果`).
fn tenths(doc: &Doc, j: usize) -> bool {
    doc.at(j) == '成'
        && !matches!(
            doc.at(j + 1),
            '为' | '立' | '功' | '果' | '效' | '就' | '员' | '本' | '交' | '型' | '长' | '了' | '绩' | '熟' | '都' | '材' | '品' | '分' | '年'
        )
}

/// One bound of an expression.
struct Bound {
    /// The number before its magnitude.
    raw: f64,
    /// The magnitude it ends with (1 for none).
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
        let e = exp10(mult);
        Decimal { mantissa: d.mantissa, exp: d.exp + e }.to_f64()
    } else {
        raw * mult
    };
    // 1万6千多户, 1亿3千万, 5万4千6百: smaller magnitudes written on after
    // a larger one; 3万4000: the places below 万 written out
    if !more && mult >= 1e4 && d.exp == 0 {
        let mut last = mult;
        while let Some((tail, e)) = arabic_digits(doc, j).filter(|(t, _)| t.exp == 0) {
            let small = match doc.at(e) {
                '千' => 1e3,
                '百' => 1e2,
                '十' => 10.0,
                _ => 1.0,
            };
            // 4千6百: a magnitude below 万 on its own (3千万 and 3千多万 are
            // 千万s, read by `magnitude`)
            let on_its_own = small > 1.0
                && !matches!(doc.at(e + 1), '万' | '亿')
                && !(matches!(doc.at(e + 1), '多' | '余') && matches!(doc.at(e + 2), '万' | '亿'))
                && units::unit_at(doc, e).is_none();
            let (m2, k2) = if on_its_own { (small, e + 1) } else { magnitude(doc, e) };
            if !on_its_own && small > 1.0 && matches!(doc.at(e + 1), '多' | '余') && matches!(doc.at(e + 2), '万' | '亿') {
                // 1亿3千多万
                let (m3, k3) = magnitude(doc, e + 2);
                if small * m3 < last {
                    value += tail.to_f64() * small * m3;
                    more = true;
                    j = k3;
                }
                break;
            }
            let fills_places = m2 == 1.0 && e - j == exp10(last) as usize && !matches!(doc.at(e), '年' | '月' | '日' | '.');
            if !(m2 < last && (k2 > e || fills_places)) {
                break;
            }
            value += tail.to_f64() * m2;
            j = k2;
            last = m2;
            if matches!(doc.at(j), '多' | '余') {
                more = true;
                j += 1;
                break;
            }
            if m2 == 1.0 {
                break;
            }
        }
    }
    let unit = units::unit_after(doc, j, mult != 1.0, d.exp < 0);
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

/// A Chinese numeral with its decimal part, `多`/`余`/`几`, magnitude and
/// unit (`二点五亿元`, `二十多万人`, `十几亿`). Returns the bound and the end
/// of the number before any unit.
fn read_chinese_bound(doc: &Doc, i: usize) -> Option<(Bound, usize)> {
    let (int, frac, places, mut j) = cn_decimal(doc, i)?;
    let numeral_end = j;
    let mut more = false;
    // 二点五亿, 三点二万: a decimal takes its magnitude after it (an
    // integer took its own in `chinese_numeral`)
    let mut mult = 1.0;
    if places > 0 {
        let (m, k) = magnitude(doc, j);
        mult = m;
        j = k;
    }
    // 二十多万, 十几亿, 三十万多亿, 十几万多亿
    let mut rounds = 0;
    while matches!(doc.at(j), '多' | '余' | '几') && rounds < 2 {
        let (m, k) = magnitude(doc, j + 1);
        if rounds > 0 && m == 1.0 {
            break;
        }
        more = true;
        mult *= m;
        j = k;
        rounds += 1;
    }
    let value = decimal_value(int, frac, places, mult);
    // the magnitude the number ends with: 十五亿, 一百二十万
    let mut trailing = 1.0;
    let mut k = numeral_end;
    while k > i && matches!(doc.at(k - 1), '万' | '亿') {
        k -= 1;
        trailing *= if doc.at(k) == '万' { 1e4 } else { 1e8 };
    }
    let mult = mult * trailing;
    let unit = units::unit_after(doc, j, mult != 1.0, places > 0);
    Some((
        Bound {
            raw: if mult == 1.0 { value } else { value / mult },
            mult,
            value,
            unit: unit.map(|u| u.canonical),
            unit_end: unit.map(|u| j + u.len),
            more,
        },
        j,
    ))
}

/// Reads a Chinese numeral expression at `i`: numeral, decimal, `多`/`余`,
/// magnitude, unit, and an optional second bound (`两万`, `十二万人`,
/// `三千余家`, `二点五亿元`, `七成`, `一倍`, `十五亿元到二十亿元`).
pub fn chinese(doc: &Doc, i: usize) -> Option<Number> {
    let (lo, end) = read_chinese_bound(doc, i)?;
    // 七成, 八点五成: a percentage
    let short = end == i + 1 || (lo.value < 10.0 && lo.value.fract() != 0.0);
    if short && lo.unit.is_none() && !lo.more && lo.mult == 1.0 && (0.1..=10.0).contains(&lo.value) && tenths(doc, end) {
        return Some(Number {
            start: i,
            end: end + 1,
            value: Some(scaled(lo.value, 10.0)),
            value_max: None,
            unit: Some("%"),
            form: Form::Percent,
            more: false,
            magnitude: false,
        });
    }
    let mut n = Number {
        start: i,
        end: lo.end(end),
        value: Some(lo.value),
        value_max: None,
        unit: lo.unit,
        form: Form::Chinese,
        more: lo.more,
        magnitude: lo.mult != 1.0 || has_magnitude_char(doc, i, end),
    };
    let after = n.end;
    let sign = range_sign(doc, after, i);
    if sign > 0 && is_cn_numeral(doc.at(after + sign)) {
        if let Some((hi, hi_end)) = read_chinese_bound(doc, after + sign) {
            join_range(doc, &mut n, &lo, &hi, hi_end);
        }
    }
    Some(n)
}

fn has_magnitude_char(doc: &Doc, a: usize, b: usize) -> bool {
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
    Some(Number {
        start: i,
        end,
        value: Some(lo),
        value_max,
        unit: Some(unit),
        form: Form::Percent,
        more: false,
        magnitude: false,
    })
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
    Some(Number {
        start: i,
        end,
        value: Some(num * 100.0 / den),
        value_max: None,
        unit: Some("%"),
        form: Form::Percent,
        more: false,
        magnitude: false,
    })
}

/// The number of a share after `百分之` at `i`, Arabic or Chinese: (value,
/// end).
fn share(doc: &Doc, i: usize) -> Option<(f64, usize)> {
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
            // issue 15: ranges with other dashes and with spaces, 到
            ("5%―5.5%", 5.0, Some(5.5), Some("%"), "5%―5.5%"),
            ("6.5% - 7%", 6.5, Some(7.0), Some("%"), "6.5% - 7%"),
            ("6.5%−7%", 6.5, Some(7.0), Some("%"), "6.5%−7%"),
            ("700万到800万吨", 7e6, Some(8e6), Some("吨"), "700万到800万吨"),
            ("0.5-1万人", 5000.0, Some(10_000.0), Some("人"), "0.5-1万人"),
            // units that open with 千 are the unit's, not a magnitude
            ("12千米", 12.0, None, Some("公里"), "12千米"),
            ("2.3千克", 2.3, None, Some("千克"), "2.3千克"),
            ("5千瓦", 5.0, None, Some("千瓦"), "5千瓦"),
            ("3千人", 3000.0, None, Some("人"), "3千人"),
            // places below 万 written on
            ("5万4千6百人", 54_600.0, None, Some("人"), "5万4千6百人"),
            ("5亿1万4千6百", 500_014_600.0, None, None, "5亿1万4千6百"),
            ("3万4000人", 34_000.0, None, Some("人"), "3万4000人"),
            ("1亿3千多万", 130_000_000.0, None, None, "1亿3千多万"),
            // units of older and other reports
            ("100亿人民币", 1e10, None, Some("元"), "100亿人民币"),
            ("120亿度", 1.2e10, None, Some("千瓦时"), "120亿度"),
            ("11.3年", 11.3, None, Some("年"), "11.3年"),
            ("2,000万马力", 2e7, None, Some("马力"), "2,000万马力"),
            ("3，036万担", 30_360_000.0, None, Some("担"), "3，036万担"),
            ("168公分", 168.0, None, Some("厘米"), "168公分"),
            ("2.4微克", 2.4, None, Some("微克"), "2.4微克"),
            ("9成", 90.0, None, Some("%"), "9成"),
            ("9.5成", 95.0, None, Some("%"), "9.5成"),
        ];
        for &(s, v, vmax, unit, text) in cases {
            let got = ar(s).unwrap_or_else(|| panic!("{s}: no number"));
            assert_eq!(got, (Some(v), vmax, unit, text.to_string()), "{s}");
        }
    }

    #[test]
    fn what_is_no_unit_or_range() {
        // (text, value, value_max, unit, value_text)
        type Case<'a> = (&'a str, f64, Option<f64>, Option<&'a str>, &'a str);
        let cases: &[Case] = &[
            // 度 without a magnitude is a temperature or an angle; 年 after an
            // integer a date or a span
            ("85度", 85.0, None, None, "85"),
            ("2020年", 2020.0, None, None, "2020"),
            ("2.5年均", 2.5, None, None, "2.5"),
            // 人口, 人民: a noun, not a count of 人
            ("13亿人口", 1.3e9, None, None, "13亿"),
            // 到 joins a range (but not after 从/由: below)
            ("5%到6%", 5.0, Some(6.0), Some("%"), "5%到6%"),
            // 3亿5 is no 300000005
            ("3亿5", 3e8, None, None, "3亿"),
            // 成为, 成本: words
            ("3成为", 3.0, None, None, "3"),
        ];
        for &(s, v, vmax, unit, text) in cases {
            let got = ar(s).unwrap_or_else(|| panic!("{s}: no number"));
            assert_eq!(got, (Some(v), vmax, unit, text.to_string()), "{s}");
        }
        let d = Doc::new("从5%到6%");
        assert_eq!(arabic(&d, 1).map(|n| n.value_max), Some(None));
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
            ("六万万", Some(6e8)),
            ("四万万", Some(4e8)),
            ("一万五千亿", Some(1.5e12)),
            ("四十五亿四千零四万", Some(4_540_040_000.0)),
            // a unit that opens with 千 ends the numeral
            ("一百二十万千瓦", Some(1_200_000.0)),
            ("一百千瓦", Some(100.0)),
            ("两两", None),
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

    /// (value, value_max, unit, value_text) of the Chinese number at the
    /// start.
    fn cn(s: &str) -> Option<Read> {
        let d = Doc::new(s);
        chinese(&d, 0).map(|n| (n.value, n.value_max, n.unit, d.slice(n.start, n.end).to_string()))
    }

    #[test]
    fn chinese_numbers() {
        // (text, value, value_max, unit, value_text)
        type Case<'a> = (&'a str, Option<f64>, Option<f64>, Option<&'a str>, &'a str);
        let cases: &[Case] = &[
            // decimals with a magnitude
            ("二点五亿元", Some(2.5e8), None, Some("元"), "二点五亿元"),
            ("三点二万人", Some(32_000.0), None, Some("人"), "三点二万人"),
            ("四十七点三万亿元", Some(4.73e13), None, Some("元"), "四十七点三万亿元"),
            ("一点五个百分点", Some(1.5), None, Some("个百分点"), "一点五个百分点"),
            ("零点五个百分点", Some(0.5), None, Some("个百分点"), "零点五个百分点"),
            ("四点二倍", Some(4.2), None, Some("倍"), "四点二倍"),
            // magnitudes and units
            ("六万万人", Some(6e8), None, Some("人"), "六万万人"),
            ("一百二十万千瓦", Some(1.2e6), None, Some("千瓦"), "一百二十万千瓦"),
            ("二十四亿度", Some(2.4e9), None, Some("千瓦时"), "二十四亿度"),
            ("三千二百八十万担", Some(3.28e7), None, Some("担"), "三千二百八十万担"),
            ("五百七十八万匹", Some(5.78e6), None, Some("匹"), "五百七十八万匹"),
            ("一百万瓩", Some(1e6), None, Some("千瓦"), "一百万瓩"),
            ("十点五年", Some(10.5), None, Some("年"), "十点五年"),
            ("十亿人民", Some(1e9), None, None, "十亿"),
            // 多, 余, 几 after a numeral
            ("九百六十多万", Some(9.6e6), None, None, "九百六十多万"),
            ("二十几万人", Some(200_000.0), None, Some("人"), "二十几万人"),
            ("一百零几万", Some(1e6), None, None, "一百零几万"),
            // ranges
            ("十五亿元到二十亿元", Some(1.5e9), Some(2e9), Some("元"), "十五亿元到二十亿元"),
            ("三至五万人", Some(30_000.0), Some(50_000.0), Some("人"), "三至五万人"),
            ("五十至六十亿元", Some(5e9), Some(6e9), Some("元"), "五十至六十亿元"),
            ("一百五十元至二百元", Some(150.0), Some(200.0), Some("元"), "一百五十元至二百元"),
            ("六百吨到八百五十吨", Some(600.0), Some(850.0), Some("吨"), "六百吨到八百五十吨"),
            // tenths
            ("七成", Some(70.0), None, Some("%"), "七成"),
            ("八点五成", Some(85.0), None, Some("%"), "八点五成"),
            ("十几万多亿", Some(1e13), None, None, "十几万多亿"),
            ("二十百分点", Some(20.0), None, Some("个百分点"), "二十百分点"),
            ("十成", Some(100.0), None, Some("%"), "十成"),
        ];
        for &(s, v, vmax, unit, text) in cases {
            let got = cn(s).unwrap_or_else(|| panic!("{s}: no number"));
            assert_eq!(got, (v, vmax, unit, text.to_string()), "{s}");
        }
    }

    #[test]
    fn shares_written_out() {
        // (text, value, value_max, unit, value_text)
        type Case<'a> = (&'a str, f64, Option<f64>, &'a str, &'a str);
        let cases: &[Case] = &[
            ("百分之五", 5.0, None, "%", "百分之五"),
            ("百分之十二点五", 12.5, None, "%", "百分之十二点五"),
            ("百分之零点五", 0.5, None, "%", "百分之零点五"),
            ("百分之7.5", 7.5, None, "%", "百分之7.5"),
            ("百分之１，１２３", 1123.0, None, "%", "百分之１，１２３"),
            ("百分之百", 100.0, None, "%", "百分之百"),
            ("千分之二十九", 29.0, None, "‰", "千分之二十九"),
            ("千分之六点一", 6.1, None, "‰", "千分之六点一"),
            ("千分之２．４", 2.4, None, "‰", "千分之２．４"),
            ("万分之三", 3.0, None, "‱", "万分之三"),
            ("百分之八至九", 8.0, Some(9.0), "%", "百分之八至九"),
            ("百分之二到三", 2.0, Some(3.0), "%", "百分之二到三"),
            ("百分之七至百分之十", 7.0, Some(10.0), "%", "百分之七至百分之十"),
            ("仟分之贰", 2.0, None, "‰", "仟分之贰"),
            ("百分之七十百分位", 70.0, None, "%", "百分之七十"),
            // a second bound below the first is none
            ("百分之九至八", 9.0, None, "%", "百分之九"),
        ];
        for &(s, v, vmax, unit, text) in cases {
            let d = Doc::new(s);
            let n = percent_words(&d, 0).unwrap_or_else(|| panic!("{s}: no number"));
            assert_eq!((n.value, n.value_max, n.unit, d.slice(n.start, n.end)), (Some(v), vmax, Some(unit), text), "{s}");
        }
        // no share: 二三十 is no numeral, 百分点 no share
        for s in ["百分之二三十", "百分点"] {
            assert!(percent_words(&Doc::new(s), 0).is_none(), "{s}");
        }
    }

    #[test]
    fn fractions() {
        // (text, value in %, value_text)
        let cases: &[(&str, Option<f64>, &str)] = &[
            ("三分之一", Some(100.0 / 3.0), "三分之一"),
            ("十分之一", Some(10.0), "十分之一"),
            ("三分之二左右", Some(200.0 / 3.0), "三分之二"),
            ("二十五分之一百四十四", Some(576.0), "二十五分之一百四十四"),
            ("16分之5", Some(31.25), "16分之5"),
            ("一百分之五十五点五七九", Some(55.579), "一百分之五十五点五七九"),
            // a map's scale, a span of time
            ("五万分之一", None, ""),
            ("四分之一世纪", None, ""),
        ];
        for &(s, v, text) in cases {
            let d = Doc::new(s);
            let n = fraction(&d, 0);
            assert_eq!(n.as_ref().and_then(|n| n.value).map(|x| (x * 1e9).round()), v.map(|x| (x * 1e9).round()), "{s}");
            if let Some(n) = n {
                assert_eq!((n.unit, d.slice(n.start, n.end)), (Some("%"), text), "{s}");
            }
        }
    }

    #[test]
    fn signs_and_vague_amounts() {
        // (text, index of the number, length of the minus sign before it)
        let cases: &[(&str, usize, usize)] = &[
            ("负3.9%", 1, 1),
            ("增长-3.2%", 3, 1),
            ("增长−3.2%", 3, 1),
            ("-22.2%", 1, 1),
            ("（-0.5%）", 2, 1),
            ("2011-2020", 5, 0),
            ("5万-6万", 3, 0),
            ("GB-2", 3, 0),
            ("百分之五-6%", 6, 0),
            ("增长3.2%", 2, 0),
        ];
        for &(s, i, len) in cases {
            assert_eq!(minus_before(&Doc::new(s), i), len, "{s}");
        }
        let d = Doc::new("负3.9%");
        let n = negated(arabic(&d, 1).unwrap(), 1);
        assert_eq!((n.start, n.value), (0, Some(-3.9)));
        // (text, unit, value_text)
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("几十亿元", Some("元"), "几十亿元"),
            ("数百万人", Some("人"), "数百万人"),
            ("几万亩", Some("亩"), "几万亩"),
            ("几十万千瓦", Some("千瓦"), "几十万千瓦"),
        ];
        for &(s, unit, text) in cases {
            let d = Doc::new(s);
            let n = vague(&d, 0).unwrap_or_else(|| panic!("{s}: no number"));
            assert_eq!((n.value, n.unit, d.slice(n.start, n.end)), (None, unit, text), "{s}");
        }
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
