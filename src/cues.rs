//! Where the cue words of the attribute rules stand in a text, found in one
//! pass, so that asking "is there an estimate cue in this figure's clause?"
//! is a binary search instead of a scan of the clause for every figure.

use crate::charclass;
use crate::lexicon::{AVERAGE_CUES, CUE_WORD_LISTS, PLAN_PERIOD_CUES, SPAN_CUES};
use crate::numbers::cn_digit;
use crate::text::Doc;
use std::cell::Cell;
use std::sync::OnceLock;

/// The kinds of cue the rules ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// 预计, 初步核算 …
    Estimate,
    /// 力争, 确保, 目标 …: a goal wherever it stands
    Goal,
    /// 计划, 安排, 拟 …: a goal outside a review of the past
    Plan,
    /// 去年, 过去, 已经 …
    Past,
    /// 年均, 年平均: an average over years has no single year
    Average,
    /// 控制在: an upper bound
    Control,
    /// 增速, 涨幅 …: the figure after it is a change
    ChangeNoun,
    /// 今年 (not 今年以来), 明年: the year ahead
    YearAhead,
    /// 累计: a total over the years so far
    Cumulative,
    /// 五年来, 过去五年, 今后五年, 三年内, 五年累计, 这五年 …: a span of
    /// several years, found at the count of years (`span_at`;
    /// `span_behind` tells which lie behind)
    Span,
    /// A span of years or a plan's period that leads its sentence, set off
    /// by a comma (`五年来，`, `“十五”期间，`): it speaks for the rest of
    /// its paragraph
    Lead,
    /// 五年计划, “十四五”时期, 十年规划 …: a multi-year plan's period
    /// (`plan_period_at`)
    PlanPeriod,
    /// 计划为, 指标为, 规定为 …: a plan's figure, even in a review
    Planned,
    /// 比上年, 去年, 今年, 年度 …: one year
    OneYear,
    /// Any of `Average`, `Cumulative`, `Span` and `PlanPeriod`: most
    /// sentences have none, and one lookup tells (`indicators::horizon`)
    Horizon,
}

/// One list of words per kind, in `lexicon::CUE_WORD_LISTS`.
const KINDS: usize = CUE_WORD_LISTS.len();

const ALL: [Cue; KINDS] = [
    Cue::Estimate,
    Cue::Goal,
    Cue::Plan,
    Cue::Past,
    Cue::Average,
    Cue::Control,
    Cue::ChangeNoun,
    Cue::YearAhead,
    Cue::Cumulative,
    Cue::Span,
    Cue::Lead,
    Cue::PlanPeriod,
    Cue::Planned,
    Cue::OneYear,
    Cue::Horizon,
];

/// The cue words for lookups at a position.
struct Index {
    /// (key of the first two characters, word, length in characters, kind),
    /// sorted by key; a one-character word's second is `'\0'`. Keyed on two
    /// characters, a place looks at the few words that can start there,
    /// however many words share its first character (`年`, `五`).
    words: Vec<(u64, &'static str, usize, usize)>,
    /// A filter on the first two characters of every word (the first and
    /// `'\0'` for a one-character word), one bit per hash: a place whose
    /// two characters hash to a clear bit starts no cue word. The first
    /// characters alone (`一` `上` `以` `实` `年` …) pass far too often.
    pairs: Box<[u64; 1024]>,
}

fn key(a: char, b: char) -> u64 {
    (a as u64) << 32 | b as u64
}

fn pair_hash(a: char, b: char) -> usize {
    ((a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32).wrapping_mul(0x85EB_CA77)) as usize >> 16 & 0xFFFF
}

impl Index {
    fn get() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(|| {
            let all = || CUE_WORD_LISTS.iter().enumerate().flat_map(|(kind, list)| list.iter().map(move |&w| (w, kind)));
            let mut pairs = Box::new([0u64; 1024]);
            for (w, _) in all() {
                let mut chars = w.chars();
                if let Some(c) = chars.next() {
                    let h = pair_hash(c, chars.next().unwrap_or('\0'));
                    pairs[h / 64] |= 1 << (h % 64);
                }
            }
            let mut words: Vec<(u64, &'static str, usize, usize)> = all()
                .map(|(w, kind)| {
                    let mut chars = w.chars();
                    let a = chars.next().unwrap_or('\0');
                    (key(a, chars.next().unwrap_or('\0')), w, w.chars().count(), kind)
                })
                .collect();
            // stable: words of one key keep their list order
            words.sort_by_key(|e| e.0);
            Index { words, pairs }
        })
    }

