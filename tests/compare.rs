//! Targets of one report against results of the next: hand-made pairs that
//! cover every comparator and every rule of what counts as a result, and
//! pairs of real reports (consecutive and not).

use std::path::Path;

use zhibiao::{compare, Comparison, Horizon, Pair, ReasonCode, Verdict, WarningCode};

/// The verdict for the first target of `old` against `new`.
fn verdict(old: &str, new: &str) -> (Verdict, String) {
    let c = compare(old, new);
    let p = c.pairs.first().unwrap_or_else(|| panic!("no target in {old}"));
    (p.verdict, p.reason.clone())
}

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)).unwrap()
}

const PLAN: &str = "一、2017年工作安排\n";
const REVIEW: &str = "一、2017年工作回顾\n";

#[test]
fn every_comparator() {
    // (target sentence, result sentence, verdict)
    let cases: &[(&str, &str, Verdict)] = &[
        // eq, more is better
        ("地区生产总值增长8%。", "全市地区生产总值增长8.1%。", Verdict::Met),
        ("地区生产总值增长8%。", "地区生产总值增长7.9%。", Verdict::Missed),
        // approx: within 0.5 points for a percentage
        ("地区生产总值增长8%左右。", "地区生产总值增长7.6%。", Verdict::Met),
        ("地区生产总值增长8%左右。", "地区生产总值增长7.4%。", Verdict::Missed),
        // approx for an amount: within 5%
        ("固定资产投资6000亿元左右。", "固定资产投资5800亿元。", Verdict::Met),
        ("固定资产投资6000亿元左右。", "固定资产投资5600亿元。", Verdict::Missed),
        // approx, less is better (prices)
        ("居民消费价格涨幅3%左右。", "居民消费价格上涨2%。", Verdict::Met),
        ("居民消费价格涨幅3%左右。", "居民消费价格上涨3.6%。", Verdict::Missed),
        // ge / gt
        ("新增就业30万人以上。", "新增就业31万人。", Verdict::Met),
        ("新增就业30万人以上。", "新增就业29万人。", Verdict::Missed),
        ("高新技术企业超过1000家。", "高新技术企业1200家。", Verdict::Met),
        ("高新技术企业超过1000家。", "高新技术企业1000家。", Verdict::Missed),
        // le / lt
        ("城镇登记失业率控制在3.5%以内。", "城镇登记失业率2.4%。", Verdict::Met),
        ("城镇登记失业率控制在3.5%以内。", "城镇登记失业率3.8%。", Verdict::Missed),
        ("赤字率低于3%。", "赤字率2.9%。", Verdict::Met),
        ("赤字率低于3%。", "赤字率3%。", Verdict::Missed),
        // a fall: a larger fall meets it
        ("单位生产总值能耗下降3%。", "单位生产总值能耗下降3.4%。", Verdict::Met),
        ("单位生产总值能耗下降3%。", "单位生产总值能耗下降2%。", Verdict::Missed),
        ("单位生产总值能耗降低3.4%以上。", "单位生产总值能耗下降20%。", Verdict::Met),
        ("单位生产总值能耗降低3.4%以上。", "单位生产总值能耗上升1%。", Verdict::Missed),
        // a range: its lower bound
        ("地区生产总值增长6.5%—7%。", "地区生产总值增长6.7%。", Verdict::Met),
        ("地区生产总值增长6.5%—7%。", "地区生产总值增长6.2%。", Verdict::Missed),
        // aliases and traditional script
        ("国内生产总值增长6%。", "全國GDP增長6.1%。", Verdict::Met),
        // units differ: found, but not comparable
        ("高新技术企业增长10%。", "高新技术企业增加800家。", Verdict::NotComparable),
        // a result with the unit of the target wins over one without
        ("高新技术企业增长10%。", "高新技术企业增加800家，高新技术企业增长12%。", Verdict::Met),
        // no result measures it
        ("新建绿道200公里。", "碳汇造林4万亩。", Verdict::Unmatched),
    ];
    for &(target, result, want) in cases {
        let (got, reason) = verdict(&format!("{PLAN}{target}\n"), &format!("{REVIEW}{result}\n"));
        assert_eq!(got, want, "{target} → {result}: {reason}");
    }
}

