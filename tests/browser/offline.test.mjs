// After one visit the page works with the network gone: the service worker
// serves the page, the modules and the wasm from its cache. The test takes
// the network away twice over: the browser goes offline and the server stops.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DATA,
  cliAnnotate,
  generation,
  launchBrowser,
  openApp,
  pasteText,
  requireWasmBuild,
  shownAnnotation,
  startServer,
  waitForAnnotation,
} from './harness.mjs';

let server;
let context;

before(async () => {
  requireWasmBuild();
  server = await startServer({ base: '/offline/app/' });
  context = await launchBrowser();
});

after(async () => {
  await context?.close();
  await server?.stop();
});

test('reload with the network gone: the page loads and annotates', async () => {
  const file = path.join(DATA, 'gz-2016-party-plenary-report.txt');
  const cli = await cliAnnotate(file);
  const page = await openApp(context, server.url);
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'empty');

  // Wait for the worker to take control and for the cache to hold the wasm.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.url, 'the service worker scope is the sub-path');
  await page.waitForFunction(
    async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        if ((await cache.match(new URL('pkg/zhibiao_bg.wasm', location.href))) && (await cache.match(new URL('main.bundle.js', location.href)))) return true;
      }
      return false;
    },
    null,
    { timeout: 15_000, polling: 200 },
  );

  await context.setOffline(true);
  await server.stop();
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'empty', null, { timeout: 15_000 });
  await pasteText(page, await readFile(file, 'utf8'));
  const shown = await shownAnnotation(page);
  assert.equal(shown.indicators.length, cli.indicators.length, 'annotated offline');
  assert.deepEqual(
    shown.outline.map((s) => s.title),
    cli.sections.map((s) => s.title),
  );

  // The bundled sample comes from the cache too.
  const before = await generation(page);
  await page.locator('#load-sample').click();
  assert.equal(await waitForAnnotation(page, before), 'ready');
  assert.ok((await page.locator('#view [data-indicator-id]').count()) > 0);
  await page.close();
});
