//! The front of a report and the lines that are no headings: title, byline,
//! salutation, asides.

use super::*;

/// The headings found so far, by line.
///
/// A slot per line (4 bytes) and the headings apart, rather than an
/// `Option<Heading>` per line (~100 bytes): at 25 MB of text that array was
/// 15 MB, cleared, written and read again on every call, and it made the
/// outline's time grow faster than the text (docs/performance.md).
pub(super) struct ByLine {
    slot: Vec<u32>,
    heads: Vec<Heading>,
}

impl ByLine {
    pub(super) const NONE: u32 = u32::MAX;

    pub(super) fn new(lines: usize) -> ByLine {
        ByLine { slot: vec![Self::NONE; lines], heads: Vec::new() }
    }

    pub(super) fn has(&self, li: usize) -> bool {
        self.slot[li] != Self::NONE
    }

    pub(super) fn set(&mut self, li: usize, h: Heading) {
        match self.slot[li] {
            Self::NONE => {
                self.slot[li] = self.heads.len() as u32;
                self.heads.push(h);
            }
            k => self.heads[k as usize] = h,
        }
    }

    pub(super) fn get_mut(&mut self, li: usize) -> Option<&mut Heading> {
        match self.slot[li] {
            Self::NONE => None,
            k => Some(&mut self.heads[k as usize]),
        }
    }

    /// The headings in the order of their lines.
    pub(super) fn in_order(self) -> Vec<Heading> {
        let mut heads: Vec<Option<Heading>> = self.heads.into_iter().map(Some).collect();
        self.slot.iter().filter(|&&k| k != Self::NONE).filter_map(|&k| heads[k as usize].take()).collect()
    }
}

/// Number of lines at the start that are the document's title, byline,
/// speaker and salutation.
pub(super) fn front_matter(doc: &Doc) -> usize {
    let lines = &doc.lines;
    let mut seen = 0;
    for (li, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        seen += 1;
        if seen > 12 {
            break;
        }
        if is_salutation(doc, line) {
            return li + 1;
        }
        if line.len() > 60 {
            break;
        }
    }
    // no salutation: the leading lines that look like a title or byline
    let mut end = 0;
    for (li, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        if is_title_or_byline(doc, line) {
            end = li + 1;
        } else {
            break;
        }
    }
    end
}

pub(super) fn is_salutation(doc: &Doc, line: &Line) -> bool {
    let last = doc.at(line.end - 1);
    line.len() <= 24 && matches!(last, '：' | ':') && is_salutation_start(doc, line)
}

pub(super) fn is_title_or_byline(doc: &Doc, line: &Line) -> bool {
    let has = |w: &str| doc.contains(line.start, line.end, w);
    if line.len() > 50 || has("。") {
        return false;
    }
    doc.ends_with(line.end, "报告") || doc.ends_with(line.end, "纲要") || has("会议上") || (starts_with_dash(doc, line.start) && has("年") && has("日"))
}

pub(super) fn starts_with_dash(doc: &Doc, i: usize) -> bool {
    matches!(doc.at(i), '―' | '—' | '─') && matches!(doc.at(i + 1), '―' | '—' | '─')
}

/// Photo captions, bullets and lines that are only figures: shown as body,
/// never headings.
pub(super) fn is_aside(doc: &Doc, line: &Line) -> bool {
    let first = doc.at(line.start);
    if matches!(first, '●' | '■' | '◆' | '▲' | '★' | '•' | '·' | '◎' | '○' | '□' | '※' | '△') {
        return true;
    }
    let has = |w: &str| doc.contains(line.start, line.end, w);
    has("图为") || (doc.at(line.end - 1) == '摄' && has("记者"))
}
