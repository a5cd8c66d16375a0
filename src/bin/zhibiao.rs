//! The `zhibiao` command: annotates report files and prints SPEC.md's JSON,
//! JSON lines or CSV.
//!
//! Commands are dispatched by name in `parse_command`: `annotate` for
//! reports, `compare OLD NEW` for one report's targets against the next
//! one's results.

use std::borrow::Cow;
use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use zhibiao::encoding::{Encoding, NotText};
use zhibiao::Annotation;

#[path = "cmd/series.rs"]
mod series_cmd;
use series_cmd::{parse_series, SeriesArgs, SERIES_HELP};

const VERSION: &str = env!("CARGO_PKG_VERSION");

const MAIN_USAGE: &str = "usage: zhibiao <COMMAND> [OPTIONS] [ARGS]";
const ANNOTATE_USAGE: &str = "usage: zhibiao annotate [--format json|jsonl|csv] [--pretty] [FILE ...]";
const COMPARE_USAGE: &str = "usage: zhibiao compare [--format json|csv] [--pretty] OLD NEW";
const REFLOW_USAGE: &str = "usage: zhibiao reflow [FILE]";

const REFLOW_HELP: &str = "\
zhibiao reflow: print a report as annotate reads it

usage: zhibiao reflow [FILE]

Prints FILE (or standard input) as 'zhibiao annotate' reads it: a text
copied out of a PDF with its wrapped lines joined into paragraphs and its
page numbers and running headers left out; a web page's menus and footer
around the report left out; zero-width characters, soft hyphens and the
spaces of letter-spaced digits (1 9 9 7) dropped; line ends of a lone CR
made LF. A text laid out a paragraph a line is printed as it is. What was
done is the 'layout' object of annotate's JSON.

exit status: 0 when the text was read; 2 for a bad option or a file that
could not be read or decoded.
";

const COMPARE_HELP: &str = "\
zhibiao compare: the targets of one report against the results of the next

usage: zhibiao compare [--format json|csv] [--pretty] OLD NEW

Annotates OLD (a report that sets targets, e.g. the 2017 work report) and
NEW (the report that gives the results, e.g. the 2018 one), and pairs every
target of OLD that has a value with the result of NEW that measures the same
thing in the same year: the same metric (normalised: simplified script, no
全市/全省/全国, 地区生产总值 = 国内生产总值 = GDP, 居民消费价格涨幅 = CPI …),
the same kind and the same unit.

Years: each report's year comes from its byline or title (——2018年3月5日,
2017年政府工作报告), else its headings (一、2016年工作回顾 is the 2017
report's). A report of year Y sets targets for Y and reviews Y-1. When NEW
is not OLD's next year's report, a warning is printed (and is on top of the
JSON) and only results NEW dates to a target's year are used.

A result is one year's figure: never a yearly average or a total over years
(年均, 五年累计, 过去五年), never the start of 由A提高到B; an estimate (预计)
counts and is marked. Metrics that name nothing measurable (完成, 覆盖, 规模)
match nothing. The targets of the 主要预期目标 paragraph (headline) come first.

Each target gets a verdict, with a reason code, a reason and the sentences
of both figures as evidence:
  met             the result meets the target's comparator (左右: within
                  0.5 points for a percentage, 5% for an amount; 以上, 超过,
                  以内, 控制在 …; less is better for prices, unemployment,
                  energy use, deficits and debt, and for falls)
  missed          it does not
  not_comparable  a result measures the same thing in another unit, or has
                  no value
  not_judged      the target spans several years, or is for a year NEW
                  does not review (到2020年)
  unmatched       no result of NEW measures the same thing in the
                  target's year (the reason says what NEW has instead)
Either file may be '-' for standard input (not both).

options:
  -f, --format FORMAT   json (default) or csv
      --pretty          indent the JSON
  -h, --help            print this help

