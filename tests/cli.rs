//! Runs the built `zhibiao` binary: output formats, input encodings, errors,
//! help and closed pipes. JSON output is checked by decoding it into the
//! library's own types, CSV with a small RFC 4180 reader below.

use std::ffi::OsString;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;
use zhibiao::Annotation;

const BIN: &str = env!("CARGO_BIN_EXE_zhibiao");

/// Gives a section "回顾" and an indicator 8.1 once the core annotates.
const SIMPLE: &str = "一、回顾\n全市地区生产总值增长8.1%。\n";

/// The same as `SIMPLE` with an ASCII comma and quotes in the sentence, so
/// its CSV context must be quoted.
const QUOTED: &str = "一、回顾\n全市\"地区生产总值\"增长8.1%, 好于预期。\n";

const GZ_2017: &str = "gz-2017-government-work-report.txt";
const GZ_2016: &str = "gz-2016-party-plenary-report.txt";

/// One input's entry in batch JSON and JSON lines output.
#[derive(Debug, Deserialize)]
struct FileEntry {
    file: String,
    #[serde(flatten)]
    annotation: Annotation,
}

#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    run_with_stdin(args, b"")
}

fn run_with_stdin<A: AsRef<std::ffi::OsStr>>(args: &[A], stdin: &[u8]) -> Run {
    let mut child = Command::new(BIN).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run zhibiao");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // A thread, so a large input cannot block against a full stdout pipe;
    // an error means zhibiao did not read stdin, which some cases expect.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait for zhibiao");
    writer.join().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name).to_str().unwrap().to_owned()
}

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

fn decode_annotation(json: &str) -> Annotation {
    serde_json::from_str(json).unwrap_or_else(|err| panic!("not an Annotation ({err}): {json}"))
}

/// What holds for any annotation of `text`, whatever the core finds: ids
/// are indices, links point backwards or to real sections, and every span
/// slices the text at UTF-16 offsets to what the fields say.
fn check_consistent(text: &str, annotation: &Annotation) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |start: usize, end: usize| {
        assert!(start < end && end <= utf16.len(), "span {start}..{end} in a text of {} units", utf16.len());
        String::from_utf16(&utf16[start..end]).expect("span cuts a surrogate pair")
    };
    for (i, section) in annotation.sections.iter().enumerate() {
        assert_eq!(section.id, i);
        assert!(slice(section.start, section.end).contains(section.title.as_str()), "{section:?}");
        if let Some(parent) = section.parent {
            assert!(parent < i, "{section:?}");
            assert!(annotation.sections[parent].level < section.level, "{section:?}");
        }
    }
    for (i, indicator) in annotation.indicators.iter().enumerate() {
        assert_eq!(indicator.id, i);
        assert_eq!(slice(indicator.start, indicator.end), indicator.value_text, "{indicator:?}");
        if let (Some(start), Some(end), Some(metric)) = (indicator.metric_start, indicator.metric_end, indicator.metric.as_ref()) {
            assert_eq!(&slice(start, end), metric, "{indicator:?}");
        }
        if let Some(section) = indicator.section {
            assert!(section < annotation.sections.len(), "{indicator:?}");
        }
    }
}

// --- JSON -----------------------------------------------------------------

#[test]
fn one_file_gives_an_annotation_object() {
    for name in [GZ_2017, GZ_2016] {
        let out = run(&["annotate", &data(name)]);
        assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""), "{name}");
        assert_eq!(out.stdout.lines().count(), 1, "{name}: compact JSON is one line");
        let annotation = decode_annotation(&out.stdout);
        check_consistent(&fs::read_to_string(data(name)).unwrap(), &annotation);
    }
}

#[test]
fn stdin_gives_the_same_as_the_file() {
    let text = fs::read(data(GZ_2017)).unwrap();
    let from_file = run(&["annotate", &data(GZ_2017)]);
    for args in [&["annotate"][..], &["annotate", "-"]] {
        let from_stdin = run_with_stdin(args, &text);
        assert_eq!(from_stdin.code, Some(0), "{args:?}: {}", from_stdin.stderr);
        assert_eq!(from_stdin.stdout, from_file.stdout, "{args:?}");
    }
}

#[test]
fn simple_text_yields_its_section_and_indicator() {
    // Needs the core: fails while `annotate` returns an empty result.
    let out = run_with_stdin(&["annotate"], SIMPLE.as_bytes());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let annotation = decode_annotation(&out.stdout);
    check_consistent(SIMPLE, &annotation);
    let titles: Vec<&str> = annotation.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["回顾"]);
    let values: Vec<(Option<f64>, &str)> = annotation.indicators.iter().map(|i| (i.value, i.value_text.as_str())).collect();
    assert_eq!(values, [(Some(8.1), "8.1%")]);
}

