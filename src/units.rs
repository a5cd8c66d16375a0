//! Measure words and units, with the canonical form each is reported in
//! (simplified, half-width: `個百分點` → `个百分点`, `％` → `%`).
//!
//! Matching happens on the normalised text (`text::Doc::norm`), which is
//! already simplified and half-width, so most units are their own
//! canonical form.

use crate::lexicon::WordIndex;
use crate::text::Doc;
use std::sync::OnceLock;

/// A unit found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitMatch {
    /// Characters it spans in the text.
    pub len: usize,
    pub canonical: &'static str,
}

/// (as written in normalised text, canonical). Longest first among those
/// that share a beginning: the first match wins.
const UNITS: &[(&str, &str)] = &[
    ("个百分点", "个百分点"),
    ("百分点", "个百分点"),
    ("%", "%"),
    ("‰", "‰"),
    ("倍", "倍"),
    // concentrations first: 微克/立方米 before 微克
    ("微克/立方米", "微克/立方米"),
    ("毫克/立方米", "毫克/立方米"),
    ("毫克/升", "毫克/升"),
    ("微克", "微克"),
    ("毫克", "毫克"),
    ("平方公里", "平方公里"),
    ("平方千米", "平方公里"),
    ("平方米", "平方米"),
    ("平方公尺", "平方米"),
    ("立方米", "立方米"),
    ("公里", "公里"),
    ("千米", "公里"),
    ("厘米", "厘米"),
    ("公分", "厘米"),
    ("公尺", "米"),
    ("毫米", "毫米"),
    ("公厘", "毫米"),
    ("米", "米"),
    ("公顷", "公顷"),
    ("亩", "亩"),
    ("千瓦时", "千瓦时"),
    ("千瓦", "千瓦"),
    ("瓩", "千瓦"),
    ("马力", "马力"),
    ("兆瓦", "兆瓦"),
    ("吉瓦", "吉瓦"),
    ("千伏", "千伏"),
    ("吨标准煤", "吨标准煤"),
    ("吨", "吨"),
    ("千克", "千克"),
    ("公斤", "公斤"),
    ("克", "克"),
    ("斤", "斤"),
    ("市斤", "斤"),
    ("担", "担"),
    ("标准箱", "标箱"),
    ("标箱", "标箱"),
    // plate glass
    ("重量箱", "重量箱"),
    ("立方公尺", "立方米"),
    ("立方", "立方米"),
    ("公方", "立方米"),
    ("土方", "土方"),
    ("升", "升"),
    ("桶", "桶"),
    ("美元", "美元"),
    ("美圆", "美元"),
    ("欧元", "欧元"),
    ("港元", "港元"),
    ("港币", "港元"),
    ("日元", "日元"),
    ("英镑", "英镑"),
    ("新台币", "新台币"),
    ("台币", "新台币"),
    ("新卢布", "卢布"),
    ("卢布", "卢布"),
    ("元", "元"),
    ("人民币", "元"),
    ("人次", "人次"),
    ("车次", "车次"),
    ("架次", "架次"),
    ("航次", "航次"),
    ("班次", "班次"),
    ("户次", "户次"),
    ("人", "人"),
    ("名", "名"),
    ("户", "户"),
    ("家", "家"),
    ("个月", "个月"),
    ("个小时", "小时"),
    ("个", "个"),
    ("项", "项"),
    ("条", "条"),
    ("座", "座"),
    ("所", "所"),
    ("套", "套"),
    ("件", "件"),
    ("张", "张"),
    ("印张", "印张"),
    ("匹", "匹"),
    ("次", "次"),
    ("届", "届"),
    ("场", "场"),
    ("台", "台"),
    ("辆", "辆"),
    ("艘", "艘"),
    ("架", "架"),
    ("部", "部"),
    ("本", "本"),
    ("册", "册"),
    ("篇", "篇"),
    ("处", "处"),
    ("栋", "栋"),
    ("幢", "幢"),
    ("间", "间"),
    ("块", "块"),
    ("片", "片"),
    ("支", "支"),
    ("只", "只"),
    ("头", "头"),
    ("株", "株"),
    ("棵", "棵"),
    ("宗", "宗"),
    ("例", "例"),
    ("起", "起"),
    ("种", "种"),
    ("类", "类"),
    ("款", "款"),
    ("门", "门"),
    ("首", "首"),
    ("对", "对"),
    ("层", "层"),
    ("口", "口"),
    ("列", "列"),
    ("趟", "趟"),
    ("床", "床"),
    ("位", "位"),
    ("分钟", "分钟"),
    ("小时", "小时"),
    ("天", "天"),
    ("周岁", "岁"),
    ("岁", "岁"),
    ("秒", "秒"),
];

