//! `--english` (issue 20): the glossary's English of each indicator's metric
//! and unit in the CLI's JSON, JSON lines and CSV, and of both metrics in the
//! comparison CSV. Each output is the plain one with the English added and
//! nothing else changed; the English is the library's (`zhibiao::glossary`).

use std::path::Path;
use std::process::Command;

use serde_json::{Map, Value};
use zhibiao::glossary::{metric_en, unit_en};

const BIN: &str = env!("CARGO_BIN_EXE_zhibiao");

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name).to_str().unwrap().to_owned()
}

/// (exit status, stdout, stderr)
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(BIN).args(args).output().expect("run zhibiao");
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn ok(args: &[&str]) -> String {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, Some(0), "{args:?}: {stderr}");
    stdout
}

/// `--english` JSON is the plain JSON with `metric_en` and `unit_en` in
/// every indicator, each the glossary's English of the indicator's own
/// metric and unit.
fn check_indicators(plain: &Value, english: &Value) -> (usize, usize) {
    let (plain, english) = (plain["indicators"].as_array().unwrap(), english["indicators"].as_array().unwrap());
    assert_eq!(plain.len(), english.len());
    let mut glossed = 0;
    for (p, e) in plain.iter().zip(english) {
        let e = e.as_object().unwrap();
        let mut rest: Map<String, Value> = e.clone();
        let (m, u) = (rest.remove("metric_en").unwrap(), rest.remove("unit_en").unwrap());
        assert_eq!(&Value::Object(rest), p, "nothing else changes");
        let want_m = p["metric"].as_str().and_then(metric_en);
        let want_u = p["unit"].as_str().and_then(unit_en);
        assert_eq!(m.as_str(), want_m.as_deref(), "{p}");
        assert_eq!(u.as_str(), want_u, "{p}");
        glossed += want_m.is_some() as usize;
    }
    (plain.len(), glossed)
}

#[test]
fn annotate_json_and_jsonl_add_the_english_last() {
    let file = data("gz-2017-government-work-report.txt");
    let text = ok(&["annotate", "--english", &file]);
    let english: Value = serde_json::from_str(&text).unwrap();
    let plain: Value = serde_json::from_str(&ok(&["annotate", &file])).unwrap();
    assert_eq!(english["sections"], plain["sections"]);
    assert_eq!(english["layout"], plain["layout"]);
    let (n, glossed) = check_indicators(&plain, &english);
    assert!(n > 200 && glossed > 0, "{glossed} of {n} glossed");
    // serde_json's Value sorts keys: the order is read from the text, where
    // each metric_en comes right after the indicator's last field, section,
    // and unit_en right after it
    let chunks: Vec<&str> = text.split("\"metric_en\":").collect();
    assert_eq!(chunks.len(), n + 1);
    for (before, after) in chunks.iter().zip(&chunks[1..]) {
        let section = before.rsplit("\"section\":").next().unwrap();
        assert!(section.ends_with(',') && section[..section.len() - 1].chars().all(|c| c.is_ascii_alphanumeric()), "{section}");
        let value_end = if after.starts_with("null") { 4 } else { after[1..].find('"').unwrap() + 2 };
        assert!(after[value_end..].starts_with(",\"unit_en\":"), "{after}");
    }

    // jsonl: the same objects, a line per file, after "file"
    let lines = ok(&["annotate", "--english", "--format", "jsonl", &file, &file]);
    for line in lines.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["file"], file.as_str());
        assert_eq!(v["indicators"], english["indicators"]);
    }
}

/// CSV fields as the CLI writes them (quoted when they hold a comma or a quote), without the line end.
fn fields(values: &[&str]) -> String {
    let mut out = String::new();
    zhibiao::export::csv_record(&mut out, values.iter().map(|v| Some(*v)));
    out.trim_end_matches("\r\n").to_string()
}

#[test]
fn annotate_csv_adds_two_last_columns() {
    let file = data("national/national-2024.txt");
    let plain = ok(&["annotate", "--format", "csv", &file]);
    let english = ok(&["annotate", "--format", "csv", "--english", &file]);
    let json: Value = serde_json::from_str(&ok(&["annotate", &file])).unwrap();
    let (plain, english): (Vec<&str>, Vec<&str>) = (plain.split("\r\n").collect(), english.split("\r\n").collect());
    assert_eq!(plain.len(), english.len());
    assert_eq!(english[0], format!("{},metric_en,unit_en", plain[0]));
    for (k, ind) in json["indicators"].as_array().unwrap().iter().enumerate() {
        let m = ind["metric"].as_str().and_then(metric_en).unwrap_or_default();
        let u = ind["unit"].as_str().and_then(unit_en).unwrap_or_default();
        assert_eq!(english[k + 1], format!("{},{}", plain[k + 1], fields(&[&m, u])));
    }
}

