// Accessibility (issue 21): axe-core (npm, run inside the page) on every
// mode, at desktop and phone size, in Chinese and in English, with a report
// annotated and compared: no violations. axe is evaluated through the
// DevTools protocol, which the page's Content-Security-Policy does not
// govern; nothing is loaded from another origin. One browser for the file;
// each case starts from cleared storage, so no draft of an earlier case
// comes back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DATA, launchBrowser, openApp, pasteText, requireWasmBuild, startServer } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const FILE = path.join(DATA, 'gz-2017-government-work-report.txt');
let server;
let context;
let axeSource;
let text;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
  axeSource = await readFile(AXE, 'utf8');
  text = await readFile(FILE, 'utf8');
});

after(async () => {
  await context?.close();
  await server?.stop();
});

/** The page with nothing saved: storage cleared, then loaded again. */
async function freshPage(viewport) {
  const page = await openApp(context, server.url, { viewport });
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'empty');
  return page;
}

/** The violations axe finds on the page as it is: rule, impact, and where. */
async function violations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0]?.target.join(' ') }));
  });
}

for (const [name, viewport] of [
  ['desktop', { width: 1400, height: 900 }],
  ['phone', { width: 390, height: 844 }],
]) {
  test(`axe: no violations on a fresh page and in annotate mode, ${name}, Chinese and English`, async () => {
    const page = await freshPage(viewport);
    let found = await violations(page);
    assert.deepEqual(found, [], `fresh page: ${JSON.stringify(found, null, 1)}`);
    await pasteText(page, text);
    // one highlight pinned open, as a reader leaves it; a filter on
    await page.locator('#view [data-indicator-id]').first().click();
    await page.selectOption('#zb-filter-status', 'target');
    found = await violations(page);
    assert.deepEqual(found, [], `annotated: ${JSON.stringify(found, null, 1)}`);
    await page.locator('#lang-switch').click();
    found = await violations(page);
    assert.deepEqual(found, [], `English: ${JSON.stringify(found, null, 1)}`);
    await page.close();
  });

  test(`axe: no violations in compare mode, ${name}`, async () => {
    const page = await freshPage(viewport);
    await page.locator('#tab-compare').click();
    await page.waitForFunction(() => document.documentElement.dataset.zbMode === 'compare');
    let found = await violations(page);
    assert.deepEqual(found, [], `empty compare mode: ${JSON.stringify(found, null, 1)}`);
    const old = await readFile(path.join(DATA, 'gz-2017-government-work-report.txt'), 'utf8');
    const later = await readFile(path.join(DATA, 'compare', 'gz-2018-excerpt.txt'), 'utf8');
    await page.locator('#compare-old-text').fill(old);
    await page.locator('#compare-new-text').fill(later);
    await page.waitForFunction(() => document.documentElement.dataset.zbCompareState === 'ready', null, { timeout: 60_000 });
    found = await violations(page);
    assert.deepEqual(found, [], `compared: ${JSON.stringify(found, null, 1)}`);
    await page.close();
  });
}
