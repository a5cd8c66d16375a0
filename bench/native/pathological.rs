//! Time per MB of `annotate` on the pathological inputs of
//! `tests/pathological/cases.rs`, at a tenth of each one's full size and at
//! full size (up to 5 MB), and the ratio of the two times: about 10 where
//! work grows linearly. A program that prints figures, not a test: run it
//! with `cargo bench --bench pathological`. Each time is the median of
//! timed runs after a warm-up; `ZHIBIAO_BENCH_CASE=digits` runs the cases
//! whose name contains the word.

#[path = "../../tests/pathological/cases.rs"]
mod cases;

use std::time::{Duration, Instant};

/// Median of `runs` timed runs after one warm-up.
fn median_time(text: &str, runs: usize) -> Duration {
    std::hint::black_box(zhibiao::annotate(std::hint::black_box(text)));
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(zhibiao::annotate(std::hint::black_box(text)));
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let only = std::env::var("ZHIBIAO_BENCH_CASE").ok();
    println!("annotate on pathological inputs (one core, median of timed runs)");
    println!("  {:<32} {:>10} {:>10} {:>10} {:>10} {:>7}", "case", "1× KB", "ms/MB", "10× KB", "ms/MB", "ratio");
    for case in cases::CASES {
        if only.as_deref().is_some_and(|w| !case.name.contains(w)) {
            continue;
        }
        let small = (case.make)(case.big / 10);
        let big = (case.make)(case.big);
        let t_small = median_time(&small, 21);
        let t_big = median_time(&big, 7);
        let per_mb = |t: Duration, bytes: usize| t.as_secs_f64() * 1e3 / (bytes as f64 / 1e6);
        println!(
            "  {:<32} {:>10.1} {:>10.2} {:>10.1} {:>10.2} {:>7.2}",
            case.name,
            small.len() as f64 / 1e3,
            per_mb(t_small, small.len()),
            big.len() as f64 / 1e3,
            per_mb(t_big, big.len()),
            t_big.as_secs_f64() / t_small.as_secs_f64()
        );
    }
}
