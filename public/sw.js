// The app shell for offline use: the page and its built assets, never the API (the app keeps its own cache of that).
const CACHE = 'inbox-shell-v1';

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch('/', { cache: 'no-store' });
      const html = await response.clone().text();
      await cache.put('/', response);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(
        (match) => match[1],
      );
      await cache.addAll(assets);
      // And every chunk those import, lazily or not (`./Name-hash.js`), and theirs: the parts that load beside the
      // first request (the filter bar, the account line), the pane and the pages work offline from the first visit.
      const seen = new Set(assets);
      const queue = assets.filter((path) => path.endsWith('.js'));
      while (queue.length > 0 && seen.size < 300) {
        const response = await cache.match(queue.shift());
        if (!response) continue;
        for (const [, name] of (await response.text()).matchAll(/\.\/([\w-]+\.js)/g)) {
          const path = `/assets/${name}`;
          if (seen.has(path)) continue;
          seen.add(path);
          await cache.add(path).then(
            () => queue.push(path),
            () => {},
          );
        }
      }
    })(),
  );
});

/**
 * The page as the shell to keep: without the first rows the server may have written into it (server/http/
 * first-paint.ts, between these markers), which are of this moment; offline, the app shows its own saved lists.
 */
async function withoutFirstPaint(response) {
  const html = await response.text();
  const start = html.indexOf('<!--first-paint-->');
  const end = html.indexOf('<!--/first-paint-->');
  const shell =
    start === -1 || end < start
      ? html
      : html.slice(0, start) + html.slice(end + '<!--/first-paint-->'.length);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(shell, { status: response.status, headers });
}

// The page is asked for as the browser starts this worker, not after (navigation preload): a second visit does
// not wait for the worker to boot before its request goes out (docs/decisions/019).
self.addEventListener('activate', (event) =>
  event.waitUntil(
    Promise.all([self.clients.claim(), self.registration.navigationPreload?.enable()]),
  ),
);

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (
    request.method !== 'GET' ||
    url.origin !== self.location.origin ||
    url.pathname.startsWith('/api/')
  )
    return;
  if (request.mode === 'navigate') {
    event.respondWith(
      Promise.resolve(event.preloadResponse)
        .then((preloaded) => preloaded ?? fetch(request))
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void withoutFirstPaint(copy).then(async (shell) =>
              (await caches.open(CACHE)).put('/', shell),
            );
          }
          return response;
        })
        // The network failed: the cached shell, marked so that the app knows from its first paint that the
        // server could not be reached (src/api/connection.ts) instead of assuming it can.
        .catch(async () => {
          const cached = await caches.match('/');
          if (!cached) return Response.error();
          const html = (await cached.text()).replace('<html', '<html data-shell="offline"');
          const headers = new Headers(cached.headers);
          headers.delete('content-length');
          headers.delete('content-encoding');
          return new Response(html, { status: 200, headers });
        }),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
