//! Targets of one report against results of the next: hand-made pairs that
//! cover every comparator, and pairs of real reports.

use zhibiao::{annotate, compare, Verdict};

/// The verdict for the first target of `old` against `new`.
fn verdict(old: &str, new: &str) -> (Verdict, String) {
    let c = compare(&annotate(old), &annotate(new));
    let p = c.pairs.first().unwrap_or_else(|| panic!("no target in {old}"));
    (p.verdict, p.reason.clone())
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
    let c = compare(&annotate(&format!("{PLAN}地区生产总值增长8%左右。\n")), &annotate(&format!("{REVIEW}地区生产总值预计增长8.1%。\n")));
    assert_eq!(c.pairs[0].verdict, Verdict::Met);
    assert!(c.pairs[0].reason.contains("estimate"), "{}", c.pairs[0].reason);
}

#[test]
fn summary_counts_every_target() {
    let old = format!("{PLAN}地区生产总值增长8%左右，城镇登记失业率控制在3.5%以内，新建绿道200公里，居民消费价格涨幅3%左右。\n");
    let new = format!("{REVIEW}地区生产总值增长7%，城镇登记失业率2.4%，居民消费价格上涨2.3%。\n");
    let c = compare(&annotate(&old), &annotate(&new));
    let s = &c.summary;
    assert_eq!((s.targets, s.met, s.missed, s.unmatched), (4, 2, 1, 1), "{c:#?}");
    // results are never taken from the later report's own targets
    let c = compare(&annotate(&old), &annotate(&old));
    assert_eq!(c.summary.unmatched, 4);
}

#[test]
fn real_reports_pair_their_headline_figures() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/national");
    // 2022 sets its targets; 2024 reviews 2023: the kinds of figure are
    // the same from year to year, so the headline targets find results
    let old = annotate(&std::fs::read_to_string(data.join("national-2022.txt")).unwrap());
    let new = annotate(&std::fs::read_to_string(data.join("national-2024.txt")).unwrap());
    let c = compare(&old, &new);
    let matched: Vec<String> = c
        .pairs
        .iter()
        .filter(|p| p.result.is_some())
        .map(|p| p.metric_key.clone().unwrap_or_default())
        .collect();
    for key in ["生产总值", "城镇新增就业", "居民消费价格"] {
        assert!(matched.iter().any(|k| k == key), "no pair for {key}: {matched:?}");
    }
    // every pair is of one kind and one unit
    for p in c.pairs.iter().filter(|p| p.verdict == Verdict::Met || p.verdict == Verdict::Missed) {
        let r = p.result.as_ref().unwrap();
        assert_eq!((p.target.kind, &p.target.unit), (r.kind, &r.unit));
    }
}
