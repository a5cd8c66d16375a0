//! The rules as tables of one-line cases: what is an indicator and how it is
//! read, what is not, and what is a heading. Each case is a short text run
//! through the public `annotate`.

use zhibiao::{annotate, Comparator as C, Direction as D, Indicator, Kind as K, Status as S};

/// The only indicator of `text` (fails when there is not exactly one).
fn one(text: &str) -> Indicator {
    let a = annotate(text);
    assert_eq!(a.indicators.len(), 1, "{text}: {:?}", a.indicators.iter().map(|i| &i.value_text).collect::<Vec<_>>());
    a.indicators.into_iter().next().unwrap()
}

#[test]
fn values_and_units() {
    // (text, value_text, value, value_max, unit)
    type Case<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, Option<&'a str>);
    let cases: &[Case] = &[
        ("预计地区生产总值1.95万亿元。", "1.95万亿元", Some(1.95e12), None, Some("元")),
        ("地区生产总值增长８．５％。", "８．５％", Some(8.5), None, Some("%")),
        ("高新技术企业１２３４家。", "１２３４家", Some(1234.0), None, Some("家")),
        ("粮食产量33，212万吨。", "33，212万吨", Some(332_120_000.0), None, Some("吨")),
        ("总投资1,234.5亿元。", "1,234.5亿元", Some(123_450_000_000.0), None, Some("元")),
        ("完成700多家企业技术改造。", "700多家", Some(700.0), None, Some("家")),
        ("吸纳就业1.2万余人。", "1.2万余人", Some(12_000.0), None, Some("人")),
        ("常住人口达到十二万人。", "十二万人", Some(120_000.0), None, Some("人")),
        ("参保职工两万人。", "两万人", Some(20_000.0), None, Some("人")),
        ("建成绿道一千二百公里。", "一千二百公里", Some(1200.0), None, Some("公里")),
        ("新增企业三千余家。", "三千余家", Some(3000.0), None, Some("家")),
        ("经济增长6%—6.5%。", "6%—6.5%", Some(6.0), Some(6.5), Some("%")),
        ("经济增长6%－6.5%。", "6%－6.5%", Some(6.0), Some(6.5), Some("%")),
        ("新建公园5至6个。", "5至6个", Some(5.0), Some(6.0), Some("个")),
        ("工业总产值增长百分之五。", "百分之五", Some(5.0), None, Some("%")),
        ("增长百分之十二点五。", "百分之十二点五", Some(12.5), None, Some("%")),
        ("近七成企业完成改造。", "七成", Some(70.0), None, Some("%")),
        ("金融业增加值翻一番。", "翻一番", Some(1.0), None, Some("番")),
        ("工农业总产值翻两番。", "翻两番", Some(2.0), None, Some("番")),
        ("产量等于当年的四点二倍。", "四点二倍", Some(4.2), None, Some("倍")),
        ("三次产业比重为1∶31∶68。", "1∶31∶68", None, None, Some("ratio")),
        ("三次产业比重为1.6:36.9:61.5。", "1.6:36.9:61.5", None, None, Some("ratio")),
        ("跨境电商进出口规模全国第一。", "第一", Some(1.0), None, Some("位")),
        ("日均注册商标数量居副省级城市首位。", "首位", Some(1.0), None, Some("位")),
        ("港口货物吞吐量位居全球第6位。", "第6位", Some(6.0), None, Some("位")),
        ("失业率上升0.5个百分点。", "0.5个百分点", Some(0.5), None, Some("个百分点")),
        ("失業率下降0.5個百分點。", "0.5個百分點", Some(0.5), None, Some("个百分点")),
        ("集装箱吞吐量1875万标箱。", "1875万标箱", Some(18_750_000.0), None, Some("标箱")),
        ("PM2.5平均浓度36微克/立方米。", "36微克/立方米", Some(36.0), None, Some("微克/立方米")),
        ("低保标准提高至840元/月。", "840元/月", Some(840.0), None, Some("元/月")),
        ("新增污水处理能力34万吨/日。", "34万吨/日", Some(340_000.0), None, Some("吨/日")),
        ("完成2.25万来穗人员积分入户。", "2.25万", Some(22_500.0), None, None),
        ("國內生產總值增長8.5%。", "8.5%", Some(8.5), None, Some("%")),
        ("財政收入1.5萬億元。", "1.5萬億元", Some(1.5e12), None, Some("元")),
        ("人均地区生产总值2.14万美元。", "2.14万美元", Some(21_400.0), None, Some("美元")),
        ("去库存周期降至6.3个月。", "6.3个月", Some(6.3), None, Some("个月")),
        ("居民平均期望寿命81.72岁。", "81.72岁", Some(81.72), None, Some("岁")),
    ];
    for &(text, vt, v, vmax, unit) in cases {
        let i = one(text);
        assert_eq!((i.value_text.as_str(), i.value, i.value_max, i.unit.as_deref()), (vt, v, vmax, unit), "{text}");
    }
}

