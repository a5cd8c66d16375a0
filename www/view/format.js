// format.js: turns annotation fields into readable text: grouped numbers,
// Chinese and English magnitudes and section paths.
// Pure functions over the SPEC JSON; no DOM.

import { getLanguage, t } from './i18n.js';

const groupedFormats = new Map();

function groupedFormat(lang) {
  if (!groupedFormats.has(lang)) {
    groupedFormats.set(lang, new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 6, useGrouping: true }));
  }
  return groupedFormats.get(lang);
}

/** Drops float noise (`0.30000000000000004`) without hiding real digits. */
function clean(value) {
  return Number(value.toPrecision(15));
}

/**
 * What Intl.NumberFormat (zh-CN or en-US, grouped, up to 6 decimals) makes
 * of `value` when its shortest decimal form has at most 6 decimals and no
 * exponent (nearly every figure of a report), without creating one: on a
 * cold start the first NumberFormat costs several ms. Null otherwise.
 */
function groupedPlain(value) {
  if (Object.is(value, -0)) return '-0';
  const match = /^(-?)(\d+)(\.\d{1,6})?$/.exec(String(value));
  return match && `${match[1]}${match[2].replace(/\B(?=(\d{3})+$)/g, ',')}${match[3] ?? ''}`;
}

/** `1950000000000` → `1,950,000,000,000`. */
export function formatNumber(value, lang = getLanguage()) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return t('details.none');
  const v = clean(value);
  return groupedPlain(v) ?? groupedFormat(lang).format(v);
}

const ZH_MAGNITUDES = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];
const EN_MAGNITUDES = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function scaled(value, magnitudes) {
  const abs = Math.abs(value);
  for (const [size, name] of magnitudes) {
    if (abs >= size) {
      const n = clean(value / size);
      return `${groupedFormat('en').format(n)}${name.match(/^[a-z]/) ? ' ' : ''}${name}`;
    }
  }
  return null;
}

/**
 * The value in Chinese and English magnitudes, or null for small numbers:
 * `1.95e12` → `{ zh: '1.95万亿', en: '1.95 trillion' }`.
 */
export function magnitudeOf(value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) < 1e4) return null;
  return { zh: scaled(value, ZH_MAGNITUDES), en: scaled(value, EN_MAGNITUDES) };
}

/**
 * `value` and `value_max` with the unit: `6 – 6.5 %`, `1,950,000,000,000 元`
 * (in English `1,950,000,000,000 yuan` once glossed, `unitOf`).
 */
export function formatValue(indicator) {
  if (typeof indicator.value !== 'number') return null;
  let text = formatNumber(indicator.value);
  if (typeof indicator.value_max === 'number') text += ` – ${formatNumber(indicator.value_max)}`;
  const unit = unitOf(indicator);
  return unit ? `${text} ${unit}` : text;
}

/** The unit as shown to people: `ratio` is a code, not a unit word. */
export function displayUnit(unit) {
  if (unit == null || unit === 'ratio') return '';
  return unit;
}

// The glossary's English (Annotator.gloss puts `metric_en` and `unit_en` on
// an indicator): shown in English only, and never instead of the Chinese
// where the Chinese is what was read (the metric: `GDP (地区生产总值)`).

const english = () => getLanguage() === 'en';

/** An indicator's unit as shown: its English in English when the glossary has one (`yuan`), else `displayUnit`. */
export function unitOf(indicator) {
  if (english() && typeof indicator?.unit_en === 'string' && indicator.unit_en !== '' && indicator.unit !== 'ratio') return indicator.unit_en;
  return displayUnit(indicator?.unit);
}

/** An indicator's metric as shown: `GDP (地区生产总值)` in English when glossed, else the Chinese; null for none. */
export function metricOf(indicator) {
  const metric = indicator?.metric ?? null;
  if (metric != null && english() && typeof indicator.metric_en === 'string') return `${indicator.metric_en} (${metric})`;
  return metric;
}

/** An indicator's metric in a few words: its English alone in English when glossed, else the Chinese; null for none. */
export function metricWords(indicator) {
  if (indicator?.metric != null && english() && typeof indicator.metric_en === 'string') return indicator.metric_en;
  return indicator?.metric ?? null;
}

/** `一、过去五年工作回顾`: a section's marker and title. */
export function sectionLabel(section) {
  if (!section) return '';
  return `${section.marker ?? ''}${section.title ?? ''}`;
}

/**
 * The chain of sections from the top of the outline down to `sectionId`.
 * Robust to bad parent links: it stops at a missing id or a cycle.
 */
export function sectionChain(sections, sectionId) {
  const chain = [];
  const seen = new Set();
  let id = sectionId;
  while (id != null && sections[id] && !seen.has(id)) {
    seen.add(id);
    chain.unshift(sections[id]);
    id = sections[id].parent;
  }
  return chain;
}

export function sectionPath(sections, sectionId, separator = ' › ') {
  return sectionChain(sections, sectionId).map(sectionLabel).join(separator);
}

/** `56.2 KB`, `5 MB`. */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
