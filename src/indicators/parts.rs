//! The parts of a report: whether a part reviews the past or sets tasks,
//! and the plan period its heading names.

use super::*;

/// Review or plan for each heading: a sub-part takes its parent's; a
/// top-level part goes by its own words (`回顾`, `2017年工作安排`), else by
/// how its text speaks: mostly of what was done (`…了`) or of what is to be
/// done (`要` `将` `力争`). A heading that names a multi-year plan
/// (`“十四五”时期主要目标任务`) makes its part a plan whatever its parent.
/// The years a part speaks of (`Period`) likewise come from its own
/// heading, else its parent's.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn section_parts(doc: &Doc, headings: &[Heading], report_year: Option<i32>, plan_year: Option<i32>) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::with_capacity(headings.len());
    let tops: Vec<usize> = (0..headings.len()).filter(|&i| headings[i].parent.is_none()).collect();
    for (i, h) in headings.iter().enumerate() {
        let parent = h.parent.and_then(|p| parts.get(p).copied());
        let own = heading_period(doc, h.title.0, h.title.1);
        let mut m = match parent {
            Some(p) => p.mode.or_else(|| heading_mode(doc, h, report_year, plan_year)),
            None => heading_mode(doc, h, report_year, plan_year).or_else(|| {
                // a binary search: a scan of `tops` here made 100 000
                // top-level headings cost 5e9 steps
                let next = tops.get(tops.partition_point(|&t| t <= i)).map_or(doc.norm.len(), |&t| headings[t].start);
                content_mode(doc, h.start, next)
            }),
        };
        match own {
            Period::Plan => m = Some(Mode::Plan),
            // `“十五”期间…主要情况` in a plan's part looks back
            Period::Past if heading_mode(doc, h, report_year, plan_year) != Some(Mode::Plan) => m = Some(Mode::Review),
            _ => {}
        }
        let period = if own != Period::OneYear { own } else { parent.map_or(Period::OneYear, |p| p.period) };
        parts.push(Part { mode: m, period });
    }
    parts
}

/// The years a heading speaks of: a multi-year plan (`第六个五年计划的
/// 基本任务`, `“七五”时期的经济体制改革`, `今后五年的目标任务`), several
/// past years (`过去五年工作回顾`, `“六五”计划执行情况的回顾`, `“十五”
/// 期间…主要情况`), or neither. Titles are short: a walk over them is cheap.
pub(crate) fn heading_period(doc: &Doc, a: usize, b: usize) -> Period {
    // most titles have no `年` or `五` of a plan's or a span's words, and
    // the walk ends there
    let (mut plan, mut span, mut past) = (false, false, false);
    for k in a..b {
        match doc.norm[k] {
            '年' => {
                if crate::cues::span_at(doc, k) {
                    span = true;
                    past |= crate::cues::span_behind(doc, k);
                }
                plan |= ["年计划", "年规划"].iter().any(|w| doc.starts_with(k, w) && crate::cues::plan_period_at(doc, k, w));
            }
            '五' => plan |= crate::cues::plan_period_at(doc, k, "五"),
            _ => {}
        }
    }
    if !(plan || span) {
        return Period::OneYear;
    }
    past |= (a..b).any(|k| {
        matches!(doc.at(k), '回' | '情' | '总' | '成' | '过' | '以') && ["回顾", "情况", "总结", "成就", "过去", "以来"].iter().any(|w| doc.starts_with(k, w))
    });
    if past {
        Period::Past
    } else {
        Period::Plan
    }
}

/// Review or plan by the words of `a..b`: the perfective `了` against `要`,
/// `将` and `力争`, when one side clearly outweighs the other.
pub(super) fn content_mode(doc: &Doc, a: usize, b: usize) -> Option<Mode> {
    let (mut done, mut todo) = (0usize, 0usize);
    for k in doc.marked(charclass::MODE, a, b) {
        match doc.at(k) {
            '了' if !matches!(doc.before(k), '为' | '除' | '罢' | '不' | '明' | '到') => done += 1,
            '要' if !matches!(doc.before(k), '主' | '重' | '需' | '必' | '只' | '纲' | '摘' | '首') && doc.at(k + 1) != '求' => todo += 1,
            '将' if doc.at(k + 1) != '近' => todo += 1,
            '力' if doc.at(k + 1) == '争' => todo += 1,
            _ => {}
        }
    }
    if todo > 2 * done + 2 {
        Some(Mode::Plan)
    } else if done > 2 * todo + 2 {
        Some(Mode::Review)
    } else {
        None
    }
}

pub(super) fn heading_mode(doc: &Doc, h: &Heading, report_year: Option<i32>, plan_year: Option<i32>) -> Option<Mode> {
    let (a, b) = h.title;
    let year = years_in(doc, a, b).next();
    if let (Some(r), Some((y, _))) = (report_year, year) {
        return Some(if y < r { Mode::Review } else { Mode::Plan });
    }
    // with the report's year only implied by the headings, a year behind
    // it is reviewed (`首先报告２００１年的工作`); a year named as its own
    // may head results too (`为实现１９５６年的国家预算而努力`)
    if let (Some(p), Some((y, _))) = (plan_year, year) {
        if y < p {
            return Some(Mode::Review);
        }
    }
    let has = |words: &[&str]| (a..b).any(|k| words.iter().any(|w| doc.starts_with(k, w)));
    let review = has(REVIEW_HEADINGS);
    let plan = has(PLAN_HEADINGS);
    match (review, plan) {
        (true, false) => Some(Mode::Review),
        (false, true) => Some(Mode::Plan),
        _ => None,
    }
}
