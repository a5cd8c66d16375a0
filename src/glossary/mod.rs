//! English glosses of metrics and units, for the people who read these
//! reports in English.
//!
//! The words are data: `src/glossary/glossary.tsv`, one `中文<TAB>English` term a
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
//!    (`crate::hant`, and `衞` `擧`, variants it leaves), `○` to `〇`;
//!    punctuation, quotes, spaces and line breaks dropped, except that a
//!    list comma (`、` `，` `,` `；`) stays as a list break. A bracketed aside is left out (`棉花（皮棉）` → `棉花`)
//!    unless the phrase with it is one glossary term (`省（区、市）` →
//!    `省区、市`). A phrase over 120 characters is no metric: `None`.
//! 2. **Segmented**: the phrase is cut into glossary terms, fewest pieces
//!    first (so the longest entries win: `城镇新增就业` is one term, not
//!    `城镇` + `新增就业`); a year written as four digits (`1985年`,
//!    `一九八五年`, `在一九五四年`), and a month or day (`1—5月份`,
//!    `一月二十三日`), is a dropped piece of its own. Every character
//!    must fall in a piece: a phrase with any unknown part glosses to
//!    `None`.
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
//!    * a phrase the terms do not compose that reads `A在X中的比重`,
//!      `A在X中所占的比重` or `在X中A所占的比重` is "share of A in X" when A
//!      and X have glosses (`生产资料在工业总产值中所占的比重` "share of
//!      means of production in gross industrial output value").
//!
//! Composition only rearranges the glossary's own English; the entries of
//! the most frequent metrics are whole phrases in the official wording
//! (`农村居民人均纯收入` "per capita net income of rural residents"), so
//! that they do not depend on it.

use std::sync::OnceLock;

mod compose;
use compose::*;

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
    G.get_or_init(|| parse(DATA).expect("src/glossary/glossary.tsv is well formed"))
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
                    return Err(format!("line {n}: {zh} is not in normal form (simplified, half-width, upper case, no punctuation)"));
                }
                if matches!(role, Role::Head | Role::Prefix) != en.contains('*') || en.matches('*').count() > 1 {
                    return Err(format!("line {n}: a head (*X) or prefix (X*) needs one * in its English, a term none"));
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

#[cfg(test)]
mod tests;
