// zhibiao-annotator.js: the <zhibiao-annotator> custom element. It shows the
// annotated view of its text content (or of its `text` property) in a shadow
// root, using the same renderer, popover and worker as the page.
//
//   <script type="module" src="zhibiao-annotator.js"></script>
//   <zhibiao-annotator>全市地区生产总值增长8.1%。</zhibiao-annotator>
//
// Properties: `text` (string; when set, it wins over the text content),
// `result` (read-only: the SPEC JSON of what is shown), `language`
// (read-only: 'zh' or 'en', the interface language in use). Attributes:
// `no-legend` hides the status legend; `language="en"` or `"zh"` sets the
// interface language, which otherwise follows the nearest `lang` (the
// element's own, an ancestor's, the page's <html lang>): en… is English,
// anything else Chinese. Events: `zhibiao-annotated` (detail: { text,
// result }) and `zhibiao-error` (detail: { error }). Colours follow the
// custom properties of annotated.css, which a page can set on the element.
//
// The module may come from another origin than the page (with CORS): the
// worker, the stylesheet and the .wasm are all loaded from the module's own
// origin (annotator.js, createWorker).

import { Annotator, TIMEOUT_MS } from '../engine/annotator.js';
import { indicatorLabel, relabel, renderAnnotation } from '../view/render.js';
import { createDetails } from '../view/details.js';
import { codeNameBoth, getLanguage, languageOfTag, t, withLanguage } from '../view/i18n.js';

const STYLESHEET = new URL('../view/annotated.css', import.meta.url).href;
const STATUSES = ['actual', 'estimate', 'target'];

let sharedAnnotator = null;
let elementCount = 0;
/** One worker serves every element on the page. */
function annotator() {
  sharedAnnotator ??= new Annotator();
  return sharedAnnotator;
}

/**
 * Text content as an author writes it inside indented HTML: surrounding
 * blank lines and the common indentation removed.
 */
export function dedent(source) {
  const lines = source
    .replace(/^\s*\n/, '')
    .replace(/\n\s*$/, '')
    .split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(Math.min(cut, /^[ \t]*/.exec(line)[0].length))).join('\n');
}

/** A renderAnnotation `decorate` that labels each highlight in `language`. */
function labelIn(language) {
  return (el, indicator) =>
    el.setAttribute(
      'aria-label',
      withLanguage(language, () => indicatorLabel(indicator)),
    );
}

export class ZhibiaoAnnotator extends HTMLElement {
  #text = null;
  #result = null;
  #shown = '';
  #generation = 0;
  #abort = null;
  #observer = null;
  #view;
  #legend;
  #status;
  #details;
  #language = null;
  /** The last status message: [key, params], shown again in a new language. */
  #statusKey = null;
  #langObserver = null;
  /** This element's requests supersede only each other in the shared worker. */
  #channel = `element-${++elementCount}`;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    this.#legend = document.createElement('ul');
    this.#legend.className = 'zb-legend';
    this.#legend.setAttribute('part', 'legend');
    this.#status = document.createElement('p');
    this.#status.className = 'zb-element-status';
    this.#status.setAttribute('role', 'status');
    this.#status.setAttribute('part', 'status');
    this.#view = document.createElement('div');
    this.#view.className = 'zb-view';
    this.#view.setAttribute('part', 'view');
    // The report is Chinese whatever the interface language.
    this.#view.lang = 'zh';
    root.append(link, this.#legend, this.#status, this.#view);
    this.#details = createDetails({
      scope: this.#view,
      host: root,
      getAnnotation: () => ({ text: this.#shown, result: this.#result }),
      language: () => this.language,
    });
  }

  static get observedAttributes() {
    return ['no-legend', 'language', 'lang'];
  }

  attributeChangedCallback() {
    this.#applyLanguage();
  }

  connectedCallback() {
    this.#language = null;
    this.#applyLanguage();
    this.#observer ??= new MutationObserver(() => {
      if (this.#text === null) this.#update();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    // A page that switches its language sets <html lang>: follow it.
    this.#langObserver ??= new MutationObserver(() => this.#applyLanguage());
    this.#langObserver.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.#update();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#langObserver?.disconnect();
    this.#abort?.abort();
  }

  /**
   * The interface language, 'zh' or 'en': the `language` attribute if it
   * names one, else the nearest `lang` (this element's, an ancestor's, the
   * page's), en… for English and anything else (or none) for Chinese.
   */
  get language() {
    const own = languageOfTag(this.getAttribute('language'));
    if (own) return own;
    const lang = this.closest('[lang]')?.getAttribute('lang') ?? this.ownerDocument.documentElement.getAttribute('lang');
    return languageOfTag(lang) ?? 'zh';
  }

  /** `fn()` with the element's language as i18n.js's current one. */
  #inLanguage(fn) {
    return withLanguage(this.language, fn);
  }

