//! Peak heap memory of `annotate` as a multiple of the input's size, on
//! real reports and on the shapes that cost most per byte (digits, one
//! paragraph of figures), for the library alone and for the JSON the CLI
//! writes. A program that prints figures, not a test: run it with
//! `cargo bench --bench memory`.
//!
//! Memory is counted by a global allocator that wraps the system's and
//! keeps the bytes live and their high-water mark; the input's own bytes
//! are allocated before the mark is reset, so each figure is what
//! annotating adds on top of holding the text.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        System.dealloc(p, layout);
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = System.realloc(p, layout, new_size);
        if !q.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated at the peak of `f`, over what was live before it, in a
/// thread of its own: the buffers a thread keeps between calls start empty
/// and count, as in a process that annotates one text.
fn peak_of<T: Send>(f: impl FnOnce() -> T + Send) -> (usize, T) {
    std::thread::scope(|s| {
        s.spawn(|| {
            let base = LIVE.load(Relaxed);
            PEAK.store(base, Relaxed);
            let out = f();
            (PEAK.load(Relaxed) - base, out)
        })
        .join()
        .expect("annotate does not panic")
    })
}

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let read = |p: &str| std::fs::read_to_string(data.join(p)).unwrap_or_else(|e| panic!("tests/data/{p}: {e}"));
    let mut names: Vec<_> = std::fs::read_dir(data.join("national")).expect("tests/data/national").map(|e| e.unwrap().path()).collect();
    names.sort();
    let national: String = names.iter().map(|p| std::fs::read_to_string(p).unwrap() + "\n").collect();
    let pdf = read("layouts/gz-2017-government-work-report--pdf-chrome-hf.txt").repeat(8);
    let digits = "1234567890".repeat(100_000);
    let figures = "全市地区生产总值增长8.1%，完成投资1.95万亿元，新增就业30.5万人，".repeat(20_000);
    let texts: [(&str, String); 5] = [
        ("gz-2017 report ×8", read("gz-2017-government-work-report-x8.txt")),
        ("  the same from a PDF ×8", pdf),
        ("national reports (26)", national),
        ("digits (1 MB)", digits),
        ("one paragraph of figures", figures),
    ];
    println!("peak heap memory of annotate over holding the text (× the input's UTF-8 bytes)");
    for (name, text) in &texts {
        let (annotate, n) = peak_of(|| zhibiao::annotate(text).indicators.len());
        let (json, _) = peak_of(|| {
            let a = zhibiao::annotate(text);
            zhibiao::export::json(&a, false)
        });
        let mb = text.len() as f64 / 1e6;
        println!(
            "  {name:<26} {:>8.1} KB  annotate {:>7.1} MB ({:>5.1}×)  with the JSON {:>7.1} MB ({:>5.1}×)  {n} indicators",
            text.len() as f64 / 1e3,
            annotate as f64 / 1e6,
            annotate as f64 / 1e6 / mb,
            json as f64 / 1e6,
            json as f64 / 1e6 / mb,
        );
    }
}
