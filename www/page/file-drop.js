// file-drop.js: a file dropped anywhere on the page opens it rather than
// navigating away. In annotate mode the drop hint shows while a file is
// dragged over the page; in compare mode the file goes into the box it was
// dropped on (or the first empty one), which shows its own hint.

/**
 * `hint`: annotate mode's drop hint. `mode()`: the mode on screen
 * ('annotate', 'compare' or 'series'); `compare()`, `series()`: those
 * modes' objects, null until they are loaded. `openFile(file)`: opens a
 * file in annotate mode. Series mode takes every file dropped.
 */
export function wireFileDrop({ hint, mode, compare, series, openFile }) {
  document.addEventListener('dragover', (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (mode() === 'compare') compare()?.showDropHint(compare().sideFor(event.target));
    else if (mode() === 'series') series()?.showDropHint(true);
    else hint.hidden = false;
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget != null) return;
    hint.hidden = true;
    compare()?.showDropHint(null);
    series()?.showDropHint(false);
  });
  document.addEventListener('drop', (event) => {
    hint.hidden = true;
    const file = event.dataTransfer?.files?.[0];
    if (!file) {
      compare()?.showDropHint(null);
      series()?.showDropHint(false);
      return;
    }
    event.preventDefault();
    if (mode() === 'series') series()?.dropFiles([...event.dataTransfer.files]);
    else if (mode() === 'compare') compare()?.dropFile(compare().sideFor(event.target, { fallback: true }), file);
    else openFile(file);
  });
}
