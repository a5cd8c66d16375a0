// main.js: wires the page together: input events to the annotator, results
// to the view, outline and table, the buttons to their modules, and the
// switch between the two modes, 标注 / Annotate and 对比 / Compare (compare.js).
// The work itself lives in the other modules; this file only connects them.

import { Annotator, MAIN_THREAD_MAX_CHARS, MAX_CHARS, TIMEOUT_MS } from '../engine/annotator.js';
import { nextFrame, renderAnnotation, relabel } from '../view/render.js';
import { createDetails } from '../view/details.js';
import { renderOutline, markCurrent } from './outline.js';
import { createIndicatorTable } from './table.js';
import { applyCorrections, setCorrection } from './corrections.js';
import { exportActions, messageLine } from './messages.js';
import { clearDraft, loadDraft, loadLanguage, loadMode, saveDraft, saveLanguage, saveMode } from './storage.js';
import { applyTranslations, codeNameBoth, getLanguage, htmlLang, setLanguage, t } from '../view/i18n.js';
import { formatBytes, formatNumber } from '../view/format.js';
import { createStages } from './stages.js';
import { createLayoutNote } from './layout-note.js';
import { createTabs } from './tabs.js';
import { wireFileDrop } from './file-drop.js';
import { wireExportButtons } from './export-buttons.js';
import { createDraftMenu } from './draft-menu.js';
import { reveal } from './scrolling.js';
import { loadSeriesMode } from './series-loader.js';
import { glosser } from './english.js';
import { wirePrinting } from './printing.js';

const DEBOUNCE_MS = 150;
const DRAFT_SAVE_MS = 400;
const SAMPLE_URL = 'samples/gz-2017-government-work-report.txt';

/**
 * The modules the first view does not need, imported on first use (and
 * ahead of it once the first view has settled, startBackgroundWork): over
 * HTTP/1.1 a browser fetches six files at a time, so each file fewer at the
 * start can save a round trip before the first annotation.
 */
const textFile = () => import('./text-file.js');
const exporter = () => import('./export.js');

const $ = (id) => document.getElementById(id);
const input = $('report-text');
const view = $('view');
const outline = $('outline');
const status = $('status');
const inputMessage = messageLine($('input-message'));
const exportMessage = messageLine($('export-message'));
const viewState = $('view-state');
const retry = $('retry');

/** What is on screen: the text and its annotation, or nothing. */
let current = { text: '', result: null, ms: 0 };
let sourceName = null;
let generation = 0;
let renderAbort = null;
let rendering = Promise.resolve();
let lastStatus = null;
let inputTimer = 0;
let draftTimer = 0;
/** 'annotate' or 'compare': which of the two modes is on screen. */
let mode = 'annotate';
/** The report box changed while compare mode was on screen (or nothing was annotated yet). */
let annotateStale = true;

// Short texts are annotated on this thread (see annotator.js): the cold start
// does not wait for the worker to start.
const annotator = new Annotator(undefined, { mainThread: true });
const glossary = glosser(annotator);
// The popover lives in <main> so that it, too, is inside a landmark.
const details = createDetails({ scope: view, host: document.querySelector('main'), getAnnotation: () => current });
const tableContainer = $('indicator-table');
/**
 * The indicators table, its controls built when first needed (at the latest
 * in the frame after the first settled page state): they are below the fold
 * and not part of the first view. Null until then.
 */
let table = null;
const getTable = () => {
  if (table) return table;
  table = createIndicatorTable(tableContainer, { onSelect: focusIndicator, onChange: tableChanged, onCorrect: correct });
  // the filters, search and sort of the draft's session
  try {
    const state = loadDraft('table').text;
    if (state) table.setState(JSON.parse(state));
  } catch {
    // a state from another version: the table starts plain
  }
  return table;
};
let tableSaveTimer = 0;
/** A reader's correction of indicator `ind` (null: back to the engine's): kept with the draft, shown in the table and the details, exported. */
function correct(ind, fix) {
  if (!current.result) return;
  if (!setCorrection(current.result, ind, fix)) exportMessage.show('edit.saveFailed');
  table.redraw();
  details.refresh();
  glossShown();
}
/** Keeps the table's filters with the draft (after a pause), and offers "export these N rows" when they leave rows out. */
function tableChanged(state) {
  clearTimeout(tableSaveTimer);
  tableSaveTimer = setTimeout(() => saveDraft(JSON.stringify(state), 'table'), 300);
  updateExportButtons();
}
/** The export buttons say whether there is anything to export; "export these N rows" shows when a filter is on. */
function updateExportButtons() {
  const none = !current.result;
  for (const id of ['export-csv', 'export-json', 'export-web-annotations', 'copy-csv', 'copy-json', 'export-rows'])
    $(id).setAttribute('aria-disabled', String(none));
  const rows = $('export-rows');
  const filtered = Boolean(!none && table?.filtered());
  rows.hidden = !filtered;
  if (filtered) rows.textContent = t('export.rows', { n: formatNumber(table.visibleIds().length) });
}
/**
 * Compare mode (compare.js), loaded the first time it is shown: a reader who
 * only annotates never pays for it. Null until then.
 */
