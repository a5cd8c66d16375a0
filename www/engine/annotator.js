// annotator.js: the page's side of annotator-worker.js: `annotate(text)`,
// that resolves with the checked SPEC JSON, and `compare(old, new)`, that
// resolves with both texts' annotations and the comparison of the earlier
// report's targets with the later one's results; both reject with an
// AnnotatorError saying what went wrong (load, crash, timeout, superseded).

/** How long one annotation may take before the worker is presumed stuck. */
export const TIMEOUT_MS = 60_000;

/**
 * With `mainThread`, texts up to this many UTF-16 code units (about 90 KB of
 * Chinese in UTF-8, 1.5 times the sample report) are annotated on the page's
 * own thread: a few tens of ms, against the worker's start-up (its script,
 * then the glue, then the .wasm, one after the other), which dominated the
 * cold start. Longer texts go to the worker, so the page never blocks long.
 */
export const MAIN_THREAD_MAX_CHARS = 30_000;
/** The most metrics `gloss` remembers before it starts afresh. */
const GLOSS_CACHE = 50_000;

/** The largest text the page will annotate, in UTF-16 code units (5 Mi). */
export const MAX_CHARS = 5 * 1024 * 1024;

export class AnnotatorError extends Error {
  /** `code`: 'load' | 'crash' | 'failed' | 'timeout' | 'superseded'. */
  constructor(code, message) {
    super(message);
    this.name = 'AnnotatorError';
    this.code = code;
  }
}

/**
 * Checks an answer of the engine against SPEC.md's shape and makes it one
 * the views can trust: arrays present, every item an object with numeric
 * offsets (or the whole answer is refused), ids equal to indexes, parents
 * and sections that point at an earlier or existing section or are null.
 * The answer is fresh from the engine (or a structured clone of it), so it
 * is fixed in place rather than copied: a copy of every item cost a cold
 * start ~1–2 ms for the 258 indicators of a 57 KB report.
 */
export function checkAnnotation(value) {
  const sections = Array.isArray(value?.sections) ? value.sections : [];
  const indicators = Array.isArray(value?.indicators) ? value.indicators : [];
  const isItem = (x) => x && typeof x === 'object' && Number.isFinite(x.start) && Number.isFinite(x.end);
  if (!sections.every(isItem) || !indicators.every(isItem)) {
    throw new AnnotatorError('failed', 'the annotator returned items without numeric start/end offsets');
  }
  sections.forEach((s, i) => {
    s.id = i;
    if (!(Number.isInteger(s.parent) && s.parent >= 0 && s.parent < i)) s.parent = null;
  });
  indicators.forEach((x, i) => {
    x.id = i;
    if (!(Number.isInteger(x.section) && x.section >= 0 && x.section < sections.length)) x.section = null;
  });
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    value.sections = sections;
    value.indicators = indicators;
    return value;
  }
  return { sections, indicators };
}

/**
 * The engine reads a JS string as UTF-8, which has no room for a lone
 * surrogate: each becomes U+FFFD (one UTF-16 unit, so every offset still
 * points into the caller's string), and so does each in the strings of
 * the result. For such a text the span fields are sliced from the text
 * itself, keeping the promise that `text.slice(start, end)` is
 * `value_text` (and likewise `metric`, and a section's `marker`). A
 * title is the heading as read and keeps its U+FFFD.
 */
function respan(text, indicators, sections) {
  if (typeof text.isWellFormed !== 'function' || text.isWellFormed()) return;
  for (const x of indicators) {
    x.value_text = text.slice(x.start, x.end);
    if (x.metric != null && x.metric_start != null) x.metric = text.slice(x.metric_start, x.metric_end);
  }
  for (const s of sections) {
    if (s.marker != null) s.marker = text.slice(s.start, s.start + s.marker.length);
  }
}

function respanned(text, answer) {
  respan(text, answer.result.indicators, answer.result.sections);
  return answer;
}

const VERDICTS = new Set(['met', 'missed', 'not_comparable', 'not_judged', 'unmatched']);

/**
 * Checks a comparison (the wasm `compare` JSON) against the annotations of
 * its two texts, and returns `{ comparison, links }`: `comparison` exactly as
 * the engine gave it (for the exports), and for each pair the ids of its
 * target and result in `old` and `new`, which the views use. The engine
 * annotates each text again for the comparison; the ids are checked by
 * span, so the links hold even if the two runs ever numbered differently.
 */
