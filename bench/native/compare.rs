//! Growth of `compare` with input size (issue 17, "Quadratic compare"):
//! the 26 national reports, concatenated, as the earlier and as the later
//! report, repeated 1, 4 and 16 times. A program that prints figures, not a
//! test: run it with `cargo bench --bench compare`. The target is 16× the
//! input in at most 24× the 1× time (the all-pairs scan this replaced took
//! 0.28 / 2.53 / 29.9 s, ×107 at 16×).
//!
//! A title line makes the first the 2016 report and the second the 2017
//! one, so that the targets are looked up (with the years unknown, or not a
//! year apart, most would stop at the year check and the figure would say
//! little). Two figures per size: the pairing alone (`compare_annotated`:
//! the two texts read for evidence and years, the results indexed, every
//! target looked up), and the whole `compare` with both annotations.
//! Sizes are interleaved, one round reading each in turn, so that the
//! machine's drift falls on all of them alike.

use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut national = String::new();
    let mut names: Vec<_> = std::fs::read_dir(data.join("national")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for p in &names {
        national.push_str(&std::fs::read_to_string(p).unwrap());
        national.push('\n');
    }
    const SIZES: [usize; 3] = [1, 4, 16];
    const ROUNDS: usize = 5;
    let inputs: Vec<(String, String)> =
        SIZES.iter().map(|&k| (format!("2016年政府工作报告\n{}", national.repeat(k)), format!("2017年政府工作报告\n{}", national.repeat(k)))).collect();
    let annotated: Vec<_> = inputs.iter().map(|(o, n)| (zhibiao::annotate(o), zhibiao::annotate(n))).collect();
    let mut pairing: Vec<Vec<Duration>> = vec![Vec::new(); SIZES.len()];
    let mut whole: Vec<Vec<Duration>> = vec![Vec::new(); SIZES.len()];
    for _ in 0..ROUNDS {
        for (i, ((old, new), (a, b))) in inputs.iter().zip(&annotated).enumerate() {
            // every size the same number of bytes a round: 16/k calls at k×
            let calls = 16 / SIZES[i];
            let t = Instant::now();
            for _ in 0..calls {
                std::hint::black_box(zhibiao::compare_annotated(old, a, new, b));
            }
            pairing[i].push(t.elapsed() / calls as u32);
            let t = Instant::now();
            std::hint::black_box(zhibiao::compare(old, new));
            whole[i].push(t.elapsed());
        }
    }
    let pairing: Vec<Duration> = pairing.into_iter().map(median).collect();
    let whole: Vec<Duration> = whole.into_iter().map(median).collect();
    println!("compare growth with input size (the national reports repeated, as 2016 → 2017; median over {ROUNDS} interleaved rounds)");
    for (i, &k) in SIZES.iter().enumerate() {
        let c = zhibiao::compare_annotated(&inputs[i].0, &annotated[i].0, &inputs[i].1, &annotated[i].1);
        let matched = c.pairs.iter().filter(|p| p.result.is_some()).count();
        println!(
            "  {k:>2}× {:>9.1} KB  pairing {:>9.2} ms  time ratio {:>5.2}  with annotate {:>9.2} ms  time ratio {:>5.2} (linear: {k}; {} targets, {matched} matched)",
            inputs[i].0.len() as f64 / 1e3,
            pairing[i].as_secs_f64() * 1e3,
            pairing[i].as_secs_f64() / pairing[0].as_secs_f64(),
            whole[i].as_secs_f64() * 1e3,
            whole[i].as_secs_f64() / whole[0].as_secs_f64(),
            c.summary.targets,
        );
    }
    let ratio = whole[2].as_secs_f64() / whole[0].as_secs_f64();
    println!("  target: 16× in at most 24× the 1× time: {:.2}× ({})", ratio, if ratio <= 24.0 { "met" } else { "NOT met" });
}
