// table.js: the indicators table: sortable columns, filters by status, kind
// and section, a text search, and rows that lead to the highlight in the text.
// Long results show a page of rows at a time so the table never stalls.

import { codeName, knownCodes, t } from '../view/i18n.js';
import { displayUnit, formatNumber, metricOf, sectionLabel, sectionPath, unitOf } from '../view/format.js';

/** Rows a table shows at first, and how many more each "show more" adds. */
export const PAGE_ROWS = 100;
/** Made on the first text comparison: creating a Chinese collator takes ~10 ms on a cold start. */
let collator = null;

/** Columns: key, how to sort, how to show. */
const COLUMNS = [
  { key: 'id', sort: (x) => x.id, show: (x) => String(x.id) },
  { key: 'value_text', sort: (x) => x.value_text, show: (x) => x.value_text ?? '' },
  {
    key: 'value',
    sort: (x) => x.value,
    show: (x) => (typeof x.value === 'number' ? formatNumber(x.value) + (typeof x.value_max === 'number' ? ` – ${formatNumber(x.value_max)}` : '') : '—'),
    numeric: true,
  },
  { key: 'unit', sort: (x) => x.unit, show: (x) => unitOf(x) || '—' },
  { key: 'kind', sort: (x) => x.kind, show: (x) => codeName('kind', x.kind) },
  { key: 'direction', sort: (x) => x.direction, show: (x) => (x.direction ? codeName('direction', x.direction) : '—') },
  { key: 'comparator', sort: (x) => x.comparator, show: (x) => codeName('comparator', x.comparator) },
  { key: 'status', sort: (x) => x.status, show: (x) => codeName('status', x.status) },
  { key: 'metric', sort: (x) => metricOf(x), show: (x) => metricOf(x) ?? '—' },
  { key: 'year', sort: (x) => x.year, show: (x) => (x.year == null ? '—' : String(x.year)), numeric: true },
  { key: 'section', sort: (x) => x.section, show: null },
];

/** How far the table search looks on each side of a figure, in UTF-16 units. */
const NEAR_CHARS = 60;

/**
 * The text the search reads around the `k`th of `indicators` (in the order
 * of the text): up to NEAR_CHARS on each side, and never past the figures two
 * before and two after it, as the CSV's context (src/export.rs). The whole
 * sentence each made the search texts grow with the square of a sentence's
 * figures: a 245 KB sentence of figures crashed the tab on the first key.
 */
export function nearText(text, indicators, k) {
  const x = indicators[k];
  const from = Math.max(x.start - NEAR_CHARS, k >= 2 ? indicators[k - 2].end : 0);
  const to = Math.min(x.end + NEAR_CHARS, k + 2 < indicators.length ? indicators[k + 2].start : text.length);
  return text.slice(Math.min(from, x.start), Math.max(to, x.end));
}

/** Numbers by value, anything else in Chinese collation order (digits numerically). */
function compareValues(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  collator ??= new Intl.Collator('zh-Hans-CN', { numeric: true });
  return collator.compare(String(a), String(b));
}

/**
 * Wires what every table of the page shares: a header whose buttons
 * (`data-sort-key`) sort by their column, a second press reversing it; a
 * search applied 150 ms after typing stops; "show more"; and rows whose
 * `data-*` attribute named by `rowKey` (a dataset key) is passed to
 * `onSelect` as a number. `view` holds the sort and the number of rows shown.
 */
