// Getting text in: opening a GB18030 file, dropping a UTF-8 file, refusing
// binary and oversized input, the empty and no-number states, and the draft
// that survives a reload until 清除 / Clear.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
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
import { MAIN_THREAD_MAX_CHARS } from '../../www/engine/annotator.js';

const NAME = 'gz-2016-party-plenary-report.txt';
let server;
let context;
let scratch;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
  scratch = await mkdtemp(path.join(tmpdir(), 'zhibiao-input-'));
});

after(async () => {
  await context?.close();
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('opening a GB18030 file decodes it and annotates it', async () => {
  const source = path.join(DATA, NAME);
  const gbFile = path.join(scratch, 'report-gb18030.txt');
  // Encode with Python's codec, independent of the browser's decoder.
  await promisify(execFile)('python3', [
    '-c',
    'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("gb18030"))',
    source,
    gbFile,
  ]);
  const bytes = await readFile(gbFile);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the test file is not valid UTF-8');

  const text = await readFile(source, 'utf8');
  const cli = await cliAnnotate(source);
  const page = await openApp(context, server.url);
  const before = await generation(page);
  await page.setInputFiles('#file-input', gbFile);
  assert.equal(await waitForAnnotation(page, before), 'ready');
  assert.equal(await page.inputValue('#report-text'), text, 'decoded exactly');
  assert.match(await page.locator('#input-message').innerText(), /GB18030/);
  const shown = await shownAnnotation(page);
  assert.equal(shown.indicators.length, cli.indicators.length);
  assert.deepEqual(
    shown.outline.map((s) => s.title),
    cli.sections.map((s) => s.title),
  );
  await page.close();
});

test('dropping a UTF-8 file on the page opens it', async () => {
  const text = await readFile(path.join(DATA, NAME), 'utf8');
  const cli = await cliAnnotate(path.join(DATA, NAME));
  const page = await openApp(context, server.url);
  const before = await generation(page);
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new TextEncoder().encode(content)], 'dropped.txt', { type: 'text/plain' }));
    const target = document.getElementById('report-text');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, text);
  assert.equal(await waitForAnnotation(page, before), 'ready');
  assert.equal(await page.inputValue('#report-text'), text);
  assert.equal((await shownAnnotation(page)).indicators.length, cli.indicators.length);
  assert.match(await page.locator('#input-message').innerText(), /dropped\.txt（UTF-8）/);
  await page.close();
});

test('a binary file is refused with a clear message and the text is kept', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, '全市地区生产总值增长8%。');
  const binary = path.join(scratch, 'picture.txt');
  await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  await page.setInputFiles('#file-input', binary);
  const message = page.locator('#input-message');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.innerText(), /不是文本文件/);
  assert.equal(await page.inputValue('#report-text'), '全市地区生产总值增长8%。');
  await page.close();
});

test('a file over the size limit is refused before it is read', async () => {
  const page = await openApp(context, server.url);
  const big = path.join(scratch, 'big.txt');
  await writeFile(big, Buffer.alloc(5 * 1024 * 1024 + 1, 0x31));
  await page.setInputFiles('#file-input', big);
  const message = page.locator('#input-message');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.innerText(), /（5\.0 MB）超过 5,242,880 个字符的上限/);
  await page.close();
});

test('a paste over the limit gets a message, not a hung tab', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await openApp(context, server.url);
  await pasteText(page, '新增就业31万人。');
  const shownBefore = await page.locator('#view [data-indicator-id]').count();
  // 5.5 million characters, just over the 5 MiB limit.
  await page.evaluate(() => navigator.clipboard.writeText('增长8%。'.repeat(1_100_000)));
  await page.locator('#report-text').focus();
  await page.keyboard.press('Control+A');
  const started = Date.now();
  await page.keyboard.press('Control+V');
  const message = page.locator('#input-message');
  await message.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await message.innerText(), /5,500,000 个字符，超过 5,242,880 个字符的上限/);
  assert.ok(Date.now() - started < 10_000, 'answered at once');
  assert.equal(await page.inputValue('#report-text'), '新增就业31万人。', 'the box keeps its text');
  assert.equal(await page.locator('#view [data-indicator-id]').count(), shownBefore, 'the annotation stays');
  // A paste under the limit still goes in and is annotated.
  await page.evaluate(() => navigator.clipboard.writeText('城镇登记失业率2.4%。'));
  const before = await generation(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await waitForAnnotation(page, before);
  assert.equal(await page.inputValue('#report-text'), '城镇登记失业率2.4%。');
  assert.equal(await page.locator('#view [data-indicator-id]').count(), (await cliAnnotateText('城镇登记失业率2.4%。')).indicators.length);
  await page.close();
});

