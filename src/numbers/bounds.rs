//! A number with its magnitude, `多`/`余`, unit and second bound: Arabic
//! (`6.5%－7%`, `5万4千6百`) and Chinese (`十五亿元到二十亿元`).

use super::*;

/// The length of a range sign between two bounds at `i` (`—` `-` `～`
/// `至`, `到`), with a space on either side of a dash (`6.5% - 7%`), or
/// 0. `start` is where the first bound starts: after `从`/`由`/`自`,
/// `A到B` is a change from A to B, not a range.
#[inline]
pub(super) fn range_sign(doc: &Doc, i: usize, start: usize) -> usize {
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
pub(super) fn from_before(doc: &Doc, i: usize) -> bool {
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
pub(super) fn join_range(doc: &Doc, n: &mut Number, lo: &Bound, hi: &Bound, hi_end: usize) {
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
pub(super) fn scaled(v: f64, mult: f64) -> f64 {
    let e = exp10(mult);
    let places = (0..=6).find(|&p| {
        let m = v * pow10(p);
        m.round() == m
    });
    match places {
        Some(p) if (0.0..1e12).contains(&v) && (1..=300).contains(&e) => Decimal { mantissa: (v * pow10(p)).round() as u64, exp: e - p }.to_f64(),
        _ => v * mult,
    }
}

/// A `成` at `j` that makes the number before it tenths (`七成`, `9成`),
/// not a word (`一成为`, `三成本`, `七成果`).
pub(super) fn tenths(doc: &Doc, j: usize) -> bool {
    doc.at(j) == '成'
        && !matches!(
            doc.at(j + 1),
            '为' | '立' | '功' | '果' | '效' | '就' | '员' | '本' | '交' | '型' | '长' | '了' | '绩' | '熟' | '都' | '材' | '品' | '分' | '年'
        )
}

/// One bound of an expression.
pub(super) struct Bound {
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
    pub(super) fn end(&self, number_end: usize) -> usize {
        self.unit_end.unwrap_or(number_end)
    }
    pub(super) fn followed_by_year(&self, doc: &Doc, end: usize) -> bool {
        self.unit.is_none() && matches!(doc.at(end), '年' | '月' | '日')
    }
}

/// Digits, `多`/`余`, magnitude, `多`/`余`, unit. Returns the bound and the
/// end of the number before any unit.
pub(super) fn read_arabic_bound(doc: &Doc, i: usize) -> Option<(Bound, usize)> {
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
    Some((Bound { raw, mult, value, unit: unit.map(|u| u.canonical), unit_end: unit.map(|u| j + u.len), more }, j))
}

/// A Chinese numeral with its decimal part, `多`/`余`/`几`, magnitude and
/// unit (`二点五亿元`, `二十多万人`, `十几亿`). Returns the bound and the end
/// of the number before any unit.
pub(super) fn read_chinese_bound(doc: &Doc, i: usize) -> Option<(Bound, usize)> {
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
        Bound { raw: if mult == 1.0 { value } else { value / mult }, mult, value, unit: unit.map(|u| u.canonical), unit_end: unit.map(|u| j + u.len), more },
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
