// compare.js: compare mode. Two reports side by side, the earlier one's
// targets paired with the later one's results by the engine's `compare` (in
// the worker, debounced), a verdict summary and table, both texts annotated
// with the pairs highlighted and linked to each other, and the comparison as
// CSV / JSON. main.js shows and hides it; the work is all here.
//
// User text only ever enters the DOM as text (textContent, text nodes).

import { TIMEOUT_MS } from '../engine/annotator.js';
import { indicatorLabel, nextFrame, relabel, renderAnnotation } from '../view/render.js';
import { createDetails } from '../view/details.js';
import { VERDICT_ICONS, VERDICTS, createCompareTable, pairDetailsBox } from './compare-table.js';
import { reveal, scrollWithin } from './scrolling.js';
import { compareExportName, comparisonToCsv, comparisonToJson, copyText, download } from './export.js';
import { loadCompareDraft, saveCompareDraft } from './storage.js';
import { exportActions, messageLine } from './messages.js';
import { MAX_CHARS, messageKey, readTextFile } from './text-file.js';
import { codeName, codeNameBoth, getLanguage, t } from '../view/i18n.js';
import { glosser, pairIndicators } from './english.js';
import { formatBytes, formatNumber } from '../view/format.js';

const DEBOUNCE_MS = 150;
const DRAFT_SAVE_MS = 400;
export const SIDES = ['old', 'new'];

/** After the browser has drawn a frame (so off-screen chunks that came into view have their real height). */
const frame = () => nextFrame(document);

/**
 * Compare mode on the page's `#compare-mode` markup. `annotator` is the
 * page's Annotator (one worker for both modes); `host` holds the popovers.
 */
