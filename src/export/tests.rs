use super::*;

fn field(s: &str) -> String {
    let mut out = String::new();
    csv_field(&mut out, s);
    out
}

#[test]
fn fields_are_quoted_only_when_needed() {
    let cases: &[(&str, &str)] = &[
        ("", ""),
        ("地区生产总值", "地区生产总值"),
        ("a,b", "\"a,b\""),
        ("他说\"好\"", "\"他说\"\"好\"\"\""),
        ("\"", "\"\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("，全角逗号不用引号", "，全角逗号不用引号"),
        (" space ", " space "),
    ];
    for (s, want) in cases {
        assert_eq!(field(s), *want, "{s:?}");
    }
}

#[test]
fn formula_fields_become_text_and_numbers_stay_numbers() {
    let cases: &[(&str, &str)] = &[
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+1+1", "\"'+1+1\""),
        ("-1+1", "\"'-1+1\""),
        ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\tx", "\"'\tx\""),
        ("\rx", "\"'\rx\""),
        ("=1,2", "\"'=1,2\""),
        ("--", "\"'--\""),
        ("-%", "\"'-%\""),
        ("-.5", "\"'-.5\""),
        ("-3.", "\"'-3.\""),
        ("-3.2.1", "\"'-3.2.1\""),
        // numbers, and text with a trigger character further in
        ("-3.2", "-3.2"),
        ("-7", "-7"),
        ("-3.2%", "-3.2%"),
        ("-", "-"),
        ("1950000000000", "1950000000000"),
        ("增长-3.2%", "增长-3.2%"),
        ("a=b", "a=b"),
    ];
    for (s, want) in cases {
        assert_eq!(field(s), *want, "{s:?}");
    }
}

#[test]
fn numbers_have_no_exponent() {
    let cases: &[(f64, &str)] = &[
        (1.95e12, "1950000000000"),
        (8.1, "8.1"),
        (31.0, "31"),
        (0.0, "0"),
        (2.25e4, "22500"),
        (1e-7, "0.0000001"),
        (1e21, "1000000000000000000000"),
        (-7.7, "-7.7"),
    ];
    for (value, want) in cases {
        assert_eq!(format_number(*value), *want, "{value:e}");
    }
}

/// An indicator over the first occurrence of `figure` in `text`.
fn at(text: &str, figure: &str) -> Indicator {
    at_nth(text, figure, 0)
}

fn at_nth(text: &str, figure: &str, nth: usize) -> Indicator {
    let byte = text.match_indices(figure).nth(nth).unwrap_or_else(|| panic!("no {figure} in {text}")).0;
    let start = text[..byte].encode_utf16().count();
    Indicator {
        id: 0,
        start,
        end: start + figure.encode_utf16().count(),
        value_text: figure.into(),
        value: None,
        value_max: None,
        unit: None,
        kind: crate::Kind::Level,
        direction: None,
        comparator: crate::Comparator::Eq,
        status: crate::Status::Actual,
        horizon: crate::Horizon::Year,
        metric: None,
        metric_start: None,
        metric_end: None,
        year: None,
        section: None,
    }
}

#[test]
fn a_short_sentence_is_the_whole_context() {
    let text = "一、回顾\n全市地区生产总值增长8.1%。“十件实事”完成！\n  新增就业\t31万人 \r\n𠀀年增长5%。”好";
    let indicators = [at(text, "8.1%"), at(text, "十件"), at(text, "31万人"), at(text, "5%")];
    assert_eq!(contexts(text, &indicators), ["全市地区生产总值增长8.1%。", "“十件实事”完成！", "新增就业 31万人", "𠀀年增长5%。”"]);
    assert!(contexts("", &[]).is_empty());
}

#[test]
fn a_long_sentence_gives_the_clauses_near_the_figure() {
    let filler = "加快建设现代化产业体系推动经济实现质的有效提升和量的合理增长";
    let text = format!("{filler}{filler}，全市地区生产总值增长8.1%，{filler}{filler}。");
    assert_eq!(contexts(&text, &[at(&text, "8.1%")]), ["全市地区生产总值增长8.1%"]);
    // a clause longer than the window: cut, and marked
    let text = format!("{filler}{filler}{filler}增长8.1%{filler}{filler}{filler}");
    let got = &contexts(&text, &[at(&text, "8.1%")])[0];
    assert!(got.starts_with('…') && got.ends_with('…'), "{got}");
    assert_eq!(got.chars().count(), 1 + CONTEXT_CHARS + 4 + CONTEXT_CHARS + 1, "{got}");
}

