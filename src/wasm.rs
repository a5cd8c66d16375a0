//! The JavaScript boundary: `annotate`, `compare` and `version` for the web page, compiled
//! only for wasm32. No logic lives here: each function wraps the library.
//!
//! The result of `annotate` is SPEC.md's JSON as a plain JS object, exactly
//! what the CLI prints: serde_wasm_bindgen's `json_compatible` serializer
//! turns `None` into `null` (not `undefined`), maps into plain objects and
//! every number into a JS number.
//!
//! Strings from JS: wasm-bindgen copies a JS string into a Rust `&str` with
//! `TextEncoder`, which replaces every lone surrogate (a UTF-16 unit in
//! 0xD800..=0xDFFF without its partner) with U+FFFD. U+FFFD is one UTF-16 unit,
//! like the surrogate it replaces, so the text the library sees has the same
//! UTF-16 length as the caller's string and every offset in the result (UTF-16
//! code units, end exclusive) points at the same place in the caller's string.
//! tests/wasm.rs and tests/node/wasm-vs-cli.test.mjs check this.
//!
//! Panics: `annotate` never panics (see the library); nothing here can. On
//! wasm32 a panic aborts, so one would reach JS as a `RuntimeError`, with the
//! panic message in the console when the `console_error_panic_hook` feature
//! is on.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// TypeScript types of `annotate`'s result, as SPEC.md defines them. They go
/// into `zhibiao.d.ts`; tests/wasm.rs checks them against the Rust types.
pub const TYPESCRIPT: &str = r#"
/** SPEC.md's output for one text: its outline and its indicators, both in
 * document order. Every offset counts UTF-16 code units, end exclusive, as
 * `String.prototype.slice` does. */
export interface Annotation {
    sections: Section[];
    indicators: Indicator[];
}

/** One heading of the outline. */
export interface Section {
    /** Index in `Annotation.sections`. */
    id: number;
    /** 1 is the top of the outline; a child is deeper than its parent. */
    level: number;
    /** The enumerator as written (`一、`, `（一）`, `一是`), or null. */
    marker: string | null;
    /** Heading text without marker and trailing `。：；，`. */
    title: string;
    /** Span of marker + title (+ trailing punctuation). */
    start: number;
    end: number;
    /** `id` of the enclosing section. */
    parent: number | null;
}

/** What sort of quantity a figure is. */
export type Kind = "level" | "change" | "rank" | "ratio";
/** Which way a `change` goes. */
export type Direction = "up" | "down";
/** How the true quantity relates to the written number. */
export type Comparator = "eq" | "approx" | "gt" | "ge" | "lt" | "le";
/** A reported result, an estimate or a goal. */
export type Status = "actual" | "estimate" | "target";

/** One quantitative fact or target. */
export interface Indicator {
    /** Index in `Annotation.indicators`. */
    id: number;
    /** Span of the number expression: number + magnitude + unit. */
    start: number;
    end: number;
    /** The input sliced at `start..end`. */
    value_text: string;
    /** The number with its magnitude applied; null for a ratio or a vague amount. */
    value: number | null;
    /** Upper bound of a range. */
    value_max: number | null;
    /** Canonical unit (simplified, half-width, magnitude taken out). */
    unit: string | null;
    kind: Kind;
    direction: Direction | null;
    comparator: Comparator;
    status: Status;
    /** The noun phrase the number measures, as written. */
    metric: string | null;
    /** Span of `metric`. */
    metric_start: number | null;
    metric_end: number | null;
    /** The year the figure refers to, when its sentence writes it as a number. */
    year: number | null;
    /** `id` of the innermost section containing the figure. */
    section: number | null;
}

/** The outcome for one target of `compare`. */
export type Verdict = "met" | "missed" | "not_comparable" | "unmatched";

/** A target of the earlier report, the result of the later one that
 * measures the same thing, and the verdict. */
