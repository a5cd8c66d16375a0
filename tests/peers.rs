//! The number reader against a peer's test suite: the Chinese spec cases of
//! Microsoft Recognizers-Text (MIT; `tests/data/peers/`, see
//! `tests/data/README.md`), models Number, Percent, NumberRange, Ordinal,
//! Currency, Dimension, Age and Temperature.
//!
//! Each case is read twice through the public `annotate`:
//!
//! * **in a report's words**: a quantity that is the whole input stands in
//!   a report sentence, `全市某项指标为{input}。`; a bare numeral of the number
//!   model gets the measure word a report would write with it,
//!   `全市新增企业{input}家。` (a report never writes a number alone, and
//!   zhibiao reports a figure only with a measure word or a magnitude),
//!   but a fraction none (`三分之一` is a share, read as 33.3 %);
//!   an input that is a sentence of its own is read as `据统计，{input}。`;
//! * **in its own words**: the input as it is.
//!
//! Every expected quantity is paired with the figure zhibiao reports over
//! its span (the largest overlap). Two measures, with their bars:
//!
//! * **value right**, over the quantities zhibiao reports: the value (and
//!   the upper bound of a range) within 1e-6 relative, and the unit the
//!   peer names (percentages compared as such: `‰` is a tenth of `%`,
//!   `个百分点` counts as `%`). A figure zhibiao reports where the peer
//!   expects nothing (a case with no expected quantity, or, in the number
//!   model, which lists every number, a figure over none of them) counts
//!   as a wrong one. Bar: 95 %.
//! * **found with a unit**: of the expected quantities that carry a unit in
//!   the text read (a currency, a dimension, an age, a percentage, or a
//!   numeral given its measure word), the share zhibiao reports. Bar: 80 %.
//!
//! Forms no report writes are left out on purpose: `LEFT_OUT` names each
//! with the reason, and the test prints how many quantities each took.

use serde_json::Value;
use zhibiao::annotate;

/// One expected quantity of a case, or the case itself when it expects
/// none (`text` empty).
struct Item<'a> {
    model: &'a str,
    input: &'a str,
    text: &'a str,
    value: Option<&'a str>,
    unit: Option<&'a str>,
    not_supported: &'a [Value],
}

impl Item<'_> {
    fn has(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.text.contains(w))
    }
    fn input_has(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.input.contains(w))
    }
    fn model_is(&self, m: &str) -> bool {
        self.model.ends_with(m)
    }
}

/// A form left out, why, and which items are of it. The first that
/// matches an item takes it.
type Rule = (&'static str, &'static str, fn(&Item) -> bool);

