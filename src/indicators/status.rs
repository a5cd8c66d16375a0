//! Whether a figure is a result, an estimate or a target.

use super::*;

/// Result, estimate or target.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn status(ctx: &Ctx, n: &Number, sent: usize, clause: usize, inherited_from: Option<&Found>, mode: Option<Mode>, years: &[(i32, usize)]) -> Status {
    let Ctx { doc, cues, report_year, .. } = *ctx;
    let start = n.start;
    if cues.last(Cue::Estimate, clause, start).is_some() {
        return Status::Estimate;
    }
    if let Some(p) = inherited_from {
        if p.status == Status::Estimate {
            return Status::Estimate;
        }
    }
    // `初步核算，…` / `预计，…`: a cue set off by a comma covers its sentence
    if let Some(k) = cues.last(Cue::Estimate, sent, start) {
        let end = cues.end_at(Cue::Estimate, k).unwrap_or(k);
        if matches!(doc.at(end), '，' | ',' | '：' | ':') {
            return Status::Estimate;
        }
    }
    // `到2020年`: a goal when the year is not behind the report (or, with
    // no report year, outside a review); any later year is one too
    let future_year = years.iter().any(|&(y, k)| {
        let by = deadline(doc, k);
        match report_year {
            Some(r) => (by && y >= r) || y > r,
            None => by && mode != Some(Mode::Review),
        }
    });
    let target_cue = future_year || target_cue(doc, cues, sent, clause, start, mode);
    match mode {
        Some(Mode::Plan) => {
            let past = cues.last(Cue::Past, sent, start).is_some_and(|k| !matches!(doc.before(k), '比' | '较' | '同' | '与'))
                || cues
                    .last(Cue::Span, sent, start)
                    .is_some_and(|k| crate::cues::span_behind(doc, k) && (k >= clause || !(sent..k).any(|j| is_clause_break(doc.at(j)))))
                || years.iter().any(|&(y, k)| report_year.is_some_and(|r| y < r) && !matches!(doc.before(k), '比' | '较' | '同' | '与'));
            if past && !target_cue {
                Status::Actual
            } else {
                Status::Target
            }
        }
        _ => {
            if target_cue {
                Status::Target
            } else {
                Status::Actual
            }
        }
    }
}

/// A cue for a goal before the figure in its sentence. Weak cues (`要`,
/// `将`, `安排`, `计划`) count only where the part of the report is not a
/// review of the past.
pub(super) fn target_cue(doc: &Doc, cues: &Cues, sent: usize, clause: usize, start: usize, mode: Option<Mode>) -> bool {
    // a goal word counts unless it names goals met (`完成了年初确定的主要
    // 目标，国内生产总值增长7.8%`): then an earlier one may still; not
    // when the figure's own clause looks ahead (`实现了这个目标，我国国民
    // 生产总值将比1980年增长1.7倍`)
    let ahead = || (clause..start).any(|k| (doc.at(k) == '将' && !matches!(doc.at(k + 1), '近' | '来')) || (doc.at(k) == '要' && doc.at(k + 1) != '求'));
    let mut end = start;
    for _ in 0..3 {
        match cues.last(Cue::Goal, sent, end) {
            Some(k) if goal_met(doc, cues, k) && !ahead() => end = k,
            Some(_) => return true,
            None => break,
        }
    }
    if cues.last(Cue::Planned, clause, start).is_some() {
        return true;
    }
    // 今后五年, 未来五年: years ahead, whatever the part
    if cues.last(Cue::Span, sent, start).is_some_and(|k| doc.starts_with(k, "今后") || doc.starts_with(k, "未来")) {
        return true;
    }
    // 本世纪末, 远景目标: a deadline ahead whatever the part, unless
    // reached (`提前实现了本世纪末…翻两番`)
    if cues.last(Cue::PlanPeriod, sent, start).is_some_and(|k| (doc.starts_with(k, "世纪末") && doc.before(k) == '本') || doc.starts_with(k, "远景目标"))
        && last_word(doc, clause, start, &["实现了", "完成了", "达到了"]).is_none()
    {
        return true;
    }
    if mode == Some(Mode::Review) {
        // 今年要…, but not 今年以来
        return cues.last(Cue::YearAhead, sent, start).is_some();
    }
    cues.last(Cue::Plan, clause, start).is_some()
        || (clause..start).any(|k| {
            (doc.at(k) == '要' && !matches!(doc.before(k), '主' | '重' | '需' | '必' | '只' | '纲' | '摘') && doc.at(k + 1) != '求')
                || (doc.at(k) == '将' && !matches!(doc.at(k + 1), '近' | '来'))
        })
}

/// Whether the goal word at `k` speaks of goals set before and met, so
/// that the figures after it report results: set at the year's start or
/// before (`年初确定的主要目标`, `原定目标`), met by a perfective verb before
/// it (`完成了…目标`, `实现了`, `超过预期目标`), or followed by one
/// (`主要目标任务全面完成`).
pub(super) fn goal_met(doc: &Doc, cues: &Cues, k: usize) -> bool {
    const SET: &[&str] = &["年初", "原定", "既定", "完成了", "实现了", "达到了", "超过了", "超过", "超额完成", "好于"];
    const MET: &[&str] =
        &["全面完成", "顺利完成", "圆满完成", "较好完成", "胜利完成", "基本完成", "如期完成", "超额完成", "全部完成", "完成", "顺利实现", "全面实现", "实现"];
    let a = clause_start(doc, k);
    if last_word(doc, a, k, SET).is_some() {
        return true;
    }
    let mut e = cues.end_at(Cue::Goal, k).unwrap_or(k);
    if doc.starts_with(e, "任务") {
        e += 2;
    }
    MET.iter().any(|w| doc.starts_with(e, w))
}
