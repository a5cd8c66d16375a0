//! Indicators: which number expressions are quantitative facts or targets,
//! and their kind, direction, comparator, status, metric and year.
//!
//! One pass over the text finds number expressions (`numbers`) and drops
//! those that are dates, enumerators, codes, slogans or names. A second
//! pass, over the accepted figures in order, reads each one's attributes
//! from the words around it and from the part of the report it sits in.
//! Every look around a figure is bounded, so the work stays linear in the
//! length of the text. Both passes, with those that find the years and cue
//! words, run a block of the text at a time (`Finder`).
//!
//! In the wasm build the passes and the per-figure rules are functions of
//! their own (`inline(never)` on wasm32 only: natively LLVM's inlining is
//! kept). Inlined, `annotate`, the figure scan and `attributes` were
//! functions of 14–17 KB of wasm, which V8 compiles with TurboFan as wholes
//! once they are hot: on a page's cold start that was ~70 ms of CPU
//! competing with the page's own thread on a 2-core machine, against ~20 ms
//! now, with the same warm speed (README, Performance).

use crate::charclass;
use crate::cues::{Cue, Cues};
use crate::lexicon::*;
use crate::numbers::{self, cn_digit, is_cn_numeral, Form, Number};
use crate::sections::Heading;
use crate::text::{is_han, is_space, Doc};
use crate::units;
use crate::{Comparator, Direction, Horizon, Kind, Status};

/// How far the rules look back from a figure for its clause and sentence.
const CLAUSE_REACH: usize = 48;
const SENTENCE_REACH: usize = 160;
/// How far a metric written after a figure reaches (`metric_after`).
const METRIC_REACH: usize = 24;

/// An accepted figure with its attributes, in character indices.
#[derive(Debug, Clone)]
pub struct Found {
    pub number: Number,
    pub kind: Kind,
    pub direction: Option<Direction>,
    pub comparator: Comparator,
    pub status: Status,
    pub horizon: Horizon,
    pub metric: Option<(usize, usize)>,
    pub year: Option<i32>,
    pub section: Option<usize>,
    /// Where its sentence starts (`sentence_start`): the next figure in the
    /// same sentence starts from it instead of walking back again.
    pub sentence: usize,
}

/// Whether a part of the report reviews the past or sets tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Review,
    Plan,
}

/// Whether a part of the report speaks of several years, by its heading
/// or an enclosing one: a multi-year plan (`“十四五”时期主要目标任务`,
/// `第六个五年计划的基本任务`, `今后五年的目标任务`), or a look back over
/// several years (`过去五年工作回顾`, `“十五”期间…主要情况`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Period {
    #[default]
    OneYear,
    Plan,
    Past,
}

/// What the rules know of a part of the report from its heading and text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Part {
    pub mode: Option<Mode>,
    pub period: Period,
}

/// Finds the indicators of a text, given its outline, a block of the text
/// at a time (`Doc::blocks`): every pass (years, cue words, figures, their
/// attributes) runs over one block before the next block starts, so that
/// they find the block's text in the cache (`Doc::warm`). Run over the
/// whole text one after another, each pass fetched it from memory again
/// once the text was larger than the cache, and time grew faster than the
/// text (README, Performance).
///
/// The result is the same for any block size: the passes carry their state
/// from one block to the next, the lookups of a figure's attributes reach
/// only back, a figure waits for the next block while its metric might
/// still run into it (`METRIC_REACH`), and a `分别` group (`distribute`)
/// while the next figure might join it.
pub struct Finder<'d> {
    doc: &'d Doc<'d>,
    headings: &'d [Heading],
    report_year: Option<i32>,
    /// The report's year, else the year its headings imply
    /// (`year_of_headings`).
    plan_year: Option<i32>,
    /// Review or plan, and the years spoken of, per heading.
    parts: Vec<Part>,
    /// The years written so far: (year, start).
    years: Vec<(i32, usize)>,
    cues: Cues,
    scan: Scan,
    /// Figures scanned whose attributes are not read yet.
    numbers: Vec<Number>,
    /// The figures with attributes that the next ones may still look back
    /// at, and those not yet final.
    found: Vec<Found>,
    /// `found[..distributed]` have been through `distribute`, and handed
    /// out.
    distributed: usize,
    /// Headings that start before the current figure.
    hi: usize,
}

impl<'d> Finder<'d> {
    /// Reads what needs the whole text first: the report's year and each
    /// part's review or plan mode.
    pub fn new(doc: &'d Doc<'d>, headings: &'d [Heading]) -> Finder<'d> {
        let report_year = report_year(doc);
        // for the horizon only: the status rules were tuned with no year
        // where the byline gives none, and a part's year in its heading
        // (`为实现１９５６年的国家预算而努力`) holds results as well
        let plan_year = report_year.or_else(|| year_of_headings(doc, headings));
        let parts = section_parts(doc, headings, report_year, plan_year);
        Finder { doc, headings, report_year, plan_year, parts, years: Vec::new(), cues: Cues::new(), scan: Scan::default(), numbers: Vec::new(), found: Vec::new(), distributed: 0, hi: 0 }
    }

    /// Reads the block `a..b` of the text, which follows the blocks read
    /// before (the first starts at 0, the last ends at the end of the
    /// text), and hands the indicators that are final to `emit`, in order.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn run(&mut self, a: usize, b: usize, mut emit: impl FnMut(&Found)) {
        let doc = self.doc;
        let n = doc.norm.len();
        self.years.extend(years_from(doc, a, b, n));
        self.cues.extend(doc, a, b);
        self.scan.run(doc, self.headings, a, b, &mut self.numbers);
        // A figure's metric ends at the next figure at the latest. The last
        // one scanned has none yet: it waits, unless the text ends here or
        // its metric cannot reach past `b`, where the next figure starts at
        // the earliest.
        let numbers = &mut self.numbers;
        let ready = match numbers.last() {
            Some(last) if b < n && b <= last.end + 1 + METRIC_REACH => numbers.len() - 1,
            _ => numbers.len(),
        };
        for k in 0..ready {
            let limit = numbers.get(k + 1).map_or(b, |next| next.start);
            let number = numbers[k].clone();
            while self.hi < self.headings.len() && self.headings[self.hi].start <= number.start {
                self.hi += 1;
            }
            let section = self.hi.checked_sub(1);
            let part = section.map_or(Part::default(), |s| self.parts[s]);
            let f = attributes(doc, &self.cues, number, limit, &self.found, section, part, (self.report_year, self.plan_year), &self.years);
            self.found.push(f);
        }
        numbers.drain(..ready);
        let from = self.distributed;
        self.distributed = distribute(doc, &mut self.found, from, b >= n);
        self.found[from..self.distributed].iter().for_each(&mut emit);
        // keep only the figures the next ones may look back at: the last
        // (`attributes`), and those in reach of a sentence that starts
        // after the first figure not yet final (`distribute`)
        let found = &mut self.found;
        let anchor = found.get(self.distributed).or(found.last()).map_or(0, |f| f.number.start);
        let keep = found.partition_point(|f| f.number.start + SENTENCE_REACH < anchor).min(found.len().saturating_sub(1));
        found.drain(..keep);
        self.distributed -= keep;
    }
}

// ---------------------------------------------------------------------------
// Finding the figures

/// Opening and closing quotes and title marks: what stands inside is a
/// name.
fn quote_delta(c: char) -> i32 {
    match c {
        '“' | '「' | '『' | '《' | '〈' | '﹃' => 1,
        '”' | '」' | '』' | '》' | '〉' | '﹄' => -1,
        _ => 0,
    }
}

/// The scan for number expressions that are indicators, run block by block
/// over the text: where it stands between two blocks.
#[derive(Default)]
struct Scan {
    li: usize,   // the line of the current place
    depth: i32,  // quotes open on this line
    i: usize,    // where reading may go on
    hi: usize,   // headings that end before the current place
    ended: bool, // past the last line
}

impl Scan {
    /// Appends the figures whose first character is in `a..b` to `out`, in
    /// order (a figure may run past `b`; the next block goes on after it).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn run(&mut self, doc: &Doc, headings: &[Heading], a: usize, b: usize, out: &mut Vec<Number>) {
        let lines = &doc.lines;
        // only the quotes and the characters that can start a number, in
        // one walk over the marks (a search of them for every line was a
        // random access per line, which large inputs pay in cache misses)
        for k in doc.marked(charclass::NUMBER_START | charclass::QUOTE, a, b) {
            if self.ended {
                return;
            }
            if self.li < lines.len() && k >= lines[self.li].end {
                while self.li < lines.len() && lines[self.li].end <= k {
                    self.li += 1;
                }
                // a new line: quotes and figures do not run over a line end
                self.depth = 0;
                self.i = lines.get(self.li).map_or(k, |l| l.start);
            }
            let Some(line) = lines.get(self.li) else {
                self.ended = true;
                return;
            };
            if k < line.start || k < self.i {
                continue; // inside the figure just read
            }
            let i = k;
            let c = doc.at(i);
            if charclass::class(c) & charclass::QUOTE != 0 {
                self.depth = (self.depth + quote_delta(c)).max(0);
                self.i = i;
                continue;
            }
            // where this character stands in the outline
            while self.hi < headings.len() && headings[self.hi].end <= i {
                self.hi += 1;
            }
            let heading = headings.get(self.hi).filter(|h| h.start <= i);
            if let Some(h) = heading {
                if let Some((_, me)) = h.marker {
                    if i < me {
                        self.i = me;
                        continue;
                    }
                }
            }
            let in_title = heading.is_some();
            let (found, next) = number_at(doc, i, in_title);
            if let Some(mut n) = found {
                // 负3.9%, 增长-3.2%
                let minus = numbers::minus_before(doc, n.start);
                if minus > 0 && matches!(n.form, Form::Arabic | Form::Chinese) && n.start >= line.start + minus {
                    n = numbers::negated(n, minus);
                }
                if self.depth == 0 {
                    out.push(n.finite());
                }
            }
            self.i = next.max(i + 1);
        }
    }
}

