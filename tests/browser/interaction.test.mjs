// Details popover, outline navigation, the indicators table (sorting,
// filters, search, rows that lead to the text) and the keyboard path.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA, cliAnnotate, launchBrowser, openApp, pasteText, requestsOffOrigin, requireWasmBuild, startServer } from './harness.mjs';

const FILE = path.join(DATA, 'gz-2017-government-work-report.txt');
let server;
let context;
let cli;
let text;

before(async () => {
  requireWasmBuild();
  server = await startServer();
  context = await launchBrowser();
  cli = await cliAnnotate(FILE);
  text = await readFile(FILE, 'utf8');
  assert.ok(cli.indicators.length > 50, "the CLI finds the report's indicators");
});

after(async () => {
  await context?.close();
  await server?.stop();
});

async function annotatedPage() {
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  return page;
}

/** A large money figure: its details must show grouping and magnitude. */
function knownIndicator() {
  return cli.indicators.find((x) => x.value_text === '1.95万亿元') ?? cli.indicators.find((x) => x.value >= 1e8 && x.unit === '元');
}

function sectionTitles(id) {
  const titles = [];
  for (let s = id; s != null; s = cli.sections[s].parent) titles.unshift(cli.sections[s].title);
  return titles;
}

test('hovering a highlight shows value with separators and magnitude, unit, status, metric, year and section path', async () => {
  const ind = knownIndicator();
  assert.ok(ind, 'the report has a large 元 figure');
  const page = await annotatedPage();
  const mark = page.locator(`#view [data-indicator-id="${ind.id}"]`);
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  const popover = page.locator('.zb-details');
  await popover.waitFor({ state: 'visible' });
  const shown = await popover.innerText();
  const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 }).format(ind.value);
  assert.ok(grouped.includes(','), `${grouped} has thousands separators`);
  assert.ok(shown.includes(ind.value_text), `shows ${ind.value_text}: ${shown}`);
  assert.ok(shown.includes(`${grouped} ${ind.unit}`), `shows ${grouped} ${ind.unit}: ${shown}`);
  if (ind.value_text === '1.95万亿元') assert.ok(shown.includes('1.95万亿元') && shown.includes('1.95 trillion'), shown);
  const statusName = { actual: '实际', estimate: '预计', target: '目标' }[ind.status];
  assert.ok(shown.includes(statusName) && shown.includes(ind.status), `status ${ind.status} in both languages`);
  if (ind.metric) assert.ok(shown.includes(ind.metric), 'metric');
  if (ind.year != null) assert.ok(shown.includes(String(ind.year)), 'year');
  for (const title of sectionTitles(ind.section)) assert.ok(shown.includes(title), `section path has ${title}`);
  assert.equal(await mark.getAttribute('aria-describedby'), await popover.getAttribute('id'));
  await page.close();
});

test('keyboard: Tab reaches the highlights, focus shows details, Enter pins, Escape closes', async () => {
  const page = await annotatedPage();
  await page.locator('#view').focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.dataset.indicatorId ?? null);
  assert.equal(focused, String(cli.indicators[0].id), 'Tab from the view goes to the first highlight');
  const popover = page.locator('.zb-details');
  await popover.waitFor({ state: 'visible' });
  assert.ok((await popover.innerText()).includes(cli.indicators[0].value_text));
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(':focus').getAttribute('aria-expanded'), 'true', 'Enter pins the details');
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.indicatorId ?? null), focused, 'focus returns to the highlight');
  await page.close();
});

test('clicking an outline entry scrolls to its heading and focuses it', async () => {
  const page = await annotatedPage();
  const target = cli.sections[cli.sections.length - 1];
  await page.locator(`#outline [data-outline-section-id="${target.id}"]`).click();
  await page.waitForFunction((id) => document.activeElement?.dataset.sectionId === String(id), target.id);
  const heading = page.locator(`#view [data-section-id="${target.id}"]`);
  await page.waitForFunction(
    (id) => {
      const el = document.querySelector(`#view [data-section-id="${id}"]`);
      const view = document.getElementById('view').getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
    },
    target.id,
    { timeout: 5000 },
  );
  assert.ok((await heading.innerText()).includes(target.title));
  await page.close();
});

