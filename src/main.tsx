import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './index.css';
import { refreshCachedPage } from './lib/device-data.ts';
import { FIRST_PAINT_ID } from './lib/first-paint.ts';
import { initTheme } from './lib/theme.ts';

initTheme();

const root = document.getElementById('root');
const start = () => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};
// The first rows the server wrote into the page (server/http/first-paint.ts) are painted before the app's first
// render, which would otherwise hold the frame that shows them (a second visit has the scripts at once).
if (document.getElementById(FIRST_PAINT_ID) && document.visibilityState === 'visible')
  requestAnimationFrame(() => setTimeout(start));
else start();

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
