// Types of the engine entry (index.js, and node.js under Node). The shapes
// (Annotation, Indicator, Comparison, …) are those of the wasm package,
// pkg/zhibiao.d.ts, which SPEC.md describes.

import type { InitInput, SyncInitInput } from './pkg/zhibiao.js';

export type {
  Annotation,
  Layout,
  Span,
  Section,
  Kind,
  Direction,
  Comparator,
  Status,
  Horizon,
  Indicator,
  Verdict,
  ReasonCode,
  Evidence,
  Pair,
  Summary,
  Years,
  Warning,
  Comparison,
  English,
  GlossedIndicator,
  Glosses,
  InitInput,
  SyncInitInput,
} from './pkg/zhibiao.js';

export { annotate, compare, csvRecords, reflow, sniffEncoding, version } from './pkg/zhibiao.js';

/** Where the .wasm is: next to the module, `pkg/zhibiao_bg.wasm`. */
export declare const WASM_URL: URL;

/**
 * Loads the engine once (later calls return the same promise): fetches
 * `WASM_URL` in a browser, reads it from disk under Node, or takes
 * `source` (a URL, a Response, the .wasm's bytes, a WebAssembly.Module).
 * Every other function throws until it has resolved.
 */
export declare function init(source?: InitInput | Promise<InitInput>): Promise<void>;
export default init;

/** Loads the engine at once from the .wasm's bytes or a compiled WebAssembly.Module. */
export declare function initSync(source: SyncInitInput): void;

/**
 * `zhibiao annotate --format csv FILE`'s output for `text`, with `file`
 * (default `-`) in the `file` column; `{ english: true }` adds the columns
 * metric_en and unit_en, as `--english` does.
 */
export declare function exportCsv(text: string, file?: string, options?: { english?: boolean }): string;

/**
 * The glossary's English of each of `metrics` (地区生产总值 → "GDP") and
 * of each of `units` (亿元 → "100 million yuan"), `null` where it has none:
 * what `zhibiao annotate --english` writes as metric_en and unit_en.
 */
export declare function gloss(metrics: string[], units?: string[]): Glosses;

/**
 * `text`'s indicators as W3C Web Annotations: an `AnnotationCollection`
 * (JSON-LD), as `zhibiao annotate --format web-annotation` writes it.
 * `source` names the text (an IRI); empty (the default), a `urn:uuid:`
 * made from the text names it.
 */
export declare function exportWebAnnotations(text: string, source?: string): WebAnnotationCollection;

/** exportWebAnnotations's `AnnotationCollection` (src/export/web_annotation.rs), every annotation on its first page. */
export interface WebAnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { type: 'Software'; name: string };
  first: { id: string; type: 'AnnotationPage'; startIndex: number; items: WebAnnotation[] };
}

/** One indicator as an `Annotation`. */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  body: { type: 'TextualBody'; purpose: string; format: string; language?: string; value: string }[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      /** In code points, end exclusive. */
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

/** Many reports at once (`zhibiao series`): push each report in order, then `csv(joined, english)` (`zhibiao series [--joined] [--english]`); `free()` when done. */
export declare function series(join?: boolean): SeriesRun;
export type { SeriesRun, SeriesStep, SeriesRow, SeriesJoined, SeriesReport } from './pkg/zhibiao.js';
import type { SeriesRun } from './pkg/zhibiao.js';
