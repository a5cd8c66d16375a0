// The wasm package in www/pkg gives JavaScript exactly the JSON the native
// CLI prints, and its offsets slice the caller's string as SPEC.md says
// (UTF-16 code units, end exclusive).
//
// Needs www/pkg (scripts/build-wasm). Builds the CLI with
// `cargo build --release --bin zhibiao` first, so that both sides come from the
// same sources; that is a no-op when it is up to date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkgDir = path.join(root, 'www/pkg');
const dataDir = path.join(root, 'tests/data');

// A package older than the sources would be compared with a CLI built from
// the newer ones: say so once instead of failing on every text.
try {
  execFileSync('bash', [path.join(root, 'scripts/build-wasm'), '--check'], { cwd: root, encoding: 'utf8' });
} catch (e) {
  throw new Error(`${(e.stdout ?? '').trim() || e.message}: run scripts/build-wasm first`);
}
const zhibiao = await import(pathToFileURL(path.join(pkgDir, 'zhibiao.js')).href);
zhibiao.initSync({ module: readFileSync(path.join(pkgDir, 'zhibiao_bg.wasm')) });

// rustup's cargo, not Debian's /usr/bin/cargo that the wasm build may put on
// PATH: the two would keep rebuilding target/release for each other.
const rustupCargo = path.join(os.homedir(), '.cargo/bin/cargo');
const cargo = process.env.CARGO ?? (existsSync(rustupCargo) ? rustupCargo : 'cargo');
execFileSync(cargo, ['build', '--release', '--quiet', '--bin', 'zhibiao'], { cwd: root, stdio: 'inherit' });
const cli = path.join(root, 'target/release/zhibiao');

/** What `zhibiao annotate FILE` prints, parsed. */
function cliAnnotate(file) {
  const out = execFileSync(cli, ['annotate', file], { maxBuffer: 1 << 28, encoding: 'utf8' });
  return JSON.parse(out);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'zhibiao-node-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let scratchCount = 0;

/** The CLI's result for a text given as a string (written to a UTF-8 file). */
function cliAnnotateText(text) {
  const file = path.join(scratch, `text-${scratchCount++}.txt`);
  writeFileSync(file, text, 'utf8');
  return cliAnnotate(file);
}

/**
 * Where `actual` and `expected` differ, as `path: actual !== expected` lines
 * (at most `limit`), by the rules of assert.deepStrictEqual. A short message
 * instead of node's dump of two whole results.
 */
function differences(actual, expected, limit = 12) {
  const found = [];
  const show = (v) => (v === undefined ? 'undefined' : JSON.stringify(v)?.slice(0, 80));
  const walk = (a, b, at) => {
    if (found.length >= limit || Object.is(a, b)) return;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      found.push(`${at}: ${show(a)} !== ${show(b)}`);
    } else if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
      found.push(`${at}: different prototypes`);
    } else if (Array.isArray(a) && a.length !== b.length) {
      found.push(`${at}: length ${a.length} !== ${b.length}`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${at}[${i}]`);
    } else {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys) {
        if (!(k in a) || !(k in b)) found.push(`${at}.${k}: ${k in a ? 'only in actual' : 'only in expected'}`);
        else walk(a[k], b[k], Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`);
      }
    }
  };
  walk(actual, expected, '$');
  return found;
}

/**
 * deepStrictEqual with a message that lists the first differences, then the
 * JSON text: deepStrictEqual does not look at the order of keys, which
 * JSON.stringify (a page exporting the result) shows.
 */
function assertSameResult(actual, expected, what) {
  const diff = differences(actual, expected);
  if (diff.length) assert.fail(`${what}:\n  ${diff.join('\n  ')}`);
  assert.deepStrictEqual(actual, expected, what); // the rules `differences` may not know
  assert.equal(JSON.stringify(actual), JSON.stringify(expected), `${what}: JSON text (key order)`);
}

