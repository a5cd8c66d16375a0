//! A figure's attributes from the words around it: the entry point
//! (`attributes`), `分别` lists, comparator, kind and direction.

use super::*;

pub(super) fn attributes(ctx: &Ctx, number: Number, limit: usize, before: &[Found], section: Option<usize>, part: Part) -> Found {
    let Ctx { doc, cues, years: all_years, .. } = *ctx;
    let mode = part.mode;
    let start = number.start;
    // within reach of the figure before and with no sentence break between
    // them, this figure's sentence is that one's (cut to this one's reach)
    let sent = match before.last() {
        Some(p) if start.checked_sub(p.number.start).is_some_and(|d| d <= SENTENCE_REACH) && !(p.number.start..start).any(|k| is_sentence_break(doc.at(k))) => {
            p.sentence.max(start.saturating_sub(SENTENCE_REACH))
        }
        _ => sentence_start(doc, start),
    };
    let years = years_between(all_years, sent, start);
    let clause = clause_start(doc, start);
    // the figure just before this one in the same sentence
    let prev = before.last().filter(|p| p.number.end > sent && p.number.end <= start);
    // `分别增长8.5%和10%`, `第6、第7位`: joined to the figure before by a
    // conjunction alone, it shares that figure's reading
    let listed = prev.filter(|p| is_conjunction(doc, p.number.end, start));

    let (comparator, pre_cmp_start) = comparator(doc, cues, &number, clause);
    let (mut kind, mut direction) = kind_direction(doc, cues, &number, pre_cmp_start, clause, sent);
    if let Some(p) = listed {
        if p.kind == number_kind_of(&number).unwrap_or(p.kind) && kind == Kind::Level {
            kind = p.kind;
            direction = p.direction;
        }
    }

    // metric: written after a count, before the figure, or shared with the
    // figure before it in the same sentence (a growth rate after its level)
    let left = prev.map_or(clause, |p| p.number.end.max(clause));
    // 九亿多人口: the figure's unit begins the word it counts (`人口`), and
    // neither the words before nor the figure before name it
    let people = number.unit == Some("人") && doc.at(number.end) == '口';
    let own = if listed.is_some() || people { None } else { metric_after(doc, &number, limit).or_else(|| metric_before(doc, left, start)) };
    // 轻工业总产值，一九八一年比一九八〇年增长14.1%: a figure whose clause
    // names no measure (a time, a comparison, a verb) measures what the
    // clause before it names, when that clause holds no figure either
    // (after `加上…，` it is a sum and measures no one thing)
    let mut sum = false;
    // (asides between the two are read past: `一九五七年的工业总产值，包括
    // 原有企业和新建企业的在内，预计达到…`)
    let own = own.or_else(|| {
        let comma = |e: usize| (e > sent && matches!(doc.at(e), '，' | ',')).then_some(e);
        let mut end = clause.checked_sub(1).filter(|_| listed.is_none() && !people).and_then(comma)?;
        let mut a = clause_start(doc, end).max(sent);
        for _ in 0..2 {
            if !is_aside(doc, a, end) || prev.is_some_and(|p| p.number.end > a) {
                break;
            }
            end = a.checked_sub(1).and_then(comma)?;
            a = clause_start(doc, end).max(sent);
        }
        if prev.is_some_and(|p| p.number.end > a) {
            return None;
        }
        sum = (a..end).find(|&k| !is_space(doc.at(k))).is_some_and(|k| is_addition(doc, k));
        topic(doc, a, end)
    });
    let inherited = own.is_none() && prev.is_some();
    let metric = if people || sum { None } else { own.or_else(|| prev.and_then(|p| p.metric)) };

    let status = match listed {
        Some(p) => p.status,
        None => status(ctx, &number, sent, clause, prev.filter(|_| inherited), mode, years),
    };
    let year = match listed {
        Some(p) => p.year,
        None => year(doc, cues, &number, pre_cmp_start, clause, years),
    };
    let horizon = match listed {
        Some(p) => p.horizon,
        None => {
            let at = Place { sent, clause, left: pre_cmp_start, years };
            horizon(ctx, &number, &at, (kind, status, year), part.period)
        }
    };

    Found { number, kind, direction, comparator, status, horizon, metric, year, section, sentence: sent }
}

/// The kind a figure has by its form alone, if any.
pub(super) fn number_kind_of(n: &Number) -> Option<Kind> {
    match n.form {
        Form::Rank => Some(Kind::Rank),
        Form::Ratio => Some(Kind::Ratio),
        _ => None,
    }
}

/// Whether only a conjunction stands between `a` and `b`.
pub(super) fn is_conjunction(doc: &Doc, a: usize, b: usize) -> bool {
    match b.checked_sub(a) {
        Some(1) => matches!(doc.at(a), '和' | '、' | '及' | '与' | '或' | '至'),
        Some(2) => doc.at(a) == '、' && doc.at(a + 1) == '和',
        _ => false,
    }
}

