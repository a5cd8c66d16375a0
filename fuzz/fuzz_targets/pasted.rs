//! Report-shaped text as pasted from a PDF or a web page (hard wraps at a
//! chosen width, page numbers, running heads, zero-width characters, spaced
//! digits, lone CRs, a site's chrome): `annotate` keeps every invariant and
//! the reading only drops characters.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhibiao_fuzz::pasted(data));
