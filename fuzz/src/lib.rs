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
