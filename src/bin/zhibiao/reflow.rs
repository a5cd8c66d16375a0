//! `zhibiao reflow [FILE]`: the text as `annotate` reads it
//! (`zhibiao::reflow`: PDF and web-page copies undone).

use std::io::{self, Write};
use std::process::ExitCode;

use crate::input::{io_reason, read_text, Input};
use crate::report;

pub fn reflow(input: &Input) -> ExitCode {
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
        // "output: …", not `finish`'s "cannot write the output: …", as
        // since the command was added.
        Err(err) => {
            report(format_args!("output: {}", io_reason(&err)));
            ExitCode::from(2)
        }
    }
}
