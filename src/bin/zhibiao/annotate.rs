//! `zhibiao annotate`: each input read, annotated and printed in turn as
//! SPEC.md's JSON, JSON lines or CSV; an input that cannot be read is
//! reported and skipped.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use serde::Serialize;
use zhibiao::export::English;
use zhibiao::Annotation;

use crate::args::{AnnotateArgs, Format};
use crate::input::read_text;
use crate::{finish, report};

/// Runs `zhibiao annotate`: every input in turn, each failure reported and
/// skipped, the output streamed as it is made.
pub fn annotate(args: &AnnotateArgs) -> ExitCode {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut printer = Printer::new(args.format, args.pretty, args.english, args.inputs.len() > 1);
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
    let written = run(&mut out);
    finish(written, if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// One input's result as written in a batch: its name, then the
/// annotation's own fields (so fields the library adds appear here too).
#[derive(Serialize)]
struct FileAnnotation<'a> {
    file: &'a str,
    #[serde(flatten)]
    annotation: Body<'a>,
}

/// An annotation as SPEC.md's JSON, or with `--english` with the English
/// of each indicator's metric and unit (`zhibiao::export::English`).
#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Plain(&'a Annotation),
    English(English<'a>),
}

/// Writes the results of a run in one format, input after input.
struct Printer {
    format: Format,
    pretty: bool,
    /// `--english`: the English of metrics and units too.
    english: bool,
    /// Several inputs were named: JSON output is an array of `FileAnnotation`.
    batch: bool,
    printed: usize,
}

impl Printer {
    fn new(format: Format, pretty: bool, english: bool, batch: bool) -> Printer {
        Printer { format, pretty, english, batch, printed: 0 }
    }

    fn body<'a>(&self, annotation: &'a Annotation) -> Body<'a> {
        if self.english {
            Body::English(English::new(annotation))
        } else {
            Body::Plain(annotation)
        }
    }

    fn begin(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            Format::Json if self.batch => out.write_all(b"["),
            Format::Csv => out.write_all(zhibiao::export::csv_header(self.english).as_bytes()),
            Format::Json | Format::Jsonl | Format::WebAnnotation => Ok(()),
        }
    }

    fn print(&mut self, out: &mut impl Write, name: &str, text: &str, annotation: &Annotation) -> io::Result<()> {
        let entry = FileAnnotation { file: name, annotation: self.body(annotation) };
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
            Format::Json => zhibiao::export::write_json(out, &entry.annotation, self.pretty)?,
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &entry).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
            Format::Csv => {
                for row in zhibiao::export::csv_rows(name, text, annotation, self.english) {
                    out.write_all(row.as_bytes())?;
                }
            }
            Format::WebAnnotation => {
                let source = (name != "-").then(|| file_url(name));
                out.write_all(zhibiao::export::web_annotations_json(text, annotation, source.as_deref(), self.pretty).as_bytes())?;
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
            Format::Json | Format::Jsonl | Format::Csv | Format::WebAnnotation => Ok(()),
        }
    }
}

/// The `file:` URL of a file named on the command line (made absolute),
/// as the Web Annotations' `source`: every byte but the unreserved ones
/// and `/` percent-encoded (RFC 3986), so 报告.txt stays one IRI.
fn file_url(name: &str) -> String {
    let path = std::path::absolute(name).unwrap_or_else(|_| name.into());
    let mut url = String::from("file://");
    let text = path.to_string_lossy();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}