export function checkComparison(value, old, later) {
  const pairs = Array.isArray(value?.pairs) ? value.pairs : null;
  const summary = value?.summary;
  if (!pairs || !summary || typeof summary !== 'object') throw new AnnotatorError('failed', 'the comparison has no pairs or summary');
  const isItem = (x) => x && typeof x === 'object' && Number.isFinite(x.start) && Number.isFinite(x.end);
  const locate = (item, annotation) => {
    if (item == null) return null;
    const byId = annotation.indicators[item.id];
    if (byId && byId.start === item.start && byId.end === item.end) return byId.id;
    const bySpan = annotation.indicators.find((x) => x.start === item.start && x.end === item.end);
    return bySpan ? bySpan.id : null;
  };
  const links = pairs.map((pair, index) => {
    if (!pair || !isItem(pair.target) || !(pair.result == null || isItem(pair.result)) || !VERDICTS.has(pair.verdict)) {
      throw new AnnotatorError('failed', `pair ${index} of the comparison is not a target, a result and a verdict`);
    }
    return { target: locate(pair.target, old), result: locate(pair.result, later) };
  });
  return { comparison: value, links };
}

/**
 * A module worker running the script at `url`. A worker's script must come
 * from the page's own origin: for one served from another origin (the
 * element imported cross-origin, which needs CORS anyway), the worker is a
 * same-origin `blob:` module whose only line imports the script by its
 * absolute URL, so that the script's `import.meta.url`, and with it the
 * glue and the .wasm, stay on the script's origin. Throws when the browser
 * refuses the worker (e.g. a CSP without `worker-src blob:`).
 */
export function createWorker(url, options = { type: 'module', name: 'zhibiao-annotator' }) {
  const page = globalThis.location;
  const href = new URL(url, page?.href).href;
  if (!page || new URL(href).origin === page.origin) return { worker: new Worker(href, options), revoke: () => {} };
  const blobUrl = URL.createObjectURL(new Blob([`import ${JSON.stringify(href)};\n`], { type: 'text/javascript' }));
  try {
    return { worker: new Worker(blobUrl, options), revoke: () => URL.revokeObjectURL(blobUrl) };
  } catch (error) {
    URL.revokeObjectURL(blobUrl);
    throw error;
  }
}

export class Annotator {
  #workerUrl;
  #worker = null;
  /** Revokes the worker's blob: URL (a cross-origin script) once it has started or failed. */
  #revokeWorkerUrl = () => {};
  /**
   * Set when no worker can be made here (the browser refused it, or its
   * script failed to load): from then on everything runs on the page's
   * thread, long texts too.
   */
  #noWorker = false;
  #ready = false;
  #mainThread;
  /** The wasm package loading on the page's thread: a promise of the module, or null. */
  #main = null;
  /** Set when the main-thread engine failed to load or trapped: the worker does everything. */
  #mainBroken = false;
  #mainReady = false;
  #nextId = 1;
  #pending = new Map();
  #listeners = new Set();
  /** The series run on the page's thread, `{ run, engine }` (#seriesHere). */
  #series = null;
  /** The English of each metric and unit glossed so far (`gloss`). */
  #glosses = { metrics: new Map(), units: new Map() };
  version = null;

  /**
   * `mainThread`: annotate short texts (MAIN_THREAD_MAX_CHARS) on the page's
   * thread, with the worker kept for long ones, for comparisons and as the
   * fallback when the engine cannot load or run here.
   */
  constructor(workerUrl = new URL('./annotator-worker.js', import.meta.url), { mainThread = false } = {}) {
    this.#workerUrl = workerUrl;
    this.#mainThread = mainThread;
  }

