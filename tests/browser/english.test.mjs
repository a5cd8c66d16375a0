// English (issue 20): in English the page shows the glossary's English of
// each metric and unit (the table, the popover, the highlights' labels, the
// comparison's metrics and reasons) and its exports carry it as
// `zhibiao ... --english` writes it; in Chinese nothing of it shows or is
// exported. The element shows it when its language is English.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  cliOutput,
  DATA,
  generation,
  launchBrowser,
  openApp,
  requestsOffOrigin,
  requireWasmBuild,
  setCompareTexts,
  startServer,
  waitForAnnotation,
} from './harness.mjs';

const NAME = 'gz-2017-government-work-report.txt';
const OLD = path.join(DATA, 'national', 'national-2016.txt');
const NEW = path.join(DATA, 'compare', 'national-2017-excerpt.txt');
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

async function downloaded(page, buttonId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(buttonId).click()]);
  return readFile(await download.path(), 'utf8');
}

/** The metric cells of the indicator table, as shown. */
const metricCells = (page) => page.$$eval('#indicator-table tbody td.zb-col-metric', (tds) => tds.map((td) => td.textContent));

/** Switches the page to `lang` ('en' or 'zh'; the choice is kept between pages). */
async function useLanguage(page, lang) {
  if ((await page.evaluate(() => document.documentElement.lang)).startsWith(lang)) return;
  await page.locator('#lang-switch').click();
  await page.waitForFunction((want) => document.documentElement.lang.startsWith(want), lang);
}

test('annotate mode: the table, the popover and the labels show the English; the exports carry it only in English', async () => {
  const page = await openApp(context, server.url);
  await useLanguage(page, 'zh');
  const before = await generation(page);
  await page.locator('#load-sample').click();
  assert.equal(await waitForAnnotation(page, before), 'ready');
  const plainCells = await metricCells(page);
  assert.ok(plainCells.includes('地区生产总值') && !plainCells.some((c) => c.includes('GDP')), 'Chinese: the metric as written');

  await page.locator('#lang-switch').click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#indicator-table tbody td.zb-col-metric')].some((td) => td.textContent === 'GDP (地区生产总值)'),
  );
  const cells = await metricCells(page);
  assert.equal(cells.length, plainCells.length);
  // every cell is the Chinese, or its English with the Chinese after it
  cells.forEach((cell, k) => assert.ok(cell === plainCells[k] || cell.endsWith(` (${plainCells[k]})`), `${cell} / ${plainCells[k]}`));

  // the CLI's English for the same file, indicator by indicator
  const cli = JSON.parse(await cliOutput(['annotate', '--english', NAME], { cwd: DATA }));
  const gdp = cli.indicators.find((x) => x.metric === '地区生产总值' && x.unit === '%');
  assert.equal(gdp.metric_en, 'GDP');
  const mark = page.locator(`#view [data-indicator-id="${gdp.id}"]`);
  assert.match(await mark.getAttribute('aria-label'), /GDP/);
  await mark.focus();
  const popover = page.locator('.zb-details:not([hidden])');
  await popover.waitFor();
  assert.match(await popover.innerText(), /GDP \(地区生产总值\)/);
  // an amount: its unit in English, in the value and in the unit row
  const yuan = cli.indicators.find((x) => x.unit === '元' && x.metric_en);
  await page.locator(`#view [data-indicator-id="${yuan.id}"]`).focus();
  await page.waitForFunction((id) => document.querySelector('.zb-details:not([hidden])')?.textContent.includes(`#${id}`) ?? false, yuan.id).catch(() => {});
  const yuanText = await page.locator('.zb-details:not([hidden])').innerText();
  assert.match(yuanText, /yuan/);
  assert.ok(yuanText.includes(`${yuan.metric_en} (${yuan.metric})`), yuanText);

  // the search reads the English too
  const search = page.locator('#indicator-table input[type="search"]');
  await search.fill('gdp');
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('#indicator-table tbody td.zb-col-metric')];
    return cells.length > 0 && cells.every((td) => /GDP|生产总值/.test(td.textContent));
  });
  await search.fill('');
  await page.waitForFunction((n) => document.querySelectorAll('#indicator-table tbody td.zb-col-metric').length === n, cells.length);

  // exports in English: the CLI's --english bytes and fields
  const csv = await downloaded(page, '#export-csv');
  assert.equal(csv, '\uFEFF' + (await cliOutput(['annotate', '--format', 'csv', '--english', NAME], { cwd: DATA })));
  const json = JSON.parse(await downloaded(page, '#export-json'));
  assert.deepEqual(
    json.indicators.map((x) => [x.metric_en, x.unit_en]),
    cli.indicators.map((x) => [x.metric_en, x.unit_en]),
  );

  // back in Chinese: no English shown or exported
  await useLanguage(page, 'zh');
  assert.deepEqual(await metricCells(page), plainCells);
  assert.equal(await downloaded(page, '#export-csv'), '\uFEFF' + (await cliOutput(['annotate', '--format', 'csv', NAME], { cwd: DATA })));
  const plainJson = JSON.parse(await downloaded(page, '#export-json'));
  assert.ok(plainJson.indicators.every((x) => !('metric_en' in x) && !('unit_en' in x)));
  assert.deepEqual(page.log.errors, []);
  assert.deepEqual(requestsOffOrigin(page, server.origin), []);
  await page.close();
});