export function createCompareMode({ annotator, host }) {
  const glossary = glosser(annotator);
  const $ = (id) => document.getElementById(id);
  const root = document.documentElement;
  const sides = Object.fromEntries(
    SIDES.map((side) => [
      side,
      {
        input: $(`compare-${side}-text`),
        fileInput: $(`compare-${side}-file`),
        count: $(`compare-${side}-count`),
        message: messageLine($(`compare-${side}-message`)),
        dropHint: $(`compare-${side}-drop`),
        box: document.querySelector(`.compare-side[data-side="${side}"]`),
        view: $(`compare-view-${side}`),
        name: null,
        draftTimer: 0,
      },
    ]),
  );
  const status = $('compare-status');
  const stateBox = $('compare-state');
  const retry = $('compare-retry');
  const message = messageLine($('compare-message'));
  const exportMessage = messageLine($('compare-export-message'));

  /**
   * What is on screen: the texts, their annotations, the comparison, and
   * for each pair the ids of its target (in `old`) and result (in `new`);
   * `byTarget` and `byResult` go from an indicator id to its pairs.
   */
  let current = null;
  let generation = 0;
  let timer = 0;
  let renderAbort = null;
  let rendering = Promise.resolve();
  let active = false;
  let stale = true;
  let lastStatus = null;
  let lastState = null;
  let currentPair = null;
  let selecting = false;

  const table = createCompareTable({ summaryContainer: $('compare-summary'), container: $('compare-table'), onSelect: selectPair });

  const details = Object.fromEntries(
    SIDES.map((side) => [
      side,
      createDetails({
        scope: sides[side].view,
        host,
        getAnnotation: () => ({ text: current?.texts[side] ?? '', result: current?.[side] ?? null }),
        extra: (indicator) => pairDetails(side, indicator),
      }),
    ]),
  );

  // --- state, status and messages -------------------------------------------

  /** empty | incomplete | busy | ready | none | error | too-large, for styling and tests. */
  function setState(state) {
    root.dataset.zbCompareState = state;
    root.dataset.zbCompareGeneration = String(generation);
  }

  function setStatus(key, params = {}) {
    lastStatus = key ? { key, params } : null;
    status.textContent = key ? t(key, params) : '';
  }

  /** The notice above the table, or none: keys, so a language switch can redo it. */
  function showState(titleKey, bodyKey = null, params = {}, { canRetry = false, error = false } = {}) {
    lastState = titleKey ? { titleKey, bodyKey, params, canRetry, error } : null;
    stateBox.hidden = !titleKey;
    stateBox.dataset.kind = titleKey ?? '';
    stateBox.classList.toggle('view-state-error', error);
    $('compare-state-title').textContent = titleKey ? t(titleKey) : '';
    $('compare-state-body').textContent = bodyKey ? t(bodyKey, params) : '';
    retry.hidden = !canRetry;
  }

  function showSideMessage(side, key, params = {}) {
    sides[side].message.show(key, params);
  }

  function showMessage(line, key, params = {}) {
    line.show(key, params);
  }

  function updateCounts() {
    for (const side of SIDES) {
      const n = sides[side].input.value.length;
      sides[side].count.textContent = n ? t('input.chars', { n: formatNumber(n) }) : '';
    }
  }

  // --- pairs in the views ---------------------------------------------------

  /** The pairs an indicator of `side` takes part in (a result may serve several targets). */
  function pairsOf(side, id) {
    if (!current) return [];
    if (side === 'old') return current.byTarget.has(id) ? [current.byTarget.get(id)] : [];
    return current.byResult.get(id) ?? [];
  }

  function markLabel(indicator, list) {
    const verdicts = list.map((i) => codeName('verdict', current.comparison.pairs[i].verdict)).join(', ');
    return t('compare.mark.aria', { label: indicatorLabel(indicator), verdicts });
  }

  /** Marks a highlight that takes part in a pair as it is rendered. */
  function decorator(side) {
    return (el, indicator) => {
      const list = pairsOf(side, indicator.id);
      if (!list.length) return;
      const verdicts = [...new Set(list.map((i) => current.comparison.pairs[i].verdict))];
      el.classList.add('zb-paired', `zb-verdict-${verdicts.length === 1 ? verdicts[0] : 'mixed'}`);
      el.dataset.pairs = list.join(' ');
      el.dataset.verdictIcon = verdicts.map((v) => VERDICT_ICONS[v] ?? '?').join('');
      el.setAttribute('aria-label', markLabel(indicator, list));
    };
  }

  /** In English, both reports and the pairs with the glossary's English (english.js). */
  function glossShown(shown = current) {
    if (!shown) return;
    const indicators = [...shown.old.indicators, ...shown.new.indicators, ...pairIndicators(shown.comparison)];
    const redraw = () => (relabelViews(), table.refresh(), table.markCurrent(currentPair), SIDES.forEach((side) => details[side].refresh()));
    glossary(indicators, { stillShown: () => current === shown, shown: redraw });
  }

  function relabelViews() {
    if (!current) return;
    for (const side of SIDES) {
      const result = current[side];
      relabel(sides[side].view, result);
      for (const el of sides[side].view.querySelectorAll('[data-pairs]')) {
        const indicator = result.indicators[Number(el.dataset.indicatorId)];
        if (indicator) el.setAttribute('aria-label', markLabel(indicator, el.dataset.pairs.split(' ').map(Number)));
      }
    }
  }

  /** The partner(s) and verdict(s) of a highlight, for its popover. */
  function pairDetails(side, indicator) {
    const list = pairsOf(side, indicator.id);
    return list.length ? pairDetailsBox(document, side, list, current.comparison) : null;
  }

  function markOf(side, id) {
    return id == null ? null : sides[side].view.querySelector(`[data-indicator-id="${id}"]`);
  }

  /** Marks pair `index` (or none) as the current one: both highlights and its row. */
  function setCurrentPair(index) {
    for (const side of SIDES) for (const el of sides[side].view.querySelectorAll('.zb-current')) el.classList.remove('zb-current');
    currentPair = index;
    table.markCurrent(index);
    if (index == null || !current) return;
    const link = current.links[index];
    markOf('old', link.target)?.classList.add('zb-current');
    markOf('new', link.result)?.classList.add('zb-current');
  }

  /** On a phone a highlight goes to the top of its view, which leaves room below it for the popover. */
  const revealBlock = () => (matchMedia('(max-width: 600px)').matches ? 'start' : 'center');

  /**
   * A row was chosen: the result comes into view on the right and is marked
   * current, the target into view on the left and gets the focus (and so
   * its popover, with the result and the verdict). The result goes first:
   * on a narrow screen the views are stacked, and the target must be the
   * one left on screen.
   */
  async function selectPair(index) {
    await rendering.catch(() => {});
    const link = current?.links[index];
    if (!link) return;
    const target = markOf('old', link.target);
    const result = markOf('new', link.result);
    setCurrentPair(index);
    selecting = true;
    try {
      if (result) await reveal(sides.new.view, result, revealBlock());
      if (target) {
        target.focus({ preventScroll: true });
        await reveal(sides.old.view, target, revealBlock());
        if (document.activeElement === target) details.old.show(target, false);
      }
    } finally {
      selecting = false;
    }
  }

  for (const side of SIDES) {
    const other = side === 'old' ? 'new' : 'old';
    // Focusing (or clicking) a paired highlight makes its pair current and
    // brings the partner into view in the other text.
    sides[side].view.addEventListener('focusin', (event) => {
      const mark = event.target instanceof Element ? event.target.closest('[data-pairs]') : null;
      if (!mark || !current) return;
      const list = mark.dataset.pairs.split(' ').map(Number);
      const index = list.includes(currentPair) ? currentPair : list[0];
      setCurrentPair(index);
      const link = current.links[index];
      const partner = markOf(other, side === 'old' ? link.result : link.target);
      if (partner && !selecting) scrollWithin(sides[other].view, partner);
    });
  }

  // --- comparing --------------------------------------------------------------

  /**
   * Shows only what has something in it: the summary and table when there
   * are pairs, the view of each side that has text (one alone takes the
   * whole width), and the legend with them.
   */
  /**
   * The reports' years above the table and, when the later report is not
   * the next year's (or a year cannot be told), the warning: both from the
   * engine's codes and years, set as text.
   */
  function drawYears() {
    const warningBox = $('compare-warning');
    const yearsBox = $('compare-years');
    const comparison = current?.comparison;
    const years = comparison?.years;
    const warning = comparison?.warning;
    const unknown = t('compare.yearUnknown');
    const params = { old: years?.old ?? unknown, new: years?.new ?? unknown, reviewed: years?.reviewed ?? unknown };
    yearsBox.hidden = !years || !comparison.pairs.length;
    yearsBox.textContent = years ? t('compare.years', params) : '';
    warningBox.hidden = !warning;
    warningBox.textContent = warning ? t(`compare.warning.${warning.code}`, params) : '';
    if (warning) warningBox.title = warning.message;
    warningBox.dataset.code = warning?.code ?? '';
  }

  function showParts(hasPairs, shown) {
    $('compare-summary').hidden = !hasPairs;
    $('compare-table').hidden = !hasPairs;
    for (const side of SIDES) sides[side].view.closest('section').hidden = !shown[side];
    $('compare-legend').hidden = !(shown.old || shown.new);
    document.querySelector('.compare-views').classList.toggle('compare-views-single', shown.old !== shown.new);
  }

  function clearResult() {
    renderAbort?.abort();
    current = null;
    currentPair = null;
    for (const side of SIDES) {
      details[side].hide();
      sides[side].view.replaceChildren();
      sides[side].view.removeAttribute('aria-busy');
      sides[side].view.classList.remove('zb-has-pairs');
    }
    table.setData(null);
    drawYears();
    showParts(false, { old: false, new: false });
  }

  async function compareNow() {
    clearTimeout(timer);
    stale = false;
    const texts = { old: sides.old.input.value, new: sides.new.input.value };
    const gen = ++generation;
    renderAbort?.abort();
    updateCounts();
    for (const side of SIDES) {
      if (texts[side].length > MAX_CHARS) {
        clearResult();
        showState(
          'compare.tooLarge.title',
          'compare.tooLarge.body',
          { side: t(`compare.side.${side}`), n: formatNumber(texts[side].length), limit: formatNumber(MAX_CHARS) },
          { error: true },
        );
        setStatus(null);
        setState('too-large');
        return;
      }
    }
    const empty = { old: texts.old.trim() === '', new: texts.new.trim() === '' };
    if (empty.old && empty.new) {
      clearResult();
      showState('compare.empty.title', 'compare.empty.body');
      setStatus(null);
      setState('empty');
      return;
    }
    setState('busy');
    for (const side of SIDES) sides[side].view.setAttribute('aria-busy', 'true');
    setStatus(annotator.ready ? 'compare.status.comparing' : 'status.loading');
    let answer;
    try {
      answer = await annotator.compare(texts.old, texts.new);
    } catch (error) {
      if (gen !== generation || error.code === 'superseded') return;
      clearResult();
      const key = error.code === 'load' ? 'view.error.load' : error.code === 'timeout' ? 'view.error.timeout' : 'view.error.crash';
      showState('compare.error.title', key, { message: error.message, seconds: TIMEOUT_MS / 1000 }, { canRetry: true, error: true });
      setStatus(null);
      setState('error');
      return;
    }
    if (gen !== generation) return;

    const { comparison, links } = answer;
    const byTarget = new Map();
    const byResult = new Map();
    links.forEach((link, index) => {
      if (link.target != null) byTarget.set(link.target, index);
      if (link.result != null) byResult.set(link.result, [...(byResult.get(link.result) ?? []), index]);
    });
    current = { texts, old: answer.old, new: answer.new, comparison, links, byTarget, byResult, ms: answer.ms };
    currentPair = null;
    glossShown();
    for (const side of SIDES) details[side].hide();

    const pairs = comparison.pairs.length;
    let state = 'ready';
    if (empty.old) {
      state = 'incomplete';
      showState('compare.oldEmpty.title', 'compare.oldEmpty.body');
    } else if (empty.new) {
      state = 'incomplete';
      showState('compare.newEmpty.title', 'compare.newEmpty.body');
    } else if (pairs === 0) {
      state = 'none';
      showState('compare.none.title', 'compare.none.body');
    } else if (comparison.summary.unmatched === pairs) {
      showState('compare.noMatch.title', 'compare.noMatch.body');
    } else {
      showState(null);
    }
    table.setData(comparison);
    drawYears();
    showParts(pairs > 0, { old: !empty.old, new: !empty.new });

    const controller = new AbortController();
    renderAbort = controller;
    const progress = { old: 0, new: 0 };
    rendering = Promise.all(
      SIDES.map((side) => {
        sides[side].view.classList.toggle('zb-has-pairs', pairs > 0);
        return renderAnnotation(sides[side].view, texts[side], current[side], {
          signal: controller.signal,
          decorate: decorator(side),
          // the keys go from pair to pair; the other figures are a click away
          focusable: pairs > 0 ? '[data-pairs]' : '[data-indicator-id]',
          onProgress: (fraction) => {
            progress[side] = fraction;
            const done = Math.min(progress.old, progress.new);
            if (done < 1) setStatus('compare.status.rendering', { percent: Math.floor(done * 100) });
          },
        });
      }),
    );
    try {
      await rendering;
      if (controller.signal.aborted) return;
    } catch (error) {
      if (error.name === 'AbortError') return;
      throw error;
    }
    for (const side of SIDES) sides[side].view.removeAttribute('aria-busy');
    if (state === 'incomplete') setStatus('compare.status.incomplete');
    else if (state === 'none') setStatus('compare.status.none');
    else setStatus('compare.status.done', { ...comparison.summary, ms: Math.round(answer.ms) });
    setState(state);
  }

  function scheduleCompare() {
    clearTimeout(timer);
    if (active) timer = setTimeout(compareNow, DEBOUNCE_MS);
    else stale = true;
  }

  // --- text in ------------------------------------------------------------------

  function saveDraftNow(side) {
    const s = sides[side];
    clearTimeout(s.draftTimer);
    const text = s.input.value;
    if (text.length > MAX_CHARS || !saveCompareDraft(side, text)) showSideMessage(side, 'input.draft.failed');
    else if (s.message.key === 'input.draft.failed') showSideMessage(side, null);
  }

  /** New text in a box (from a file or a swap); compared once the box is drawn. */
  function replaceText(side, text, name) {
    sides[side].input.value = text;
    sides[side].name = name;
    saveDraftNow(side);
    updateCounts();
    frame().then(compareNow);
  }

  async function openFile(side, file) {
    showSideMessage(side, null);
    showMessage(message, null);
    const params = { name: file.name, size: formatBytes(file.size), limit: formatNumber(MAX_CHARS) };
    try {
      const { text, encoding } = await readTextFile(file, (bytes) => annotator.sniff(bytes));
      replaceText(side, text, file.name);
      showSideMessage(side, 'input.file.loaded', { name: file.name, encoding });
    } catch (error) {
      showSideMessage(side, messageKey(error), { ...params, message: String(error?.message ?? error) });
    }
  }

  for (const side of SIDES) {
    const s = sides[side];
    // Text typed before this module arrived is kept; otherwise the draft comes back.
    if (s.input.value === '') s.input.value = loadCompareDraft(side);
    // A paste over the limit never reaches the box (see main.js).
    s.input.addEventListener('paste', (event) => {
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      const kept = s.input.value.length - (s.input.selectionEnd - s.input.selectionStart);
      if (kept + pasted.length > MAX_CHARS) {
        event.preventDefault();
        showSideMessage(side, 'input.tooLarge', { n: formatNumber(kept + pasted.length), limit: formatNumber(MAX_CHARS) });
      }
    });
    s.input.addEventListener('input', () => {
      s.name = null;
      updateCounts();
      scheduleCompare();
      clearTimeout(s.draftTimer);
      s.draftTimer = setTimeout(() => saveDraftNow(side), DRAFT_SAVE_MS);
    });
    $(`compare-${side}-open`).addEventListener('click', () => s.fileInput.click());
    s.fileInput.addEventListener('change', (event) => {
      const file = event.target.files?.[0];
      if (file) openFile(side, file);
      event.target.value = '';
    });
    $(`compare-${side}-clear`).addEventListener('click', () => {
      s.input.value = '';
      s.name = null;
      saveCompareDraft(side, '');
      showSideMessage(side, null);
      compareNow();
      s.input.focus();
    });
  }

  $('compare-swap').addEventListener('click', () => {
    const [oldText, newText] = [sides.old.input.value, sides.new.input.value];
    const [oldName, newName] = [sides.old.name, sides.new.name];
    showSideMessage('old', null);
    showSideMessage('new', null);
    sides.old.input.value = newText;
    sides.new.input.value = oldText;
    sides.old.name = newName;
    sides.new.name = oldName;
    saveDraftNow('old');
    saveDraftNow('new');
    compareNow();
  });
  retry.addEventListener('click', compareNow);

  // --- exports ------------------------------------------------------------------

  const exportButtons = exportActions(exportMessage, {
    ready: () => Boolean(current && current.texts.old.trim() !== '' && current.texts.new.trim() !== ''),
    nothingKey: 'compare.export.nothing',
    copyText: async () => copyText,
  });
  const exportOrSay = (action) => exportButtons.run(() => action(current.comparison));
  const copy = (text) => exportButtons.copy(async () => text);

  const fileName = (extension) => compareExportName(sides.old.name, sides.new.name, extension);
  // The CSV's fields are written by the engine (export.js); in English the exports carry the glossary's English.
  const english = () => getLanguage() === 'en';
  const csvOf = (c) => comparisonToCsv(annotator, c, { english: english() });
  const jsonOf = async (c) => (await glossary(pairIndicators(c)), comparisonToJson(c, { english: english() }));
  $('compare-export-csv').addEventListener('click', () => exportOrSay(async (c) => download(fileName('csv'), await csvOf(c), 'text/csv;charset=utf-8')));
  $('compare-export-json').addEventListener('click', () =>
    exportOrSay(async (c) => download(fileName('json'), await jsonOf(c), 'application/json;charset=utf-8')),
  );
  $('compare-copy-csv').addEventListener('click', () => exportOrSay(async (c) => copy((await csvOf(c)).replace(/^\uFEFF/, ''))));
  $('compare-copy-json').addEventListener('click', () => exportOrSay(async (c) => copy(await jsonOf(c))));

  // --- legend ---------------------------------------------------------------------

  function fillLegend() {
    const item = (...children) => {
      const li = document.createElement('li');
      li.append(...children);
      return li;
    };
    const items = ['target', 'actual', 'estimate'].map((status) => {
      const key = document.createElement('span');
      key.className = `zb-key zb-status-${status}`;
      key.textContent = codeNameBoth('status', status);
      return item(key);
    });
    for (const verdict of VERDICTS) {
      const pill = document.createElement('span');
      pill.className = `zb-verdict-pill zb-verdict-${verdict}`;
      pill.setAttribute('aria-hidden', 'true');
      pill.textContent = VERDICT_ICONS[verdict];
      items.push(item(pill, ` ${codeName('verdict', verdict)}`));
    }
    const other = document.createElement('span');
    other.className = 'zb-key zb-key-other';
    other.textContent = t('compare.legend.other');
    items.push(item(other));
    $('compare-legend').replaceChildren(...items);
  }

  fillLegend();
  updateCounts();
  showParts(false, { old: false, new: false });

  return {
    /** Saves both drafts now (the page is being hidden or unloaded). */
    flushDrafts() {
      for (const side of SIDES) if (sides[side].draftTimer) saveDraftNow(side);
    },
    /** Compare mode is on screen: compare what changed while it was not. */
    show() {
      active = true;
      if (stale) compareNow();
    },
    hide() {
      active = false;
      clearTimeout(timer);
      for (const side of SIDES) details[side].hide();
    },
    /**
     * The box a dragged file is over, or when it is over neither, the first
     * empty one (null when both hold text).
     */
    sideFor(target, { fallback = false } = {}) {
      const box = target instanceof Element ? target.closest('.compare-side') : null;
      if (box) return box.dataset.side;
      if (!fallback) return null;
      return SIDES.find((side) => sides[side].input.value.trim() === '') ?? null;
    },
    showDropHint(side) {
      for (const s of SIDES) sides[s].dropHint.hidden = s !== side;
    },
    /** A file dropped on compare mode: into `side`, or a message saying where to drop it. */
    dropFile(side, file) {
      this.showDropHint(null);
      if (side) openFile(side, file);
      else showMessage(message, 'compare.drop.where');
    },
    /** Redraws every text in the current language. */
    applyLanguage() {
      fillLegend();
      updateCounts();
      if (lastStatus) setStatus(lastStatus.key, lastStatus.params);
      if (lastState) showState(lastState.titleKey, lastState.bodyKey, lastState.params, lastState);
      for (const side of SIDES) sides[side].message.relabel();
      message.relabel();
      exportMessage.relabel();
      relabelViews();
      table.refresh();
      drawYears();
      table.markCurrent(currentPair);
      for (const side of SIDES) details[side].refresh();
      glossShown();
    },
  };
}
