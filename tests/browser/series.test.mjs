// Series mode (系列 / Series): the 26 national reports opened at once are
// read in the worker with a progress bar; the reports list, the metrics ×
// years table, the chart of GDP growth targets against results, and the
// exports (the long and the joined table as the CLI's CSV, JSON, the chart
// as PNG), in both languages, with nothing fetched from another origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { DATA, REPO, launchBrowser, openApp, requestsOffOrigin, requireWasmBuild, startServer } from './harness.mjs';

const run = promisify(execFile);
const NATIONAL = path.join(DATA, 'national');
let server;
let context;
let files;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
  files = (await readdir(NATIONAL)).filter((f) => f.endsWith('.txt')).sort();
});

after(async () => {
  await context?.close();
  await server?.stop();
});

/** `zhibiao series [--joined] FILE…` run in the reports' folder, so that its `source` column is the bare file name, as the page's. */
async function cliSeries(joined, format = 'csv', { english = false } = {}) {
  const cli = path.join(REPO, 'target', 'release', 'zhibiao');
  const args = ['series', '--format', format, ...(joined ? ['--joined'] : []), ...(english ? ['--english'] : []), ...files];
  const { stdout } = await run(cli, args, { cwd: NATIONAL, maxBuffer: 256 << 20 });
  return stdout;
}

async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

async function openSeries(page) {
  await page.locator('#tab-series').click();
  await page.waitForSelector('html[data-zb-mode="series"]');
  await page.locator('#series-files').setInputFiles(files.map((f) => path.join(NATIONAL, f)));
  await page.waitForSelector('html[data-zb-series="ready"]', { timeout: 120_000 });
}

