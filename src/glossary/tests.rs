use super::*;

#[test]
fn the_glossary_is_well_formed() {
    let g = parse(DATA).unwrap_or_else(|e| panic!("src/glossary/glossary.tsv: {e}"));
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
    assert_eq!(normalise("中央衞生部"), "中央卫生部");
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
fn months() {
    for (s, want) in [("15月份铁道", Some(4)), ("十一月", Some(3)), ("一月二十三日就", Some(6)), ("3个月", None), ("12345月", None)] {
        let c: Vec<char> = s.chars().collect();
        assert_eq!(month_at(&c, 0), want, "{s}");
    }
    assert_eq!(metric_en("1——5月份铁道货运量").as_deref(), Some("railway freight volume"));
    assert_eq!(metric_en("到去年十一月"), None);
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
