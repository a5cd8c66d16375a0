#!/usr/bin/env node
// report.mjs: gathers what bench/run wrote into bench/results/ (machine.env,
// rust.txt, wasm-node.json, browser.json, size.json, peer.json) and writes
// latest.json and latest.md: the machine, every figure, and the targets of
// issue 4, each met or missed. A missing part is reported as missing. Each
// run's machine and targets are also appended as one line to
// bench/history.jsonl (committed: the dated record of the figures), unless
// that run is its last line already.
//
//   node bench/report.mjs bench/results

import { readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'bench/results';
const read = (name) => {
  const file = path.join(dir, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
};
const json = (name) => {
  const text = read(name);
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

const machine = Object.fromEntries(
  (read('machine.env') ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

/** The lines of `cargo bench --bench throughput`. */
function parseRust(text) {
  if (!text) return null;
  const row = (label) => {
    const m = new RegExp(`${label}\\s+([\\d.]+) KB\\s+([\\d.]+) ms\\s+([\\d.]+) MB/s`).exec(text);
    return m ? { kb: Number(m[1]), ms: Number(m[2]), mb_s: Number(m[3]) } : null;
  };
  const growth = [...text.matchAll(/^\s+(\d+)× +([\d.]+) KB +([\d.]+) ms +([\d.]+) MB\/s +time ratio +([\d.]+)/gm)].map((m) => ({
    times: Number(m[1]),
    kb: Number(m[2]),
    ms: Number(m[3]),
    mb_s: Number(m[4]),
    time_ratio: Number(m[5]),
  }));
  const pass = /one pass decoding every character of the 455 KB text: ([\d.]+) ms/.exec(text);
  const passes = (label) => Number(new RegExp(`${label}.*; ([\\d.]+) passes\\)`).exec(text)?.[1]) || null;
  const x8 = row('gz-2017 report ×8');
  const national = row('national reports \\(26\\)');
  if (x8) x8.passes = passes('gz-2017 report ×8');
  if (national) national.passes = passes('national reports \\(26\\)');
  return { x8, national, growth, pass_ms: pass ? Number(pass[1]) : null };
}

const rust = parseRust(read('rust.txt'));

/** The lines of `cargo bench --bench compare`: ms and time ratio per size. */
function parseCompare(text) {
  if (!text) return null;
  const growth = [
    ...text.matchAll(/^\s+(\d+)× +([\d.]+) KB +pairing +([\d.]+) ms +time ratio +([\d.]+) +with annotate +([\d.]+) ms +time ratio +([\d.]+)/gm),
  ].map((m) => ({
    times: Number(m[1]),
    kb: Number(m[2]),
    pairing_ms: Number(m[3]),
    pairing_ratio: Number(m[4]),
    ms: Number(m[5]),
    time_ratio: Number(m[6]),
  }));
  return growth.length ? { growth } : null;
}
const compareBench = parseCompare(read('compare.txt'));

/** The lines of `cargo bench --bench series`: throughput and peak memory. */
function parseSeries(text) {
  const m = text && /throughput ([\d.]+) MB\/s/.exec(text);
  if (!m) return null;
  const mem = /peak resident memory ([\d.]+) MB/.exec(text);
  const size = /\((\d+) reports, ([\d.]+) MB\)/.exec(text);
  return { mb_s: Number(m[1]), peak_mb: mem ? Number(mem[1]) : null, reports: size ? Number(size[1]) : null, mb: size ? Number(size[2]) : null };
}
const seriesBench = parseSeries(read('series.txt'));
const node = json('wasm-node.json');
const browser = json('browser.json');
const size = json('size.json');
const peer = json('peer.json');
const cliCount = Number((read('cli-count.txt') ?? '').trim()) || null;

/** The gzipped .wasm budget in KiB: `max_gzip_kib` of `[budget]` in
 * wasm-pack.toml, the one home of the wasm build's settings (read as
 * scripts/build-wasm reads it; null when it is not there). */
function wasmBudgetKib() {
  const file = new URL('../wasm-pack.toml', import.meta.url);
  if (!existsSync(file)) return null;
  let table = '';
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) table = header[1];
    const m = /^max_gzip_kib\s*=\s*([\d.]+)$/.exec(line);
    if (table === 'budget' && m) return Number(m[1]);
  }
  return null;
}

const target = (name, value, limit, unit, better = 'lower', note = null) => ({
  name,
  note,
  value: value ?? null,
  limit,
  unit,
  met: value === null || value === undefined || limit === null ? null : better === 'lower' ? value <= limit : value >= limit,
});
const targets = [
  target('native annotate, 455 KB', rust?.x8?.mb_s, 100, 'MB/s', 'higher'),
  // Linear growth: the 16× text may take 16 times as long, and 15 % more for
  // the machine's noise (a run's medians move that much between neighbours).
  target(
    'linear growth: time at 16× the national reports over time at 1×',
    rust?.growth?.find((x) => x.times === 16)?.time_ratio,
    16 * 1.15,
    '×',
    'lower',
    'linear ×16, +15 %',
  ),
  // issue 17: compare near-linear, 16× the input in at most 24× the time
  target(
    'compare: time at 16× the national reports over time at 1×',
    compareBench?.growth?.find((x) => x.times === 16)?.time_ratio,
    24,
    '×',
    'lower',
    'linear ×16, +50 %: issue 17',
  ),
  target('wasm annotate of 455 KB incl. result object, Node (median)', node?.annotate?.median, 10, 'ms'),
  target('wasm annotate of 455 KB incl. result object, Chromium worker (median)', browser?.wasm?.annotate?.median, 10, 'ms'),
  target('cold start to the annotated 57 KB report, headless Chromium (median)', browser?.cold_start?.draft?.median, 150, 'ms'),
  target('all highlights of the 455 KB report on screen (median)', browser?.highlights?.file?.median, 500, 'ms'),
  target('.wasm gzipped (budget: wasm-pack.toml)', size ? Math.round((size.wasm.gzip / 1024) * 10) / 10 : null, wasmBudgetKib(), 'KiB'),
];

const latest = { machine, targets, rust, compare: compareBench, series: seriesBench, wasm_node: node, browser, size, peer, cli_count_x8: cliCount };
writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(latest, null, 2) + '\n');

// --- history.jsonl: one line per run that measured anything --------------------
const historyFile = new URL('history.jsonl', import.meta.url);
const lastRun = (() => {
  if (!existsSync(historyFile)) return null;
  const lines = readFileSync(historyFile, 'utf8').trim().split('\n').filter(Boolean);
  try {
    return lines.length ? JSON.parse(lines[lines.length - 1]) : null;
  } catch {
    return null;
  }
})();
if (targets.some((t) => t.value !== null) && !(lastRun && lastRun.machine?.date === machine.date && lastRun.machine?.commit === machine.commit)) {
  const run = {
    machine: { ...machine, chromium: browser?.chromium ?? null },
    targets: targets.map(({ name, value, limit, unit, met }) => ({ name, value, limit, unit, met })),
    native_mb_s: { x8: rust?.x8?.mb_s ?? null, national: rust?.national?.mb_s ?? null },
    growth: rust?.growth?.map(({ times, time_ratio }) => ({ times, time_ratio })) ?? null,
    cold_start_presented_ms: browser?.cold_start?.draft?.shown?.median ?? null,
    cold_start_floor_ms: browser?.cold_start?.page_floor?.median ?? null,
    size_bytes: size ? { wasm: size.wasm, bundle: size.bundle ?? null, first_view: size.first_view ?? null } : null,
    peer_mb_s: peer?.peer_mb_s ?? null,
  };
  appendFileSync(historyFile, JSON.stringify(run) + '\n');
}

// --- latest.md ------------------------------------------------------------------
const f = (x, digits = 1) => (x === null || x === undefined ? '—' : Number(x).toFixed(digits));
const kib = (n) => (n ? `${(n / 1024).toFixed(1)} KiB` : '—');
const md = [];
md.push(`# zhibiao benchmarks, ${machine.date ?? '?'}`);
md.push('');
md.push(
  `Machine: ${machine.nproc ?? '?'} × ${machine.cpu ?? '?'}; load average at start ${machine.loadavg ?? '?'}; ` +
    `commit ${machine.commit ?? '?'}${Number(machine.dirty) ? ` (+${machine.dirty} uncommitted changes in src/, Cargo.*, www/)` : ''}; ${machine.rustc ?? ''}; Node ${machine.node ?? ''}; Chromium ${browser?.chromium ?? '?'}.`,
);
md.push('');
md.push('## Targets (issue 4)');
md.push('');
md.push('| target | measured | limit | |');
md.push('|---|---|---|---|');
const amount = (x, unit) => (unit === '×' ? `×${f(x, 2)}` : `${f(x)} ${unit}`);
for (const t of targets) {
  const limit = t.limit === null ? '—' : t.unit === '×' ? `≤ ×${f(t.limit, 2)} (${t.note})` : `${t.unit === 'MB/s' ? '≥' : '≤'} ${t.limit} ${t.unit}`;
  md.push(`| ${t.name} | ${amount(t.value, t.unit)} | ${limit} | ${t.met === null ? 'not measured' : t.met ? 'met' : '**missed**'} |`);
}
md.push('');
md.push('## Native (cargo bench --bench throughput)');
md.push('');
if (rust) {
  md.push(`| input | time | throughput | in passes over the text |`);
  md.push('|---|---|---|---|');
  if (rust.x8) md.push(`| 2017 report ×8 (${f(rust.x8.kb)} KB) | ${f(rust.x8.ms, 2)} ms | ${f(rust.x8.mb_s)} MB/s | ${f(rust.x8.passes)} |`);
  if (rust.national)
    md.push(`| 26 national reports (${f(rust.national.kb)} KB) | ${f(rust.national.ms, 2)} ms | ${f(rust.national.mb_s)} MB/s | ${f(rust.national.passes)} |`);
  if (rust.growth.length) {
    md.push('');
    md.push('| growth: the national reports repeated | time | throughput | time over 1× (linear) |');
    md.push('|---|---|---|---|');
    for (const g of rust.growth) md.push(`| ×${g.times} (${f(g.kb)} KB) | ${f(g.ms, 2)} ms | ${f(g.mb_s)} MB/s | ×${f(g.time_ratio, 2)} (×${g.times}) |`);
  }
  if (rust.pass_ms) {
    md.push('');
    md.push(
      `The machine's speed during the run: one pass decoding every character of the 455 KB text took ${f(rust.pass_ms, 3)} ms (the issue's yardstick: 0.5–0.7 ms). "In passes" is annotate's time over that pass, scaled to the input: it moves less with the machine's speed than MB/s do.`,
    );
  }
} else md.push('not measured');
md.push('');
md.push('## Compare (cargo bench --bench compare)');
md.push('');
if (compareBench) {
  md.push('| the national reports repeated, 2016 → 2017 | pairing | over 1× | with both annotations | over 1× (linear) |');
  md.push('|---|---|---|---|---|');
  for (const g of compareBench.growth)
    md.push(`| ×${g.times} (${f(g.kb)} KB) | ${f(g.pairing_ms, 2)} ms | ×${f(g.pairing_ratio, 2)} | ${f(g.ms, 2)} ms | ×${f(g.time_ratio, 2)} (×${g.times}) |`);
} else md.push('not measured');
md.push('');
md.push('## Series (cargo bench --bench series)');
md.push('');
if (seriesBench)
  md.push(
    `The national reports ×100 (${seriesBench.reports} reports, ${f(seriesBench.mb)} MB) as one stream, rows and joined rows: **${f(seriesBench.mb_s)} MB/s**, peak resident memory ${f(seriesBench.peak_mb)} MB.`,
  );
else md.push('not measured');
md.push('');
md.push('## Wasm in Node (455 KB, warm, medians)');
md.push('');
if (node) {
  md.push(`| step | ms |`);
  md.push('|---|---|');
  md.push(
    `| **annotate(text) → JS object** (www/pkg; ${node.annotate.runs} runs, min ${f(node.annotate.min, 2)}, p90 ${f(node.annotate.p90, 2)}) | **${f(node.annotate.median, 2)}** (${f(node.annotate.mb_s)} MB/s) |`,
  );
  md.push(`| text into wasm | ${f(node.split_ms.text_in, 2)} |`);
  md.push(`| annotate, Rust only | ${f(node.split_ms.annotate, 2)} (${f(node.rust_only_mb_s)} MB/s) |`);
  md.push(
    `| result → JS object (packed, src/wasm-result.js) | ${f(node.split_ms.to_js_object, 2)}${node.to_js ? ` (packing in Rust ${f(node.to_js.pack_rust_only, 2)})` : ''} |`,
  );
  if (node.to_js) md.push(`| alternative: result → JS object through serde-wasm-bindgen | ${f(node.to_js.serde_wasm_bindgen, 2)} |`);
  md.push(
    `| alternative: result → JSON string (serde_json) + JSON.parse | ${f(node.json_path.to_json_string, 2)} + ${f(node.json_path.json_parse, 2)} = ${f(node.json_path.to_js_via_json, 2)} |`,
  );
  md.push(`| alternative end to end: annotate → JSON → JSON.parse | ${f(node.json_path.total.median, 2)} |`);
} else md.push('not measured');
md.push('');
md.push('## Chromium');
md.push('');
if (browser) {
  const c = browser.cold_start;
  const h = browser.highlights;
  const w = browser.wasm;
  md.push(`Chromium ${browser.chromium}, headless, ${browser.runs} runs each (medians).`);
  md.push('');
  md.push('| measure | median ms | milestones (median ms) |');
  md.push('|---|---|---|');
  const cm = (m) =>
    `HTML ${f(m.response_end)}, first paint ${f(m.first_paint)}, DOMContentLoaded ${f(m.dom_content_loaded)}, worker ready ${f(m.worker_ready)}, annotate sent ${f(m.annotate_start)}, result ${f(m.result)} (worker ${f(m.worker_ms)}), rendered ${f(m.rendered)}, table and box drawn ${f(m.complete_frame)}`;
  md.push(`| cold start → 57 KB report annotated (saved draft) | **${f(c.draft.median)}** | ${cm(c.draft.milestones_median_ms)} |`);
  if (c.draft.shown)
    md.push(
      `| the same, presented (Element Timing: the frame's pixels, after raster and compositing) | ${f(c.draft.shown.median)} | the page's thread is done with that frame at the figure above |`,
    );
  if (c.static_floor)
    md.push(
      `| floor: the same 57 KB text as a static page (no script, no wasm), to its second frame | ${f(c.static_floor.median)} | what the browser alone needs to show the text |`,
    );
  if (c.page_floor)
    md.push(
      `| floor: the page as it is at "ready" (report, outline, shell) saved as static HTML, no script, to its second frame | ${f(c.page_floor.median)} | what the browser alone needs to show what the app shows |`,
    );
  md.push(`| cold start → 57 KB report annotated (sample button at DOMContentLoaded) | ${f(c.sample.median)} | ${cm(c.sample.milestones_median_ms)} |`);
  if (c.sample.shown) md.push(`| the same, presented | ${f(c.sample.shown.median)} | |`);
  md.push(
    `| wasm annotate(text) → JS object in a worker, 455 KB | **${f(w.annotate.median, 2)}** | text in ${f(w.split_ms.text_in, 2)}, Rust ${f(w.split_ms.annotate, 2)}, to JS object ${f(w.split_ms.to_js_object, 2)}; JSON string + parse ${f(w.json_path.to_js_via_json, 2)} |`,
  );
  md.push(
    `| page worker round trip (warm), 455 KB | ${f(browser.worker.round_trip.median)} | inside the worker (annotate → JS object) ${f(browser.worker.worker_ms.median)} |`,
  );
  const hm = (m) => `annotate sent ${f(m.annotate_start)}, result ${f(m.result)} (worker ${f(m.worker_ms)}), rendered ${f(m.rendered)}`;
  md.push(`| 455 KB opened as a file → every highlight in the view | **${f(h.file.median)}** | ${hm(h.file.milestones_median_ms)} |`);
  md.push(`| 455 KB pasted → every highlight in the view (incl. 150 ms debounce) | ${f(h.paste.median)} | ${hm(h.paste.milestones_median_ms)} |`);
  md.push('');
  md.push(
    '"Annotated" / "every highlight in the view": the first frame after the page sets `data-zb-state="ready"`, with as many `#view [data-indicator-id]` elements as the wasm finds indicators ' +
      `(${browser.inputs.report.indicators} and ${browser.inputs.x8.indicators}${cliCount ? `; the CLI finds ${cliCount} in the 455 KB report` : ''}). Cold start counts from navigation start in a fresh browser context.`,
  );
  if (browser.profiles) {
    md.push('');
    md.push('Where the time goes (one traced run each; self time by kind of work):');
    md.push('');
    for (const [name, p] of Object.entries(browser.profiles)) {
      for (const [thread, t] of Object.entries(p.threads)) {
        if (t.busy_ms < 5) continue;
        md.push(
          `* ${name}, ${thread}: busy ${t.busy_ms} ms — ${Object.entries(t.by_kind_ms)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        );
      }
    }
    md.push('');
    md.push('Traces: `bench/results/profile/` (Chromium trace JSON and `.cpuprofile`, for DevTools).');
  }
} else md.push('not measured');
md.push('');
md.push('## Size');
md.push('');
if (size) {
  md.push('| file | raw | gzip -9 | brotli |');
  md.push('|---|---|---|---|');
  md.push(`| zhibiao_bg.wasm | ${kib(size.wasm.raw)} | **${kib(size.wasm.gzip)}** | ${kib(size.wasm.brotli)} |`);
  md.push(`| zhibiao.js (glue) | ${kib(size.glue.raw)} | ${kib(size.glue.gzip)} | ${kib(size.glue.brotli)} |`);
  md.push(
    `| www/ without samples/ (${size.page.files} files, each compressed, summed) | ${kib(size.page.raw)} | ${kib(size.page.gzip)} | ${kib(size.page.brotli)} |`,
  );
  if (size.bundle)
    md.push(`| main.bundle.js (the page's script, the glue included) | ${kib(size.bundle.raw)} | ${kib(size.bundle.gzip)} | ${kib(size.bundle.brotli)} |`);
  if (size.first_view)
    md.push(
      `| what the page fetches for its first view (${size.first_view.files} files) | ${kib(size.first_view.raw)} | ${kib(size.first_view.gzip)} | ${kib(size.first_view.brotli)} |`,
    );
  md.push(
    `| what the page fetches, the worker and service worker after the first view included (${size.page_loaded.files} files) | ${kib(size.page_loaded.raw)} | ${kib(size.page_loaded.gzip)} | ${kib(size.page_loaded.brotli)} |`,
  );
  if (size.hooks_build_wasm)
    md.push(
      `| wasm with the benchmark hooks (adds serde_json for the JSON path) | ${kib(size.hooks_build_wasm.raw)} | ${kib(size.hooks_build_wasm.gzip)} | ${kib(size.hooks_build_wasm.brotli)} |`,
    );
} else md.push('not measured');
md.push('');
md.push('## Peer: Microsoft Recognizers-Text');
md.push('');
if (peer) {
  const m = peer.merged;
  md.push(
    `${peer.peer}, fed line by line, ${peer.measured.whole ? 'the whole 455 KB' : `the first ${peer.measured.lines} of ${peer.measured.lines && peer.measured.of_lines} lines (${f(peer.measured.bytes / 1e3)} of ${f(peer.measured.of_bytes / 1e3)} KB) within its ${peer.budget_s} s budget`}.`,
  );
  md.push('');
  md.push(`| | throughput |`);
  md.push('|---|---|');
  md.push(`| peer (4 models) | ${f(peer.peer_mb_s, 3)} MB/s |`);
  md.push(`| zhibiao, wasm in Node, same text | ${f(peer.zhibiao_wasm_node_mb_s)} MB/s (${peer.ratio}× the peer) |`);
  if (rust?.x8) md.push(`| zhibiao, native | ${f(rust.x8.mb_s)} MB/s (${Math.round(rust.x8.mb_s / peer.peer_mb_s)}× the peer) |`);
  md.push('');
  md.push('| model | results | on an indicator | code/name/quoted | date | enumerator/ordinal | other | MB/s |');
  md.push('|---|---|---|---|---|---|---|---|');
  for (const [name, r] of Object.entries(peer.per_model))
    md.push(`| ${name} | ${r.results} | ${r.indicator} | ${r.code} | ${r.date} | ${r.enumerator} | ${r.other} | ${f(r.mb_s, 2)} |`);
  md.push(`| merged (overlaps joined) | ${m.findings} | ${m.indicator} | ${m.code} | ${m.date} | ${m.enumerator} | ${m.other} | |`);
  md.push('');
  md.push(
    `zhibiao finds ${peer.zhibiao_indicators} indicators in the same text; the peer touches ${peer.zhibiao_indicators - m.zhibiao_indicators_missed} of them ` +
      `and returns ${m.not_indicators} findings that are not indicators (${f(m.not_indicators / Math.max(1, m.indicator), 2)} per indicator it hits). Its results carry a value and a unit, but no metric, status, kind or direction.`,
  );
} else md.push('not measured');
md.push('');
writeFileSync(path.join(dir, 'latest.md'), md.join('\n'));
console.log(md.join('\n'));