let compareMode = null;
let compareLoading = null;

/**
 * Page states and what waits for the frames after the annotated view
 * (stages.js): the table of a short text, the report box, the background
 * work.
 */
const stages = createStages({
  generation: () => generation,
  onSettled: () => getTable(),
  background: () => {
    annotator.warmUpWorker();
    textFile().catch(() => {});
    exporter().catch(() => {});
  },
});
const { setPageState, revealPage, layOutLater, layOutNow, startBackgroundWork } = stages;

function setStatus(key, params = {}) {
  lastStatus = key ? { key, params } : null;
  status.textContent = key ? t(key, params) : '';
}

/** The notice above the view (empty / no indicators / too large / error), or none. */
function showViewState(titleKey, body, { canRetry = false } = {}) {
  viewState.hidden = !titleKey;
  viewState.dataset.kind = titleKey ?? '';
  $('view-state-title').textContent = titleKey ? t(titleKey) : '';
  $('view-state-body').textContent = body ?? '';
  retry.hidden = !canRetry;
}

const layoutNote = createLayoutNote({
  note: $('layout-note'),
  noteText: $('layout-note-text'),
  button: $('layout-reflow'),
  reflowed: $('reflowed'),
  view,
  reflow: (text) => annotator.reflow(text),
  currentText: () => current.text,
  onError: (error) => showViewState('view.error.title', t('view.error.crash', { message: error.message })),
});

function clearResult() {
  renderAbort?.abort();
  layoutNote.show(null);
  current = { text: current.text, result: null, ms: 0 };
  updateExportButtons();
  details.hide();
  view.replaceChildren();
  view.removeAttribute('aria-busy');
  outline.replaceChildren();
  table?.setData('', { sections: [], indicators: [] });
}

function updateCharCount() {
  const n = input.value.length;
  $('char-count').textContent = n ? t('input.chars', { n: formatNumber(n) }) : '';
}

