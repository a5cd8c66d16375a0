//! The later report's results indexed by metric key, kind, year and unit,
//! with an index of the keys' character pairs for similar keys.

use super::*;

/// Why a result of the later report is not one year's figure.
#[derive(Clone, Copy)]
pub(super) enum Undated {
    MultiYear,
    StartValue,
    InMultiYearPart,
}

impl Undated {
    pub(super) fn code(self) -> ReasonCode {
        match self {
            Undated::MultiYear => ReasonCode::OnlyMultiYearResult,
            Undated::StartValue => ReasonCode::OnlyStartValue,
            Undated::InMultiYearPart => ReasonCode::OnlyUndatedInMultiYearPart,
        }
    }
}

/// The results of the later report of one metric key and kind, by year
/// and unit: the first of each in the report's order. Short lists, not
/// maps: a report writes a metric in a handful of years and units, and
/// every map type would add its own copy of the hashing code to the .wasm.
#[derive(Default)]
pub(super) struct Entry {
    pub(super) by_year_unit: Vec<(Option<i32>, Option<String>, usize)>,
    pub(super) by_year: Vec<(Option<i32>, usize)>,
    /// The first result that is not one year's figure, and why.
    pub(super) undated: Option<(Undated, usize)>,
}

impl Entry {
    pub(super) fn in_unit(&self, year: Option<i32>, unit: &Option<String>) -> Option<usize> {
        self.by_year_unit.iter().find(|(y, u, _)| *y == year && u == unit).map(|&(_, _, i)| i)
    }
    pub(super) fn in_year(&self, year: Option<i32>) -> Option<usize> {
        self.by_year.iter().find(|(y, _)| *y == year).map(|&(_, i)| i)
    }
}

/// The slot of a kind in `Index::entries`.
pub(super) fn kind_slot(k: Kind) -> usize {
    match k {
        Kind::Level => 0,
        Kind::Change => 1,
        Kind::Rank => 2,
        Kind::Ratio => 3,
    }
}

/// The year of result `i` of a report (module documentation, Years), or
/// why it is no one year's figure. `cues` and `several` are
/// `paragraph_cues` and `several_year_parts` of the report.
pub(super) fn date_result(doc: &Doc, a: &Annotation, i: usize, cues: &[Cue], several: &[bool], reviewed: Option<i32>) -> Result<Option<i32>, Undated> {
    let r = &a.indicators[i];
    if r.horizon != Horizon::Year {
        Err(Undated::MultiYear)
    } else if is_start_value(doc, a, i) {
        Err(Undated::StartValue)
    } else if let Some(y) = r.year {
        Ok(Some(y))
    } else {
        match cues[i] {
            Cue::Year(y) => Ok(Some(y)),
            Cue::Span => Err(Undated::MultiYear),
            Cue::None if r.section.is_some_and(|s| several[s]) => Err(Undated::InMultiYearPart),
            Cue::None => Ok(reviewed),
        }
    }
}

/// The later report's results, indexed (module documentation, Cost).
pub(super) struct Index {
    /// Metric keys of the results, each once.
    pub(super) keys: Vec<String>,
    pub(super) key_ids: HashMap<String, usize>,
    /// The entry of key `id` and kind `k` at `4 * id + kind_slot(k)`.
    pub(super) entries: Vec<Entry>,
    /// Character pairs of the keys: the keys holding each.
    pub(super) pairs: HashMap<(char, char), Vec<usize>>,
    /// The year of each result of the later report, by indicator index.
    pub(super) years: Vec<Option<i32>>,
}

/// A time named in a paragraph, which dates the figures after it.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Cue {
    None,
    Year(i32),
    Span,
}

impl Index {
    pub(super) fn new(doc: &Doc, a: &Annotation, reviewed: Option<i32>) -> Index {
        let several = several_year_parts(a);
        let cues = paragraph_cues(doc, a, reviewed);
        let mut index = Index { keys: Vec::new(), key_ids: HashMap::new(), entries: Vec::new(), pairs: HashMap::new(), years: vec![None; a.indicators.len()] };
        for (i, r) in a.indicators.iter().enumerate() {
            if r.status == Status::Target || r.value.is_none() {
                continue;
            }
            let Some(key) = r.metric.as_deref().map(metric_key).filter(|k| !is_generic(k)) else {
                continue;
            };
            let dated = date_result(doc, a, i, &cues, &several, reviewed);
            let id = match index.key_ids.get(&key) {
                Some(&id) => id,
                None => {
                    let id = index.keys.len();
                    for p in char_pairs(&key) {
                        let list = index.pairs.entry(p).or_default();
                        if list.last() != Some(&id) {
                            list.push(id);
                        }
                    }
                    index.key_ids.insert(key.clone(), id);
                    index.keys.push(key);
                    index.entries.extend((0..4).map(|_| Entry::default()));
                    id
                }
            };
            let entry = &mut index.entries[4 * id + kind_slot(r.kind)];
            match dated {
                Ok(y) => {
                    index.years[i] = y;
                    // at most `MAX_SLOTS` years and units a metric: a
                    // report has a handful, and the lists stay short on
                    // any input
                    if entry.by_year.len() < MAX_SLOTS && entry.in_year(y).is_none() {
                        entry.by_year.push((y, i));
                    }
                    if entry.by_year_unit.len() < MAX_SLOTS && entry.in_unit(y, &r.unit).is_none() {
                        entry.by_year_unit.push((y, r.unit.clone(), i));
                    }
                }
                Err(why) => {
                    entry.undated.get_or_insert((why, i));
                }
            }
        }
        index
    }

    /// The keys to score a target's key against: its own (if a result has
    /// it) and up to `MAX_CANDIDATES` others sharing its rarest character
    /// pairs, with their similarity, best first.
    pub(super) fn candidates(&self, key: &str) -> Vec<(usize, f64)> {
        let mut out: Vec<(usize, f64)> = Vec::new();
        if let Some(&id) = self.key_ids.get(key) {
            out.push((id, 1.0));
        }
        let mut lists: Vec<&Vec<usize>> = char_pairs(key).iter().filter_map(|p| self.pairs.get(p)).collect();
        insertion_sort(&mut lists, |a, b| a.len() < b.len());
        let mut seen: Vec<usize> = out.iter().map(|&(id, _)| id).collect();
        'lists: for list in lists {
            for &id in list {
                if seen.len() > MAX_CANDIDATES {
                    break 'lists;
                }
                if !seen.contains(&id) {
                    seen.push(id);
                    let s = similarity(key, &self.keys[id]);
                    if (MIN_SCORE..1.0).contains(&s) {
                        out.push((id, s));
                    }
                }
            }
        }
        // best first; among equals, the key first seen in the later report
        insertion_sort(&mut out, |a, b| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0));
        out
    }
}

/// Sorts a short list (`before(a, b)`: `a` goes first), stably. The
/// lists sorted here have at most a few dozen items, and std's sorts add
/// several KB to the .wasm for every type they sort.
pub(super) fn insertion_sort<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// The character pairs of a key, each once (keys are short: a quadratic
/// check costs less than a sort).
pub(super) fn char_pairs(key: &str) -> Vec<(char, char)> {
    let c: Vec<char> = key.chars().collect();
    let mut v: Vec<(char, char)> = Vec::with_capacity(c.len());
    for w in c.windows(2) {
        if !v.contains(&(w[0], w[1])) {
            v.push((w[0], w[1]));
        }
    }
    v
}