#[test]
fn numbers_as_reports_write_them() {
    // issue 15: each form seen in a real report or a peer's suite
    // (text, value_text, value, value_max, unit)
    type Case<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, Option<&'a str>);
    let cases: &[Case] = &[
        // Chinese-numeral decimals with a magnitude
        ("全市财政收入二点五亿元。", "二点五亿元", Some(2.5e8), None, Some("元")),
        ("常住人口增加三点二万人。", "三点二万人", Some(32_000.0), None, Some("人")),
        ("国内生产总值四十七点三万亿元。", "四十七点三万亿元", Some(4.73e13), None, Some("元")),
        ("失业率下降一点五个百分点。", "一点五个百分点", Some(1.5), None, Some("个百分点")),
        ("失业率下降零点五个百分点。", "零点五个百分点", Some(0.5), None, Some("个百分点")),
        ("原油增长百分之零点五。", "百分之零点五", Some(0.5), None, Some("%")),
        // 千分之, 万分之
        ("人口自然增长率控制在千分之十三以下。", "千分之十三", Some(13.0), None, Some("‰")),
        ("人口自然增长率为千分之六点一。", "千分之六点一", Some(6.1), None, Some("‰")),
        ("事故率万分之三。", "万分之三", Some(3.0), None, Some("‱")),
        // signs
        ("出口增长负3.9%。", "负3.9%", Some(-3.9), None, Some("%")),
        ("进口增长-3.2%。", "-3.2%", Some(-3.2), None, Some("%")),
        ("上涨负0.2千米。", "负0.2千米", Some(-0.2), None, Some("公里")),
        // ranges
        ("地区生产总值增长5%—5.5%。", "5%—5.5%", Some(5.0), Some(5.5), Some("%")),
        ("地区生产总值增长5%―5.5%。", "5%―5.5%", Some(5.0), Some(5.5), Some("%")),
        ("国内生产总值增长6.5%－7%。", "6.5%－7%", Some(6.5), Some(7.0), Some("%")),
        ("国内生产总值增长6.5%-7%。", "6.5%-7%", Some(6.5), Some(7.0), Some("%")),
        ("保持百分之八至九的增长。", "百分之八至九", Some(8.0), Some(9.0), Some("%")),
        ("保持百分之八至百分之九的增长率。", "百分之八至百分之九", Some(8.0), Some(9.0), Some("%")),
        ("农业总产值每年增长百分之二到三。", "百分之二到三", Some(2.0), Some(3.0), Some("%")),
        ("总投资十五亿元到二十亿元。", "十五亿元到二十亿元", Some(1.5e9), Some(2e9), Some("元")),
        ("争取节约标准煤700万到800万吨。", "700万到800万吨", Some(7e6), Some(8e6), Some("吨")),
        // magnitudes and units
        ("全国六万万人口。", "六万万", Some(6e8), None, None),
        ("新建公路12千米。", "12千米", Some(12.0), None, Some("公里")),
        ("人均2.3千克。", "2.3千克", Some(2.3), None, Some("千克")),
        ("新增装机一百二十万千瓦。", "一百二十万千瓦", Some(1.2e6), None, Some("千瓦")),
        ("发电量增加二十四亿度。", "二十四亿度", Some(2.4e9), None, Some("千瓦时")),
        ("发电量3，120亿度。", "3，120亿度", Some(3.12e11), None, Some("千瓦时")),
        ("棉花产量三千二百八十万担。", "三千二百八十万担", Some(3.28e7), None, Some("担")),
        ("棉布增加五百七十八万匹。", "五百七十八万匹", Some(5.78e6), None, Some("匹")),
        ("发电设备容量一百万瓩。", "一百万瓩", Some(1e6), None, Some("千瓦")),
        ("平均受教育年限提高到10.5年。", "10.5年", Some(10.5), None, Some("年")),
        ("对外投资100亿人民币。", "100亿人民币", Some(1e10), None, Some("元")),
        ("取得了几十亿元的收入。", "几十亿元", None, None, Some("元")),
        ("数百万难民返回家园。", "数百万", None, None, None),
        ("常住人口5万4千6百人。", "5万4千6百人", Some(54_600.0), None, Some("人")),
        ("近七成企业完成改造。", "七成", Some(70.0), None, Some("%")),
        ("9成以上的企业完成改造。", "9成", Some(90.0), None, Some("%")),
        // counts in numerals before a noun, as 1亿 and 960多万 are
        ("近一亿农村贫困人口脱贫。", "一亿", Some(1e8), None, None),
        ("九百六十多万贫困人口实现易地搬迁。", "九百六十多万", Some(9.6e6), None, None),
        ("我们有十亿多人口。", "十亿多", Some(1e9), None, None),
        ("覆盖农村5亿人口。", "5亿", Some(5e8), None, None),
        // fractions are shares
        ("专项转移支付项目减少三分之一。", "三分之一", Some(100.0 / 3.0), None, Some("%")),
        ("铁路里程占世界三分之二。", "三分之二", Some(200.0 / 3.0), None, Some("%")),
        // a small measure in a list
        ("花费五美元和三块钱。", "五美元", Some(5.0), None, Some("美元")),
        // one of a measure is a quantity
        ("缴获毒品近一吨。", "一吨", Some(1.0), None, Some("吨")),
    ];
    for &(text, vt, v, vmax, unit) in cases {
        let i = one(text);
        assert_eq!((i.value_text.as_str(), i.value, i.value_max, i.unit.as_deref()), (vt, v, vmax, unit), "{text}");
    }
}