async function annotateNow() {
  clearTimeout(inputTimer);
  stages.setAfterView(null);
  annotateStale = false;
  const text = input.value;
  const gen = ++generation;
  renderAbort?.abort();
  updateCharCount();
  if (text.length > MAX_CHARS) {
    clearResult();
    const params = { n: formatNumber(text.length), limit: formatNumber(MAX_CHARS) };
    showViewState('view.tooLarge.title', t('input.tooLarge', params));
    setStatus(null);
    setPageState('too-large');
    return;
  }
  if (text.trim() === '') {
    clearResult();
    showViewState('view.empty.title', t('view.empty.body'));
    setStatus(null);
    setPageState('empty');
    return;
  }
  setPageState('busy');
  performance.mark('zhibiao:annotate');
  view.setAttribute('aria-busy', 'true');
  setStatus(annotator.ready ? 'status.annotating' : 'status.loading');
  let answer;
  try {
    answer = await annotator.annotate(text);
  } catch (error) {
    if (gen !== generation || error.code === 'superseded') return;
    clearResult();
    const key = error.code === 'load' ? 'view.error.load' : error.code === 'timeout' ? 'view.error.timeout' : 'view.error.crash';
    showViewState('view.error.title', t(key, { message: error.message, seconds: TIMEOUT_MS / 1000 }), { canRetry: true });
    setStatus(null);
    setPageState('error');
    return;
  }
  if (gen !== generation) return;
  const { result, ms } = answer;
  applyCorrections(result);
  performance.mark('zhibiao:result');
  current = { text, result, ms };
  glossShown();
  updateExportButtons();
  details.hide();
  layoutNote.show(result);
  if ($('layout-reflow').getAttribute('aria-pressed') === 'true') layoutNote.showReflowed(true);
  const none = result.indicators.length === 0;
  if (none) showViewState('view.none.title', t('view.none.body'));
  else showViewState(null);
  const controller = new AbortController();
  renderAbort = controller;
  // A short text (one annotated on this thread) is built in one go, view
  // and outline, and shown in one frame: off-screen chunks of the view are
  // content-visibility: auto, so that frame lays out about a screenful, and
  // every frame in between would only add latency.
  const whole = text.length <= MAIN_THREAD_MAX_CHARS;
  rendering = renderAnnotation(view, text, result, {
    signal: controller.signal,
    whole,
    onProgress: (fraction) => {
      if (fraction < 1) setStatus('status.rendering', { percent: Math.floor(fraction * 100) });
    },
  });
  // A long text's outline and table get a frame each, after the first
  // screenful of text: laid out together, a long report's first frame would
  // block the page for several hundred ms.
  const panels = (async () => {
    if (!whole) await nextFrame(document);
    if (controller.signal.aborted) return;
    renderOutline(outline, result, { onSelect: focusSection });
    if (!whole) await nextFrame(document);
    if (controller.signal.aborted) return;
    // A short text's table is filled in the frame after the one that shows
    // the view (setPageState): its 100 rows take longer to lay out than the
    // first screenful of the report. Whether it will be on screen is not
    // known before that frame (the view pushes it down; an observer would
    // answer for the page as it was), and on a screen tall enough to show
    // it, it comes one frame after the report.
    const fillTable = () => {
      getTable().setData(text, result);
      performance.mark('zhibiao:panels');
    };
    if (whole) stages.setAfterView(fillTable);
    else fillTable();
  })();
  try {
    await Promise.all([rendering, panels]);
    if (controller.signal.aborted) return;
  } catch (error) {
    if (error.name === 'AbortError') return;
    throw error;
  }
  view.removeAttribute('aria-busy');
  performance.mark('zhibiao:rendered');
  if (none) setStatus('status.none');
  else setStatus('status.done', { indicators: result.indicators.length, sections: result.sections.length, ms: Math.round(ms) });
  setPageState(none ? 'none' : 'ready');
}

function scheduleAnnotate() {
  clearTimeout(inputTimer);
  inputTimer = setTimeout(annotateNow, DEBOUNCE_MS);
}

function scheduleDraftSave() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(saveDraftNow, DRAFT_SAVE_MS);
}

function saveDraftNow() {
  clearTimeout(draftTimer);
  draftTimer = 0;
  const text = input.value;
  if (text.length > MAX_CHARS || !saveDraft(text)) inputMessage.show('input.draft.failed');
  else if (['input.draft.failed', 'input.draft.stale'].includes(inputMessage.key)) inputMessage.show(null);
}

/** The drafts of other tabs (or saved before) in the menu beside 清除 (draft-menu.js). */
const draftMenu = createDraftMenu($('draft-menu'), { currentText: () => input.value, saveNow: () => saveDraftNow(), open: (text) => replaceText(text, null) });
const fillDraftMenu = draftMenu.fill;

/**
 * Puts new text in the box (from a file or the sample) and annotates it as
 * soon as the box has been drawn: laying out a long text in a textarea is
 * the browser's heaviest single step here, and the worker competing for the
 * CPU at the same moment (two cores are common) would make it slower still.
 */
function replaceText(text, name) {
  // A short text is annotated on this thread at once, and the box drawn
  // after the view (layOutLater).
  const short = text.length <= MAIN_THREAD_MAX_CHARS;
  if (short) layOutLater(input);
  input.value = text;
  // a file or the sample starts at its top, not where the last text was
  // scrolled to (the box keeps it; laid out later, once it is shown)
  input.setSelectionRange(0, 0);
  input.scrollTop = 0;
  stages.scrollTopOnLayout(input);
  sourceName = name;
  saveDraftNow();
  updateCharCount();
  if (short) annotateNow();
  else nextFrame(document).then(annotateNow);
}

async function waitForElement(selector) {
  let el = view.querySelector(selector);
  if (!el) {
    await rendering.catch(() => {});
    el = view.querySelector(selector);
  }
  return el;
}

async function focusSection(id) {
  const heading = await waitForElement(`[data-section-id="${id}"]`);
  if (!heading) return;
  heading.focus({ preventScroll: true });
  await reveal(view, heading, 'start');
  markCurrent(outline, id);
}

