//! Indicators: which number expressions are quantitative facts or targets,
//! and their kind, direction, comparator, status, metric and year.
//!
//! One pass over the text finds number expressions (`numbers`) and drops
//! those that are dates, enumerators, codes, slogans or names. A second
//! pass, over the accepted figures in order, reads each one's attributes
//! from the words around it and from the part of the report it sits in.
//! Every look around a figure is bounded, so the work stays linear in the
//! length of the text. Both passes, with those that find the years and cue
//! words, run a block of the text at a time (`Finder`).
//!
//! In the wasm build the passes and the per-figure rules are functions of
//! their own (`inline(never)` on wasm32 only: natively LLVM's inlining is
//! kept). Inlined, `annotate`, the figure scan and `attributes` were
//! functions of 14–17 KB of wasm, which V8 compiles with TurboFan as wholes
//! once they are hot: on a page's cold start that was ~70 ms of CPU
//! competing with the page's own thread on a 2-core machine, against ~20 ms
//! now, with the same warm speed (docs/performance.md).

use crate::charclass;
use crate::cues::{Cue, Cues};
use crate::lexicon::*;
use crate::numbers::{self, cn_digit, is_cn_numeral, Form, Number};
use crate::sections::Heading;
use crate::text::{is_han, is_space, Doc};
use crate::units;
use crate::{Comparator, Direction, Horizon, Kind, Status};

mod attributes;
mod horizon;
mod metric;
mod parts;
mod scan;
mod status;
mod years;
use attributes::*;
use horizon::*;
use metric::*;
pub(crate) use parts::heading_period;
use parts::*;
use scan::*;
use status::*;
use years::*;
pub(crate) use years::{heading_year, report_year, years_in};

/// How far the rules look back from a figure for its clause and sentence.
const CLAUSE_REACH: usize = 48;
const SENTENCE_REACH: usize = 160;
/// How far a metric written after a figure reaches (`metric_after`).
const METRIC_REACH: usize = 24;

/// What the rules about one figure read besides the figure: the text, where
/// its cue words stand, the report's year, the year its plan part looks
/// ahead from, and every year the text writes (with where).
#[derive(Clone, Copy)]
pub(super) struct Ctx<'a> {
    pub(super) doc: &'a Doc<'a>,
    pub(super) cues: &'a Cues,
    pub(super) report_year: Option<i32>,
    pub(super) plan_year: Option<i32>,
    pub(super) years: &'a [(i32, usize)],
}

/// An accepted figure with its attributes, in character indices.
#[derive(Debug, Clone)]
pub struct Found {
    pub number: Number,
    pub kind: Kind,
    pub direction: Option<Direction>,
    pub comparator: Comparator,
    pub status: Status,
    pub horizon: Horizon,
    pub metric: Option<(usize, usize)>,
    pub year: Option<i32>,
    pub section: Option<usize>,
    /// Where its sentence starts (`sentence_start`): the next figure in the
    /// same sentence starts from it instead of walking back again.
    pub sentence: usize,
}

/// Whether a part of the report reviews the past or sets tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Review,
    Plan,
}

/// Whether a part of the report speaks of several years, by its heading
/// or an enclosing one: a multi-year plan (`“十四五”时期主要目标任务`,
/// `第六个五年计划的基本任务`, `今后五年的目标任务`), or a look back over
/// several years (`过去五年工作回顾`, `“十五”期间…主要情况`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Period {
    #[default]
    OneYear,
    Plan,
    Past,
}

/// What the rules know of a part of the report from its heading and text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Part {
    pub mode: Option<Mode>,
    pub period: Period,
}

