#!/usr/bin/env node
// wasm-node.mjs: the wasm `annotate` in Node on the 455 KB report, as a page
// or a worker calls it: median ms over warm runs including the JS result
// object, and where that time goes.
//
//   node bench/wasm-node.mjs [--runs 25] [--json FILE] [--hooks DIR]
//
// Needs www/pkg (scripts/build-wasm) and target/bench-pkg
// (bench/build-wasm-hooks: the same build plus the benchmark hooks of
// src/wasm.rs). The headline figure is www/pkg's `annotate`, the code the
// page ships; the split comes from the hooks build:
//
//   text in     benchTextIn(text): the string copied into wasm memory (TextEncoder)
//   annotate    benchAnnotateCount(text) minus text in: the Rust work alone
//   to JS       benchKeptToJs(): the kept result as `annotate` hands it over
//               (packed in Rust, built in src/wasm-result.js), i.e. building
//               the JS object; benchKeptPack: the packing alone
//   alternatives
//               benchKeptToJsSerde(): through serde-wasm-bindgen
//               (json_compatible), as `annotate` did before;
//               benchAnnotateJson(text) + JSON.parse: a JSON string; its
//               "to JS" part is benchKeptToJson (serde_json::to_string and the
//               string out through TextDecoder) + JSON.parse

import { readFileSync } from 'node:fs';
import { deepStrictEqual } from 'node:assert';
import path from 'node:path';
import { REPO, X8, option, utf8Bytes, readText, writeJson, machine, splitRounds, splitFigures, printSplit } from './lib.mjs';

const RUNS = Math.max(20, Number(option('runs', 25)));
const WARMUP = 5;

async function load(dir) {
  const glue = await import(path.join(dir, 'zhibiao.js'));
  glue.initSync({ module: readFileSync(path.join(dir, 'zhibiao_bg.wasm')) });
  return glue;
}

const text = readText(X8);
const bytes = utf8Bytes(text);
const shipped = await load(path.join(REPO, 'www', 'pkg'));
let hooks;
try {
  // --hooks: another hooks build, e.g. one made with other optimisation settings.
  hooks = await load(path.resolve(option('hooks', path.join(REPO, 'target', 'bench-pkg'))));
  if (typeof hooks.benchKeep !== 'function') throw new Error('no benchmark hooks in target/bench-pkg');
} catch (error) {
  console.error(`wasm-node: ${error.message}; run bash bench/build-wasm-hooks`);
  process.exit(2);
}

// Both result paths give the same answer, and the hooks build counts alike.
const object = shipped.annotate(text);
deepStrictEqual(JSON.parse(hooks.benchAnnotateJson(text)), object, 'JSON string path == annotate object');
hooks.benchKeep(text);
if (JSON.stringify(hooks.benchKeptToJsSerde()) !== JSON.stringify(object)) throw new Error('serde-wasm-bindgen object != annotate object');
if (hooks.benchAnnotateCount(text) !== object.indicators.length) throw new Error('benchAnnotateCount disagrees with annotate');

const figures = splitFigures(splitRounds(shipped, hooks, text, RUNS, WARMUP), bytes, utf8Bytes(hooks.benchAnnotateJson(text)));
const result = {
  input: { file: path.relative(REPO, X8), bytes, utf16: text.length, indicators: object.indicators.length, sections: object.sections.length },
  ...figures,
  node: process.version,
  machine: machine(),
};
console.log(`wasm annotate in Node ${process.version}: ${result.input.file} (${(bytes / 1e3).toFixed(1)} KB UTF-8, ${result.input.indicators} indicators)`);
printSplit(figures, 'www/pkg');
writeJson(result);
