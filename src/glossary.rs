//! English glosses of metrics and units, for the people who read these
//! reports in English.
//!
//! The words are data: `src/glossary.tsv`, one `中文<TAB>English` term a
//! line, in the wording of the official English versions of the
//! government work reports (State Council / Xinhua) where they have one
//! (`国内生产总值` GDP, `城镇调查失业率` surveyed urban unemployment rate,
//! `亩` mu (1/15 hectare)). The file is read once, the first time a gloss
//! is asked for; it is not a dependency of [`crate::annotate`].
//!
//! ```
//! use zhibiao::glossary::{metric_en, unit_en};
//! assert_eq!(metric_en("全市地区生产总值").as_deref(), Some("GDP"));
//! assert_eq!(metric_en("新增城镇就业").as_deref(), Some("new urban jobs"));
//! assert_eq!(metric_en("单位国内生产总值用水量、能耗").as_deref(),
//!            Some("water consumption and energy consumption per unit of GDP"));
//! assert_eq!(unit_en("亩"), Some("mu (1/15 hectare)"));
//! assert_eq!(metric_en("在今年内可以"), None); // names nothing measured
//! ```
//!
//! # How a metric is glossed
//!
//! The core's metric is sometimes more than the noun phrase (`粮食产量将要`,
//! `一九八五年工农业总产值`): what a careful reader would gloss is glossed,
//! the rest is read past as scope, time or filler. Nothing is guessed: a
//! phrase with a part the glossary does not know has no gloss.
//!
//! 1. **Normalised**: full-width letters and digits to half-width, Latin
//!    letters to upper case, traditional characters to simplified
//!    (`crate::hant`), `○` to `〇`; punctuation, quotes, spaces and line
//!    breaks dropped, except that a list comma (`、` `，` `,` `；`) stays as
//!    a list break. A bracketed aside is left out (`棉花（皮棉）` → `棉花`)
//!    unless the phrase with it is one glossary term (`省（区、市）` →
//!    `省区、市`). A phrase over 120 characters is no metric: `None`.
//! 2. **Segmented**: the phrase is cut into glossary terms, fewest pieces
//!    first (so the longest entries win: `城镇新增就业` is one term, not
//!    `城镇` + `新增就业`); a year written as four digits (`1985年`,
//!    `一九八五年`, `在一九五四年`) is a dropped piece of its own. Every
//!    character must fall in a piece: a phrase with any unknown part
//!    glosses to `None`.
//! 3. **Composed** by the roles the glossary gives its terms (the head of
//!    `glossary.tsv` lists them):
//!    * a *term* adds its English after what came before, which is how
//!      Chinese and English both build noun compounds (`棉花` + `产量` →
//!      "cotton output", `中央` + `财政赤字` → "central government deficit");
//!    * a *dropped* word (`-`: scope such as 全国/全市/我国, time such as
//!      今年/全年/五年来, and the verbs and adverbs that sit between a metric
//!      and its number, such as 将/预计/达到/共) adds nothing; a phrase of
//!      dropped words only names nothing and glosses to `None` (`平均每年`,
//!      `一九八二年计划`);
//!    * a *head* (`*X`) wraps everything before it (`*总数` "total *",
//!      `*所占的比重` "share of *"); with nothing before it, the term's
//!      plain entry is used if it has one, else the phrase has no gloss;
//!    * a *prefix* (`X*`) wraps everything after it (`单位国内生产总值*` "*
//!      per unit of GDP", `占*` "as a percentage of *", which swallows a
//!      following "share of": `占X的比重` "as a percentage of X"); one
//!      right before a list break reads as an adjective (`国营和公私合营工业`
//!      "state-owned and joint state-private industry");
//!    * a *list break* (`、`, `和`/`及`/`与` between terms) joins the parts
//!      as an English list ("a, b and c"); a head after a list applies to
//!      the whole list (`化学需氧量、二氧化硫排放量` "chemical oxygen demand
//!      and sulfur dioxide emissions");
//!    * `的` (`~`) splits the phrase at its first `的`: `A的B` reads "B of A"
//!      ("B on A" for expenditure and spending, "in" for investment, "for"
//!      for funds); when A holds a prepositional prefix (`用于*` "for *",
//!      `对*`, `在*`), `S用于X的B` reads "S B for X" (`中央财政用于科技的支出`
//!      "central government expenditure for science and technology"); when A
//!      reads as a verb (its English ends in a participle: "new and
//!      rebuilt"), the phrase has no gloss; when A is time or filler only,
//!      B alone. A prefix that is not an adjective (`国家决算*`, `占*`)
//!      before the `的` takes the whole rest, `的` and all.
//!    * a prepositional prefix without a `的` composes only before a sum of
//!      money ("expenditure", "funds", "investment" …): `用于X支出`
//!      "expenditure on X"; otherwise the phrase has no gloss.
//!
//! Composition only rearranges the glossary's own English; the entries of
//! the most frequent metrics are whole phrases in the official wording
//! (`农村居民人均纯收入` "per capita net income of rural residents"), so
//! that they do not depend on it.