/** Spans lie inside `text`, and `value_text`/`metric` are `text` sliced at theirs. */
function assertOffsetsSlice(text, result) {
  const inside = (start, end, what) => {
    assert.ok(
      Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length,
      `${what}: span [${start}, ${end}) outside a text of ${text.length} UTF-16 units`,
    );
  };
  for (const s of result.sections) inside(s.start, s.end, `section ${s.id}`);
  for (const i of result.indicators) {
    inside(i.start, i.end, `indicator ${i.id}`);
    assert.equal(text.slice(i.start, i.end).toWellFormed(), i.value_text, `indicator ${i.id}: value_text`);
    if (i.metric !== null) {
      inside(i.metric_start, i.metric_end, `indicator ${i.id} metric`);
      assert.equal(text.slice(i.metric_start, i.metric_end).toWellFormed(), i.metric, `indicator ${i.id}: metric`);
    }
  }
}

const dataFiles = readdirSync(dataDir, { recursive: true })
  .filter((name) => name.endsWith('.txt'))
  .sort();

test('tests/data has the corpus texts', () => {
  assert.ok(dataFiles.length >= 3, `only ${dataFiles.length} .txt files under ${dataDir}`);
});

for (const name of dataFiles) {
  test(`wasm equals the CLI: ${name}`, () => {
    const file = path.join(dataDir, name);
    const text = readFileSync(file, 'utf8');
    const fromWasm = zhibiao.annotate(text);
    assertSameResult(fromWasm, cliAnnotate(file), 'wasm (actual) vs CLI (expected)');
    assertOffsetsSlice(text, fromWasm);
  });
}

test('empty text: empty result from both', () => {
  const fromWasm = zhibiao.annotate('');
  const { layout, ...rest } = fromWasm;
  assertSameResult(rest, { sections: [], indicators: [] }, 'wasm');
  assert.equal(layout.source, 'text');
  assertSameResult(fromWasm, cliAnnotateText(''), 'wasm (actual) vs CLI (expected)');
});

test('astral characters count two UTF-16 units', () => {
  for (const text of [
    '𠀀𠀁一、回顾\n全市地区生产总值增长8.1%。\n',
    '😀 2016年全市地区生产总值1.95万亿元😀，增长8.2%。',
    '一、\u{20000}过去五年\n（一）经济😀\n城镇登记失业率2.4%🇨🇳。',
  ]) {
    const fromWasm = zhibiao.annotate(text);
    assertSameResult(fromWasm, cliAnnotateText(text), `wasm vs CLI on ${JSON.stringify(text)}`);
    assertOffsetsSlice(text, fromWasm);
  }
});

// A lone surrogate cannot reach Rust; wasm-bindgen passes U+FFFD, one UTF-16
// unit for one, so the result is the CLI's for the well-formed text and its
// offsets still slice the original string.
test('lone surrogates: same result as the well-formed text, offsets unchanged', () => {
  for (const text of ['一、回顾\uD800\n全市地区生产总值增长8.1%。\n', '\uDC00城镇登记失业率2.4%\uDC00。', '\uDC00\uD800增长8.1%', '\uD800']) {
    const fromWasm = zhibiao.annotate(text);
    const label = JSON.stringify(text);
    assertSameResult(fromWasm, zhibiao.annotate(text.toWellFormed()), `wasm on ${label} vs on the well-formed text`);
    assertSameResult(fromWasm, cliAnnotateText(text.toWellFormed()), `wasm vs CLI on ${label}`);
    assertOffsetsSlice(text, fromWasm);
  }
});

test('version() is the crate version', () => {
  const manifest = readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  const crateVersion = manifest.match(/^version\s*=\s*"([^"]+)"/m)[1];
  assert.equal(zhibiao.version(), crateVersion);
});

test('zhibiao.d.ts types annotate() with the SPEC interfaces', () => {
  const dts = readFileSync(path.join(pkgDir, 'zhibiao.d.ts'), 'utf8');
  assert.match(dts, /export function annotate\(text: string\): Annotation;/);
  for (const name of ['Annotation', 'Section', 'Indicator']) {
    assert.match(dts, new RegExp(`export interface ${name} \\{`));
  }
  assert.doesNotMatch(dts, /\bany\b/);
});

test('a text over the size limit is refused with a message, not a trap', () => {
  const big = '增长8%。'.repeat(Math.ceil((64 * 1024 * 1024) / 9) + 10);
  assert.throws(() => zhibiao.annotate(big), /over the 64 MiB the annotator takes in a browser/);
  // the instance is still usable
  assert.equal(zhibiao.annotate('全市地区生产总值增长8.1%。').indicators.length, 1);
});
