// No path drops what the user typed without telling them: two tabs keep
// their own drafts, a reload right after typing keeps the last keystrokes,
// and a full storage keeps the draft saved before and says so.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApp, pasteText, requireWasmBuild, startServer } from './harness.mjs';

let server;
let context;

before(async () => {
  requireWasmBuild();
  server = await startServer();
});

after(async () => {
  await context?.close();
  await server?.stop();
});

/** A fresh browser profile: localStorage empty. */
async function freshContext() {
  await context?.close();
  context = await launchBrowser();
  return context;
}

test('two tabs keep their own drafts; either can open the other', async () => {
  const ctx = await freshContext();
  const a = await openApp(ctx, server.url);
  await pasteText(a, '一、回顾\n甲：全市地区生产总值增长8.1%。\n');
  // the draft is saved after a pause: on a loaded machine, later than the annotation
  await a.waitForFunction(() => Object.keys(localStorage).some((k) => /^zhibiao\.draft\.[^.]+$/.test(k)));
  const b = await openApp(ctx, server.url);
  // a new tab starts from the draft saved last
  assert.equal(await b.inputValue('#report-text'), '一、回顾\n甲：全市地区生产总值增长8.1%。\n');
  await pasteText(b, '一、回顾\n乙：城镇登记失业率2.4%。\n');
  await a.waitForTimeout(600);
  await a.reload();
  await b.reload();
  assert.equal(await a.inputValue('#report-text'), '一、回顾\n甲：全市地区生产总值增长8.1%。\n', "A's draft was not overwritten by B's");
  assert.equal(await b.inputValue('#report-text'), '一、回顾\n乙：城镇登记失业率2.4%。\n');

  // B lists A's draft; opening it keeps B's own text listed
  const menu = b.locator('#draft-menu');
  assert.equal(await menu.isVisible(), true);
  const options = await menu.locator('option').allTextContents();
  assert.match(options[0], /其他草稿（1）/);
  assert.match(options[1], /甲：全市地区生产总值增长8\.1%/);
  await menu.selectOption({ index: 1 });
  await b.waitForFunction(() => document.getElementById('report-text').value.includes('甲'));
  const after = await menu.locator('option').allTextContents();
  assert.ok(
    after.some((o) => o.includes('乙：城镇登记失业率')),
    `B's own text is still there: ${after}`,
  );
  await a.close();
  await b.close();
});

test('a reload right after typing keeps the last keystrokes', async () => {
  const ctx = await freshContext();
  const page = await openApp(ctx, server.url);
  await page.locator('#report-text').fill('全市地区生产总值增长8.1%。');
  await page.locator('#report-text').press('End');
  await page.keyboard.type('新增就业31万人。');
  // well inside the 400 ms the draft waits after typing stops
  await page.reload();
  assert.equal(await page.inputValue('#report-text'), '全市地区生产总值增长8.1%。新增就业31万人。');
  await page.close();
});

test('full storage: the draft saved before is kept, and the page says the newest text is not saved', async () => {
  const ctx = await freshContext();
  const page = await openApp(ctx, server.url);
  await pasteText(page, '一、回顾\n全市地区生产总值增长8.1%。\n');
  await page.waitForTimeout(600);
  // fill the origin's storage to the brim
  await page.evaluate(() => {
    const chunk = 'x'.repeat(1 << 20);
    for (let k = 0; ; k++) {
      try {
        localStorage.setItem(`filler.${k}`, chunk);
      } catch {
        break;
      }
    }
    for (let size = 1 << 19; size >= 1; size >>= 1) {
      try {
        localStorage.setItem(`filler.small.${size}`, 'x'.repeat(size));
      } catch {
        // next smaller
      }
    }
  });
  const big = `一、回顾\n${'全市地区生产总值增长8.1%。'.repeat(20000)}\n`;
  await pasteText(page, big);
  await page.waitForTimeout(600);
  const message = page.locator('#input-message');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.innerText(), /最新的修改没有保存（之前保存的草稿仍在）/);
  await page.reload();
  assert.equal(await page.inputValue('#report-text'), '一、回顾\n全市地区生产总值增长8.1%。\n', 'the earlier draft is kept');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.innerText(), /保存的草稿；之后的修改因本机存储已满未能保存/);
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler.')) localStorage.removeItem(key);
  });
  await page.close();
  await context.close();
  context = null;
});
