import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './index.css';
import { refreshCachedPage } from './lib/device-data.ts';
import { initTheme } from './lib/theme.ts';

initTheme();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The app shell is cached for offline use; the API never is (see public/sw.js).
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // The worker's copy of the page may be another session's: the copy from its install (the first visit, or the
  // reload right after signing in while it was still installing), or one a page saved while it was being left
  // (the signed-out page's own refresh landing after the signed-in page's navigation). So every page, once the
  // worker is active and the page is idle, replaces the copy with the page as the server sends it now.
  void navigator.serviceWorker
    .register('/sw.js')
    .then(async () => {
      await navigator.serviceWorker.ready;
      await new Promise((done) =>
        'requestIdleCallback' in window
          ? requestIdleCallback(done, { timeout: 2000 })
          : setTimeout(done, 500),
      );
      await refreshCachedPage();
    })
    .catch(() => {});
}
