// The indicator table as people use it (issue 21): the search reads what a
// row shows unless asked to read the sentence too; "export these N rows"
// exports what the filters show, in the table's order; filters, search and
// sort come back with the draft after a reload; on a phone each row is a
// card with its value, unit, metric and status on screen; a file opened
// starts at its top.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DATA,
  artifactsDir,
  cliAnnotate,
  generation,
  launchBrowser,
  openApp,
  pasteText,
  requireWasmBuild,
  startServer,
  waitForAnnotation,
} from './harness.mjs';

const NAME = 'gz-2017-government-work-report.txt';
let server;
let context;
let text;
let cli;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
  text = await readFile(path.join(DATA, NAME), 'utf8');
  cli = await cliAnnotate(path.join(DATA, NAME));
});

after(async () => {
  await context?.close();
  await server?.stop();
});

const rowIds = (page) => page.$$eval('#indicator-table tbody tr', (rows) => rows.map((tr) => Number(tr.dataset.rowIndicatorId)));

test('the search reads the metric and the value; the sentence only when asked', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  await page.fill('#zb-filter-search', '失业率');
  const own = cli.indicators.filter((x) => (x.metric ?? '').includes('失业率') || x.value_text.includes('失业率'));
  assert.ok(own.length >= 1, 'the report has an unemployment figure');
  await page.waitForFunction((n) => document.querySelectorAll('#indicator-table tbody tr').length === n, own.length);
  assert.deepEqual(
    await rowIds(page),
    own.map((x) => x.id),
    'only rows whose metric says 失业率',
  );
  await page.locator('#zb-filter-near').check();
  await page.waitForFunction((n) => document.querySelectorAll('#indicator-table tbody tr').length > n, own.length);
  assert.match(await page.locator('#zb-filter-search').getAttribute('placeholder'), /上下文/);
  await page.close();
});

test('"export these N rows": the filtered rows, in the table order, as the CLI writes them', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  assert.equal(await page.locator('#export-rows').isHidden(), true, 'no filter: no such button');
  await page.selectOption('#zb-filter-status', 'target');
  await page.locator('#indicator-table th.zb-col-value button').click(); // sort by value
  const targets = cli.indicators.filter((x) => x.status === 'target');
  await page.locator('#export-rows').waitFor({ state: 'visible' });
  assert.match(await page.locator('#export-rows').innerText(), new RegExp(`导出这 ${targets.length.toLocaleString('en')} 行`));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-rows').click()]);
  const csv = (await readFile(await download.path())).subarray(3).toString('utf8');
  const lines = csv.split('\r\n').filter(Boolean);
  assert.equal(lines.length - 1, targets.length, 'a row per target');
  const ids = lines.slice(1).map((line) => Number(line.split(',')[1]));
  const byValue = [...targets].sort((a, b) => (a.value == null) - (b.value == null) || (a.value ?? 0) - (b.value ?? 0) || a.id - b.id).map((x) => x.id);
  assert.deepEqual(ids, byValue, 'in the order the table shows them');
  await page.close();
});

test('filters, search and sort come back with the draft after a reload', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  await page.selectOption('#zb-filter-status', 'actual');
  await page.fill('#zb-filter-search', '增长');
  await page.locator('#indicator-table th.zb-col-metric button').click();
  await page.waitForTimeout(500); // saved after a pause
  const before = await rowIds(page);
  assert.ok(before.length > 0);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'ready');
  await page.waitForFunction(() => document.querySelectorAll('#indicator-table tbody tr').length > 0);
  assert.equal(await page.locator('#zb-filter-status').inputValue(), 'actual');
  assert.equal(await page.locator('#zb-filter-search').inputValue(), '增长');
  assert.equal(await page.locator('#indicator-table th.zb-col-metric').getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await rowIds(page), before);
  assert.equal(await page.locator('#export-rows').isVisible(), true);
  // cleared for the next tests of this browser
  await page.selectOption('#zb-filter-status', '');
  await page.fill('#zb-filter-search', '');
  await page.locator('#indicator-table th.zb-col-id button').click();
  await page.waitForTimeout(500);
  await page.close();
});

