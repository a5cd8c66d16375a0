//! Throughput and peak memory of `series` (issue 19): the 26 national
//! reports of tests/data/national read from disk 100 times over, as one
//! stream of 2 600 reports, each annotated, its rows and the joined rows
//! written as CSV (to a sink). A program that prints figures, not a test:
//! `cargo bench --bench series`.
//!
//! Each round's reports are given a title line naming a place of their
//! own (`甲乙市政府工作报告`), so that the run has 100 issuers of 26 reports
//! each, joined report after report, and the memory kept for the join (the
//! last report of each issuer) is that of a corpus of many issuers. Peak
//! memory is the process's high-water mark of resident memory (VmHWM).

use std::io;
use std::path::Path;
use std::time::Instant;

use zhibiao::series::{Format, Series, TableWriter};

const ROUNDS: usize = 100;

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

/// A two-character place name for round `k` (no digits: a place's name
/// is Chinese characters).
fn place(k: usize) -> String {
    const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    format!("{}{}市", STEMS[k / 10 % 10], STEMS[k % 10])
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/national");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let before = peak_rss_kb();
    let mut run = Series::new(true);
    let mut rows = TableWriter::new(io::sink(), Format::Csv, false);
    let mut joined = TableWriter::new(io::sink(), Format::Csv, true);
    rows.begin().unwrap();
    joined.begin().unwrap();
    let (mut bytes, mut reports) = (0usize, 0usize);
    let t = Instant::now();
    for k in 0..ROUNDS {
        for p in &paths {
            let body = std::fs::read_to_string(p).unwrap();
            let text = format!("{}政府工作报告\n{body}", place(k));
            bytes += text.len();
            reports += 1;
            let step = run.push(&p.to_string_lossy(), text);
            rows.rows(&step.rows).unwrap();
            joined.joined(&step.joined).unwrap();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let (n_rows, n_joined) = (rows.written(), joined.written());
    rows.end().unwrap();
    joined.end().unwrap();
    let peak = peak_rss_kb();
    println!("series over the {} national reports × {ROUNDS} ({reports} reports, {:.1} MB), rows and joined rows as CSV", paths.len(), bytes as f64 / 1e6);
    println!("  time {secs:.2} s   throughput {:.1} MB/s   {:.0} reports/s", bytes as f64 / 1e6 / secs, reports as f64 / secs);
    println!("  rows {n_rows}   joined rows {n_joined}");
    // the share of annotate: the same texts, annotated only (10 rounds)
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..10 {
        for text in &texts {
            n += text.len();
            std::hint::black_box(zhibiao::annotate(text));
        }
    }
    println!("  annotate alone on the same texts: {:.1} MB/s", n as f64 / 1e6 / t.elapsed().as_secs_f64());
    let annotated: Vec<_> = texts.iter().map(|t| zhibiao::annotate(t)).collect();
    let t = Instant::now();
    for _ in 0..10 {
        for (text, a) in texts.iter().zip(&annotated) {
            std::hint::black_box(zhibiao::series::rows("x", 0, text, a));
        }
    }
    println!("  rows alone (annotated): {:.1} MB/s", n as f64 / 1e6 / t.elapsed().as_secs_f64());
    let t = Instant::now();
    for _ in 0..10 {
        for w in texts.iter().zip(&annotated).collect::<Vec<_>>().windows(2) {
            std::hint::black_box(zhibiao::compare_annotated(w[0].0, w[0].1, w[1].0, w[1].1));
        }
    }
    println!("  compare alone (annotated): {:.1} MB/s", n as f64 / 1e6 / t.elapsed().as_secs_f64());
    match (before, peak) {
        (Some(b), Some(p)) => println!("  peak resident memory {:.1} MB (before the run {:.1} MB)", p as f64 / 1024.0, b as f64 / 1024.0),
        _ => println!("  peak resident memory: unknown (no /proc/self/status)"),
    }
}
