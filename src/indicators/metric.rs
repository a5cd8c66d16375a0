//! What a figure measures: the noun phrase before it or the noun after a
//! count, trimmed of verbs, scope words and years.

use super::*;

/// The metric written before the figure: the noun phrase between the
/// clause start and the figure, without verbs, comparators and function
/// words.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn metric_before(doc: &Doc, left: usize, start: usize) -> Option<(usize, usize)> {
    let mut a = left;
    let mut b = start;
    // one look at the stretch for the characters the cuts below look for:
    // most stretches hold none or one of them
    let mut present = [false; 5];
    for &c in &doc.norm[a.min(doc.norm.len())..b.min(doc.norm.len())] {
        if let Some(i) = ['由', '从', '比', '较', '等'].iter().position(|&x| x == c) {
            present[i] = true;
        }
    }
    // 由2011年的 / 比2011年 / 从…: the metric stands before them
    for (i, cut) in ['由', '从', '比', '较'].into_iter().enumerate() {
        if !present[i] {
            continue;
        }
        if let Some(k) = (a..b.min(doc.norm.len())).rev().find(|&k| doc.norm[k] == cut) {
            if !doc.ends_with(k, "占") && !doc.ends_with(k, "可") && !doc.starts_with(k, "比重") && !doc.starts_with(k, "比例") {
                // at the start, the whole stretch is the comparison
                b = if k < a + 2 { a } else { k };
            }
        }
    }
    // 等于一九四九年的二点五倍: the base, as after 比
    if let Some(k) = (a..b.min(doc.norm.len()).saturating_sub(1)).rev().filter(|_| present[4]).find(|&k| doc.norm[k] == '等' && doc.norm[k + 1] == '于') {
        b = if k < a + 2 { a } else { k };
    }
    loop {
        let before = (a, b);
        // trailing year phrases: 2016年, 2016年的, 到2020年
        b = strip_year_suffix(doc, a, b);
        // 补助标准提高到人均320元: a verb before 人均 or 每人 ends the
        // measure (not 粮食人均, grain per head); with nothing before the
        // verb, there is none (去年又人均提高10%)
        for per in ["人均", "每人"] {
            let k = b.saturating_sub(2);
            if k > a && doc.ends_with(b, per) && metric_suffixes().keyed(doc.before(k)).any(|w| doc.ends_with(k, w) && k - w.chars().count() >= a) {
                b = k;
            }
        }
        // the longest verb or comparator that ends the stretch: 下降到, not 降到
        if let Some(w) = metric_suffixes().keyed(doc.before(b)).filter(|w| doc.ends_with(b, w) && b - w.chars().count() >= a).max_by_key(|w| w.len()) {
            b -= w.chars().count();
        }
        while b > a && (is_space(doc.at(b - 1)) || matches!(doc.at(b - 1), '“' | '（' | '(')) {
            b -= 1;
        }
        a = strip_year_prefix(doc, a, b);
        // 其 but not 其他, 其余 (other, remaining: part of the metric)
        let other = matches!(doc.at(a + 1), '他' | '它' | '余');
        if let Some(w) =
            metric_prefixes().keyed(doc.at(a)).filter(|w| doc.starts_with(a, w) && a + w.chars().count() <= b && !(other && *w == "其")).max_by_key(|w| w.len())
        {
            a += w.chars().count();
        }
        while a < b && (is_space(doc.at(a)) || matches!(doc.at(a), '”' | '）' | ')' | '、' | '●' | '■' | '◆' | '—' | '―')) {
            a += 1;
        }
        if (a, b) == before {
            // 国家预算规定经济建设支出, 中央提出今年…目标: once trimmed, the
            // measure is what comes after the verb that reports it (not
            // `甘蔗和甜菜要求分别增长`, where nothing but verbs does)
            match (a..b.saturating_sub(3))
                .rev()
                .find(|&k| matches!(doc.norm[k], '提' | '指' | '规' | '要') && REPORTING_VERBS.iter().any(|w| doc.starts_with(k, w)))
            {
                Some(k) => a = k + 2,
                None => break,
            }
        }
    }
    let letters = (a..b).filter(|&k| is_han(doc.at(k)) || doc.at(k).is_ascii_alphabetic()).count();
    (letters >= 2 && !is_time(doc, a, b) && !is_qualifier(doc, a, b)).then_some((a, b))
}

/// Whether `a..b` is a basis of reckoning and nothing else (`按可比口径`,
/// `考虑价格下降因素`, `按可比价格计算`): it names no measure.
pub(super) fn is_qualifier(doc: &Doc, a: usize, b: usize) -> bool {
    ["按", "考虑", "扣除"].iter().any(|w| doc.starts_with(a, w)) && ["口径", "因素", "计算"].iter().any(|w| doc.ends_with(b, w))
}