const LEFT_OUT: &[Rule] = &[
    (
        "cases the peer itself does not pass",
        "marked not supported on the peer's reference (.NET) platform",
        |i| i.not_supported.iter().any(|p| p == "dotnet"),
    ),
    (
        "dates and times",
        "SPEC: a date or a time of day is not an indicator (`１９９１年１月１６日`, `2:00 pm`)",
        |i| (i.input_has(&["年"]) && i.input_has(&["月"]) && i.input_has(&["日"])) || i.input_has(&["pm", "am "]),
    ),
    (
        "Latin unit symbols and degree signs",
        "a report writes its units in characters (`厘米`, `米`); `168cm`, `250m`, `39°C` are not report text",
        |i| (i.model_is("DimensionModel") || i.model_is("TemperatureModel")) && i.text.chars().any(|c| c.is_ascii_alphabetic() || c == '°'),
    ),
    (
        "k/M/e notation and powers",
        "`40k`, `-2.5 M`, `2e5`, `2^5`: keyboard and engineering notation; a report writes 万 and 亿",
        |i| {
            let t: Vec<char> = i.text.chars().collect();
            i.has(&["k", "K", "ｋ", "Ｋ", "^", " M", " m"]) || t.windows(2).any(|w| w[0].is_ascii_digit() && matches!(w[1], 'e' | 'E'))
        },
    ),
    (
        "折 discounts",
        "a shop's discount (`九折`, `打对折`, `三点一折`): no report states a share as 折",
        |i| i.input_has(&["折"]) && (i.text.is_empty() || i.has(&["折"])),
    ),
    (
        "兆 as 10^12",
        "mainland Chinese writes 10^12 as 万亿 and reads 兆 as 10^6 (`兆瓦`); `五兆六十二亿` is Taiwan or Japan usage",
        |i| i.has(&["兆"]),
    ),
    (
        "letter-spaced numbers",
        "`十 余 万`, `7 万5 千4 百`, `一百五十    个百分点`: spaces inside a number are no report's writing (in a PDF copy a letter-spaced line is joined by the layout layer before the number reader sees it)",
        |i| i.text.trim().contains([' ', '\u{3000}']),
    ),
    (
        "fractions a report does not write",
        "slash fractions (`3/5`, `-3/2`, `1 4/3`: in a report `2020/2021` and `1/2` are as often codes and dates), mixed numbers (`三百五又三分之一`), negative ones (`负３分之负一百五十七`), and parts per 200 and beyond (`五百分之2333`, `一千分之一`, `百万分之五`: 千分之/万分之 are read as ‰ and ‱); a report writes 三分之一, which zhibiao reads as 33.3 %",
        |i| {
            let t = if i.text.is_empty() { i.input } else { i.text };
            let den: String = t.split("分之").next().unwrap_or("").chars().filter(|c| !c.is_whitespace()).collect();
            let per_mille = ["千", "仟", "万", "萬", "百万", "千万", "万万", "百万万"].contains(&den.as_str());
            let large = ["百", "千", "仟", "万", "萬", "亿"].iter().any(|m| den.contains(m)) && den != "一百" && den != "壹百" && den != "百" && den != "佰";
            (t.contains("分之") && (large || per_mille) && !["千", "仟", "万", "萬"].contains(&den.as_str()))
                || i.has(&["/", "／", "又"])
                || (t.contains("分之") && t.contains('负'))
                || (t.contains("分之") && t.contains('負'))
        },
    ),
    (
        "ordinals",
        "SPEC: an enumerator or edition (`第二百五十`, `第3万回`) is not an indicator; a rank needs 位/名 or a ranking word",
        |i| i.model_is("OrdinalModel") || i.has(&["第"]) || i.input_has(&["第零十"]),
    ),
    (
        "spoken shorthand numerals",
        "`一万三` (13000), `四百五`, `千三`, `两千三点一`, `半百`, `三成半`, `一吨半`: speech leaves the last place unsaid; a report writes 一万三千, 1.5吨",
        |i| {
            let t: Vec<char> = i.text.trim().chars().filter(|c| !c.is_whitespace()).collect();
            let digit = |c: char| "一二三四五六七八九两壹贰叁肆伍陆柒捌玖兩貳陸".contains(c);
            let place = |c: char| "百千万佰仟萬亿億".contains(c);
            let shorthand = t.len() >= 2 && digit(t[t.len() - 1]) && place(t[t.len() - 2]);
            let after_magnitude = t.windows(2).any(|w| "千万萬亿億".contains(w[0]) && "点點".contains(w[1]));
            shorthand || after_magnitude || i.has(&["半", "千三", "百三"])
        },
    ),
    (
        "intervals from two comparators and math symbols",
        "`大于10小于20`, `位于20和30之间`, `比三十大`, `≥50`: a database question's interval; a report writes one bound with 以上/以内, which zhibiao keeps as the comparator",
        |i| {
            i.model_is("NumberRangeModel") || i.model_is("NumberRangeModelExperimentalMode")
        } && (i.input_has(&["大于", "小于", "之间", "间", "≥", "<", "比", "最多", "最少", "等于", "或者", "并", "之下", "过20", "以上， ", "以下"])),
    ),
    (
        "dozens, pairs and spoken money",
        "`一打` (12), `五十打`, `三块`, `五元三毛`, `两美元又三美分`, `两美刀`: shop counting; a report counts in 个/对 and pays in 元",
        |i| i.has(&["打", "块", "毛", "角", "美分", "美刀", "銭"]) || i.input_has(&["美刀", "日本銭"]),
    ),
    (
        "currencies no Chinese report names, and currency signs",
        "`瑞士法郎`, `奈拉`, `比特币`, `$20`, `￥300`: a report names 元, 美元, 欧元, 港元, 日元 and writes no currency signs",
        |i| i.unit.is_some_and(|u| ["Swiss franc", "Nigerian naira", "Bitcoin", "Dollar"].contains(&u)) || i.input_has(&["$", "￥"]),
    ),
    (
        "colloquial and mixed numerals",
        "`倆千` (倆 for 两), `零十` (10), `1千零1`, `2千零30万`: speech, or Arabic digits mixed with 千 and 零; a report writes 两千, 1001, 2030万",
        |i| i.has(&["倆", "零十"]) || {
            let t: Vec<char> = i.text.chars().collect();
            t.windows(3).any(|w| w[0].is_ascii_digit() && "千百".contains(w[1]) && w[2] == '零')
        },
    ),
    (
        "a currency named without an amount",
        "`人民币 美元`: no number, nothing to read",
        |i| !i.text.is_empty() && i.value.is_none(),
    ),
    (
        "units of information, frequency and food energy; 两 as a weight",
        "`三千比特`, `五十兆字节`, `100赫兹`, `323千卡`, `二两`: no report measures in them, and 两 is mostly 2",
        |i| i.has(&["比特", "字节", "赫兹", "千卡"]) || i.unit == Some("Liang"),
    ),
    (
        "temperatures",
        "a report states no temperature; `度` after 万/亿 is electricity (kWh), which zhibiao reads",
        |i| i.model_is("TemperatureModel"),
    ),
    (
        "a person's or a baby's age in a story",
        "`当她五岁的时候`, `三周大`: a report states ages as averages (`人均预期寿命77.3岁`)",
        |i| i.model_is("AgeModel") && (i.input_has(&["她", "他", "我", "宝宝", "小孩"]) || i.has(&["大"])),
    ),
    (
        "a decimal without its leading zero",
        "`.5`, `-.5`, `.23456000`: no report writes a decimal without its 0",
        |i| i.text.trim_start_matches(['-', '－']).starts_with('.'),
    ),
    (
        "the number model's negatives that are other models' quantities",
        "`一美元`, `两美刀`, `苹果折扣一美元`: the number model leaves a currency to the currency model (which expects 一美元 = 1 美元, as zhibiao reads it)",
        |i| i.text.is_empty() && i.model_is("NumberModel") && i.input_has(&["美元", "美刀"]),
    ),
    (
        "a range whose first bound the percent model drops",
        "`5-20%`: the percent model expects 20% alone; zhibiao reads the range 5 to 20 %, as the peer's number range model would",
        |i| i.model_is("PercentModel") && i.input_has(&["5-20%"]),
    ),
];

