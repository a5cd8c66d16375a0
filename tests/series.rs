//! `series` (issue 19): the GDP growth target of every national report
//! from 1995 on in tests/data/national, with its value, upper bound and
//! comparator, paired with the next report's result for its year; the
//! hand-written reports of tests/data/series (two issuers a year apart,
//! and a third with one report) for issuers kept apart in the join; the
//! issuer read from title lines of several forms; and the CLI.

use std::path::{Path, PathBuf};
use std::process::Command;

use zhibiao::series::{issuer_of, Joined, Row, Series, Step, JOINED_CSV_COLUMNS, NATIONAL, SERIES_CSV_COLUMNS};
use zhibiao::{Comparator as C, Horizon, Kind, ReasonCode, Status, Verdict, WarningCode};

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(rel)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The year in a file name (`national-2016.txt`, `national-2017-excerpt.txt`).
fn name_year(path: &Path) -> i32 {
    let name = path.file_name().unwrap().to_string_lossy();
    name.split(|c: char| !c.is_ascii_digit()).find(|s| s.len() == 4).and_then(|s| s.parse().ok()).unwrap()
}

/// Every annual GDP growth target of the national reports from 1995 on
/// here, by report year: (value, value_max, comparator). The 2000 and 2002
/// texts give none in a number (tests/decades.rs); 2017 is the excerpt of
/// tests/data/compare.
const GDP_TARGETS: &[(i32, f64, Option<f64>, C)] = &[
    (1998, 8.0, None, C::Eq),
    (2004, 7.0, None, C::Approx),
    (2006, 8.0, None, C::Approx),
    (2008, 8.0, None, C::Approx),
    (2010, 8.0, None, C::Approx),
    (2012, 7.5, None, C::Eq),
    (2014, 7.5, None, C::Approx),
    (2016, 6.5, Some(7.0), C::Eq),
    (2017, 6.5, None, C::Approx),
    (2018, 6.5, None, C::Approx),
    (2022, 5.5, None, C::Approx),
    (2024, 5.0, None, C::Approx),
];
const GDP_TARGETLESS: &[i32] = &[2000, 2002];

/// Results of the next year's report for a GDP target: (target year,
/// result, verdict).
const GDP_RESULTS: &[(i32, f64, Verdict)] = &[(2016, 6.7, Verdict::Met), (2017, 6.9, Verdict::Met)];

/// The national reports here, and the 2017 excerpt, in name order (which is
/// year order), as a series run with the join.
fn national_run() -> Vec<(PathBuf, Step)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(data("national")).unwrap().map(|e| e.unwrap().path()).collect();
    paths.push(data("compare/national-2017-excerpt.txt"));
    paths.sort_by_key(|p| p.file_name().unwrap().to_owned());
    let mut run = Series::new(true);
    paths
        .into_iter()
        .map(|p| {
            let step = run.push(&p.file_name().unwrap().to_string_lossy(), read(&p));
            (p, step)
        })
        .collect()
}

/// A report's annual GDP growth target rows: the series of `生产总值`,
/// a change in %, for its own year.
fn gdp_targets(step: &Step) -> Vec<&Row> {
    step.rows
        .iter()
        .filter(|r| {
            r.metric_key == "生产总值"
                && r.status == Status::Target
                && r.kind == Kind::Change
                && r.unit.as_deref() == Some("%")
                && r.horizon == Horizon::Year
                && r.year == step.report.year
        })
        .collect()
}

