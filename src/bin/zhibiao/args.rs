//! The command line: clap's definitions of the commands and their options
//! (the help texts are in help.rs), and the checks clap does not make.
//! A bad command line is reported in zhibiao's own words, exit status 2:
//!
//! ```text
//! zhibiao: unknown option '--frob'
//! usage: zhibiao annotate [--format json|jsonl|csv] [--pretty] [FILE ...]
//! try 'zhibiao annotate --help' for more information
//! ```

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::help;
use crate::input::Input;

/// What the command line asks for, checked.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// A help or version text to print.
    Text(String),
    Annotate(AnnotateArgs),
    Compare(CompareArgs),
    Reflow(Input),
    Series(SeriesArgs),
}

#[derive(Debug, PartialEq)]
pub struct SeriesArgs {
    pub format: zhibiao::series::Format,
    pub joined: bool,
    /// `--english`: the metrics (and units) in English too.
    pub english: bool,
    /// Files and directories, at least one.
    pub inputs: Vec<Input>,
}

#[derive(Debug, PartialEq)]
pub struct AnnotateArgs {
    pub format: Format,
    pub pretty: bool,
    /// `--english`: each indicator's metric and unit in English too.
    pub english: bool,
    /// At least one: standard input when no file is named.
    pub inputs: Vec<Input>,
}

#[derive(Debug, PartialEq)]
pub struct CompareArgs {
    pub csv: bool,
    pub pretty: bool,
    /// `--english`: the CSV's metrics in English too.
    pub english: bool,
    pub old: Input,
    pub new: Input,
}

/// `annotate --format`.
#[derive(Debug, Clone, Copy, PartialEq, ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    /// W3C Web Annotations (JSON-LD), one collection per file.
    WebAnnotation,
}

/// `series --format`.
#[derive(Debug, Clone, Copy, PartialEq, ValueEnum)]
enum SeriesFormat {
    Csv,
    Jsonl,
    Json,
}

/// `compare --format`.
#[derive(Debug, Clone, Copy, PartialEq, ValueEnum)]
enum CompareFormat {
    Json,
    Csv,
}

/// A bad command line: what is wrong, and the command it was for (`None`:
/// `zhibiao` itself), whose usage line and `--help` the message shows.
#[derive(Debug, PartialEq)]
pub struct UsageError {
    pub message: String,
    pub command: Option<&'static str>,
}

impl UsageError {
    /// The usage line of the command, as the error shows it.
    pub fn usage(&self) -> &'static str {
        match self.command {
            Some("annotate") => ANNOTATE_USAGE,
            Some("compare") => COMPARE_USAGE,
            Some("reflow") => REFLOW_USAGE,
            Some("series") => SERIES_USAGE,
            _ => MAIN_USAGE,
        }
    }
}

/// The commands that have a help and a usage line of their own.
const COMMANDS: [&str; 4] = ["annotate", "compare", "reflow", "series"];

const MAIN_USAGE: &str = "zhibiao <COMMAND> [OPTIONS] [ARGS]";
const ANNOTATE_USAGE: &str = "zhibiao annotate [--format json|jsonl|csv|web-annotation] [--pretty] [--english] [FILE ...]";
const COMPARE_USAGE: &str = "zhibiao compare [--format json|csv] [--pretty] [--english] OLD NEW";
const REFLOW_USAGE: &str = "zhibiao reflow [FILE]";
const SERIES_USAGE: &str = "zhibiao series [--format csv|jsonl|json] [--joined] [--english] FILE|DIR ...";

// clap's definitions. Help comes from `help = "..."` and help.rs, never
// from doc comments (clap would print those). `-h, --help` and `-V,
// --version` are flags of their own for their lines of help.
// `args_override_self`: a later `--format` wins, and a second `--pretty` is
// no error.
#[derive(Parser)]
#[command(
    name = "zhibiao",
    version,
    override_usage = MAIN_USAGE,
    help_template = help::MAIN,
    subcommand_required = true,
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
struct Cli {
    #[command(subcommand)]
    command: CliCommand,
    #[command(flatten)]
    help: HelpFlag,
    #[arg(short = 'V', long, action = ArgAction::Version, help = "print the version")]
    version: Option<bool>,
}