async function cliAnnotateText(text) {
  const file = path.join(scratch, `text-${Date.now()}.txt`);
  await writeFile(file, text);
  return cliAnnotate(file);
}

test('empty input and text without numbers get friendly states', async () => {
  const page = await openApp(context, server.url);
  await page.locator('#clear-text').click();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'empty');
  assert.match(await page.locator('#view-state').innerText(), /还没有文本/);

  const words = '各位代表：\n我代表市人民政府向大会作政府工作报告，请予审议。';
  assert.equal((await cliAnnotateText(words)).indicators.length, 0, 'the CLI finds nothing either');
  assert.equal(await pasteText(page, words), 'none');
  assert.match(await page.locator('#view-state').innerText(), /没有找到数字指标/);
  const shownText = await page.$$eval('#view .zb-block', (blocks) => blocks.map((b) => b.textContent).join('\n'));
  assert.equal(shownText, words, 'the text is still shown, line by line');
  await page.close();
});

test('the draft survives a reload; 清除 clears it', async () => {
  const text = await readFile(path.join(DATA, NAME), 'utf8');
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  await page.waitForTimeout(600); // the draft is saved 400 ms after typing stops
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'ready');
  assert.equal(await page.inputValue('#report-text'), text);
  await page.locator('#clear-text').click();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'empty');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'empty');
  assert.equal(await page.inputValue('#report-text'), '');
  await page.close();
});

/**
 * Records, from the document's start, whether index.html's boot script hid
 * the page (the zb-boot class) and the page state and highlights at the
 * moment it was shown again.
 */
