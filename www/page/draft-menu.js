// draft-menu.js: the menu beside 清除 / Clear that lists the drafts of other
// tabs (or saved before), newest first. Choosing one brings it into this
// tab; this tab's own text stays saved and is listed in turn. Another tab's
// save refreshes the list; nothing is ever loaded over this tab's text
// unasked.

import { t, getLanguage } from '../view/i18n.js';
import { formatNumber } from '../view/format.js';
import { adoptDraft, otherDrafts } from './storage.js';

/**
 * `menu`: the <select>. `currentText()`: this tab's text. `saveNow()`:
 * saves it at once. `open(text)`: puts an adopted draft in the box.
 * Returns `fill`, which lists the drafts again (after a language switch).
 */
export function createDraftMenu(menu, { currentText, saveNow, open }) {
  function fill() {
    const drafts = otherDrafts(currentText());
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
  menu.addEventListener('change', (event) => {
    const id = event.target.value;
    if (!id) return;
    saveNow();
    const text = adoptDraft(id);
    if (text !== null) open(text);
    fill();
  });
  addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith('zhibiao.draft')) fill();
  });
  return { fill };
}