export interface Pair {
    /** The target, with offsets into the earlier text. */
    target: Indicator;
    /** The matching result, with offsets into the later text. */
    result: Indicator | null;
    verdict: Verdict;
    /** Why: the comparison made, or what kept it from being made. */
    reason: string;
    /** The normalised metric the two were matched on. */
    metric_key: string | null;
    /** 1 for the same metric key, less for a partial match, 0 unmatched. */
    match_score: number;
}

/** Counts of the verdicts. */
export interface Summary {
    targets: number;
    met: number;
    missed: number;
    not_comparable: number;
    unmatched: number;
}

/** `compare`'s result: one pair per target of the earlier report. */
export interface Comparison {
    pairs: Pair[];
    summary: Summary;
}
"#;

// The attribute takes the const away, hence the copy.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_SECTION: &str = TYPESCRIPT;

/// Installs the panic hook when the module is instantiated, so that a panic
/// (there should be none) shows its message in the console.
#[cfg(feature = "console_error_panic_hook")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Annotates one report: SPEC.md's `{ sections, indicators }` as a plain
/// object, the same as the CLI's JSON. Offsets are UTF-16 code units into
/// `text` as given, end exclusive.
#[wasm_bindgen(unchecked_return_type = "Annotation")]
pub fn annotate(text: &str) -> Result<JsValue, JsError> {
    crate::annotate(text)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// Pairs the targets of the earlier report `old` with the results of the
/// later report `new` (see `zhibiao::compare`): the same JSON as the CLI's
/// `zhibiao compare`.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(old: &str, new: &str) -> Result<JsValue, JsError> {
    crate::compare(&crate::annotate(old), &crate::annotate(new))
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// The crate's version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

fn js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// BENCHMARK HOOKS, not part of the API: compiled only with the
/// `bench-hooks` feature, which bench/build-wasm-hooks turns on for a
/// separate build (target/bench-pkg). The shipped www/pkg never has them, so
/// they add nothing to its size. They split `annotate` into its three costs
/// (text into wasm, annotating, result to JS) and offer the alternative
/// result path (a JSON string for `JSON.parse`) for bench/wasm-node.mjs.
#[cfg(feature = "bench-hooks")]
#[doc(hidden)]
pub mod bench_hooks {
    use super::*;
    use std::cell::RefCell;

    thread_local! {
        static KEPT: RefCell<Option<crate::Annotation>> = const { RefCell::new(None) };
    }

    /// Benchmark hook: the text's UTF-8 length. Costs only the string passing.
    #[wasm_bindgen(js_name = benchTextIn)]
    pub fn text_in(text: &str) -> usize {
        text.len()
    }

    /// Benchmark hook: annotates and returns the number of indicators.
    #[wasm_bindgen(js_name = benchAnnotateCount)]
    pub fn annotate_count(text: &str) -> usize {
        crate::annotate(text).indicators.len()
    }

    /// Benchmark hook: annotates and keeps the result for the two below.
    #[wasm_bindgen(js_name = benchKeep)]
    pub fn keep(text: &str) -> usize {
        let a = crate::annotate(text);
        let n = a.indicators.len();
        KEPT.with(|k| *k.borrow_mut() = Some(a));
        n
    }

    /// Benchmark hook: the kept result as a JS object, as `annotate` makes it.
    #[wasm_bindgen(js_name = benchKeptToJs)]
    pub fn kept_to_js() -> Result<JsValue, JsError> {
        KEPT.with(|k| k.borrow().serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error))
    }

    /// Benchmark hook: the kept result as a JSON string (serde_json).
    #[wasm_bindgen(js_name = benchKeptToJson)]
    pub fn kept_to_json() -> Result<String, JsError> {
        KEPT.with(|k| serde_json::to_string(&*k.borrow()).map_err(js_error))
    }

    /// Benchmark hook: the alternative to `annotate`: SPEC JSON as a string,
    /// for `JSON.parse` on the JS side.
    #[wasm_bindgen(js_name = benchAnnotateJson)]
    pub fn annotate_json(text: &str) -> Result<String, JsError> {
        serde_json::to_string(&crate::annotate(text)).map_err(js_error)
    }
}