/// The measure a clause `a..b` names as the topic of the clause after it
/// (`轻工业总产值，一九八一年比…`): its metric, when the clause opens with
/// no preposition or condition (`在三种不同的地区，`, `按照不同的情况，`)
/// and the metric ends in a word that names a quantity (`总产值`, `比重`,
/// `人数`, not `逐步加大扶贫攻坚力度`).
pub(super) fn topic(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    const OPENERS: &[&str] = &["在", "按", "根据", "如果", "包括", "不包括", "经过", "必须", "为了", "由于", "随着", "对", "我们", "加大", "扣除"];
    // a verb of change that opens the clause is not the measure's
    // (`扩大人工草场面积，计划由…`, `逐步降低农业税税率，平均每年降低…`)
    const VERBS: &[&str] = &["逐步", "继续", "进一步", "扩大", "缩小", "提高", "降低", "增加", "减少"];
    let mut k = (a..b).find(|&k| !is_space(doc.at(k)))?;
    // `在X中A所占的比重`: 在 opens the whole of a share, not a place
    let share = doc.at(k) == '在' && (k..b).any(|j| doc.at(j) == '中') && ["比重", "比例"].iter().any(|w| doc.ends_with(b, w));
    if OPENERS.iter().any(|w| doc.starts_with(k, w)) && !share || is_addition(doc, k) {
        return None;
    }
    while let Some(w) = VERBS.iter().find(|w| doc.starts_with(k, w) && !doc.starts_with(k + w.chars().count(), "值")) {
        k += w.chars().count();
    }
    let (s, e) = metric_before(doc, k, b).filter(|&(_, e)| HEADS.iter().any(|w| doc.ends_with(e, w)))?;
    // what the clause says of it compares it with nothing (not `“十五”期间
    // 国内生产总值增长速度比原来预计的高一些`, a comparison that closes the
    // statement; but `外贸出口从7月份开始大幅度回升`, `大家畜的数量有比较快
    // 的发展`: 比较 is "fairly")
    let compared = (e..b).any(|k| doc.at(k) == '较' && doc.before(k) != '比' || doc.at(k) == '比' && doc.at(k + 1) != '较' || doc.starts_with(k, "等于"));
    (!compared).then_some((s, e))
}

/// Whether the clause `a..b` is an aside between a topic and its figure:
/// a basis of reckoning or a scope (`按可比部分计算`, `包括原有企业和新建
/// 企业的在内`, `不包括上年结余在内`) or a cause (`由于不合理运输的减少`).
pub(super) fn is_aside(doc: &Doc, a: usize, b: usize) -> bool {
    const ASIDES: &[&str] = &["按", "包括", "不包括", "扣除", "由于"];
    // not `包括国防费和行政管理费所占的比重`, which names the measure
    let head = HEADS.iter().any(|w| doc.ends_with(b, w));
    !head && (a..b).find(|&k| !is_space(doc.at(k))).is_some_and(|k| ASIDES.iter().any(|w| doc.starts_with(k, w)))
}

/// Whether a clause opens with `加上` or `再加上` at `k`: the figure after
/// it is a sum of what the clauses name (`用于…的支出一百五十二亿元，加上…
/// 等方面的支出，共达一千四百多亿元`), no one measure.
pub(super) fn is_addition(doc: &Doc, k: usize) -> bool {
    doc.starts_with(k, "加上") || doc.starts_with(k, "再加上")
}

/// Words that end a measure named as a topic (`总产值`, `比重`, `人数`).
const HEADS: &[&str] = &[
    "值",
    "额",
    "量",
    "率",
    "比重",
    "比例",
    "数",
    "收入",
    "支出",
    "出口",
    "进口",
    "面积",
    "经费",
    "价格",
    "速度",
    "水平",
    "利润",
    "规模",
    "成本",
    "储蓄",
    "存款",
    "贷款",
    "投资",
    "投入",
    "购买力",
];

/// Whether `a..b` is a time and nothing else (`两年`, `上半年`, `在过去四年中`,
/// `“六五”期间`, `到去年十一月`): it names no measure, and the figure
/// measures what the figure before it does.
pub(super) fn is_time(doc: &Doc, a: usize, b: usize) -> bool {
    const TIME: &str = "〇零一二三四五六七八九十百两年月日号上下半季度期间时过去今明本同前后初底末中内来在到至从自和及第个计划“”‘’\"";
    let quoted = b > a + 2 && matches!(doc.at(a), '“' | '"') && matches!(doc.at(b - 1), '”' | '"');
    (a..b).all(|k| doc.at(k).is_ascii_digit() || TIME.contains(doc.at(k))) && (quoted || (a..b).any(|k| "年月日期季时".contains(doc.at(k))))
}

/// Verbs that report a measure in the stretch before a figure: what
/// follows them is the metric (`国家预算规定经济建设支出`).
pub(super) const REPORTING_VERBS: &[&str] = &["提出", "指出", "规定", "要求"];