async function focusIndicator(id) {
  const mark = await waitForElement(`[data-indicator-id="${id}"]`);
  if (!mark) return;
  mark.focus({ preventScroll: true });
  await reveal(view, mark, 'center');
  if (document.activeElement === mark) details.show(mark, false);
}

async function openFile(file) {
  inputMessage.show(null);
  const params = { name: file.name, size: formatBytes(file.size), limit: formatNumber(MAX_CHARS) };
  let module = null;
  try {
    module = await textFile();
    const { text, encoding } = await module.readTextFile(file, (bytes) => annotator.sniff(bytes));
    replaceText(text, file.name);
    inputMessage.show('input.file.loaded', { name: file.name, encoding });
  } catch (error) {
    const key = module ? module.messageKey(error) : 'input.file.readError';
    inputMessage.show(key, { ...params, message: String(error?.message ?? error) });
  }
}

async function loadSample() {
  inputMessage.show(null);
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    replaceText(await response.text(), SAMPLE_URL.split('/').pop());
  } catch (error) {
    inputMessage.show('input.sample.error', { message: error.message });
  }
}

// export.js comes on first use: a failed import says so.
const exportButtons = exportActions(exportMessage, {
  ready: () => Boolean(current.result),
  nothingKey: 'export.nothing',
  copyText: async () => (await exporter()).copyText,
});
const exportOrSay = (action) => exportButtons.run(() => action(current));
const copy = (makeText) => exportButtons.copy(makeText);

function fillLegend() {
  for (const key of document.querySelectorAll('.zb-key[data-code]')) key.textContent = codeNameBoth('status', key.dataset.code);
}

function applyLanguage() {
  document.documentElement.lang = htmlLang();
  document.title = t('doc.title');
  applyTranslations(document);
  fillLegend();
  updateCharCount();
  if (lastStatus) setStatus(lastStatus.key, lastStatus.params);
  if (current.result) layoutNote.show(current.result);
  fillDraftMenu();
  $('layout-reflow').textContent = t($('layout-reflow').getAttribute('aria-pressed') === 'true' ? 'layout.hide' : 'layout.show');
  inputMessage.relabel();
  exportMessage.relabel();
  compareMode?.applyLanguage();
  skipLink.textContent = t(SKIP[mode][1]);
  seriesMode?.relabel();
  if (current.result) {
    relabel(view, current.result);
    renderOutline(outline, current.result, { onSelect: focusSection });
    if (current.result.indicators.length === 0) showViewState('view.none.title', t('view.none.body'));
  } else if (document.documentElement.dataset.zbState === 'empty') {
    showViewState('view.empty.title', t('view.empty.body'));
  }
  table?.refresh();
  details.refresh();
  glossShown();
}

/** In English, the result on screen with the glossary's English (english.js). */
function glossShown(result = current.result) {
  glossary(result?.indicators, {
    stillShown: () => current.result === result,
    shown: () => (relabel(view, result), table?.redraw(), details.refresh()),
  });
}

// --- modes ----------------------------------------------------------------

const tabs = createTabs($('mode-tabs'), { current: () => mode, choose: (next, options) => setMode(next, options) });
const skipLink = document.querySelector('.skip-link');

/** Each mode's skip link: where it goes and what it says. */
const SKIP = { annotate: ['#view', 'skip.view'], compare: ['#compare-heading', 'skip.compare'], series: ['#series-chart-heading', 'skip.series'] };
/** Series mode (series-loader.js), loaded the first time it is shown; null until then. */
let seriesMode = null;

/** compare.js, imported and set up once; rejects if it cannot be loaded. */
function loadCompareMode() {
  compareLoading ??= import('./compare.js').then(({ createCompareMode }) => {
    compareMode = createCompareMode({ annotator, host: document.querySelector('main') });
    return compareMode;
  });
  compareLoading.catch(() => {
    compareLoading = null;
  });
  return compareLoading;
}

/**
 * Shows one mode and hides the other. A mode that is not on screen does no
 * work: its text is annotated (or compared) when it is shown again.
 * `data-zb-mode` on <html> names the mode once it is ready.
 */
