//! Levels: a heading's depth from the document's own nesting of marker
//! styles, and whether numbering continues a list or opens a nested one.

use super::*;

/// The number a marker writes (`三、` 3, `（十二）` 12, `３` 3).
pub(super) fn ordinal(doc: &Doc, a: usize, b: usize) -> Option<u32> {
    let digits: String = (a..b).map(|k| doc.at(k)).filter(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let k = (a..b).find(|&k| cn_digit(doc.at(k)).is_some() || doc.at(k) == '十')?;
    crate::numbers::chinese_numeral(doc, k).map(|(v, _)| v as u32)
}

/// How many styles there are (`Style as usize` indexes arrays of this size).
pub(super) const STYLES: usize = Style::Closing as usize + 1;

/// The deepest outline level: no real report nests further, and the bound
/// keeps the work per heading constant on any input.
pub(super) const MAX_DEPTH: usize = 12;

/// Levels and parents from the order in which styles nest.
pub(super) fn assign_levels(headings: &mut [Heading]) {
    // where each numbered heading's list goes on: the next heading of its
    // style, when that one is numbered next (`第一` … `第二`)
    let mut goes_on = vec![usize::MAX; headings.len()];
    let mut next_of_style = [usize::MAX; STYLES];
    for i in (0..headings.len()).rev() {
        let style = headings[i].style as usize;
        let next = next_of_style[style];
        if next != usize::MAX && headings[i].ordinal.is_some_and(|k| headings[next].ordinal == Some(k + 1)) {
            goes_on[i] = next;
        }
        next_of_style[style] = i;
    }
    // whether the open item at `pos` of the stack is not done at heading
    // `i`: its list goes on after `i`, before the list of the item it is
    // in does (the `（一）`…`（九）` of `第一，` before `第二，`)
    let open_past = |stack: &[(Style, u32, usize)], pos: usize, i: usize| {
        let next = goes_on[stack[pos].2];
        next != usize::MAX && next > i && (pos == 0 || next < goes_on[stack[pos - 1].2])
    };
    // stack of (style, level, index)
    let mut stack: Vec<(Style, u32, usize)> = Vec::new();
    // the level of the stand-alone part titles, once a marked list at the
    // top of the outline has been taken for their sibling
    let mut part_level: Option<u32> = None;
    for i in 0..headings.len() {
        let style = headings[i].style;
        if style == Style::Closing {
            stack.clear();
            headings[i].level = 1;
            headings[i].parent = None;
            stack.push((style, 1, i));
            continue;
        }
        let ord = headings[i].ordinal;
        let same: Vec<usize> = (0..stack.len()).filter(|&p| stack[p].0 == style).collect();
        // the entry this heading continues: the one numbered just before it
        let continued = match ord {
            Some(k) => same.iter().rev().copied().find(|&p| headings[stack[p].2].ordinal == Some(k.wrapping_sub(1))).or_else(|| {
                // `1` again while the list is open starts a list nested in it
                if k == 1 {
                    None
                } else {
                    same.last().copied()
                }
            }),
            None => same.last().copied(),
        };
        // a restart nests a new list; past MAX_DEPTH it continues the open one
        let open_ord = same.last().and_then(|&p| headings[stack[p].2].ordinal);
        let restart = ord == Some(1) && open_ord.is_some_and(|o| o >= 2) && stack.len() < MAX_DEPTH;
        let continued = continued.or_else(|| if restart { None } else { same.last().copied() });
        if let Some(pos) = continued {
            stack.truncate(pos);
        } else if restart {
            // nested in the open item of its own style, closing the items
            // of lower styles in that one that are done (a `一、` list
            // after the `（一）`…`（三）` of a `二、` part is in the part,
            // not in its `（三）`)
            let r = style.rank().unwrap_or(u8::MAX);
            while stack.last().is_some_and(|t| t.0 != style && t.0.rank().is_some_and(|tr| tr >= r)) && !open_past(&stack, stack.len() - 1, i) {
                stack.pop();
            }
        } else if let Some(pl) = part_level.filter(|_| style == Style::Line && headings[i].has_body) {
            // a stand-alone title with body text where such titles stand
            // beside marked lists: the next part (`关于外交工作` after the
            // `一、`…`五、` of the part before it)
            while stack.last().is_some_and(|t| t.1 >= pl) {
                stack.pop();
            }
        } else if style.rank().is_none() && style != Style::LineGroup {
            // a stand-alone line closes paragraph-level items before it
            while stack.last().is_some_and(|t| t.0.rank() == Some(5)) {
                stack.pop();
            }
        } else if let Some(r) = style.rank() {
            // close styles that rank at or below this one, but for an item
            // whose list goes on after this heading, or a marked item that
            // a new list (`一、` after `第四、`) starts in: this one opens a
            // list nested in it; paragraph items (`一是`, `――`) it closes
            let nests = |t: &(Style, u32, usize)| ord == Some(1) && t.0.rank().is_some_and(|tr| tr < 5);
            while stack.last().is_some_and(|t| t.0.rank().is_some_and(|tr| tr >= r) && !nests(t)) && !open_past(&stack, stack.len() - 1, i) {
                stack.pop();
            }
            // a marked list after a stand-alone line that had body text of
            // its own (its leads closed above) is that line's sibling, not
            // its child
            if let Some(&(_, level, _)) = stack.last().filter(|t| r < 5 && t.0 == Style::Line && headings[t.2].has_body) {
                stack.pop();
                if level == 1 {
                    part_level = Some(level);
                }
            }
        } else if style == Style::LineGroup {
            stack.clear();
        }
        if stack.len() >= MAX_DEPTH {
            stack.truncate(MAX_DEPTH - 1);
        }
        let level = stack.last().map_or(1, |e| e.1 + 1);
        headings[i].level = level;
        headings[i].parent = stack.last().map(|e| e.2);
        stack.push((style, level, i));
    }
}
