// i18n.js: the interface strings in Chinese and English, and the 中/EN switch.
//
// Chinese is the default: the reports are Chinese, and so are most readers.
// Field values (status, kind, …) are always shown in both languages, the
// current one first, because the JSON codes are English and the report's
// own words are Chinese.

const STRINGS = {
  zh: {
    'doc.title': '指标 zhibiao · 政府工作报告标注',
    'app.tagline': '为政府工作报告标出提纲和每一个数字指标。全部在本机浏览器中完成，文本不会上传。',
    'lang.switch': 'EN',
    'lang.switch.label': 'EN: Switch to English',
    'skip.view': '跳到标注结果',
    'skip.outline': '跳到提纲',
    'skip.table': '跳到指标表',
    'input.heading': '输入',
    'input.placeholder': '在此粘贴或输入报告全文，也可以把 .txt 文件拖到这里。',
    'input.open': '打开文件…',
    'input.sample': '载入示例',
    'input.clear': '清除',
    'input.chars': '{n} 字符',
    'input.drop': '松开鼠标即可打开文件',
    'input.draft.failed': '本机存储已满或被禁用，最新的修改没有保存（之前保存的草稿仍在）。刷新或关闭页面前请先复制文本。',
    'input.draft.stale': '这是 {time} 保存的草稿；之后的修改因本机存储已满未能保存。',
    'input.drafts': '其他草稿（{n}）…',
    'input.drafts.label': '打开另一个标签页或之前保存的草稿',
    'input.drafts.item': '{time} · {preview}…（{n} 字符）',
    'input.file.loaded': '已打开 {name}（{encoding}）。',
    'input.file.binary': '“{name}”不是文本文件（含有 NUL 字节；也可能是没有字节顺序标记的 UTF-16）。请打开 UTF-8、GB18030 或 Big5 编码的 .txt 文件。',
    'input.file.cesu8': '“{name}”是 CESU-8（把扩展区汉字写成两个代理项），不是 UTF-8。请另存为 UTF-8 后再打开。',
    'input.file.malformed': '“{name}”看似文本，却不是有效的编码（{message}）。请另存为 UTF-8 后再打开。',
    'input.file.otherScript': '“{name}”不是中文文本的编码（{message}）。本工具读取 UTF-8、UTF-16、GB18030（GBK）和 Big5。',
    'input.file.tooLarge': '“{name}”（{size}）超过 {limit} 个字符的上限。请拆分后分段标注。',
    'input.file.readError': '无法读取“{name}”：{message}',
    'input.sample.error': '示例加载失败：{message}',
    'input.tooLarge': '文本有 {n} 个字符，超过 {limit} 个字符的上限，未标注。请删减或分段标注。',
    'status.empty': '',
    'status.loading': '正在加载标注引擎…',
    'status.annotating': '正在标注…',
    'status.rendering': '正在显示标注结果… {percent}%',
    'status.done': '共 {indicators} 个指标、{sections} 个章节，用时 {ms} 毫秒。',
    'status.none': '没有找到数字指标。',
    'layout.pdf': '按从 PDF 复制的文本阅读：{parts}。',
    'layout.web': '按从网页复制的文本阅读：{parts}。',
    'layout.text': '已整理文本格式：{parts}。',
    'layout.sep': '，',
    'layout.wrap': '每行约 {width} 字，合并了 {n} 处换行',
    'layout.joined': '合并了 {n} 处断行',
    'layout.pages': '略去 {n} 个页码',
    'layout.heads': '略去 {n} 行页眉页脚',
    'layout.chrome': '略去网页的菜单和页脚（{n} 处）',
    'layout.invisible': '删去 {n} 个不可见字符',
    'layout.spaces': '删去数字和字间的 {n} 个空格',
    'layout.cr': '把单独的回车（CR）读作换行',
    'layout.show': '显示整理后的文本',
    'layout.hide': '返回标注结果',
    'layout.view.label': '整理后的文本（只读）',
    'view.heading': '标注结果',
    'view.label': '标注后的报告全文',
    'view.empty.title': '还没有文本',
    'view.empty.body': '在上方粘贴或输入政府工作报告、全会报告等文本，或打开 .txt 文件，或点“载入示例”。',
    'view.none.title': '没有找到数字指标',
    'view.none.body': '这段文字里没有可标注的数字、比例或目标。下面照原样显示全文。',
    'view.tooLarge.title': '文本太长',
    'view.error.title': '无法标注',
    'view.error.load': '标注引擎（WebAssembly）加载失败：{message}。您的文本已保留；请检查网络后重试。',
    'view.error.crash': '标注引擎意外停止：{message}。您的文本已保留，可以重试。',
    'view.error.timeout': '标注超过 {seconds} 秒仍未完成，已停止。您的文本已保留。',
    'view.error.retry': '重试',
    'legend.label': '图例',
    'outline.heading': '提纲',
    'outline.empty': '没有识别出章节。',
    'outline.count': '{n} 个指标',
    'outline.unsectioned': '不属于任何章节的指标：{n} 个',
    'table.heading': '指标表',
    'table.filter.status': '状态',
    'table.filter.kind': '类型',
    'table.filter.section': '章节',
    'table.filter.search': '搜索',
    'table.filter.search.placeholder': '指标名称、数值、单位…',
    'table.filter.search.placeholderNear': '指标名称、数值、上下文…',
    'table.filter.near': '也搜索上下文',
    'table.filter.all': '全部',
    'table.shown': '显示 {shown} / {matched} 条（共 {total} 条）',
    'table.more': '再显示 {n} 条',
    'table.none': '没有符合条件的指标。',
    'table.empty': '标注后，这里列出全部指标。',
    'table.sort': '按“{column}”排序',
    'table.goto': '在全文中查看指标 {id}：{text}',
    'export.csv': '导出 CSV',
    'export.json': '导出 JSON',
    'edit.column': '更正',
    'edit.open': '更正',
    'edit.edited': '✎ 已更正',
    'edit.label': '更正指标 {id}：{text}',
    'edit.save': '保存',
    'edit.revert': '恢复原值',
    'edit.cancel': '取消',
    'edit.was': '已由读者更正；原为：{metric}，{status}，{value}',
    'edit.saveFailed': '更正未能保存（存储已满或被禁用）：它只在这次打开的页面中有效。',
    'export.rows': '导出这 {n} 行 CSV',
    'export.webAnnotations': '导出网络注释',
    'export.webAnnotations.title': 'W3C 网络注释（JSON-LD），可导入 Hypothesis 等标注工具',
    'export.copyCsv': '复制 CSV',
    'export.copyJson': '复制 JSON',
    'export.copied': '已复制到剪贴板。',
    'export.copyFailed': '无法写入剪贴板：{message}',
    'export.nothing': '还没有标注结果可以导出。',
    'export.failed': '导出失败：{message}',
    'col.id': '编号',
    'col.value_text': '原文',
    'col.value': '数值',
    'col.unit': '单位',
    'col.kind': '类型',
    'col.direction': '方向',
    'col.comparator': '比较',
    'col.status': '状态',
    'col.horizon': '时间范围',
    'col.metric': '指标名称',
    'col.year': '年份',
    'col.section': '章节',
    'col.context': '上下文',
    'details.title': '指标 {id}',
    'details.close': '关闭',
    'details.magnitude': '即',
    'details.range': '至',
    'details.none': '—',
    'details.noValue': '无数值（结构比例或模糊数量）',
    'details.noSection': '（不属于任何章节）',
    'details.unitNone': '（原文未写量词）',
    'indicator.aria': '{text}，{metric}，{status}',
    'indicator.aria.noMetric': '{text}，{status}',
    'footer.text': 'zhibiao 指标：纯前端，离线可用。',
    'footer.embed': '嵌入到其他网页',
    'mode.label': '模式',
    'skip.compare': '跳到对比结果',
    'compare.input.heading': '对比的两份报告',
    'compare.old.placeholder': '上一年的报告：提出当年目标（如“增长8%左右”“控制在3.5%以内”）。在此粘贴，或打开、拖入 .txt 文件。',
    'compare.new.placeholder': '下一年的报告：回顾上一年的结果（如“增长7%”）。在此粘贴，或打开、拖入 .txt 文件。',
    'compare.swap': '⇄ 交换左右',
    'compare.side.old': '上年报告',
    'compare.side.new': '本年报告',
    'compare.drop.where': '请把文件拖到左边或右边的文本框上。',
    'compare.heading': '目标完成情况',
    'compare.status.comparing': '正在对比…',
    'compare.status.rendering': '正在显示对比结果… {percent}%',
    'compare.status.done':
      '{targets} 个目标：{met} 个达成，{missed} 个未达成，{not_comparable} 个无法比较，{not_judged} 个无法判定，{unmatched} 个未找到结果。用时 {ms} 毫秒。',
    'compare.status.none': '上年报告中没有带数值的目标。',
    'compare.status.incomplete': '还需要另一份报告才能对比。',
    'compare.empty.title': '还没有文本',
    'compare.empty.body':
      '左边放上一年的政府工作报告（它提出当年的目标），右边放下一年的报告（它回顾上一年的结果）。每个目标会和衡量同一事物的结果配对，判断是否完成。',
    'compare.oldEmpty.title': '还缺上年报告',
    'compare.oldEmpty.body': '左边还是空的。请放入提出目标的那份报告（上一年的）；右边报告的内容已在下方标出。',
    'compare.newEmpty.title': '还缺本年报告',
    'compare.newEmpty.body': '右边还是空的。请放入回顾上一年结果的那份报告（下一年的）；左边报告的目标已在下方标出。',
    'compare.none.title': '上年报告里没有目标',
    'compare.none.body': '左边的文本里没有找到带数值的目标（如“增长8%左右”“控制在3.5%以内”“力争超过1000家”）。左右是否放反了？可以点“交换左右”。',
    'compare.noMatch.title': '没有一个目标找到对应的结果',
    'compare.noMatch.body': '右边的报告里没有衡量同一事物（同一指标名称、类型和单位）的结果。两份报告是否是同一地区相邻两年的？',
    'compare.tooLarge.title': '文本太长',
    'compare.tooLarge.body': '{side}有 {n} 个字符，超过 {limit} 个字符的上限，未对比。请删减或分段。',
    'compare.error.title': '无法对比',
    'compare.summary.label': '判定统计，选择一项可筛选下表',
    'compare.summary.all': '全部目标',
    'compare.summary.filter': '只看“{verdict}”',
    'compare.col.order': '序号',
    'compare.col.metric': '指标',
    'compare.col.target': '上年目标',
    'compare.col.result': '本年结果',
    'compare.col.verdict': '判定',
    'compare.col.score': '匹配度',
    'compare.col.reason': '理由',
    'compare.table.shown': '显示 {shown} / {matched} 个目标（共 {total} 个）',
    'compare.table.empty': '对比后，这里逐个列出上年报告的目标、本年报告的结果和判定。',
    'compare.table.none': '没有符合条件的目标。',
    'compare.table.goto': '在两份报告中查看目标 {n}：{text}',
    'compare.table.search.placeholder': '指标、数值、理由…',
    'compare.table.resultMetric': '结果处写作“{metric}”',
    'compare.noResult': '未找到',
    'compare.view.old': '上年报告（目标）',
    'compare.view.new': '本年报告（结果）',
    'compare.view.old.label': '标注后的上年报告',
    'compare.view.new.label': '标注后的本年报告',
    'compare.legend.label': '对比图例',
    'compare.legend.other': '未参与对比的数字',
    'compare.details.heading': '对比',
    'compare.details.result': '本年结果',
    'compare.details.target': '上年目标',
    'compare.details.verdict': '判定',
    'compare.details.reason': '理由',
    'compare.details.key': '按此指标配对',
    'compare.details.none': '本年报告中未找到',
    'compare.mark.aria': '{label}；{verdicts}',
    'compare.export.nothing': '还没有对比结果可以导出。',
    'compare.loadError': '对比功能加载失败：{message}。请检查网络后刷新页面。',
    'compare.years': '上年报告：{old} 年（目标为 {old} 年）；本年报告：{new} 年（回顾 {reviewed} 年）。',
    'compare.yearUnknown': '未知',
    'compare.warning.not_consecutive':
      '注意：本年报告（{new} 年）回顾的是 {reviewed} 年，不是上年报告目标所在的 {old} 年。只有本年报告写明是 {old} 年的结果才参与判定，多年合计、年均数和其他年份的数字一律不用，因此大多数目标无法判定。',
    'compare.warning.not_later': '注意：右边的报告（{new} 年）并不晚于左边的报告（{old} 年）。左右是否放反了？只有写明是目标年份的结果才参与判定。',
    'compare.warning.years_unknown': '注意：无法从标题、落款或章节标题确定报告的年份，假定右边的报告回顾的正是左边报告提出目标的那一年。',
    'compare.headline': '主要目标',
    'compare.headline.title': '上年报告“主要预期目标”中的目标',
    'compare.evidence': '依据',
    'compare.evidence.target': '目标原文',
    'compare.evidence.result': '结果原文',
    'compare.uncertain': '匹配不确定',
    'compare.resultYear': '{year} 年',
    'reason.noResult': '本年报告中没有衡量同一事物的结果',
    'reason.noMetric': '目标没有写明指标名称',
    'reason.units': '单位不同：{target} 对 {result}',
    'reason.unitNone': '无单位',
    'reason.ratio': '结构比例没有单一数值，无法比较',
    'reason.noValue': '没有可以比较的数值',
    'reason.compared': '结果 {result}，目标 {target}：{rule}{estimate}',
    'reason.estimate': '（结果为预计数）',
    'reason.rule.ge': '要求不低于目标',
    'reason.rule.gt': '要求超过目标',
    'reason.rule.le': '要求不超过目标',
    'reason.rule.lt': '要求低于目标',
    'reason.rule.noMore': '不高于目标即达成（越低越好）',
    'reason.rule.noLess': '不低于目标即达成（越高越好）',
    'reason.rule.about': '约数，允许相差 {tolerance}，{better}',
    'reason.more': '越高越好',
    'reason.less': '越低越好',
    'reason.code.no_result': '本年报告中没有衡量同一事物的结果',
    'reason.code.no_metric': '目标没有写明指标名称',
    'reason.code.generic_metric': '指标“{key}”过于笼统，说不出衡量的是什么，不与任何结果配对',
    'reason.code.multi_year_target': '多年目标（年均、累计或没有年份的规划目标），不与某一年的结果比较',
    'reason.code.year_not_reviewed': '目标针对 {year} 年，本年报告回顾的是 {reviewed} 年',
    'reason.code.no_result_for_year': '本年报告有这一指标，但没有 {year} 年的数字',
    'reason.code.only_multi_year_result': '本年报告中这一指标只有多年的数字（年均或累计），没有某一年的结果',
    'reason.code.only_start_value': '本年报告中这一指标只作为“由A提高到B”的起点A出现',
    'reason.code.only_undated_in_multi_year_part': '本年报告中这一指标只出现在回顾多年的部分，没有写明年份',
  },
  en: {
    'doc.title': 'zhibiao 指标 · annotate government work reports',
    'app.tagline':
      'Marks the outline and every numeric indicator of a Chinese government work report. Runs entirely in your browser; the text is never uploaded.',
    'lang.switch': '中',
    'lang.switch.label': '中：切换到中文',
    'skip.view': 'Skip to the annotated text',
    'skip.outline': 'Skip to the outline',
    'skip.table': 'Skip to the table of indicators',
    'input.heading': 'Input',
    'input.placeholder': 'Paste or type the full report here, or drop a .txt file.',
    'input.open': 'Open file…',
    'input.sample': 'Load sample',
    'input.clear': 'Clear',
    'input.chars': '{n} characters',
    'input.drop': 'Drop to open the file',
    'input.draft.failed':
      'Storage is full or disabled: the latest changes are not saved (the draft saved before is kept). Copy the text before you reload or close the page.',
    'input.draft.stale': 'This is the draft saved at {time}; later changes could not be saved (storage full).',
    'input.drafts': 'Other drafts ({n})…',
    'input.drafts.label': 'Open the draft of another tab, or one saved before',
    'input.drafts.item': '{time} · {preview}… ({n} characters)',
    'input.file.loaded': 'Opened {name} ({encoding}).',
    'input.file.binary':
      '“{name}” is not a text file (it contains NUL bytes; or it is UTF-16 without a byte-order mark). Open a UTF-8, GB18030 or Big5 .txt file.',
    'input.file.cesu8': '“{name}” is CESU-8 (characters outside the BMP written as two surrogates), not UTF-8. Save it as UTF-8 and open it again.',
    'input.file.malformed': '“{name}” looks like text but is not validly encoded ({message}). Save it as UTF-8 and open it again.',
    'input.file.otherScript': '“{name}” is not in an encoding of Chinese text ({message}). zhibiao reads UTF-8, UTF-16, GB18030 (GBK) and Big5.',
    'input.file.tooLarge': '“{name}” ({size}) is over the limit of {limit} characters. Split it and annotate the parts.',
    'input.file.readError': 'Could not read “{name}”: {message}',
    'input.sample.error': 'Could not load the sample: {message}',
    'input.tooLarge': 'The text has {n} characters, over the limit of {limit}; it was not annotated. Shorten it or annotate it in parts.',
    'status.empty': '',
    'status.loading': 'Loading the annotator…',
    'status.annotating': 'Annotating…',
    'status.rendering': 'Showing the annotation… {percent}%',
    'status.done': '{indicators} indicators, {sections} sections, in {ms} ms.',
    'status.none': 'No numeric indicators found.',
    'layout.pdf': 'Read as text copied from a PDF: {parts}.',
    'layout.web': 'Read as text copied from a web page: {parts}.',
    'layout.text': 'Tidied the layout: {parts}.',
    'layout.sep': ', ',
    'layout.wrap': 'lines of about {width} characters, joined {n} wrapped lines',
    'layout.joined': 'joined {n} broken lines',
    'layout.pages': 'skipped {n} page numbers',
    'layout.heads': 'skipped {n} running header and footer lines',
    'layout.chrome': "left out the page's menus and footer ({n} parts)",
    'layout.invisible': 'dropped {n} invisible characters',
    'layout.spaces': 'dropped {n} spaces inside numbers and words',
    'layout.cr': 'read lone carriage returns (CR) as line ends',
    'layout.show': 'Show the text as read',
    'layout.hide': 'Back to the annotated text',
    'layout.view.label': 'The text as read (read-only)',
    'view.heading': 'Annotated text',
    'view.label': 'The annotated report',
    'view.empty.title': 'No text yet',
    'view.empty.body': 'Paste or type a government work report (or a plenary report) above, open a .txt file, or press “Load sample”.',
    'view.none.title': 'No numeric indicators',
    'view.none.body': 'This text has no figures, ratios or targets to mark. It is shown below as it is.',
    'view.tooLarge.title': 'Text too long',
    'view.error.title': 'Could not annotate',
    'view.error.load': 'The annotator (WebAssembly) failed to load: {message}. Your text is kept; check the connection and retry.',
    'view.error.crash': 'The annotator stopped unexpectedly: {message}. Your text is kept; you can retry.',
    'view.error.timeout': 'Annotation had not finished after {seconds} s and was stopped. Your text is kept.',
    'view.error.retry': 'Retry',
    'legend.label': 'Legend',
    'outline.heading': 'Outline',
    'outline.empty': 'No sections found.',
    'outline.count': '{n} indicators',
    'outline.unsectioned': 'Indicators outside any section: {n}',
    'table.heading': 'Indicators',
    'table.filter.status': 'Status',
    'table.filter.kind': 'Kind',
    'table.filter.section': 'Section',
    'table.filter.search': 'Search',
    'table.filter.search.placeholder': 'metric, value, unit…',
    'table.filter.search.placeholderNear': 'metric, value, context…',
    'table.filter.near': 'Also search the sentence',
    'table.filter.all': 'All',
    'table.shown': 'Showing {shown} of {matched} ({total} in all)',
    'table.more': 'Show {n} more',
    'table.none': 'No indicator matches.',
    'table.empty': 'Once the text is annotated, every indicator is listed here.',
    'table.sort': 'Sort by {column}',
    'table.goto': 'Show indicator {id} in the text: {text}',
    'export.csv': 'Export CSV',
    'export.json': 'Export JSON',
    'edit.column': 'Correct',
    'edit.open': 'Correct',
    'edit.edited': '✎ corrected',
    'edit.label': 'Correct indicator {id}: {text}',
    'edit.save': 'Save',
    'edit.revert': 'Back to the original',
    'edit.cancel': 'Cancel',
    'edit.was': 'Corrected by the reader; it was: {metric}, {status}, {value}',
    'edit.saveFailed': 'The correction could not be saved (storage full or disabled): it holds for this page only.',
    'export.rows': 'Export these {n} rows (CSV)',
    'export.webAnnotations': 'Export Web Annotations',
    'export.webAnnotations.title': 'W3C Web Annotations (JSON-LD), for Hypothesis and other annotation tools',
    'export.copyCsv': 'Copy CSV',
    'export.copyJson': 'Copy JSON',
    'export.copied': 'Copied to the clipboard.',
    'export.copyFailed': 'Could not write to the clipboard: {message}',
    'export.nothing': 'There is no annotation to export yet.',
    'export.failed': 'Export failed: {message}',
    'col.id': 'ID',
    'col.value_text': 'As written',
    'col.value': 'Value',
    'col.unit': 'Unit',
    'col.kind': 'Kind',
    'col.direction': 'Direction',
    'col.comparator': 'Comparator',
    'col.status': 'Status',
    'col.horizon': 'Horizon',
    'col.metric': 'Metric',
    'col.year': 'Year',
    'col.section': 'Section',
    'col.context': 'Context',
    'details.title': 'Indicator {id}',
    'details.close': 'Close',
    'details.magnitude': 'i.e.',
    'details.range': 'to',
    'details.none': '—',
    'details.noValue': 'no value (structure ratio or vague amount)',
    'details.noSection': '(outside any section)',
    'details.unitNone': '(no measure word in the text)',
    'indicator.aria': '{text}, {metric}, {status}',
    'indicator.aria.noMetric': '{text}, {status}',
    'footer.text': 'zhibiao 指标: runs in the browser, works offline.',
    'footer.embed': 'Embed it in another page',
    'mode.label': 'Mode',
    'skip.compare': 'Skip to the comparison',
    'compare.input.heading': 'The two reports to compare',
    'compare.old.placeholder':
      'The earlier report, which sets the targets for the year (增长8%左右, 控制在3.5%以内). Paste it here, or open or drop a .txt file.',
    'compare.new.placeholder': 'The later report, which looks back on those results (增长7%). Paste it here, or open or drop a .txt file.',
    'compare.swap': '⇄ Swap sides',
    'compare.side.old': 'The earlier report',
    'compare.side.new': 'The later report',
    'compare.drop.where': 'Drop the file onto the left or the right text box.',
    'compare.heading': 'Targets and results',
    'compare.status.comparing': 'Comparing…',
    'compare.status.rendering': 'Showing the comparison… {percent}%',
    'compare.status.done':
      '{targets} targets: {met} met, {missed} missed, {not_comparable} not comparable, {not_judged} not judged, {unmatched} without a result. In {ms} ms.',
    'compare.status.none': 'The earlier report sets no targets with a value.',
    'compare.status.incomplete': 'A comparison needs the other report too.',
    'compare.empty.title': 'No text yet',
    'compare.empty.body':
      'Put an earlier government work report (which sets the targets for the year) on the left and the report of the year after (which gives the results) on the right. Each target is paired with the result that measures the same thing, and judged met or missed.',
    'compare.oldEmpty.title': 'The earlier report is missing',
    'compare.oldEmpty.body': 'The left box is empty. Put the report that sets the targets (the earlier one) there; the right report is shown annotated below.',
    'compare.newEmpty.title': 'The later report is missing',
    'compare.newEmpty.body':
      'The right box is empty. Put the report that gives the results (the later one) there; the targets of the left report are shown below.',
    'compare.none.title': 'No targets in the earlier report',
    'compare.none.body':
      'The left text sets no targets with a value (such as 增长8%左右, 控制在3.5%以内, 力争超过1000家). Are the two reports the wrong way round? “Swap sides” turns them.',
    'compare.noMatch.title': 'No target found a result',
    'compare.noMatch.body':
      'No result in the right report measures the same thing (same metric, kind and unit). Are the reports from consecutive years of the same place?',
    'compare.tooLarge.title': 'Text too long',
    'compare.tooLarge.body': '{side} has {n} characters, over the limit of {limit}; nothing was compared. Shorten it or split it.',
    'compare.error.title': 'Could not compare',
    'compare.summary.label': 'Verdicts; choose one to filter the table',
    'compare.summary.all': 'All targets',
    'compare.summary.filter': 'Show only “{verdict}”',
    'compare.col.order': '#',
    'compare.col.metric': 'Metric',
    'compare.col.target': 'Target',
    'compare.col.result': 'Result',
    'compare.col.verdict': 'Verdict',
    'compare.col.score': 'Match',
    'compare.col.reason': 'Reason',
    'compare.table.shown': 'Showing {shown} of {matched} targets ({total} in all)',
    'compare.table.empty': 'Once both reports are in, each target of the earlier one is listed here with its result and verdict.',
    'compare.table.none': 'No target matches.',
    'compare.table.goto': 'Show target {n} in both reports: {text}',
    'compare.table.search.placeholder': 'metric, value, reason…',
    'compare.table.resultMetric': 'written “{metric}” at the result',
    'compare.noResult': 'none found',
    'compare.view.old': 'Earlier report (targets)',
    'compare.view.new': 'Later report (results)',
    'compare.view.old.label': 'The annotated earlier report',
    'compare.view.new.label': 'The annotated later report',
    'compare.legend.label': 'Comparison legend',
    'compare.legend.other': 'figures not compared',
    'compare.details.heading': 'Comparison',
    'compare.details.result': 'Result',
    'compare.details.target': 'Target',
    'compare.details.verdict': 'Verdict',
    'compare.details.reason': 'Reason',
    'compare.details.key': 'Matched on',
    'compare.details.none': 'not found in the later report',
    'compare.mark.aria': '{label}; {verdicts}',
    'compare.export.nothing': 'There is no comparison to export yet.',
    'compare.loadError': 'Compare mode failed to load: {message}. Check the connection and reload the page.',
    'compare.years': 'Earlier report: {old} (targets for {old}); later report: {new} (reviews {reviewed}).',
    'compare.yearUnknown': 'unknown',
    'compare.warning.not_consecutive':
      'Note: the later report ({new}) reviews {reviewed}, not {old}, the year of the earlier report’s targets. Only results it dates to {old} are judged; multi-year totals, yearly averages and other years’ figures are never used, so most targets cannot be judged.',
    'compare.warning.not_later':
      'Note: the right-hand report ({new}) is not later than the left-hand one ({old}). Are the sides swapped? Only results dated to a target’s year are judged.',
    'compare.warning.years_unknown':
      'Note: no report year could be read from the titles, bylines or headings; the right-hand report is assumed to review the year of the left-hand report’s targets.',
    'compare.headline': 'headline',
    'compare.headline.title': 'One of the earlier report’s headline targets (主要预期目标)',
    'compare.evidence': 'Evidence',
    'compare.evidence.target': 'Target',
    'compare.evidence.result': 'Result',
    'compare.uncertain': 'uncertain match',
    'compare.resultYear': '{year}',
  },
};