#[test]
fn idioms_and_numbers_that_are_no_figures() {
    let cases: &[&str] = &[
        "一成不变。",
        "一五一十地讲清楚。",
        "三三两两。",
        "千方百计增加农民收入。",
        "确保万无一失。",
        "十全十美。",
        "十万火急。",
        "一日千里。",
        "三头六臂。",
        "九牛一毛。",
        "冰冻三尺，非一日之寒。",
        "危机四伏，日子难过。",
        "气温升高5度。",
        "比例尺五万分之一。",
        "一百万年以前。",
        "两万五千里长征。",
        "从5%到6%。",
        "在不到四分之一世纪的时间内。",
        "你可以访问 https://www.test.com/search?q=30%25%2020%",
        "2011-2020年规划。",
        "一点两小时的会议",
        "这是一项工作。",
        "坚持统一领导。",
    ];
    for text in cases {
        let a = annotate(text);
        let found: Vec<&str> = a.indicators.iter().map(|i| i.value_text.as_str()).filter(|v| !["5%", "6%", "两小时"].contains(v)).collect();
        assert!(found.is_empty(), "{text}: found {found:?}");
    }
    // from A to B: two figures, no range
    let a = annotate("从5%到6%。");
    assert_eq!(a.indicators.iter().map(|i| (i.value, i.value_max)).collect::<Vec<_>>(), [(Some(5.0), None), (Some(6.0), None)]);
}

