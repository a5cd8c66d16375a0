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
        if runs.first().map_or(true, |x| x.r != 0) {
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
    for t in 0..text.len() {
        if t > 0 && joined[t] {
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

/// The edits in order, overlapping ones made one. A character kept in a
/// longer deletion stays only if it is a join's space: a lone `\r` read as
/// a line end is read as nothing inside a join, a furniture line or chrome.
fn merge(lists: [Vec<Edit>; 3]) -> Vec<Edit> {
    // each list is in order: merged by taking the earliest head each time
    let mut out: Vec<Edit> = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut lists = lists.map(|l| l.into_iter().peekable());
    loop {
        let mut best: Option<(usize, (usize, usize))> = None;
        for (k, list) in lists.iter_mut().enumerate() {
            if let Some(e) = list.peek() {
                if best.map_or(true, |(_, at)| (e.a, e.b) < at) {
                    best = Some((k, (e.a, e.b)));
                }
            }
        }
        let Some(e) = best.and_then(|(k, _)| lists[k].next()) else { break };
        debug_assert!(out.last().map_or(true, |l| l.a <= e.a), "edits out of order");
        match out.last_mut() {
            Some(last) if e.a < last.b => {
                last.b = last.b.max(e.b);
                let space = |x: Option<(usize, char)>| x.filter(|&(_, c)| c == ' ');
                last.keep = space(last.keep).or(space(e.keep));
            }
            _ => out.push(e),
        }
    }
    out
}

fn line_ends(doc: &Doc) -> LineEnds {
    let n = doc.norm.len();
    let lf = doc.lines.len() - 1;
    let cr = doc.specials.iter().filter(|&&k| doc.at(k as usize) == '\r').count();
    // a `\n` ends each line but the last; the `\r` before one is trimmed
    // off the line, so look for it from the line's end
    let crlf = doc.lines[..lf]
        .iter()
        .filter(|l| {
            let mut k = l.end;
            while k < n && doc.norm[k] != '\n' {
                k += 1;
            }
            k > 0 && doc.at(k - 1) == '\r'
        })
        .count();
    match (lf, cr) {
        (0, 0) => LineEnds::None,
        (0, _) => LineEnds::Cr,
        (_, 0) if crlf == lf => LineEnds::Crlf,
        (_, 0) if crlf == 0 => LineEnds::Lf,
        _ => LineEnds::Mixed,
    }
}

/// The lines of the input, split at `\n` and at a `\r` alone.
fn lines(doc: &Doc) -> Vec<Ln> {
    let n = doc.norm.len();
    let mut out = Vec::with_capacity(doc.lines.len());
    let mut crs = doc.specials.iter().map(|&k| k as usize).filter(|&k| doc.at(k) == '\r').peekable();
    let mut raw = 0;
    for line in &doc.lines {
        // past the trailing white space to the `\n`
        let mut nl = line.end;
        while nl < n && doc.norm[nl] != '\n' {
            nl += 1;
        }
        while let Some(cr) = crs.next_if(|&k| k < nl) {
            out.push(line_of(doc, raw, cr, cr + 1));
            raw = cr + 1;
        }
        let next = (nl + 1).min(n);
        out.push(line_of(doc, raw, nl, next));
        raw = next;
    }
    out
}

fn line_of(doc: &Doc, raw: usize, end: usize, next: usize) -> Ln {
    let blankish = |c: char| is_space(c) || is_invisible(c as u32) || c == '\u{AD}';
    let (mut s, mut e) = (raw, end);
    while s < e && blankish(doc.norm[s]) {
        s += 1;
    }
    while e > s && blankish(doc.norm[e - 1]) {
        e -= 1;
    }
    let what = if s < e {
        What::Text
    } else if doc.specials[doc.specials.partition_point(|&k| (k as usize) < raw)..]
        .iter()
        .take_while(|&&k| (k as usize) < end)
        .any(|&k| !matches!(doc.at(k as usize), '\r' | '\u{0C}'))
    {
        What::SoftBlank
    } else {
        What::Blank
    };
    Ln { raw, start: s, end: e, next, what }
}

/// Page-number lines (in an ascending run, or written so that they can be
/// nothing else: `— 12 —`) and the header and footer lines repeated next
/// to the page breaks. Marks them and returns the lines that break pages
/// (page numbers and lines after a form feed).
fn furniture(doc: &Doc, lines: &mut [Ln], layout: &mut Layout) -> Vec<usize> {
    let mut found: Vec<(usize, u32, bool)> = Vec::new(); // (line, number, unmistakable)
    // the next line, when it is text
    let next_text = |i: usize| lines.get(i + 1).filter(|l| l.what == What::Text);
    for (i, l) in lines.iter().enumerate() {
        if l.what != What::Text || l.len() > 24 {
            continue;
        }
        // most lines are rejected by their first or last character
        let first = doc.at(l.start);
        let last = doc.at(l.end - 1);
        let opens = |c: char| matches!(c, '-' | '‐' | '‑' | '–' | '—' | '―' | '~' | '·' | '•' | '*' | '=' | '_' | '[' | '(' | '（' | '〔' | '【' | '第' | 'P' | 'p');
        let closes = |c: char| matches!(c, '-' | '‐' | '‑' | '–' | '—' | '―' | '~' | '·' | '•' | '*' | '=' | '_' | ']' | ')' | '）' | '〕' | '】' | '页');
        if !(first.is_ascii_digit() || opens(first)) || !(last.is_ascii_digit() || closes(last)) {
            continue;
        }
        if let Some((n, sure)) = page_number(doc.norm_str(l.start, l.end)) {
            // a bare number right before a title is the title's
            // (`2⏎着力…`); a page number stands apart
            if !sure && next_text(i).is_some_and(|b| number_marker(doc, l, b)) {
                continue;
            }
            found.push((i, n, sure));
        }
    }
    let links = found.windows(2).filter(|w| w[1].1 == w[0].1 + 1).count();
    let run = found.len() >= 2 && links * 2 + 1 >= found.len();
    let mut breaks = Vec::new();
    for &(i, _, sure) in &found {
        if run || sure {
            lines[i].what = What::PageNumber;
            layout.page_numbers += 1;
            breaks.push(i);
        }
    }
    // lines after a form feed, merged in order with the page numbers
    let mut feeds = doc.specials.iter().filter(|&&k| doc.at(k as usize) == '\u{0C}').map(|&k| lines.partition_point(|l| l.next <= k as usize)).filter(|&i| i < lines.len()).peekable();
    let mut numbers = std::mem::take(&mut breaks).into_iter().peekable();
    loop {
        let next = match (numbers.peek(), feeds.peek()) {
            (Some(&a), Some(&b)) if b < a => feeds.next(),
            (Some(_), _) => numbers.next(),
            (None, Some(_)) => feeds.next(),
            (None, None) => break,
        };
        if let Some(i) = next.filter(|&i| breaks.last() != Some(&i)) {
            breaks.push(i);
        }
    }
    if breaks.is_empty() {
        return breaks;
    }

    // running heads: short lines repeated near the breaks. `near`: within
    // three lines of text of a break
    let visible: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].what != What::Blank && lines[i].what != What::SoftBlank).collect();
    let at = |i: usize| visible.partition_point(|&v| v < i);
    // the text's start and end are a page's edges too
    let spots: Vec<usize> = std::iter::once(0).chain(breaks.iter().map(|&b| at(b))).chain(std::iter::once(visible.len())).collect();
    let near = |i: usize| -> bool {
        let p = at(i);
        let k = spots.partition_point(|&q| q < p);
        spots.get(k).is_some_and(|&q| q - p <= 3) || (k > 0 && p - spots[k - 1] <= 3)
    };
    // short: a header or footer is a line, if a long one (a URL)
    let short = |l: &Ln| l.what == What::Text && l.len() <= 200;
    let keys: Vec<(usize, u64, bool)> = lines.iter().enumerate().filter(|(_, l)| short(l)).map(|(i, l)| (i, line_key(doc, l), near(i))).collect();
    let mut table = Repeats::new(keys.len());
    for &(_, key, near) in &keys {
        table.add(key, near);
    }
    for &(i, key, near) in &keys {
        if near {
            let (count, by_breaks) = table.get(key);
            // on a third of the pages at least: a heading that happens to
            // stand by a page break is not repeated page after page
            if count >= 2 && by_breaks * 3 >= count * 2 && count as usize * 3 >= breaks.len() {
                lines[i].what = What::RunningHead;
                layout.running_heads += 1;
            }
        }
    }
    breaks
}

/// A line's text for telling repeats: its bytes but spaces, every digit
/// the same (a running head's page number changes), hashed (FNV-1a).
fn line_key(doc: &Doc, l: &Ln) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    // its two ends tell a line from another well enough, and a long line
    // costs no more than a short one
    let bytes = doc.norm_str(l.start, l.end).as_bytes();
    let (head, tail) = if bytes.len() <= 64 { (bytes, &bytes[..0]) } else { (&bytes[..48], &bytes[bytes.len() - 16..]) };
    for &b in head.iter().chain(tail) {
        let b = match b {
            b' ' | b'\t' => continue,
            b'0'..=b'9' => b'#',
            b => b,
        };
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// How often each line key was seen, and how often next to a page break:
/// an open-addressing table, linear in the lines.
struct Repeats {
    slots: Vec<(u64, u32, u32)>,
}

impl Repeats {
    fn new(n: usize) -> Repeats {
        Repeats { slots: vec![(0, 0, 0); (2 * n + 1).next_power_of_two()] }
    }
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut k = key as usize & mask;
        while self.slots[k].1 > 0 && self.slots[k].0 != key {
            k = (k + 1) & mask;
        }
        k
    }
    fn add(&mut self, key: u64, near: bool) {
        let k = self.slot(key);
        let s = &mut self.slots[k];
        *s = (key, s.1 + 1, s.2 + near as u32);
    }
    fn get(&self, key: u64) -> (u32, u32) {
        let s = self.slots[self.slot(key)];
        (s.1, s.2)
    }
}

/// The number of a page-number line, and whether it is written so that it
/// can be nothing else (`— 12 —`, `第 12 页`, `12/40`, `Page 12`). `s` is
/// the normalised line, trimmed.
///
/// A hand-written matcher, not a `regex`: the regex crate made the .wasm
/// 135 KiB (gzipped) larger for these few shapes, more than the whole
/// engine besides.
fn page_number(s: &str) -> Option<(u32, bool)> {
    let dash = |c: char| matches!(c, '-' | '‐' | '‑' | '–' | '—' | '―' | '~' | '·' | '•' | '*' | '=' | '_');
    let mut p = Cursor { s, at: 0 };
    // `Page 12`, `Page 12 of 40`
    if let Some(rest) = s.strip_prefix("Page").or_else(|| s.strip_prefix("page")).or_else(|| s.strip_prefix("PAGE")) {
        let mut q = Cursor { s: rest, at: 0 };
        q.spaces();
        let n = q.number()?;
        q.spaces();
        if q.word("of") || q.word("/") {
            q.spaces();
            q.number()?;
        }
        return q.done().then_some((n, true));
    }
    let left = p.run(dash) > 0 || p.one(|c| matches!(c, '[' | '(' | '（' | '〔' | '【'));
    p.spaces();
    let di = p.word("第");
    p.spaces();
    let n = p.number()?;
    p.spaces();
    let ye = p.word("页");
    let mark = p.at;
    p.spaces();
    p.one(|c| matches!(c, ',' | '，'));
    p.spaces();
    let of = if p.word("/") || p.word("共") {
        p.spaces();
        p.number()?;
        p.spaces();
        p.word("页");
        true
    } else {
        p.at = mark;
        false
    };
    p.spaces();
    let right = p.run(dash) > 0 || p.one(|c| matches!(c, ']' | ')' | '）' | '〕' | '】'));
    // `第 12` alone is a rank, not a page
    if !p.done() || (di && !ye) {
        return None;
    }
    // a dash or bracket on one side only is a list item or a footnote
    if left != right && !of {
        return None;
    }
    Some((n, (left && right) || (di && ye) || of))
}

/// A cursor over a short string, for `page_number`.
struct Cursor<'s> {
    s: &'s str,
    at: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        &self.s[self.at..]
    }
    /// Skips characters while `f` holds; how many.
    fn run(&mut self, f: impl Fn(char) -> bool) -> usize {
        let mut n = 0;
        while let Some(c) = self.rest().chars().next().filter(|&c| f(c)) {
            self.at += c.len_utf8();
            n += 1;
        }
        n
    }
    fn one(&mut self, f: impl Fn(char) -> bool) -> bool {
        match self.rest().chars().next() {
            Some(c) if f(c) => {
                self.at += c.len_utf8();
                true
            }
            _ => false,
        }
    }
    fn spaces(&mut self) {
        self.run(|c| c == ' ' || c == '\t');
    }
    fn word(&mut self, w: &str) -> bool {
        let found = self.rest().starts_with(w);
        if found {
            self.at += w.len();
        }
        found
    }
    /// One to four ASCII digits.
    fn number(&mut self) -> Option<u32> {
        let from = self.at;
        let n = self.run(|c| c.is_ascii_digit());
        if n == 0 || n > 4 {
            return None;
        }
        self.s[from..self.at].parse().ok()
    }
    fn done(&self) -> bool {
        self.at == self.s.len()
    }
}

