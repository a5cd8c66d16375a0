//! The JavaScript boundary: `annotate`, `compare`, the exports and `version` for the web page, compiled
//! only for wasm32. No logic lives here: each function wraps the library.
//!
//! The result of `annotate` is SPEC.md's JSON as a plain JS object, exactly
//! what the CLI prints: every key, in the CLI's order, `null` (never
//! `undefined`) for `None`, numbers as JS numbers. It is not built from here
//! one field at a time (serde-wasm-bindgen did that: ~5 ms for the 455 KB
//! report's 2000 indicators) but packed into two number arrays and one UTF-16
//! array (`pack`), which one call hands to `buildAnnotation` in src/wasm-result.js
//! as views over wasm memory; that builds the objects in JS (0.6 ms). `compare`
//! still goes through serde-wasm-bindgen's `json_compatible` serializer.
//!
//! Strings from JS: wasm-bindgen copies a JS string into a Rust `&str` with
//! `TextEncoder`, which replaces every lone surrogate (a UTF-16 unit in
//! 0xD800..=0xDFFF without its partner) with U+FFFD. U+FFFD is one UTF-16 unit,
//! like the surrogate it replaces, so the text the library sees has the same
//! UTF-16 length as the caller's string and every offset in the result (UTF-16
//! code units, end exclusive) points at the same place in the caller's string.
//! The strings of the result are the library's, not slices of the caller's
//! string, so a lone surrogate in a value_text or metric comes back as
//! U+FFFD; www/engine/annotator.js (the page's and embedders' client) slices them
//! from the caller's string again for such a text, so that every span field
//! slices it. tests/wasm.rs and tests/node/wasm-vs-cli.test.mjs check the
//! engine; tests/browser/input.test.mjs the client.
//!
//! Panics: `annotate` never panics (see the library); nothing here can. On
//! wasm32 a panic aborts, so one would reach JS as a `RuntimeError`, with the
//! panic message in the console when the `console_error_panic_hook` feature
//! is on.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// TypeScript types of `annotate`'s result, as SPEC.md defines them. They go
/// into `zhibiao.d.ts`; tests/wasm.rs checks them against the Rust types.
pub const TYPESCRIPT: &str = include_str!("wasm-types.d.ts");

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

/// Annotates one report: SPEC.md's `{ sections, indicators, layout }` as a
/// plain object, the same as the CLI's JSON. Offsets are UTF-16 code units
/// into `text` as given, end exclusive. Throws for a text over
/// `MAX_TEXT_BYTES`.
#[wasm_bindgen(unchecked_return_type = "Annotation")]
pub fn annotate(text: &str) -> Result<JsValue, JsError> {
    fits(text)?;
    to_js(&crate::annotate(text))
}

/// The largest text the wasm build annotates, in UTF-8 bytes: 64 MiB, about
/// 22 million Chinese characters, far beyond any report. Annotating takes
/// about six times the text in memory, and a wasm32 instance that runs out
/// traps and is lost; a text this large gets an error instead.
pub const MAX_TEXT_BYTES: usize = 64 << 20;

fn fits(text: &str) -> Result<(), JsError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(JsError::new(&format!(
            "the text is {} MiB, over the {} MiB the annotator takes in a browser; split it into reports",
            text.len() >> 20,
            MAX_TEXT_BYTES >> 20
        )));
    }
    Ok(())
}

/// The text as `annotate` reads it: a text copied out of a PDF or a web
/// page one paragraph a line, without page numbers, running heads, the
/// page's chrome and invisible characters; the text itself otherwise.
#[wasm_bindgen]
pub fn reflow(text: &str) -> Result<String, JsError> {
    fits(text)?;
    Ok(crate::reflow(text))
}

