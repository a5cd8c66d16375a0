// render.js: the annotated view: the text with every heading and indicator
// wrapped in an element carrying its JSON id, built in time slices so a
// long report never blocks the main thread for long.
//
// User text only ever enters the DOM through text nodes (createTextNode) and
// attribute values set through the DOM API, never through innerHTML.

import { codeName, t } from './i18n.js';
import { metricWords } from './format.js';
import { roving, TEXT_KEYS } from './roving.js';

/** How many UTF-16 code units of text go into one chunk element. */
const CHUNK_CHARS = 2500;
/**
 * The first chunks, and every chunk of a text built in one go (`whole`), are
 * smaller: the frame that first shows the view lays out the chunks on
 * screen (the first ones: not content-visibility: auto, .zb-chunk-first)
 * and, in a second pass, those the browser finds near the viewport (which
 * reaches far below the view's fold), so small ones keep that frame to
 * about a screenful of text or two.
 */
const FIRST_CHUNKS = 2;
const FIRST_CHUNK_CHARS = 600;
/** Main-thread budget per slice, in ms; the rest of the frame is the browser's. */
const SLICE_MS = 10;
/**
 * Text per slice, in code units. A new content-visibility: auto chunk is
 * laid out in full in the frame after it is added, before the browser finds
 * it off-screen and starts skipping it, so what one slice adds is what the
 * next frame lays out: this keeps each frame well under 100 ms.
 */
const SLICE_CHARS = 8 * CHUNK_CHARS;

const STATUSES = new Set(['actual', 'estimate', 'target']);
const KINDS = new Set(['level', 'change', 'rank', 'ratio']);

/**
 * Orders headings and indicators into a tree by containment: a heading may
 * hold indicators. A span that crosses its container's end is cut at it, so
 * every id still gets exactly one element.
 */
function nestSpans(text, result) {
  const n = text.length;
  const clip = (v) => Math.max(0, Math.min(n, Number.isFinite(v) ? v : 0));
  const spans = [];
  result.sections.forEach((item, index) => {
    const start = clip(item.start);
    spans.push({ type: 'section', id: item.id ?? index, item, start, end: Math.max(start, clip(item.end)), children: [] });
  });
  result.indicators.forEach((item, index) => {
    const start = clip(item.start);
    spans.push({ type: 'indicator', id: item.id ?? index, item, start, end: Math.max(start, clip(item.end)), children: [] });
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end || (a.type === b.type ? a.id - b.id : a.type === 'section' ? -1 : 1));
  const roots = [];
  const stack = [];
  for (const span of spans) {
    while (stack.length && stack[stack.length - 1].end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      if (span.end > parent.end) span.end = parent.end;
      parent.children.push(span);
    } else {
      roots.push(span);
    }
    stack.push(span);
  }
  return roots;
}

/**
 * Splits the text into blocks (one per line, except that a line break inside
 * a heading or indicator joins the lines around it), each with the spans it
 * holds.
 */
export function planBlocks(text, result) {
  const roots = nestSpans(text, result);
  const n = text.length;
  const blocks = [];
  let pos = 0;
  let r = 0;
  for (;;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const first = r;
    while (r < roots.length && roots[r].start <= end) {
      if (roots[r].end > end) {
        end = text.indexOf('\n', roots[r].end);
        if (end < 0) end = n;
      }
      r++;
    }
    blocks.push({ start: pos, end, spans: roots.slice(first, r) });
    if (end >= n) break;
    pos = end + 1;
  }
  // A final newline ends the last line; it does not start an empty one.
  const last = blocks[blocks.length - 1];
  if (blocks.length > 1 && last.start === last.end && last.spans.length === 0) blocks.pop();
  return blocks;
}

/** The accessible name of a highlight: value, metric and status. */
export function indicatorLabel(indicator) {
  const params = { text: indicator.value_text ?? '', metric: metricWords(indicator) ?? '', status: codeName('status', indicator.status) };
  return t(indicator.metric ? 'indicator.aria' : 'indicator.aria.noMetric', params);
}

function appendText(parent, text, start, end) {
  if (end > start) parent.appendChild(document.createTextNode(text.slice(start, end)));
}

function spanElement(text, span, decorate) {
  let el;
  if (span.type === 'indicator') {
    const ind = span.item;
    el = document.createElement('mark');
    const status = STATUSES.has(ind.status) ? `zb-status-${ind.status}` : 'zb-status-unknown';
    el.className = KINDS.has(ind.kind) ? `zb-indicator ${status} zb-kind-${ind.kind}` : `zb-indicator ${status}`;
    el.setAttribute('data-indicator-id', String(span.id));
    // one tab stop for all highlights (roving.js): the first, set after
    // the first slice, or the one focused last
    el.tabIndex = -1;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', indicatorLabel(ind));
    decorate?.(el, ind);
  } else {
    const sec = span.item;
    const level = Math.max(1, Math.min(9, Number(sec.level) || 1));
    el = document.createElement('span');
    el.className = `zb-heading zb-level-${Math.min(level, 4)}`;
    el.dataset.sectionId = String(span.id);
    el.dataset.level = String(level);
    el.tabIndex = -1;
    el.setAttribute('role', 'heading');
    // The page's own headings take levels 1–2; the report's outline starts at 3.
    el.setAttribute('aria-level', String(Math.min(6, level + 2)));
  }
  let cursor = span.start;
  for (const child of span.children) {
    appendText(el, text, cursor, child.start);
    el.appendChild(spanElement(text, child, decorate));
    cursor = child.end;
  }
  appendText(el, text, cursor, span.end);
  return el;
}

function blockElement(text, block, decorate) {
  const p = document.createElement('p');
  p.className = 'zb-block';
  if (block.start === block.end) p.classList.add('zb-blank');
  const first = block.spans[0];
  if (first && first.type === 'section' && text.slice(block.start, first.start).trim() === '') {
    const level = Math.max(1, Math.min(4, Number(first.item.level) || 1));
    p.classList.add('zb-heading-block', `zb-heading-block-${level}`);
  }
  let cursor = block.start;
  for (const span of block.spans) {
    appendText(p, text, cursor, span.start);
    p.appendChild(spanElement(text, span, decorate));
    cursor = span.end;
  }
  appendText(p, text, cursor, block.end);
  return p;
}

/**
 * Resolves after the browser has had the chance to draw a frame: a
 * requestAnimationFrame callback, then a task. Hidden documents get no
 * frames, so a timer stands in for them.
 */
export function nextFrame(doc) {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    if (doc.visibilityState !== 'hidden') doc.defaultView.requestAnimationFrame(finish);
    setTimeout(finish, 100);
  });
}