test('table: sorting, filters, search, and a row leads to its highlight', async () => {
  const page = await annotatedPage();
  const rows = page.locator('#indicator-table tbody tr');
  assert.equal(await rows.count(), Math.min(100, cli.indicators.length));

  // Sort by value, descending on the second click; nulls stay last.
  const byValue = page.locator('#indicator-table [data-sort-key="value"]');
  await byValue.click();
  await byValue.click();
  const withValues = cli.indicators.filter((x) => typeof x.value === 'number');
  const largest = Math.max(...withValues.map((x) => x.value));
  const firstId = Number(await rows.first().getAttribute('data-row-indicator-id'));
  assert.equal(cli.indicators[firstId].value, largest);
  assert.equal(await page.locator('#indicator-table th.zb-col-value').getAttribute('aria-sort'), 'descending');

  // Status filter.
  await page.selectOption('#zb-filter-status', 'target');
  const targets = cli.indicators.filter((x) => x.status === 'target');
  assert.ok(targets.length > 0, 'the report has targets');
  assert.equal(await rows.count(), Math.min(100, targets.length));
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.rowIndicatorId)));
  assert.ok(ids.every((id) => cli.indicators[id].status === 'target'));
  assert.match(await page.locator('.zb-table-summary').innerText(), new RegExp(`/ ${targets.length} 条`));

  // Kind filter on top.
  await page.selectOption('#zb-filter-kind', 'change');
  const targetChanges = targets.filter((x) => x.kind === 'change');
  assert.equal(await rows.count(), Math.min(100, targetChanges.length));

  // Section filter includes descendants.
  await page.selectOption('#zb-filter-status', '');
  await page.selectOption('#zb-filter-kind', '');
  const top = cli.sections.find((s) => s.parent === null && cli.indicators.some((x) => x.section === s.id || cli.sections[x.section]?.parent === s.id));
  const under = new Set([top.id]);
  for (const s of cli.sections) if (s.parent != null && under.has(s.parent)) under.add(s.id);
  const inTop = cli.indicators.filter((x) => x.section != null && under.has(x.section));
  // The section list fills when the control is first used, as a click or Tab does.
  assert.equal(await page.locator('#zb-filter-section option').count(), 1, 'only 全部 until used');
  await page.locator('#zb-filter-section').focus();
  assert.equal(await page.locator('#zb-filter-section option').count(), cli.sections.length + 1);
  await page.selectOption('#zb-filter-section', String(top.id));
  assert.equal(await rows.count(), Math.min(100, inTop.length));

  // Search.
  await page.selectOption('#zb-filter-section', '');
  const ind = knownIndicator();
  await page.fill('#zb-filter-search', ind.value_text);
  await page.waitForFunction(() => {
    const m = /(\d+) \/ (\d+) 条（共 (\d+) 条）/.exec(document.querySelector('.zb-table-summary').textContent);
    return m && Number(m[2]) < Number(m[3]);
  });
  const found = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.rowIndicatorId)));
  assert.ok(found.includes(ind.id), 'search finds the figure');
  assert.ok(found.length < 20, `search narrows the table to a few rows (${found.length})`);

  // A row leads to its highlight: focused and visible in the view.
  await page.locator(`#indicator-table tr[data-row-indicator-id="${ind.id}"] td.zb-col-metric`).click();
  await page.waitForFunction((id) => document.activeElement?.dataset.indicatorId === String(id), ind.id);
  await page.waitForFunction(
    (id) => {
      const el = document.querySelector(`#view [data-indicator-id="${id}"]`);
      const view = document.getElementById('view').getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.top >= view.top && r.bottom <= view.bottom && r.top >= 0 && r.bottom <= innerHeight;
    },
    ind.id,
    { timeout: 5000 },
  );
  assert.deepEqual(requestsOffOrigin(page, server.origin), []);
  assert.deepEqual(page.log.errors, []);
  await page.close();
});

test('language switch: English interface, Chinese kept in the values', async () => {
  const page = await annotatedPage();
  await page.locator('#lang-switch').click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('#table-heading').innerText(), 'Indicators');
  assert.match(await page.locator('#status').innerText(), new RegExp(`${cli.indicators.length} indicators`));
  const label = await page.locator('#view [data-indicator-id="0"]').getAttribute('aria-label');
  assert.ok(label.includes(cli.indicators[0].value_text) && /actual|estimate|target/.test(label), label);
  // The choice survives a reload.
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.zbState === 'ready');
  assert.equal(await page.locator('#table-heading').innerText(), 'Indicators');
  await page.locator('#lang-switch').click();
  assert.equal(await page.locator('#table-heading').innerText(), '指标表');
  await page.close();
});