    /// The words that start with `a` followed by `b`, and the one-character
    /// words `a`.
    fn entries(&self, a: char, b: char) -> impl Iterator<Item = &(u64, &'static str, usize, usize)> {
        let range = |k: u64| {
            let lo = self.words.partition_point(|e| e.0 < k);
            self.words[lo..].iter().take_while(move |e| e.0 == k)
        };
        range(key(a, b)).chain(range(key(a, '\0')))
    }

    /// Whether a cue word can start with `a` followed by `b`.
    fn may_start(&self, a: char, b: char) -> bool {
        let bit = |h: usize| self.pairs[h / 64] & (1 << (h % 64)) != 0;
        bit(pair_hash(a, b)) || bit(pair_hash(a, '\0'))
    }
}

/// Every cue word's place in one text.
pub struct Cues {
    /// Per kind, (start, end) of each occurrence in character indices,
    /// sorted by start.
    spots: [Vec<(u32, u32)>; KINDS],
    /// Per kind, where the last lookup ended: the figures ask in text
    /// order, so the next answer is near, and a search from here touches a
    /// few neighbouring entries instead of a binary search's scattered ones
    /// (which a text of many megabytes pays in cache misses).
    hints: [Cell<usize>; KINDS],
}

impl Cues {
    /// No cue words yet: `extend` finds them.
    pub fn new() -> Cues {
        Cues { spots: Default::default(), hints: Default::default() }
    }

    /// Adds the cue words of `doc` that start in `a..b`, which must follow
    /// the stretches added before. Linear in its length.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn extend(&mut self, doc: &Doc, a: usize, b: usize) {
        let index = Index::get();
        // only where a cue word's first character stands, and its second
        // may follow
        for k in doc.marked(charclass::CUE, a, b) {
            let (c, next) = (doc.norm[k], doc.at(k + 1));
            if !index.may_start(c, next) {
                continue;
            }
            for &(_, w, len, kind) in index.entries(c, next) {
                if doc.starts_with(k, w) && admit(doc, ALL[kind], k, w) {
                    self.spots[kind].push((k as u32, (k + len) as u32));
                }
            }
        }
    }

    /// The start of the last cue of `kind` that stands wholly in `a..b`.
    pub fn last(&self, kind: Cue, a: usize, b: usize) -> Option<usize> {
        let v = &self.spots[kind as usize];
        let hi = self.starts_before(kind, b);
        v[..hi].iter().rev().take_while(|&&(s, _)| s as usize >= a).find(|&&(_, e)| e as usize <= b).map(|&(s, _)| s as usize)
    }

    /// The end of the cue of `kind` that starts at `k`, if any (the longest).
    pub fn end_at(&self, kind: Cue, k: usize) -> Option<usize> {
        let v = &self.spots[kind as usize];
        let lo = self.starts_before(kind, k);
        v[lo..].iter().take_while(|&&(s, _)| s as usize == k).map(|&(_, e)| e as usize).max()
    }

    /// How many cues of `kind` start before `x`: `partition_point`, found by
    /// galloping from the last answer.
    fn starts_before(&self, kind: Cue, x: usize) -> usize {
        let v = &self.spots[kind as usize];
        let r = gallop(v, x, self.hints[kind as usize].get());
        self.hints[kind as usize].set(r);
        r
    }
}

