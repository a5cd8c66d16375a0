//! What the two reports say of themselves: their years, the headline
//! paragraph (`主要预期目标`), the paragraphs and parts that speak of several
//! years, the start values of `由A提高到B`, and a figure's evidence.

use super::*;

/// The year a report was given in: from its byline or title near the top,
/// else from its top-level headings (module documentation).
pub(super) fn year_of_report(text: &str, a: &Annotation) -> Option<i32> {
    // the byline and title are in the first lines: a few KB are enough,
    // and reading no more keeps this cheap on any text
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let tops = || a.sections.iter().filter(|s| s.parent.is_none()).take(12).map(|s| Doc::new(&s.title));
    report_year(&Doc::new(&text[..end]))
        .or_else(|| tops().find_map(|d| heading_year(&d, 0, d.norm.len())))
        // `二、2017年工作总体部署`, `2018年经济社会发展总体要求`: words of a
        // plan the annotation's rules do not use (they would move its
        // status rules, tuned without them)
        .or_else(|| {
            tops().find_map(|d| {
                let n = d.norm.len();
                let plans = (0..n).any(|k| d.starts_with(k, "部署") || d.starts_with(k, "总体要求"));
                plans.then(|| years_in(&d, 0, n).map(|(y, _)| y).max()).flatten()
            })
        })
}

/// The report's year from its review part when no byline, title or
/// heading names one: the year after the one the part's first dated
/// paragraph opens with (`一、去年工作回顾` … `2005年，我国…`, `2022年是…`,
/// `刚刚过去的2017年，…`). Only the first review part's first 3 000
/// characters are read.
pub(super) fn year_of_review(doc: &Doc, a: &Annotation) -> Option<i32> {
    let tops: Vec<&crate::Section> = a.sections.iter().filter(|s| s.parent.is_none()).take(12).collect();
    let i = tops.iter().position(|s| s.title.contains("回顾"))?;
    let start = char_index(doc, tops[i].end);
    let end = tops.get(i + 1).map_or(doc.norm.len(), |n| char_index(doc, n.start)).min(start + 3000);
    for (y, k) in years_in(doc, start, end) {
        let mut j = k;
        while j > 0 && matches!(doc.at(j - 1), ' ' | '\t' | '\u{3000}') {
            j -= 1;
        }
        let opens_line = j == 0 || matches!(doc.at(j - 1), '\n' | '\r');
        let mut e = k;
        while e < k + 8 && doc.at(e) != '年' {
            e += 1;
        }
        if (opens_line && matches!(doc.at(e + 1), '，' | ',' | '是')) || doc.ends_with(k, "过去的") {
            return Some(y + 1);
        }
    }
    None
}

/// The spans (UTF-16) of the headline paragraphs: from `主要预期目标是：` or
/// `主要目标为` (a `预期目标` or `主要目标` introduced by `是`, `为` or a
/// colon) to the end of its paragraph, or of the next non-blank line when
/// the phrase ends its own (`今年经济社会发展的主要预期目标是：` above the
/// list), at most `HEADLINE_REACH` characters.
pub(super) fn headline_spans(doc: &Doc) -> Vec<(usize, usize)> {
    const HEADLINE_REACH: usize = 2000;
    let n = doc.norm.len();
    let line_end = |c: char| matches!(c, '\n' | '\r');
    let mut spans = Vec::new();
    let mut k = 0;
    while k + 4 <= n {
        if !(matches!(doc.at(k), '预' | '主') && (doc.starts_with(k, "预期目标") || doc.starts_with(k, "主要目标"))) {
            k += 1;
            continue;
        }
        let mut e = k + 4;
        let mut introduced = false;
        if matches!(doc.at(e), '是' | '为') {
            e += 1;
            introduced = true;
        }
        if matches!(doc.at(e), '：' | ':') {
            e += 1;
            introduced = true;
        }
        if introduced {
            let stop = (e + HEADLINE_REACH).min(n);
            // past the blank lines after a phrase that ends its line
            while e < stop && (doc.at(e).is_whitespace() || doc.at(e) == '\u{3000}') {
                e += 1;
            }
            while e < stop && !line_end(doc.at(e)) {
                e += 1;
            }
            spans.push((doc.u16(k), doc.u16(e)));
        }
        k = e.max(k + 1);
    }
    spans
}