/// Words that are a unit only after a number with a magnitude (`万`,
/// `亿`): `二十四亿度` is electricity, `85度` a temperature or an angle;
/// `二十二万伏`, but `危机四伏`; `六百六十万尺` of cloth, but `冰冻三尺`.
const SCALED_UNITS: &[(&str, &str)] = &[("度", "千瓦时"), ("伏", "伏"), ("尺", "尺")];

/// The unit after a number that ends at `j`: `unit_at`, and the words that
/// are a unit only after some numbers: those of `SCALED_UNITS` when the
/// number has a magnitude (`scaled`), and `年` after a decimal
/// (`受教育年限11.3年`; `2020年` is a date, `五年来` a span, `年均` an
/// average).
#[inline]
pub fn unit_after(doc: &Doc, j: usize, scaled: bool, decimal: bool) -> Option<UnitMatch> {
    match unit_at(doc, j) {
        None if scaled || decimal => conditional_unit(doc, j, scaled, decimal),
        found => found,
    }
}

#[inline(never)]
fn conditional_unit(doc: &Doc, j: usize, scaled: bool, decimal: bool) -> Option<UnitMatch> {
    let c = doc.at(j);
    if scaled {
        if let Some(&(_, canonical)) = SCALED_UNITS.iter().find(|(w, _)| w.starts_with(c)) {
            return Some(UnitMatch { len: 1, canonical });
        }
    }
    (decimal && c == '年' && !matches!(doc.at(j + 1), '均' | '度' | '代' | '底' | '末' | '初')).then_some(UnitMatch { len: 1, canonical: "年" })
}

/// Whether `unit` (canonical) is a unit of measure (money, weight, length,
/// area, volume, energy, a share), of which one is a quantity (`近一吨`,
/// `一美元`), and not a classifier (`个`, `项`, `家`), of which one is
/// mostly a word (`一个`, `一项`, `一家`).
pub fn is_measure(unit: &str) -> bool {
    const MEASURES: &[&str] = &[
        "元",
        "美元",
        "欧元",
        "港元",
        "日元",
        "英镑",
        "新台币",
        "卢布",
        "吨",
        "千克",
        "公斤",
        "克",
        "斤",
        "担",
        "公里",
        "米",
        "厘米",
        "毫米",
        "平方公里",
        "平方米",
        "立方米",
        "公顷",
        "亩",
        "千瓦",
        "千瓦时",
        "兆瓦",
        "吉瓦",
        "千伏",
        "升",
        "桶",
        "标箱",
        "‰",
        "‱",
        "个百分点",
    ];
    MEASURES.contains(&unit) || unit.contains('/')
}

/// `UNITS` by first character, in list order within a character (the
/// longer of two units that share a start comes first there).
fn by_first() -> &'static WordIndex<&'static str> {
    static INDEX: OnceLock<WordIndex<&'static str>> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::with(UNITS.iter().copied(), false))
}

/// Denominators of compound units (`元/月`, `吨/日`, `元/人`).
const PER: &[&str] = &["平方米", "立方米", "公里", "小时", "公斤", "月", "日", "天", "年", "人", "吨", "户", "亩", "次", "千瓦时", "标箱"];

