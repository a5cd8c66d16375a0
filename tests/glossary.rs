//! The English glossary (src/glossary/glossary.tsv, src/glossary/): its coverage
//! of the indicators of the 26 national reports, and the exact English of
//! the terms that matter most.
//!
//! `cargo test --release --test glossary -- --nocapture` prints the
//! coverage and the most frequent metrics with no gloss. With
//! `GLOSSARY_DUMP=FILE` it also writes every metric of the national reports
//! with its count and gloss (`count<TAB>metric<TAB>English`), for review.

use std::collections::HashMap;
use std::fs;
use zhibiao::glossary::{metric_en, unit_en};

/// Issue 20's target: the share of indicators (by count) whose metric and
/// unit are both glossed.
const TARGET: f64 = 0.90;

/// What the test enforces: the share measured (85.0 %: 2356 of 2771;
/// 79.9 % before 1992, 92.2 % from 1992 on), rounded down to 0.01. TARGET
/// is not met overall: most of the indicators left of the reports before
/// 1992 carry a metric the core took with its neighbouring words or a
/// verb phrase (`在今年内可以建设完工`, `国家经济委员会和煤炭工业部给他们
/// 原定的煤炭产量的指标`, `只完成原定`, `水平超过`) or none at all (72),
/// and a phrase that is not a term is left without a gloss rather than
/// forced into one. Raise this as the core's metrics improve.
const FLOOR: f64 = 0.85;

/// Reports from this year on (whose metrics the core reads well) must
/// reach TARGET on their own.
const RECENT: u32 = 1992;

#[test]
fn coverage_of_the_national_reports() {
    let mut paths: Vec<_> = fs::read_dir("tests/data/national")
        .expect("tests/data/national")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 26, "the 26 national reports");

    let (mut total, mut covered, mut metric_ok, mut unit_ok, mut no_metric) = (0usize, 0usize, 0usize, 0usize, 0usize);
    // (indicators, covered) of the reports before RECENT and from RECENT on
    let mut periods = [(0usize, 0usize); 2];
    let mut unglossed: HashMap<String, usize> = HashMap::new();
    let mut unglossed_units: HashMap<String, usize> = HashMap::new();
    let mut all: HashMap<String, usize> = HashMap::new();
    for path in &paths {
        let text = fs::read_to_string(path).expect("a UTF-8 report");
        // national-YYYY.txt
        let year: u32 = path.to_string_lossy().rsplit('-').next().and_then(|y| y.get(..4)?.parse().ok()).expect("a year");
        let period = &mut periods[(year >= RECENT) as usize];
        for ind in zhibiao::annotate(&text).indicators {
            period.0 += 1;
            total += 1;
            let m = match &ind.metric {
                Some(m) => {
                    *all.entry(m.clone()).or_default() += 1;
                    let ok = metric_en(m).is_some();
                    if !ok {
                        *unglossed.entry(m.clone()).or_default() += 1;
                    }
                    ok
                }
                None => {
                    no_metric += 1;
                    false
                }
            };
            let u = match &ind.unit {
                Some(u) => {
                    let ok = unit_en(u).is_some();
                    if !ok {
                        *unglossed_units.entry(u.clone()).or_default() += 1;
                    }
                    ok
                }
                None => true,
            };
            metric_ok += m as usize;
            unit_ok += u as usize;
            covered += (m && u) as usize;
            period.1 += (m && u) as usize;
        }
    }

    let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    let share = covered as f64 / total as f64;
    println!("glossary coverage of the national reports ({} indicators):", total);
    println!("  metric and unit glossed: {covered} ({:.1} %)", pct(covered, total));
    println!("  metric glossed: {metric_ok} ({:.1} %); of those with a metric: {:.1} %", pct(metric_ok, total), pct(metric_ok, total - no_metric));
    println!("  unit glossed or none: {unit_ok} ({:.1} %)", pct(unit_ok, total));
    println!("  no metric found by the core: {no_metric}");
    println!(
        "  reports before {RECENT}: {:.1} % of {}; from {RECENT} on: {:.1} % of {}",
        pct(periods[0].1, periods[0].0),
        periods[0].0,
        pct(periods[1].1, periods[1].0),
        periods[1].0
    );
    println!("  issue 20's target, {:.0} % of all: {}", 100.0 * TARGET, if share >= TARGET { "met" } else { "not met" });
    let mut top: Vec<_> = unglossed.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("  most frequent metrics with no gloss ({} distinct, {} indicators):", top.len(), top.iter().map(|t| t.1).sum::<usize>());
    for (m, n) in top.iter().take(40) {
        println!("    {n:3}  {m}");
    }
    if !unglossed_units.is_empty() {
        println!("  units with no gloss: {unglossed_units:?}");
    }
    if let Ok(dump) = std::env::var("GLOSSARY_DUMP") {
        let mut rows: Vec<_> = all.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let text: String = rows
            .iter()
            .map(|(m, n)| {
                let shown = m.replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r");
                format!("{n}\t{shown}\t{}\n", metric_en(m).unwrap_or_else(|| "—".into()))
            })
            .collect();
        fs::write(&dump, text).expect("GLOSSARY_DUMP is writable");
    }
    assert!(unglossed_units.is_empty(), "every unit the core reports has a gloss: {unglossed_units:?}");
    assert!(share >= FLOOR, "glossed {:.1} % of the indicators, want {:.0} % at least", 100.0 * share, 100.0 * FLOOR);
    let recent = periods[1].1 as f64 / periods[1].0 as f64;
    assert!(recent >= TARGET, "glossed {:.1} % of the indicators of the reports from {RECENT} on, want {:.0} %", 100.0 * recent, 100.0 * TARGET);
}

