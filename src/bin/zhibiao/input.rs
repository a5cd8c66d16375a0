//! Reading an input: a file or standard input, read with bounds (a binary
//! file or an endless stream is refused early) and decoded from UTF-8,
//! UTF-16, GB18030 or Big5 by the rules the web page applies.

use std::borrow::Cow;
use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;

use zhibiao::encoding::{Encoding, NotText};

/// What a command reads: standard input or a file named on the command line.
#[derive(Debug, PartialEq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// The name written in the output: the argument as given, `-` for stdin.
    pub fn name(&self) -> Cow<'_, str> {
        match self {
            Input::Stdin => Cow::Borrowed("-"),
            Input::Path(path) => path.to_string_lossy(),
        }
    }

    /// The name used in error messages.
    pub fn label(&self) -> Cow<'_, str> {
        match self {
            Input::Stdin => Cow::Borrowed("standard input"),
            Input::Path(path) => path.to_string_lossy(),
        }
    }
}

impl From<OsString> for Input {
    /// A file named on the command line: `-` is standard input (also after
    /// `--`, as for cat); `./-` names a file.
    fn from(arg: OsString) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(arg.into())
        }
    }
}

/// Why an input could not be annotated; `Display` gives the lower-case
/// reason printed after the file name.
#[derive(Debug)]
pub enum ReadFailure {
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
pub fn io_reason(err: &io::Error) -> String {
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

pub fn read_text(input: &Input) -> Result<String, ReadFailure> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
