// messages.js: what the page and compare mode share to talk to the reader:
// a message line that can say its text again in another language, and the
// behaviour of the export and copy buttons (nothing to export: say so; a
// failure: say why; a copy: say it is done).

import { t } from '../view/i18n.js';

/**
 * A message line in `element` (hidden when empty) that keeps its message's
 * key and parameters, so that `relabel` says it again after a language
 * switch.
 */
export function messageLine(element) {
  let last = null;
  const line = {
    /** Shows the message `key` (null: none). */
    show(key, params = {}) {
      last = key ? { key, params } : null;
      element.textContent = key ? t(key, params) : '';
      element.hidden = !key;
    },
    /** The key shown, or null. */
    get key() {
      return last?.key ?? null;
    },
    /** Says the message again in the current language. */
    relabel() {
      if (last) line.show(last.key, last.params);
    },
  };
  return line;
}

/**
 * The export buttons of one mode, reporting on `line`: `run(action)` runs
 * `action` (which may return a promise) when `ready()` says there is
 * something to export, else shows `nothingKey`; `copy(makeText)` puts what
 * `makeText` resolves to on the clipboard with `copyText` (export.js's,
 * given as a function that resolves to it: export.js may come on first use).
 */
export function exportActions(line, { ready, nothingKey, copyText }) {
  const failed = (error) => line.show('export.failed', { message: String(error?.message ?? error) });
  return {
    run(action) {
      if (!ready()) {
        line.show(nothingKey);
        return;
      }
      line.show(null);
      Promise.resolve().then(action).catch(failed);
    },
    async copy(makeText) {
      try {
        const write = await copyText();
        await write(await makeText());
        line.show('export.copied');
      } catch (error) {
        line.show('export.copyFailed', { message: String(error?.message ?? error) });
      }
    },
  };
}
