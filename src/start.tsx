import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

/** The app itself, rendered into `root`: its own chunk, run by main.tsx (preloaded by the page with it). */
export function start(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The reader's time zone, for the day headers the server writes between the next page's first rows
  // (server/http/first-paint.ts): they fall where the app's own will. Set after the first screen, off its path.
  setTimeout(rememberTimeZone, 1000);
}

function rememberTimeZone() {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.cookie = `inbox-tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  } catch {
    // Cookies refused: the layer shows only the first day's header.
  }
}
