//! Targets against results: pairs each target of an earlier report with the
//! result of a later report that measures the same thing in the same year,
//! and says whether the target was met, or why that cannot be told.
//!
//! **Years.** Each report's year comes from its byline or title
//! (`——2018年3月5日在…`, `2017年政府工作报告`), else from its top-level
//! headings (`一、2015年工作回顾` is the 2016 report's). A report of year Y
//! sets targets for Y and reviews Y − 1. A target is for its report's year
//! unless it writes another (`到2020年`); a target over several years (an
//! average, a total, a plan with no year) is not judged. A result is for the
//! year it writes, else the year its paragraph last names (`刚刚过去的2017年，
//! …。国内生产总值增长6.9%`), else the year its report reviews, unless its
//! paragraph or part speaks of several years (`过去五年`, `一、过去五年工作
//! 回顾`). A target is judged only against a result for its own year, so on
//! a pair of reports that are not a year apart only results the later report
//! dates to the target's year are used, and the comparison carries a warning.
//!
//! **Results.** Only one year's figures: never a yearly average or a total
//! over years (`horizon`), never the start of `由A提高到B`; an estimate
//! (`预计`) counts and the pair says so (`estimate`).
//!
//! **Metrics** are matched on a normalised key: simplified script, no
//! punctuation or spaces, no scope words (`全市`, `全省`, `全国`, `我市` …),
//! and one name for the common aliases (`地区生产总值`, `国内生产总值`, `GDP`
//! → `生产总值`). A key that names nothing measurable (`完成`, `覆盖`,
//! `规模`: see `is_generic`) matches nothing. A pair also needs the same kind
//! and the same unit. The verdict follows the target's comparator (`左右`,
//! `以上`, `以内` …) and whether more or less is better for the metric: less
//! for prices, unemployment, energy use, deficits and debt, and for any
//! target that is a fall (`下降3%`) or a ceiling (`控制在…以内`).
//!
//! **Cost.** Results are indexed by metric key, kind, year and unit; a
//! target looks up its own key and at most `MAX_CANDIDATES` similar keys
//! found through an index of their character pairs, so the work grows
//! linearly with the two reports' lengths, not with their product.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::hant;
use crate::indicators::{heading_period, heading_year, report_year, years_in, Period};
use crate::text::Doc;
use crate::{Annotation, Comparator, Direction, Horizon, Indicator, Kind, Status};

/// The pairing of one report's targets with another's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The two reports' years, as far as they can be told.
    pub years: Years,
    /// Set when the reports are not a year apart, or their years cannot be
    /// told: the verdicts are then fewer, or rest on an assumption.
    pub warning: Option<Warning>,
    /// One entry per target of the earlier report: the headline targets
    /// (`headline`) first, then the others, each group in the report's
    /// order.
    pub pairs: Vec<Pair>,
    pub summary: Summary,
}

/// The years of the two reports (the year each was given in) and the
/// years the comparison is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Years {
    /// The earlier report's year, whose targets are for that year.
    pub old: Option<i32>,
    /// The later report's year.
    pub new: Option<i32>,
    /// The year the later report reviews (`new` − 1), or, when `new` is
    /// unknown, the year assumed (`old`).
    pub reviewed: Option<i32>,
}

/// A caution that applies to the whole comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub code: WarningCode,
    /// The caution in words (English), with the years.
    pub message: String,
}

/// Why the comparison carries a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// The later report is more than a year after the earlier one: it
    /// reviews another year, and only results it dates to the targets'
    /// year are used.
    NotConsecutive,
    /// The "later" report is not later.
    NotLater,
    /// A report's year cannot be told: the later report is assumed to
    /// review the year of the earlier one's targets.
    YearsUnknown,
}

/// A target, the result matched to it (if any), and the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// The target, as the earlier report's annotation gives it.
    pub target: Indicator,
    /// The matching result of the later report.
    pub result: Option<Indicator>,
    pub verdict: Verdict,
    /// The rule behind the verdict, stable for programs.
    pub reason_code: ReasonCode,
    /// Why, in words (English): the comparison made, or what kept it from
    /// being made.
    pub reason: String,
    /// Whether the target is one of the earlier report's headline targets
    /// (its `主要预期目标` sentence).
    pub headline: bool,
    /// Whether the result is an estimate (`预计`), not a final figure.
    pub estimate: bool,
    /// The year the target is for; `None` when it cannot be told.
    pub target_year: Option<i32>,
    /// The year of the result, as dated (see the module documentation).
    pub result_year: Option<i32>,
    /// The normalised metric the two were matched on.
    pub metric_key: Option<String>,
    /// How closely the metrics agree: 1 for the same key, less for a
    /// partial match; 0 when unmatched.
    pub match_score: f64,
    /// How the metrics were matched; `None` when unmatched.
    pub match_basis: Option<MatchBasis>,
    /// For a match below 1: why it is uncertain, in words.
    pub match_note: Option<String>,
    /// The target's sentence, or a window of it around the figure.
    pub target_evidence: Evidence,
    /// The result's sentence, or a window of it around the figure.
    pub result_evidence: Option<Evidence>,
}