/// `2016年`, `2016年的`, `到2020年`, `年底` at the end of `a..b`: the new end.
pub(super) fn strip_year_suffix(doc: &Doc, a: usize, mut b: usize) -> usize {
    if doc.ends_with(b, "的") && b > a {
        let k = b - 1;
        if doc.ends_with(k, "年") {
            b = k;
        }
    }
    if doc.ends_with(b, "年") && b > a + 1 && doc.at(b - 2).is_ascii_digit() {
        let mut k = b - 1;
        while k > a && doc.at(k - 1).is_ascii_digit() {
            k -= 1;
        }
        if k > a && matches!(doc.at(k - 1), '到' | '至' | '在' | '于') {
            k -= 1;
        }
        b = k;
    } else if doc.ends_with(b, "年") && b >= a + 5 && written_year(doc, b - 5).is_some_and(|(_, e)| e == b - 1) {
        // 一九四九年, 二〇一〇年
        let mut k = b - 5;
        if k > a && matches!(doc.at(k - 1), '到' | '至' | '在' | '于') {
            k -= 1;
        }
        b = k;
    }
    // 就业率去年底达到83%, 储蓄存款余额今年: a time between the measure
    // and its verb (the longest that ends the stretch)
    const TIMES: [&str; 14] = ["去年底", "去年末", "今年底", "今年末", "上年底", "上年末", "明年底", "年底", "年末", "年初", "去年", "今年", "上年", "当年"];
    let timed = matches!(doc.before(b), '底' | '末' | '初' | '年');
    if let Some(w) = TIMES.into_iter().filter(|_| timed).find(|w| doc.ends_with(b, w) && b >= a + w.chars().count()) {
        b -= w.chars().count();
    }
    b.max(a)
}

/// `2016年`, `到2020年`, `五年来` at the start of `a..b`: the new start.
pub(super) fn strip_year_prefix(doc: &Doc, mut a: usize, b: usize) -> usize {
    let mut k = a;
    if matches!(doc.at(k), '到' | '至' | '在' | '于') {
        k += 1;
    }
    let d = k;
    while k < b && doc.at(k).is_ascii_digit() {
        k += 1;
    }
    // 一九五八年, 二0一0年
    if k == d && cn_digit(doc.at(k)).is_some() {
        if let Some((_, e)) = written_year(doc, k) {
            k = e;
        }
    }
    if k > d && doc.at(k) == '年' && k < b {
        a = k + 1;
        for w in ["底", "末", "初", "前", "内"] {
            if doc.starts_with(a, w) {
                a += 1;
            }
        }
    }
    a.min(b)
}

/// The metric written after a count: `建设253个创业基地`, `完成700多家规模
/// 以上工业企业技术改造`.
/// It ends at `limit` at the latest, where the next figure starts
/// (`比上一万元加二十二亿元`: no metric runs over a figure).
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn metric_after(doc: &Doc, n: &Number, limit: usize) -> Option<(usize, usize)> {
    if n.unit.is_none() && !n.magnitude {
        return None;
    }
    if matches!(n.unit, Some("位" | "ratio" | "番")) {
        return None;
    }
    // a share names its whole before it (`占国内生产总值的4%`); a
    // percentage names what follows only after a verb of doing
    // (`完成60%省级重点监管企业综合整治`) or as `55%的社区`
    if n.unit == Some("%") && doc.at(n.end) != '的' && !["完成", "实现", "覆盖", "有"].iter().any(|w| doc.ends_with(n.start, w)) {
        return None;
    }
    let mut a = n.end;
    // `突破3万亿元大关`: a mark, not what is measured
    if NOT_METRIC_AFTER.iter().chain(&["大关", "关口"]).any(|w| doc.starts_with(a, w)) {
        return None;
    }
    // what follows is a verb of its own (`1.24万亿元预计提高到…`): the
    // metric is written before
    if verbs_after().keyed(doc.at(a)).any(|w| doc.starts_with(a, w)) || matches!(doc.at(a), '比' | '和' | '与' | '及' | '或' | '至' | '到' | '为' | '是' | '在')
    {
        return None;
    }
    if doc.at(a) == '的' {
        a += 1;
    }
    if !is_han(doc.at(a)) && !matches!(doc.at(a), '“' | '「') {
        return None;
    }
    let mut b = a;
    let mut paren = 0i32;
    while b < (a + METRIC_REACH).min(limit) {
        let c = doc.at(b);
        if matches!(c, '（' | '(') {
            paren += 1;
        } else if matches!(c, '）' | ')') {
            if paren == 0 {
                break;
            }
            paren -= 1;
        } else if paren == 0 && (!(is_han(c) || matches!(c, '“' | '”' | '「' | '」')) || b > a && metric_after_stops().keyed(c).any(|w| doc.starts_with(b, w)))
        {
            break;
        }
        b += 1;
    }
    if paren != 0 {
        return None;
    }
    let han = (a..b).filter(|&k| is_han(doc.at(k))).count();
    (han >= 1).then_some((a, b))
}
