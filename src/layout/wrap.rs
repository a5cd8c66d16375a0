//! Hard wraps and spacing: the width a text is wrapped at, which line ends
//! join two lines of one paragraph, spaced digits and letter-spaced lines.

use super::*;

/// Spaces to read as nothing, on the lines that space their numbers:
/// between the digits of a number written `1 9 9 7`, around a number set
/// apart from the ideographs next to it (`达到 7 4 7 7 2 亿元`, and the
/// `2017 年 1 月` of a PDF made by a word processor or of text spaced the
/// "pangu" way), and between every character of a letter-spaced line.
/// A line spaces its numbers when most of its numbers' edges are spaces,
/// or the whole text does. Returns the spaces in order and adds their
/// edits.
pub(super) fn spaces(doc: &Doc, lines: &[Ln], edits: &mut Vec<Edit>) -> Vec<usize> {
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
        let marker_space =
            (s + 1..(s + 3).min(e)).find(|&k| doc.at(k) == ' ').filter(|&k| title && is_han(doc.at(k + 1)) && (s..k).all(|j| doc.at(j).is_ascii_digit()));
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
pub(super) fn letter_spaced(doc: &Doc, l: &Ln) -> bool {
    let (s, e) = (l.start, l.end);
    if l.len() < 11 || doc.at(s + 1) != ' ' || doc.at(s + 3) != ' ' {
        return false;
    }
    let singles = (s + 1..e).filter(|&k| doc.at(k) == ' ' && doc.at(k + 1) != ' ' && doc.at(k - 1) != ' ').count();
    let chars = (s..e).filter(|&k| doc.at(k) != ' ').count();
    chars >= 6 && singles * 5 >= (chars - 1) * 3
}

/// A hard wrap found: the width most lines fill, in half-width units.
pub(super) struct Wrap {
    pub(super) width: usize,
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
pub(super) fn wrap_width(doc: &Doc, lines: &[Ln], text: &[usize]) -> Option<Wrap> {
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
pub(super) fn char_width(c: char) -> usize {
    match c as u32 {
        0..=0x10FF | 0xFF61..=0xFFDC => 1,
        0x200B..=0x200F | 0x2060..=0x2064 | 0xFEFF => 0,
        _ => 2,
    }
}

/// Whether line `l` ends a sentence (or a clause that ends a paragraph).
pub(super) fn ends_sentence(doc: &Doc, l: &Ln) -> bool {
    let last = doc.at(l.end - 1);
    match last {
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '：' | ':' | '…' => true,
        '”' | '」' | '』' | '）' | ')' | '’' => l.len() >= 2 && matches!(doc.at(l.end - 2), '。' | '！' | '？' | '!' | '?' | '…'),
        _ => false,
    }
}

/// Whether line `b` goes on from line `a`, with nothing but page furniture
/// or zero-width lines between them.
pub(super) fn joins(doc: &Doc, (ai, a): (usize, &Ln), (bi, b): (usize, &Ln), wrap: Option<&Wrap>) -> bool {
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
    if (last.is_ascii_digit() || last == '.')
        && (first.is_ascii_digit() || matches!(first, '.' | '%' | '万' | '亿' | '千' | '百' | '元' | '个' | '人' | '年' | '月' | '‰'))
    {
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
pub(super) fn closes(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！' | '）' | '》' | '」' | '』' | '”' | '’' | '〉' | ')' | ',' | ';')
}

/// Punctuation that opens what comes after: no paragraph ends with it.
pub(super) fn opens(c: char) -> bool {
    matches!(c, '《' | '「' | '『' | '“' | '‘' | '（' | '(' | '〈')
}

/// A line of one or two ASCII letters or digits: a subscript or a
/// superscript set on its own line.
pub(super) fn tiny(doc: &Doc, l: &Ln) -> bool {
    l.len() <= 2 && (l.start..l.end).all(|k| doc.at(k).is_ascii_alphanumeric())
}

/// Whether a line that follows a full line ending a sentence opens a new
/// paragraph.
pub(super) fn starts_paragraph(doc: &Doc, (bi, b): (usize, &Ln), w: &Wrap) -> bool {
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
pub(super) fn inline_item(doc: &Doc, b: &Ln) -> bool {
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
pub(super) fn starts_marked(doc: &Doc, l: &Ln) -> bool {
    marker_len(doc, l.start, l.end).is_some() || (matches!(doc.at(l.start), '—' | '―') && matches!(doc.at(l.start + 1), '—' | '―'))
}

/// A line of a number from 1 to 30 alone, before a short line with no
/// sentence punctuation: the number of a title set on a line of its own
/// (`1⏎着力推进三大战略枢纽建设`). Read as `1 着力推进…`.
pub(super) fn number_marker(doc: &Doc, a: &Ln, b: &Ln) -> bool {
    let digits = a.len() <= 2 && (a.start..a.end).all(|k| doc.at(k).is_ascii_digit());
    digits
        && doc.norm_str(a.start, a.end).parse::<u32>().is_ok_and(|n| (1..=30).contains(&n))
        && b.len() <= 30
        && is_han(doc.at(b.start))
        && !(b.start..b.end).any(|k| matches!(doc.at(k), '。' | '，' | '；' | '：' | '！' | '？'))
}

/// Whether a line opens with the marker of a part: `四、`, `第四章`,
/// `第四部分`.
pub(super) fn part_marker(doc: &Doc, l: &Ln) -> bool {
    marker_len(doc, l.start, l.end).is_some_and(|e| matches!(doc.at(e - 1), '、' | '章' | '分' | '篇') && doc.at(l.start) != '(' && doc.at(l.start) != '（')
}

/// A line that is an outline marker and nothing else (`一、`, or `一 、`
/// letter-spaced).
pub(super) fn bare_marker(doc: &Doc, l: &Ln) -> bool {
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
pub(super) fn marker_len(doc: &Doc, s: usize, e: usize) -> Option<usize> {
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
