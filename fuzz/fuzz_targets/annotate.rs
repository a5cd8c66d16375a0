//! Any bytes, read as UTF-8 with U+FFFD for what is not: `annotate` keeps
//! every invariant of SPEC.md (`tests/invariants/mod.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhibiao_fuzz::annotate(data));