/** Chinese and English names of the JSON codes, shown together. */
const CODES = {
  status: {
    actual: ['实际', 'actual'],
    estimate: ['预计', 'estimate'],
    target: ['目标', 'target'],
  },
  horizon: {
    year: ['单年', 'one year'],
    plan: ['多年规划', 'multi-year plan'],
    average: ['多年年均', 'yearly average over years'],
    total: ['多年累计', 'total over years'],
  },
  kind: {
    level: ['水平值', 'level'],
    change: ['变化', 'change'],
    rank: ['排名', 'rank'],
    ratio: ['结构比例', 'ratio'],
  },
  direction: {
    up: ['上升', 'up'],
    down: ['下降', 'down'],
  },
  verdict: {
    met: ['达成', 'met'],
    missed: ['未达成', 'missed'],
    not_comparable: ['无法比较', 'not comparable'],
    not_judged: ['无法判定', 'not judged'],
    unmatched: ['未找到结果', 'unmatched'],
  },
  comparator: {
    eq: ['等于', 'equal'],
    approx: ['约', 'about'],
    gt: ['超过', 'more than'],
    ge: ['不低于', 'at least'],
    lt: ['低于', 'less than'],
    le: ['不超过', 'at most'],
  },
};

/** Comparators also get their sign, which reads the same in both languages. */
const SIGNS = { eq: '=', approx: '≈', gt: '>', ge: '≥', lt: '<', le: '≤' };