#[derive(Args)]
struct HelpFlag {
    #[arg(short, long, action = ArgAction::Help, help = "print this help")]
    help: Option<bool>,
}

#[derive(Subcommand)]
enum CliCommand {
    #[command(
        about = "print the sections and indicators of report files as JSON or CSV",
        override_usage = ANNOTATE_USAGE,
        help_template = help::ANNOTATE,
        after_help = help::ANNOTATE_AFTER,
        disable_help_flag = true,
        args_override_self = true
    )]
    Annotate(AnnotateCli),
    #[command(
        about = "pair one report's targets with the next report's results",
        override_usage = COMPARE_USAGE,
        help_template = help::COMPARE,
        after_help = help::COMPARE_AFTER,
        disable_help_flag = true,
        args_override_self = true
    )]
    Compare(CompareCli),
    #[command(
        about = "print a report as annotate reads it (PDF and web copies undone)",
        override_usage = REFLOW_USAGE,
        help_template = help::REFLOW,
        after_help = help::REFLOW_AFTER,
        disable_help_flag = true,
        args_override_self = true
    )]
    Reflow(ReflowCli),
    #[command(
        about = "one table of the targets and results of many reports",
        override_usage = SERIES_USAGE,
        help_template = help::SERIES,
        after_help = help::SERIES_AFTER,
        disable_help_flag = true,
        args_override_self = true
    )]
    Series(SeriesCli),
    // Every word after `help` is taken as it is (`help -x` asks for help
    // on `-x`); only the first counts.
    #[command(about = "print this help, or a command's: zhibiao help annotate", disable_help_flag = true)]
    Help {
        #[arg(num_args = 0.., allow_hyphen_values = true, trailing_var_arg = true)]
        topic: Vec<OsString>,
    },
}

#[derive(Args)]
struct AnnotateCli {
    #[arg(value_name = "FILE", help = "a report file; '-' for standard input, as is no FILE at all;\nevery argument after '--' is a FILE, even '-x'")]
    files: Vec<OsString>,
    // allow_hyphen_values: the next argument is the value, whatever it is
    // (`--format --pretty` is an unknown format, not a missing one).
    #[arg(
        short,
        long,
        value_enum,
        default_value_t = Format::Json,
        hide_default_value = true,
        hide_possible_values = true,
        allow_hyphen_values = true,
        help = "output format: json (default), jsonl, csv or web-annotation;\n--format=FORMAT also works"
    )]
    format: Format,
    #[arg(long, help = "indent the JSON (--format json or web-annotation only)")]
    pretty: bool,
    #[arg(long, help = "add each metric and unit in English: metric_en, unit_en\n(--format json, jsonl or csv)")]
    english: bool,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Args)]
struct CompareCli {
    #[arg(required = true, help = "the report that sets the targets; '-' for standard input")]
    old: Option<OsString>,
    #[arg(required = true, help = "the report that gives the results; '-' for standard input")]
    new: Option<OsString>,
    // More files than two, for a clear message.
    #[arg(hide = true)]
    extra: Vec<OsString>,
    #[arg(short, long, value_enum, default_value_t = CompareFormat::Json, hide_default_value = true, hide_possible_values = true, allow_hyphen_values = true, help = "json (default) or csv")]
    format: CompareFormat,
    #[arg(long, help = "indent the JSON")]
    pretty: bool,
    #[arg(long, help = "add both metrics in English: target_metric_en, result_metric_en\n(--format csv only)")]
    english: bool,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Args)]
struct SeriesCli {
    #[arg(value_name = "FILE|DIR", help = "a report file, or a directory of .txt reports (all levels);\n'-' for standard input")]
    files: Vec<OsString>,
    #[arg(short, long, value_enum, default_value_t = SeriesFormat::Csv, hide_default_value = true, hide_possible_values = true, allow_hyphen_values = true, help = "csv (default), jsonl or json")]
    format: SeriesFormat,
    #[arg(long, help = "print the targets against the next reports' results")]
    joined: bool,
    #[arg(long, help = "add the metrics (and the unit) in English: metric_en, unit_en;\nwith --joined target_metric_en, result_metric_en")]
    english: bool,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Args)]
