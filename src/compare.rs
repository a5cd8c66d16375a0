//! Targets against results: pairs each target of an earlier report with the
//! result of a later report that measures the same thing, and says whether
//! the target was met.
//!
//! Metrics are matched on a normalised key: simplified script, no
//! punctuation or spaces, no scope words (`全市`, `全省`, `全国`, `我市` …),
//! and one name for the common aliases (`地区生产总值`, `国内生产总值`, `GDP`
//! → `生产总值`). A pair also needs the same kind and the same unit. The
//! verdict follows the target's comparator (`左右`, `以上`, `以内` …) and
//! whether more or less is better for the metric: less for prices,
//! unemployment, energy use, deficits and debt, and for any target that is
//! a fall (`下降3%`) or a ceiling (`控制在…以内`).

use serde::{Deserialize, Serialize};

use crate::hant;
use crate::{Annotation, Comparator, Direction, Indicator, Kind, Status};

/// The pairing of one report's targets with another's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// One entry per target of the earlier report, in its order.
    pub pairs: Vec<Pair>,
    pub summary: Summary,
}

/// A target, the result matched to it (if any), and the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// The target, as the earlier report's annotation gives it.
    pub target: Indicator,
    /// The matching result of the later report.
    pub result: Option<Indicator>,
    pub verdict: Verdict,
    /// Why: the comparison made, or what kept it from being made.
    pub reason: String,
    /// The normalised metric the two were matched on.
    pub metric_key: Option<String>,
    /// How closely the metrics agree: 1 for the same key, less for a
    /// partial match; 0 when unmatched.
    pub match_score: f64,
}

/// The outcome for one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    Missed,
    /// A result was found but cannot be set against the target.
    NotComparable,
    /// No result of the later report measures the same thing.
    Unmatched,
}

impl Verdict {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::NotComparable => "not_comparable",
            Verdict::Unmatched => "unmatched",
        }
    }
}

/// Counts of the verdicts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub targets: usize,
    pub met: usize,
    pub missed: usize,
    pub not_comparable: usize,
    pub unmatched: usize,
}

/// The lowest metric similarity that still makes a pair.
const MIN_SCORE: f64 = 0.5;

/// The similarity above which a result in another unit is reported as not
/// comparable rather than the target as unmatched.
const SURE_SCORE: f64 = 0.8;

/// Pairs every target of `old` that has a value with the best-matching
/// result (actual or estimate) of `new`, and judges it. Linear in the
/// product of the two reports' indicator counts.
pub fn compare(old: &Annotation, new: &Annotation) -> Comparison {
    let results: Vec<(&Indicator, Option<String>)> = new
        .indicators
        .iter()
        .filter(|i| i.status != Status::Target && i.value.is_some())
        .map(|i| (i, i.metric.as_deref().map(metric_key)))
        .collect();
    let mut pairs = Vec::new();
    let mut summary = Summary::default();
    for t in old.indicators.iter().filter(|i| i.status == Status::Target && i.value.is_some()) {
        let key = t.metric.as_deref().map(metric_key);
        // the best match with the same unit; failing that, the best with
        // any unit, which is then reported as not comparable
        let best_of = |same_unit: bool| {
            key.as_ref().and_then(|k| {
                results
                    .iter()
                    .filter(|(r, _)| r.kind == t.kind && !(t.year.is_some() && r.year.is_some() && t.year != r.year))
                    .filter(|(r, _)| !same_unit || r.unit == t.unit)
                    .filter_map(|(r, rk)| rk.as_ref().map(|rk| (*r, similarity(k, rk))))
                    .filter(|&(_, s)| s >= MIN_SCORE)
                    // best score; among equals the first result (reports
                    // state the year's headline figures first)
                    .fold(None::<(&Indicator, f64)>, |acc, (r, s)| match acc {
                        Some((_, best)) if best >= s => acc,
                        _ => Some((r, s)),
                    })
            })
        };
        let best = best_of(true).or_else(|| best_of(false).filter(|&(_, s)| s >= SURE_SCORE));
        let pair = match best {
            None => Pair {
                target: t.clone(),
                result: None,
                verdict: Verdict::Unmatched,
                reason: match &key {
                    Some(_) => "no result of the later report measures the same thing".to_string(),
                    None => "the target names no metric".to_string(),
                },
                metric_key: key,
                match_score: 0.0,
            },
            Some((r, score)) => {
                let (verdict, reason) = judge(t, r);
                Pair { target: t.clone(), result: Some(r.clone()), verdict, reason, metric_key: key, match_score: (score * 1000.0).round() / 1000.0 }
            }
        };
        summary.targets += 1;
        match pair.verdict {
            Verdict::Met => summary.met += 1,
            Verdict::Missed => summary.missed += 1,
            Verdict::NotComparable => summary.not_comparable += 1,
            Verdict::Unmatched => summary.unmatched += 1,
        }
        pairs.push(pair);
    }
    Comparison { pairs, summary }
}

