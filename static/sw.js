// Casebook's service worker: the app works offline after one visit.
// The precache list and version are filled in after every build by the prerender step
// (src/bin/prerender.rs) from the files actually in dist/: never edit them by hand.
const VERSION = "/*VERSION*/";
const PRECACHE = [/*PRECACHE*/];
const CACHE = `casebook-${VERSION}`;
// Route HTML comes from the network when it answers this fast, else from the cache.
const NETWORK_TIMEOUT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
  // No skipWaiting here: a new version waits until the user accepts the reload
  // (boot.js shows the prompt), so a page never mixes two versions' files.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('casebook-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

// "/timeline" and "/timeline/" are the same page; caches hold the directory form. An odd
// address ("/index.html", "/timeline//") is read as its canonical form, as the app does.
function pageKey(url) {
  let path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/index\.html$/, '/');
  if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
  return path;
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  return cache.match(request, { ignoreSearch: true });
}

async function page(request) {
  const url = new URL(request.url);
  const key = pageKey(url);
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS)),
    ]);
    if (response.ok && !response.redirected && response.type === 'basic') {
      await cache.put(key, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = (await cache.match(key, { ignoreSearch: true }))
      // Any event page: the timeline page (same HTML; the app selects the event).
      || (key.startsWith('/timeline/') && await cache.match('/timeline/'))
      || await cache.match('/404.html');
    if (cached) return cached;
    throw offline;
  }
}

async function asset(request) {
  const cached = await fromCache(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else {
    event.respondWith(asset(request));
  }
});
