// stages.js: the page's states and what waits for the frames after the
// annotated view. main.js starts an annotation run and says when it settles;
// this module marks the state on <html> and runs, a frame or two later, what
// the first view does not need: the table of a short text, the report box's
// layout, and the background work (the service worker, the worker for long
// texts, the modules imported on first use).

import { nextFrame } from '../view/render.js';

/**
 * `generation()`: the number of the current annotation run (a newer run
 * supersedes what an older one left waiting). `onSettled()`: runs once each
 * settled run's view is on screen (main.js builds the table then).
 * `background()`: what starts once the first view is on screen.
 */
export function createStages({ generation, onSettled, background }) {
  /** What waits for the frame after the annotated view (the table of a short text). */
  let afterView = null;
  let backgroundStarted = false;
  /** Elements whose layout waits for the frame after the annotated view: see layOutLater. */
  const later = new Set();
  /** Boxes given a new text while not laid out: their scroll goes to the top once they are. */
  const scrollTopOnLayout = new Set();

  /**
   * Shows the page. index.html's boot script hides it (the zb-boot class on
   * <html>) when a draft was saved, so that the first frame a fresh page
   * draws is the annotated draft: drawn empty first, the shell paid a
   * fresh page's one-time costs (the fonts' first use, the first layout and
   * paint) in a frame of its own, and "ready" came ~25 ms later
   * (docs/performance.md). Revealed when the first page state settles, or
   * at start when the first view will not be a short draft annotated here;
   * the boot script's own timer reveals the page if this script never runs.
   */
  function revealPage() {
    document.documentElement.classList.remove('zb-boot');
  }

  /**
   * Skips laying out `element` (content-visibility: hidden, the .zb-later
   * class) until the frame after the next settled page state: the report box
   * when the page itself puts a short text there (laying out tens of KB in a
   * <textarea> costs as much as the whole first screen of the view). The
   * annotated view comes first; the box follows one frame later, or at once
   * when it gets the focus.
   */
  function layOutLater(element) {
    element.classList.add('zb-later');
    later.add(element);
  }

  function layOutNow() {
    for (const element of later) element.classList.remove('zb-later');
    later.clear();
    for (const element of scrollTopOnLayout) element.scrollTop = 0;
    scrollTopOnLayout.clear();
  }

  /**
   * What the first view does not need, started once it is on screen (the
   * first settled page state, or a while after `load`): `background()` and
   * the service worker, whose precache of the whole site would otherwise
   * compete with the first annotation for the network and the CPU.
   */
  function startBackgroundWork() {
    if (backgroundStarted) return;
    backgroundStarted = true;
    nextFrame(document).then(() => {
      const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 50));
      idle(
        () => {
          background();
          if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
            navigator.serviceWorker.register('sw.js', { scope: './', type: 'classic' }).catch((error) => {
              console.warn('zhibiao: offline support is unavailable:', error.message);
            });
          }
        },
        { timeout: 1000 },
      );
    });
  }

  /**
   * Page state, for styling and for tests: empty | busy | ready | none |
   * error | too-large, with the number of the annotation run it belongs to.
   * `ready`: the annotated report (every highlight) and its outline are in
   * the page. What waits for the frames after that follows, the table of a
   * short text once the frame showing the report is drawn and the report
   * box (layOutLater) in the frame after the table's, then
   * `data-zb-complete` names the run too.
   */
  function setPageState(state) {
    const root = document.documentElement;
    const gen = generation();
    root.dataset.zbState = state;
    root.dataset.zbGeneration = String(gen);
    if (state === 'busy') return;
    revealPage();
    const finish = async () => {
      // A newer run has started: it finishes the work when it settles.
      if (gen !== generation()) return;
      const work = afterView;
      afterView = null;
      work?.();
      onSettled();
      // The report box gets a frame of its own after the table's: laid out
      // together (100 rows and tens of KB in a <textarea>) they blocked the
      // page for 125–145 ms right after the report appeared.
      if (work && later.size) {
        await nextFrame(document);
        if (gen !== generation()) return;
      }
      layOutNow();
      root.dataset.zbComplete = String(gen);
    };
    // Two frames: the table's rows (a ~20 ms task for 100) are built once
    // the frame showing the report has been drawn and the next has begun.
    // Built right after it, they held the page's thread while that frame
    // was still being rastered and presented (on two cores, against the
    // raster threads).
    if (afterView || later.size)
      nextFrame(document)
        .then(() => nextFrame(document))
        .then(finish);
    else finish();
    startBackgroundWork();
  }

  return {
    setPageState,
    revealPage,
    layOutLater,
    layOutNow,
    startBackgroundWork,
    /** What runs in the frame after the next settled view (null: nothing). */
    setAfterView(work) {
      afterView = work;
    },
    /** Puts `element`'s scroll at the top once it is laid out. */
    scrollTopOnLayout(element) {
      scrollTopOnLayout.add(element);
    },
  };
}
