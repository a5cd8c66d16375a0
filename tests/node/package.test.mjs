// The npm package as a user gets it: scripts/build-package.mjs, `npm pack`,
// `npm install` of the tarball into a new project, then `import … from
// 'zhibiao'` in Node gives what the CLI gives for the same file.
//
// Needs www/pkg (scripts/build-wasm) and npm. Builds the CLI with
// `cargo build --release --bin zhibiao` first (a no-op when up to date).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedPackage } from '../browser/harness.mjs';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT = path.join(root, 'tests/data/gz-2017-government-work-report.txt');
const OLD = path.join(root, 'tests/data/compare/national-2017-excerpt.txt');
const NEW = path.join(root, 'tests/data/compare/gz-2018-excerpt.txt');

let installed;
let cli;

before(async () => {
  installed = await installedPackage();
  const rustupCargo = path.join(os.homedir(), '.cargo/bin/cargo');
  const cargo = process.env.CARGO ?? (existsSync(rustupCargo) ? rustupCargo : 'cargo');
  execFileSync(cargo, ['build', '--release', '--quiet', '--bin', 'zhibiao'], { cwd: root, stdio: 'inherit' });
  cli = path.join(root, 'target/release/zhibiao');
});

after(async () => {
  await installed?.remove();
});

/** Runs `source` as an ES module file in the scratch project and returns its stdout. */
async function inProject(name, source) {
  const file = path.join(installed.project, name);
  await writeFile(file, source);
  const { stdout } = await run(process.execPath, [file], { cwd: installed.project, maxBuffer: 1 << 28 });
  return stdout;
}

function cliJson(...args) {
  return JSON.parse(execFileSync(cli, args, { maxBuffer: 1 << 28, encoding: 'utf8' }));
}

test('the tarball holds the package: manifest, entries, types, the .wasm', async () => {
  const manifest = JSON.parse(await readFile(path.join(installed.packageDir, 'package.json'), 'utf8'));
  const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(path.join(root, 'Cargo.toml'), 'utf8'))[1];
  assert.equal(manifest.name, 'zhibiao');
  assert.equal(manifest.version, cargoVersion);
  assert.equal(manifest.type, 'module');
  assert.deepEqual(Object.keys(manifest.exports), ['.', './element', './annotator', './wasm', './package.json']);
  for (const file of manifest.files) assert.ok(existsSync(path.join(installed.packageDir, file)), `${file} is installed`);
  for (const entry of Object.values(manifest.exports)) {
    for (const target of typeof entry === 'string' ? [entry] : Object.values(entry)) {
      assert.ok(existsSync(path.join(installed.packageDir, target)), `exports target ${target} is installed`);
    }
  }
  // The element's neighbours, which it loads by URL rather than by import.
  for (const file of ['annotator-worker.js', 'annotated.css', 'pkg/zhibiao.js', 'pkg/zhibiao_bg.wasm', 'pkg/zhibiao.d.ts', 'README.md']) {
    assert.ok(manifest.files.includes(file), `${file} is in the package`);
  }
  // Only what the element and the engine need: not the page.
  for (const file of ['main.js', 'index.html', 'sw.js', 'main.bundle.js', 'compare.js']) assert.ok(!manifest.files.includes(file), `${file} is not`);
  const size = statSync(installed.tarball).size;
  assert.ok(size < 400_000, `the tarball is ${size} bytes`);
});

test("import { annotate } from 'zhibiao' in Node: ready on import, the CLI's JSON", async () => {
  const out = await inProject(
    'annotate.mjs',
    `import { annotate, version } from 'zhibiao';
import { readFileSync } from 'node:fs';
process.stdout.write(JSON.stringify({ version: version(), result: annotate(readFileSync(${JSON.stringify(REPORT)}, 'utf8')) }));
`,
  );
  const { version, result } = JSON.parse(out);
  assert.match(version, /^\d+\.\d+\.\d+/);
  const expected = cliJson('annotate', REPORT);
  assert.ok(expected.indicators.length > 100);
  assert.deepEqual(result, expected);
});