/// Spaces to read as nothing, on the lines that space their numbers:
/// between the digits of a number written `1 9 9 7`, around a number set
/// apart from the ideographs next to it (`达到 7 4 7 7 2 亿元`, and the
/// `2017 年 1 月` of a PDF made by a word processor or of text spaced the
/// "pangu" way), and between every character of a letter-spaced line.
/// A line spaces its numbers when most of its numbers' edges are spaces,
/// or the whole text does. Returns the spaces in order and adds their
/// edits.
fn spaces(doc: &Doc, lines: &[Ln], edits: &mut Vec<Edit>) -> Vec<usize> {
    let numeric = |c: char| c.is_ascii_digit() || matches!(c, '.' | '%' | ':');
    // a space as written (an invisible character reads as a space too)
    let sp = |k: usize| doc.at(k) == ' ' && doc.at(k + 1) != ' ' && doc.before(k) != ' ' && matches!(doc.slice(k, k + 1), " " | "\u{3000}" | "\u{A0}");
    // the edges of the digit at `k`: (spaced, unspaced)
    let edges = |k: usize| -> (usize, usize) {
        let (l, r) = (doc.before(k), doc.at(k + 1));
        let spaced_r = sp(k + 1) && (numeric(doc.at(k + 2)) || is_han(doc.at(k + 2)));
        let spaced_l = k >= 2 && sp(k - 1) && (is_han(doc.at(k - 2)) || numeric(doc.at(k - 2)));
        (spaced_r as usize + spaced_l as usize, is_han(r) as usize + is_han(l) as usize)
    };
    let digits = || doc.marked(crate::charclass::DIGIT, 0, doc.norm.len());
    // most texts have no space next to a digit: a look at each digit's
    // neighbours tells, before anything is counted
    let near_space = digits().any(|k| doc.at(k + 1) == ' ' || doc.before(k) == ' ');
    if !near_space && !lines.iter().any(|l| l.what == What::Text && letter_spaced(doc, l)) {
        return Vec::new();
    }
    let (spaced, unspaced) = digits().map(edges).fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
    let whole = spaced >= 8 && spaced * 2 >= unspaced;
    let mut out = Vec::new();
    for l in lines.iter().filter(|l| l.what == What::Text) {
        let (s, e) = (l.start, l.end);
        let (ls, lu) = doc.marked(crate::charclass::DIGIT, s, e).map(edges).fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
        if letter_spaced(doc, l) || (l.len() <= 9 && bare_marker(doc, l)) {
            // every single space but between two words
            out.extend((s + 1..e).filter(|&k| sp(k) && !(doc.before(k).is_ascii_alphabetic() && doc.at(k + 1).is_ascii_alphabetic())));
            continue;
        }
        if ls == 0 || !(whole || (ls >= 2 && ls >= lu)) {
            continue;
        }
        let latin = |c: char| c.is_ascii_alphabetic();
        // `2 着力推进…`: the space after the number that opens a title
        // line (short, no sentence punctuation) is a marker's
        let title = l.len() <= 30 && !(s..e).any(|k| matches!(doc.at(k), '。' | '，' | '；' | '：'));
        let marker_space = (s + 1..(s + 3).min(e))
            .find(|&k| doc.at(k) == ' ')
            .filter(|&k| title && is_han(doc.at(k + 1)) && (s..k).all(|j| doc.at(j).is_ascii_digit()));
        out.extend((s + 1..e).filter(|&k| Some(k) != marker_space).filter(|&k| {
            let (a, b) = (doc.before(k), doc.at(k + 1));
            sp(k)
                && ((numeric(a) && (numeric(b) || is_han(b) || (matches!(b, '，' | ',') && doc.at(k + 2).is_ascii_digit())))
                    || (is_han(a) && numeric(b))
                    || (is_han(a) && latin(b))
                    || (latin(a) && is_han(b)))
        }));
    }
    // in order: lines in order, and each line's spaces in order
    edits.extend(out.iter().map(|&k| Edit { a: k, b: k + 1, keep: None }));
    out
}