#[test]
fn offsets_count_utf16_units_of_the_input_as_given() {
    // CRLF line ends and characters outside the BMP shift UTF-16 offsets
    // away from byte and code point offsets; check_consistent slices by
    // UTF-16. A BOM is dropped before counting.
    let dir = scratch("offsets");
    let texts = [SIMPLE.to_owned(), SIMPLE.replace('\n', "\r\n"), format!("𠀀𠀁😀\n{SIMPLE}"), format!("  　\n\n{}", SIMPLE.replace("全市", "全市𠀀"))];
    for (i, text) in texts.iter().enumerate() {
        let path = write_file(&dir, &format!("{i}.txt"), text.as_bytes());
        let out = run(&["annotate", &path]);
        assert_eq!(out.code, Some(0), "{text:?}: {}", out.stderr);
        check_consistent(text, &decode_annotation(&out.stdout));
        let with_bom = write_file(&dir, &format!("{i}-bom.txt"), format!("\u{feff}{text}").as_bytes());
        assert_eq!(run(&["annotate", &with_bom]).stdout, out.stdout, "{text:?} with a BOM");
    }
}

#[test]
fn pretty_json_decodes_to_the_same_values() {
    let one = [data(GZ_2017)];
    let two = [data(GZ_2017), data(GZ_2016)];
    let cases: [(&[String], bool); 2] = [(&one, false), (&two, true)];
    for (files, batch) in cases {
        let args = |pretty: bool| {
            let mut args = vec!["annotate".to_owned()];
            if pretty {
                args.push("--pretty".into());
            }
            args.extend(files.iter().cloned());
            args
        };
        let compact = run_with_stdin(&args(false), b"");
        let pretty = run_with_stdin(&args(true), b"");
        assert_eq!((pretty.code, pretty.stderr.as_str()), (Some(0), ""));
        assert!(pretty.stdout.lines().count() > 3, "not indented: {}", pretty.stdout);
        assert!(pretty.stdout.contains("\n  "), "not indented: {}", pretty.stdout);
        let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(value(&pretty.stdout), value(&compact.stdout), "batch {batch}");
        assert_eq!(value(&pretty.stdout).is_array(), batch);
    }
}

#[test]
fn several_files_give_an_array_of_file_entries() {
    let files = [data(GZ_2017), data(GZ_2016), "-".to_owned()];
    let mut args = vec!["annotate".to_owned()];
    args.extend(files.iter().cloned());
    let out = run_with_stdin(&args, SIMPLE.as_bytes());
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    let entries: Vec<FileEntry> = serde_json::from_str(&out.stdout).unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(names, files.iter().map(String::as_str).collect::<Vec<_>>());
    for entry in &entries[..2] {
        let single = decode_annotation(&run(&["annotate", &entry.file]).stdout);
        assert_eq!(entry.annotation, single, "{}", entry.file);
    }
    check_consistent(SIMPLE, &entries[2].annotation);
}

#[test]
fn json_shape_follows_the_files_named_not_the_files_read() {
    let dir = scratch("shape");
    let missing = dir.join("missing.txt").to_str().unwrap().to_owned();
    let good = data(GZ_2016);
    let cases: &[(&[&str], &str)] = &[
        (&[&good], "object"),
        (&[&good, &good], "array of 2"),
        (&[&missing, &good], "array of 1"),
        (&[&missing, &missing], "array of 0"),
        (&[&missing], "nothing"),
    ];
    for (files, want) in cases {
        let mut args = vec!["annotate"];
        args.extend_from_slice(files);
        let out = run(&args);
        let got = match serde_json::from_str::<serde_json::Value>(&out.stdout) {
            Ok(serde_json::Value::Array(items)) => format!("array of {}", items.len()),
            Ok(serde_json::Value::Object(_)) => "object".to_owned(),
            Ok(other) => format!("{other}"),
            Err(_) if out.stdout.is_empty() => "nothing".to_owned(),
            Err(err) => format!("bad JSON ({err}): {}", out.stdout),
        };
        assert_eq!(got, *want, "{files:?}");
        assert_eq!(out.code, Some(if files.contains(&missing.as_str()) { 2 } else { 0 }), "{files:?}");
    }
}

#[test]
fn jsonl_gives_one_line_per_file() {
    let files = [data(GZ_2017), "-".to_owned(), data(GZ_2016)];
    let mut args = vec!["annotate".to_owned(), "--format".into(), "jsonl".into()];
    args.extend(files.iter().cloned());
    let out = run_with_stdin(&args, SIMPLE.as_bytes());
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert!(out.stdout.ends_with('\n'));
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), files.len(), "{}", out.stdout);
    for (line, file) in lines.iter().zip(&files) {
        let entry: FileEntry = serde_json::from_str(line).unwrap();
        assert_eq!(&entry.file, file);
        let text = if file == "-" { SIMPLE.to_owned() } else { fs::read_to_string(file).unwrap() };
        check_consistent(&text, &entry.annotation);
    }
    // One file is still a line with its name, so batches of one look alike.
    let single = run(&["annotate", "-f", "jsonl", &data(GZ_2016)]);
    let entry: FileEntry = serde_json::from_str(single.stdout.trim_end()).unwrap();
    assert_eq!(entry.file, data(GZ_2016));
}

