//! Years: the years a text writes, a figure's year and the report's year.

use super::*;

/// The years of `all` (from `years_in`, in order) that stand wholly in
/// `a..b`.
pub(super) fn years_between(all: &[(i32, usize)], a: usize, b: usize) -> &[(i32, usize)] {
    let lo = all.partition_point(|&(_, k)| k < a);
    let hi = all.partition_point(|&(_, k)| k + 4 < b);
    &all[lo..hi.max(lo)]
}

/// The years written in `a..b` as `2016年` or `一九五三年`: (year, start).
pub(crate) fn years_in<'d>(doc: &'d Doc, a: usize, b: usize) -> impl Iterator<Item = (i32, usize)> + 'd {
    years_from(doc, a, b, b)
}

/// The years that start in `a..b` and end before `end`.
pub(super) fn years_from<'d>(doc: &'d Doc, a: usize, b: usize, end: usize) -> impl Iterator<Item = (i32, usize)> + 'd {
    const DIGITS: u8 = charclass::DIGIT | charclass::CN_DIGIT;
    doc.marked(DIGITS, a, b).filter_map(move |k| {
        if charclass::class(doc.before(k)) & DIGITS != 0 {
            return None;
        }
        if doc.at(k).is_ascii_digit() {
            let mut e = k;
            while doc.at(e).is_ascii_digit() {
                e += 1;
            }
            if e - k == 4 && doc.at(e) == '年' && e < end {
                let y = doc.norm[k..e].iter().fold(0, |y, c| y * 10 + c.to_digit(10).unwrap_or(0) as i32);
                return (1900..=2100).contains(&y).then_some((y, k));
            }
            return None;
        }
        // a written year is four characters and then 年: look there first
        if doc.at(k + 4) != '年' {
            return None;
        }
        let (v, e) = written_year(doc, k)?;
        (doc.at(e) == '年' && e < end && (1900..=2100).contains(&v)).then_some((v, k))
    })
}

/// A year of four digits at `k` (`2016`, `一九五三`), also when words and
/// digits mix (`二0一0`, `二〇一〇`, `二OO五`): its value and end.
pub(super) fn written_year(doc: &Doc, k: usize) -> Option<(i32, usize)> {
    // in words alone (`一九五三`), as the number reader reads them
    if let Some((v, e)) = numbers::positional_chinese(doc, k).filter(|&(_, e)| e - k == 4) {
        return Some((v as i32, e)).filter(|_| charclass::class(doc.at(e)) & charclass::DIGIT == 0);
    }
    let mut v = 0;
    let mut e = k;
    while e < k + 4 {
        let c = doc.at(e);
        let d = match c {
            '0'..='9' => c as i32 - '0' as i32,
            'O' | 'o' if e > k => 0,
            '两' => return None,
            _ => cn_digit(c)? as i32,
        };
        v = v * 10 + d;
        e += 1;
    }
    (charclass::class(doc.at(e)) & (charclass::DIGIT | charclass::CN_DIGIT) == 0).then_some((v, e))
}

/// The year a figure refers to, when its sentence writes it: the last year
/// before the figure, unless it is a comparison base (`比2011年`), a period
/// start (`2012年以来`), or tied to another figure (`2016年的1.95万亿元`
/// names only that figure); an average over years (`年均`) has none.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn year(doc: &Doc, cues: &Cues, n: &Number, left: usize, clause: usize, years: &[(i32, usize)]) -> Option<i32> {
    if cues.last(Cue::Average, clause, left).is_some() {
        return None;
    }
    let &(y, k) = years.last()?;
    // a base: 比2011年, 等于一九四九年的二点五倍
    if matches!(doc.before(k), '比' | '较' | '同' | '与' | '和' | '自' | '从') || doc.ends_with(k, "等于") || doc.ends_with(k, "相当于") {
        return None;
    }
    let mut e = k;
    while doc.at(e) != '年' {
        e += 1;
    }
    e += 1;
    if doc.starts_with(e, "以来") || doc.starts_with(e, "起") || doc.starts_with(e, "至") || doc.starts_with(e, "代") {
        return None;
    }
    // 2016年的1.95万亿元: this figure only
    if doc.at(e) == '的' && (e + 1..n.start).any(|j| is_clause_break(doc.at(j))) {
        return None;
    }
    if doc.at(e) == '的' && e + 1 != n.start {
        return None;
    }
    Some(y)
}

/// The report's own year: from a date in the byline (`2017年1月5日`) or a
/// title line (`2017年政府工作报告`) near the top.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn report_year(doc: &Doc) -> Option<i32> {
    let mut title_year = None;
    for line in doc.lines.iter().filter(|l| !l.is_blank()).take(10) {
        let text: String = doc.norm[line.start..line.end].iter().collect();
        let ys: Vec<(i32, usize)> = years_in(doc, line.start, line.end).collect();
        if let Some(&(y, _)) = ys.first() {
            if text.contains('月') && text.contains('日') && line.len() < 60 {
                return Some(y);
            }
            // a title ends with 报告 (`2017年政府工作报告`); a heading with it
            // inside speaks of a year before (`首先报告２００１年的工作`)
            if text.trim_end().ends_with("报告") && line.len() < 40 && title_year.is_none() {
                title_year = Some(y);
            }
        }
    }
    title_year
}

/// The report's year when no byline or title gives it, from the first
/// top-level heading that names a year: a year reviewed (`一、1999年国内
/// 工作回顾`, `一、１９５５年国家决算`, `首先报告２００１年的工作`) is the
/// one before the report's; a year planned (`二、2004年主要任务`,
/// `二、关于1998年政府工作的建议`) is the report's.
pub(super) fn year_of_headings(doc: &Doc, headings: &[Heading]) -> Option<i32> {
    headings.iter().filter(|h| h.parent.is_none()).take(12).find_map(|h| heading_year(doc, h.title.0, h.title.1))
}

/// The report's year implied by one top-level heading's title `a..b`
/// (`year_of_headings`): the year it names if it plans it, the year after
/// if it reviews it. `compare` reads the titles of an annotation with it.
pub(crate) fn heading_year(doc: &Doc, a: usize, b: usize) -> Option<i32> {
    const PLANS: &[&str] = &["任务", "安排", "建议", "计划", "预算", "方针", "打算", "重点", "目标"];
    const REVIEWS: &[&str] = &["回顾", "决算", "胜利", "总结", "执行情况", "的工作", "成就"];
    let y = years_in(doc, a, b).map(|(y, _)| y).max()?;
    let has = |words: &[&str]| (a..b).any(|k| words.iter().any(|w| doc.starts_with(k, w)));
    if has(PLANS) {
        Some(y)
    } else if has(REVIEWS) {
        Some(y + 1)
    } else {
        None
    }
}