/// The terms that matter most, with the English of the official
/// translations of the government work reports.
#[test]
fn the_most_important_terms() {
    let metrics: &[(&str, &str)] = &[
        ("国内生产总值", "GDP"),
        ("地区生产总值", "GDP"),
        ("人均国内生产总值", "per capita GDP"),
        ("居民消费价格", "consumer prices (CPI)"),
        ("居民消费价格涨幅", "CPI increase"),
        ("城镇新增就业", "new urban jobs"),
        ("城镇调查失业率", "surveyed urban unemployment rate"),
        ("城镇登记失业率", "registered urban unemployment rate"),
        ("单位国内生产总值能耗", "energy consumption per unit of GDP"),
        ("粮食产量", "grain output"),
        ("赤字率", "deficit-to-GDP ratio"),
        ("财政赤字", "government deficit"),
        ("一般公共预算收入", "general public budget revenue"),
        ("一般公共预算支出", "general public budget expenditure"),
        ("财政收入", "government revenue"),
        ("社会消费品零售总额", "total retail sales of consumer goods"),
        ("进出口总额", "total volume of imports and exports"),
        ("全社会固定资产投资", "total fixed asset investment"),
        ("实际使用外资", "foreign investment actually utilized"),
        ("外汇储备", "foreign exchange reserves"),
        ("农村贫困人口", "rural poor population"),
        ("贫困发生率", "poverty headcount ratio"),
        ("研发经费投入", "R&D spending"),
        ("居民人均可支配收入", "per capita disposable income"),
        ("城镇居民人均可支配收入", "per capita disposable income of urban residents"),
        ("农村居民人均纯收入", "per capita net income of rural residents"),
        ("常住人口城镇化率", "urbanization rate of the permanent population"),
        ("森林覆盖率", "forest coverage"),
        ("地方政府专项债券", "special-purpose bonds for local governments"),
        ("广义货币M2", "broad money (M2)"),
        ("工农业总产值", "gross output value of industry and agriculture"),
        ("科技进步贡献率", "contribution of scientific and technological progress to economic growth"),
    ];
    for &(zh, en) in metrics {
        assert_eq!(metric_en(zh).as_deref(), Some(en), "{zh}");
    }
    let units: &[(&str, &str)] = &[
        ("万元", "ten thousand yuan"),
        ("亿元", "100 million yuan"),
        ("亩", "mu (1/15 hectare)"),
        ("个百分点", "percentage points"),
        ("标箱", "TEU"),
        ("吨", "tonnes"),
        ("人次", "person-times"),
        ("户", "households"),
        ("%", "%"),
        ("美元", "US dollars"),
        ("斤", "jin (1/2 kg)"),
        ("千瓦时", "kWh"),
    ];
    for &(zh, en) in units {
        assert_eq!(unit_en(zh), Some(en), "{zh}");
    }
}

/// Scope, time and filler words are read past, list and 的 compose, and a
/// phrase with an unknown part or with nothing measured has no gloss.
#[test]
fn composition_of_phrases() {
    let cases: &[(&str, Option<&str>)] = &[
        ("全国城镇新增就业", Some("new urban jobs")),
        ("我国国内生产总值", Some("GDP")),
        ("全年粮食总产量", Some("total grain output")),
        ("２０２４年国内生产总值", Some("GDP")),
        ("一九五四年工業總産值", Some("gross industrial output value")),
        ("新增城镇就业", Some("new urban jobs")),
        ("单位国内生产总值能耗、水耗", Some("energy consumption and water consumption per unit of GDP")),
        ("二氧化硫、氮氧化物排放量", Some("sulfur dioxide and nitrogen oxides emissions")),
        ("中央财政用于科技的支出", Some("central government expenditure for science and technology")),
        ("职工的平均工资", Some("average wage of workers and staff")),
        ("生产资料在工业总产值中所占的比重", Some("share of means of production in gross industrial output value")),
        ("在工农业生产总值中现代工业所占的比重", Some("share of modern industry in gross output value of industry and agriculture")),
        ("1——5月份铁道货运量", Some("railway freight volume")),
        ("這一比重", Some("share")),
        ("各部门基本建设的投资额", Some("investment in capital construction")),
        ("农业税税率", Some("agricultural tax rate")),
        ("一九八二年", None),
        ("在今年内可以", None),
        ("民为敌", None),
    ];
    for &(zh, want) in cases {
        assert_eq!(metric_en(zh).as_deref(), want, "{zh}");
    }
}
