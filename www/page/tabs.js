// tabs.js: the mode tabs (标注 / Annotate, 对比 / Compare) as an ARIA tab
// list: a click or Enter chooses; arrow keys, Home and End move along the
// tabs and choose as they go. Each tab names its panel (aria-controls) and
// its mode (data-mode).

/**
 * Wires the tabs in `container`. `current()` is the mode on screen;
 * `choose(mode, { focusTab })` switches to another. Returns `select`, which
 * marks `mode`'s tab chosen and shows only its panel.
 */
export function createTabs(container, { current, choose }) {
  const tabs = [...container.querySelectorAll('[role="tab"]')];
  container.addEventListener('click', (event) => {
    const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    if (tab && tab.dataset.mode !== current()) choose(tab.dataset.mode, { focusTab: false });
  });
  container.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(document.activeElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    choose(tabs[(to + tabs.length) % tabs.length].dataset.mode, { focusTab: true });
  });
  return {
    select(mode, { focusTab = false } = {}) {
      for (const tab of tabs) {
        const selected = tab.dataset.mode === mode;
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
        document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
        if (selected && focusTab) tab.focus();
      }
    },
  };
}
