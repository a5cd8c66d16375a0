// Printing (issue 20): the report prints with its highlights (colours kept)
// and the legend, the outline open, the whole indicator table (not the
// first page of rows the screen shows) and no controls; every scroll box
// at its full length. Then Chromium prints it to PDF.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA, cliAnnotate, launchBrowser, openApp, pasteText, requireWasmBuild, startServer } from './harness.mjs';

const FILE = path.join(DATA, 'gz-2017-government-work-report.txt');
let server;
let context;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
});

after(async () => {
  await context?.close();
  await server?.stop();
});

test('print: highlights kept, the whole table, the outline open, no controls', async () => {
  const cli = await cliAnnotate(FILE);
  assert.ok(cli.indicators.length > 100, 'more figures than one page of table rows');
  const page = await openApp(context, server.url, { viewport: { width: 420, height: 800 } });
  await pasteText(page, await readFile(FILE, 'utf8'));
  const screenRows = await page.locator('#indicator-table tbody tr').count();
  assert.ok(screenRows < cli.indicators.length, `the screen shows a page of rows (${screenRows})`);

  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const printed = await page.evaluate(() => {
    const visible = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
    const view = document.getElementById('view');
    const mark = view.querySelector('[data-indicator-id]');
    const scrollBoxes = [view, document.getElementById('outline'), document.querySelector('.zb-table-scroll')];
    return {
      rows: document.querySelectorAll('#indicator-table tbody tr').length,
      outlineOpen: document.getElementById('outline-panel').open,
      clipped: scrollBoxes.filter((el) => el && el.scrollHeight > el.clientHeight + 1).map((el) => el.id || el.className),
      controls: ['export-csv', 'open-file', 'report-text', 'lang-switch', 'tab-compare', 'zb-filter-search'].filter((id) =>
        visible(document.getElementById(id)),
      ),
      legend: visible(document.getElementById('legend')),
      highlight: mark && getComputedStyle(mark).backgroundColor,
      adjust: mark && getComputedStyle(mark).printColorAdjust,
    };
  });
  assert.equal(printed.rows, cli.indicators.length, 'every indicator is a table row on paper');
  assert.equal(printed.outlineOpen, true, 'the outline prints open (the phone layout closes it)');
  assert.deepEqual(printed.clipped, [], 'no scroll box is cut off');
  assert.deepEqual(printed.controls, [], 'no controls on paper');
  assert.ok(printed.legend, 'the legend prints');
  assert.ok(printed.highlight && printed.highlight !== 'rgba(0, 0, 0, 0)', `highlights keep their colour (${printed.highlight})`);
  assert.equal(printed.adjust, 'exact');

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.ok(pdf.length > 50_000 && pdf.subarray(0, 5).toString() === '%PDF-', `a PDF (${pdf.length} bytes)`);

  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('#indicator-table tbody tr').count(), screenRows, 'the screen shows a page of rows again');
  await page.close();
});
