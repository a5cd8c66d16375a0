// series-loader.js: series mode is a bundle of its own (series.bundle.js:
// series.js with uPlot, and series.bundle.css), loaded the first time the
// mode is shown, so that a reader who never opens it never downloads the
// chart library. It is handed the page's own helpers (series.js says why).
// Its strings are part of the page's from the start: the panel's static
// text is translated with the rest.

import { addStrings, codeName, getLanguage, t } from '../view/i18n.js';
import { displayUnit, formatNumber } from '../view/format.js';
import { exportActions, messageLine } from './messages.js';
import { SERIES_STRINGS } from './series-strings.js';

addStrings(SERIES_STRINGS);

const BUNDLE = new URL('../series.bundle.js', import.meta.url).href;
const STYLESHEET = new URL('../series.bundle.css', import.meta.url).href;

let loading = null;

/** Series mode, loaded and set up once; rejects if it cannot be loaded (and tries again on the next call). */
export function loadSeriesMode(annotator) {
  loading ??= (async () => {
    const [{ createSeriesMode }, textFile, exporter] = await Promise.all([
      import(BUNDLE),
      import('./text-file.js'),
      import('./export.js'),
      stylesheet(STYLESHEET),
    ]);
    const page = {
      t,
      codeName,
      getLanguage,
      displayUnit,
      formatNumber,
      messageLine,
      exportActions,
      download: exporter.download,
      withoutEnglish: exporter.withoutEnglish,
      readTextFile: textFile.readTextFile,
      messageKey: textFile.messageKey,
    };
    return createSeriesMode({ annotator, page });
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Adds the stylesheet `href` once; resolves when it has loaded. */
function stylesheet(href) {
  const existing = [...document.querySelectorAll('link[rel="stylesheet"]')].find((link) => link.href === href);
  if (existing) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => reject(new Error(`${href} did not load`)));
  });
  document.head.append(link);
  return loaded;
}
