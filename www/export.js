// export.js: the annotation as CSV (UTF-8 with BOM, for spreadsheets) or
// JSON (the SPEC shape), and the comparison of two reports likewise (the
// shapes of `zhibiao compare`), saved as a download or copied to the
// clipboard.

import { contextsOf } from './format.js';

/**
 * The CSV columns, in order: the same as `zhibiao annotate --format csv`, so
 * a file exported here and one from the CLI differ only in the byte-order
 * mark this page adds for spreadsheets.
 */
export const CSV_COLUMNS = [
  'file',
  'id',
  'start',
  'end',
  'value_text',
  'value',
  'value_max',
  'unit',
  'kind',
  'direction',
  'comparator',
  'status',
  'horizon',
  'metric',
  'year',
  'section',
  'section_path',
  'context',
];

/** RFC 4180: quoted when it holds a comma, quote or line break; null is empty. */
function csvField(value) {
  if (value == null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number as a plain decimal, never `1.95e+21` (as the CLI writes it). */
export function plainNumber(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const s = String(value);
  if (!/e/i.test(s)) return s;
  if (Number.isInteger(value)) return BigInt(value).toString();
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** Section titles from the top of the outline down, joined with ` > `. */
function titlePath(sections, id) {
  const titles = [];
  for (let next = id; next != null && sections[next] && titles.length < sections.length; next = sections[next].parent) {
    titles.push(sections[next].title);
  }
  return titles.reverse().join(' > ');
}

/**
 * One row per indicator, CRLF line ends, UTF-8 byte-order mark first (Excel
 * needs it to read UTF-8). `file` names the source: a file name, or `-` for
 * typed or pasted text, as the CLI says for standard input.
 */
export function toCsv(text, result, file = '-') {
  const contexts = contextsOf(text, result.indicators);
  const lines = [CSV_COLUMNS.join(',')];
  result.indicators.forEach((ind, i) => {
    const row = {
      ...ind,
      file,
      value: plainNumber(ind.value),
      value_max: plainNumber(ind.value_max),
      section_path: ind.section == null ? null : titlePath(result.sections, ind.section),
      context: contexts[i],
    };
    lines.push(CSV_COLUMNS.map((column) => csvField(row[column])).join(','));
  });
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The whole result: `{ sections, indicators, layout }` exactly as the engine gave it. */
export function toJson(result) {
  const { sections, indicators, layout } = result;
  return JSON.stringify(layout ? { sections, indicators, layout } : { sections, indicators }, null, 2) + '\n';
}

/**
 * The columns of `zhibiao compare --format csv`, in order: one row per
 * target of the earlier report.
 */
export const COMPARE_CSV_COLUMNS = [
  'headline',
  'verdict',
  'reason_code',
  'metric_key',
  'match_score',
  'match_basis',
  'target_year',
  'target_id',
  'target_value_text',
  'target_value',
  'target_value_max',
  'target_unit',
  'target_kind',
  'target_direction',
  'target_comparator',
  'target_horizon',
  'target_metric',
  'target_year_written',
  'result_year',
  'result_id',
  'result_value_text',
  'result_value',
  'result_value_max',
  'result_unit',
  'result_status',
  'result_estimate',
  'result_metric',
  'result_year_written',
  'reason',
  'match_note',
  'target_evidence',
  'result_evidence',
];

/**
 * A comparison (the wasm `compare` JSON) as CSV: the same header and rows as
 * `zhibiao compare --format csv` (headline targets first, as the engine
 * orders them), CRLF line ends, a UTF-8 byte-order mark first.
 */
export function comparisonToCsv(comparison) {
  const lines = [COMPARE_CSV_COLUMNS.join(',')];
  for (const pair of comparison.pairs) {
    const row = {
      headline: String(Boolean(pair.headline)),
      verdict: pair.verdict,
      reason_code: pair.reason_code,
      metric_key: pair.metric_key,
      match_score: plainNumber(pair.match_score),
      match_basis: pair.match_basis,
      target_year: pair.target_year,
      result_year: pair.result_year,
      result_estimate: pair.result ? String(Boolean(pair.estimate)) : null,
      reason: pair.reason,
      match_note: pair.match_note,
      target_evidence: pair.target_evidence?.text,
      result_evidence: pair.result_evidence?.text,
    };
    for (const [prefix, item] of [['target', pair.target], ['result', pair.result]]) {
      if (!item) continue;
      for (const field of ['id', 'value_text', 'unit', 'kind', 'direction', 'comparator', 'horizon', 'status', 'metric']) row[`${prefix}_${field}`] = item[field];
      row[`${prefix}_year_written`] = item.year;
      row[`${prefix}_value`] = plainNumber(item.value);
      row[`${prefix}_value_max`] = plainNumber(item.value_max);
    }
    lines.push(COMPARE_CSV_COLUMNS.map((column) => csvField(row[column])).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The comparison exactly as the engine gave it: `{ years, warning, pairs, summary }`. */
export function comparisonToJson(comparison) {
  const { years, warning, pairs, summary } = comparison;
  return JSON.stringify({ years, warning: warning ?? null, pairs, summary }, null, 2) + '\n';
}

/** Offers `content` as a file download without leaving the page's origin. */
export function download(filename, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text to the clipboard; falls back to execCommand where the API is missing. */
export async function copyText(text) {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copying is not allowed here');
}

function baseName(name) {
  return (name || '').replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_');
}

/** `gz-2017-government-work-report` + `.csv`, or `zhibiao-annotation.csv`. */
export function exportName(sourceName, extension) {
  const base = baseName(sourceName) || 'zhibiao-annotation';
  return `${base}.zhibiao.${extension}`;
}

/** `national-2022--national-2024.zhibiao-compare.csv`, or `zhibiao-compare.csv` for typed text. */
export function compareExportName(oldName, newName, extension) {
  const [a, b] = [baseName(oldName), baseName(newName)];
  return a && b ? `${a}--${b}.zhibiao-compare.${extension}` : `zhibiao-compare.${extension}`;
}
