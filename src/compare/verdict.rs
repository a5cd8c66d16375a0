//! The verdict on a pair: the target's comparator, whether less is better
//! for the metric, and the reason in words.

use super::*;

/// Metrics for which less is better.
pub(super) const LESS_IS_BETTER: &[&str] = &[
    "价格",
    "物价",
    "CPI",
    "失业率",
    "能耗",
    "排放",
    "赤字",
    "债务",
    "负债率",
    "发生率",
    "死亡",
    "事故",
    "浓度",
    "贫困",
    "不良贷款",
    "成本",
    "降幅",
    "污染",
    "用水量",
    "耗",
];

/// Met or missed, and why.
pub(super) fn judge(t: &Indicator, r: &Indicator) -> (Verdict, ReasonCode, String) {
    if t.unit != r.unit {
        return (
            Verdict::NotComparable,
            ReasonCode::UnitsDiffer,
            format!("units differ: {} against {}", t.unit.as_deref().unwrap_or("none"), r.unit.as_deref().unwrap_or("none")),
        );
    }
    if t.kind == Kind::Ratio {
        return (Verdict::NotComparable, ReasonCode::StructureRatio, "a structure ratio has no single value".to_string());
    }
    let (Some(tv), Some(rv)) = (t.value, r.value) else {
        return (Verdict::NotComparable, ReasonCode::NoValue, "no value to compare".to_string());
    };
    // A fall target (`下降3%`, `降低3.4%以上`) is read on the size of the
    // fall: a larger fall is better, and a rise is a negative fall. Any
    // other target is read on the signed value.
    let target_falls = t.kind == Kind::Change && t.direction == Some(Direction::Down);
    let rv_s = if target_falls {
        if r.direction == Some(Direction::Down) {
            rv
        } else {
            -rv
        }
    } else if r.kind == Kind::Change && r.direction == Some(Direction::Down) {
        -rv
    } else {
        rv
    };
    let (lo, hi) = (tv.min(t.value_max.unwrap_or(tv)), tv.max(t.value_max.unwrap_or(tv)));
    let key = t.metric.as_deref().map(metric_key).unwrap_or_default();
    let less_better =
        !target_falls && (t.kind == Kind::Rank || matches!(t.comparator, Comparator::Le | Comparator::Lt) || LESS_IS_BETTER.iter().any(|w| key.contains(w)));
    let percent_like = matches!(t.unit.as_deref(), Some("%" | "个百分点"));
    let tol = if t.comparator == Comparator::Approx {
        if percent_like {
            0.5
        } else {
            0.05 * lo.abs().max(hi.abs())
        }
    } else {
        0.0
    };
    let met = match t.comparator {
        Comparator::Ge => rv_s >= lo,
        Comparator::Gt => rv_s > lo || (t.value_max.is_none() && rv_s >= lo && r.comparator == Comparator::Gt),
        Comparator::Le => rv_s <= hi,
        Comparator::Lt => rv_s < hi,
        Comparator::Eq | Comparator::Approx => {
            if less_better {
                rv_s <= hi + tol
            } else {
                rv_s >= lo - tol
            }
        }
    };
    let target_text = describe(t);
    let result_text = describe(r);
    let (code, rule) = match t.comparator {
        Comparator::Ge => (ReasonCode::AtLeast, "at least".to_string()),
        Comparator::Gt => (ReasonCode::MoreThan, "more than".to_string()),
        Comparator::Le => (ReasonCode::AtMost, "at most".to_string()),
        Comparator::Lt => (ReasonCode::LessThan, "less than".to_string()),
        Comparator::Approx if tol > 0.0 => (
            if less_better { ReasonCode::AboutLessIsBetter } else { ReasonCode::AboutMoreIsBetter },
            format!("about (within {} {}), {} is better", trim_number(tol), t.unit.as_deref().unwrap_or(""), if less_better { "less" } else { "more" }),
        ),
        _ if less_better => (ReasonCode::NoMoreThan, "no more than".to_string()),
        _ => (ReasonCode::NoLessThan, "no less than".to_string()),
    };
    let estimate = if r.status == Status::Estimate { " (the result is an estimate)" } else { "" };
    let verdict = if met { Verdict::Met } else { Verdict::Missed };
    (verdict, code, format!("{result_text} against a target of {target_text}: {rule}{estimate}"))
}

/// `增长8%左右`-like wording of an indicator for a reason.
pub(super) fn describe(i: &Indicator) -> String {
    let dir = match (i.kind, i.direction) {
        (Kind::Change, Some(Direction::Up)) => "+",
        (Kind::Change, Some(Direction::Down)) => "-",
        _ => "",
    };
    let value = match (i.value, i.value_max) {
        (Some(v), Some(m)) => format!("{}–{}", trim_number(v), trim_number(m)),
        (Some(v), None) => trim_number(v),
        _ => "?".to_string(),
    };
    format!("{dir}{value}{}", i.unit.as_deref().map_or(String::new(), |u| format!(" {u}")))
}

pub(super) fn trim_number(v: f64) -> String {
    let s = format!("{:.4}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}
