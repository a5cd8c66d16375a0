//! The `zhibiao` command: annotates report files and prints SPEC.md's JSON,
//! JSON lines or CSV (`annotate`), pairs one report's targets with the next
//! one's results (`compare OLD NEW`), or prints a text as the rules read it
//! (`reflow`), or tabulates many reports' targets and results (`series`).
//! A thin layer over the library:
//!
//! * args.rs: the command line (clap), checked, and its errors;
//!   help.rs: the help texts;
//! * input.rs: reading and decoding a file or standard input;
//! * annotate.rs, compare.rs, reflow.rs, series.rs: one command each.
//!
//! Exit status 0, or 2 for a bad command line, an input that could not be
//! read or decoded, or output that could not be written. A closed pipe
//! (`zhibiao annotate r.txt | head`) ends a run quietly.

mod annotate;
mod args;
mod compare;
mod help;
mod input;
mod reflow;
mod series;

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use args::Command;
use input::io_reason;

fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1).collect()) {
        Ok(command) => command,
        Err(err) => {
            let help = match err.command {
                Some(name) => format!("zhibiao {name}"),
                None => "zhibiao".into(),
            };
            report(format_args!("{}\nusage: {}\ntry '{help} --help' for more information", err.message, err.usage()));
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Text(text) => print_text(&text),
        Command::Annotate(args) => annotate::annotate(&args),
        Command::Compare(args) => compare::compare(&args),
        Command::Reflow(input) => reflow::reflow(&input),
        Command::Series(args) => series::series(&args),
    }
}

/// Prints a help or version text.
fn print_text(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    finish(written, ExitCode::SUCCESS)
}

/// The exit status of a run that wrote its output: `status` when it was
/// written, also when the reader of the output stopped early (a closed pipe,
/// as after `head`); 2, with a message, when it could not be.
fn finish(written: io::Result<()>, status: ExitCode) -> ExitCode {
    match written {
        Ok(()) => status,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => status,
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
