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

/// The headings found so far, by line.
///
/// A slot per line (4 bytes) and the headings apart, rather than an
/// `Option<Heading>` per line (~100 bytes): at 25 MB of text that array was
/// 15 MB, cleared, written and read again on every call, and it made the
/// outline's time grow faster than the text (README, Performance).
struct ByLine {
    slot: Vec<u32>,
    heads: Vec<Heading>,
}

impl ByLine {
    const NONE: u32 = u32::MAX;

    fn new(lines: usize) -> ByLine {
        ByLine { slot: vec![Self::NONE; lines], heads: Vec::new() }
    }

    fn has(&self, li: usize) -> bool {
        self.slot[li] != Self::NONE
    }

    fn set(&mut self, li: usize, h: Heading) {
        match self.slot[li] {
            Self::NONE => {
                self.slot[li] = self.heads.len() as u32;
                self.heads.push(h);
            }
            k => self.heads[k as usize] = h,
        }
    }

    fn get_mut(&mut self, li: usize) -> Option<&mut Heading> {
        match self.slot[li] {
            Self::NONE => None,
            k => Some(&mut self.heads[k as usize]),
        }
    }

    /// The headings in the order of their lines.
    fn in_order(self) -> Vec<Heading> {
        let mut heads: Vec<Option<Heading>> = self.heads.into_iter().map(Some).collect();
        self.slot.iter().filter(|&&k| k != Self::NONE).filter_map(|&k| heads[k as usize].take()).collect()
    }
}