  #setStatus(key, params = {}) {
    this.#statusKey = key ? [key, params] : null;
    this.#status.textContent = key ? this.#inLanguage(() => t(key, params)) : '';
  }

  /** Legend, status, highlight labels and popover in the element's language, when it changed. */
  #applyLanguage() {
    const language = this.language;
    this.#legend.hidden = this.hasAttribute('no-legend');
    if (language === this.#language) return;
    this.#language = language;
    this.#legend.lang = this.#status.lang = language === 'en' ? 'en' : 'zh';
    this.#fillLegend();
    if (this.#statusKey) this.#setStatus(...this.#statusKey);
    if (this.#result) this.#inLanguage(() => relabel(this.#view, this.#result));
    this.#details.refresh();
    if (this.#result) this.#gloss(this.#result);
  }

  /**
   * In English, the glossary's English on `result`'s indicators (metric_en,
   * unit_en: the popover and the labels show it), then the labels again.
   * The English is an aid: without it the Chinese stays.
   */
  async #gloss(result) {
    if (this.language !== 'en' || result.indicators.length === 0) return;
    try {
      await annotator().gloss(result.indicators);
    } catch {
      return;
    }
    if (result !== this.#result || this.language !== 'en') return;
    this.#inLanguage(() => relabel(this.#view, result));
    this.#details.refresh();
  }

  /** The text being annotated: the `text` property if set, else the element's text content. */
  get text() {
    return this.#text ?? dedent(this.textContent ?? '');
  }

  set text(value) {
    this.#text = value == null ? null : String(value);
    if (this.isConnected) this.#update();
  }

  /** The SPEC JSON ({ sections, indicators }) of the text shown, or null. */
  get result() {
    return this.#result;
  }

  #fillLegend() {
    this.#legend.hidden = this.hasAttribute('no-legend');
    this.#inLanguage(() =>
      this.#legend.replaceChildren(
        ...STATUSES.map((code) => {
          const li = document.createElement('li');
          const key = document.createElement('span');
          key.className = `zb-key zb-status-${code}`;
          key.textContent = codeNameBoth('status', code);
          li.appendChild(key);
          return li;
        }),
      ),
    );
  }

  async #update() {
    const text = this.text;
    const generation = ++this.#generation;
    this.#abort?.abort();
    if (text.trim() === '') {
      this.#result = null;
      this.#shown = '';
      this.#view.replaceChildren();
      this.#setStatus(null);
      return;
    }
    this.#setStatus('status.annotating');
    try {
      const { result } = await annotator().annotate(text, { channel: this.#channel });
      if (generation !== this.#generation) return;
      this.#result = result;
      this.#shown = text;
      const controller = new AbortController();
      this.#abort = controller;
      // Highlights are labelled in the page's language as they are made:
      // label them again in the element's when the two differ.
      const language = this.language;
      const decorate = language === getLanguage() ? undefined : labelIn(language);
      await renderAnnotation(this.#view, text, result, { signal: controller.signal, decorate });
      await this.#gloss(result);
      if (generation !== this.#generation) return;
      this.#setStatus(null);
      this.dispatchEvent(new CustomEvent('zhibiao-annotated', { detail: { text, result } }));
    } catch (error) {
      if (generation !== this.#generation || error.name === 'AbortError' || error.code === 'superseded') return;
      this.#result = null;
      this.#shown = text;
      // The text stays readable, just without highlights.
      renderAnnotation(this.#view, text, { sections: [], indicators: [] }).catch(() => {});
      const key = error.code === 'load' ? 'view.error.load' : error.code === 'timeout' ? 'view.error.timeout' : 'view.error.crash';
      this.#setStatus(key, { message: error.message, seconds: TIMEOUT_MS / 1000 });
      this.dispatchEvent(new CustomEvent('zhibiao-error', { detail: { error } }));
    }
  }
}

if (!customElements.get('zhibiao-annotator')) customElements.define('zhibiao-annotator', ZhibiaoAnnotator);
