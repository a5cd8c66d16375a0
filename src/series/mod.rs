//! Many reports at once (issue 19): a tidy long table of the targets and
//! the results of a run of reports, one row per report × metric, and the
//! targets of each report next to the results its issuer's next report
//! gives for their year.
//!
//! **Reports.** Each report's year is the one [`compare`](crate::compare)
//! tells (its byline or title, else its headings, else its review part),
//! and its issuer is the place its title lines name, or the State Council
//! ([`issuer_of`]).
//!
//! **Rows.** A row is a target with a value (any horizon), or a result or
//! estimate with a value that is one year's figure by compare's rules (not
//! a yearly average or a total, not the start of `由A提高到B`, not undated
//! in a part that looks back over years), whose metric names something
//! measurable. Its `year` is the year the figure is for: for a target, the
//! year its sentence writes, else its report's year (none for a target over
//! several years); for a result, the year its sentence or paragraph names,
//! else the year its report reviews. Figures of one report with the same
//! metric key, kind, unit, status, horizon and year make one row: the
//! first (for a target, the headline one), with `mentions` counting them.
//! Metric keys are compare's ([`metric_key`]), so `国内生产总值`,
//! `地区生产总值`, `全市地区生产总值` and `经济增长` are one series.
//!
//! **Joined.** When a report follows an earlier one of the same issuer
//! (a later year), the earlier one's targets are paired with its results by
//! [`compare_annotated`]: the rules, verdicts and reasons are compare's,
//! and on reports more than a year apart only results the later one dates
//! to a target's year count (`warning: not_consecutive`).
//!
//! **Memory.** [`Series`] takes one report at a time and gives back its
//! rows; it keeps, for the join, only the last report of each issuer (its
//! text, its sections and its targets). Work is linear in the total input.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::compare::{evidence, headline_span, report_year_of, result_years, target_year};
use crate::text::Doc;
use crate::{compare_annotated, metric_key, Annotation, Comparator, Direction, Evidence, Horizon, Kind, Pair, Status, WarningCode};

mod issuer;
mod table;
pub use issuer::{issuer_of, place_in, NATIONAL};
pub use table::*;

/// One row of the series table: one report's figure for one metric, kind,
/// unit, status, horizon and year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The report's name (a file name), as the caller gave it.
    pub source: String,
    /// The report's place in the run, from 0.
    pub report: usize,
    /// Who gave the report (`广州市`, `国务院`), or `None`.
    pub issuer: Option<String>,
    /// The year the report was given in.
    pub report_year: Option<i32>,
    /// The year the figure is for (module documentation).
    pub year: Option<i32>,
    /// The metric as written.
    pub metric: Option<String>,
    /// The normalised metric: the series the row belongs to.
    pub metric_key: String,
    pub status: Status,
    pub horizon: Horizon,
    pub kind: Kind,
    pub direction: Option<Direction>,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    pub comparator: Comparator,
    pub unit: Option<String>,
    pub value_text: String,
    /// A target of the report's `主要预期目标` paragraph.
    pub headline: bool,
    /// How many figures of the report the row stands for (the first is
    /// the row's).
    pub mentions: usize,
    /// The figure's `id` in the report's annotation, and its span (UTF-16).
    pub id: usize,
    pub start: usize,
    pub end: usize,
    /// The figure's sentence, bounded as compare's evidence is.
    pub evidence: Evidence,
}

/// A target of one report next to the result of its issuer's next report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Joined {
    pub issuer: String,
    /// The report that set the target, and its year.
    pub target_source: String,
    pub target_report_year: Option<i32>,
    /// The issuer's next report in the run, and its year.
    pub result_source: String,
    pub result_report_year: Option<i32>,
    /// compare's warning on the pair of reports (`not_consecutive` when
    /// they are more than a year apart).
    pub warning: Option<WarningCode>,
    /// compare's pair: target, result, verdict, reason, evidence.
    #[serde(flatten)]
    pub pair: Pair,
}

/// What a report says of itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub source: String,
    pub report: usize,
    pub issuer: Option<String>,
    pub year: Option<i32>,
}

/// One report's part of the run.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub report: Report,
    pub rows: Vec<Row>,
    /// The targets of the issuer's previous report against this one's
    /// results (when joining).
    pub joined: Vec<Joined>,
    /// Why this report was not joined with an earlier one, when it could
    /// have been expected to be (joining only).
    pub note: Option<String>,
}

/// The last report of an issuer: what compare reads of an earlier report.
struct Kept {
    source: String,
    year: i32,
    text: String,
    /// Its sections and its targets with a value (compare reads no other
    /// indicator of the earlier report).
    annotation: Annotation,
}

/// A run of reports, taken one at a time (module documentation).
pub struct Series {
    join: bool,
    reports: usize,
    kept: HashMap<String, Kept>,
}