/// A line with a space after most of its characters (`国 内 生 产`). Told
/// from its first characters first, so that most lines cost three reads.
fn letter_spaced(doc: &Doc, l: &Ln) -> bool {
    let (s, e) = (l.start, l.end);
    if l.len() < 11 || doc.at(s + 1) != ' ' || doc.at(s + 3) != ' ' {
        return false;
    }
    let singles = (s + 1..e).filter(|&k| doc.at(k) == ' ' && doc.at(k + 1) != ' ' && doc.at(k - 1) != ' ').count();
    let chars = (s..e).filter(|&k| doc.at(k) != ' ').count();
    chars >= 6 && singles * 5 >= (chars - 1) * 3
}

/// A hard wrap found: the width most lines fill, in half-width units.
struct Wrap {
    width: usize,
    /// Lines at least this wide are full.
    full: usize,
    /// Lines at least this wide are full even if they end a sentence.
    brim: usize,
    /// Whether paragraphs open with an indent.
    indents: bool,
    /// The width of each line (0 but for text lines), by line index.
    widths: Vec<usize>,
}

/// Whether most text lines fill one width and end mid-sentence: the text
/// was wrapped at that width (a PDF's lines), not written a paragraph a
/// line.
fn wrap_width(doc: &Doc, lines: &[Ln], text: &[usize]) -> Option<Wrap> {
    // first, by the lines' ends alone: lines that end mid-sentence and go
    // on in the next line
    let open = text.windows(2).filter(|w| w[1] == w[0] + 1 && !ends_sentence(doc, &lines[w[0]])).count();
    if open < 3 || open * 5 < text.len() {
        return None;
    }
    // as set on the page: the spaces of spaced digits took room there
    // too, those of a letter-spaced line stand for the justified line's
    // gaps (a zero-width character reads as a space too: hence saturating)
    let width = |l: &Ln| -> usize {
        let w = doc.slice(l.raw, l.end).chars().map(char_width).sum::<usize>();
        if letter_spaced(doc, l) {
            w.saturating_sub((l.start..l.end).filter(|&k| doc.at(k) == ' ').count())
        } else {
            w
        }
    };
    let mut widths = vec![0; lines.len()];
    for &i in text {
        widths[i] = width(&lines[i]);
    }
    // the width three quarters of the open lines are within: counted, not
    // sorted (a line wider than a thousand is counted as a thousand)
    let mut counts = vec![0usize; 1001];
    for w in text.windows(2).filter(|w| w[1] == w[0] + 1 && !ends_sentence(doc, &lines[w[0]])) {
        counts[widths[w[0]].min(1000)] += 1;
    }
    let mut seen = 0;
    let w = counts.iter().position(|&c| {
        seen += c;
        seen * 4 > open * 3
    })?;
    let tol = (w / 8).max(4);
    if w < 24 {
        return None;
    }
    let near = text.iter().filter(|&&i| widths[i].abs_diff(w) <= tol).count();
    let over = text.iter().filter(|&&i| widths[i] > w + tol).count();
    if near < 3 || near * 2 < text.len() || over * 10 > text.len() {
        return None;
    }
    let indented = text.iter().filter(|&&i| lines[i].start > lines[i].raw).count();
    Some(Wrap { width: w, full: w - tol, brim: w.saturating_sub(3), indents: indented * 10 >= text.len() && indented * 10 <= text.len() * 6, widths })
}

