// The page's exports come from the engine (src/export.rs through the wasm
// exportCsv and csvRecords): the same bytes as the CLI's, at most 50 times
// the text for the texts of tests/data/adversarial-exports.json (issue 17: a
// 245 KB sentence of figures crashed the tab on Export CSV), with no cell a
// spreadsheet runs as a formula; the page's JSON and the table search's
// texts grow linearly too.
//
// Needs www/pkg (scripts/build-wasm); builds the CLI as wasm-vs-cli does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkgDir = path.join(root, 'www/pkg');

try {
  execFileSync('bash', [path.join(root, 'scripts/build-wasm'), '--check'], { cwd: root, encoding: 'utf8' });
} catch (e) {
  throw new Error(`${(e.stdout ?? '').trim() || e.message}: run scripts/build-wasm first`);
}
const zhibiao = await import(pathToFileURL(path.join(pkgDir, 'zhibiao.js')).href);
zhibiao.initSync({ module: readFileSync(path.join(pkgDir, 'zhibiao_bg.wasm')) });
const { COMPARE_CSV_COLUMNS, comparisonToCsv, toCsv, toJson } = await import(pathToFileURL(path.join(root, 'www/page/export.js')).href);
const { nearText } = await import(pathToFileURL(path.join(root, 'www/page/table.js')).href);

const rustupCargo = path.join(os.homedir(), '.cargo/bin/cargo');
const cargo = process.env.CARGO ?? (existsSync(rustupCargo) ? rustupCargo : 'cargo');
execFileSync(cargo, ['build', '--release', '--quiet', '--bin', 'zhibiao'], { cwd: root, stdio: 'inherit' });
const cli = path.join(root, 'target/release/zhibiao');

const scratch = mkdtempSync(path.join(os.tmpdir(), 'zhibiao-exports-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** The page's Annotator as export.js uses it, on this thread's engine. */
const annotator = {
  exportCsv: async (text, file) => zhibiao.exportCsv(text, file),
  csvRecords: async (cells, width) => zhibiao.csvRecords(cells, width),
};

const { families } = JSON.parse(readFileSync(path.join(root, 'tests/data/adversarial-exports.json'), 'utf8'));
const texts = families.map((f) => ({ ...f, text: f.prefix + f.piece.repeat(f.times) }));
const bytes = (s) => Buffer.byteLength(s, 'utf8');

/** RFC 4180 records of `csv` (CRLF, quotes doubled), strictly. */
function readCsv(csv) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.ok(!quoted && field === '' && record.length === 0, 'the CSV ends with a whole record');
  return records;
}

/** A cell a spreadsheet runs as a formula: begins = + - @ tab CR LF, and is no number (-3.2, -3.2%) nor a lone -. */
function isFormula(field) {
  if (/^[=+@\t\r\n]/.test(field)) return true;
  return field.startsWith('-') && field !== '-' && !/^-\d+(\.\d+)?%?$/.test(field);
}

test('the page CSV is the CLI CSV, at most 50 times the text, with no formula cell', async () => {
  for (const { name, text } of texts) {
    const file = path.join(scratch, 't.txt');
    writeFileSync(file, text, 'utf8');
    const expected = execFileSync(cli, ['annotate', '--format', 'csv', 't.txt'], { cwd: scratch, encoding: 'utf8', maxBuffer: 1 << 28 });
    const csv = await toCsv(annotator, text, 't.txt');
    assert.ok(csv.startsWith('\uFEFF'), `${name}: a byte-order mark first`);
    assert.ok(csv.slice(1) === expected, `${name}: the page CSV differs from the CLI's`);
    const ratio = bytes(csv) / bytes(text);
    assert.ok(ratio <= 50, `${name}: the CSV is ${ratio.toFixed(1)} times the text`);
    const formulas = readCsv(csv.slice(1)).flat().filter(isFormula);
    assert.deepEqual(formulas.slice(0, 3), [], `${name}: ${formulas.length} formula cells`);
  }
});

test('the page JSON stays within its bound, and the search texts within 5 times the text', () => {
  for (const { name, text, json_max: max } of texts) {
    const result = zhibiao.annotate(text);
    const ratio = bytes(toJson(result)) / bytes(text);
    assert.ok(ratio <= max, `${name}: the JSON is ${ratio.toFixed(1)} times the text, over ${max}`);
    let near = 0;
    for (let k = 0; k < result.indicators.length; k++) near += nearText(text, result.indicators, k).length;
    assert.ok(near <= 5 * text.length + 200, `${name}: ${near} units of search text for ${text.length} of text`);
  }
});

test('the page comparison CSV is the CLI one, its cells written by the engine', async () => {
  const [oldFile, newFile] = ['national-2022.txt', 'national-2024.txt'].map((f) => path.join(root, 'tests/data/national', f));
  const comparison = zhibiao.compare(readFileSync(oldFile, 'utf8'), readFileSync(newFile, 'utf8'));
  const expected = execFileSync(cli, ['compare', '--format', 'csv', oldFile, newFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok((await comparisonToCsv(annotator, comparison)) === '\uFEFF' + expected, 'the comparison CSV differs from the CLI one');
  // a formula in a metric is made text, as in the CLI
  const pair = structuredClone(comparison.pairs[0]);
  pair.target.metric = '=HYPERLINK("http://x")';
  pair.target.value = -3.2;
  const row = readCsv((await comparisonToCsv(annotator, { pairs: [pair], summary: comparison.summary })).slice(1))[1];
  assert.equal(row[COMPARE_CSV_COLUMNS.indexOf('target_metric')], '\'=HYPERLINK("http://x")');
  assert.equal(row[COMPARE_CSV_COLUMNS.indexOf('target_value')], '-3.2');
  assert.throws(() => zhibiao.csvRecords(['a', 'b', 'c'], 2), /no rows of 2/);
});