#[test]
fn kind_direction_comparator() {
    // (text, kind, direction, comparator)
    let cases: &[(&str, K, Option<D>, C)] = &[
        ("地区生产总值增长8.1%。", K::Change, Some(D::Up), C::Eq),
        ("地区生产总值比上年增长 9.2%。", K::Change, Some(D::Up), C::Eq),
        ("政府性债务余额下降14%。", K::Change, Some(D::Down), C::Eq),
        ("居民消费价格上涨2.6%。", K::Change, Some(D::Up), C::Eq),
        ("不良贷款率比全国低0.55个百分点。", K::Change, Some(D::Down), C::Eq),
        ("全市GDP增8.4%。", K::Change, Some(D::Up), C::Eq),
        ("总部企业增加100家。", K::Change, Some(D::Up), C::Eq),
        ("新能源汽车产量增长1倍。", K::Change, Some(D::Up), C::Eq),
        ("居民消费价格涨幅3%左右。", K::Change, Some(D::Up), C::Approx),
        ("地区生产总值增长8%左右。", K::Change, Some(D::Up), C::Approx),
        ("城镇登记失业率控制在3.5%以内。", K::Level, None, C::Le),
        ("居民消费价格涨幅控制在3%。", K::Change, Some(D::Up), C::Le),
        ("网格事件办结率96%以上。", K::Level, None, C::Ge),
        ("科技创新企业超过12万家。", K::Level, None, C::Gt),
        ("高新技术企业4700多家。", K::Level, None, C::Gt),
        ("财政收入不低于5%。", K::Level, None, C::Ge),
        ("赤字率不超过3%。", K::Level, None, C::Le),
        ("覆盖率不到60%。", K::Level, None, C::Lt),
        ("出口增长近30%。", K::Change, Some(D::Up), C::Approx),
        ("城市总数约65个。", K::Level, None, C::Approx),
        ("钢产量突破7000万吨。", K::Level, None, C::Gt),
        ("一手住宅去库存周期降至6.3个月。", K::Level, None, C::Eq),
        ("友好城市增至65个。", K::Level, None, C::Eq),
        ("新增就业31万人。", K::Level, None, C::Eq),
        ("城镇登记失业率2.4%。", K::Level, None, C::Eq),
        ("跨境电商进出口规模全国第一。", K::Rank, None, C::Eq),
        ("三次产业比重为1∶31∶68。", K::Ratio, None, C::Eq),
        ("產值增長8.5%。", K::Change, Some(D::Up), C::Eq),
    ];
    for &(text, kind, dir, cmp) in cases {
        let i = one(text);
        assert_eq!((i.kind, i.direction, i.comparator), (kind, dir, cmp), "{text}");
    }
}

#[test]
fn status_from_cues_and_parts() {
    // (text, status of its first indicator)
    let cases: &[(&str, S)] = &[
        ("地区生产总值增长8.1%。", S::Actual),
        ("地区生产总值预计增长8.1%。", S::Estimate),
        ("初步核算，全年国内生产总值增长6.9%。", S::Estimate),
        ("力争新增高新技术企业超过1000家。", S::Target),
        ("确保城镇新增就业100万人。", S::Target),
        ("预期目标是：地区生产总值增长8%左右。", S::Target),
        ("到2020年，高新技术企业8000家。", S::Target),
        ("一、过去五年工作回顾\n五年来，地区生产总值年均增长9.4%。\n", S::Actual),
        ("一、2017年工作安排\n地区生产总值增长8%左右。\n", S::Target),
        ("一、今后五年的目标任务\n高新技术企业达到8000家。\n", S::Target),
        ("二、2017年工作安排\n去年地区生产总值增长8.1%。\n", S::Actual),
    ];
    for &(text, status) in cases {
        let a = annotate(text);
        assert!(!a.indicators.is_empty(), "{text}: no indicator");
        assert_eq!(a.indicators[0].status, status, "{text}");
    }
}