test('compare mode: metrics and reasons in English, and the CSV of `compare --english`', async () => {
  const page = await openApp(context, server.url);
  await useLanguage(page, 'en');
  await page.locator('#tab-compare').click();
  await page.waitForFunction(() => document.documentElement.dataset.zbMode === 'compare');
  const [oldText, newText] = await Promise.all([readFile(OLD, 'utf8'), readFile(NEW, 'utf8')]);
  await setCompareTexts(page, oldText, newText);
  await page.waitForFunction(() => [...document.querySelectorAll('#compare-table .zb-pair-metric')].some((m) => m.textContent.startsWith('GDP (')));
  const cli = JSON.parse(await cliOutput(['compare', OLD, NEW]));
  const shown = await page.$$eval('#compare-table tbody tr', (trs) =>
    trs.map((tr) => ({ metric: tr.querySelector('.zb-pair-metric').textContent, reason: tr.querySelector('.zb-reason-text').textContent })),
  );
  // a reason with a unit the glossary knows has it in English
  const withUnit = cli.pairs.findIndex((p) => p.reason.includes(' 亿元') || p.reason.includes(' 万人'));
  if (withUnit >= 0 && withUnit < shown.length) assert.doesNotMatch(shown[withUnit].reason, / 亿元| 万人/);
  const csv = await downloaded(page, '#compare-export-csv');
  assert.equal(csv, '\uFEFF' + (await cliOutput(['compare', '--format', 'csv', '--english', OLD, NEW])));
  // the JSON: each target with the English `annotate --english` gives it
  const json = JSON.parse(await downloaded(page, '#compare-export-json'));
  const old = JSON.parse(await cliOutput(['annotate', '--english', OLD]));
  assert.deepEqual(
    json.pairs.map((p) => p.target.metric_en),
    cli.pairs.map((p) => old.indicators[p.target.id].metric_en),
  );
  assert.ok(json.pairs.some((p) => p.target.metric_en === 'GDP'));
  assert.deepEqual(page.log.errors, []);
  await page.close();
});

test('the element in English shows the English in its popover', async () => {
  const page = await openApp(context, new URL('embed.html', server.url).href);
  const element = page.locator('zhibiao-annotator');
  await page.waitForFunction(() => document.querySelector('zhibiao-annotator')?.result != null);
  await element.evaluate((el) => {
    el.__done = new Promise((resolve) => el.addEventListener('zhibiao-annotated', resolve, { once: true }));
    el.setAttribute('language', 'en');
    el.text = '全市地区生产总值增长8.1%，城镇调查失业率5.5%左右。';
  });
  await element.evaluate((el) => el.__done);
  const glossed = await element.evaluate((el) => el.result.indicators.map((x) => x.metric_en));
  assert.deepEqual(glossed, ['GDP', 'surveyed urban unemployment rate']);
  await element.evaluate((el) => el.shadowRoot.querySelector('[data-indicator-id="1"]').focus());
  const popover = await element.evaluate((el) => el.shadowRoot.querySelector('.zb-details').textContent);
  assert.match(popover, /surveyed urban unemployment rate \(城镇调查失业率\)/);
  assert.deepEqual(page.log.errors, []);
  await page.close();
});
