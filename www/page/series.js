// series.js: series mode, 系列 / Series. Many reports at once: the files a
// reader opens or drops are read one after the other by the engine in the
// worker (SeriesRun, SPEC §5, the rows `zhibiao series` prints), with a
// progress bar; then a table of metrics × years for one issuer, a chart of
// one metric's targets (as ranges, with their comparator) against the
// results the next year's report gives, and the exports: the long table as
// CSV and JSON, the joined table as CSV (each the CLI's), the chart as PNG.
//
// The chart is drawn by uPlot (node_modules/uplot, bundled into
// series.bundle.js with this module by scripts/build-page.mjs, loaded the
// first time the mode is shown; docs/performance.md says why uPlot).

//
// It is a bundle of its own, and the page's modules it uses (strings,
// number formats, file reading, downloads, message lines) come from the
// page's bundle through createSeriesMode's `page` argument: a second copy of
// i18n.js would keep a language of its own.

import uPlot from 'uplot';

/** The page's helpers (createSeriesMode's `page`), set once. */
let t, codeName, displayUnit, formatNumber, getLanguage;

const $ = (id) => document.getElementById(id);

/** An element with attributes `attrs` and children (text or nodes). */
function make(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
const SIGNS = { eq: '', approx: '≈', gt: '>', ge: '≥', lt: '<', le: '≤' };
/** Metrics listed in the table: those with figures in at least this many years. */
const MIN_YEARS = 2;

/** A figure as the chart and the table show it: `≥6.5%`, `6.5–7%`. */
export function figure(row) {
  if (row.value == null) return row.value_text;
  const unit = displayUnit(row.unit);
  const sign = row.status === 'target' ? (SIGNS[row.comparator] ?? '') : '';
  const max = row.value_max != null ? `–${formatNumber(row.value_max)}` : '';
  return `${sign}${formatNumber(row.value)}${max}${unit}`;
}

/**
 * For each issuer, each metric key (with one kind and unit: the one most of
 * its rows have) and each year: the year's target (an annual one, the
 * headline one first) and its result (an actual figure, the one the next
 * report gives for that year when there is one).
 */
export function tabulate(rows, joined) {
  const issuers = new Map();
  const series = (issuer, key) => {
    if (!issuers.has(issuer)) issuers.set(issuer, new Map());
    const metrics = issuers.get(issuer);
    if (!metrics.has(key)) metrics.set(key, { key, rows: [], years: new Map() });
    return metrics.get(key);
  };
  for (const row of rows) {
    if (row.year == null || row.value == null || row.horizon !== 'year' || row.status === 'estimate') continue;
    series(row.issuer ?? '', row.metric_key).rows.push(row);
  }
  // a result a later report gives for a target's year, by the target's identity
  const resultOf = new Map();
  for (const pair of joined) {
    if (pair.result && pair.result_year != null) resultOf.set(`${pair.target_source}\u0000${pair.target.id}`, pair);
  }
  for (const metrics of issuers.values()) {
    for (const [key, s] of metrics) {
      // the kind and unit most of the rows have: one scale for the chart
      const counts = new Map();
      for (const r of s.rows) counts.set(`${r.kind}\u0000${r.unit}`, (counts.get(`${r.kind}\u0000${r.unit}`) ?? 0) + 1);
      const [main] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
      for (const r of s.rows) {
        if (`${r.kind}\u0000${r.unit}` !== main) continue;
        s.unit = r.unit;
        s.kind = r.kind;
        if (!s.years.has(r.year)) s.years.set(r.year, { target: null, result: null });
        const cell = s.years.get(r.year);
        if (r.status === 'target') {
          if (!cell.target || (r.headline && !cell.target.headline)) cell.target = r;
          const pair = resultOf.get(`${r.source}\u0000${r.id}`);
          if (pair?.result && pair.result.unit === r.unit) cell.paired = pair;
        } else if (!cell.result || r.report > cell.result.report) {
          // the latest report's word on the year: the next year's review
          cell.result = r;
        }
      }
      if (!s.years.size) metrics.delete(key);
    }
  }
  return issuers;
}

/**
 * Series mode on the page's `#series-mode` markup; `annotator` is the
 * page's Annotator (the worker reads the reports); `page`: the page's `t`,
 * `codeName`, `getLanguage` (i18n.js), `displayUnit`, `formatNumber` (format.js),
 * `readTextFile`, `messageKey` (text-file.js), `download`, `withoutEnglish` (export.js),
 * `messageLine`, `exportActions` (messages.js).
 */
export function createSeriesMode({ annotator, page }) {
  ({ t, codeName, displayUnit, formatNumber, getLanguage } = page);
  const { readTextFile, messageKey, download, withoutEnglish, messageLine, exportActions } = page;
  const progress = $('series-progress');
  const status = $('series-status');
  const message = messageLine($('series-message'));
  let run = 0;
  /** The run on screen: its reports, rows, joined pairs and table, or null. */
  let state = null;
  let chart = null;
  let reading = null;
  /** The issuer and metric the reader chose (null: the first issuer, GDP growth), kept across runs. */
  const chosen = { issuer: null, metric: null };

  /** The glossary's English of the metric keys and units shown, asked in English only (Annotator.gloss). */
  const english = { metrics: new Map(), units: new Map() };

  /** In English, the English of every metric key and unit of the run shown, then the views again. */
  async function glossShown() {
    const shown = state;
    if (getLanguage() !== 'en' || !shown) return;
    const wanted = [...shown.table.values()].flatMap((metrics) => [...metrics.values()]).filter((s) => !english.metrics.has(s.key));
    if (!wanted.length) return;
    const items = wanted.map((s) => ({ metric: s.key, unit: s.unit ?? null }));
    try {
      await annotator.gloss(items);
    } catch {
      return; // the keys stay in Chinese
    }
    for (const x of items) {
      english.metrics.set(x.metric, x.metric_en);
      if (x.unit != null) english.units.set(x.unit, x.unit_en);
    }
    if (shown === state && getLanguage() === 'en') draw();
  }

  /** A metric key: `生产总值`; in English `GDP (生产总值)` where the glossary knows it. */
  function metricName(s) {
    const en = getLanguage() === 'en' ? english.metrics.get(s.key) : null;
    return en ? `${en} (${s.key})` : s.key;
  }

  /** A metric key's unit: `%`, `亿元`; in English `100 million yuan` where the glossary knows it. */
  function unitName(s) {
    return (getLanguage() === 'en' && s.unit !== 'ratio' && english.units.get(s.unit)) || displayUnit(s.unit);
  }

  /** A metric key with its unit: `生产总值（%）`, `GDP (生产总值) (%)`. */
  function metricLabel(s) {
    const unit = unitName(s) || '—';
    return getLanguage() === 'en' ? `${metricName(s)} (${unit})` : `${s.key}（${unit}）`;
  }

  const exports = exportActions(message, { ready: () => Boolean(state?.rows.length), nothingKey: 'series.nothing', copyText: null });

  function setStatus(key, params = {}) {
    status.dataset.key = key ?? '';
    status.textContent = key ? t(key, params) : '';
    status.params = params;
  }

  function setExportsEnabled(on) {
    for (const id of ['series-export-csv', 'series-export-joined', 'series-export-json']) $(id).setAttribute('aria-disabled', String(!on));
    $('series-export-png').setAttribute('aria-disabled', String(!chart));
  }

  /** Reads `files` (sorted by name, as `zhibiao series DIR` reads a folder) into a new run. */
  async function openFiles(list) {
    const files = [...list].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'en'));
    const texts = files.filter((f) => /\.txt$/i.test(f.name) || f.type === 'text/plain');
    const skipped = files.filter((f) => !texts.includes(f)).map(nameOf);
    if (!texts.length) {
      showSkipped(skipped, []);
      return;
    }
    const mine = ++run;
    const started = performance.now();
    const next = { reports: [], rows: [], joined: [], failed: [] };
    state = null;
    draw();
    progress.hidden = false;
    progress.max = texts.length;
    progress.value = 0;
    document.documentElement.dataset.zbSeries = 'busy';
    for (const [i, file] of texts.entries()) {
      setStatus('series.status.reading', { n: i + 1, total: texts.length, name: nameOf(file) });
      try {
        const { text } = await readTextFile(file, (bytes) => annotator.sniff(bytes));
        if (mine !== run) return;
        const step = await annotator.seriesPush(mine, true, nameOf(file), text);
        if (mine !== run) return;
        next.reports.push({ ...step.report, rows: step.rows.length, note: step.note });
        next.rows.push(...step.rows);
        next.joined.push(...step.joined);
      } catch (error) {
        if (mine !== run) return;
        next.failed.push(`${nameOf(file)}（${t(messageKey(error), { name: nameOf(file), message: error.message, size: '', limit: '' })}）`);
      }
      progress.value = i + 1;
    }
    progress.hidden = true;
    state = { ...next, table: tabulate(next.rows, next.joined) };
    const issuers = new Set(next.reports.map((r) => r.issuer ?? ''));
    setStatus('series.status.done', {
      reports: formatNumber(next.reports.length),
      issuers: formatNumber(issuers.size),
      rows: formatNumber(next.rows.length),
      joined: formatNumber(next.joined.filter((j) => j.result).length),
      ms: formatNumber(Math.round(performance.now() - started)),
    });
    showSkipped(skipped, next.failed);
    draw();
    glossShown();
    document.documentElement.dataset.zbSeries = 'ready';
  }

  function nameOf(file) {
    return file.webkitRelativePath || file.name;
  }

  function showSkipped(skipped, failed) {
    const line = $('series-skipped');
    const all = [...skipped, ...failed];
    line.hidden = !all.length;
    line.textContent = all.length ? t('series.status.skipped', { n: formatNumber(all.length), names: all.join('，') }) : '';
  }

  function clear() {
    run++;
    state = null;
    progress.hidden = true;
    setStatus('series.status.empty');
    showSkipped([], []);
    draw();
    document.documentElement.dataset.zbSeries = 'empty';
  }

  // --- the views --------------------------------------------------------------

  function draw() {
    drawReports();
    fillIssuers();
    drawTable();
    drawChart();
    setExportsEnabled(Boolean(state?.rows.length));
  }

  function drawReports() {
    const panel = $('series-reports-panel');
    const table = $('series-reports');
    panel.hidden = !state?.reports.length;
    if (!state) return table.replaceChildren();
    const head = make('tr', {}, ...['file', 'issuer', 'year', 'rows', 'note'].map((c) => make('th', { scope: 'col' }, t(`series.col.${c}`))));
    const body = state.reports.map((r) =>
      make(
        'tr',
        {},
        make('td', {}, r.source),
        make('td', {}, r.issuer ?? t('series.unknown')),
        make('td', {}, r.year == null ? t('series.unknown') : String(r.year)),
        make('td', { class: 'num' }, formatNumber(r.rows)),
        make('td', {}, r.note ?? ''),
      ),
    );
    table.replaceChildren(make('thead', {}, head), make('tbody', {}, ...body));
  }

  function fillIssuers() {
    const select = $('series-issuer');
    const issuers = state ? [...state.table.keys()].sort((a, b) => state.table.get(b).size - state.table.get(a).size) : [];
    select.replaceChildren(...issuers.map((i) => new Option(i || t('series.unknown'), i)));
    select.disabled = !issuers.length;
    if (chosen.issuer !== null && issuers.includes(chosen.issuer)) select.value = chosen.issuer;
    fillMetrics();
  }

  /** The issuer's metrics with figures in MIN_YEARS years or more, most years first. */
  function metricsOf(issuer) {
    const metrics = state?.table.get(issuer);
    if (!metrics) return [];
    return [...metrics.values()].filter((s) => s.years.size >= MIN_YEARS).sort((a, b) => b.years.size - a.years.size || countTargets(b) - countTargets(a));
  }

  function countTargets(s) {
    let n = 0;
    for (const cell of s.years.values()) if (cell.target) n++;
    return n;
  }

  function fillMetrics() {
    const select = $('series-metric');
    const metrics = metricsOf($('series-issuer').value);
    select.replaceChildren(
      ...metrics.map((s) => new Option(t('series.metric.option', { metric: metricName(s), unit: unitName(s) || '—', years: s.years.size }), s.key)),
    );
    select.disabled = !metrics.length;
    // the growth target is what most readers come for
    if (metrics.some((s) => s.key === chosen.metric)) select.value = chosen.metric;
    else if (metrics.some((s) => s.key === '生产总值')) select.value = '生产总值';
  }

  function drawTable() {
    const table = $('series-table');
    const more = $('series-table-more');
    const issuer = $('series-issuer').value;
    const metrics = metricsOf(issuer);
    if (!metrics.length) {
      more.hidden = true;
      return table.replaceChildren();
    }
    const years = [...new Set(metrics.flatMap((s) => [...s.years.keys()]))].sort((a, b) => a - b);
    const head = make(
      'tr',
      {},
      make('th', { scope: 'col' }, t('series.table.metric')),
      ...years.map((y) => make('th', { scope: 'col', class: 'num' }, String(y))),
    );
    const chosen = $('series-metric').value;
    const body = metrics.map((s) => {
      const cells = years.map((y) => {
        const cell = s.years.get(y);
        const td = make('td', { class: 'num' });
        if (cell?.target) td.append(make('span', { class: 'series-target' }, t('series.cell.target', { value: figure(cell.target) })));
        const result = cell?.paired?.result ?? cell?.result;
        if (result) td.append(make('span', { class: 'series-result' }, t('series.cell.result', { value: figure(result) })));
        return td;
      });
      const row = make(
        'tr',
        { 'data-metric': s.key, tabindex: '0', 'aria-current': String(s.key === chosen) },
        make('th', { scope: 'row' }, metricLabel(s)),
        ...cells,
      );
      return row;
    });
    table.replaceChildren(make('thead', {}, head), make('tbody', {}, ...body));
    const only = state.table.get(issuer).size - metrics.length;
    more.hidden = only <= 0;
    more.textContent = only > 0 ? t('series.table.more', { n: formatNumber(only) }) : '';
  }

  /** The chart's data for metric `s`: years, target low and high, result. */
  function chartData(s) {
    const years = [...s.years.keys()].sort((a, b) => a - b);
    const low = [];
    const high = [];
    const result = [];
    for (const y of years) {
      const cell = s.years.get(y);
      const target = cell.target;
      low.push(target?.value ?? null);
      high.push(target ? (target.value_max ?? target.value) : null);
      result.push((cell.paired?.result ?? cell.result)?.value ?? null);
    }
    return [years, low, high, result];
  }

  function drawChart() {
    const box = $('series-chart');
    chart?.destroy();
    chart = null;
    const s = state?.table.get($('series-issuer').value)?.get($('series-metric').value);
    const note = $('series-chart-note');
    if (!s) {
      box.replaceChildren();
      box.setAttribute('aria-label', t('series.chart.none'));
      note.textContent = state ? t('series.chart.none') : '';
      setExportsEnabled(Boolean(state?.rows.length));
      return;
    }
    const data = chartData(s);
    const unit = displayUnit(s.unit);
    const value = (u, v) => (v == null ? '—' : `${formatNumber(v)}${unit}`);
    const styles = getComputedStyle(document.documentElement);
    const color = (name, fallback) => styles.getPropertyValue(name).trim() || fallback;
    const targetColor = color('--zb-target-line', '#b45309');
    const resultColor = color('--zb-actual-line', '#1d4ed8');
    const width = Math.max(320, box.clientWidth || 640);
    chart = new uPlot(
      {
        width,
        height: Math.round(Math.min(360, width * 0.55)),
        title: unit ? metricLabel(s) : metricName(s),
        scales: { x: { time: false } },
        axes: [
          { label: t('series.chart.year'), values: (u, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : '')) },
          { label: unit, values: (u, ticks) => ticks.map((v) => formatNumber(v)) },
        ],
        series: [
          { label: t('series.chart.year'), value: (u, v) => (v == null ? '—' : String(v)) },
          {
            label: t('series.chart.target'),
            stroke: targetColor,
            dash: [6, 4],
            width: 1.5,
            points: { show: true, size: 7, stroke: targetColor, fill: targetColor },
            value,
          },
          {
            label: t('series.chart.targetMax'),
            stroke: targetColor,
            dash: [6, 4],
            width: 1.5,
            spanGaps: true,
            points: { show: true, size: 5, stroke: targetColor },
            value,
          },
          {
            label: t('series.chart.result'),
            stroke: resultColor,
            width: 2.5,
            spanGaps: true,
            points: { show: true, size: 8, stroke: resultColor, fill: resultColor },
            value,
          },
        ],
        bands: [{ series: [2, 1], fill: `${targetColor}33` }],
        legend: { live: true },
      },
      data,
      box,
    );
    box.setAttribute('aria-label', t('series.chart.label', { metric: metricName(s) }));
    note.textContent = data[0]
      .map((y, i) => {
        const cell = s.years.get(y);
        const parts = [];
        if (cell.target)
          parts.push(
            `${t('series.chart.target')} ${figure(cell.target)}${cell.target.comparator !== 'eq' ? `（${codeName('comparator', cell.target.comparator)}）` : ''}`,
          );
        const result = cell.paired?.result ?? cell.result;
        if (result) parts.push(`${t('series.chart.result')} ${figure(result)}`);
        return `${y}：${parts.join('，')}`;
      })
      .join('；');
    setExportsEnabled(true);
  }

  // --- exports ------------------------------------------------------------------

  // in English, as `zhibiao series --english`: the metrics and units in English too
  const baseName = () => `zhibiao-series-${state.reports.length}`;
  const inEnglish = () => getLanguage() === 'en';
  const csv = async (joined) => '\uFEFF' + (await annotator.seriesCsv(run, joined, { english: inEnglish() }));
  const json = async (rows) => {
    if (inEnglish()) await annotator.gloss(rows);
    const fields = inEnglish() ? null : withoutEnglish;
    return `[${rows.map((r) => `\n${JSON.stringify(r, fields)}`).join(',')}\n]\n`;
  };
  $('series-export-csv').addEventListener('click', () => exports.run(async () => download(`${baseName()}.csv`, await csv(false), 'text/csv;charset=utf-8')));
  $('series-export-joined').addEventListener('click', () =>
    exports.run(async () => download(`${baseName()}-joined.csv`, await csv(true), 'text/csv;charset=utf-8')),
  );
  $('series-export-json').addEventListener('click', () =>
    exports.run(async () => download(`${baseName()}.json`, await json(state.rows), 'application/json;charset=utf-8')),
  );
  $('series-export-png').addEventListener('click', () => {
    if (!chart) return message.show('series.nothing');
    // the chart's canvas on white, with its title above
    const source = chart.ctx.canvas;
    const out = document.createElement('canvas');
    const pad = Math.round(40 * devicePixelRatio);
    out.width = source.width;
    out.height = source.height + pad;
    const ctx = out.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = '#111111';
    ctx.font = `${Math.round(16 * devicePixelRatio)}px sans-serif`;
    ctx.fillText(`${$('series-issuer').value} ${$('series-metric').value}`, Math.round(12 * devicePixelRatio), Math.round(26 * devicePixelRatio));
    ctx.drawImage(source, 0, pad);
    out.toBlob((blob) => download(`${baseName()}-${$('series-metric').value}.png`, blob, 'image/png'), 'image/png');
  });

  // --- input --------------------------------------------------------------------

  $('series-open').addEventListener('click', () => $('series-files').click());
  $('series-open-folder').addEventListener('click', () => $('series-folder').click());
  for (const id of ['series-files', 'series-folder']) {
    $(id).addEventListener('change', (event) => {
      const files = [...(event.target.files ?? [])];
      event.target.value = '';
      if (files.length) reading = openFiles(files);
    });
  }
  $('series-clear').addEventListener('click', clear);
  $('series-issuer').addEventListener('change', () => {
    chosen.issuer = $('series-issuer').value;
    fillMetrics();
    drawTable();
    drawChart();
  });
  $('series-metric').addEventListener('change', () => {
    chosen.metric = $('series-metric').value;
    drawTable();
    drawChart();
  });
  const chooseRow = (event) => {
    const row = event.target instanceof Element ? event.target.closest('tr[data-metric]') : null;
    if (!row || ![...$('series-metric').options].some((o) => o.value === row.dataset.metric)) return;
    $('series-metric').value = row.dataset.metric;
    chosen.metric = row.dataset.metric;
    drawTable();
    drawChart();
    $('series-chart-heading').scrollIntoView({ block: 'start' });
  };
  $('series-table').addEventListener('click', chooseRow);
  $('series-table').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      chooseRow(event);
    }
  });
  let resizeTimer = 0;
  addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => chart && drawChart(), 150);
  });

  clear();

  return {
    show() {
      $('series-mode').hidden = false;
      if (chart) drawChart();
    },
    hide() {},
    /** Another language: every string of the mode again. */
    relabel() {
      if (status.dataset.key) setStatus(status.dataset.key, status.params ?? {});
      draw();
      glossShown();
    },
    showDropHint(on) {
      $('series-drop').hidden = !on;
    },
    dropFiles(files) {
      $('series-drop').hidden = true;
      reading = openFiles(files);
    },
    /** Resolves when the files being read are read (for tests). */
    whenRead: () => reading ?? Promise.resolve(),
  };
}
