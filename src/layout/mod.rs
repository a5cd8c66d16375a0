//! The layout layer: how a text was laid out before it was pasted, undone
//! before the rules read it.
//!
//! A report copied out of a PDF is hard-wrapped at the page's width, with
//! page numbers and running headers between its lines; one copied out of a
//! web page comes with the site's menus before it and its footer after;
//! either may hold zero-width characters, soft hyphens, spaces between
//! every digit, or line ends of a single `\r`. This module finds all that
//! in a `Doc` and plans the edits that make the *reading*: the text as one
//! paragraph a line, without page furniture, page chrome or invisible
//! characters ([`plan`]). The rules then read the reading, and every offset
//! they find is mapped back through the reading's runs ([`Reading`]) to
//! the text as given, so spans still slice the caller's text exactly (a
//! figure split by a wrap covers both parts, break included).
//!
//! The edits only delete characters or replace one ASCII white-space
//! character with another, so a run of the reading is a run of the input:
//! mapping an offset back is one lookup of its run.
//!
//! A text with none of these traits (the clean layout: a paragraph a line)
//! gives no plan and is read as given, at the cost of a few checks per line.

use serde::{Deserialize, Serialize};

use crate::lexicon::{CHROME_LINES, CHROME_WORDS, TITLE_ENDS};
use crate::numbers::cn_digit;
use crate::text::{is_han, is_invisible, is_space, Doc};

mod chrome;
mod furniture;
mod lines;
mod wrap;
use chrome::*;
use furniture::*;
use lines::*;
use wrap::*;

/// What the layout layer did to a text, reported with its annotation
/// (`Annotation::layout`): what the text was read as, and counts of what
/// was undone. Offsets are UTF-16 code units, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// `text` (read as given, but for what the counts say), `pdf` (hard
    /// wrapped or paged: copied out of a PDF) or `web` (a web page's
    /// chrome around the report).
    pub source: Source,
    /// `lf`, `crlf`, `cr`, `mixed`, or `none` for a text of one line.
    pub line_ends: LineEnds,
    /// The width the text was wrapped at, in full-width characters.
    pub wrap_width: Option<u32>,
    /// Line breaks read as inside a paragraph.
    pub joined_lines: usize,
    /// Page-number lines read as no text.
    pub page_numbers: usize,
    /// Running header and footer lines read as no text.
    pub running_heads: usize,
    /// Zero-width characters and soft hyphens read as nothing.
    pub invisible: usize,
    /// Spaces read as nothing: between the digits of a number
    /// (`1 9 9 7`), or between every character of a letter-spaced line.
    pub spaces: usize,
    /// The spans of a web page's chrome (menus, breadcrumbs, footers) read
    /// as neither headings nor indicators.
    pub chrome: Vec<Span>,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            source: Source::Text,
            line_ends: LineEnds::None,
            wrap_width: None,
            joined_lines: 0,
            page_numbers: 0,
            running_heads: 0,
            invisible: 0,
            spaces: 0,
            chrome: Vec::new(),
        }
    }
}

/// A stretch of the input, UTF-16 code units, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What a text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Text,
    Pdf,
    Web,
}

/// How the input ends its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineEnds {
    Lf,
    Crlf,
    Cr,
    Mixed,
    None,
}

impl Layout {
    /// Whether the reading differs from the input.
    pub fn changed(&self) -> bool {
        self.joined_lines + self.page_numbers + self.running_heads + self.invisible + self.spaces > 0
            || !self.chrome.is_empty()
            || self.line_ends == LineEnds::Cr
            || self.line_ends == LineEnds::Mixed
    }
}

/// An edit of the input, in character indices: `a..b` is read as nothing,
/// or as the one ASCII character `keep.1`, which stands for the input's
/// ASCII character at `keep.0`.
#[derive(Debug, Clone, Copy)]
struct Edit {
    a: usize,
    b: usize,
    keep: Option<(usize, char)>,
}

/// The edits that make a text's reading.
pub struct Plan {
    edits: Vec<Edit>,
}

/// The text the rules read, and the way back to the input.
pub struct Reading {
    pub text: String,
    /// Where each run of the reading starts, in the reading's characters,
    /// and how far the input is ahead of it there, in UTF-16 units and in
    /// bytes. Sorted by `r`; the first run starts at 0.
    runs: Vec<Run>,
}

#[derive(Debug, Clone, Copy)]
struct Run {
    r: usize,
    d16: usize,
    db: usize,
}

