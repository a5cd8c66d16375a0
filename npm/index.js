// zhibiao: the engine, for browsers, bundlers and Node. Load it once with
// `await init()`, then call annotate, compare, reflow and the exporters;
// under Node, `import … from 'zhibiao'` resolves to node.js, which has done
// that already.
//
// The .wasm is found next to this module, `new URL('./pkg/zhibiao_bg.wasm',
// import.meta.url)`: fetched in a browser (served as application/wasm, with
// CORS when this module comes from another origin than the page), read from
// disk under Node. `init(source)` takes anything wasm-bindgen's init does
// instead: a URL, a Response, the bytes or a compiled WebAssembly.Module.

import initGlue, * as glue from './pkg/zhibiao.js';

/** Where the .wasm is: next to this module. */
export const WASM_URL = new URL('./pkg/zhibiao_bg.wasm', import.meta.url);

let loading = null;
let ready = false;

/**
 * Loads the engine (once; later calls return the same promise). `source`,
 * optional: the .wasm's URL, a Response, its bytes, or a WebAssembly.Module.
 */
export function init(source) {
  if (ready) return Promise.resolve();
  loading ??= load(source).then(
    () => {
      ready = true;
    },
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export default init;

/** Loads the engine at once from the .wasm's bytes or a compiled WebAssembly.Module. */
export function initSync(source) {
  if (ready) return;
  glue.initSync({ module: source });
  ready = true;
}

async function load(source) {
  if (source === undefined && WASM_URL.protocol === 'file:' && typeof process === 'object' && process.versions?.node) {
    // Node's fetch does not read file: URLs. The module name is not a
    // literal, so that bundlers for the browser leave this line alone.
    const fs = 'node:fs/promises';
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fs);
    source = await readFile(WASM_URL);
  }
  await initGlue({ module_or_path: source ?? WASM_URL });
}

function engine(name) {
  if (!ready) throw new Error(`zhibiao: ${name}() before the engine is loaded: \`await init()\` first`);
  return glue;
}

/** SPEC.md's `{ sections, indicators, layout }` for one report. */
export function annotate(text) {
  return engine('annotate').annotate(text);
}

/** The targets of the earlier report `oldText` judged against the results of the later `newText`. */
export function compare(oldText, newText) {
  return engine('compare').compare(oldText, newText);
}

/** The text as `annotate` reads it (PDF and web-page copies one paragraph a line). */
export function reflow(text) {
  return engine('reflow').reflow(text);
}

/** `zhibiao annotate --format csv`'s output for `text`, `file` in the `file` column (`english`: with metric_en, unit_en). */
export function exportCsv(text, file = '-', { english = false } = {}) {
  return engine('exportCsv').exportCsv(text, file, english === true);
}

/** The glossary's English of each metric and unit: `{ metrics, units }`, `null` where it has none. */
export function gloss(metrics, units = []) {
  return engine('gloss').gloss(Array.from(metrics, String), Array.from(units, String));
}

/** `text`'s indicators as a W3C Web Annotation AnnotationCollection; `source` is the text's IRI ('' makes one). */
export function exportWebAnnotations(text, source = '') {
  return engine('exportWebAnnotations').exportWebAnnotations(text, source);
}

/** CSV records of `width` fields each from `cells`, with the CLI's field rules. */
export function csvRecords(cells, width) {
  return engine('csvRecords').csvRecords(cells, width);
}

/** The encoding a file's bytes are read in (a TextDecoder label), by the CLI's rules; throws `CODE: reason` otherwise. */
export function sniffEncoding(bytes) {
  return engine('sniffEncoding').sniffEncoding(bytes);
}

/** The engine's version, e.g. "0.1.0". */
export function version() {
  return engine('version').version();
}

/**
 * Many reports at once (`zhibiao series`): `const run = series(true)`, then
 * `run.push(fileName, text)` for each report in order (each gives back
 * `{ report, rows, joined, note }`), and `run.csv(joined, english)` for the CLI's
 * table; `run.free()` when done. `join`: pair each report's targets with
 * its issuer's next report.
 */
export function series(join = false) {
  return new (engine('series').SeriesRun)(join);
}