/// `分别` spreads a list of figures over the list of subjects before it:
/// `港口货物吞吐量5.4亿吨，集装箱吞吐量1875万标箱，分别位居全球第6、第7位`
/// gives 第6 the first metric and 第7位 the second.
///
/// Runs over `found[from..]` and returns where the next call goes on: the
/// groups at the end wait, unless `all`, as the next figures may join them,
/// and the figure after a group reads its metric (`attributes`) before the
/// group is spread.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn distribute(doc: &Doc, found: &mut [Found], from: usize, all: bool) -> usize {
    let mut i = from;
    while i < found.len() {
        let start = found[i].number.start;
        // the group: this figure and those joined to it by conjunctions
        let mut j = i + 1;
        while j < found.len() && is_conjunction(doc, found[j - 1].number.end, found[j].number.start) {
            j += 1;
        }
        if j == found.len() && !all {
            return i;
        }
        let group = j - i;
        if group >= 2 {
            let clause = clause_start(doc, start);
            // a plain loop: `last_word`'s filter of first characters costs
            // more than it saves for one word
            let has_fenbie = (clause..start.saturating_sub(1)).any(|k| doc.norm[k] == '分' && doc.norm[k + 1] == '别');
            // subjects: distinct metrics of earlier figures in the sentence,
            // when this group's own metric came from them
            let sent = sentence_start(doc, start);
            let mut subjects: Vec<(usize, usize)> = Vec::new();
            for f in found[..i].iter().rev() {
                if f.number.start < sent {
                    break;
                }
                if let Some(m) = f.metric {
                    if subjects.last() != Some(&m) && !subjects.contains(&m) {
                        subjects.push(m);
                    }
                }
            }
            let own_written = found[i].metric.is_some_and(|(a, _)| a >= clause);
            if subjects.len() >= group && !own_written {
                subjects.truncate(group);
                subjects.reverse();
                for (k, m) in subjects.into_iter().enumerate() {
                    found[i + k].metric = Some(m);
                }
            } else {
                // the subjects are one list before the figures, in this
                // clause or, after 分别 when this one has none, the one
                // before it with no figure:
                // `化学需氧量、二氧化硫排放量分别下降9.66%和13.14%`,
                // `城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％`,
                // `城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长…`
                let own = found[i].metric.filter(|_| own_written);
                let before = || {
                    if !has_fenbie {
                        return None;
                    }
                    let end = clause.checked_sub(1).filter(|&e| e > sent)?;
                    let a = clause_start(doc, end);
                    let clear = found[..i].last().is_none_or(|p| p.number.end <= a);
                    clear.then(|| metric_before(doc, a, end)).flatten()
                };
                // the clause before counts only as a list of as many
                // subjects (not `在三种不同的地区，分别达到…`)
                let list = own.or_else(|| before().filter(|&m| split_list(doc, m).len() == group));
                if let Some(list) = list {
                    let parts = split_list(doc, list);
                    let all = if parts.len() == group { parts } else { vec![list; group] };
                    // without 分别 only a list of as many items says the
                    // figures are one each
                    let all = if has_fenbie || parts_match(&all, group) { all } else { Vec::new() };
                    for (k, m) in all.into_iter().enumerate() {
                        found[i + k].metric = Some(m);
                    }
                }
            }
        }
        i = j;
    }
    i
}

/// Whether `parts` are as many distinct items as the group has figures.
pub(super) fn parts_match(parts: &[(usize, usize)], group: usize) -> bool {
    parts.len() == group && parts.windows(2).all(|w| w[0] != w[1])
}

/// The items of a list of noun phrases joined by `、`, `和`, `与`, `及`
/// (`化学需氧量、二氧化硫排放量`), each of two characters or more; the whole
/// when any would be shorter (`中、高等职业教育`) or there is no joint.
pub(super) fn split_list(doc: &Doc, (a, b): (usize, usize)) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut from = a;
    let mut paren = 0i32;
    for k in a..b {
        match doc.at(k) {
            '（' | '(' | '“' => paren += 1,
            '）' | ')' | '”' => paren -= 1,
            '、' | '和' | '与' | '及' if paren == 0 => {
                parts.push((from, k));
                from = k + 1;
            }
            _ => {}
        }
    }
    parts.push((from, b));
    if parts.len() < 2 || parts.iter().any(|&(x, y)| (x..y).filter(|&j| is_han(doc.at(j))).count() < 2) {
        return vec![(a, b)];
    }
    parts
}

