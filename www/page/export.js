// export.js: the annotation as CSV (UTF-8 with BOM, for spreadsheets) or
// JSON (the SPEC shape), and the comparison of two reports likewise (the
// shapes of `zhibiao compare`), saved as a download or copied to the
// clipboard. The CSV is written by the engine (src/export.rs, through the
// annotator's exportCsv and csvRecords): the CLI's code, so the page's CSV
// is the CLI's bytes, with its bounded context and its formula cells made
// text.

import { pairIndicators } from './english.js';

/** A number as a plain decimal, never `1.95e+21` (as the CLI writes it). */
export function plainNumber(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const s = String(value);
  if (!/e/i.test(s)) return s;
  if (Number.isInteger(value)) return BigInt(value).toString();
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * `zhibiao annotate --format csv`'s output for `text`, a UTF-8 byte-order
 * mark first (Excel needs it to read UTF-8). `file` names the source: a file
 * name, or `-` for typed or pasted text, as the CLI says for standard input.
 * `annotator` is the page's Annotator (annotator.js).
 */
export async function toCsv(annotator, text, file = '-', result = null, { english = false } = {}) {
  if (result?.indicators.some((x) => x.edited))
    return toCsvRows(
      annotator,
      text,
      file,
      result.indicators.map((x) => x.id),
      result,
      { english },
    );
  return '\uFEFF' + (await annotator.exportCsv(text, file, { english }));
}

/**
 * `toCsv` with only the indicators `ids`, in that order: the rows the table
 * shows under its filters and sort.
 */
export async function toCsvRows(annotator, text, file, ids, result = null, { english = false } = {}) {
  if (result?.indicators.some((x) => x.edited)) {
    const { correctionArrays } = await import('./corrections.js');
    return '\uFEFF' + (await annotator.exportCsvCorrected(text, file, ids, correctionArrays(result), { english }));
  }
  return '\uFEFF' + (await annotator.exportCsvRows(text, file, ids, { english }));
}

/** The fields Annotator.gloss adds, which only an English export keeps: a JSON.stringify replacer that drops them. */
const ENGLISH_FIELDS = new Set(['metric_en', 'unit_en']);
export const withoutEnglish = (key, value) => (ENGLISH_FIELDS.has(key) ? undefined : value);

/**
 * The indicators as W3C Web Annotations (JSON-LD: an AnnotationCollection,
 * one Annotation per indicator with a TextQuoteSelector and a
 * TextPositionSelector), indented as `zhibiao annotate --format
 * web-annotation --pretty` writes them. Pasted text is named by a
 * `urn:uuid:` made from it; a file by that too (a page cannot know a
 * file's location).
 */
export async function toWebAnnotations(annotator, text) {
  return JSON.stringify(await annotator.exportWebAnnotations(text, ''), null, 2) + '\n';
}

/**
 * The whole result: `{ sections, indicators, layout }` exactly as the engine
 * gave it, on one line as `zhibiao annotate FILE` prints it (the same fields
 * and values; JS writes `31` where serde_json writes `31.0`). With
 * `english`, each indicator keeps the `metric_en` and `unit_en` that
 * Annotator.gloss gave it, as `zhibiao annotate --english` writes them;
 * without, they are left out.
 */
export function toJson(result, { english = false } = {}) {
  const { sections, indicators, layout } = result;
  const glossed = !english && indicators.some((x) => 'metric_en' in x);
  return JSON.stringify(layout ? { sections, indicators, layout } : { sections, indicators }, glossed ? withoutEnglish : undefined) + '\n';
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

/** The columns `zhibiao compare --format csv --english` adds: the glossary's English of both metrics. */
export const COMPARE_CSV_ENGLISH_COLUMNS = ['target_metric_en', 'result_metric_en'];

/**
 * A comparison (the wasm `compare` JSON) as CSV: the same header and rows as
 * `zhibiao compare --format csv` (headline targets first, as the engine
 * orders them), CRLF line ends, a UTF-8 byte-order mark first. The fields
 * are written by the engine's CSV writer (`annotator`'s csvRecords), as the
 * CLI writes them.
 */
export async function comparisonToCsv(annotator, comparison, { english = false } = {}) {
  const columns = english ? [...COMPARE_CSV_COLUMNS, ...COMPARE_CSV_ENGLISH_COLUMNS] : COMPARE_CSV_COLUMNS;
  if (english) await annotator.gloss(pairIndicators(comparison));
  const cells = [...columns];
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
    for (const [prefix, item] of [
      ['target', pair.target],
      ['result', pair.result],
    ]) {
      if (!item) continue;
      for (const field of ['id', 'value_text', 'unit', 'kind', 'direction', 'comparator', 'horizon', 'status', 'metric', 'metric_en'])
        row[`${prefix}_${field}`] = item[field];
      row[`${prefix}_year_written`] = item.year;
      row[`${prefix}_value`] = plainNumber(item.value);
      row[`${prefix}_value_max`] = plainNumber(item.value_max);
    }
    for (const column of columns) cells.push(row[column] == null ? '' : String(row[column]));
  }
  return '\uFEFF' + (await annotator.csvRecords(cells, columns.length));
}

/** The comparison exactly as the engine gave it: `{ years, warning, pairs, summary }`. */
export function comparisonToJson(comparison, { english = false } = {}) {
  const { years, warning, pairs, summary } = comparison;
  return JSON.stringify({ years, warning: warning ?? null, pairs, summary }, english ? null : withoutEnglish, 2) + '\n';
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