/// `v.partition_point(|e| e.0 < x)` for `v` sorted by `.0`, searched from
/// `hint` outwards in doubling steps, then by bisection: O(log d) for an
/// answer `d` entries from the hint.
fn gallop(v: &[(u32, u32)], x: usize, hint: usize) -> usize {
    let below = |k: usize| (v[k].0 as usize) < x;
    let n = v.len();
    let h = hint.min(n);
    // the answer lies in lo..=hi: everything before lo is below x, hi is
    // not (or is n)
    let (lo, hi) = if h < n && below(h) {
        let (mut lo, mut step) = (h + 1, 1);
        loop {
            let probe = lo - 1 + step;
            if probe >= n {
                break (lo, n);
            }
            if below(probe) {
                lo = probe + 1;
                step *= 2;
            } else {
                break (lo, probe);
            }
        }
    } else {
        let (mut hi, mut step) = (h, 1);
        loop {
            if hi == 0 {
                break (0, 0);
            }
            let probe = hi.saturating_sub(step);
            if below(probe) {
                break (probe + 1, hi);
            }
            hi = probe;
            step *= 2;
        }
    };
    lo + v[lo..hi].partition_point(|e| (e.0 as usize) < x)
}

/// Words that are cues only in some company: 今年以来 looks back; `年`
/// names a span only after a count of years (`span_at`).
fn admit(doc: &Doc, cue: Cue, k: usize, w: &str) -> bool {
    match cue {
        // 今年一月至九月, 今年前三季度: the part of this year behind
        Cue::YearAhead | Cue::Plan if w == "今年" => !this_year_so_far(doc, k),
        Cue::Span => span_year(doc, k, w).is_some(),
        Cue::Horizon => {
            (SPAN_CUES.contains(&w) && span_year(doc, k, w).is_some())
                || (PLAN_PERIOD_CUES.contains(&w) && plan_period_at(doc, k, w))
                || AVERAGE_CUES.contains(&w)
                || w == "累计"
        }
        Cue::Lead => (if SPAN_CUES.contains(&w) { span_year(doc, k, w).is_some() } else { plan_period_at(doc, k, w) }) && opens_sentence(doc, k),
        // 上年平均, 全年平均: one year's mean
        Cue::Average if w.starts_with('年') => !matches!(doc.before(k), '上' | '去' | '今' | '明' | '本' | '当' | '全' | '同' | '前' | '次' | '该' | '每'),
        Cue::PlanPeriod => plan_period_at(doc, k, w),
        _ => true,
    }
}

/// The start of the count of years before the `年` at `k` (`五年`,
/// `十七年`, `两年`, `几年`, `5年`), if it counts two or more years and is
/// not a year's number (`一九五七年`, `2016年`).
fn years_count(doc: &Doc, k: usize) -> Option<usize> {
    let mut a = k;
    while a > 0 && k - a < 4 && is_count_char(doc.at(a - 1)) {
        a -= 1;
    }
    if a == k {
        return None;
    }
    let digits = (a..k).all(|j| doc.at(j).is_ascii_digit());
    let positional = (a..k).all(|j| cn_digit(doc.at(j)).is_some());
    // 2016年, 一九五七年: a year; 一年: no span; 一九 … before 年 at the
    // reach of four characters: the end of a year
    if (k - a >= 3 && (digits || positional)) || (k - a == 4) || (k - a == 1 && matches!(doc.at(a), '一' | '1' | '0' | '零' | '〇')) {
        return None;
    }
    if is_count_char(doc.before(a)) {
        return None;
    }
    Some(a)
}

fn is_count_char(c: char) -> bool {
    c.is_ascii_digit() || cn_digit(c).is_some() || matches!(c, '十' | '几' | '数')
}

