use super::*;

fn titles(s: &str) -> Vec<(u32, String, Option<usize>)> {
    let d = Doc::new(s);
    outline(&d).into_iter().map(|h| (h.level, d.slice(h.title.0, h.title.1).to_string(), h.parent)).collect()
}

#[test]
fn marked_headings_nest() {
    let got = titles(
        "一、过去五年工作回顾\n正文很长很长很长。\n（一）经济保持平稳增长。我们采取措施。\n一是投资更加有效。制定措施。\n二是消费加快升级。开展改革。\n（二）创新驱动。正文。\n二、目标任务\n――推动改革走在前列。围绕建设。\n",
    );
    let want: Vec<(u32, String, Option<usize>)> = vec![
        (1, "过去五年工作回顾".into(), None),
        (2, "经济保持平稳增长".into(), Some(0)),
        (3, "投资更加有效".into(), Some(1)),
        (3, "消费加快升级".into(), Some(1)),
        (2, "创新驱动".into(), Some(0)),
        (1, "目标任务".into(), None),
        (2, "推动改革走在前列".into(), Some(5)),
    ];
    assert_eq!(got, want);
}

#[test]
fn front_matter_is_no_heading() {
    let got = titles("2017年政府工作报告\n――2017年1月5日在第一次会议上\n市长 某某\n各位代表：\n现在我作报告。\n一、回顾\n正文。\n");
    assert_eq!(got, vec![(1, "回顾".to_string(), None)]);
}

#[test]
fn markers_and_non_markers() {
    let cases: &[(&str, Option<Style>)] = &[
        ("一、回顾", Some(Style::CnComma)),
        ("（一）加快发展", Some(Style::CnParen)),
        ("(二)加快发展", Some(Style::CnParen)),
        ("一是投资更加有效。", Some(Style::Shi)),
        ("1 着力 推进建设", Some(Style::Arabic)),
        ("３ 着力 推进改革", Some(Style::Arabic)),
        ("1.推进建设", Some(Style::Arabic)),
        ("1、推进建设", Some(Style::Arabic)),
        ("（1）推进建设", Some(Style::ArabicParen)),
        ("第一、关于基本建设", Some(Style::Ordinal)),
        ("第二，加强农业。", Some(Style::Ordinal)),
        ("第一，", None),
        ("第十五届人大", None),
        ("――经济实力迈上新台阶。", Some(Style::Dash)),
        ("2015年回顾", None),
        ("1.5万亿元", None),
        ("两岸合作", None),
        ("●预计增长8%", None),
    ];
    for &(s, want) in cases {
        let d = Doc::new(s);
        assert_eq!(marker_at(&d, 0, d.norm.len()).map(|m| m.0), want, "{s}");
    }
}

#[test]
fn lead_sentences_need_siblings() {
    let got = titles("（一）推进创新。正文。\n培育科技创新企业。跟踪服务企业，培育引进企业。\n建设重大创新平台。加快示范区建设，调整布局。\n");
    assert_eq!(got.len(), 3);
    assert_eq!(got[1], (2, "培育科技创新企业".to_string(), Some(0)));
    let alone = titles("（一）推进创新。正文。\n培育科技创新企业。跟踪服务企业，培育引进企业。\n");
    assert_eq!(alone.len(), 1);
}

#[test]
fn standalone_lines_before_body() {
    let got = titles("2015年回顾\n五件大事\n一是深入学习。市委坚持学习。\n二是科学谋划。市委重视。\n九项工作\n（一）经济发展稳中有进。正文。\n");
    let levels: Vec<u32> = got.iter().map(|g| g.0).collect();
    assert_eq!(levels, vec![1, 2, 3, 3, 2, 3]);
}
