// Accessibility (issue 21): axe-core (npm, run inside the page) on every
// mode, at desktop and phone size, with a report annotated and compared:
// no violations. axe is evaluated through the DevTools protocol, which the
// page's Content-Security-Policy does not govern; nothing is loaded from
// another origin.

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
let axeSource;
let text;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  axeSource = await readFile(AXE, 'utf8');
  text = await readFile(FILE, 'utf8');
});

after(async () => {
  await server?.stop();
});

/** A page in a browser of its own: no draft of an earlier test comes back. */
async function freshPage(viewport) {
  const context = await launchBrowser();
  const page = await freshPage(viewport);
  page.once('close', () => context.close());
  return page;
}

/** The violations axe finds on the page as it is: rule, impact, and where. */
async function violations(page) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0]?.target.join(' ') }));
  });
  return found;
}

for (const [name, viewport] of [
  ['desktop', { width: 1400, height: 900 }],
  ['phone', { width: 390, height: 844 }],
]) {
  test(`axe: no violations in annotate mode, ${name}`, async () => {
    const page = await freshPage(viewport);
    await pasteText(page, text);
    // one highlight pinned open, as a reader leaves it
    await page.locator('#view [data-indicator-id]').first().click();
    const found = await violations(page);
    assert.deepEqual(found, [], JSON.stringify(found, null, 1));
    await page.close();
  });

  test(`axe: no violations in compare mode, ${name}`, async () => {
    const page = await freshPage(viewport);
    await page.locator('#tab-compare').click();
    await page.waitForFunction(() => document.documentElement.dataset.zbMode === 'compare');
    const old = await readFile(path.join(DATA, 'national', 'national-2016.txt'), 'utf8');
    const later = await readFile(path.join(DATA, 'national', 'national-2018.txt'), 'utf8');
    await page.locator('#compare-old-text').fill(old);
    await page.locator('#compare-new-text').fill(later);
    await page.waitForFunction(() => ['ready', 'none', 'incomplete', 'empty'].includes(document.documentElement.dataset.zbCompareState), null, { timeout: 60_000 });
    const found = await violations(page);
    assert.deepEqual(found, [], JSON.stringify(found, null, 1));
    await page.close();
  });
}
