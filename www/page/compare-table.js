// compare-table.js: compare mode's verdict summary (counts that double as the
// verdict filter) and its table of pairs, target → result → verdict:
// sortable columns, a search, and rows that lead to the pair in both texts.
// Also the wording shared with the views: verdict icons, a target with its
// comparator, a result with its 预计 marker, and the engine's reason.

import { codeName, codeNameBoth, getLanguage, t } from '../view/i18n.js';
import { metricOf, metricWords } from '../view/format.js';
import { elementMaker, PAGE_ROWS, showPage, sortHeaderCells, sortRows, wireTableControls } from './table.js';

export const VERDICTS = ['met', 'missed', 'not_comparable', 'not_judged', 'unmatched'];

/** Each verdict has an icon as well as a colour and a name: never colour alone. */
export const VERDICT_ICONS = { met: '✓', missed: '✗', not_comparable: '≠', not_judged: '?', unmatched: '∅' };

const SIGNS = { approx: '≈', gt: '>', ge: '≥', lt: '<', le: '≤' };
const ARROWS = { up: '↑', down: '↓' };

/** `≈ 8%`, `≤ 3.5%`, `200公里`: the figure as written, after its comparator's sign. */
export function withComparator(indicator) {
  const sign = SIGNS[indicator.comparator];
  return sign ? `${sign} ${indicator.value_text}` : indicator.value_text;
}

/** A badge: the verdict's icon and its name in the current language. */
export function verdictBadge(doc, verdict) {
  const badge = doc.createElement('span');
  badge.className = `zb-verdict zb-verdict-${VERDICTS.includes(verdict) ? verdict : 'unknown'}`;
  badge.dataset.verdict = verdict;
  const icon = doc.createElement('span');
  icon.className = 'zb-verdict-icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = VERDICT_ICONS[verdict] ?? '?';
  const name = doc.createElement('span');
  name.className = 'zb-verdict-name';
  name.textContent = codeName('verdict', verdict);
  badge.append(icon, name);
  return badge;
}

const RULES = {
  'at least': 'reason.rule.ge',
  'more than': 'reason.rule.gt',
  'at most': 'reason.rule.le',
  'less than': 'reason.rule.lt',
  'no more than': 'reason.rule.noMore',
  'no less than': 'reason.rule.noLess',
};

function ruleText(rule) {
  if (RULES[rule]) return t(RULES[rule]);
  const about = /^about \(within (.+)\), (more|less) is better$/.exec(rule);
  if (about) return t('reason.rule.about', { tolerance: about[1].trim(), better: t(about[2] === 'more' ? 'reason.more' : 'reason.less') });
  return null;
}

/**
 * The engine's reason in the interface language. The engine writes English
 * (the CLI's and the exports' text); in Chinese the known forms are put into
 * Chinese, and anything else is shown as the engine wrote it.
 */
export function reasonText(reason) {
  if (typeof reason !== 'string') return '';
  if (getLanguage() === 'en') return reason;
  const fixed = {
    'no result of the later report measures the same thing': 'reason.noResult',
    'the target names no metric': 'reason.noMetric',
    'a structure ratio has no single value': 'reason.ratio',
    'no value to compare': 'reason.noValue',
  }[reason];
  if (fixed) return t(fixed);
  const units = /^units differ: (.+) against (.+)$/.exec(reason);
  const unit = (u) => (u === 'none' ? t('reason.unitNone') : u);
  if (units) return t('reason.units', { target: unit(units[1]), result: unit(units[2]) });
  const compared = /^(.+) against a target of (.+?): (.+?)( \(the result is an estimate\))?$/.exec(reason);
  const rule = compared && ruleText(compared[3]);
  if (rule) return t('reason.compared', { result: compared[1], target: compared[2], rule, estimate: compared[4] ? t('reason.estimate') : '' });
  return reason;
}

/**
 * The reason codes whose wording the page has in Chinese, with what they
 * need from the pair and the comparison's years. The met/missed and
 * not_comparable codes carry figures in the engine's text, which
 * reasonText puts into Chinese.
 */
const CODE_REASONS = {
  no_result: () => ({}),
  no_metric: () => ({}),
  generic_metric: (pair) => ({ key: pair.metric_key ?? '' }),
  multi_year_target: () => ({}),
  year_not_reviewed: (pair, years) => ({ year: pair.target_year ?? '?', reviewed: years?.reviewed ?? '?' }),
  no_result_for_year: (pair) => ({ year: pair.target_year ?? '?' }),
  only_multi_year_result: () => ({}),
  only_start_value: () => ({}),
  only_undated_in_multi_year_part: () => ({}),
};

/**
 * A pair's reason in the interface language: by its code where the page
 * has the wording, else the engine's text as reasonText gives it.
 */
