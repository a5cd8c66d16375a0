//! Throughput of `annotate` on one core: MB/s on the 455 KB report (the
//! 2017 report eight times) and on all 26 national reports, and how time
//! grows from 1× to 16× the input. A program that prints figures, not a
//! test: run it with `cargo bench --bench throughput`.
//!
//! Each figure is the median of several timed runs after a warm-up, so a
//! busy neighbour on a shared machine moves it less.

use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Median time of `f` over enough runs to take about `budget`.
fn time_fn<T>(mut f: impl FnMut() -> T, budget: Duration) -> Duration {
    let t = Instant::now();
    std::hint::black_box(f());
    let once = t.elapsed().max(Duration::from_micros(1));
    let runs = (budget.as_secs_f64() / once.as_secs_f64()).clamp(5.0, 200.0) as usize;
    let v = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    median(v)
}

/// Median time of `annotate(text)` over enough runs to take about `budget`.
fn time(text: &str, budget: Duration) -> Duration {
    time_fn(|| zhibiao::annotate(std::hint::black_box(text)), budget)
}

fn mb_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let x8 = std::fs::read_to_string(data.join("gz-2017-government-work-report-x8.txt")).expect("tests/data has the x8 report");
    let mut national = String::new();
    let mut names: Vec<_> = std::fs::read_dir(data.join("national")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for p in &names {
        national.push_str(&std::fs::read_to_string(p).unwrap());
        national.push('\n');
    }
    let budget = Duration::from_millis(1500);

    // The machine's speed at the moment: one pass that decodes every
    // character of the 455 KB text (the yardstick, 0.5–0.7 ms here
    // on a quiet day). On a shared virtual machine the same code runs up to
    // half again as slow from one hour to the next; annotate as a multiple
    // of this pass moves much less.
    let pass = time_fn(|| x8.chars().fold(0u32, |h, c| h.rotate_left(5) ^ c as u32), budget);
    println!("one pass decoding every character of the 455 KB text: {:.3} ms", pass.as_secs_f64() * 1e3);
    // The 2017 report as copied out of a PDF (Chromium's print with its
    // header and footer, pdftotext): the layout layer's reading costs a
    // second `Doc` of the text.
    let pdf =
        std::fs::read_to_string(data.join("layouts/gz-2017-government-work-report--pdf-chrome-hf.txt")).expect("tests/data/layouts has the PDF copy").repeat(8);
    println!("annotate throughput (one core, median of timed runs)");
    for (name, text) in [("gz-2017 report ×8", &x8), ("  the same from a PDF ×8", &pdf), ("national reports (26)", &national)] {
        let d = time(text, budget);
        let a = zhibiao::annotate(text);
        // the pass scaled to this text's length
        let passes = d.as_secs_f64() / (pass.as_secs_f64() * text.len() as f64 / x8.len() as f64);
        println!(
            "  {name:<24} {:>8.1} KB  {:>8.2} ms  {:>7.1} MB/s  ({} indicators, {} sections; {passes:.1} passes)",
            text.len() as f64 / 1e3,
            d.as_secs_f64() * 1e3,
            mb_s(text.len(), d),
            a.indicators.len(),
            a.sections.len()
        );
    }

    // Growth: the national reports repeated 1, 2, 4, 8 and 16 times. The
    // sizes are interleaved, one round reading each of them in turn and
    // every size the same number of bytes (16/k calls at k×), so that the
    // machine's drift from one second to the next falls on all of them
    // alike instead of on whichever size ran at a slow moment. Fifteen
    // rounds (nine until 2026-12-02): the 16× figure is one call a round,
    // and with nine its ratio to 1× moved by ±1.5 from run to run here.
    const SIZES: [usize; 5] = [1, 2, 4, 8, 16];
    const ROUNDS: usize = 15;
    println!("growth with input size (the national reports repeated; median per call over {ROUNDS} interleaved rounds)");
    let texts: Vec<String> = SIZES.iter().map(|&k| national.repeat(k)).collect();
    let mut per_call: Vec<Vec<Duration>> = vec![Vec::new(); SIZES.len()];
    for _ in 0..ROUNDS {
        for ((&k, text), v) in SIZES.iter().zip(&texts).zip(&mut per_call) {
            let calls = 16 / k;
            let t = Instant::now();
            for _ in 0..calls {
                std::hint::black_box(zhibiao::annotate(std::hint::black_box(text)));
            }
            v.push(t.elapsed() / calls as u32);
        }
    }
    let medians: Vec<Duration> = per_call.into_iter().map(median).collect();
    for ((&k, text), &d) in SIZES.iter().zip(&texts).zip(&medians) {
        println!(
            "  {k:>2}× {:>9.1} KB  {:>9.2} ms  {:>7.1} MB/s  time ratio {:>5.2} (linear: {k})",
            text.len() as f64 / 1e3,
            d.as_secs_f64() * 1e3,
            mb_s(text.len(), d),
            d.as_secs_f64() / medians[0].as_secs_f64()
        );
    }
}