#[test]
fn estimates_count_as_results_and_say_so() {
    let c = compare(&format!("{PLAN}地区生产总值增长8%左右。\n"), &format!("{REVIEW}地区生产总值预计增长8.1%。\n"));
    assert_eq!(c.pairs[0].verdict, Verdict::Met);
    assert!(c.pairs[0].estimate);
    assert!(c.pairs[0].reason.contains("estimate"), "{}", c.pairs[0].reason);
    // a final figure is not marked
    let c = compare(&format!("{PLAN}地区生产总值增长8%左右。\n"), &format!("{REVIEW}地区生产总值增长8.1%。\n"));
    assert!(!c.pairs[0].estimate && !c.pairs[0].reason.contains("estimate"), "{:?}", c.pairs[0]);
}

#[test]
fn summary_counts_every_target() {
    let old = format!("{PLAN}地区生产总值增长8%左右，城镇登记失业率控制在3.5%以内，新建绿道200公里，居民消费价格涨幅3%左右。\n");
    let new = format!("{REVIEW}地区生产总值增长7%，城镇登记失业率2.4%，居民消费价格上涨2.3%。\n");
    let c = compare(&old, &new);
    let s = &c.summary;
    assert_eq!((s.targets, s.met, s.missed, s.unmatched), (4, 2, 1, 1), "{c:#?}");
    // results are never taken from the later report's own targets
    let c = compare(&old, &old);
    assert!(c.pairs.iter().all(|p| p.result.is_none()), "{c:#?}");
}

/// The pair of the target whose value text is `target` in `c`.
fn pair_of<'c>(c: &'c Comparison, target: &str) -> &'c Pair {
    c.pairs.iter().find(|p| p.target.value_text == target).unwrap_or_else(|| panic!("no target {target}: {c:#?}"))
}

/// (target sentence, result paragraph, verdict, the result's value text or
/// "" for none): the headline targets against the wording later reports
/// use for them, and the rules of what counts as a result.
#[test]
fn headline_targets_and_what_counts_as_a_result() {
    const OLD: &str = "二、2016年工作总体部署\n今年发展的主要预期目标是：";
    const NEW: &str = "一、2016年工作回顾\n过去一年，经济社会发展稳中有进。\n";
    let cases: &[(&str, &str, Verdict, &str)] = &[
        ("国内生产总值增长6.5%－7%。", "——经济运行缓中趋稳。国内生产总值达到74.4万亿元，增长6.7%。", Verdict::Met, "6.7%"),
        ("居民消费价格涨幅3%左右。", "——物价稳定。居民消费价格上涨2%。", Verdict::Met, "2%"),
        ("城镇新增就业1100万人以上。", "——就业增长超出预期。全年城镇新增就业1314万人，年末城镇登记失业率4.02%。", Verdict::Met, "1314万人"),
        ("城镇新增就业1000万人以上。", "——就业增长超出预期。全年城镇新增就业980万人。", Verdict::Missed, "980万人"),
        ("城镇登记失业率4.5%以内。", "——就业增长超出预期。全年城镇新增就业1314万人，年末城镇登记失业率4.02%。", Verdict::Met, "4.02%"),
        ("城镇调查失业率全年控制在5.5%以内。", "全国城镇调查失业率平均为5.2%。", Verdict::Met, "5.2%"),
        ("粮食产量1.3万亿斤以上。", "粮食产量1.39万亿斤。", Verdict::Met, "1.39万亿斤"),
        ("单位国内生产总值能耗下降3.4%以上。", "单位国内生产总值能耗下降5%。", Verdict::Met, "5%"),
        // a fall target is never judged against the GDP inside its metric
        ("单位国内生产总值能耗下降3.4%以上。", "国内生产总值增长6.9%。", Verdict::Unmatched, ""),
        ("赤字率3%。", "赤字率2.9%。", Verdict::Met, "2.9%"),
        // 由A提高到B: B is the result, never A
        ("科技进步贡献率达到56%。", "科技进步贡献率由52.2%提高到57.5%。", Verdict::Met, "57.5%"),
        ("科技进步贡献率达到56%。", "科技进步贡献率由52.2%提高到55%。", Verdict::Missed, "55%"),
        // a yearly average or a total over years is never a result
        ("国内生产总值增长7%左右。", "国内生产总值年均增长7.1%。", Verdict::Unmatched, ""),
        ("城镇新增就业1000万人以上。", "五年累计城镇新增就业6600万人。", Verdict::Unmatched, ""),
        ("城镇新增就业1000万人以上。", "过去五年，城镇新增就业6600万人。", Verdict::Unmatched, ""),
        // a result the paragraph dates to another year
        ("国内生产总值增长7%左右。", "2014年，国内生产总值增长7.4%。", Verdict::Unmatched, ""),
        // metrics too generic to name anything
        ("覆盖80%以上。", "覆盖85%。", Verdict::Unmatched, ""),
        ("居住人口1亿人。", "居住人口1.2亿人。", Verdict::Met, "1.2亿人"),
    ];
    for &(target, result, want, value) in cases {
        let c = compare(&format!("{OLD}{target}\n"), &format!("{NEW}{result}\n"));
        let p = c.pairs.first().unwrap_or_else(|| panic!("no target in {target}"));
        assert_eq!(p.verdict, want, "{target} → {result}: {p:#?}");
        assert_eq!(p.result.as_ref().map_or("", |r| r.value_text.as_str()), value, "{target} → {result}: {p:#?}");
        assert!(p.headline, "{target}: not a headline target");
        assert!(c.warning.is_none(), "{:?}", c.warning);
        if let Some(r) = &p.result {
            assert_eq!(r.horizon, Horizon::Year, "{target} → {result}");
            assert_eq!(p.result_year, Some(2016));
            let e = p.result_evidence.as_ref().unwrap();
            assert!(e.text.contains(&r.value_text), "{e:?}");
        }
    }
}

