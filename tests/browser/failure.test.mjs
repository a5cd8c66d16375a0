// When the engine fails the page says so and keeps the user's text: a wasm
// file that does not load, and an engine that traps mid-annotation. Both run
// against a copy of www/ that a test breaks on purpose; www/ itself is never
// touched.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, rename, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { copyOfWww, generation, launchBrowser, openApp, rebuildPage, requireWasmBuild, startServer, waitForAnnotation } from './harness.mjs';

const TEXT = '全市地区生产总值增长8.1%，新增就业31万人。';
const cleanups = [];

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function brokenSite(breakIt) {
  requireWasmBuild();
  const copy = await copyOfWww();
  cleanups.push(copy.remove);
  await breakIt(copy.dir);
  // The page runs its bundle, which carries the wasm glue: make it again
  // from the broken files (a missing package leaves the bundled glue).
  if (existsSync(path.join(copy.dir, 'pkg', 'zhibiao.js'))) await rebuildPage(copy.dir);
  const server = await startServer({ root: copy.dir, base: '/broken/' });
  cleanups.push(server.stop);
  const context = await launchBrowser();
  cleanups.push(() => context.close());
  return { server, context };
}

test('a wasm file that cannot load: clear message, text kept, retry offered', async () => {
  const { server, context } = await brokenSite((dir) => writeFile(path.join(dir, 'pkg', 'zhibiao_bg.wasm'), 'this is not WebAssembly'));
  const page = await openApp(context, server.url);
  const before = await generation(page);
  await page.locator('#report-text').fill(TEXT);
  assert.equal(await waitForAnnotation(page, before), 'error');
  const message = await page.locator('#view-state').innerText();
  assert.match(message, /标注引擎（WebAssembly）加载失败/);
  assert.match(message, /文本已保留/);
  assert.equal(await page.inputValue('#report-text'), TEXT, 'the text is kept');
  assert.ok(await page.locator('#retry').isVisible(), 'a retry button');
  assert.equal(await page.locator('#view [data-indicator-id]').count(), 0);
  // The page itself still works: typing again tries again (and fails the same way).
  const again = await generation(page);
  await page.locator('#retry').click();
  assert.equal(await waitForAnnotation(page, again), 'error');
  await page.close();
});

test('a missing wasm package: the same clear message', async () => {
  const { server, context } = await brokenSite((dir) => rename(path.join(dir, 'pkg'), path.join(dir, 'pkg-moved')));
  const page = await openApp(context, server.url);
  const before = await generation(page);
  await page.locator('#report-text').fill(TEXT);
  assert.equal(await waitForAnnotation(page, before), 'error');
  assert.match(await page.locator('#view-state').innerText(), /加载失败/);
  assert.equal(await page.inputValue('#report-text'), TEXT);
  await page.close();
});

test('an engine that traps mid-annotation: message, text kept, the next edit works again', async () => {
  // Wrap the real package: `annotate` traps (as a Rust panic would with
  // panic=abort) when the text contains 崩溃, and works otherwise.
  const { server, context } = await brokenSite(async (dir) => {
    const pkg = path.join(dir, 'pkg');
    await rename(path.join(pkg, 'zhibiao.js'), path.join(pkg, 'zhibiao-real.js'));
    const real = await readFile(path.join(pkg, 'zhibiao-real.js'), 'utf8');
    assert.match(real, /export function annotate/);
    await writeFile(
      path.join(pkg, 'zhibiao.js'),
      [
        "import init, * as real from './zhibiao-real.js';",
        'export default init;',
        'export const version = real.version;',
        'export function annotate(text) {',
        "  if (text.includes('崩溃')) throw new WebAssembly.RuntimeError('unreachable executed');",
        '  return real.annotate(text);',
        '}',
        '',
      ].join('\n'),
    );
  });
  const page = await openApp(context, server.url);
  let before = await generation(page);
  await page.locator('#report-text').fill(`${TEXT}崩溃`);
  assert.equal(await waitForAnnotation(page, before), 'error');
  assert.match(await page.locator('#view-state').innerText(), /标注引擎意外停止.*unreachable/s);
  assert.equal(await page.inputValue('#report-text'), `${TEXT}崩溃`);
  before = await generation(page);
  await page.locator('#report-text').fill(TEXT);
  assert.equal(await waitForAnnotation(page, before), 'ready', 'a fresh worker annotates the next text');
  assert.ok((await page.locator('#view [data-indicator-id]').count()) > 0);
  await page.close();
});
