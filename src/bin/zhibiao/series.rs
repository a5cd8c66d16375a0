//! `zhibiao series`: many reports at once. The work is the library's
//! (`zhibiao::series`); this module reads the files (as `annotate` does:
//! every file that cannot be read is reported and skipped), walks the
//! directories named, and shows the progress of a long run on a terminal.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use zhibiao::series::{Series, TableWriter};

use crate::args::SeriesArgs;
use crate::input::{io_reason, read_text, Input};
use crate::{finish, report};

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

/// Runs `zhibiao series`: exit status 2 when a file could not be read.
pub fn series(args: &SeriesArgs) -> ExitCode {
    let mut failed = false;
    let written = write_series(args, &mut failed);
    finish(written, if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// Reads the files one at a time and writes the table as it is made;
/// `failed` is set for a file that cannot be read.
fn write_series(args: &SeriesArgs, failed: &mut bool) -> io::Result<()> {
    let files = expand(&args.inputs, failed);
    let mut progress = Progress::new(files.len());
    let mut run = Series::new(args.joined);
    let mut out = TableWriter::new(BufWriter::new(io::stdout().lock()), args.format, args.joined).english(args.english);
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