function watchBoot() {
  const boot = (window.__boot = { hidden: false, shown: null });
  new MutationObserver(() => {
    const root = document.documentElement;
    if (!root) return;
    if (root.classList.contains('zb-boot')) boot.hidden = true;
    else if (boot.hidden && !boot.shown) {
      boot.shown = { state: root.dataset.zbState ?? null, highlights: document.querySelectorAll('#view [data-indicator-id]').length };
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
}

async function bootPage(draft, { mode = null, route = null } = {}) {
  const page = await context.newPage();
  await page.addInitScript(
    ({ draft, mode }) => {
      // Set only on the first load of this page, as a user's earlier visit would.
      if (sessionStorage.getItem('zb-test-seeded')) return;
      sessionStorage.setItem('zb-test-seeded', '1');
      localStorage.setItem('zhibiao.draft', draft);
      if (mode) localStorage.setItem('zhibiao.mode', mode);
      else localStorage.removeItem('zhibiao.mode');
    },
    { draft, mode },
  );
  await page.addInitScript(watchBoot);
  if (route) await page.route(route, (r) => r.abort());
  await page.goto(server.url);
  return page;
}

test('a saved draft: the page is first shown with the draft annotated, not as an empty shell', async () => {
  const text = await readFile(path.join(DATA, NAME), 'utf8');
  const expected = (await cliAnnotate(path.join(DATA, NAME))).indicators.length;
  const page = await bootPage(text);
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'ready');
  const boot = await page.evaluate(() => window.__boot);
  assert.equal(boot.hidden, true, 'the boot script hid the page while the draft was annotated');
  assert.deepEqual(boot.shown, { state: 'ready', highlights: expected }, 'shown when the draft was annotated, every highlight in place');
  assert.ok(await page.locator('#view').isVisible());
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('a saved draft whose page script never runs: the boot timer shows the page', async () => {
  const page = await bootPage('全市地区生产总值增长8.1%。', { route: '**/main.bundle.js' });
  await page.waitForFunction(() => !document.documentElement.classList.contains('zb-boot'), null, { timeout: 5000 });
  assert.equal((await page.evaluate(() => window.__boot)).hidden, true);
  assert.ok(await page.locator('#report-text').isVisible(), 'the shell is shown');
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('a long draft and compare mode are not kept hidden while they are annotated', async () => {
  const long = (await readFile(path.join(DATA, NAME), 'utf8')).repeat(2);
  assert.ok(long.length > MAIN_THREAD_MAX_CHARS, 'longer than a text annotated on the page thread');
  for (const [draft, mode] of [
    [long, null],
    ['全市地区生产总值增长8.1%。', 'compare'],
  ]) {
    const page = await bootPage(draft, { mode });
    await page.waitForFunction(() => window.__boot.shown);
    const boot = await page.evaluate(() => window.__boot);
    assert.notEqual(boot.shown.state, 'ready', `${mode ?? 'long draft'}: shown before any annotation settled`);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }
});

test('the page reads a file exactly when the CLI does, by the same rules', async () => {
  const hant = (await readFile(path.join(DATA, 'variants', 'gz-2017-government-work-report-hant.txt'), 'utf8')).split('\n').slice(0, 40).join('\n');
  const encode = async (encoding, text) => {
    const out = path.join(scratch, `${encoding}.bin`);
    await promisify(execFile)('python3', ['-c', 'import sys; open(sys.argv[3], "wb").write(sys.argv[2].encode(sys.argv[1], "ignore"))', encoding, text, out]);
    return readFile(out);
  };
  const simple = '一、回顾\n全市地区生产总值增长8.1%。\n';
  const cases = {
    'big5.txt': await encode('big5', hant),
    'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(simple, 'utf16le')]),
    'utf16-no-bom.txt': Buffer.from(simple, 'utf16le'),
    'latin1.txt': Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e', 'latin1'),
    'cesu8.txt': Buffer.concat([Buffer.from(simple), Buffer.from([0xed, 0xa1, 0x80, 0xed, 0xb0, 0x80])]),
    'late-nul.txt': Buffer.concat([Buffer.from(simple.repeat(1000)), Buffer.from([0])]),
  };
  const page = await openApp(context, server.url);
  for (const [name, bytes] of Object.entries(cases)) {
    const file = path.join(scratch, name);
    await writeFile(file, bytes);
    const cli = await promisify(execFile)(path.join(path.dirname(DATA), '..', 'target', 'release', 'zhibiao'), ['reflow', file]).then(
      () => ({ ok: true }),
      (error) => ({ ok: false, stderr: error.stderr }),
    );
    await page.evaluate(() => {
      document.getElementById('report-text').value = '';
      document.getElementById('input-message').hidden = true;
    });
    await page.setInputFiles('#file-input', file);
    const message = page.locator('#input-message');
    await message.waitFor({ state: 'visible' });
    const said = await message.innerText();
    if (cli.ok) {
      assert.match(said, /^已打开/, `${name}: the CLI reads it, so does the page (${said})`);
      const text = await page.inputValue('#report-text');
      const cliText = (await promisify(execFile)(path.join(path.dirname(DATA), '..', 'target', 'release', 'zhibiao'), ['annotate', file])).stdout;
      assert.equal(JSON.parse(cliText).indicators.length > 0, text.length > 0, name);
    } else {
      assert.doesNotMatch(said, /^已打开/, `${name}: the CLI refuses it (${cli.stderr.trim()}), so does the page`);
    }
  }
  assert.match(await page.locator('#input-message').innerText(), /不是文本文件/);
  await page.close();
});

test('a lone surrogate: every span field of the result slices the text as given', async () => {
  // A textarea holds no lone surrogate (the browser makes it U+FFFD); an
  // embedder's string can: the engine's client is asked directly.
  const page = await openApp(context, server.url);
  const text = '一、回\uD800顾\n全市地区生产总值\uDC00增长8.1%，城镇登记失业率\uD800控制在3.5%以内。\n';
  const result = await page.evaluate(async (t) => {
    const { Annotator } = await import('./engine/annotator.js');
    for (const mainThread of [true, false]) {
      const annotator = new Annotator(undefined, { mainThread });
      const { result } = await annotator.annotate(t);
      annotator.terminate();
      if (!mainThread) return result;
      window.__mainThreadResult = result;
    }
  }, text);
  const here = await page.evaluate(() => window.__mainThreadResult);
  for (const json of [result, here]) {
    assert.ok(json.indicators.length >= 2);
    for (const x of json.indicators) {
      assert.equal(text.slice(x.start, x.end), x.value_text);
      if (x.metric != null) assert.equal(text.slice(x.metric_start, x.metric_end), x.metric);
    }
    for (const s of json.sections) if (s.marker) assert.equal(text.slice(s.start, s.start + s.marker.length), s.marker);
    assert.ok(
      json.indicators.some((x) => /[\uD800\uDC00]/.test(x.metric ?? '')),
      'a metric keeps its lone surrogate',
    );
  }
  await page.close();
});
