#!/usr/bin/env node
// scripts/build-page.mjs: bundles the page's script, www/page/main.js and every
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
// (element/zhibiao-annotator.js), the worker (engine/annotator-worker.js)
// and the Node tests import them directly. A module finds the files it
// loads (the worker, the .wasm, a stylesheet) with `new URL('./x',
// import.meta.url)`; in a bundle `import.meta.url` is the bundle's own URL,
// and the bundle is in www/, not in the module's folder. So each module's
// `import.meta.url` is rewritten, as it goes into the bundle, to its own
// URL as seen from the bundle (`new URL('engine/annotator.js',
// import.meta.url).href`), and every such URL resolves as it does
// unbundled, on any host and under any sub-path.
//
//   node scripts/build-page.mjs           build when an input is newer than the bundle
//   node scripts/build-page.mjs --force   build anyway
//   node scripts/build-page.mjs --check   only say whether the bundle is up to date (exit 1 if not)
//
// Needs www/pkg (scripts/build-wasm, which runs this script after it) and
// esbuild from node_modules (scripts/setup).

import { statSync, readdirSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WWW = path.join(ROOT, 'www');
export const ENTRY = 'page/main.js';
export const BUNDLE = 'main.bundle.js';
export const SERIES_ENTRY = 'page/series.js';
export const SERIES_BUNDLE = 'series.bundle.js';
export const SERIES_STYLES = 'page/series.css';
export const SERIES_STYLESHEET = 'series.bundle.css';

/** Every file the bundle could be made from: www's modules and www/pkg's JS (glue and snippets). */
function inputs(www) {
  const files = [fileURLToPath(import.meta.url)];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.js') && !entry.name.endsWith('.bundle.js')) files.push(p);
    }
  };
  walk(www);
  return files;
}

/**
 * An esbuild plugin: `import.meta.url` in each module under `www` becomes
 * that module's URL as seen from a bundle written to `outdir`.
 */
export function moduleUrls(www, outdir) {
  return {
    name: 'zhibiao-module-urls',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!args.path.startsWith(www + path.sep)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const own = path.relative(outdir, args.path).split(path.sep).join('/');
        return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), loader: 'js' };
      });
    },
  };
}

/** The first input newer than the bundle, 'missing' without a bundle, or null when it is up to date. */
export function staleInput(www = WWW) {
  const outputs = [BUNDLE, SERIES_BUNDLE, SERIES_STYLESHEET].map((name) => path.join(www, name));
  if (!outputs.every((file) => existsSync(file))) return 'missing';
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = [...inputs(www), path.join(www, SERIES_STYLES), path.join(ROOT, 'package-lock.json')];
  return sources.find((file) => statSync(file).mtimeMs > built) ?? null;
}

/**
 * Writes www/main.bundle.js (and .map). Resolves with its size in bytes.
 * Fails (rejects) when a module does not resolve, e.g. www/pkg not built.
 */
export async function buildPage(www = WWW) {
  if (!existsSync(path.join(www, 'pkg', 'zhibiao.js'))) throw new Error(`${path.join(www, 'pkg')} is missing: run scripts/build-wasm`);
  const esbuild = await import('esbuild');
  // What every build here shares.
  const shared = {
    bundle: true,
    // The interface strings as they are (every host here sends UTF-8),
    // not as \u escapes, which take twice the bytes.
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    // uPlot from the repository's node_modules, also for a copy of www/
    // elsewhere (the failure tests build one in a temporary folder)
    nodePaths: [path.join(ROOT, 'node_modules')],
  };
  // What the two script bundles share.
  const script = {
    ...shared,
    format: 'esm',
    sourcemap: 'linked',
    // What the page supports (README): current Chromium, Firefox and Safari.
    target: ['es2022'],
    plugins: [moduleUrls(www, www)],
  };
  await esbuild.build({
    ...script,
    entryPoints: [path.join(www, ENTRY)],
    outfile: path.join(www, BUNDLE),
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
  });
  // Series mode, loaded the first time it is shown (page/series-loader.js):
  // series.js with the chart library, and its stylesheet with uPlot's.
  await esbuild.build({ ...script, entryPoints: [path.join(www, SERIES_ENTRY)], outfile: path.join(www, SERIES_BUNDLE), minify: true });
  await esbuild.build({ ...shared, entryPoints: [path.join(www, SERIES_STYLES)], outfile: path.join(www, SERIES_STYLESHEET), minify: true });
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