test('26 reports: the reports list, the table, the GDP chart', async () => {
  const page = await openApp(context, server.url);
  await page.locator('#tab-series').click();
  await page.waitForSelector('html[data-zb-mode="series"]');
  // progress is shown while reading
  const sawProgress = page.waitForSelector('#series-progress:not([hidden])', { timeout: 60_000 });
  await page.locator('#series-files').setInputFiles(files.map((f) => path.join(NATIONAL, f)));
  await sawProgress;
  await page.waitForSelector('html[data-zb-series="ready"]', { timeout: 120_000 });
  assert.ok(await page.locator('#series-progress').isHidden(), 'the progress bar goes once done');
  assert.match(await page.locator('#series-status').innerText(), /已读入 26 份报告/);

  const reports = await page.locator('#series-reports tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.equal(reports.length, 26);
  assert.deepEqual(
    reports.map((r) => r[0]),
    files,
  );
  // each report's issuer and year as the CLI reads them (its rows say)
  const cli = new Map(
    (await cliSeries(false, 'jsonl'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((r) => [r.source, [r.issuer, r.report_year]]),
  );
  for (const [file, issuer, year] of reports) {
    const [cliIssuer, cliYear] = cli.get(file);
    assert.equal(issuer, cliIssuer ?? '未知', `${file}: issuer`);
    assert.equal(year, cliYear == null ? '未知' : String(cliYear), `${file}: year`);
  }
  assert.ok(reports.filter((r) => r[1] === '国务院').length >= 24, 'the State Council is told as the issuer of nearly every report');

  assert.equal(await page.locator('#series-issuer').inputValue(), '国务院');
  assert.equal(await page.locator('#series-metric').inputValue(), '生产总值', 'GDP growth is charted first');
  // the chart: a canvas with pixels, labelled, and its figures in words
  const drawn = await page.locator('#series-chart canvas').evaluate((canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]) painted++;
    return { width: canvas.width, painted };
  });
  assert.ok(drawn.width > 200 && drawn.painted > 1000, `the chart is drawn (${JSON.stringify(drawn)})`);
  assert.match(await page.locator('#series-chart').getAttribute('aria-label'), /生产总值/);
  const note = await page.locator('#series-chart-note').innerText();
  for (const part of ['2016：目标 6.5–7%', '2017：结果 6.9%', '2024：目标 ≈5%', '2023：结果 5.2%', '2012：目标 7.5%']) {
    assert.ok(note.includes(part), `the chart's figures include ${part}: ${note}`);
  }

  // the table: GDP's row, a cell with its target, choosing another row charts it
  const gdp = page.locator('#series-table tbody tr[data-metric="生产总值"]');
  assert.equal(await gdp.getAttribute('aria-current'), 'true');
  const header = await page.locator('#series-table thead th').allInnerTexts();
  const col = header.indexOf('2016');
  assert.ok(col > 0, 'a column for 2016');
  assert.match(
    await gdp
      .locator('td')
      .nth(col - 1)
      .innerText(),
    /目标 6\.5–7%/,
  );
  const other = page.locator('#series-table tbody tr').nth(1);
  const otherKey = await other.getAttribute('data-metric');
  await other.click();
  assert.equal(await page.locator('#series-metric').inputValue(), otherKey);
  assert.match(await page.locator('#series-chart').getAttribute('aria-label'), new RegExp(otherKey));

  // English
  await page.locator('#lang-switch').click();
  assert.match(await page.locator('#series-status').innerText(), /^26 reports/);
  assert.equal((await page.locator('#series-table thead th').first().innerText()).trim(), 'Metric');
  // the metric keys in English where the glossary knows them, the Chinese after
  await page.waitForFunction(() => [...document.querySelectorAll('#series-table tbody th')].some((th) => th.textContent === 'GDP (生产总值) (%)'));
  assert.match(await page.locator('#series-metric option:checked').innerText(), /^[a-zA-Z][^(]* \(\p{Script=Han}+\) \(/u);
  assert.deepEqual(requestsOffOrigin(page, server.origin), []);
  assert.deepEqual(page.log.errors, []);
  await page.close();
});

test('exports: the long and the joined table are the CLI’s, the JSON its rows, the chart a PNG', async () => {
  const page = await openApp(context, server.url);
  // in Chinese first (the test before leaves English saved)
  if ((await page.evaluate(() => document.documentElement.lang)).startsWith('en')) await page.locator('#lang-switch').click();
  await openSeries(page);
  const strip = (bytes) => bytes.toString('utf8').replace(/^\uFEFF/, '');
  const csv = await downloaded(page, '#series-export-csv');
  assert.equal(csv.name, 'zhibiao-series-26.csv');
  assert.equal(strip(csv.bytes), await cliSeries(false));
  const joined = await downloaded(page, '#series-export-joined');
  assert.equal(strip(joined.bytes), await cliSeries(true));
  const json = JSON.parse((await downloaded(page, '#series-export-json')).bytes.toString('utf8'));
  const cliRows = (await cliSeries(false, 'jsonl'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.deepEqual(json, cliRows, 'the rows of `zhibiao series --format jsonl`');
  assert.deepEqual(Object.keys(json[0]).slice(0, 6), ['source', 'report', 'issuer', 'report_year', 'year', 'metric']);
  const png = await downloaded(page, '#series-export-png');
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.bytes.length > 5000, 'the PNG holds a drawn chart');

  // in English: `zhibiao series --english`'s bytes and rows
  if (!(await page.evaluate(() => document.documentElement.lang)).startsWith('en')) await page.locator('#lang-switch').click();
  assert.equal(strip((await downloaded(page, '#series-export-csv')).bytes), await cliSeries(false, 'csv', { english: true }));
  assert.equal(strip((await downloaded(page, '#series-export-joined')).bytes), await cliSeries(true, 'csv', { english: true }));
  const englishRows = (await cliSeries(false, 'jsonl', { english: true }))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.deepEqual(JSON.parse((await downloaded(page, '#series-export-json')).bytes.toString('utf8')), englishRows);
  // and back in Chinese, none of it
  await page.locator('#lang-switch').click();
  assert.deepEqual(JSON.parse((await downloaded(page, '#series-export-json')).bytes.toString('utf8')), cliRows);
  assert.equal(strip((await downloaded(page, '#series-export-csv')).bytes), await cliSeries(false));
  assert.deepEqual(page.log.errors, []);
  await page.close();
});

test('before any report: nothing to export, and the buttons say why', async () => {
  const page = await openApp(context, server.url);
  // in Chinese (an earlier test may have left English saved)
  if ((await page.evaluate(() => document.documentElement.lang)) === 'en') await page.locator('#lang-switch').click();
  await page.locator('#tab-series').click();
  await page.waitForSelector('html[data-zb-mode="series"]');
  assert.equal(await page.locator('#series-export-csv').getAttribute('aria-disabled'), 'true');
  await page.locator('#series-export-csv').click({ force: true });
  assert.match(await page.locator('#series-message').innerText(), /还没有可以导出的系列/);
  assert.match(await page.locator('#series-status').innerText(), /还没有报告/);
  assert.deepEqual(page.log.errors, []);
  await page.close();
});