/// The indicator starting at `i`, if any, and where scanning goes on.
fn number_at(doc: &Doc, i: usize, in_title: bool) -> (Option<Number>, usize) {
    let c = doc.at(i);
    if c.is_ascii_digit() {
        return arabic_at(doc, i);
    }
    match c {
        '第' => {
            if let Some((n, suffix)) = numbers::ordinal(doc, i) {
                let end = n.end;
                return (is_rank(doc, &n, suffix).then_some(n), end);
            }
            return (None, i + 1);
        }
        '首' | '榜' => {
            if let Some(n) = numbers::first_place(doc, i) {
                let end = n.end;
                let priority = PRIORITY_VERBS.iter().any(|w| doc.ends_with(i, w));
                return (rank_context(doc, i).then_some(n).filter(|_| !priority), end);
            }
            return (None, i + 1);
        }
        '翻' => {
            if let Some(n) = numbers::doubling(doc, i) {
                let end = n.end;
                return (Some(n), end);
            }
            return (None, i + 1);
        }
        _ => {}
    }
    // 百分之五, 千分之六点一, 万分之三
    if matches!(c, '百' | '千' | '万' | '佰' | '仟') && doc.at(i + 1) == '分' {
        if let Some(n) = numbers::percent_words(doc, i) {
            let end = n.end;
            return (Some(n), end);
        }
    }
    if is_cn_numeral(c) {
        return chinese_at(doc, i, in_title);
    }
    (None, i + 1)
}

/// End of a run of digits and number punctuation: where scanning resumes
/// after a rejected Arabic token (so `PM2.5` is not read again as `5`).
fn skip_token(doc: &Doc, mut j: usize) -> usize {
    while doc.at(j).is_ascii_alphanumeric() || (matches!(doc.at(j), '.' | ',') && doc.at(j + 1).is_ascii_digit()) {
        j += 1;
    }
    j
}

fn arabic_at(doc: &Doc, i: usize) -> (Option<Number>, usize) {
    let prev = doc.before(i);
    // 每50公斤, 每10万人: a denominator, not a quantity
    if prev == '每' {
        let end = numbers::arabic(doc, i).map_or(i + 1, |n| n.end);
        return (None, end);
    }
    // codes: PM2.5, G20, 1+9, No.5, 2020/2021, a link's q=30%25 (but a
    // minus sign: 增长-3.2%)
    if prev.is_ascii_alphanumeric() || matches!(prev, '.' | '+' | '/' | '#' | '_' | '@' | '·' | '%' | '=') || (prev == '-' && numbers::minus_before(doc, i) == 0) {
        return (None, skip_token(doc, i));
    }
    let digits_end = skip_token(doc, i);
    // 16分之5: a fraction
    if doc.at(digits_end) == '分' {
        if let Some(n) = numbers::fraction(doc, i) {
            let end = n.end;
            return (Some(n), end);
        }
    }
    // a structure ratio
    if let Some(n) = numbers::ratio(doc, i, ratio_context(doc, i)) {
        let end = n.end;
        return (Some(n), end);
    }
    let Some(n) = numbers::arabic(doc, i) else {
        return (None, i + 1);
    };
    let after_digits = doc.at(digits_end);
    // 5G, 4K, 1+4, 3D
    if after_digits.is_ascii_alphabetic() || matches!(after_digits, '+' | '#' | '_') || doc.at(n.end) == '+' {
        return (None, skip_token(doc, digits_end));
    }
    if n.unit.is_none() && !n.magnitude {
        return (None, n.end.max(digits_end));
    }
    if n.unit == Some("届") && !doc.ends_with(i, "连续") {
        return (None, n.end);
    }
    let end = n.end;
    (Some(n), end)
}

/// The first characters of words that end in `数` (`人数`, `总数`,
/// `指数`, `多数`): a numeral after them is a number (`人数十万`), not
/// `数十万`.
const NOUNS_IN_SHU: &str = "人总户次指系倍基件个位分岁票字页股函参整点台家天年时码号序算级变常多少半无奇偶";

fn chinese_at(doc: &Doc, i: usize, in_title: bool) -> (Option<Number>, usize) {
    // skip the whole run of numeral characters when rejecting, so that the
    // middle of 十三五 is never read on its own
    let mut run_end = i;
    while is_cn_numeral(doc.at(run_end)) {
        run_end += 1;
    }
    // 三分之一, 十分之一: a fraction
    if doc.at(run_end) == '分' && doc.at(run_end + 1) == '之' {
        if let Some(n) = numbers::fraction(doc, i) {
            let end = n.end;
            return (Some(n), end);
        }
    }
    // 几十亿元, 数百万人: a vague amount, with no value
    let vague = matches!(doc.before(i), '几' | '数')
        && (i..run_end).all(|k| matches!(doc.at(k), '十' | '百' | '千' | '万' | '亿'))
        && !(doc.before(i) == '数' && i >= 2 && NOUNS_IN_SHU.contains(doc.at(i - 2)));
    // 百姓, 千家万户, 万人计划: a numeral that opens with a magnitude is a
    // word (but 零点五 is a number); so is one inside a word: 统一, 唯一,
    // 万一. Neither is read further.
    if !vague
        && (matches!(doc.at(i), '百' | '千' | '万' | '亿')
            || (matches!(doc.at(i), '零' | '〇') && doc.at(i + 1) != '点')
            || matches!(doc.before(i), '统' | '唯' | '万' | '之' | '某' | '同' | '合' | '划' | '专' | '单'))
    {
        return (None, run_end);
    }
    let read = if vague { numbers::vague(doc, i - 1) } else { numbers::chinese(doc, i) };
    let Some(n) = read else {
        return (None, run_end);
    };
    let reject = (None, n.end.max(run_end));
    if n.form == Form::Percent {
        return accept_unless_idiom(doc, n, run_end);
    }
    let after = doc.at(n.end);
    // 五万分之一 is a fraction, 一百万年 a span of time
    if doc.starts_with(n.end, "分之") || (n.unit.is_none() && after == '年') {
        return reject;
    }
    // a count with a magnitude stands before its noun (`近一亿农村贫困人口`,
    // `九百六十多万贫困人口`) as `1亿` does; any other needs its measure word
    let Some(unit) = n.unit.or(n.magnitude.then_some("")) else {
        return reject;
    };
    let value = n.value.unwrap_or(0.0);
    // 一个, 一项: a word; one of a measure is a quantity (`近一吨`,
    // `一美元`), and so is a decimal (`一点五个百分点`, `零点五吨`)
    if value < 2.0 && value.fract() == 0.0 && !matches!(unit, "倍" | "番" | "%") && !n.magnitude && !(value == 1.0 && units::is_measure(unit)) {
        return reject;
    }
    // 五件大事, 三大战略枢纽, 两个一百年, 五位一体, 两位数
    if after == '大' || after == '数' || cn_digit(after).is_some() || quote_delta(after) > 0 || after == '次' {
        return reject;
    }
    if SLOGAN_TAILS.iter().any(|w| doc.starts_with(n.end, w)) {
        return reject;
    }
    if matches!(unit, "届" | "次") && (is_han(after) || doc.ends_with(i, "第")) {
        return reject;
    }
    if unit == "次" && doc.starts_with(n.end, "产业") {
        return reject;
    }
    // 十件民生实事, 八项规定, 两个市场, 三元里: a small count written in
    // words and followed by its noun is part of a name; as a quantity it
    // stands at the end of its clause (`建成公园十个。`)
    // (or before a conjunction, when it is a measure: `五美元和三美元`)
    let listed = after == '、' || (matches!(after, '和' | '与' | '及' | '或') && units::is_measure(unit));
    if value <= 10.0 && !n.magnitude && !matches!(unit, "倍" | "番" | "%") && !is_clause_break(after) && !listed {
        return reject;
    }
    // counts in a heading title name the parts of the report: 九项工作
    if in_title && !n.magnitude {
        return reject;
    }
    // 一个, 一项 … were rejected above; 两 before a noun without a unit is a word
    accept_unless_idiom(doc, n, run_end)
}