/// Display width: 1 for ASCII and half-width forms, 2 for the rest (CJK,
/// full-width forms and punctuation, the ideographic space).
fn char_width(c: char) -> usize {
    match c as u32 {
        0..=0x10FF | 0xFF61..=0xFFDC => 1,
        0x200B..=0x200F | 0x2060..=0x2064 | 0xFEFF => 0,
        _ => 2,
    }
}

/// Whether line `l` ends a sentence (or a clause that ends a paragraph).
fn ends_sentence(doc: &Doc, l: &Ln) -> bool {
    let last = doc.at(l.end - 1);
    match last {
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '：' | ':' | '…' => true,
        '”' | '」' | '』' | '）' | ')' | '’' => l.len() >= 2 && matches!(doc.at(l.end - 2), '。' | '！' | '？' | '!' | '?' | '…'),
        _ => false,
    }
}

/// Whether line `b` goes on from line `a`, with nothing but page furniture
/// or zero-width lines between them.
fn joins(doc: &Doc, (ai, a): (usize, &Ln), (bi, b): (usize, &Ln), wrap: Option<&Wrap>) -> bool {
    let (last, first) = (doc.at(a.end - 1), doc.at(b.start));
    // a marker alone on its line: `一、` `（二）` `一是` `第一、`, or a
    // number before a title (`1⏎着力推进…`)
    if (a.len() <= 9 && bare_marker(doc, a)) || number_marker(doc, a, b) {
        return true;
    }
    // no line opens with closing punctuation, and none ends with opening
    // punctuation, or a comma
    if closes(first) || opens(last) {
        return true;
    }
    if matches!(last, '，' | '、' | ',') && !starts_marked(doc, b) {
        return true;
    }
    // a number broken by the line end: `1⏎0.6%`, `74.4⏎万亿元`
    if (last.is_ascii_digit() || last == '.') && (first.is_ascii_digit() || matches!(first, '.' | '%' | '万' | '亿' | '千' | '百' | '元' | '个' | '人' | '年' | '月' | '‰')) {
        return true;
    }
    // a subscript on a line of its own: `M⏎2⏎增长`
    if last.is_ascii_alphabetic() && tiny(doc, b) {
        return true;
    }
    let Some(w) = wrap else { return false };
    let width = w.widths[ai];
    if width < w.full {
        return false;
    }
    // a short line under a part's marker (`四、` `第四章`) is that part's
    // title, whatever the line before
    if w.widths[bi] < w.full && part_marker(doc, b) {
        return false;
    }
    if !ends_sentence(doc, a) {
        return true;
    }
    width >= w.brim && !starts_paragraph(doc, (bi, b), w)
}

