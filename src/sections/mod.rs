//! The outline: which lines are headings, their markers and titles, and
//! their levels and parents in the document's own hierarchy.
//!
//! A heading is a line that starts with an outline marker (`一、` `（一）`
//! `1 ` `一是` `――`), a run-in lead sentence (`培育发展科技创新企业。跟踪…`)
//! or a lead set on a line of its own before its body, among siblings that
//! do the same, or a short stand-alone line followed by body text. Levels
//! come from the order in which marker styles nest in the document: a style
//! seen before returns to its level, a new style goes one deeper, and a
//! style that ranks above the styles it would nest under (a `（一）` after
//! `――` items) closes them first.

use crate::numbers::cn_digit;
use crate::text::{is_han, is_space, Doc, Line, BLOCK};

mod front;
mod levels;
mod markers;
mod standalone;
use front::*;
use levels::*;
use markers::*;
use standalone::*;

/// How a heading is marked. Ranks order the marked styles the way Chinese
/// official documents nest them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `第一章`, `第一部分`
    Chapter,
    /// `一、`
    CnComma,
    /// `（一）`
    CnParen,
    /// `1 ` `1.` `1、` `１`
    Arabic,
    /// `第一、` `第一，` at a line start
    Ordinal,
    /// `（1）`
    ArabicParen,
    /// `一是` at a line start
    Shi,
    /// `――` `——`
    Dash,
    /// a run-in lead sentence
    Lead,
    /// a stand-alone line followed by another heading line: a part title
    LineGroup,
    /// a stand-alone line followed by body text
    Line,
    /// the title of the closing part (`结束语`): at the top of the outline
    Closing,
}

impl Style {
    /// Smaller is higher in the outline. Unmarked lines have no fixed rank:
    /// they take the place the document gives them.
    fn rank(self) -> Option<u8> {
        Some(match self {
            Style::Chapter => 0,
            Style::CnComma => 1,
            Style::CnParen => 2,
            Style::Arabic | Style::Ordinal => 3,
            Style::ArabicParen => 4,
            Style::Shi | Style::Dash | Style::Lead => 5,
            Style::LineGroup | Style::Line | Style::Closing => return None,
        })
    }
}

/// A heading found in the text (character indices).
#[derive(Debug, Clone)]
pub struct Heading {
    pub start: usize,
    pub end: usize,
    pub marker: Option<(usize, usize)>,
    pub title: (usize, usize),
    pub style: Style,
    pub level: u32,
    pub parent: Option<usize>,
    /// The number in its marker (`三、` → 3), for telling a continued list
    /// from a new one nested in it.
    pub ordinal: Option<u32>,
    /// Whether body text follows before the next heading.
    pub has_body: bool,
}

/// What a line is, before levels are assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    /// title, byline, salutation: metadata before the report proper
    Front,
    /// photo caption, bullet, deck line: neither heading nor body
    Aside,
    Heading(Style),
    Body,
}

/// Finds the outline of `doc`.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn outline(doc: &Doc) -> Vec<Heading> {
    let lines = &doc.lines;
    let front = front_matter(doc);
    let mut kinds: Vec<LineKind> = Vec::with_capacity(lines.len());
    let mut found = ByLine::new(lines.len());
    // the body lines with the shape of a lead, run in or on a line of its
    // own: (line, title end, end)
    let mut leads: Vec<(usize, usize, usize)> = Vec::new();
    // the style and number of the list item on the last line that is not
    // blank, when it ended in `；`
    let mut item: Option<(Style, Option<u32>)> = None;
    // the text is read into the cache up to here, a block ahead of the
    // lines (`Doc::warm`): their first characters alone, one line after
    // another, were a cache miss each on a large text
    let mut warm = 0;
    for (li, line) in lines.iter().enumerate() {
        if line.end > warm {
            warm = line.end.max(line.start + BLOCK);
            doc.warm(line.start, warm);
        }
        if line.is_blank() {
            kinds.push(LineKind::Blank);
            continue;
        }
        if li < front {
            kinds.push(LineKind::Front);
            continue;
        }
        match marked(doc, line) {
            // `一、…；` `二、…；` `三、…。`: the items of one sentence
            Some(h) if list_item(doc, line, &h, &mut item) => kinds.push(LineKind::Body),
            Some(h) => {
                kinds.push(LineKind::Heading(h.style));
                found.set(li, h);
            }
            None if is_aside(doc, line) => {
                item = None;
                kinds.push(LineKind::Aside);
            }
            None => {
                item = None;
                kinds.push(LineKind::Body);
                // read now, while the line's start is in the cache
                if let Some((te, e)) = lead_shape(doc, line).or_else(|| own_line_shape(doc, lines, li)) {
                    leads.push((li, te, e));
                }
            }
        }
    }
    standalone_lines(doc, &mut kinds, &mut found);
    lead_sentences(doc, &kinds, &leads, &mut found);
    // body text under each heading: more text on its own line, or a body
    // line next
    for li in 0..lines.len() {
        if !found.has(li) {
            continue;
        }
        let next = (li + 1..lines.len()).find(|&k| kinds[k] != LineKind::Blank);
        let next_is_body = next.is_some_and(|k| kinds[k] == LineKind::Body && !found.has(k));
        let Some(h) = found.get_mut(li) else { continue };
        let rest_of_line = h.end < lines[li].end;
        h.has_body = h.has_body || rest_of_line || next_is_body;
    }
    let mut headings = found.in_order();
    assign_levels(&mut headings);
    headings
}

#[cfg(test)]
mod tests;
