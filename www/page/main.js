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
import { adoptDraft, clearDraft, loadDraft, loadLanguage, loadMode, otherDrafts, saveDraft, saveLanguage, saveMode } from './storage.js';
import { applyTranslations, codeNameBoth, getLanguage, htmlLang, setLanguage, t } from '../view/i18n.js';
import { formatBytes, formatNumber } from '../view/format.js';

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
const layoutNote = $('layout-note');
const reflowed = $('reflowed');
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
  if (!setCorrection(current.result, ind, fix)) showMessage(exportMessage, 'edit.saveFailed');
  table.redraw();
  details.refresh();
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

/** What waits for the frame after the annotated view (the table of a short text): see setPageState. */
let afterView = null;

/**
 * Page state, for styling and for tests: empty | busy | ready | none | error |
 * too-large, with the number of the annotation run it belongs to. `ready`:
 * the annotated report (every highlight) and its outline are in the page.
 * What waits for the frames after that follows, the table of a short text
 * once the frame showing the report is drawn and the report box
 * (layOutLater) in the frame after the table's, then `data-zb-complete`
 * names the run too.
 */
function setPageState(state) {
  const root = document.documentElement;
  root.dataset.zbState = state;
  root.dataset.zbGeneration = String(generation);
  if (state === 'busy') return;
  revealPage();
  const gen = generation;
  const finish = async () => {
    // A newer run has started: it finishes the work when it settles.
    if (gen !== generation) return;
    const work = afterView;
    afterView = null;
    work?.();
    getTable();
    // The report box gets a frame of its own after the table's: laid out
    // together (100 rows and tens of KB in a <textarea>) they blocked the
    // page for 125–145 ms right after the report appeared.
    if (work && later.size) {
      await nextFrame(document);
      if (gen !== generation) return;
    }
    layOutNow();
    root.dataset.zbComplete = String(gen);
  };
  // Two frames: the table's rows (a ~20 ms task for 100) are built once the
  // frame showing the report has been drawn and the next has begun. Built
  // right after it, they held the page's thread while that frame was still
  // being rastered and presented (on two cores, against the raster threads).
  if (afterView || later.size)
    nextFrame(document)
      .then(() => nextFrame(document))
      .then(finish);
  else finish();
  startBackgroundWork();
}

/**
 * Shows the page. index.html's boot script hides it (the zb-boot class on
 * <html>) when a draft was saved, so that the first frame a fresh page
 * draws is the annotated draft: drawn empty first, the shell paid a
 * fresh page's one-time costs (the fonts' first use, the first layout and
 * paint) in a frame of its own, and "ready" came ~25 ms later (README,
 * Performance). Revealed when the first page state settles, or at start
 * when the first view will not be a short draft annotated here; the boot
 * script's own timer reveals the page if this script never runs.
 */
function revealPage() {
  document.documentElement.classList.remove('zb-boot');
}

let backgroundStarted = false;
/** Elements whose layout waits for the frame after the annotated view: see layOutLater. */
const later = new Set();

/**
 * Skips laying out `element` (content-visibility: hidden, the .zb-later
 * class) until the frame after the next settled page state: the report box
 * when the page itself puts a short text there (laying out tens of KB in a
 * <textarea> costs as much as the whole first screen of the view). The
 * annotated view comes first; the box follows one frame later, or at once
 * when it gets the focus.
 */
function layOutLater(element) {
  element.classList.add('zb-later');
  later.add(element);
}

function layOutNow() {
  for (const element of later) element.classList.remove('zb-later');
  later.clear();
  for (const element of scrollTopOnLayout) element.scrollTop = 0;
  scrollTopOnLayout.clear();
}
/** Boxes given a new text while not laid out: their scroll goes to the top once they are. */
const scrollTopOnLayout = new Set();

/**
 * What the first view does not need, started once it is on screen (the first
 * settled page state, or a while after `load`): the service worker, whose
 * precache of the whole site would otherwise compete with the first
 * annotation for the network and the CPU, and the worker for long texts.
 */
function startBackgroundWork() {
  if (backgroundStarted) return;
  backgroundStarted = true;
  nextFrame(document).then(() => {
    const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 50));
    idle(
      () => {
        annotator.warmUpWorker();
        textFile().catch(() => {});
        exporter().catch(() => {});
        if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
          navigator.serviceWorker.register('sw.js', { scope: './', type: 'classic' }).catch((error) => {
            console.warn('zhibiao: offline support is unavailable:', error.message);
          });
        }
      },
      { timeout: 1000 },
    );
  });
}

