// embed.html: the one-module import and the <zhibiao-annotator> element both
// give what the CLI gives for the same text.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliAnnotate, launchBrowser, openApp, requestsOffOrigin, requireWasmBuild, startServer } from './harness.mjs';

let server;
let context;
let scratch;

before(async () => {
  requireWasmBuild();
  server = await startServer({ base: '/docs/embed-demo/' });
  context = await launchBrowser();
  scratch = await mkdtemp(path.join(tmpdir(), 'zhibiao-embed-'));
});

after(async () => {
  await context?.close();
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function cliFor(text) {
  const file = path.join(scratch, `t${Math.random().toString(36).slice(2)}.txt`);
  await writeFile(file, text);
  return cliAnnotate(file);
}

test('the custom element annotates its text content in a shadow root', async () => {
  const page = await openApp(context, new URL('embed.html', server.url).href);
  const element = page.locator('zhibiao-annotator');
  await page.waitForFunction(() => document.querySelector('zhibiao-annotator')?.result != null);
  const { text, marks, ids, light } = await element.evaluate((el) => ({
    text: el.text,
    marks: [...el.shadowRoot.querySelectorAll('[data-indicator-id]')].map((m) => m.textContent),
    ids: [...el.shadowRoot.querySelectorAll('[data-section-id]')].length,
    light: el.querySelectorAll('[data-indicator-id]').length,
  }));
  assert.ok(text.startsWith('――经济综合实力迈上新台阶'), 'text content, dedented');
  const cli = await cliFor(text);
  assert.ok(cli.indicators.length > 5);
  assert.deepEqual(
    marks,
    cli.indicators.map((x) => x.value_text),
  );
  assert.equal(ids, cli.sections.length);
  assert.equal(light, 0, 'the light DOM is left alone');

  // Details work inside the shadow root.
  await element.evaluate((el) => el.shadowRoot.querySelector('[data-indicator-id]').focus());
  const popover = await element.evaluate((el) => {
    const p = el.shadowRoot.querySelector('.zb-details');
    return { hidden: p.hidden, text: p.textContent };
  });
  assert.equal(popover.hidden, false);
  assert.ok(popover.text.includes(cli.indicators[0].value_text));

  // The `text` property replaces the content.
  const other = '城镇登记失业率控制在3.5%以内，居民消费价格涨幅3%左右。';
  await element.evaluate((el, t) => {
    el.__done = new Promise((resolve) => el.addEventListener('zhibiao-annotated', resolve, { once: true }));
    el.text = t;
  }, other);
  await element.evaluate((el) => el.__done);
  const after = await element.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-indicator-id]')].map((m) => m.textContent));
  assert.deepEqual(
    after,
    (await cliFor(other)).indicators.map((x) => x.value_text),
  );
  assert.deepEqual(page.log.errors, []);
  assert.deepEqual(requestsOffOrigin(page, server.origin), []);
  await page.close();
});

test('the one-module example prints the same JSON as the CLI', async () => {
  const page = await openApp(context, new URL('embed.html', server.url).href);
  await page.waitForFunction(() => document.getElementById('module-output').textContent.includes('"indicators"'));
  const source = await page.inputValue('#module-source');
  const output = await page.locator('#module-output').textContent();
  const json = JSON.parse(output.slice(output.indexOf('\n') + 1));
  assert.deepEqual(json, await cliFor(source));
  await page.close();
});