/// A passage of a report: its span (UTF-16 offsets into that report's
/// text, end exclusive) and the text sliced at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How a target's metric was matched with a result's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchBasis {
    /// The same normalised key (aliases unified).
    SameMetric,
    /// One key holds the other (`城镇化率` in `户籍人口城镇化率`).
    Contains,
    /// The keys share character pairs.
    Overlap,
}

/// The outcome for one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    Missed,
    /// A result was found but cannot be set against the target.
    NotComparable,
    /// The target cannot be judged from the later report: it spans several
    /// years, or is for a year the later report does not review.
    NotJudged,
    /// No result of the later report measures the same thing in the
    /// target's year.
    Unmatched,
}

impl Verdict {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::NotComparable => "not_comparable",
            Verdict::NotJudged => "not_judged",
            Verdict::Unmatched => "unmatched",
        }
    }
}

/// The rule behind a verdict (SPEC.md lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    // met or missed: the comparator's rule
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    AboutMoreIsBetter,
    AboutLessIsBetter,
    NoLessThan,
    NoMoreThan,
    // not comparable
    UnitsDiffer,
    StructureRatio,
    NoValue,
    // not judged
    MultiYearTarget,
    YearNotReviewed,
    // unmatched
    NoMetric,
    GenericMetric,
    NoResult,
    NoResultForYear,
    OnlyMultiYearResult,
    OnlyStartValue,
    OnlyUndatedInMultiYearPart,
}

impl ReasonCode {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonCode::AtLeast => "at_least",
            ReasonCode::MoreThan => "more_than",
            ReasonCode::AtMost => "at_most",
            ReasonCode::LessThan => "less_than",
            ReasonCode::AboutMoreIsBetter => "about_more_is_better",
            ReasonCode::AboutLessIsBetter => "about_less_is_better",
            ReasonCode::NoLessThan => "no_less_than",
            ReasonCode::NoMoreThan => "no_more_than",
            ReasonCode::UnitsDiffer => "units_differ",
            ReasonCode::StructureRatio => "structure_ratio",
            ReasonCode::NoValue => "no_value",
            ReasonCode::MultiYearTarget => "multi_year_target",
            ReasonCode::YearNotReviewed => "year_not_reviewed",
            ReasonCode::NoMetric => "no_metric",
            ReasonCode::GenericMetric => "generic_metric",
            ReasonCode::NoResult => "no_result",
            ReasonCode::NoResultForYear => "no_result_for_year",
            ReasonCode::OnlyMultiYearResult => "only_multi_year_result",
            ReasonCode::OnlyStartValue => "only_start_value",
            ReasonCode::OnlyUndatedInMultiYearPart => "only_undated_in_multi_year_part",
        }
    }
}

impl WarningCode {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::NotConsecutive => "not_consecutive",
            WarningCode::NotLater => "not_later",
            WarningCode::YearsUnknown => "years_unknown",
        }
    }
}

impl MatchBasis {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchBasis::SameMetric => "same_metric",
            MatchBasis::Contains => "contains",
            MatchBasis::Overlap => "overlap",
        }
    }
}

/// Counts of the verdicts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub targets: usize,
    /// Targets of the `主要预期目标` sentence among `targets`.
    pub headline: usize,
    pub met: usize,
    pub missed: usize,
    pub not_comparable: usize,
    pub not_judged: usize,
    pub unmatched: usize,
}

/// The lowest metric similarity that still makes a pair.
const MIN_SCORE: f64 = 0.5;

/// The similarity above which a result in another unit is reported as not
/// comparable rather than the target as unmatched.
const SURE_SCORE: f64 = 0.8;

/// The most metric keys other than its own a target is scored against:
/// those sharing its rarest character pairs. Bounds the work per target,
/// so that a text of many similar metrics stays linear.
const MAX_CANDIDATES: usize = 64;

/// The most years, and years and units, kept for one metric key and kind
/// (`Entry`).
const MAX_SLOTS: usize = 64;

/// The most characters of evidence either side of a figure.
const EVIDENCE_REACH: usize = 60;

/// Annotates both texts and compares them: [`compare_annotated`].
///
/// ```
/// let c = zhibiao::compare(
///     "一、2017年工作安排\n地区生产总值增长8%左右。\n",
///     "一、2017年工作回顾\n全市地区生产总值增长8.1%。\n",
/// );
/// assert_eq!((c.years.old, c.years.new), (Some(2017), Some(2018)));
/// assert_eq!(c.pairs[0].verdict, zhibiao::Verdict::Met);
/// assert!(c.warning.is_none());
/// ```
pub fn compare(old: &str, new: &str) -> Comparison {
    compare_annotated(old, &crate::annotate(old), new, &crate::annotate(new))
}

