// Text as people paste it: a report copied out of a PDF is read as the
// clean report, the page says what it did, and shows the text as read on
// request (a view; the draft stays as pasted). Clean text gets no note.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { DATA, REPO, cliAnnotate, launchBrowser, openApp, pasteText, requireWasmBuild, shownAnnotation, startServer } from './harness.mjs';

// A PDF extraction of the 2017 report (Chromium's print with its header and
// footer, pdftotext), made by scripts/gen-layouts.py --pdf.
const PDF_COPY = path.join(DATA, 'layouts', 'gz-2017-government-work-report--pdf-chrome-hf.txt');
const CLEAN = path.join(DATA, 'gz-2017-government-work-report.txt');

let server;
let context;
let scratch;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
  scratch = await mkdtemp(path.join(tmpdir(), 'zhibiao-layout-'));
});

after(async () => {
  await context?.close();
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('a PDF copy is read as the report: the note says what was done, the outline and figures match the clean text', async () => {
  const pasted = await readFile(PDF_COPY, 'utf8');
  const cli = await cliAnnotate(PDF_COPY);
  const clean = await cliAnnotate(CLEAN);
  assert.equal(cli.layout.source, 'pdf');
  assert.ok(cli.layout.joined_lines > 100 && cli.layout.page_numbers > 5, JSON.stringify(cli.layout));

  const page = await openApp(context, server.url);
  await pasteText(page, pasted);
  const note = page.locator('#layout-note');
  await note.waitFor({ state: 'visible' });
  const sentence = await page.locator('#layout-note-text').innerText();
  assert.match(sentence, /按从 PDF 复制的文本阅读/);
  assert.match(sentence, new RegExp(`合并了 ${cli.layout.joined_lines.toLocaleString('en-US')} 处换行`));
  assert.match(sentence, new RegExp(`略去 ${cli.layout.page_numbers} 个页码`));

  const shown = await shownAnnotation(page);
  assert.equal(shown.indicators.length, cli.indicators.length, 'the page shows the CLI figures');
  assert.deepEqual(
    shown.outline.map((s) => s.title),
    cli.sections.map((s) => s.title),
    "the CLI's outline",
  );
  const cleanTitles = new Set(clean.sections.map((s) => s.title));
  const same = cli.sections.filter((s) => cleanTitles.has(s.title)).length;
  assert.ok(same / Math.max(cli.sections.length, clean.sections.length) >= 0.95, `the clean text's outline: ${same} of ${clean.sections.length} headings`);
  assert.equal(cli.indicators.length, clean.indicators.length, "the clean text's figures");
  // every highlight slices the pasted text as written
  for (const i of cli.indicators) assert.equal(pasted.slice(i.start, i.end), i.value_text);

  // The text as read, a view: the draft is untouched.
  await page.click('#layout-reflow');
  const reflowed = page.locator('#reflowed');
  await reflowed.waitFor({ state: 'visible' });
  assert.equal(await page.locator('#view').isVisible(), false);
  const read = await reflowed.textContent();
  const cliRead = (await promisify(execFile)(path.join(REPO, 'target', 'release', 'zhibiao'), ['reflow', PDF_COPY], { maxBuffer: 1 << 26 })).stdout;
  assert.equal(read, cliRead, 'the page shows what zhibiao reflow prints');
  assert.ok(!/\n— ?\d+ ?—\n|\n\d+\/\d+\n/.test(read), 'no page numbers in the text as read');
  assert.equal(await page.inputValue('#report-text'), pasted, 'the draft stays as pasted');
  assert.equal(await page.getAttribute('#layout-reflow', 'aria-pressed'), 'true');

  // English, and back to the annotated view
  await page.click('#lang-switch');
  assert.match(await page.locator('#layout-note-text').innerText(), /Read as text copied from a PDF: .*joined .* wrapped lines/);
  assert.equal(await page.locator('#layout-reflow').innerText(), 'Back to the annotated text');
  await page.click('#layout-reflow');
  assert.equal(await reflowed.isVisible(), false);
  assert.equal(await page.locator('#view').isVisible(), true);
  await page.click('#lang-switch');
  await page.close();
});

test('a web page copied whole: its menus and footer are no headings and no figures', async () => {
  const report = await readFile(CLEAN, 'utf8');
  const chrome = [
    '首页',
    '政务公开',
    '新闻中心',
    '登录',
    '繁體版',
    '首页 > 政务公开 > 政府工作报告',
    '来源：广州市人民政府办公厅　发布时间：2017-01-20 10:30　浏览次数：1234',
    '【打印】【关闭】',
  ];
  const footer = ['网站地图 | 联系我们', '版权所有：广州市人民政府办公厅', '粤ICP备05070829号', '公网安备 44010402000123号', '电话：020-83123456'];
  const text = `${chrome.join('\n')}\n${report
    .split('\n')
    .map((l) => `　　${l} `)
    .join('\n\n')}\n${footer.join('\n')}\n`;
  const file = path.join(scratch, 'web.txt');
  await writeFile(file, text);
  const cli = await cliAnnotate(file);
  const clean = await cliAnnotate(CLEAN);
  assert.equal(cli.layout.source, 'web');
  assert.equal(cli.layout.chrome.length, 2, JSON.stringify(cli.layout.chrome));

  const page = await openApp(context, server.url);
  await pasteText(page, text);
  await page.locator('#layout-note').waitFor({ state: 'visible' });
  assert.match(await page.locator('#layout-note-text').innerText(), /按从网页复制的文本阅读：略去网页的菜单和页脚（2 处）/);
  const shown = await shownAnnotation(page);
  assert.deepEqual(
    shown.outline.map((s) => s.title),
    clean.sections.map((s) => s.title),
  );
  assert.equal(shown.indicators.length, clean.indicators.length);
  await page.close();
});

test('clean text gets no note', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, '一、回顾\n全市地区生产总值增长8.1%。\n');
  assert.equal(await page.locator('#layout-note').isVisible(), false);
  await page.close();
});