#[test]
fn metrics_and_years() {
    // (text, index of the indicator, metric, year)
    let cases: &[(&str, usize, Option<&str>, Option<i32>)] = &[
        ("地区生产总值由2011年的1.24万亿元提高到2016年的1.95万亿元。", 0, Some("地区生产总值"), Some(2011)),
        ("地区生产总值由2011年的1.24万亿元提高到2016年的1.95万亿元。", 1, Some("地区生产总值"), Some(2016)),
        ("2016年港口货物吞吐量5.4亿吨，集装箱吞吐量1875万标箱，分别位居全球第6、第7位。", 2, Some("港口货物吞吐量"), Some(2016)),
        ("2016年港口货物吞吐量5.4亿吨，集装箱吞吐量1875万标箱，分别位居全球第6、第7位。", 3, Some("集装箱吞吐量"), Some(2016)),
        ("城乡居民人均可支配收入分别增长8.5%和10%。", 1, Some("城乡居民人均可支配收入"), None),
        ("农业增加值达到258亿元，比2011年增长10.5%。", 1, Some("农业增加值"), None),
        ("建设253个创业基地。", 0, Some("创业基地"), None),
        ("完成700多家规模以上工业企业技术改造。", 0, Some("规模以上工业企业技术改造"), None),
        ("全市森林覆盖率42.14%。", 0, Some("森林覆盖率"), None),
        ("钢产量突破7000万吨。", 0, Some("钢产量"), None),
        ("社会商品零售总额实际增长10%。", 0, Some("社会商品零售总额"), None),
        ("●预计去年全市GDP增8.4%", 0, Some("GDP"), None),
        ("２０２３年国内生产总值增长5.2%。", 0, Some("国内生产总值"), Some(2023)),
        ("地区生产总值达到2.8万亿元，年均增长7.5%以上。", 1, Some("地区生产总值"), None),
        // the topic of a clause that names no measure
        ("轻工业总产值，一九八一年比一九八〇年增长百分之十四点一。", 0, Some("轻工业总产值"), None),
        ("农民人均纯收入，1982年为270元，1987年提高到463元。", 1, Some("农民人均纯收入"), Some(1987)),
        ("棉纱的产量增长百分之十二点七；糖的产量，比上一年增加十七万三千吨。", 1, Some("糖的产量"), None),
        ("在三种不同的地区，分别达到四百斤。", 0, None, None),
        // not a clause that compares the measure: a statement of its own
        ("“十五”期间国内生产总值增长速度比原来预计的高一些，“十一五”年均增长7.5%。", 0, None, None),
        ("大家畜的数量有比较快的发展，合计比上一年增长百分之四点六。", 0, Some("大家畜的数量"), None),
        // a verb of change that opens the topic is cut; asides are read past
        ("逐步降低农业税税率，平均每年降低1个百分点以上。", 0, Some("农业税税率"), None),
        ("各部门基本建设的投资额，按可比部分计算，只比1954年增加了9%。", 0, Some("各部门基本建设的投资额"), None),
        ("在工农业生产总值中现代工业所占的比重，由1954年的33%上升到34%。", 1, Some("在工农业生产总值中现代工业所占的比重"), None),
        // after 加上 the figure is a sum: no one measure
        ("住宅的支出一百五十二亿元，加上减免农村税收等方面的支出，共达一千四百多亿元。", 1, None, None),
        // 大关 is a mark, not the measure
        ("国内生产总值突破3万亿元大关。", 0, Some("国内生产总值"), None),
        // a time names no measure: the figure before it does
        ("进出口贸易总额增长28%，上半年又比去年同期增长20.2%。", 1, Some("进出口贸易总额"), None),
        ("轻工业总产值增长百分之五点一，两年平均每年递增百分之九点六。", 1, Some("轻工业总产值"), None),
        // 其他 is part of the metric; 人均 after a verb is not
        ("其他收入为6.8亿元。", 0, Some("其他收入"), None),
        ("城乡居民基本医保财政补助标准提高到人均320元。", 0, Some("城乡居民基本医保财政补助标准"), None),
        ("石方1400多万公方。", 0, Some("石方"), None),
        // a basis of reckoning names no measure; nor a verb before 人均
        ("全国财政收入达到16371亿元，按可比口径增加2400亿元。", 1, Some("财政收入"), None),
        ("城镇居民人均可支配收入，考虑价格下降因素比上年实际增长9.3%。", 0, Some("城镇居民人均可支配收入"), None),
        ("企业退休人员基本养老金连续5年增加，去年又人均提高10%。", 0, None, None),
    ];
    for &(text, k, metric, year) in cases {
        let a = annotate(text);
        let i = a.indicators.get(k).unwrap_or_else(|| panic!("{text}: no indicator {k}"));
        assert_eq!((i.metric.as_deref(), i.year), (metric, year), "{text} [{k}]");
    }
}