export function wireTableControls(view, { headRow, search, more, tbody, rowKey, onSelect, relabel, draw }) {
  const rowSelector = `[data-${rowKey.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
  let searchTimer = 0;
  headRow.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-sort-key]') : null;
    if (!button) return;
    const key = button.dataset.sortKey;
    view.sort = view.sort.key === key ? { key, dir: -view.sort.dir } : { key, dir: 1 };
    relabel();
    draw();
    headRow.querySelector(`[data-sort-key="${key}"]`)?.focus();
  });
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      view.limit = PAGE_ROWS;
      draw();
    }, 150);
  });
  more.addEventListener('click', () => {
    view.limit += PAGE_ROWS;
    draw();
  });
  tbody.addEventListener('click', (event) => {
    const tr = event.target instanceof Element ? event.target.closest(rowSelector) : null;
    if (tr) onSelect(Number(tr.dataset[rowKey]));
  });
}

/** `el(tag, props, ...children)` for `doc`: a new element with properties set and children appended (text as text nodes). */
export function elementMaker(doc) {
  return (tag, props = {}, ...children) => {
    const node = doc.createElement(tag);
    Object.assign(node, props);
    node.append(...children);
    return node;
  };
}

/**
 * The header cells of a sortable table: a button per column (`labelOf(key)`)
 * with `data-sort-key`, an arrow and `aria-sort` from `view.sort`.
 */
export function sortHeaderCells(el, view, columns, labelOf) {
  return columns.map((column) => {
    const label = labelOf(column.key);
    const button = el('button', { type: 'button', className: 'zb-sort' }, label);
    button.dataset.sortKey = column.key;
    button.title = t('table.sort', { column: label });
    const sorted = view.sort.key === column.key;
    const arrow = el('span', { className: 'zb-sort-arrow', textContent: sorted ? (view.sort.dir > 0 ? '▲' : '▼') : '↕' });
    arrow.setAttribute('aria-hidden', 'true');
    button.appendChild(arrow);
    const th = el('th', { scope: 'col', className: `zb-col-${column.key}` }, button);
    th.setAttribute('aria-sort', sorted ? (view.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
    return th;
  });
}

/**
 * Sorts `rows` in place by the column `view.sort` names: `keyOf(row)` once
 * per row, empty keys (null, undefined) last whichever way, ties by `idOf(row)`.
 */
export function sortRows(rows, view, keyOf, idOf) {
  const keys = new Map(rows.map((r) => [r, keyOf(r)]));
  rows.sort((a, b) => {
    const x = keys.get(a);
    const y = keys.get(b);
    if (x == null || y == null) return (x == null) - (y == null) || idOf(a) - idOf(b);
    return view.sort.dir * compareValues(x, y) || idOf(a) - idOf(b);
  });
  return rows;
}

/**
 * Shows the first `view.limit` of `rows` in `tbody` (each made by `row`), the
 * count line in `status` (messages `${prefix}.empty`, `.none`, `.shown`) and
 * the "show more" button.
 */
export function showPage({ rows, total, view, tbody, row, status, more, prefix }) {
  const page = rows.slice(0, view.limit);
  tbody.replaceChildren(...page.map(row));
  if (total === 0) status.textContent = t(`${prefix}.empty`);
  else if (rows.length === 0) status.textContent = t(`${prefix}.none`);
  else status.textContent = t(`${prefix}.shown`, { shown: page.length, matched: rows.length, total });
  const rest = rows.length - page.length;
  more.hidden = rest <= 0;
  more.textContent = t('table.more', { n: Math.min(rest, PAGE_ROWS) });
}

/**
 * Builds the controls and table inside `container`.
 * `onSelect(indicatorId)` is called when a row is chosen; `onChange(state)`
 * when a filter, the search or the sort changes (`getState` gives the same
 * object), so that the page can keep them with its draft.
 */
export function createIndicatorTable(container, { onSelect, onChange = () => {}, onCorrect = null }) {
  const doc = container.ownerDocument;
  const el = elementMaker(doc);

  let text = '';
  let result = { sections: [], indicators: [] };
  /**
   * Lower-cased search text per indicator (its own fields and the text near
   * it, `NEAR_CHARS`), and per section (its path); built on the first search.
   */
  let haystacks = null;
  let sectionHaystacks = null;
  /** The sort and how many rows are shown; `wireTableControls` changes them. */
  const view = { sort: { key: 'id', dir: 1 }, limit: PAGE_ROWS };
  let sectionOptionsFilled = false;
  /** A section filter restored before the outline it names is known (`setState`). */
  let wantedSection = '';

  const statusSelect = el('select', { id: 'zb-filter-status' });
  const kindSelect = el('select', { id: 'zb-filter-kind' });
  const sectionSelect = el('select', { id: 'zb-filter-section' });
  const search = el('input', { id: 'zb-filter-search', type: 'search', autocomplete: 'off', spellcheck: false });
  // By default the search reads what a row shows (metric, value, unit):
  // `失业率` lists unemployment rows, not every figure of a sentence that
  // mentions it. The box below widens it to the text around each figure.
  const nearBox = el('input', { id: 'zb-filter-near', type: 'checkbox' });
  const nearLabel = el('label', { htmlFor: 'zb-filter-near' });
  const labelFor = (control) => el('label', { htmlFor: control.id });
  const statusLabel = labelFor(statusSelect);
  const kindLabel = labelFor(kindSelect);
  const sectionLabelEl = labelFor(sectionSelect);
  const searchLabel = labelFor(search);
  const filters = el(
    'div',
    { className: 'zb-filters' },
    el('div', { className: 'zb-field' }, statusLabel, statusSelect),
    el('div', { className: 'zb-field' }, kindLabel, kindSelect),
    el('div', { className: 'zb-field zb-field-section' }, sectionLabelEl, sectionSelect),
    el('div', { className: 'zb-field zb-field-search' }, searchLabel, search),
    el('div', { className: 'zb-field zb-field-near' }, nearBox, nearLabel),
  );
  const summary = el('p', { className: 'zb-table-summary' });
  summary.setAttribute('aria-live', 'polite');
  const headRow = el('tr');
  const tbody = el('tbody');
  const table = el('table', { className: 'zb-table zb-indicator-table' }, el('thead', {}, headRow), tbody);
  const scroller = el('div', { className: 'zb-table-scroll' }, table);
  scroller.tabIndex = 0;
  const more = el('button', { type: 'button', className: 'zb-more', hidden: true });
  container.replaceChildren(filters, summary, scroller, more);

  function fillOptions(select, entries, keep) {
    const options = [el('option', { value: '', textContent: t('table.filter.all') })];
    for (const [value, label] of entries) options.push(el('option', { value, textContent: label }));
    select.replaceChildren(...options);
    select.value = entries.some(([value]) => value === keep) ? keep : '';
  }

  function fillFilterOptions() {
    fillOptions(
      statusSelect,
      knownCodes('status').map((c) => [c, codeName('status', c)]),
      statusSelect.value,
    );
    fillOptions(
      kindSelect,
      knownCodes('kind').map((c) => [c, codeName('kind', c)]),
      kindSelect.value,
    );
    sectionOptionsFilled = false;
    const keep = wantedSection || sectionSelect.value;
    const kept = keep === '' ? [] : [[keep, sectionOptionLabel(result.sections[Number(keep)])]].filter(([, label]) => label);
    fillOptions(sectionSelect, kept, keep);
    if (kept.length) wantedSection = '';
  }

  function sectionOptionLabel(section) {
    if (!section) return '';
    return `${'\u3000'.repeat(Math.max(0, Math.min(6, (Number(section.level) || 1) - 1)))}${sectionLabel(section)}`;
  }

  /**
   * The section list is filled when the control is first used: hundreds of
   * options cost layout in the frame that shows a new result, for a filter
   * most readers never open.
   */
  function fillSectionOptions() {
    if (sectionOptionsFilled) return;
    sectionOptionsFilled = true;
    fillOptions(
      sectionSelect,
      result.sections.map((s) => [String(s.id), sectionOptionLabel(s)]),
      sectionSelect.value,
    );
  }
  for (const type of ['focus', 'pointerdown', 'mousedown', 'keydown']) sectionSelect.addEventListener(type, fillSectionOptions);

  function fillLabels() {
    statusLabel.textContent = t('table.filter.status');
    kindLabel.textContent = t('table.filter.kind');
    sectionLabelEl.textContent = t('table.filter.section');
    searchLabel.textContent = t('table.filter.search');
    search.placeholder = t(nearBox.checked ? 'table.filter.search.placeholderNear' : 'table.filter.search.placeholder');
    nearLabel.textContent = t('table.filter.near');
    headRow.replaceChildren(...sortHeaderCells(el, view, COLUMNS, (key) => t(`col.${key}`)));
    if (onCorrect) headRow.append(el('th', { scope: 'col', className: 'zb-col-edit', textContent: t('edit.column') }));
  }

  /** What a row shows, lower-cased: the default search reads only this. */
  function ownText(x) {
    const value = typeof x.value === 'number' ? formatNumber(x.value) : '';
    return [x.value_text, x.metric, x.unit, displayUnit(x.unit), value, x.metric_en ?? '', x.unit_en ?? ''].join('\u0001').toLowerCase();
  }

  function searchText() {
    if (!haystacks) {
      const list = result.indicators;
      haystacks = list.map((x, k) => [ownText(x), nearText(text, list, k).toLowerCase()].join('\u0001'));
      // A path once per section, not in each row: a long title over many
      // figures would be copied into every row.
      sectionHaystacks = result.sections.map((s) => sectionPath(result.sections, s.id).toLowerCase());
    }
    return haystacks;
  }

  /** Per indicator, what a row shows (`ownText`); built on the first search. */
  let ownHaystacks = null;

  function matches(x, query) {
    if (!nearBox.checked) {
      ownHaystacks ??= result.indicators.map(ownText);
      return ownHaystacks[x.id].includes(query);
    }
    return searchText()[x.id].includes(query) || (x.section != null && sectionHaystacks[x.section].includes(query));
  }

  function sectionSet(id) {
    const ids = new Set([id]);
    for (const s of result.sections) if (s.parent != null && ids.has(s.parent)) ids.add(s.id);
    return ids;
  }

  /** Indicators passing the filters, sorted. */
  function visible() {
    const status = statusSelect.value;
    const kind = kindSelect.value;
    const sections = sectionSelect.value === '' ? null : sectionSet(Number(sectionSelect.value));
    const query = search.value.trim().toLowerCase();
    const rows = result.indicators.filter(
      (x) =>
        (!status || x.status === status) &&
        (!kind || x.kind === kind) &&
        (!sections || (x.section != null && sections.has(x.section))) &&
        (!query || matches(x, query)),
    );
    const column = COLUMNS.find((c) => c.key === view.sort.key) ?? COLUMNS[0];
    return sortRows(rows, view, column.sort, (x) => x.id);
  }

  function row(ind) {
    const tr = el('tr');
    tr.dataset.rowIndicatorId = String(ind.id);
    for (const column of COLUMNS) {
      const td = el('td', { className: `zb-col-${column.key}` });
      // the column's name, shown above the cell where rows are cards (a phone)
      td.dataset.label = t(`col.${column.key}`);
      if (column.key === 'value_text') {
        const button = el('button', { type: 'button', className: 'zb-goto', textContent: ind.value_text ?? '' });
        button.setAttribute('aria-label', t('table.goto', { id: ind.id, text: ind.value_text ?? '' }));
        td.appendChild(button);
      } else if (column.key === 'status') {
        const badge = el('span', {
          className: `zb-badge zb-status-${['actual', 'estimate', 'target'].includes(ind.status) ? ind.status : 'unknown'}`,
          textContent: column.show(ind),
        });
        td.appendChild(badge);
      } else if (column.key === 'section') {
        const section = result.sections[ind.section];
        td.textContent = section ? sectionLabel(section) : '—';
        if (section) td.title = sectionPath(result.sections, ind.section);
      } else {
        td.textContent = column.show(ind);
      }
      if (column.numeric) td.classList.add('zb-num');
      tr.appendChild(td);
    }
    if (ind.edited) {
      tr.classList.add('zb-edited');
      const original = ind.original ?? {};
      tr.title = t('edit.was', {
        metric: original.metric ?? '—',
        status: codeName('status', original.status),
        value: typeof original.value === 'number' ? formatNumber(original.value) : '—',
      });
    }
    if (onCorrect) {
      const button = el('button', { type: 'button', className: 'zb-edit', textContent: ind.edited ? t('edit.edited') : t('edit.open') });
      button.setAttribute('aria-label', t('edit.label', { id: ind.id, text: ind.value_text ?? '' }));
      tr.appendChild(el('td', { className: 'zb-col-edit' }, button));
    }
    return tr;
  }

  function getState() {
    return {
      status: statusSelect.value,
      kind: kindSelect.value,
      section: sectionSelect.value || wantedSection,
      search: search.value,
      near: nearBox.checked,
      sort: { ...view.sort },
    };
  }

  /** The 更正 / Correct form of indicator `ind`, in a row of its own under its row. */
  function openEditor(ind, tr) {
    tbody.querySelector('tr.zb-editor')?.remove();
    const metric = el('input', { type: 'text', id: 'zb-edit-metric', value: ind.metric ?? '', maxLength: 200 });
    const status = el('select', { id: 'zb-edit-status' });
    for (const code of knownCodes('status')) status.append(el('option', { value: code, textContent: codeName('status', code), selected: code === ind.status }));
    const value = el('input', { type: 'number', id: 'zb-edit-value', step: 'any', value: typeof ind.value === 'number' ? String(ind.value) : '' });
    const field = (input, key) => el('div', { className: 'zb-field' }, el('label', { htmlFor: input.id, textContent: t(key) }), input);
    const done = () => {
      row.remove();
      tr.querySelector('.zb-edit')?.focus();
    };
    const save = el('button', { type: 'submit', textContent: t('edit.save') });
    const revert = el('button', { type: 'button', textContent: t('edit.revert'), hidden: !ind.edited });
    const cancel = el('button', { type: 'button', textContent: t('edit.cancel') });
    const form = el(
      'form',
      { className: 'zb-edit-form' },
      field(metric, 'col.metric'),
      field(status, 'col.status'),
      field(value, 'col.value'),
      el('div', { className: 'zb-edit-buttons' }, save, revert, cancel),
    );
    form.setAttribute('aria-label', t('edit.label', { id: ind.id, text: ind.value_text ?? '' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const original = ind.original ?? ind;
      const fix = {};
      if (metric.value.trim() !== (original.metric ?? '')) fix.metric = metric.value;
      if (status.value !== original.status) fix.status = status.value;
      const v = value.value === '' ? null : Number(value.value);
      if (v !== null && Number.isFinite(v) && v !== original.value) fix.value = v;
      onCorrect(ind, fix);
      done();
    });
    revert.addEventListener('click', () => {
      onCorrect(ind, null);
      done();
    });
    cancel.addEventListener('click', done);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        done();
      }
    });
    const row = el('tr', { className: 'zb-editor' }, el('td', { colSpan: COLUMNS.length + 1 }, form));
    tr.after(row);
    metric.focus();
  }

  // The 更正 button opens the form instead of going to the highlight.
  table.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('.zb-edit') : null;
      if (button) {
        event.stopPropagation();
        const tr = button.closest('tr');
        const ind = result.indicators[Number(tr.dataset.rowIndicatorId)];
        if (ind) openEditor(ind, tr);
      }
    },
    true,
  );

  /** The rows that pass the filters, in order, as last drawn. */
  let shown = [];

  function draw() {
    shown = visible();
    showPage({ rows: shown, total: result.indicators.length, view, tbody, row, status: summary, more, prefix: 'table' });
    onChange(getState());
  }

  nearBox.addEventListener('change', () => {
    view.limit = PAGE_ROWS;
    fillLabels();
    draw();
  });
  for (const select of [statusSelect, kindSelect, sectionSelect]) {
    select.addEventListener('change', () => {
      view.limit = PAGE_ROWS;
      draw();
    });
  }
  wireTableControls(view, {
    headRow,
    search,
    more,
    tbody,
    rowKey: 'rowIndicatorId',
    onSelect,
    relabel: fillLabels,
    draw,
  });

  fillLabels();
  fillFilterOptions();
  draw();

  return {
    /** Shows the indicators of a new annotation; filters that still apply are kept. */
    setData(newText, newResult) {
      text = newText;
      result = newResult;
      haystacks = null;
      sectionHaystacks = null;
      ownHaystacks = null;
      view.limit = PAGE_ROWS;
      fillFilterOptions();
      // a section restored with the draft applies to the draft's annotation only
      wantedSection = '';
      draw();
    },
    /** Shows every row that passes the filters (for printing), or the first
     * page of them again. */
    showAll(all) {
      view.limit = all ? Infinity : PAGE_ROWS;
      draw();
    },
    /** Redraws the rows (after a correction). */
    redraw() {
      haystacks = null;
      ownHaystacks = null;
      draw();
    },
    /** The filters, search and sort (`onChange`'s object). */
    getState,
    /** Sets the filters, search and sort from a `getState` object (from a
     * saved draft); a section that the next annotation has is chosen then. */
    setState(state) {
      if (!state || typeof state !== 'object') return;
      const pick = (select, value) => {
        if (typeof value === 'string' && [...select.options].some((o) => o.value === value)) select.value = value;
      };
      pick(statusSelect, state.status);
      pick(kindSelect, state.kind);
      if (typeof state.section === 'string' && /^\d*$/.test(state.section)) {
        wantedSection = state.section;
        fillFilterOptions();
      }
      if (typeof state.search === 'string') search.value = state.search.slice(0, 200);
      nearBox.checked = state.near === true;
      if (state.sort && COLUMNS.some((c) => c.key === state.sort.key)) view.sort = { key: state.sort.key, dir: state.sort.dir < 0 ? -1 : 1 };
      fillLabels();
      draw();
    },
    /** The ids of the rows that pass the filters, in the table's order. */
    visibleIds() {
      return shown.map((x) => x.id);
    },
    /** Whether a filter or the search leaves rows out. */
    filtered() {
      const state = getState();
      return Boolean(state.status || state.kind || state.section || state.search.trim());
    },
    /** Redraws labels and cells in the current language. */
    refresh() {
      fillLabels();
      fillFilterOptions();
      draw();
    },
  };
}
