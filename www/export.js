// export.js: the annotation as CSV (UTF-8 with BOM, for spreadsheets) or
// JSON (the SPEC shape), saved as a download or copied to the clipboard.

import { contextOf, sectionPath } from './format.js';

/** The CSV columns, in order; the CLI's `--format csv` uses the same names. */
export const CSV_COLUMNS = [
  'id',
  'value_text',
  'value',
  'value_max',
  'unit',
  'kind',
  'direction',
  'comparator',
  'status',
  'metric',
  'year',
  'section_path',
  'context',
];

/** Text columns: a leading = + - @ would make a spreadsheet run a formula. */
const TEXT_COLUMNS = new Set(['value_text', 'unit', 'metric', 'section_path', 'context']);

function csvField(value, column) {
  if (value == null) return '';
  let s = String(value);
  if (TEXT_COLUMNS.has(column) && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per indicator; `section_path` joins marker+title with ` > `. */
export function toCsv(text, result) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const ind of result.indicators) {
    const row = {
      ...ind,
      section_path: ind.section == null ? '' : sectionPath(result.sections, ind.section, ' > '),
      context: contextOf(text, ind),
    };
    lines.push(CSV_COLUMNS.map((column) => csvField(row[column], column)).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The whole result: `{ sections, indicators }` exactly as the engine gave it. */
export function toJson(result) {
  return JSON.stringify({ sections: result.sections, indicators: result.indicators }, null, 2) + '\n';
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

/** `gz-2017-government-work-report` + `.csv`, or `zhibiao-annotation.csv`. */
export function exportName(sourceName, extension) {
  const base = (sourceName || 'zhibiao-annotation').replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_') || 'zhibiao-annotation';
  return `${base}.zhibiao.${extension}`;
}
