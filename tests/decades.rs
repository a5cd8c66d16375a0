//! Real sentences from the national government work reports of every
//! decade in tests/data/national/ (1954 … 2024), each read where it stands
//! in its report (its part of the report decides a status as much as its
//! words): one line per figure, with the value, unit, kind, comparator,
//! status and horizon a careful reader gives it. Then every annual GDP
//! growth target of the even-year reports from 1995 on, sentences in the
//! style of the reports the corpus lacks (1999, 2003), and issue 15's
//! cases of kind, status, horizon, metric and year as one-line tables.
//!
//! A figure is found by the sentence it stands in (copied from the report,
//! in the report's own script: 1954's is traditional) and its text as
//! written. Cases whose figures the number reader does not find yet
//! (`二百二十四亿五千万度`, `百分之四到五`) are left out: this table is
//! about attributes.

use std::collections::HashMap;
use std::path::Path;
use zhibiao::{annotate, Annotation, Comparator as C, Horizon as H, Indicator, Kind as K, Status as S};

/// (report year, sentence, value_text, value, value_max, unit, kind,
/// comparator, status, horizon)
type Case<'a> = (u16, &'a str, &'a str, f64, Option<f64>, &'a str, K, C, S, H);

const DECADES: &[Case] = &[
    // 1950s
    (1954, "在恢復期間工業總産值平均每年遞增百分之三十六點九", "百分之三十六點九", 36.9, None, "%", K::Change, C::Eq, S::Actual, H::Average),
    (1954, "但是一九五三年工業總産值仍然比一九五二年增加了百分之三十三", "百分之三十三", 33.0, None, "%", K::Change, C::Eq, S::Actual, H::Year),
    (1954, "預計明年春耕時將達五十萬個以上", "五十萬個", 500_000.0, None, "个", K::Level, C::Ge, S::Estimate, H::Year),
    (1954, "五年來國家財政用於經濟建設的經費共達三百二十八萬億元", "三百二十八萬億元", 3.28e14, None, "元", K::Level, C::Eq, S::Actual, H::Total),
    (1954, "其中在一九五三和一九五四兩年合計就有二百萬億元", "二百萬億元", 2e14, None, "元", K::Level, C::Eq, S::Actual, H::Total),
    (1956, "邮电业务总量比１９５４年增长了１３％", "１３％", 13.0, None, "%", K::Change, C::Eq, S::Actual, H::Year),
    (1956, "此外，本年将发放农业贷款２２亿元，比上年增长一倍以上", "２２亿元", 2.2e9, None, "元", K::Level, C::Eq, S::Target, H::Year),
    (1956, "此外，本年将发放农业贷款２２亿元，比上年增长一倍以上", "一倍", 1.0, None, "倍", K::Change, C::Ge, S::Target, H::Year),
    (1958, "发电量拟定为二百二十四亿五千万度，将比一九五七年增长百分之十八", "百分之十八", 18.0, None, "%", K::Change, C::Eq, S::Target, H::Year),
    (
        1958,
        "一九五三年到一九五七年五年基本建设总投资额累计完成四百八十七亿七千七百万元",
        "四百八十七亿七千七百万元",
        48_777_000_000.0,
        None,
        "元",
        K::Level,
        C::Eq,
        S::Actual,
        H::Total,
    ),
    (1958, "根据预计，一九五七年比一九五六年，粮食增加了五十亿斤，达到三千七百亿斤", "五十亿斤", 5e9, None, "斤", K::Change, C::Eq, S::Estimate, H::Year),
    (1958, "根据预计，一九五七年比一九五六年，粮食增加了五十亿斤，达到三千七百亿斤", "三千七百亿斤", 3.7e11, None, "斤", K::Level, C::Eq, S::Estimate, H::Year),
    (1958, "比上一年，原煤增产了一千八百二十六万吨", "一千八百二十六万吨", 18_260_000.0, None, "吨", K::Change, C::Eq, S::Actual, H::Year),
    // 1960s
    (1960, "一九五九年全年养猪二亿七千万头", "二亿七千万头", 2.7e8, None, "头", K::Level, C::Eq, S::Actual, H::Year),
    (1960, "人民公社兴办的农村工业，一九五九年的产值达到一百亿元左右", "一百亿元", 1e10, None, "元", K::Level, C::Approx, S::Actual, H::Year),
    (1960, "全国粮食总产量，在过去四年中共增加了一千九百零五亿斤", "一千九百零五亿斤", 1.905e11, None, "斤", K::Change, C::Eq, S::Actual, H::Total),
    (1964, "一九六四年全国工业总产值，预计比一九六三年增长百分之十五以上", "百分之十五", 15.0, None, "%", K::Change, C::Ge, S::Estimate, H::Year),
    (1964, "一九六五年计划草案拟定，农业总产值比一九六四年增长百分之五左右", "百分之五", 5.0, None, "%", K::Change, C::Approx, S::Target, H::Year),
    (1964, "全国拥有的农业用拖拉机台数比一九五七年增长四倍", "四倍", 4.0, None, "倍", K::Change, C::Eq, S::Actual, H::Total),
    // 1970s
    (1978, "接照十年规划，到一九八五年，粮食产量达到八千亿斤，钢产量六千万吨", "八千亿斤", 8e11, None, "斤", K::Level, C::Eq, S::Target, H::Plan),
    (1978, "接照十年规划，到一九八五年，粮食产量达到八千亿斤，钢产量六千万吨", "六千万吨", 6e7, None, "吨", K::Level, C::Eq, S::Target, H::Plan),
    (1978, "工业总产值每年要增长百分之十以上", "百分之十", 10.0, None, "%", K::Change, C::Ge, S::Target, H::Average),
    (1978, "大庆原油产量在十七年间平均每年增长百分之二十八", "百分之二十八", 28.0, None, "%", K::Change, C::Eq, S::Actual, H::Average),
    // 1980s
    (1980, "农业，粮食产量34，250万吨", "34，250万吨", 342_500_000.0, None, "吨", K::Level, C::Eq, S::Target, H::Year),
    (1982, "我国工农业总产值计划增长百分之二十一点七，平均每年递增百分之四", "百分之二十一点七", 21.7, None, "%", K::Change, C::Eq, S::Target, H::Plan),
    (1982, "我国工农业总产值计划增长百分之二十一点七，平均每年递增百分之四", "百分之四", 4.0, None, "%", K::Change, C::Eq, S::Target, H::Average),
    (1982, "工农业总产值的增长速度，一九八一年计划为百分之三点七，实际达到百分之四点六", "百分之三点七", 3.7, None, "%", K::Change, C::Eq, S::Target, H::Year),
    (1982, "工农业总产值的增长速度，一九八一年计划为百分之三点七，实际达到百分之四点六", "百分之四点六", 4.6, None, "%", K::Change, C::Eq, S::Actual, H::Year),
    (1982, "一九八二年计划为百分之四，预计可以达到百分之六点四", "百分之六点四", 6.4, None, "%", K::Change, C::Eq, S::Estimate, H::Year),
    (1982, "全国城镇全民所有制单位五年合计建成住宅三亿一千万平方米", "三亿一千万平方米", 3.1e8, None, "平方米", K::Level, C::Eq, S::Target, H::Total),
    (1984, "职工家庭按人口平均的生活费收入达到５２６元，比上年增长６．４％", "５２６元", 526.0, None, "元", K::Level, C::Eq, S::Actual, H::Year),
    (1984, "职工家庭按人口平均的生活费收入达到５２６元，比上年增长６．４％", "６．４％", 6.4, None, "%", K::Change, C::Eq, S::Actual, H::Year),
    (1986, "在过去的五年中，我国工农业总产值平均每年增长百分之十一", "百分之十一", 11.0, None, "%", K::Change, C::Eq, S::Actual, H::Average),
    (1986, "五年内全国工农业总产值增长百分之三十八", "百分之三十八", 38.0, None, "%", K::Change, C::Eq, S::Target, H::Plan),
    (1986, "一九八五年末达到一千六百二十三亿元，比一九八○年末增长三倍", "三倍", 3.0, None, "倍", K::Change, C::Eq, S::Actual, H::Total),
    (
        1988,
        "国民生产总值１９８７年达到１０９２０亿元，按可比价格计算平均每年增长１１．１％",
        "１０９２０亿元",
        1.092e12,
        None,
        "元",
        K::Level,
        C::Eq,
        S::Actual,
        H::Year,
    ),
    (
        1988,
        "国民生产总值１９８７年达到１０９２０亿元，按可比价格计算平均每年增长１１．１％",
        "１１．１％",
        11.1,
        None,
        "%",
        K::Change,
        C::Eq,
        S::Actual,
        H::Average,
    ),
    (1988, "使国民生产总值达到１５５００亿元左右，平均每年增长７．５％左右", "１５５００亿元", 1.55e12, None, "元", K::Level, C::Approx, S::Target, H::Plan),
    (1988, "使国民生产总值达到１５５００亿元左右，平均每年增长７．５％左右", "７．５％", 7.5, None, "%", K::Change, C::Approx, S::Target, H::Average),
    // 1990s
    (1992, "１９９１年国民生产总值比上年增长百分之七", "百分之七", 7.0, None, "%", K::Change, C::Eq, S::Actual, H::Year),
    (1994, "根据这个要求，今年计划国内生产总值增长百分之九", "百分之九", 9.0, None, "%", K::Change, C::Eq, S::Target, H::Year),
    (1998, "按可比价格计算，平均每年增长1 1 ％", "1 1 ％", 11.0, None, "%", K::Change, C::Eq, S::Actual, H::Average),
    (1998, "五年来城镇新增就业3 5 5 5 万人", "3 5 5 5 万人", 35_550_000.0, None, "人", K::Level, C::Eq, S::Actual, H::Total),
    (1998, "商品零售价格涨幅控制在3 ％以内", "3 ％", 3.0, None, "%", K::Change, C::Le, S::Target, H::Year),
    // 2000s
    (2000, "全年工业企业实现利润2202亿元，比上年增长 52％", "52％", 52.0, None, "%", K::Change, C::Eq, S::Actual, H::Year),
    (2002, "２００１年国内生产总值达到９５９３３亿元，比上年增长７．３％", "９５９３３亿元", 9.5933e12, None, "元", K::Level, C::Eq, S::Actual, H::Year),
    (2002, "２００１年国内生产总值达到９５９３３亿元，比上年增长７．３％", "７．３％", 7.3, None, "%", K::Change, C::Eq, S::Actual, H::Year),
    (2004, "城镇新增就业859万人，下岗失业人员再就业440万人", "859万人", 8_590_000.0, None, "人", K::Level, C::Eq, S::Actual, H::Year),
    (2006, "今后五年国内生产总值年均增长7.5%", "7.5%", 7.5, None, "%", K::Change, C::Eq, S::Target, H::Average),
    (2006, "今后五年国家财政新增义务教育经费累计将达2182亿元", "2182亿元", 2.182e11, None, "元", K::Level, C::Eq, S::Target, H::Total),
    (2006, "2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%", "57.3%", 57.3, None, "%", K::Change, C::Eq, S::Actual, H::Total),
    (2006, "2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%", "9.5%", 9.5, None, "%", K::Change, C::Eq, S::Actual, H::Average),
    (2008, "2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%", "24.66万亿元", 2.466e13, None, "元", K::Level, C::Eq, S::Actual, H::Year),
    (2008, "2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%", "65.5%", 65.5, None, "%", K::Change, C::Eq, S::Actual, H::Total),
    (2008, "2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%", "10.6%", 10.6, None, "%", K::Change, C::Eq, S::Actual, H::Average),
    (2008, "全国财政用于教育支出五年累计2.43万亿元", "2.43万亿元", 2.43e12, None, "元", K::Level, C::Eq, S::Actual, H::Total),
    // 2010s
    (2010, "粮食产量5.31亿吨，再创历史新高", "5.31亿吨", 5.31e8, None, "吨", K::Level, C::Eq, S::Actual, H::Year),
    (2012, "国内生产总值47.2万亿元，比上年增长9.2％", "9.2％", 9.2, None, "%", K::Change, C::Eq, S::Actual, H::Year),
    (2014, "把增长预期目标定在7.5%左右", "7.5%", 7.5, None, "%", K::Change, C::Approx, S::Target, H::Year),
    (2016, "国内生产总值年均增长7.8%", "7.8%", 7.8, None, "%", K::Change, C::Eq, S::Actual, H::Average),
    (2016, "到2020年，常住人口城镇化率达到60%、户籍人口城镇化率达到45%", "60%", 60.0, None, "%", K::Level, C::Eq, S::Target, H::Plan),
    (2016, "“十三五”时期经济年均增长保持在6.5%以上", "6.5%", 6.5, None, "%", K::Change, C::Ge, S::Target, H::Average),
    (2016, "城镇新增就业人数超过6400万人", "6400万人", 6.4e7, None, "人", K::Level, C::Gt, S::Actual, H::Total),
    (2018, "国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%", "54万亿元", 5.4e13, None, "元", K::Level, C::Eq, S::Actual, H::Year),
    (2018, "国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%", "7.1%", 7.1, None, "%", K::Change, C::Eq, S::Actual, H::Average),
    (2018, "脱贫攻坚取得决定性进展，贫困人口减少6800多万", "6800多万", 6.8e7, None, "", K::Change, C::Gt, S::Actual, H::Total),
    (2018, "累计减税超过2万亿元", "2万亿元", 2e12, None, "元", K::Level, C::Gt, S::Actual, H::Total),
    // 2020s
    (2022, "国内生产总值达到114万亿元，增长8.1%", "8.1%", 8.1, None, "%", K::Change, C::Eq, S::Actual, H::Year),
    (2022, "今年赤字率拟按2.8%左右安排", "2.8%", 2.8, None, "%", K::Level, C::Approx, S::Target, H::Year),
    (2024, "预计今年高校毕业生超过1170万人", "1170万人", 1.17e7, None, "人", K::Level, C::Gt, S::Estimate, H::Year),
    (2024, "国内生产总值超过126万亿元，增长5.2%", "126万亿元", 1.26e14, None, "元", K::Level, C::Gt, S::Actual, H::Year),
    (2024, "赤字率拟按3%安排，赤字规模4.06万亿元", "4.06万亿元", 4.06e12, None, "元", K::Level, C::Eq, S::Target, H::Year),
];

