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
    'input.heading': '输入',
    'input.placeholder': '在此粘贴或输入报告全文，也可以把 .txt 文件拖到这里。',
    'input.open': '打开文件…',
    'input.sample': '载入示例',
    'input.clear': '清除',
    'input.chars': '{n} 字符',
    'input.drop': '松开鼠标即可打开文件',
    'input.draft.failed': '草稿太大，未能保存到本机；刷新页面后需要重新粘贴。',
    'input.file.loaded': '已打开 {name}（{encoding}）。',
    'input.file.binary': '“{name}”不是文本文件（含有 NUL 字节）。请打开 UTF-8 或 GB18030 编码的 .txt 文件。',
    'input.file.tooLarge': '“{name}”有 {size}，超过 {limit} 的上限。请拆分后分段标注。',
    'input.file.readError': '无法读取“{name}”：{message}',
    'input.sample.error': '示例加载失败：{message}',
    'input.tooLarge': '文本有 {n} 个字符，超过 {limit} 个字符的上限，未标注。请删减或分段标注。',
    'status.empty': '',
    'status.loading': '正在加载标注引擎…',
    'status.annotating': '正在标注…',
    'status.rendering': '正在显示标注结果… {percent}%',
    'status.done': '共 {indicators} 个指标、{sections} 个章节，用时 {ms} 毫秒。',
    'status.none': '没有找到数字指标。',
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
    'table.filter.search.placeholder': '数值、指标名称、上下文…',
    'table.filter.all': '全部',
    'table.shown': '显示 {shown} / {matched} 条（共 {total} 条）',
    'table.more': '再显示 {n} 条',
    'table.none': '没有符合条件的指标。',
    'table.empty': '标注后，这里列出全部指标。',
    'table.sort': '按“{column}”排序',
    'table.goto': '在全文中查看指标 {id}：{text}',
    'export.csv': '导出 CSV',
    'export.json': '导出 JSON',
    'export.copyCsv': '复制 CSV',
    'export.copyJson': '复制 JSON',
    'export.copied': '已复制到剪贴板。',
    'export.copyFailed': '无法写入剪贴板：{message}',
    'export.nothing': '还没有标注结果可以导出。',
    'col.id': '编号',
    'col.value_text': '原文',
    'col.value': '数值',
    'col.unit': '单位',
    'col.kind': '类型',
    'col.direction': '方向',
    'col.comparator': '比较',
    'col.status': '状态',
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
  },
  en: {
    'doc.title': 'zhibiao 指标 · annotate government work reports',
    'app.tagline': 'Marks the outline and every numeric indicator of a Chinese government work report. Runs entirely in your browser; the text is never uploaded.',
    'lang.switch': '中',
    'lang.switch.label': '中：切换到中文',
    'skip.view': 'Skip to the annotated text',
    'input.heading': 'Input',
    'input.placeholder': 'Paste or type the full report here, or drop a .txt file.',
    'input.open': 'Open file…',
    'input.sample': 'Load sample',
    'input.clear': 'Clear',
    'input.chars': '{n} characters',
    'input.drop': 'Drop to open the file',
    'input.draft.failed': 'The draft is too large to keep in this browser; after a reload you will need to paste it again.',
    'input.file.loaded': 'Opened {name} ({encoding}).',
    'input.file.binary': '“{name}” is not a text file (it contains NUL bytes). Open a UTF-8 or GB18030 .txt file.',
    'input.file.tooLarge': '“{name}” is {size}, over the {limit} limit. Split it and annotate the parts.',
    'input.file.readError': 'Could not read “{name}”: {message}',
    'input.sample.error': 'Could not load the sample: {message}',
    'input.tooLarge': 'The text has {n} characters, over the limit of {limit}; it was not annotated. Shorten it or annotate it in parts.',
    'status.empty': '',
    'status.loading': 'Loading the annotator…',
    'status.annotating': 'Annotating…',
    'status.rendering': 'Showing the annotation… {percent}%',
    'status.done': '{indicators} indicators, {sections} sections, in {ms} ms.',
    'status.none': 'No numeric indicators found.',
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
    'table.filter.search.placeholder': 'value, metric, context…',
    'table.filter.all': 'All',
    'table.shown': 'Showing {shown} of {matched} ({total} in all)',
    'table.more': 'Show {n} more',
    'table.none': 'No indicator matches.',
    'table.empty': 'Once the text is annotated, every indicator is listed here.',
    'table.sort': 'Sort by {column}',
    'table.goto': 'Show indicator {id} in the text: {text}',
    'export.csv': 'Export CSV',
    'export.json': 'Export JSON',
    'export.copyCsv': 'Copy CSV',
    'export.copyJson': 'Copy JSON',
    'export.copied': 'Copied to the clipboard.',
    'export.copyFailed': 'Could not write to the clipboard: {message}',
    'export.nothing': 'There is no annotation to export yet.',
    'col.id': 'ID',
    'col.value_text': 'As written',
    'col.value': 'Value',
    'col.unit': 'Unit',
    'col.kind': 'Kind',
    'col.direction': 'Direction',
    'col.comparator': 'Comparator',
    'col.status': 'Status',
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
  },
};

/** Chinese and English names of the JSON codes, shown together. */
const CODES = {
  status: {
    actual: ['实际', 'actual'],
    estimate: ['预计', 'estimate'],
    target: ['目标', 'target'],
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
let language = 'zh';
const listeners = new Set();

export function getLanguage() {
  return language;
}

export function setLanguage(lang) {
  const next = LANGUAGES.includes(lang) ? lang : 'zh';
  if (next === language) return;
  language = next;
  for (const listener of listeners) listener(language);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The interface string `key` in the current language, with `{name}` filled in. */
export function t(key, params = {}) {
  const template = STRINGS[language][key] ?? STRINGS.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
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