#[test]
fn reasons_name_the_rule() {
    const OLD: &str = "二、2016年工作总体部署\n今年发展的主要预期目标是：";
    const NEW: &str = "一、2016年工作回顾\n";
    let cases: &[(&str, &str, ReasonCode)] = &[
        ("国内生产总值增长6.5%左右。", "国内生产总值增长6.7%。", ReasonCode::AboutMoreIsBetter),
        ("居民消费价格涨幅3%左右。", "居民消费价格上涨2%。", ReasonCode::AboutLessIsBetter),
        ("城镇新增就业1000万人以上。", "城镇新增就业1314万人。", ReasonCode::AtLeast),
        ("城镇登记失业率4.5%以内。", "城镇登记失业率4.02%。", ReasonCode::AtMost),
        ("国内生产总值增长7%左右。", "国内生产总值年均增长7.1%。", ReasonCode::OnlyMultiYearResult),
        ("国内生产总值增长7%左右。", "2014年，国内生产总值增长7.4%。", ReasonCode::NoResultForYear),
        ("新建绿道200公里。", "碳汇造林4万亩。", ReasonCode::NoResult),
        ("覆盖80%以上。", "覆盖85%。", ReasonCode::GenericMetric),
        ("高新技术企业增长10%。", "高新技术企业增加800家。", ReasonCode::UnitsDiffer),
    ];
    for &(target, result, code) in cases {
        let c = compare(&format!("{OLD}{target}\n"), &format!("{NEW}{result}\n"));
        let p = &c.pairs[0];
        assert_eq!(p.reason_code, code, "{target} → {result}: {p:#?}");
        assert!(!p.reason.is_empty());
    }
    // an uncertain match says so
    let c = compare(&format!("{OLD}户籍人口城镇化率达到45%。\n"), &format!("{NEW}城镇化率达到57%。\n"));
    let p = &c.pairs[0];
    assert!(p.match_score < 1.0 && p.match_note.as_deref().is_some_and(|n| n.contains("uncertain")), "{p:#?}");
    assert_eq!(p.match_basis, Some(zhibiao::MatchBasis::Contains));
}

#[test]
fn targets_over_years_or_for_later_years_are_not_judged() {
    let old = "二、2016年工作总体部署\n到2020年，常住人口城镇化率达到60%。“十三五”时期经济年均增长6.5%以上。今年国内生产总值增长6.5%以上。\n";
    let new = "一、2016年工作回顾\n常住人口城镇化率57.4%。国内生产总值增长6.7%。\n";
    let c = compare(old, new);
    assert_eq!(pair_of(&c, "60%").reason_code, ReasonCode::YearNotReviewed, "{c:#?}");
    assert_eq!(pair_of(&c, "60%").verdict, Verdict::NotJudged);
    assert_eq!(pair_of(&c, "6.5%").reason_code, ReasonCode::MultiYearTarget, "{c:#?}");
    assert_eq!(c.summary.not_judged, 2);
    assert_eq!(c.summary.met, 1);
}