function setStatus(key, params = {}) {
  lastStatus = key ? { key, params } : null;
  status.textContent = key ? t(key, params) : '';
}

function showMessage(line, key, params) {
  line.show(key, params);
}

/** The notice above the view (empty / no indicators / too large / error), or none. */
function showViewState(titleKey, body, { canRetry = false } = {}) {
  viewState.hidden = !titleKey;
  viewState.dataset.kind = titleKey ?? '';
  $('view-state-title').textContent = titleKey ? t(titleKey) : '';
  $('view-state-body').textContent = body ?? '';
  retry.hidden = !canRetry;
}

/**
 * What the engine's layout layer did to the text (`result.layout`), as one
 * sentence above the view, with the button that shows the text as read; or
 * nothing for a text read as given.
 */
function layoutSentence(layout) {
  if (!layout) return '';
  const n = (x) => formatNumber(x);
  const parts = [];
  if (layout.wrap_width) parts.push(t('layout.wrap', { width: layout.wrap_width, n: n(layout.joined_lines) }));
  else if (layout.joined_lines) parts.push(t('layout.joined', { n: n(layout.joined_lines) }));
  if (layout.page_numbers) parts.push(t('layout.pages', { n: n(layout.page_numbers) }));
  if (layout.running_heads) parts.push(t('layout.heads', { n: n(layout.running_heads) }));
  if (layout.chrome?.length) parts.push(t('layout.chrome', { n: n(layout.chrome.length) }));
  if (layout.invisible) parts.push(t('layout.invisible', { n: n(layout.invisible) }));
  if (layout.spaces) parts.push(t('layout.spaces', { n: n(layout.spaces) }));
  if (layout.line_ends === 'cr' || layout.line_ends === 'mixed') parts.push(t('layout.cr'));
  if (!parts.length) return '';
  const key = layout.source === 'pdf' ? 'layout.pdf' : layout.source === 'web' ? 'layout.web' : 'layout.text';
  return t(key, { parts: parts.join(t('layout.sep')) });
}

function showLayout(result) {
  const sentence = layoutSentence(result?.layout);
  layoutNote.hidden = !sentence;
  $('layout-note-text').textContent = sentence;
  if (!sentence) showReflowed(false);
}

/**
 * Shows the text as the engine read it in place of the annotated view (a
 * view of it, read-only: the draft stays as pasted), or the annotated view
 * again.
 */
async function showReflowed(on) {
  const button = $('layout-reflow');
  button.setAttribute('aria-pressed', String(on));
  button.textContent = t(on ? 'layout.hide' : 'layout.show');
  if (!on) {
    reflowed.hidden = true;
    reflowed.textContent = '';
    view.hidden = false;
    return;
  }
  const text = current.text;
  let read;
  try {
    read = await annotator.reflow(text);
  } catch (error) {
    if (error.code === 'superseded') return;
    showViewState('view.error.title', t('view.error.crash', { message: error.message }));
    return showReflowed(false);
  }
  if (current.text !== text || button.getAttribute('aria-pressed') !== 'true') return;
  reflowed.textContent = read;
  reflowed.hidden = false;
  view.hidden = true;
}

function clearResult() {
  renderAbort?.abort();
  showLayout(null);
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
  afterView = null;
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
  updateExportButtons();
  details.hide();
  showLayout(result);
  if ($('layout-reflow').getAttribute('aria-pressed') === 'true') showReflowed(true);
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
    if (whole) afterView = fillTable;
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
  if (text.length > MAX_CHARS || !saveDraft(text)) showMessage(inputMessage, 'input.draft.failed');
  else if (['input.draft.failed', 'input.draft.stale'].includes(inputMessage.key)) showMessage(inputMessage, null);
}

/** The drafts of other tabs (or saved before) in the menu beside 清除. */
function fillDraftMenu() {
  const menu = $('draft-menu');
  const drafts = otherDrafts(input.value);
  menu.hidden = drafts.length === 0;
  const time = (at) =>
    at
      ? new Date(at).toLocaleString(getLanguage() === 'zh' ? 'zh-CN' : 'en-GB', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })
      : '—';
  const head = new Option(t('input.drafts', { n: drafts.length }), '');
  head.disabled = true;
  head.selected = true;
  menu.replaceChildren(
    head,
    ...drafts.map((d) => new Option(t('input.drafts.item', { time: time(d.at), preview: d.preview, n: formatNumber(d.length) }), d.id)),
  );
}

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
  scrollTopOnLayout.add(input);
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

