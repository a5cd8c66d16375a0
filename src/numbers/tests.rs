use super::*;

/// (value, value_max, unit, value_text) of the Arabic number at the start.
type Read = (Option<f64>, Option<f64>, Option<&'static str>, String);

fn ar(s: &str) -> Option<Read> {
    let d = Doc::new(s);
    arabic(&d, 0).map(|n| (n.value, n.value_max, n.unit, d.slice(n.start, n.end).to_string()))
}

#[test]
fn arabic_numbers() {
    // (text, value, value_max, unit, value_text)
    type Case<'a> = (&'a str, f64, Option<f64>, Option<&'a str>, &'a str);
    let cases: &[Case] = &[
        ("8.1%，", 8.1, None, Some("%"), "8.1%"),
        ("1.95万亿元", 1.95e12, None, Some("元"), "1.95万亿元"),
        ("1,234.5万元", 12_345_000.0, None, Some("元"), "1,234.5万元"),
        ("33，212万吨", 332_120_000.0, None, Some("吨"), "33，212万吨"),
        ("1,234,567元", 1_234_567.0, None, Some("元"), "1,234,567元"),
        ("８．５％", 8.5, None, Some("%"), "８．５％"),
        ("１２３４家", 1234.0, None, Some("家"), "１２３４家"),
        ("700多家", 700.0, None, Some("家"), "700多家"),
        ("1.2万余人", 12000.0, None, Some("人"), "1.2万余人"),
        ("300多万人", 3_000_000.0, None, Some("人"), "300多万人"),
        ("6%—6.5%", 6.0, Some(6.5), Some("%"), "6%—6.5%"),
        ("6%－6.5%", 6.0, Some(6.5), Some("%"), "6%－6.5%"),
        ("5至6个", 5.0, Some(6.0), Some("个"), "5至6个"),
        ("3-5万人", 30000.0, Some(50000.0), Some("人"), "3-5万人"),
        ("9.7个百分点", 9.7, None, Some("个百分点"), "9.7个百分点"),
        ("36微克/立方米", 36.0, None, Some("微克/立方米"), "36微克/立方米"),
        ("840元/月", 840.0, None, Some("元/月"), "840元/月"),
        ("34万吨/日", 340_000.0, None, Some("吨/日"), "34万吨/日"),
        ("1875万标箱", 18_750_000.0, None, Some("标箱"), "1875万标箱"),
        ("6.3个月", 6.3, None, Some("个月"), "6.3个月"),
        ("2.25万来穗", 22500.0, None, None, "2.25万"),
        ("8306.79亿元", 830_679_000_000.0, None, Some("元"), "8306.79亿元"),
        ("3千万元", 30_000_000.0, None, Some("元"), "3千万元"),
        ("1万6千多户", 16_000.0, None, Some("户"), "1万6千多户"),
        ("1亿3千万人次", 130_000_000.0, None, Some("人次"), "1亿3千万人次"),
        ("5千多户", 5_000.0, None, Some("户"), "5千多户"),
        ("3万多亿元", 3e12, None, Some("元"), "3万多亿元"),
        // issue 15: ranges with other dashes and with spaces, 到
        ("5%―5.5%", 5.0, Some(5.5), Some("%"), "5%―5.5%"),
        ("6.5% - 7%", 6.5, Some(7.0), Some("%"), "6.5% - 7%"),
        ("6.5%−7%", 6.5, Some(7.0), Some("%"), "6.5%−7%"),
        ("700万到800万吨", 7e6, Some(8e6), Some("吨"), "700万到800万吨"),
        ("0.5-1万人", 5000.0, Some(10_000.0), Some("人"), "0.5-1万人"),
        // units that open with 千 are the unit's, not a magnitude
        ("12千米", 12.0, None, Some("公里"), "12千米"),
        ("2.3千克", 2.3, None, Some("千克"), "2.3千克"),
        ("5千瓦", 5.0, None, Some("千瓦"), "5千瓦"),
        ("3千人", 3000.0, None, Some("人"), "3千人"),
        // places below 万 written on
        ("5万4千6百人", 54_600.0, None, Some("人"), "5万4千6百人"),
        ("5亿1万4千6百", 500_014_600.0, None, None, "5亿1万4千6百"),
        ("3万4000人", 34_000.0, None, Some("人"), "3万4000人"),
        ("1亿3千多万", 130_000_000.0, None, None, "1亿3千多万"),
        // units of older and other reports
        ("100亿人民币", 1e10, None, Some("元"), "100亿人民币"),
        ("120亿度", 1.2e10, None, Some("千瓦时"), "120亿度"),
        ("11.3年", 11.3, None, Some("年"), "11.3年"),
        ("2,000万马力", 2e7, None, Some("马力"), "2,000万马力"),
        ("3，036万担", 30_360_000.0, None, Some("担"), "3，036万担"),
        ("168公分", 168.0, None, Some("厘米"), "168公分"),
        ("2.4微克", 2.4, None, Some("微克"), "2.4微克"),
        ("9成", 90.0, None, Some("%"), "9成"),
        ("9.5成", 95.0, None, Some("%"), "9.5成"),
    ];
    for &(s, v, vmax, unit, text) in cases {
        let got = ar(s).unwrap_or_else(|| panic!("{s}: no number"));
        assert_eq!(got, (Some(v), vmax, unit, text.to_string()), "{s}");
    }
}