  /** `listener({ type: 'ready' | 'loading' })` while the engine starts. */
  onState(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get ready() {
    return this.#ready || this.#mainReady;
  }

  /**
   * Starts the engine (and so the wasm download) ahead of the first request:
   * with `mainThread`, the page's own copy (the worker waits for warmUpWorker
   * or the first long text); otherwise the worker.
   */
  warmUp() {
    if (this.#mainThread || this.#noWorker) this.#loadMain();
    else this.#ensureWorker();
  }

  /** Starts the worker ahead of the first long text or comparison. */
  warmUpWorker() {
    this.#ensureWorker();
  }

  /** Whether requests go to a worker (false once none could be made here). */
  get usesWorker() {
    return !this.#noWorker;
  }

  /**
   * Resolves with `{ result, ms }`. `channel`: a name for the caller; a newer
   * request in the worker supersedes only the waiting ones of the same
   * channel (each element on a page has its own).
   */
  async annotate(text, { channel } = {}) {
    if (this.#mainThread && !this.#mainBroken && text.length <= MAIN_THREAD_MAX_CHARS) {
      let engine = null;
      try {
        engine = await this.#loadMain();
      } catch {
        // Could not load here: the worker tries, and reports its own error.
      }
      if (engine) return respanned(text, this.#annotateHere(engine, text));
    }
    return respanned(text, await this.#request(channel == null ? { type: 'annotate', text } : { type: 'annotate', text, channel }));
  }

  /** The wasm package on the page's thread, loading it the first time. */
  #loadMain() {
    if (!this.#main) {
      // On index.html the boot script has fetched and compiled the .wasm
      // since the page's first milliseconds (zhibiaoBoot.wasm, a promise of
      // the WebAssembly.Module): instantiating it takes ~1 ms and no wait,
      // against ~20 ms for fetching and compiling here. Elsewhere, or when that
      // failed (a host sending the .wasm with another MIME type makes
      // compileStreaming refuse it), the glue fetches it itself. The glue
      // is a literal import so that the page's bundle
      // (scripts/build-page.mjs) carries it: one request fewer.
      const early = globalThis.zhibiaoBoot?.wasm;
      this.#main = import('../pkg/zhibiao.js').then(async (module) => {
        const compiled = early instanceof Promise ? await early.catch(() => null) : null;
        if (compiled instanceof WebAssembly.Module) module.initSync({ module: compiled });
        else await module.default({ module_or_path: new URL('../pkg/zhibiao_bg.wasm', import.meta.url) });
        return module;
      });
      this.#main.then(
        (module) => {
          if (this.#mainBroken) return;
          this.#mainReady = true;
          this.version = typeof module.version === 'function' ? module.version() : null;
          this.#emit({ type: 'ready', version: this.version });
        },
        () => {
          this.#mainBroken = true;
        },
      );
    }
    return this.#main;
  }

  #annotateHere(engine, text) {
    const started = performance.now();
    const value = this.#runHere(() => engine.annotate(text));
    return { result: checkAnnotation(value), ms: performance.now() - started };
  }

  /**
   * The encoding of a file's bytes by the engine's rules (wasm
   * `sniffEncoding`): a `TextDecoder` label, or it throws `CODE: reason`.
   */
  async sniff(bytes) {
    if (this.#mainThread && !this.#mainBroken) {
      const engine = await this.#loadMain().catch(() => null);
      if (engine && typeof engine.sniffEncoding === 'function') return engine.sniffEncoding(bytes);
    }
    return this.#request({ type: 'sniff', bytes });
  }

  /**
   * The text as the engine reads it (wasm `reflow`): a PDF or web-page copy
   * one paragraph a line, without page furniture and the page's chrome.
   * Resolves with the string.
   */
  async reflow(text) {
    if (this.#mainThread && !this.#mainBroken && text.length <= MAIN_THREAD_MAX_CHARS) {
      const engine = await this.#loadMain().catch(() => null);
      if (engine && typeof engine.reflow === 'function') {
        try {
          return engine.reflow(text);
        } catch (error) {
          throw new AnnotatorError('failed', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        }
      }
    }
    return this.#request({ type: 'reflow', text });
  }

  /**
   * `zhibiao annotate --format csv`'s output for `text` (wasm `exportCsv`,
   * which annotates it again), `file` in the `file` column. Resolves with
   * the string.
   */
  exportCsv(text, file, { english = false } = {}) {
    english = english === true;
    return this.#call({ type: 'export-csv', text, file, english }, (engine) => engine.exportCsv(text, file, english), text.length <= MAIN_THREAD_MAX_CHARS);
  }

  /**
   * `exportCsv` with only the indicators `ids` (numbers), in that order
   * (wasm `exportCsvRows`). Resolves with the string.
   */
  exportCsvRows(text, file, ids, { english = false } = {}) {
    english = english === true;
    return this.#call(
      { type: 'export-csv-rows', text, file, ids, english },
      (engine) => engine.exportCsvRows(text, file, Uint32Array.from(ids), english),
      text.length <= MAIN_THREAD_MAX_CHARS,
    );
  }