impl Plan {
    /// The reading of `doc`'s text.
    pub fn apply(&self, doc: &Doc) -> Reading {
        let src = doc.src;
        let mut text = String::with_capacity(src.len());
        let mut runs = Vec::with_capacity(self.edits.len() + 1);
        let (mut r, mut r16, mut rb) = (0usize, 0usize, 0usize);
        let mut at = 0; // input characters before this are read
        let copy = |from: usize, to: usize, r: &mut usize, r16: &mut usize, rb: &mut usize, text: &mut String, runs: &mut Vec<Run>| {
            if from >= to {
                return;
            }
            let (o16, ob) = (doc.u16(from), doc.byte(from));
            runs.push(Run { r: *r, d16: o16 - *r16, db: ob - *rb });
            let piece = &src[ob..doc.byte(to)];
            text.push_str(piece);
            *r += to - from;
            *r16 += doc.u16(to) - o16;
            *rb += piece.len();
        };
        for e in &self.edits {
            copy(at, e.a, &mut r, &mut r16, &mut rb, &mut text, &mut runs);
            if let Some((k, c)) = e.keep {
                let (o16, ob) = (doc.u16(k), doc.byte(k));
                runs.push(Run { r, d16: o16 - r16, db: ob - rb });
                text.push(c);
                r += 1;
                r16 += 1;
                rb += 1;
            }
            at = at.max(e.b);
        }
        copy(at, doc.norm.len(), &mut r, &mut r16, &mut rb, &mut text, &mut runs);
        if runs.first().is_none_or(|x| x.r != 0) {
            runs.insert(0, Run { r: 0, d16: 0, db: 0 });
        }
        Reading { text, runs }
    }
}

impl Reading {
    fn run(&self, i: usize) -> Run {
        let k = self.runs.partition_point(|x| x.r <= i);
        self.runs[k.saturating_sub(1)]
    }

    /// The input's UTF-16 offset of the reading's character `i` (read by
    /// `doc`).
    pub fn start16(&self, doc: &Doc, i: usize) -> usize {
        doc.u16(i) + self.run(i).d16
    }

    /// The input's UTF-16 offset of the end of a span of the reading that
    /// ends before character `b` and starts at `a`.
    pub fn end16(&self, doc: &Doc, a: usize, b: usize) -> usize {
        if b <= a {
            return self.start16(doc, a);
        }
        doc.u16(b) + self.run(b - 1).d16
    }

    /// The input as written between the reading's characters `a` and `b`.
    pub fn slice<'s>(&self, doc: &Doc, src: &'s str, a: usize, b: usize) -> &'s str {
        if b <= a {
            return "";
        }
        let s = doc.byte(a) + self.run(a).db;
        let e = doc.byte(b) + self.run(b - 1).db;
        src.get(s..e).unwrap_or("")
    }
}

/// What a line of the input is to the layout layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    Text,
    Blank,
    /// Blank but for zero-width characters: no paragraph break.
    SoftBlank,
    PageNumber,
    RunningHead,
}

/// One line of the input, in character indices.
#[derive(Debug, Clone, Copy)]
struct Ln {
    /// First character of the line.
    raw: usize,
    /// First and past the last character that is not white space or
    /// invisible.
    start: usize,
    end: usize,
    /// First character of the next line (past the line break).
    next: usize,
    what: What,
}