#[test]
fn every_national_gdp_target_from_1995_with_its_result() {
    let run = national_run();
    let mut wrong = Vec::new();
    let mut found = 0;
    let later: Vec<_> = run.iter().filter(|(p, _)| name_year(p) >= 1995).collect();
    for (i, (path, step)) in later.iter().enumerate() {
        let year = name_year(path);
        if step.report.year != Some(year) || step.report.issuer.as_deref() != Some(NATIONAL) {
            wrong.push(format!("{year}: report {:?}", step.report));
        }
        let rows = gdp_targets(step);
        let want = GDP_TARGETS.iter().find(|t| t.0 == year);
        match (want, rows.as_slice()) {
            (None, []) if GDP_TARGETLESS.contains(&year) => {}
            (Some(&(_, value, value_max, cmp)), [r]) if r.value == Some(value) && r.value_max == value_max && r.comparator == cmp => {
                found += 1;
                if !r.headline || r.report_year != Some(year) || r.issuer.as_deref() != Some(NATIONAL) {
                    wrong.push(format!("{year}: {r:?}"));
                }
                // the target's evidence is its sentence
                assert!(r.evidence.text.contains(&r.value_text), "{year}: {:?}", r.evidence);
            }
            _ => wrong.push(format!("{year}: want {want:?}, got {rows:?}")),
        }
        // joined with the next report: the target's pair, its result for
        // the target's year (or none, on reports more than a year apart)
        let Some((next_path, next)) = later.get(i + 1) else {
            continue;
        };
        for r in rows {
            let pairs: Vec<&Joined> = next.joined.iter().filter(|j| j.target_source == r.source && j.pair.target.id == r.id).collect();
            let [j] = pairs.as_slice() else {
                wrong.push(format!("{year}: {} pairs with the next report", pairs.len()));
                continue;
            };
            assert_eq!((j.issuer.as_str(), j.target_report_year, j.pair.target_year), (NATIONAL, Some(year), Some(year)));
            assert_eq!(j.result_report_year, Some(name_year(next_path)));
            let got = j.pair.result.as_ref().and_then(|r| r.value);
            match GDP_RESULTS.iter().find(|g| g.0 == year) {
                Some(&(_, value, verdict)) => {
                    if got != Some(value) || j.pair.verdict != verdict || j.warning.is_some() || j.pair.result_year != Some(year) {
                        wrong.push(format!("{year}: joined {:?} {got:?} {:?}", j.pair.verdict, j.warning));
                    }
                }
                None => {
                    // two years apart: compare's rule, only results dated to the year
                    assert_eq!(j.warning, Some(WarningCode::NotConsecutive), "{year}");
                    assert!(j.pair.result.is_none() || j.pair.result_year == Some(year), "{year}: {j:?}");
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(found, GDP_TARGETS.len(), "GDP targets found");
    assert_eq!(found + GDP_TARGETLESS.len(), later.len(), "every report from 1995 on is listed");
}

#[test]
fn one_series_for_the_aliases_of_gdp() {
    let text = "2019年佛山市政府工作报告\n一、2018年工作回顾\n全市地区生产总值增长6.3%。\n二、2019年工作安排\n今年经济增长预期目标为6.5%左右。\n";
    let step = Series::new(false).push("a", text.to_string());
    let keys: Vec<(&str, Status, Option<i32>)> = step.rows.iter().map(|r| (r.metric_key.as_str(), r.status, r.year)).collect();
    assert_eq!(keys, [("生产总值", Status::Target, Some(2019)), ("生产总值", Status::Actual, Some(2018))]);
}

/// The hand-written reports, in an order that mixes the issuers.
const HAND: &[&str] = &["hb-2019.txt", "fs-2019.txt", "gx-2020.txt", "fs-2020.txt", "hb-2020.txt", "fs-2021.txt"];

/// (issuer, target source, target year, metric key, target, result, verdict)
type JoinedFigures<'a> = (&'a str, &'a str, i32, &'a str, f64, Option<f64>, Verdict);

#[test]
fn issuers_are_joined_apart_with_compare_rules() {
    let mut run = Series::new(true);
    let steps: Vec<Step> = HAND.iter().map(|n| run.push(n, read(&data(&format!("series/{n}"))))).collect();
    let reports: Vec<(Option<&str>, Option<i32>)> = steps.iter().map(|s| (s.report.issuer.as_deref(), s.report.year)).collect();
    assert_eq!(
        reports,
        [
            (Some("河北省"), Some(2019)),
            (Some("佛山市"), Some(2019)),
            (Some("广西壮族自治区"), Some(2020)),
            (Some("佛山市"), Some(2020)),
            (Some("河北省"), Some(2020)),
            (Some("佛山市"), Some(2021)),
        ]
    );
    let joined: Vec<JoinedFigures> = steps
        .iter()
        .flat_map(|s| &s.joined)
        .map(|j| {
            let p = &j.pair;
            (
                j.issuer.as_str(),
                j.target_source.as_str(),
                p.target_year.unwrap(),
                p.metric_key.as_deref().unwrap(),
                p.target.value.unwrap(),
                p.result.as_ref().and_then(|r| r.value),
                p.verdict,
            )
        })
        .collect();
    assert_eq!(
        joined,
        [
            ("佛山市", "fs-2019.txt", 2019, "生产总值", 6.5, Some(6.9), Verdict::Met),
            ("佛山市", "fs-2019.txt", 2019, "一般公共预算收入", 6.0, Some(2.1), Verdict::Missed),
            ("佛山市", "fs-2019.txt", 2019, "城镇登记失业率", 3.5, Some(2.6), Verdict::Met),
            // 经济增长 in the later report is the same series as 生产总值
            ("河北省", "hb-2019.txt", 2019, "生产总值", 6.5, Some(6.8), Verdict::Met),
            ("河北省", "hb-2019.txt", 2019, "居民消费价格", 3.0, Some(3.1), Verdict::Met),
            ("佛山市", "fs-2020.txt", 2020, "生产总值", 6.0, Some(1.6), Verdict::Missed),
            ("佛山市", "fs-2020.txt", 2020, "一般公共预算收入", 5.0, Some(0.5), Verdict::Missed),
        ]
    );
    for s in &steps {
        for j in &s.joined {
            assert_eq!(Some(j.issuer.as_str()), s.report.issuer.as_deref());
            assert_eq!(j.result_source, s.report.source);
            assert!(j.warning.is_none());
        }
    }
    // the rows: each report's targets for its year and results for the year before
    let gx = &steps[2];
    let rows: Vec<(Status, Option<i32>, f64, C)> = gx.rows.iter().map(|r| (r.status, r.year, r.value.unwrap(), r.comparator)).collect();
    assert_eq!(rows, [(Status::Target, Some(2020), 6.0, C::Approx), (Status::Actual, Some(2019), 6.0, C::Eq)]);
    assert!(gx.joined.is_empty() && gx.note.is_none());
}

#[test]
fn a_report_out_of_order_is_not_joined() {
    let mut run = Series::new(true);
    let a = run.push("fs-2020.txt", read(&data("series/fs-2020.txt")));
    let b = run.push("fs-2019.txt", read(&data("series/fs-2019.txt")));
    assert!(a.joined.is_empty() && b.joined.is_empty());
    assert!(b.note.as_deref().is_some_and(|n| n.contains("2019") && n.contains("fs-2020.txt")), "{:?}", b.note);
    // rows are given whatever the order; nothing on an empty or odd text
    assert!(!b.rows.is_empty());
    for text in ["", "\u{feff}", "一", "各位代表：\n\n\n", "年年年年年市政府工作报告", "省省省省人民政府"] {
        let s = run.push("odd", text.to_string());
        assert!(s.rows.is_empty() && s.joined.is_empty(), "{text}");
    }
    // a wrong issuer rule would join the national 2016 targets with a city
    let c = run.push("national-2016.txt", read(&data("national/national-2016.txt")));
    assert!(c.joined.is_empty());
    let reason = |s: &Step| s.joined.iter().map(|j| j.pair.reason_code).collect::<Vec<ReasonCode>>();
    assert!(reason(&c).is_empty());
}

#[test]
fn issuer_from_title_lines_of_every_form() {
    let cases: &[(&str, Option<&str>)] = &[
        // cities: title, byline, the mayor's line
        ("2017年广州市政府工作报告\n各位代表：", Some("广州市")),
        ("政府工作报告\n——2018年1月15日在广州市第十五届人民代表大会第二次会议上\n各位代表：", Some("广州市")),
        ("深圳市人民政府市长 陈如桂\n各位代表：", Some("深圳市")),
        ("二〇二〇年日照市政府工作报告", Some("日照市")),
        ("七台河市2021年政府工作报告", Some("七台河市")),
        // provinces
        ("广东省人民政府工作报告", Some("广东省")),
        ("政府工作报告\n浙江省省长 王浩\n各位代表：", Some("浙江省")),
        ("政府工作报告\n——2023年1月在江苏省第十四届人民代表大会第一次会议上", Some("江苏省")),
        // autonomous regions, prefectures, leagues
        ("2020年广西壮族自治区人民政府工作报告", Some("广西壮族自治区")),
        ("新疆维吾尔自治区主席 雪克来提·扎克尔", Some("新疆维吾尔自治区")),
        ("延边朝鲜族自治州政府工作报告", Some("延边朝鲜族自治州")),
        ("锡林郭勒盟2018年政府工作报告", Some("锡林郭勒盟")),
        // districts and counties
        ("北京市海淀区人民政府工作报告", Some("北京市海淀区")),
        ("2019年浦东新区政府工作报告", Some("浦东新区")),
        ("——2021年1月在昆山市第十七届人民代表大会第五次会议上", Some("昆山市")),
        ("2022年安吉县人民政府工作报告", Some("安吉县")),
        // national
        ("各位代表：\n现在，我代表国务院，向大会报告政府工作。", Some(NATIONAL)),
        ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强", Some(NATIONAL)),
        ("各位代表：\n我們第一届全國人民代表大會第一次會議，在聽了……", Some(NATIONAL)),
        // unknown: no place in a title line, no national cue
        ("各位代表：\n现在，我代表市人民政府向大会报告工作。", None),
        ("政府工作报告\n各位代表：\n全市地区生产总值增长8%。", None),
        ("城市更新工作报告", None),
        ("", None),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(text, want)| {
            let got = issuer_of(text);
            (got.as_deref() != want).then(|| format!("{text:?}: want {want:?}, got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn zhibiao(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhibiao")).args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn cli_tables_from_a_directory_and_bad_files_skipped() {
    let dir = data("series");
    let (code, csv, err) = zhibiao(&["series".as_ref(), dir.as_os_str()]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], SERIES_CSV_COLUMNS.join(","));
    assert_eq!(lines.len(), 1 + 22, "{csv}");
    // JSON lines and JSON: the same rows
    let (_, jsonl, _) = zhibiao(&["series".as_ref(), "-f".as_ref(), "jsonl".as_ref(), dir.as_os_str()]);
    let rows: Vec<Row> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let (_, json, _) = zhibiao(&["series".as_ref(), "--format=json".as_ref(), dir.as_os_str()]);
    assert_eq!(serde_json::from_str::<Vec<Row>>(&json).unwrap(), rows);
    assert_eq!(rows.len(), 22);
    // joined, as CSV: the header, and a formula-like reason neutralised
    let (code, joined, _) = zhibiao(&["series".as_ref(), "--joined".as_ref(), dir.as_os_str()]);
    assert_eq!(code, Some(0));
    assert!(joined.starts_with(&format!("{}\r\n", JOINED_CSV_COLUMNS.join(","))));
    assert_eq!(joined.matches("\r\n").count(), 1 + 7);
    assert!(joined.contains(",\"'+6.9 % against a target of +6.5 %"), "{joined}");
    // unreadable and binary files are reported and skipped
    let tmp = std::env::temp_dir().join(format!("zhibiao-series-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let binary = tmp.join("binary.txt");
    std::fs::write(&binary, b"\x7fELF\0\0\0\x01").unwrap();
    let empty = tmp.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let missing = tmp.join("missing.txt");
    let fs = dir.join("fs-2019.txt");
    let (code, csv, err) = zhibiao(&["series".as_ref(), missing.as_os_str(), binary.as_os_str(), empty.as_os_str(), fs.as_os_str()]);
    assert_eq!(code, Some(2));
    assert!(err.contains(&format!("zhibiao: {}: no such file or directory", missing.display())), "{err}");
    assert!(err.contains(&format!("zhibiao: {}: ", binary.display())), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    assert_eq!(csv.matches("\r\n").count(), 1 + 6);
    std::fs::remove_dir_all(&tmp).unwrap();
    // bad command lines
    for args in [&["series"][..], &["series", "-f", "xml", "a"], &["series", "--joined=yes", "a"], &["series", "-", "-"]] {
        let a: Vec<&std::ffi::OsStr> = args.iter().map(|s| s.as_ref()).collect();
        let (code, out, err) = zhibiao(&a);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(out.is_empty() && err.contains("usage: zhibiao series"), "{args:?}: {err}");
    }
    let (code, help, _) = zhibiao(&["help".as_ref(), "series".as_ref()]);
    assert!(code == Some(0) && help.contains("--joined"));
}
