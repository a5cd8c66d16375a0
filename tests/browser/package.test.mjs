// The npm package in the browser, installed from its tarball as a user
// installs it (harness installedPackage):
//
// * bundled: a page that imports 'zhibiao/element', 'zhibiao' and
//   'zhibiao/annotator', bundled by esbuild with the files the modules load
//   by URL copied next to the bundle, as the package's README says;
// * cross-origin: a host page on one origin imports the element from the
//   installed package served as it is by another origin with CORS, and
//   annotates a text long enough for the worker, in the host page's
//   language; a host page whose CSP forbids workers gets the engine on its
//   own thread; a package whose .wasm is broken says so in the element's
//   language.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA, cliAnnotate, cliOutput, installedPackage, launchBrowser, openApp, requireWasmBuild, startServer } from './harness.mjs';
import { MAIN_THREAD_MAX_CHARS } from '../../www/engine/annotator.js';

const REPORT = path.join(DATA, 'gz-2017-government-work-report.txt');
const LONG_REPORT = path.join(DATA, 'gz-2017-government-work-report-x8.txt');
const SHORT = '全市地区生产总值增长8.1%，新增就业31万人。';

let installed;
let context;
const servers = [];

before(async () => {
  requireWasmBuild();
  installed = await installedPackage();
  context = await launchBrowser();
});

after(async () => {
  await context?.close();
  for (const server of servers) await server.stop();
  await installed?.remove();
});

async function serve(options) {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

/** Records the page's workers and its failed responses beside openApp's log. */
async function openPage(url) {
  const page = await openApp(context, null);
  page.workers_ = [];
  page.failed = [];
  page.on('worker', (worker) => page.workers_.push(worker.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) page.failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => page.failed.push(`failed ${request.url()}: ${request.failure()?.errorText}`));
  await page.goto(url);
  return page;
}

/** Sets the element's text and waits for its zhibiao-annotated (or zhibiao-error) event. */
function annotateIn(page, selector, textUrl) {
  return page.evaluate(
    async ([selector, textUrl]) => {
      const element = document.querySelector(selector);
      const text = await (await fetch(textUrl)).text();
      const done = new Promise((resolve) => {
        element.addEventListener('zhibiao-annotated', () => resolve({ ok: true }), { once: true });
        element.addEventListener('zhibiao-error', (event) => resolve({ ok: false, error: String(event.detail.error?.message) }), { once: true });
      });
      element.text = text;
      const outcome = await done;
      return {
        ...outcome,
        length: text.length,
        result: element.result,
        marks: element.shadowRoot.querySelectorAll('[data-indicator-id]').length,
        language: element.language,
        legend: element.shadowRoot.querySelector('.zb-legend').textContent,
        status: element.shadowRoot.querySelector('.zb-element-status').textContent,
        label: element.shadowRoot.querySelector('[data-indicator-id]')?.getAttribute('aria-label') ?? null,
      };
    },
    [selector, textUrl],
  );
}

test('a page bundled by esbuild from the installed package: the element, the engine and the worker', async () => {
  const { project, packageDir } = installed;
  await writeFile(
    path.join(project, 'page.js'),
    `import 'zhibiao/element';
import init, { annotate, version } from 'zhibiao';
import { Annotator } from 'zhibiao/annotator';

await init();
const text = document.getElementById('source').textContent;
window.engine = { version: version(), result: annotate(text) };
window.webAnnotations = await new Annotator().exportWebAnnotations(text);
`,
  );
  const dist = path.join(project, 'dist');
  await mkdir(dist, { recursive: true });
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(project, 'page.js')],
    absWorkingDir: project,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: path.join(dist, 'page.js'),
    logLevel: 'silent',
  });
  const bundle = await readFile(path.join(dist, 'page.js'), 'utf8');
  assert.ok(!bundle.includes("from 'zhibiao"), 'the imports are bundled');
  // What the README says to copy: the files the modules load by URL.
  for (const file of ['annotator-worker.js', 'annotated.css', 'pkg']) await cp(path.join(packageDir, file), path.join(dist, file), { recursive: true });
  await cp(REPORT, path.join(dist, 'report.txt'));
  await writeFile(
    path.join(dist, 'index.html'),
    `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>bundled</title>
<script type="module" src="page.js"></script>
<p id="source">${SHORT}</p>
<zhibiao-annotator></zhibiao-annotator>
`,
  );
  const server = await serve({ root: dist, base: '/app/' });
  const page = await openPage(server.url);
  const shown = await annotateIn(page, 'zhibiao-annotator', 'report.txt');
  assert.equal(shown.ok, true, shown.error);
  // the host page is English: the element's result carries the glossary's English, as --english writes it
  const cli = JSON.parse(await cliOutput(['annotate', '--english', REPORT]));
  assert.deepEqual(shown.result, cli);
  assert.equal(shown.marks, cli.indicators.length);
  assert.equal(shown.language, 'en', 'the host page is lang="en"');
  assert.match(shown.legend, /^actual \/ 实际/);
  assert.match(shown.label, /actual|estimate|target/);

  await page.waitForFunction(() => window.webAnnotations !== undefined);
  const { engine, webAnnotations } = await page.evaluate(() => ({ engine: window.engine, webAnnotations: window.webAnnotations }));
  const expected = await cliAnnotate(await writeText(project, SHORT));
  assert.deepEqual(engine.result, expected);
  assert.equal(webAnnotations.total, expected.indicators.length, 'the worker answers an export-web-annotations request');
  assert.ok(
    page.workers_.some((url) => url === `${server.url}annotator-worker.js`),
    `the element's worker, same-origin: ${page.workers_}`,
  );
  assert.deepEqual(page.failed, []);
  assert.deepEqual(page.log.errors, []);
  await page.close();
});