/**
 * Scrolls `el` into view and keeps it there while the chunks around it get
 * their real height (off-screen chunks are laid out only when they come into
 * view, so the first jump can land a little off). Instant, not smooth: a
 * smooth scroll aims at where the target was when it started.
 */
async function reveal(el, block) {
  for (let i = 0; i < 4; i++) {
    el.scrollIntoView({ block, behavior: 'auto' });
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const box = el.getBoundingClientRect();
    const area = view.getBoundingClientRect();
    if (box.top >= area.top && box.bottom <= area.bottom && box.top >= 0 && box.bottom <= innerHeight) break;
  }
}

async function focusSection(id) {
  const heading = await waitForElement(`[data-section-id="${id}"]`);
  if (!heading) return;
  heading.focus({ preventScroll: true });
  await reveal(heading, 'start');
  markCurrent(outline, id);
}

async function focusIndicator(id) {
  const mark = await waitForElement(`[data-indicator-id="${id}"]`);
  if (!mark) return;
  mark.focus({ preventScroll: true });
  await reveal(mark, 'center');
  if (document.activeElement === mark) details.show(mark, false);
}

async function openFile(file) {
  showMessage(inputMessage, null);
  const params = { name: file.name, size: formatBytes(file.size), limit: formatNumber(MAX_CHARS) };
  let module = null;
  try {
    module = await textFile();
    const { text, encoding } = await module.readTextFile(file, (bytes) => annotator.sniff(bytes));
    replaceText(text, file.name);
    showMessage(inputMessage, 'input.file.loaded', { name: file.name, encoding });
  } catch (error) {
    const key = module ? module.messageKey(error) : 'input.file.readError';
    showMessage(inputMessage, key, { ...params, message: String(error?.message ?? error) });
  }
}

async function loadSample() {
  showMessage(inputMessage, null);
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    replaceText(await response.text(), SAMPLE_URL.split('/').pop());
  } catch (error) {
    showMessage(inputMessage, 'input.sample.error', { message: error.message });
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
  if (current.result) showLayout(current.result);
  fillDraftMenu();
  $('layout-reflow').textContent = t($('layout-reflow').getAttribute('aria-pressed') === 'true' ? 'layout.hide' : 'layout.show');
  inputMessage.relabel();
  exportMessage.relabel();
  compareMode?.applyLanguage();
  skipLink.textContent = t(mode === 'compare' ? 'skip.compare' : 'skip.view');
  if (current.result) {
    relabel(view, current.result);
    renderOutline(outline, current.result, { onSelect: focusSection });
    if (current.result.indicators.length === 0) showViewState('view.none.title', t('view.none.body'));
  } else if (document.documentElement.dataset.zbState === 'empty') {
    showViewState('view.empty.title', t('view.empty.body'));
  }
  table?.refresh();
  details.refresh();
}

// --- modes ----------------------------------------------------------------

const tabs = [...document.querySelectorAll('#mode-tabs [role="tab"]')];
const skipLink = document.querySelector('.skip-link');

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
  mode = next === 'compare' ? 'compare' : 'annotate';
  for (const tab of tabs) {
    const selected = tab.dataset.mode === mode;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !selected;
    if (selected && focusTab) tab.focus();
  }
  saveMode(mode);
  skipLink.href = mode === 'compare' ? '#compare-heading' : '#view';
  for (const link of document.querySelectorAll('.skip-annotate')) link.hidden = mode === 'compare';
  skipLink.textContent = t(mode === 'compare' ? 'skip.compare' : 'skip.view');
  dropHint.hidden = true;
  compareMode?.showDropHint(null);
  if (mode === 'annotate') {
    compareMode?.hide();
    document.documentElement.dataset.zbMode = mode;
    if (annotateStale) annotateNow();
    return;
  }
  details.hide();
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

// Tabs: a click or Enter chooses; arrow keys, Home and End move along the
// tabs and choose as they go.
$('mode-tabs').addEventListener('click', (event) => {
  const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
  if (tab && tab.dataset.mode !== mode) setMode(tab.dataset.mode);
});
$('mode-tabs').addEventListener('keydown', (event) => {
  const at = tabs.indexOf(document.activeElement);
  if (at < 0) return;
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  setMode(tabs[(to + tabs.length) % tabs.length].dataset.mode, { focusTab: true });
});

// --- wiring ---------------------------------------------------------------