test('on a phone each row is a card: value, unit, metric and status on screen, nothing to scroll sideways', async () => {
  const page = await openApp(context, server.url, { viewport: { width: 390, height: 844 } });
  await pasteText(page, text);
  await page.locator('#indicator-table').scrollIntoViewIfNeeded();
  const box = await page.evaluate(() => {
    const scroll = document.querySelector('.zb-table-scroll');
    return { scrollWidth: scroll.scrollWidth, clientWidth: scroll.clientWidth, doc: document.documentElement.scrollWidth, inner: innerWidth };
  });
  assert.ok(box.scrollWidth <= box.clientWidth + 1, `the table is ${box.scrollWidth}px wide in a ${box.clientWidth}px box`);
  assert.ok(box.doc <= box.inner, `the page is ${box.doc}px wide in a ${box.inner}px window`);
  const cells = await page.$$eval('#indicator-table tbody tr:nth-child(-n+10)', (rows) =>
    rows.map((tr) =>
      ['value', 'unit', 'metric', 'status'].map((key) => {
        const td = tr.querySelector(`td.zb-col-${key}`);
        const r = td.getBoundingClientRect();
        return {
          key,
          visible: getComputedStyle(td).display !== 'none' && r.width > 0,
          left: r.left,
          right: r.right,
          label: getComputedStyle(td, '::before').content,
        };
      }),
    ),
  );
  for (const row of cells) {
    for (const c of row) {
      assert.ok(c.visible && c.left >= 0 && c.right <= box.inner, `${c.key} at ${c.left}–${c.right} in ${box.inner}px`);
      if (c.key !== 'metric') assert.notEqual(c.label, 'none', `${c.key} is labelled`);
    }
  }
  await page.screenshot({ path: path.join(await artifactsDir(), 'table-phone.png') });
  await page.close();
});

test('a file opened after a long text starts at its top', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  await page.locator('#report-text').evaluate((box) => {
    box.scrollTop = box.scrollHeight;
  });
  const before = await generation(page);
  await page.locator('#file-input').setInputFiles(path.join(DATA, 'gz-2016-party-plenary-report.txt'));
  await waitForAnnotation(page, before);
  assert.equal(await page.locator('#report-text').evaluate((box) => box.scrollTop), 0);
  await page.close();
});

test('a reader corrects an indicator: marked, kept with the draft, exported with a flag; reverted, gone', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  const ind = cli.indicators[3];
  const row = page.locator(`#indicator-table tr[data-row-indicator-id="${ind.id}"]`);
  await row.locator('.zb-edit').click();
  await page.locator('#zb-edit-metric').fill('读者更正的指标');
  await page.selectOption('#zb-edit-status', 'target');
  await page.locator('#zb-edit-value').fill('9.75');
  await page.locator('.zb-edit-form button[type=submit]').click();
  await page.waitForFunction((id) => document.querySelector(`#indicator-table tr[data-row-indicator-id="${id}"]`)?.classList.contains('zb-edited'), ind.id);
  assert.equal(await row.locator('td.zb-col-metric').innerText(), '读者更正的指标');
  assert.match(await row.getAttribute('title'), new RegExp(`原为：${ind.metric}`));
  // the CSV: the corrected fields, and an edited column
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  const lines = (await readFile(await download.path())).subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  assert.ok(lines[0].endsWith(',context,edited'), lines[0]);
  assert.equal(lines.length - 1, cli.indicators.length);
  const corrected = lines.find((l) => l.split(',')[1] === String(ind.id));
  assert.ok(corrected.endsWith(',true') && corrected.includes(',9.75,') && corrected.includes(',target,') && corrected.includes('读者更正的指标'), corrected);
  assert.equal(lines.filter((l) => l.endsWith(',true')).length, 1);
  // the JSON: edited, with the engine's fields in original
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8')).indicators[ind.id];
  assert.equal(exported.edited, true);
  assert.deepEqual([exported.metric, exported.status, exported.value], ['读者更正的指标', 'target', 9.75]);
  assert.deepEqual([exported.original.metric, exported.original.status, exported.original.value], [ind.metric, ind.status, ind.value]);
  // kept with the draft
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'ready');
  await page.waitForFunction((id) => document.querySelector(`#indicator-table tr[data-row-indicator-id="${id}"]`)?.classList.contains('zb-edited'), ind.id);
  // reverted: the engine's values, and the CSV is the CLI's again
  await row.locator('.zb-edit').click();
  await page.locator('.zb-edit-form button', { hasText: '恢复原值' }).click();
  await page.waitForFunction((id) => !document.querySelector(`#indicator-table tr[data-row-indicator-id="${id}"]`).classList.contains('zb-edited'), ind.id);
  assert.equal(await row.locator('td.zb-col-metric').innerText(), ind.metric ?? '—');
  const [again] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  assert.ok((await readFile(await again.path(), 'utf8')).split('\r\n')[0].endsWith(',context'));
  assert.deepEqual(page.log.errors, []);
  await page.close();
});
