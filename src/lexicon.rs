//! The words the rules listen for: verbs of change, comparators, status
//! cues, and the function words trimmed off a metric. All in simplified
//! characters: the rules match on normalised text.
//!
//! Where words share an ending, the longer comes first: the first match
//! wins.

use crate::{Comparator, Direction};
use std::sync::OnceLock;

/// The words of a list keyed by one of their characters (the first or the
/// last), each with a payload (a comparator, a direction, or nothing), so
/// that a lookup at a position tries only the words that can match there.
pub struct WordIndex<T: Copy + 'static = ()> {
    /// (key character, word, payload), sorted by key; words with the same
    /// key keep their order in the list (the sort is stable), so "the
    /// first that matches" means what it meant in the list.
    entries: Vec<(char, &'static str, T)>,
}

impl<T: Copy + 'static> WordIndex<T> {
    pub fn with(words: impl IntoIterator<Item = (&'static str, T)>, last: bool) -> WordIndex<T> {
        let mut entries: Vec<(char, &'static str, T)> =
            words.into_iter().filter_map(|(w, t)| if last { w.chars().next_back() } else { w.chars().next() }.map(|c| (c, w, t))).collect();
        entries.sort_by_key(|e| e.0);
        WordIndex { entries }
    }

    /// The words keyed by `c`, with their payloads, in list order.
    pub fn entries_for(&self, c: char) -> impl Iterator<Item = (&'static str, T)> + '_ {
        let lo = self.entries.partition_point(|e| e.0 < c);
        self.entries[lo..].iter().take_while(move |e| e.0 == c).map(|e| (e.1, e.2))
    }

    /// Test support: every word of `list` is here under its key character
    /// (`last` as built), and the words under one key come in list order.
    #[cfg(test)]
    pub fn assert_holds(&self, list: &[(&'static str, T)], last: bool)
    where
        T: PartialEq + std::fmt::Debug,
    {
        let key = |w: &str| if last { w.chars().next_back() } else { w.chars().next() };
        assert_eq!(self.entries.len(), list.len());
        for &(w, _) in list {
            let listed: Vec<(&str, T)> = list.iter().copied().filter(|(v, _)| key(v) == key(w)).collect();
            assert_eq!(self.entries_for(key(w).unwrap()).collect::<Vec<_>>(), listed, "{w}");
        }
    }
}

impl WordIndex {
    fn new(words: &[&'static str], last: bool) -> WordIndex {
        WordIndex::with(words.iter().map(|&w| (w, ())), last)
    }

    /// The words keyed by `c`, in list order.
    pub fn keyed(&self, c: char) -> impl Iterator<Item = &'static str> + '_ {
        self.entries_for(c).map(|e| e.0)
    }
}

/// `PRE_COMPARATORS` by last character.
pub fn pre_comparators() -> &'static WordIndex<Comparator> {
    static INDEX: OnceLock<WordIndex<Comparator>> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::with(PRE_COMPARATORS.iter().copied(), true))
}

/// `POST_COMPARATORS` by first character.
pub fn post_comparators() -> &'static WordIndex<Comparator> {
    static INDEX: OnceLock<WordIndex<Comparator>> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::with(POST_COMPARATORS.iter().copied(), false))
}

/// `UP_VERBS` then `DOWN_VERBS` by last character, with their direction.
pub fn change_verbs() -> &'static WordIndex<Direction> {
    static INDEX: OnceLock<WordIndex<Direction>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let up = UP_VERBS.iter().map(|&w| (w, Direction::Up));
        WordIndex::with(up.chain(DOWN_VERBS.iter().map(|&w| (w, Direction::Down))), true)
    })
}

/// `CHANGE_FILLERS` by last character.
pub fn change_fillers() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::new(CHANGE_FILLERS, true))
}

/// `METRIC_SUFFIXES` by last character.
pub fn metric_suffixes() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::new(METRIC_SUFFIXES, true))
}

/// `METRIC_AFTER_STOPS` by first character.
pub fn metric_after_stops() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::new(METRIC_AFTER_STOPS, false))
}

