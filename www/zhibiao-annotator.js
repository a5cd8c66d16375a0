// zhibiao-annotator.js: the <zhibiao-annotator> custom element. It shows the
// annotated view of its text content (or of its `text` property) in a shadow
// root, using the same renderer, popover and worker as the page.
//
//   <script type="module" src="zhibiao-annotator.js"></script>
//   <zhibiao-annotator>全市地区生产总值增长8.1%。</zhibiao-annotator>
//
// Properties: `text` (string; when set, it wins over the text content),
// `result` (read-only: the SPEC JSON of what is shown). Attribute
// `no-legend` hides the status legend. Events: `zhibiao-annotated`
// (detail: { text, result }) and `zhibiao-error` (detail: { error }).
// Colours follow the custom properties of annotated.css, which a page can
// set on the element.

import { Annotator } from './annotator.js';
import { renderAnnotation } from './render.js';
import { createDetails } from './details.js';
import { codeNameBoth, t } from './i18n.js';

const STYLESHEET = new URL('./annotated.css', import.meta.url).href;
const STATUSES = ['actual', 'estimate', 'target'];

let sharedAnnotator = null;
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
    root.append(link, this.#legend, this.#status, this.#view);
    createDetails({ scope: this.#view, host: root, getAnnotation: () => ({ text: this.#shown, result: this.#result }) });
  }

  static get observedAttributes() {
    return ['no-legend'];
  }

  attributeChangedCallback() {
    this.#fillLegend();
  }

  connectedCallback() {
    this.#fillLegend();
    this.#observer ??= new MutationObserver(() => {
      if (this.#text === null) this.#update();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#update();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#abort?.abort();
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
    this.#legend.replaceChildren(
      ...STATUSES.map((code) => {
        const li = document.createElement('li');
        const key = document.createElement('span');
        key.className = `zb-key zb-status-${code}`;
        key.textContent = codeNameBoth('status', code);
        li.appendChild(key);
        return li;
      }),
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
      this.#status.textContent = '';
      return;
    }
    this.#status.textContent = t('status.annotating');
    try {
      const { result } = await annotator().annotate(text);
      if (generation !== this.#generation) return;
      this.#result = result;
      this.#shown = text;
      const controller = new AbortController();
      this.#abort = controller;
      await renderAnnotation(this.#view, text, result, { signal: controller.signal });
      this.#status.textContent = '';
      this.dispatchEvent(new CustomEvent('zhibiao-annotated', { detail: { text, result } }));
    } catch (error) {
      if (generation !== this.#generation || error.name === 'AbortError' || error.code === 'superseded') return;
      this.#result = null;
      this.#shown = text;
      // The text stays readable, just without highlights.
      renderAnnotation(this.#view, text, { sections: [], indicators: [] }).catch(() => {});
      this.#status.textContent = t(error.code === 'load' ? 'view.error.load' : 'view.error.crash', { message: error.message });
      this.dispatchEvent(new CustomEvent('zhibiao-error', { detail: { error } }));
    }
  }
}

if (!customElements.get('zhibiao-annotator')) customElements.define('zhibiao-annotator', ZhibiaoAnnotator);
