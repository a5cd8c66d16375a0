//! Where the cue words of the attribute rules stand in a text, found in one
//! pass, so that asking "is there an estimate cue in this figure's clause?"
//! is a binary search instead of a scan of the clause for every figure.

use crate::lexicon::{WordIndex, CHANGE_NOUN_WORDS, ESTIMATE_CUES, PAST_CUES, TARGET_CUES};
use crate::charclass;
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
}

const KINDS: usize = 8;

/// Goal words that hold wherever they stand.
pub const GOAL_CUES: &[&str] = &["力争", "确保", "争取", "预期目标", "目标是", "目标为", "目标", "拟定"];

/// The words of each kind, in the order of `Cue`.
pub const CUE_WORD_LISTS: [&[&str]; KINDS] = [
    ESTIMATE_CUES,
    GOAL_CUES,
    TARGET_CUES,
    PAST_CUES,
    &["年均", "年平均"],
    &["控制在", "控制"],
    CHANGE_NOUN_WORDS,
    &["今年", "明年"],
];

const ALL: [Cue; KINDS] = [Cue::Estimate, Cue::Goal, Cue::Plan, Cue::Past, Cue::Average, Cue::Control, Cue::ChangeNoun, Cue::YearAhead];

/// The cue words for lookups at a position.
struct Index {
    /// The words by first character, with (length in characters, kind).
    words: WordIndex<(usize, usize)>,
    /// A filter on the first two characters of every word (the first and
    /// `'\0'` for a one-character word), one bit per hash: a place whose
    /// two characters hash to a clear bit starts no cue word. The first
    /// characters alone (`一` `上` `以` `实` `年` …) pass far too often.
    pairs: Box<[u64; 1024]>,
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
            let words = WordIndex::with(all().map(|(w, kind)| (w, (w.chars().count(), kind))), false);
            Index { words, pairs }
        })
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
            let c = doc.norm[k];
            if !index.may_start(c, doc.at(k + 1)) {
                continue;
            }
            for (w, (len, kind)) in index.words.entries_for(c) {
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
        v[..hi]
            .iter()
            .rev()
            .take_while(|&&(s, _)| s as usize >= a)
            .find(|&&(_, e)| e as usize <= b)
            .map(|&(s, _)| s as usize)
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

/// Words that are cues only in some company: 今年以来 looks back.
fn admit(doc: &Doc, cue: Cue, k: usize, w: &str) -> bool {
    match cue {
        Cue::YearAhead => w == "明年" || !(doc.starts_with(k + 2, "以来") || doc.starts_with(k + 2, "上半年")),
        _ => true,
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
