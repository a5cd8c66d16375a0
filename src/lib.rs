//! zhibiao (指标) reads the plain text of a Chinese government or party work
//! report and returns its outline and every indicator in it, as described in
//! SPEC.md.
//!
//! ```
//! let a = zhibiao::annotate("一、回顾\n全市地区生产总值增长8.1%。\n");
//! assert_eq!(a.sections[0].title, "回顾");
//! assert_eq!(a.indicators[0].value, Some(8.1));
//! ```

mod annotation;
mod charclass;
mod compare;
mod cues;
mod hant;
mod indicators;
mod lexicon;
mod numbers;
mod sections;
mod text;
mod units;
#[cfg(target_arch = "wasm32")]
pub mod wasm; // the JS boundary; `pub` so that tests/wasm.rs can call it

pub use annotation::{Annotation, Comparator, Direction, Indicator, Kind, Section, Status};
pub use compare::{compare, metric_key, Comparison, Pair, Summary, Verdict};

/// Annotates one report. Never panics; text with nothing to annotate gives an
/// empty `Annotation`. Work grows linearly with the length of `text`.
pub fn annotate(text: &str) -> Annotation {
    let doc = text::Doc::new(text);
    let headings = sections::outline(&doc);
    let sections = headings
        .iter()
        .enumerate()
        .map(|(id, h)| Section {
            id,
            level: h.level,
            marker: h.marker.map(|(a, b)| doc.slice(a, b).to_string()),
            title: doc.slice(h.title.0, h.title.1).to_string(),
            start: doc.u16(h.start),
            end: doc.u16(h.end),
            parent: h.parent,
        })
        .collect();
    let mut indicators = Vec::new();
    // each indicator is made as it is found, while its text is in the cache
    indicators::find(&doc, &headings, |f| {
        indicators.push(Indicator {
            id: indicators.len(),
            start: doc.u16(f.number.start),
            end: doc.u16(f.number.end),
            value_text: doc.slice(f.number.start, f.number.end).to_string(),
            value: f.number.value,
            value_max: f.number.value_max,
            unit: f.number.unit.map(str::to_string),
            kind: f.kind,
            direction: f.direction,
            comparator: f.comparator,
            status: f.status,
            metric: f.metric.map(|(a, b)| doc.slice(a, b).to_string()),
            metric_start: f.metric.map(|(a, _)| doc.u16(a)),
            metric_end: f.metric.map(|(_, b)| doc.u16(b)),
            year: f.year,
            section: f.section,
        })
    });
    Annotation { sections, indicators }
}