/// Verbs of two or more characters (`METRIC_SUFFIXES` and `AFTER_VERBS`)
/// by first character: after a figure they show no noun follows.
pub fn verbs_after() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        // not the words that end a metric without being verbs (`10个计划`)
        let words: Vec<&'static str> =
            METRIC_SUFFIXES.iter().chain(AFTER_VERBS).copied().filter(|w| w.chars().count() >= 2 && !NOT_VERBS_AFTER.contains(w)).collect();
        WordIndex::new(&words, false)
    })
}

/// `METRIC_PREFIXES` by first character.
pub fn metric_prefixes() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::new(METRIC_PREFIXES, false))
}

/// Verbs of increase directly before a figure (`增长8%`).
#[rustfmt::skip]
pub const UP_VERBS: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "上涨", "扩大", "攀升", "回升", "净增", "递增", "增产", "增收", "增", "涨", "高出",
    "多", "高",
];

/// Verbs of decrease directly before a figure (`下降7.7%`, `低0.55个百分点`).
#[rustfmt::skip]
pub const DOWN_VERBS: &[&str] = &[
    "下降", "降低", "减少", "下调", "缩小", "回落", "下滑", "收窄", "缩减", "压减", "压缩", "削减", "减轻", "递减",
    "减产", "减收", "降", "减", "低", "少",
];

/// Nouns that make the figure after them a change (`涨幅控制在3%`), with
/// their direction.
#[rustfmt::skip]
pub const CHANGE_NOUNS: &[(&str, bool)] = &[
    // the year's growth target: 经济增长预期目标为5%左右
    ("增长预期", true),
    ("增长的预期", true),
    ("增长目标", true),
    ("增长速度", true),
    ("增长的速度", true),
    ("递增的速度", true),
    ("递增速度", true),
    ("增长率", true),
    ("增速", true),
    ("增幅", true),
    ("涨幅", true),
    ("升幅", true),
    ("降幅", false),
    ("降速", false),
];

/// The words of `CHANGE_NOUNS`.
#[rustfmt::skip]
pub const CHANGE_NOUN_WORDS: &[&str] = &["增长预期", "增长的预期", "增长目标", "增长速度", "增长的速度", "递增的速度", "递增速度", "增长率", "增速", "增幅", "涨幅", "升幅", "降幅", "降速"];

/// Words between a verb of change and its figure that leave it a change.
#[rustfmt::skip]
pub const CHANGE_FILLERS: &[&str] = &["分别", "均", "都", "各", "了", "约", "近", "超过", "超", "逾", "达", "达到", "保持在", "稳定在"];

/// A verb of change followed by one of these makes a level: `提高到`,
/// `降至`, `增至`.
#[rustfmt::skip]
pub const TO_WORDS: &[&str] = &["到", "至", "为"];

