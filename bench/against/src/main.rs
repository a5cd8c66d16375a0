//! Annotate throughput of the working tree (`current`) against an earlier
//! revision (`baseline`): the same texts, the two read in turn within each
//! round so that a busy neighbour slows both alike. Prints each text's
//! median time for both and the ratio current / baseline.

use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(25);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data");
    let x8 = std::fs::read_to_string(data.join("gz-2017-government-work-report-x8.txt")).expect("tests/data has the x8 report");
    let mut names: Vec<_> = std::fs::read_dir(data.join("national")).expect("tests/data/national").map(|e| e.unwrap().path()).collect();
    names.sort();
    let national: String = names.iter().map(|p| std::fs::read_to_string(p).unwrap() + "\n").collect();
    let plenary = std::fs::read_to_string(data.join("gz-2016-party-plenary-report.txt")).expect("tests/data has the plenary report").repeat(8);
    println!("annotate on clean text, current against baseline: median per call over {rounds} interleaved rounds");
    let mut total = (0.0, 0.0);
    for (name, text) in [("gz-2017 report ×8", &x8), ("gz-2016 plenary ×8", &plenary), ("national reports (26)", &national)] {
        let (mut cur, mut base) = (Vec::new(), Vec::new());
        for round in 0..rounds {
            // alternate which goes first, so neither always runs on a warm cache
            for first in [round % 2 == 0, round % 2 == 1] {
                let t = Instant::now();
                if first {
                    std::hint::black_box(current::annotate(std::hint::black_box(text)));
                    cur.push(t.elapsed());
                } else {
                    std::hint::black_box(baseline::annotate(std::hint::black_box(text)));
                    base.push(t.elapsed());
                }
            }
        }
        let (c, b) = (median(cur), median(base));
        total.0 += c.as_secs_f64();
        total.1 += b.as_secs_f64();
        println!(
            "  {name:<24} {:>8.1} KB  current {:>7.2} ms ({:>6.1} MB/s)  baseline {:>7.2} ms ({:>6.1} MB/s)  ratio {:.3}",
            text.len() as f64 / 1e3,
            c.as_secs_f64() * 1e3,
            text.len() as f64 / 1e6 / c.as_secs_f64(),
            b.as_secs_f64() * 1e3,
            text.len() as f64 / 1e6 / b.as_secs_f64(),
            c.as_secs_f64() / b.as_secs_f64()
        );
    }
    println!("  all three                 time ratio current / baseline {:.3} (1.05 = 5 % slower)", total.0 / total.1);
}