use std::sync::OnceLock;

/// The glossary, `中文<TAB>English` a line (see the file's head).
pub const DATA: &str = include_str!("glossary.tsv");

/// What a metric term does when a phrase is composed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// English added after the gloss so far.
    Term,
    /// Scope, time or filler: nothing added (`-`).
    Drop,
    /// A list break: `和`, `及` (`,`).
    List,
    /// `A的B` → "B of A" (`~`).
    Of,
    /// `*X`: the English, `*` replaced by the gloss of what precedes.
    Head,
    /// `X*`: the English, `*` replaced by the gloss of what follows.
    Prefix,
}

/// One metric term: the Chinese as matched (without `*`), its role and
/// its English.
#[derive(Debug, Clone, Copy)]
struct Entry {
    zh: &'static str,
    role: Role,
    en: &'static str,
}

struct Glossary {
    /// Sorted by `zh`; one term may have two roles (`总数` and `*总数`).
    metrics: Vec<Entry>,
    /// Sorted by the Chinese.
    units: Vec<(&'static str, &'static str)>,
    /// The longest metric term, in characters.
    longest: usize,
}

/// The glossary parsed once.
fn glossary() -> &'static Glossary {
    static G: OnceLock<Glossary> = OnceLock::new();
    // `DATA` is checked by the tests (`parse` returns its first error), so
    // the expect is for a file the tests have already refused
    G.get_or_init(|| parse(DATA).expect("src/glossary.tsv is well formed"))
}

/// Reads the glossary: `# comment` lines and blank lines skipped,
/// `[metrics]` and `[units]` open their sections, every other line is
/// `中文<TAB>English`. Each section must be sorted by its Chinese (`*`
/// ignored, then the line itself) with no line twice. Returns the first
/// problem, with its line number.
fn parse(data: &'static str) -> Result<Glossary, String> {
    #[derive(PartialEq)]
    enum Section {
        None,
        Metrics,
        Units,
    }
    let mut section = Section::None;
    let mut g = Glossary { metrics: Vec::new(), units: Vec::new(), longest: 0 };
    let mut last: Option<(&str, &str)> = None; // (sort key, raw key) of the previous line
    for (n, line) in data.lines().enumerate() {
        let n = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match line {
            "[metrics]" => {
                section = Section::Metrics;
                last = None;
                continue;
            }
            "[units]" => {
                section = Section::Units;
                last = None;
                continue;
            }
            _ => {}
        }
        let Some((zh, en)) = line.split_once('\t') else {
            return Err(format!("line {n}: no tab in {line:?}"));
        };
        if zh.is_empty() || en.is_empty() || en.contains('\t') || zh != zh.trim() || en != en.trim() {
            return Err(format!("line {n}: want one 中文<TAB>English pair, no spaces at the ends: {line:?}"));
        }
        let key = zh.trim_start_matches('*').trim_end_matches('*');
        if let Some((last_key, last_raw)) = last {
            if (last_key, last_raw) >= (key, zh) {
                let what = if last_raw == zh { "twice" } else { "out of order" };
                return Err(format!("line {n}: {zh} is {what} (after {last_raw})"));
            }
        }
        last = Some((key, zh));
        match section {
            Section::None => return Err(format!("line {n}: a term before [metrics] or [units]")),
            Section::Units => {
                if zh.contains('*') {
                    return Err(format!("line {n}: a unit with a *"));
                }
                // a measure word English leaves out: a bare count
                g.units.push((zh, if en == "-" { "" } else { en }));
            }
            Section::Metrics => {
                let (head, prefix) = (zh.starts_with('*'), zh.ends_with('*'));
                let role = match (head, prefix, en) {
                    (true, true, _) => return Err(format!("line {n}: * at both ends of {zh}")),
                    (true, false, _) => Role::Head,
                    (false, true, _) => Role::Prefix,
                    (false, false, "-") => Role::Drop,
                    (false, false, ",") => Role::List,
                    (false, false, "~") => Role::Of,
                    (false, false, _) => Role::Term,
                };
                if key.is_empty() || key.contains('*') || normalise(key) != key {
                    return Err(format!(
                        "line {n}: {zh} is not in normal form (simplified, half-width, upper case, no punctuation)"
                    ));
                }
                if matches!(role, Role::Head | Role::Prefix) != en.contains('*') || en.matches('*').count() > 1 {
                    return Err(format!(
                        "line {n}: a head (*X) or prefix (X*) needs one * in its English, a term none"
                    ));
                }
                g.longest = g.longest.max(key.chars().count());
                g.metrics.push(Entry { zh: key, role, en });
            }
        }
    }
    // sorted by `zh` already: the order was checked line by line above
    Ok(g)
}