#[test]
fn compare_csv_adds_both_metrics_in_english() {
    let (old, new) = (data("national/national-2016.txt"), data("compare/national-2017-excerpt.txt"));
    let plain = ok(&["compare", "--format", "csv", &old, &new]);
    let english = ok(&["compare", "--format", "csv", "--english", &old, &new]);
    let c: zhibiao::Comparison = serde_json::from_str(&ok(&["compare", &old, &new])).unwrap();
    let (plain, english): (Vec<&str>, Vec<&str>) = (plain.split("\r\n").collect(), english.split("\r\n").collect());
    assert_eq!(english[0], format!("{},target_metric_en,result_metric_en", plain[0]));
    assert_eq!(plain.len(), c.pairs.len() + 2);
    let gloss = |m: Option<&String>| m.and_then(|m| metric_en(m)).unwrap_or_default();
    for (k, p) in c.pairs.iter().enumerate() {
        let (t, r) = (gloss(p.target.metric.as_ref()), gloss(p.result.as_ref().and_then(|r| r.metric.as_ref())));
        assert_eq!(english[k + 1], format!("{},{}", plain[k + 1], fields(&[&t, &r])));
    }
    assert!(english.iter().any(|row| row.ends_with(",GDP,GDP")), "the headline GDP target is glossed");
}

#[test]
fn english_is_refused_where_it_has_no_place() {
    let file = data("gz-2017-government-work-report.txt");
    for (args, message) in [
        (vec!["annotate", "--english", "--format", "web-annotation", &file], "zhibiao: option '--english' works only with --format json, jsonl or csv"),
        (vec!["compare", "--english", &file, &file], "zhibiao: option '--english' works only with --format csv"),
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!((code, stdout.as_str()), (Some(2), ""), "{args:?}");
        assert_eq!(stderr.lines().next(), Some(message), "{args:?}");
    }
    for command in ["annotate", "compare"] {
        let help = ok(&[command, "--help"]);
        assert!(help.contains("--english") && help.contains("metric_en"), "{command} --help");
    }
}

#[test]
fn series_adds_the_english_last_in_every_format() {
    let dir = data("national");
    let plain = ok(&["series", &dir]);
    let english = ok(&["series", "--english", &dir]);
    let rows: Vec<Value> = ok(&["series", "-f", "jsonl", &dir]).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let (plain, english): (Vec<&str>, Vec<&str>) = (plain.split("\r\n").collect(), english.split("\r\n").collect());
    assert_eq!(english[0], format!("{},metric_en,unit_en", plain[0]));
    assert_eq!(plain.len(), rows.len() + 2);
    let gloss =
        |row: &Value| (row["metric"].as_str().and_then(metric_en).unwrap_or_default(), row["unit"].as_str().and_then(unit_en).unwrap_or_default().to_string());
    for (k, row) in rows.iter().enumerate() {
        let (m, u) = gloss(row);
        assert_eq!(english[k + 1], format!("{},{}", plain[k + 1], fields(&[&m, &u])));
    }
    // JSON lines and JSON: each object the plain one, then metric_en and unit_en
    let jsonl = ok(&["series", "-f", "jsonl", "--english", &dir]);
    let json: Vec<Value> = serde_json::from_str(&ok(&["series", "-f", "json", "--english", &dir])).unwrap();
    for ((line, object), row) in jsonl.lines().zip(&json).zip(&rows) {
        assert!(line.ends_with('}') && line.contains(",\"metric_en\":"), "{line}");
        assert!(line.find("\"evidence\":").unwrap() < line.find("\"metric_en\":").unwrap(), "the English comes last: {line}");
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(&v, object);
        let mut rest = v.as_object().unwrap().clone();
        let (m, u) = (rest.remove("metric_en").unwrap(), rest.remove("unit_en").unwrap());
        assert_eq!(&Value::Object(rest), row);
        let (want_m, want_u) = (row["metric"].as_str().and_then(metric_en), row["unit"].as_str().and_then(unit_en));
        assert_eq!((m.as_str(), u.as_str()), (want_m.as_deref(), want_u));
    }
    assert!(json.iter().any(|r| r["metric_en"] == "GDP"));

    // joined: the target's and the result's metric
    let plain = ok(&["series", "--joined", &dir]);
    let english = ok(&["series", "--joined", "--english", &dir]);
    let (plain, english): (Vec<&str>, Vec<&str>) = (plain.split("\r\n").collect(), english.split("\r\n").collect());
    assert_eq!(english[0], format!("{},target_metric_en,result_metric_en", plain[0]));
    assert_eq!(plain.len(), english.len());
    let joined: Vec<Value> = ok(&["series", "--joined", "-f", "jsonl", "--english", &dir]).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for (k, j) in joined.iter().enumerate() {
        let target = j["target"]["metric"].as_str().and_then(metric_en);
        let result = j["result"]["metric"].as_str().and_then(metric_en);
        assert_eq!((j["target_metric_en"].as_str(), j["result_metric_en"].as_str()), (target.as_deref(), result.as_deref()), "{j}");
        assert_eq!(english[k + 1], format!("{},{}", plain[k + 1], fields(&[target.as_deref().unwrap_or(""), result.as_deref().unwrap_or("")])));
    }
}