#[test]
fn what_is_no_unit_or_range() {
    // (text, value, value_max, unit, value_text)
    type Case<'a> = (&'a str, f64, Option<f64>, Option<&'a str>, &'a str);
    let cases: &[Case] = &[
        // 度 without a magnitude is a temperature or an angle; 年 after an
        // integer a date or a span
        ("85度", 85.0, None, None, "85"),
        ("2020年", 2020.0, None, None, "2020"),
        ("2.5年均", 2.5, None, None, "2.5"),
        // 人口, 人民: a noun, not a count of 人
        ("13亿人口", 1.3e9, None, None, "13亿"),
        // 到 joins a range (but not after 从/由: below)
        ("5%到6%", 5.0, Some(6.0), Some("%"), "5%到6%"),
        // 3亿5 is no 300000005
        ("3亿5", 3e8, None, None, "3亿"),
        // 成为, 成本: words
        ("3成为", 3.0, None, None, "3"),
    ];
    for &(s, v, vmax, unit, text) in cases {
        let got = ar(s).unwrap_or_else(|| panic!("{s}: no number"));
        assert_eq!(got, (Some(v), vmax, unit, text.to_string()), "{s}");
    }
    let d = Doc::new("从5%到6%");
    assert_eq!(arabic(&d, 1).map(|n| n.value_max), Some(None));
}

#[test]
fn years_are_no_ranges() {
    assert_eq!(ar("2011－2020）").map(|g| g.1), Some(None));
}

#[test]
fn chinese_numerals() {
    let cases: &[(&str, Option<f64>)] = &[
        ("一千二百", Some(1200.0)),
        ("两万", Some(20000.0)),
        ("十二万", Some(120_000.0)),
        ("三千", Some(3000.0)),
        ("一百零五", Some(105.0)),
        ("十", Some(10.0)),
        ("二十三", Some(23.0)),
        ("一亿二千万", Some(120_000_000.0)),
        ("十三五", None),
        ("一一", None),
        ("六万万", Some(6e8)),
        ("四万万", Some(4e8)),
        ("一万五千亿", Some(1.5e12)),
        ("四十五亿四千零四万", Some(4_540_040_000.0)),
        // a unit that opens with 千 ends the numeral
        ("一百二十万千瓦", Some(1_200_000.0)),
        ("一百千瓦", Some(100.0)),
        ("两两", None),
    ];
    for &(s, v) in cases {
        let d = Doc::new(s);
        assert_eq!(chinese_numeral(&d, 0).map(|x| x.0), v, "{s}");
    }
}

#[test]
fn written_out_forms() {
    let d = Doc::new("百分之五");
    assert_eq!(percent_words(&d, 0).and_then(|n| n.value), Some(5.0));
    let d = Doc::new("百分之十二点五");
    assert_eq!(percent_words(&d, 0).and_then(|n| n.value), Some(12.5));
    let d = Doc::new("七成市属国企");
    let n = chinese(&d, 0).unwrap();
    assert_eq!((n.value, n.unit, n.end), (Some(70.0), Some("%"), 2));
    let d = Doc::new("翻两番");
    assert_eq!(doubling(&d, 0).and_then(|n| n.value), Some(2.0));
    let d = Doc::new("四点二倍");
    let n = chinese(&d, 0).unwrap();
    assert_eq!((n.value, n.unit), (Some(4.2), Some("倍")));
    let d = Doc::new("三千余家");
    let n = chinese(&d, 0).unwrap();
    assert_eq!((n.value, n.unit, n.more), (Some(3000.0), Some("家"), true));
}