function abortError() {
  return new DOMException('rendering was superseded', 'AbortError');
}

/**
 * Replaces the content of `container` with the annotated text, a chunk at a
 * time. Resolves when done; rejects with an AbortError if `signal` aborts
 * first (the partial view is left for the next render to replace).
 *
 * `onProgress(fraction)` is called after each slice; `decorate(element,
 * indicator)`, if given, is called on each highlight as it is made (compare
 * mode marks the pairs with it). `whole`: build every chunk in one task,
 * for a short text (the off-screen chunks cost no layout in the frame that
 * shows the view; waiting a frame between slices would only add latency).
 */
export async function renderAnnotation(container, text, result, { signal, onProgress, decorate, whole = false, focusable = '[data-indicator-id]' } = {}) {
  const blocks = planBlocks(text, result);
  const doc = container.ownerDocument;
  container.replaceChildren();
  const highlights = roving(container, focusable, TEXT_KEYS);
  // Off-screen chunks are not laid out (content-visibility: auto) and count
  // as their contain-intrinsic-size. Sizing each from its length, at the
  // height per character of the first (visible) chunk, keeps the scrollbar
  // honest and jumps to far headings close to their target.
  let pxPerChar = 0;
  const unsized = [];
  let i = 0;
  let slice = 0;
  let chunkCount = 0;
  while (i < blocks.length) {
    if (signal?.aborted) throw abortError();
    // The browser has drawn a frame since the last slice, so layout is clean
    // and reading the first chunk's height costs nothing.
    if (!pxPerChar && slice > 0 && unsized.length) {
      const [first, chars] = unsized[0];
      pxPerChar = first.offsetHeight / chars;
    }
    if (pxPerChar > 0) sizeChunks(unsized, pxPerChar);
    const deadline = performance.now() + SLICE_MS;
    const fragment = doc.createDocumentFragment();
    let sliceChars = 0;
    do {
      const chunk = doc.createElement('div');
      const first = chunkCount++ < FIRST_CHUNKS;
      chunk.className = first ? 'zb-chunk zb-chunk-first' : 'zb-chunk';
      let chars = 0;
      const limit = first || whole ? FIRST_CHUNK_CHARS : CHUNK_CHARS;
      while (i < blocks.length && chars < limit) {
        const block = blocks[i++];
        chunk.appendChild(blockElement(text, block, decorate));
        chars += block.end - block.start + 1;
      }
      fragment.appendChild(chunk);
      unsized.push([chunk, chars]);
      sliceChars += chars;
      // The first slice holds only about a screenful, so it shows at once.
    } while (i < blocks.length && (whole || (slice > 0 && sliceChars < SLICE_CHARS && performance.now() < deadline)));
    // The first text of each view carries an Element Timing name: the
    // browser then reports when the frame that first showed it was
    // presented (bench/browser.mjs measures "shown" with it).
    if (slice === 0) fragment.querySelector('.zb-block:not(.zb-blank)')?.setAttribute('elementtiming', 'zb-view');
    container.appendChild(fragment);
    highlights.reset();
    slice++;
    onProgress?.(i / blocks.length);
    if (i < blocks.length) await nextFrame(doc);
  }
  if (signal?.aborted) throw abortError();
  if (pxPerChar > 0) sizeChunks(unsized, pxPerChar);
  // Built in one go (`whole`): the chunks get their sizes once the first
  // one has been laid out, after the frame that shows them.
  else if (unsized.length) sizeAfterFrame(doc, unsized, signal);
}

function sizeChunks(unsized, pxPerChar) {
  for (const [chunk, chars] of unsized) chunk.style.containIntrinsicSize = `auto ${Math.max(24, Math.round(chars * pxPerChar))}px`;
  unsized.length = 0;
}

async function sizeAfterFrame(doc, unsized, signal) {
  await nextFrame(doc);
  const [first, chars] = unsized[0];
  if (signal?.aborted || !first.isConnected || !first.offsetHeight) return;
  sizeChunks(unsized.slice(1), first.offsetHeight / chars);
}

/** Refreshes the language-dependent labels of an already rendered view. */
export function relabel(container, result) {
  for (const el of container.querySelectorAll('[data-indicator-id]')) {
    const ind = result.indicators[Number(el.dataset.indicatorId)];
    if (ind) el.setAttribute('aria-label', indicatorLabel(ind));
  }
}
