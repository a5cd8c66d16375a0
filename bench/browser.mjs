#!/usr/bin/env node
// browser.mjs: zhibiao where users feel it, in headless Chromium (Debian's,
// through playwright-core, the flags of shared/notes/toolchain.md), with the
// page served by scripts/serve.mjs. Medians of several runs each:
//
//   cold start    navigation to the 57 KB report shown fully annotated, in a
//                 fresh browser context (empty HTTP cache, no compiled wasm,
//                 no service worker), two ways:
//                   draft: the report is the saved draft (localStorage), so
//                          the page annotates it on load with no input;
//                   sample: the 载入示例 button, pressed at DOMContentLoaded.
//                 "Fully annotated": from navigation start (performance
//                 timeOrigin) to the first frame after the page reports
//                 data-zb-state="ready", at which moment the number of
//                 `#view [data-indicator-id]` elements must equal the
//                 indicator count of the same wasm in Node (checked against
//                 the CLI by bench/run). "ready" is the annotated report:
//                 every highlight and the outline in the page, off-screen
//                 chunks of the view in the DOM but not yet laid out
//                 (content-visibility: auto). For a short text the table
//                 below the fold and the report box follow in later frames
//                 (data-zb-complete): reported as a milestone of its own.
//                 "Presented": when the browser showed that frame's pixels
//                 (after raster and compositing), from the Element Timing
//                 entry of the view's first text block (elementtiming
//                 "zb-view", render.js).
//                 The page reports its first "ready" frame through a CDP
//                 binding rather than being polled: the first
//                 page.waitForFunction (or exposeBinding) injects
//                 Playwright's script, tens of ms of main-thread work inside
//                 the measured cold start.
//   worker        warm annotation of the 455 KB text through the page's own
//                 Annotator (annotator.js → annotator-worker.js): the message
//                 round trip, and the worker's own ms (the wasm `annotate`
//                 with its result object).
//   wasm          annotate(text) of the 455 KB text called directly in a
//                 module worker (www/pkg), with the same split as
//                 bench/wasm-node.mjs (needs target/bench-pkg).
//   highlights    a warm page is given the 455 KB report as a file (the page's
//                 path without the typing debounce): from the file input's
//                 change event to the first frame after data-zb-state="ready"
//                 with every highlight in the view (off-screen chunks are
//                 content-visibility: auto, so they are in the DOM, not yet
//                 laid out). Also by paste (fill), which adds the 150 ms debounce.
//
//   node bench/browser.mjs [--runs 7] [--json FILE] [--profile DIR] [--www DIR] [--cold-only]
//
// --profile DIR: one more cold start (also with --cold-only) and one more 455 KB file path, each
// traced (Chromium trace, devtools.timeline + a V8 CPU profile of the main
// thread), with the main thread's and the worker's time by activity printed;
// the raw traces go to DIR. --www DIR serves another copy of the page (to
// measure a change to it before making it); --cold-only runs only the cold
// starts (and needs no target/bench-pkg).

