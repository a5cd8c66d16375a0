// Types of `zhibiao/annotator` (annotator.js): the engine in a Web Worker,
// with timeouts, crash recovery and answers checked against SPEC.md.

import type { Annotation, Comparison } from './index.js';
import type { WebAnnotationCollection } from './index.js';
import type { English, SeriesStep } from './pkg/zhibiao.js';

/** How long one request may take before the worker is presumed stuck, in ms. */
export declare const TIMEOUT_MS: number;
/** With `mainThread`, texts up to this many UTF-16 code units are annotated on the calling thread. */
export declare const MAIN_THREAD_MAX_CHARS: number;
/** The largest text the page annotates, in UTF-16 code units. */
export declare const MAX_CHARS: number;

export declare class AnnotatorError extends Error {
  constructor(code: AnnotatorError['code'], message: string);
  readonly name: 'AnnotatorError';
  code: 'load' | 'crash' | 'failed' | 'timeout' | 'superseded';
}

/** Checks an engine answer against SPEC.md's shape (fixing ids and links in place). */
export declare function checkAnnotation(value: unknown): Annotation;

/** Links a comparison's pairs to the ids of their target in `old` and result in `later`. */
export declare function checkComparison(
  value: unknown,
  old: Annotation,
  later: Annotation,
): { comparison: Comparison; links: { target: number | null; result: number | null }[] };

/**
 * A module worker running `url`: directly when it is on the page's origin,
 * else through a same-origin blob: module that imports it. Throws when the
 * browser refuses workers (e.g. a Content-Security-Policy).
 */
export declare function createWorker(url: string | URL, options?: WorkerOptions): { worker: Worker; revoke(): void };

export interface AnnotatorOptions {
  /** Annotate texts up to MAIN_THREAD_MAX_CHARS on the calling thread (default false). */
  mainThread?: boolean;
}

export declare class Annotator {
  /** `workerUrl` defaults to annotator-worker.js next to annotator.js. */
  constructor(workerUrl?: string | URL, options?: AnnotatorOptions);
  /** The engine's version once it has loaded, else null. */
  version: string | null;
  readonly ready: boolean;
  /** False once no worker could be made here: everything then runs on the calling thread. */
  readonly usesWorker: boolean;
  onState(listener: (state: { type: 'ready' | 'loading'; version?: string | null }) => void): () => boolean;
  warmUp(): void;
  warmUpWorker(): void;
  annotate(text: string, options?: { channel?: string }): Promise<{ result: Annotation; ms: number }>;
  compare(
    oldText: string,
    newText: string,
  ): Promise<{ old: Annotation; new: Annotation; comparison: Comparison; links: { target: number | null; result: number | null }[]; ms: number }>;
  sniff(bytes: Uint8Array): Promise<string>;
  reflow(text: string): Promise<string>;
  exportCsv(text: string, file: string, options?: { english?: boolean }): Promise<string>;
  /** `exportCsv` with only the indicators `ids`, in that order. */
  exportCsvRows(text: string, file: string, ids: number[], options?: { english?: boolean }): Promise<string>;
  /**
   * Adds the glossary's English to `indicators` in place (`metric_en`,
   * `unit_en`; null where it has none) and resolves with them.
   */
  gloss<T extends { metric: string | null; unit: string | null }>(indicators: T[]): Promise<(T & English)[]>;
  exportWebAnnotations(text: string, source?: string): Promise<WebAnnotationCollection>;
  csvRecords(cells: string[], width: number): Promise<string>;
  /** Takes one report into series run `run` (a new number starts a new run; `join`: pair each report's targets with its issuer's next report), in the worker. */
  seriesPush(run: number, join: boolean, source: string, text: string): Promise<SeriesStep>;
  /** Series run `run`'s table as CSV, the bytes of `zhibiao series [--joined]`. */
  seriesCsv(run: number, joined: boolean, options?: { english?: boolean }): Promise<string>;
  /** Stops the worker; pending calls reject with `superseded`. */
  terminate(): void;
}