#[test]
fn a_context_holds_at_most_one_other_figure_on_each_side() {
    let text = "全市生产总值1.2万亿元增长8%和7%和6%。";
    let got = contexts(text, &[at(text, "1.2万亿元"), at(text, "8%"), at(text, "7%"), at(text, "6%")]);
    assert_eq!(got, ["全市生产总值1.2万亿元增长8%和…", "全市生产总值1.2万亿元增长8%和7%和…", "…增长8%和7%和6%。", "…和7%和6%。"]);
    // at a clause end, no mark
    let text = "甲1%，乙2%，丙3%，丁4%，戊5%。";
    let figures: Vec<_> = ["1%", "2%", "3%", "4%", "5%"].iter().map(|f| at(text, f)).collect();
    assert_eq!(contexts(text, &figures)[2], "乙2%，丙3%，丁4%");
}

#[test]
fn context_is_linear_in_the_text() {
    // one sentence of 20 000 figures: the whole sentence each was 20 000² bytes
    let text = "增长1%，".repeat(20_000);
    let figures: Vec<_> = (0..20_000).map(|n| at_nth(&text, "1%", n)).collect();
    let total: usize = contexts(&text, &figures).iter().map(String::len).sum();
    assert!(total <= 4 * text.len(), "{total} bytes of context for {} of text", text.len());
}

#[test]
fn section_paths_follow_parents_and_cut_long_titles() {
    let section = |id, title: &str, parent| Section { id, level: 1, marker: None, title: title.into(), start: 0, end: 0, parent };
    let long = "整合优化创新空间，形成点（载体）、线（走廊）、面（枢纽）相结合的创新空间和产业布局";
    let sections = [section(0, "回顾", None), section(1, "经济", Some(0)), section(2, long, Some(1))];
    assert_eq!(section_path(&sections, 1), "回顾 > 经济");
    assert_eq!(section_path(&sections, 0), "回顾");
    assert_eq!(section_path(&sections, 9), "");
    let want = format!("回顾 > 经济 > {}…", long.chars().take(TITLE_CHARS).collect::<String>());
    assert_eq!(section_path(&sections, 2), want);
    let looped = [section(0, "甲", Some(1)), section(1, "乙", Some(0))];
    assert_eq!(section_path(&looped, 1), "甲 > 乙");
}

#[test]
fn csv_rows_print_every_field() {
    let text = "一、回顾\n（一）经济\n全市\"生产总值\"1.95万亿元, 增长8.1%。\n";
    let section = |id, title: &str, parent| Section { id, level: id as u32 + 1, marker: None, title: title.into(), start: 0, end: 0, parent };
    let level = Indicator {
        value: Some(1.95e12),
        unit: Some("元".into()),
        status: crate::Status::Estimate,
        metric: Some("\"生产总值\"".into()),
        year: Some(2016),
        section: Some(1),
        ..at(text, "1.95万亿元")
    };
    let change = Indicator {
        id: 1,
        value: Some(-8.1),
        value_max: Some(9.0),
        unit: Some("%".into()),
        kind: crate::Kind::Change,
        direction: Some(crate::Direction::Up),
        comparator: crate::Comparator::Approx,
        status: crate::Status::Target,
        horizon: crate::Horizon::Plan,
        ..at(text, "8.1%")
    };
    let annotation =
        Annotation { sections: vec![section(0, "回顾", None), section(1, "经济", Some(0))], indicators: vec![level, change], layout: Default::default() };
    let want = concat!(
        "file,id,start,end,value_text,value,value_max,unit,kind,direction,comparator,",
        "status,horizon,metric,year,section,section_path,context\r\n",
        "\"a,b.txt\",0,19,26,1.95万亿元,1950000000000,,元,level,,eq,estimate,year,\"\"\"生产总值\"\"\",",
        "2016,1,回顾 > 经济,\"全市\"\"生产总值\"\"1.95万亿元, 增长8.1%。\"\r\n",
        "\"a,b.txt\",1,30,34,8.1%,-8.1,9,%,change,up,approx,target,plan,,,,,",
        "\"全市\"\"生产总值\"\"1.95万亿元, 增长8.1%。\"\r\n",
    );
    assert_eq!(csv("a,b.txt", text, &annotation, false), want);
}

