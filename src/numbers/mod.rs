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

mod bounds;
mod forms;
mod numerals;
pub use bounds::*;
pub use forms::*;
pub use numerals::*;

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
        if (1..=3).all(|k| doc.at(j + k).is_ascii_digit()) && !doc.at(j + 4).is_ascii_digit() && !(doc.at(j) == '，' && doc.at(j + 4) == '.') {
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

#[cfg(test)]
mod tests;
