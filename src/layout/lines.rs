//! The text's lines and line ends, and the merge of ordered edit lists.

use super::*;

/// The edits in order, overlapping ones made one. A character kept in a
/// longer deletion stays only if it is a join's space: a lone `\r` read as
/// a line end is read as nothing inside a join, a furniture line or chrome.
pub(super) fn merge(lists: [Vec<Edit>; 3]) -> Vec<Edit> {
    // each list is in order: merged by taking the earliest head each time
    let mut out: Vec<Edit> = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut lists = lists.map(|l| l.into_iter().peekable());
    loop {
        let mut best: Option<(usize, (usize, usize))> = None;
        for (k, list) in lists.iter_mut().enumerate() {
            if let Some(e) = list.peek() {
                if best.is_none_or(|(_, at)| (e.a, e.b) < at) {
                    best = Some((k, (e.a, e.b)));
                }
            }
        }
        let Some(e) = best.and_then(|(k, _)| lists[k].next()) else { break };
        debug_assert!(out.last().is_none_or(|l| l.a <= e.a), "edits out of order");
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

pub(super) fn line_ends(doc: &Doc) -> LineEnds {
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
pub(super) fn lines(doc: &Doc) -> Vec<Ln> {
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

pub(super) fn line_of(doc: &Doc, raw: usize, end: usize, next: usize) -> Ln {
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
