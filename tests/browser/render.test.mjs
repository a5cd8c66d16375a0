// render.js on its own and on awkward text: characters outside the BMP
// (UTF-16 offsets), CRLF line ends, and annotations that overlap, nest,
// cross a line break or point past the end. Every id still gets exactly one
// element and the text shown is the text given.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliAnnotate, launchBrowser, openApp, pasteText, requireWasmBuild, shownAnnotation, startServer } from './harness.mjs';

let server;
let context;
let page;
let scratch;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
  page = await openApp(context, server.url);
  scratch = await mkdtemp(path.join(tmpdir(), 'zhibiao-render-'));
});

after(async () => {
  await context?.close();
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('characters outside the BMP: highlights still cover exactly value_text', async () => {
  const text = '一、𠀀回顾😀\n𠀀😀全市地区生产总值增长8.1%，😀新增就业31万人，𠮷城镇登记失业率2.4%。\n二、今年目标\n地区生产总值增长7.5%左右。\n';
  const file = path.join(scratch, 'astral.txt');
  await writeFile(file, text);
  const cli = await cliAnnotate(file);
  assert.ok(cli.indicators.length >= 3, 'the CLI finds the figures');
  await pasteText(page, text);
  const shown = await shownAnnotation(page);
  assert.deepEqual(
    shown.indicators.map((x) => x.text),
    cli.indicators.map((x) => x.value_text),
  );
  assert.deepEqual(
    shown.outline.map((x) => x.title),
    cli.sections.map((x) => x.title),
  );
});

/** Renders a hand-made annotation with render.js and reports what came out. */
function renderInPage(text, result) {
  return page.evaluate(
    async ({ text, result }) => {
      const { renderAnnotation } = await import(new URL('view/render.js', location.href).href);
      const box = document.createElement('div');
      document.body.appendChild(box);
      await renderAnnotation(box, text, result);
      const out = {
        indicators: [...box.querySelectorAll('[data-indicator-id]')].map((el) => [Number(el.dataset.indicatorId), el.textContent]),
        sections: [...box.querySelectorAll('[data-section-id]')].map((el) => [Number(el.dataset.sectionId), el.textContent]),
        lines: [...box.querySelectorAll('.zb-block')].map((p) => p.textContent),
      };
      box.remove();
      return out;
    },
    { text, result },
  );
}

const ind = (id, start, end, extra = {}) => ({ id, start, end, value_text: '', status: 'actual', kind: 'level', ...extra });
const sec = (id, start, end, level = 1) => ({ id, start, end, level, marker: null, title: '', parent: null });

test('render.js: awkward spans give one element per id and keep the text', async () => {
  const cases = [
    // [name, text, sections, indicators, expected indicator texts by id]
    ['plain', 'a12b', [], [ind(0, 1, 3)], ['12']],
    ['nested indicators', 'x1234y', [], [ind(0, 1, 5), ind(1, 2, 4)], ['1234', '23']],
    ['overlap is cut at the outer end', 'x1234y', [], [ind(0, 1, 4), ind(1, 3, 5)], ['123', '3']],
    ['indicator inside a heading', '一、增长8%\n正文', [sec(0, 0, 6)], [ind(0, 4, 6)], ['8%']],
    ['span across a line break', 'ab\ncd\nef', [], [ind(0, 1, 4)], ['b\nc']],
    ['zero-length and past the end', 'abc', [], [ind(0, 1, 1), ind(1, 2, 99)], ['', 'c']],
    ['CRLF', '一、甲\r\n增长8%\r\n', [sec(0, 0, 3)], [ind(0, 7, 9)], ['8%']],
  ];
  for (const [name, text, sections, indicators, expected] of cases) {
    const out = await renderInPage(text, { sections, indicators });
    assert.deepEqual(
      out.indicators.map(([id]) => id).sort((a, b) => a - b),
      indicators.map((x) => x.id),
      `${name}: one element per indicator id`,
    );
    const byId = Object.fromEntries(out.indicators);
    assert.deepEqual(
      indicators.map((x) => byId[x.id]),
      expected,
      `${name}: highlighted text`,
    );
    assert.equal(out.sections.length, sections.length, `${name}: one element per section`);
    assert.equal(out.lines.join('\n'), text.replace(/\n$/, ''), `${name}: the text is kept, line by line`);
  }
});

test('render.js builds a long text in slices', async () => {
  const slices = await page.evaluate(async () => {
    const { renderAnnotation } = await import(new URL('view/render.js', location.href).href);
    const box = document.createElement('div');
    document.body.appendChild(box);
    const text = '全市地区生产总值增长8.1%。\n'.repeat(20000);
    const indicators = [];
    for (let i = 0; i < 20000; i++) indicators.push({ id: i, start: i * 16 + 10, end: i * 16 + 14, status: 'actual', kind: 'change' });
    let calls = 0;
    await renderAnnotation(box, text, { sections: [], indicators }, { onProgress: () => calls++ });
    const count = box.querySelectorAll('[data-indicator-id]').length;
    box.remove();
    return { calls, count };
  });
  assert.equal(slices.count, 20000);
  assert.ok(slices.calls > 3, `built in ${slices.calls} slices`);
});
