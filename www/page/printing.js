// printing.js: on paper, the whole table and the outline open (print.css
// drops the controls and unclips the scroll boxes); as before afterwards.

/** `outline` is the outline's <details>; `table()` the indicator table, or null before there is one. */
export function wirePrinting({ outline, table }) {
  let outlineWasOpen = true;
  addEventListener('beforeprint', () => {
    outlineWasOpen = outline.open;
    outline.open = true;
    table()?.showAll(true);
  });
  addEventListener('afterprint', () => {
    outline.open = outlineWasOpen;
    table()?.showAll(false);
  });
}
