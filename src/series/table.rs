//! The series tables written out: CSV (through the export module's
//! writer, so no cell runs as a formula), JSON lines and JSON, streamed a
//! report at a time.

use std::io::{self, Write};

use super::{Joined, Row};
use crate::export::{csv_record, format_number};

/// The columns of the series CSV, in order: one row per [`Row`].
pub const SERIES_CSV_COLUMNS: [&str; 24] = [
    "source",
    "report",
    "issuer",
    "report_year",
    "year",
    "metric_key",
    "metric",
    "status",
    "horizon",
    "kind",
    "direction",
    "value",
    "value_max",
    "comparator",
    "unit",
    "value_text",
    "headline",
    "mentions",
    "id",
    "start",
    "end",
    "evidence_start",
    "evidence_end",
    "evidence",
];

/// The columns of the joined CSV, in order: one row per [`Joined`].
pub const JOINED_CSV_COLUMNS: [&str; 33] = [
    "issuer",
    "year",
    "metric_key",
    "headline",
    "verdict",
    "reason_code",
    "target_source",
    "target_report_year",
    "target_id",
    "target_value_text",
    "target_value",
    "target_value_max",
    "target_comparator",
    "target_unit",
    "target_kind",
    "target_horizon",
    "target_metric",
    "result_source",
    "result_report_year",
    "result_year",
    "result_id",
    "result_value_text",
    "result_value",
    "result_value_max",
    "result_unit",
    "result_status",
    "result_metric",
    "match_score",
    "match_basis",
    "warning",
    "reason",
    "target_evidence",
    "result_evidence",
];

fn num(v: Option<f64>) -> String {
    v.map_or(String::new(), format_number)
}

fn int(v: Option<i32>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

/// The header of the series CSV (or of the joined one).
pub fn csv_header(joined: bool) -> String {
    let mut out = String::new();
    if joined {
        csv_record(&mut out, JOINED_CSV_COLUMNS.iter().map(|c| Some(*c)));
    } else {
        csv_record(&mut out, SERIES_CSV_COLUMNS.iter().map(|c| Some(*c)));
    }
    out
}

/// Appends one row of the series CSV.
pub fn row_csv(out: &mut String, r: &Row) {
    let fields: [String; 24] = [
        r.source.clone(),
        r.report.to_string(),
        r.issuer.clone().unwrap_or_default(),
        int(r.report_year),
        int(r.year),
        r.metric_key.clone(),
        r.metric.clone().unwrap_or_default(),
        r.status.as_str().to_string(),
        r.horizon.as_str().to_string(),
        r.kind.as_str().to_string(),
        r.direction.map_or(String::new(), |d| d.as_str().to_string()),
        num(r.value),
        num(r.value_max),
        r.comparator.as_str().to_string(),
        r.unit.clone().unwrap_or_default(),
        r.value_text.clone(),
        r.headline.to_string(),
        r.mentions.to_string(),
        r.id.to_string(),
        r.start.to_string(),
        r.end.to_string(),
        r.evidence.start.to_string(),
        r.evidence.end.to_string(),
        r.evidence.text.clone(),
    ];
    csv_record(out, fields.iter().map(|f| Some(f.as_str())));
}

/// Appends one row of the joined CSV.
pub fn joined_csv(out: &mut String, j: &Joined) {
    let p = &j.pair;
    let t = &p.target;
    let r = p.result.as_ref();
    let fields: [String; 33] = [
        j.issuer.clone(),
        int(p.target_year),
        p.metric_key.clone().unwrap_or_default(),
        p.headline.to_string(),
        p.verdict.as_str().to_string(),
        p.reason_code.as_str().to_string(),
        j.target_source.clone(),
        int(j.target_report_year),
        t.id.to_string(),
        t.value_text.clone(),
        num(t.value),
        num(t.value_max),
        t.comparator.as_str().to_string(),
        t.unit.clone().unwrap_or_default(),
        t.kind.as_str().to_string(),
        t.horizon.as_str().to_string(),
        t.metric.clone().unwrap_or_default(),
        j.result_source.clone(),
        int(j.result_report_year),
        int(p.result_year),
        r.map_or(String::new(), |r| r.id.to_string()),
        r.map_or(String::new(), |r| r.value_text.clone()),
        num(r.and_then(|r| r.value)),
        num(r.and_then(|r| r.value_max)),
        r.and_then(|r| r.unit.clone()).unwrap_or_default(),
        r.map_or(String::new(), |r| r.status.as_str().to_string()),
        r.and_then(|r| r.metric.clone()).unwrap_or_default(),
        format_number(p.match_score),
        p.match_basis.map_or(String::new(), |b| b.as_str().to_string()),
        j.warning.map_or(String::new(), |w| w.as_str().to_string()),
        p.reason.clone(),
        p.target_evidence.text.clone(),
        p.result_evidence.as_ref().map_or(String::new(), |e| e.text.clone()),
    ];
    csv_record(out, fields.iter().map(|f| Some(f.as_str())));
}

/// The output formats of a series table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV with a header row (SPEC.md, Exports).
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array of the objects.
    Json,
}

/// Writes a series table (the rows, or the joined rows) as it is made:
/// `begin`, then `rows`/`joined` for each report, then `end`.
pub struct TableWriter<W: Write> {
    out: W,
    format: Format,
    joined: bool,
    written: usize,
    buf: String,
}

impl<W: Write> TableWriter<W> {
    /// A writer of the rows (`joined` false) or of the joined rows.
    pub fn new(out: W, format: Format, joined: bool) -> TableWriter<W> {
        TableWriter { out, format, joined, written: 0, buf: String::new() }
    }

    /// How many rows were written.
    pub fn written(&self) -> usize {
        self.written
    }

    pub fn begin(&mut self) -> io::Result<()> {
        match self.format {
            Format::Csv => self.out.write_all(csv_header(self.joined).as_bytes()),
            Format::Json => self.out.write_all(b"["),
            Format::Jsonl => Ok(()),
        }
    }

    /// Writes a report's rows (a writer of the joined table ignores them).
    pub fn rows(&mut self, rows: &[Row]) -> io::Result<()> {
        if self.joined {
            return Ok(());
        }
        for r in rows {
            self.one(r, row_csv)?;
        }
        Ok(())
    }

    /// Writes a report's joined rows (a writer of the rows ignores them).
    pub fn joined(&mut self, joined: &[Joined]) -> io::Result<()> {
        if !self.joined {
            return Ok(());
        }
        for j in joined {
            self.one(j, joined_csv)?;
        }
        Ok(())
    }

    fn one<T: serde::Serialize>(&mut self, item: &T, csv: fn(&mut String, &T)) -> io::Result<()> {
        match self.format {
            Format::Csv => {
                self.buf.clear();
                csv(&mut self.buf, item);
                self.out.write_all(self.buf.as_bytes())?;
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, item).map_err(io::Error::from)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut self.out, item).map_err(io::Error::from)?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the table and flushes; gives back the output.
    pub fn end(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.out.write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}
