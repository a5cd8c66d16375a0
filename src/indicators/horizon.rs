//! The span of time a figure covers: one year, a plan's period, a yearly
//! average or a total over years.

use super::*;

/// Where a figure stands: the starts of its sentence and clause, where its
/// left context ends once a comparator is taken off, and the years written
/// in its sentence before it.
pub(super) struct Place<'y> {
    pub(super) sent: usize,
    pub(super) clause: usize,
    pub(super) left: usize,
    pub(super) years: &'y [(i32, usize)],
}

/// The span of time a figure covers (SPEC.md, `horizon`): a yearly
/// average over years (`年均增长`), a total over years (`累计`, `五年合计`,
/// a change or a count of new things over a span of years: `五年来…新增`,
/// `比2002年增长`), a multi-year plan's target (`到2020年`, `今后五年`,
/// `“十四五”时期`, a plan part of the report), else one year.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn horizon(ctx: &Ctx, n: &Number, at: &Place, (kind, status, year): (Kind, Status, Option<i32>), period: Period) -> Horizon {
    // the year a plan part of the report looks ahead from
    let Ctx { doc, cues, plan_year: report_year, .. } = *ctx;
    let (start, sent, clause) = (n.start, at.sent, at.clause);
    if matches!(kind, Kind::Rank | Kind::Ratio) {
        return Horizon::Year;
    }
    // no word of a horizon in the sentence (most figures): only its years
    // and the paragraph's lead or the part may span several
    let words = cues.last(Cue::Horizon, sent, start).is_some();
    if words && cues.last(Cue::Average, clause, start).is_some_and(|k| averages_years(doc, cues, k, at.left)) {
        return Horizon::Average;
    }
    if words && cues.last(Cue::Cumulative, clause, start).is_some() {
        return Horizon::Total;
    }
    // the sentence spans years: `五年来`, `今后五年`, `2003年到2007年`,
    // `比2002年` for a figure of 2007
    let span = if words { cues.last(Cue::Span, sent, start) } else { None };
    let spans = span.is_some() || years_span(doc, at.years, year, report_year);
    // a sum over them: `五年合计`, `…共计`
    let sum = || span.is_some_and(|k| k >= clause && crate::cues::span_sums(doc, k)) || last_word(doc, clause, start, SUM_WORDS).is_some();
    if spans && sum() {
        return Horizon::Total;
    }
    // 从1978年到1985年八年间…每年要增长百分之四: a yearly change over the
    // span, not a year's
    if kind == Kind::Change && (spans || (words && cues.last(Cue::PlanPeriod, sent, start).is_some())) && last_word(doc, clause, start, &["每年"]).is_some() {
        return Horizon::Average;
    }
    // a paragraph led by a span: `五年来，…。…`
    let lead = || cues.last(Cue::Lead, paragraph_start(doc, sent), sent);
    // one year named: `比上年`, `今年`, `2017年`
    let one_year = |a: usize| cues.last(Cue::OneYear, a, start).is_some();
    if status == Status::Target {
        let future = at.years.iter().any(|&(y, k)| {
            !matches!(doc.before(k), '比' | '较' | '与' | '同')
                && match report_year {
                    Some(r) => y > r,
                    // `到2020年`, but not a year's end (`到1959年底`): with
                    // no report year it may be this one
                    None => deadline(doc, k) && !year_end(doc, k),
                }
        });
        let ahead = span.is_some_and(|k| !crate::cues::span_behind(doc, k));
        // a lead behind (`十几年来，`) speaks of the past, not of a plan
        let plan = future
            || ahead
            || period == Period::Plan
            || (words && cues.last(Cue::PlanPeriod, sent, start).is_some())
            || lead().is_some_and(|k| !crate::cues::span_behind(doc, k));
        let this_year = || one_year(sent) || at.years.iter().any(|&(y, k)| Some(y) == report_year && single_year(doc, k));
        return if plan && !this_year() { Horizon::Plan } else { Horizon::Year };
    }
    // a part that looks back over years (`过去五年工作回顾`) often reviews
    // the last year too, without naming it: only a paragraph's lead or
    // the sentence says a figure spans years
    let over_years = if spans { !one_year(clause) } else { lead().is_some() && !one_year(sent) && !at.years.iter().any(|&(_, k)| single_year(doc, k)) };
    if over_years && ((kind == Kind::Change && !compared_with_other(doc, clause, start)) || flows(doc, clause, at.left)) {
        return Horizon::Total;
    }
    Horizon::Year
}

/// A comparison with something other than a year before the figure in
/// its clause (`比全国低0.55个百分点`): a difference, not a change over
/// time.
pub(super) fn compared_with_other(doc: &Doc, clause: usize, start: usize) -> bool {
    (clause..start)
        .rev()
        .find(|&k| {
            matches!(doc.at(k), '比' | '较')
                && !doc.starts_with(k, "比重")
                && !doc.starts_with(k, "比例")
                && !doc.starts_with(k, "较快")
                && !doc.starts_with(k, "较大")
        })
        .is_some_and(|k| !doc.at(k + 1).is_ascii_digit() && cn_digit(doc.at(k + 1)).is_none())
}