/// Punctuation that closes what went before: no paragraph opens with it.
fn closes(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！' | '）' | '》' | '」' | '』' | '”' | '’' | '〉' | ')' | ',' | ';')
}

/// Punctuation that opens what comes after: no paragraph ends with it.
fn opens(c: char) -> bool {
    matches!(c, '《' | '「' | '『' | '“' | '‘' | '（' | '(' | '〈')
}

/// A line of one or two ASCII letters or digits: a subscript or a
/// superscript set on its own line.
fn tiny(doc: &Doc, l: &Ln) -> bool {
    l.len() <= 2 && (l.start..l.end).all(|k| doc.at(k).is_ascii_alphanumeric())
}

/// Whether a line that follows a full line ending a sentence opens a new
/// paragraph.
fn starts_paragraph(doc: &Doc, (bi, b): (usize, &Ln), w: &Wrap) -> bool {
    // where paragraphs are indented, the indent tells: a wrap can put a
    // `四是` of a paragraph's run of items at a line's start
    if w.indents {
        return b.start > b.raw;
    }
    // an indent lost in extraction still shows: a line that goes on in
    // the next yet stops short of the width by an indent's room
    if starts_marked(doc, b) {
        // an item of a run written inside the paragraph goes on in it
        return !inline_item(doc, b);
    }
    let indented = w.widths[bi] + 3 <= w.width && !ends_sentence(doc, b);
    indented || w.widths[bi] < w.full
}

