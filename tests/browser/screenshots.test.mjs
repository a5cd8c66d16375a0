// Screenshots for a person to look at (tests/artifacts/*.png: light, dark,
// narrow 375 px, the popover), plus the layout facts that can be checked
// mechanically: nothing wider than a 375 px screen, the theme follows
// prefers-color-scheme, a CJK font is in use, highlights differ by more than
// colour.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { artifactsDir, generation, launchBrowser, openApp, requireWasmBuild, startServer, waitForAnnotation } from './harness.mjs';

let server;
let context;
let dir;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
  dir = await artifactsDir();
});

after(async () => {
  await context?.close();
  await server?.stop();
});

async function withSample(options) {
  const page = await openApp(context, server.url, options);
  const before = await generation(page);
  await page.locator('#load-sample').click();
  assert.equal(await waitForAnnotation(page, before), 'ready');
  await page.evaluate(() => document.fonts.ready);
  return page;
}

test('light theme', async () => {
  const page = await withSample();
  await page.emulateMedia({ colorScheme: 'light' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(246, 245, 241)');
  const decorations = await page.evaluate(() =>
    ['actual', 'estimate', 'target'].map((s) => {
      const el = document.querySelector(`#view .zb-status-${s}`);
      return el ? getComputedStyle(el).textDecorationStyle : null;
    }),
  );
  assert.deepEqual(decorations.filter(Boolean), [...new Set(decorations.filter(Boolean))], 'each status has its own underline style');
  assert.ok(decorations.filter(Boolean).length >= 2, 'the sample has at least two statuses');
  // The page ends with its footer: nothing (such as a hidden label escaping a
  // scroll box) stretches it further.
  const ends = await page.evaluate(() => ({
    footer: document.querySelector('.app-footer').getBoundingClientRect().bottom + scrollY,
    height: document.documentElement.scrollHeight,
  }));
  assert.ok(ends.height <= ends.footer + 1, `page height ${ends.height} px, footer ends at ${ends.footer} px`);
  await page.screenshot({ path: path.join(dir, 'light.png') });
  await page.screenshot({ path: path.join(dir, 'light-full.png'), fullPage: true });
  await page.close();
});

test('dark theme', async () => {
  const page = await withSample();
  await page.emulateMedia({ colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(21, 23, 26)');
  await page.screenshot({ path: path.join(dir, 'dark.png') });
  await page.emulateMedia({ colorScheme: null });
  await page.close();
});

test('narrow screen (375 px): no sideways scrolling', async () => {
  const page = await withSample({ viewport: { width: 375, height: 812 } });
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, inner: innerWidth }));
  assert.ok(widths.doc <= widths.inner, `page is ${widths.doc}px wide in a ${widths.inner}px window`);
  await page.screenshot({ path: path.join(dir, 'narrow.png') });
  await page.screenshot({ path: path.join(dir, 'narrow-full.png'), fullPage: true });
  await page.close();
});

test('popover on a highlight', async () => {
  const page = await withSample();
  const mark = page.locator('#view [data-indicator-id="1"]');
  await mark.hover();
  await page.locator('.zb-details').waitFor({ state: 'visible' });
  const { stdout } = await promisify(execFile)('fc-list', [':lang=zh', 'family']);
  assert.ok(stdout.trim() !== '', 'a CJK font is installed (fonts-noto-cjk or fonts-wqy-microhei), or the screenshots show boxes');
  await page.screenshot({ path: path.join(dir, 'popover.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(dir, 'popover-dark.png') });
  await page.close();
});

test('English interface and the embed page', async () => {
  const page = await withSample();
  await page.locator('#lang-switch').click();
  await page.locator('#indicator-table [data-sort-key="value"]').click();
  await page.locator('#indicator-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, 'english-table.png') });
  await page.locator('#lang-switch').click();
  await page.goto(new URL('embed.html', server.url).href);
  await page.waitForFunction(() => document.querySelector('zhibiao-annotator')?.result != null);
  await page.waitForFunction(() => document.getElementById('module-output').textContent.includes('"indicators"'));
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, inner: innerWidth }));
  assert.ok(widths.doc <= widths.inner, 'the embed page fits its window');
  await page.screenshot({ path: path.join(dir, 'embed.png'), fullPage: true });
  await page.close();
});
