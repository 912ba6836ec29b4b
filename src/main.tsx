import './index.css';
import { refreshCachedPage } from './lib/device-data.ts';
import { FIRST_PAINT_ID, releaseFirstPaint } from './lib/first-paint.ts';
import { initTheme } from './lib/theme.ts';

initTheme();

/**
 * The app's code is a chunk of its own (start.tsx), downloading beside this one from the start (the page preloads
 * it): this entry stays small, so that nothing long runs before the page's first frame.
 */
const root = document.getElementById('root');
const launch = () =>
  import('./start.tsx').then(
    ({ start }) => root && start(root),
    () => {
      // Its code could not be downloaded (offline without the shell cached, or a new version deployed).
      releaseFirstPaint();
      if (root)
        root.textContent = 'The inbox could not be loaded. Check your connection, then reload.';
    },
  );
// The first rows the server wrote into the page (server/http/first-paint.ts) are painted before the app runs,
// which would otherwise hold the frame that shows them (a second visit has all the scripts at once).
if (document.getElementById(FIRST_PAINT_ID) && document.visibilityState === 'visible')
  requestAnimationFrame(() => setTimeout(launch));
else void launch();

// The app shell is cached for offline use; the API never is (see public/sw.js).
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // The worker's copy of the page may be another session's: the copy from its install (the first visit, or the
  // reload right after signing in while it was still installing), or one a page saved while it was being left
  // (the signed-out page's own refresh landing after the signed-in page's navigation). So a page the worker did not
  // serve, once the worker is active and the page is idle, asks it to replace the copy with the page as the server
  // sends it now (one the worker served has it: public/sw.js keeps each navigation's answer).
  const servedByWorker = !!navigator.serviceWorker.controller;
  void navigator.serviceWorker
    .register('/sw.js')
    .then(async () => {
      await navigator.serviceWorker.ready;
      await new Promise((done) =>
        'requestIdleCallback' in window
          ? requestIdleCallback(done, { timeout: 2000 })
          : setTimeout(done, 500),
      );
      if (!servedByWorker) await refreshCachedPage();
    })
    .catch(() => {});
}