/// The English of a unit as the core reports it (`亩`, `个百分点`,
/// `元/月`), or `None` for a unit not in the glossary. Units with their
/// magnitude (`万元` ten thousand yuan, `亿元` 100 million yuan) are
/// glossed too. A measure word that English leaves out (`个`, `项`,
/// `家`, `所`: a bare count of what the metric names) glosses to `""`.
///
/// ```
/// use zhibiao::glossary::unit_en;
/// assert_eq!(unit_en("个百分点"), Some("percentage points"));
/// assert_eq!(unit_en("標箱"), Some("TEU"));
/// assert_eq!(unit_en("个"), Some(""));
/// assert_eq!(unit_en("furlong"), None);
/// ```
pub fn unit_en(unit: &str) -> Option<&'static str> {
    let units = &glossary().units;
    let find = |u: &str| units.binary_search_by(|(zh, _)| (*zh).cmp(u)).ok().map(|i| units[i].1);
    find(unit).or_else(|| {
        let n: String = unit.chars().map(half_width_simplified).collect();
        find(&n)
    })
}

/// The English of a metric phrase (`地区生产总值` → "GDP",
/// `城镇调查失业率` → "surveyed urban unemployment rate"), composed from
/// the longest glossary terms that cover it (see the module
/// documentation), or `None` when some part of it is not in the glossary
/// or it names nothing but scope, time and filler words.
pub fn metric_en(metric: &str) -> Option<String> {
    // no noun phrase is this long (the longest in the national reports is
    // 41 characters); the work below grows with the square of the length
    if metric.chars().count() > LONGEST_METRIC {
        return None;
    }
    let g = glossary();
    let full = normalise(metric);
    let bare = normalise(&without_asides(metric));
    if bare == full {
        return gloss(g, &full);
    }
    // an aside is read only as part of one term (省（区、市）); otherwise
    // it is left out (棉花（皮棉）, 投资额（包括…）)
    match lookup(g, &full) {
        Some((a, b)) if g.metrics[a..b].iter().any(|e| e.role == Role::Term) => gloss(g, &full),
        _ => gloss(g, &bare),
    }
}

/// Metrics longer than this, in characters, are not glossed.
const LONGEST_METRIC: usize = 120;

/// Full-width ASCII to half-width, traditional to simplified.
fn half_width_simplified(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '○' => '〇',
        c => crate::hant::to_simplified(c),
    }
}