/// Whether a line that opens with `二是` (`三是` …) goes on with a run of
/// items written inside a paragraph: its `一是` (the item before) stands
/// inside a line, not at a line's start, within the last 3000 characters.
fn inline_item(doc: &Doc, b: &Ln) -> bool {
    const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let Some(n) = DIGITS.iter().position(|&c| c == doc.at(b.start)) else { return false };
    if n == 0 || doc.at(b.start + 1) != '是' {
        return false;
    }
    let before = DIGITS[n - 1];
    let Some(k) = (b.start.saturating_sub(3000)..b.start).rev().find(|&k| doc.at(k) == before && doc.at(k + 1) == '是') else { return false };
    let mut j = k;
    while j > 0 && is_space(doc.at(j - 1)) {
        j -= 1;
    }
    j > 0 && doc.at(j - 1) != '\n'
}

/// Whether a line opens with an outline marker (`一、` `（一）` `一是`
/// `第一，` `1.` `——`).
fn starts_marked(doc: &Doc, l: &Ln) -> bool {
    marker_len(doc, l.start, l.end).is_some() || (matches!(doc.at(l.start), '—' | '―') && matches!(doc.at(l.start + 1), '—' | '―'))
}

/// A line of a number from 1 to 30 alone, before a short line with no
/// sentence punctuation: the number of a title set on a line of its own
/// (`1⏎着力推进三大战略枢纽建设`). Read as `1 着力推进…`.
fn number_marker(doc: &Doc, a: &Ln, b: &Ln) -> bool {
    let digits = a.len() <= 2 && (a.start..a.end).all(|k| doc.at(k).is_ascii_digit());
    digits
        && doc.norm_str(a.start, a.end).parse::<u32>().is_ok_and(|n| (1..=30).contains(&n))
        && b.len() <= 30
        && is_han(doc.at(b.start))
        && !(b.start..b.end).any(|k| matches!(doc.at(k), '。' | '，' | '；' | '：' | '！' | '？'))
}

/// Whether a line opens with the marker of a part: `四、`, `第四章`,
/// `第四部分`.
fn part_marker(doc: &Doc, l: &Ln) -> bool {
    marker_len(doc, l.start, l.end).is_some_and(|e| matches!(doc.at(e - 1), '、' | '章' | '分' | '篇') && doc.at(l.start) != '(' && doc.at(l.start) != '（')
}

/// A line that is an outline marker and nothing else (`一、`, or `一 、`
/// letter-spaced).
fn bare_marker(doc: &Doc, l: &Ln) -> bool {
    if marker_len(doc, l.start, l.end).is_some_and(|e| e == l.end) {
        return true;
    }
    if l.len() > 9 || !(l.start..l.end).any(|k| doc.at(k) == ' ') {
        return false;
    }
    let packed: String = doc.norm_str(l.start, l.end).chars().filter(|&c| c != ' ').collect();
    let d = Doc::new(&packed);
    marker_len(&d, 0, d.norm.len()) == Some(d.norm.len())
}

/// The end of the outline marker at `s`, if one stands there: `一、`
/// `一是` `第一、` `第一，` `第一部分` `（一）` `(1)` `1.` `1、`.
fn marker_len(doc: &Doc, s: usize, e: usize) -> Option<usize> {
    let cn = |k: usize| cn_digit(doc.at(k)).is_some() || doc.at(k) == '十';
    let run = |mut k: usize, f: &dyn Fn(usize) -> bool| {
        let from = k;
        while k < e && k - from < 3 && f(k) {
            k += 1;
        }
        k
    };
    let c = doc.at(s);
    if c == '第' {
        let j = run(s + 1, &cn);
        if j == s + 1 {
            return None;
        }
        if matches!(doc.at(j), '、' | '，') {
            return Some(j + 1);
        }
        return ["部分", "章", "节", "篇"].iter().find(|w| doc.starts_with(j, w)).map(|w| j + w.chars().count());
    }
    if cn(s) && c != '两' {
        let j = run(s, &cn);
        return match doc.at(j) {
            '、' => Some(j + 1),
            '是' if c != '零' => Some(j + 1),
            _ => None,
        };
    }
    if matches!(c, '（' | '(') {
        let j = if doc.at(s + 1).is_ascii_digit() { run(s + 1, &|k| doc.at(k).is_ascii_digit()) } else { run(s + 1, &cn) };
        return (j > s + 1 && matches!(doc.at(j), '）' | ')')).then_some(j + 1);
    }
    if c.is_ascii_digit() {
        let j = run(s, &|k| doc.at(k).is_ascii_digit());
        return (j - s <= 2 && matches!(doc.at(j), '、' | '.') && !doc.at(j + 1).is_ascii_digit()).then_some(j + 1);
    }
    None
}