// --- CSV ------------------------------------------------------------------

const CSV_HEADER: [&str; 18] = [
    "file",
    "id",
    "start",
    "end",
    "value_text",
    "value",
    "value_max",
    "unit",
    "kind",
    "direction",
    "comparator",
    "status",
    "horizon",
    "metric",
    "year",
    "section",
    "section_path",
    "context",
];

/// Reads RFC 4180 CSV with CRLF record ends, strictly: a stray quote or a
/// missing final CRLF fails the test.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(matches!(chars.peek(), Some(',' | '\r')), "text after a closing quote in {text:?}");
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '"' => panic!("quote inside an unquoted field in {text:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF in {text:?}");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => panic!("LF without CR in {text:?}"),
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    assert!(!quoted && record.is_empty() && field.is_empty(), "unterminated record in {text:?}");
    records
}

#[test]
fn csv_reader_reads_what_rfc_4180_writes() {
    let cases: &[(&str, &[&[&str]])] =
        &[("a,b\r\n", &[&["a", "b"]]), ("\"a,b\",\"c\"\"d\"\r\n,\r\n", &[&["a,b", "c\"d"], &["", ""]]), ("\"x\r\ny\"\r\n", &[&["x\r\ny"]])];
    for (text, want) in cases {
        assert_eq!(read_csv(text), *want, "{text:?}");
    }
}

#[test]
fn csv_has_a_header_and_one_row_per_indicator() {
    let files = [data(GZ_2017), data(GZ_2016)];
    let out = run(&["annotate", "--format", "csv", &files[0], &files[1]]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    let records = read_csv(&out.stdout);
    assert_eq!(records[0], CSV_HEADER);
    let mut rows = records[1..].iter();
    for file in &files {
        let annotation = decode_annotation(&run(&["annotate", file]).stdout);
        for indicator in &annotation.indicators {
            let row = rows.next().unwrap_or_else(|| panic!("{file}: no row for {indicator:?}"));
            assert_eq!(row.len(), CSV_HEADER.len(), "{row:?}");
            let field = |name: &str| row[CSV_HEADER.iter().position(|h| *h == name).unwrap()].as_str();
            let number = |value: Option<f64>| match value {
                None => String::new(),
                Some(value) => format!("{value}"),
            };
            assert_eq!(field("file"), file);
            assert_eq!(field("id"), indicator.id.to_string());
            assert_eq!(field("start"), indicator.start.to_string());
            assert_eq!(field("end"), indicator.end.to_string());
            assert_eq!(field("value_text"), indicator.value_text);
            assert_eq!(field("value"), number(indicator.value));
            assert_eq!(field("value_max"), number(indicator.value_max));
            assert!(!field("value").contains(['e', 'E']), "exponent in {row:?}");
            assert_eq!(field("unit"), indicator.unit.as_deref().unwrap_or(""));
            assert_eq!(field("kind"), indicator.kind.as_str());
            assert_eq!(field("direction"), indicator.direction.map_or("", |d| d.as_str()));
            assert_eq!(field("comparator"), indicator.comparator.as_str());
            assert_eq!(field("status"), indicator.status.as_str());
            assert_eq!(field("horizon"), indicator.horizon.as_str());
            assert_eq!(field("metric"), indicator.metric.as_deref().unwrap_or(""));
            assert_eq!(field("year"), indicator.year.map_or(String::new(), |y| y.to_string()));
            assert_eq!(field("section"), indicator.section.map_or(String::new(), |s| s.to_string()));
            if let Some(section) = indicator.section {
                let title = &annotation.sections[section].title;
                assert!(field("section_path").ends_with(title.as_str()), "{row:?}");
            }
            assert!(field("context").contains(indicator.value_text.as_str()), "{row:?}");
            assert!(!field("context").contains(['\n', '\r']), "{row:?}");
        }
    }
    assert_eq!(rows.next(), None, "more rows than indicators");
}

#[test]
fn csv_quotes_commas_and_quotes() {
    // Needs the core for a row to quote: fails while `annotate` returns an
    // empty result. Quoting itself is also unit-tested in src/export/tests.rs.
    let dir = scratch("csv-quotes");
    let path = write_file(&dir, "a,\"b\".txt", QUOTED.as_bytes());
    let out = run(&["annotate", "--format=csv", &path]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let records = read_csv(&out.stdout);
    assert_eq!(records[0], CSV_HEADER);
    let row = records.iter().find(|r| r[4] == "8.1%").unwrap_or_else(|| panic!("no 8.1% row in {}", out.stdout));
    assert_eq!(row[0], path);
    assert_eq!((row[5].as_str(), row[7].as_str(), row[8].as_str()), ("8.1", "%", "change"));
    assert_eq!(row[12], "year");
    assert_eq!(row[16], "回顾");
    assert_eq!(row[17], "全市\"地区生产总值\"增长8.1%, 好于预期。");
    assert!(out.stdout.contains("\"全市\"\"地区生产总值\"\"增长8.1%, 好于预期。\"\r\n"));
}

// --- Input encodings and failures -------------------------------------------

#[test]
fn gb18030_and_bom_inputs_give_the_same_result_as_utf8() {
    let dir = scratch("encodings");
    let text = fs::read_to_string(data(GZ_2016)).unwrap();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gb).is_err(), "the GB18030 file must not pass as UTF-8");
    let utf8 = run(&["annotate", &data(GZ_2016)]);
    let cases = [
        ("gb18030.txt", gb.into_owned()),
        ("bom.txt", format!("\u{feff}{text}").into_bytes()),
        ("gb18030-simple.txt", encoding_rs::GB18030.encode(SIMPLE).0.into_owned()),
    ];
    for (name, bytes) in cases {
        let path = write_file(&dir, name, &bytes);
        let out = run(&["annotate", &path]);
        assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""), "{name}");
        let want = if name.contains("simple") { run_with_stdin(&["annotate"], SIMPLE.as_bytes()).stdout } else { utf8.stdout.clone() };
        assert_eq!(out.stdout, want, "{name}");
    }
}