/// The phrase as glossary keys are written: half-width, simplified, Latin
/// in upper case, no punctuation but list breaks (`、`) and a decimal
/// point between digits (`PM2.5`).
fn normalise(s: &str) -> String {
    let chars: Vec<char> = s.chars().map(half_width_simplified).collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_uppercase()),
            '.' if i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) => {
                out.push('.')
            }
            // full-width ，；are half-width by now
            '、' | ',' | ';' if !out.is_empty() && !out.ends_with('、') => out.push('、'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    while out.ends_with('、') {
        out.pop();
    }
    out
}

/// `s` without bracketed asides (`（皮棉）`, `(包括…)`); an unclosed
/// bracket runs to the end.
fn without_asides(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '（' | '(' | '〔' | '[' | '【' => depth += 1,
            '）' | ')' | '〕' | ']' | '】' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// One piece of a segmented phrase: the glossary entries for it (one or
/// two roles), or a year.
#[derive(Clone, Copy)]
enum Piece {
    /// Index range into `Glossary::metrics` of the entries for the piece.
    Entries(usize, usize),
    /// A year (`1985年`, `一九八五`), or a list comma: nothing, or a break.
    Year,
    Comma,
}

/// The year written at `chars[i..]`: four digits (Arabic or Chinese),
/// then an optional `年`; its length in characters.
fn year_at(chars: &[char], i: usize) -> Option<usize> {
    let digit = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c);
    let run = chars[i..].iter().take_while(|&&c| digit(c)).count();
    if run != 4 || (i > 0 && digit(chars[i - 1])) {
        return None;
    }
    let arabic = chars[i..i + 4].iter().all(|c| c.is_ascii_digit());
    let chinese = chars[i..i + 4].iter().all(|c| !c.is_ascii_digit());
    if !(arabic || chinese) {
        return None;
    }
    Some(if chars.get(i + 4) == Some(&'年') { 5 } else { 4 })
}

/// A year as above with `在` before it (`在一九五四年`, a time, not a
/// place).
fn year_with_at(chars: &[char], i: usize) -> Option<usize> {
    (chars[i] == '在' && i + 1 < chars.len()).then(|| year_at(chars, i + 1)).flatten().map(|n| n + 1)
}

/// The entries whose Chinese is `s`, as an index range.
fn lookup(g: &Glossary, s: &str) -> Option<(usize, usize)> {
    let m = &g.metrics;
    let start = m.partition_point(|e| e.zh < s);
    let end = start + m[start..].iter().take_while(|e| e.zh == s).count();
    (end > start).then_some((start, end))
}

