//! Pairing a target with its result: metric keys (aliases, scope and time
//! words dropped), keys too generic to match, similarity, and the choice
//! among the candidates.

use super::*;

/// Words that name no measurable thing: doing (`完成`, `引导`, `覆盖`),
/// an amount of something unnamed (`规模`, `水平`, `部分`, `比重`), a
/// target or a span (`任务`, `目标`, `全年`), and particles. See
/// `is_generic`.
pub(super) const NOT_MEASURES: &[&str] = &[
    "完成", "实现", "达到", "引导", "覆盖", "居住", "支持", "推动", "推进", "安排", "带动", "促进", "保持", "提高", "增加", "减少", "降低", "下降", "增长",
    "新增", "累计", "建成", "建设", "突破", "超过", "力争", "争取", "确保", "部分", "规模", "任务", "水平", "总量", "数量", "比重", "比例", "增速", "增幅",
    "速度", "幅度", "目标", "预期", "指标", "总额", "总数", "其中", "合计", "以上", "左右", "每年", "全年", "年均", "同比", "成效", "效果", "能够", "一般",
    "受过", "就能",
];

/// Single characters that are particles or function words.
pub(super) const PARTICLES: &str = "的了也都和及与等其为是在已并又再还将要使把被让之所而拟";

/// Whether a metric key is too generic to match: what is left of it after
/// taking out the words that name no measurable thing (`NOT_MEASURES`) and
/// the particles is under two characters. `完成`, `部分`, `覆盖`, `规模`,
/// `任务`, `水平`, `增速就能够` are; `新增就业` (`就业`), `人口`, `粮食`,
/// `财政赤字` are not.
pub(crate) fn is_generic(key: &str) -> bool {
    let mut s = key.to_string();
    for w in NOT_MEASURES {
        if s.contains(w) {
            s = s.replace(w, "");
        }
    }
    s.chars().filter(|&c| !PARTICLES.contains(c) && !c.is_ascii_digit()).count() < 2
}

/// One target's pair: its year, the best result for that year, the verdict.
#[allow(clippy::too_many_arguments)]
pub(super) fn pair(
    t: &Indicator,
    headline: bool,
    old_year: Option<i32>,
    reviewed: Option<i32>,
    old_doc: &Doc,
    new_doc: &Doc,
    new: &Annotation,
    index: &Index,
) -> Pair {
    let key = t.metric.as_deref().map(metric_key);
    let target_year = super::target_year(t, old_year, reviewed);
    let mut p = Pair {
        target: t.clone(),
        result: None,
        verdict: Verdict::Unmatched,
        reason_code: ReasonCode::NoResult,
        reason: String::new(),
        headline,
        estimate: false,
        target_year,
        result_year: None,
        metric_key: key.clone(),
        match_score: 0.0,
        match_basis: None,
        match_note: None,
        target_evidence: evidence(old_doc, t.start, t.end),
        result_evidence: None,
    };
    let set = |p: &mut Pair, verdict: Verdict, code: ReasonCode, reason: String| {
        p.verdict = verdict;
        p.reason_code = code;
        p.reason = reason;
    };
    let Some(key) = key else {
        set(&mut p, Verdict::Unmatched, ReasonCode::NoMetric, "the target names no metric".to_string());
        return p;
    };
    if is_generic(&key) {
        set(&mut p, Verdict::Unmatched, ReasonCode::GenericMetric, format!("the metric '{key}' names nothing measurable: it is matched with nothing"));
        return p;
    }
    if matches!(t.horizon, Horizon::Average | Horizon::Total) || (t.horizon == Horizon::Plan && t.year.is_none()) {
        set(
            &mut p,
            Verdict::NotJudged,
            ReasonCode::MultiYearTarget,
            "a target over several years (a yearly average, a total, or a plan with no year) is not judged against one year's result".to_string(),
        );
        return p;
    };
    let ty = target_year;
    if let (Some(y), Some(r)) = (ty, reviewed) {
        if y > r {
            set(&mut p, Verdict::NotJudged, ReasonCode::YearNotReviewed, format!("the target is for {y}; the later report reviews {r}"));
            return p;
        }
    }
    let candidates = index.candidates(&key);
    let entry = |id: usize| index.entries.get(4 * id + kind_slot(t.kind));
    // the best result in the target's unit; failing that, the best in any
    // unit from a sure match, which is then not comparable
    let pick = candidates
        .iter()
        .find_map(|&(id, s)| entry(id).and_then(|e| e.in_unit(ty, &t.unit)).map(|i| (id, s, i)))
        .or_else(|| candidates.iter().filter(|&&(_, s)| s >= SURE_SCORE).find_map(|&(id, s)| entry(id).and_then(|e| e.in_year(ty)).map(|i| (id, s, i))));
    let Some((id, score, i)) = pick else {
        // why nothing: results of other years, or only figures over years
        let mut other_years: Vec<i32> = Vec::new();
        for e in candidates.iter().filter_map(|&(id, _)| entry(id)) {
            for y in e.by_year.iter().filter_map(|&(y, _)| y) {
                if Some(y) != ty && !other_years.contains(&y) {
                    other_years.push(y);
                }
            }
        }
        insertion_sort(&mut other_years, |a, b| a < b);
        let undated = candidates.iter().filter_map(|&(id, _)| entry(id)).find_map(|e| e.undated);
        let want = ty.map_or("the target's year".to_string(), |y| y.to_string());
        if !other_years.is_empty() {
            let list: Vec<String> = other_years.iter().map(|y| y.to_string()).collect();
            set(&mut p, Verdict::Unmatched, ReasonCode::NoResultForYear, format!("the later report gives this metric for {}, not for {want}", list.join(", ")));
        } else if let Some((why, _)) = undated {
            let text = match why {
                Undated::MultiYear => "the later report gives this metric only over several years (a yearly average or a total), never for one year",
                Undated::StartValue => "the later report gives this metric only as the start of a change (the A of 由A提高到B)",
                Undated::InMultiYearPart => "the later report gives this metric only in a part that looks back over several years, with no year of its own",
            };
            set(&mut p, Verdict::Unmatched, why.code(), text.to_string());
        } else {
            set(&mut p, Verdict::Unmatched, ReasonCode::NoResult, format!("no result of the later report measures the same thing in {want}"));
        }
        return p;
    };
    let r = &new.indicators[i];
    let (verdict, code, reason) = judge(t, r);
    let rkey = &index.keys[id];
    p.result = Some(r.clone());
    p.result_year = index.years[i];
    p.estimate = r.status == Status::Estimate;
    p.result_evidence = Some(evidence(new_doc, r.start, r.end));
    p.match_score = (score * 1000.0).round() / 1000.0;
    p.match_basis = Some(if score >= 1.0 {
        MatchBasis::SameMetric
    } else if key.ends_with(rkey.as_str()) || rkey.ends_with(key.as_str()) {
        MatchBasis::Contains
    } else {
        MatchBasis::Overlap
    });
    p.match_note = match p.match_basis {
        Some(MatchBasis::Contains) if key.ends_with(rkey.as_str()) => {
            Some(format!("uncertain: the result's metric '{rkey}' is part of the target's '{key}' and may measure something wider"))
        }
        Some(MatchBasis::Contains) => {
            Some(format!("uncertain: the target's metric '{key}' is part of the result's '{rkey}', which may measure something narrower"))
        }
        Some(MatchBasis::Overlap) => Some(format!("uncertain: the metrics '{key}' and '{rkey}' only share some characters")),
        _ => None,
    };
    set(&mut p, verdict, code, reason);
    p
}