struct ReflowCli {
    #[arg(help = "a report file; '-' or none for standard input")]
    file: Option<OsString>,
    // More files than one, for a clear message.
    #[arg(hide = true)]
    extra: Vec<OsString>,
    // Undocumented: reflow once shared annotate's option parser, which
    // took `--format text` (text being reflow's only output).
    #[arg(short, long, hide = true, value_parser = ["text"], allow_hyphen_values = true)]
    format: Option<String>,
    #[command(flatten)]
    help: HelpFlag,
}

/// Reads the command line (without the program name).
pub fn parse(args: Vec<OsString>) -> Result<Command, UsageError> {
    let command = args.first().and_then(|first| COMMANDS.iter().copied().find(|name| first == *name));
    let error = |message: String| UsageError { message, command };
    let cli = match Cli::try_parse_from(std::iter::once(OsString::from("zhibiao")).chain(args.iter().cloned())) {
        Ok(cli) => cli,
        Err(err) if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => return Ok(Command::Text(err.to_string())),
        Err(err) => return Err(error(clap_message(&err, &args))),
    };
    match cli.command {
        CliCommand::Annotate(AnnotateCli { files, format, pretty, english, .. }) => {
            if pretty && !matches!(format, Format::Json | Format::WebAnnotation) {
                return Err(error("option '--pretty' works only with --format json or web-annotation".into()));
            }
            if english && format == Format::WebAnnotation {
                return Err(error("option '--english' works only with --format json, jsonl or csv".into()));
            }
            let mut inputs: Vec<Input> = files.into_iter().map(Input::from).collect();
            if inputs.is_empty() {
                inputs.push(Input::Stdin);
            }
            Ok(Command::Annotate(AnnotateArgs { format, pretty, english, inputs }))
        }
        CliCommand::Compare(CompareCli { old, new, extra, format, pretty, english, .. }) => {
            let csv = format == CompareFormat::Csv;
            let (Some(old), Some(new)) = (old.map(Input::from), new.map(Input::from)) else { unreachable!("clap requires OLD and NEW") };
            if !extra.is_empty() {
                Err(error("compare takes two files, OLD and NEW".into()))
            } else if pretty && csv {
                Err(error("option '--pretty' works only with --format json".into()))
            } else if english && !csv {
                Err(error("option '--english' works only with --format csv".into()))
            } else if old == Input::Stdin && new == Input::Stdin {
                Err(error("only one of OLD and NEW can be standard input".into()))
            } else {
                Ok(Command::Compare(CompareArgs { csv, pretty, english, old, new }))
            }
        }
        CliCommand::Reflow(ReflowCli { file, extra, .. }) => match extra.is_empty() {
            true => Ok(Command::Reflow(file.map_or(Input::Stdin, Input::from))),
            false => Err(error("reflow takes one file".into())),
        },
        CliCommand::Series(SeriesCli { files, format, joined, english, .. }) => {
            let inputs: Vec<Input> = files.into_iter().map(Input::from).collect();
            let format = match format {
                SeriesFormat::Csv => zhibiao::series::Format::Csv,
                SeriesFormat::Jsonl => zhibiao::series::Format::Jsonl,
                SeriesFormat::Json => zhibiao::series::Format::Json,
            };
            if inputs.is_empty() {
                Err(error("missing FILE or DIR: series reads the reports named".into()))
            } else if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
                Err(error("standard input can be read once".into()))
            } else {
                Ok(Command::Series(SeriesArgs { format, joined, english, inputs }))
            }
        }
        CliCommand::Help { topic } => help_text(topic.first()).map(Command::Text).map_err(error),
    }
}

/// `zhibiao help [COMMAND]`: the text `--help` prints.
fn help_text(topic: Option<&OsString>) -> Result<String, String> {
    let mut args = vec![OsString::from("zhibiao")];
    match topic.map(|t| t.to_string_lossy()) {
        None => {}
        Some(name) if COMMANDS.contains(&name.as_ref()) => args.push(name.as_ref().into()),
        Some(name) => return Err(format!("no help for unknown command '{name}'")),
    }
    args.push("--help".into());
    match Cli::try_parse_from(args) {
        Err(err) if err.kind() == ErrorKind::DisplayHelp => Ok(err.to_string()),
        _ => unreachable!("--help prints the help"),
    }
}