/// Segments a normalised phrase into the fewest pieces (the longest first
/// where two cuts have as many), then composes their English.
fn gloss(g: &Glossary, s: &str) -> Option<String> {
    if s.is_empty() {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    // byte offset of each character, and of the end
    let mut at: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    at.push(s.len());
    // best[i]: fewest pieces for chars[i..], with the first piece's length
    let mut best: Vec<Option<(usize, usize, Piece)>> = vec![None; n + 1];
    best[n] = Some((0, 0, Piece::Year));
    for i in (0..n).rev() {
        let mut here: Option<(usize, usize, Piece)> = None;
        let mut consider = |len: usize, piece: Piece, best: &[Option<(usize, usize, Piece)>]| {
            if let Some((count, _, _)) = best[i + len] {
                // longer first: a later candidate (shorter) must be strictly better
                if here.map_or(true, |(c, _, _)| count + 1 < c) {
                    here = Some((count + 1, len, piece));
                }
            }
        };
        if chars[i] == '、' {
            consider(1, Piece::Comma, &best);
        }
        if let Some(len) = year_at(&chars, i).or_else(|| year_with_at(&chars, i)) {
            consider(len, Piece::Year, &best);
        }
        for len in (1..=g.longest.min(n - i)).rev() {
            if let Some((a, b)) = lookup(g, &s[at[i]..at[i + len]]) {
                consider(len, Piece::Entries(a, b), &best);
            }
        }
        best[i] = here;
    }
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < n {
        let (_, len, piece) = best[i]?;
        pieces.push(piece);
        i += len;
    }
    compose(g, &pieces)
}

/// What a piece does in its place (`pieces[k]`): heads need something
/// before them and prefixes something after; otherwise their plain
/// entry, if any, is used.
fn resolve(g: &Glossary, pieces: &[Piece], k: usize) -> Option<(Role, &'static str)> {
    let Piece::Entries(a, b) = pieces[k] else {
        return Some(match pieces[k] {
            Piece::Comma => (Role::List, ","),
            _ => (Role::Drop, "-"),
        });
    };
    let entries = &g.metrics[a..b];
    let content = |p: &Piece| match *p {
        Piece::Entries(a, b) => g.metrics[a..b].iter().any(|e| !matches!(e.role, Role::Drop | Role::List)),
        _ => false,
    };
    let before = pieces[..k].iter().any(content);
    let after = pieces[k + 1..].iter().any(content);
    let pick = |role: Role| entries.iter().find(|e| e.role == role).map(|e| (e.role, e.en));
    if before {
        if let Some(r) = pick(Role::Head) {
            return Some(r);
        }
    }
    if after {
        if let Some(r) = pick(Role::Prefix) {
            return Some(r);
        }
    }
    entries.iter().find(|e| !matches!(e.role, Role::Head | Role::Prefix)).map(|e| (e.role, e.en))
}

/// The English of `pieces` (see the module documentation), or `None` if
/// they name nothing or do not compose.
fn compose(g: &Glossary, pieces: &[Piece]) -> Option<String> {
    let roles: Vec<(Role, &str)> = (0..pieces.len()).map(|k| resolve(g, pieces, k)).collect::<Option<_>>()?;
    let prepositional = |(role, en): (Role, &str)| role == Role::Prefix && is_prepositional(en);
    let of = roles.iter().position(|r| r.0 == Role::Of);
    // a prefix before the first 的 that is no preposition (占*, 中央财政*)
    // takes the whole rest, 的 and all
    // (not an adjective, "state-owned *", which stays inside its side of
    // the 的)
    let outer_prefix = (0..roles.len()).find(|&p| {
        roles[p].0 == Role::Prefix
            && !prepositional(roles[p])
            && !is_adjectival(roles[p].1)
            && !matches!(roles.get(p + 1), Some((Role::List, _)))
    });
    if let Some(k) = of.filter(|&k| outer_prefix.map_or(true, |p| p > k)) {
        // A的B: "B of A"; when A is "S 用于 Z" (a prefix that is a
        // preposition, "for *"), "S B for Z"
        let (a, b) = (&pieces[..k], &pieces[k + 1..]);
        // nothing but time or filler before the 的 (一九五九年的产值): B
        if roles[..k].iter().all(|r| matches!(r.0, Role::Drop | Role::List)) {
            return compose(g, b);
        }
        // B may go on with a prefix of its own (…的支出占本年支出): A's
        // phrase goes after B's head, before that prefix
        let split = roles[k + 1..].iter().skip(1).position(|&r| r.0 == Role::Prefix && !prepositional(r));
        let (b, tail) = match split {
            Some(q) => (compose(g, &b[..q + 1])?, compose(g, &b[q + 1..])),
            None => (compose(g, b)?, None),
        };
        let joined = match roles[..k].iter().position(|&r| prepositional(r)) {
            Some(j) => {
                let phrase = compose_after_preposition(g, &a[j..])?;
                if is_participle(&phrase) {
                    return None;
                }
                match subject(g, &a[..j]).or_else(|| compose(g, &a[..j])) {
                    Some(subject) => format!("{subject} {b} {phrase}"),
                    None => format!("{b} {phrase}"),
                }
            }
            None => {
                let a = compose(g, a)?;
                // A的B with A a verb phrase ("continued and started"): no
                // "B of A"
                if is_participle(&a) {
                    return None;
                }
                format!("{b} {} {a}", of_for(&b))
            }
        };
        return Some(match tail {
            Some(t) => format!("{joined} {t}"),
            None => joined,
        });
    }
    // the list so far: items, each a run of English words
    let mut items: Vec<String> = vec![String::new()];
    for (k, &(role, en)) in roles.iter().enumerate() {
        match role {
            Role::Drop | Role::Of => {}
            Role::List => {
                if !items.last().is_some_and(String::is_empty) {
                    items.push(String::new());
                }
            }
            Role::Term => push_words(items.last_mut()?, en),
            Role::Head => {
                let before = join_list(&items)?;
                items = vec![en.replace('*', &before)];
            }
            Role::Prefix => {
                // a preposition (用于X) reads only with its 的 (用于X的支出),
                // or before a sum of money that names its use (用于X支出:
                // "expenditure on X")
                if is_prepositional(en) {
                    let after = compose(g, &pieces[k + 1..])?;
                    let first = after.split(' ').next().unwrap_or("");
                    if !MONEY.contains(&first) {
                        return None;
                    }
                    push_words(items.last_mut()?, &after);
                    return join_list(&items);
                }
                // the first of a list (国营和公私合营工业): an adjective
                if matches!(roles.get(k + 1), Some((Role::List, _))) {
                    push_words(items.last_mut()?, en.strip_suffix(" *")?);
                    continue;
                }
                let mut after = compose(g, &pieces[k + 1..])?;
                // 占X的比重, 占X比例: "as a percentage of X", not "… of share of X"
                if en.starts_with("as a percentage of") {
                    for share in ["share of ", "proportion of "] {
                        if let Some(rest) = after.strip_prefix(share) {
                            after = rest.to_string();
                        }
                    }
                }
                push_words(items.last_mut()?, &en.replace('*', &after));
                return join_list(&items);
            }
        }
    }
    join_list(&items)
}

/// The preposition of `A的B` for B: "expenditure on A", "investment in
/// A", "funds for A", else "B of A".
fn of_for(b: &str) -> &'static str {
    let first = b.split(' ').next().unwrap_or(b);
    match first {
        "expenditure" | "spending" => "on",
        "investment" => "in",
        "funds" => "for",
        _ => "of",
    }
}