/// Every annual GDP growth target the even-year reports from 1995 on
/// state: (report year, sentence, value_text, value, value_max, comparator).
/// The 2000 and 2002 texts here give the year's target in no number
/// (`GDP_TARGETLESS`); 2014, 2016 and 2024 state it twice.
/// (report year, sentence, value_text, value, value_max, comparator)
type GdpTarget = (u16, &'static str, &'static str, f64, Option<f64>, C);
const GDP_TARGETS: &[GdpTarget] = &[
    (1998, "今年国民经济宏观调控的主要目标是：经济增长速度8 ％", "8 ％", 8.0, None, C::Eq),
    (2004, "中央提出今年经济增长预期目标为7%左右", "7%", 7.0, None, C::Approx),
    (2006, "2006年国民经济和社会发展的主要预期目标是：国内生产总值增长8%左右", "8%", 8.0, None, C::Approx),
    (2008, "保护环境的基础上，国内生产总值增长8%左右", "8%", 8.0, None, C::Approx),
    (2010, "国内生产总值增长8％左右；城镇新增就业900万人以上", "8％", 8.0, None, C::Approx),
    (2012, "国内生产总值增长7.5％；城镇新增就业900万人以上", "7.5％", 7.5, None, C::Eq),
    (2014, "今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右", "7.5%", 7.5, None, C::Approx),
    (2014, "把增长预期目标定在7.5%左右", "7.5%", 7.5, None, C::Approx),
    (2016, "今年发展的主要预期目标是：国内生产总值增长6.5%－7%", "6.5%－7%", 6.5, Some(7.0), C::Eq),
    (2016, "经济增长预期目标6.5%－7%", "6.5%－7%", 6.5, Some(7.0), C::Eq),
    (2018, "今年发展主要预期目标是：国内生产总值增长6.5%左右", "6.5%", 6.5, None, C::Approx),
    (2022, "今年发展主要预期目标是：国内生产总值增长5.5%左右", "5.5%", 5.5, None, C::Approx),
    (2024, "今年发展主要预期目标是：国内生产总值增长5%左右", "5%", 5.0, None, C::Approx),
    (2024, "经济增长预期目标为5%左右", "5%", 5.0, None, C::Approx),
];

