#!/usr/bin/env node
// peer.mjs: zhibiao next to a general-purpose peer, Microsoft
// Recognizers-Text 1.3.1 (npm), on the same 455 KB report: throughput of
// both, and what the peer's results are.
//
//   node bench/peer.mjs [--budget-s 30] [--examples 0] [--json FILE]
//
// The peer runs its Chinese number, percentage, currency and dimension
// models (built once, the "preferred way" of its README), fed line by line:
// on a whole report it slows down badly. It reads the lines in order until
// the time budget is spent; the figures are for the part it read, printed
// with its size. zhibiao (www/pkg's wasm, in this same Node) annotates that
// same part as one text; the ratio compares the two in the same runtime.
//
// Each peer result is then sorted, roughly, by rules on the characters
// around it (first that applies):
//   indicator   overlaps one of zhibiao's indicators (zhibiao scores F1 1.0
//               against the hand-checked gold file of this report, so these
//               stand for the real figures)
//   code        a name or code: next to a Latin letter (PM2.5, 5G, G20), a
//               line number (18号线), a plan (十三五), or inside quotes or title
//               marks (“1+9”, “两个一百年”, 《…》)
//   date        a year, month or day: 2017年, 3月, 2013—2017年
//   enumerator  an ordinal, enumerator or count that is part of a phrase:
//               第三, 一是, 一、, 三大战略, 两个, 五项
//   other       none of these (printed with --examples N to judge)
// Results of the four models that overlap each other are also merged into
// one (8.1 and 8.1% are one finding), which is the fairest count.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { REPO, X8, option, summary, mbPerS, utf8Bytes, readText, writeJson, machine } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Culture } = require('@microsoft/recognizers-text-suite');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
const peerVersion = require('@microsoft/recognizers-text-suite/package.json').version;

const BUDGET_MS = Number(option('budget-s', 30)) * 1000;
const EXAMPLES = Number(option('examples', 0));

const text = readText(X8);

// --- the peer ---------------------------------------------------------------
let t = performance.now();
const numbers = new NumberRecognizer(Culture.Chinese);
const units = new NumberWithUnitRecognizer(Culture.Chinese);
const models = {
  number: numbers.getNumberModel(),
  percentage: numbers.getPercentageModel(),
  currency: units.getCurrencyModel(),
  dimension: units.getDimensionModel(),
};
const initMs = performance.now() - t;

const lines = text.split('\n');
const found = Object.fromEntries(Object.keys(models).map((k) => [k, []]));
const modelMs = Object.fromEntries(Object.keys(models).map((k) => [k, 0]));
let offset = 0; // UTF-16 offset of the line in `text`
let linesRead = 0;
const started = performance.now();
for (const line of lines) {
  if (performance.now() - started > BUDGET_MS) break;
  for (const [name, model] of Object.entries(models)) {
    const t0 = performance.now();
    const results = model.parse(line);
    modelMs[name] += performance.now() - t0;
    for (const r of results) {
      const start = offset + r.start;
      found[name].push({ start, end: start + r.text.length, text: text.slice(start, start + r.text.length), model: name });
    }
  }
  offset += line.length + 1;
  linesRead++;
}
const peerMs = performance.now() - started;
const covered = text.slice(0, Math.min(offset, text.length));
const coveredBytes = utf8Bytes(covered);

// --- zhibiao on the same part ----------------------------------------------
const glue = await import(path.join(REPO, 'www', 'pkg', 'zhibiao.js'));
glue.initSync({ module: readFileSync(path.join(REPO, 'www', 'pkg', 'zhibiao_bg.wasm')) });
const annotation = glue.annotate(covered);
const runs = [];
for (let i = 0; i < 25; i++) {
  t = performance.now();
  glue.annotate(covered);
  if (i >= 5) runs.push(performance.now() - t);
}
const zhibiaoMs = summary(runs).median;
const indicators = annotation.indicators;

// --- sorting the peer's results --------------------------------------------
const starts = indicators.map((x) => x.start);
function overlapsIndicator(s, e) {
  // indicators are in document order and do not overlap each other
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (indicators[mid].end <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo < indicators.length && indicators[lo].start < e;
}

const LATIN = /[A-Za-zＡ-Ｚａ-ｚ]/;
const CN_NUMERAL = /^[零〇一二两三四五六七八九十百千万亿]+$/;

/** Inside “…”, 《…》, ‘…’ or 「…」 on the same line. */
function quoted(s, e) {
  const lineStart = text.lastIndexOf('\n', s - 1) + 1;
  let lineEnd = text.indexOf('\n', e);
  if (lineEnd < 0) lineEnd = text.length;
  for (const [open, close] of ['“”', '《》', '‘’', '「」', '""']) {
    const o = text.lastIndexOf(open, s - 1);
    if (o < lineStart) continue;
    const c = text.indexOf(close, o + 1);
    if (open === close ? c >= e && c < lineEnd : (c < 0 || c >= e) && text.indexOf(close, e) >= 0 && text.indexOf(close, e) < lineEnd) return true;
  }
  return false;
}

function classify(s, e) {
  if (overlapsIndicator(s, e)) return 'indicator';
  const span = text.slice(s, e);
  const before = text.slice(Math.max(0, s - 2), s);
  const after = text.slice(e, e + 8);
  if (LATIN.test(before.slice(-1)) || LATIN.test(after[0] ?? '') || /^\s*号线/.test(after) || (CN_NUMERAL.test(span) && /^五/.test(after)) || quoted(s, e))
    return 'code';
  if (/^\s*([年月日]|号(?!线)|[—\-–~～至到]\s*[\d〇零一二三四五六七八九十]{1,4}\s*年)/.test(after) || /[年月日]$/.test(span)) return 'date';
  if (/第$/.test(before) || /^[是、．.大]/.test(after) || (CN_NUMERAL.test(span) && /^[个项条件种批类届次轮位家名]/.test(after))) return 'enumerator';
  return 'other';
}

const CLASSES = ['indicator', 'code', 'date', 'enumerator', 'other'];
const perModel = {};
for (const [name, list] of Object.entries(found)) {
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0]));
  for (const r of list) counts[(r.class = classify(r.start, r.end))]++;
  perModel[name] = { results: list.length, ...counts, ms: Math.round(modelMs[name]), mb_s: mbPerS(coveredBytes, modelMs[name]) };
}
// Merged: overlapping results of different models are one finding; it is an
// indicator if any part is, else the class of its longest part.
const all = Object.values(found)
  .flat()
  .sort((a, b) => a.start - b.start || b.end - a.end);
