//! Chinese numerals: digits, positional numerals (`一九五三`), numerals
//! with places (`一千二百`, `两万`), decimals (`二点五`) and magnitudes.

use super::*;

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
pub(super) fn is_fraction_digit(c: char) -> bool {
    c != '两' && cn_digit(c).is_some()
}

/// The digits after `点` in a Chinese decimal (`二点六` → 6, one place):
/// (digits, places, end).
pub(super) fn fraction_digits(doc: &Doc, i: usize) -> (u64, i32, usize) {
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
pub(super) fn cn_decimal(doc: &Doc, i: usize) -> Option<(f64, u64, i32, usize)> {
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
pub(super) fn decimal_value(int: f64, frac: u64, places: i32, mult: f64) -> f64 {
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
pub(super) fn magnitude(doc: &Doc, i: usize) -> (f64, usize) {
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