  /**
   * `exportCsvRows` with a reader's corrections (`fix`: `{ ids, metrics,
   * statuses, values }`, corrections.js) and a last column `edited` (wasm
   * `exportCsvCorrected`). Resolves with the string.
   */
  exportCsvCorrected(text, file, ids, fix, { english = false } = {}) {
    english = english === true;
    const run = (engine) =>
      engine.exportCsvCorrected(
        text,
        file,
        Uint32Array.from(ids),
        Uint32Array.from(fix.ids),
        fix.metrics.map((m) => m ?? ''),
        Uint8Array.from(fix.metrics, (m) => (m === null ? 0 : 1)),
        fix.statuses,
        Float64Array.from(fix.values),
        english,
      );
    return this.#call({ type: 'export-csv-corrected', text, file, ids, fix, english }, run, text.length <= MAIN_THREAD_MAX_CHARS);
  }

  /**
   * Adds the glossary's English (wasm `gloss`) to `indicators` in place:
   * `metric_en` and `unit_en`, `null` where the glossary has none (`unit_en`
   * is '' for a measure word English leaves out). Each metric and unit is
   * asked of the engine once per Annotator. Resolves with `indicators`.
   */
  async gloss(indicators) {
    const known = this.#glosses;
    const ask = (field, map) => [...new Set(indicators.map((x) => x[field]).filter((v) => typeof v === 'string' && !map.has(v)))];
    const metrics = ask('metric', known.metrics);
    const units = ask('unit', known.units);
    if (metrics.length || units.length) {
      const value = await this.#call({ type: 'gloss', metrics, units }, (engine) => engine.gloss(metrics, units), true);
      // a reader's texts have a few thousand distinct metrics at most; a
      // stream of generated texts must not grow the cache without end
      if (known.metrics.size > GLOSS_CACHE) known.metrics.clear();
      metrics.forEach((m, k) => known.metrics.set(m, value.metrics[k] ?? null));
      units.forEach((u, k) => known.units.set(u, value.units[k] ?? null));
    }
    for (const x of indicators) {
      x.metric_en = typeof x.metric === 'string' ? (known.metrics.get(x.metric) ?? null) : null;
      x.unit_en = typeof x.unit === 'string' ? (known.units.get(x.unit) ?? null) : null;
    }
    return indicators;
  }