/// The paragraphs (as `(first, end)` into `paras`) that are a web page's
/// chrome: the menus, breadcrumbs and buttons before the report's start
/// (its title or salutation), and the footer after its last paragraph.
fn chrome(doc: &Doc, lines: &[Ln], text: &[usize], paras: &[(usize, usize)]) -> Vec<(usize, usize)> {
    if paras.is_empty() {
        return Vec::new();
    }
    let span = |p: &(usize, usize)| (lines[text[p.0]].start, lines[text[p.1 - 1]].end);
    let classify = |p: &(usize, usize)| -> Para {
        let (a, b) = span(p);
        Para::of(doc, a, b)
    };
    let mut out = Vec::new();

    // the head: up to the first paragraph of body text
    let head_end = (0..paras.len().min(200)).find(|&p| classify(&paras[p]).body).unwrap_or(0);
    if head_end > 0 {
        let head: Vec<Para> = paras[..head_end].iter().map(classify).collect();
        let start = head.iter().position(|p| p.title || p.salutation);
        let last_chrome = head.iter().rposition(|p| p.chrome);
        let compatible = |k: usize| head[..k].iter().all(|p| p.chrome || p.short);
        let mut cut = 0;
        if let Some(s) = start {
            if s > 0 && compatible(s) && (head[..s].iter().any(|p| p.chrome) || s >= 3) {
                cut = s;
            }
        }
        if let Some(c) = last_chrome {
            if (start.is_none() || Some(c) < start) && compatible(c + 1) {
                cut = cut.max(c + 1);
            }
        }
        if cut > 0 {
            out.push((0, cut));
        }
        // chrome between the title and the body: `来源：… 发布时间：…`
        for (k, p) in head.iter().enumerate().skip(cut) {
            if p.chrome && !p.title && !p.salutation {
                out.push((k, k + 1));
            }
        }
    }

    // the tail: back from the end over the page's furniture and what may
    // be (short lines, a note with a chrome word), up to the report's last
    // paragraph of body text; the furniture starts at the first paragraph
    // that is plainly the page's
    let mut cut = None;
    let mut bounded = false; // by a paragraph of the report
    for p in (0..paras.len()).rev().take(400) {
        let c = classify(&paras[p]);
        if c.chrome {
            cut = Some(p);
        } else if c.body && !c.worded {
            bounded = true;
            break;
        }
    }
    let cut = cut.filter(|_| bounded);
    // the tail starts after the head's chrome
    if let Some(p) = cut.filter(|&p| out.last().map_or(true, |&(_, q)| p >= q)) {
        out.push((p, paras.len()));
    }
    out
}

/// The first characters of `CHROME_WORDS` (a test keeps them so).
const CHROME_FIRSTS: &str = "版Cc©I公网联关隐主承技返打【[分扫责发浏阅点访字当您上下相本著P维W来纠无繁简";

/// How many of `CHROME_WORDS` stand in the paragraph `a..b`. A long one is
/// read at its two ends only: a page's furniture is short, or (a licence
/// note) full of such words, and a report's paragraph of a thousand
/// characters should not cost sixty searches of it.
fn chrome_words(doc: &Doc, a: usize, b: usize) -> usize {
    const END: usize = 120;
    let ends = if b - a <= 2 * END { [(a, b), (b, b)] } else { [(a, a + END), (b - END, b)] };
    // the first characters of the words that stand here: most paragraphs
    // have none, and the words are searched for only when they do
    let mut here: Vec<char> = Vec::new();
    for &(x, y) in &ends {
        for k in x..y {
            let c = doc.at(k);
            if CHROME_FIRSTS.contains(c) && !here.contains(&c) {
                here.push(c);
            }
        }
    }
    if here.is_empty() {
        return 0;
    }
    CHROME_WORDS
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| here.contains(&c)))
        .filter(|w| ends.iter().any(|&(x, y)| doc.contains(x, y, w)))
        .count()
}

/// What a paragraph is to the chrome finder.
struct Para {
    /// Body text: a sentence of twenty ideographs or more, no chrome.
    body: bool,
    /// Furniture of a web page.
    chrome: bool,
    /// Forty characters or fewer.
    short: bool,
    /// Has a word of the page's furniture.
    worded: bool,
    /// A report's title or byline.
    title: bool,
    /// `各位代表：`
    salutation: bool,
}

