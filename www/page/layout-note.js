// layout-note.js: the note above the annotated view that says what the
// engine's layout layer did to a pasted text (joined wrapped lines, page
// numbers, running heads, a web page's chrome …), and its button that shows
// the text as the engine read it in place of the view.

import { t } from '../view/i18n.js';
import { formatNumber } from '../view/format.js';

/** What the engine's layout layer did to the text (`result.layout`), as one sentence; '' for a text it read as it is. */
export function layoutSentence(layout) {
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

/**
 * The note (`note`, its sentence in `noteText`), its toggle `button`, and
 * `reflowed`, the box that stands in for `view` while the text as read is
 * shown. `reflow(text)` asks the engine; `currentText()` is the text on
 * screen; `onError(error)` reports a failure (the view comes back).
 */
export function createLayoutNote({ note, noteText, button, reflowed, view, reflow, currentText, onError }) {
  /**
   * Shows the text as the engine read it in place of the annotated view (a
   * view of it, read-only: the draft stays as pasted), or the annotated
   * view again.
   */
  async function showReflowed(on) {
    button.setAttribute('aria-pressed', String(on));
    button.textContent = t(on ? 'layout.hide' : 'layout.show');
    if (!on) {
      reflowed.hidden = true;
      reflowed.textContent = '';
      view.hidden = false;
      return;
    }
    const text = currentText();
    let read;
    try {
      read = await reflow(text);
    } catch (error) {
      if (error.code === 'superseded') return;
      onError(error);
      return showReflowed(false);
    }
    if (currentText() !== text || button.getAttribute('aria-pressed') !== 'true') return;
    reflowed.textContent = read;
    reflowed.hidden = false;
    view.hidden = true;
  }

  button.addEventListener('click', () => showReflowed(button.getAttribute('aria-pressed') !== 'true'));

  return {
    showReflowed,
    /** The note for `result` (an annotation, or null), hidden when there is nothing to say. */
    show(result) {
      const sentence = layoutSentence(result?.layout);
      note.hidden = !sentence;
      noteText.textContent = sentence;
      if (!sentence) showReflowed(false);
    },
  };
}
