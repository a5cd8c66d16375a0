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
pub mod encoding;
pub mod export;
pub mod glossary;
mod hant;
mod indicators;
mod layout;
mod lexicon;
mod numbers;
mod sections;
pub mod series;
mod text;
mod units;
#[cfg(target_arch = "wasm32")]
pub mod wasm; // the JS boundary; `pub` so that tests/wasm.rs can call it

use std::cell::Cell;

pub use annotation::{Annotation, Comparator, Direction, Horizon, Indicator, Kind, Section, Status};
pub use compare::{compare, compare_annotated, metric_key, Comparison, Evidence, MatchBasis, Pair, ReasonCode, Summary, Verdict, Warning, WarningCode, Years};
pub use layout::{Layout, LineEnds, Source, Span};

/// Annotates one report. Never panics; text with nothing to annotate gives an
/// empty `Annotation`. Work grows linearly with the length of `text`.
///
/// Text copied out of a PDF or a web page is read as the report it holds
/// (`layout`): wrapped lines as one paragraph, page numbers, running heads
/// and the page's chrome as no text. Offsets still point into `text` as
/// given.
pub fn annotate(text: &str) -> Annotation {
    let doc = text::Doc::new(text);
    match layout::plan(&doc) {
        (layout, None) => read(&doc, None, layout),
        (layout, Some(plan)) => {
            let reading = plan.apply(&doc);
            drop(doc);
            let doc = text::Doc::new(&reading.text);
            read(&doc, Some((&reading, text)), layout)
        }
    }
}

/// The text the rules read for `text`: [`annotate`]'s reading of a text
/// copied out of a PDF or a web page, one paragraph a line, without page
/// numbers, running heads, the page's chrome and invisible characters;
/// `text` itself when it is laid out a paragraph a line already.
pub fn reflow(text: &str) -> String {
    let doc = text::Doc::new(text);
    match layout::plan(&doc) {
        (_, Some(plan)) => plan.apply(&doc).text,
        (_, None) => text.to_string(),
    }
}

/// Offsets and strings of the result, in the input's terms: `doc` reads
/// the input itself, or the reading of it (`reading`, with the input).
struct Out<'d, 'a> {
    doc: &'d text::Doc<'a>,
    reading: Option<(&'d layout::Reading, &'d str)>,
}

impl Out<'_, '_> {
    fn start(&self, i: usize) -> usize {
        match self.reading {
            None => self.doc.u16(i),
            Some((r, _)) => r.start16(self.doc, i),
        }
    }
    fn end(&self, a: usize, b: usize) -> usize {
        match self.reading {
            None => self.doc.u16(b),
            Some((r, _)) => r.end16(self.doc, a, b),
        }
    }
    /// The input as written from `a` to `b`.
    fn written(&self, a: usize, b: usize) -> String {
        match self.reading {
            None => self.doc.slice(a, b).to_string(),
            Some((r, src)) => r.slice(self.doc, src, a, b).to_string(),
        }
    }
}

/// `annotate` over a prepared text. Not inlined: `annotate` calls it on
/// two paths, and one copy of the passes is enough (in wasm every copy is
/// downloaded).
#[inline(never)]
fn read(doc: &text::Doc, reading: Option<(&layout::Reading, &str)>, layout: Layout) -> Annotation {
    let out = Out { doc, reading };
    let headings = sections::outline(doc);
    let mut finder = indicators::Finder::new(doc, &headings);
    let mut sections = Vec::with_capacity(headings.len());
    // collected in the thread's spare vector, then moved into one of their
    // exact number (`SPARE`)
    let mut found: Vec<Indicator> = SPARE.try_with(Cell::take).unwrap_or_default();
    // a block at a time, each section and indicator made while its text is
    // in the cache
    for (a, b) in doc.blocks(text::BLOCK) {
        doc.warm(a, b);
        for h in headings[sections.len()..].iter().take_while(|h| h.start < b || b == doc.norm.len()) {
            sections.push(Section {
                id: sections.len(),
                level: h.level,
                marker: h.marker.map(|(a, b)| out.written(a, b)),
                // as read: a title broken across lines reads as one
                title: doc.slice(h.title.0, h.title.1).to_string(),
                start: out.start(h.start),
                end: out.end(h.start, h.end),
                parent: h.parent,
            });
        }
        finder.run(a, b, |f| {
            found.push(Indicator {
                id: found.len(),
                start: out.start(f.number.start),
                end: out.end(f.number.start, f.number.end),
                value_text: out.written(f.number.start, f.number.end),
                value: f.number.value,
                value_max: f.number.value_max,
                unit: f.number.unit.map(str::to_string),
                kind: f.kind,
                direction: f.direction,
                comparator: f.comparator,
                status: f.status,
                horizon: f.horizon,
                metric: f.metric.map(|(a, b)| out.written(a, b)),
                metric_start: f.metric.map(|(a, _)| out.start(a)),
                metric_end: f.metric.map(|(a, b)| out.end(a, b)),
                year: f.year,
                section: f.section,
            })
        });
    }
    let indicators = if found.capacity() <= KEEP_AT_MOST {
        let mut exact = Vec::with_capacity(found.len());
        exact.append(&mut found);
        let _ = SPARE.try_with(|s| s.set(found));
        exact
    } else {
        // too many to keep: no copy (it would hold the indicators twice at
        // the peak), and the unused room handed back
        found.shrink_to_fit();
        found
    };
    Annotation { sections, indicators, layout }
}

thread_local! {
    /// An empty vector with room for the last text's indicators. Grown
    /// anew by doubling on every call, the vector of indicators landed on
    /// memory the allocator had just handed back to the system: 13 page
    /// faults a call on the 57 KB report, a tenth of its time spent in the
    /// kernel. Moving the indicators into a vector of their number costs a
    /// copy of ~200 bytes each.
    static SPARE: Cell<Vec<Indicator>> = const { Cell::new(Vec::new()) };
}

/// The spare vector is kept up to room for this many indicators (~3 MB),
/// those of a ~10 MB report, 40 times a long one. A text with more gets its
/// vector itself, without the copy.
const KEEP_AT_MOST: usize = 1 << 14;