import { mkdtemp, rm, cp, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/harness.mjs';
import { REPO, X8, REPORT, option, summary, show, utf8Bytes, readText, writeJson, machine, splitRounds, splitFigures, printSplit } from './lib.mjs';

const RUNS = Math.max(3, Number(option('runs', 7)));
const PROFILE_DIR = option('profile', null);
/** --www DIR: serve another copy of the page (to try a change to it); --cold-only: only the cold starts. */
const WWW_DIR = option('www', null);
const COLD_ONLY = process.argv.includes('--cold-only');

/** Indicator counts from www/pkg itself, the wasm the page runs. */
async function wasmCounts(files) {
  const glue = await import(path.join(REPO, 'www', 'pkg', 'zhibiao.js'));
  glue.initSync({ module: readFileSync(path.join(REPO, 'www', 'pkg', 'zhibiao_bg.wasm')) });
  return files.map((f) => glue.annotate(readText(f)).indicators.length);
}

/**
 * Installed before any page script: records when the page reaches "ready"
 * (and the first frame after it), how many highlights the view holds then,
 * when the worker says it is ready and what it reports per result, and the
 * start events (file input change, textarea input). With `draft`, puts the
 * report into localStorage as the saved draft.
 */
function instrument({ draft, clickSample, capture }) {
  const b = (window.__bench = { readyAt: [], complete: [], worker: [], starts: [], shown: [] });
  if (draft) localStorage.setItem('zhibiao.draft', draft);
  // When each view's first text was presented (the page names it for Element
  // Timing): the frame's pixels, not the page thread's end of that frame.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === 'zb-view') b.shown.push(e.renderTime || e.loadTime);
  }).observe({ type: 'element', buffered: true });
  new MutationObserver(() => {
    const root = document.documentElement;
    if (['error', 'too-large'].includes(root?.dataset.zbState)) window.__benchReady?.(JSON.stringify({ error: root.dataset.zbState }));
    if (root?.dataset.zbComplete && !b.complete.some((x) => x.generation === Number(root.dataset.zbComplete))) {
      const done = { at: performance.now(), generation: Number(root.dataset.zbComplete) };
      b.complete.push(done);
      requestAnimationFrame(() => setTimeout(() => (done.frame = performance.now()), 0));
    }
    if (root?.dataset.zbState !== 'ready' || b.readyAt.some((x) => x.generation === Number(root.dataset.zbGeneration))) return;
    const entry = {
      at: performance.now(),
      generation: Number(root.dataset.zbGeneration),
      highlights: document.querySelectorAll('#view [data-indicator-id]').length,
    };
    b.readyAt.push(entry);
    // The page as it is at "ready", made static: the page floor (main, below).
    if (capture) {
      const copy = root.cloneNode(true);
      for (const el of copy.querySelectorAll('script, link[rel="preload"], link[rel="modulepreload"], meta[http-equiv]')) el.remove();
      b.snapshot = `<!doctype html>\n${copy.outerHTML}`;
    }
    requestAnimationFrame(() =>
      setTimeout(() => {
        entry.frame = performance.now();
        window.__benchReady?.(JSON.stringify(entry));
      }, 0),
    );
    // documentElement does not exist yet when init scripts run: watch the document.
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-zb-state', 'data-zb-generation', 'data-zb-complete'] });
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      b.worker.push({ created: performance.now() });
      const w = b.worker[b.worker.length - 1];
      this.addEventListener('message', (e) => {
        if (e.data?.type === 'ready') w.ready = performance.now();
        if (e.data?.type === 'result') (w.results ??= []).push({ at: performance.now(), ms: e.data.ms });
      });
    }
  };
  document.addEventListener('change', (e) => e.target.id === 'file-input' && b.starts.push({ kind: 'file', at: performance.now() }), true);
  document.addEventListener('input', (e) => e.target.id === 'report-text' && b.starts.push({ kind: 'input', at: performance.now() }), true);
  if (clickSample) {
    document.addEventListener('DOMContentLoaded', () => {
      b.sampleClick = performance.now();
      document.getElementById('load-sample').click();
    });
  }
}

/** Waits for the first frame after "ready" of a generation after `after`. */
async function readyFrame(page, after = 0, timeout = 60_000) {
  const handle = await page.waitForFunction(
    (previous) => {
      const b = window.__bench;
      const state = document.documentElement.dataset.zbState;
      if (state === 'error' || state === 'too-large') return { error: state };
      const r = b.readyAt.find((x) => x.generation > previous && x.frame !== undefined);
      return r ?? false;
    },
    after,
    { timeout, polling: 20 },
  );
  const r = await handle.jsonValue();
  if (r.error) throw new Error(`the page ended in state ${r.error}`);
  return r;
}

/** The page's own milestones: navigation timing, marks, worker. */
async function milestones(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const marks = Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('zhibiao:'))
        .map((m) => [m.name.slice(8), m.startTime]),
    );
    const w = window.__bench.worker[0] ?? {};
    return {
      response_end: nav?.responseEnd,
      first_paint: performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime,
      dom_content_loaded: nav?.domContentLoadedEventEnd,
      worker_created: w.created,
      worker_ready: w.ready,
      sample_click: window.__bench.sampleClick,
      annotate_start: marks.annotate,
      result: marks.result,
      rendered: marks.rendered,
      complete_frame: window.__bench.complete.find((x) => x.generation === window.__bench.readyAt[0]?.generation)?.frame,
      shown: window.__bench.shown.at(-1),
      worker_ms: w.results?.[w.results.length - 1]?.ms,
    };
  });
}

