#!/usr/bin/env node
// scripts/build-page.mjs: bundles the page's script, www/main.js and every
// module it imports (the wasm glue in www/pkg included, compare mode and the
// exporters too), into one file, www/main.bundle.js, with a source map
// beside it. index.html loads only that file (and the .wasm).
//
// Why: on a cold start the page's modules were a dozen requests. Over
// HTTP/1.1 a browser fetches six at a time, and the page thread handles each
// response, compiles and links each module before the first annotation can
// start: measured on the 57 KB report in headless Chromium
// (docs/performance.md), DOMContentLoaded came ~40 ms sooner with the bundle.
//
// The sources stay plain ES modules: the embeddable element
// (zhibiao-annotator.js), the worker (annotator-worker.js) and the Node
// tests import them directly. The bundle is written next to them, so the
// URLs the modules make with `new URL('./x', import.meta.url)` (the worker,
// the .wasm) still resolve inside www/.
//
//   node scripts/build-page.mjs           build when an input is newer than the bundle
//   node scripts/build-page.mjs --force   build anyway
//   node scripts/build-page.mjs --check   only say whether the bundle is up to date (exit 1 if not)
//
// Needs www/pkg (scripts/build-wasm, which runs this script after it) and
// esbuild from node_modules (scripts/setup).

import { statSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WWW = path.join(ROOT, 'www');
export const ENTRY = 'main.js';
export const BUNDLE = 'main.bundle.js';

/** Every file the bundle could be made from: www's modules and www/pkg's JS (glue and snippets). */
function inputs(www) {
  const files = [fileURLToPath(import.meta.url)];
  for (const name of readdirSync(www)) if (name.endsWith('.js') && !name.endsWith('.bundle.js')) files.push(path.join(www, name));
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.js')) files.push(p);
    }
  };
  walk(path.join(www, 'pkg'));
  return files;
}

/** The first input newer than the bundle, 'missing' without a bundle, or null when it is up to date. */
export function staleInput(www = WWW) {
  const bundle = path.join(www, BUNDLE);
  if (!existsSync(bundle)) return 'missing';
  const built = statSync(bundle).mtimeMs;
  return inputs(www).find((file) => statSync(file).mtimeMs > built) ?? null;
}

/**
 * Writes www/main.bundle.js (and .map). Resolves with its size in bytes.
 * Fails (rejects) when a module does not resolve, e.g. www/pkg not built.
 */
export async function buildPage(www = WWW) {
  if (!existsSync(path.join(www, 'pkg', 'zhibiao.js'))) throw new Error(`${path.join(www, 'pkg')} is missing: run scripts/build-wasm`);
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(www, ENTRY)],
    outfile: path.join(www, BUNDLE),
    bundle: true,
    format: 'esm',
    // Compare mode, the exporters and the file reader are imported on first
    // use (dynamic import()). Without code splitting they are in the bundle
    // too, evaluated only when first imported: a few KB more to download
    // instead of more requests later.
    splitting: false,
    // Whitespace and syntax only: the names stay, so that a profile of the
    // page (bench/browser.mjs --profile) and a stack trace say which
    // function it was. Gzipped, full minification would save ~3 KB (32 → 28.5).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    // What the page supports (README): current Chromium, Firefox and Safari.
    target: ['es2022'],
    // The interface strings as they are (every host here sends UTF-8),
    // not as \u escapes, which take twice the bytes.
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return statSync(path.join(www, BUNDLE)).size;
}

async function main(argv) {
  const mode = argv[0] ?? 'build';
  if (!['build', '--force', '--check'].includes(mode)) {
    console.error('usage: node scripts/build-page.mjs [--force|--check]');
    process.exit(2);
  }
  const stale = staleInput();
  if (!stale && mode !== '--force') {
    console.log(`build-page: www/${BUNDLE} is up to date`);
    return;
  }
  if (mode === '--check') {
    console.log(`build-page: www/${BUNDLE} is out of date (${stale === 'missing' ? 'missing' : path.relative(ROOT, stale)})`);
    process.exit(1);
  }
  const bytes = await buildPage();
  console.log(`build-page: www/${BUNDLE}: ${bytes} bytes`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`build-page: ${error.message}`);
    process.exit(1);
  });
}
