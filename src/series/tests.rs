use super::*;

#[test]
fn issuers_from_title_lines() {
    let cases: &[(&str, Option<&str>)] = &[
        ("2017年广州市政府工作报告\n各位代表：\n", Some("广州市")),
        ("政府工作报告\n——2018年1月15日在广州市第十五届人民代表大会第二次会议上\n广州市市长 温国辉\n各位代表：", Some("广州市")),
        ("广东省人民政府\n各位代表：", Some("广东省")),
        ("政府工作报告\n河北省省长 许勤\n各位代表：", Some("河北省")),
        ("2020年广西壮族自治区人民政府工作报告\n", Some("广西壮族自治区")),
        ("政府工作报告\n——2019年1月在内蒙古自治区第十三届人民代表大会第二次会议上\n", Some("内蒙古自治区")),
        ("北京市海淀区人民政府工作报告\n", Some("北京市海淀区")),
        ("2016年延边朝鲜族自治州政府工作报告\n", Some("延边朝鲜族自治州")),
        ("锡林郭勒盟2018年政府工作报告\n", Some("锡林郭勒盟")),
        ("二〇一八年日照市政府工作报告\n", Some("日照市")),
        ("九江市人民政府\n", Some("九江市")),
        ("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n", Some("国务院")),
        ("政府工作报告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n国务院总理 李克强\n", Some("国务院")),
        ("各位代表：\n我們第一届全國人民代表大會第一次會議……\n", Some("国务院")),
        ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n", None),
        ("各位代表：\n全市地区生产总值增长8%。\n", None),
        ("", None),
    ];
    for (text, want) in cases {
        assert_eq!(issuer_of(text).as_deref(), *want, "{text}");
    }
}

#[test]
fn rows_keep_targets_and_annual_results_once_each() {
    let text = "2017年广州市政府工作报告\n一、2016年工作回顾\n全市地区生产总值增长8.2%。地区生产总值增长8.2%。五年来累计增长50%。\n二、2017年工作安排\n主要预期目标是：地区生产总值增长8%左右，完成任务100项。\n";
    let (report, rows) = rows("gz.txt", 3, text, &crate::annotate(text));
    assert_eq!((report.issuer.as_deref(), report.year, report.report), (Some("广州市"), Some(2017), 3));
    let got: Vec<_> = rows.iter().map(|r| (r.metric_key.as_str(), r.status, r.year, r.value, r.headline, r.mentions)).collect();
    assert_eq!(got, vec![("生产总值", Status::Target, Some(2017), Some(8.0), true, 1), ("生产总值", Status::Actual, Some(2016), Some(8.2), false, 2)]);
    for r in &rows {
        let slice: String =
            char::decode_utf16(text.encode_utf16().skip(r.evidence.start).take(r.evidence.end - r.evidence.start)).map(|c| c.unwrap()).collect();
        assert_eq!(slice, r.evidence.text);
    }
}