/// Finds the indicators of a text, given its outline, a block of the text
/// at a time (`Doc::blocks`): every pass (years, cue words, figures, their
/// attributes) runs over one block before the next block starts, so that
/// they find the block's text in the cache (`Doc::warm`). Run over the
/// whole text one after another, each pass fetched it from memory again
/// once the text was larger than the cache, and time grew faster than the
/// text (docs/performance.md).
///
/// The result is the same for any block size: the passes carry their state
/// from one block to the next, the lookups of a figure's attributes reach
/// only back, a figure waits for the next block while its metric might
/// still run into it (`METRIC_REACH`), and a `分别` group (`distribute`)
/// while the next figure might join it.
pub struct Finder<'d> {
    doc: &'d Doc<'d>,
    headings: &'d [Heading],
    report_year: Option<i32>,
    /// The report's year, else the year its headings imply
    /// (`year_of_headings`).
    plan_year: Option<i32>,
    /// Review or plan, and the years spoken of, per heading.
    parts: Vec<Part>,
    /// The years written so far: (year, start).
    years: Vec<(i32, usize)>,
    cues: Cues,
    scan: Scan,
    /// Figures scanned whose attributes are not read yet.
    numbers: Vec<Number>,
    /// The figures with attributes that the next ones may still look back
    /// at, and those not yet final.
    found: Vec<Found>,
    /// `found[..distributed]` have been through `distribute`, and handed
    /// out.
    distributed: usize,
    /// Headings that start before the current figure.
    hi: usize,
}

impl<'d> Finder<'d> {
    /// Reads what needs the whole text first: the report's year and each
    /// part's review or plan mode.
    pub fn new(doc: &'d Doc<'d>, headings: &'d [Heading]) -> Finder<'d> {
        let report_year = report_year(doc);
        // for the horizon only: the status rules were tuned with no year
        // where the byline gives none, and a part's year in its heading
        // (`为实现１９５６年的国家预算而努力`) holds results as well
        let plan_year = report_year.or_else(|| year_of_headings(doc, headings));
        let parts = section_parts(doc, headings, report_year, plan_year);
        Finder {
            doc,
            headings,
            report_year,
            plan_year,
            parts,
            years: Vec::new(),
            cues: Cues::new(),
            scan: Scan::default(),
            numbers: Vec::new(),
            found: Vec::new(),
            distributed: 0,
            hi: 0,
        }
    }

    /// Reads the block `a..b` of the text, which follows the blocks read
    /// before (the first starts at 0, the last ends at the end of the
    /// text), and hands the indicators that are final to `emit`, in order.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn run(&mut self, a: usize, b: usize, mut emit: impl FnMut(&Found)) {
        let doc = self.doc;
        let n = doc.norm.len();
        self.years.extend(years_from(doc, a, b, n));
        self.cues.extend(doc, a, b);
        self.scan.run(doc, self.headings, a, b, &mut self.numbers);
        // A figure's metric ends at the next figure at the latest. The last
        // one scanned has none yet: it waits, unless the text ends here or
        // its metric cannot reach past `b`, where the next figure starts at
        // the earliest.
        let numbers = &mut self.numbers;
        let ready = match numbers.last() {
            Some(last) if b < n && b <= last.end + 1 + METRIC_REACH => numbers.len() - 1,
            _ => numbers.len(),
        };
        for k in 0..ready {
            let limit = numbers.get(k + 1).map_or(b, |next| next.start);
            let number = numbers[k].clone();
            while self.hi < self.headings.len() && self.headings[self.hi].start <= number.start {
                self.hi += 1;
            }
            let section = self.hi.checked_sub(1);
            let part = section.map_or(Part::default(), |s| self.parts[s]);
            let ctx = Ctx { doc, cues: &self.cues, report_year: self.report_year, plan_year: self.plan_year, years: &self.years };
            let f = attributes(&ctx, number, limit, &self.found, section, part);
            self.found.push(f);
        }
        numbers.drain(..ready);
        let from = self.distributed;
        self.distributed = distribute(doc, &mut self.found, from, b >= n);
        self.found[from..self.distributed].iter().for_each(&mut emit);
        // keep only the figures the next ones may look back at: the last
        // (`attributes`), and those in reach of a sentence that starts
        // after the first figure not yet final (`distribute`)
        let found = &mut self.found;
        let anchor = found.get(self.distributed).or(found.last()).map_or(0, |f| f.number.start);
        let keep = found.partition_point(|f| f.number.start + SENTENCE_REACH < anchor).min(found.len().saturating_sub(1));
        found.drain(..keep);
        self.distributed -= keep;
    }
}