#[test]
fn report_years_from_title_byline_or_headings() {
    let cases: &[(&str, Option<i32>)] = &[
        ("2017年广州市政府工作报告\n政府工作报告\n各位代表：\n", Some(2017)),
        ("政府工作报告\n——2018年3月5日在第十三届全国人民代表大会第一次会议上\n各位代表：\n", Some(2018)),
        ("各位代表：\n一、2015年工作回顾\n过去一年……\n", Some(2016)),
        ("各位代表：\n一、过去五年工作回顾\n二、2018年经济社会发展总体要求和政策取向\n三、对2018年政府工作的建议\n", Some(2018)),
        // no year in a heading: the review part's first dated paragraph
        ("各位代表：\n一、去年工作回顾\n2005年，我国社会主义现代化事业取得显著成就。\n二、今年工作\n", Some(2006)),
        ("各位代表：\n一、过去一年工作回顾\n　　2022年是极不平凡的一年。\n", Some(2023)),
        // a year inside a sentence dates nothing
        ("各位代表：\n一、工作回顾\n我们完成了2005年的任务。\n", None),
        ("各位代表：\n一、工作回顾\n", None),
    ];
    for &(text, year) in cases {
        assert_eq!(compare(text, "").years.old, year, "{text}");
    }
}

#[test]
fn consecutive_national_reports_judge_every_headline_target() {
    // national-2017-excerpt.txt: passages of the 2017 report, which reviews
    // 2016 and sets the targets for 2017
    let c = compare(&read("national/national-2016.txt"), &read("compare/national-2017-excerpt.txt"));
    assert!(c.warning.is_none(), "{:?}", c.warning);
    assert_eq!((c.years.old, c.years.new), (Some(2016), Some(2017)));
    let headline: Vec<(&str, Verdict, &str)> = c
        .pairs
        .iter()
        .take_while(|p| p.headline)
        .map(|p| (p.target.value_text.as_str(), p.verdict, p.result.as_ref().map_or("", |r| r.value_text.as_str())))
        .collect();
    assert_eq!(
        headline,
        [
            ("6.5%－7%", Verdict::Met, "6.7%"),
            ("3%", Verdict::Met, "2%"),
            ("1000万人", Verdict::Met, "1314万人"),
            ("4.5%", Verdict::Met, "4.02%"),
            ("3.4%", Verdict::Met, "5%"),
        ]
    );
    assert_eq!(c.summary.headline, 5);
    // headline targets first, then the rest in the report's order
    assert!(c.pairs.iter().skip(5).all(|p| !p.headline));
    assert!(c.pairs[5..].windows(2).all(|w| w[0].target.start < w[1].target.start));

    // the 2018 report reviews five years and only then 2017
    // (`刚刚过去的2017年，…。国内生产总值增长6.9%`): 2017's targets find
    // 2017's figures, never the five-year ones
    let c = compare(&read("compare/national-2017-excerpt.txt"), &read("national/national-2018.txt"));
    assert!(c.warning.is_none(), "{:?}", c.warning);
    let gdp = pair_of(&c, "6.5%");
    assert_eq!((gdp.verdict, gdp.result.as_ref().unwrap().value_text.as_str(), gdp.result_year), (Verdict::Met, "6.9%", Some(2017)));
    let jobs = pair_of(&c, "1100万人");
    assert_eq!((jobs.verdict, jobs.result.as_ref().unwrap().value_text.as_str()), (Verdict::Met, "1351万人"));
    // the 2018 report gives no CPI and no registered unemployment for 2017:
    // honest unmatched, not a five-year average
    assert_eq!(pair_of(&c, "4.5%").verdict, Verdict::Unmatched);
    for p in &c.pairs {
        if let Some(r) = &p.result {
            assert_eq!(r.horizon, Horizon::Year, "{p:#?}");
        }
    }
}

