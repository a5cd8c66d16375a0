// Exports: the CSV download is the CLI's CSV with a UTF-8 byte-order mark in
// front; the JSON download is the CLI's JSON; copying puts the same on the
// clipboard.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DATA,
  cliAnnotate,
  cliCsv,
  generation,
  launchBrowser,
  openApp,
  pasteText,
  requestsOffOrigin,
  requireWasmBuild,
  startServer,
  waitForAnnotation,
} from './harness.mjs';

const NAME = 'gz-2017-government-work-report.txt';
let server;
let context;

before(async () => {
  requireWasmBuild();
  server = await startServer({ base: '/a/b/' });
  context = await launchBrowser();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

after(async () => {
  await context?.close();
  await server?.stop();
});

/** Opens the page and loads the bundled sample (the same file as tests/data's). */
async function withSample() {
  const page = await openApp(context, server.url);
  const before = await generation(page);
  await page.locator('#load-sample').click();
  assert.equal(await waitForAnnotation(page, before), 'ready');
  return page;
}

async function downloaded(page, buttonId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(buttonId).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(file) };
}

test('the bundled sample is the corpus file', async () => {
  const sample = await readFile(path.join(DATA, '..', '..', 'www', 'samples', NAME));
  assert.deepEqual(sample, await readFile(path.join(DATA, NAME)));
});

test('CSV download: UTF-8 with BOM, same rows as `zhibiao annotate --format csv`', async () => {
  const page = await withSample();
  const { name, bytes } = await downloaded(page, '#export-csv');
  assert.equal(name, 'gz-2017-government-work-report.zhibiao.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 byte-order mark');
  const csv = bytes.subarray(3).toString('utf8');
  // The CLI names the file as given on its command line: run it from DATA.
  const expected = await cliCsv(NAME, { cwd: DATA });
  const lines = csv.split('\r\n');
  assert.equal(lines[0], 'file,id,start,end,value_text,value,value_max,unit,kind,direction,comparator,status,horizon,metric,year,section,section_path,context');
  const cli = await cliAnnotate(path.join(DATA, NAME));
  assert.equal(lines.length - 2, cli.indicators.length, 'one row per indicator');
  assert.equal(csv, expected, 'identical to the CLI CSV');
  assert.deepEqual(requestsOffOrigin(page, server.origin), []);
  await page.close();
});

test('JSON download equals the CLI JSON', async () => {
  const page = await withSample();
  const { name, bytes } = await downloaded(page, '#export-json');
  assert.equal(name, 'gz-2017-government-work-report.zhibiao.json');
  const json = JSON.parse(bytes.toString('utf8'));
  assert.deepEqual(json, await cliAnnotate(path.join(DATA, NAME)));
  await page.close();
});

test('Web Annotation download: one W3C Annotation per indicator, whose selectors find the figure again', async () => {
  const page = await withSample();
  const { name, bytes } = await downloaded(page, '#export-web-annotations');
  assert.equal(name, 'gz-2017-government-work-report.zhibiao.jsonld');
  const collection = JSON.parse(bytes.toString('utf8'));
  const cli = await cliAnnotate(path.join(DATA, NAME));
  const text = await readFile(path.join(DATA, NAME), 'utf8');
  const chars = [...text]; // code points, as the model counts
  assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(collection.type, 'AnnotationCollection');
  assert.equal(collection.total, cli.indicators.length);
  assert.equal(collection.first.items.length, cli.indicators.length);
  collection.first.items.forEach((item, k) => {
    assert.equal(item.type, 'Annotation');
    assert.match(item.id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(chars.slice(position.start, position.end).join(''), quote.exact);
    assert.equal(quote.exact, cli.indicators[k].value_text);
    assert.ok(chars.slice(0, position.start).join('').endsWith(quote.prefix) && chars.slice(position.end).join('').startsWith(quote.suffix));
    const fields = JSON.parse(item.body.find((b) => b.format === 'application/json').value);
    assert.deepEqual(fields, cli.indicators[k]);
  });
  // the same text gives the same identifiers: a tool that imports it twice sees one set
  const again = JSON.parse((await downloaded(page, '#export-web-annotations')).bytes.toString('utf8'));
  assert.deepEqual(again, collection);
  assert.deepEqual(requestsOffOrigin(page, server.origin), []);
  await page.close();
});

test('copy CSV and JSON to the clipboard', async () => {
  const page = await withSample();
  await page.locator('#copy-json').click();
  await page.locator('#export-message').waitFor({ state: 'visible' });
  const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual(json, await cliAnnotate(path.join(DATA, NAME)));
  await page.locator('#copy-csv').click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith('file,id,'));
  const csv = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(csv.split('\r\n').length - 2, json.indicators.length);
  await page.close();
});

test('exporting with nothing annotated says so instead of saving an empty file', async () => {
  const page = await openApp(context, server.url);
  await page.locator('#clear-text').click();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'empty');
  // the buttons say there is nothing to export; a press says why
  for (const id of ['export-csv', 'export-json', 'export-web-annotations', 'copy-csv', 'copy-json']) {
    assert.equal(await page.locator(`#${id}`).getAttribute('aria-disabled'), 'true', id);
  }
  await page.locator('#export-csv').click({ force: true });
  assert.match(await page.locator('#export-message').innerText(), /还没有标注结果/);
  // the message is said again in the other language
  await page.locator('#lang-switch').click();
  assert.equal(await page.locator('#export-message').innerText(), 'There is no annotation to export yet.');
  await page.locator('#lang-switch').click();
  await page.locator('#load-sample').click();
  await page.waitForFunction(() => document.getElementById('export-csv').getAttribute('aria-disabled') === 'false');
  await page.close();
});