async function writeText(dir, text) {
  const file = path.join(dir, `text-${Math.random().toString(36).slice(2)}.txt`);
  await writeFile(file, text);
  return file;
}

/** A host page on its own origin that imports the element from `packageUrl`. */
async function hostPage(dir, name, packageUrl, { lang = 'en', head = '', body = '<zhibiao-annotator></zhibiao-annotator>' } = {}) {
  await writeFile(
    path.join(dir, name),
    `<!doctype html>
<html lang="${lang}">
<meta charset="utf-8">
<link rel="icon" href="data:,">
${head}
<title>host</title>
<script type="module" src="${new URL('zhibiao-annotator.js', packageUrl).href}"></script>
${body}
`,
  );
}

test('cross-origin: the element from another origin (CORS) annotates a long text in a worker, in the host page language', async () => {
  const pkg = await serve({ root: installed.packageDir, base: '/cdn/zhibiao/', cors: '*' });
  const hostDir = path.join(installed.project, 'host');
  await mkdir(hostDir, { recursive: true });
  await cp(LONG_REPORT, path.join(hostDir, 'long.txt'));
  const host = await serve({ root: hostDir, base: '/site/' });
  assert.notEqual(new URL(host.url).origin, new URL(pkg.url).origin);
  // Two elements annotate their text content at once through the one worker.
  await hostPage(hostDir, 'index.html', pkg.url, {
    body: `<zhibiao-annotator id="a">${SHORT}</zhibiao-annotator>\n<zhibiao-annotator id="b" language="zh">城镇登记失业率控制在3.5%以内。</zhibiao-annotator>`,
  });

  const page = await openPage(host.url);
  await page.waitForFunction(() => [...document.querySelectorAll('zhibiao-annotator')].every((el) => el.result !== null), null, { timeout: 20_000 });
  const both = await page.evaluate(() =>
    [...document.querySelectorAll('zhibiao-annotator')].map((el) => ({
      values: el.result.indicators.map((x) => x.value_text),
      language: el.language,
      legend: el.shadowRoot.querySelector('.zb-legend').textContent,
    })),
  );
  assert.deepEqual(
    both.map((x) => x.values),
    [['8.1%', '31万人'], ['3.5%']],
  );
  assert.deepEqual(
    both.map((x) => x.language),
    ['en', 'zh'],
    'the page is lang="en"; language="zh" overrides it',
  );
  assert.match(both[1].legend, /^实际 \/ actual/);

  const shown = await annotateIn(page, '#a', 'long.txt');
  assert.equal(shown.ok, true, shown.error);
  assert.ok(shown.length > MAIN_THREAD_MAX_CHARS, `a text for the worker: ${shown.length} units`);
  const cli = await cliAnnotate(LONG_REPORT);
  assert.equal(shown.result.indicators.length, cli.indicators.length);
  assert.deepEqual(
    shown.result.indicators.map((x) => x.value_text),
    cli.indicators.map((x) => x.value_text),
  );
  assert.equal(shown.status, '', 'no error message');
  assert.equal(shown.language, 'en');
  assert.match(shown.legend, /^actual \/ 实际/);
  // The worker is a same-origin blob: module; what it loads comes from the package's origin.
  assert.ok(
    page.workers_.some((url) => url.startsWith(`blob:${host.origin}/`)),
    `a blob: worker of the host's origin: ${page.workers_}`,
  );
  const requests = [...page.log.requests, ...context.requestLog];
  assert.ok(requests.includes(`${pkg.url}annotated.css`), 'the stylesheet from the package origin');
  assert.deepEqual(page.failed, []);
  assert.deepEqual(page.log.errors, []);

  // The engine entry from the same origin: init() fetches the .wasm next to it.
  const engine = await page.evaluate(
    async ([url, text]) => {
      const zhibiao = await import(url);
      await zhibiao.init();
      return { wasm: zhibiao.WASM_URL.href, values: zhibiao.annotate(text).indicators.map((x) => x.value_text) };
    },
    [`${pkg.url}index.js`, SHORT],
  );
  assert.deepEqual(engine, { wasm: `${pkg.url}pkg/zhibiao_bg.wasm`, values: ['8.1%', '31万人'] });

  // The popover, and <html lang> switched by the page: the element follows.
  const popover = await page.evaluate(async () => {
    const element = document.querySelector('zhibiao-annotator');
    element.shadowRoot.querySelector('[data-indicator-id]').focus();
    const english = element.shadowRoot.querySelector('.zb-details').textContent;
    document.documentElement.lang = 'zh-CN';
    await new Promise((resolve) => setTimeout(resolve, 50));
    return {
      english,
      chinese: element.shadowRoot.querySelector('.zb-details').textContent,
      legend: element.shadowRoot.querySelector('.zb-legend').textContent,
      label: element.shadowRoot.querySelector('[data-indicator-id]').getAttribute('aria-label'),
    };
  });
  assert.match(popover.english, /Value/);
  assert.match(popover.chinese, /数值/);
  assert.match(popover.legend, /^实际 \/ actual/);
  assert.match(popover.label, /实际|预计|目标/);
  await page.close();
});

