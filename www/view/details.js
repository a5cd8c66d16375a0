// details.js: the popover that explains one highlighted indicator: its value
// with thousands separators and magnitude, unit, kind, direction, comparator,
// status, horizon, metric, year and section path. Shown on hover and on keyboard
// focus; a click (or Enter / Space) pins it until Escape or a click elsewhere.

import { codeNameBoth, t, getLanguage, withLanguage } from './i18n.js';
import { displayUnit, formatNumber, formatValue, magnitudeOf, metricOf, sectionPath, unitOf } from './format.js';

const HOVER_DELAY_MS = 150;
const HIDE_DELAY_MS = 250;
let popoverCount = 0;

/** The rows of the details list for one indicator: [label, value] pairs. */
export function detailRows(indicator, sections) {
  const none = t('details.none');
  const rows = [];
  rows.push([t('col.value_text'), indicator.value_text ?? none]);
  const value = formatValue(indicator);
  rows.push([t('col.value'), value ?? t('details.noValue')]);
  if (typeof indicator.value === 'number') {
    const mag = magnitudeOf(indicator.value);
    const maxMag = typeof indicator.value_max === 'number' ? magnitudeOf(indicator.value_max) : null;
    if (mag) {
      const unit = displayUnit(indicator.unit);
      const unitEn = unitOf(indicator);
      const zh = `${mag.zh}${maxMag ? `–${maxMag.zh}` : ''}${unit}`;
      const en = `${mag.en}${maxMag ? ` – ${maxMag.en}` : ''}${unitEn ? ` ${unitEn}` : ''}`;
      rows.push([t('details.magnitude'), getLanguage() === 'en' ? `${en} (${zh})` : `${zh}（${en}）`]);
    }
  }
  rows.push([t('col.unit'), indicator.unit == null ? t('details.unitNone') : indicator.unit === 'ratio' ? codeNameBoth('kind', 'ratio') : unitBoth(indicator)]);
  rows.push([t('col.kind'), codeNameBoth('kind', indicator.kind)]);
  rows.push([t('col.direction'), indicator.direction == null ? none : codeNameBoth('direction', indicator.direction)]);
  rows.push([t('col.comparator'), codeNameBoth('comparator', indicator.comparator)]);
  rows.push([t('col.status'), codeNameBoth('status', indicator.status)]);
  if (indicator.horizon != null) rows.push([t('col.horizon'), codeNameBoth('horizon', indicator.horizon)]);
  rows.push([t('col.metric'), metricOf(indicator) ?? none]);
  rows.push([t('col.year'), indicator.year == null ? none : String(indicator.year)]);
  rows.push([t('col.section'), indicator.section == null ? t('details.noSection') : sectionPath(sections, indicator.section)]);
  return rows;
}

/** The unit with its English in English: `100 million yuan (亿元)`, else as written. */
function unitBoth(indicator) {
  const en = unitOf(indicator);
  return en && en !== indicator.unit ? `${en} (${indicator.unit})` : indicator.unit;
}

/**
 * Wires the popover for every `[data-indicator-id]` under `scope`.
 *
 * `host` is where the popover element goes (the document body, or a shadow
 * root); `getAnnotation()` returns the current `{ text, result }`.
 * `extra(indicator)`, if given, may return an element to show below the
 * details (compare mode puts the partner and the verdict there).
 * `language()`, if given, names the language of the popover ('zh' or 'en')
 * when it is not the page's (an embedded element's).
 */
