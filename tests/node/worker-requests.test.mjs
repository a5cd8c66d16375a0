// The worker answers every request type its work loop handles: a type the
// loop answers but the message filter (REQUESTS) drops would leave the
// page waiting for the client's 60 s timeout, silently.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = readFileSync(path.join(root, 'www/engine/annotator-worker.js'), 'utf8');

test('every request type the worker handles passes its message filter, and has typed fields', () => {
  const handled = [...source.matchAll(/type === '([a-z-]+)'/g)].map((m) => m[1]);
  const set = /const REQUESTS = new Set\(\[([^\]]*)\]\)/.exec(source);
  assert.ok(set, 'REQUESTS is a literal set');
  const taken = [...set[1].matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
  assert.ok(handled.length >= 10, `found the handled types (${handled})`);
  for (const type of handled) assert.ok(taken.includes(type), `'${type}' is handled but not in REQUESTS`);
  const fields = [...source.matchAll(/case '([a-z-]+)':/g)].map((m) => m[1]);
  // 'annotate' and 'reflow' read only the text (the default case)
  for (const type of taken.filter((t) => !['annotate', 'reflow'].includes(t))) assert.ok(fields.includes(type), `'${type}' has no case in fields()`);
});
