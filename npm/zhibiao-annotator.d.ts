// Types of the custom element module, `zhibiao/element` (zhibiao-annotator.js).
// Importing the module defines <zhibiao-annotator>.

import type { Annotation } from './index.js';

/** Text content as an author writes it inside indented HTML: blank edges and common indentation removed. */
export declare function dedent(source: string): string;

/**
 * <zhibiao-annotator>: the annotated view of its text content (or of its
 * `text` property) in a shadow root. Attributes: `no-legend`; `language`
 * ("en" or "zh"; otherwise the nearest `lang`, the page's included, decides:
 * en… is English, anything else Chinese). Events: `zhibiao-annotated`,
 * `zhibiao-error`.
 */
export declare class ZhibiaoAnnotator extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The text annotated: the `text` property if set, else the text content. Setting null goes back to the content. */
  get text(): string;
  set text(value: string | null);
  /** SPEC.md's JSON of the text shown, or null (nothing yet, or an error). */
  get result(): Annotation | null;
  /** The interface language in use. */
  get language(): 'zh' | 'en';
}

export interface ZhibiaoAnnotatedDetail {
  text: string;
  result: Annotation;
}

export interface ZhibiaoErrorDetail {
  /** An AnnotatorError (`code`: 'load' | 'crash' | 'failed' | 'timeout'). */
  error: Error & { code?: string };
}

declare global {
  interface HTMLElementTagNameMap {
    'zhibiao-annotator': ZhibiaoAnnotator;
  }
  interface HTMLElementEventMap {
    'zhibiao-annotated': CustomEvent<ZhibiaoAnnotatedDetail>;
    'zhibiao-error': CustomEvent<ZhibiaoErrorDetail>;
  }
}