impl Ln {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Finds the layout of `doc`'s text and the edits that undo it; `None`
/// when the text is to be read as given. Linear in the text; on a text in
/// the clean layout a few checks per line.
pub fn plan(doc: &Doc) -> (Layout, Option<Plan>) {
    let mut layout = Layout { line_ends: line_ends(doc), ..Layout::default() };
    let mut lines = lines(doc);
    let mut edits: Vec<Edit> = Vec::new();

    // invisible characters and lone `\r`
    for &k in &doc.specials {
        let k = k as usize;
        match doc.at(k) {
            '\r' => edits.push(Edit { a: k, b: k + 1, keep: Some((k, '\n')) }),
            '\u{0C}' => {}
            _ => {
                layout.invisible += 1;
                edits.push(Edit { a: k, b: k + 1, keep: None });
            }
        }
    }

    // page furniture
    let breaks = furniture(doc, &mut lines, &mut layout);

    // spaces between digits and letter-spaced lines
    let mut space_edits = Vec::new();
    let spaced = spaces(doc, &lines, &mut space_edits);
    layout.spaces = spaced.len();

    // hard wraps
    let text: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].what == What::Text).collect();
    let wrap = wrap_width(doc, &lines, &text);
    layout.wrap_width = wrap.as_ref().map(|w| w.width.div_ceil(2) as u32);

    // whether paragraphs open with an indent: then a line without one
    // that follows a line ending mid-sentence goes on from it
    let starts: Vec<&Ln> = text.iter().filter(|&&i| i == 0 || matches!(lines[i - 1].what, What::Blank)).map(|&i| &lines[i]).collect();
    let indented = starts.iter().filter(|l| l.start > l.raw).count();
    let indenting = starts.len() >= 5 && indented * 3 >= starts.len() * 2;

    // joins between consecutive text lines
    let mut joined = vec![false; text.len()]; // joined[t]: text[t] continues text[t - 1]
    for t in 1..text.len() {
        let (a, b) = (&lines[text[t - 1]], &lines[text[t]]);
        let gap = &lines[text[t - 1] + 1..text[t]];
        // a page break between them (`breaks` is in order)
        let k = breaks.partition_point(|&k| k <= text[t - 1]);
        let paged = breaks.get(k).is_some_and(|&k| k <= text[t]);
        let blank = gap.iter().any(|l| l.what == What::Blank);
        // a marker alone on its line heads the next paragraph across
        // blank lines too, and no paragraph ends with an opening bracket
        // or starts with closing punctuation
        if blank && !paged && !bare_marker(doc, a) && !opens(doc.at(a.end - 1)) && !closes(doc.at(b.start)) {
            continue;
        }
        let tiny_before = t >= 2 && joined[t - 1] && tiny(doc, a);
        // a line of zero-width characters alone is no paragraph break
        let soft = !blank && gap.iter().any(|l| l.what == What::SoftBlank) && !ends_sentence(doc, a);
        let unindented = indenting && wrap.is_none() && !blank && b.start == b.raw && !ends_sentence(doc, a) && !starts_marked(doc, b);
        if soft || unindented || joins(doc, (text[t - 1], a), (text[t], b), wrap.as_ref()) || tiny_before {
            joined[t] = true;
        }
    }

    // paragraphs: runs of joined lines, as indices into `text`
    let mut paras: Vec<(usize, usize)> = Vec::new();
    for (t, &join) in joined.iter().enumerate().take(text.len()) {
        if t > 0 && join {
            if let Some(p) = paras.last_mut() {
                p.1 = t + 1;
            }
        } else {
            paras.push((t, t + 1));
        }
    }

    let mut para_of = vec![0; text.len()];
    for (k, &(p, q)) in paras.iter().enumerate() {
        para_of[p..q].iter_mut().for_each(|x| *x = k);
    }

    // a web page's chrome around the report
    let chrome = chrome(doc, &lines, &text, &paras);

    // the edits of whole lines, in order of where they start: at each text
    // line, its join to the line before (which starts at that line's end),
    // the furniture lines between the two, then the chrome that starts with
    // it; last the furniture after the last text line
    let mut line_edits = Vec::new();
    let furniture_of = |l: &Ln| matches!(l.what, What::PageNumber | What::RunningHead).then_some(Edit { a: l.raw, b: l.next, keep: None });
    let mut chrome_at = chrome.iter().peekable();
    for t in 0..text.len() {
        let in_chrome = chrome.iter().any(|&(p, q)| (p..q).contains(&para_of[t]));
        if t > 0 && joined[t] && !in_chrome {
            let (a, b) = (&lines[text[t - 1]], &lines[text[t]]);
            layout.joined_lines += 1;
            let latin = (doc.at(a.end - 1).is_ascii_alphabetic() && doc.at(b.start).is_ascii_alphabetic()) || number_marker(doc, a, b);
            let keep = if latin { (a.end..b.start).find(|&k| matches!(doc.slice(k, k + 1), " " | "\n" | "\r" | "\t")).map(|k| (k, ' ')) } else { None };
            line_edits.push(Edit { a: a.end, b: b.start, keep });
        }
        let before = if t == 0 { 0 } else { text[t - 1] + 1 };
        line_edits.extend(lines[before..text[t]].iter().filter_map(furniture_of));
        if let Some(&&(p, q)) = chrome_at.peek().filter(|&&&(p, _)| paras[p].0 == t) {
            chrome_at.next();
            let (first, last) = (&lines[text[paras[p].0]], &lines[text[paras[q - 1].1 - 1]]);
            layout.chrome.push(Span { start: doc.u16(first.start), end: doc.u16(last.end) });
            line_edits.push(Edit { a: first.raw, b: last.next, keep: None });
        }
    }
    let after = text.last().map_or(0, |&i| i + 1);
    line_edits.extend(lines[after..].iter().filter_map(furniture_of));
    let edits = merge([edits, space_edits, line_edits]);

    layout.source = if wrap.is_some() || layout.page_numbers > 0 || layout.running_heads > 0 {
        Source::Pdf
    } else if !layout.chrome.is_empty() {
        Source::Web
    } else {
        Source::Text
    };
    if edits.is_empty() {
        return (layout, None);
    }
    (layout, Some(Plan { edits }))
}

#[cfg(test)]
mod tests;