/// Names that mean the same metric, each mapped to one key.
pub(super) const ALIASES: &[(&str, &str)] = &[
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
pub(super) const SCOPES: &[&str] = &["全市", "全省", "全国", "全区", "全县", "全州", "我市", "我省", "我国", "我区", "全年", "本市", "本省"];

/// Times of the year that do not change what is measured
/// (`年末城镇登记失业率`, `城镇调查失业率全年`).
pub(super) const TIMES: &[&str] = &["全年", "年末", "年底", "年内"];

/// Words after a metric that make it a goal or a pace, not another
/// measure (`经济增长预期目标` is `经济增长`; `经济增长速度` too).
pub(super) const GOAL_WORDS: &[&str] = &["预期目标", "目标", "预期", "速度"];

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
        for scope in SCOPES.iter().chain(TIMES) {
            if let Some(rest) = s.strip_prefix(scope) {
                s = rest.to_string();
            }
        }
        for time in TIMES {
            if let Some(rest) = s.strip_suffix(time) {
                s = rest.to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    // the words of a goal or a pace after what is measured
    // (`经济增长预期目标`, `经济增长速度`)
    while let Some(rest) = GOAL_WORDS.iter().find_map(|w| s.strip_suffix(w)).filter(|r| !r.is_empty()) {
        s = rest.to_string();
    }
    // the economy as a whole: `全省经济增长6.8%` is the growth of its output
    if matches!(s.as_str(), "经济" | "国民经济" | "经济总量") {
        s = "生产总值".to_string();
    }
    for (from, to) in ALIASES {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s
}

/// How alike two metric keys are: 1 when equal; when one ends the other,
/// the share of the longer it covers (at least 0.5 for a real overlap);
/// else, when they end alike, the overlap of their character pairs (Dice),
/// scaled down. A Chinese noun phrase ends with its head: `单位生产总值能耗`
/// measures energy use, not `生产总值`, so one key inside another anywhere
/// but at its end, or two keys with different last characters, measure
/// different things.
pub(super) fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    if a.chars().last() != b.chars().last() {
        return 0.0;
    }
    let (la, lb) = (a.chars().count() as f64, b.chars().count() as f64);
    if a.ends_with(b) || b.ends_with(a) {
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