/// Number of lines at the start that are the document's title, byline,
/// speaker and salutation.
fn front_matter(doc: &Doc) -> usize {
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

fn is_salutation(doc: &Doc, line: &Line) -> bool {
    let last = doc.at(line.end - 1);
    line.len() <= 24 && matches!(last, '：' | ':') && is_salutation_start(doc, line)
}

fn is_title_or_byline(doc: &Doc, line: &Line) -> bool {
    let has = |w: &str| doc.contains(line.start, line.end, w);
    if line.len() > 50 || has("。") {
        return false;
    }
    doc.ends_with(line.end, "报告")
        || doc.ends_with(line.end, "纲要")
        || has("会议上")
        || (starts_with_dash(doc, line.start) && has("年") && has("日"))
}

fn starts_with_dash(doc: &Doc, i: usize) -> bool {
    matches!(doc.at(i), '―' | '—' | '─') && matches!(doc.at(i + 1), '―' | '—' | '─')
}

/// Photo captions, bullets and lines that are only figures: shown as body,
/// never headings.
fn is_aside(doc: &Doc, line: &Line) -> bool {
    let first = doc.at(line.start);
    if matches!(first, '●' | '■' | '◆' | '▲' | '★' | '•' | '·' | '◎' | '○' | '□' | '※' | '△') {
        return true;
    }
    let has = |w: &str| doc.contains(line.start, line.end, w);
    has("图为") || (doc.at(line.end - 1) == '摄' && has("记者"))
}

/// A heading that starts with an outline marker.
fn marked(doc: &Doc, line: &Line) -> Option<Heading> {
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
fn list_item(doc: &Doc, line: &Line, h: &Heading, item: &mut Option<(Style, Option<u32>)>) -> bool {
    let follows = item.is_some_and(|(style, ord)| {
        style == h.style && ord.zip(h.ordinal).is_some_and(|(a, b)| b == a + 1)
    });
    let semicolon = h.end == line.end && matches!(doc.at(line.end - 1), '；' | ';');
    let is_item = follows || (semicolon && h.ordinal == Some(1));
    *item = if is_item && semicolon { Some((h.style, h.ordinal)) } else { None };
    is_item
}

/// The title runs to the first `。` `！` `？` `：` `；` or the line end; the
/// heading's span includes that punctuation.
fn title_span(doc: &Doc, t: usize, line_end: usize) -> (usize, usize) {
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
fn trim_end(doc: &Doc, t: usize, mut e: usize) -> usize {
    while e > t && (matches!(doc.at(e - 1), '，' | ',' | '、') || is_space(doc.at(e - 1))) {
        e -= 1;
    }
    e
}

/// The outline marker at `i`, if any: its style and end.
fn marker_at(doc: &Doc, i: usize, line_end: usize) -> Option<(Style, usize)> {
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
        while (if arabic { doc.at(j).is_ascii_digit() } else { cn_digit(doc.at(j)).is_some() || doc.at(j) == '十' })
            && j - i <= 3
        {
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

/// Stand-alone heading lines: short, no sentence-final punctuation,
/// after the end of a sentence and before body text.
fn standalone_lines(doc: &Doc, kinds: &mut [LineKind], found: &mut ByLine) {
    let lines = &doc.lines;
    let n = lines.len();
    let mut li = 0;
    while li < n {
        if kinds[li] != LineKind::Body || !standalone_shape(doc, &lines[li]) {
            li += 1;
            continue;
        }
        let prev = (0..li).rev().find(|&k| kinds[k] != LineKind::Blank);
        let prev_closed = match prev {
            None => true,
            Some(k) => match kinds[k] {
                LineKind::Front | LineKind::Heading(_) | LineKind::Aside => true,
                LineKind::Body => sentence_closed(doc, &lines[k]) || standalone_shape(doc, &lines[k]),
                LineKind::Blank => true,
            },
        };
        let next = (li + 1..n).find(|&k| kinds[k] != LineKind::Blank);
        let next_ok = next.is_some_and(|k| !opens_with_punct(doc, &lines[k]));
        if !prev_closed || !next_ok {
            li += 1;
            continue;
        }
        let next = next.unwrap_or(li);
        let next_is_line = kinds[next] == LineKind::Body && standalone_shape(doc, &lines[next]);
        let next_is_heading = matches!(kinds[next], LineKind::Heading(_)) || next_is_line || lead_shape(doc, &lines[next]).is_some();
        let deck = is_deck(doc, &lines[li]);
        // a deck (`要创业到广州 要创新来广州`) right after or before a heading
        // is a newspaper pull-quote, not part of the outline
        let after_heading = prev.is_some_and(|k| matches!(kinds[k], LineKind::Heading(_)));
        if deck && (after_heading || next_is_heading) {
            kinds[li] = LineKind::Aside;
            li += 1;
            continue;
        }
        let line = lines[li];
        let style = if is_closing_title(doc, &line) {
            Style::Closing
        } else if next_is_line && !is_deck(doc, &lines[next]) {
            Style::LineGroup
        } else {
            Style::Line
        };
        kinds[li] = LineKind::Heading(style);
        found.set(
            li,
            Heading {
                start: line.start,
                end: line.end,
                marker: None,
                title: (line.start, line.end),
                style,
                level: 0,
                parent: None,
                ordinal: None,
                has_body: false,
            },
        );
        li += 1;
    }
}

/// The titles of a report's closing part, which is a part of its own
/// whatever the parts before it hold.
const CLOSING_TITLES: &[&str] = &["结束语", "结语"];

/// Whether the line is a closing part's title, letter-spaced or not
/// (`结 束 语`).
fn is_closing_title(doc: &Doc, line: &Line) -> bool {
    line.len() <= 8
        && CLOSING_TITLES.iter().any(|w| {
            let mut chars = (line.start..line.end).map(|i| doc.at(i)).filter(|&c| !is_space(c));
            w.chars().all(|c| chars.next() == Some(c)) && chars.next().is_none()
        })
}

/// Short, has ideographs, no sentence punctuation: the shape of a heading
/// line. A `、` may list inside it (`今后五年建设和改革的目标、方针和任务`).
fn standalone_shape(doc: &Doc, line: &Line) -> bool {
    if line.len() < 2 || line.len() > 30 {
        return false;
    }
    let mut han = 0;
    for i in line.start..line.end {
        let c = doc.at(i);
        if matches!(c, '。' | '，' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '（' | '(') {
            return false;
        }
        if is_han(c) {
            han += 1;
        }
    }
    // a line that stops on a particle is a sentence broken across lines
    han >= 2
        && !opens_with_punct(doc, line)
        && !matches!(doc.at(line.end - 1), '—' | '―' | '…' | '的' | '了' | '和' | '与' | '及' | '在' | '对' | '把' | '被' | '将' | '是' | '为' | '从' | '向' | '以' | '而' | '或' | '并')
}

/// Runs of ideographs separated by spaces, as newspaper decks are set.
fn is_deck(doc: &Doc, line: &Line) -> bool {
    (line.start..line.end).any(|i| is_space(doc.at(i)) && i > line.start && is_han(doc.at(i - 1)))
}

fn sentence_closed(doc: &Doc, line: &Line) -> bool {
    let last = doc.at(line.end - 1);
    matches!(last, '。' | '！' | '？' | '；' | '：' | '”' | '」' | '!' | '?' | ')' | '）' | '》')
}

fn opens_with_punct(doc: &Doc, line: &Line) -> bool {
    matches!(doc.at(line.start), '，' | '。' | '、' | '；' | '：' | '）' | ')' | '”' | '」' | ',' | '.' | '》')
}

/// Words that open ordinary body sentences, not headings.
const BODY_OPENERS: &[&str] = &[
    "我们", "我", "今年", "去年", "明年", "这", "那", "同时", "但", "但是", "另外", "此外", "总之", "当前", "目前",
    "近年", "过去", "因此", "所以", "如果", "只有", "虽然", "尽管", "其中", "其他", "其余", "特别是", "总的",
    "各位", "实践", "事实", "回顾", "展望", "经过", "为此", "对此", "通过", "随着", "在", "从", "由于", "要", "必须",
    "应当", "他", "她", "它", "大家", "广大", "全市", "全省", "全国", "未来", "今后",
];

/// Run-in lead sentences: a short first sentence without commas that opens
/// a paragraph of body text, accepted where sibling paragraphs under the
/// same marked heading do the same. A lead may also stand on a line of its
/// own with its body on the next (`own_line_shape`); that body line is the
/// lead's paragraph, not one more.
///
/// The siblings are told two ways, as parts mix lead paragraphs with plain
/// ones in two ways: at least two leads making at least half the part's
/// paragraphs (a part of leads with a plain paragraph or two), or a run of
/// at least three leads with at most one plain paragraph between
/// neighbours (leads that alternate with plain paragraphs, in a part that
/// also holds a long introduction or closing text). A salutation
/// (`各位代表！`) opens a new passage: a run does not reach across it.
/// `leads` are the body lines with the shape of one (`lead_shape`,
/// `own_line_shape`), in order.
fn lead_sentences(doc: &Doc, kinds: &[LineKind], leads: &[(usize, usize, usize)], found: &mut ByLine) {
    let lines = &doc.lines;
    // (paragraph number in the scope, line, title end, end)
    let mut group: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut paras = 0; // body paragraphs in the current scope
    let accept = |found: &mut ByLine, &(_, li, te, e): &(usize, usize, usize, usize)| {
        let line = lines[li];
        found.set(
            li,
            Heading {
                start: line.start,
                end: e,
                marker: None,
                title: (line.start, te),
                style: Style::Lead,
                level: 0,
                parent: None,
                ordinal: None,
                has_body: true,
            },
        );
    };
    let flush = |group: &mut Vec<(usize, usize, usize, usize)>, paras: &mut usize, found: &mut ByLine| {
        if group.len() >= 2 && group.len() * 2 >= *paras {
            group.iter().for_each(|g| accept(found, g));
        } else {
            // runs: neighbours at most two paragraphs apart
            let mut from = 0;
            for k in 1..=group.len() {
                if k == group.len() || group[k].0 > group[k - 1].0 + 2 {
                    if k - from >= 3 {
                        group[from..k].iter().for_each(|g| accept(found, g));
                    }
                    from = k;
                }
            }
        }
        group.clear();
        *paras = 0;
    };
    let mut leads = leads.iter().peekable();
    let mut prev = LineKind::Blank; // the kind of the last line that is not blank
    let mut skip = usize::MAX; // the body line of a lead on its own line
    let mut last_own = false; // whether the scope's last lead stood on its own line
    // the leads on lines of their own with their body on the next line
    let mut run_straight: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (li, &kind) in kinds.iter().enumerate() {
        let lead = leads.next_if(|l| l.0 == li).copied();
        match kind {
            LineKind::Heading(s) if s != Style::Line && s != Style::LineGroup => {
                flush(&mut group, &mut paras, found);
                last_own = false;
            }
            LineKind::Body if li == skip => {}
            LineKind::Body if is_salutation_start(doc, &lines[li]) => {
                flush(&mut group, &mut paras, found);
                last_own = false;
            }
            LineKind::Body => {
                paras += 1;
                if let Some((_, te, e)) = lead {
                    let own = e == lines[li].end;
                    // a line of its own after a heading is that heading's
                    // text; and its body must be body text (the blank lines
                    // before it are this line's to read)
                    let body = if own { (li + 1..kinds.len()).find(|&k| kinds[k] != LineKind::Blank) } else { None };
                    // set apart from its body too, a long one gives way to
                    // a lead that opens that body, unless its siblings
                    // before it stand on lines of their own too
                    let body_ok = body.is_some_and(|k| {
                        kinds[k] == LineKind::Body
                            && (k == li + 1
                                || leads.peek().is_none_or(|l| l.0 != k)
                                || last_own
                                || is_short_title(doc, lines[li].start, te))
                    });
                    if !own || (!matches!(prev, LineKind::Heading(_)) && body_ok) {
                        group.push((paras, li, te, e));
                        skip = body.unwrap_or(skip);
                        last_own = own;
                        if body == Some(li + 1) {
                            run_straight.push((paras, li, te, e));
                        }
                    }
                }
            }
            _ => {}
        }
        if kind != LineKind::Blank {
            prev = kind;
        }
    }
    flush(&mut group, &mut paras, found);
    // a text that sets its leads on lines of their own, run straight into
    // their bodies, does so for a lead without siblings near it too
    if run_straight.iter().filter(|l| found.has(l.1)).count() >= 3 {
        run_straight.iter().for_each(|l| accept(found, l));
    }
}

/// A title as short as a run-in lead's: at most 24 characters, no comma.
fn is_short_title(doc: &Doc, a: usize, b: usize) -> bool {
    b - a <= 24 && !(a..b).any(|i| matches!(doc.at(i), '，' | ','))
}

/// A paragraph that opens by addressing the audience (`各位代表！…`).
fn is_salutation_start(doc: &Doc, line: &Line) -> bool {
    SALUTATIONS.iter().any(|w| doc.starts_with(line.start, w))
}

/// Words that address the audience.
const SALUTATIONS: &[&str] = &["各位", "同志们", "代表们", "委员们", "女士们", "朋友们"];

/// A lead on a line of its own: one sentence ending in `。` (4 to 64
/// characters; commas allowed), set apart from the text before it by a
/// blank line, with its body on the next line that is not blank. Reports
/// pasted from the web set their run-in leads so when the lead was bold
/// (`国民经济快速增长。⏎在１９９２年快速增长的基础上…`); in a text without
/// blank lines between its paragraphs a line of one sentence is a
/// paragraph, not a lead.
fn own_line_shape(doc: &Doc, lines: &[Line], li: usize) -> Option<(usize, usize)> {
    let line = &lines[li];
    if !(5..=65).contains(&line.len()) || doc.at(line.end - 1) != '。' {
        return None;
    }
    if li > 0 && !lines[li - 1].is_blank() {
        return None;
    }
    if (line.start..line.end - 1).any(|i| matches!(doc.at(i), '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':')) {
        return None;
    }
    if opens_with_punct(doc, line) || is_salutation_start(doc, line) {
        return None;
    }
    // a paragraph of one sentence with a blank line after it too, as a
    // web page sets every paragraph: a lead only when it does not read as
    // a statement
    if lines.get(li + 1).is_some_and(|n| n.is_blank()) && is_statement(doc, line.start, line.end) {
        return None;
    }
    Some((trim_end(doc, line.start, line.end - 1), line.end))
}

/// Whether a sentence reads as a statement of the body rather than a
/// heading: it holds a figure (digits, or two numerals in a row as in
/// `一九五八年`, `五百亿元`), speaks in the first person or points back
/// (`我们`, `这`), tells of things done one after another (two `了`), or
/// opens as plain text does (`要…`, `为了…`, `因此…`).
fn is_statement(doc: &Doc, a: usize, b: usize) -> bool {
    let mut numerals = 0;
    let mut done = 0; // `了`: one names a result (`取得了重大成绩`), more tell a story
    for i in a..b {
        let c = doc.at(i);
        done += usize::from(c == '了');
        if c.is_ascii_digit() || c == '这' || (c == '我' && doc.at(i + 1) == '们') || done >= 2 {
            return true;
        }
        numerals = if cn_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿') { numerals + 1 } else { 0 };
        if numerals >= 2 {
            return true;
        }
    }
    PLAIN_OPENERS.iter().any(|w| doc.starts_with(a, w))
}

/// Words that open a sentence of plain text rather than a lead.
const PLAIN_OPENERS: &[&str] = &["要", "但", "因此", "所以", "如果", "为了", "为着", "总之", "同时", "其中", "不仅"];

/// The first sentence of a body line when it has the shape of a lead: 4 to
/// 24 characters, no comma, ending in `。`, followed by more text.
fn lead_shape(doc: &Doc, line: &Line) -> Option<(usize, usize)> {
    let s = line.start;
    let mut e = s;
    while e < line.end && e - s <= 24 {
        let c = doc.at(e);
        match c {
            '。' => break,
            '，' | ',' | '；' | '：' | '？' | '！' | '（' | '了' | '我' | '们' | '这' | '他' | '是' => return None,
            c if c.is_ascii_digit() => return None,
            _ => {}
        }
        e += 1;
    }
    let len = e - s;
    if doc.at(e) != '。' || !(4..=24).contains(&len) || line.end - (e + 1) < 8 {
        return None;
    }
    // last, as most lines fail the shape: the words that open body text
    if BODY_OPENERS.iter().any(|w| doc.starts_with(s, w)) {
        return None;
    }
    Some((e, e + 1))
}

/// The number a marker writes (`三、` 3, `（十二）` 12, `３` 3).
fn ordinal(doc: &Doc, a: usize, b: usize) -> Option<u32> {
    let digits: String = (a..b).map(|k| doc.at(k)).filter(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let k = (a..b).find(|&k| cn_digit(doc.at(k)).is_some() || doc.at(k) == '十')?;
    crate::numbers::chinese_numeral(doc, k).map(|(v, _)| v as u32)
}

/// How many styles there are (`Style as usize` indexes arrays of this size).
const STYLES: usize = Style::Closing as usize + 1;

/// The deepest outline level: no real report nests further, and the bound
/// keeps the work per heading constant on any input.
const MAX_DEPTH: usize = 12;

/// Levels and parents from the order in which styles nest.
fn assign_levels(headings: &mut [Heading]) {
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
            while stack.last().is_some_and(|t| t.0 != style && t.0.rank().is_some_and(|tr| tr >= r))
                && !open_past(&stack, stack.len() - 1, i)
            {
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
            while stack.last().is_some_and(|t| t.0.rank().is_some_and(|tr| tr >= r) && !nests(t))
                && !open_past(&stack, stack.len() - 1, i)
            {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(s: &str) -> Vec<(u32, String, Option<usize>)> {
        let d = Doc::new(s);
        outline(&d)
            .into_iter()
            .map(|h| (h.level, d.slice(h.title.0, h.title.1).to_string(), h.parent))
            .collect()
    }

    #[test]
    fn marked_headings_nest() {
        let got = titles(
            "一、过去五年工作回顾\n正文很长很长很长。\n（一）经济保持平稳增长。我们采取措施。\n一是投资更加有效。制定措施。\n二是消费加快升级。开展改革。\n（二）创新驱动。正文。\n二、目标任务\n――推动改革走在前列。围绕建设。\n",
        );
        let want: Vec<(u32, String, Option<usize>)> = vec![
            (1, "过去五年工作回顾".into(), None),
            (2, "经济保持平稳增长".into(), Some(0)),
            (3, "投资更加有效".into(), Some(1)),
            (3, "消费加快升级".into(), Some(1)),
            (2, "创新驱动".into(), Some(0)),
            (1, "目标任务".into(), None),
            (2, "推动改革走在前列".into(), Some(5)),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn front_matter_is_no_heading() {
        let got = titles("2017年政府工作报告\n――2017年1月5日在第一次会议上\n市长 某某\n各位代表：\n现在我作报告。\n一、回顾\n正文。\n");
        assert_eq!(got, vec![(1, "回顾".to_string(), None)]);
    }

    #[test]
    fn markers_and_non_markers() {
        let cases: &[(&str, Option<Style>)] = &[
            ("一、回顾", Some(Style::CnComma)),
            ("（一）加快发展", Some(Style::CnParen)),
            ("(二)加快发展", Some(Style::CnParen)),
            ("一是投资更加有效。", Some(Style::Shi)),
            ("1 着力 推进建设", Some(Style::Arabic)),
            ("３ 着力 推进改革", Some(Style::Arabic)),
            ("1.推进建设", Some(Style::Arabic)),
            ("1、推进建设", Some(Style::Arabic)),
            ("（1）推进建设", Some(Style::ArabicParen)),
            ("第一、关于基本建设", Some(Style::Ordinal)),
            ("第二，加强农业。", Some(Style::Ordinal)),
            ("第一，", None),
            ("第十五届人大", None),
            ("――经济实力迈上新台阶。", Some(Style::Dash)),
            ("2015年回顾", None),
            ("1.5万亿元", None),
            ("两岸合作", None),
            ("●预计增长8%", None),
        ];
        for &(s, want) in cases {
            let d = Doc::new(s);
            assert_eq!(marker_at(&d, 0, d.norm.len()).map(|m| m.0), want, "{s}");
        }
    }

    #[test]
    fn lead_sentences_need_siblings() {
        let got = titles("（一）推进创新。正文。\n培育科技创新企业。跟踪服务企业，培育引进企业。\n建设重大创新平台。加快示范区建设，调整布局。\n");
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], (2, "培育科技创新企业".to_string(), Some(0)));
        let alone = titles("（一）推进创新。正文。\n培育科技创新企业。跟踪服务企业，培育引进企业。\n");
        assert_eq!(alone.len(), 1);
    }

    #[test]
    fn standalone_lines_before_body() {
        let got = titles("2015年回顾\n五件大事\n一是深入学习。市委坚持学习。\n二是科学谋划。市委重视。\n九项工作\n（一）经济发展稳中有进。正文。\n");
        let levels: Vec<u32> = got.iter().map(|g| g.0).collect();
        assert_eq!(levels, vec![1, 2, 3, 3, 2, 3]);
    }
}