export function pairReason(pair, years) {
  if (getLanguage() === 'en' || !pair) return englishReason(pair);
  const params = CODE_REASONS[pair.reason_code];
  if (params) return t(`reason.code.${pair.reason_code}`, params(pair, years));
  return reasonText(pair.reason);
}

/** Whether pairReason left the engine's English as it was (with its units in English, once glossed). */
function reasonIsEnglish(pair, years) {
  return getLanguage() === 'en' || pairReason(pair, years) === pair.reason;
}

/**
 * The engine's reason with the units of its target and result in English
 * where Annotator.gloss found them: `+8 亿元` → `+8 100 million yuan`,
 * `units differ: 亿元 against 万吨` → `… 100 million yuan against ten
 * thousand tonnes`. A unit is replaced only as a word of its own (after a
 * space, before a space, punctuation or the end).
 */
function englishReason(pair) {
  let reason = pair?.reason ?? '';
  for (const x of [pair?.target, pair?.result]) {
    if (!x || typeof x.unit !== 'string' || typeof x.unit_en !== 'string' || x.unit_en === '' || x.unit_en === x.unit) continue;
    const unit = x.unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    reason = reason.replace(new RegExp(`(?<= )${unit}(?=$|[\\s,:;)])`, 'g'), x.unit_en);
  }
  return reason;
}

/**
 * The two sentences a verdict rests on, folded under its reason: the
 * target's and the result's, as text (never as markup).
 */
export function evidenceBlock(doc, pair) {
  const details = doc.createElement('details');
  details.className = 'zb-evidence';
  const summary = doc.createElement('summary');
  summary.textContent = t('compare.evidence');
  details.appendChild(summary);
  for (const [key, evidence] of [
    ['compare.evidence.target', pair.target_evidence],
    ['compare.evidence.result', pair.result_evidence],
  ]) {
    if (!evidence) continue;
    const p = doc.createElement('p');
    const label = doc.createElement('span');
    label.className = 'zb-evidence-label';
    label.textContent = `${t(key)}：`;
    p.append(label, doc.createTextNode(evidence.text));
    details.appendChild(p);
  }
  return details;
}

/**
 * The popover block of a highlight on `side` ('old': a target, 'new': a
 * result) that takes part in the pairs `list` (indices into
 * `comparison.pairs`): for each, its partner, verdict, metric key, reason
 * and evidence.
 */
export function pairDetailsBox(doc, side, list, comparison) {
  const box = doc.createElement('div');
  box.className = 'zb-details-compare';
  const heading = doc.createElement('p');
  heading.className = 'zb-details-title';
  heading.textContent = t('compare.details.heading');
  box.appendChild(heading);
  for (const index of list) {
    const pair = comparison.pairs[index];
    const partner = side === 'old' ? pair.result : pair.target;
    let partnerText;
    if (!partner) partnerText = t('compare.details.none');
    else {
      const facts = [metricOf(partner), codeNameBoth('status', partner.status)].filter(Boolean).join(' · ');
      partnerText = `${side === 'old' ? partner.value_text : withComparator(partner)}（${facts}）`;
    }
    const rows = [
      [t(side === 'old' ? 'compare.details.result' : 'compare.details.target'), partnerText],
      [t('compare.details.verdict'), verdictBadge(doc, pair.verdict)],
      [t('compare.details.key'), pair.metric_key ?? t('details.none')],
      [t('compare.details.reason'), pairReason(pair, comparison.years)],
    ];
    if (pair.headline) rows.unshift([t('compare.headline'), t('compare.headline.title')]);
    const dl = doc.createElement('dl');
    dl.dataset.pairIndex = String(index);
    for (const [label, value] of rows) {
      const dt = doc.createElement('dt');
      dt.textContent = label;
      const dd = doc.createElement('dd');
      if (typeof value === 'string') dd.textContent = value;
      else dd.appendChild(value);
      dl.append(dt, dd);
    }
    box.appendChild(dl);
    box.appendChild(evidenceBlock(doc, pair));
  }
  return box;
}

/** Columns: key, how to sort (null sorts last), numeric alignment. */
const COLUMNS = [
  { key: 'order', sort: (p, i) => i, numeric: true },
  { key: 'metric', sort: (p) => metricOf(p.target) ?? p.metric_key },
  { key: 'target', sort: (p) => p.target.value, numeric: true },
  { key: 'result', sort: (p) => p.result?.value ?? null, numeric: true },
  { key: 'verdict', sort: (p) => VERDICTS.indexOf(p.verdict) },
  { key: 'score', sort: (p) => (p.result ? p.match_score : null), numeric: true },
  { key: 'reason', sort: (p) => pairReason(p) },
];

/**
 * Builds the summary in `summaryContainer` and the table in `container`.
 * `onSelect(pairIndex)` is called when a row is chosen.
 */