/// `n`, unless it opens an idiom that the rules above let through
/// (`一成不变`, `十万火急`: `NUMERAL_IDIOMS`); reading goes on after the
/// idiom's numerals.
fn accept_unless_idiom(doc: &Doc, n: Number, run_end: usize) -> (Option<Number>, usize) {
    let end = n.end;
    if starts_with_any(doc, n.start, NUMERAL_IDIOMS) {
        return (None, end.max(run_end));
    }
    (Some(n), end)
}

/// Whether one of `words` starts at `i` (in wasm a function of its own:
/// inlined, the loop over a constant list was unrolled into a kilobyte).
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn starts_with_any(doc: &Doc, i: usize, words: &[&str]) -> bool {
    words.iter().any(|w| doc.starts_with(i, w))
}

/// Whether `第…` is a rank here: `第6位` always; a bare `第一` at the end of
/// a clause after a ranking verb or a place (`全国第一`, `位居全球第6、`).
fn is_rank(doc: &Doc, n: &Number, suffix: bool) -> bool {
    // 把安全放在第一位 / 摆在首位: a priority, not a rank
    if PRIORITY_VERBS.iter().any(|w| doc.ends_with(n.start, w)) {
        return false;
    }
    if suffix {
        // 第一位的 (put first) is no rank; 第三名 is
        return doc.at(n.end) != '的' || doc.at(n.end - 1) == '名';
    }
    let after = doc.at(n.end);
    if !matches!(after, '，' | '。' | '、' | '；' | '）' | ')' | '\n' | '\r' | '！' | ',' | ';' | '”') {
        return false;
    }
    rank_context(doc, n.start)
}

/// Verbs that put something first as a priority: `放在第一位`, `摆在首位`.
const PRIORITY_VERBS: &[&str] = &["放在", "摆在", "放到", "摆到", "置于", "列为", "作为"];

/// A ranking verb in the clause before `i`, or a place right before it.
fn rank_context(doc: &Doc, i: usize) -> bool {
    const PLACES: &[&str] = &["全国", "全省", "全球", "世界", "全市", "亚洲", "国内", "省内", "同类城市", "城市"];
    if PLACES.iter().any(|p| doc.ends_with(i, p)) {
        return true;
    }
    const VERBS: &[&str] = &["居", "列", "排", "蝉联", "跃", "登", "名列", "保持"];
    let a = clause_start(doc, i);
    (a..i).any(|k| VERBS.iter().any(|v| doc.starts_with(k, v)))
}

/// Whether a two-part ratio is plausible before `i` (`比例为3:7`).
fn ratio_context(doc: &Doc, i: usize) -> bool {
    let a = clause_start(doc, i);
    (a..i).any(|k| doc.at(k) == '比')
}

// ---------------------------------------------------------------------------
// Clauses and sentences

fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

/// Start of the clause that holds `i`: after the last `，；：。` (bounded).
fn clause_start(doc: &Doc, i: usize) -> usize {
    let lo = i.saturating_sub(CLAUSE_REACH);
    let mut k = i;
    while k > lo && !is_clause_break(doc.at(k - 1)) {
        k -= 1;
    }
    k
}

/// Start of the sentence that holds `i` (bounded).
fn sentence_start(doc: &Doc, i: usize) -> usize {
    let lo = i.saturating_sub(SENTENCE_REACH);
    let mut k = i;
    while k > lo && !is_sentence_break(doc.at(k - 1)) {
        k -= 1;
    }
    k
}

/// The last of `words` that occurs in `a..b`: its start.
fn last_word(doc: &Doc, a: usize, b: usize, words: &[&str]) -> Option<usize> {
    // a one-word filter on first characters skips most positions cheaply
    let mut firsts = [0u64; 4];
    for w in words {
        if let Some(c) = w.chars().next() {
            let h = c as usize % 256;
            firsts[h / 64] |= 1 << (h % 64);
        }
    }
    (a..b.min(doc.norm.len())).rev().find(|&k| {
        let h = doc.norm[k] as usize % 256;
        firsts[h / 64] & (1 << (h % 64)) != 0 && words.iter().any(|w| doc.starts_with(k, w) && k + w.chars().count() <= b)
    })
}

// ---------------------------------------------------------------------------
// Attributes

#[allow(clippy::too_many_arguments)]
fn attributes(doc: &Doc, cues: &Cues, number: Number, limit: usize, before: &[Found], section: Option<usize>, part: Part, (report_year, plan_year): (Option<i32>, Option<i32>), all_years: &[(i32, usize)]) -> Found {
    let mode = part.mode;
    let start = number.start;
    // within reach of the figure before and with no sentence break between
    // them, this figure's sentence is that one's (cut to this one's reach)
    let sent = match before.last() {
        Some(p) if start.checked_sub(p.number.start).is_some_and(|d| d <= SENTENCE_REACH) && !(p.number.start..start).any(|k| is_sentence_break(doc.at(k))) => {
            p.sentence.max(start.saturating_sub(SENTENCE_REACH))
        }
        _ => sentence_start(doc, start),
    };
    let years = years_between(all_years, sent, start);
    let clause = clause_start(doc, start);
    // the figure just before this one in the same sentence
    let prev = before.last().filter(|p| p.number.end > sent && p.number.end <= start);
    // `分别增长8.5%和10%`, `第6、第7位`: joined to the figure before by a
    // conjunction alone, it shares that figure's reading
    let listed = prev.filter(|p| is_conjunction(doc, p.number.end, start));

    let (comparator, pre_cmp_start) = comparator(doc, cues, &number, clause);
    let (mut kind, mut direction) = kind_direction(doc, cues, &number, pre_cmp_start, clause);
    if let Some(p) = listed {
        if p.kind == number_kind_of(&number).unwrap_or(p.kind) && kind == Kind::Level {
            kind = p.kind;
            direction = p.direction;
        }
    }

    // metric: written after a count, before the figure, or shared with the
    // figure before it in the same sentence (a growth rate after its level)
    let left = prev.map_or(clause, |p| p.number.end.max(clause));
    // 九亿多人口: the figure's unit begins the word it counts (`人口`), and
    // neither the words before nor the figure before name it
    let people = number.unit == Some("人") && doc.at(number.end) == '口';
    let own = if listed.is_some() || people { None } else { metric_after(doc, &number, limit).or_else(|| metric_before(doc, left, start)) };
    let inherited = own.is_none() && prev.is_some();
    let metric = if people { None } else { own.or_else(|| prev.and_then(|p| p.metric)) };

    let status = match listed {
        Some(p) => p.status,
        None => status(doc, cues, &number, sent, clause, prev.filter(|_| inherited), mode, report_year, years),
    };
    let year = match listed {
        Some(p) => p.year,
        None => year(doc, cues, &number, pre_cmp_start, clause, years),
    };
    let horizon = match listed {
        Some(p) => p.horizon,
        None => {
            let at = Place { sent, clause, left: pre_cmp_start, years };
            horizon(doc, cues, &number, &at, kind, status, year, part.period, plan_year)
        }
    };

    Found { number, kind, direction, comparator, status, horizon, metric, year, section, sentence: sent }
}

/// The kind a figure has by its form alone, if any.
fn number_kind_of(n: &Number) -> Option<Kind> {
    match n.form {
        Form::Rank => Some(Kind::Rank),
        Form::Ratio => Some(Kind::Ratio),
        _ => None,
    }
}

/// Whether only a conjunction stands between `a` and `b`.
fn is_conjunction(doc: &Doc, a: usize, b: usize) -> bool {
    match b.checked_sub(a) {
        Some(1) => matches!(doc.at(a), '和' | '、' | '及' | '与' | '或' | '至'),
        Some(2) => doc.at(a) == '、' && doc.at(a + 1) == '和',
        _ => false,
    }
}

