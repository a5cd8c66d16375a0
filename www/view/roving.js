// roving.js: one tab stop for a group of many focusable items (a roving
// tabindex, as the ARIA authoring practices describe): the item that was
// focused last keeps tabindex 0, the others -1, and keys move between them.
// The report's 258 highlights and 83 outline entries were 341 tab stops
// before the table; now each group is one.

const wired = new WeakMap();

/**
 * Makes the `selector` items under `container` one tab stop. `keys` maps a
 * key (`event.key`) to a step: a number of items forward or back, or
 * 'first' / 'last'. Call `reset()` after the items are rebuilt: the first
 * item becomes the tab stop. Asked again with another selector, the group
 * changes to it.
 */
export function roving(container, selector, keys) {
  let group = wired.get(container);
  if (group?.selector === selector) return group;
  group?.remove();
  const items = () => container.querySelectorAll(selector);
  const itemOf = (target) => (target instanceof Element ? target.closest(selector) : null);
  const makeCurrent = (item) => {
    for (const el of container.querySelectorAll(`${selector}[tabindex="0"]`)) if (el !== item) el.tabIndex = -1;
    item.tabIndex = 0;
  };
  const onFocus = (event) => {
    const item = itemOf(event.target);
    if (item) makeCurrent(item);
  };
  const onKey = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const item = itemOf(event.target);
    const step = item && keys[event.key];
    if (step === undefined || !item) return;
    const all = [...items()];
    const at = all.indexOf(item);
    const to = step === 'first' ? 0 : step === 'last' ? all.length - 1 : Math.max(0, Math.min(all.length - 1, at + step));
    event.preventDefault();
    if (to === at) return;
    all[to].focus();
    all[to].scrollIntoView({ block: 'nearest' });
  };
  container.addEventListener('focusin', onFocus);
  container.addEventListener('keydown', onKey);
  group = {
    selector,
    remove() {
      container.removeEventListener('focusin', onFocus);
      container.removeEventListener('keydown', onKey);
    },
    /** The first item is the tab stop (after the items were rebuilt). */
    reset() {
      const first = container.querySelector(selector);
      if (first && !container.querySelector(`${selector}[tabindex="0"]`)) first.tabIndex = 0;
    },
  };
  wired.set(container, group);
  return group;
}

/** Keys between highlights in a text: n / p and the left and right arrows
 * (up and down still scroll the text). */
export const TEXT_KEYS = { n: 1, p: -1, ArrowRight: 1, ArrowLeft: -1 };
/** Keys in a list: up and down, Home and End. */
export const LIST_KEYS = { ArrowDown: 1, ArrowUp: -1, Home: 'first', End: 'last' };
