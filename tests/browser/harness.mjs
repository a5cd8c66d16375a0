// harness.mjs: what every browser test needs: the static server on a free
// port, Debian's Chromium through playwright-core with a fresh profile, the
// CLI's answer for a file, and a page that records every request, dialog and
// error so a test can check none of them went wrong.
//
// Prerequisites (scripts/setup installs them): /usr/bin/chromium, a CJK font,
// `npm install` (playwright-core), `scripts/build-wasm` (www/pkg, checked to
// be up to date). The CLI is built here with `cargo build --release`.

import { spawn, spawnSync, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, cp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { chromium } from 'playwright-core';
import { buildPage, staleInput } from '../../scripts/build-page.mjs';

const run = promisify(execFile);

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = path.join(REPO, 'www');
export const DATA = path.join(REPO, 'tests', 'data');
export const ARTIFACTS = path.join(REPO, 'tests', 'artifacts');
export const CHROMIUM = process.env.ZHIBIAO_CHROMIUM || '/usr/bin/chromium';
const CLI = path.join(REPO, 'target', 'release', 'zhibiao');

/** The three reports every count test runs on. */
export const REPORTS = ['gz-2017-government-work-report.txt', 'gz-2016-party-plenary-report.txt', 'gz-2017-government-work-report-x8.txt'];

/** Chromium flags from shared/notes/toolchain.md: quiet on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Fails loudly (never skips) when the wasm package is missing or older than
 * the Rust sources: the tests compare the page with the CLI, and a stale
 * package would make that comparison say nothing useful.
 */
export function requireWasmBuild() {
  for (const file of ['pkg/zhibiao.js', 'pkg/zhibiao_bg.wasm']) {
    if (!existsSync(path.join(WWW, file))) {
      throw new Error(`www/${file} is missing: run scripts/build-wasm before the browser tests`);
    }
  }
  // scripts/build-wasm --check (www/pkg, then the page's bundle) needs the
  // toolchain file scripts/setup writes; without it, the bundle is checked
  // here. The page runs main.bundle.js (scripts/build-page.mjs), not the
  // modules themselves: a bundle older than them would test the old page.
  if (existsSync(path.join(REPO, 'target', 'zhibiao-toolchain.env'))) {
    const check = spawnSync('bash', ['scripts/build-wasm', '--check'], { cwd: REPO, encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`${(check.stdout + check.stderr).trim()}: run scripts/build-wasm before the browser tests`);
  } else {
    const stale = staleInput(WWW);
    if (stale)
      throw new Error(
        `www/main.bundle.js is ${stale === 'missing' ? 'missing' : `older than ${path.relative(REPO, stale)}`}: run scripts/build-wasm (it builds the bundle too)`,
      );
  }
}

/**
 * Builds the page's bundle again in a copy of www/ (copyOfWww) whose modules
 * or wasm glue a test has changed: the page runs the bundle, not the files.
 */
export async function rebuildPage(dir) {
  await buildPage(dir);
}

/**
 * Starts scripts/serve.mjs on a free port. Returns `{ url, origin, stop }`;
 * `url` ends with `base`. `cors`: the Access-Control-Allow-Origin to send.
 */
export async function startServer({ base = '/', root = WWW, cors = null } = {}) {
  const args = [path.join(REPO, 'scripts', 'serve.mjs'), '--port', '0', '--root', root, '--base', base];
  if (cors) args.push('--cors', cors);
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${output}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /zhibiao: serving (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Chromium with a fresh profile directory, removed again by `close()`. */
export async function launchBrowser(options = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (scripts/setup does)`);
  const profile = await mkdtemp(path.join(tmpdir(), 'zhibiao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    ...options,
  });
  // Requests of service workers do not reach page.on('request'): log them here.
  context.requestLog = [];
  context.on('request', (request) => context.requestLog.push(request.url()));
  const close = context.close.bind(context);
  context.close = async () => {
    await close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  };
  return context;
}

let cliBuilt = null;
/** Builds the CLI from the current sources once per test file (a no-op when it is up to date). */
async function ensureCli() {
  cliBuilt ??= run('cargo', ['build', '--release', '--bin', 'zhibiao'], { cwd: REPO, maxBuffer: 64 << 20 }).then(
    () => undefined,
    (error) => {
      throw new Error(`cargo build --release failed, so there is no CLI to compare with:\n${error.stderr ?? error.message}`);
    },
  );
  await cliBuilt;
}

/** `zhibiao annotate FILE` as parsed JSON ({ sections, indicators }). */
export async function cliAnnotate(file) {
  await ensureCli();
  const { stdout } = await run(CLI, ['annotate', file], { maxBuffer: 256 << 20 });
  return JSON.parse(stdout);
}

/** `zhibiao annotate --format csv FILE` as text, run in `cwd` (the CSV's `file` column is FILE as given). */
export async function cliCsv(file, { cwd = REPO } = {}) {
  await ensureCli();
  const { stdout } = await run(CLI, ['annotate', '--format', 'csv', file], { cwd, maxBuffer: 256 << 20 });
  return stdout;
}

/** The CLI's standard output for `args`, run in `cwd`. */
export async function cliOutput(args, { cwd = REPO } = {}) {
  await ensureCli();
  const { stdout } = await run(CLI, args, { cwd, maxBuffer: 256 << 20 });
  return stdout;
}

/** `zhibiao compare OLD NEW` as parsed JSON ({ pairs, summary }). */
export async function cliCompare(oldFile, newFile) {
  await ensureCli();
  const { stdout } = await run(CLI, ['compare', oldFile, newFile], { maxBuffer: 256 << 20 });
  return JSON.parse(stdout);
}

/** `zhibiao compare --format csv OLD NEW` as text. */
export async function cliCompareCsv(oldFile, newFile) {
  await ensureCli();
  const { stdout } = await run(CLI, ['compare', '--format', 'csv', oldFile, newFile], { maxBuffer: 256 << 20 });
  return stdout;
}

/**
 * Opens the app at `url` in a new page that records what it does:
 * `page.log.requests` (every URL), `.dialogs`, `.errors` (page errors and
 * console errors).
 */
export async function openApp(context, url, { viewport } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const log = { requests: [], dialogs: [], errors: [] };
  page.log = log;
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => log.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(`console: ${message.text()}`);
  });
  if (url) await page.goto(url);
  return page;
}

/**
 * Every request the page made stayed on `origin` (blob: URLs of that origin
 * count as its own: downloads are made from them).
 */
export function requestsOffOrigin(page, origin) {
  const all = [...page.log.requests, ...(page.context().requestLog ?? [])];
  return all.filter((url) => !(url.startsWith(origin + '/') || url.startsWith(`blob:${origin}/`)));
}

/** The page's annotation counter; see waitForAnnotation. */
export async function generation(page) {
  return Number(await page.evaluate(() => document.documentElement.dataset.zbGeneration ?? 0));
}

/**
 * Waits until an annotation newer than `after` is fully on screen (state
 * `ready` or `none`), with what follows the first frame of the view too (the
 * table of a short text: `data-zb-complete`), and returns the state. Fails
 * on `error` / `too-large`.
 */
export async function waitForAnnotation(page, after, timeout = 60_000) {
  const handle = await page.waitForFunction(
    (previous) => {
      const root = document.documentElement;
      const state = root.dataset.zbState;
      const gen = Number(root.dataset.zbGeneration ?? 0);
      if (gen <= previous || Number(root.dataset.zbComplete ?? -1) !== gen) return false;
      return ['ready', 'none', 'error', 'too-large', 'empty'].includes(state) ? state : false;
    },
    after,
    { timeout },
  );
  return handle.jsonValue();
}

/** Types `text` into the report box as a paste would, and waits for the result. */
export async function pasteText(page, text, { expect = ['ready', 'none'] } = {}) {
  const before = await generation(page);
  await page.locator('#report-text').fill(text);
  const state = await waitForAnnotation(page, before);
  if (!expect.includes(state)) {
    const message = await page
      .locator('#view-state')
      .innerText()
      .catch(() => '');
    throw new Error(`annotation ended in state ${state}: ${message}`);
  }
  return state;
}

/** What the page shows: highlights and outline entries in document order. */
export async function shownAnnotation(page) {
  return page.evaluate(() => ({
    indicators: [...document.querySelectorAll('#view [data-indicator-id]')].map((el) => ({ id: Number(el.dataset.indicatorId), text: el.textContent })),
    headings: [...document.querySelectorAll('#view [data-section-id]')].map((el) => Number(el.dataset.sectionId)),
    outline: [...document.querySelectorAll('#outline [data-outline-section-id]')].map((el) => ({
      id: Number(el.dataset.outlineSectionId),
      level: Number(el.dataset.level),
      marker: el.querySelector('.zb-outline-marker')?.textContent ?? null,
      title: el.querySelector('.zb-outline-title').textContent,
      count: Number(el.querySelector('.zb-outline-count').textContent),
    })),
  }));
}

/** A copy of www/ in a temporary directory, for tests that break a file on purpose. */
export async function copyOfWww() {
  const dir = await mkdtemp(path.join(tmpdir(), 'zhibiao-www-'));
  await cp(WWW, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The npm package as a user gets it: scripts/build-package.mjs, `npm pack`,
 * and `npm install` of the tarball into a new project under the OS's temp
 * directory. Returns `{ project, tarball, packageDir, remove }`; the
 * project's package.json is `{ "type": "module" }`.
 */
export async function installedPackage() {
  const { buildPackage, packPackage } = await import('../../scripts/build-package.mjs');
  const scratch = await mkdtemp(path.join(tmpdir(), 'zhibiao-npm-'));
  const { dir } = await buildPackage({ out: path.join(scratch, 'build', 'zhibiao') });
  const tarball = packPackage(dir, scratch);
  const project = path.join(scratch, 'project');
  await mkdir(project);
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'zhibiao-user', private: true, type: 'module' }) + '\n');
  // No dependencies, so no registry: --offline keeps it so.
  await run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--no-package-lock', tarball], { cwd: project });
  return {
    project,
    tarball,
    packageDir: path.join(project, 'node_modules', 'zhibiao'),
    remove: () => rm(scratch, { recursive: true, force: true }),
  };
}

export async function artifactsDir() {
  await mkdir(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

// --- compare mode ---------------------------------------------------------------

/** The number of the comparison runs so far (`data-zb-compare-generation`). */
export async function compareGeneration(page) {
  return Number(await page.evaluate(() => document.documentElement.dataset.zbCompareGeneration ?? 0));
}

/** Waits until a comparison newer than `after` is fully on screen; returns its state. */
export async function waitForCompare(page, after, timeout = 60_000) {
  const handle = await page.waitForFunction(
    (previous) => {
      const root = document.documentElement;
      if (Number(root.dataset.zbCompareGeneration ?? 0) <= previous) return false;
      const state = root.dataset.zbCompareState;
      return ['ready', 'none', 'incomplete', 'empty', 'error', 'too-large'].includes(state) ? state : false;
    },
    after,
    { timeout },
  );
  return handle.jsonValue();
}

/**
 * Puts both texts in their boxes at once, as two pastes in one task would
 * (so that one comparison, not two, follows), and waits for it.
 */
export async function setCompareTexts(page, oldText, newText, { expect = ['ready'] } = {}) {
  const before = await compareGeneration(page);
  await page.evaluate(
    ([a, b]) => {
      for (const [id, value] of [
        ['compare-old-text', a],
        ['compare-new-text', b],
      ]) {
        const box = document.getElementById(id);
        box.value = value;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    [oldText, newText],
  );
  const state = await waitForCompare(page, before);
  if (!expect.includes(state)) throw new Error(`comparison ended in state ${state}: ${await page.locator('#compare-state').innerText()}`);
  return state;
}
