//! Number-dense text: each byte picks one token (digits in both widths,
//! magnitudes, units, range signs, comparators, cues, quotes, line ends),
//! so that every input exercises the number reader and the attribute rules
//! around it through `annotate`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhibiao_fuzz::numbers(data));