/// The character index of UTF-16 offset `off` in `doc`.
pub(super) fn char_index(doc: &Doc, off: usize) -> usize {
    let (mut lo, mut hi) = (0, doc.norm.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if doc.u16(mid) < off {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The sentence around the figure at `start..end` (UTF-16), cut to at most
/// `EVIDENCE_REACH` characters either side, at a clause mark when cut: a
/// citation of the claim, never a paragraph (issue 17: output linear in
/// the input).
pub(crate) fn evidence(doc: &Doc, start: usize, end: usize) -> Evidence {
    let ends_sentence = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n' | '\r');
    let is_clause = |c: char| matches!(c, '，' | ',' | '、' | '：' | ':');
    let (a, b) = (char_index(doc, start), char_index(doc, end));
    let n = doc.norm.len();
    let mut s = a;
    while s > 0 && a - s < EVIDENCE_REACH && !ends_sentence(doc.at(s - 1)) {
        s -= 1;
    }
    if s > 0 && !ends_sentence(doc.at(s - 1)) {
        // cut: start after the first clause mark of the window
        if let Some(k) = (s..a).find(|&k| is_clause(doc.at(k))) {
            s = k + 1;
        }
    }
    let mut e = b;
    while e < n && e - b < EVIDENCE_REACH && !ends_sentence(doc.at(e)) {
        e += 1;
    }
    if e < n && ends_sentence(doc.at(e)) && !matches!(doc.at(e), '\n' | '\r') {
        e += 1; // the sentence's own full stop
    } else if e < n {
        if let Some(k) = (b..e).rev().find(|&k| is_clause(doc.at(k))) {
            e = k;
        }
    }
    Evidence { start: doc.u16(s), end: doc.u16(e), text: doc.slice(s, e).to_string() }
}

/// For each section, whether it speaks of several years (its heading or an
/// enclosing one: `过去五年工作回顾`, `“十三五”时期主要目标`), where a figure
/// with no year of its own is no one year's.
pub(super) fn several_year_parts(a: &Annotation) -> Vec<bool> {
    let mut out: Vec<bool> = Vec::with_capacity(a.sections.len());
    for s in &a.sections {
        let d = Doc::new(&s.title);
        let own = heading_period(&d, 0, d.norm.len()) != Period::OneYear;
        let parent = s.parent.and_then(|p| out.get(p).copied()).unwrap_or(false);
        out.push(own || parent);
    }
    out
}

/// For each indicator, the last time its paragraph names before it: a
/// year (`2017年`, `去年`, `过去一年`), several years (`过去五年`, `五年来`,
/// `2013年以来`), or none. One pass over the text.
pub(super) fn paragraph_cues(doc: &Doc, a: &Annotation, reviewed: Option<i32>) -> Vec<Cue> {
    let n = doc.norm.len();
    // the years written, in order, and the indicators by start (an
    // annotation lists them in document order)
    let years: Vec<(i32, usize)> = years_in(doc, 0, n).collect();
    let order: Vec<(usize, usize)> = a.indicators.iter().enumerate().map(|(i, r)| (char_index(doc, r.start), i)).collect();
    let mut out = vec![Cue::None; a.indicators.len()];
    let (mut cue, mut next_year, mut next_fig) = (Cue::None, 0, 0);
    for k in 0..n {
        while next_fig < order.len() && order[next_fig].0 <= k {
            out[order[next_fig].1] = cue;
            next_fig += 1;
        }
        if next_fig == order.len() {
            break;
        }
        match doc.at(k) {
            '\n' | '\r' => cue = Cue::None,
            '年' if crate::cues::span_at(doc, k) => cue = Cue::Span,
            '去' if doc.at(k + 1) == '年' && !matches!(doc.before(k), '比' | '较' | '同' | '与' | '和' | '于') => {
                if let Some(r) = reviewed {
                    cue = Cue::Year(r);
                }
            }
            '过' if doc.starts_with(k, "过去一年") => {
                if let Some(r) = reviewed {
                    cue = Cue::Year(r);
                }
            }
            _ => {}
        }
        while next_year < years.len() && years[next_year].1 <= k {
            let (y, at) = years[next_year];
            next_year += 1;
            // a base (比2012年) or a period start (2013年以来) dates nothing
            if matches!(doc.before(at), '比' | '较' | '同' | '与' | '和' | '自' | '从' | '于') {
                continue;
            }
            let mut e = at;
            while e < n && doc.at(e) != '年' {
                e += 1;
            }
            if ["以来", "来", "起", "至", "到", "以前", "前"].iter().any(|w| doc.starts_with(e + 1, w)) {
                cue = Cue::Span;
            } else {
                cue = Cue::Year(y);
            }
        }
    }
    out
}

/// Whether indicator `i` is the start of a change from one figure to
/// another (`由52.2%提高到57.5%`, `由上年下降2.3%转为增长8.5%`): followed by a
/// verb of change and then by a number.
pub(super) fn is_start_value(doc: &Doc, a: &Annotation, i: usize) -> bool {
    const VERBS: &[&str] = &[
        "提高到",
        "提高至",
        "提升到",
        "提升至",
        "上升到",
        "上升至",
        "增加到",
        "增加至",
        "增长到",
        "增长至",
        "扩大到",
        "扩大至",
        "下降到",
        "下降至",
        "降低到",
        "降低至",
        "减少到",
        "减少至",
        "缩小到",
        "缩小至",
        "降到",
        "降至",
        "升至",
        "增至",
        "减至",
        "达到",
        "转为",
        "变为",
        "到",
        "至",
    ];
    let r = &a.indicators[i];
    let mut k = char_index(doc, r.end);
    for w in ["左右", "以上", "多"] {
        if doc.starts_with(k, w) {
            k += w.chars().count();
        }
    }
    let Some(v) = VERBS.iter().find(|w| doc.starts_with(k, w)) else {
        return false;
    };
    k += v.chars().count();
    for w in ["增长", "下降", "上升", "提高", "减少"] {
        if doc.starts_with(k, w) {
            k += 2;
            break;
        }
    }
    let c = doc.at(k);
    c.is_ascii_digit() || crate::charclass::class(c) & crate::charclass::CN_DIGIT != 0
}