// ---------------------------------------------------------------------------
// Finding the figures

fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

/// Start of the clause that holds `i`: after the last `，；：。` (bounded).
fn clause_start(doc: &Doc, i: usize) -> usize {
    let lo = i.saturating_sub(CLAUSE_REACH);
    let mut k = i;
    while k > lo && !is_clause_break(doc.at(k - 1)) {
        k -= 1;
    }
    k
}

/// Start of the sentence that holds `i` (bounded).
fn sentence_start(doc: &Doc, i: usize) -> usize {
    let lo = i.saturating_sub(SENTENCE_REACH);
    let mut k = i;
    while k > lo && !is_sentence_break(doc.at(k - 1)) {
        k -= 1;
    }
    k
}

/// The last of `words` that occurs in `a..b`: its start.
fn last_word(doc: &Doc, a: usize, b: usize, words: &[&str]) -> Option<usize> {
    // a one-word filter on first characters skips most positions cheaply
    let mut firsts = [0u64; 4];
    for w in words {
        if let Some(c) = w.chars().next() {
            let h = c as usize % 256;
            firsts[h / 64] |= 1 << (h % 64);
        }
    }
    (a..b.min(doc.norm.len())).rev().find(|&k| {
        let h = doc.norm[k] as usize % 256;
        firsts[h / 64] & (1 << (h % 64)) != 0 && words.iter().any(|w| doc.starts_with(k, w) && k + w.chars().count() <= b)
    })
}

// ---------------------------------------------------------------------------
// Attributes

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sections::outline;

    /// `find` over blocks of any size gives what one pass over the whole
    /// text gives.
    fn same_for_every_block_size(text: &str, sizes: &[usize]) {
        let doc = Doc::new(text);
        let headings = outline(&doc);
        let found = |block: usize| {
            let mut finder = Finder::new(&doc, &headings);
            let mut v = Vec::new();
            for (a, b) in doc.blocks(block) {
                finder.run(a, b, |f| v.push(format!("{f:?}")));
            }
            v
        };
        let whole = found(usize::MAX);
        for &block in sizes {
            assert_eq!(found(block), whole, "blocks of {block}");
        }
    }

    #[test]
    fn blocks_do_not_change_the_reports_indicators() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        for name in ["gz-2017-government-work-report.txt", "gz-2016-party-plenary-report.txt", "national/national-2024.txt", "national/national-1954.txt"] {
            let text = std::fs::read_to_string(data.join(name)).unwrap();
            same_for_every_block_size(&text, &[1, 2, 3, 25, 26, 27, 100, 4096]);
        }
    }

    #[test]
    fn blocks_do_not_change_random_texts() {
        // figures, conjunctions, 分别, quotes, years, cue words and line
        // ends in random order: every block boundary falls somewhere
        const PIECES: &[&str] = &[
            "增长",
            "8.5%",
            "和",
            "、",
            "10%",
            "分别",
            "位居全球第6",
            "第7位",
            "，",
            "。",
            "\n",
            "“",
            "”",
            "2016年",
            "预计",
            "力争",
            "控制在",
            "3.5%以内",
            "亿元",
            "1.95万亿元",
            "一、",
            "（一）",
            "比上年",
            "提高",
            "个",
            "创业基地",
            "今年",
            "去年",
            "年均",
            "二十二",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..200 {
            let mut text = String::new();
            for _ in 0..60 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            same_for_every_block_size(&text, &[1, 2, 5, 17, 40]);
        }
    }
}