#[test]
fn undecodable_inputs_are_reported_and_skipped() {
    let dir = scratch("undecodable");
    const BINARY: &str = "not text: it has NUL bytes (a binary file, or UTF-16 without a byte-order mark)";
    let cases: &[(&str, Vec<u8>, &str)] = &[
        (
            "invalid.txt",
            vec![b'a', 0xff, 0xff, b'b'],
            "not Chinese text: it looks like a single-byte encoding such as windows-1252; zhibiao reads UTF-8, UTF-16, GB18030 (GBK) and Big5",
        ),
        (
            "latin1.txt",
            b"Caf\xe9 cr\xe8me br\xfbl\xe9e".to_vec(),
            "not Chinese text: it looks like neither UTF-8, GB18030 nor Big5; zhibiao reads UTF-8, UTF-16, GB18030 (GBK) and Big5",
        ),
        (
            "cesu8.txt",
            [SIMPLE.as_bytes(), &[0xED, 0xA1, 0x80, 0xED, 0xB0, 0x80]].concat(),
            "not UTF-8: characters outside the BMP are written as surrogate pairs (CESU-8); save it as UTF-8",
        ),
        ("nul.txt", [SIMPLE.as_bytes(), b"\0"].concat(), BINARY),
        ("late-nul.txt", [SIMPLE.repeat(2000).as_bytes(), b"\0"].concat(), BINARY),
        ("utf16-no-bom.txt", SIMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect(), BINARY),
        ("binary.bin", (0..=255u8).cycle().take(4096).collect(), BINARY),
    ];
    let good = data(GZ_2016);
    for (name, bytes, why) in cases {
        let bad = write_file(&dir, name, bytes);
        let out = run(&["annotate", "-f", "jsonl", &bad, &good]);
        assert_eq!(out.code, Some(2), "{name}");
        assert_eq!(out.stderr, format!("zhibiao: {bad}: {why}\n"), "{name}");
        let entries: Vec<FileEntry> = out.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(entries.iter().map(|e| e.file.as_str()).collect::<Vec<_>>(), [good.as_str()], "{name}");
    }
    let out = run_with_stdin(&["annotate"], &[0xff, 0x00, 0xff]);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stderr, format!("zhibiao: standard input: {BINARY}\n"));
    assert_eq!(out.stdout, "");
}

#[test]
fn utf16_and_big5_files_read_as_their_text() {
    let dir = scratch("encodings");
    let want = run_with_stdin(&["annotate"], SIMPLE.as_bytes()).stdout;
    let mut le = vec![0xff, 0xfe];
    le.extend(SIMPLE.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xfe, 0xff];
    be.extend(SIMPLE.encode_utf16().flat_map(u16::to_be_bytes));
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let path = write_file(&dir, name, &bytes);
        let out = run(&["annotate", &path]);
        assert_eq!((out.code, out.stdout.as_str()), (Some(0), want.as_str()), "{name}");
    }
    // a traditional text in Big5 reads as the same text in UTF-8
    // (its lines that Big5 can write: it lacks a few characters)
    let hant: String = fs::read_to_string(data("variants/gz-2017-government-work-report-hant.txt"))
        .unwrap()
        .lines()
        .filter(|l| !encoding_rs::BIG5.encode(l).2)
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(hant.len() > 20_000, "most of the report");
    let (big5, _, lossy) = encoding_rs::BIG5.encode(&hant);
    assert!(!lossy);
    let path = write_file(&dir, "big5.txt", &big5);
    let utf8 = write_file(&dir, "utf8.txt", hant.as_bytes());
    assert_eq!(run(&["annotate", &path]).stdout, run(&["annotate", &utf8]).stdout);
}

