// scrolling.js: bringing a highlight into view inside the report's scroll
// box, in both modes. The view is drawn in chunks, and a chunk off screen
// gets its real height only once it is drawn: each helper scrolls, waits a
// frame and looks again, a few rounds, until the position settles.

import { nextFrame } from '../view/render.js';

const frame = () => nextFrame(document);

/** Whether `el` lies within the vertical bounds of `area` (a DOMRect). */
function isInside(el, area) {
  const box = el.getBoundingClientRect();
  return box.top >= area.top && box.bottom <= area.bottom;
}

/**
 * Scrolls `el` into `container` and the container onto the screen, `el` at
 * `block` ('start', 'center') of it.
 */
export async function reveal(container, el, block) {
  for (let i = 0; i < 4; i++) {
    el.scrollIntoView({ block, behavior: 'auto' });
    await frame();
    const box = el.getBoundingClientRect();
    if (isInside(el, container.getBoundingClientRect()) && box.top >= 0 && box.bottom <= innerHeight) break;
  }
}

/** Scrolls `container` alone (not the page) so that `el` is in its middle. */
export async function scrollWithin(container, el) {
  for (let i = 0; i < 6; i++) {
    const area = container.getBoundingClientRect();
    if (isInside(el, area)) return;
    const box = el.getBoundingClientRect();
    container.scrollTop += box.top + box.height / 2 - (area.top + area.height / 2);
    await frame();
  }
}