/// `分别` spreads a list of figures over the list of subjects before it:
/// `港口货物吞吐量5.4亿吨，集装箱吞吐量1875万标箱，分别位居全球第6、第7位`
/// gives 第6 the first metric and 第7位 the second.
///
/// Runs over `found[from..]` and returns where the next call goes on: the
/// groups at the end wait, unless `all`, as the next figures may join them,
/// and the figure after a group reads its metric (`attributes`) before the
/// group is spread.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn distribute(doc: &Doc, found: &mut [Found], from: usize, all: bool) -> usize {
    let mut i = from;
    while i < found.len() {
        let start = found[i].number.start;
        // the group: this figure and those joined to it by conjunctions
        let mut j = i + 1;
        while j < found.len() && is_conjunction(doc, found[j - 1].number.end, found[j].number.start) {
            j += 1;
        }
        if j == found.len() && !all {
            return i;
        }
        let group = j - i;
        if group >= 2 {
            let clause = clause_start(doc, start);
            // a plain loop: `last_word`'s filter of first characters costs
            // more than it saves for one word
            let has_fenbie = (clause..start.saturating_sub(1)).any(|k| doc.norm[k] == '分' && doc.norm[k + 1] == '别');
            // subjects: distinct metrics of earlier figures in the sentence,
            // when this group's own metric came from them
            let sent = sentence_start(doc, start);
            let mut subjects: Vec<(usize, usize)> = Vec::new();
            for f in found[..i].iter().rev() {
                if f.number.start < sent {
                    break;
                }
                if let Some(m) = f.metric {
                    if subjects.last() != Some(&m) && !subjects.contains(&m) {
                        subjects.push(m);
                    }
                }
            }
            let own_written = found[i].metric.is_some_and(|(a, _)| a >= clause);
            if subjects.len() >= group && !own_written {
                subjects.truncate(group);
                subjects.reverse();
                for (k, m) in subjects.into_iter().enumerate() {
                    found[i + k].metric = Some(m);
                }
            } else {
                // the subjects are one list before the figures, in this
                // clause or, after 分别 when this one has none, the one
                // before it with no figure:
                // `化学需氧量、二氧化硫排放量分别下降9.66%和13.14%`,
                // `城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％`,
                // `城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长…`
                let own = found[i].metric.filter(|_| own_written);
                let before = || {
                    if !has_fenbie {
                        return None;
                    }
                    let end = clause.checked_sub(1).filter(|&e| e > sent)?;
                    let a = clause_start(doc, end);
                    let clear = found[..i].last().is_none_or(|p| p.number.end <= a);
                    clear.then(|| metric_before(doc, a, end)).flatten()
                };
                // the clause before counts only as a list of as many
                // subjects (not `在三种不同的地区，分别达到…`)
                let list = own.or_else(|| before().filter(|&m| split_list(doc, m).len() == group));
                if let Some(list) = list {
                    let parts = split_list(doc, list);
                    let all = if parts.len() == group { parts } else { vec![list; group] };
                    // without 分别 only a list of as many items says the
                    // figures are one each
                    let all = if has_fenbie || parts_match(&all, group) { all } else { Vec::new() };
                    for (k, m) in all.into_iter().enumerate() {
                        found[i + k].metric = Some(m);
                    }
                }
            }
        }
        i = j;
    }
    i
}

/// Whether `parts` are as many distinct items as the group has figures.
fn parts_match(parts: &[(usize, usize)], group: usize) -> bool {
    parts.len() == group && parts.windows(2).all(|w| w[0] != w[1])
}

/// The items of a list of noun phrases joined by `、`, `和`, `与`, `及`
/// (`化学需氧量、二氧化硫排放量`), each of two characters or more; the whole
/// when any would be shorter (`中、高等职业教育`) or there is no joint.
fn split_list(doc: &Doc, (a, b): (usize, usize)) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut from = a;
    let mut paren = 0i32;
    for k in a..b {
        match doc.at(k) {
            '（' | '(' | '“' => paren += 1,
            '）' | ')' | '”' => paren -= 1,
            '、' | '和' | '与' | '及' if paren == 0 => {
                parts.push((from, k));
                from = k + 1;
            }
            _ => {}
        }
    }
    parts.push((from, b));
    if parts.len() < 2 || parts.iter().any(|&(x, y)| (x..y).filter(|&j| is_han(doc.at(j))).count() < 2) {
        return vec![(a, b)];
    }
    parts
}

/// The comparator from the words around the figure, and where the figure's
/// left context ends once a comparator before it is taken off.
/// `clause` is `clause_start(doc, n.start)`, found once by the caller.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn comparator(doc: &Doc, cues: &Cues, n: &Number, clause: usize) -> (Comparator, usize) {
    let mut cmp = Comparator::Eq;
    let mut left = n.start;
    while left > 0 && is_space(doc.at(left - 1)) {
        left -= 1;
    }
    if let Some((w, c)) = pre_comparators().entries_for(doc.before(left)).find(|(w, _)| doc.ends_with(left, w)) {
        // 将近 is approx; 近 alone after 接 or 将 was matched as the longer word
        cmp = c;
        left -= w.chars().count();
    }
    if n.more {
        cmp = Comparator::Gt;
    }
    if let Some((_, c)) = post_comparators().entries_for(doc.at(n.end)).find(|(w, _)| doc.starts_with(n.end, w)) {
        // 多/余 after the unit (`5万人多`) is rare; only the listed words
        if !(matches!(doc.at(n.end), '多' | '余') && is_han(doc.at(n.end + 1))) {
            cmp = c;
        }
    }
    // 控制在3.5%以内 / 控制在3%
    if cmp == Comparator::Eq && cues.last(Cue::Control, clause, n.start).is_some() {
        cmp = Comparator::Le;
    }
    (cmp, left)
}

/// Kind and direction from the form of the figure and the verb before it.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn kind_direction(doc: &Doc, cues: &Cues, n: &Number, left: usize, clause: usize) -> (Kind, Option<Direction>) {
    match n.form {
        Form::Rank => return (Kind::Rank, None),
        Form::Ratio => return (Kind::Ratio, None),
        Form::Doubling => return (Kind::Change, Some(Direction::Up)),
        _ => {}
    }
    // skip fillers between the verb and the figure
    let mut p = left;
    while p > 0 && is_space(doc.at(p - 1)) {
        p -= 1;
    }
    // at most a few words back: `分别增长`, `均超过`
    while let Some(w) = change_fillers().keyed(doc.before(p)).find(|w| doc.ends_with(p, w)) {
        p -= w.chars().count();
        if p + 8 < left {
            break;
        }
    }
    // 提高到, 降至, 增至: the figure is the new level
    let to = TO_WORDS.iter().find(|w| doc.ends_with(p, w));
    let at = if to.is_some() { p - 1 } else { p };
    let verb = change_verbs().entries_for(doc.before(at)).filter(|(w, _)| doc.ends_with(at, w)).max_by_key(|(w, _)| w.chars().count());
    if let Some((w, dir)) = verb {
        let vstart = at - w.chars().count();
        // 新增, 净减 … : 新增34家 is a count of new things
        let word_before = doc.before(vstart);
        let single = w.chars().count() == 1;
        let compound = single && is_han(word_before) && matches!(word_before, '新' | '激' | '倍' | '剧' | '猛' | '骤' | '锐' | '提' | '最' | '更' | '较' | '很' | '过' | '偏' | '不');
        if to.is_none() && !compound && !(single && ["多", "少", "高", "低"].contains(&w) && !comparative(doc, vstart)) {
            return (Kind::Change, Some(dir));
        }
        if to.is_some() && !compound {
            return (Kind::Level, None);
        }
    }
    // 增速8%, 涨幅控制在3%, 降幅; or a sentence's topic
    // (`工农业总产值的增长速度，一九八一年计划为百分之三点七`)
    let topic = || {
        let sent = sentence_start(doc, clause);
        cues.last(Cue::ChangeNoun, sent, clause).filter(|&k| cues.end_at(Cue::ChangeNoun, k).is_some_and(|e| is_clause_break(doc.at(e))))
    };
    if let Some(k) = cues.last(Cue::ChangeNoun, clause, n.start).or_else(topic) {
        let up = CHANGE_NOUNS.iter().find(|(w, _)| doc.starts_with(k, w)).map_or(true, |x| x.1);
        return (Kind::Change, Some(if up { Direction::Up } else { Direction::Down }));
    }
    match n.unit {
        Some("个百分点") => (Kind::Change, None),
        Some("倍") if doc.ends_with(left, "增长") || doc.ends_with(left, "提高") => (Kind::Change, Some(Direction::Up)),
        _ => {
            // 实现8%的增长, but not the level a rise starts from
            // (从五十四万亿元增长到…)
            if doc.starts_with(n.end, "的增长") || (doc.starts_with(n.end, "增长") && !matches!(doc.at(n.end + 2), '到' | '至' | '为')) {
                return (Kind::Change, Some(Direction::Up));
            }
            (Kind::Level, None)
        }
    }
}

/// `高`/`低`/`多`/`少` are verbs of change only in a comparison
/// (`比全国低0.55个百分点`, `高出`).
fn comparative(doc: &Doc, i: usize) -> bool {
    let a = clause_start(doc, i);
    (a..i).any(|k| matches!(doc.at(k), '比' | '较')) || doc.ends_with(i, "同比") || doc.ends_with(i, "分别")
}

