#!/usr/bin/env node
// size.mjs: what the page costs to download: the .wasm raw and gzipped
// (gzip -9, as scripts/build-wasm's budget; brotli too), the JS glue, the
// page's script bundle, what the page fetches, and the whole of www/ (every
// file but samples/, each gzipped, summed),
// plus what the JSON result path would add (target/bench-pkg: the same build
// with the benchmark hooks, serde_json among them).
//
//   node bench/size.mjs [--json FILE]

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { REPO, writeJson } from './lib.mjs';

const WWW = path.join(REPO, 'www');

function sizes(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function walk(dir, skip) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = path.relative(WWW, full);
    if (skip(rel, name)) continue;
    if (statSync(full).isDirectory()) out.push(...walk(full, skip));
    else out.push(rel);
  }
  return out;
}

const wasmFile = path.join(WWW, 'pkg', 'zhibiao_bg.wasm');
if (!existsSync(wasmFile)) {
  console.error('size: www/pkg is missing; run bash scripts/build-wasm');
  process.exit(2);
}
const wasm = sizes(wasmFile);
const glue = sizes(path.join(WWW, 'pkg', 'zhibiao.js'));
// Build output bookkeeping (.gitignore, the build stamp) is not deployed.
const files = walk(WWW, (rel, name) => rel === 'samples' || name.startsWith('.')).sort();
const perFile = files.map((f) => ({ file: f, ...sizes(path.join(WWW, f)) }));
const sum = (list, key) => list.reduce((s, x) => s + x[key], 0);
// What a browser fetches for the page: for the first view, index.html, its
// style sheets and icon, the script bundle and the .wasm; once that is on
// screen, the worker with its own glue, and the service worker. Not the
// modules the bundle was made from (the embeddable element and the tests
// use them), the source map (only a debugger asks for it), the docs, types
// or the embedding demo.
const FIRST_VIEW = new Set(['index.html', 'page/style.css', 'view/annotated.css', 'icon.svg', 'main.bundle.js', 'pkg/zhibiao_bg.wasm']);
const LATER = (f) => ['engine/annotator-worker.js', 'pkg/zhibiao.js', 'sw.js'].includes(f) || f.startsWith('pkg/snippets/');
const firstView = perFile.filter((f) => FIRST_VIEW.has(f.file));
const loaded = perFile.filter((f) => FIRST_VIEW.has(f.file) || LATER(f.file));
const hooksWasm = path.join(REPO, 'target', 'bench-pkg', 'zhibiao_bg.wasm');
const hooks = existsSync(hooksWasm) ? sizes(hooksWasm) : null;

const result = {
  wasm,
  glue,
  page: { files: perFile.length, raw: sum(perFile, 'raw'), gzip: sum(perFile, 'gzip'), brotli: sum(perFile, 'brotli') },
  page_loaded: { files: loaded.length, raw: sum(loaded, 'raw'), gzip: sum(loaded, 'gzip'), brotli: sum(loaded, 'brotli') },
  first_view: { files: firstView.length, raw: sum(firstView, 'raw'), gzip: sum(firstView, 'gzip'), brotli: sum(firstView, 'brotli') },
  bundle: perFile.find((f) => f.file === 'main.bundle.js') ?? null,
  hooks_build_wasm: hooks,
  largest_gzip: [...perFile]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 6)
    .map((f) => [f.file, f.gzip]),
};

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log('size (gzip -9; brotli 11)');
console.log(`  zhibiao_bg.wasm   ${kb(wasm.raw)} raw, ${kb(wasm.gzip)} gzipped, ${kb(wasm.brotli)} brotli`);
console.log(`  zhibiao.js (glue) ${kb(glue.raw)} raw, ${kb(glue.gzip)} gzipped`);
console.log(
  `  www/ without samples/: ${perFile.length} files, ${kb(result.page.raw)} raw, ${kb(result.page.gzip)} gzipped (sum of files), ${kb(result.page.brotli)} brotli`,
);
if (result.bundle) console.log(`  main.bundle.js (the page's script) ${kb(result.bundle.raw)} raw, ${kb(result.bundle.gzip)} gzipped`);
console.log(`    the page's first view (${firstView.map((f) => f.file).join(', ')}): ${firstView.length} files, ${kb(result.first_view.gzip)} gzipped`);
console.log(`    with what follows it (the worker and its glue, the service worker): ${loaded.length} files, ${kb(result.page_loaded.gzip)} gzipped`);
console.log(`    largest gzipped: ${result.largest_gzip.map(([f, g]) => `${f} ${kb(g)}`).join(', ')}`);
if (hooks) console.log(`  wasm with the benchmark hooks (serde_json for the JSON path): ${kb(hooks.gzip)} gzipped, +${kb(hooks.gzip - wasm.gzip)}`);
writeJson(result);