test('a 245 KB sentence of figures: the table search answers and the CSV is linear, with no formula cell', async () => {
  // Issue 17: this text crashed the tab on Export CSV and on the first key
  // in the table search (each row held its whole sentence: ~10 GB).
  const text = '=1+1全市地区生产总值增长8.1%，'.repeat(9000);
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  await page.fill('#zb-filter-search', '生产总值');
  await page.waitForFunction(() => /\d+ \/ \d+/.test(document.querySelector('.zb-table-summary').textContent));
  const { bytes } = await downloaded(page, '#export-csv');
  const ratio = bytes.length / Buffer.byteLength(text, 'utf8');
  assert.ok(ratio <= 50, `the CSV is ${ratio.toFixed(1)} times the text`);
  const csv = bytes.subarray(3).toString('utf8');
  assert.ok(csv.split('\r\n').length > 9000, 'a row per figure');
  assert.ok(!/(^|,)[=+@]/m.test(csv), 'no field begins with = + or @ outside quotes');
  assert.ok(csv.includes(',"\'=1+1全市地区生产总值增长8.1%'), 'the formula is kept as text after a quote');
  assert.deepEqual(page.log.errors, []);
  await page.close();
});

test('every export answers from the worker as from the page thread (a long text goes to the worker)', async () => {
  const page = await openApp(context, server.url);
  const answers = await page.evaluate(async () => {
    const { Annotator } = await import('./engine/annotator.js');
    const text = '一、回顾\n全市地区生产总值增长8.1%，城镇登记失业率控制在3.5%以内，新增就业30万人。\n';
    const fix = { ids: [1], metrics: ['登记失业率'], statuses: ['target'], values: [3.4] };
    // Each request races a 10 s timer: a request the worker drops would
    // otherwise wait for the client's 60 s timeout.
    const within = (promise) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 10 s')), 10_000))]);
    const out = {};
    for (const mainThread of [true, false]) {
      const annotator = new Annotator(undefined, { mainThread });
      const side = mainThread ? 'here' : 'worker';
      out[side] = {
        csv: await within(annotator.exportCsv(text, 'r.txt')),
        rows: await within(annotator.exportCsvRows(text, 'r.txt', [2, 0])),
        corrected: await within(annotator.exportCsvCorrected(text, 'r.txt', [0, 1, 2], fix)),
        web: JSON.stringify(await within(annotator.exportWebAnnotations(text, 'urn:x'))),
        reflow: await within(annotator.reflow(text)),
      };
      annotator.terminate();
    }
    return out;
  });
  assert.deepEqual(answers.worker, answers.here);
  const rows = answers.worker.rows.trim().split('\n');
  assert.equal(rows.length, 3, 'the header and the two rows asked for');
  assert.match(rows[1], /30万人/, 'row 2 (30万人) first, as asked');
  assert.match(answers.worker.corrected, /登记失业率/, 'the corrected metric is in the CSV');
  assert.deepEqual(page.log.errors, []);
  await page.close();
});
