// file-drop.js: a file dropped anywhere on the page opens it rather than
// navigating away. In annotate mode the drop hint shows while a file is
// dragged over the page; in compare mode the file goes into the box it was
// dropped on (or the first empty one), which shows its own hint.

/**
 * `hint`: annotate mode's drop hint. `mode()`: the mode on screen
 * ('annotate' or 'compare'); `compare()`: compare mode's object, null
 * until it is loaded. `openFile(file)`: opens a file in annotate mode.
 */
export function wireFileDrop({ hint, mode, compare, openFile }) {
  document.addEventListener('dragover', (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (mode() === 'compare') compare()?.showDropHint(compare().sideFor(event.target));
    else hint.hidden = false;
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget != null) return;
    hint.hidden = true;
    compare()?.showDropHint(null);
  });
  document.addEventListener('drop', (event) => {
    hint.hidden = true;
    const file = event.dataTransfer?.files?.[0];
    if (!file) {
      compare()?.showDropHint(null);
      return;
    }
    event.preventDefault();
    if (mode() === 'compare') compare()?.dropFile(compare().sideFor(event.target, { fallback: true }), file);
    else openFile(file);
  });
}
