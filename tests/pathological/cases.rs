//! Pathological inputs, each made at any size: shared by
//! `tests/pathological.rs` (which bounds the work they cost) and
//! `bench/native/pathological.rs` (which prints it per MB).

#![allow(dead_code)] // each including crate uses its own part

/// One kind of input. `make(bytes)` gives about `bytes` bytes of it (a
/// whole number of repetitions of its pattern, at least one).
pub struct Case {
    pub name: &'static str,
    /// The size it is tested at, in bytes; the test also runs a tenth of it.
    pub big: usize,
    pub make: fn(usize) -> String,
}

const MB: usize = 1_000_000;

fn repeat_to(pattern: &str, bytes: usize) -> String {
    pattern.repeat((bytes / pattern.len()).max(1))
}

/// A pattern with lone surrogates, as a JS string may hold them, after the
/// conversion every JS string goes through on its way to Rust (wasm-bindgen's
/// `TextEncoder`): each becomes U+FFFD, one UTF-16 unit like the surrogate.
fn from_js(units: &[u16]) -> String {
    String::from_utf16_lossy(units)
}

fn lone_surrogates(bytes: usize) -> String {
    let mut units: Vec<u16> = Vec::new();
    units.push(0xD800); // high surrogate without its low half
    units.extend("增长8.1%".encode_utf16());
    units.push(0xDC00); // low surrogate alone
    units.extend("，完成".encode_utf16());
    units.extend([0xDBFF, 0xDBFF]); // two highs
    units.extend("1.95万亿元。\n".encode_utf16());
    let pattern = from_js(&units);
    debug_assert_eq!(pattern.encode_utf16().count(), units.len());
    repeat_to(&pattern, bytes)
}

pub const CASES: &[Case] = &[
    Case { name: "digits", big: MB, make: |n| repeat_to("1234567890", n) },
    Case {
        name: "digits then a unit",
        big: MB,
        make: |n| {
            let mut s = "9".repeat(n.saturating_sub(3).max(1));
            s.push('元');
            s
        },
    },
    Case { name: "one line, no punctuation", big: MB, make: |n| repeat_to("全市地区生产总值增长8%完成投资1.95万亿元新增就业31万人", n) },
    Case { name: "一、 headings", big: 100_000 * "一、城市建设\n".len(), make: |n| repeat_to("一、城市建设\n", n) },
    Case { name: "一、 on one line", big: MB, make: |n| repeat_to("一、", n) },
    Case { name: "（一） nested on one line", big: MB, make: |n| repeat_to("（一）", n) },
    Case {
        name: "（一） / 1 / 一是 lines",
        big: 10_000 * "（一）标题\n1 标题\n一是推进改革。正文。\n".len(),
        make: |n| repeat_to("（一）标题\n1 标题\n一是推进改革。正文。\n", n),
    },
    Case { name: "punctuation only", big: MB, make: |n| repeat_to("，。、；：“”《》（）", n) },
    Case { name: "ideographs only", big: MB, make: |n| repeat_to("经济社会发展取得新的重大成就", n) },
    Case { name: "NUL bytes", big: MB, make: |n| repeat_to("\0", n) },
    Case { name: "NUL between figures", big: MB, make: |n| repeat_to("增长8%\0\0一、\0", n) },
    Case { name: "lone surrogates from JS", big: MB, make: lone_surrogates },
    Case {
        name: "one 5 MB paragraph of figures",
        big: 5 * MB,
        make: |n| repeat_to("地区生产总值增长8.1%，完成投资1.95万亿元，新增就业31万人，分别增长8.5%和10%，", n),
    },
    // the layout layer's inputs: pages of a PDF copy (wrapped lines, a page
    // number and a running head every page, a zero-width line), and a page
    // of menus repeated (chrome at both ends, blank lines everywhere)
    Case { name: "PDF pages", big: 2 * MB, make: pdf_pages },
    Case {
        name: "web chrome and blank lines",
        big: MB,
        make: |n| repeat_to("首页\n\n政务公开\n\n　　全市地区生产总值增长8.1%。 \n\n版权所有\n\n\u{200B}\n", n),
    },
    Case { name: "spaced digits", big: MB, make: |n| repeat_to("达到 7 4 7 7 2 亿元，增长 8 . 8 %，", n) },
];

/// Pages of a report copied out of a PDF: 40 lines of 38 characters,
/// then `— N —`, a running head and a form feed.
fn pdf_pages(bytes: usize) -> String {
    let line = "全市地区生产总值增长8.1%，完成固定资产投资1.95万亿元，新增";
    let mut out = String::new();
    let mut page = 1;
    while out.len() < bytes {
        for _ in 0..40 {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("\n— {page} —\n\u{0C}2017年政府工作报告\n\u{200B}\n"));
        page += 1;
    }
    out
}