#[test]
fn csv_selected_keeps_the_rows_asked_for_in_that_order() {
    let text = "全市地区生产总值增长8.1%，一般公共预算收入增长10%，新增就业3万人。\n";
    let a = crate::annotate(text);
    assert_eq!(a.indicators.len(), 3);
    let all: Vec<String> = csv_rows("-", text, &a, false).collect();
    let picked = csv_selected("-", text, &a, &[2, 0, 99], false);
    assert_eq!(picked, format!("{}{}{}", csv_header(false), all[2], all[0]));
    assert_eq!(csv_selected("-", text, &a, &[], false), csv_header(false));
}

#[test]
fn csv_corrected_applies_the_corrections_and_flags_the_rows() {
    let text = "全市地区生产总值增长8.1%，一般公共预算收入增长10%。\n";
    let a = crate::annotate(text);
    let fix = Correction { id: 1, metric: Some("=财政收入".into()), status: Some(crate::Status::Target), value: Some(11.0) };
    let csv = csv_corrected("-", text, &a, &[0, 1], std::slice::from_ref(&fix), false);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].ends_with(",context,edited"), "{}", lines[0]);
    assert!(lines[1].ends_with(",false") && lines[2].ends_with(",true"), "{csv}");
    assert!(lines[2].contains(",target,") && lines[2].contains(",11,") && lines[2].contains("\"'=财政收入\""), "{}", lines[2]);
    // nothing corrected: the rows are csv_selected's with the flag
    let plain = csv_corrected("-", text, &a, &[0, 1], &[], false);
    assert_eq!(plain.replace(",false\r\n", "\r\n").replace(",edited\r\n", "\r\n"), csv_selected("-", text, &a, &[0, 1], false));
    // in English the corrected metric is glossed, not the engine's
    let fix = Correction { metric: Some("城镇新增就业".into()), ..fix };
    let csv = csv_corrected("-", text, &a, &[0, 1], &[fix], true);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].ends_with(",context,metric_en,unit_en,edited"), "{}", lines[0]);
    assert!(lines[1].ends_with(",GDP,%,false") && lines[2].ends_with(",new urban jobs,%,true"), "{csv}");
}

#[test]
fn english_exports_add_the_glosses() {
    let text = "全市地区生产总值增长8.1%，新增就业3万人，完成“三供一业”移交1200户。\n";
    let a = crate::annotate(text);
    let plain = csv("-", text, &a, false);
    let english = csv("-", text, &a, true);
    let (plain, english): (Vec<&str>, Vec<&str>) = (plain.split("\r\n").collect(), english.split("\r\n").collect());
    assert_eq!(english[0], format!("{},metric_en,unit_en", plain[0]));
    // each row is the plain row and the two glosses; a metric the glossary
    // does not know has an empty metric_en, a measure word an empty unit_en
    let glossed: Vec<String> = a.indicators.iter().map(|i| format!(",{},{}", metric_en_of(i), glosses(i).1.unwrap_or(""))).collect();
    for (k, g) in glossed.iter().enumerate() {
        assert_eq!(english[k + 1], format!("{}{g}", plain[k + 1]));
    }
    assert_eq!(glossed[0], ",GDP,%");
    assert_eq!(glossed[1], ",new jobs,people");

    // the JSON: SPEC.md's fields of each indicator, then metric_en and unit_en
    let json: serde_json::Value = serde_json::from_str(&serde_json::to_string(&English::new(&a)).unwrap()).unwrap();
    let spec: serde_json::Value = serde_json::from_str(&json_of(&a)).unwrap();
    assert_eq!(json["sections"], spec["sections"]);
    assert_eq!(json["layout"], spec["layout"]);
    for (k, i) in a.indicators.iter().enumerate() {
        let mut want = spec["indicators"][k].as_object().unwrap().clone();
        want.insert("metric_en".into(), glosses(i).0.map_or(serde_json::Value::Null, Into::into));
        want.insert("unit_en".into(), glosses(i).1.map_or(serde_json::Value::Null, Into::into));
        assert_eq!(json["indicators"][k].as_object().unwrap(), &want);
    }
    // after the SPEC fields, in this order
    let text = serde_json::to_string(&English::new(&a)).unwrap();
    assert!(text.contains(r#""section":null,"metric_en":"GDP","unit_en":"%"}"#), "{text}");
}

fn metric_en_of(i: &Indicator) -> String {
    glosses(i).0.unwrap_or_default()
}

fn json_of(a: &Annotation) -> String {
    json(a, false)
}