/// The encoding a file's bytes are read in (`TextDecoder`'s label: UTF-8,
/// UTF-16LE, UTF-16BE, GB18030, Big5), by the CLI's rules
/// (`zhibiao::encoding`); or throws an `Error` whose message is
/// `CODE: reason` (`binary`, `cesu8`, `malformed`, `other-script`).
#[wasm_bindgen(js_name = sniffEncoding)]
pub fn sniff_encoding(bytes: &[u8]) -> Result<String, JsError> {
    crate::encoding::sniff(bytes).map(|e| e.label().to_string()).map_err(|e| JsError::new(&format!("{}: {e}", e.code())))
}

/// `annotation` as the plain JS object `annotate` returns. Public for
/// tests/wasm.rs (annotations no text gives), not exported to JS.
///
/// Through `pack` and src/wasm-result.js; through serde-wasm-bindgen, slower
/// and otherwise the same, if a number does not fit the packed form's `i32`
/// (an offset past 2^31, which no JS string reaches). A `value`, `value_max`
/// that is not finite becomes `null`, as in the CLI's JSON.
#[doc(hidden)]
pub fn to_js(annotation: &crate::Annotation) -> Result<JsValue, JsError> {
    match pack(annotation) {
        Some(p) => {
            let layout = annotation.layout.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)?;
            Ok(build_annotation(&p.ints, &p.floats, &p.strings, layout))
        }
        None => to_js_serde(annotation),
    }
}

/// `annotation` through serde-wasm-bindgen (`json_compatible`: `None` is
/// `null`, maps are plain objects). Public for tests/wasm.rs and the
/// benchmark hooks.
#[doc(hidden)]
pub fn to_js_serde(annotation: &crate::Annotation) -> Result<JsValue, JsError> {
    annotation.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)
}

#[wasm_bindgen(module = "/src/wasm-result.js")]
extern "C" {
    /// Builds `{ sections, indicators, layout }` from the packed form; see
    /// there.
    #[wasm_bindgen(js_name = buildAnnotation)]
    fn build_annotation(ints: &[i32], floats: &[f64], strings: &[u16], layout: JsValue) -> JsValue;
}

/// An annotation in the form src/wasm-result.js reads (described there):
/// every number in `ints` or `floats`, every string in `strings`, so that
/// three arguments carry it to JS.
///
/// The strings go as UTF-16: JS decodes that about ten times faster than
/// UTF-8 (0.05 against 0.5 ms for the 32 000 characters of the 455 KB
/// report's result), and their lengths come with the encoding.
struct Packed {
    ints: Vec<i32>,
    floats: Vec<f64>,
    strings: Vec<u16>,
}

/// Packs `a`; `None` if an offset, id or level does not fit an `i32`.
fn pack(a: &crate::Annotation) -> Option<Packed> {
    // Sections and indicators first, into `body`: the names they use (enum
    // spellings, units) are known only after them but go before them.
    let mut body = Packed {
        ints: Vec::with_capacity(7 * a.sections.len() + 13 * a.indicators.len()),
        floats: Vec::with_capacity(3 * a.indicators.len()),
        strings: Vec::new(),
    };
    for s in &a.sections {
        pack_section(s, &mut body)?;
    }
    let mut names = Names::default();
    for i in &a.indicators {
        pack_indicator(i, &mut names, &mut body)?;
    }

    let mut ints = Vec::with_capacity(3 + names.list.len() + body.ints.len());
    ints.extend([int(a.sections.len())?, int(a.indicators.len())?, int(names.list.len())?]);
    let mut strings = Vec::with_capacity(body.strings.len() + 256);
    for name in &names.list {
        ints.push(push_string(Some(name), &mut strings)?);
    }
    ints.extend_from_slice(&body.ints);
    strings.extend_from_slice(&body.strings);
    Some(Packed { ints, floats: body.floats, strings })
}

fn pack_section(s: &crate::Section, out: &mut Packed) -> Option<()> {
    let marker = push_string(s.marker.as_deref(), &mut out.strings)?;
    let title = push_string(Some(&s.title), &mut out.strings)?;
    out.ints.extend([int(s.id)?, i32::try_from(s.level).ok()?, opt(s.parent)?, int(s.start)?, int(s.end)?, marker, title]);
    Some(())
}