/// The subject of `S用于X的B` as an adjective when it is one term that
/// has one (中央和地方财政: "central and local government").
fn subject(g: &Glossary, pieces: &[Piece]) -> Option<String> {
    let mut terms = pieces.iter().filter(|p| !matches!(p, Piece::Year));
    let (Some(Piece::Entries(a, b)), None) = (terms.next(), terms.next()) else {
        return None;
    };
    g.metrics[*a..*b]
        .iter()
        .find(|e| e.role == Role::Prefix && is_adjectival(e.en))
        .and_then(|e| e.en.strip_suffix(" *"))
        .map(str::to_string)
}

/// A prepositional prefix and what follows it, up to a 的: "for Z".
fn compose_after_preposition(g: &Glossary, pieces: &[Piece]) -> Option<String> {
    let (_, en) = resolve(g, pieces, 0)?;
    Some(en.replace('*', &compose(g, &pieces[1..])?))
}

/// Prefixes whose English starts with one of these are prepositional
/// phrases (`用于*` "for *"): `A用于B的C` reads "A C for B".
const PREPOSITIONS: &[&str] = &["for", "on", "to", "in", "from", "with", "by"];

fn is_prepositional(en: &str) -> bool {
    PREPOSITIONS.iter().any(|p| en.strip_prefix(p).is_some_and(|r| r.starts_with(' ')))
}

/// Heads that name a sum of money and its use ("expenditure on X").
const MONEY: &[&str] = &["expenditure", "spending", "funds", "investment", "subsidy", "subsidies"];

/// A prefix whose English goes before what follows ("state-owned *",
/// "new *"), but for 占* "as a percentage of *".
fn is_adjectival(en: &str) -> bool {
    en.ends_with(" *") && !en.starts_with("as a percentage of")
}

/// English that ends in a participle (`completed`, `started`, `built`,
/// `under construction`): a verb phrase, not a noun.
fn is_participle(en: &str) -> bool {
    let last = en.rsplit(' ').next().unwrap_or(en);
    en.ends_with("under construction")
        || matches!(last, "built" | "rebuilt" | "begun" | "done")
        || (last.ends_with("ed") && !matches!(last, "need" | "seed" | "speed" | "bed" | "hundred"))
}

fn push_words(item: &mut String, en: &str) {
    if !item.is_empty() {
        item.push(' ');
    }
    item.push_str(en);
}