/// (value, value_max, unit, value_text) of the Chinese number at the
/// start.
fn cn(s: &str) -> Option<Read> {
    let d = Doc::new(s);
    chinese(&d, 0).map(|n| (n.value, n.value_max, n.unit, d.slice(n.start, n.end).to_string()))
}

#[test]
fn chinese_numbers() {
    // (text, value, value_max, unit, value_text)
    type Case<'a> = (&'a str, Option<f64>, Option<f64>, Option<&'a str>, &'a str);
    let cases: &[Case] = &[
        // decimals with a magnitude
        ("二点五亿元", Some(2.5e8), None, Some("元"), "二点五亿元"),
        ("三点二万人", Some(32_000.0), None, Some("人"), "三点二万人"),
        ("四十七点三万亿元", Some(4.73e13), None, Some("元"), "四十七点三万亿元"),
        ("一点五个百分点", Some(1.5), None, Some("个百分点"), "一点五个百分点"),
        ("零点五个百分点", Some(0.5), None, Some("个百分点"), "零点五个百分点"),
        ("四点二倍", Some(4.2), None, Some("倍"), "四点二倍"),
        // magnitudes and units
        ("六万万人", Some(6e8), None, Some("人"), "六万万人"),
        ("一百二十万千瓦", Some(1.2e6), None, Some("千瓦"), "一百二十万千瓦"),
        ("二十四亿度", Some(2.4e9), None, Some("千瓦时"), "二十四亿度"),
        ("三千二百八十万担", Some(3.28e7), None, Some("担"), "三千二百八十万担"),
        ("五百七十八万匹", Some(5.78e6), None, Some("匹"), "五百七十八万匹"),
        ("一百万瓩", Some(1e6), None, Some("千瓦"), "一百万瓩"),
        ("十点五年", Some(10.5), None, Some("年"), "十点五年"),
        ("十亿人民", Some(1e9), None, None, "十亿"),
        // 多, 余, 几 after a numeral
        ("九百六十多万", Some(9.6e6), None, None, "九百六十多万"),
        ("二十几万人", Some(200_000.0), None, Some("人"), "二十几万人"),
        ("一百零几万", Some(1e6), None, None, "一百零几万"),
        // ranges
        ("十五亿元到二十亿元", Some(1.5e9), Some(2e9), Some("元"), "十五亿元到二十亿元"),
        ("三至五万人", Some(30_000.0), Some(50_000.0), Some("人"), "三至五万人"),
        ("五十至六十亿元", Some(5e9), Some(6e9), Some("元"), "五十至六十亿元"),
        ("一百五十元至二百元", Some(150.0), Some(200.0), Some("元"), "一百五十元至二百元"),
        ("六百吨到八百五十吨", Some(600.0), Some(850.0), Some("吨"), "六百吨到八百五十吨"),
        // tenths
        ("七成", Some(70.0), None, Some("%"), "七成"),
        ("八点五成", Some(85.0), None, Some("%"), "八点五成"),
        ("十几万多亿", Some(1e13), None, None, "十几万多亿"),
        ("二十百分点", Some(20.0), None, Some("个百分点"), "二十百分点"),
        ("十成", Some(100.0), None, Some("%"), "十成"),
    ];
    for &(s, v, vmax, unit, text) in cases {
        let got = cn(s).unwrap_or_else(|| panic!("{s}: no number"));
        assert_eq!(got, (v, vmax, unit, text.to_string()), "{s}");
    }
}