/// The `年` of the span of years whose cue word `w` stands at `k`
/// (`SPAN_CUES`), if it names one (`span_at`): the `年` of `年来` itself
/// after a count (`五年来`, `5年来`; not `2016年来`, `一九五七年中`, `近年来`),
/// or the `年` after a lead word and a count (`过去五年`, `今后五年`).
pub fn span_year(doc: &Doc, k: usize, w: &str) -> Option<usize> {
    let y = if w.starts_with('年') {
        // 年来 after no count (近年来, 多年来) is the common case
        if !is_count_char(doc.before(k)) {
            return None;
        }
        k
    } else {
        let n = w.chars().count();
        if !is_count_char(doc.at(k + n)) {
            return None;
        }
        let y = (k + n..k + n + 4).find(|&j| doc.at(j) == '年')?;
        (years_count(doc, y) == Some(k + n)).then_some(y)?
    };
    span_at(doc, y).then_some(y)
}

/// Whether the `今年` at `k` names the part of this year behind:
/// `今年以来`, `今年上半年`, `今年八月`, `今年1—9月`, `今年前三季度`.
fn this_year_so_far(doc: &Doc, k: usize) -> bool {
    let c = doc.at(k + 2);
    doc.starts_with(k + 2, "以来")
        || doc.starts_with(k + 2, "上半年")
        || matches!(c, '前' | '头' | '第')
        || c.is_ascii_digit()
        || (cn_digit(c).is_some() && c != '两')
        || c == '十'
}

/// Whether the span of years found at `k` (a `Span` cue) lies behind:
/// `五年来`, `十七年间`, `过去五年`, `以来的五年`.
pub fn span_behind(doc: &Doc, k: usize) -> bool {
    if doc.at(k) == '年' {
        return matches!(doc.at(k + 1), '来' | '间') || years_count(doc, k).is_some_and(|a| ["过去", "以来的", "前", "近"].iter().any(|w| doc.ends_with(a, w)));
    }
    doc.starts_with(k, "过去") || doc.starts_with(k, "以来的")
}

/// Whether a span of years that is a sum stands at `k` (a `Span` cue):
/// `五年累计`, `五年合计`, `两年共`.
pub fn span_sums(doc: &Doc, k: usize) -> bool {
    doc.at(k) == '年' && ["累计", "合计", "共", "总计"].iter().any(|w| doc.starts_with(k + 1, w))
}

/// Whether the cue word at `k` opens its sentence as a short lead set off
/// by a comma (`五年来，`, `过去五年，`, `“十五”期间，`).
fn opens_sentence(doc: &Doc, k: usize) -> bool {
    const REACH: usize = 5;
    let stop = |c: char| matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?' | '\n' | '\r');
    let mut a = k;
    while a > 0 && k - a < REACH && !stop(doc.at(a - 1)) {
        a -= 1;
    }
    let opens = a == 0 || matches!(doc.at(a - 1), '。' | '\n' | '\r' | '：' | '；' | '！' | '？');
    let mut e = k;
    while e < k + REACH && !stop(doc.at(e)) {
        e += 1;
    }
    opens && matches!(doc.at(e), '，' | ',')
}

/// Whether the `年` at `k` ends a span of several years: a count of years
/// (`years_count`) followed by 来/间/中/内/里 (`五年来`, `十七年间`,
/// `三年内`) or by a sum (`五年累计`, `五年合计`, `两年平均`), or led by
/// `过去`/`今后`/`未来`/`这`/`近`/`前`/`头` (`过去五年`, `今后五年`,
/// `前两年`).
pub fn span_at(doc: &Doc, k: usize) -> bool {
    if doc.at(k) != '年' {
        return false;
    }
    let Some(a) = years_count(doc, k) else { return false };
    if match doc.at(k + 1) {
        '来' | '间' | '中' | '内' | '里' | '共' => true,
        '累' | '合' | '总' | '平' => ["累计", "合计", "总计", "平均"].iter().any(|w| doc.starts_with(k + 1, w)),
        _ => false,
    } {
        return true;
    }
    ["过去", "今后", "未来", "这", "近", "前", "头", "最近", "此后", "以后", "以来的"].iter().any(|w| doc.ends_with(a, w))
}