/// Even-year reports from 1995 on whose text here states no GDP target.
const GDP_TARGETLESS: &[u16] = &[2000, 2002];

fn report(cache: &mut HashMap<u16, (String, Annotation)>, year: u16) -> &(String, Annotation) {
    cache.entry(year).or_insert_with(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/national/national-{year}.txt"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let a = annotate(&text);
        (text, a)
    })
}

/// The indicator written `value_text` in `sentence`, which must occur
/// once in `text`.
fn figure<'a>(text: &str, a: &'a Annotation, sentence: &str, value_text: &str) -> &'a Indicator {
    let at = text.find(sentence).unwrap_or_else(|| panic!("not in the report: {sentence}"));
    assert!(text[at + sentence.len()..].find(sentence).is_none(), "more than once in the report: {sentence}");
    let start = text[..at].encode_utf16().count();
    let end = start + sentence.encode_utf16().count();
    a.indicators.iter().find(|i| i.start >= start && i.end <= end && i.value_text == value_text).unwrap_or_else(|| {
        panic!(
            "{sentence}: no {value_text}; found {:?}",
            a.indicators.iter().filter(|i| i.start >= start && i.end <= end).map(|i| &i.value_text).collect::<Vec<_>>()
        )
    })
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * y.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn report_sentences_of_every_decade() {
    let mut cache = HashMap::new();
    let mut wrong = Vec::new();
    for &(year, sentence, vt, value, value_max, unit, kind, cmp, status, horizon) in DECADES {
        let (text, a) = report(&mut cache, year);
        let i = figure(text, a, sentence, vt);
        let unit = (!unit.is_empty()).then_some(unit);
        let got = (i.unit.as_deref(), i.kind, i.comparator, i.status, i.horizon);
        if !close(i.value, Some(value)) || !close(i.value_max, value_max) || got != (unit, kind, cmp, status, horizon) {
            wrong.push(format!("{year} {vt} in {sentence}: got {:?} {:?} {got:?}", i.value, i.value_max));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // every decade of the corpus, at least three figures each
    for decade in (1950..=2020).step_by(10) {
        let n = DECADES.iter().filter(|c| (c.0 as i32) / 10 * 10 == decade).count();
        assert!(n >= 3, "{decade}s: {n} cases");
    }
}

#[test]
fn gdp_growth_targets_of_the_even_year_reports() {
    let mut cache = HashMap::new();
    let mut wrong = Vec::new();
    for &(year, sentence, vt, value, value_max, cmp) in GDP_TARGETS {
        let (text, a) = report(&mut cache, year);
        let i = figure(text, a, sentence, vt);
        let ok = close(i.value, Some(value))
            && close(i.value_max, value_max)
            && (i.unit.as_deref(), i.kind, i.direction, i.comparator, i.status, i.horizon)
                == (Some("%"), K::Change, Some(zhibiao::Direction::Up), cmp, S::Target, H::Year);
        if !ok {
            wrong.push(format!("{year} {vt}: {i:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // each even-year report from 1998 on is listed, or known to state none
    for year in (1998..=2024).step_by(2) {
        if Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/national/national-{year}.txt")).exists() {
            assert!(GDP_TARGETS.iter().any(|c| c.0 == year) != GDP_TARGETLESS.contains(&year), "{year}: list its GDP target");
        }
    }
    // and those that state none get no growth target of the economy
    for &year in GDP_TARGETLESS {
        let (_, a) = report(&mut cache, year);
        let invented: Vec<_> = a
            .indicators
            .iter()
            .filter(|i| {
                i.status == S::Target
                    && i.unit.as_deref() == Some("%")
                    && i.metric.as_deref().is_some_and(|m| m.contains("国内生产总值") || m.contains("经济增长"))
            })
            .collect();
        assert!(invented.is_empty(), "{year}: {invented:?}");
    }
}

/// (text, value_text, kind, comparator, status, horizon): the GDP targets
/// of reports the corpus lacks, in their style (1999: 经济增长速度预期为;
/// 2003: 经济增长的预期目标为), and issue 15's cases of kind, status and
/// horizon, each in a sentence of its own (a heading line first where the
/// part of the report matters).
const STANDALONE: &[(&str, &str, K, C, S, H)] = &[
    ("今年经济增长速度预期为7％左右。", "7％", K::Change, C::Approx, S::Target, H::Year),
    ("今年经济增长的预期目标为7％左右。", "7％", K::Change, C::Approx, S::Target, H::Year),
    ("2003年经济增长预期目标为7%左右。", "7%", K::Change, C::Approx, S::Target, H::Year),
    // kind
    ("比上年减产120亿公斤。", "120亿公斤", K::Change, C::Eq, S::Actual, H::Year),
    ("粮食增产二千二百万吨。", "二千二百万吨", K::Change, C::Eq, S::Actual, H::Year),
    ("国内生产总值从五十四万亿元增长到八十二万亿元。", "五十四万亿元", K::Level, C::Eq, S::Actual, H::Year),
    ("经济增长预期目标为5%左右。", "5%", K::Change, C::Approx, S::Target, H::Year),
    // status
    ("“十四五”时期主要目标任务\n——经济发展取得新成效。常住人口城镇化率提高到65%。\n", "65%", K::Level, C::Eq, S::Target, H::Plan),
    ("一、2012年工作回顾\n过去一年，年初确定的主要目标全面完成，国内生产总值增长7.8%。\n", "7.8%", K::Change, C::Eq, S::Actual, H::Year),
    ("年初确定的主要目标，国内生产总值增长7.8%，居民消费价格上涨2.6%。", "7.8%", K::Change, C::Eq, S::Actual, H::Year),
    ("较好地完成了年初确定的主要目标，国内生产总值增长7.8%。", "7.8%", K::Change, C::Eq, S::Actual, H::Year),
    ("二、2014年主要任务\n确保全年目标任务全面完成，国内生产总值增长7.5%左右。\n", "7.5%", K::Change, C::Approx, S::Target, H::Year),
    ("二、今年的主要任务\n我们党拥有九千六百多万名党员，要充分发挥党员作用。\n", "九千六百多万名", K::Level, C::Gt, S::Actual, H::Year),
    ("全国有将近五万个合作社。", "五万个", K::Level, C::Approx, S::Actual, H::Year),
    ("水泥增产了将近三十万吨。", "三十万吨", K::Change, C::Approx, S::Actual, H::Year),
    ("从1974年到1976年，全国大约损失工业总产值一千亿元。", "一千亿元", K::Level, C::Eq, S::Actual, H::Year),
    // horizon
    ("五年来，国内生产总值年均增长7.1%，城镇新增就业6600万人以上，贫困人口减少6800多万。", "7.1%", K::Change, C::Eq, S::Actual, H::Average),
    ("五年来，国内生产总值年均增长7.1%，城镇新增就业6600万人以上，贫困人口减少6800多万。", "6600万人", K::Level, C::Ge, S::Actual, H::Total),
    ("五年来，国内生产总值年均增长7.1%，城镇新增就业6600万人以上，贫困人口减少6800多万。", "6800多万", K::Change, C::Gt, S::Actual, H::Total),
    ("过去五年，经济保持较快增长。国内生产总值比2012年增长40%。", "40%", K::Change, C::Eq, S::Actual, H::Total),
    ("今后五年，城镇新增就业5000万人以上。", "5000万人", K::Level, C::Ge, S::Target, H::Plan),
    ("到2035年，人均国内生产总值达到中等发达国家水平，城镇化率达到75%。", "75%", K::Level, C::Eq, S::Target, H::Plan),
    ("到2020年国内生产总值和城乡居民人均收入比2010年翻一番。", "翻一番", K::Change, C::Eq, S::Target, H::Plan),
    ("五年累计新增城镇就业6000万人。", "6000万人", K::Level, C::Eq, S::Actual, H::Total),
    ("平均每年递增百分之四。", "百分之四", K::Change, C::Eq, S::Actual, H::Average),
    ("PM2.5年均浓度下降到35微克/立方米。", "35微克/立方米", K::Level, C::Eq, S::Actual, H::Year),
    ("国营运输的成本将比上年平均降低７．９％。", "７．９％", K::Change, C::Eq, S::Target, H::Year),
    ("2017年，国内生产总值比上年增长6.9%。", "6.9%", K::Change, C::Eq, S::Actual, H::Year),
    ("银行不良贷款率1.36%，比全国低0.55个百分点。", "0.55个百分点", K::Change, C::Eq, S::Actual, H::Year),
];

#[test]
fn standalone_sentences() {
    let mut wrong = Vec::new();
    for &(text, vt, kind, cmp, status, horizon) in STANDALONE {
        let a = annotate(text);
        let Some(i) = a.indicators.iter().find(|i| i.value_text == vt) else {
            wrong.push(format!("{text}: no {vt}"));
            continue;
        };
        if (i.kind, i.comparator, i.status, i.horizon) != (kind, cmp, status, horizon) {
            wrong.push(format!("{text} {vt}: got {:?}", (i.kind, i.comparator, i.status, i.horizon)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// (text, value_text, metric, year): metrics that used to pick up their
/// neighbours, lists that 分别 or a list of subjects spreads, and years
/// written in numerals mixed with digits.
const METRICS_AND_YEARS: &[(&str, &str, Option<&str>, Option<i32>)] = &[
    ("社会消费品零售总额扣除价格因素增长百分之十一点六。", "百分之十一点六", Some("社会消费品零售总额"), None),
    ("中央提出今年经济增长预期目标为7%左右。", "7%", Some("经济增长预期目标"), None),
    ("１９５６年国家预算规定经济建设支出为１００亿元。", "１００亿元", Some("经济建设支出"), Some(1956)),
    ("一九五八年要求猪的头数在年底达到一亿五千万头。", "一亿五千万头", Some("猪的头数"), Some(1958)),
    ("电力一百零八亿度，等于一九四九年的二点五倍。", "二点五倍", Some("电力"), None),
    ("甘蔗和甜菜要求分别增长百分之二十七点五和百分之二十九点五。", "百分之二十七点五", Some("甘蔗"), None),
    ("甘蔗和甜菜要求分别增长百分之二十七点五和百分之二十九点五。", "百分之二十九点五", Some("甜菜"), None),
    ("化学需氧量、二氧化硫排放量分别下降9.66%和13.14%。", "9.66%", Some("化学需氧量"), None),
    ("化学需氧量、二氧化硫排放量分别下降9.66%和13.14%。", "13.14%", Some("二氧化硫排放量"), None),
    ("城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长58.3%和29.2%。", "58.3%", Some("城镇居民人均可支配收入"), None),
    ("城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长58.3%和29.2%。", "29.2%", Some("农村居民人均纯收入"), None),
    ("城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％。", "11.4％", Some("农村居民人均纯收入"), None),
    ("城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%。", "9.8%", Some("城镇居民人均可支配收入"), None),
    ("城乡居民人均可支配收入分别增长8.5%和10%。", "10%", Some("城乡居民人均可支配收入"), None),
    ("中、高等职业教育在校生分别达到2000万人和861万人。", "861万人", Some("中、高等职业教育在校生"), None),
    ("二0一0年全市地区生产总值达到一千亿元。", "一千亿元", Some("地区生产总值"), Some(2010)),
    ("二〇一〇年国内生产总值增长百分之十。", "百分之十", Some("国内生产总值"), Some(2010)),
    ("到二OO五年，粮食产量达到五千亿公斤。", "五千亿公斤", Some("粮食产量"), Some(2005)),
];

#[test]
fn metrics_lists_and_years() {
    let mut wrong = Vec::new();
    for &(text, vt, metric, year) in METRICS_AND_YEARS {
        let a = annotate(text);
        let Some(i) = a.indicators.iter().find(|i| i.value_text == vt) else {
            wrong.push(format!("{text}: no {vt}"));
            continue;
        };
        if (i.metric.as_deref(), i.year) != (metric, year) {
            wrong.push(format!("{text} {vt}: got {:?}", (i.metric.as_deref(), i.year)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // 九亿多人口: never the 口 of 人口 as a metric, whatever the number
    // reader makes of the figure
    for text in ["社会养老保险覆盖9亿多人，我国是13亿多人口的大国。", "我国有十亿多人口。"] {
        let a = annotate(text);
        assert!(a.indicators.iter().all(|i| i.metric.as_deref() != Some("口")), "{text}: {:?}", a.indicators);
    }
}