  /**
   * `text`'s indicators as W3C Web Annotations (wasm `exportWebAnnotations`:
   * an AnnotationCollection, as `zhibiao annotate --format web-annotation`
   * writes it); `source` is the text's IRI, or '' for one made from the
   * text. Resolves with the object.
   */
  exportWebAnnotations(text, source = '') {
    return this.#call(
      { type: 'export-web-annotations', text, source },
      (engine) => engine.exportWebAnnotations(text, source),
      text.length <= MAIN_THREAD_MAX_CHARS,
    );
  }

  /**
   * CSV records of `width` fields from `cells` (strings, row after row),
   * written by the engine's field writer (wasm `csvRecords`: RFC 4180,
   * formula cells made text). Resolves with the string.
   */
  csvRecords(cells, width) {
    return this.#call({ type: 'csv-records', cells, width }, (engine) => engine.csvRecords(cells, width), true);
  }

  /**
   * Takes one report into series run `run` (a number the caller picks; a
   * new number starts a new run, `join`: pair each report's targets with
   * its issuer's next report) in the worker (wasm `SeriesRun.push`).
   * Resolves with the report's part of the table, `{ report, rows, joined,
   * note }` (SPEC §5). Send a run's reports one after the other, each once
   * the last has answered.
   */
  seriesPush(run, join, source, text) {
    const here = (engine) => this.#seriesHere(engine, run, join).push(source, text);
    return this.#call({ type: 'series-push', run, join, source, text }, here, false);
  }

  /**
   * Series run `run`'s table as CSV (`joined`: the joined table), the bytes
   * `zhibiao series [--joined] [--english]` prints for the same files in the same order.
   */
  seriesCsv(run, joined, { english = false } = {}) {
    english = english === true;
    return this.#call({ type: 'series-csv', run, joined, english }, (engine) => this.#seriesHere(engine, run, joined).csv(joined, english), false);
  }

  /** The series run on the page's thread (when no worker can be made). */
  #seriesHere(engine, run, join) {
    if (this.#series?.run !== run) {
      this.#series?.engine.free();
      this.#series = { run, engine: new engine.SeriesRun(join) };
    }
    return this.#series.engine;
  }

  /**
   * `here(engine)` on the page's thread when `mainThread` and `short` allow
   * it and the engine loads, else `message` to the worker (and `here` on
   * the page's thread again if no worker can run it). Resolves with what
   * the engine returns.
   */
  async #call(message, here, short) {
    if (this.#mainThread && !this.#mainBroken && short) {
      const engine = await this.#loadMain().catch(() => null);
      if (engine) return this.#runHere(() => here(engine));
    }
    return this.#request(message, here);
  }

  /**
   * Annotates both texts and compares the targets of `oldText` (the earlier
   * report) with the results of `newText` (the later one). Resolves with
   * `{ old, new, comparison, links, ms }`: see checkComparison.
   */
  async compare(oldText, newText) {
    const answer = await this.#request({ type: 'compare', old: oldText, new: newText });
    respan(oldText, answer.old.indicators, answer.old.sections);
    respan(newText, answer.new.indicators, answer.new.sections);
    respan(
      oldText,
      answer.comparison.pairs.map((p) => p.target),
      [],
    );
    respan(newText, answer.comparison.pairs.map((p) => p.result).filter(Boolean), []);
    return answer;
  }

  /** `message` to the worker; without one, on the page's thread (`here(engine)`, else by the message's type). */
  #request(message, here = null) {
    const worker = this.#ensureWorker();
    if (!worker) return this.#here(message, here);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#fail(new AnnotatorError('timeout', `no answer after ${TIMEOUT_MS / 1000} s`));
      }, TIMEOUT_MS);
      this.#pending.set(id, { resolve, reject, timer, message, here });
      worker.postMessage({ ...message, id });
    });
  }

  /**
   * A worker request answered on the page's thread, for when no worker can
   * be made: resolves with what the worker's answer would have resolved with.
   */
  async #here(message, here = null) {
    let engine;
    try {
      engine = await this.#loadMain();
    } catch (error) {
      throw new AnnotatorError('load', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
    if (this.#mainBroken) throw new AnnotatorError('crash', 'the engine stopped after an earlier error, and no worker can be started here: reload the page');
    if (here) return this.#runHere(() => here(engine));
    const started = performance.now();
    switch (message.type) {
      case 'annotate':
        return this.#annotateHere(engine, message.text);
      case 'sniff':
        return engine.sniffEncoding(message.bytes);
      case 'compare': {
        const old = this.#annotateHere(engine, message.old).result;
        const later = this.#annotateHere(engine, message.new).result;
        const comparison = this.#runHere(() => engine.compare(message.old, message.new));
        return { old, new: later, ...checkComparison(comparison, old, later), ms: performance.now() - started };
      }
      case 'reflow':
        return this.#runHere(() => engine.reflow(message.text));
      default:
        throw new AnnotatorError('failed', `unknown request ${message.type}`);
    }
  }

  /** `fn()` on the page's engine, its errors as AnnotatorErrors (a trap marks the engine broken). */
  #runHere(fn) {
    try {
      return fn();
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      // A wasm trap (panic = abort) leaves the instance unusable: from now
      // on the worker does everything, a fresh instance per crash.
      if (error instanceof WebAssembly.RuntimeError) {
        this.#mainBroken = true;
        this.#mainReady = false;
        throw new AnnotatorError('crash', detail);
      }
      throw new AnnotatorError('failed', detail);
    }
  }

  /**
   * The worker could not start: from now on requests run on the page's
   * thread, the waiting ones first.
   */
  #fallBack() {
    const worker = this.#worker;
    this.#worker = null;
    this.#ready = false;
    worker?.terminate();
    this.#revokeWorkerUrl();
    this.#noWorker = true;
    for (const [id, entry] of [...this.#pending]) {
      this.#pending.delete(id);
      clearTimeout(entry.timer);
      this.#here(entry.message, entry.here).then(entry.resolve, entry.reject);
    }
  }

  /** Stops the worker; pending calls reject with `superseded`. */
  terminate() {
    this.#fail(new AnnotatorError('superseded', 'the annotator was stopped'));
  }

  #emit(state) {
    for (const listener of this.#listeners) listener(state);
  }

  /** The worker, started if need be; null when none can be made here. */
  #ensureWorker() {
    if (this.#worker) return this.#worker;
    if (this.#noWorker) return null;
    let worker;
    try {
      ({ worker, revoke: this.#revokeWorkerUrl } = createWorker(this.#workerUrl));
    } catch {
      // Refused (a CSP's worker-src, a sandbox): the page's thread does the work.
      this.#noWorker = true;
      return null;
    }
    this.#ready = false;
    this.#emit({ type: 'loading' });
    worker.addEventListener('message', (event) => this.#onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const detail = event.message || 'the worker script failed';
      // The script itself did not start (blocked, not found, not CORS-readable):
      // the page's thread takes over, unless the engine failed there already.
      if (!this.#ready && !this.#mainBroken) this.#fallBack();
      else this.#fail(this.#ready ? new AnnotatorError('crash', detail) : new AnnotatorError('load', detail));
    });
    worker.addEventListener('messageerror', () => this.#fail(new AnnotatorError('crash', 'a message could not be decoded')));
    this.#worker = worker;
    return worker;
  }

  #settle(id, outcome) {
    const entry = this.#pending.get(id);
    if (!entry) return;
    this.#pending.delete(id);
    clearTimeout(entry.timer);
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome);
  }

  /** Rejects everything pending and drops the worker; the next call starts afresh. */
  #fail(error) {
    if (this.#worker) this.#worker.terminate();
    this.#revokeWorkerUrl();
    this.#worker = null;
    this.#ready = false;
    for (const id of [...this.#pending.keys()]) this.#settle(id, error);
  }

  #onMessage(message) {
    switch (message?.type) {
      case 'ready':
        this.#ready = true;
        this.#revokeWorkerUrl();
        this.version = message.version ?? null;
        this.#emit({ type: 'ready', version: this.version });
        break;
      case 'load-error':
        this.#fail(new AnnotatorError('load', message.message));
        break;
      case 'result': {
        let outcome;
        try {
          outcome = { result: checkAnnotation(message.result), ms: message.ms };
        } catch (error) {
          outcome = error;
        }
        this.#settle(message.id, outcome);
        break;
      }
      case 'comparison': {
        let outcome;
        try {
          const old = checkAnnotation(message.old);
          const later = checkAnnotation(message.new);
          outcome = { old, new: later, ...checkComparison(message.comparison, old, later), ms: message.ms };
        } catch (error) {
          outcome = error;
        }
        this.#settle(message.id, outcome);
        break;
      }
      case 'sniffed':
        this.#settle(message.id, message.encoding ? message.encoding : new Error(message.message));
        break;
      case 'series-step':
        this.#settle(
          message.id,
          message.step && typeof message.step === 'object' ? message.step : new AnnotatorError('failed', 'the annotator returned no series step'),
        );
        break;
      case 'reflowed':
      case 'exported':
        this.#settle(message.id, typeof message.text === 'string' ? message.text : new AnnotatorError('failed', 'the annotator returned no text'));
        break;
      case 'glossed':
        this.#settle(
          message.id,
          message.value && Array.isArray(message.value.metrics) ? message.value : new AnnotatorError('failed', 'the annotator returned no glosses'),
        );
        break;
      case 'web-annotations':
        this.#settle(
          message.id,
          message.value && typeof message.value === 'object' ? message.value : new AnnotatorError('failed', 'the annotator returned no annotations'),
        );
        break;
      case 'superseded':
        this.#settle(message.id, new AnnotatorError('superseded', 'a newer text was sent'));
        break;
      case 'error':
        if (message.fatal) this.#fail(new AnnotatorError('crash', message.message));
        else this.#settle(message.id, new AnnotatorError('failed', message.message));
        break;
      default:
        break;
    }
  }
}
