//! The outline as tables of one-line cases: short texts in the style of the
//! real reports, each with the headings it should give as `title@level`.
//! Every case also checks that each heading's parent is the nearest heading
//! before it one level up. Issue 15 (outline) is where the cases come from.

use zhibiao::annotate;

/// `title@level` for each heading of `text`, after checking the parents.
fn outline(text: &str) -> Vec<String> {
    let a = annotate(text);
    for (i, s) in a.sections.iter().enumerate() {
        let want = a.sections[..i].iter().rposition(|p| p.level + 1 == s.level);
        let want = if s.level == 1 { None } else { want };
        assert_eq!(s.parent, want, "{text}: parent of {}", s.title);
    }
    a.sections.iter().map(|s| format!("{}@{}", s.title, s.level)).collect()
}

fn check(cases: &[(&str, &[&str])]) {
    for &(text, want) in cases {
        assert_eq!(outline(text), want, "{text}");
    }
}

#[test]
fn run_in_leads_among_plain_paragraphs() {
    check(&[
        // leads that alternate with plain paragraphs, in a part whose
        // introduction and closing outnumber them
        ("（九）加大保障和改善民生力度。坚持在发展中保障和改善民生。\n今年要把民生工作摆在更加突出的位置，这是人民群众的期盼。\n各级政府要尽力而为、量力而行，一件一件抓落实，久久为功。\n更大力度稳定和扩大就业。完善就业优先政策，加大资金资源统筹支持力度。\n实施重点领域就业支持计划，拓宽就业渠道，做好高校毕业生就业工作。\n提高医疗卫生服务能力。深化医药卫生体制改革，推进医疗医保医药协同发展。\n完善基层医疗卫生服务体系，提升县级医院诊疗能力，加强乡村医生队伍建设。\n加强社会保障和服务。完善养老保险制度，稳步提高城乡居民基础养老金。\n我们要坚持尽力而为、量力而行，不断提升公共服务水平，增进民生福祉。\n同时，要注重防范化解风险，守住不发生系统性风险的底线，保持社会大局稳定。\n总之，要把各项民生工作做实做细，让人民群众有更多获得感。\n",
         &["加大保障和改善民生力度@1", "更大力度稳定和扩大就业@2", "提高医疗卫生服务能力@2", "加强社会保障和服务@2"]),
        // a salutation opens a passage of its own, whose leads are siblings
        ("（十）维护社会稳定。加强和创新社会治理。\n维护国家安全和社会稳定。贯彻总体国家安全观，提高公共安全治理水平。\n各位代表！\n新征程新使命，对政府工作提出了新的更高要求，我们要坚定信心、埋头苦干。\n深入推进依法行政。严格遵守宪法法律，自觉接受同级人大及其常委会的监督。\n全面提高行政效能。坚持优化协同高效，深入推进政务服务标准化规范化。\n各位代表！\n我们要坚持独立自主的和平外交政策，坚定不移走和平发展道路，推动构建新型国际关系。\n我们要继续全面准确贯彻“一国两制”方针，保持香港、澳门长期繁荣稳定。\n",
         &["维护社会稳定@1", "深入推进依法行政@2", "全面提高行政效能@2"]),
        // lead-shaped openings two or more plain paragraphs apart are plain
        ("一、工作回顾\n过去一年，我们坚持稳中求进，经济运行总体平稳，发展质量稳步提升。\n粮食生产再获丰收。全年粮食产量创历史新高，农业基础进一步巩固。\n工业生产平稳增长，规模以上工业增加值增长较快，企业效益有所改善。\n消费市场持续恢复，社会消费品零售总额稳步增长，服务消费增势较好。\n对外贸易稳中提质。进出口规模保持稳定，贸易结构不断优化。\n固定资产投资保持增长，重大项目建设有序推进，民间投资有所回升。\n居民收入稳步增加，城乡居民人均可支配收入实际增长与经济增长基本同步。\n",
         &["工作回顾@1"]),
    ]);
}