/// Whether the word `w` at `k` names a multi-year plan's period:
/// `年计划`/`年规划` after a count of years (`五年计划`, `第六个五年计划`,
/// `十年规划`, not `2017年计划`); `五` of a numbered five-year plan followed
/// by its period (`“十四五”时期`, `“七五”期间`, `六五计划`, `“十三五”末`);
/// the other words as they are.
pub fn plan_period_at(doc: &Doc, k: usize, w: &str) -> bool {
    match w {
        "年计划" | "年规划" => years_count(doc, k).is_some(),
        "五" => {
            let mut e = k + 1;
            if matches!(doc.at(e), '”' | '」') {
                e += 1;
            }
            numbered_five(doc, k) && ["时期", "期间", "末", "规划", "计划", "前"].iter().any(|p| doc.starts_with(e, p))
        }
        // 五年计划, 六五计划, “七五”计划
        "计划" | "规划" => {
            let mut j = k;
            if matches!(doc.before(j), '”' | '」') {
                j -= 1;
            }
            match doc.before(j) {
                '年' => years_count(doc, j - 1).is_some(),
                '五' => numbered_five(doc, j - 1),
                _ => false,
            }
        }
        // “十四五”时期
        "”时期" | "”期间" | "”末" | "」时期" | "」期间" | "」末" => doc.before(k) == '五' && numbered_five(doc, k - 1),
        _ => true,
    }
}

/// Whether the `五` at `k` ends the number of a five-year plan: 十五,
/// 十一五 … 十四五, 六五 … 九五 (not 一九七五年, 百分之二十五).
fn numbered_five(doc: &Doc, k: usize) -> bool {
    match doc.before(k) {
        '十' => !matches!(doc.before(k.saturating_sub(1)), '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '之'),
        '一' | '二' | '三' | '四' => doc.before(k.saturating_sub(1)) == '十' && !is_count_char(doc.before(k.saturating_sub(2))),
        '六' | '七' | '八' | '九' => !is_count_char(doc.before(k.saturating_sub(1))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn galloping_agrees_with_partition_point() {
        let v: Vec<(u32, u32)> = [1u32, 3, 3, 3, 7, 8, 20, 21, 21, 40].iter().map(|&s| (s, s + 1)).collect();
        for n in [0, 1, 2, 5, v.len()] {
            let v = &v[..n];
            for x in 0..45 {
                for hint in 0..n + 3 {
                    assert_eq!(gallop(v, x, hint), v.partition_point(|e| (e.0 as usize) < x), "n {n} x {x} hint {hint}");
                }
            }
        }
    }

    #[test]
    fn the_pair_filter_passes_every_cue_word() {
        let index = Index::get();
        for w in CUE_WORD_LISTS.iter().flat_map(|l| l.iter()) {
            let mut chars = w.chars();
            let (a, b) = (chars.next().unwrap(), chars.next().unwrap_or('。'));
            assert!(index.may_start(a, b), "{w}");
        }
        // and stops most other pairs
        let stopped = "一个上面以后实施年底增加".chars().zip("个上面以后实施年底增加。".chars()).filter(|&(a, b)| !index.may_start(a, b)).count();
        assert!(stopped >= 9, "{stopped}");
    }

    #[test]
    fn finds_the_last_cue_in_a_stretch() {
        let d = Doc::new("预计全年增长，今年以来增长，力争目标");
        // in two stretches, as `find` adds them block by block
        let mut c = Cues::new();
        c.extend(&d, 0, 5);
        c.extend(&d, 5, d.norm.len());
        assert_eq!(c.last(Cue::Estimate, 0, 5), Some(0));
        assert_eq!(c.last(Cue::Estimate, 1, 5), None);
        assert_eq!(c.last(Cue::YearAhead, 0, d.norm.len()), None);
        assert_eq!(c.last(Cue::Goal, 0, d.norm.len()), Some(16));
        // a word must end inside the stretch
        assert_eq!(c.last(Cue::Goal, 0, 17), Some(14));
        assert_eq!(c.end_at(Cue::Estimate, 0), Some(2));
    }
}
