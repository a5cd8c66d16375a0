// The 455 KB report (eight copies of the 2017 report) is annotated and shown
// in full without the main thread blocking for more than 200 ms at a time:
// annotation runs in the worker and the view is built in time slices. The
// same holds in compare mode with that report on both sides.
//
// Two probes watch the main thread from the moment the text is in the box:
// PerformanceObserver 'longtask' entries (tasks over 50 ms) and a
// requestAnimationFrame gap probe (the longest time between two frames).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DATA,
  cliAnnotate,
  cliCompare,
  generation,
  launchBrowser,
  openApp,
  requireWasmBuild,
  shownAnnotation,
  startServer,
  waitForAnnotation,
} from './harness.mjs';

const FILE = path.join(DATA, 'gz-2017-government-work-report-x8.txt');
const LIMIT_MS = 200;

let server;
let context;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
  await context.addInitScript(() => {
    window.__probe = { longTasks: [], gaps: [], armed: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    let last = performance.now();
    const frame = (now) => {
      window.__probe.gaps.push({ at: now, gap: now - last });
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
});

after(async () => {
  await context?.close();
  await server?.stop();
});

/** Long tasks and frame gaps since `since` (a performance.now() time). */
async function blocking(page, since) {
  return page.evaluate((t0) => {
    const tasks = window.__probe.longTasks.filter((x) => x.start + x.duration >= t0);
    const gaps = window.__probe.gaps.filter((x) => x.at - x.gap >= t0);
    return {
      longest: Math.max(0, ...tasks.map((x) => x.duration)),
      count: tasks.length,
      longestGap: Math.max(0, ...gaps.map((x) => x.gap)),
      frames: gaps.length,
    };
  }, since);
}

async function checkFullyAnnotated(page, cli) {
  const shown = await shownAnnotation(page);
  assert.equal(shown.indicators.length, cli.indicators.length, 'every indicator is highlighted');
  assert.equal(shown.headings.length, cli.sections.length, 'every heading is marked');
  const last = cli.indicators[cli.indicators.length - 1];
  const lastText = await page.locator(`#view [data-indicator-id="${last.id}"]`).textContent();
  assert.equal(lastText, last.value_text, 'the end of the report is annotated too');
}

/** The app with an empty box and a worker warmed up on a short text, so a measurement covers annotating, not downloading. */
async function warmEmptyApp() {
  const page = await openApp(context, server.url);
  await page.locator('#clear-text').click(); // an earlier test's draft would load first
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'empty');
  const warm = await generation(page);
  await page.locator('#report-text').fill('预计增长8%。');
  await waitForAnnotation(page, warm);
  return page;
}

/** Scrolls each element matching `selector` from top to bottom, two frames a step: layout of every chunk counts too. */
async function scrollThrough(page, selector) {
  await page.evaluate(async (sel) => {
    for (const view of document.querySelectorAll(sel)) {
      for (let y = 0; y <= view.scrollHeight; y += view.clientHeight * 3) {
        view.scrollTop = y;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
    }
  }, selector);
}

/**
 * The probe ran, no main-thread task was longer than LIMIT_MS, and no gap
 * between frames longer than twice that: frames also wait for the compositor
 * and for other processes on a busy machine, so the gap gets a looser bound.
 */
function assertResponsive(stats) {
  assert.ok(stats.frames > 10, 'the rAF probe ran');
  assert.ok(stats.longest <= LIMIT_MS, `longest main-thread task ${stats.longest.toFixed(0)} ms`);
  assert.ok(stats.longestGap <= 2 * LIMIT_MS, `longest gap between frames ${stats.longestGap.toFixed(0)} ms`);
}

test('455 KB pasted: fully annotated, no main-thread block over 200 ms', async () => {
  const text = await readFile(FILE, 'utf8');
  assert.ok(text.length > 150_000, 'the x8 report is big');
  const cli = await cliAnnotate(FILE);
  const page = await warmEmptyApp();

  const before = await generation(page);
  await page.locator('#report-text').fill(text);
  const t0 = await page.evaluate(() => performance.now());
  const started = Date.now();
  assert.equal(await waitForAnnotation(page, before, 120_000), 'ready');
  const elapsed = Date.now() - started;
  await scrollThrough(page, '#view');
  await page.waitForTimeout(200);
  const stats = await blocking(page, t0);
  console.log(
    `x8 paste: ready after ${elapsed} ms; long tasks ${stats.count}, longest ${stats.longest.toFixed(0)} ms; longest frame gap ${stats.longestGap.toFixed(0)} ms over ${stats.frames} frames`,
  );
  assertResponsive(stats);
  await checkFullyAnnotated(page, cli);
  await page.close();
});

test('455 KB opened as a file: responsive from the moment the text is in the box', async () => {
  const text = await readFile(FILE, 'utf8');
  const cli = await cliAnnotate(FILE);
  const page = await warmEmptyApp();

  const before = await generation(page);
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('#file-input', FILE);
  // Laying out 455 KB inside a <textarea> is the browser's own work (about
  // 100 ms here, more on a busy machine); the strict limit starts after it.
  const t1 = await page.evaluate(
    (length) =>
      new Promise((resolve) => {
        const box = document.getElementById('report-text');
        const poll = () => (box.value.length === length ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)) : setTimeout(poll, 5));
        poll();
      }),
    text.length,
  );
  assert.equal(await waitForAnnotation(page, before, 120_000), 'ready');
  await page.waitForTimeout(200);
  const whole = await blocking(page, t0);
  const after = await blocking(page, t1);
  console.log(
    `x8 file: after the box is drawn: longest task ${after.longest.toFixed(0)} ms; whole path: ${whole.count} long tasks, longest ${whole.longest.toFixed(0)} ms`,
  );
  assert.ok(after.longest <= LIMIT_MS, `longest main-thread task after the box is drawn: ${after.longest.toFixed(0)} ms`);
  assert.ok(whole.longest <= 2 * LIMIT_MS, `longest task anywhere on the file path: ${whole.longest.toFixed(0)} ms`);
  await checkFullyAnnotated(page, cli);
  await page.close();
});

