// annotator-worker.js: runs zhibiao's wasm `annotate` off the main thread.
//
// Protocol (all messages are plain objects):
//   in:  { type: 'annotate', id, text }
//   out: { type: 'ready', version }                      once the wasm is loaded
//        { type: 'load-error', message }                 the wasm could not load
//        { type: 'result', id, result, ms }              SPEC JSON {sections, indicators}
//        { type: 'error', id, message, fatal }           annotate threw (fatal: a wasm trap;
//                                                        the instance must not be reused)
//        { type: 'superseded', id }                      a newer request came in first
//
// Only the newest waiting request is worked on: while one annotation runs,
// later requests queue up as messages, and all but the last are answered
// `superseded` without doing the work.

let engine = null;
let loadError = null;
let pending = null;
let busy = false;

const loading = import('./pkg/zhibiao.js')
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

/** wasm-bindgen may hand back Maps for JSON objects; the page wants plain data. */
function toPlain(value) {
  if (value instanceof Map) {
    const out = {};
    for (const [k, v] of value) out[k] = toPlain(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value)) out[k] = toPlain(value[k]);
    return out;
  }
  return value === undefined ? null : value;
}

async function work() {
  await loading;
  while (pending) {
    const request = pending;
    pending = null;
    if (loadError) {
      self.postMessage({ type: 'load-error', message: loadError });
      continue;
    }
    const started = performance.now();
    try {
      const result = toPlain(engine.annotate(request.text));
      self.postMessage({ type: 'result', id: request.id, result, ms: performance.now() - started });
    } catch (error) {
      // A wasm trap (panic = abort) leaves the instance unusable: say so, and
      // let the page start a fresh worker.
      const fatal = error instanceof WebAssembly.RuntimeError;
      self.postMessage({ type: 'error', id: request.id, message: describe(error), fatal });
      if (fatal) self.close();
      return;
    }
    // Let queued messages arrive before picking the next request.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

self.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || message.type !== 'annotate') return;
  if (pending) self.postMessage({ type: 'superseded', id: pending.id });
  pending = { id: message.id, text: String(message.text ?? '') };
  if (!busy) {
    busy = true;
    work().finally(() => {
      busy = false;
    });
  }
});