const round = (x) => (x === undefined || x === null ? null : Math.round(x * 10) / 10);

async function coldStart(browser, url, { draft, clickSample, expected, trace, capture }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(instrument, { draft, clickSample, capture });
  const page = await context.newPage();
  // The first "ready" frame is reported through a CDP binding (a native
  // function, no script in the page) rather than polled for: the first
  // page.waitForFunction, like Playwright's exposeBinding, injects
  // Playwright's script, ms of main-thread work inside the measured cold start.
  const binding = await context.newCDPSession(page);
  const readyReported = new Promise((resolve) => binding.on('Runtime.bindingCalled', (e) => e.name === '__benchReady' && resolve(JSON.parse(e.payload))));
  await binding.send('Runtime.enable');
  await binding.send('Runtime.addBinding', { name: '__benchReady' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let cdp;
  if (trace) {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await Promise.race([
    readyReported,
    page.waitForEvent('pageerror', { timeout: 60_000 }).then((e) => {
      throw new Error(`page error: ${e.message}`);
    }),
  ]);
  if (ready.error) throw new Error(`the page ended in state ${ready.error}`);
  await page.waitForLoadState('load');
  // (A page from before data-zb-complete never sets it: --www of an older copy.)
  await page
    .waitForFunction((g) => window.__bench.complete.some((x) => x.generation === g && x.frame !== undefined), ready.generation, { timeout: 3000 })
    .catch(() => {});
  const m = await milestones(page);
  const snapshot = capture ? await page.evaluate(() => window.__bench.snapshot) : undefined;
  let traced;
  if (trace) {
    const { profile } = await cdp.send('Profiler.stop');
    traced = { trace: JSON.parse((await browser.stopTracing()).toString()), profile };
  }
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  if (ready.highlights !== expected) throw new Error(`cold start: ${ready.highlights} highlights at "ready", expected ${expected}`);
  return { ms: ready.frame, ready: ready.at, ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round(v)])), traced, snapshot };
}

/** A loaded page with a warm worker and an empty box. */
async function warmPage(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#clear-text').click();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'empty');
  const before = Number(await page.evaluate(() => document.documentElement.dataset.zbGeneration));
  await page.locator('#report-text').fill('预计全市地区生产总值增长8%。');
  await readyFrame(page, before);
  return page;
}

async function highlights(page, how, expected, text, trace) {
  const before = Number(await page.evaluate(() => document.documentElement.dataset.zbGeneration));
  const startsBefore = await page.evaluate(() => window.__bench.starts.length);
  let traced;
  let cdp;
  if (trace) {
    await page.context().browser().startTracing(page, { categories: TRACE_CATEGORIES });
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  if (how === 'file') await page.setInputFiles('#file-input', X8);
  else await page.locator('#report-text').fill(text);
  const ready = await readyFrame(page, before);
  if (trace) {
    const { profile } = await cdp.send('Profiler.stop');
    traced = { trace: JSON.parse((await page.context().browser().stopTracing()).toString()), profile };
    await cdp.detach();
  }
  const kind = how === 'file' ? 'file' : 'input';
  const start = await page.evaluate(({ n, kind }) => window.__bench.starts.slice(n).find((s) => s.kind === kind), { n: startsBefore, kind });
  const m = await milestones(page);
  if (ready.highlights !== expected) throw new Error(`455 KB: ${ready.highlights} highlights at "ready", expected ${expected}`);
  const t0 = start.at;
  return {
    ms: ready.frame - t0,
    annotate_start: round(m.annotate_start - t0),
    result: round(m.result - t0),
    rendered: round(m.rendered - t0),
    worker_ms: round(m.worker_ms),
    traced,
  };
}

/** The page's Annotator from a second instance in the same page: round trips. */
async function workerRoundTrips(page, text, runs) {
  return page.evaluate(
    async ({ text, runs }) => {
      const { Annotator } = await import('./engine/annotator.js');
      const a = new Annotator();
      await a.annotate('预计增长8%。');
      const out = { roundTrip: [], workerMs: [] };
      for (let i = 0; i < runs + 3; i++) {
        const t = performance.now();
        const { ms, result } = await a.annotate(text);
        const rt = performance.now() - t;
        if (i >= 3) {
          out.roundTrip.push(rt);
          out.workerMs.push(ms);
          out.indicators = result.indicators.length;
        }
      }
      a.terminate();
      return out;
    },
    { text, runs },
  );
}

/** splitRounds in a module worker of a blank page that serves www/pkg and target/bench-pkg. */
async function wasmInWorker(context, benchUrl, text, runs) {
  const page = await context.newPage();
  await page.goto(benchUrl + 'blank.html');
  const source = `
    import * as shipped from '${benchUrl}pkg/zhibiao.js';
    import * as hooks from '${benchUrl}bench-pkg/zhibiao.js';
    ${splitRounds.toString()}
    self.onmessage = async (e) => {
      await shipped.default();
      await hooks.default();
      const t = splitRounds(shipped, hooks, e.data.text, e.data.runs, 5);
      self.postMessage({ t, jsonBytes: new TextEncoder().encode(hooks.benchAnnotateJson(e.data.text)).length, indicators: shipped.annotate(e.data.text).indicators.length });
    };`;
  const out = await page.evaluate(
    async ({ source, text, runs }) => {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url, { type: 'module' });
      const answer = new Promise((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message || 'worker failed'));
      });
      worker.postMessage({ text, runs });
      const result = await answer;
      worker.terminate();
      return result;
    },
    { source, text, runs },
  );
  await page.close();
  return out;
}

