//! The output of `annotate`: sections and indicators, exactly as SPEC.md's JSON.
//!
//! Every offset in this module (`start`, `end`, `metric_start`, `metric_end`)
//! counts UTF-16 code units from the start of the input, end exclusive: the
//! unit JavaScript's `String.prototype.slice` uses.

use serde::{Deserialize, Serialize};

/// The whole result for one text: its outline and its indicators, both in
/// document order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub sections: Vec<Section>,
    pub indicators: Vec<Indicator>,
    /// How the text was laid out and what of that was read as no text
    /// (`Layout`); absent from JSON written before it was added.
    #[serde(default)]
    pub layout: crate::Layout,
}

/// One heading of the report's outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Index in `Annotation::sections`.
    pub id: usize,
    /// 1 is the top of the outline; a child is always deeper than its parent.
    pub level: u32,
    /// The enumerator as written (`一、`, `（一）`, `一是`, `３`, `――`), or
    /// `None` for an unmarked heading.
    pub marker: Option<String>,
    /// Heading text without marker and trailing `。：；，`.
    pub title: String,
    /// Span of marker + title (+ trailing punctuation), UTF-16, end exclusive.
    pub start: usize,
    pub end: usize,
    /// `id` of the enclosing section.
    pub parent: Option<usize>,
}

/// One quantitative fact or target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Index in `Annotation::indicators`.
    pub id: usize,
    /// Span of the number expression (number + magnitude + unit), UTF-16,
    /// end exclusive.
    pub start: usize,
    pub end: usize,
    /// The input sliced at `start..end`.
    pub value_text: String,
    /// The number with its magnitude applied; `None` for a ratio or a vague
    /// amount.
    pub value: Option<f64>,
    /// Upper bound of a range.
    pub value_max: Option<f64>,
    /// Canonical unit: simplified, half-width, magnitude taken out.
    pub unit: Option<String>,
    pub kind: Kind,
    pub direction: Option<Direction>,
    pub comparator: Comparator,
    pub status: Status,
    /// The span of time the figure covers: one year, a multi-year plan, a
    /// yearly average over years, or a total over years (SPEC.md); `year`
    /// in JSON written before it was added.
    #[serde(default)]
    pub horizon: Horizon,
    /// The noun phrase the number measures, as written in the input.
    pub metric: Option<String>,
    /// Span of `metric`, UTF-16, end exclusive.
    pub metric_start: Option<usize>,
    pub metric_end: Option<usize>,
    /// The year the figure refers to, when its sentence writes it as a number.
    pub year: Option<i32>,
    /// `id` of the innermost section containing the figure.
    pub section: Option<usize>,
}

/// What sort of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A stock, flow, count or rate as it stands.
    Level,
    /// Growth, fall or difference.
    Change,
    /// A position in a ranking.
    Rank,
    /// A structure ratio such as `1∶31∶68`.
    Ratio,
}

/// Which way a `change` goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// How the true quantity relates to the written number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    Eq,
    Approx,
    Gt,
    Ge,
    Lt,
    Le,
}

/// Whether a figure is a reported result, an estimate or a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Actual,
    Estimate,
    Target,
}

/// The span of time a figure covers, so that a target is judged only
/// against a result of the same span: one year's (`year`), a multi-year
/// plan's (`plan`), a yearly average over several years (`average`) or a
/// total over several years (`total`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// One year or a point in time: this year's target, last year's
    /// result, a level at a year's end; every figure the text does not
    /// tie to several years.
    #[default]
    Year,
    /// A multi-year plan's figure for the end of its period or the period
    /// as a whole (`到2020年`, `“十四五”时期`, `今后五年`), neither an average
    /// nor a total.
    Plan,
    /// A yearly average over several years (`年均增长7.1%`, `平均每年`).
    Average,
    /// A total or a cumulative change over several years (`五年累计`,
    /// `五年来新增`, `比2002年增长65.5%`).
    Total,
}

impl Kind {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Level => "level",
            Kind::Change => "change",
            Kind::Rank => "rank",
            Kind::Ratio => "ratio",
        }
    }
}

impl Direction {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

impl Comparator {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Eq => "eq",
            Comparator::Approx => "approx",
            Comparator::Gt => "gt",
            Comparator::Ge => "ge",
            Comparator::Lt => "lt",
            Comparator::Le => "le",
        }
    }
}

impl Status {
    /// The status named `s` (`actual`, `estimate`, `target`).
    pub fn from_name(s: &str) -> Option<Status> {
        [Status::Actual, Status::Estimate, Status::Target].into_iter().find(|st| st.as_str() == s)
    }

    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Estimate => "estimate",
            Status::Target => "target",
        }
    }
}

impl Horizon {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Horizon::Year => "year",
            Horizon::Plan => "plan",
            Horizon::Average => "average",
            Horizon::Total => "total",
        }
    }
}
