//! `zhibiao series`: many reports at once (issue 19). The work is the
//! library's (`zhibiao::series`); this module reads the command line, the
//! files (as `annotate` does: every file that cannot be read is reported
//! and skipped) and shows the progress of a long run on a terminal.

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use zhibiao::series::{Format, Series, TableWriter};

use super::{exit_status, io_reason, read_text, report, Command, Input, UsageError};

pub const SERIES_USAGE: &str = "usage: zhibiao series [--format csv|jsonl|json] [--joined] FILE|DIR ...";

pub const SERIES_HELP: &str = "\
zhibiao series: the targets and results of many reports, as one table

usage: zhibiao series [--format csv|jsonl|json] [--joined] FILE|DIR ...

Reads every FILE, and every .txt file under each DIR (all levels, in name
order), one at a time, and prints one table for all of them. For each
report it tells the year (as compare does: byline, title, headings) and
the issuer: the place its title lines name by the suffix of a place's
name (2017年广州市政府工作报告 -> 广州市, XX省人民政府, XX自治区, XX区,
XX县, XX州, XX盟), or 国务院 for a national report (我代表国务院,
国务院总理, 第…届全国人民代表大会); empty when neither can be told.

A row is one report's figure for one metric: a target with a value, or a
result or estimate with a value that is one year's figure (no yearly
average, no total over years, not the A of 由A提高到B). Metrics are
normalised as compare does, so 国内生产总值, 地区生产总值, 全市地区生产总值
and 经济增长 are one series (metric_key 生产总值). Figures of a report with
the same metric_key, kind, unit, status, horizon and year make one row
(the first; for a target the headline one), 'mentions' counting them.

--joined prints instead each target of a report next to the result of its
issuer's next report in the run (a later year), with compare's verdict,
reason and evidence. Reports more than a year apart are joined too, with
warning not_consecutive: only results the later one dates to the target's
year count. Each issuer's reports are joined in the order read: name the
files so that they sort by year (a report not later than its issuer's last
is not joined, and said so on standard error).

options:
  -f, --format FORMAT   csv (default), jsonl or json
      --joined          print the targets against the next reports' results
  -h, --help            print this help
      --                treat every later argument as a FILE