// --- profiling ---------------------------------------------------------------

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'loading'];

/** What an event of a Chromium trace is, by name, for self time by kind. */
function kindOf(e) {
  const n = e.name;
  if (/Serialized|HandlePostMessage/.test(n)) return 'messages (structured clone)';
  if (/UpdateLayoutTree|[Ss]tyle|rebuildLayoutTree/.test(n)) return 'style';
  if (/Layout|layout|ShapeText|Shape/.test(n)) return 'layout';
  if (/Paint|Commit|Layerize|Compositing|Raster|PaintArtifact/.test(n)) return 'paint + composite';
  if (/ParseHTML|Tokenizer|HTMLDocumentParser|CreateParser/.test(n)) return 'parse HTML';
  if (/wasm/.test(n)) return 'wasm compile';
  if (
    /FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|evaluateModule|compileModule|compileScript|V8\.|v8\.|FireAnimationFrame|EventDispatch|AsyncTask|GC/.test(
      n,
    )
  )
    return 'script (JS + wasm)';
  if (/Resource|URLLoader|Loader|Fetch/.test(n)) return 'loading';
  return 'other';
}

/**
 * Per thread of the renderer (main thread, workers) of a Chromium trace:
 * busy time, self time by kind of work (complete events nested by time, each
 * charged only what its children do not cover), and the long tasks with what
 * they were made of. Times in ms from `t0` (trace µs).
 */
function threadsOfTrace(trace, t0) {
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.ts < t0) continue;
    const name = names.get(`${e.pid}:${e.tid}`) ?? '';
    if (!/CrRendererMain|DedicatedWorker/.test(name)) continue;
    const key = name.replace(/ thread$/, '');
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const ms = (us) => Math.round(us / 100) / 10;
  const out = {};
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const self = new Map();
    const stack = [];
    const tops = [];
    const topOf = new Map();
    for (const e of list) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent, (self.get(parent) ?? 0) - Math.min(e.dur, parent.ts + parent.dur - e.ts));
      else tops.push(e);
      self.set(e, (self.get(e) ?? 0) + e.dur);
      topOf.set(e, parent ? topOf.get(parent) : e);
      stack.push(e);
    }
    const kinds = new Map();
    for (const [e, us] of self) kinds.set(kindOf(e), (kinds.get(kindOf(e)) ?? 0) + us);
    const long = tops
      .filter((t) => t.dur >= 15_000)
      .map((t) => {
        const parts = new Map();
        for (const [e, us] of self) if (topOf.get(e) === t) parts.set(kindOf(e), (parts.get(kindOf(e)) ?? 0) + us);
        return {
          at: ms(t.ts - t0),
          ms: ms(t.dur),
          parts: Object.fromEntries(
            [...parts]
              .filter(([, us]) => us >= 1000)
              .sort((a, b) => b[1] - a[1])
              .map(([k, us]) => [k, ms(us)]),
          ),
        };
      });
    out[key] = {
      busy_ms: ms(tops.reduce((sum, t) => sum + t.dur, 0)),
      by_kind_ms: Object.fromEntries(
        [...kinds]
          .filter(([, us]) => us >= 500)
          .sort((a, b) => b[1] - a[1])
          .map(([k, us]) => [k, ms(us)]),
      ),
      long_tasks: long,
    };
  }
  return out;
}

