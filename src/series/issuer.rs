//! Who gave a report: a province, city, county, district, autonomous
//! region or league named in its title lines, or the State Council for a
//! national report. Read from the first lines only, by the names' own
//! suffixes (`省`, `市`, `自治区`, `县`, `区`, `州`, `盟`, `旗`) and the words
//! that follow a place in a title or byline (`政府工作报告`, `人民政府`,
//! `第十五届人民代表大会`, `市长` …): no list of places.

use crate::hant;

/// The issuer of a national report.
pub const NATIONAL: &str = "国务院";

/// How far into a report its title lines and opening paragraph are looked
/// for, in characters.
const HEAD_CHARS: usize = 1500;

/// The most lines read as title lines (before the salutation `各位代表`).
const TITLE_LINES: usize = 12;

/// A title or byline line is short; a longer line is body text.
const TITLE_LINE_CHARS: usize = 80;

/// The suffixes of the names of places that give work reports, longest
/// first.
const SUFFIXES: &[&str] = &["自治区", "自治州", "自治县", "自治旗", "特别行政区", "省", "市", "县", "区", "州", "盟", "旗"];

/// What follows a place's name in a title or a byline.
const AFTER_PLACE: &[&str] = &[
    "政府工作报告",
    "人民政府",
    "政府",
    "人民代表大会",
    "人大",
    "国民经济和社会发展",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "盟长",
    "旗长",
    "代省长",
    "代市长",
    "代县长",
    "代区长",
    "代州长",
    "主席",
    "代主席",
];

/// The issuer of a report (module documentation): the place a title line
/// names (`2017年广州市政府工作报告` → `广州市`, `广西壮族自治区人民政府` →
/// `广西壮族自治区`, `——2018年1月15日在广州市第十五届人民代表大会…` →
/// `广州市`), else `国务院` when the opening speaks for the State Council
/// (`我代表国务院`, `国务院总理`, `第…届全国人民代表大会`), else `None`.
/// Traditional script is read as simplified. Reads at most the first
/// `HEAD_CHARS` characters.
pub fn issuer_of(text: &str) -> Option<String> {
    let head: String = text.chars().take(HEAD_CHARS).map(hant::to_simplified).collect();
    let lines: Vec<&str> = head.lines().map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')).filter(|l| !l.is_empty()).collect();
    let titles = lines.iter().take(TITLE_LINES).take_while(|l| !l.starts_with("各位代表")).filter(|l| l.chars().count() <= TITLE_LINE_CHARS);
    for line in titles {
        if let Some(place) = place_in(line) {
            return Some(place);
        }
    }
    let national = ["我代表国务院", "国务院总理", "代表中华人民共和国国务院"].iter().any(|w| head.contains(w)) || session_of_npc(&head);
    national.then(|| NATIONAL.to_string())
}

/// Whether `head` names a session of the National People's Congress
/// (`第十二届全国人民代表大会`, `全国人民代表大会第五次会议`), which only a
/// national report opens with.
fn session_of_npc(head: &str) -> bool {
    head.match_indices("全国人民代表大会").any(|(at, w)| head[..at].ends_with('届') || head[at + w.len()..].starts_with('第'))
}

/// The first place named in a title line: a run of Chinese characters
/// ending in a place's suffix and followed by a title or byline word
/// (`AFTER_PLACE`, possibly after a year `2017年` or a session number
/// `第十五届`).
pub fn place_in(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let n = chars.len();
    for end in 1..=n {
        let Some(suffix) = SUFFIXES.iter().find(|s| ends_with(&chars[..end], s)) else {
            continue;
        };
        if !followed_by_title_word(&chars[end..]) {
            continue;
        }
        let start = name_start(&chars, end);
        let name: String = chars[start..end].iter().collect();
        let stem = name.chars().count() - suffix.chars().count();
        if stem == 0 || is_not_a_name(&name, stem) {
            continue;
        }
        return Some(name);
    }
    None
}

fn ends_with(chars: &[char], s: &str) -> bool {
    let k = s.chars().count();
    chars.len() >= k && chars[chars.len() - k..].iter().copied().eq(s.chars())
}

fn starts_with(chars: &[char], s: &str) -> bool {
    let k = s.chars().count();
    chars.len() >= k && chars[..k].iter().copied().eq(s.chars())
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十百两".contains(c)
}

/// Whether the rest of a line, after a place's suffix, is a title or
/// byline word: directly, or after a year (`2018年政府工作报告`) or a
/// session (`第十五届人民代表大会`).
fn followed_by_title_word(rest: &[char]) -> bool {
    let mut k = 0;
    if rest.first() == Some(&'第') {
        k = 1;
        while k < rest.len() && is_digit(rest[k]) {
            k += 1;
        }
        if rest.get(k) != Some(&'届') || k == 1 {
            return false;
        }
        k += 1;
    } else {
        while k < rest.len() && k < 4 && is_digit(rest[k]) {
            k += 1;
        }
        if k > 0 {
            if rest.get(k) != Some(&'年') || k < 4 {
                return false;
            }
            k += 1;
        }
    }
    let rest = &rest[k..];
    AFTER_PLACE.iter().any(|w| starts_with(rest, w))
}

/// Where the name ending at `end` starts: back over Chinese characters to
/// the start of the line, a non-Chinese character (a space, a dash, a
/// digit, punctuation), a preposition (`在`, `于`), or a date's last
/// character (`年`, `月`, `日` after a digit).
fn name_start(chars: &[char], end: usize) -> usize {
    let mut s = end;
    while s > 0 {
        let c = chars[s - 1];
        if !is_han(c) || matches!(c, '在' | '于' | '向' | '届') {
            break;
        }
        if matches!(c, '年' | '月' | '日' | '号') && s >= 2 && is_digit(chars[s - 2]) {
            break;
        }
        if is_digit(c) && s < end && matches!(chars[s], '年' | '月' | '日') {
            break;
        }
        s -= 1;
    }
    s
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Runs that end in a suffix but are no place: a scope word (`全市`,
/// `本省`), a speaker (`我代表市`), or a name too long for a place.
fn is_not_a_name(name: &str, stem: usize) -> bool {
    let first = name.chars().next().unwrap_or(' ');
    (stem == 1 && "全本我该各此市省县区州".contains(first))
        || name.contains("代表")
        || name.contains("政府")
        || name.contains("报告")
        || name.chars().count() > 16
}
