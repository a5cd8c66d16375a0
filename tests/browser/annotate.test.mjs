// The page shows exactly what the CLI finds: one highlight per indicator with
// the indicator's own text, and an outline equal to the CLI's sections. Served
// under a sub-path, so every URL the page uses must be relative.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DATA,
  REPORTS,
  cliAnnotate,
  launchBrowser,
  openApp,
  pasteText,
  requestsOffOrigin,
  requireWasmBuild,
  shownAnnotation,
  startServer,
} from './harness.mjs';

let server;
let context;

before(async () => {
  requireWasmBuild();
  server = await startServer({ base: '/tools/zhibiao/' });
  context = await launchBrowser();
});

after(async () => {
  await context?.close();
  await server?.stop();
});

/** Indicators under each section, descendants included, from the CLI's JSON. */
function expectedCounts(cli) {
  const counts = cli.sections.map(() => 0);
  for (const ind of cli.indicators) {
    for (let id = ind.section; id != null; id = cli.sections[id].parent) counts[id]++;
  }
  return counts;
}

for (const name of REPORTS) {
  test(`${name}: highlights and outline equal the CLI's annotation`, async () => {
    const file = path.join(DATA, name);
    const text = await readFile(file, 'utf8');
    const cli = await cliAnnotate(file);
    const page = await openApp(context, server.url);
    assert.match(page.url(), /\/tools\/zhibiao\/$/);

    const state = await pasteText(page, text);
    assert.equal(state, cli.indicators.length ? 'ready' : 'none');
    const shown = await shownAnnotation(page);

    assert.equal(shown.indicators.length, cli.indicators.length, 'one [data-indicator-id] element per CLI indicator');
    assert.deepEqual(
      shown.indicators.map((x) => x.id),
      cli.indicators.map((x) => x.id),
      'highlights in document order carry the JSON ids',
    );
    const wrongText = shown.indicators.filter((x) => x.text !== cli.indicators[x.id].value_text).slice(0, 5);
    assert.deepEqual(wrongText, [], 'each highlight covers exactly value_text (UTF-16 offsets)');

    assert.deepEqual(
      shown.headings,
      cli.sections.map((s) => s.id),
      'one [data-section-id] element per section',
    );
    assert.deepEqual(
      shown.outline.map(({ id, level, marker, title }) => ({ id, level, marker, title })),
      cli.sections.map(({ id, level, marker, title }) => ({ id, level, marker, title })),
      'the outline lists the CLI sections with their titles and levels',
    );
    assert.deepEqual(
      shown.outline.map((x) => x.count),
      expectedCounts(cli),
      'outline counts include descendants',
    );

    // Each entry's accessible name is its marker, title and count in words;
    // the count badge itself is hidden from screen readers.
    const names = await page.$$eval('#outline [data-outline-section-id]', (buttons) =>
      buttons.map((b) => [b.getAttribute('aria-label'), b.querySelector('.zb-outline-count').getAttribute('aria-hidden')]),
    );
    assert.deepEqual(
      names,
      cli.sections.map((s, i) => [`${s.marker ?? ''}${s.title}${expectedCounts(cli)[i]} 个指标`, 'true']),
      'outline entries are named with their counts',
    );

    // Nesting in the outline follows `parent`.
    const parents = await page.$$eval('#outline [data-outline-section-id]', (buttons) =>
      buttons.map((b) => {
        const parentItem = b.closest('li').parentElement.closest('li');
        return parentItem ? Number(parentItem.querySelector(':scope > button').dataset.outlineSectionId) : null;
      }),
    );
    assert.deepEqual(
      parents,
      cli.sections.map((s) => s.parent),
    );

    const status = await page.locator('#status').innerText();
    assert.match(status, new RegExp(`${cli.indicators.length}\\s*个指标`));

    assert.deepEqual(page.log.dialogs, []);
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(requestsOffOrigin(page, server.origin), []);
    await page.close();
  });
}

test('every highlight is keyboard-focusable and labelled', async () => {
  const file = path.join(DATA, REPORTS[0]);
  const cli = await cliAnnotate(file);
  const page = await openApp(context, server.url);
  await pasteText(page, await readFile(file, 'utf8'));
  const marks = await page.$$eval('#view [data-indicator-id]', (els) =>
    els.map((el) => ({ tab: el.tabIndex, role: el.getAttribute('role'), label: el.getAttribute('aria-label') ?? '' })),
  );
  assert.equal(marks.length, cli.indicators.length);
  assert.ok(marks.length > 0, 'the report has indicators');
  // one tab stop for all of them (a roving tabindex: keyboard.test.mjs)
  assert.ok(
    marks.every((m) => m.role === 'button'),
    'role=button',
  );
  assert.deepEqual(
    marks.map((m) => m.tab),
    marks.map((_, i) => (i === 0 ? 0 : -1)),
    'the first is the tab stop, the others focusable',
  );
  for (const [i, m] of marks.entries()) assert.ok(m.label.startsWith(cli.indicators[i].value_text), `label of ${i}: ${m.label}`);
  const headings = await page.$$eval('#view [data-section-id]', (els) => els.map((el) => [el.getAttribute('role'), el.getAttribute('aria-level')]));
  assert.ok(headings.every(([role, level]) => role === 'heading' && Number(level) >= 3));
  await page.close();
});
