// User text is text: markup pasted into the box shows as characters and runs
// nothing, in the view, the outline, the table and the popover. The page
// talks to nobody but its own origin and carries the promised CSP.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { generation, launchBrowser, openApp, pasteText, requestsOffOrigin, requireWasmBuild, startServer, waitForAnnotation } from './harness.mjs';

const PAYLOADS = ['<img src=x onerror=alert(1)>', '</textarea><script>alert(1)</script>', '<svg onload=alert(2)>', '"><iframe src="javascript:alert(3)">'];

/** Headings, metrics and figures right next to the markup, so it lands in every view. */
const HOSTILE = [
  `一、${PAYLOADS[0]}回顾`,
  `${PAYLOADS[1]}地区生产总值增长8.1%，${PAYLOADS[2]}新增就业31万人。`,
  `（一）${PAYLOADS[3]}`,
  `城镇登记失业率${PAYLOADS[0]}2.4%。`,
].join('\n');

let server;
let context;

before(async () => {
  requireWasmBuild();
  server = await startServer({ base: '/x/' });
  context = await launchBrowser();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

after(async () => {
  await context?.close();
  await server?.stop();
});

async function assertInert(page) {
  const report = await page.evaluate(() => ({
    injected: document.querySelectorAll('main img, main svg, main iframe, main script, body > img, body > iframe').length,
    scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? `inline ${s.textContent.length}`),
    boot: document.scripts[0]?.textContent,
    viewText: document.getElementById('view').textContent,
    outlineText: document.getElementById('outline').textContent,
  }));
  assert.equal(report.injected, 0, 'no element was created from the pasted markup');
  assert.deepEqual(report.scripts, [`inline ${report.boot.length}`, 'main.bundle.js'], "the only scripts are index.html's boot script and the page module");
  assert.ok(
    report.boot.includes("WebAssembly.compileStreaming(fetch('pkg/zhibiao_bg.wasm'))") && report.boot.includes("classList.add('zb-boot')"),
    'the inline script is the boot script',
  );
  for (const p of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[2]]) assert.ok(report.viewText.includes(p), `shown as text: ${p}`);
  assert.ok(report.outlineText.includes(PAYLOADS[0]), 'outline shows the markup as text');
  assert.deepEqual(page.log.dialogs, [], 'no dialog opened');
}

test('markup typed into the box is shown as text and runs nothing', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, HOSTILE);
  // Open the popover and the table rows too: every view of the text.
  const marks = page.locator('#view [data-indicator-id]');
  assert.ok((await marks.count()) > 0, 'the figures are still annotated');
  await marks.first().hover();
  await page.locator('.zb-details').waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await assertInert(page);
  assert.equal(await page.locator('#indicator-table img, #indicator-table script').count(), 0);
  await page.close();
});

test('a real clipboard paste (Ctrl+V) of markup runs nothing', async () => {
  const page = await openApp(context, server.url);
  await page.evaluate((text) => navigator.clipboard.writeText(text), HOSTILE);
  const box = page.locator('#report-text');
  await box.fill('');
  const before = await generation(page);
  await box.focus();
  await page.keyboard.press('Control+V');
  await waitForAnnotation(page, before);
  assert.equal(await box.inputValue(), HOSTILE);
  await page.waitForTimeout(300);
  await assertInert(page);
  await page.close();
});

test('the page carries the CSP and asks nothing of other origins', async () => {
  const page = await openApp(context, server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}`);
  }
  assert.ok(!/https?:/.test(csp), 'the CSP names no other origin');
  assert.ok(!csp.includes('unsafe-inline'), 'no inline script runs but by its hash');
  // The one inline script, index.html's boot script, is allowed by its hash:
  // editing it without the hash would leave the page hidden until its timer.
  const boot = await page.evaluate(() => document.scripts[0].textContent);
  const hash = createHash('sha256').update(boot, 'utf8').digest('base64');
  assert.ok(csp.includes(`'sha256-${hash}'`), `the CSP allows the boot script by its hash ('sha256-${hash}')`);
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  // Use everything: sample, language switch, table, popover, exports.
  const before = await generation(page);
  await page.locator('#load-sample').click();
  assert.equal(await waitForAnnotation(page, before), 'ready');
  await page.locator('#lang-switch').click();
  await page.locator('#view [data-indicator-id]').first().click();
  await page.locator('#indicator-table [data-sort-key="metric"]').click();
  await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  await page.goto(new URL('embed.html', server.url).href);
  await page.waitForFunction(() => document.querySelector('zhibiao-annotator')?.result != null);
  await page.waitForTimeout(300);
  assert.deepEqual(violations, [], 'no CSP violation');
  assert.deepEqual(requestsOffOrigin(page, server.origin), [], 'every request stayed on the origin');
  assert.ok(
    page.log.requests.some((u) => u.endsWith('/pkg/zhibiao_bg.wasm')),
    'the wasm came from the origin',
  );
  assert.deepEqual(page.log.errors, []);
  await page.close();
});

/** GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(origin, rawPath) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the static server refuses path traversal and serves the right types', async () => {
  const base = new URL(server.url).pathname; // /x/
  for (const probe of [
    '../package.json',
    '../../package.json',
    '%2e%2e/package.json',
    '..%2fpackage.json',
    '..%2f..%2fpackage.json',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..\\package.json',
    'samples/..%5c..%5cpackage.json',
    '%00index.html',
  ]) {
    const { status, body } = await rawGet(server.origin, base + probe);
    assert.ok([400, 403, 404].includes(status), `${probe} → ${status}`);
    assert.ok(!body.includes('playwright-core') && !body.includes('root:'), `${probe} leaked a file`);
  }
  const wasm = await rawGet(server.origin, `${base}pkg/zhibiao_bg.wasm`);
  assert.equal(wasm.type, 'application/wasm');
  for (const file of ['main.bundle.js', 'page/main.js', 'sw.js', 'pkg/zhibiao.js']) {
    assert.equal((await rawGet(server.origin, base + file)).type, 'text/javascript; charset=utf-8', file);
  }
  assert.equal((await rawGet(server.origin, base)).type, 'text/html; charset=utf-8');
  assert.equal((await rawGet(server.origin, `${base}samples/gz-2017-government-work-report.txt`)).type, 'text/plain; charset=utf-8');
  assert.equal((await rawGet(server.origin, '/page/main.js')).status, 404, 'nothing is served outside --base');
});
