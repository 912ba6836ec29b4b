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
  // A page the worker did not serve (the first visit, or the reload right after signing in while the worker was
  // still installing) was not copied by it: the worker's copy is the page from its install, perhaps of another
  // session. Once the worker is active, the copy is replaced with the page as the server sends it now.
  const servedByWorker = navigator.serviceWorker.controller !== null;
  void navigator.serviceWorker
    .register('/sw.js')
    .then(async () => {
      if (servedByWorker) return;
      await navigator.serviceWorker.ready;
      await refreshCachedPage();
    })
    .catch(() => {});
}