fn pack_indicator<'a>(i: &'a crate::Indicator, names: &mut Names<'a>, out: &mut Packed) -> Option<()> {
    let value_text = push_string(Some(&i.value_text), &mut out.strings)?;
    let metric = push_string(i.metric.as_deref(), &mut out.strings)?;
    out.ints.extend([
        int(i.id)?,
        int(i.start)?,
        int(i.end)?,
        value_text,
        i.unit.as_deref().map_or(Some(-1), |u| names.unit(u))?,
        names.variant(0, i.kind as usize, i.kind.as_str())?,
        i.direction.map_or(Some(-1), |d| names.variant(1, d as usize, d.as_str()))?,
        names.variant(2, i.comparator as usize, i.comparator.as_str())?,
        names.variant(3, i.status as usize, i.status.as_str())?,
        names.variant(4, i.horizon as usize, i.horizon.as_str())?,
        metric,
        opt(i.metric_start)?,
        opt(i.metric_end)?,
        opt(i.section)?,
    ]);
    let null = f64::NAN;
    out.floats.extend([i.value.unwrap_or(null), i.value_max.unwrap_or(null), i.year.map_or(null, f64::from)]);
    Some(())
}

/// The names table of the packed form: each enum spelling and unit once,
/// by first use, so that JS makes each string once.
#[derive(Default)]
struct Names<'a> {
    list: Vec<&'a str>,
    units: std::collections::BTreeMap<&'a str, i32>,
    /// Index in `list` of each enum variant seen, +1 (0: not yet), by enum
    /// (kind, direction, comparator, status, horizon) and `variant as usize`.
    variants: [[i32; 8]; 5],
}

impl<'a> Names<'a> {
    fn unit(&mut self, unit: &'a str) -> Option<i32> {
        if let Some(&id) = self.units.get(unit) {
            return Some(id);
        }
        let id = self.add(unit)?;
        self.units.insert(unit, id);
        Some(id)
    }

    /// The index of an enum's spelling; `None` if the enum has more variants
    /// than a slot row holds.
    fn variant(&mut self, family: usize, variant: usize, name: &'a str) -> Option<i32> {
        let slot = *self.variants.get(family)?.get(variant)?;
        if slot > 0 {
            return Some(slot - 1);
        }
        let id = self.add(name)?;
        self.variants[family][variant] = id + 1;
        Some(id)
    }

    fn add(&mut self, name: &'a str) -> Option<i32> {
        let id = int(self.list.len())?;
        self.list.push(name);
        Some(id)
    }
}

/// Appends `s` in UTF-16 and returns its length there, or -1 for `None`.
fn push_string(s: Option<&str>, strings: &mut Vec<u16>) -> Option<i32> {
    let Some(s) = s else { return Some(-1) };
    let before = strings.len();
    strings.extend(s.encode_utf16());
    int(strings.len() - before)
}

fn int(n: usize) -> Option<i32> {
    i32::try_from(n).ok()
}

/// -1 for `None`.
fn opt(n: Option<usize>) -> Option<i32> {
    n.map_or(Some(-1), int)
}

/// Pairs the targets of the earlier report `old` with the results of the
/// later report `new` (see `zhibiao::compare`): the same JSON as the CLI's
/// `zhibiao compare`.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(old: &str, new: &str) -> Result<JsValue, JsError> {
    fits(old)?;
    fits(new)?;
    crate::compare(old, new).serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)
}

/// `zhibiao annotate --format csv FILE`'s output for `text`, with `file` as
/// the `file` column (the page writes `-` for typed text, as the CLI does
/// for standard input): the same bytes, from the same code
/// (`zhibiao::export`). Annotates `text` again: an export is one click, and
/// the annotation the page holds has been through JS on its way. `english`
/// adds the columns `metric_en` and `unit_en`, as `--english` does.
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(text: &str, file: &str, english: bool) -> Result<String, JsError> {
    fits(text)?;
    Ok(crate::export::csv(file, text, &crate::annotate(text), english))
}

