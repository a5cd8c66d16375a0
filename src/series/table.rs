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

/// The columns `--english` adds after `SERIES_CSV_COLUMNS`: the
/// glossary's English of the row's metric and unit (`crate::glossary`).
pub const SERIES_ENGLISH_COLUMNS: [&str; 2] = ["metric_en", "unit_en"];

/// The columns `--english` adds after `JOINED_CSV_COLUMNS`: the glossary's
/// English of the target's and the result's metric.
pub const JOINED_ENGLISH_COLUMNS: [&str; 2] = ["target_metric_en", "result_metric_en"];

/// The header of the series CSV (or of the joined one).
pub fn csv_header(joined: bool) -> String {
    csv_header_with(joined, false)
}

/// `csv_header`, with `english` the English columns last.
pub fn csv_header_with(joined: bool, english: bool) -> String {
    let (columns, more): (&[&str], &[&str]) =
        if joined { (&JOINED_CSV_COLUMNS, &JOINED_ENGLISH_COLUMNS) } else { (&SERIES_CSV_COLUMNS, &SERIES_ENGLISH_COLUMNS) };
    let more = if english { more } else { &[] };
    let mut out = String::new();
    csv_record(&mut out, columns.iter().chain(more).map(|c| Some(*c)));
    out
}

/// The English fields of a row (`SERIES_ENGLISH_COLUMNS`).
pub fn row_english(r: &Row) -> [Option<String>; 2] {
    [r.metric.as_deref().and_then(crate::glossary::metric_en), r.unit.as_deref().and_then(crate::glossary::unit_en).map(str::to_string)]
}

/// The English fields of a joined row (`JOINED_ENGLISH_COLUMNS`).
pub fn joined_english(j: &Joined) -> [Option<String>; 2] {
    crate::export::pair_metrics_en(&j.pair)
}

/// The English fields of a row or of a joined row (`row_english`, `joined_english`).
pub type EnglishOf<T> = fn(&T) -> [Option<String>; 2];

/// `csv` of `item` with, when `english`, its English fields last.
pub fn csv_with<T>(out: &mut String, item: &T, csv: fn(&mut String, &T), english: Option<EnglishOf<T>>) {
    let Some(english) = english else { return csv(out, item) };
    let start = out.len();
    csv(out, item);
    out.truncate(out.len() - 2); // the row's CRLF
    out.push(',');
    let fields = english(item);
    csv_record(out, fields.iter().map(|f| Some(f.as_deref().unwrap_or(""))));
    debug_assert!(out[start..].ends_with("\r\n"));
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
    english: bool,
    written: usize,
    buf: String,
}

/// A row and its English, written as one JSON object (`--english`): the
/// row's fields, then the English ones in their columns' order.
#[derive(serde::Serialize)]
struct WithEnglish<'a, T> {
    #[serde(flatten)]
    item: &'a T,
    #[serde(flatten)]
    english: Fields,
}

/// Named fields serialised as a map, in order.
struct Fields([(&'static str, Option<String>); 2]);

impl serde::Serialize for Fields {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<W: Write> TableWriter<W> {
    /// A writer of the rows (`joined` false) or of the joined rows.
    pub fn new(out: W, format: Format, joined: bool) -> TableWriter<W> {
        TableWriter { out, format, joined, english: false, written: 0, buf: String::new() }
    }

    /// The same writer adding the glossary's English of the metrics and
    /// units (`--english`): the CSV's last columns (`SERIES_ENGLISH_COLUMNS`,
    /// `JOINED_ENGLISH_COLUMNS`), the JSON objects' last fields.
    pub fn english(mut self, english: bool) -> TableWriter<W> {
        self.english = english;
        self
    }

    /// How many rows were written.
    pub fn written(&self) -> usize {
        self.written
    }

    pub fn begin(&mut self) -> io::Result<()> {
        match self.format {
            Format::Csv => self.out.write_all(csv_header_with(self.joined, self.english).as_bytes()),
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
            self.one(r, row_csv, row_english, &SERIES_ENGLISH_COLUMNS)?;
        }
        Ok(())
    }

    /// Writes a report's joined rows (a writer of the rows ignores them).
    pub fn joined(&mut self, joined: &[Joined]) -> io::Result<()> {
        if !self.joined {
            return Ok(());
        }
        for j in joined {
            self.one(j, joined_csv, joined_english, &JOINED_ENGLISH_COLUMNS)?;
        }
        Ok(())
    }

    fn one<T: serde::Serialize>(&mut self, item: &T, csv: fn(&mut String, &T), english: EnglishOf<T>, names: &[&'static str; 2]) -> io::Result<()> {
        let glossed = |english: EnglishOf<T>| {
            let [a, b] = english(item);
            WithEnglish { item, english: Fields([(names[0], a), (names[1], b)]) }
        };
        match self.format {
            Format::Csv => {
                self.buf.clear();
                csv_with(&mut self.buf, item, csv, self.english.then_some(english));
                self.out.write_all(self.buf.as_bytes())?;
            }
            Format::Jsonl | Format::Json => {
                if self.format == Format::Json {
                    self.out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
                }
                let json = if self.english { serde_json::to_writer(&mut self.out, &glossed(english)) } else { serde_json::to_writer(&mut self.out, item) };
                json.map_err(io::Error::from)?;
                if self.format == Format::Jsonl {
                    self.out.write_all(b"\n")?;
                }
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