/// The units the peer names, as zhibiao writes them.
fn units_for(peer: &str) -> Option<&'static [&'static str]> {
    Some(match peer {
        "Chinese yuan" => &["元"],
        "United States dollar" => &["美元"],
        "Euro" => &["欧元"],
        "Hong Kong dollar" => &["港元"],
        "Japanese yen" => &["日元"],
        "New Taiwan dollar" => &["新台币"],
        "Kilometer" => &["公里"],
        "Kilogram" => &["千克", "公斤"],
        "Mu" => &["亩"],
        "Ton" => &["吨"],
        "Meter" => &["米"],
        "Jin" => &["斤"],
        "Gram" => &["克"],
        "Centimeter" => &["厘米"],
        "Microgram" => &["微克"],
        "Kilowatt" => &["千瓦"],
        "Year" => &["岁"],
        _ => return None,
    })
}

/// The peer's value: (lower or only value, upper bound), `%` taken off.
fn peer_value(v: &str) -> (Option<f64>, Option<f64>) {
    let v = v.trim().trim_end_matches('%');
    if let Some(inner) = v.strip_prefix(['(', '[']) {
        let inner = inner.trim_end_matches([')', ']']);
        let (a, b) = inner.split_once(',').unwrap_or((inner, ""));
        let (a, b) = (a.trim().parse().ok(), b.trim().parse().ok());
        return match (a, b) {
            (Some(a), b) => (Some(a), b),
            (None, b) => (b, None),
        };
    }
    (v.parse().ok(), None)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

#[derive(Default)]
struct Tally {
    reported: usize,
    right: usize,
    with_unit: usize,
    found_with_unit: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.reported += o.reported;
        self.right += o.right;
        self.with_unit += o.with_unit;
        self.found_with_unit += o.found_with_unit;
    }
    fn line(&self, name: &str) -> String {
        let pct = |a: usize, b: usize| if b == 0 { "   -  ".to_string() } else { format!("{:5.1}%", 100.0 * a as f64 / b as f64) };
        format!(
            "{name:<32} value right {} ({}/{}), found with a unit {} ({}/{})",
            pct(self.right, self.reported),
            self.right,
            self.reported,
            pct(self.found_with_unit, self.with_unit),
            self.found_with_unit,
            self.with_unit
        )
    }
}

