//! Runs `annotate` over a file many times, for profilers
//! (`cargo build --release --example profile_annotate`, then
//! `valgrind --tool=callgrind target/release/examples/profile_annotate FILE`).
fn main() {
    let path = std::env::args().nth(1).expect("usage: profile_annotate FILE [RUNS]");
    let runs: usize = std::env::args().nth(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(path).expect("a UTF-8 text file");
    let mut n = 0;
    for _ in 0..runs {
        n += std::hint::black_box(zhibiao::annotate(&text)).indicators.len();
    }
    println!("{n} indicators");
}
