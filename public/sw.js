// The app shell for offline use (the page and its built assets), and a copy of the Inbox page with its first rows
// that a second visit paints at once; never the API (the app keeps its own cache of that).
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

/** The Inbox page as it was last seen, with its first rows: what a second visit to `/` paints at once. */
const COPY = '/?inbox-copy';

const html = (text, response) => {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(text, { status: response.status, headers });
};

/** The page without what lies between two markers (or as it is without them). */
const cut = (text, start, end) => {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  return from === -1 || to === -1 ? text : text.slice(0, from) + text.slice(to + end.length);
};

/**
 * Keeps a page the server sent: as the shell (without the first rows the server may have written into it,
 * server/http/first-paint.ts, between the `first-paint` markers); and, for the Inbox (`fromInbox`), as the copy a
 * second visit paints at once: with the rows, without their JSON (the app's own saved lists are the data; the JSON
 * is of this moment). A page of the Inbox without rows (signed out, or no list) leaves no copy. `asked`: the count
 * of drops when the page was asked for.
 */
async function keep(response, fromInbox, asked) {
  // A page asked for before the last drop (an action taken, the device cleared) may not have it: nothing of it is
  // kept until a newer one is asked for.
  if (!response.ok || asked !== dropped) return;
  const text = await response.text();
  const cache = await caches.open(CACHE);
  if (asked !== dropped) return;
  await cache.put('/', html(cut(text, '<!--first-paint-->', '<!--/first-paint-->'), response));
  if (!fromInbox) return;
  if (text.includes('<!--first-paint-->')) {
    const copy = html(cut(text, '<script type="application/json"', '</script>'), response);
    copy.headers.set('X-Inbox-Copied-At', String(Date.now()));
    await cache.put(COPY, copy);
  } else await cache.delete(COPY);
}

/**
 * A copy this old is not painted (the network is asked, as on a first visit): the session it names may have ended
 * since, with no page open to see it.
 */
const COPY_MAX_AGE_MS = 12 * 60 * 60 * 1000;
const fresh = (copy) =>
  copy && Date.now() - Number(copy.headers.get('X-Inbox-Copied-At')) < COPY_MAX_AGE_MS
    ? copy
    : undefined;

/** How many times a page has dropped the copy (an action taken) since this worker started. */
let dropped = 0;
/** The last drop's deletion: a navigation right after it waits for it, and so never gets the dropped copy. */
let deleting = Promise.resolve();

// The page is asked for as the browser starts this worker, not after (navigation preload): a visit without a
// copy does not wait for the worker to boot before its request goes out (docs/decisions/019).
self.addEventListener('activate', (event) =>
  event.waitUntil(
    Promise.all([self.clients.claim(), self.registration.navigationPreload?.enable()]),
  ),
);

// A page asks for a new copy of the Inbox page (src/lib/device-data.ts): its lists changed and it is being left,
// or the session changed. The server writes the rows for this request as it does for a navigation.
// A page that took an action drops the copy (src/app/persistence.ts): the next visit asks the server until a new
// one is kept.
self.addEventListener('message', (event) => {
  if (event.data === 'drop-copy') {
    dropped++;
    deleting = caches
      .open(CACHE)
      .then((cache) => cache.delete(COPY))
      .catch(() => {});
    event.waitUntil(deleting);
  }
  if (event.data !== 'copy-page') return;
  event.waitUntil(
    (async () => {
      const asked = dropped;
      const response = await fetch('/', {
        cache: 'no-store',
        headers: { 'X-Inbox-Copy': 'first-paint' },
      });
      await keep(response, true, asked);
    })().catch(() => {}),
  );
});

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
    const inbox = url.pathname === '/' && url.search === '';
    const asked = dropped;
    const network = Promise.resolve(event.preloadResponse).then(
      (preloaded) => preloaded ?? fetch(request),
    );
    // The page for next time, from this answer (for the Inbox: its rows of this moment).
    const kept = network.then((response) => keep(response.clone(), inbox, asked)).catch(() => {});
    event.waitUntil(kept);
    event.respondWith(
      (async () => {
        // A second visit to the Inbox paints the copy at once: its rows as the last page left them, under which
        // the app starts from its saved lists and brings them up to date (docs/decisions/019).
        const copy = inbox ? fresh(await deleting.then(() => caches.match(COPY))) : undefined;
        if (copy) return copy;
        try {
          return await network;
        } catch {
          // The network failed: the cached shell, marked so that the app knows from its first paint that the
          // server could not be reached (src/api/connection.ts) instead of assuming it can.
          const cached = await caches.match('/');
          if (!cached) return Response.error();
          return html((await cached.text()).replace('<html', '<html data-shell="offline"'), cached);
        }
      })(),
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