/// `exportCsv` with only the indicators `ids`, in that order: the page's
/// "export these rows" of a filtered, sorted table.
#[wasm_bindgen(js_name = exportCsvRows)]
pub fn export_csv_rows(text: &str, file: &str, ids: Vec<u32>, english: bool) -> Result<String, JsError> {
    fits(text)?;
    let ids: Vec<usize> = ids.into_iter().map(|i| i as usize).collect();
    Ok(crate::export::csv_selected(file, text, &crate::annotate(text), &ids, english))
}

/// `exportCsvRows` with a reader's corrections applied and a last column
/// `edited`: for each i, indicator `edit_ids[i]` takes `metrics[i]` when
/// `metric_set[i]` is 1, `statuses[i]` (`actual`, `estimate`, `target`; anything
/// else: unchanged) and `values[i]` (NaN: unchanged).
#[wasm_bindgen(js_name = exportCsvCorrected)]
pub fn export_csv_corrected(
    text: &str,
    file: &str,
    ids: Vec<u32>,
    edit_ids: Vec<u32>,
    metrics: Vec<String>,
    metric_set: Vec<u8>,
    statuses: Vec<String>,
    values: Vec<f64>,
    english: bool,
) -> Result<String, JsError> {
    fits(text)?;
    let n = edit_ids.len();
    if metrics.len() != n || metric_set.len() != n || statuses.len() != n || values.len() != n {
        return Err(JsError::new("corrections: ids, metrics, statuses and values differ in length"));
    }
    let corrections: Vec<crate::export::Correction> = (0..n)
        .map(|k| crate::export::Correction {
            id: edit_ids[k] as usize,
            metric: Some(metrics[k].clone()).filter(|_| metric_set[k] == 1),
            status: crate::Status::from_name(&statuses[k]),
            value: Some(values[k]).filter(|v| v.is_finite()),
        })
        .collect();
    let ids: Vec<usize> = ids.into_iter().map(|i| i as usize).collect();
    Ok(crate::export::csv_corrected(file, text, &crate::annotate(text), &ids, &corrections, english))
}

/// The glossary's English (`zhibiao::glossary`) of each of `metrics` and of
/// each of `units`, `null` where it has none: `{ metrics, units }`, each
/// in the order asked. The page asks for the distinct metrics and units
/// of a result once, when it is shown in English.
#[wasm_bindgen(unchecked_return_type = "Glosses")]
pub fn gloss(metrics: Vec<String>, units: Vec<String>) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Glosses {
        metrics: Vec<Option<String>>,
        units: Vec<Option<&'static str>>,
    }
    let glosses = Glosses {
        metrics: metrics.iter().map(|m| crate::glossary::metric_en(m)).collect(),
        units: units.iter().map(|u| crate::glossary::unit_en(u)).collect(),
    };
    glosses.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)
}

/// `text`'s indicators as W3C Web Annotations (an `AnnotationCollection`,
/// `zhibiao::export::web_annotations`), as `zhibiao annotate --format
/// web-annotation` writes them; `source` names the text (an IRI), or, when
/// empty, a `urn:uuid:` made from the text names it.
#[wasm_bindgen(js_name = exportWebAnnotations, unchecked_return_type = "WebAnnotationCollection")]
pub fn export_web_annotations(text: &str, source: &str) -> Result<JsValue, JsError> {
    fits(text)?;
    let source = Some(source).filter(|s| !s.is_empty());
    crate::export::web_annotations(text, &crate::annotate(text), source).serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)
}

/// CSV records of `width` fields each from `cells`, row after row, written
/// by the CLI's field writer (`zhibiao::export::csv_record`: RFC 4180
/// quoting, formula cells made text): the page's comparison CSV, whose rows
/// the page assembles from the `compare` result it holds. Throws if `cells`
/// is not a whole number of rows.
#[wasm_bindgen(js_name = csvRecords)]
pub fn csv_records(cells: Vec<String>, width: usize) -> Result<String, JsError> {
    if width == 0 || cells.len() % width != 0 {
        return Err(JsError::new(&format!("{} cells are no rows of {width}", cells.len())));
    }
    let mut out = String::new();
    for row in cells.chunks(width) {
        crate::export::csv_record(&mut out, row.iter().map(|c| Some(c.as_str())));
    }
    Ok(out)
}