export function createCompareTable({ summaryContainer, container, onSelect }) {
  const doc = container.ownerDocument;
  const el = elementMaker(doc);

  let comparison = { pairs: [], summary: { targets: 0, met: 0, missed: 0, not_comparable: 0, not_judged: 0, unmatched: 0 } };
  let verdict = '';
  /** The sort and how many rows are shown; `wireTableControls` changes them. */
  const view = { sort: { key: 'order', dir: 1 }, limit: PAGE_ROWS };
  let current = null;
  let haystacks = null;

  const search = el('input', { id: 'compare-filter-search', type: 'search', autocomplete: 'off', spellcheck: false });
  const searchLabel = el('label', { htmlFor: search.id });
  const filters = el('div', { className: 'zb-filters' }, el('div', { className: 'zb-field zb-field-search' }, searchLabel, search));
  const shown = el('p', { className: 'zb-table-summary' });
  shown.setAttribute('aria-live', 'polite');
  const headRow = el('tr');
  const tbody = el('tbody');
  const table = el('table', { className: 'zb-table zb-compare-table' }, el('thead', {}, headRow), tbody);
  const scroller = el('div', { className: 'zb-table-scroll zb-compare-scroll' }, table);
  scroller.tabIndex = 0;
  const more = el('button', { type: 'button', className: 'zb-more', hidden: true });
  container.replaceChildren(filters, shown, scroller, more);

  function drawSummary() {
    const counts = comparison.summary ?? {};
    const chip = (code, label, count, icon) => {
      const button = el('button', { type: 'button', className: `zb-chip${code ? ` zb-verdict-${code}` : ' zb-chip-all'}` });
      button.dataset.verdict = code;
      button.setAttribute('aria-pressed', String(verdict === code));
      if (icon) {
        const mark = el('span', { className: 'zb-verdict-icon', textContent: icon });
        mark.setAttribute('aria-hidden', 'true');
        button.appendChild(mark);
      }
      button.append(
        el('span', { className: 'zb-chip-label', textContent: label }),
        el('span', { className: 'zb-chip-count', textContent: String(count ?? 0) }),
      );
      if (code) button.title = t('compare.summary.filter', { verdict: codeName('verdict', code) });
      return button;
    };
    summaryContainer.replaceChildren(
      chip('', t('compare.summary.all'), counts.targets, null),
      ...VERDICTS.map((code) => chip(code, codeName('verdict', code), counts[code], VERDICT_ICONS[code])),
    );
  }

  function fillLabels() {
    searchLabel.textContent = t('table.filter.search');
    search.placeholder = t('compare.table.search.placeholder');
    headRow.replaceChildren(...sortHeaderCells(el, view, COLUMNS, (key) => t(`compare.col.${key}`)));
  }

  function searchText() {
    haystacks ??= comparison.pairs.map((p) =>
      [
        p.target.metric,
        p.metric_key,
        p.result?.metric,
        p.target.value_text,
        p.result?.value_text,
        p.reason,
        pairReason(p, comparison.years),
        p.target.metric_en ?? '',
        p.result?.metric_en ?? '',
      ]
        .join('\u0001')
        .toLowerCase(),
    );
    return haystacks;
  }

  /** Pair indexes passing the filters, sorted. */
  function visible() {
    const query = search.value.trim().toLowerCase();
    const rows = [];
    comparison.pairs.forEach((pair, index) => {
      if (verdict && pair.verdict !== verdict) return;
      if (query && !searchText()[index].includes(query)) return;
      rows.push(index);
    });
    const column = COLUMNS.find((c) => c.key === view.sort.key) ?? COLUMNS[0];
    return sortRows(
      rows,
      view,
      (i) => column.sort(comparison.pairs[i], i),
      (i) => i,
    );
  }

  function directionMark(indicator) {
    const arrow = indicator.kind === 'change' ? ARROWS[indicator.direction] : null;
    if (!arrow) return [];
    const mark = el('span', { className: 'zb-direction', textContent: ` ${arrow}`, title: codeNameBoth('direction', indicator.direction) });
    mark.setAttribute('aria-hidden', 'true');
    return [mark, el('span', { className: 'visually-hidden', textContent: `（${codeName('direction', indicator.direction)}）` })];
  }

  function row(index) {
    const pair = comparison.pairs[index];
    const { target, result } = pair;
    const tr = el('tr');
    tr.dataset.pairIndex = String(index);
    tr.dataset.verdict = pair.verdict;
    if (pair.metric_key != null) tr.dataset.metricKey = pair.metric_key;
    if (index === current) {
      tr.classList.add('zb-row-current');
      tr.setAttribute('aria-current', 'true');
    }
    const cell = (key, ...children) => {
      const td = el('td', { className: `zb-col-${key}` }, ...children);
      // The column's name, shown above the value when a narrow screen lays rows out as cards.
      td.dataset.label = t(`compare.col.${key}`);
      if (COLUMNS.find((c) => c.key === key)?.numeric) td.classList.add('zb-num');
      return td;
    };

    const metric = cell('metric', el('span', { className: 'zb-pair-metric', textContent: metricOf(target) ?? '—' }));
    if (result?.metric && result.metric !== target.metric) {
      metric.appendChild(el('span', { className: 'zb-pair-aside', textContent: t('compare.table.resultMetric', { metric: metricOf(result) }) }));
    }
    if (pair.metric_key != null) metric.title = `${t('compare.details.key')}: ${pair.metric_key}`;
    if (pair.headline) {
      tr.dataset.headline = 'true';
      metric.firstChild.after(el('span', { className: 'zb-badge zb-headline-mark', textContent: t('compare.headline'), title: t('compare.headline.title') }));
    }

    const goto = el('button', { type: 'button', className: 'zb-goto zb-pair-target', textContent: withComparator(target) });
    goto.setAttribute('aria-label', t('compare.table.goto', { n: index + 1, text: `${withComparator(target)} ${metricWords(target) ?? ''}`.trim() }));
    const targetCell = cell('target', goto, ...directionMark(target));
    if (target.year != null) targetCell.appendChild(el('span', { className: 'zb-pair-aside', textContent: String(target.year) }));

    const resultCell = cell('result');
    if (result) {
      resultCell.append(el('span', { className: 'zb-pair-result', textContent: result.value_text }), ...directionMark(result));
      if (pair.result_year != null)
        resultCell.appendChild(el('span', { className: 'zb-pair-aside zb-result-year', textContent: t('compare.resultYear', { year: pair.result_year }) }));
      if (pair.estimate || result.status === 'estimate') {
        resultCell.append(' ', el('span', { className: 'zb-badge zb-status-estimate zb-estimate-mark', textContent: codeName('status', 'estimate') }));
      }
    } else {
      resultCell.appendChild(el('span', { className: 'zb-muted-text', textContent: `— ${t('compare.noResult')}` }));
    }

    const score = cell('score', result ? `${Math.round(pair.match_score * 100)}%` : '—');
    if (result && pair.match_note) {
      score.appendChild(el('span', { className: 'zb-uncertain-mark', textContent: t('compare.uncertain'), title: pair.match_note }));
    }
    const reasonWords = el('span', { className: 'zb-reason-text', textContent: pairReason(pair, comparison.years) });
    if (reasonIsEnglish(pair, comparison.years)) reasonWords.lang = 'en';
    else reasonWords.title = pair.reason;
    const reason = cell('reason', reasonWords);
    if (pair.target_evidence) reason.appendChild(evidenceBlock(doc, pair));

    tr.append(cell('order', String(index + 1)), metric, targetCell, resultCell, cell('verdict', verdictBadge(doc, pair.verdict)), score, reason);
    return tr;
  }

  function draw() {
    showPage({ rows: visible(), total: comparison.pairs.length, view, tbody, row, status: shown, more, prefix: 'compare.table' });
  }

  summaryContainer.addEventListener('click', (event) => {
    const chip = event.target instanceof Element ? event.target.closest('[data-verdict]') : null;
    if (!chip) return;
    const code = chip.dataset.verdict;
    verdict = verdict === code ? '' : code;
    view.limit = PAGE_ROWS;
    drawSummary();
    draw();
    // The chips were drawn again: focus stays on the one that was chosen.
    summaryContainer.querySelector(`[data-verdict="${code}"]`)?.focus();
  });
  wireTableControls(view, {
    headRow,
    search,
    more,
    tbody,
    rowKey: 'pairIndex',
    onSelect,
    relabel: fillLabels,
    draw,
  });

  fillLabels();
  drawSummary();
  draw();

  return {
    /** Shows a new comparison; the verdict filter and the sort are kept. */
    setData(newComparison) {
      comparison = newComparison ?? { pairs: [], summary: {} };
      haystacks = null;
      current = null;
      view.limit = PAGE_ROWS;
      drawSummary();
      draw();
    },
    /** Redraws labels and cells in the current language. */
    refresh() {
      haystacks = null;
      fillLabels();
      drawSummary();
      draw();
    },
    /** Marks the row of pair `index` (or none) as the current one. */
    markCurrent(index) {
      current = index;
      for (const tr of tbody.querySelectorAll('.zb-row-current')) {
        tr.classList.remove('zb-row-current');
        tr.removeAttribute('aria-current');
      }
      const tr = index == null ? null : tbody.querySelector(`tr[data-pair-index="${index}"]`);
      if (tr) {
        tr.classList.add('zb-row-current');
        tr.setAttribute('aria-current', 'true');
      }
    },
  };
}