#[test]
fn non_consecutive_reports_warn_and_never_use_multi_year_figures() {
    let c = compare(&read("national/national-2016.txt"), &read("national/national-2018.txt"));
    assert_eq!((c.years.old, c.years.new, c.years.reviewed), (Some(2016), Some(2018), Some(2017)));
    let w = c.warning.as_ref().expect("a warning");
    assert_eq!(w.code, WarningCode::NotConsecutive);
    assert!(w.message.contains("2017") && w.message.contains("2016"), "{}", w.message);
    for p in &c.pairs {
        if let Some(r) = &p.result {
            // only results the 2018 report dates to the target's year
            assert_eq!(r.horizon, Horizon::Year, "{p:#?}");
            assert_eq!(p.result_year, p.target_year, "{p:#?}");
        }
    }
    // the headline targets: GDP never against 年均增长7.1%, jobs never
    // against the five-year 6600万人, so none is judged
    for p in c.pairs.iter().filter(|p| p.headline) {
        assert!(p.result.is_none(), "{p:#?}");
        assert!(matches!(p.verdict, Verdict::Unmatched | Verdict::NotJudged));
    }
    assert_eq!(c.pairs.iter().filter(|p| p.headline).count(), 5);
    assert_eq!(pair_of(&c, "6.5%－7%").reason_code, ReasonCode::NoResultForYear);
}

#[test]
fn evidence_is_bounded_and_slices_the_text() {
    let old = read("national/national-2016.txt");
    let new = read("compare/national-2017-excerpt.txt");
    let c = compare(&old, &new);
    let u16: Vec<u16> = old.encode_utf16().collect();
    let n16: Vec<u16> = new.encode_utf16().collect();
    for p in &c.pairs {
        let e = &p.target_evidence;
        assert_eq!(String::from_utf16(&u16[e.start..e.end]).unwrap(), e.text);
        assert!(e.start <= p.target.start && p.target.end <= e.end, "{e:?}");
        assert!(e.text.chars().count() <= 2 * 60 + 1 + p.target.value_text.chars().count(), "{e:?}");
        if let (Some(e), Some(r)) = (&p.result_evidence, &p.result) {
            assert_eq!(String::from_utf16(&n16[e.start..e.end]).unwrap(), e.text);
            assert!(e.start <= r.start && r.end <= e.end);
        }
    }
    // a sentence of 5 000 figures: every evidence stays short, so the
    // output grows with the input, not with its square
    let long: String = (0..5000).map(|i| format!("新建绿道{}公里，", i + 1)).collect();
    let c = compare(&format!("{PLAN}{long}。\n"), &format!("{REVIEW}{long}。\n"));
    assert!(c.pairs.iter().all(|p| p.target_evidence.text.chars().count() < 140), "long evidence");
}

#[test]
fn a_city_report_pair_with_a_byline_and_estimates() {
    // gz-2018-excerpt.txt: a hand-written passage in the style of the
    // Guangzhou 2018 report (byline, 预计, a five-year paragraph); its
    // figures are for the test, not quoted from the report
    let c = compare(&read("gz-2017-government-work-report.txt"), &read("compare/gz-2018-excerpt.txt"));
    assert_eq!((c.years.old, c.years.new), (Some(2017), Some(2018)));
    assert!(c.warning.is_none());
    let headline: Vec<(&str, Verdict, &str, bool)> = c
        .pairs
        .iter()
        .take_while(|p| p.headline)
        .map(|p| (p.metric_key.as_deref().unwrap_or(""), p.verdict, p.result.as_ref().map_or("", |r| r.value_text.as_str()), p.estimate))
        .collect();
    assert_eq!(
        headline,
        [
            ("生产总值", Verdict::Missed, "7%", true),
            ("一般公共预算收入", Verdict::Met, "10.9%", false),
            ("固定资产投资", Verdict::Missed, "5.7%", false),
            ("社会消费品零售", Verdict::Met, "8%", false),
            ("商品出口总值", Verdict::Met, "12.3%", false),
            ("居民消费价格", Verdict::Met, "2.3%", false),
            ("城镇登记失业率", Verdict::Met, "2.4%", false),
        ]
    );
    assert!(c.pairs[0].reason.ends_with("(the result is an estimate)"), "{}", c.pairs[0].reason);
    // the five-year average and total are no result; the 2020 plan
    // targets are not judged
    assert!(c.pairs.iter().all(|p| p.result.iter().all(|r| r.horizon == Horizon::Year)));
    assert!(c.pairs.iter().any(|p| p.reason_code == ReasonCode::YearNotReviewed && p.target_year == Some(2020)));
}