/// The metric written before the figure: the noun phrase between the
/// clause start and the figure, without verbs, comparators and function
/// words.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn metric_before(doc: &Doc, left: usize, start: usize) -> Option<(usize, usize)> {
    let mut a = left;
    let mut b = start;
    // 由2011年的 / 比2011年 / 从…: the metric stands before them
    for cut in ['由', '从', '比', '较'] {
        if let Some(k) = (a..b.min(doc.norm.len())).rev().find(|&k| doc.norm[k] == cut) {
            if !doc.ends_with(k, "占") && !doc.ends_with(k, "可") && !doc.starts_with(k, "比重") && !doc.starts_with(k, "比例") {
                // at the start, the whole stretch is the comparison
                b = if k < a + 2 { a } else { k };
            }
        }
    }
    // 等于一九四九年的二点五倍: the base, as after 比
    if let Some(k) = (a..b.min(doc.norm.len()).saturating_sub(1)).rev().find(|&k| doc.norm[k] == '等' && doc.norm[k + 1] == '于') {
        b = if k < a + 2 { a } else { k };
    }
    loop {
        let before = (a, b);
        // trailing year phrases: 2016年, 2016年的, 到2020年
        b = strip_year_suffix(doc, a, b);
        // the longest verb or comparator that ends the stretch: 下降到, not 降到
        if let Some(w) = metric_suffixes().keyed(doc.before(b)).filter(|w| doc.ends_with(b, w) && b - w.chars().count() >= a).max_by_key(|w| w.len()) {
            b -= w.chars().count();
        }
        while b > a && (is_space(doc.at(b - 1)) || matches!(doc.at(b - 1), '“' | '（' | '(')) {
            b -= 1;
        }
        a = strip_year_prefix(doc, a, b);
        if let Some(w) = metric_prefixes().keyed(doc.at(a)).filter(|w| doc.starts_with(a, w) && a + w.chars().count() <= b).max_by_key(|w| w.len()) {
            a += w.chars().count();
        }
        while a < b && (is_space(doc.at(a)) || matches!(doc.at(a), '”' | '）' | ')' | '、' | '●' | '■' | '◆' | '—' | '―')) {
            a += 1;
        }
        if (a, b) == before {
            // 国家预算规定经济建设支出, 中央提出今年…目标: once trimmed, the
            // measure is what comes after the verb that reports it (not
            // `甘蔗和甜菜要求分别增长`, where nothing but verbs does)
            match (a..b.saturating_sub(3)).rev().find(|&k| matches!(doc.norm[k], '提' | '指' | '规' | '要') && REPORTING_VERBS.iter().any(|w| doc.starts_with(k, w))) {
                Some(k) => a = k + 2,
                None => break,
            }
        }
    }
    let letters = (a..b).filter(|&k| is_han(doc.at(k)) || doc.at(k).is_ascii_alphabetic()).count();
    (letters >= 2).then_some((a, b))
}

/// Verbs that report a measure in the stretch before a figure: what
/// follows them is the metric (`国家预算规定经济建设支出`).
const REPORTING_VERBS: &[&str] = &["提出", "指出", "规定", "要求"];

/// `2016年`, `2016年的`, `到2020年`, `年底` at the end of `a..b`: the new end.
fn strip_year_suffix(doc: &Doc, a: usize, mut b: usize) -> usize {
    if doc.ends_with(b, "的") && b > a {
        let k = b - 1;
        if doc.ends_with(k, "年") {
            b = k;
        }
    }
    if doc.ends_with(b, "年") && b > a + 1 && doc.at(b - 2).is_ascii_digit() {
        let mut k = b - 1;
        while k > a && doc.at(k - 1).is_ascii_digit() {
            k -= 1;
        }
        if k > a && matches!(doc.at(k - 1), '到' | '至' | '在' | '于') {
            k -= 1;
        }
        b = k;
    } else if doc.ends_with(b, "年") && b >= a + 5 && written_year(doc, b - 5).is_some_and(|(_, e)| e == b - 1) {
        // 一九四九年, 二〇一〇年
        let mut k = b - 5;
        if k > a && matches!(doc.at(k - 1), '到' | '至' | '在' | '于') {
            k -= 1;
        }
        b = k;
    }
    // 就业率去年底达到83%, 储蓄存款余额今年: a time between the measure
    // and its verb (the longest that ends the stretch)
    if let Some(w) = ["去年底", "去年末", "今年底", "今年末", "上年底", "上年末", "明年底", "年底", "年末", "年初", "去年", "今年", "上年", "当年"]
        .into_iter()
        .find(|w| doc.ends_with(b, w) && b >= a + w.chars().count())
    {
        b -= w.chars().count();
    }
    b.max(a)
}

/// `2016年`, `到2020年`, `五年来` at the start of `a..b`: the new start.
fn strip_year_prefix(doc: &Doc, mut a: usize, b: usize) -> usize {
    let mut k = a;
    if matches!(doc.at(k), '到' | '至' | '在' | '于') {
        k += 1;
    }
    let d = k;
    while k < b && doc.at(k).is_ascii_digit() {
        k += 1;
    }
    // 一九五八年, 二0一0年
    if k == d && cn_digit(doc.at(k)).is_some() {
        if let Some((_, e)) = written_year(doc, k) {
            k = e;
        }
    }
    if k > d && doc.at(k) == '年' && k < b {
        a = k + 1;
        for w in ["底", "末", "初", "前", "内"] {
            if doc.starts_with(a, w) {
                a += 1;
            }
        }
    }
    a.min(b)
}

/// The metric written after a count: `建设253个创业基地`, `完成700多家规模
/// 以上工业企业技术改造`.
/// It ends at `limit` at the latest, where the next figure starts
/// (`比上一万元加二十二亿元`: no metric runs over a figure).
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn metric_after(doc: &Doc, n: &Number, limit: usize) -> Option<(usize, usize)> {
    if n.unit.is_none() && !n.magnitude {
        return None;
    }
    if matches!(n.unit, Some("位" | "ratio" | "番")) {
        return None;
    }
    // a share names its whole before it (`占国内生产总值的4%`); a
    // percentage names what follows only after a verb of doing
    // (`完成60%省级重点监管企业综合整治`) or as `55%的社区`
    if n.unit == Some("%") && doc.at(n.end) != '的' && !["完成", "实现", "覆盖", "有"].iter().any(|w| doc.ends_with(n.start, w)) {
        return None;
    }
    let mut a = n.end;
    if NOT_METRIC_AFTER.iter().any(|w| doc.starts_with(a, w)) {
        return None;
    }
    // what follows is a verb of its own (`1.24万亿元预计提高到…`): the
    // metric is written before
    if verbs_after().keyed(doc.at(a)).any(|w| doc.starts_with(a, w))
        || matches!(doc.at(a), '比' | '和' | '与' | '及' | '或' | '至' | '到' | '为' | '是' | '在')
    {
        return None;
    }
    if doc.at(a) == '的' {
        a += 1;
    }
    if !is_han(doc.at(a)) && !matches!(doc.at(a), '“' | '「') {
        return None;
    }
    let mut b = a;
    let mut paren = 0i32;
    while b < (a + METRIC_REACH).min(limit) {
        let c = doc.at(b);
        if matches!(c, '（' | '(') {
            paren += 1;
        } else if matches!(c, '）' | ')') {
            if paren == 0 {
                break;
            }
            paren -= 1;
        } else if paren == 0 && (!(is_han(c) || matches!(c, '“' | '”' | '「' | '」')) || b > a && metric_after_stops().keyed(c).any(|w| doc.starts_with(b, w))) {
            break;
        }
        b += 1;
    }
    if paren != 0 {
        return None;
    }
    let han = (a..b).filter(|&k| is_han(doc.at(k))).count();
    (han >= 1).then_some((a, b))
}

/// Where a figure stands: the starts of its sentence and clause, where its
/// left context ends once a comparator is taken off, and the years written
/// in its sentence before it.
struct Place<'y> {
    sent: usize,
    clause: usize,
    left: usize,
    years: &'y [(i32, usize)],
}