/// The comparator from the words around the figure, and where the figure's
/// left context ends once a comparator before it is taken off.
/// `clause` is `clause_start(doc, n.start)`, found once by the caller.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn comparator(doc: &Doc, cues: &Cues, n: &Number, clause: usize) -> (Comparator, usize) {
    let mut cmp = Comparator::Eq;
    let mut left = n.start;
    while left > 0 && is_space(doc.at(left - 1)) {
        left -= 1;
    }
    if let Some((w, c)) = pre_comparators().entries_for(doc.before(left)).find(|(w, _)| doc.ends_with(left, w)) {
        // 将近 is approx; 近 alone after 接 or 将 was matched as the longer word
        cmp = c;
        left -= w.chars().count();
    }
    if n.more {
        cmp = Comparator::Gt;
    }
    if let Some((_, c)) = post_comparators().entries_for(doc.at(n.end)).find(|(w, _)| doc.starts_with(n.end, w)) {
        // 多/余 after the unit (`5万人多`) is rare; only the listed words
        if !(matches!(doc.at(n.end), '多' | '余') && is_han(doc.at(n.end + 1))) {
            cmp = c;
        }
    }
    // 控制在3.5%以内 / 控制在3%
    if cmp == Comparator::Eq && cues.last(Cue::Control, clause, n.start).is_some() {
        cmp = Comparator::Le;
    }
    (cmp, left)
}

/// Kind and direction from the form of the figure and the verb before it.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn kind_direction(doc: &Doc, cues: &Cues, n: &Number, left: usize, clause: usize, sent: usize) -> (Kind, Option<Direction>) {
    match n.form {
        Form::Rank => return (Kind::Rank, None),
        Form::Ratio => return (Kind::Ratio, None),
        Form::Doubling => return (Kind::Change, Some(Direction::Up)),
        _ => {}
    }
    // skip fillers between the verb and the figure
    let mut p = left;
    while p > 0 && is_space(doc.at(p - 1)) {
        p -= 1;
    }
    // at most a few words back: `分别增长`, `均超过`
    while let Some(w) = change_fillers().keyed(doc.before(p)).find(|w| doc.ends_with(p, w)) {
        p -= w.chars().count();
        if p + 8 < left {
            break;
        }
    }
    // 提高到, 降至, 增至: the figure is the new level
    let to = TO_WORDS.iter().find(|w| doc.ends_with(p, w));
    let at = if to.is_some() { p - 1 } else { p };
    let verb = change_verbs().entries_for(doc.before(at)).filter(|(w, _)| doc.ends_with(at, w)).max_by_key(|(w, _)| w.chars().count());
    if let Some((w, dir)) = verb {
        let vstart = at - w.chars().count();
        // 新增, 净减 … : 新增34家 is a count of new things
        let word_before = doc.before(vstart);
        let single = w.chars().count() == 1;
        let compound = single
            && is_han(word_before)
            && matches!(word_before, '新' | '激' | '倍' | '剧' | '猛' | '骤' | '锐' | '提' | '最' | '更' | '较' | '很' | '过' | '偏' | '不');
        if to.is_none() && !compound && !(single && ["多", "少", "高", "低"].contains(&w) && !comparative(doc, vstart)) {
            return (Kind::Change, Some(dir));
        }
        if to.is_some() && !compound {
            return (Kind::Level, None);
        }
    }
    // 增速8%, 涨幅控制在3%, 降幅; or a sentence's topic
    // (`工农业总产值的增长速度，一九八一年计划为百分之三点七`)
    let topic = || cues.last(Cue::ChangeNoun, sent, clause).filter(|&k| cues.end_at(Cue::ChangeNoun, k).is_some_and(|e| is_clause_break(doc.at(e))));
    if let Some(k) = cues.last(Cue::ChangeNoun, clause, n.start).or_else(topic) {
        let up = CHANGE_NOUNS.iter().find(|(w, _)| doc.starts_with(k, w)).is_none_or(|x| x.1);
        return (Kind::Change, Some(if up { Direction::Up } else { Direction::Down }));
    }
    match n.unit {
        Some("个百分点") => (Kind::Change, None),
        Some("倍") if doc.ends_with(left, "增长") || doc.ends_with(left, "提高") => (Kind::Change, Some(Direction::Up)),
        _ => {
            // 实现8%的增长, but not the level a rise starts from
            // (从五十四万亿元增长到…)
            if doc.starts_with(n.end, "的增长") || (doc.starts_with(n.end, "增长") && !matches!(doc.at(n.end + 2), '到' | '至' | '为')) {
                return (Kind::Change, Some(Direction::Up));
            }
            (Kind::Level, None)
        }
    }
}

/// `高`/`低`/`多`/`少` are verbs of change only in a comparison
/// (`比全国低0.55个百分点`, `高出`).
pub(super) fn comparative(doc: &Doc, i: usize) -> bool {
    let a = clause_start(doc, i);
    (a..i).any(|k| matches!(doc.at(k), '比' | '较')) || doc.ends_with(i, "同比") || doc.ends_with(i, "分别")
}