// A paste over the limit never reaches the box: a textarea holding many
// megabytes can stall the tab on its own, before any annotation starts.
input.addEventListener('paste', (event) => {
  const pasted = event.clipboardData?.getData('text/plain') ?? '';
  const kept = input.value.length - (input.selectionEnd - input.selectionStart);
  if (kept + pasted.length > MAX_CHARS) {
    event.preventDefault();
    showMessage(inputMessage, 'input.tooLarge', { n: formatNumber(kept + pasted.length), limit: formatNumber(MAX_CHARS) });
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
$('draft-menu').addEventListener('change', (event) => {
  const id = event.target.value;
  if (!id) return;
  // this tab's text stays saved where it was, and listed in turn
  saveDraftNow();
  const text = adoptDraft(id);
  if (text !== null) replaceText(text, null);
  fillDraftMenu();
});
// Another tab saved: its draft is listed (never loaded over this one).
addEventListener('storage', (event) => {
  if (event.key === null || event.key.startsWith('zhibiao.draft')) fillDraftMenu();
});
// Hidden or leaving: what was typed since the last save is saved now.
const flushDrafts = () => {
  if (draftTimer) saveDraftNow();
  compareMode?.flushDrafts();
};
addEventListener('pagehide', flushDrafts);
// On paper: the whole table and the outline open (print.css drops the
// controls and unclips the scroll boxes); as before afterwards.
let outlineWasOpen = true;
addEventListener('beforeprint', () => {
  outlineWasOpen = $('outline-panel').open;
  $('outline-panel').open = true;
  table?.showAll(true);
});
addEventListener('afterprint', () => {
  $('outline-panel').open = outlineWasOpen;
  table?.showAll(false);
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushDrafts();
});
$('clear-text').addEventListener('click', () => {
  input.value = '';
  sourceName = null;
  clearDraft();
  showMessage(inputMessage, null);
  annotateNow();
  input.focus();
});
retry.addEventListener('click', annotateNow);
$('layout-reflow').addEventListener('click', () => showReflowed($('layout-reflow').getAttribute('aria-pressed') !== 'true'));

// A file dropped anywhere on the page opens it rather than navigating away.
// In compare mode it goes into the box it was dropped on (or the first
// empty one).
const dropHint = $('drop-hint');
document.addEventListener('dragover', (event) => {
  if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  if (mode === 'compare') compareMode?.showDropHint(compareMode.sideFor(event.target));
  else dropHint.hidden = false;
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget != null) return;
  dropHint.hidden = true;
  compareMode?.showDropHint(null);
});
document.addEventListener('drop', (event) => {
  dropHint.hidden = true;
  const file = event.dataTransfer?.files?.[0];
  if (!file) {
    compareMode?.showDropHint(null);
    return;
  }
  event.preventDefault();
  if (mode === 'compare') compareMode?.dropFile(compareMode.sideFor(event.target, { fallback: true }), file);
  else openFile(file);
});

$('export-csv').addEventListener('click', () =>
  exportOrSay(async ({ text }) => {
    const { download, exportName, toCsv } = await exporter();
    download(exportName(sourceName, 'csv'), await toCsv(annotator, text, sourceName ?? '-', current.result), 'text/csv;charset=utf-8');
  }),
);
$('export-json').addEventListener('click', () =>
  exportOrSay(async ({ result }) => {
    const { download, exportName, toJson } = await exporter();
    download(exportName(sourceName, 'json'), toJson(result), 'application/json;charset=utf-8');
  }),
);
$('export-web-annotations').addEventListener('click', () =>
  exportOrSay(async ({ text }) => {
    const { download, exportName, toWebAnnotations } = await exporter();
    download(exportName(sourceName, 'jsonld'), await toWebAnnotations(annotator, text), 'application/ld+json;charset=utf-8');
  }),
);
$('export-rows').addEventListener('click', () =>
  exportOrSay(async ({ text }) => {
    const { download, exportName, toCsvRows } = await exporter();
    const ids = getTable().visibleIds();
    download(exportName(sourceName, 'csv'), await toCsvRows(annotator, text, sourceName ?? '-', ids, current.result), 'text/csv;charset=utf-8');
  }),
);
$('copy-csv').addEventListener('click', () =>
  exportOrSay(({ text }) => copy(async () => (await (await exporter()).toCsv(annotator, text, sourceName ?? '-', current.result)).replace(/^\uFEFF/, ''))),
);
$('copy-json').addEventListener('click', () => exportOrSay(({ result }) => copy(async () => (await exporter()).toJson(result))));

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
  showMessage(inputMessage, 'input.draft.stale', { time });
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
