// lib.mjs: what the JS benchmarks share: paths, summary statistics, the
// machine they ran on, and writing a result file for bench/run.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DATA = path.join(REPO, 'tests', 'data');
export const X8 = path.join(DATA, 'gz-2017-government-work-report-x8.txt');
export const REPORT = path.join(DATA, 'gz-2017-government-work-report.txt');

/** `--name value` from argv, or `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** Median, min, max and 90th percentile of a list of ms, rounded to 0.01 ms. */
export function summary(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.floor(q * v.length))];
  const r = (x) => Math.round(x * 100) / 100;
  const median = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  return { median: r(median), min: r(v[0]), p90: r(at(0.9)), max: r(v[v.length - 1]), runs: v.length };
}

/** "12.34 ms (min 11.00, p90 13.20, n 25)". */
export function show(s) {
  return `${s.median.toFixed(2)} ms (min ${s.min.toFixed(2)}, p90 ${s.p90.toFixed(2)}, ${s.runs} runs)`;
}

export function mbPerS(bytes, ms) {
  return Math.round((bytes / 1e6 / (ms / 1e3)) * 100) / 100;
}

export function utf8Bytes(text) {
  return Buffer.byteLength(text, 'utf8');
}

export function readText(file) {
  return readFileSync(file, 'utf8');
}

/** Writes `value` as JSON to the file given with `--json`, if any. */
export function writeJson(value) {
  const file = option('json', null);
  if (!file) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

export function machine() {
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? null, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) };
}

/**
 * The measurement rounds of the wasm benchmarks, shared by Node
 * (bench/wasm-node.mjs) and a browser worker (bench/browser.mjs, which sends
 * this function's source): `shipped` is www/pkg's module, `hooks` the build
 * with the benchmark hooks, both initialised. Each round runs every
 * measurement once, in turn, so a busy neighbour slows all of them alike.
 * Returns ms per key, warm-up rounds left out. Self-contained on purpose.
 */
export function splitRounds(shipped, hooks, text, runs, warmup) {
  const keys = ['total', 'hooksTotal', 'textIn', 'annotateCount', 'keep', 'toJs', 'pack', 'toJsSerde', 'toJson', 'jsonParse', 'jsonPathTotal'];
  const out = {};
  for (const k of keys) out[k] = [];
  const time = (fn) => {
    const t = performance.now();
    const value = fn();
    return [performance.now() - t, value];
  };
  for (let round = 0; round < warmup + runs; round++) {
    const m = {};
    [m.total] = time(() => shipped.annotate(text));
    [m.hooksTotal] = time(() => hooks.annotate(text));
    [m.textIn] = time(() => hooks.benchTextIn(text));
    [m.annotateCount] = time(() => hooks.benchAnnotateCount(text));
    [m.keep] = time(() => hooks.benchKeep(text));
    [m.toJs] = time(() => hooks.benchKeptToJs());
    [m.pack] = time(() => hooks.benchKeptPack());
    [m.toJsSerde] = time(() => hooks.benchKeptToJsSerde());
    let json;
    [m.toJson, json] = time(() => hooks.benchKeptToJson());
    [m.jsonParse] = time(() => JSON.parse(json));
    [m.jsonPathTotal] = time(() => JSON.parse(hooks.benchAnnotateJson(text)));
    if (round >= warmup) for (const k of keys) out[k].push(m[k]);
  }
  return out;
}

/** The figures of splitRounds' timings, for the JSON and the printout. */
export function splitFigures(t, bytes, jsonBytes) {
  const s = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, summary(v)]));
  const r = (x) => Math.round(x * 100) / 100;
  const annotateOnly = Math.max(0, s.annotateCount.median - s.textIn.median);
  return {
    annotate: { ...s.total, mb_s: mbPerS(bytes, s.total.median) },
    hooks_build_annotate: s.hooksTotal,
    split_ms: {
      text_in: s.textIn.median,
      annotate: r(annotateOnly),
      to_js_object: s.toJs.median,
      sum: r(s.textIn.median + annotateOnly + s.toJs.median),
    },
    to_js: {
      packed: s.toJs.median,
      pack_rust_only: s.pack.median,
      serde_wasm_bindgen: s.toJsSerde.median,
    },
    rust_only_mb_s: mbPerS(bytes, annotateOnly),
    json_path: {
      total: s.jsonPathTotal,
      to_json_string: s.toJson.median,
      json_parse: s.jsonParse.median,
      to_js_via_json: r(s.toJson.median + s.jsonParse.median),
      json_bytes: jsonBytes,
    },
  };
}

/** The printout of splitFigures. */
export function printSplit(f, label) {
  const lines = [
    `  annotate(text) → JS object  ${show(f.annotate)}  = ${f.annotate.mb_s} MB/s   [${label}]`,
    `  same, hooks build           ${show(f.hooks_build_annotate)}`,
    '  split (medians):',
    `    text into wasm            ${f.split_ms.text_in.toFixed(2)} ms`,
    `    annotate (Rust only)      ${f.split_ms.annotate.toFixed(2)} ms  = ${f.rust_only_mb_s} MB/s`,
    `    result → JS object        ${f.split_ms.to_js_object.toFixed(2)} ms  (packed, built in src/wasm-result.js; packing in Rust ${f.to_js.pack_rust_only.toFixed(2)} ms)`,
    `    sum                       ${f.split_ms.sum.toFixed(2)} ms`,
    `  result → JS object through serde-wasm-bindgen (json_compatible), as before: ${f.to_js.serde_wasm_bindgen.toFixed(2)} ms`,
    '  alternative: JSON string + JSON.parse',
    `    annotate → JSON → parse   ${show(f.json_path.total)}`,
    `    result → JSON string      ${f.json_path.to_json_string.toFixed(2)} ms  (serde_json + TextDecoder, ${(f.json_path.json_bytes / 1e3).toFixed(0)} KB)`,
    `    JSON.parse                ${f.json_path.json_parse.toFixed(2)} ms`,
    `    result to JS: packed ${f.split_ms.to_js_object.toFixed(2)} ms vs serde-wasm-bindgen ${f.to_js.serde_wasm_bindgen.toFixed(2)} ms vs JSON string + parse ${f.json_path.to_js_via_json.toFixed(2)} ms`,
  ];
  console.log(lines.join('\n'));
}
