// english.js: the glossary's English on what the page shows. In English the
// indicators of the result on screen (and of a comparison) get `metric_en`
// and `unit_en` (Annotator.gloss: the engine's glossary, src/glossary/), and
// the views that show them are refreshed. The English is an aid: when it
// cannot be had, the Chinese is shown as before.

import { getLanguage } from '../view/i18n.js';

/**
 * `gloss(indicators)` glosses them when the page is in English and then
 * calls `shown()`, unless `stillShown()` says they have been replaced
 * meanwhile. Resolves with whether they were glossed.
 */
export function glosser(annotator) {
  return async function gloss(indicators, { stillShown = () => true, shown = () => {} } = {}) {
    if (getLanguage() !== 'en' || !indicators?.length) return false;
    try {
      await annotator.gloss(indicators);
    } catch {
      return false;
    }
    if (getLanguage() !== 'en' || !stillShown()) return false;
    shown();
    return true;
  };
}

/** The targets and results of a comparison's pairs. */
export function pairIndicators(comparison) {
  return comparison.pairs.flatMap((p) => (p.result ? [p.target, p.result] : [p.target]));
}