/// Comparators before a figure: (word, comparator name).
#[rustfmt::skip]
pub const PRE_COMPARATORS: &[(&str, Comparator)] = &[
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不小于", Comparator::Ge),
    ("至少", Comparator::Ge),
    ("最少", Comparator::Ge),
    ("不超过", Comparator::Le),
    ("不高于", Comparator::Le),
    ("不大于", Comparator::Le),
    ("最多", Comparator::Le),
    ("控制在", Comparator::Le),
    ("不到", Comparator::Lt),
    ("不足", Comparator::Lt),
    ("低于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("小于", Comparator::Lt),
    ("超过", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("高于", Comparator::Gt),
    ("大于", Comparator::Gt),
    ("超出", Comparator::Gt),
    ("突破", Comparator::Gt),
    ("逾", Comparator::Gt),
    ("超", Comparator::Gt),
    ("大约", Comparator::Approx),
    ("接近", Comparator::Approx),
    ("将近", Comparator::Approx),
    ("约", Comparator::Approx),
    ("近", Comparator::Approx),
];

/// Comparators after a figure.
#[rustfmt::skip]
pub const POST_COMPARATORS: &[(&str, Comparator)] = &[
    ("以上", Comparator::Ge),
    ("及以上", Comparator::Ge),
    ("以内", Comparator::Le),
    ("之内", Comparator::Le),
    ("以下", Comparator::Le),
    ("左右", Comparator::Approx),
    ("上下", Comparator::Approx),
    ("多", Comparator::Gt),
    ("余", Comparator::Gt),
];

/// Cues of a yearly average over years (`年均增长`, `平均每年递增`); whether
/// one averages over years is for `indicators::averages_years` to say
/// (`年均浓度` is one year's mean).
#[rustfmt::skip]
pub const AVERAGE_CUES: &[&str] = &["年均", "年平均", "平均每年"];

/// A span of several years (`cues::span_year`): a count of years and
/// `年来`, `年间`, `年中`, `年内`, `年里` or a sum (`五年来`, `十七年间`,
/// `三年内`, `五年累计`, `5年来`; not `一九五七年中`), found at its `年`; a
/// lead word and a count (`过去五年`, `今后五年`), found at the lead
/// word. Not at the count: a cue word that starts with a digit would stop
/// the cue scan at every digit of the text.
#[rustfmt::skip]
pub const SPAN_CUES: &[&str] = &["年来", "年间", "年中", "年内", "年里", "年累", "年合", "年共", "年总", "过去", "今后", "未来", "以来的"];

/// The words of `AVERAGE_CUES`, `累计`, `SPAN_CUES` and `PLAN_PERIOD_CUES`
/// (`cues::Cue::Horizon`).
#[rustfmt::skip]
pub const HORIZON_CUES: &[&str] = &[
    "年均", "年平均", "平均每年", "累计", "年来", "年间", "年中", "年内", "年里", "年累", "年合", "年共", "年总", "过去", "今后",
    "未来", "以来的", "计划", "规划", "”时期", "”期间", "”末", "」时期", "」期间", "」末", "规划期", "世纪末", "远景目标",
];

/// A span of years or a plan's period that may lead its sentence
/// (`cues::Cue::Lead`).
#[rustfmt::skip]
pub const LEAD_CUES: &[&str] = &["年来", "年间", "年中", "年内", "年里", "过去", "今后", "未来", "以来的", "”时期", "”期间", "」时期", "」期间"];

/// A multi-year plan's period (`cues::plan_period_at`), found after the
/// count or number of the plan (`五年计划`, `“十四五”时期`, `六五计划`).
#[rustfmt::skip]
pub const PLAN_PERIOD_CUES: &[&str] = &["计划", "规划", "”时期", "”期间", "”末", "」时期", "」期间", "」末", "规划期", "世纪末", "远景目标"];

/// Cues that a figure is an estimate.
#[rustfmt::skip]
pub const ESTIMATE_CUES: &[&str] = &["预计", "初步核算", "初步统计", "初步测算", "初步", "预估", "估计"];

/// Cues that a figure is a goal, anywhere before it in its sentence.
#[rustfmt::skip]
pub const TARGET_CUES: &[&str] = &[
    "力争", "确保", "争取", "预期目标", "预期", "目标是", "目标为", "目标", "计划", "安排", "规划", "拟", "将要", "今年",
    "明年",
];

/// Cues in a part that sets tasks that a figure reports the past.
#[rustfmt::skip]
pub const PAST_CUES: &[&str] = &[
    "去年", "上年", "过去", "以来", "已经", "五年来", "一年来", "回顾", "完成了", "实现了", "取得了", "达到了", "增长了",
    // a fact as it stands: 我们党拥有九千六百多万名党员 (not 现有, 现在:
    // 对现有企业进行技术改造, 实现在本世纪末…)
    "拥有", "已有", "目前",
];

/// Heading words of a part that reviews the past.
#[rustfmt::skip]
pub const REVIEW_HEADINGS: &[&str] = &[
    "回顾", "过去", "总结", "成绩", "成就", "执行情况", "工作情况", "主要工作", "取得", "进展", "经验",
];

/// Heading words of a part that sets tasks.
#[rustfmt::skip]
pub const PLAN_HEADINGS: &[&str] = &[
    "目标", "任务", "安排", "今后", "建议", "部署", "展望", "思路", "要求", "计划", "打算", "重点", "着力", "未来",
    "今年", "明年", "政策取向", "主要预期",
];

/// Words trimmed off the end of a metric (verbs and comparators between the
/// noun phrase and its figure).
#[rustfmt::skip]
pub const METRIC_SUFFIXES: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "上涨", "扩大", "攀升", "回升", "下降", "降低", "减少", "下调", "缩小",
    "回落", "下滑", "收窄", "缩减", "压减", "削减", "增产", "减产", "增收", "减收", "递增", "递减", "不低于", "不少于", "不超过", "不高于", "至少", "超过", "不到",
    "不足", "低于", "高于", "多于", "少于", "接近", "将近", "大约", "控制在", "保持在", "稳定在", "达到", "分别",
    "年均", "平均", "同比", "环比", "可比", "累计", "合计", "总计", "预计", "初步", "力争", "确保", "争取", "已经",
    "增至", "降至", "提至", "减至", "增到", "降到", "跃居", "位居", "位列", "名列", "居于", "排名", "蝉联", "保持",
    "达", "为", "是", "至", "到", "约", "近", "逾", "超", "增", "降", "减", "涨", "低", "高", "均", "共", "了",
    "的", "已", "仍", "再", "又", "也", "还", "各", "居", "列", "在", "有", "占", "调整", "发展", "变", "都", "仍然", "要",
    "拟安排", "安排", "拟按", "按", "拟", "预期", "突破", "实际", "定在", "定为", "要求", "将", "可以", "则", "年度计划",
    "年计划", "计划", "平均每年", "每年", "只完成", "完成",
    // a qualifier between the measure and its verb
    "扣除物价因素", "扣除价格因素", "扣除物价上涨因素", "扣除价格上涨因素", "按可比价格计算", "下降到", "下降至", "提高到", "提高至", "增加到", "增加至", "增长到",
    "减少到", "减少至", "扩大到", "扩大至", "上升到", "上升至", "降低到", "降低至", "提升到", "提升至",
    // the place of a rank: 位居全球第6
    "全球", "全国", "全省", "世界", "国内", "亚洲",
];

/// Words of `METRIC_SUFFIXES` that end a metric but may begin the noun
/// after a figure (`实施10个计划`): not in `verbs_after`.
const NOT_VERBS_AFTER: &[&str] = &["可以", "年度计划", "年计划", "计划", "平均每年", "每年"];

/// Verbs that may follow a figure and show that what follows is no noun.
#[rustfmt::skip]
pub const AFTER_VERBS: &[&str] = &["安排", "调整", "发展到", "变为", "位居", "居全", "列全", "相比", "同比", "以来", "左右", "以上", "以内"];

/// Words trimmed off the start of a metric.
#[rustfmt::skip]
pub const METRIC_PREFIXES: &[&str] = &[
    "全市", "全省", "全国", "全区", "全县", "全州", "全年", "我市", "我省", "我国", "我区", "其中", "实现", "累计",
    "今年", "去年", "上年", "当年", "去年末", "去年底", "今年底", "今年末", "上年末", "上年底", "同期", "预计", "初步", "力争", "确保", "争取", "目前", "现在", "共有", "年末",
    "年底", "以及", "同时", "此外", "另外", "带动", "推动", "促进", "使", "让", "并", "和", "及", "而", "还", "也",
    "共", "其", "将", "要", "提出", "决定", "分别", "均", "都", "以上", "以下", "以内", "左右", "而且", "并且", "且", "把",
    "的", "了", "计划", "要求", "但是", "但", "五年来", "三年来", "两年来", "过去五年", "今后五年", "五年内", "五年",
];

/// Words after a figure that end a metric written after it.
#[rustfmt::skip]
pub const METRIC_AFTER_STOPS: &[&str] = &[
    "开工", "完成", "全面", "投入", "纳入", "落户", "进行", "实现", "得到", "获得", "开放", "运营", "投产",
    "在", "已", "获", "达", "等", "的", "和", "与", "及", "被", "将", "正式", "相继", "加快", "建设进入", "消除",
    "优惠", "免费", "参与", "进入", "点火", "整治", "工作",
];

/// Verbs after which a count names what follows it (`建设253个创业基地`).
#[rustfmt::skip]
pub const NOT_METRIC_AFTER: &[&str] = &["以上", "以内", "以下", "左右", "上下", "之内", "增长", "下降", "多", "余"];

/// Idioms that open with a number the rules would read as a figure: the
/// others are no figures by a general rule (`千方百计`, `万无一失`: a
/// numeral that opens with a magnitude is a word; `一五一十`, `三三两两`:
/// two digits in a row make no numeral; `十全十美`, `三头六臂`: no measure
/// word, or a numeral after it).
#[rustfmt::skip]
pub const NUMERAL_IDIOMS: &[&str] = &["一成不变", "十万火急", "十万八千里", "二万五千里", "两万五千里"];

/// Slogans whose counts are names, not quantities.
#[rustfmt::skip]
pub const SLOGAN_TAILS: &[&str] = &[
    "全面", "自信", "意识", "代表", "维护", "确立", "现代化", "有利于", "毫不动摇", "一百年", "统筹", "服务",
    "坚持", "必须", "结合", "优先", "同步", "转变", "文明", "率先", "中心", "基本点",
];

/// Words of a web page's furniture around a report (menus, page footers,
/// share buttons, a wiki's licence note): a paragraph of a page's head or
/// tail that has one of them (two when it is long) is not the report's.
#[rustfmt::skip]
pub const CHROME_WORDS: &[&str] = &[
    "版权所有", "版权声明", "Copyright", "copyright", "©", "ICP备", "ICP证", "公网安备", "网站地图", "联系我们",
    "关于我们", "网站声明", "隐私政策", "主办单位", "承办单位", "主办：", "承办：", "技术支持", "网站标识码",
    "返回顶部", "打印本页", "关闭窗口", "【打印】", "【关闭】", "[打印]", "[关闭]", "分享到", "扫一扫",
    "责任编辑", "发布时间", "发布日期", "浏览次数", "阅读次数", "点击次数", "访问量", "字号：", "字号:", "字体：",
    "当前位置", "您的位置", "您现在的位置", "上一篇", "下一篇", "相关链接", "相关阅读", "相关新闻", "相关文章",
    "本作品", "著作权法", "公有领域", "Public domain", "维基", "Wikisource", "本网站", "本站", "来源：", "来源:",
    "纠错", "无障碍", "繁体版", "简体版",
];

/// Menu items and buttons that make a whole line of a page's furniture.
#[rustfmt::skip]
pub const CHROME_LINES: &[&str] = &[
    "首页", "返回", "登录", "注册", "English", "ENGLISH", "简体", "繁体", "搜索", "打印", "关闭", "收藏", "分享",
    "设为首页", "加入收藏", "网站导航", "更多", "上一页", "下一页", "微信", "微博", "返回首页", "大", "中", "小",
];

/// The last words of a report's title (`2017年政府工作报告`).
#[rustfmt::skip]
pub const TITLE_ENDS: &[&str] = &["报告", "纲要", "讲话", "决议", "决定", "公报", "建议", "规划"];

/// Goal words that hold wherever they stand.
#[rustfmt::skip]
pub const GOAL_CUES: &[&str] = &["力争", "确保", "争取", "预期目标", "目标是", "目标为", "目标", "拟定", "计划规定"];

/// The words of each kind of cue, in the order of `cues::Cue` (which
/// finds them; `charclass` marks their first characters).
pub const CUE_WORD_LISTS: [&[&str]; 15] = [
    ESTIMATE_CUES,
    GOAL_CUES,
    TARGET_CUES,
    PAST_CUES,
    AVERAGE_CUES,
    &["控制在", "控制"],
    CHANGE_NOUN_WORDS,
    &["今年", "明年"],
    &["累计"],
    SPAN_CUES,
    LEAD_CUES,
    PLAN_PERIOD_CUES,
    &["计划为", "计划是", "指标为", "指标是", "规定为"],
    // not 全年, 同比, 当年: their first characters, frequent, are not
    // marked for other cue words, and every mark costs each pass over them
    &["上年", "上一年", "去年", "今年", "明年", "年度"],
    HORIZON_CUES,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_hold_their_lists_in_order() {
        pre_comparators().assert_holds(PRE_COMPARATORS, true);
        post_comparators().assert_holds(POST_COMPARATORS, false);
        let verbs: Vec<_> = UP_VERBS.iter().map(|&w| (w, Direction::Up)).chain(DOWN_VERBS.iter().map(|&w| (w, Direction::Down))).collect();
        change_verbs().assert_holds(&verbs, true);
        let fillers: Vec<_> = CHANGE_FILLERS.iter().map(|&w| (w, ())).collect();
        change_fillers().assert_holds(&fillers, true);
    }

    #[test]
    fn change_noun_words_are_the_change_nouns() {
        let nouns: Vec<&str> = CHANGE_NOUNS.iter().map(|n| n.0).collect();
        assert_eq!(nouns, CHANGE_NOUN_WORDS);
    }
}
