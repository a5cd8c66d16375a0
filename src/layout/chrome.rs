//! A web page's chrome: menus, breadcrumbs and footers before the report's
//! title and after its last paragraph.

use super::*;

/// The paragraphs (as `(first, end)` into `paras`) that are a web page's
/// chrome: the menus, breadcrumbs and buttons before the report's start
/// (its title or salutation), and the footer after its last paragraph.
pub(super) fn chrome(doc: &Doc, lines: &[Ln], text: &[usize], paras: &[(usize, usize)]) -> Vec<(usize, usize)> {
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
    if let Some(p) = cut.filter(|&p| out.last().is_none_or(|&(_, q)| p >= q)) {
        out.push((p, paras.len()));
    }
    out
}

/// The first characters of `CHROME_WORDS` (a test keeps them so).
pub(super) const CHROME_FIRSTS: &str = "版Cc©I公网联关隐主承技返打【[分扫责发浏阅点访字当您上下相本著P维W来纠无繁简";

/// How many of `CHROME_WORDS` stand in the paragraph `a..b`. A long one is
/// read at its two ends only: a page's furniture is short, or (a licence
/// note) full of such words, and a report's paragraph of a thousand
/// characters should not cost sixty searches of it.
pub(super) fn chrome_words(doc: &Doc, a: usize, b: usize) -> usize {
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
    CHROME_WORDS.iter().filter(|w| w.chars().next().is_some_and(|c| here.contains(&c))).filter(|w| ends.iter().any(|&(x, y)| doc.contains(x, y, w))).count()
}

/// What a paragraph is to the chrome finder.
pub(super) struct Para {
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
    pub(super) fn of(doc: &Doc, a: usize, b: usize) -> Para {
        let len = b - a;
        let has = |w: &str| doc.contains(a, b, w);
        let s = doc.norm_str(a, b);
        let words = chrome_words(doc, a, b);
        let whole = CHROME_LINES.contains(&s);
        // `首页 > 政务公开 > 政府工作报告`: three or more short steps
        let steps: Vec<&str> = s.split(['>', '»', '›', '＞']).map(str::trim).collect();
        let breadcrumb = len <= 80 && steps.len() >= 3 && steps.iter().all(|w| !w.is_empty() && w.chars().count() <= 12 && !w.contains(['。', '，', '<', '"']));
        let ascii = len <= 80 && s.is_ascii();
        let menu = len <= 40 && s.split([' ', '|', '｜', '/']).filter(|w| !w.is_empty()).all(|w| CHROME_LINES.contains(&w));
        let chrome = whole || breadcrumb || ascii || menu || (words >= 1 && len <= 40) || words >= 2;
        let han = if len < 20 { 0 } else { s.chars().filter(|&c| is_han(c)).count() };
        let last = doc.at(b - 1);
        let ends = matches!(last, '。' | '！' | '？' | '!' | '?' | '；' | '…' | '”' | '」');
        let title = len <= 60
            && !has("。")
            && !breadcrumb
            && words == 0
            && (TITLE_ENDS.iter().any(|w| doc.ends_with(b, w) || doc.ends_with(b.saturating_sub(1), w)) || has("会议上"));
        let salutation = len <= 24
            && matches!(last, '：' | ':' | '！' | '!')
            && ["各位", "同志们", "代表们", "委员们", "女士们", "朋友们"].iter().any(|w| doc.starts_with(a, w));
        Para { body: han >= 20 && ends && !chrome, chrome, short: len <= 40, worded: words > 0, title, salutation }
    }
}
