//! Finding the figures: the scan for number expressions, block by block,
//! and what keeps a number from being an indicator (dates, enumerators,
//! codes, names, idioms).

use super::*;

/// Opening and closing quotes and title marks: what stands inside is a
/// name.
pub(super) fn quote_delta(c: char) -> i32 {
    match c {
        '“' | '「' | '『' | '《' | '〈' | '﹃' => 1,
        '”' | '」' | '』' | '》' | '〉' | '﹄' => -1,
        _ => 0,
    }
}

/// The scan for number expressions that are indicators, run block by block
/// over the text: where it stands between two blocks.
#[derive(Default)]
pub(super) struct Scan {
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
    pub(super) fn run(&mut self, doc: &Doc, headings: &[Heading], a: usize, b: usize, out: &mut Vec<Number>) {
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
pub(super) fn number_at(doc: &Doc, i: usize, in_title: bool) -> (Option<Number>, usize) {
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
pub(super) fn skip_token(doc: &Doc, mut j: usize) -> usize {
    while doc.at(j).is_ascii_alphanumeric() || (matches!(doc.at(j), '.' | ',') && doc.at(j + 1).is_ascii_digit()) {
        j += 1;
    }
    j
}

pub(super) fn arabic_at(doc: &Doc, i: usize) -> (Option<Number>, usize) {
    let prev = doc.before(i);
    // 每50公斤, 每10万人: a denominator, not a quantity
    if prev == '每' {
        let end = numbers::arabic(doc, i).map_or(i + 1, |n| n.end);
        return (None, end);
    }
    // codes: PM2.5, G20, 1+9, No.5, 2020/2021, a link's q=30%25 (but a
    // minus sign: 增长-3.2%)
    if prev.is_ascii_alphanumeric()
        || matches!(prev, '.' | '+' | '/' | '#' | '_' | '@' | '·' | '%' | '=')
        || (prev == '-' && numbers::minus_before(doc, i) == 0)
    {
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
pub(super) const NOUNS_IN_SHU: &str = "人总户次指系倍基件个位分岁票字页股函参整点台家天年时码号序算级变常多少半无奇偶";

pub(super) fn chinese_at(doc: &Doc, i: usize, in_title: bool) -> (Option<Number>, usize) {
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
pub(super) fn accept_unless_idiom(doc: &Doc, n: Number, run_end: usize) -> (Option<Number>, usize) {
    let end = n.end;
    if starts_with_any(doc, n.start, NUMERAL_IDIOMS) {
        return (None, end.max(run_end));
    }
    (Some(n), end)
}

/// Whether one of `words` starts at `i` (in wasm a function of its own:
/// inlined, the loop over a constant list was unrolled into a kilobyte).
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(super) fn starts_with_any(doc: &Doc, i: usize, words: &[&str]) -> bool {
    words.iter().any(|w| doc.starts_with(i, w))
}

/// Whether `第…` is a rank here: `第6位` always; a bare `第一` at the end of
/// a clause after a ranking verb or a place (`全国第一`, `位居全球第6、`).
pub(super) fn is_rank(doc: &Doc, n: &Number, suffix: bool) -> bool {
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
pub(super) const PRIORITY_VERBS: &[&str] = &["放在", "摆在", "放到", "摆到", "置于", "列为", "作为"];

/// A ranking verb in the clause before `i`, or a place right before it.
pub(super) fn rank_context(doc: &Doc, i: usize) -> bool {
    const PLACES: &[&str] = &["全国", "全省", "全球", "世界", "全市", "亚洲", "国内", "省内", "同类城市", "城市"];
    if PLACES.iter().any(|p| doc.ends_with(i, p)) {
        return true;
    }
    const VERBS: &[&str] = &["居", "列", "排", "蝉联", "跃", "登", "名列", "保持"];
    let a = clause_start(doc, i);
    (a..i).any(|k| VERBS.iter().any(|v| doc.starts_with(k, v)))
}

/// Whether a two-part ratio is plausible before `i` (`比例为3:7`).
pub(super) fn ratio_context(doc: &Doc, i: usize) -> bool {
    let a = clause_start(doc, i);
    (a..i).any(|k| doc.at(k) == '比')
}

// ---------------------------------------------------------------------------
// Clauses and sentences