const merged = [];
for (const r of all) {
  const last = merged[merged.length - 1];
  if (last && r.start < last.end) {
    last.end = Math.max(last.end, r.end);
    last.parts.push(r);
  } else merged.push({ start: r.start, end: r.end, parts: [r] });
}
const mergedCounts = Object.fromEntries(CLASSES.map((c) => [c, 0]));
for (const m of merged) {
  m.class = m.parts.some((p) => p.class === 'indicator') ? 'indicator' : m.parts.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a)).class;
  m.text = text.slice(m.start, m.end);
  mergedCounts[m.class]++;
}
const falseCount = merged.length - mergedCounts.indicator;
const missed = indicators.filter((x) => !merged.some((m) => m.start < x.end && x.start < m.end)).length;

const peerMbS = mbPerS(coveredBytes, peerMs);
const zhibiaoMbS = mbPerS(coveredBytes, zhibiaoMs);
const result = {
  peer: `@microsoft/recognizers-text-suite ${peerVersion} (Chinese number, percentage, currency, dimension models)`,
  budget_s: BUDGET_MS / 1000,
  init_ms: Math.round(initMs),
  measured: { lines: linesRead, of_lines: lines.length, bytes: coveredBytes, of_bytes: utf8Bytes(text), whole: linesRead >= lines.length },
  peer_ms: Math.round(peerMs),
  peer_mb_s: peerMbS,
  zhibiao_wasm_node_ms: zhibiaoMs,
  zhibiao_wasm_node_mb_s: zhibiaoMbS,
  ratio: Math.round(zhibiaoMbS / peerMbS),
  zhibiao_indicators: indicators.length,
  per_model: perModel,
  merged: { findings: merged.length, ...mergedCounts, not_indicators: falseCount, zhibiao_indicators_missed: missed },
  node: process.version,
  machine: machine(),
};

const pct = (n, d) => `${((100 * n) / Math.max(1, d)).toFixed(0)}%`;
console.log(`peer: ${result.peer}; models built in ${result.init_ms} ms`);
console.log(
  `  read ${linesRead} of ${lines.length} lines (${(coveredBytes / 1e3).toFixed(1)} of ${(result.measured.of_bytes / 1e3).toFixed(1)} KB) in ${(peerMs / 1e3).toFixed(1)} s (budget ${BUDGET_MS / 1e3} s)`,
);
console.log(`  throughput: peer ${peerMbS} MB/s, zhibiao (wasm, Node) ${zhibiaoMbS} MB/s (${zhibiaoMs.toFixed(1)} ms): zhibiao ${result.ratio}× faster`);
console.log('  per model:   results  indicator  code  date  enumerator  other     time');
for (const [name, m] of Object.entries(perModel)) {
  console.log(
    `    ${name.padEnd(11)} ${String(m.results).padStart(6)} ${String(m.indicator).padStart(10)} ${String(m.code).padStart(5)} ${String(m.date).padStart(5)} ${String(m.enumerator).padStart(11)} ${String(m.other).padStart(6)} ${String(m.ms).padStart(7)} ms (${m.mb_s} MB/s)`,
  );
}
console.log(
  `  merged findings: ${merged.length}: ${mergedCounts.indicator} on zhibiao's indicators, ${falseCount} not (${mergedCounts.code} codes/names/quoted, ${mergedCounts.date} dates, ${mergedCounts.enumerator} enumerators/ordinals/counts in phrases, ${mergedCounts.other} other, mostly false too: see --examples)`,
);
console.log(
  `  zhibiao: ${indicators.length} indicators in the same text; the peer touches ${indicators.length - missed} of them (${pct(indicators.length - missed, indicators.length)}) and returns ${(falseCount / Math.max(1, mergedCounts.indicator)).toFixed(1)} non-indicators per indicator hit`,
);
if (EXAMPLES > 0) {
  for (const c of CLASSES) {
    const seen = new Set();
    const ex = merged.filter((m) => m.class === c && !seen.has(m.text) && seen.add(m.text)).slice(0, EXAMPLES);
    console.log(
      `  ${c}: ${ex.map((m) => `${text.slice(Math.max(0, m.start - 4), m.start)}[${m.text}]${text.slice(m.end, m.end + 4)}`.replace(/\n/g, '⏎')).join('  ')}`,
    );
  }
}
writeJson(result);