/// The span of time a figure covers (SPEC.md, `horizon`): a yearly
/// average over years (`年均增长`), a total over years (`累计`, `五年合计`,
/// a change or a count of new things over a span of years: `五年来…新增`,
/// `比2002年增长`), a multi-year plan's target (`到2020年`, `今后五年`,
/// `“十四五”时期`, a plan part of the report), else one year.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn horizon(doc: &Doc, cues: &Cues, n: &Number, at: &Place, kind: Kind, status: Status, year: Option<i32>, period: Period, report_year: Option<i32>) -> Horizon {
    let (start, sent, clause) = (n.start, at.sent, at.clause);
    if matches!(kind, Kind::Rank | Kind::Ratio) {
        return Horizon::Year;
    }
    // no word of a horizon in the sentence (most figures): only its years
    // and the paragraph's lead or the part may span several
    let words = cues.last(Cue::Horizon, sent, start).is_some();
    if words && cues.last(Cue::Average, clause, start).is_some_and(|k| averages_years(doc, cues, k, at.left)) {
        return Horizon::Average;
    }
    if words && cues.last(Cue::Cumulative, clause, start).is_some() {
        return Horizon::Total;
    }
    // the sentence spans years: `五年来`, `今后五年`, `2003年到2007年`,
    // `比2002年` for a figure of 2007
    let span = if words { cues.last(Cue::Span, sent, start) } else { None };
    let spans = span.is_some() || years_span(doc, at.years, year, report_year);
    // a sum over them: `五年合计`, `…共计`
    let sum = || span.is_some_and(|k| k >= clause && crate::cues::span_sums(doc, k)) || last_word(doc, clause, start, SUM_WORDS).is_some();
    if spans && sum() {
        return Horizon::Total;
    }
    // 从1978年到1985年八年间…每年要增长百分之四: a yearly change over the
    // span, not a year's
    if kind == Kind::Change && (spans || (words && cues.last(Cue::PlanPeriod, sent, start).is_some())) && last_word(doc, clause, start, &["每年"]).is_some() {
        return Horizon::Average;
    }
    // a paragraph led by a span: `五年来，…。…`
    let lead = || cues.last(Cue::Lead, paragraph_start(doc, sent), sent);
    // one year named: `比上年`, `今年`, `2017年`
    let one_year = |a: usize| cues.last(Cue::OneYear, a, start).is_some();
    if status == Status::Target {
        let future = at.years.iter().any(|&(y, k)| {
            !matches!(doc.before(k), '比' | '较' | '与' | '同')
                && match report_year {
                    Some(r) => y > r,
                    // `到2020年`, but not a year's end (`到1959年底`): with
                    // no report year it may be this one
                    None => deadline(doc, k) && !year_end(doc, k),
                }
        });
        let ahead = span.is_some_and(|k| !crate::cues::span_behind(doc, k));
        // a lead behind (`十几年来，`) speaks of the past, not of a plan
        let plan = future || ahead || period == Period::Plan || (words && cues.last(Cue::PlanPeriod, sent, start).is_some()) || lead().is_some_and(|k| !crate::cues::span_behind(doc, k));
        let this_year = || one_year(sent) || at.years.iter().any(|&(y, k)| Some(y) == report_year && single_year(doc, k));
        return if plan && !this_year() { Horizon::Plan } else { Horizon::Year };
    }
    // a part that looks back over years (`过去五年工作回顾`) often reviews
    // the last year too, without naming it: only a paragraph's lead or
    // the sentence says a figure spans years
    let over_years = if spans {
        !one_year(clause)
    } else {
        lead().is_some() && !one_year(sent) && !at.years.iter().any(|&(_, k)| single_year(doc, k))
    };
    if over_years && ((kind == Kind::Change && !compared_with_other(doc, clause, start)) || flows(doc, clause, at.left)) {
        return Horizon::Total;
    }
    Horizon::Year
}

/// A comparison with something other than a year before the figure in
/// its clause (`比全国低0.55个百分点`): a difference, not a change over
/// time.
fn compared_with_other(doc: &Doc, clause: usize, start: usize) -> bool {
    (clause..start).rev().find(|&k| matches!(doc.at(k), '比' | '较') && !doc.starts_with(k, "比重") && !doc.starts_with(k, "比例") && !doc.starts_with(k, "较快") && !doc.starts_with(k, "较大"))
        .is_some_and(|k| !doc.at(k + 1).is_ascii_digit() && cn_digit(doc.at(k + 1)).is_none())
}

/// Whether the average cue at `k` averages over years (`年均增长`,
/// `平均每年递增`, `年均7%`), not a year's mean (`年均浓度`, `年平均工资`).
fn averages_years(doc: &Doc, cues: &Cues, k: usize, left: usize) -> bool {
    let mut e = cues.end_at(Cue::Average, k).unwrap_or(k);
    if doc.starts_with(k, "平均每年") || doc.starts_with(k, "每年平均") {
        return true;
    }
    for w in ["实际", "名义", "分别", "都", "均", "要", "将", "可"] {
        if doc.starts_with(e, w) {
            e += w.chars().count();
        }
    }
    e >= left || matches!(doc.at(e), '增' | '减' | '降' | '提' | '上' | '下' | '递' | '新' | '净' | '缩' | '扩' | '达' | '为' | '保' | '超' | '接' | '涨' | '翻' | '完' | '建' | '投' | '有')
}

/// A count of new or done things before the figure in its clause:
/// summed over the years a sentence spans (`五年来新增就业`, `共建成`).
fn flows(doc: &Doc, clause: usize, left: usize) -> bool {
    const DONE: &[&str] = &["改造", "搬迁", "安置", "培训", "建成", "共", "共达", "共有", "共计"];
    // 新增, 新建, 新开工; 合计, 共计, 总计, 总共
    DONE.iter().any(|w| doc.ends_with(left, w))
        || (clause..left.saturating_sub(1)).any(|k| match doc.norm[k] {
            '新' => matches!(doc.norm[k + 1], '增' | '建' | '开'),
            '合' | '共' => doc.norm[k + 1] == '计',
            '总' => matches!(doc.norm[k + 1], '计' | '共'),
            _ => false,
        })
}

/// Whether the year at `k` names one year: neither a base (`比2011年`,
/// `与2000年相比`), nor an end of a span (`从1953年到1957年`, `2012年以来`).
fn single_year(doc: &Doc, k: usize) -> bool {
    if matches!(doc.before(k), '比' | '较' | '与' | '同' | '自' | '从' | '由' | '到' | '至' | '—' | '－' | '-' | '~' | '～') {
        return false;
    }
    let mut e = k;
    while doc.at(e) != '年' && e < k + 6 {
        e += 1;
    }
    e += 1;
    !(["以来", "起", "到", "至", "—", "－", "-", "~", "～", "代"].iter().any(|w| doc.starts_with(e, w)))
}

/// Whether the years written before a figure in its sentence span
/// several: a range (`1953年到1957年`, `2003年至2007年`, `2013—2017年`),
/// or a base two or more years before the year the figure is of
/// (`2007年…比2002年增长65.5%`; the figure's year, else the last other
/// year written, else the year before the report's).
fn years_span(doc: &Doc, years: &[(i32, usize)], year: Option<i32>, report_year: Option<i32>) -> bool {
    for w in years.windows(2) {
        let ((y1, k1), (y2, k2)) = (w[0], w[1]);
        if y2 > y1 {
            let mut e = k1;
            while doc.at(e) != '年' && e < k2 {
                e += 1;
            }
            e += 1;
            // a range sign between them, after the month or day of the
            // first (`1950年7月到1953年底`), spaces aside
            let mut j = k2;
            while j > e && is_space(doc.at(j - 1)) {
                j -= 1;
            }
            let sign = j > e && matches!(doc.at(j - 1), '到' | '至' | '—' | '－' | '-' | '~' | '～');
            let date = (e..j.saturating_sub(1)).all(|i| {
                let c = doc.at(i);
                c.is_ascii_digit() || cn_digit(c).is_some() || is_space(c) || matches!(c, '十' | '月' | '日' | '底' | '末' | '初' | '—')
            });
            if sign && date {
                return true;
            }
        }
    }
    let base = years.iter().rev().find(|&&(_, k)| matches!(doc.before(k), '比' | '较' | '与' | '同' | '自' | '从' | '由'));
    let Some(&(b, _)) = base else { return false };
    let other = years.iter().rev().find(|&&(_, k)| single_year(doc, k) || matches!(doc.before(k), '到' | '至')).map(|&(y, _)| y);
    let of = year.or(other).or(report_year.map(|r| r - 1));
    of.is_some_and(|y| y - b >= 2)
}

/// Whether the year at `k` is a deadline (`到2020年`), not the end of a
/// span (`从1974年到1976年`).
fn deadline(doc: &Doc, k: usize) -> bool {
    // from a date before it (`1974年到`, `1950年7月到`): a span's end
    matches!(doc.before(k), '到' | '至') && !matches!(doc.before(k - 1), '年' | '月' | '日' | '底' | '末')
}

/// Whether the year at `k` is followed by its end (`1959年底`, `年末`).
fn year_end(doc: &Doc, k: usize) -> bool {
    let mut e = k;
    while doc.at(e) != '年' && e < k + 6 {
        e += 1;
    }
    matches!(doc.at(e + 1), '底' | '末')
}

/// Words of a sum (`五年合计`), over years when the sentence spans them.
const SUM_WORDS: &[&str] = &["合计", "共计", "总计", "总共"];

/// Start of the paragraph (line) that holds `i`.
fn paragraph_start(doc: &Doc, i: usize) -> usize {
    let lines = &doc.lines;
    let l = lines.partition_point(|l| l.end <= i);
    lines.get(l).map_or(i, |l| l.start.min(i))
}

/// Result, estimate or target.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn status(doc: &Doc, cues: &Cues, n: &Number, sent: usize, clause: usize, inherited_from: Option<&Found>, mode: Option<Mode>, report_year: Option<i32>, years: &[(i32, usize)]) -> Status {
    let start = n.start;
    if cues.last(Cue::Estimate, clause, start).is_some() {
        return Status::Estimate;
    }
    if let Some(p) = inherited_from {
        if p.status == Status::Estimate {
            return Status::Estimate;
        }
    }
    // `初步核算，…` / `预计，…`: a cue set off by a comma covers its sentence
    if let Some(k) = cues.last(Cue::Estimate, sent, start) {
        let end = cues.end_at(Cue::Estimate, k).unwrap_or(k);
        if matches!(doc.at(end), '，' | ',' | '：' | ':') {
            return Status::Estimate;
        }
    }
    // `到2020年`: a goal when the year is not behind the report (or, with
    // no report year, outside a review); any later year is one too
    let future_year = years.iter().any(|&(y, k)| {
        let by = deadline(doc, k);
        match report_year {
            Some(r) => (by && y >= r) || y > r,
            None => by && mode != Some(Mode::Review),
        }
    });
    let target_cue = future_year || target_cue(doc, cues, sent, clause, start, mode);
    match mode {
        Some(Mode::Plan) => {
            let past = cues.last(Cue::Past, sent, start).is_some_and(|k| !matches!(doc.before(k), '比' | '较' | '同' | '与'))
                || cues.last(Cue::Span, sent, start).is_some_and(|k| crate::cues::span_behind(doc, k) && (k >= clause || !(sent..k).any(|j| is_clause_break(doc.at(j)))))
                || years.iter().any(|&(y, k)| report_year.is_some_and(|r| y < r) && !matches!(doc.before(k), '比' | '较' | '同' | '与'));
            if past && !target_cue {
                Status::Actual
            } else {
                Status::Target
            }
        }
        _ => {
            if target_cue {
                Status::Target
            } else {
                Status::Actual
            }
        }
    }
}

