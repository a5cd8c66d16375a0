// embed-example.js: the one-module way to use zhibiao, as shown on
// embed.html: import the wasm package, initialise it once, call annotate.

import init, { annotate } from '../pkg/zhibiao.js';

const source = document.getElementById('module-source');
const output = document.getElementById('module-output');

async function run() {
  try {
    await init();
    const started = performance.now();
    const result = annotate(source.value);
    const ms = (performance.now() - started).toFixed(1);
    output.textContent = `// ${result.indicators.length} indicators, ${result.sections.length} sections, ${ms} ms\n${JSON.stringify(result, null, 2)}`;
  } catch (error) {
    output.textContent = `zhibiao could not annotate: ${error.message}`;
  }
}

let timer = 0;
source.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, 150);
});
run();
