// sw.js: the service worker that keeps zhibiao working offline.
//
// Every URL here is relative to this file, so the page works from any
// sub-path. Strategy: network first (a fresh build is used as soon as it is
// deployed), falling back to the cache when the network fails or is slower
// than NETWORK_TIMEOUT_MS; successful same-origin answers refresh the cache.
// CACHE_VERSION names the cache: bump it when the file list changes, and
// activation removes the old caches.

const CACHE_VERSION = 8;
const CACHE = `zhibiao-v${CACHE_VERSION}`;
const NETWORK_TIMEOUT_MS = 4000;

const PRECACHE = [
  './',
  'index.html',
  'page/style.css',
  'view/annotated.css',
  'page/print.css',
  'icon.svg',
  // The page's script: page/main.js and every module it imports, in one
  // file (scripts/build-page.mjs).
  'main.bundle.js',
  // The worker for long texts and comparisons, and the embeddable element
  // (embed.html) with the modules it imports.
  'engine/annotator-worker.js',
  'engine/annotator.js',
  'element/zhibiao-annotator.js',
  'view/render.js',
  'view/roving.js',
  'view/details.js',
  'view/format.js',
  'view/i18n.js',
  // Series mode, loaded the first time it is shown.
  'series.bundle.js',
  'series.bundle.css',
  'embed.html',
  'element/embed-example.js',
  'pkg/zhibiao.js',
  'pkg/zhibiao_bg.wasm',
  'samples/gz-2017-government-work-report.txt',
];

/**
 * The JS snippets pkg/zhibiao.js imports (src/wasm-result.js): wasm-bindgen
 * puts them in pkg/snippets/zhibiao-HASH/, the hash made from the crate's
 * name and version, so they are read from the glue instead of listed above.
 */
async function glueImports() {
  try {
    const glue = new URL('pkg/zhibiao.js', self.location.href);
    const response = await fetch(glue, { cache: 'reload' });
    if (!response.ok) return [];
    const source = await response.text();
    return [...source.matchAll(/\bfrom\s*['"](\.\/snippets\/[^'"]+)['"]/g)].map((m) => new URL(m[1], glue).href);
  } catch {
    return [];
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One missing file must not stop the rest from being cached.
      await Promise.allSettled(
        [...PRECACHE, ...(await glueImports())].map(async (path) => {
          const request = new Request(new URL(path, self.location.href), { cache: 'reload' });
          const response = await fetch(request);
          if (response.ok) await cache.put(request, response);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('zhibiao-v') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (hit) return hit;
  if (request.mode === 'navigate') return cache.match(new URL('index.html', self.location.href));
  return undefined;
}

async function networkFirst(request) {
  const network = fetch(request).then(async (response) => {
    if (response.ok && response.type === 'basic') {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  });
  network.catch(() => {}); // answered from the cache below; not an unhandled rejection
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, 'timeout'));
  try {
    const first = await Promise.race([network, timeout]);
    if (first !== 'timeout') return first;
    const cached = await fromCache(request);
    return cached ?? (await network);
  } catch (error) {
    const cached = await fromCache(request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(networkFirst(request));
});
