//! Page furniture: page numbers (`— 12 —`, `第 3 页`, an ascending run of
//! bare numbers) and running heads (short lines repeated at page breaks).

use super::*;

/// Page-number lines (in an ascending run, or written so that they can be
/// nothing else: `— 12 —`) and the header and footer lines repeated next
/// to the page breaks. Marks them and returns the lines that break pages
/// (page numbers and lines after a form feed).
pub(super) fn furniture(doc: &Doc, lines: &mut [Ln], layout: &mut Layout) -> Vec<usize> {
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
        let opens =
            |c: char| matches!(c, '-' | '‐' | '‑' | '–' | '—' | '―' | '~' | '·' | '•' | '*' | '=' | '_' | '[' | '(' | '（' | '〔' | '【' | '第' | 'P' | 'p');
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
    let mut feeds = doc
        .specials
        .iter()
        .filter(|&&k| doc.at(k as usize) == '\u{0C}')
        .map(|&k| lines.partition_point(|l| l.next <= k as usize))
        .filter(|&i| i < lines.len())
        .peekable();
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
pub(super) fn line_key(doc: &Doc, l: &Ln) -> u64 {
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
pub(super) struct Repeats {
    slots: Vec<(u64, u32, u32)>,
}

impl Repeats {
    pub(super) fn new(n: usize) -> Repeats {
        Repeats { slots: vec![(0, 0, 0); (2 * n + 1).next_power_of_two()] }
    }
    pub(super) fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut k = key as usize & mask;
        while self.slots[k].1 > 0 && self.slots[k].0 != key {
            k = (k + 1) & mask;
        }
        k
    }
    pub(super) fn add(&mut self, key: u64, near: bool) {
        let k = self.slot(key);
        let s = &mut self.slots[k];
        *s = (key, s.1 + 1, s.2 + near as u32);
    }
    pub(super) fn get(&self, key: u64) -> (u32, u32) {
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
pub(super) fn page_number(s: &str) -> Option<(u32, bool)> {
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
pub(super) struct Cursor<'s> {
    s: &'s str,
    at: usize,
}

impl Cursor<'_> {
    pub(super) fn rest(&self) -> &str {
        &self.s[self.at..]
    }
    /// Skips characters while `f` holds; how many.
    pub(super) fn run(&mut self, f: impl Fn(char) -> bool) -> usize {
        let mut n = 0;
        while let Some(c) = self.rest().chars().next().filter(|&c| f(c)) {
            self.at += c.len_utf8();
            n += 1;
        }
        n
    }
    pub(super) fn one(&mut self, f: impl Fn(char) -> bool) -> bool {
        match self.rest().chars().next() {
            Some(c) if f(c) => {
                self.at += c.len_utf8();
                true
            }
            _ => false,
        }
    }
    pub(super) fn spaces(&mut self) {
        self.run(|c| c == ' ' || c == '\t');
    }
    pub(super) fn word(&mut self, w: &str) -> bool {
        let found = self.rest().starts_with(w);
        if found {
            self.at += w.len();
        }
        found
    }
    /// One to four ASCII digits.
    pub(super) fn number(&mut self) -> Option<u32> {
        let from = self.at;
        let n = self.run(|c| c.is_ascii_digit());
        if n == 0 || n > 4 {
            return None;
        }
        self.s[from..self.at].parse().ok()
    }
    pub(super) fn done(&self) -> bool {
        self.at == self.s.len()
    }
}