#[test]
fn shares_written_out() {
    // (text, value, value_max, unit, value_text)
    type Case<'a> = (&'a str, f64, Option<f64>, &'a str, &'a str);
    let cases: &[Case] = &[
        ("百分之五", 5.0, None, "%", "百分之五"),
        ("百分之十二点五", 12.5, None, "%", "百分之十二点五"),
        ("百分之零点五", 0.5, None, "%", "百分之零点五"),
        ("百分之7.5", 7.5, None, "%", "百分之7.5"),
        ("百分之１，１２３", 1123.0, None, "%", "百分之１，１２３"),
        ("百分之百", 100.0, None, "%", "百分之百"),
        ("千分之二十九", 29.0, None, "‰", "千分之二十九"),
        ("千分之六点一", 6.1, None, "‰", "千分之六点一"),
        ("千分之２．４", 2.4, None, "‰", "千分之２．４"),
        ("万分之三", 3.0, None, "‱", "万分之三"),
        ("百分之八至九", 8.0, Some(9.0), "%", "百分之八至九"),
        ("百分之二到三", 2.0, Some(3.0), "%", "百分之二到三"),
        ("百分之七至百分之十", 7.0, Some(10.0), "%", "百分之七至百分之十"),
        ("仟分之贰", 2.0, None, "‰", "仟分之贰"),
        ("百分之七十百分位", 70.0, None, "%", "百分之七十"),
        // a second bound below the first is none
        ("百分之九至八", 9.0, None, "%", "百分之九"),
    ];
    for &(s, v, vmax, unit, text) in cases {
        let d = Doc::new(s);
        let n = percent_words(&d, 0).unwrap_or_else(|| panic!("{s}: no number"));
        assert_eq!((n.value, n.value_max, n.unit, d.slice(n.start, n.end)), (Some(v), vmax, Some(unit), text), "{s}");
    }
    // no share: 二三十 is no numeral, 百分点 no share
    for s in ["百分之二三十", "百分点"] {
        assert!(percent_words(&Doc::new(s), 0).is_none(), "{s}");
    }
}

#[test]
fn fractions() {
    // (text, value in %, value_text)
    let cases: &[(&str, Option<f64>, &str)] = &[
        ("三分之一", Some(100.0 / 3.0), "三分之一"),
        ("十分之一", Some(10.0), "十分之一"),
        ("三分之二左右", Some(200.0 / 3.0), "三分之二"),
        ("二十五分之一百四十四", Some(576.0), "二十五分之一百四十四"),
        ("16分之5", Some(31.25), "16分之5"),
        ("一百分之五十五点五七九", Some(55.579), "一百分之五十五点五七九"),
        // a map's scale, a span of time
        ("五万分之一", None, ""),
        ("四分之一世纪", None, ""),
    ];
    for &(s, v, text) in cases {
        let d = Doc::new(s);
        let n = fraction(&d, 0);
        assert_eq!(n.as_ref().and_then(|n| n.value).map(|x| (x * 1e9).round()), v.map(|x| (x * 1e9).round()), "{s}");
        if let Some(n) = n {
            assert_eq!((n.unit, d.slice(n.start, n.end)), (Some("%"), text), "{s}");
        }
    }
}

#[test]
fn signs_and_vague_amounts() {
    // (text, index of the number, length of the minus sign before it)
    let cases: &[(&str, usize, usize)] = &[
        ("负3.9%", 1, 1),
        ("增长-3.2%", 3, 1),
        ("增长−3.2%", 3, 1),
        ("-22.2%", 1, 1),
        ("（-0.5%）", 2, 1),
        ("2011-2020", 5, 0),
        ("5万-6万", 3, 0),
        ("GB-2", 3, 0),
        ("百分之五-6%", 6, 0),
        ("增长3.2%", 2, 0),
    ];
    for &(s, i, len) in cases {
        assert_eq!(minus_before(&Doc::new(s), i), len, "{s}");
    }
    let d = Doc::new("负3.9%");
    let n = negated(arabic(&d, 1).unwrap(), 1);
    assert_eq!((n.start, n.value), (0, Some(-3.9)));
    // (text, unit, value_text)
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("几十亿元", Some("元"), "几十亿元"),
        ("数百万人", Some("人"), "数百万人"),
        ("几万亩", Some("亩"), "几万亩"),
        ("几十万千瓦", Some("千瓦"), "几十万千瓦"),
    ];
    for &(s, unit, text) in cases {
        let d = Doc::new(s);
        let n = vague(&d, 0).unwrap_or_else(|| panic!("{s}: no number"));
        assert_eq!((n.value, n.unit, d.slice(n.start, n.end)), (None, unit, text), "{s}");
    }
}

#[test]
fn ratios_and_ranks() {
    let d = Doc::new("1∶31∶68");
    assert_eq!(ratio(&d, 0, false).map(|n| n.end), Some(7));
    let d = Doc::new("1.6:36.9:61.5调整");
    assert_eq!(ratio(&d, 0, false).map(|n| n.end), Some(13));
    let d = Doc::new("10:30");
    assert!(ratio(&d, 0, false).is_none());
    let d = Doc::new("第7位");
    assert_eq!(ordinal(&d, 0).map(|(n, s)| (n.value, s)), Some((Some(7.0), true)));
    let d = Doc::new("第一。");
    assert_eq!(ordinal(&d, 0).map(|(n, s)| (n.value, s)), Some((Some(1.0), false)));
}