test('compare mode, 455 KB on both sides: all pairs shown, no main-thread block over 200 ms', async () => {
  const text = await readFile(FILE, 'utf8');
  // The later side: the same text given a year later (its title and
  // byline say 2018), so that compare pairs every target of 2017 with a
  // result instead of finding the "later" report no later.
  const later = text.replace('2017年广州市政府工作报告', '2018年广州市政府工作报告').replace('――2017年1月5日', '――2018年1月5日');
  const scratch = await mkdtemp(path.join(tmpdir(), 'zhibiao-perf-'));
  const laterFile = path.join(scratch, 'later.txt');
  await writeFile(laterFile, later);
  const cli = await cliCompare(FILE, laterFile);
  await rm(scratch, { recursive: true, force: true });
  assert.equal(cli.warning, null, 'a year apart');
  assert.ok(cli.pairs.length >= 400, `the x8 report has many targets (65 a copy) (${cli.pairs.length})`);
  assert.ok(cli.pairs.filter((p) => p.result).length >= 300, 'most of them with a result');
  const page = await openApp(context, server.url);
  await page.locator('#tab-compare').click();
  await page.waitForFunction(() => document.documentElement.dataset.zbMode === 'compare');
  const generationNow = () => page.evaluate(() => Number(document.documentElement.dataset.zbCompareGeneration ?? 0));
  const settled = (after) =>
    page.waitForFunction(
      (g) =>
        Number(document.documentElement.dataset.zbCompareGeneration ?? 0) > g &&
        ['ready', 'none', 'incomplete', 'empty'].includes(document.documentElement.dataset.zbCompareState),
      after,
      { timeout: 120_000 },
    );
  // Warm up the worker.
  let before = await generationNow();
  await page.evaluate(() => {
    for (const id of ['compare-old-text', 'compare-new-text']) {
      const box = document.getElementById(id);
      box.value = '力争增长8%。';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await settled(before);

  // The texts go into the boxes first; laying them out there is the
  // browser's own work (see the file test above). The limit starts after.
  const t1 = await page.evaluate(
    ([oldText, newText]) =>
      new Promise((resolve) => {
        document.getElementById('compare-old-text').value = oldText;
        document.getElementById('compare-new-text').value = newText;
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      }),
    [text, later],
  );
  before = await generationNow();
  const started = Date.now();
  await page.evaluate(() => {
    for (const id of ['compare-old-text', 'compare-new-text']) document.getElementById(id).dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settled(before);
  const elapsed = Date.now() - started;
  assert.equal(await page.evaluate(() => document.documentElement.dataset.zbCompareState), 'ready');
  // Scroll through both views, then choose a row far down the table.
  await scrollThrough(page, '.zb-compare-view');
  const last = cli.pairs.findLastIndex((p) => p.result);
  await page.locator('#compare-table [data-sort-key="order"]').click(); // descending: the last pairs first
  await page.locator(`#compare-table tr[data-pair-index="${last}"] td.zb-col-metric`).click();
  await page.waitForFunction(
    (id) => document.activeElement?.closest('#compare-view-old') && document.activeElement.dataset.indicatorId === String(id),
    cli.pairs[last].target.id,
  );
  await page.waitForTimeout(200);
  const stats = await blocking(page, t1);
  console.log(
    `x8 compare: ready after ${elapsed} ms; long tasks ${stats.count}, longest ${stats.longest.toFixed(0)} ms; longest frame gap ${stats.longestGap.toFixed(0)} ms over ${stats.frames} frames`,
  );
  assertResponsive(stats);
  // Every target is shown paired on the left, to the end of the report.
  const paired = await page.$$eval('#compare-view-old .zb-paired', (marks) => marks.map((m) => Number(m.dataset.indicatorId)));
  // (in document order; the table and the JSON put the headline targets first)
  assert.deepEqual(
    paired,
    cli.pairs.map((p) => p.target.id).sort((a, b) => a - b),
  );
  assert.deepEqual(page.log.errors, []);
  await page.close();
});