/// "a", "a and b", "a, b and c"; `None` when there is nothing.
fn join_list(items: &[String]) -> Option<String> {
    let items: Vec<&str> = items.iter().map(String::as_str).filter(|s| !s.is_empty()).collect();
    match items.as_slice() {
        [] => None,
        [one] => Some(one.to_string()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glossary_is_well_formed() {
        let g = parse(DATA).unwrap_or_else(|e| panic!("src/glossary.tsv: {e}"));
        assert!(g.metrics.len() > 200 && g.units.len() > 40);
    }

    #[test]
    fn the_parser_refuses_what_it_should() {
        let bad = [
            "國內生產總值\tGDP",                                    // before a section
            "[metrics]\n国内生产总值 GDP",                          // no tab
            "[metrics]\n粮食产量\tgrain output\n国内生产总值\tGDP", // out of order
            "[metrics]\n国内生产总值\tGDP\n国内生产总值\tGDP",      // twice
            "[metrics]\n國內生產總值\tGDP",                         // not simplified
            "[metrics]\n*总数\ttotal",                              // head without *
            "[metrics]\n总数\ttotal *",                             // term with *
        ];
        for data in bad {
            assert!(parse(data).is_err(), "{data}");
        }
        assert!(parse("# c\n[metrics]\n*总数\ttotal number of *\n总数\ttotal\n[units]\n亩\tmu").is_ok());
    }

    #[test]
    fn normal_form() {
        assert_eq!(normalise("“三農”支出"), "三农支出");
        assert_eq!(normalise("ＧＤＰ"), "GDP");
        assert_eq!(normalise("pm2.5平均濃度"), "PM2.5平均浓度");
        assert_eq!(normalise("化学需氧量、二氧化硫，"), "化学需氧量、二氧化硫");
        assert_eq!(without_asides("棉花（皮棉）产量"), "棉花产量");
        assert_eq!(normalise("一九九○年"), "一九九〇年");
    }

    #[test]
    fn years() {
        let c: Vec<char> = "一九八五年工业".chars().collect();
        assert_eq!(year_at(&c, 0), Some(5));
        let c: Vec<char> = "2024工业".chars().collect();
        assert_eq!(year_at(&c, 0), Some(4));
        let c: Vec<char> = "20245".chars().collect();
        assert_eq!(year_at(&c, 0), None);
    }

    #[test]
    fn composition() {
        let cases: &[(&str, Option<&str>)] = &[
            ("国内生产总值", Some("GDP")),
            ("全国国内生产总值", Some("GDP")),
            ("GDP", Some("GDP")),
            ("國內生產總值", Some("GDP")),
            ("城镇新增就业", Some("new urban jobs")),
            ("新增城镇就业", Some("new urban jobs")),
            ("一九八五年工农业总产值", Some("gross output value of industry and agriculture")),
            ("粮食产量将要", Some("grain output")),
            ("化学需氧量、二氧化硫排放量", Some("chemical oxygen demand and sulfur dioxide emissions")),
            ("单位国内生产总值能耗", Some("energy consumption per unit of GDP")),
            ("棉花（皮棉）", Some("cotton")),
            ("职工的平均工资", Some("average wage of workers and staff")),
            // names nothing
            ("全年", None),
            ("平均每年", None),
            // an unknown part
            ("粮食产量疯狂", None),
        ];
        for &(zh, want) in cases {
            assert_eq!(metric_en(zh).as_deref(), want, "{zh}");
        }
    }

    #[test]
    fn long_input_is_refused_quickly() {
        let long = "国内生产总值".repeat(200_000);
        let t = std::time::Instant::now();
        assert_eq!(metric_en(&long), None);
        let at_most = "国内生产总值、".repeat(LONGEST_METRIC / 7);
        assert!(metric_en(&at_most).is_some());
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn units() {
        assert_eq!(unit_en("亩"), Some("mu (1/15 hectare)"));
        assert_eq!(unit_en("％"), Some("%"));
        assert_eq!(unit_en("元/月"), Some("yuan per month"));
        assert_eq!(unit_en("億元"), Some("100 million yuan"));
    }
}