#[test]
fn unreadable_paths_are_reported_and_skipped() {
    let dir = scratch("unreadable");
    let missing = dir.join("missing.txt").to_str().unwrap().to_owned();
    let directory = dir.to_str().unwrap().to_owned();
    let cases: &[(&str, &str)] = &[(&missing, "no such file or directory"), (&directory, "is a directory; name the files in it, e.g. DIR/*.txt")];
    let good = data(GZ_2016);
    for (path, reason) in cases {
        for format in ["json", "jsonl", "csv"] {
            let out = run(&["annotate", "--format", format, path, &good]);
            assert_eq!(out.code, Some(2), "{path} {format}");
            assert_eq!(out.stderr, format!("zhibiao: {path}: {reason}\n"), "{path} {format}");
            assert!(!out.stdout.contains(path), "{path} {format}: {}", out.stdout);
            match format {
                "json" => assert_eq!(serde_json::from_str::<Vec<FileEntry>>(&out.stdout).unwrap()[0].file, good),
                "jsonl" => assert_eq!(out.stdout.lines().count(), 1),
                _ => assert_eq!(read_csv(&out.stdout)[0], CSV_HEADER),
            }
        }
    }
}

#[test]
fn empty_input_is_an_empty_annotation() {
    const EMPTY: &str = "{\"sections\":[],\"indicators\":[],\"layout\":{\"source\":\"text\",\"line_ends\":\"none\",\"wrap_width\":null,\"joined_lines\":0,\"page_numbers\":0,\"running_heads\":0,\"invisible\":0,\"spaces\":0,\"chrome\":[]}}\n";
    let dir = scratch("empty");
    let empty = write_file(&dir, "empty.txt", b"");
    let bom_only = write_file(&dir, "bom.txt", "\u{feff}".as_bytes());
    let cases: &[(&[&str], &str)] = &[
        (&["annotate", &empty], EMPTY),
        (&["annotate", &bom_only], EMPTY),
        (&["annotate"], EMPTY),
        (&["annotate", "-f", "jsonl", &empty], &format!("{{\"file\":\"{empty}\",{}", &EMPTY[1..])),
        (&["annotate", "-f", "csv", &empty], &format!("{}\r\n", CSV_HEADER.join(","))),
    ];
    for (args, want) in cases {
        let out = run(args);
        assert_eq!((out.code, out.stderr.as_str(), out.stdout.as_str()), (Some(0), "", *want), "{args:?}");
    }
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let dir = scratch("closed-stdout");
    let small = write_file(&dir, "simple.txt", SIMPLE.as_bytes());
    // Thousands of names make far more output than a pipe holds, so
    // zhibiao is still writing when the pipe closes, even before the core
    // finds anything; the big report adds real work once it does.
    let mut files: Vec<OsString> = vec![data("gz-2017-government-work-report-x8.txt").into()];
    files.extend(std::iter::repeat_n(OsString::from(&small), 4000));
    for format in ["json", "jsonl", "csv"] {
        let mut child = Command::new(BIN).args(["annotate", "--format", format]).args(&files).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut head = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        // The pipe's read end is dropped here.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!((out.status.code(), stderr.as_ref()), (Some(0), ""), "{format}");
    }
}

// --- Options, help and version ---------------------------------------------

