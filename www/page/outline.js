// outline.js: the section tree, each entry with the number of indicators
// under it (its descendants' included); choosing an entry asks the page to
// scroll to that heading.

import { t } from '../view/i18n.js';
import { roving, LIST_KEYS } from '../view/roving.js';

/**
 * Number of indicators in each section including its descendants, plus the
 * number in no section at all.
 */
export function countIndicators(result) {
  const counts = new Array(result.sections.length).fill(0);
  let outside = 0;
  for (const ind of result.indicators) {
    if (ind.section == null || !result.sections[ind.section]) {
      outside++;
      continue;
    }
    const seen = new Set();
    for (let id = ind.section; id != null && result.sections[id] && !seen.has(id); id = result.sections[id].parent) {
      seen.add(id);
      counts[id]++;
    }
  }
  return { counts, outside };
}

/**
 * Renders the outline of `result` into `container` as nested lists of
 * buttons. `onSelect(sectionId)` is called when one is chosen.
 */
export function renderOutline(container, result, { onSelect }) {
  const doc = container.ownerDocument;
  const { counts, outside } = countIndicators(result);
  const children = result.sections.map(() => []);
  const roots = [];
  for (const section of result.sections) {
    if (section.parent != null && children[section.parent]) children[section.parent].push(section);
    else roots.push(section);
  }

  const list = (items, depth) => {
    const ol = doc.createElement('ol');
    ol.className = depth === 0 ? 'zb-outline-tree' : 'zb-outline-children';
    for (const section of items) {
      const li = doc.createElement('li');
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = `zb-outline-item zb-level-${Math.min(4, Math.max(1, Number(section.level) || 1))}`;
      button.dataset.outlineSectionId = String(section.id);
      button.tabIndex = -1;
      button.dataset.level = String(section.level);
      if (section.marker) {
        const marker = doc.createElement('span');
        marker.className = 'zb-outline-marker';
        marker.textContent = section.marker;
        button.appendChild(marker);
      }
      const title = doc.createElement('span');
      title.className = 'zb-outline-title';
      title.textContent = section.title ?? '';
      const count = doc.createElement('span');
      count.className = 'zb-outline-count';
      count.textContent = String(counts[section.id]);
      count.title = t('outline.count', { n: counts[section.id] });
      // The entry's name says the count in words; the badge is for the eye.
      // (A visually hidden span said it before: 80 absolutely positioned
      // boxes in the outline's scroll box, ~10 ms of the first view's layout.)
      count.setAttribute('aria-hidden', 'true');
      // The name starts with the text one sees, count included, as speech
      // input and axe's label-content-name-mismatch want: `一、回顾12 个指标`.
      button.setAttribute('aria-label', `${section.marker ?? ''}${section.title ?? ''}${count.title}`);
      button.append(title, count);
      li.appendChild(button);
      if (children[section.id].length) li.appendChild(list(children[section.id], depth + 1));
      ol.appendChild(li);
    }
    return ol;
  };

  const parts = [];
  if (result.sections.length === 0) {
    const empty = doc.createElement('p');
    empty.className = 'zb-muted';
    empty.textContent = t('outline.empty');
    parts.push(empty);
  } else {
    parts.push(list(roots, 0));
  }
  if (outside > 0 && result.sections.length > 0) {
    const note = doc.createElement('p');
    note.className = 'zb-muted zb-outline-outside';
    note.textContent = t('outline.unsectioned', { n: outside });
    parts.push(note);
  }
  container.replaceChildren(...parts);
  // one tab stop for the whole outline; up and down move along it
  roving(container, '[data-outline-section-id]', LIST_KEYS).reset();
  container.onclick = (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-outline-section-id]') : null;
    if (button) onSelect(Number(button.dataset.outlineSectionId));
  };
}

/** Marks the outline entry of `sectionId` as the current one. */
export function markCurrent(container, sectionId) {
  for (const el of container.querySelectorAll('[aria-current]')) el.removeAttribute('aria-current');
  const button = container.querySelector(`[data-outline-section-id="${sectionId}"]`);
  if (button) button.setAttribute('aria-current', 'location');
}