impl Para {
    fn of(doc: &Doc, a: usize, b: usize) -> Para {
        let len = b - a;
        let has = |w: &str| doc.contains(a, b, w);
        let s = doc.norm_str(a, b);
        let words = chrome_words(doc, a, b);
        let whole = CHROME_LINES.iter().any(|w| *w == s);
        // `首页 > 政务公开 > 政府工作报告`: three or more short steps
        let steps: Vec<&str> = s.split(['>', '»', '›', '＞']).map(str::trim).collect();
        let breadcrumb = len <= 80 && steps.len() >= 3 && steps.iter().all(|w| !w.is_empty() && w.chars().count() <= 12 && !w.contains(['。', '，', '<', '"']));
        let ascii = len <= 80 && s.chars().all(|c| c.is_ascii());
        let menu = len <= 40 && s.split([' ', '|', '｜', '/']).filter(|w| !w.is_empty()).all(|w| CHROME_LINES.contains(&w));
        let chrome = whole || breadcrumb || ascii || menu || (words >= 1 && len <= 40) || words >= 2;
        let han = if len < 20 { 0 } else { s.chars().filter(|&c| is_han(c)).count() };
        let last = doc.at(b - 1);
        let ends = matches!(last, '。' | '！' | '？' | '!' | '?' | '；' | '…' | '”' | '」');
        let title = len <= 60 && !has("。") && !breadcrumb && words == 0 && (TITLE_ENDS.iter().any(|w| doc.ends_with(b, w) || doc.ends_with(b.saturating_sub(1), w)) || has("会议上"));
        let salutation = len <= 24
            && matches!(last, '：' | ':' | '！' | '!')
            && ["各位", "同志们", "代表们", "委员们", "女士们", "朋友们"].iter().any(|w| doc.starts_with(a, w));
        Para { body: han >= 20 && ends && !chrome, chrome, short: len <= 40, worded: words > 0, title, salutation }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Layout, String) {
        let doc = Doc::new(text);
        let (layout, plan) = plan(&doc);
        let reading = plan.map(|p| p.apply(&doc).text).unwrap_or_else(|| text.to_string());
        (layout, reading)
    }

    #[test]
    fn clean_text_has_no_plan() {
        let text = "一、回顾\n全市地区生产总值增长8.1%。\n（一）经济平稳\n城镇登记失业率控制在3.5%以内。\n";
        let doc = Doc::new(text);
        assert!(plan(&doc).1.is_none());
    }

    #[test]
    fn chrome_firsts_hold_every_first_character() {
        for w in CHROME_WORDS {
            assert!(CHROME_FIRSTS.contains(w.chars().next().unwrap()), "{w}");
        }
    }

    #[test]
    fn page_numbers() {
        assert_eq!(page_number("— 12 —"), Some((12, true)));
        assert_eq!(page_number("- 3 -"), Some((3, true)));
        assert_eq!(page_number("12"), Some((12, false)));
        assert_eq!(page_number("第 4 页"), Some((4, true)));
        assert_eq!(page_number("3/40"), Some((3, true)));
        assert_eq!(page_number("第3页 共40页"), Some((3, true)));
        assert_eq!(page_number("Page 7 of 9"), Some((7, true)));
        assert_eq!(page_number("第3页，共40页"), Some((3, true)));
        assert_eq!(page_number("12 / 40"), Some((12, true)));
        assert_eq!(page_number("【12】"), Some((12, true)));
        assert_eq!(page_number("PAGE 3"), Some((3, true)));
        assert_eq!(page_number("(12"), None);
        assert_eq!(page_number("12345"), None);
        assert_eq!(page_number("第12"), None);
        assert_eq!(page_number("— 12"), None);
        assert_eq!(page_number("12%"), None);
        assert_eq!(page_number("2017年"), None);
    }

    #[test]
    fn joins_numbers_split_by_a_line_end() {
        let (layout, reading) = read("地区生产总值增长1\n0.6%。\n总量达到74.4\n\u{200b}\n万亿元。\n广义货币M\n2\n增长13.6%。\n");
        assert_eq!(reading, "地区生产总值增长10.6%。\n总量达到74.4万亿元。\n广义货币M2增长13.6%。\n");
        assert_eq!(layout.joined_lines, 4);
    }

    #[test]
    fn markers_alone_and_links_on_lines_of_their_own() {
        let (_, reading) = read("一、\n过去五年工作回顾\n认真贯彻《\n中华人民共和国公司法\n》，加快改革。\n");
        assert_eq!(reading, "一、过去五年工作回顾\n认真贯彻《中华人民共和国公司法》，加快改革。\n");
    }

    #[test]
    fn lone_cr_ends_lines() {
        let (layout, reading) = read("一、回顾\r正文。\r二、目标\r正文。");
        assert_eq!(reading, "一、回顾\n正文。\n二、目标\n正文。");
        assert_eq!(layout.line_ends, LineEnds::Cr);
    }

    #[test]
    fn spaced_digits() {
        let (layout, reading) = read("国内生产总值达到 7 4 7 7 2 亿元，增长 8 . 8 %。\n");
        assert_eq!(reading, "国内生产总值达到74772亿元，增长8.8%。\n");
        assert_eq!(layout.spaces, 10);
    }
}
