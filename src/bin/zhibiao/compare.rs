//! `zhibiao compare OLD NEW`: both reports read and annotated, OLD's targets
//! paired with NEW's results (`zhibiao::compare`), printed as JSON or CSV.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use crate::args::CompareArgs;
use crate::input::read_text;
use crate::{finish, report};

/// Runs `zhibiao compare`. A file that cannot be read ends the run (exit 2).
pub fn compare(args: &CompareArgs) -> ExitCode {
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
        out.write_all(zhibiao::export::comparison_csv(&comparison, args.english).as_bytes())
    } else {
        let json = if args.pretty { serde_json::to_writer_pretty(&mut out, &comparison) } else { serde_json::to_writer(&mut out, &comparison) };
        json.map_err(io::Error::from).and_then(|()| out.write_all(b"\n"))
    };
    finish(written.and_then(|()| out.flush()), ExitCode::SUCCESS)
}
