//! The bodies of zhibiao's fuzz targets, as plain functions of the input
//! bytes, so that `fuzz_targets/*.rs` are one line each and anything else
//! (a debugger, a replay loop) can call them the same way.
//!
//! Each function panics when `annotate` breaks an invariant of SPEC.md; a
//! panic is what libFuzzer reports as a crash.

#[path = "../../tests/invariants/mod.rs"]
pub mod invariants;

/// The `annotate` target: `data` read as UTF-8, invalid sequences replaced
/// by U+FFFD (as a browser's `TextDecoder` and wasm-bindgen do), annotated,
/// and the result checked.
pub fn annotate(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let a = zhibiao::annotate(&text);
    invariants::check(&text, &a, "annotate target");
    // the CSV export walks the text by the indicators' offsets: it must
    // not panic, and gives a header and a row per indicator; in English, so
    // that the glossary composes English for every metric found too
    let csv = zhibiao::export::csv("-", &text, &a, true);
    assert!(csv.starts_with("file,id,") && csv.ends_with("\r\n"), "annotate target: CSV {csv:?}");
}

/// The `numbers` target: `data` as number-dense text (`number_text`),
/// annotated and checked.
pub fn numbers(data: &[u8]) {
    let text = number_text(data);
    let a = zhibiao::annotate(&text);
    invariants::check(&text, &a, "numbers target");
}

/// What the number reader and the rules around it look at: each byte picks
/// `TOKENS[byte % TOKENS.len()]`.
pub fn number_text(data: &[u8]) -> String {
    data.iter().map(|&b| TOKENS[b as usize % TOKENS.len()]).collect()
}

/// Digits (half- and full-width, Chinese, financial), separators and
/// decimal points, magnitudes, `多`/`余`/`几`, signs, units (simple, compound,
/// traditional), range signs, ratio signs, ranks, written-out forms,
/// verbs of change, comparators, status cues, years, quotes, line ends, and
/// characters that are not what they seem (astral, U+FFFD, NUL).
pub const TOKENS: &[&str] = &[
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    "０", "１", "２", "５", "９", "．", "％", ".", ",", "，",
    "一", "二", "三", "五", "九", "十", "百", "千", "万", "亿",
    "两", "零", "〇", "壹", "拾", "萬", "億", "点", "多", "余",
    "逾", "%", "‰", "个百分点", "百分点", "個百分點", "倍", "番", "翻", "翻了",
    "成", "百分之", "第", "位", "名", "首位", "榜首", "个", "个月", "元",
    "美元", "人", "人次", "家", "户", "吨", "公里", "平方米", "微克/立方米", "元/月",
    "吨/日", "/", "／", "标箱", "标准箱", "亩", "项", "届", "次", "年",
    "月", "日", "—", "——", "-", "－", "～", "~", "至", "到",
    "∶", ":", "：", "比", "比重", "增长", "下降", "提高到", "降至", "达到",
    "超过", "不到", "约", "近", "左右", "以上", "以内", "控制在", "预计", "初步核算，",
    "力争", "确保", "目标", "分别", "和", "、", "。", "；", "\n", "\r\n",
    "\n\n", "“", "”", "《", "》", "（", "）", " ", "\u{3000}", "每",
    "PM", "G", "+", "号线", "地区生产总值", "城镇登记失业率", "2016年", "到2020年", "一、", "（一）",
    "一是", "1.", "𠀀", "😀", "\u{FFFD}", "\0", "增速", "年均", "由", "的",
    // issue 15: signs, shares written out, vague amounts, more dashes and
    // units that hold a magnitude character or need one
    "负", "几", "数", "分之", "千分之", "万分之", "仟", "―", "−", "从",
    "度", "担", "千米", "千瓦", "人民币",
];

/// The `pasted` target: a report-shaped text (`pasted_text`) as a PDF or a
/// web page would hand it over, annotated and checked; its reading
/// (`reflow`) is checked to drop characters and never add any.
pub fn pasted(data: &[u8]) {
    let text = pasted_text(data);
    let a = zhibiao::annotate(&text);
    invariants::check(&text, &a, "pasted target");
    let read = zhibiao::reflow(&text);
    assert!(read.chars().count() <= text.chars().count(), "the reading adds characters");
}

/// A report as pasted: paragraphs of `PIECES` (markers, figures, units,
/// words, punctuation), each byte picking a piece, hard-wrapped at a width
/// the first byte chooses (or not wrapped), with page furniture, zero-width
/// characters, spaced digits, lone CRs and a site's chrome as the second
/// byte's bits say. Wraps fall anywhere, inside figures too.
pub fn pasted_text(data: &[u8]) -> String {
    let Some((&shape, rest)) = data.split_first() else { return String::new() };
    let Some((&traits, rest)) = rest.split_first() else { return String::new() };
    let bit = |k: u32| traits & (1 << k) != 0;
    let width = match shape % 8 {
        0 => usize::MAX,
        w => 6 + 6 * w as usize,
    };
    let mut body = String::new();
    for &b in rest {
        body.push_str(PIECES[b as usize % PIECES.len()]);
    }
    let mut out = String::new();
    if bit(0) {
        out.push_str("首页\n政务公开\n首页 > 政务公开 > 政府工作报告\n2017年政府工作报告\n来源：某某市政府　发布时间：2017-01-20\n");
    }
    let (mut col, mut lines, mut page) = (0usize, 0usize, 1u32);
    let every = 3 + (shape as usize >> 3);
    for (k, c) in body.chars().enumerate() {
        out.push(c);
        if c == '\n' {
            col = 0;
            continue;
        }
        if bit(1) && c.is_ascii_digit() {
            out.push(' ');
        }
        if bit(2) && k % every == 0 {
            out.push(['\u{200B}', '\u{AD}', '\u{FEFF}', '\u{200D}'][k % 4]);
        }
        col += 1;
        if col >= width {
            col = 0;
            lines += 1;
            out.push_str(if bit(3) { "\r" } else if bit(4) { "\r\n" } else { "\n" });
            if bit(5) && lines % every == 0 {
                page += 1;
                out.push_str(&["\n— {} —\n", "\n- {} -\n", "\n{}\n", "\n第 {} 页\n"][page as usize % 4].replace("{}", &page.to_string()));
                if bit(6) {
                    out.push_str("2017年政府工作报告\n\u{0C}");
                }
            }
            if bit(7) && lines % 2 == 0 {
                out.push_str("　　");
            }
        }
    }
    if bit(0) {
        out.push_str("\n网站地图 | 联系我们\n版权所有：某某市人民政府办公厅\n粤ICP备05070829号\n");
    }
    out
}

/// What a report is made of, for `pasted_text`.
pub const PIECES: &[&str] = &[
    "一、", "二、", "（一）", "（二）", "一是", "二是", "第一，", "1.", "――", "●", "\n", "\n", "\n\n", "。", "，", "、",
    "；", "：", "“", "”", "《", "》", "（", "）", "全市", "地区生产总值", "增长", "下降", "提高到", "预计", "力争",
    "控制在", "以内", "左右", "以上", "分别", "和", "万亿元", "亿元", "万人", "%", "个百分点", "家", "公里", "8.1",
    "1.95", "2.4", "31", "2017年", "十三五", "五年来", "年均", "各位代表：", "谢谢大家！", "本作品", "版权所有",
    "PM2.5", "M", "2", "0", "6.5%－7%", "百分之五", "七成", "翻一番", "𠀀", "😀", "\u{FFFD}", " ", "\u{3000}",
];
