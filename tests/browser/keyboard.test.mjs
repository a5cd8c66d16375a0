// The keyboard path (issue 21): skip links to the text, the outline and the
// table; the highlights and the outline entries are one tab stop each
// (a roving tabindex: n / p and the arrows move between highlights, up and
// down along the outline); a pinned details box leaves with its highlight
// when the text scrolls it away, and comes back with it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA, cliAnnotate, launchBrowser, openApp, pasteText, requireWasmBuild, startServer } from './harness.mjs';

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
});

after(async () => {
  await context?.close();
  await server?.stop();
});

const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      id: el?.id ?? '',
      indicator: el?.dataset?.indicatorId ?? null,
      outline: el?.dataset?.outlineSectionId ?? null,
      href: el?.getAttribute?.('href') ?? null,
      inTable: !!el?.closest?.('.table-panel') && el.id !== 'table-heading',
    };
  });

test('from a fresh page the table is reached in at most 10 key presses', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  await page.evaluate(() => document.activeElement?.blur());
  let presses = 0;
  let reached = false;
  while (presses < 10 && !reached) {
    const now = await active(page);
    if (now.href === '#table-heading') await page.keyboard.press('Enter');
    else await page.keyboard.press('Tab');
    presses++;
    reached = (await active(page)).inTable;
  }
  assert.ok(reached, `a control of the table has focus after ${presses} presses`);
  await page.close();
});

test('the highlights are one tab stop; n, p and the arrows move between them', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  const stops = await page.evaluate(() => document.querySelectorAll('#view [data-indicator-id][tabindex="0"]').length);
  assert.equal(stops, 1, 'one highlight is in the tab order');
  await page.locator('#view').focus();
  await page.keyboard.press('Tab');
  assert.equal((await active(page)).indicator, String(cli.indicators[0].id), 'Tab from the text goes to the first highlight');
  await page.keyboard.press('n');
  assert.equal((await active(page)).indicator, String(cli.indicators[1].id), 'n: the next highlight');
  await page.keyboard.press('ArrowRight');
  assert.equal((await active(page)).indicator, String(cli.indicators[2].id), '→: the next highlight');
  await page.keyboard.press('p');
  assert.equal((await active(page)).indicator, String(cli.indicators[1].id), 'p: the one before');
  await page.keyboard.press('Tab');
  assert.equal((await active(page)).indicator, null, 'Tab leaves the highlights');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await active(page)).indicator, String(cli.indicators[1].id), 'Shift+Tab comes back to the highlight focused last');
  await page.close();
});

test('the outline is one tab stop; up and down move along it', async () => {
  const page = await openApp(context, server.url);
  await pasteText(page, text);
  const stops = await page.evaluate(() => document.querySelectorAll('#outline [data-outline-section-id][tabindex="0"]').length);
  assert.equal(stops, 1);
  await page.locator('#outline [data-outline-section-id]').first().focus();
  await page.keyboard.press('ArrowDown');
  assert.equal((await active(page)).outline, String(cli.sections[1].id));
  await page.keyboard.press('End');
  assert.equal((await active(page)).outline, String(cli.sections[cli.sections.length - 1].id));
  await page.keyboard.press('Home');
  assert.equal((await active(page)).outline, String(cli.sections[0].id));
  await page.close();
});

test('a pinned details box leaves with its highlight and comes back with it', async () => {
  const page = await openApp(context, server.url, { viewport: { width: 1400, height: 900 } });
  await pasteText(page, text);
  const ind = cli.indicators[5];
  const mark = page.locator(`#view [data-indicator-id="${ind.id}"]`);
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  const popover = page.locator('.zb-details');
  await popover.waitFor({ state: 'visible' });
  const before = await page.locator('#view').evaluate((v) => v.scrollTop);
  await page.locator('#view').evaluate((v) => {
    v.scrollTop += v.clientHeight * 3;
  });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.zb-details')).visibility === 'hidden');
  await page.locator('#view').evaluate((v, top) => {
    v.scrollTop = top;
  }, before);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.zb-details')).visibility === 'visible');
  assert.equal(await mark.getAttribute('aria-expanded'), 'true', 'still pinned');
  await page.close();
});

test("the focused highlight's details wait unseen while it is scrolled away; a hovered one's go", async () => {
  const page = await openApp(context, server.url, { viewport: { width: 1400, height: 900 } });
  await pasteText(page, text);
  const ind = cli.indicators[5];
  const mark = page.locator(`#view [data-indicator-id="${ind.id}"]`);
  await mark.scrollIntoViewIfNeeded();
  const popover = page.locator('.zb-details');
  const visibility = () =>
    page.evaluate(() => {
      const box = document.querySelector('.zb-details');
      return box.hidden ? 'gone' : getComputedStyle(box).visibility;
    });
  const scrollAway = async () => {
    const before = await page.locator('#view').evaluate((v) => v.scrollTop);
    await page.locator('#view').evaluate((v) => {
      v.scrollTop += v.clientHeight * 3;
    });
    return before;
  };
  // focused (not pinned): hidden while away, back with the highlight
  await mark.focus();
  await popover.waitFor({ state: 'visible' });
  const before = await scrollAway();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.zb-details')).visibility === 'hidden');
  assert.equal(await visibility(), 'hidden');
  await page.locator('#view').evaluate((v, top) => {
    v.scrollTop = top;
  }, before);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.zb-details')).visibility === 'visible');
  assert.equal(await mark.getAttribute('aria-expanded'), 'false', 'shown for the focus, not pinned');
  // hovered only (focus elsewhere): the box is closed when its highlight leaves
  await page.locator('#view').evaluate(() => document.activeElement?.blur());
  await page.waitForFunction(() => document.querySelector('.zb-details').hidden);
  await mark.hover();
  await popover.waitFor({ state: 'visible' });
  await scrollAway();
  await page.waitForFunction(() => document.querySelector('.zb-details').hidden);
  await page.close();
});