fn u16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

#[test]
fn peer_suite_recognizers_text() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/peers/recognizers-text-zh.jsonl");
    let data = std::fs::read_to_string(path).unwrap();
    let cases: Vec<Value> = data.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();

    let mut left_out = vec![0usize; LEFT_OUT.len()];
    let (mut in_scope, mut negatives) = (0, 0);
    let (mut own, mut report) = (Tally::default(), Tally::default());
    let mut by_model: Vec<(String, Tally)> = Vec::new();
    let mut misses: Vec<String> = Vec::new();
    let no_support: Vec<Value> = Vec::new();

    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let model = case["model"].as_str().unwrap();
        let source = case["source"].as_str().unwrap();
        let not_supported = case["not_supported"].as_array().unwrap_or(&no_support);
        let expected = case["expected"].as_array().unwrap();
        fn item<'a>(model: &'a str, input: &'a str, not_supported: &'a [Value], e: Option<&'a Value>) -> Item<'a> {
            Item {
                model,
                input,
                text: e.and_then(|e| e["text"].as_str()).unwrap_or(""),
                value: e.and_then(|e| e["value"].as_str()),
                unit: e.and_then(|e| e["unit"].as_str()),
                not_supported,
            }
        }
        let rule_of = |it: &Item| LEFT_OUT.iter().position(|r| (r.2)(it));
        // the quantities in scope: (expected entry, its span in `input`)
        let mut scoped: Vec<&Value> = Vec::new();
        let mut all_spans: Vec<(usize, usize)> = Vec::new();
        for e in expected {
            let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            all_spans.push((s, t));
            match rule_of(&item(model, input, not_supported, Some(e))) {
                Some(r) => left_out[r] += 1,
                None => scoped.push(e),
            }
        }
        let negative = expected.is_empty();
        if negative {
            if let Some(r) = rule_of(&item(model, input, not_supported, None)) {
                left_out[r] += 1;
                continue;
            }
        } else if scoped.is_empty() {
            continue;
        }
        in_scope += scoped.len();
        negatives += usize::from(negative);
        let whole = expected.len() == 1 && {
            let e = &expected[0];
            e["start"].as_u64() == Some(0) && e["end"].as_u64().unwrap() as usize == input.trim_end().chars().count()
        };
        // a bare numeral gets a measure word; a fraction is a share, which
        // takes none (`三分之一`, read as 33.3 %)
        let numeral = whole && model.ends_with("/NumberModel") && !input.contains("分之");
        let (pre, post) = if numeral {
            ("全市新增企业", "家。")
        } else if whole {
            ("全市某项指标为", "。")
        } else if input.trim_end().ends_with(['。', '！', '？', '.', '?', '!']) {
            ("据统计，", "")
        } else {
            ("据统计，", "。")
        };
        let report_text = format!("{pre}{}{post}", if whole { input.trim_end() } else { input });
        for (reading, text, offset) in [("own", input.to_string(), 0), ("report", report_text, u16_len(pre))] {
            let a = annotate(&text);
            let mut t = Tally::default();
            let at = |cp: usize| offset + u16_len(&input.chars().take(cp).collect::<String>());
            for e in &scoped {
                let (s, end) = (at(e["start"].as_u64().unwrap() as usize), at(e["end"].as_u64().unwrap() as usize));
                let unit = e["unit"].as_str();
                let percent = model.ends_with("PercentModel");
                let carries_unit = unit.is_some() || percent || (numeral && reading == "report");
                let found = a.indicators.iter().filter(|i| i.start < end && s < i.end).max_by_key(|i| i.end.min(end) - i.start.max(s));
                if carries_unit {
                    t.with_unit += 1;
                }
                let Some(f) = found else {
                    if carries_unit {
                        misses.push(format!("not found  {source} [{reading}] {text:?}: {}", e["text"]));
                    }
                    continue;
                };
                if carries_unit {
                    t.found_with_unit += 1;
                }
                t.reported += 1;
                let (want, want_max) = peer_value(e["value"].as_str().unwrap_or(""));
                // zhibiao's value in the peer's terms
                let scale = match f.unit.as_deref() {
                    Some("‰") if percent => 0.1,
                    Some("‱") if percent => 0.01,
                    // a fraction, which the number model reads as a number
                    // (not 百分之五十五, whose number it expects as 55)
                    Some("%") if model.ends_with("/NumberModel") && f.value_text.contains("分之") && !f.value_text.starts_with("百分之") => 0.01,
                    _ => 1.0,
                };
                let got = f.value.map(|v| v * scale);
                let got_max = f.value_max.map(|v| v * scale);
                let value_ok = match (got, want) {
                    (Some(g), Some(w)) => close(g, w) && want_max.is_none_or(|m| got_max.is_some_and(|g| close(g, m))),
                    _ => false,
                };
                let unit_ok = if percent {
                    matches!(f.unit.as_deref(), Some("%" | "‰" | "‱" | "个百分点"))
                } else if numeral && reading == "report" {
                    f.unit.as_deref() == Some("家")
                } else {
                    unit.and_then(units_for).is_none_or(|us| f.unit.as_deref().is_some_and(|u| us.contains(&u)))
                };
                if value_ok && unit_ok {
                    t.right += 1;
                } else {
                    misses.push(format!(
                        "wrong      {source} [{reading}] {text:?}: {} = {} {}, read {:?} = {:?}..{:?} {:?}",
                        e["text"], e["value"], e["unit"], f.value_text, f.value, f.value_max, f.unit
                    ));
                }
            }
            // figures where the peer expects none
            if negative || model.ends_with("/NumberModel") {
                for f in &a.indicators {
                    let over = all_spans.iter().any(|&(s, e)| {
                        let (s, e) = (at(s), at(e));
                        f.start < e && s < f.end
                    });
                    if !over {
                        t.reported += 1;
                        misses.push(format!("unexpected {source} [{reading}] {text:?}: read {:?} = {:?}", f.value_text, f.value));
                    }
                }
            }
            let m = model.to_string();
            match by_model.iter_mut().find(|(k, _)| *k == m) {
                Some((_, x)) => x.add(&t),
                None => {
                    let mut x = Tally::default();
                    x.add(&t);
                    by_model.push((m, x));
                }
            }
            if reading == "own" {
                own.add(&t)
            } else {
                report.add(&t)
            }
        }
    }

    let total_out: usize = left_out.iter().sum();
    println!(
        "peer suite: {} cases; in scope {in_scope} quantities and {negatives} cases that expect none; {total_out} left out (quantities and cases expecting none)",
        cases.len()
    );
    println!("\nleft out on purpose:");
    for (r, n) in LEFT_OUT.iter().zip(&left_out) {
        println!("  {n:>4}  {}: {}", r.0, r.1);
    }
    println!("\nby model (both readings):");
    for (m, t) in &by_model {
        println!("  {}", t.line(m));
    }
    let mut all = Tally::default();
    all.add(&own);
    all.add(&report);
    println!("\n  {}", own.line("in its own words"));
    println!("  {}", report.line("in a report's words"));
    println!("  {}", all.line("both"));
    println!("\nmisses:");
    for m in &misses {
        println!("  {m}");
    }
    let value_right = all.right as f64 / all.reported.max(1) as f64;
    let found = all.found_with_unit as f64 / all.with_unit.max(1) as f64;
    assert!(value_right >= 0.95, "value right on {:.1}% of the quantities reported (bar 95%)", 100.0 * value_right);
    assert!(found >= 0.80, "found {:.1}% of the quantities with a unit (bar 80%)", 100.0 * found);
}
