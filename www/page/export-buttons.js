// export-buttons.js: the annotate mode's export and copy buttons. Each one
// loads export.js on first use and hands the text on screen to the engine
// (CSV, Web Annotations) or writes the annotation it has (JSON).

import { getLanguage } from '../view/i18n.js';

const $ = (id) => document.getElementById(id);

/**
 * `run(action)` calls `action({ text, result })` when there is something to
 * export, and says why not otherwise; `copy(makeText)` copies what it makes;
 * `exporter()` imports export.js. `sourceName()` is the open file's name
 * (null for a pasted text), `result()` the annotation on screen (with the
 * reader's corrections), `visibleIds()` the ids of the table's rows as
 * shown.
 */
export function wireExportButtons({ run, copy, exporter, annotator, sourceName, result, visibleIds }) {
  const csv = 'text/csv;charset=utf-8';
  const file = () => sourceName() ?? '-';
  // In English the exports carry the glossary's English (metric_en, unit_en).
  const english = () => ({ english: getLanguage() === 'en' });
  const json = async (result) => {
    const { toJson } = await exporter();
    if (english().english) await annotator.gloss(result.indicators);
    return toJson(result, english());
  };
  $('export-csv').addEventListener('click', () =>
    run(async ({ text }) => {
      const { download, exportName, toCsv } = await exporter();
      download(exportName(sourceName(), 'csv'), await toCsv(annotator, text, file(), result(), english()), csv);
    }),
  );
  $('export-json').addEventListener('click', () =>
    run(async ({ result }) => {
      const { download, exportName } = await exporter();
      download(exportName(sourceName(), 'json'), await json(result), 'application/json;charset=utf-8');
    }),
  );
  $('export-web-annotations').addEventListener('click', () =>
    run(async ({ text }) => {
      const { download, exportName, toWebAnnotations } = await exporter();
      download(exportName(sourceName(), 'jsonld'), await toWebAnnotations(annotator, text), 'application/ld+json;charset=utf-8');
    }),
  );
  $('export-rows').addEventListener('click', () =>
    run(async ({ text }) => {
      const { download, exportName, toCsvRows } = await exporter();
      download(exportName(sourceName(), 'csv'), await toCsvRows(annotator, text, file(), visibleIds(), result(), english()), csv);
    }),
  );
  $('copy-csv').addEventListener('click', () =>
    run(({ text }) => copy(async () => (await (await exporter()).toCsv(annotator, text, file(), result(), english())).replace(/^\uFEFF/, ''))),
  );
  $('copy-json').addEventListener('click', () => run(({ result }) => copy(() => json(result))));
}