/// The unit written at `i`, if any, with a `/denominator` attached.
pub fn unit_at(doc: &Doc, i: usize) -> Option<UnitMatch> {
    let c = doc.at(i);
    if c.is_ascii_alphanumeric() || c == '\n' {
        return None;
    }
    for (word, canonical) in by_first().entries_for(c) {
        if doc.starts_with(i, word) {
            // 十亿人口, 六万万人民: a noun, not a count of 人
            if word == "人" && matches!(doc.at(i + 1), '口' | '民') {
                return None;
            }
            let len = word.chars().count();
            if let Some(per) = compound(doc, i + len) {
                return Some(UnitMatch { len: len + 1 + per.0, canonical: per_unit(canonical, per.1) });
            }
            return Some(UnitMatch { len, canonical });
        }
    }
    None
}

/// `/月` after a unit: (length of the denominator, the denominator).
fn compound(doc: &Doc, i: usize) -> Option<(usize, &'static str)> {
    if doc.at(i) != '/' {
        return None;
    }
    PER.iter().find(|p| doc.starts_with(i + 1, p)).map(|p| (p.chars().count(), *p))
}

/// Canonical compound units. Kept as a closed list so the output is
/// `&'static str`; an unlisted pair falls back to the numerator.
fn per_unit(num: &'static str, den: &'static str) -> &'static str {
    const PAIRS: &[(&str, &str, &str)] = &[
        ("元", "月", "元/月"),
        ("元", "年", "元/年"),
        ("元", "人", "元/人"),
        ("元", "日", "元/日"),
        ("元", "天", "元/天"),
        ("元", "吨", "元/吨"),
        ("元", "平方米", "元/平方米"),
        ("元", "亩", "元/亩"),
        ("元", "户", "元/户"),
        ("元", "千瓦时", "元/千瓦时"),
        ("元", "次", "元/次"),
        ("吨", "日", "吨/日"),
        ("吨", "天", "吨/天"),
        ("吨", "年", "吨/年"),
        ("吨", "小时", "吨/小时"),
        ("立方米", "日", "立方米/日"),
        ("立方米", "秒", "立方米/秒"),
        ("公里", "小时", "公里/小时"),
        ("千米", "小时", "公里/小时"),
        ("米", "秒", "米/秒"),
        ("人", "日", "人/日"),
        ("人次", "日", "人次/日"),
        ("千克", "亩", "千克/亩"),
        ("公斤", "亩", "公斤/亩"),
        ("标箱", "年", "标箱/年"),
    ];
    PAIRS.iter().find(|(n, d, _)| *n == num && *d == den).map_or(num, |p| p.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_keeps_every_unit_in_list_order() {
        by_first().assert_holds(UNITS, false);
    }

    /// Every unit the core can report has an English gloss
    /// (src/glossary/glossary.tsv), compound units included.
    #[test]
    fn every_unit_has_an_english_gloss() {
        let mut missing = Vec::new();
        for &(_, canonical) in UNITS {
            for unit in std::iter::once(canonical).chain(PER.iter().map(|den| per_unit(canonical, den))) {
                if crate::glossary::unit_en(unit).is_none() && !missing.contains(&unit) {
                    missing.push(unit);
                }
            }
        }
        for unit in ["ratio", "番"] {
            if crate::glossary::unit_en(unit).is_none() {
                missing.push(unit);
            }
        }
        assert!(missing.is_empty(), "units with no English in src/glossary/glossary.tsv: {missing:?}");
    }

    #[test]
    fn canonical_units() {
        let cases: &[(&str, Option<(usize, &str)>)] = &[
            ("个百分点", Some((4, "个百分点"))),
            ("個百分點", Some((4, "个百分点"))),
            ("百分点", Some((3, "个百分点"))),
            ("％", Some((1, "%"))),
            ("个月", Some((2, "个月"))),
            ("个", Some((1, "个"))),
            ("万", None),
            ("微克／立方米", Some((6, "微克/立方米"))),
            ("元/月", Some((3, "元/月"))),
            ("吨/日", Some((3, "吨/日"))),
            ("标箱", Some((2, "标箱"))),
            ("標準箱", Some((3, "标箱"))),
            ("年", None),
            ("公里", Some((2, "公里"))),
        ];
        for &(s, want) in cases {
            let d = Doc::new(s);
            assert_eq!(unit_at(&d, 0).map(|u| (u.len, u.canonical)), want, "{s}");
        }
    }
}