function signed(field, code, words) {
  return field === 'comparator' && SIGNS[code] ? `${SIGNS[code]} ${words}` : words;
}

export const LANGUAGES = ['zh', 'en'];

/**
 * Each template split once at its `{name}` slots: literal, name, literal, …
 * A view labels every highlight and outline entry with t(), hundreds of
 * calls while a report is first shown, before the JIT has warmed up: a
 * regular expression replace per call took ~5 ms of a cold start.
 */
const templateParts = new Map();

let language = 'zh';

export function getLanguage() {
  return language;
}

export function setLanguage(lang) {
  const next = LANGUAGES.includes(lang) ? lang : 'zh';
  if (next === language) return;
  language = next;
}

/**
 * Runs `fn` with `lang` as the current language, then puts the previous one
 * back: for an embedded element whose language is not the page's.
 * Synchronous work only.
 */
export function withLanguage(lang, fn) {
  const previous = language;
  language = LANGUAGES.includes(lang) ? lang : 'zh';
  try {
    return fn();
  } finally {
    language = previous;
  }
}

/** The interface language for a BCP 47 tag: 'en' for en…, 'zh' for zh…, null for any other. */
export function languageOfTag(tag) {
  const lower = String(tag ?? '')
    .trim()
    .toLowerCase();
  if (/^en(-|$)/.test(lower)) return 'en';
  if (/^zh(-|$)/.test(lower)) return 'zh';
  return null;
}

