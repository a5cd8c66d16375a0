//! Prints the text the `pasted` fuzz target makes of a file of fuzzer bytes,
//! to keep a crash as a plain-text regression case:
//! `cargo run --example pasted_text fuzz/artifacts/pasted/crash-… > ../tests/data/regressions/NAME.txt`
fn main() {
    let path = std::env::args().nth(1).expect("usage: pasted_text FILE");
    let bytes = std::fs::read(path).expect("a readable file");
    print!("{}", zhibiao_fuzz::pasted_text(&bytes));
}