/// A cue for a goal before the figure in its sentence. Weak cues (`要`,
/// `将`, `安排`, `计划`) count only where the part of the report is not a
/// review of the past.
fn target_cue(doc: &Doc, cues: &Cues, sent: usize, clause: usize, start: usize, mode: Option<Mode>) -> bool {
    // a goal word counts unless it names goals met (`完成了年初确定的主要
    // 目标，国内生产总值增长7.8%`): then an earlier one may still; not
    // when the figure's own clause looks ahead (`实现了这个目标，我国国民
    // 生产总值将比1980年增长1.7倍`)
    let ahead = || (clause..start).any(|k| (doc.at(k) == '将' && !matches!(doc.at(k + 1), '近' | '来')) || (doc.at(k) == '要' && doc.at(k + 1) != '求'));
    let mut end = start;
    for _ in 0..3 {
        match cues.last(Cue::Goal, sent, end) {
            Some(k) if goal_met(doc, cues, k) && !ahead() => end = k,
            Some(_) => return true,
            None => break,
        }
    }
    if cues.last(Cue::Planned, clause, start).is_some() {
        return true;
    }
    // 今后五年, 未来五年: years ahead, whatever the part
    if cues.last(Cue::Span, sent, start).is_some_and(|k| doc.starts_with(k, "今后") || doc.starts_with(k, "未来")) {
        return true;
    }
    // 本世纪末, 远景目标: a deadline ahead whatever the part, unless
    // reached (`提前实现了本世纪末…翻两番`)
    if cues.last(Cue::PlanPeriod, sent, start).is_some_and(|k| (doc.starts_with(k, "世纪末") && doc.before(k) == '本') || doc.starts_with(k, "远景目标"))
        && last_word(doc, clause, start, &["实现了", "完成了", "达到了"]).is_none()
    {
        return true;
    }
    if mode == Some(Mode::Review) {
        // 今年要…, but not 今年以来
        return cues.last(Cue::YearAhead, sent, start).is_some();
    }
    cues.last(Cue::Plan, clause, start).is_some()
        || (clause..start).any(|k| {
            (doc.at(k) == '要' && !matches!(doc.before(k), '主' | '重' | '需' | '必' | '只' | '纲' | '摘') && doc.at(k + 1) != '求')
                || (doc.at(k) == '将' && !matches!(doc.at(k + 1), '近' | '来'))
        })
}

/// Whether the goal word at `k` speaks of goals set before and met, so
/// that the figures after it report results: set at the year's start or
/// before (`年初确定的主要目标`, `原定目标`), met by a perfective verb before
/// it (`完成了…目标`, `实现了`, `超过预期目标`), or followed by one
/// (`主要目标任务全面完成`).
fn goal_met(doc: &Doc, cues: &Cues, k: usize) -> bool {
    const SET: &[&str] = &["年初", "原定", "既定", "完成了", "实现了", "达到了", "超过了", "超过", "超额完成", "好于"];
    const MET: &[&str] = &["全面完成", "顺利完成", "圆满完成", "较好完成", "胜利完成", "基本完成", "如期完成", "超额完成", "全部完成", "完成", "顺利实现", "全面实现", "实现"];
    let a = clause_start(doc, k);
    if last_word(doc, a, k, SET).is_some() {
        return true;
    }
    let mut e = cues.end_at(Cue::Goal, k).unwrap_or(k);
    if doc.starts_with(e, "任务") {
        e += 2;
    }
    MET.iter().any(|w| doc.starts_with(e, w))
}

/// The years of `all` (from `years_in`, in order) that stand wholly in
/// `a..b`.
fn years_between(all: &[(i32, usize)], a: usize, b: usize) -> &[(i32, usize)] {
    let lo = all.partition_point(|&(_, k)| k < a);
    let hi = all.partition_point(|&(_, k)| k + 4 < b);
    &all[lo..hi.max(lo)]
}

/// The years written in `a..b` as `2016年` or `一九五三年`: (year, start).
pub(crate) fn years_in<'d>(doc: &'d Doc, a: usize, b: usize) -> impl Iterator<Item = (i32, usize)> + 'd {
    years_from(doc, a, b, b)
}

/// The years that start in `a..b` and end before `end`.
fn years_from<'d>(doc: &'d Doc, a: usize, b: usize, end: usize) -> impl Iterator<Item = (i32, usize)> + 'd {
    const DIGITS: u8 = charclass::DIGIT | charclass::CN_DIGIT;
    doc.marked(DIGITS, a, b).filter_map(move |k| {
        if charclass::class(doc.before(k)) & DIGITS != 0 {
            return None;
        }
        if doc.at(k).is_ascii_digit() {
            let mut e = k;
            while doc.at(e).is_ascii_digit() {
                e += 1;
            }
            if e - k == 4 && doc.at(e) == '年' && e < end {
                let y = doc.norm[k..e].iter().fold(0, |y, c| y * 10 + c.to_digit(10).unwrap_or(0) as i32);
                return (1900..=2100).contains(&y).then_some((y, k));
            }
            return None;
        }
        let (v, e) = written_year(doc, k)?;
        (doc.at(e) == '年' && e < end && (1900..=2100).contains(&v)).then_some((v, k))
    })
}

/// A year of four digits at `k` (`2016`, `一九五三`), also when words and
/// digits mix (`二0一0`, `二〇一〇`, `二OO五`): its value and end.
fn written_year(doc: &Doc, k: usize) -> Option<(i32, usize)> {
    // in words alone (`一九五三`), as the number reader reads them
    if let Some((v, e)) = numbers::positional_chinese(doc, k).filter(|&(_, e)| e - k == 4) {
        return Some((v as i32, e)).filter(|_| charclass::class(doc.at(e)) & charclass::DIGIT == 0);
    }
    let mut v = 0;
    let mut e = k;
    while e < k + 4 {
        let c = doc.at(e);
        let d = match c {
            '0'..='9' => c as i32 - '0' as i32,
            'O' | 'o' if e > k => 0,
            '两' => return None,
            _ => cn_digit(c)? as i32,
        };
        v = v * 10 + d;
        e += 1;
    }
    (charclass::class(doc.at(e)) & (charclass::DIGIT | charclass::CN_DIGIT) == 0).then_some((v, e))
}

/// The year a figure refers to, when its sentence writes it: the last year
/// before the figure, unless it is a comparison base (`比2011年`), a period
/// start (`2012年以来`), or tied to another figure (`2016年的1.95万亿元`
/// names only that figure); an average over years (`年均`) has none.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn year(doc: &Doc, cues: &Cues, n: &Number, left: usize, clause: usize, years: &[(i32, usize)]) -> Option<i32> {
    if cues.last(Cue::Average, clause, left).is_some() {
        return None;
    }
    let &(y, k) = years.last()?;
    // a base: 比2011年, 等于一九四九年的二点五倍
    if matches!(doc.before(k), '比' | '较' | '同' | '与' | '和' | '自' | '从') || doc.ends_with(k, "等于") || doc.ends_with(k, "相当于") {
        return None;
    }
    let mut e = k;
    while doc.at(e) != '年' {
        e += 1;
    }
    e += 1;
    if doc.starts_with(e, "以来") || doc.starts_with(e, "起") || doc.starts_with(e, "至") || doc.starts_with(e, "代") {
        return None;
    }
    // 2016年的1.95万亿元: this figure only
    if doc.at(e) == '的' && (e + 1..n.start).any(|j| is_clause_break(doc.at(j))) {
        return None;
    }
    if doc.at(e) == '的' && e + 1 != n.start {
        return None;
    }
    Some(y)
}

/// The report's own year: from a date in the byline (`2017年1月5日`) or a
/// title line (`2017年政府工作报告`) near the top.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn report_year(doc: &Doc) -> Option<i32> {
    let mut title_year = None;
    for line in doc.lines.iter().filter(|l| !l.is_blank()).take(10) {
        let text: String = doc.norm[line.start..line.end].iter().collect();
        let ys: Vec<(i32, usize)> = years_in(doc, line.start, line.end).collect();
        if let Some(&(y, _)) = ys.first() {
            if text.contains('月') && text.contains('日') && line.len() < 60 {
                return Some(y);
            }
            // a title ends with 报告 (`2017年政府工作报告`); a heading with it
            // inside speaks of a year before (`首先报告２００１年的工作`)
            if text.trim_end().ends_with("报告") && line.len() < 40 && title_year.is_none() {
                title_year = Some(y);
            }
        }
    }
    title_year
}