/** Every request of a trace: [start, response, end] ms from `t0`, thread, path. */
function requestsOfTrace(trace, t0) {
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const at = (name) => new Map(events.filter((e) => e.name === name).map((e) => [e.args.data.requestId, e.ts]));
  const response = at('ResourceReceiveResponse');
  const finish = at('ResourceFinish');
  const ms = (us) => (us === undefined ? null : Math.round((us - t0) / 100) / 10);
  return events
    .filter((e) => e.name === 'ResourceSendRequest')
    .sort((a, b) => a.ts - b.ts)
    .map((e) => ({
      start: ms(e.ts),
      response: ms(response.get(e.args.data.requestId)),
      end: ms(finish.get(e.args.data.requestId)),
      thread: (names.get(`${e.pid}:${e.tid}`) ?? '').replace(/ thread$/, ''),
      path: new URL(e.args.data.url).pathname,
    }));
}

/** JS self time by function (url:function) from a CDP CPU profile, top entries. */
function profileTop(profile, n = 10) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${(f.url || '').split('/').pop()}${f.url ? `:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  return [...self]
    .filter(([k]) => !/^\((program|idle|garbage collector)\)/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => [k, Math.round(us / 100) / 10]);
}

/**
 * Prints what a traced run spent its time on, from `t0` (trace µs: the
 * navigation's first request, or the start event): requests (with `waterfall`),
 * each thread's busy time by kind, the main thread's long tasks and its
 * busiest JS functions.
 */
function printProfile(title, traced, { waterfall }) {
  const events = traced.trace.traceEvents;
  const t0 = waterfall
    ? Math.min(...events.filter((e) => e.name === 'ResourceSendRequest').map((e) => e.ts))
    : Math.min(...events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'change').map((e) => e.ts));
  console.log(`  profile: ${title} (ms from ${waterfall ? 'the first request' : 'the change event'})`);
  const out = { threads: threadsOfTrace(traced.trace, t0), js_main: profileTop(traced.profile) };
  if (waterfall) {
    out.requests = requestsOfTrace(traced.trace, t0);
    console.log('    requests: start → response → end, thread, path');
    for (const r of out.requests)
      console.log(`      ${String(r.start).padStart(6)} → ${String(r.response).padStart(6)} → ${String(r.end).padStart(6)}  ${r.thread.padEnd(16)} ${r.path}`);
  }
  for (const [thread, t] of Object.entries(out.threads)) {
    if (t.busy_ms < 5) continue;
    console.log(
      `    ${thread}: busy ${t.busy_ms} ms: ${Object.entries(t.by_kind_ms)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    if (thread === 'CrRendererMain') {
      for (const l of t.long_tasks)
        console.log(
          `      task at ${l.at}: ${l.ms} ms (${Object.entries(l.parts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`,
        );
    }
  }
  console.log(`    main-thread JS, self ms by function: ${out.js_main.map(([k, v]) => `${k} ${v}`).join('; ')}`);
  return out;
}

// --- main ---------------------------------------------------------------------

const report = readText(REPORT);
const x8 = readText(X8);
const [reportCount, x8Count] = await wasmCounts([REPORT, X8]);

// A second server for the direct wasm measurement: www/pkg and
// target/bench-pkg side by side, and a blank page without the app's CSP.
const benchRoot = await mkdtemp(path.join(tmpdir(), 'zhibiao-bench-'));
await cp(path.join(REPO, 'www', 'pkg'), path.join(benchRoot, 'pkg'), { recursive: true });
// (--cold-only does not use it.)
if (!COLD_ONLY) {
  await cp(path.join(REPO, 'target', 'bench-pkg'), path.join(benchRoot, 'bench-pkg'), { recursive: true }).catch(() => {
    throw new Error('target/bench-pkg is missing: run bash bench/build-wasm-hooks');
  });
}
await writeFile(path.join(benchRoot, 'blank.html'), '<!doctype html><title>bench</title>\n');
// The floor under the cold start: the same 57 KB text as a static page, no
// script but one that notes the second frame (the cold start's "ready frame"
// definition), no app, no wasm. What the browser alone needs to show it.
const escapeHtml = (t) => t.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
const FLOOR_MARK = '<script>requestAnimationFrame(() => requestAnimationFrame(() => { window.zbFloor = performance.now(); }));</script>';
await writeFile(
  path.join(benchRoot, 'floor.html'),
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title></head><body><pre style="white-space:pre-wrap">' +
    escapeHtml(readText(REPORT)) +
    `</pre>${FLOOR_MARK}</body></html>\n`,
);

