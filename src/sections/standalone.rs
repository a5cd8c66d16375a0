//! Headings without a marker: stand-alone title lines and run-in lead
//! sentences (`更大力度稳定和扩大就业。` opening sibling paragraphs).

use super::*;

/// Stand-alone heading lines: short, no sentence-final punctuation,
/// after the end of a sentence and before body text.
pub(super) fn standalone_lines(doc: &Doc, kinds: &mut [LineKind], found: &mut ByLine) {
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
pub(super) const CLOSING_TITLES: &[&str] = &["结束语", "结语"];

/// Whether the line is a closing part's title, letter-spaced or not
/// (`结 束 语`).
pub(super) fn is_closing_title(doc: &Doc, line: &Line) -> bool {
    line.len() <= 8
        && CLOSING_TITLES.iter().any(|w| {
            let mut chars = (line.start..line.end).map(|i| doc.at(i)).filter(|&c| !is_space(c));
            w.chars().all(|c| chars.next() == Some(c)) && chars.next().is_none()
        })
}

/// Short, has ideographs, no sentence punctuation: the shape of a heading
/// line. A `、` may list inside it (`今后五年建设和改革的目标、方针和任务`).
pub(super) fn standalone_shape(doc: &Doc, line: &Line) -> bool {
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
        && !matches!(
            doc.at(line.end - 1),
            '—' | '―'
                | '…'
                | '的'
                | '了'
                | '和'
                | '与'
                | '及'
                | '在'
                | '对'
                | '把'
                | '被'
                | '将'
                | '是'
                | '为'
                | '从'
                | '向'
                | '以'
                | '而'
                | '或'
                | '并'
        )
}

/// Runs of ideographs separated by spaces, as newspaper decks are set.
pub(super) fn is_deck(doc: &Doc, line: &Line) -> bool {
    (line.start..line.end).any(|i| is_space(doc.at(i)) && i > line.start && is_han(doc.at(i - 1)))
}

pub(super) fn sentence_closed(doc: &Doc, line: &Line) -> bool {
    let last = doc.at(line.end - 1);
    matches!(last, '。' | '！' | '？' | '；' | '：' | '”' | '」' | '!' | '?' | ')' | '）' | '》')
}

pub(super) fn opens_with_punct(doc: &Doc, line: &Line) -> bool {
    matches!(doc.at(line.start), '，' | '。' | '、' | '；' | '：' | '）' | ')' | '”' | '」' | ',' | '.' | '》')
}

/// Words that open ordinary body sentences, not headings.
pub(super) const BODY_OPENERS: &[&str] = &[
    "我们",
    "我",
    "今年",
    "去年",
    "明年",
    "这",
    "那",
    "同时",
    "但",
    "但是",
    "另外",
    "此外",
    "总之",
    "当前",
    "目前",
    "近年",
    "过去",
    "因此",
    "所以",
    "如果",
    "只有",
    "虽然",
    "尽管",
    "其中",
    "其他",
    "其余",
    "特别是",
    "总的",
    "各位",
    "实践",
    "事实",
    "回顾",
    "展望",
    "经过",
    "为此",
    "对此",
    "通过",
    "随着",
    "在",
    "从",
    "由于",
    "要",
    "必须",
    "应当",
    "他",
    "她",
    "它",
    "大家",
    "广大",
    "全市",
    "全省",
    "全国",
    "未来",
    "今后",
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
pub(super) fn lead_sentences(doc: &Doc, kinds: &[LineKind], leads: &[(usize, usize, usize)], found: &mut ByLine) {
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
                            && (k == li + 1 || leads.peek().is_none_or(|l| l.0 != k) || last_own || is_short_title(doc, lines[li].start, te))
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
pub(super) fn is_short_title(doc: &Doc, a: usize, b: usize) -> bool {
    b - a <= 24 && !(a..b).any(|i| matches!(doc.at(i), '，' | ','))
}

/// A paragraph that opens by addressing the audience (`各位代表！…`).
pub(super) fn is_salutation_start(doc: &Doc, line: &Line) -> bool {
    SALUTATIONS.iter().any(|w| doc.starts_with(line.start, w))
}

/// Words that address the audience.
pub(super) const SALUTATIONS: &[&str] = &["各位", "同志们", "代表们", "委员们", "女士们", "朋友们"];

/// A lead on a line of its own: one sentence ending in `。` (4 to 64
/// characters; commas allowed), set apart from the text before it by a
/// blank line, with its body on the next line that is not blank. Reports
/// pasted from the web set their run-in leads so when the lead was bold
/// (`国民经济快速增长。⏎在１９９２年快速增长的基础上…`); in a text without
/// blank lines between its paragraphs a line of one sentence is a
/// paragraph, not a lead.
pub(super) fn own_line_shape(doc: &Doc, lines: &[Line], li: usize) -> Option<(usize, usize)> {
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
pub(super) fn is_statement(doc: &Doc, a: usize, b: usize) -> bool {
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
pub(super) const PLAIN_OPENERS: &[&str] = &["要", "但", "因此", "所以", "如果", "为了", "为着", "总之", "同时", "其中", "不仅"];

/// The first sentence of a body line when it has the shape of a lead: 4 to
/// 24 characters, no comma, ending in `。`, followed by more text.
pub(super) fn lead_shape(doc: &Doc, line: &Line) -> Option<(usize, usize)> {
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
