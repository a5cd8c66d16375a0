use super::*;

fn read(text: &str) -> (Layout, String) {
    let doc = Doc::new(text);
    let (layout, plan) = plan(&doc);
    let reading = plan.map(|p| p.apply(&doc).text).unwrap_or_else(|| text.to_string());
    (layout, reading)
}

#[test]
fn clean_text_has_no_plan() {
    let text = "一、回顾\n全市地区生产总值增长8.1%。\n（一）经济平稳\n城镇登记失业率控制在3.5%以内。\n";
    let doc = Doc::new(text);
    assert!(plan(&doc).1.is_none());
}

#[test]
fn chrome_firsts_hold_every_first_character() {
    for w in CHROME_WORDS {
        assert!(CHROME_FIRSTS.contains(w.chars().next().unwrap()), "{w}");
    }
}

#[test]
fn page_numbers() {
    assert_eq!(page_number("— 12 —"), Some((12, true)));
    assert_eq!(page_number("- 3 -"), Some((3, true)));
    assert_eq!(page_number("12"), Some((12, false)));
    assert_eq!(page_number("第 4 页"), Some((4, true)));
    assert_eq!(page_number("3/40"), Some((3, true)));
    assert_eq!(page_number("第3页 共40页"), Some((3, true)));
    assert_eq!(page_number("Page 7 of 9"), Some((7, true)));
    assert_eq!(page_number("第3页，共40页"), Some((3, true)));
    assert_eq!(page_number("12 / 40"), Some((12, true)));
    assert_eq!(page_number("【12】"), Some((12, true)));
    assert_eq!(page_number("PAGE 3"), Some((3, true)));
    assert_eq!(page_number("(12"), None);
    assert_eq!(page_number("12345"), None);
    assert_eq!(page_number("第12"), None);
    assert_eq!(page_number("— 12"), None);
    assert_eq!(page_number("12%"), None);
    assert_eq!(page_number("2017年"), None);
}

#[test]
fn joins_numbers_split_by_a_line_end() {
    let (layout, reading) = read("地区生产总值增长1\n0.6%。\n总量达到74.4\n\u{200b}\n万亿元。\n广义货币M\n2\n增长13.6%。\n");
    assert_eq!(reading, "地区生产总值增长10.6%。\n总量达到74.4万亿元。\n广义货币M2增长13.6%。\n");
    assert_eq!(layout.joined_lines, 4);
}

#[test]
fn markers_alone_and_links_on_lines_of_their_own() {
    let (_, reading) = read("一、\n过去五年工作回顾\n认真贯彻《\n中华人民共和国公司法\n》，加快改革。\n");
    assert_eq!(reading, "一、过去五年工作回顾\n认真贯彻《中华人民共和国公司法》，加快改革。\n");
}

#[test]
fn lone_cr_ends_lines() {
    let (layout, reading) = read("一、回顾\r正文。\r二、目标\r正文。");
    assert_eq!(reading, "一、回顾\n正文。\n二、目标\n正文。");
    assert_eq!(layout.line_ends, LineEnds::Cr);
}

#[test]
fn spaced_digits() {
    let (layout, reading) = read("国内生产总值达到 7 4 7 7 2 亿元，增长 8 . 8 %。\n");
    assert_eq!(reading, "国内生产总值达到74772亿元，增长8.8%。\n");
    assert_eq!(layout.spaces, 10);
}
