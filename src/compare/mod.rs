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

mod index;
mod matching;
mod report;
mod verdict;
use index::*;
pub use matching::*;
pub(crate) use report::evidence;
use report::*;
use verdict::*;

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
pub fn compare_annotated(old_text: &str, old: &Annotation, new_text: &str, new: &Annotation) -> Comparison {
    let old_doc = Doc::new(old_text);
    let new_doc = Doc::new(new_text);
    let old_year = report_year_of(old_text, &old_doc, old);
    let new_year = report_year_of(new_text, &new_doc, new);
    let reviewed = new_year.map(|y| y - 1).or(old_year);
    let years = Years { old: old_year, new: new_year, reviewed };
    let warning = warning(old_year, new_year);
    let index = Index::new(&new_doc, new, reviewed);
    let is_targeted = |i: &&Indicator| i.status == Status::Target && i.value.is_some();
    let one_year = |t: &Indicator| t.horizon == Horizon::Year;
    let headline = headline_span(&old_doc, old);
    let mut pairs: Vec<Pair> = Vec::new();
    let mut summary = Summary::default();
    for t in old.indicators.iter().filter(is_targeted) {
        let headline = headline.0 <= t.start && t.start < headline.1 && one_year(t);
        let pair = pair(t, headline, old_year, reviewed, &old_doc, &new_doc, new, &index);
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
    Comparison { years, warning, pairs, summary }
}

/// The span (UTF-16) of the report's headline paragraph: the first
/// `主要预期目标` paragraph that holds a one-year target with a value (a
/// later `经济增长预期目标为5%左右` restates one of them); `(0, 0)` when none.
pub(crate) fn headline_span(doc: &Doc, a: &Annotation) -> (usize, usize) {
    headline_spans(doc)
        .into_iter()
        .find(|&(s, e)| {
            let first = a.indicators.partition_point(|i| i.start < s);
            a.indicators[first..].iter().take_while(|i| i.start < e).any(|i| i.status == Status::Target && i.value.is_some() && i.horizon == Horizon::Year)
        })
        .unwrap_or((0, 0))
}

/// The year a report was given in, as [`compare_annotated`] tells it: its
/// byline or title, else its top-level headings, else its review part.
pub(crate) fn report_year_of(text: &str, doc: &Doc, a: &Annotation) -> Option<i32> {
    year_of_report(text, a).or_else(|| year_of_review(doc, a))
}

/// The year a target is for: the year its sentence writes, else (for one
/// year's target) its report's year, else `fallback`; `None` for a target
/// over several years, or a plan with no year.
pub(crate) fn target_year(t: &Indicator, report_year: Option<i32>, fallback: Option<i32>) -> Option<i32> {
    match t.horizon {
        Horizon::Year => t.year.or(report_year).or(fallback),
        Horizon::Plan => t.year,
        Horizon::Average | Horizon::Total => None,
    }
}

/// The year of each result of a report (an `actual` or `estimate`
/// indicator with a value) that is one year's figure, by the rules that
/// date a later report's results (module documentation): `Some(Some(y))`,
/// `Some(None)` when the report's year is unknown and nothing dates it,
/// `None` for a target, a figure with no value or one that is no single
/// year's.
pub(crate) fn result_years(doc: &Doc, a: &Annotation, reviewed: Option<i32>) -> Vec<Option<Option<i32>>> {
    let several = several_year_parts(a);
    let cues = paragraph_cues(doc, a, reviewed);
    (0..a.indicators.len())
        .map(|i| {
            let r = &a.indicators[i];
            if r.status == Status::Target || r.value.is_none() {
                return None;
            }
            date_result(doc, a, i, &cues, &several, reviewed).ok()
        })
        .collect()
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
        (Some(o), Some(n)) => (
            WarningCode::NotLater,
            format!("the later report ({n}) is not later than the earlier one ({o}): targets are judged only against results dated to their year"),
        ),
        (Some(o), None) => (
            WarningCode::YearsUnknown,
            format!("the later report's year cannot be told: it is assumed to review {o}, the year of the earlier report's targets"),
        ),
        (None, Some(n)) => (
            WarningCode::YearsUnknown,
            format!("the earlier report's year cannot be told: its targets are assumed to be for {}, the year the later report reviews", n - 1),
        ),
        (None, None) => (
            WarningCode::YearsUnknown,
            "neither report's year can be told: the later report is assumed to review the year of the earlier one's targets".to_string(),
        ),
    };
    Some(Warning { code, message })
}

#[cfg(test)]
mod tests;