/// Whether the average cue at `k` averages over years (`年均增长`,
/// `平均每年递增`, `年均7%`), not a year's mean (`年均浓度`, `年平均工资`).
pub(super) fn averages_years(doc: &Doc, cues: &Cues, k: usize, left: usize) -> bool {
    let mut e = cues.end_at(Cue::Average, k).unwrap_or(k);
    if doc.starts_with(k, "平均每年") || doc.starts_with(k, "每年平均") {
        return true;
    }
    for w in ["实际", "名义", "分别", "都", "均", "要", "将", "可"] {
        if doc.starts_with(e, w) {
            e += w.chars().count();
        }
    }
    e >= left
        || matches!(
            doc.at(e),
            '增' | '减'
                | '降'
                | '提'
                | '上'
                | '下'
                | '递'
                | '新'
                | '净'
                | '缩'
                | '扩'
                | '达'
                | '为'
                | '保'
                | '超'
                | '接'
                | '涨'
                | '翻'
                | '完'
                | '建'
                | '投'
                | '有'
        )
}

/// A count of new or done things before the figure in its clause:
/// summed over the years a sentence spans (`五年来新增就业`, `共建成`).
pub(super) fn flows(doc: &Doc, clause: usize, left: usize) -> bool {
    const DONE: &[&str] = &["改造", "搬迁", "安置", "培训", "建成", "共", "共达", "共有", "共计"];
    // 新增, 新建, 新开工; 合计, 共计, 总计, 总共
    DONE.iter().any(|w| doc.ends_with(left, w))
        || (clause..left.saturating_sub(1)).any(|k| match doc.norm[k] {
            '新' => matches!(doc.norm[k + 1], '增' | '建' | '开'),
            '合' | '共' => doc.norm[k + 1] == '计',
            '总' => matches!(doc.norm[k + 1], '计' | '共'),
            _ => false,
        })
}

/// Whether the year at `k` names one year: neither a base (`比2011年`,
/// `与2000年相比`), nor an end of a span (`从1953年到1957年`, `2012年以来`).
pub(super) fn single_year(doc: &Doc, k: usize) -> bool {
    if matches!(doc.before(k), '比' | '较' | '与' | '同' | '自' | '从' | '由' | '到' | '至' | '—' | '－' | '-' | '~' | '～') {
        return false;
    }
    let mut e = k;
    while doc.at(e) != '年' && e < k + 6 {
        e += 1;
    }
    e += 1;
    !(["以来", "起", "到", "至", "—", "－", "-", "~", "～", "代"].iter().any(|w| doc.starts_with(e, w)))
}

/// Whether the years written before a figure in its sentence span
/// several: a range (`1953年到1957年`, `2003年至2007年`, `2013—2017年`),
/// or a base two or more years before the year the figure is of
/// (`2007年…比2002年增长65.5%`; the figure's year, else the last other
/// year written, else the year before the report's).
pub(super) fn years_span(doc: &Doc, years: &[(i32, usize)], year: Option<i32>, report_year: Option<i32>) -> bool {
    for w in years.windows(2) {
        let ((y1, k1), (y2, k2)) = (w[0], w[1]);
        if y2 > y1 {
            let mut e = k1;
            while doc.at(e) != '年' && e < k2 {
                e += 1;
            }
            e += 1;
            // a range sign between them, after the month or day of the
            // first (`1950年7月到1953年底`), spaces aside
            let mut j = k2;
            while j > e && is_space(doc.at(j - 1)) {
                j -= 1;
            }
            let sign = j > e && matches!(doc.at(j - 1), '到' | '至' | '—' | '－' | '-' | '~' | '～');
            let date = (e..j.saturating_sub(1)).all(|i| {
                let c = doc.at(i);
                c.is_ascii_digit() || cn_digit(c).is_some() || is_space(c) || matches!(c, '十' | '月' | '日' | '底' | '末' | '初' | '—')
            });
            if sign && date {
                return true;
            }
        }
    }
    let base = years.iter().rev().find(|&&(_, k)| matches!(doc.before(k), '比' | '较' | '与' | '同' | '自' | '从' | '由'));
    let Some(&(b, _)) = base else { return false };
    let other = years.iter().rev().find(|&&(_, k)| single_year(doc, k) || matches!(doc.before(k), '到' | '至')).map(|&(y, _)| y);
    let of = year.or(other).or(report_year.map(|r| r - 1));
    of.is_some_and(|y| y - b >= 2)
}

/// Whether the year at `k` is a deadline (`到2020年`), not the end of a
/// span (`从1974年到1976年`).
pub(super) fn deadline(doc: &Doc, k: usize) -> bool {
    // from a date before it (`1974年到`, `1950年7月到`): a span's end
    matches!(doc.before(k), '到' | '至') && !matches!(doc.before(k - 1), '年' | '月' | '日' | '底' | '末')
}

/// Whether the year at `k` is followed by its end (`1959年底`, `年末`).
pub(super) fn year_end(doc: &Doc, k: usize) -> bool {
    let mut e = k;
    while doc.at(e) != '年' && e < k + 6 {
        e += 1;
    }
    matches!(doc.at(e + 1), '底' | '末')
}

/// Words of a sum (`五年合计`), over years when the sentence spans them.
pub(super) const SUM_WORDS: &[&str] = &["合计", "共计", "总计", "总共"];

/// Start of the paragraph (line) that holds `i`.
pub(super) fn paragraph_start(doc: &Doc, i: usize) -> usize {
    let lines = &doc.lines;
    let l = lines.partition_point(|l| l.end <= i);
    lines.get(l).map_or(i, |l| l.start.min(i))
}