/// A clap error in zhibiao's words (those of the hand-written parser
/// before clap). `args`: the command line, without the program name.
fn clap_message(err: &clap::Error, args: &[OsString]) -> String {
    let context = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.as_str(),
        _ => "",
    };
    match err.kind() {
        // (clap's derive asks for the help when the command line is empty)
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "missing command; the command for reports is 'annotate'".into(),
        ErrorKind::InvalidSubcommand => format!("unknown command '{}'", context(ContextKind::InvalidSubcommand)),
        ErrorKind::UnknownArgument => {
            // clap names the first unknown letter of a cluster (`-p` of
            // `-pretty`); the whole word is clearer.
            let option = context(ContextKind::InvalidArg);
            let word = match option.len() {
                2 => args.iter().filter_map(|a| a.to_str()).find(|a| a.starts_with(option) && !a.starts_with("--")),
                _ => None,
            };
            format!("unknown option '{}'", word.unwrap_or(option))
        }
        ErrorKind::TooManyValues => format!("option '{}' takes no value", context(ContextKind::InvalidArg)),
        // Only compare's OLD and NEW are required.
        ErrorKind::MissingRequiredArgument => "missing file: compare needs OLD and NEW".into(),
        ErrorKind::InvalidValue => {
            let choices = match err.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(names)) => match names.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                    None => String::new(),
                },
                _ => String::new(),
            };
            // clap reports a missing value as an empty one. An option can
            // lack its value only at the end: it takes the next argument,
            // whatever that is.
            let value = context(ContextKind::InvalidValue);
            match args.last().and_then(|a| a.to_str()) {
                Some(option @ ("-f" | "--format")) if value.is_empty() => format!("option '{option}' needs a value: {choices}"),
                _ => format!("unknown format '{value}'; use {choices}"),
            }
        }
        // Not reached by any command line we know of: clap's own words.
        _ => {
            let text = err.to_string();
            let first = text.lines().next().unwrap_or_default();
            first.strip_prefix("error: ").unwrap_or(first).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse_line(line: &str) -> Result<Command, UsageError> {
        parse(line.split_whitespace().map(OsString::from).collect())
    }

    fn help(line: &str) -> String {
        match parse_line(line) {
            Ok(Command::Text(text)) => text,
            other => panic!("{line}: {other:?}"),
        }
    }

    fn path(name: &str) -> Input {
        Input::Path(name.into())
    }

    #[test]
    fn clap_accepts_the_definitions() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_good_command_lines() {
        use Format::*;
        let annotate = |format, pretty, inputs| Ok(Command::Annotate(AnnotateArgs { format, pretty, english: false, inputs }));
        let cases: &[(&str, Result<Command, UsageError>)] = &[
            ("--version", Ok(Command::Text(format!("zhibiao {}\n", env!("CARGO_PKG_VERSION"))))),
            ("-V", Ok(Command::Text(format!("zhibiao {}\n", env!("CARGO_PKG_VERSION"))))),
            ("annotate", annotate(Json, false, vec![Input::Stdin])),
            ("annotate -", annotate(Json, false, vec![Input::Stdin])),
            ("annotate a.txt", annotate(Json, false, vec![path("a.txt")])),
            ("annotate --pretty a.txt", annotate(Json, true, vec![path("a.txt")])),
            ("annotate a.txt --format jsonl b.txt", annotate(Jsonl, false, vec![path("a.txt"), path("b.txt")])),
            ("annotate --format=csv a.txt", annotate(Csv, false, vec![path("a.txt")])),
            ("annotate -f csv -f json a.txt", annotate(Json, false, vec![path("a.txt")])),
            ("annotate --pretty --pretty a.txt", annotate(Json, true, vec![path("a.txt")])),
            ("annotate a.txt - b.txt", annotate(Json, false, vec![path("a.txt"), Input::Stdin, path("b.txt")])),
            ("annotate -- --pretty - ./-", annotate(Json, false, vec![path("--pretty"), Input::Stdin, path("./-")])),
            ("annotate --english -f csv a", Ok(Command::Annotate(AnnotateArgs { format: Csv, pretty: false, english: true, inputs: vec![path("a")] }))),
            ("compare a b", Ok(Command::Compare(CompareArgs { csv: false, pretty: false, english: false, old: path("a"), new: path("b") }))),
            ("compare -f csv - b", Ok(Command::Compare(CompareArgs { csv: true, pretty: false, english: false, old: Input::Stdin, new: path("b") }))),
            ("compare --english -f csv a b", Ok(Command::Compare(CompareArgs { csv: true, pretty: false, english: true, old: path("a"), new: path("b") }))),
            ("reflow", Ok(Command::Reflow(Input::Stdin))),
            ("reflow -f text a", Ok(Command::Reflow(path("a")))),
        ];
        for (line, want) in cases {
            assert_eq!(&parse_line(line), want, "{line}");
        }
    }

    #[test]
    fn help_is_the_same_however_asked_for() {
        let main = help("--help");
        assert!(main.starts_with("zhibiao (指标)") && main.contains("\nusage: zhibiao <COMMAND>"), "{main}");
        assert_eq!(help("-h"), main);
        assert_eq!(help("help"), main);
        for command in COMMANDS {
            let text = help(&format!("{command} --help"));
            assert!(text.starts_with(&format!("zhibiao {command}: ")), "{text}");
            assert!(text.contains(&format!("\nusage: zhibiao {command} ")), "{text}");
            assert!(text.ends_with(".\n") || text.ends_with(".csv\n"), "{text}");
            assert_eq!(help(&format!("{command} -h")), text);
            assert_eq!(help(&format!("help {command}")), text);
        }
        assert_eq!(help("annotate a.txt --help --bogus"), help("annotate --help"));
    }

    #[test]
    fn rejects_bad_command_lines() {
        let cases: &[(&str, &str)] = &[
            ("", "missing command; the command for reports is 'annotate'"),
            ("annotat a.txt", "unknown command 'annotat'"),
            ("--pretty", "unknown option '--pretty'"),
            ("help nothing", "no help for unknown command 'nothing'"),
            ("annotate --bogus", "unknown option '--bogus'"),
            ("annotate --bogus=1", "unknown option '--bogus'"),
            ("annotate -pretty", "unknown option '-pretty'"),
            ("compare a.txt", "missing file: compare needs OLD and NEW"),
            ("compare a.txt b.txt c.txt", "compare takes two files, OLD and NEW"),
            ("compare - -", "only one of OLD and NEW can be standard input"),
            ("compare -f jsonl a b", "unknown format 'jsonl'; use json or csv"),
            ("compare --pretty -f csv a b", "option '--pretty' works only with --format json"),
            ("annotate -x a.txt", "unknown option '-x'"),
            ("annotate --format", "option '--format' needs a value: json, jsonl, csv or web-annotation"),
            ("annotate -f", "option '-f' needs a value: json, jsonl, csv or web-annotation"),
            ("annotate --format xml", "unknown format 'xml'; use json, jsonl, csv or web-annotation"),
            ("annotate --format --pretty", "unknown format '--pretty'; use json, jsonl, csv or web-annotation"),
            ("annotate --format=", "unknown format ''; use json, jsonl, csv or web-annotation"),
            ("annotate --pretty=yes", "option '--pretty' takes no value"),
            ("annotate --pretty --format csv", "option '--pretty' works only with --format json or web-annotation"),
            ("annotate --format jsonl --pretty", "option '--pretty' works only with --format json or web-annotation"),
            ("reflow a b", "reflow takes one file"),
            ("reflow --pretty", "unknown option '--pretty'"),
        ];
        for (line, want) in cases {
            match parse_line(line) {
                Err(err) => assert_eq!(err.message, *want, "{line}"),
                Ok(command) => panic!("{line}: parsed as {command:?}"),
            }
        }
    }
}
