// annotator-worker.js: runs zhibiao's wasm `annotate` and `compare` off the
// main thread.
//
// Protocol (all messages are plain objects; the engine's results already
// are: `annotate` builds them in src/wasm-result.js, `compare` through
// serde-wasm-bindgen's json_compatible serializer, so they go to
// postMessage as they come):
//   in:  { type: 'annotate', id, text, channel }        channel: optional, see below
//        { type: 'compare', id, old, new }                earlier and later report
//        { type: 'reflow', id, text }                     the text as the engine reads it
//        { type: 'sniff', id, bytes }                     a file's encoding (wasm sniffEncoding)
//        { type: 'export-csv', id, text, file, english }  the CSV export (wasm exportCsv)
//        { type: 'export-csv-rows', id, text, file, ids, english }  of some rows
//        { type: 'export-csv-corrected', id, text, file, ids, fix, english }  with corrections
//        { type: 'gloss', id, metrics, units }          English of metrics and units (wasm gloss)
//        { type: 'export-web-annotations', id, text, source }  the W3C Web Annotation export
//        { type: 'csv-records', id, cells, width }        CSV rows (wasm csvRecords)
//   out: { type: 'ready', version }                      once the wasm is loaded
//        { type: 'load-error', message }                 the wasm could not load
//        { type: 'result', id, result, ms }              SPEC JSON {sections, indicators, layout}
//        { type: 'reflowed', id, text }                  wasm `reflow`: the text as read
//        { type: 'exported', id, text }                  the CSV of export-csv or csv-records
//        { type: 'web-annotations', id, value }          the AnnotationCollection of export-web-annotations
//        { type: 'glossed', id, value }                  gloss's { metrics, units }
//        { type: 'sniffed', id, encoding, message }      a TextDecoder label, or why not text
//        { type: 'comparison', id, old, new,             both texts' SPEC JSON and the
//          comparison, ms }                              wasm `compare` JSON {pairs, summary}
//        { type: 'error', id, message, fatal }           the engine threw (fatal: a wasm trap;
//                                                        the instance must not be reused)
//        { type: 'superseded', id }                      a newer request came in first
//
// Only the newest waiting request of each type is worked on: while one runs,
// later requests queue up as messages, and all but the last of a type are
// answered `superseded` without doing the work. A request with a `channel`
// supersedes only those of its type with the same channel: the elements of
// a page share one worker, and one element's text must not cancel another's. An annotation never
// supersedes a comparison, nor the other way round: the page's two modes
// each get their answer.

let engine = null;
let loadError = null;
/** The newest waiting request of each type, in the order they came in. */
const pending = new Map();
let busy = false;
/**
 * The last annotation of each side of a comparison: typing in one box leaves
 * the other's text as it was, and its annotation need not be made again.
 */
const sides = { old: null, new: null };

const loading = import('../pkg/zhibiao.js')
  .then(async (module) => {
    await module.default();
    engine = module;
    self.postMessage({ type: 'ready', version: typeof module.version === 'function' ? module.version() : null });
  })
  .catch((error) => {
    loadError = describe(error);
    self.postMessage({ type: 'load-error', message: loadError });
  });

function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function annotateSide(side, text) {
  if (sides[side]?.text !== text) sides[side] = { text, result: engine.annotate(text) };
  return sides[side].result;
}

/** The series run being read (`series-push`): its number and the engine's SeriesRun. */
let series = null;

/** The engine's SeriesRun of run `run`, a new one (`join`) when another run was being read. */
function seriesRun(run, join) {
  if (series?.run !== run) {
    series?.engine.free();
    series = { run, engine: new engine.SeriesRun(join) };
  }
  return series.engine;
}

/** Both texts annotated (for the two views) and compared. */
function runCompare(request) {
  if (typeof engine.compare !== 'function') throw new Error('this build of the engine has no compare');
  const started = performance.now();
  const old = annotateSide('old', request.old);
  const later = annotateSide('new', request.new);
  const comparison = engine.compare(request.old, request.new);
  return { type: 'comparison', id: request.id, old, new: later, comparison, ms: performance.now() - started };
}

