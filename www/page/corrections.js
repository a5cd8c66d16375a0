// corrections.js: a reader's corrections of indicators (the table's 更正 /
// Correct): metric, status or value of one indicator, kept with the draft
// (localStorage, by the figure's place and text, so they still apply after
// an edit elsewhere in the text) and applied to each new annotation, which
// then marks the indicator `edited` and keeps the engine's fields in
// `original`. Exports carry them (CSV: an `edited` column; JSON: the fields).

import { loadDraft, saveDraft } from './storage.js';

const STATUSES = ['actual', 'estimate', 'target'];

/** The key of an indicator: where it stands and what it says. */
const keyOf = (x) => `${x.start}:${x.end}:${x.value_text}`;

/** The corrections saved with the draft: key → { metric?, status?, value? }. */
export function loadCorrections() {
  try {
    const saved = JSON.parse(loadDraft('edits').text || '{}');
    return saved && typeof saved === 'object' && !Array.isArray(saved) ? saved : {};
  } catch {
    return {};
  }
}

function save(all) {
  return saveDraft(Object.keys(all).length ? JSON.stringify(all) : '', 'edits');
}

/** Checks a correction: a metric (≤ 200 characters), a known status, a finite value; null if it changes nothing. */
export function cleanCorrection(fix) {
  const out = {};
  if (typeof fix?.metric === 'string') out.metric = fix.metric.trim().slice(0, 200);
  if (STATUSES.includes(fix?.status)) out.status = fix.status;
  if (typeof fix?.value === 'number' && Number.isFinite(fix.value)) out.value = fix.value;
  return Object.keys(out).length ? out : null;
}

/**
 * Applies `all` to `result`'s indicators in place: a corrected one gets
 * the new fields, `edited: true` and `original` (the engine's metric,
 * status, value). Returns how many were corrected.
 */
export function applyCorrections(result, all = loadCorrections()) {
  // a fresh result has no corrections to undo; with none saved, nothing to do
  const none = Object.keys(all).length === 0;
  let n = 0;
  for (const x of result.indicators) {
    if (x.original) {
      Object.assign(x, x.original);
      delete x.original;
      delete x.edited;
    }
    const fix = none ? null : cleanCorrection(all[keyOf(x)]);
    if (!fix) continue;
    x.original = { metric: x.metric, metric_start: x.metric_start, metric_end: x.metric_end, status: x.status, value: x.value, value_max: x.value_max };
    if ('metric' in fix) Object.assign(x, { metric: fix.metric || null, metric_start: null, metric_end: null });
    if ('status' in fix) x.status = fix.status;
    if ('value' in fix) Object.assign(x, { value: fix.value, value_max: null });
    x.edited = true;
    n++;
  }
  return n;
}

/** Saves `fix` for indicator `x` of `result` (null: back to the engine's) and applies it. False if storage refused it. */
export function setCorrection(result, x, fix) {
  const all = loadCorrections();
  const clean = cleanCorrection(fix);
  if (clean) all[keyOf(x)] = clean;
  else delete all[keyOf(x)];
  const saved = save(all);
  applyCorrections(result, all);
  return saved;
}

/** The corrected indicators of `result` as exportCsvCorrected takes them. */
export function correctionArrays(result) {
  const edited = result.indicators.filter((x) => x.edited);
  return {
    ids: edited.map((x) => x.id),
    metrics: edited.map((x) => (x.metric !== x.original.metric ? (x.metric ?? '') : null)),
    statuses: edited.map((x) => (x.status !== x.original.status ? x.status : '')),
    values: edited.map((x) => (x.value !== x.original.value && typeof x.value === 'number' ? x.value : NaN)),
  };
}