test("cross-origin under a CSP that forbids workers: the engine runs on the page's thread", async () => {
  const pkg = servers.find((s) => s.url.endsWith('/cdn/zhibiao/')) ?? (await serve({ root: installed.packageDir, base: '/cdn/zhibiao/', cors: '*' }));
  const hostDir = path.join(installed.project, 'host');
  await mkdir(hostDir, { recursive: true });
  await cp(LONG_REPORT, path.join(hostDir, 'long.txt'));
  const host = await serve({ root: hostDir, base: '/strict/' });
  const csp = `default-src 'self'; script-src 'self' ${pkg.origin} 'wasm-unsafe-eval'; style-src ${pkg.origin}; connect-src 'self' ${pkg.origin}; worker-src 'none'`;
  await hostPage(hostDir, 'strict.html', pkg.url, { head: `<meta http-equiv="Content-Security-Policy" content="${csp}">` });
  const page = await openPage(new URL('strict.html', host.url).href);
  const shown = await annotateIn(page, 'zhibiao-annotator', 'long.txt');
  assert.equal(shown.ok, true, shown.error);
  assert.equal(shown.result.indicators.length, (await cliAnnotate(LONG_REPORT)).indicators.length);
  assert.equal(shown.status, '');
  assert.deepEqual(page.workers_, [], 'no worker ran');
  // The browser reports the refused worker; nothing else went wrong.
  assert.deepEqual(
    page.log.errors.filter((e) => !/Content Security Policy/i.test(e)),
    [],
  );
  assert.deepEqual(page.failed, []);
  await page.close();
});

test("cross-origin with a broken .wasm: the error in the element's language", async () => {
  const broken = path.join(installed.project, 'broken-zhibiao');
  await cp(installed.packageDir, broken, { recursive: true });
  await writeFile(path.join(broken, 'pkg', 'zhibiao_bg.wasm'), 'this is not WebAssembly');
  const pkg = await serve({ root: broken, base: '/', cors: '*' });
  const hostDir = path.join(installed.project, 'host-broken');
  await mkdir(hostDir, { recursive: true });
  const host = await serve({ root: hostDir, base: '/' });
  await hostPage(hostDir, 'index.html', pkg.url, {
    body: `<zhibiao-annotator id="en">${SHORT}</zhibiao-annotator><zhibiao-annotator id="zh" language="zh">${SHORT}</zhibiao-annotator>`,
  });
  const page = await openPage(host.url);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('zhibiao-annotator')].every((el) => el.shadowRoot?.querySelector('.zb-element-status')?.textContent.includes('WebAssembly')),
  );
  const status = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('zhibiao-annotator')].map((el) => [el.id, el.shadowRoot.querySelector('.zb-element-status').textContent])),
  );
  assert.match(status.en, /^The annotator \(WebAssembly\) failed to load: /);
  assert.match(status.zh, /^标注引擎（WebAssembly）加载失败：/);
  await page.close();
});
