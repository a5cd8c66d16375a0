// zhibiao under Node (the "node" condition of package.json's exports): the
// engine of index.js, already loaded when the import resolves (top-level
// await reads pkg/zhibiao_bg.wasm from disk), so that
//   import { annotate } from 'zhibiao';
// is ready to call. `await init()` still works, and returns at once.

import { init } from './index.js';

export * from './index.js';
export { default } from './index.js';

await init();
