//! Composing a metric's English from its terms: normalising the Chinese,
//! looking terms up longest first, and joining their English in the order
//! English wants (`棉花` + `产量` -> "cotton output").

use super::*;

/// Metrics longer than this, in characters, are not glossed.
pub(super) const LONGEST_METRIC: usize = 120;

/// Full-width ASCII to half-width, traditional to simplified (and the
/// variants of older traditional print that `crate::hant` leaves: `衞`
/// 卫, `擧` 举).
pub(super) fn half_width_simplified(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '○' => '〇',
        '衞' => '卫',
        '擧' => '举',
        c => crate::hant::to_simplified(c),
    }
}

/// The phrase as glossary keys are written: half-width, simplified, Latin
/// in upper case, no punctuation but list breaks (`、`) and a decimal
/// point between digits (`PM2.5`).
pub(super) fn normalise(s: &str) -> String {
    let chars: Vec<char> = s.chars().map(half_width_simplified).collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_uppercase()),
            '.' if i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) => out.push('.'),
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
pub(super) fn without_asides(s: &str) -> String {
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
pub(super) enum Piece {
    /// Index range into `Glossary::metrics` of the entries for the piece.
    Entries(usize, usize),
    /// A year (`1985年`, `一九八五`), or a list comma: nothing, or a break.
    Year,
    Comma,
}

/// The year written at `chars[i..]`: four digits (Arabic or Chinese),
/// then an optional `年`; its length in characters.
pub(super) fn year_at(chars: &[char], i: usize) -> Option<usize> {
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
pub(super) fn year_with_at(chars: &[char], i: usize) -> Option<usize> {
    (chars[i] == '在' && i + 1 < chars.len()).then(|| year_at(chars, i + 1)).flatten().map(|n| n + 1)
}

/// A month, a span of months or a day written at `chars[i..]`: up to four
/// digits (Arabic or Chinese, `十` included) before `月份` or `月`
/// (`1—5月份`, normalised `15月份`; `十一月`), then an optional day
/// (`一月二十三日`); its length in characters.
pub(super) fn month_at(chars: &[char], i: usize) -> Option<usize> {
    let digit = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c);
    let run = |k: usize| chars.get(k..).map_or(0, |r| r.iter().take_while(|&&c| digit(c)).count());
    let n = run(i);
    if n == 0 || n > 4 || (i > 0 && digit(chars[i - 1])) || chars.get(i + n) != Some(&'月') {
        return None;
    }
    let mut len = n + 1;
    if chars.get(i + len) == Some(&'份') {
        len += 1;
    }
    let day = run(i + len);
    if (1..=3).contains(&day) && chars.get(i + len + day) == Some(&'日') {
        len += day + 1;
    }
    Some(len)
}

/// The entries whose Chinese is `s`, as an index range.
pub(super) fn lookup(g: &Glossary, s: &str) -> Option<(usize, usize)> {
    let m = &g.metrics;
    let start = m.partition_point(|e| e.zh < s);
    let end = start + m[start..].iter().take_while(|e| e.zh == s).count();
    (end > start).then_some((start, end))
}

/// The English of a normalised phrase: by its terms (`gloss_terms`), else
/// as a share of one thing in another (`share_in`).
pub(super) fn gloss(g: &Glossary, s: &str) -> Option<String> {
    gloss_terms(g, s).or_else(|| share_in(g, s))
}

/// Segments a normalised phrase into the fewest pieces (the longest first
/// where two cuts have as many), then composes their English.
fn gloss_terms(g: &Glossary, s: &str) -> Option<String> {
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
                if here.is_none_or(|(c, _, _)| count + 1 < c) {
                    here = Some((count + 1, len, piece));
                }
            }
        };
        if chars[i] == '、' {
            consider(1, Piece::Comma, &best);
        }
        if let Some(len) = year_at(&chars, i).or_else(|| year_with_at(&chars, i)).or_else(|| month_at(&chars, i)) {
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

/// `A在X中的比重`, `A在X中所占的比重`, `在X中A所占的比重`: "share of A
/// in X", when A and X both have a gloss (`生产资料在工业总产值中所占的比重`
/// "share of means of production in gross industrial output value").
pub(super) fn share_in(g: &Glossary, s: &str) -> Option<String> {
    let body = ["所占的比重", "所占比重", "的比重", "比重"].iter().find_map(|t| s.strip_suffix(t))?;
    let (before, rest) = body.rsplit_once('在')?;
    let (x, after) = rest.rsplit_once('中')?;
    let a = match (before.is_empty(), after.is_empty()) {
        (false, true) => before,
        (true, false) => after,
        _ => return None,
    };
    Some(format!("share of {} in {}", gloss(g, a)?, gloss(g, x)?))
}

/// What a piece does in its place (`pieces[k]`): heads need something
/// before them and prefixes something after; otherwise their plain
/// entry, if any, is used.
pub(super) fn resolve(g: &Glossary, pieces: &[Piece], k: usize) -> Option<(Role, &'static str)> {
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
pub(super) fn compose(g: &Glossary, pieces: &[Piece]) -> Option<String> {
    let roles: Vec<(Role, &str)> = (0..pieces.len()).map(|k| resolve(g, pieces, k)).collect::<Option<_>>()?;
    let prepositional = |(role, en): (Role, &str)| role == Role::Prefix && is_prepositional(en);
    let of = roles.iter().position(|r| r.0 == Role::Of);
    // a prefix before the first 的 that is no preposition (占*, 中央财政*)
    // takes the whole rest, 的 and all
    // (not an adjective, "state-owned *", which stays inside its side of
    // the 的)
    let outer_prefix = (0..roles.len())
        .find(|&p| roles[p].0 == Role::Prefix && !prepositional(roles[p]) && !is_adjectival(roles[p].1) && !matches!(roles.get(p + 1), Some((Role::List, _))));
    if let Some(k) = of.filter(|&k| outer_prefix.is_none_or(|p| p > k)) {
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
pub(super) fn of_for(b: &str) -> &'static str {
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
pub(super) fn subject(g: &Glossary, pieces: &[Piece]) -> Option<String> {
    let mut terms = pieces.iter().filter(|p| !matches!(p, Piece::Year));
    let (Some(Piece::Entries(a, b)), None) = (terms.next(), terms.next()) else {
        return None;
    };
    g.metrics[*a..*b].iter().find(|e| e.role == Role::Prefix && is_adjectival(e.en)).and_then(|e| e.en.strip_suffix(" *")).map(str::to_string)
}

/// A prepositional prefix and what follows it, up to a 的: "for Z".
pub(super) fn compose_after_preposition(g: &Glossary, pieces: &[Piece]) -> Option<String> {
    let (_, en) = resolve(g, pieces, 0)?;
    Some(en.replace('*', &compose(g, &pieces[1..])?))
}

/// Prefixes whose English starts with one of these are prepositional
/// phrases (`用于*` "for *"): `A用于B的C` reads "A C for B".
pub(super) const PREPOSITIONS: &[&str] = &["for", "on", "to", "in", "from", "with", "by"];

pub(super) fn is_prepositional(en: &str) -> bool {
    PREPOSITIONS.iter().any(|p| en.strip_prefix(p).is_some_and(|r| r.starts_with(' ')))
}

/// Heads that name a sum of money and its use ("expenditure on X").
pub(super) const MONEY: &[&str] = &["expenditure", "spending", "funds", "investment", "subsidy", "subsidies"];

/// A prefix whose English goes before what follows ("state-owned *",
/// "new *"), but for 占* "as a percentage of *".
pub(super) fn is_adjectival(en: &str) -> bool {
    en.ends_with(" *") && !en.starts_with("as a percentage of")
}

/// English that ends in a participle (`completed`, `started`, `built`,
/// `under construction`): a verb phrase, not a noun.
pub(super) fn is_participle(en: &str) -> bool {
    let last = en.rsplit(' ').next().unwrap_or(en);
    en.ends_with("under construction")
        || matches!(last, "built" | "rebuilt" | "begun" | "done")
        || (last.ends_with("ed") && !matches!(last, "need" | "seed" | "speed" | "bed" | "hundred"))
}

pub(super) fn push_words(item: &mut String, en: &str) {
    if !item.is_empty() {
        item.push(' ');
    }
    item.push_str(en);
}

/// "a", "a and b", "a, b and c"; `None` when there is nothing.
pub(super) fn join_list(items: &[String]) -> Option<String> {
    let items: Vec<&str> = items.iter().map(String::as_str).filter(|s| !s.is_empty()).collect();
    match items.as_slice() {
        [] => None,
        [one] => Some(one.to_string()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}