const wwwRoot = WWW_DIR ? path.resolve(WWW_DIR) : path.join(REPO, 'www');
const server = await startServer({ root: wwwRoot });
const benchServer = await startServer({ root: benchRoot });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const result = {
  runs: RUNS,
  chromium: browser.version(),
  machine: machine(),
  inputs: { report: { bytes: utf8Bytes(report), indicators: reportCount }, x8: { bytes: utf8Bytes(x8), indicators: x8Count } },
};
try {
  console.log(`Chromium ${browser.version()} headless; 57 KB report: ${reportCount} indicators; 455 KB: ${x8Count}`);

  // Cold starts, alternating the two ways.
  const cold = { draft: [], sample: [] };
  for (let i = 0; i < RUNS; i++) {
    cold.draft.push(await coldStart(browser, server.url, { draft: report, expected: reportCount }));
    cold.sample.push(await coldStart(browser, server.url, { clickSample: true, expected: reportCount }));
  }
  const med = (list, key) => summary(list.map((x) => x[key]).filter((v) => typeof v === 'number')).median;
  const coldKeys = [
    'response_end',
    'first_paint',
    'dom_content_loaded',
    'worker_created',
    'worker_ready',
    'sample_click',
    'annotate_start',
    'result',
    'rendered',
    'complete_frame',
    'worker_ms',
  ];
  result.cold_start = {};
  for (const way of ['draft', 'sample']) {
    const s = summary(cold[way].map((x) => x.ms));
    const steps = Object.fromEntries(coldKeys.map((k) => [k, cold[way].some((x) => typeof x[k] === 'number') ? med(cold[way], k) : null]));
    const presented = cold[way].map((x) => x.shown).filter((v) => typeof v === 'number');
    // (A page from before the Element Timing name reports none: --www of an older copy.)
    const shown = presented.length ? summary(presented) : null;
    result.cold_start[way] = { ...s, shown, milestones_median_ms: steps };
    console.log(`cold start → 57 KB report fully annotated (${way}): ${show(s)}`);
    console.log(`    the same, presented (Element Timing: the frame's pixels, after raster and compositing): ${shown ? show(shown) : '—'}`);
    console.log(
      `    milestones (median ms from navigation): HTML ${steps.response_end}, first contentful paint ${steps.first_paint}, DOMContentLoaded ${steps.dom_content_loaded}, worker ready ${steps.worker_ready ?? '— (annotated on the page thread)'}` +
        `${steps.sample_click ? `, sample click ${steps.sample_click}` : ''}, annotate sent ${steps.annotate_start}, result ${steps.result}${steps.worker_ms === null ? '' : ` (worker ${steps.worker_ms} ms)`}, rendered ${steps.rendered}; ` +
        `table and box drawn too (the frame after data-zb-complete) ${steps.complete_frame}`,
    );
  }

  // The floors under the cold start, in fresh contexts like the cold starts:
  // the plain text as a static page, and the page itself as it is at
  // "ready" (the annotated report, its outline, the shell; captured from
  // one more cold start) saved as static HTML with its style sheets and no
  // script: what the browser alone needs to show what the app shows.
  const captured = await coldStart(browser, server.url, { draft: report, expected: reportCount, capture: true });
  await writeFile(path.join(benchRoot, 'page-floor.html'), captured.snapshot.replace('</body>', `${FLOOR_MARK}</body>`));
  for (const file of ['page/style.css', 'view/annotated.css', 'icon.svg']) await cp(path.join(wwwRoot, file), path.join(benchRoot, file));
  const floors = { static_floor: [], page_floor: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const [key, file] of [
      ['static_floor', 'floor.html'],
      ['page_floor', 'page-floor.html'],
    ]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${benchServer.url}${file}`);
      await page.waitForFunction(() => typeof window.zbFloor === 'number');
      floors[key].push(await page.evaluate(() => window.zbFloor));
      await context.close();
    }
  }
  result.cold_start.static_floor = summary(floors.static_floor);
  result.cold_start.page_floor = summary(floors.page_floor);
  console.log(`floor: the same 57 KB text as a static page (no script, no wasm), navigation to its second frame: ${show(result.cold_start.static_floor)}`);
  console.log(`floor: the page as it is at "ready" (annotated report, outline, shell) saved as static HTML, no script: ${show(result.cold_start.page_floor)}`);

  if (PROFILE_DIR) {
    await mkdir(PROFILE_DIR, { recursive: true });
    result.profiles = {};
    const c = await coldStart(browser, server.url, { draft: report, expected: reportCount, trace: true });
    console.log(`profiled cold start (draft): ${c.ms.toFixed(1)} ms`);
    result.profiles.cold_start = printProfile('cold start', c.traced, { waterfall: true });
    await writeFile(path.join(PROFILE_DIR, 'cold-start.trace.json'), JSON.stringify(c.traced.trace));
    await writeFile(path.join(PROFILE_DIR, 'cold-start.cpuprofile'), JSON.stringify(c.traced.profile));
  }

  if (!COLD_ONLY) {
    // A warm page for the worker and the 455 KB paths.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(instrument, { draft: null, clickSample: false });
    const page = await warmPage(context, server.url);

    const rt = await workerRoundTrips(page, x8, Math.max(20, RUNS));
    if (rt.indicators !== x8Count) throw new Error(`worker: ${rt.indicators} indicators, expected ${x8Count}`);
    result.worker = { round_trip: summary(rt.roundTrip), worker_ms: summary(rt.workerMs) };
    console.log(
      `worker, warm, 455 KB: round trip ${show(result.worker.round_trip)}; inside the worker (annotate → JS object) ${result.worker.worker_ms.median.toFixed(2)} ms`,
    );

    const direct = await wasmInWorker(context, benchServer.url, x8, Math.max(20, RUNS));
    if (direct.indicators !== x8Count) throw new Error(`direct: ${direct.indicators} indicators, expected ${x8Count}`);
    result.wasm = splitFigures(direct.t, utf8Bytes(x8), direct.jsonBytes);
    console.log('wasm annotate called directly in a Chromium module worker, 455 KB:');
    printSplit(result.wasm, 'www/pkg');

    const paths = { file: [], paste: [] };
    for (let i = 0; i < RUNS; i++) {
      paths.file.push(await highlights(page, 'file', x8Count, x8));
      await page.locator('#clear-text').click();
      if (i < Math.ceil(RUNS / 2)) {
        paths.paste.push(await highlights(page, 'paste', x8Count, x8));
        await page.locator('#clear-text').click();
      }
    }
    result.highlights = {};
    for (const how of ['file', 'paste']) {
      const s = summary(paths[how].map((x) => x.ms));
      const steps = Object.fromEntries(['annotate_start', 'result', 'rendered', 'worker_ms'].map((k) => [k, med(paths[how], k)]));
      result.highlights[how] = { ...s, milestones_median_ms: steps };
      console.log(`455 KB → every highlight in the view (${how}): ${show(s)}`);
      console.log(
        `    milestones (median ms from the ${how === 'file' ? 'change' : 'input'} event): annotate sent ${steps.annotate_start}, result ${steps.result} (worker ${steps.worker_ms} ms), rendered ${steps.rendered}`,
      );
    }

    if (PROFILE_DIR) {
      const h = await highlights(page, 'file', x8Count, x8, true);
      console.log(`profiled 455 KB file path: ${h.ms.toFixed(1)} ms`);
      result.profiles.highlights = printProfile('455 KB file → highlights', h.traced, { waterfall: false });
      await writeFile(path.join(PROFILE_DIR, 'highlights.trace.json'), JSON.stringify(h.traced.trace));
      await writeFile(path.join(PROFILE_DIR, 'highlights.cpuprofile'), JSON.stringify(h.traced.profile));
      console.log(`  traces in ${PROFILE_DIR} (open in chrome://tracing or DevTools' Performance panel)`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
  await benchServer.stop();
  await rm(benchRoot, { recursive: true, force: true });
}
writeJson(result);