/// The report's year when no byline or title gives it, from the first
/// top-level heading that names a year: a year reviewed (`一、1999年国内
/// 工作回顾`, `一、１９５５年国家决算`, `首先报告２００１年的工作`) is the
/// one before the report's; a year planned (`二、2004年主要任务`,
/// `二、关于1998年政府工作的建议`) is the report's.
fn year_of_headings(doc: &Doc, headings: &[Heading]) -> Option<i32> {
    headings.iter().filter(|h| h.parent.is_none()).take(12).find_map(|h| heading_year(doc, h.title.0, h.title.1))
}

/// The report's year implied by one top-level heading's title `a..b`
/// (`year_of_headings`): the year it names if it plans it, the year after
/// if it reviews it. `compare` reads the titles of an annotation with it.
pub(crate) fn heading_year(doc: &Doc, a: usize, b: usize) -> Option<i32> {
    const PLANS: &[&str] = &["任务", "安排", "建议", "计划", "预算", "方针", "打算", "重点", "目标"];
    const REVIEWS: &[&str] = &["回顾", "决算", "胜利", "总结", "执行情况", "的工作", "成就"];
    let y = years_in(doc, a, b).map(|(y, _)| y).max()?;
    let has = |words: &[&str]| (a..b).any(|k| words.iter().any(|w| doc.starts_with(k, w)));
    if has(PLANS) {
        Some(y)
    } else if has(REVIEWS) {
        Some(y + 1)
    } else {
        None
    }
}

/// Review or plan for each heading: a sub-part takes its parent's; a
/// top-level part goes by its own words (`回顾`, `2017年工作安排`), else by
/// how its text speaks: mostly of what was done (`…了`) or of what is to be
/// done (`要` `将` `力争`). A heading that names a multi-year plan
/// (`“十四五”时期主要目标任务`) makes its part a plan whatever its parent.
/// The years a part speaks of (`Period`) likewise come from its own
/// heading, else its parent's.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn section_parts(doc: &Doc, headings: &[Heading], report_year: Option<i32>, plan_year: Option<i32>) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::with_capacity(headings.len());
    let tops: Vec<usize> = (0..headings.len()).filter(|&i| headings[i].parent.is_none()).collect();
    for (i, h) in headings.iter().enumerate() {
        let parent = h.parent.and_then(|p| parts.get(p).copied());
        let own = heading_period(doc, h.title.0, h.title.1);
        let mut m = match parent {
            Some(p) => p.mode.or_else(|| heading_mode(doc, h, report_year, plan_year)),
            None => heading_mode(doc, h, report_year, plan_year).or_else(|| {
                // a binary search: a scan of `tops` here made 100 000
                // top-level headings cost 5e9 steps
                let next = tops.get(tops.partition_point(|&t| t <= i)).map_or(doc.norm.len(), |&t| headings[t].start);
                content_mode(doc, h.start, next)
            }),
        };
        match own {
            Period::Plan => m = Some(Mode::Plan),
            // `“十五”期间…主要情况` in a plan's part looks back
            Period::Past if heading_mode(doc, h, report_year, plan_year) != Some(Mode::Plan) => m = Some(Mode::Review),
            _ => {}
        }
        let period = if own != Period::OneYear { own } else { parent.map_or(Period::OneYear, |p| p.period) };
        parts.push(Part { mode: m, period });
    }
    parts
}

/// The years a heading speaks of: a multi-year plan (`第六个五年计划的
/// 基本任务`, `“七五”时期的经济体制改革`, `今后五年的目标任务`), several
/// past years (`过去五年工作回顾`, `“六五”计划执行情况的回顾`, `“十五”
/// 期间…主要情况`), or neither. Titles are short: a walk over them is cheap.
pub(crate) fn heading_period(doc: &Doc, a: usize, b: usize) -> Period {
    // most titles have no `年` or `五` of a plan's or a span's words, and
    // the walk ends there
    let (mut plan, mut span, mut past) = (false, false, false);
    for k in a..b {
        match doc.norm[k] {
            '年' => {
                if crate::cues::span_at(doc, k) {
                    span = true;
                    past |= crate::cues::span_behind(doc, k);
                }
                plan |= ["年计划", "年规划"].iter().any(|w| doc.starts_with(k, w) && crate::cues::plan_period_at(doc, k, w));
            }
            '五' => plan |= crate::cues::plan_period_at(doc, k, "五"),
            _ => {}
        }
    }
    if !(plan || span) {
        return Period::OneYear;
    }
    past |= (a..b).any(|k| matches!(doc.at(k), '回' | '情' | '总' | '成' | '过' | '以') && ["回顾", "情况", "总结", "成就", "过去", "以来"].iter().any(|w| doc.starts_with(k, w)));
    if past {
        Period::Past
    } else {
        Period::Plan
    }
}

/// Review or plan by the words of `a..b`: the perfective `了` against `要`,
/// `将` and `力争`, when one side clearly outweighs the other.
fn content_mode(doc: &Doc, a: usize, b: usize) -> Option<Mode> {
    let (mut done, mut todo) = (0usize, 0usize);
    for k in doc.marked(charclass::MODE, a, b) {
        match doc.at(k) {
            '了' if !matches!(doc.before(k), '为' | '除' | '罢' | '不' | '明' | '到') => done += 1,
            '要' if !matches!(doc.before(k), '主' | '重' | '需' | '必' | '只' | '纲' | '摘' | '首') && doc.at(k + 1) != '求' => todo += 1,
            '将' if doc.at(k + 1) != '近' => todo += 1,
            '力' if doc.at(k + 1) == '争' => todo += 1,
            _ => {}
        }
    }
    if todo > 2 * done + 2 {
        Some(Mode::Plan)
    } else if done > 2 * todo + 2 {
        Some(Mode::Review)
    } else {
        None
    }
}

fn heading_mode(doc: &Doc, h: &Heading, report_year: Option<i32>, plan_year: Option<i32>) -> Option<Mode> {
    let (a, b) = h.title;
    let year = years_in(doc, a, b).next();
    if let (Some(r), Some((y, _))) = (report_year, year) {
        return Some(if y < r { Mode::Review } else { Mode::Plan });
    }
    // with the report's year only implied by the headings, a year behind
    // it is reviewed (`首先报告２００１年的工作`); a year named as its own
    // may head results too (`为实现１９５６年的国家预算而努力`)
    if let (Some(p), Some((y, _))) = (plan_year, year) {
        if y < p {
            return Some(Mode::Review);
        }
    }
    let has = |words: &[&str]| (a..b).any(|k| words.iter().any(|w| doc.starts_with(k, w)));
    let review = has(REVIEW_HEADINGS);
    let plan = has(PLAN_HEADINGS);
    match (review, plan) {
        (true, false) => Some(Mode::Review),
        (false, true) => Some(Mode::Plan),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sections::outline;

    /// `find` over blocks of any size gives what one pass over the whole
    /// text gives.
    fn same_for_every_block_size(text: &str, sizes: &[usize]) {
        let doc = Doc::new(text);
        let headings = outline(&doc);
        let found = |block: usize| {
            let mut finder = Finder::new(&doc, &headings);
            let mut v = Vec::new();
            for (a, b) in doc.blocks(block) {
                finder.run(a, b, |f| v.push(format!("{f:?}")));
            }
            v
        };
        let whole = found(usize::MAX);
        for &block in sizes {
            assert_eq!(found(block), whole, "blocks of {block}");
        }
    }

    #[test]
    fn blocks_do_not_change_the_reports_indicators() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        for name in ["gz-2017-government-work-report.txt", "gz-2016-party-plenary-report.txt", "national/national-2024.txt", "national/national-1954.txt"] {
            let text = std::fs::read_to_string(data.join(name)).unwrap();
            same_for_every_block_size(&text, &[1, 2, 3, 25, 26, 27, 100, 4096]);
        }
    }

    #[test]
    fn blocks_do_not_change_random_texts() {
        // figures, conjunctions, 分别, quotes, years, cue words and line
        // ends in random order: every block boundary falls somewhere
        const PIECES: &[&str] = &[
            "增长", "8.5%", "和", "、", "10%", "分别", "位居全球第6", "第7位", "，", "。", "\n", "“", "”", "2016年", "预计", "力争",
            "控制在", "3.5%以内", "亿元", "1.95万亿元", "一、", "（一）", "比上年", "提高", "个", "创业基地", "今年", "去年", "年均", "二十二",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..200 {
            let mut text = String::new();
            for _ in 0..60 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            same_for_every_block_size(&text, &[1, 2, 5, 17, 40]);
        }
    }
}