/** Adds the strings of a part of the page kept in its own module (`{ zh: {…}, en: {…} }`). */
export function addStrings(table) {
  for (const lang of LANGUAGES) Object.assign(STRINGS[lang], table[lang]);
}

/** The interface string `key` in the current language, with `{name}` filled in. */
export function t(key, params = {}) {
  const template = STRINGS[language][key] ?? STRINGS.zh[key] ?? key;
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    templateParts.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** A JSON code (`target`, `change`, …) named in the current language only. */
export function codeName(field, code) {
  const names = CODES[field]?.[code];
  if (!names) return code == null ? t('details.none') : String(code);
  return signed(field, code, language === 'en' ? names[1] : names[0]);
}

/** A JSON code named in both languages, the current one first: `目标 / target`. */
export function codeNameBoth(field, code) {
  const names = CODES[field]?.[code];
  if (!names) return code == null ? t('details.none') : String(code);
  return signed(field, code, language === 'en' ? `${names[1]} / ${names[0]}` : `${names[0]} / ${names[1]}`);
}

export function knownCodes(field) {
  return Object.keys(CODES[field] ?? {});
}

/**
 * Fills every `data-i18n*` element under `root` from the current language:
 * `data-i18n` sets textContent, `data-i18n-placeholder`, `data-i18n-aria-label`
 * and `data-i18n-title` set those attributes.
 */
export function applyTranslations(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}

/** The `lang` attribute value for the current language. */
export function htmlLang() {
  return language === 'en' ? 'en' : 'zh-Hans';
}