/// Pairs every target of the earlier report (`old_text`, annotated as
/// `old`) that has a value with the result of the later report that
/// measures the same thing in the same year, and judges it. The
/// annotations must be those of the texts given: evidence and the years
/// are read from the texts at the annotations' offsets. Near-linear in the
/// two texts' lengths (module documentation, Cost).
pub fn compare_annotated(
    old_text: &str,
    old: &Annotation,
    new_text: &str,
    new: &Annotation,
) -> Comparison {
    let old_doc = Doc::new(old_text);
    let new_doc = Doc::new(new_text);
    let old_year = year_of_report(old_text, old).or_else(|| year_of_review(&old_doc, old));
    let new_year = year_of_report(new_text, new).or_else(|| year_of_review(&new_doc, new));
    let reviewed = new_year.map(|y| y - 1).or(old_year);
    let years = Years {
        old: old_year,
        new: new_year,
        reviewed,
    };
    let warning = warning(old_year, new_year);
    let index = Index::new(&new_doc, new, reviewed);
    let is_targeted = |i: &&Indicator| i.status == Status::Target && i.value.is_some();
    // one year's targets of the first headline paragraph that has any: a
    // later `经济增长预期目标为5%左右` restates one of them
    let one_year = |t: &Indicator| t.horizon == Horizon::Year;
    let headline = headline_spans(&old_doc)
        .into_iter()
        .find(|&(a, b)| {
            let first = old.indicators.partition_point(|i| i.start < a);
            old.indicators[first..]
                .iter()
                .take_while(|i| i.start < b)
                .any(|i| is_targeted(&i) && one_year(i))
        })
        .unwrap_or((0, 0));
    let mut pairs: Vec<Pair> = Vec::new();
    let mut summary = Summary::default();
    for t in old.indicators.iter().filter(is_targeted) {
        let headline = headline.0 <= t.start && t.start < headline.1 && one_year(t);
        let pair = pair(
            t, headline, old_year, reviewed, &old_doc, &new_doc, new, &index,
        );
        summary.targets += 1;
        summary.headline += usize::from(pair.headline);
        match pair.verdict {
            Verdict::Met => summary.met += 1,
            Verdict::Missed => summary.missed += 1,
            Verdict::NotComparable => summary.not_comparable += 1,
            Verdict::NotJudged => summary.not_judged += 1,
            Verdict::Unmatched => summary.unmatched += 1,
        }
        pairs.push(pair);
    }
    // headline targets first; a stable sort keeps the report's order
    let (mut first, rest): (Vec<Pair>, Vec<Pair>) = pairs.into_iter().partition(|p| p.headline);
    first.extend(rest);
    let pairs = first;
    Comparison {
        years,
        warning,
        pairs,
        summary,
    }
}

/// The caution for a pair of report years, if any.
fn warning(old: Option<i32>, new: Option<i32>) -> Option<Warning> {
    let (code, message) = match (old, new) {
        (Some(o), Some(n)) if n == o + 1 => return None,
        (Some(o), Some(n)) if n > o + 1 => (
            WarningCode::NotConsecutive,
            format!(
                "the later report ({n}) reviews {}, not {o}: only results it dates to a target's year are judged, and most targets of {o} find none",
                n - 1
            ),
        ),
        (Some(o), Some(n)) => (WarningCode::NotLater, format!("the later report ({n}) is not later than the earlier one ({o}): targets are judged only against results dated to their year")),
        (Some(o), None) => (WarningCode::YearsUnknown, format!("the later report's year cannot be told: it is assumed to review {o}, the year of the earlier report's targets")),
        (None, Some(n)) => (WarningCode::YearsUnknown, format!("the earlier report's year cannot be told: its targets are assumed to be for {}, the year the later report reviews", n - 1)),
        (None, None) => (WarningCode::YearsUnknown, "neither report's year can be told: the later report is assumed to review the year of the earlier one's targets".to_string()),
    };
    Some(Warning { code, message })
}

/// The year a report was given in: from its byline or title near the top,
/// else from its top-level headings (module documentation).
fn year_of_report(text: &str, a: &Annotation) -> Option<i32> {
    // the byline and title are in the first lines: a few KB are enough,
    // and reading no more keeps this cheap on any text
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let tops = || {
        a.sections
            .iter()
            .filter(|s| s.parent.is_none())
            .take(12)
            .map(|s| Doc::new(&s.title))
    };
    report_year(&Doc::new(&text[..end]))
        .or_else(|| tops().find_map(|d| heading_year(&d, 0, d.norm.len())))
        // `二、2017年工作总体部署`, `2018年经济社会发展总体要求`: words of a
        // plan the annotation's rules do not use (they would move its
        // status rules, tuned without them)
        .or_else(|| {
            tops().find_map(|d| {
                let n = d.norm.len();
                let plans =
                    (0..n).any(|k| d.starts_with(k, "部署") || d.starts_with(k, "总体要求"));
                plans
                    .then(|| years_in(&d, 0, n).map(|(y, _)| y).max())
                    .flatten()
            })
        })
}