export function createDetails({ scope, host, getAnnotation, extra = null, language = null }) {
  const doc = host.ownerDocument ?? host;
  const popover = doc.createElement('div');
  popover.className = 'zb-details';
  popover.id = `zb-details-${++popoverCount}`;
  popover.setAttribute('role', 'tooltip');
  popover.hidden = true;
  host.appendChild(popover);

  let anchor = null;
  let pinned = false;
  let showTimer = 0;
  let hideTimer = 0;

  const markOf = (target) => (target instanceof Element ? target.closest('[data-indicator-id]') : null);

  function fill(indicator, sections) {
    const title = doc.createElement('p');
    title.className = 'zb-details-title';
    const badge = doc.createElement('span');
    badge.className = `zb-badge zb-status-${['actual', 'estimate', 'target'].includes(indicator.status) ? indicator.status : 'unknown'}`;
    badge.textContent = codeNameBoth('status', indicator.status);
    title.append(doc.createTextNode(`${t('details.title', { id: indicator.id })} `), badge);
    const list = doc.createElement('dl');
    for (const [label, value] of detailRows(indicator, sections)) {
      const dt = doc.createElement('dt');
      dt.textContent = label;
      const dd = doc.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    const more = extra?.(indicator);
    popover.replaceChildren(...(more ? [title, list, more] : [title, list]));
  }

  /**
   * The part of the viewport where `el` can be seen: the viewport cut by
   * every scrolling box around it (the annotated view scrolls on its own).
   */
  function visibleArea(el) {
    const view = doc.defaultView;
    let area = { top: 0, left: 0, bottom: view.innerHeight, right: view.innerWidth };
    for (let box = el.parentElement; box; box = box.parentElement) {
      const style = view.getComputedStyle(box);
      if (!/(auto|scroll|hidden)/.test(style.overflowY + style.overflowX)) continue;
      const r = box.getBoundingClientRect();
      area = {
        top: Math.max(area.top, r.top),
        left: Math.max(area.left, r.left),
        bottom: Math.min(area.bottom, r.bottom),
        right: Math.min(area.right, r.right),
      };
    }
    return area;
  }

  function place() {
    if (!anchor || popover.hidden) return;
    if (!anchor.isConnected) {
      hide();
      return;
    }
    const rects = anchor.getClientRects();
    const rect = rects.length ? rects[0] : anchor.getBoundingClientRect();
    // Its highlight scrolled out of sight: the box goes with it (a pinned
    // one comes back when the highlight does) instead of staying stuck to
    // the edge over the text or the table.
    const area = visibleArea(anchor);
    const offscreen = rect.bottom <= area.top || rect.top >= area.bottom || rect.right <= area.left || rect.left >= area.right;
    // a box shown by hovering goes; one pinned, or shown for the focused
    // highlight, waits unseen (a highlight is often focused before it is
    // scrolled into view)
    if (offscreen && !pinned && scope.getRootNode().activeElement !== anchor) {
      hide();
      return;
    }
    popover.classList.toggle('zb-offscreen', offscreen);
    if (offscreen) return;
    const view = doc.defaultView;
    const vw = view.innerWidth;
    const vh = view.innerHeight;
    const width = popover.offsetWidth;
    const height = popover.offsetHeight;
    let left = Math.min(Math.max(8, rect.left), Math.max(8, vw - width - 8));
    let top = rect.bottom + 6;
    if (top + height > vh - 8 && rect.top - height - 6 >= 8) top = rect.top - height - 6;
    top = Math.max(8, Math.min(top, vh - height - 8));
    popover.style.left = `${Math.round(left)}px`;
    popover.style.top = `${Math.round(top)}px`;
  }

  function show(mark, pin = false) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    const { result } = getAnnotation();
    const indicator = result?.indicators[Number(mark.dataset.indicatorId)];
    if (!indicator) return;
    if (anchor && anchor !== mark) anchor.removeAttribute('aria-describedby');
    anchor = mark;
    pinned = pin;
    if (language) withLanguage(language(), () => fill(indicator, result.sections));
    else fill(indicator, result.sections);
    popover.classList.toggle('zb-pinned', pinned);
    popover.hidden = false;
    mark.setAttribute('aria-describedby', popover.id);
    mark.setAttribute('aria-expanded', String(pinned));
    place();
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    popover.hidden = true;
    pinned = false;
    if (anchor) {
      anchor.removeAttribute('aria-describedby');
      anchor.removeAttribute('aria-expanded');
    }
    anchor = null;
  }

  scope.addEventListener('mouseover', (event) => {
    const mark = markOf(event.target);
    if (!mark || pinned) return;
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    showTimer = setTimeout(() => show(mark), HOVER_DELAY_MS);
  });
  scope.addEventListener('mouseout', (event) => {
    const mark = markOf(event.target);
    if (!mark || pinned) return;
    if (markOf(event.relatedTarget) === mark) return;
    clearTimeout(showTimer);
    hideTimer = setTimeout(() => {
      if (!pinned && scope.getRootNode().activeElement !== anchor) hide();
    }, HIDE_DELAY_MS);
  });
  popover.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  popover.addEventListener('mouseleave', () => {
    if (!pinned) hideTimer = setTimeout(hide, HIDE_DELAY_MS);
  });
  scope.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark && (!pinned || anchor !== mark)) show(mark, false);
  });
  scope.addEventListener('focusout', (event) => {
    const mark = markOf(event.target);
    if (mark && !pinned && !markOf(event.relatedTarget)) hide();
  });
  scope.addEventListener('click', (event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    if (pinned && anchor === mark) hide();
    else show(mark, true);
  });
  scope.addEventListener('keydown', (event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (pinned && anchor === mark) hide();
      else show(mark, true);
    }
  });
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popover.hidden) {
      const back = anchor;
      hide();
      if (back && back.isConnected) back.focus({ preventScroll: true });
    }
  });
  doc.addEventListener('pointerdown', (event) => {
    if (!pinned) return;
    const path = event.composedPath();
    if (path.includes(popover) || (anchor && path.includes(anchor))) return;
    hide();
  });
  const view = doc.defaultView;
  view.addEventListener('scroll', place, { capture: true, passive: true });
  view.addEventListener('resize', place, { passive: true });
  // Scroll events inside a shadow root do not reach the window.
  scope.addEventListener('scroll', place, { capture: true, passive: true });

  return {
    /** Shows the details of `mark` (a highlight element); `pin` keeps them open. */
    show,
    hide,
    /** Redraws the open popover, e.g. after a language switch. */
    refresh() {
      if (anchor && !popover.hidden) show(anchor, pinned);
    },
    element: popover,
  };
}