async function work() {
  await loading;
  while (pending.size) {
    const [key, request] = pending.entries().next().value;
    pending.delete(key);
    const type = request.type;
    if (loadError) {
      self.postMessage({ type: 'load-error', message: loadError });
      continue;
    }
    const started = performance.now();
    try {
      if (type === 'compare') {
        self.postMessage(runCompare(request));
      } else if (type === 'sniff') {
        try {
          self.postMessage({ type: 'sniffed', id: request.id, encoding: engine.sniffEncoding(request.bytes) });
        } catch (error) {
          self.postMessage({ type: 'sniffed', id: request.id, encoding: null, message: error instanceof Error ? error.message : String(error) });
        }
      } else if (type === 'reflow') {
        self.postMessage({ type: 'reflowed', id: request.id, text: engine.reflow(request.text) });
      } else if (type === 'export-csv') {
        self.postMessage({ type: 'exported', id: request.id, text: engine.exportCsv(request.text, request.file, request.english) });
      } else if (type === 'export-csv-rows') {
        self.postMessage({
          type: 'exported',
          id: request.id,
          text: engine.exportCsvRows(request.text, request.file, Uint32Array.from(request.ids), request.english),
        });
      } else if (type === 'export-csv-corrected') {
        const { text, file, ids, fix, english } = request;
        const csv = engine.exportCsvCorrected(
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
        self.postMessage({ type: 'exported', id: request.id, text: csv });
      } else if (type === 'gloss') {
        self.postMessage({ type: 'glossed', id: request.id, value: engine.gloss(request.metrics, request.units) });
      } else if (type === 'export-web-annotations') {
        self.postMessage({ type: 'web-annotations', id: request.id, value: engine.exportWebAnnotations(request.text, request.source) });
      } else if (type === 'series-push') {
        self.postMessage({ type: 'series-step', id: request.id, step: seriesRun(request.run, request.join).push(request.source, request.text) });
      } else if (type === 'series-csv') {
        self.postMessage({ type: 'exported', id: request.id, text: seriesRun(request.run, request.joined).csv(request.joined, request.english) });
      } else if (type === 'csv-records') {
        self.postMessage({ type: 'exported', id: request.id, text: engine.csvRecords(request.cells, request.width) });
      } else {
        const result = engine.annotate(request.text);
        self.postMessage({ type: 'result', id: request.id, result, ms: performance.now() - started });
      }
    } catch (error) {
      // A wasm trap (panic = abort) leaves the instance unusable: say so, and
      // let the page start a fresh worker.
      const fatal = error instanceof WebAssembly.RuntimeError;
      self.postMessage({ type: 'error', id: request.id, message: describe(error), fatal });
      if (fatal) {
        self.close();
        return;
      }
    }
    // Let queued messages arrive before picking the next request.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * The requests taken: every type work() answers (one it answered but
 * this set dropped would wait for the page's timeout).
 */
const REQUESTS = new Set([
  'annotate',
  'compare',
  'reflow',
  'sniff',
  'export-csv',
  'export-csv-rows',
  'export-csv-corrected',
  'export-web-annotations',
  'csv-records',
  'gloss',
  'series-push',
  'series-csv',
]);

/** The fields of a request that its work reads, typed. */
function fields(message) {
  switch (message.type) {
    case 'compare':
      return { old: String(message.old ?? ''), new: String(message.new ?? '') };
    case 'sniff':
      return { bytes: message.bytes };
    case 'export-csv':
      return { text: String(message.text ?? ''), file: String(message.file ?? '-'), english: message.english === true };
    case 'export-csv-rows':
      return {
        text: String(message.text ?? ''),
        file: String(message.file ?? '-'),
        ids: Array.from(message.ids ?? [], Number),
        english: message.english === true,
      };
    case 'gloss':
      return { metrics: Array.from(message.metrics ?? [], String), units: Array.from(message.units ?? [], String) };
    case 'export-csv-corrected': {
      const fix = message.fix ?? {};
      return {
        text: String(message.text ?? ''),
        file: String(message.file ?? '-'),
        ids: Array.from(message.ids ?? [], Number),
        fix: {
          ids: Array.from(fix.ids ?? [], Number),
          metrics: Array.from(fix.metrics ?? [], (m) => (m == null ? null : String(m))),
          statuses: Array.from(fix.statuses ?? [], String),
          values: Array.from(fix.values ?? [], Number),
        },
        english: message.english === true,
      };
    }
    case 'export-web-annotations':
      return { text: String(message.text ?? ''), source: String(message.source ?? '') };
    case 'series-push':
      return { run: Number(message.run), join: Boolean(message.join), source: String(message.source ?? ''), text: String(message.text ?? '') };
    case 'series-csv':
      return { run: Number(message.run), joined: Boolean(message.joined), english: message.english === true };
    case 'csv-records':
      return { cells: Array.from(message.cells ?? [], String), width: Number(message.width) };
    default:
      return { text: String(message.text ?? '') };
  }
}

self.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || !REQUESTS.has(message.type)) return;
  // A request supersedes the waiting one of its type and channel (each
  // <zhibiao-annotator> on a page has its own; the page has none).
  // A gloss is never superseded: the page glosses an annotation and a
  // comparison at once, and each waits for its own.
  const key = message.type === 'gloss' ? `gloss ${message.id}` : message.channel == null ? message.type : `${message.type} ${message.channel}`;
  const waiting = pending.get(key);
  if (waiting) self.postMessage({ type: 'superseded', id: waiting.id });
  // Deleted first, so that the map's order is the order of the newest requests.
  pending.delete(key);
  pending.set(key, { type: message.type, id: message.id, ...fields(message) });
  if (!busy) {
    busy = true;
    work().finally(() => {
      busy = false;
    });
  }
});