async function setMode(next, { focusTab = false } = {}) {
  mode = Object.hasOwn(SKIP, next) ? next : 'annotate';
  tabs.select(mode, { focusTab });
  saveMode(mode);
  skipLink.href = SKIP[mode][0];
  skipLink.textContent = t(SKIP[mode][1]);
  for (const link of document.querySelectorAll('.skip-annotate')) link.hidden = mode !== 'annotate';
  dropHint.hidden = true;
  compareMode?.showDropHint(null);
  seriesMode?.showDropHint(false);
  if (mode === 'annotate') {
    compareMode?.hide();
    document.documentElement.dataset.zbMode = mode;
    if (annotateStale) annotateNow();
    return;
  }
  details.hide();
  if (mode === 'series') {
    compareMode?.hide();
    try {
      seriesMode = await loadSeriesMode(annotator);
    } catch (error) {
      $('series-status').textContent = t('series.loadError', { message: error.message });
      return;
    }
    if (mode !== 'series') return;
    seriesMode.show();
    document.documentElement.dataset.zbMode = mode;
    return;
  }
  try {
    await loadCompareMode();
  } catch (error) {
    $('compare-status').textContent = t('compare.loadError', { message: error.message });
    return;
  }
  if (mode !== 'compare') return;
  compareMode.show();
  document.documentElement.dataset.zbMode = mode;
}

// --- wiring ---------------------------------------------------------------

// A paste over the limit never reaches the box: a textarea holding many
// megabytes can stall the tab on its own, before any annotation starts.
input.addEventListener('paste', (event) => {
  const pasted = event.clipboardData?.getData('text/plain') ?? '';
  const kept = input.value.length - (input.selectionEnd - input.selectionStart);
  if (kept + pasted.length > MAX_CHARS) {
    event.preventDefault();
    inputMessage.show('input.tooLarge', { n: formatNumber(kept + pasted.length), limit: formatNumber(MAX_CHARS) });
  }
});

input.addEventListener('input', () => {
  updateCharCount();
  scheduleAnnotate();
  scheduleDraftSave();
});

$('open-file').addEventListener('click', () => $('file-input').click());
$('file-input').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (file) openFile(file);
  event.target.value = '';
});
$('load-sample').addEventListener('click', loadSample);
// Hidden or leaving: what was typed since the last save is saved now.
const flushDrafts = () => {
  if (draftTimer) saveDraftNow();
  compareMode?.flushDrafts();
};
addEventListener('pagehide', flushDrafts);
wirePrinting({ outline: $('outline-panel'), table: () => table });
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushDrafts();
});
$('clear-text').addEventListener('click', () => {
  input.value = '';
  sourceName = null;
  clearDraft();
  inputMessage.show(null);
  annotateNow();
  input.focus();
});
retry.addEventListener('click', annotateNow);

// A file dropped anywhere on the page opens it (file-drop.js).
const dropHint = $('drop-hint');
wireFileDrop({ hint: dropHint, mode: () => mode, compare: () => compareMode, series: () => seriesMode, openFile });

wireExportButtons({
  run: exportOrSay,
  copy,
  exporter,
  annotator,
  sourceName: () => sourceName,
  result: () => current.result,
  visibleIds: () => getTable().visibleIds(),
});

$('lang-switch').addEventListener('click', () => {
  setLanguage(getLanguage() === 'zh' ? 'en' : 'zh');
  saveLanguage(getLanguage());
  applyLanguage();
});

annotator.onState((state) => {
  if (state.type === 'ready') {
    $('engine-version').textContent = state.version ? `v${state.version}` : '';
    if (lastStatus?.key === 'status.loading') setStatus('status.annotating');
  }
});

// --- start ----------------------------------------------------------------

setLanguage(loadLanguage() ?? 'zh');
if (matchMedia('(max-width: 720px)').matches) $('outline-panel').open = false;
applyLanguage();
annotator.warmUp();
const saved = loadDraft();
const draft = saved.text;
if (saved.stale) {
  const time = new Date(saved.at).toLocaleString(getLanguage() === 'zh' ? 'zh-CN' : 'en-GB');
  inputMessage.show('input.draft.stale', { time });
}
const shortDraft = draft !== '' && draft.length <= MAIN_THREAD_MAX_CHARS;
if (shortDraft) layOutLater(input);
input.value = draft;
fillDraftMenu();
input.addEventListener('focus', layOutNow);
const firstMode = loadMode() ?? 'annotate';
// A long draft is shown a slice at a time as the worker answers, and compare
// mode settles on its own: neither waits hidden (revealPage).
if (!shortDraft || firstMode !== 'annotate') revealPage();
setMode(firstMode);
// Compare mode, shown first, may not settle the annotate view's state soon.
addEventListener(
  'load',
  () =>
    setTimeout(() => {
      layOutNow();
      startBackgroundWork();
    }, 2000),
  { once: true },
);
