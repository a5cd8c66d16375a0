//! Marked headings: the markers (`一、`, `（一）`, `1 `, `一是`, `――`) and the
//! titles after them.

use super::*;

/// A heading that starts with an outline marker.
pub(super) fn marked(doc: &Doc, line: &Line) -> Option<Heading> {
    let s = line.start;
    let (style, marker_end) = marker_at(doc, s, line.end)?;
    let mut t = marker_end;
    while t < line.end && is_space(doc.at(t)) {
        t += 1;
    }
    if t >= line.end {
        return None;
    }
    // bylines start with a dash too
    if style == Style::Dash {
        let has = |w: &str| doc.contains(t, line.end, w);
        if has("会议上") || (line.len() < 50 && has("年") && has("月") && has("日")) {
            return None;
        }
    }
    let (title_end, end) = title_span(doc, t, line.end);
    if title_end <= t {
        return None;
    }
    Some(Heading {
        start: s,
        end,
        marker: Some((s, marker_end)),
        title: (t, title_end),
        style,
        level: 0,
        parent: None,
        ordinal: ordinal(doc, s, marker_end),
        has_body: false,
    })
}

/// Whether a marked line is an item of a list written as one sentence,
/// its items on lines of their own: the first item ends in `；` at its first
/// stop (`一、对国营企业逐步推行以税代利，改进国家和企业的关系；`), and each
/// next one is numbered next after the one on the line before, whatever it
/// ends in (the last in `。`). Such items are body text, not headings.
/// `item` carries the last line's item from one line to the next.
pub(super) fn list_item(doc: &Doc, line: &Line, h: &Heading, item: &mut Option<(Style, Option<u32>)>) -> bool {
    let follows = item.is_some_and(|(style, ord)| style == h.style && ord.zip(h.ordinal).is_some_and(|(a, b)| b == a + 1));
    let semicolon = h.end == line.end && matches!(doc.at(line.end - 1), '；' | ';');
    let is_item = follows || (semicolon && h.ordinal == Some(1));
    *item = if is_item && semicolon { Some((h.style, h.ordinal)) } else { None };
    is_item
}

/// The title runs to the first `。` `！` `？` `：` `；` or the line end; the
/// heading's span includes that punctuation.
pub(super) fn title_span(doc: &Doc, t: usize, line_end: usize) -> (usize, usize) {
    let mut e = t;
    while e < line_end {
        if matches!(doc.at(e), '。' | '！' | '？' | '：' | '；' | '!' | '?') {
            return (trim_end(doc, t, e), e + 1);
        }
        e += 1;
    }
    let te = trim_end(doc, t, line_end);
    (te, line_end)
}

/// Drops trailing `，`-like punctuation and spaces from a title.
pub(super) fn trim_end(doc: &Doc, t: usize, mut e: usize) -> usize {
    while e > t && (matches!(doc.at(e - 1), '，' | ',' | '、') || is_space(doc.at(e - 1))) {
        e -= 1;
    }
    e
}

/// The outline marker at `i`, if any: its style and end.
pub(super) fn marker_at(doc: &Doc, i: usize, line_end: usize) -> Option<(Style, usize)> {
    let c = doc.at(i);
    // 第一章 / 第一部分 / 第一节
    if c == '第' {
        let mut j = i + 1;
        while cn_digit(doc.at(j)).is_some() || doc.at(j) == '十' {
            j += 1;
        }
        if j > i + 1 {
            for w in ["部分", "章", "篇"] {
                if doc.starts_with(j, w) {
                    return Some((Style::Chapter, j + w.chars().count()));
                }
            }
            // 第一、关于基本建设 / 第二，加强…: an enumerated paragraph
            if matches!(doc.at(j), '、' | '，') && j + 1 < line_end {
                return Some((Style::Ordinal, j + 1));
            }
        }
        return None;
    }
    // 一、 and 一是
    if cn_digit(c).is_some() || c == '十' {
        let mut j = i;
        while (cn_digit(doc.at(j)).is_some() || doc.at(j) == '十') && j - i < 3 {
            j += 1;
        }
        if doc.at(j) == '、' && doc.at(i) != '两' {
            return Some((Style::CnComma, j + 1));
        }
        if doc.at(j) == '是' && doc.at(i) != '两' && doc.at(i) != '零' {
            return Some((Style::Shi, j + 1));
        }
        return None;
    }
    // （一） and （1）
    if matches!(c, '（' | '(') {
        let mut j = i + 1;
        let arabic = doc.at(j).is_ascii_digit();
        while (if arabic { doc.at(j).is_ascii_digit() } else { cn_digit(doc.at(j)).is_some() || doc.at(j) == '十' }) && j - i <= 3 {
            j += 1;
        }
        if j > i + 1 && matches!(doc.at(j), '）' | ')') {
            let style = if arabic { Style::ArabicParen } else { Style::CnParen };
            return Some((style, j + 1));
        }
        return None;
    }
    // 1 着力… / 1. / 1、 / １
    if c.is_ascii_digit() {
        let mut j = i;
        while doc.at(j).is_ascii_digit() && j - i < 2 {
            j += 1;
        }
        if doc.at(j).is_ascii_digit() {
            return None;
        }
        let next = doc.at(j);
        let ok = match next {
            '、' => true,
            '.' => !doc.at(j + 1).is_ascii_digit(),
            ' ' | '\t' => is_han(doc.at(j + 1)) || is_space(doc.at(j + 1)),
            _ => false,
        };
        if ok && j < line_end {
            let end = if matches!(next, '、' | '.') { j + 1 } else { j };
            return Some((Style::Arabic, end));
        }
        return None;
    }
    // ―― dash items
    if starts_with_dash(doc, i) {
        let mut j = i;
        while matches!(doc.at(j), '―' | '—' | '─') {
            j += 1;
        }
        return Some((Style::Dash, j));
    }
    None
}