#[test]
fn leads_on_lines_of_their_own() {
    check(&[
        // the lead runs straight into its body on the next line, commas and all
        ("二、保持国民经济持续快速健康发展\n\n　　今年的经济工作，要深化改革，扩大开放，促进发展，保持稳定。\n\n　　\n加强农业基础地位，全面发展农村经济。\n农业是关系全局的问题，任何时候都不能忽视农民利益和农村经济的发展。\n\n　　\n保持合理投资规模，优化投资结构。\n深化投资体制改革，是保持合理投资规模的根本保证。\n",
         &["保持国民经济持续快速健康发展@1", "加强农业基础地位，全面发展农村经济@2", "保持合理投资规模，优化投资结构@2"]),
        // the same as a web page sets it: a blank line after the lead too
        ("二、保持国民经济持续快速健康发展\n\n今年的经济工作，要深化改革，扩大开放，促进发展，保持稳定。\n\n加强农业基础地位，全面发展农村经济。\n\n农业是关系全局的问题。任何时候都不能忽视农民利益和农村经济的发展。\n\n保持合理投资规模，优化投资结构。\n\n深化投资体制改革，是保持合理投资规模的根本保证。要严格控制新开工项目。\n",
         &["保持国民经济持续快速健康发展@1", "加强农业基础地位，全面发展农村经济@2", "保持合理投资规模，优化投资结构@2"]),
        // one-sentence paragraphs that state figures are body text
        ("一、１９５５年国家决算\n\n１９５５年国家决算用于经济建设方面的支出，共占本年支出的４６．８９％。\n\n１９５５年工业基本建设投资完成了计划，新建和扩建了一批重要厂矿。\n\n１９５５年国家决算在农业、林业、水利等方面支出１４．９亿元。\n\n农业支出对于全国农业生产的改进起了重要作用，灾区恢复生产较快。\n\n在林业方面，１９５５年完成造林面积２５６０多万亩。\n\n造林工作主要依靠群众，国家给以必要的扶助，成活率有所提高。\n",
         &["１９５５年国家决算@1"]),
        // a text without blank lines between paragraphs: a line of one
        // sentence is a paragraph
        ("二、主要任务\n今年的经济工作，要深化改革，扩大开放，促进发展，保持稳定。\n加强农业基础地位，全面发展农村经济。\n农业是关系全局的问题，任何时候都不能忽视农民利益。\n保持合理投资规模，优化投资结构。\n深化投资体制改革，是保持合理投资规模的根本保证。\n",
         &["主要任务@1"]),
        // the line after a heading is that heading's text, not a lead
        ("（二）着力稳市场主体保就业，加大宏观政策实施力度。\n完善减负纾困等政策，夯实经济稳定运行、质量提升的基础。\n\n实施新的组合式税费支持政策。坚持阶段性措施和制度性安排相结合，减税与退税并举。\n\n加强金融对实体经济的有效支持。用好普惠小微贷款支持工具，增加支农支小再贷款。\n",
         &["着力稳市场主体保就业，加大宏观政策实施力度@1", "实施新的组合式税费支持政策@2", "加强金融对实体经济的有效支持@2"]),
    ]);
}

#[test]
fn list_items_of_one_sentence_are_no_headings() {
    check(&[
        // items that end in `；` and the last one, numbered next
        ("二、改革建筑业\n体制改革，头绪纷繁。今后三年内，重点是做三件事：\n　　一、对国营企业逐步推行以税代利，改进国家和企业的关系；\n　　二、发挥中心城市的作用，解决“条条”和“块块”的矛盾；\n　　三、改革商业流通体制，促进商品生产和商品交换。\n通过这三项工作，把整个经济体制改革工作带动起来。\n",
         &["改革建筑业@1"]),
        ("一、回顾\n以税代利有以下好处：\n第一，企业与国家的分配关系用法令的形式固定下来；\n\n第二，企业将从新增加的利润中得到较多的收益；\n\n第三，企业不再按行政隶属关系上交利润。\n",
         &["回顾@1"]),
        // an item that ends in `。` is a heading, and so are the next
        ("一、回顾\n正文。\n第一，企业与国家的分配关系用法令的形式固定下来。\n第二，企业将从新增加的利润中得到较多的收益；\n",
         &["回顾@1", "企业与国家的分配关系用法令的形式固定下来@2", "企业将从新增加的利润中得到较多的收益@2"]),
    ]);
}