/// The crate's version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

fn js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// Many reports at once (SPEC §5, `zhibiao series`): the reports of a run
/// taken one at a time, each one's rows (and, when joining, its issuer's
/// previous report's targets against its results) given back as it is
/// taken, and the whole table written as the CLI writes it.
#[wasm_bindgen(js_name = SeriesRun)]
pub struct SeriesRun {
    series: crate::series::Series,
    rows: Vec<crate::series::Row>,
    joined: Vec<crate::series::Joined>,
}

/// What `SeriesRun.push` gives back for one report.
#[derive(Serialize)]
struct SeriesStep<'a> {
    report: &'a crate::series::Report,
    rows: &'a [crate::series::Row],
    joined: &'a [crate::series::Joined],
    note: Option<&'a str>,
}

#[wasm_bindgen(js_class = SeriesRun)]
impl SeriesRun {
    /// A new run; `join`: pair each report's targets with its issuer's next
    /// report in the run (`zhibiao series --joined`).
    #[wasm_bindgen(constructor)]
    pub fn new(join: bool) -> SeriesRun {
        SeriesRun { series: crate::series::Series::new(join), rows: Vec::new(), joined: Vec::new() }
    }

    /// Takes one report (`source`: its file name): `{ report, rows, joined,
    /// note }`, the report's part of the table. Throws for a text over
    /// `MAX_TEXT_BYTES`.
    #[wasm_bindgen(unchecked_return_type = "SeriesStep")]
    pub fn push(&mut self, source: &str, text: String) -> Result<JsValue, JsError> {
        fits(&text)?;
        let step = self.series.push(source, text);
        let out = SeriesStep { report: &step.report, rows: &step.rows, joined: &step.joined, note: step.note.as_deref() };
        let value = out.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)?;
        self.rows.extend(step.rows);
        self.joined.extend(step.joined);
        Ok(value)
    }

    /// How many reports were taken.
    pub fn reports(&self) -> usize {
        self.series.reports()
    }

    /// The run's table as CSV, the bytes `zhibiao series` (`joined`: `zhibiao
    /// series --joined`; `english`: `--english`) prints for the same files
    /// in the same order.
    pub fn csv(&self, joined: bool, english: bool) -> String {
        use crate::series::{csv_with, joined_csv, joined_english, row_csv, row_english};
        let mut out = crate::series::csv_header_with(joined, english);
        if joined {
            for j in &self.joined {
                csv_with(&mut out, j, joined_csv, english.then_some(joined_english as crate::series::EnglishOf<_>));
            }
        } else {
            for r in &self.rows {
                csv_with(&mut out, r, row_csv, english.then_some(row_english as crate::series::EnglishOf<_>));
            }
        }
        out
    }
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

    /// Benchmark hook: the kept result as a JS object, as `annotate` makes it
    /// (packed, built in src/wasm-result.js).
    #[wasm_bindgen(js_name = benchKeptToJs)]
    pub fn kept_to_js() -> Result<JsValue, JsError> {
        KEPT.with(|k| match &*k.borrow() {
            Some(a) => to_js(a),
            None => Ok(JsValue::NULL),
        })
    }

    /// Benchmark hook: only the packing of `to_js`, on the Rust side; returns
    /// the number of ints.
    #[wasm_bindgen(js_name = benchKeptPack)]
    pub fn kept_pack() -> usize {
        KEPT.with(|k| k.borrow().as_ref().and_then(pack).map_or(0, |p| p.ints.len()))
    }

    /// Benchmark hook: the kept result through serde-wasm-bindgen
    /// (`json_compatible`), the way `annotate` made its object before.
    #[wasm_bindgen(js_name = benchKeptToJsSerde)]
    pub fn kept_to_js_serde() -> Result<JsValue, JsError> {
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