impl Series {
    /// A new run; `join`: pair each report's targets with the issuer's
    /// next report (keeping the last report of each issuer).
    pub fn new(join: bool) -> Series {
        Series { join, reports: 0, kept: HashMap::new() }
    }

    /// How many reports were taken.
    pub fn reports(&self) -> usize {
        self.reports
    }

    /// Annotates one report and takes it ([`Series::push_annotated`]).
    pub fn push(&mut self, source: &str, text: String) -> Step {
        let a = crate::annotate(&text);
        self.push_annotated(source, text, a)
    }

    /// Takes one report (`annotation` must be that of `text`): its rows,
    /// and when joining, the previous report of its issuer against it.
    /// Reports of an issuer are joined in the order given: one that is not
    /// later than the issuer's last is not joined (`note`).
    pub fn push_annotated(&mut self, source: &str, text: String, annotation: Annotation) -> Step {
        let index = self.reports;
        self.reports += 1;
        let (report, rows) = rows(source, index, &text, &annotation);
        let mut step = Step { report, rows, joined: Vec::new(), note: None };
        if !self.join {
            return step;
        }
        let (Some(issuer), Some(year)) = (step.report.issuer.clone(), step.report.year) else {
            let what = if step.report.issuer.is_none() { "its issuer" } else { "its year" };
            step.note = Some(format!("{what} cannot be told: not joined with other reports"));
            return step;
        };
        match self.kept.get(&issuer) {
            Some(k) if k.year >= year => {
                step.note = Some(format!(
                    "the {year} report of {issuer} comes after its {} report ({}): not joined (name the files so that each issuer's reports sort by year)",
                    k.year, k.source
                ));
                return step;
            }
            Some(k) => {
                let c = compare_annotated(&k.text, &k.annotation, &text, &annotation);
                let warning = c.warning.as_ref().map(|w| w.code);
                step.joined = c
                    .pairs
                    .into_iter()
                    .map(|pair| Joined {
                        issuer: issuer.clone(),
                        target_source: k.source.clone(),
                        target_report_year: Some(k.year),
                        result_source: source.to_string(),
                        result_report_year: Some(year),
                        warning,
                        pair,
                    })
                    .collect();
            }
            None => {}
        }
        let mut annotation = annotation;
        annotation.indicators.retain(|i| i.status == Status::Target && i.value.is_some());
        annotation.indicators.shrink_to_fit();
        self.kept.insert(issuer, Kept { source: source.to_string(), year, text, annotation });
        step
    }
}

/// One report's rows (module documentation), and what it says of itself.
/// `index` is its place in the run.
pub fn rows(source: &str, index: usize, text: &str, a: &Annotation) -> (Report, Vec<Row>) {
    let doc = Doc::new(text);
    let year = report_year_of(text, &doc, a);
    let issuer = issuer_of(text);
    let report = Report { source: source.to_string(), report: index, issuer: issuer.clone(), year };
    let headline = headline_span(&doc, a);
    let results = result_years(&doc, a, year.map(|y| y - 1));
    let in_headline = |i: usize| {
        let t = &a.indicators[i];
        t.status == Status::Target && t.horizon == Horizon::Year && headline.0 <= t.start && t.start < headline.1
    };
    // headline targets first, so that a row of one is the headline figure
    let order = (0..a.indicators.len()).filter(|&i| in_headline(i)).chain((0..a.indicators.len()).filter(|&i| !in_headline(i)));
    type Key = (String, Kind, Option<String>, Status, Horizon, Option<i32>);
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<Row> = Vec::new();
    for i in order {
        let f = &a.indicators[i];
        if f.value.is_none() {
            continue;
        }
        let Some(key) = f.metric.as_deref().map(metric_key).filter(|k| !crate::compare::is_generic(k)) else {
            continue;
        };
        let figure_year = if f.status == Status::Target {
            target_year(f, year, None)
        } else {
            match results.get(i).copied().flatten() {
                Some(y) => y,
                None => continue,
            }
        };
        let k: Key = (key, f.kind, f.unit.clone(), f.status, f.horizon, figure_year);
        if let Some(&r) = seen.get(&k) {
            out[r].mentions += 1;
            continue;
        }
        seen.insert(k.clone(), out.len());
        out.push(Row {
            source: source.to_string(),
            report: index,
            issuer: issuer.clone(),
            report_year: year,
            year: figure_year,
            metric: f.metric.clone(),
            metric_key: k.0,
            status: f.status,
            horizon: f.horizon,
            kind: f.kind,
            direction: f.direction,
            value: f.value,
            value_max: f.value_max,
            comparator: f.comparator,
            unit: f.unit.clone(),
            value_text: f.value_text.clone(),
            headline: in_headline(i),
            mentions: 1,
            id: f.id,
            start: f.start,
            end: f.end,
            evidence: evidence(&doc, f.start, f.end),
        });
    }
    (report, out)
}

#[cfg(test)]
mod tests;