/// The report's year from its review part when no byline, title or
/// heading names one: the year after the one the part's first dated
/// paragraph opens with (`一、去年工作回顾` … `2005年，我国…`, `2022年是…`,
/// `刚刚过去的2017年，…`). Only the first review part's first 3 000
/// characters are read.
fn year_of_review(doc: &Doc, a: &Annotation) -> Option<i32> {
    let tops: Vec<&crate::Section> = a
        .sections
        .iter()
        .filter(|s| s.parent.is_none())
        .take(12)
        .collect();
    let i = tops.iter().position(|s| s.title.contains("回顾"))?;
    let start = char_index(doc, tops[i].end);
    let end = tops
        .get(i + 1)
        .map_or(doc.norm.len(), |n| char_index(doc, n.start))
        .min(start + 3000);
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
        if (opens_line && matches!(doc.at(e + 1), '，' | ',' | '是')) || doc.ends_with(k, "过去的")
        {
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
fn headline_spans(doc: &Doc) -> Vec<(usize, usize)> {
    const HEADLINE_REACH: usize = 2000;
    let n = doc.norm.len();
    let line_end = |c: char| matches!(c, '\n' | '\r');
    let mut spans = Vec::new();
    let mut k = 0;
    while k + 4 <= n {
        if !(matches!(doc.at(k), '预' | '主')
            && (doc.starts_with(k, "预期目标") || doc.starts_with(k, "主要目标")))
        {
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
fn char_index(doc: &Doc, off: usize) -> usize {
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
fn evidence(doc: &Doc, start: usize, end: usize) -> Evidence {
    let ends_sentence =
        |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n' | '\r');
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
    Evidence {
        start: doc.u16(s),
        end: doc.u16(e),
        text: doc.slice(s, e).to_string(),
    }
}

/// Why a result of the later report is not one year's figure.
#[derive(Clone, Copy)]
enum Undated {
    MultiYear,
    StartValue,
    InMultiYearPart,
}

impl Undated {
    fn code(self) -> ReasonCode {
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
struct Entry {
    by_year_unit: Vec<(Option<i32>, Option<String>, usize)>,
    by_year: Vec<(Option<i32>, usize)>,
    /// The first result that is not one year's figure, and why.
    undated: Option<(Undated, usize)>,
}

impl Entry {
    fn in_unit(&self, year: Option<i32>, unit: &Option<String>) -> Option<usize> {
        self.by_year_unit
            .iter()
            .find(|(y, u, _)| *y == year && u == unit)
            .map(|&(_, _, i)| i)
    }
    fn in_year(&self, year: Option<i32>) -> Option<usize> {
        self.by_year
            .iter()
            .find(|(y, _)| *y == year)
            .map(|&(_, i)| i)
    }
}

/// The slot of a kind in `Index::entries`.
fn kind_slot(k: Kind) -> usize {
    match k {
        Kind::Level => 0,
        Kind::Change => 1,
        Kind::Rank => 2,
        Kind::Ratio => 3,
    }
}

/// The later report's results, indexed (module documentation, Cost).
struct Index {
    /// Metric keys of the results, each once.
    keys: Vec<String>,
    key_ids: HashMap<String, usize>,
    /// The entry of key `id` and kind `k` at `4 * id + kind_slot(k)`.
    entries: Vec<Entry>,
    /// Character pairs of the keys: the keys holding each.
    pairs: HashMap<(char, char), Vec<usize>>,
    /// The year of each result of the later report, by indicator index.
    years: Vec<Option<i32>>,
}

/// A time named in a paragraph, which dates the figures after it.
#[derive(Clone, Copy, PartialEq)]
enum Cue {
    None,
    Year(i32),
    Span,
}

impl Index {
    fn new(doc: &Doc, a: &Annotation, reviewed: Option<i32>) -> Index {
        let several = several_year_parts(a);
        let cues = paragraph_cues(doc, a, reviewed);
        let mut index = Index {
            keys: Vec::new(),
            key_ids: HashMap::new(),
            entries: Vec::new(),
            pairs: HashMap::new(),
            years: vec![None; a.indicators.len()],
        };
        for (i, r) in a.indicators.iter().enumerate() {
            if r.status == Status::Target || r.value.is_none() {
                continue;
            }
            let Some(key) = r
                .metric
                .as_deref()
                .map(metric_key)
                .filter(|k| !is_generic(k))
            else {
                continue;
            };
            let dated: Result<Option<i32>, Undated> = if r.horizon != Horizon::Year {
                Err(Undated::MultiYear)
            } else if is_start_value(doc, a, i) {
                Err(Undated::StartValue)
            } else if let Some(y) = r.year {
                Ok(Some(y))
            } else {
                match cues[i] {
                    Cue::Year(y) => Ok(Some(y)),
                    Cue::Span => Err(Undated::MultiYear),
                    Cue::None if r.section.is_some_and(|s| several[s]) => {
                        Err(Undated::InMultiYearPart)
                    }
                    Cue::None => Ok(reviewed),
                }
            };
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
    fn candidates(&self, key: &str) -> Vec<(usize, f64)> {
        let mut out: Vec<(usize, f64)> = Vec::new();
        if let Some(&id) = self.key_ids.get(key) {
            out.push((id, 1.0));
        }
        let mut lists: Vec<&Vec<usize>> = char_pairs(key)
            .iter()
            .filter_map(|p| self.pairs.get(p))
            .collect();
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
fn insertion_sort<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
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
fn char_pairs(key: &str) -> Vec<(char, char)> {
    let c: Vec<char> = key.chars().collect();
    let mut v: Vec<(char, char)> = Vec::with_capacity(c.len());
    for w in c.windows(2) {
        if !v.contains(&(w[0], w[1])) {
            v.push((w[0], w[1]));
        }
    }
    v
}

/// For each section, whether it speaks of several years (its heading or an
/// enclosing one: `过去五年工作回顾`, `“十三五”时期主要目标`), where a figure
/// with no year of its own is no one year's.
fn several_year_parts(a: &Annotation) -> Vec<bool> {
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
fn paragraph_cues(doc: &Doc, a: &Annotation, reviewed: Option<i32>) -> Vec<Cue> {
    let n = doc.norm.len();
    // the years written, in order, and the indicators by start (an
    // annotation lists them in document order)
    let years: Vec<(i32, usize)> = years_in(doc, 0, n).collect();
    let order: Vec<(usize, usize)> = a
        .indicators
        .iter()
        .enumerate()
        .map(|(i, r)| (char_index(doc, r.start), i))
        .collect();
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
            '去' if doc.at(k + 1) == '年'
                && !matches!(doc.before(k), '比' | '较' | '同' | '与' | '和' | '于') =>
            {
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
            if matches!(
                doc.before(at),
                '比' | '较' | '同' | '与' | '和' | '自' | '从' | '于'
            ) {
                continue;
            }
            let mut e = at;
            while e < n && doc.at(e) != '年' {
                e += 1;
            }
            if ["以来", "来", "起", "至", "到", "以前", "前"]
                .iter()
                .any(|w| doc.starts_with(e + 1, w))
            {
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
fn is_start_value(doc: &Doc, a: &Annotation, i: usize) -> bool {
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

/// Words that name no measurable thing: doing (`完成`, `引导`, `覆盖`),
/// an amount of something unnamed (`规模`, `水平`, `部分`, `比重`), a
/// target or a span (`任务`, `目标`, `全年`), and particles. See
/// `is_generic`.
const NOT_MEASURES: &[&str] = &[
    "完成", "实现", "达到", "引导", "覆盖", "居住", "支持", "推动", "推进", "安排", "带动", "促进",
    "保持", "提高", "增加", "减少", "降低", "下降", "增长", "新增", "累计", "建成", "建设", "突破",
    "超过", "力争", "争取", "确保", "部分", "规模", "任务", "水平", "总量", "数量", "比重", "比例",
    "增速", "增幅", "速度", "幅度", "目标", "预期", "指标", "总额", "总数", "其中", "合计", "以上",
    "左右", "每年", "全年", "年均", "同比", "成效", "效果", "能够", "一般", "受过", "就能",
];

/// Single characters that are particles or function words.
const PARTICLES: &str = "的了也都和及与等其为是在已并又再还将要使把被让之所而拟";

/// Whether a metric key is too generic to match: what is left of it after
/// taking out the words that name no measurable thing (`NOT_MEASURES`) and
/// the particles is under two characters. `完成`, `部分`, `覆盖`, `规模`,
/// `任务`, `水平`, `增速就能够` are; `新增就业` (`就业`), `人口`, `粮食`,
/// `财政赤字` are not.
pub(crate) fn is_generic(key: &str) -> bool {
    let mut s = key.to_string();
    for w in NOT_MEASURES {
        if s.contains(w) {
            s = s.replace(w, "");
        }
    }
    s.chars()
        .filter(|&c| !PARTICLES.contains(c) && !c.is_ascii_digit())
        .count()
        < 2
}

/// One target's pair: its year, the best result for that year, the verdict.
#[allow(clippy::too_many_arguments)]
fn pair(
    t: &Indicator,
    headline: bool,
    old_year: Option<i32>,
    reviewed: Option<i32>,
    old_doc: &Doc,
    new_doc: &Doc,
    new: &Annotation,
    index: &Index,
) -> Pair {
    let key = t.metric.as_deref().map(metric_key);
    let target_year = match t.horizon {
        Horizon::Year => t.year.or(old_year).or(reviewed),
        Horizon::Plan => t.year,
        Horizon::Average | Horizon::Total => None,
    };
    let mut p = Pair {
        target: t.clone(),
        result: None,
        verdict: Verdict::Unmatched,
        reason_code: ReasonCode::NoResult,
        reason: String::new(),
        headline,
        estimate: false,
        target_year,
        result_year: None,
        metric_key: key.clone(),
        match_score: 0.0,
        match_basis: None,
        match_note: None,
        target_evidence: evidence(old_doc, t.start, t.end),
        result_evidence: None,
    };
    let set = |p: &mut Pair, verdict: Verdict, code: ReasonCode, reason: String| {
        p.verdict = verdict;
        p.reason_code = code;
        p.reason = reason;
    };
    let Some(key) = key else {
        set(
            &mut p,
            Verdict::Unmatched,
            ReasonCode::NoMetric,
            "the target names no metric".to_string(),
        );
        return p;
    };
    if is_generic(&key) {
        set(
            &mut p,
            Verdict::Unmatched,
            ReasonCode::GenericMetric,
            format!("the metric '{key}' names nothing measurable: it is matched with nothing"),
        );
        return p;
    }
    if matches!(t.horizon, Horizon::Average | Horizon::Total)
        || (t.horizon == Horizon::Plan && t.year.is_none())
    {
        set(
            &mut p,
            Verdict::NotJudged,
            ReasonCode::MultiYearTarget,
            "a target over several years (a yearly average, a total, or a plan with no year) is not judged against one year's result".to_string(),
        );
        return p;
    };
    let ty = target_year;
    if let (Some(y), Some(r)) = (ty, reviewed) {
        if y > r {
            set(
                &mut p,
                Verdict::NotJudged,
                ReasonCode::YearNotReviewed,
                format!("the target is for {y}; the later report reviews {r}"),
            );
            return p;
        }
    }
    let candidates = index.candidates(&key);
    let entry = |id: usize| index.entries.get(4 * id + kind_slot(t.kind));
    // the best result in the target's unit; failing that, the best in any
    // unit from a sure match, which is then not comparable
    let pick = candidates
        .iter()
        .find_map(|&(id, s)| {
            entry(id)
                .and_then(|e| e.in_unit(ty, &t.unit))
                .map(|i| (id, s, i))
        })
        .or_else(|| {
            candidates
                .iter()
                .filter(|&&(_, s)| s >= SURE_SCORE)
                .find_map(|&(id, s)| entry(id).and_then(|e| e.in_year(ty)).map(|i| (id, s, i)))
        });
    let Some((id, score, i)) = pick else {
        // why nothing: results of other years, or only figures over years
        let mut other_years: Vec<i32> = Vec::new();
        for e in candidates.iter().filter_map(|&(id, _)| entry(id)) {
            for y in e.by_year.iter().filter_map(|&(y, _)| y) {
                if Some(y) != ty && !other_years.contains(&y) {
                    other_years.push(y);
                }
            }
        }
        insertion_sort(&mut other_years, |a, b| a < b);
        let undated = candidates
            .iter()
            .filter_map(|&(id, _)| entry(id))
            .find_map(|e| e.undated);
        let want = ty.map_or("the target's year".to_string(), |y| y.to_string());
        if !other_years.is_empty() {
            let list: Vec<String> = other_years.iter().map(|y| y.to_string()).collect();
            set(
                &mut p,
                Verdict::Unmatched,
                ReasonCode::NoResultForYear,
                format!(
                    "the later report gives this metric for {}, not for {want}",
                    list.join(", ")
                ),
            );
        } else if let Some((why, _)) = undated {
            let text = match why {
                Undated::MultiYear => "the later report gives this metric only over several years (a yearly average or a total), never for one year",
                Undated::StartValue => "the later report gives this metric only as the start of a change (the A of 由A提高到B)",
                Undated::InMultiYearPart => "the later report gives this metric only in a part that looks back over several years, with no year of its own",
            };
            set(&mut p, Verdict::Unmatched, why.code(), text.to_string());
        } else {
            set(
                &mut p,
                Verdict::Unmatched,
                ReasonCode::NoResult,
                format!("no result of the later report measures the same thing in {want}"),
            );
        }
        return p;
    };
    let r = &new.indicators[i];
    let (verdict, code, reason) = judge(t, r);
    let rkey = &index.keys[id];
    p.result = Some(r.clone());
    p.result_year = index.years[i];
    p.estimate = r.status == Status::Estimate;
    p.result_evidence = Some(evidence(new_doc, r.start, r.end));
    p.match_score = (score * 1000.0).round() / 1000.0;
    p.match_basis = Some(if score >= 1.0 {
        MatchBasis::SameMetric
    } else if key.ends_with(rkey.as_str()) || rkey.ends_with(key.as_str()) {
        MatchBasis::Contains
    } else {
        MatchBasis::Overlap
    });
    p.match_note = match p.match_basis {
        Some(MatchBasis::Contains) if key.ends_with(rkey.as_str()) => {
            Some(format!("uncertain: the result's metric '{rkey}' is part of the target's '{key}' and may measure something wider"))
        }
        Some(MatchBasis::Contains) => Some(format!("uncertain: the target's metric '{key}' is part of the result's '{rkey}', which may measure something narrower")),
        Some(MatchBasis::Overlap) => Some(format!("uncertain: the metrics '{key}' and '{rkey}' only share some characters")),
        _ => None,
    };
    set(&mut p, verdict, code, reason);
    p
}

/// Names that mean the same metric, each mapped to one key.
const ALIASES: &[(&str, &str)] = &[
    ("国内生产总值", "生产总值"),
    ("地区生产总值", "生产总值"),
    ("GDP", "生产总值"),
    ("gdp", "生产总值"),
    ("经济增长", "生产总值"),
    ("经济增速", "生产总值"),
    ("居民消费价格指数", "居民消费价格"),
    ("居民消费价格涨幅", "居民消费价格"),
    ("消费价格涨幅", "居民消费价格"),
    ("城市居民消费价格", "居民消费价格"),
    ("CPI", "居民消费价格"),
    ("公共财政收入", "一般公共预算收入"),
    ("地方一般公共预算收入", "一般公共预算收入"),
    ("城镇调查失业率", "调查失业率"),
    ("进出口总额", "进出口"),
    ("进出口总值", "进出口"),
    ("外贸进出口", "进出口"),
    ("商品进出口总值", "进出口"),
    ("社会消费品零售总额", "社会消费品零售"),
];

/// Scope words that do not change what is measured.
const SCOPES: &[&str] = &[
    "全市", "全省", "全国", "全区", "全县", "全州", "我市", "我省", "我国", "我区", "全年", "本市",
    "本省",
];

/// Times of the year that do not change what is measured
/// (`年末城镇登记失业率`, `城镇调查失业率全年`).
const TIMES: &[&str] = &["全年", "年末", "年底", "年内"];

/// The normalised key of a metric (see the module documentation).
pub fn metric_key(metric: &str) -> String {
    let mut s: String = metric
        .chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => hant::to_simplified(c),
        })
        .filter(|c| c.is_alphanumeric())
        .collect();
    loop {
        let before = s.len();
        for scope in SCOPES.iter().chain(TIMES) {
            if let Some(rest) = s.strip_prefix(scope) {
                s = rest.to_string();
            }
        }
        for time in TIMES {
            if let Some(rest) = s.strip_suffix(time) {
                s = rest.to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    for (from, to) in ALIASES {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s
}

/// How alike two metric keys are: 1 when equal; when one ends the other,
/// the share of the longer it covers (at least 0.5 for a real overlap);
/// else, when they end alike, the overlap of their character pairs (Dice),
/// scaled down. A Chinese noun phrase ends with its head: `单位生产总值能耗`
/// measures energy use, not `生产总值`, so one key inside another anywhere
/// but at its end, or two keys with different last characters, measure
/// different things.
fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    if a.chars().last() != b.chars().last() {
        return 0.0;
    }
    let (la, lb) = (a.chars().count() as f64, b.chars().count() as f64);
    if a.ends_with(b) || b.ends_with(a) {
        // 高新技术企业 in 新增高新技术企业 is close; 规模 in 脱贫人口务工规模 is not
        return 0.3 + 0.65 * la.min(lb) / la.max(lb);
    }
    let pairs = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (pa, pb) = (pairs(a), pairs(b));
    if pa.is_empty() || pb.is_empty() {
        return 0.0;
    }
    let common = pa.iter().filter(|p| pb.contains(p)).count() as f64;
    0.9 * (2.0 * common / (pa.len() + pb.len()) as f64)
}

/// Metrics for which less is better.
const LESS_IS_BETTER: &[&str] = &[
    "价格",
    "物价",
    "CPI",
    "失业率",
    "能耗",
    "排放",
    "赤字",
    "债务",
    "负债率",
    "发生率",
    "死亡",
    "事故",
    "浓度",
    "贫困",
    "不良贷款",
    "成本",
    "降幅",
    "污染",
    "用水量",
    "耗",
];

/// Met or missed, and why.
fn judge(t: &Indicator, r: &Indicator) -> (Verdict, ReasonCode, String) {
    if t.unit != r.unit {
        return (
            Verdict::NotComparable,
            ReasonCode::UnitsDiffer,
            format!(
                "units differ: {} against {}",
                t.unit.as_deref().unwrap_or("none"),
                r.unit.as_deref().unwrap_or("none")
            ),
        );
    }
    if t.kind == Kind::Ratio {
        return (
            Verdict::NotComparable,
            ReasonCode::StructureRatio,
            "a structure ratio has no single value".to_string(),
        );
    }
    let (Some(tv), Some(rv)) = (t.value, r.value) else {
        return (
            Verdict::NotComparable,
            ReasonCode::NoValue,
            "no value to compare".to_string(),
        );
    };
    // A fall target (`下降3%`, `降低3.4%以上`) is read on the size of the
    // fall: a larger fall is better, and a rise is a negative fall. Any
    // other target is read on the signed value.
    let target_falls = t.kind == Kind::Change && t.direction == Some(Direction::Down);
    let rv_s = if target_falls {
        if r.direction == Some(Direction::Down) {
            rv
        } else {
            -rv
        }
    } else if r.kind == Kind::Change && r.direction == Some(Direction::Down) {
        -rv
    } else {
        rv
    };
    let (lo, hi) = (
        tv.min(t.value_max.unwrap_or(tv)),
        tv.max(t.value_max.unwrap_or(tv)),
    );
    let key = t.metric.as_deref().map(metric_key).unwrap_or_default();
    let less_better = !target_falls
        && (t.kind == Kind::Rank
            || matches!(t.comparator, Comparator::Le | Comparator::Lt)
            || LESS_IS_BETTER.iter().any(|w| key.contains(w)));
    let percent_like = matches!(t.unit.as_deref(), Some("%" | "个百分点"));
    let tol = if t.comparator == Comparator::Approx {
        if percent_like {
            0.5
        } else {
            0.05 * lo.abs().max(hi.abs())
        }
    } else {
        0.0
    };
    let met = match t.comparator {
        Comparator::Ge => rv_s >= lo,
        Comparator::Gt => {
            rv_s > lo || (t.value_max.is_none() && rv_s >= lo && r.comparator == Comparator::Gt)
        }
        Comparator::Le => rv_s <= hi,
        Comparator::Lt => rv_s < hi,
        Comparator::Eq | Comparator::Approx => {
            if less_better {
                rv_s <= hi + tol
            } else {
                rv_s >= lo - tol
            }
        }
    };
    let target_text = describe(t);
    let result_text = describe(r);
    let (code, rule) = match t.comparator {
        Comparator::Ge => (ReasonCode::AtLeast, "at least".to_string()),
        Comparator::Gt => (ReasonCode::MoreThan, "more than".to_string()),
        Comparator::Le => (ReasonCode::AtMost, "at most".to_string()),
        Comparator::Lt => (ReasonCode::LessThan, "less than".to_string()),
        Comparator::Approx if tol > 0.0 => (
            if less_better {
                ReasonCode::AboutLessIsBetter
            } else {
                ReasonCode::AboutMoreIsBetter
            },
            format!(
                "about (within {} {}), {} is better",
                trim_number(tol),
                t.unit.as_deref().unwrap_or(""),
                if less_better { "less" } else { "more" }
            ),
        ),
        _ if less_better => (ReasonCode::NoMoreThan, "no more than".to_string()),
        _ => (ReasonCode::NoLessThan, "no less than".to_string()),
    };
    let estimate = if r.status == Status::Estimate {
        " (the result is an estimate)"
    } else {
        ""
    };
    let verdict = if met { Verdict::Met } else { Verdict::Missed };
    (
        verdict,
        code,
        format!("{result_text} against a target of {target_text}: {rule}{estimate}"),
    )
}

/// `增长8%左右`-like wording of an indicator for a reason.
fn describe(i: &Indicator) -> String {
    let dir = match (i.kind, i.direction) {
        (Kind::Change, Some(Direction::Up)) => "+",
        (Kind::Change, Some(Direction::Down)) => "-",
        _ => "",
    };
    let value = match (i.value, i.value_max) {
        (Some(v), Some(m)) => format!("{}–{}", trim_number(v), trim_number(m)),
        (Some(v), None) => trim_number(v),
        _ => "?".to_string(),
    };
    format!(
        "{dir}{value}{}",
        i.unit.as_deref().map_or(String::new(), |u| format!(" {u}"))
    )
}

fn trim_number(v: f64) -> String {
    let s = format!("{:.4}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_unify_aliases_scopes_and_script() {
        let cases: &[(&str, &str)] = &[
            ("地区生产总值", "生产总值"),
            ("全市地区生产总值", "生产总值"),
            ("国内生产总值", "生产总值"),
            ("GDP", "生产总值"),
            ("ＧＤＰ", "生产总值"),
            ("國內生產總值", "生产总值"),
            ("城镇登记失业率", "城镇登记失业率"),
            ("“新三板”挂牌企业", "新三板挂牌企业"),
            ("居民消费价格涨幅", "居民消费价格"),
        ];
        for &(m, k) in cases {
            assert_eq!(metric_key(m), k, "{m}");
        }
    }

    #[test]
    fn similarity_orders_matches() {
        assert_eq!(similarity("生产总值", "生产总值"), 1.0);
        assert!(similarity("高新技术企业", "新增高新技术企业") > 0.75);
        assert!(similarity("城镇登记失业率", "城镇调查失业率") < 1.0);
        assert!(similarity("绿道", "碳汇造林") < MIN_SCORE);
        // a key inside another but not at its end is a modifier of another head
        assert_eq!(similarity("单位生产总值能耗", "生产总值"), 0.0);
        assert!(similarity("户籍人口城镇化率", "城镇化率") >= MIN_SCORE);
    }

    #[test]
    fn generic_keys_name_nothing_measurable() {
        for k in [
            "完成",
            "部分",
            "居住",
            "引导",
            "覆盖",
            "规模",
            "任务",
            "水平",
            "增速就能够",
            "实现目标",
            "总量",
        ] {
            assert!(is_generic(&metric_key(k)), "{k}");
        }
        for k in [
            "新增就业",
            "人口",
            "粮食产量",
            "能耗",
            "财政赤字",
            "居住人口",
            "森林覆盖率",
            "完成造林",
            "城镇调查失业率",
            "生产总值",
        ] {
            assert!(!is_generic(&metric_key(k)), "{k}");
        }
    }

    #[test]
    fn times_of_the_year_do_not_change_the_key() {
        assert_eq!(metric_key("年末城镇登记失业率"), "城镇登记失业率");
        assert_eq!(metric_key("城镇调查失业率全年"), "调查失业率");
    }
}