formats:
  csv     a header row, then one row per figure (RFC 4180 as annotate's):
            source,report,issuer,report_year,year,metric_key,metric,status,
            horizon,kind,direction,value,value_max,comparator,unit,
            value_text,headline,mentions,id,start,end,evidence_start,
            evidence_end,evidence
          year is the year the figure is for (a target's: the year it
          writes, else its report's; a result's: the year it or its
          paragraph writes, else the year its report reviews). With
          --joined:
            issuer,year,metric_key,headline,verdict,reason_code,
            target_source,target_report_year,target_id,target_value_text,
            target_value,target_value_max,target_comparator,target_unit,
            target_kind,target_horizon,target_metric,result_source,
            result_report_year,result_year,result_id,result_value_text,
            result_value,result_value_max,result_unit,result_status,
            result_metric,match_score,match_basis,warning,reason,
            target_evidence,result_evidence
  jsonl   one JSON object per row, the same fields (evidence as
          {\"start\", \"end\", \"text\"}; a joined row holds compare's pair:
          target, result, verdict, ... as in 'zhibiao help compare')
  json    the same objects in one array

A progress line is shown on standard error when it is a terminal and
there are many files. Memory holds one report at a time, and with
--joined the last report of each issuer.

exit status: 0 when every file was read; 2 for a bad option, or when some
FILE could not be read or decoded (reported as 'zhibiao: FILE: reason';
the others are still read).

examples:
  zhibiao series reports/ > series.csv
  zhibiao series --joined --format jsonl reports/*.txt > joined.jsonl
";

#[derive(Debug, PartialEq)]
pub struct SeriesArgs {
    pub format: Format,
    pub joined: bool,
    pub inputs: Vec<Input>,
}

pub fn parse_series(mut args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let error = |message: String| UsageError { message, usage: SERIES_USAGE, command: "zhibiao series" };
    let (mut format, mut joined, mut inputs, mut ended) = (Format::Csv, false, Vec::new(), false);
    while let Some(arg) = args.next() {
        let text = match arg.to_str() {
            Some(text) if !ended && text.starts_with('-') && text != "-" => text.to_owned(),
            _ => {
                inputs.push(if arg == "-" { Input::Stdin } else { Input::Path(arg.into()) });
                continue;
            }
        };
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name.to_owned(), Some(value.to_owned())),
            _ => (text, None),
        };
        match name.as_str() {
            "--" => ended = true,
            "-h" | "--help" => return Ok(Command::Help(SERIES_HELP)),
            "--joined" if inline.is_none() => joined = true,
            "-f" | "--format" => {
                let value = match inline.or_else(|| args.next().map(|v| v.to_string_lossy().into_owned())) {
                    Some(value) => value,
                    None => return Err(error(format!("option '{name}' needs a value: csv, jsonl or json"))),
                };
                format = match value.as_str() {
                    "csv" => Format::Csv,
                    "jsonl" => Format::Jsonl,
                    "json" => Format::Json,
                    _ => return Err(error(format!("unknown format '{value}'; use csv, jsonl or json"))),
                };
            }
            _ if inline.is_some() => return Err(error(format!("option '{name}' takes no value"))),
            _ => return Err(error(format!("unknown option '{name}'"))),
        }
    }
    if inputs.is_empty() {
        return Err(error("missing FILE or DIR: series reads the reports named".into()));
    }
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(error("standard input can be read once".into()));
    }
    Ok(Command::Series(SeriesArgs { format, joined, inputs }))
}

/// The files to read: each FILE, and the .txt files under each DIR (all
/// levels, each directory's entries in name order). A directory that
/// cannot be listed is reported.
fn expand(inputs: &[Input], failed: &mut bool) -> Vec<Input> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::Path(p) if p.is_dir() => walk(p, &mut out, failed),
            Input::Path(p) => out.push(Input::Path(p.clone())),
            Input::Stdin => out.push(Input::Stdin),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>, failed: &mut bool) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            *failed = true;
            report(format_args!("{}: {}", dir.display(), io_reason(&err)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let hidden = p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, failed);
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push(Input::Path(p));
        }
    }
}

/// A progress line on standard error, redrawn at most every 200 ms; only
/// on a terminal, and only for runs of `MANY` files or more.
struct Progress {
    on: bool,
    total: usize,
    bytes: usize,
    started: Instant,
    drawn: Option<Instant>,
}

const MANY: usize = 20;

impl Progress {
    fn new(total: usize) -> Progress {
        Progress { on: total >= MANY && io::stderr().is_terminal(), total, bytes: 0, started: Instant::now(), drawn: None }
    }
    fn tick(&mut self, done: usize, bytes: usize) {
        self.bytes += bytes;
        if !self.on || self.drawn.is_some_and(|t| t.elapsed() < Duration::from_millis(200)) {
            return;
        }
        self.drawn = Some(Instant::now());
        let mb = self.bytes as f64 / 1e6;
        let rate = mb / self.started.elapsed().as_secs_f64().max(1e-3);
        let _ = write!(io::stderr().lock(), "\rzhibiao: series: {done}/{} files, {mb:.1} MB, {rate:.1} MB/s ", self.total);
    }
    /// Clears the line (before a message, and at the end).
    fn clear(&mut self) {
        if self.on && self.drawn.is_some() {
            let _ = write!(io::stderr().lock(), "\r{:60}\r", "");
            self.drawn = None;
        }
    }
}

/// The most notes (reports not joined) printed; the rest are counted.
const MAX_NOTES: usize = 20;

/// Runs `zhibiao series`.
pub fn series(args: &SeriesArgs) -> ExitCode {
    let mut failed = false;
    match write_series(args, &mut failed) {
        Ok(()) => exit_status(failed),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => exit_status(failed),
        Err(err) => {
            report(format_args!("cannot write the output: {}", io_reason(&err)));
            ExitCode::from(2)
        }
    }
}

/// Reads the files one at a time and writes the table as it is made;
/// `failed` is set for a file that cannot be read.
fn write_series(args: &SeriesArgs, failed: &mut bool) -> io::Result<()> {
    let files = expand(&args.inputs, failed);
    let mut progress = Progress::new(files.len());
    let mut run = Series::new(args.joined);
    let mut out = TableWriter::new(BufWriter::new(io::stdout().lock()), args.format, args.joined);
    let mut notes = 0;
    out.begin()?;
    for (n, input) in files.iter().enumerate() {
        match read_text(input) {
            Ok(text) => {
                let len = text.len();
                let step = run.push(&input.name(), text);
                out.rows(&step.rows)?;
                out.joined(&step.joined)?;
                if let Some(note) = step.note.filter(|_| args.joined) {
                    notes += 1;
                    if notes <= MAX_NOTES {
                        progress.clear();
                        report(format_args!("{}: not joined: {note}", input.label()));
                    }
                }
                progress.tick(n + 1, len);
            }
            Err(reason) => {
                *failed = true;
                progress.clear();
                report(format_args!("{}: {reason}", input.label()));
            }
        }
    }
    progress.clear();
    if notes > MAX_NOTES {
        report(format_args!("{} more reports not joined", notes - MAX_NOTES));
    }
    out.end().map(drop)
}
