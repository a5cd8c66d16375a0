use super::*;

#[test]
fn keys_unify_aliases_scopes_and_script() {
    let cases: &[(&str, &str)] = &[
        ("地区生产总值", "生产总值"),
        ("全市地区生产总值", "生产总值"),
        ("国内生产总值", "生产总值"),
        ("GDP", "生产总值"),
        ("ＧＤＰ", "生产总值"),
        ("國內生產總值", "生产总值"),
        ("城镇登记失业率", "城镇登记失业率"),
        ("“新三板”挂牌企业", "新三板挂牌企业"),
        ("居民消费价格涨幅", "居民消费价格"),
        // a goal or a pace of the economy's growth is its growth
        ("经济增长预期目标", "生产总值"),
        ("经济增长速度", "生产总值"),
        ("预期目标", "预期目标"),
        ("全省经济", "生产总值"),
        ("国民经济", "生产总值"),
        ("数字经济", "数字经济"),
    ];
    for &(m, k) in cases {
        assert_eq!(metric_key(m), k, "{m}");
    }
}

#[test]
fn similarity_orders_matches() {
    assert_eq!(similarity("生产总值", "生产总值"), 1.0);
    assert!(similarity("高新技术企业", "新增高新技术企业") > 0.75);
    assert!(similarity("城镇登记失业率", "城镇调查失业率") < 1.0);
    assert!(similarity("绿道", "碳汇造林") < MIN_SCORE);
    // a key inside another but not at its end is a modifier of another head
    assert_eq!(similarity("单位生产总值能耗", "生产总值"), 0.0);
    assert!(similarity("户籍人口城镇化率", "城镇化率") >= MIN_SCORE);
}

#[test]
fn generic_keys_name_nothing_measurable() {
    for k in ["完成", "部分", "居住", "引导", "覆盖", "规模", "任务", "水平", "增速就能够", "实现目标", "总量"] {
        assert!(is_generic(&metric_key(k)), "{k}");
    }
    for k in ["新增就业", "人口", "粮食产量", "能耗", "财政赤字", "居住人口", "森林覆盖率", "完成造林", "城镇调查失业率", "生产总值"]
    {
        assert!(!is_generic(&metric_key(k)), "{k}");
    }
}

#[test]
fn times_of_the_year_do_not_change_the_key() {
    assert_eq!(metric_key("年末城镇登记失业率"), "城镇登记失业率");
    assert_eq!(metric_key("城镇调查失业率全年"), "调查失业率");
}