formats:
  json    {\"years\": {\"old\": Y, \"new\": Y, \"reviewed\": Y},
           \"warning\": {\"code\": ..., \"message\": ...} or null,
           \"pairs\": [{\"target\": INDICATOR, \"result\": INDICATOR or null,
            \"verdict\": ..., \"reason_code\": ..., \"reason\": ...,
            \"headline\": ..., \"estimate\": ..., \"target_year\": ...,
            \"result_year\": ..., \"metric_key\": ..., \"match_score\": ...,
            \"match_basis\": ..., \"match_note\": ...,
            \"target_evidence\": EVIDENCE, \"result_evidence\": EVIDENCE}, ...],
           \"summary\": {\"targets\": N, \"headline\": N, \"met\": N,
            \"missed\": N, \"not_comparable\": N, \"not_judged\": N,
            \"unmatched\": N}}
          with INDICATOR as in SPEC.md (offsets into OLD or NEW) and
          EVIDENCE {\"start\", \"end\", \"text\"} (SPEC.md, Compare).
  csv     a header row, then one row per target, headline targets first:
            headline,verdict,reason_code,metric_key,match_score,match_basis,
            target_year,target_id,target_value_text,target_value,
            target_value_max,target_unit,target_kind,target_direction,
            target_comparator,target_horizon,target_metric,
            target_year_written,result_year,result_id,result_value_text,
            result_value,result_value_max,result_unit,result_status,
            result_estimate,result_metric,result_year_written,reason,
            match_note,target_evidence,result_evidence

exit status: 0 when both reports were read; 2 for a bad option or a file
that could not be read or decoded.

example:
  zhibiao compare --format csv report-2017.txt report-2018.txt > targets.csv
";

const MAIN_HELP: &str = "\
zhibiao (指标) marks the outline and the numeric indicators of a Chinese
government or party work report.

usage: zhibiao <COMMAND> [OPTIONS] [ARGS]

commands:
  annotate    print the sections and indicators of report files as JSON or CSV
  compare     pair one report's targets with the next report's results
  reflow      print a report as annotate reads it (PDF and web copies undone)
  series      one table of the targets and results of many reports
  help        print this help, or a command's: zhibiao help annotate

options:
  -h, --help       print this help
  -V, --version    print the version

Run 'zhibiao annotate --help' for the output formats, input encodings,
offsets, exit statuses and examples.
";

const ANNOTATE_HELP: &str = "\
zhibiao annotate: print the sections and indicators of report files

usage: zhibiao annotate [--format json|jsonl|csv] [--pretty] [FILE ...]

Reads each FILE, or standard input when no FILE is given or for '-', and
prints its outline (sections) and its numeric indicators with the fields
described in SPEC.md. Text with nothing to annotate is not an error: it gives
empty lists.

options:
  -f, --format FORMAT   output format: json (default), jsonl or csv;
                        --format=FORMAT also works
      --pretty          indent the JSON (--format json only)
  -h, --help            print this help
      --                treat every later argument as a FILE, even '-x'

formats:
  json    one FILE: the annotation object
            {\"sections\": [...], \"indicators\": [...]}
          several FILEs: an array with one object per FILE that could be
          read, in the order given:
            [{\"file\": NAME, \"sections\": [...], \"indicators\": [...]}, ...]
          The shape follows how many FILEs are named, not how many could be
          read, so a script always gets the shape it asked for.
  jsonl   one line per FILE that could be read:
            {\"file\": NAME, \"sections\": [...], \"indicators\": [...]}
  csv     a header row, then one row per indicator of every FILE:
            file,id,start,end,value_text,value,value_max,unit,kind,direction,
            comparator,status,horizon,metric,year,section,section_path,context
          horizon is the span of time the figure covers: year, plan,
          average or total (SPEC.md). section_path joins the titles from
          the top of the outline down to the indicator's section with
          \" > \", each title cut at 30 characters (ending in \"…\").
          context is the text around the figure, trimmed, each run of
          whitespace one space: its sentence (which ends at 。！？!? or a
          line end), but at most 60 characters on each side and at most one
          other figure on each side, then cut back to a clause end (，；：)
          or, inside the figure's own clause, marked \"…\". So the CSV grows
          linearly with the text. An empty field is null. Numbers are plain
          decimals (1950000000000, never 1.95e12). A text field that a
          spreadsheet would run as a formula (it begins with = + - @, a tab
          or a line break, and is not a number such as -3.2) is written in
          quotes after a ' (OWASP's advice on CSV injection).
          RFC 4180: UTF-8 without a byte-order mark, CRLF line ends, a field
          quoted (with \"\" for a quote) when it holds a comma, quote or line
          break. Excel reads UTF-8 CSV only after a byte-order mark:
            (printf '\\357\\273\\277'; zhibiao annotate -f csv r.txt) > r.csv
  NAME is the FILE as given on the command line, \"-\" for standard input.

input encodings:
  UTF-8, UTF-16 with a byte-order mark, GB18030 (a superset of GBK and
  GB2312) and Big5, told apart by the same rules as the web page's (GB18030
  and Big5 by their byte structure). A leading byte-order mark is dropped,
  as the browser's TextDecoder does; UTF-8 cut inside its last character
  ends in one U+FFFD, as there too. Anything else is skipped with the reason:
  a NUL byte (a binary file, or UTF-16 without a byte-order mark), CESU-8,
  bytes malformed in the encoding they look like, or another script's
  encoding ('not Chinese text: ...'). Input over 256 MiB (no report comes
  near it) is refused the same way, as 'larger than 256 MiB'.

offsets:
  start, end, metric_start and metric_end count UTF-16 code units from the
  start of the decoded text (after a dropped byte-order mark), end exclusive:
  what JavaScript's String.prototype.slice uses. A character outside the BMP,
  such as 𠀀 or an emoji, counts 2. Line ends are kept as written: CRLF
  counts 2.

exit status:
  0  every FILE was annotated (also when the reader of the output stops
     early, as 'head' does: the run then ends quietly)
  2  a bad option or command; or some FILE could not be read or decoded
     (reported on standard error as 'zhibiao: FILE: reason'; the other
     FILEs are still annotated and printed); or the output could not be
     written

examples:
  zhibiao annotate report.txt
  zhibiao annotate --pretty report.txt
  zhibiao annotate < report.txt
  zhibiao annotate --format jsonl reports/*.txt > reports.jsonl
  zhibiao annotate --format csv reports/*.txt > indicators.csv
";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let command = match parse_command(args) {
        Ok(command) => command,
        Err(err) => {
            report(format_args!("{}\n{}\ntry '{} --help' for more information", err.message, err.usage, err.command));
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help(text) => print_text(text),
        Command::Version => print_text(&format!("zhibiao {VERSION}\n")),
        Command::Annotate(args) => annotate(&args),
        Command::Compare(args) => compare(&args),
        Command::Reflow(input) => reflow(&input),
        Command::Series(args) => series_cmd::series(&args),
    }
}

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    /// Print this help text.
    Help(&'static str),
    Version,
    Annotate(AnnotateArgs),
    Compare(CompareArgs),
    Reflow(Input),
    Series(SeriesArgs),
}

#[derive(Debug, PartialEq)]
struct CompareArgs {
    csv: bool,
    pretty: bool,
    old: Input,
    new: Input,
}

#[derive(Debug, PartialEq)]
struct AnnotateArgs {
    format: Format,
    pretty: bool,
    inputs: Vec<Input>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, PartialEq)]
enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// The name written in the output: the argument as given, `-` for stdin.
    fn name(&self) -> Cow<'_, str> {
        match self {
            Input::Stdin => Cow::Borrowed("-"),
            Input::Path(path) => path.to_string_lossy(),
        }
    }

    /// The name used in error messages.
    fn label(&self) -> Cow<'_, str> {
        match self {
            Input::Stdin => Cow::Borrowed("standard input"),
            Input::Path(path) => path.to_string_lossy(),
        }
    }
}

/// A bad command line: what is wrong, and which usage line to show.
#[derive(Debug, PartialEq)]
struct UsageError {
    message: String,
    usage: &'static str,
    /// The command whose `--help` to suggest.
    command: &'static str,
}

fn parse_command(args: Vec<OsString>) -> Result<Command, UsageError> {
    let main_error = |message: String| UsageError { message, usage: MAIN_USAGE, command: "zhibiao" };
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return Err(main_error("missing command; the command for reports is 'annotate'".into()));
    };
    match first.to_string_lossy().as_ref() {
        "-h" | "--help" => Ok(Command::Help(MAIN_HELP)),
        "-V" | "--version" => Ok(Command::Version),
        "help" => match args.next().as_ref().map(|topic| topic.to_string_lossy()) {
            None => Ok(Command::Help(MAIN_HELP)),
            Some(topic) if topic == "annotate" => Ok(Command::Help(ANNOTATE_HELP)),
            Some(topic) if topic == "compare" => Ok(Command::Help(COMPARE_HELP)),
            Some(topic) if topic == "reflow" => Ok(Command::Help(REFLOW_HELP)),
            Some(topic) if topic == "series" => Ok(Command::Help(SERIES_HELP)),
            Some(topic) => Err(main_error(format!("no help for unknown command '{topic}'"))),
        },
        "annotate" => parse_annotate(args),
        "compare" => parse_compare(args),
        "reflow" => parse_reflow(args),
        "series" => parse_series(args),
        other if other.starts_with('-') => Err(main_error(format!("unknown option '{other}'"))),
        other => Err(main_error(format!("unknown command '{other}'"))),
    }
}

/// The options `annotate` and `compare` share: `--format`, `--pretty`,
/// `--help`, `--`, and file names (`-` for standard input).
struct CommonArgs {
    format: Format,
    pretty: bool,
    inputs: Vec<Input>,
}

/// Reads the shared options; `Ok(Err(help))` when `--help` was asked for.
/// `formats` are the names a command accepts, the first its default.
fn parse_common(
    mut args: impl Iterator<Item = OsString>,
    formats: &[(&str, Format)],
    help: &'static str,
    error: impl Fn(String) -> UsageError,
) -> Result<Result<CommonArgs, &'static str>, UsageError> {
    let names: Vec<&str> = formats.iter().map(|f| f.0).collect();
    let choices = match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    let mut format = formats[0].1;
    let mut pretty = false;
    let mut inputs = Vec::new();
    let mut options_ended = false;
    while let Some(arg) = args.next() {
        // A file name need not be UTF-8; an option always is.
        let text = match arg.to_str() {
            Some(text) if !options_ended && text.starts_with('-') && text != "-" => text,
            _ => {
                // `-` is stdin even after `--`, as for cat; `./-` names a file.
                inputs.push(if arg == "-" { Input::Stdin } else { Input::Path(arg.into()) });
                continue;
            }
        };
        let (name, inline_value) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
            _ => (text, None),
        };
        match name {
            "--" => options_ended = true,
            "-h" | "--help" => return Ok(Err(help)),
            "--pretty" if inline_value.is_none() => pretty = true,
            "--pretty" => return Err(error("option '--pretty' takes no value".into())),
            "-f" | "--format" => {
                let value = match inline_value {
                    Some(value) => value,
                    None => match args.next() {
                        Some(value) => value.to_string_lossy().into_owned(),
                        None => return Err(error(format!("option '{name}' needs a value: {choices}"))),
                    },
                };
                format = match formats.iter().find(|f| f.0 == value) {
                    Some(f) => f.1,
                    None => return Err(error(format!("unknown format '{value}'; use {choices}"))),
                };
            }
            _ => return Err(error(format!("unknown option '{name}'"))),
        }
    }
    if pretty && format != Format::Json {
        return Err(error("option '--pretty' works only with --format json".into()));
    }
    Ok(Ok(CommonArgs { format, pretty, inputs }))
}

fn parse_annotate(args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let error = |message: String| UsageError { message, usage: ANNOTATE_USAGE, command: "zhibiao annotate" };
    let formats = [("json", Format::Json), ("jsonl", Format::Jsonl), ("csv", Format::Csv)];
    let CommonArgs { format, pretty, mut inputs } = match parse_common(args, &formats, ANNOTATE_HELP, error)? {
        Ok(common) => common,
        Err(help) => return Ok(Command::Help(help)),
    };
    if inputs.is_empty() {
        inputs.push(Input::Stdin);
    }
    Ok(Command::Annotate(AnnotateArgs { format, pretty, inputs }))
}

fn parse_compare(args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let error = |message: String| UsageError { message, usage: COMPARE_USAGE, command: "zhibiao compare" };
    let formats = [("json", Format::Json), ("csv", Format::Csv)];
    let CommonArgs { format, pretty, inputs } = match parse_common(args, &formats, COMPARE_HELP, error)? {
        Ok(common) => common,
        Err(help) => return Ok(Command::Help(help)),
    };
    let mut files = inputs.into_iter();
    match (files.next(), files.next(), files.next()) {
        (Some(old), Some(new), None) => {
            if old == Input::Stdin && new == Input::Stdin {
                return Err(error("only one of OLD and NEW can be standard input".into()));
            }
            Ok(Command::Compare(CompareArgs { csv: format == Format::Csv, pretty, old, new }))
        }
        (_, _, Some(_)) => Err(error("compare takes two files, OLD and NEW".into())),
        _ => Err(error("missing file: compare needs OLD and NEW".into())),
    }
}

fn parse_reflow(args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let error = |message: String| UsageError { message, usage: REFLOW_USAGE, command: "zhibiao reflow" };
    let CommonArgs { pretty, inputs, .. } = match parse_common(args, &[("text", Format::Json)], REFLOW_HELP, error)? {
        Ok(common) => common,
        Err(help) => return Ok(Command::Help(help)),
    };
    if pretty {
        return Err(error("unknown option '--pretty'".into()));
    }
    let mut files = inputs.into_iter();
    match (files.next(), files.next()) {
        (input, None) => Ok(Command::Reflow(input.unwrap_or(Input::Stdin))),
        _ => Err(error("reflow takes one file".into())),
    }
}

/// Runs `zhibiao reflow`: the text as the rules read it.
fn reflow(input: &Input) -> ExitCode {
    let text = match read_text(input) {
        Ok(text) => text,
        Err(reason) => {
            report(format_args!("{}: {reason}", input.label()));
            return ExitCode::from(2);
        }
    };
    let mut out = io::stdout().lock();
    match out.write_all(zhibiao::reflow(&text).as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            report(format_args!("output: {}", io_reason(&err)));
            ExitCode::from(2)
        }
    }
}

/// Runs `zhibiao compare`: both reports read, annotated and paired.
fn compare(args: &CompareArgs) -> ExitCode {
    let mut texts = Vec::new();
    for input in [&args.old, &args.new] {
        match read_text(input) {
            Ok(text) => texts.push(text),
            Err(reason) => {
                report(format_args!("{}: {reason}", input.label()));
                return ExitCode::from(2);
            }
        }
    }
    let comparison = zhibiao::compare(&texts[0], &texts[1]);
    // on the terminal whatever the format: the CSV has no place for it
    // above its header, and the JSON's `warning` is easily missed
    if let Some(w) = &comparison.warning {
        report(format_args!("warning: {}", w.message));
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if args.csv {
        out.write_all(zhibiao::export::comparison_csv(&comparison).as_bytes())
    } else {
        let json = if args.pretty { serde_json::to_writer_pretty(&mut out, &comparison) } else { serde_json::to_writer(&mut out, &comparison) };
        json.map_err(io::Error::from).and_then(|()| out.write_all(b"\n"))
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            report(format_args!("cannot write the output: {}", io_reason(&err)));
            ExitCode::from(2)
        }
    }
}

/// Runs `zhibiao annotate`: every input in turn, each failure reported and
/// skipped, the output streamed as it is made.
fn annotate(args: &AnnotateArgs) -> ExitCode {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut printer = Printer::new(args.format, args.pretty, args.inputs.len() > 1);
    let mut failed = false;
    let mut run = |out: &mut BufWriter<io::StdoutLock>| -> io::Result<()> {
        printer.begin(out)?;
        for input in &args.inputs {
            match read_text(input) {
                Ok(text) => {
                    let annotation = zhibiao::annotate(&text);
                    printer.print(out, &input.name(), &text, &annotation)?;
                }
                Err(reason) => {
                    failed = true;
                    // What was printed before the failure comes first on a terminal.
                    out.flush()?;
                    report(format_args!("{}: {reason}", input.label()));
                }
            }
        }
        printer.end(out)?;
        out.flush()
    };
    // Dropping `out` after an error flushes again and ignores the result.
    match run(&mut out) {
        Ok(()) => exit_status(failed),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => exit_status(failed),
        Err(err) => {
            report(format_args!("cannot write the output: {}", io_reason(&err)));
            ExitCode::from(2)
        }
    }
}

fn exit_status(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints a help or version text; a closed pipe ends it quietly.
fn print_text(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            report(format_args!("cannot write the output: {}", io_reason(&err)));
            ExitCode::from(2)
        }
    }
}

/// Writes `zhibiao: MESSAGE` to stderr. Never panics, unlike `eprintln!`
/// when stderr is a closed pipe.
fn report(message: fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "zhibiao: {message}");
}

/// Why an input could not be annotated; `Display` gives the lower-case
/// reason printed after the file name.
#[derive(Debug)]
enum ReadFailure {
    Io(io::Error),
    Directory,
    NotText(zhibiao::encoding::NotText),
    TooLarge,
}

impl fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ReadFailure::Io(err) => f.write_str(&io_reason(err)),
            ReadFailure::Directory => f.write_str("is a directory; name the files in it, e.g. DIR/*.txt"),
            ReadFailure::NotText(why) => write!(f, "{why}"),
            ReadFailure::TooLarge => write!(f, "larger than {} MiB; split it into reports", MAX_INPUT >> 20),
        }
    }
}

/// An I/O error as a lower-case reason: `No such file or directory (os
/// error 2)` becomes `no such file or directory`.
fn io_reason(err: &io::Error) -> String {
    let full = err.to_string();
    let reason = match full.find(" (os error ") {
        Some(at) => &full[..at],
        None => &full,
    };
    let mut chars = reason.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => format!("{:?}", err.kind()).to_lowercase(),
    }
}

fn read_text(input: &Input) -> Result<String, ReadFailure> {
    let bytes = match input {
        Input::Stdin => read_bytes(&mut io::stdin().lock())?,
        Input::Path(path) => {
            let mut file = File::open(path).map_err(ReadFailure::Io)?;
            // On Linux a directory opens fine and fails only on read, with
            // an error whose kind older toolchains cannot name.
            if file.metadata().map_err(ReadFailure::Io)?.is_dir() {
                return Err(ReadFailure::Directory);
            }
            read_bytes(&mut file)?
        }
    };
    decode(&bytes).map(|(text, _)| text).map_err(ReadFailure::NotText)
}

/// Reads all of `reader`, the first `BINARY_PROBE` bytes first: input with
/// a NUL byte there is refused before the rest is read, which for a device
/// such as /dev/zero never ends and for a huge binary file fills memory.
fn read_bytes(reader: &mut impl Read) -> Result<Vec<u8>, ReadFailure> {
    let mut bytes = Vec::new();
    reader.take(BINARY_PROBE as u64).read_to_end(&mut bytes).map_err(ReadFailure::Io)?;
    if bytes.contains(&0) && !bytes.starts_with(&[0xFF, 0xFE]) && !bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadFailure::NotText(zhibiao::encoding::NotText::Binary));
    }
    // A bounded read: an endless stream (`yes | zhibiao annotate`) ends with
    // a message instead of taking all memory.
    reader.take(MAX_INPUT + 1 - bytes.len() as u64).read_to_end(&mut bytes).map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(ReadFailure::TooLarge);
    }
    Ok(bytes)
}

/// The largest input read: far above any report (a national work report is
/// about 60 KB), and small enough that annotating it stays within memory.
const MAX_INPUT: u64 = 256 << 20;

/// How far into the input to look for a NUL byte before reading the rest:
/// the mark of a binary file (or of UTF-16 without a byte-order mark).
const BINARY_PROBE: usize = 8 * 1024;

/// Decodes `bytes` in the encoding `zhibiao::encoding::sniff` finds (the
/// page applies the same rules), strictly: a byte-order mark is dropped (as
/// `TextDecoder` does, so offsets match what a page reading the same file
/// sees), UTF-8 cut inside its last character ends in U+FFFD, anything
/// malformed is refused.
fn decode(bytes: &[u8]) -> Result<(String, Encoding), NotText> {
    let encoding = zhibiao::encoding::sniff(bytes)?;
    let strict = |e: &'static encoding_rs::Encoding, body: &[u8]| {
        e.decode_without_bom_handling_and_without_replacement(body).map(|t| t.into_owned()).ok_or(NotText::Malformed(encoding))
    };
    let text = match encoding {
        Encoding::Utf8 => {
            let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            match std::str::from_utf8(body) {
                Ok(text) => text.to_string(),
                // cut inside its last character (`head -c`): U+FFFD, as a
                // browser decodes it
                Err(err) => {
                    let mut text = std::str::from_utf8(&body[..err.valid_up_to()]).map_err(|_| NotText::Malformed(encoding))?.to_string();
                    text.push(char::REPLACEMENT_CHARACTER);
                    text
                }
            }
        }
        Encoding::Utf16Le => strict(encoding_rs::UTF_16LE, &bytes[2..])?,
        Encoding::Utf16Be => strict(encoding_rs::UTF_16BE, &bytes[2..])?,
        Encoding::Gb18030 => strict(encoding_rs::GB18030, bytes)?,
        Encoding::Big5 => strict(encoding_rs::BIG5, bytes)?,
    };
    // a byte-order mark written in the encoding itself (GB18030's)
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    Ok((text, encoding))
}

/// One input's result as written in a batch: its name, then the
/// annotation's own fields (so fields the library adds appear here too).
#[derive(Serialize)]
struct FileAnnotation<'a> {
    file: &'a str,
    #[serde(flatten)]
    annotation: &'a Annotation,
}

/// Writes the results of a run in one format, input after input.
struct Printer {
    format: Format,
    pretty: bool,
    /// Several inputs were named: JSON output is an array of `FileAnnotation`.
    batch: bool,
    printed: usize,
}

impl Printer {
    fn new(format: Format, pretty: bool, batch: bool) -> Printer {
        Printer { format, pretty, batch, printed: 0 }
    }

    fn begin(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            Format::Json if self.batch => out.write_all(b"["),
            Format::Csv => out.write_all(zhibiao::export::csv_header().as_bytes()),
            Format::Json | Format::Jsonl => Ok(()),
        }
    }

    fn print(&mut self, out: &mut impl Write, name: &str, text: &str, annotation: &Annotation) -> io::Result<()> {
        let entry = FileAnnotation { file: name, annotation };
        match self.format {
            Format::Json if self.batch => {
                if self.printed > 0 {
                    out.write_all(b",")?;
                }
                if self.pretty {
                    // Pretty JSON never has a raw newline inside a string, so
                    // indenting every line nests the object in the array.
                    let json = serde_json::to_string_pretty(&entry).map_err(io::Error::from)?;
                    out.write_all(b"\n  ")?;
                    out.write_all(json.replace('\n', "\n  ").as_bytes())?;
                } else {
                    serde_json::to_writer(&mut *out, &entry).map_err(io::Error::from)?;
                }
            }
            Format::Json => zhibiao::export::write_json(out, annotation, self.pretty)?,
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &entry).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
            Format::Csv => {
                for row in zhibiao::export::csv_rows(name, text, annotation) {
                    out.write_all(row.as_bytes())?;
                }
            }
        }
        self.printed += 1;
        Ok(())
    }

    fn end(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            Format::Json if self.batch => {
                if self.pretty && self.printed > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(b"]\n")
            }
            Format::Json | Format::Jsonl | Format::Csv => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    fn annotate_args(format: Format, pretty: bool, inputs: Vec<Input>) -> Result<Command, UsageError> {
        Ok(Command::Annotate(AnnotateArgs { format, pretty, inputs }))
    }

    fn path(name: &str) -> Input {
        Input::Path(name.into())
    }

    #[test]
    fn parses_good_command_lines() {
        use Format::*;
        let cases: &[(&str, Result<Command, UsageError>)] = &[
            ("--help", Ok(Command::Help(MAIN_HELP))),
            ("-h", Ok(Command::Help(MAIN_HELP))),
            ("help", Ok(Command::Help(MAIN_HELP))),
            ("help annotate", Ok(Command::Help(ANNOTATE_HELP))),
            ("--version", Ok(Command::Version)),
            ("-V", Ok(Command::Version)),
            ("annotate", annotate_args(Json, false, vec![Input::Stdin])),
            ("annotate -", annotate_args(Json, false, vec![Input::Stdin])),
            ("annotate a.txt", annotate_args(Json, false, vec![path("a.txt")])),
            ("annotate --pretty a.txt", annotate_args(Json, true, vec![path("a.txt")])),
            ("annotate a.txt --format jsonl b.txt", annotate_args(Jsonl, false, vec![path("a.txt"), path("b.txt")])),
            ("annotate --format=csv a.txt", annotate_args(Csv, false, vec![path("a.txt")])),
            ("annotate -f csv -f json a.txt", annotate_args(Json, false, vec![path("a.txt")])),
            ("annotate a.txt - b.txt", annotate_args(Json, false, vec![path("a.txt"), Input::Stdin, path("b.txt")])),
            ("annotate -- --pretty - ./-", annotate_args(Json, false, vec![path("--pretty"), Input::Stdin, path("./-")])),
            ("annotate a.txt --help --bogus", Ok(Command::Help(ANNOTATE_HELP))),
        ];
        for (line, want) in cases {
            assert_eq!(&parse_command(args(line)), want, "{line}");
        }
    }

    #[test]
    fn rejects_bad_command_lines() {
        let cases: &[(&str, &str)] = &[
            ("", "missing command; the command for reports is 'annotate'"),
            ("annotat a.txt", "unknown command 'annotat'"),
            ("--pretty", "unknown option '--pretty'"),
            ("help nothing", "no help for unknown command 'nothing'"),
            ("annotate --bogus", "unknown option '--bogus'"),
            ("compare a.txt", "missing file: compare needs OLD and NEW"),
            ("compare a.txt b.txt c.txt", "compare takes two files, OLD and NEW"),
            ("compare - -", "only one of OLD and NEW can be standard input"),
            ("compare -f jsonl a b", "unknown format 'jsonl'; use json or csv"),
            ("compare --pretty -f csv a b", "option '--pretty' works only with --format json"),
            ("annotate -x a.txt", "unknown option '-x'"),
            ("annotate --format", "option '--format' needs a value: json, jsonl or csv"),
            ("annotate -f", "option '-f' needs a value: json, jsonl or csv"),
            ("annotate --format xml", "unknown format 'xml'; use json, jsonl or csv"),
            ("annotate --format=", "unknown format ''; use json, jsonl or csv"),
            ("annotate --pretty=yes", "option '--pretty' takes no value"),
            ("annotate --pretty --format csv", "option '--pretty' works only with --format json"),
            ("annotate --format jsonl --pretty", "option '--pretty' works only with --format json"),
        ];
        for (line, want) in cases {
            match parse_command(args(line)) {
                Err(err) => assert_eq!(err.message, *want, "{line}"),
                Ok(command) => panic!("{line}: parsed as {command:?}"),
            }
        }
    }

    #[test]
    fn decodes_utf8_and_gb18030_and_refuses_the_rest() {
        let gb = |text: &str| encoding_rs::GB18030.encode(text).0.into_owned();
        let cases: &[(Vec<u8>, Option<&str>)] = &[
            (b"".to_vec(), Some("")),
            ("增长8.1%。".as_bytes().to_vec(), Some("增长8.1%。")),
            ("\u{feff}增长8.1%。".as_bytes().to_vec(), Some("增长8.1%。")),
            ("\u{feff}".as_bytes().to_vec(), Some("")),
            // Only a leading BOM is dropped.
            ("a\u{feff}b".as_bytes().to_vec(), Some("a\u{feff}b")),
            (gb("各位代表：增长8.1%。"), Some("各位代表：增长8.1%。")),
            (gb("\u{feff}𠀀年"), Some("𠀀年")),
            (vec![0xff, 0xfe, 0x00, 0x4e], Some("一")),
            (b"text\0with a nul".to_vec(), None),
            (vec![0xff], None),
            (vec![0x81, 0x20], None),
            ("增长".as_bytes()[..5].to_vec(), Some("增\u{fffd}")),
            (vec![0xe4, 0xb8, 0x80, 0xe4, 0xb8], Some("一\u{fffd}")),
            // Bad UTF-8 that is good GB18030 is read as GB18030.
            (gb("增长"), Some("增长")),
        ];
        for (bytes, want) in cases {
            assert_eq!(decode(bytes).ok().map(|d| d.0).as_deref(), *want, "{bytes:x?}");
        }
    }

    #[test]
    fn reads_utf16_and_big5_and_says_why_it_refuses() {
        let big5 = encoding_rs::BIG5.encode("各位代表：現在，我代表國務院，向大會報告政府工作，國內生產總值增長百分之八點一。").0.into_owned();
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("增长8.1%。".encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend("增长8.1%。".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&big5).unwrap(), ("各位代表：現在，我代表國務院，向大會報告政府工作，國內生產總值增長百分之八點一。".to_string(), Encoding::Big5));
        assert_eq!(decode(&utf16).unwrap(), ("增长8.1%。".to_string(), Encoding::Utf16Le));
        assert_eq!(decode(&utf16be).unwrap(), ("增长8.1%。".to_string(), Encoding::Utf16Be));
        // CESU-8: 𠀀 as two three-byte surrogates
        let cesu = [b'a', 0xED, 0xA1, 0x80, 0xED, 0xB0, 0x80];
        assert_eq!(decode(&cesu).unwrap_err(), NotText::Cesu8);
        assert!(matches!(decode(b"Caf\xe9 cr\xe8me").unwrap_err(), NotText::OtherScript(_)));
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8]).unwrap_err(), NotText::Malformed(Encoding::Utf16Le), "a lone surrogate");
        assert_eq!(decode(b"text\0with a nul").unwrap_err(), NotText::Binary);
    }

    #[test]
    fn a_nul_anywhere_is_no_text() {
        let mut bytes = vec![b'a'; BINARY_PROBE];
        bytes.push(0);
        assert_eq!(decode(&bytes).unwrap_err(), NotText::Binary);
    }

    #[test]
    fn io_reasons_are_lower_case_without_os_codes() {
        let cases: &[(io::Error, &str)] = &[
            (io::Error::from_raw_os_error(2), "no such file or directory"),
            (io::Error::from_raw_os_error(13), "permission denied"),
            (io::Error::other("Stream did not contain valid UTF-8"), "stream did not contain valid UTF-8"),
        ];
        for (err, want) in cases {
            assert_eq!(io_reason(err), *want);
        }
    }
}