test('compare and the exports from the package equal the CLI', async () => {
  const out = await inProject(
    'compare.mjs',
    `import init, { compare, exportCsv, exportWebAnnotations, series } from 'zhibiao';
import { readFileSync } from 'node:fs';
await init(); // already done under Node: resolves at once
const text = (f) => readFileSync(f, 'utf8');
process.stdout.write(JSON.stringify({
  comparison: compare(text(${JSON.stringify(OLD)}), text(${JSON.stringify(NEW)})),
  csv: exportCsv(text(${JSON.stringify(REPORT)}), ${JSON.stringify(REPORT)}),
  webAnnotations: exportWebAnnotations(text(${JSON.stringify(REPORT)}), ''),
  series: (() => {
    const run = series(true);
    for (const f of [${JSON.stringify(OLD)}, ${JSON.stringify(NEW)}]) run.push(f, text(f));
    const csv = [run.csv(false), run.csv(true)];
    run.free();
    return csv;
  })(),
}));
`,
  );
  const { comparison, csv, webAnnotations, series: seriesCsv } = JSON.parse(out);
  for (const [i, joined] of [false, true].entries()) {
    const args = ['series', ...(joined ? ['--joined'] : []), OLD, NEW];
    assert.equal(
      seriesCsv[i],
      execFileSync(cli, args, { maxBuffer: 1 << 28, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
      `series ${joined ? '--joined' : ''}`,
    );
  }
  assert.deepEqual(comparison, cliJson('compare', OLD, NEW));
  assert.equal(csv, execFileSync(cli, ['annotate', '--format', 'csv', REPORT], { maxBuffer: 1 << 28, encoding: 'utf8' }));
  // One Annotation per indicator, quoting its figure (the CLI has no
  // web-annotation format yet to compare with).
  const { indicators } = cliJson('annotate', REPORT);
  assert.equal(webAnnotations.type, 'AnnotationCollection');
  assert.equal(webAnnotations.total, indicators.length);
  assert.deepEqual(
    webAnnotations.first.items.map((item) => item.target.selector[0].exact),
    indicators.map((x) => x.value_text),
  );
});

test('the browser entry (index.js) under Node: throws before init(), reads the .wasm from disk on init()', async () => {
  const out = await inProject(
    'explicit.mjs',
    `import init, { annotate, WASM_URL } from './node_modules/zhibiao/index.js';
let before = null;
try { annotate('增长8%'); } catch (error) { before = error.message; }
await init();
process.stdout.write(JSON.stringify({ before, wasm: WASM_URL.href, indicators: annotate('全市地区生产总值增长8.1%。').indicators.length }));
`,
  );
  const { before, wasm, indicators } = JSON.parse(out);
  assert.match(before, /await init\(\)/);
  assert.ok(wasm.startsWith('file://') && wasm.endsWith('/node_modules/zhibiao/pkg/zhibiao_bg.wasm'), wasm);
  assert.equal(indicators, 1);
});

test("the exports map resolves 'zhibiao/element', 'zhibiao/annotator' and the types", async () => {
  const out = await inProject(
    'resolve.mjs',
    `process.stdout.write(JSON.stringify(['zhibiao', 'zhibiao/element', 'zhibiao/annotator', 'zhibiao/wasm'].map((s) => import.meta.resolve(s))));`,
  );
  const [main, element, annotator, wasm] = JSON.parse(out).map((url) => path.relative(installed.packageDir, fileURLToPath(url)));
  assert.deepEqual([main, element, annotator, wasm], ['node.js', 'zhibiao-annotator.js', 'annotator.js', path.join('pkg', 'zhibiao_bg.wasm')]);
  const types = await readFile(path.join(installed.packageDir, 'index.d.ts'), 'utf8');
  assert.match(types, /export declare function init\(/);
  assert.match(types, /from '\.\/pkg\/zhibiao\.js'/);
  assert.match(await readFile(path.join(installed.packageDir, 'zhibiao-annotator.d.ts'), 'utf8'), /'zhibiao-annotator': ZhibiaoAnnotator/);
});