/// Names that mean the same metric, each mapped to one key.
const ALIASES: &[(&str, &str)] = &[
    ("国内生产总值", "生产总值"),
    ("地区生产总值", "生产总值"),
    ("GDP", "生产总值"),
    ("gdp", "生产总值"),
    ("经济增长", "生产总值"),
    ("经济增速", "生产总值"),
    ("居民消费价格指数", "居民消费价格"),
    ("居民消费价格涨幅", "居民消费价格"),
    ("消费价格涨幅", "居民消费价格"),
    ("城市居民消费价格", "居民消费价格"),
    ("CPI", "居民消费价格"),
    ("公共财政收入", "一般公共预算收入"),
    ("地方一般公共预算收入", "一般公共预算收入"),
    ("城镇调查失业率", "调查失业率"),
    ("进出口总额", "进出口"),
    ("进出口总值", "进出口"),
    ("外贸进出口", "进出口"),
    ("商品进出口总值", "进出口"),
    ("社会消费品零售总额", "社会消费品零售"),
];

/// Scope words that do not change what is measured.
const SCOPES: &[&str] = &["全市", "全省", "全国", "全区", "全县", "全州", "我市", "我省", "我国", "我区", "全年", "本市", "本省"];

/// The normalised key of a metric (see the module documentation).
pub fn metric_key(metric: &str) -> String {
    let mut s: String = metric
        .chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => hant::to_simplified(c),
        })
        .filter(|c| c.is_alphanumeric())
        .collect();
    loop {
        let before = s.len();
        for scope in SCOPES {
            if let Some(rest) = s.strip_prefix(scope) {
                s = rest.to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    for (from, to) in ALIASES {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s
}

/// How alike two metric keys are: 1 when equal; when one holds the other,
/// the share of the longer it covers (at least 0.5 for a real overlap);
/// else the overlap of their character pairs (Dice), scaled down.
fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let (la, lb) = (a.chars().count() as f64, b.chars().count() as f64);
    if a.contains(b) || b.contains(a) {
        // 高新技术企业 in 新增高新技术企业 is close; 规模 in 脱贫人口务工规模 is not
        return 0.3 + 0.65 * la.min(lb) / la.max(lb);
    }
    let pairs = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (pa, pb) = (pairs(a), pairs(b));
    if pa.is_empty() || pb.is_empty() {
        return 0.0;
    }
    let common = pa.iter().filter(|p| pb.contains(p)).count() as f64;
    0.9 * (2.0 * common / (pa.len() + pb.len()) as f64)
}

/// Metrics for which less is better.
const LESS_IS_BETTER: &[&str] = &[
    "价格", "物价", "CPI", "失业率", "能耗", "排放", "赤字", "债务", "负债率", "发生率", "死亡", "事故", "浓度", "贫困",
    "不良贷款", "成本", "降幅", "污染", "用水量", "耗",
];

/// Met or missed, and why.
fn judge(t: &Indicator, r: &Indicator) -> (Verdict, String) {
    if t.unit != r.unit {
        return (
            Verdict::NotComparable,
            format!("units differ: {} against {}", t.unit.as_deref().unwrap_or("none"), r.unit.as_deref().unwrap_or("none")),
        );
    }
    if t.kind == Kind::Ratio {
        return (Verdict::NotComparable, "a structure ratio has no single value".to_string());
    }
    let (Some(tv), Some(rv)) = (t.value, r.value) else {
        return (Verdict::NotComparable, "no value to compare".to_string());
    };
    // A fall target (`下降3%`, `降低3.4%以上`) is read on the size of the
    // fall: a larger fall is better, and a rise is a negative fall. Any
    // other target is read on the signed value.
    let target_falls = t.kind == Kind::Change && t.direction == Some(Direction::Down);
    let rv_s = if target_falls {
        if r.direction == Some(Direction::Down) { rv } else { -rv }
    } else if r.kind == Kind::Change && r.direction == Some(Direction::Down) {
        -rv
    } else {
        rv
    };
    let (lo, hi) = (tv.min(t.value_max.unwrap_or(tv)), tv.max(t.value_max.unwrap_or(tv)));
    let key = t.metric.as_deref().map(metric_key).unwrap_or_default();
    let less_better = !target_falls
        && (t.kind == Kind::Rank || matches!(t.comparator, Comparator::Le | Comparator::Lt) || LESS_IS_BETTER.iter().any(|w| key.contains(w)));
    let percent_like = matches!(t.unit.as_deref(), Some("%" | "个百分点"));
    let tol = if t.comparator == Comparator::Approx { if percent_like { 0.5 } else { 0.05 * lo.abs().max(hi.abs()) } } else { 0.0 };
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
    let rule = match t.comparator {
        Comparator::Ge => "at least".to_string(),
        Comparator::Gt => "more than".to_string(),
        Comparator::Le => "at most".to_string(),
        Comparator::Lt => "less than".to_string(),
        Comparator::Approx if tol > 0.0 => {
            format!("about (within {} {}), {} is better", trim_number(tol), t.unit.as_deref().unwrap_or(""), if less_better { "less" } else { "more" })
        }
        _ if less_better => "no more than".to_string(),
        _ => "no less than".to_string(),
    };
    let estimate = if r.status == Status::Estimate { " (the result is an estimate)" } else { "" };
    let verdict = if met { Verdict::Met } else { Verdict::Missed };
    (verdict, format!("{result_text} against a target of {target_text}: {rule}{estimate}"))
}

/// `增长8%左右`-like wording of an indicator for a reason.
fn describe(i: &Indicator) -> String {
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

fn trim_number(v: f64) -> String {
    let s = format!("{:.4}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_unify_aliases_scopes_and_script() {
        let cases: &[(&str, &str)] = &[
            ("地区生产总值", "生产总值"),
            ("全市地区生产总值", "生产总值"),
            ("国内生产总值", "生产总值"),
            ("GDP", "生产总值"),
            ("ＧＤＰ", "生产总值"),
            ("國內生產總值", "生产总值"),
            ("城镇登记失业率", "城镇登记失业率"),
            ("“新三板”挂牌企业", "新三板挂牌企业"),
            ("居民消费价格涨幅", "居民消费价格"),
        ];
        for &(m, k) in cases {
            assert_eq!(metric_key(m), k, "{m}");
        }
    }

    #[test]
    fn similarity_orders_matches() {
        assert_eq!(similarity("生产总值", "生产总值"), 1.0);
        assert!(similarity("高新技术企业", "新增高新技术企业") > 0.75);
        assert!(similarity("城镇登记失业率", "城镇调查失业率") < 1.0);
        assert!(similarity("绿道", "碳汇造林") < MIN_SCORE);
    }
}