#[test]
fn bad_command_lines_fail_with_a_hint() {
    let cases: &[(&[&str], &str, &str)] = &[
        (&[], "zhibiao: missing command; the command for reports is 'annotate'", "zhibiao --help"),
        (&["anotate"], "zhibiao: unknown command 'anotate'", "zhibiao --help"),
        (&["--frob"], "zhibiao: unknown option '--frob'", "zhibiao --help"),
        (&["help", "frob"], "zhibiao: no help for unknown command 'frob'", "zhibiao --help"),
        (&["annotate", "--frob"], "zhibiao: unknown option '--frob'", "zhibiao annotate --help"),
        (&["annotate", "--format"], "zhibiao: option '--format' needs a value: json, jsonl, csv or web-annotation", "zhibiao annotate --help"),
        (&["annotate", "-f", "xml"], "zhibiao: unknown format 'xml'; use json, jsonl, csv or web-annotation", "zhibiao annotate --help"),
        (&["annotate", "--pretty", "-f", "csv"], "zhibiao: option '--pretty' works only with --format json or web-annotation", "zhibiao annotate --help"),
    ];
    for (args, message, hint) in cases {
        let out = run(args);
        assert_eq!(out.code, Some(2), "{args:?}");
        assert_eq!(out.stdout, "", "{args:?}");
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.first(), Some(message), "{args:?}");
        assert!(lines.iter().any(|l| l.starts_with("usage: zhibiao")), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(hint), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn help_explains_every_option_and_behaviour() {
    let main = run(&["--help"]);
    assert_eq!(main.code, Some(0));
    for word in ["annotate", "help", "--help", "-h", "--version", "-V", "usage: zhibiao"] {
        assert!(main.stdout.contains(word), "main help lacks {word:?}");
    }
    assert_eq!(run(&["-h"]).stdout, main.stdout);
    assert_eq!(run(&["help"]).stdout, main.stdout);

    let annotate = run(&["annotate", "--help"]);
    assert_eq!(annotate.code, Some(0));
    let words = [
        "usage: zhibiao annotate",
        "--format",
        "-f,",
        "--pretty",
        "--help",
        "-h,",
        "after '--' is a FILE",
        "json",
        "jsonl",
        "csv",
        "\"file\"",
        "standard input",
        "UTF-8",
        "GB18030",
        "byte-order mark",
        "UTF-16 code units",
        "RFC 4180",
        "exit status",
        "examples",
    ];
    for word in words.iter().chain(&CSV_HEADER) {
        assert!(annotate.stdout.contains(word), "annotate help lacks {word:?}");
    }
    for status in ["  0  ", "  2  "] {
        assert!(annotate.stdout.contains(status), "annotate help lacks exit status {status:?}");
    }
    assert_eq!(run(&["help", "annotate"]).stdout, annotate.stdout);
    assert_eq!(run(&["annotate", "-h", "--frob"]).stdout, annotate.stdout);
}

#[test]
fn version_names_the_package_version() {
    let out = run(&["--version"]);
    assert_eq!((out.code, out.stdout.as_str()), (Some(0), &*format!("zhibiao {}\n", env!("CARGO_PKG_VERSION"))));
    assert_eq!(run(&["-V"]).stdout, out.stdout);
}

/// `zhibiao compare OLD NEW`: JSON that decodes into `zhibiao::Comparison`,
/// CSV with one row per target, and a clear error for a missing file.
#[test]
fn compare_pairs_targets_with_results() {
    let dir = std::env::temp_dir().join(format!("zhibiao-cli-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = dir.join("old.txt");
    let new = dir.join("new.txt");
    std::fs::write(&old, "一、2017年工作安排\n地区生产总值增长8%左右，城镇登记失业率控制在3.5%以内，新建绿道200公里。\n").unwrap();
    std::fs::write(&new, "一、2017年工作回顾\n地区生产总值增长7%，城镇登记失业率2.4%。\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_zhibiao");

    let out = std::process::Command::new(bin).arg("compare").arg(&old).arg(&new).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let c: zhibiao::Comparison = serde_json::from_slice(&out.stdout).expect("compare JSON decodes");
    let verdicts: Vec<&str> = c.pairs.iter().map(|p| p.verdict.as_str()).collect();
    assert_eq!(verdicts, ["missed", "met", "unmatched"]);
    assert_eq!((c.summary.targets, c.summary.met, c.summary.missed, c.summary.unmatched), (3, 1, 1, 1));

    let out = std::process::Command::new(bin).args(["compare", "--format", "csv"]).arg(&old).arg(&new).output().unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(rows[0].starts_with("headline,verdict,reason_code,metric_key,match_score,match_basis,target_year,target_id"), "{}", rows[0]);
    assert!(rows[1].starts_with("false,missed,about_more_is_better,生产总值,1,same_metric,2017,0,8%,8,"), "{}", rows[1]);
    // a pair a year apart: no warning
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));

    // a later report that reviews another year: a warning on the terminal
    // and on top of the JSON, in both formats
    let later = dir.join("later.txt");
    std::fs::write(&later, "一、2019年工作回顾\n地区生产总值增长7%，城镇登记失业率2.4%。\n").unwrap();
    for format in ["json", "csv"] {
        let out = std::process::Command::new(bin).args(["compare", "--format", format]).arg(&old).arg(&later).output().unwrap();
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("warning: the later report (2020) reviews 2019, not 2017"), "{err}");
    }
    let out = std::process::Command::new(bin).arg("compare").arg(&old).arg(&later).output().unwrap();
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.starts_with(r#"{"years":{"old":2017,"new":2020,"reviewed":2019},"warning":{"code":"not_consecutive""#), "{json}");
    let c: zhibiao::Comparison = serde_json::from_str(&json).unwrap();
    assert!(c.pairs.iter().all(|p| p.result.is_none()), "{c:#?}");

    let out = std::process::Command::new(bin).arg("compare").arg(&old).arg(dir.join("absent.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("absent.txt: no such file or directory") && !err.contains("panicked"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

// --- Special files, devices and unwritable output (issue 5) -------------------
//
// Not tested: a file without read permission. The tests run as root here
// (CI too), and root reads any file, so "permission denied" cannot be
// produced; the message would come from the same io_reason path as "no such
// file or directory" above.

/// Runs zhibiao with `args`, standard input from `stdin` and standard output
/// into `stdout`, and fails the test if it has not ended within 20 s (it is
/// then killed): a read that never ends shows as a failure, not a hung test.
fn run_bounded(args: &[&str], stdin: Stdio, stdout: Stdio) -> (Option<i32>, String) {
    let mut child = Command::new(BIN).args(args).stdin(stdin).stdout(stdout).stderr(Stdio::piped()).spawn().expect("run zhibiao");
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("zhibiao {args:?} still running after 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    (status.code(), reader.join().unwrap())
}

/// stdout as a file in `dir`, and a way to read it afterwards.
fn stdout_file(dir: &Path, name: &str) -> (Stdio, PathBuf) {
    let path = dir.join(name);
    (Stdio::from(fs::File::create(&path).unwrap()), path)
}

#[test]
fn a_fifo_is_read_like_a_file() {
    let dir = scratch("fifo");
    let fifo = dir.join("report.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let writer_path = fifo.clone();
    // opening a FIFO for writing waits for its reader, zhibiao
    let writer = std::thread::spawn(move || fs::write(writer_path, SIMPLE).unwrap());
    let (out, path) = stdout_file(&dir, "out.json");
    let (code, stderr) = run_bounded(&["annotate", fifo.to_str().unwrap()], Stdio::null(), out);
    writer.join().unwrap();
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let want = run_with_stdin(&["annotate"], SIMPLE.as_bytes()).stdout;
    assert_eq!(fs::read_to_string(path).unwrap(), want);
}

#[test]
fn endless_and_huge_binary_inputs_are_refused_at_once() {
    let dir = scratch("endless");
    // 1 TiB with no data blocks: reading it to the end would take hours
    // and more memory than the machine has; its first bytes are NULs
    let sparse = dir.join("sparse.bin");
    fs::File::create(&sparse).unwrap().set_len(1 << 40).unwrap();
    let sparse = sparse.to_str().unwrap();
    for path in ["/dev/zero", "/dev/urandom", sparse] {
        let (out, _) = stdout_file(&dir, "out.json");
        let (code, stderr) = run_bounded(&["annotate", path], Stdio::null(), out);
        assert!(code == Some(2) && stderr.starts_with(&format!("zhibiao: {path}: not text: it has NUL bytes")), "{path}: {code:?} {stderr}");
    }
    let (out, _) = stdout_file(&dir, "out.json");
    let zero = Stdio::from(fs::File::open("/dev/zero").unwrap());
    let (code, stderr) = run_bounded(&["annotate"], zero, out);
    assert!(code == Some(2) && stderr.starts_with("zhibiao: standard input: not text: it has NUL bytes"), "{code:?} {stderr}");
    // in a batch, the files around it are still annotated
    let good = data(GZ_2016);
    let (out, path) = stdout_file(&dir, "batch.jsonl");
    let (code, _) = run_bounded(&["annotate", "-f", "jsonl", &good, "/dev/zero", &good], Stdio::null(), out);
    assert_eq!(code, Some(2));
    assert_eq!(fs::read_to_string(path).unwrap().lines().count(), 2);
}

#[test]
fn dev_null_is_an_empty_text() {
    let dir = scratch("dev-null");
    let (out, path) = stdout_file(&dir, "out.json");
    let (code, stderr) = run_bounded(&["annotate", "/dev/null"], Stdio::null(), out);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        (&json["sections"], &json["indicators"], &json["layout"]["source"]),
        (&serde_json::json!([]), &serde_json::json!([]), &serde_json::json!("text"))
    );
}

#[test]
fn a_directory_on_standard_input_is_reported() {
    let dir = scratch("stdin-dir");
    let (out, path) = stdout_file(&dir, "out.json");
    let (code, stderr) = run_bounded(&["annotate"], Stdio::from(fs::File::open(&dir).unwrap()), out);
    assert_eq!((code, stderr.as_str()), (Some(2), "zhibiao: standard input: is a directory\n"));
    assert_eq!(fs::read_to_string(path).unwrap(), "");
}

#[test]
fn a_full_disk_is_reported_not_a_panic() {
    let full = || Stdio::from(fs::OpenOptions::new().write(true).open("/dev/full").unwrap());
    let dir = scratch("dev-full");
    let small = write_file(&dir, "simple.txt", SIMPLE.as_bytes());
    for format in ["json", "jsonl", "csv"] {
        let (code, stderr) = run_bounded(&["annotate", "-f", format, &small], Stdio::null(), full());
        assert_eq!((code, stderr.as_str()), (Some(2), "zhibiao: cannot write the output: no space left on device\n"), "{format}");
    }
    let (code, stderr) = run_bounded(&["--help"], Stdio::null(), full());
    assert_eq!((code, stderr.as_str()), (Some(2), "zhibiao: cannot write the output: no space left on device\n"));
}

/// An endless stream on standard input ends with a message and status 2
/// once it passes the input limit, instead of taking all memory (issue 5).
#[test]
fn endless_standard_input_is_refused_at_the_limit() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .arg("annotate")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let block = "全市地区生产总值增长8%。\n".repeat(4096);
        // 257 MiB and a little more; the write fails once zhibiao stops reading
        for _ in 0..(258usize << 20) / block.len() {
            if stdin.write_all(block.as_bytes()).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("standard input: larger than 256 MiB"), "{err}");
    assert!(out.stdout.is_empty());
}

/// The texts of tests/data/adversarial-exports.json (shared with
/// tests/node/exports.test.mjs): (name, text, how many times the text its
/// JSON may be), the text repeated `times` times `scale`.
fn adversarial_texts(scale: usize) -> Vec<(String, String, f64)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/adversarial-exports.json");
    let data: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let families = data["families"].as_array().unwrap();
    families
        .iter()
        .map(|f| {
            let s = |key: &str| f[key].as_str().unwrap().to_string();
            let text = s("prefix") + &s("piece").repeat(f["times"].as_u64().unwrap() as usize * scale);
            (s("name"), text, f["json_max"].as_f64().unwrap())
        })
        .collect()
}

/// Whether a spreadsheet would run `field` as a formula: it begins with
/// `=`, `+`, `-`, `@`, a tab or a line break, and is no number (`-3.2`,
/// `-3.2%`) and no lone `-`.
fn is_formula(field: &str) -> bool {
    let number = |s: &str| {
        let s = s.strip_suffix('%').unwrap_or(s);
        let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
        [int, frac].iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    match field.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r' | '\n') => true,
        Some('-') => field != "-" && !number(&field[1..]),
        _ => false,
    }
}

#[test]
fn exports_grow_linearly_and_the_csv_at_most_50_times_the_text() {
    // One sentence of 1800 figures gave 1800 copies of the sentence (a
    // 354 KB sentence of figures: 5.66 GB of CSV).
    let dir = scratch("adversarial");
    let ratios = |text: &str| {
        let path = write_file(&dir, "t.txt", text.as_bytes());
        let size = |format: &str| {
            let out = run(&["annotate", "--format", format, &path]);
            assert_eq!(out.code, Some(0), "{}", out.stderr);
            out.stdout.len() as f64 / text.len() as f64
        };
        (size("csv"), size("json"))
    };
    for ((name, text, json_max), (_, double, _)) in adversarial_texts(1).into_iter().zip(adversarial_texts(2)) {
        let (csv, json) = ratios(&text);
        assert!(csv <= 50.0, "{name}: CSV {csv:.1} times the text");
        assert!(json <= json_max, "{name}: JSON {json:.1} times the text, over {json_max}");
        // twice the text, twice the output (the ids grow a digit or so)
        let (csv2, json2) = ratios(&double);
        assert!(csv2 <= csv * 1.1 + 0.5 && json2 <= json * 1.1 + 0.5, "{name}: {csv:.1}, {json:.1} then {csv2:.1}, {json2:.1} times the text");
    }
}

#[test]
fn no_csv_field_is_a_formula() {
    let dir = scratch("formulas");
    for (name, text, _) in adversarial_texts(1) {
        let path = write_file(&dir, "t.txt", text.as_bytes());
        let out = run(&["annotate", "--format", "csv", &path]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let records = read_csv(&out.stdout);
        let formulas: Vec<&String> = records.iter().flatten().filter(|f| is_formula(f)).collect();
        assert!(formulas.is_empty(), "{name}: {} formula cells, such as {:?}", formulas.len(), &formulas[..formulas.len().min(3)]);
        if name == "formulas" {
            // what the text wrote is kept, after a '
            assert!(records.iter().flatten().any(|f| f == "'=HYPERLINK(\"http://x\",\"y\")"), "{name}: no section path");
            assert!(records.iter().flatten().any(|f| f.starts_with("'@SUM(A1)")), "{name}: no metric");
        }
    }
    // a falling value stays a number
    let out = run_with_stdin(&["annotate", "--format", "csv"], "全市工业增加值增长-3.2%。\n".as_bytes());
    let records = read_csv(&out.stdout);
    assert_eq!((records[1][0].as_str(), records[1][5].as_str()), ("-", "-3.2"), "{records:?}");
}

#[test]
fn web_annotation_format_one_collection_per_file_with_its_file_url() {
    let dir = std::env::temp_dir().join(format!("zhibiao-wa-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("报告 2017.txt");
    std::fs::write(&file, "一、回顾\n全市地区生产总值增长8.1%。\n").unwrap();
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_zhibiao")).args(["annotate", "--format", "web-annotation"]).arg(&file).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "one collection a line per FILE");
    let c: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(c["type"], "AnnotationCollection");
    let source = c["first"]["items"][0]["target"]["source"].as_str().unwrap();
    assert!(source.starts_with("file:///") && source.ends_with("/%E6%8A%A5%E5%91%8A%202017.txt"), "{source}");
    assert_eq!(c["first"]["items"][0]["target"]["selector"][0]["exact"], "8.1%");
    // --pretty indents it; a text on standard input is named by its content
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(["annotate", "-f", "web-annotation", "--pretty", "-"])
        .stdin(std::fs::File::open(&file).unwrap())
        .output()
        .unwrap();
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("{\n  \""));
    assert!(c["first"]["items"][0]["target"]["source"].as_str().unwrap().starts_with("urn:uuid:"));
    std::fs::remove_dir_all(&dir).unwrap();
}