#[test]
fn not_indicators() {
    let cases: &[&str] = &[
        "2017年1月5日在广州市第十五届人民代表大会第一次会议上",
        "五年来，我们坚持稳中求进。",
        "2018年率先全面建成小康社会。",
        "一是投资更加有效。",
        "PM2.5等主要污染物平均浓度持续下降。",
        "落实“1＋9”科技创新政策。",
        "科学谋划“十三五”发展。",
        "扎实开展“三严三实”专题教育。",
        "统筹推进“五位一体”总体布局。",
        "实现两个一百年奋斗目标。",
        "开通12345热线。",
        "8.5代液晶面板项目投产。",
        "地铁18号线开工建设。",
        "举办2017《财富》全球论坛。",
        "G20峰会成功举办。",
        "推进5G网络建设。",
        "建设三大国际战略枢纽。",
        "五件大事",
        "落实中央八项规定精神。",
        "党的十八届三中全会精神。",
        "小麦最低收购价每50公斤提高2元。",
        "把安全放在第一位。",
        "用好两个市场两种资源。",
        "推广三元里经验。",
        "一九五三年是第一个五年计划的第一年。",
        "2011－2020年城市总体规划。",
        "没有任何数字的一段话。",
    ];
    for text in cases {
        let a = annotate(text);
        let found: Vec<&str> = a.indicators.iter().map(|i| i.value_text.as_str()).filter(|v| *v != "2元").collect();
        assert!(found.is_empty(), "{text}: found {found:?}");
    }
}

#[test]
fn headings_and_non_headings() {
    // (text, titles of the headings found)
    let cases: &[(&str, &[&str])] = &[
        ("一、回顾\n正文。\n", &["回顾"]),
        ("（一）加快发展。正文很长。\n", &["加快发展"]),
        ("各位代表：\n现在我作报告。\n", &[]),
        ("图为会场 记者 某某 摄\n正文。\n", &[]),
        ("●预计去年全市GDP增8.4%\n", &[]),
        ("要抓好三件事：一是加强领导；二是完善制度。\n", &[]),
        ("――经济综合实力迈上新台阶。五年来，经济保持较快增长。\n", &["经济综合实力迈上新台阶"]),
        ("2015年回顾\n五件大事\n一是深入学习。市委坚持学习。\n", &["2015年回顾", "五件大事", "深入学习"]),
    ];
    for &(text, want) in cases {
        let a = annotate(text);
        let got: Vec<&str> = a.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(got, want, "{text}");
    }
}
