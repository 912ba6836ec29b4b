import { onlineManager } from '@tanstack/react-query';

/**
 * Whether the server can be reached, measured, never assumed: every API response says it can, every request that
 * gets no answer says it cannot, and while it cannot a cheap request asks again every second. A page whose shell
 * came from the service worker because the network request failed (public/sw.js marks it `data-shell="offline"`)
 * starts as unreachable, so the banner says so from the first paint.
 *
 * React Query's idea of "online" is the browser being online and the server reachable: queries and actions pause
 * while it is not, and continue the moment the server answers again.
 */
export type ServerReach = 'unknown' | 'reachable' | 'unreachable';

/** The cheapest request the API answers (a page of one project); ours in demo mode, forwarded in live mode. */
const PROBE_URL = '/api/v2/projects?page[size]=1';
const PROBE_INTERVAL_MS = 1000;
const PROBE_TIMEOUT_MS = 5000;

const hasWindow = typeof window !== 'undefined';
let reach: ServerReach =
  hasWindow && document.documentElement.dataset.shell === 'offline' ? 'unreachable' : 'unknown';
const listeners = new Set<() => void>();
let probeTimer: ReturnType<typeof setTimeout> | undefined;

export const browserOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;
export const serverReach = () => reach;
/** Requests can be made: the browser is online and the server was not found unreachable. */
export const canReachServer = () => browserOnline() && reach !== 'unreachable';

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of [...listeners]) listener();
}

function setReach(next: ServerReach) {
  if (next === reach) return;
  reach = next;
  notify();
  scheduleProbe();
}

/** The server answered (with anything: an error response is still an answer). */
export const reportAnswer = () => setReach('reachable');
/** A request got no answer: connection lost, server down or restarting, or silent past the timeout. */
export const reportNoAnswer = () => setReach('unreachable');

function scheduleProbe(delay = PROBE_INTERVAL_MS) {
  clearTimeout(probeTimer);
  if (!hasWindow || reach !== 'unreachable' || !browserOnline()) return;
  probeTimer = setTimeout(() => void probe(), delay);
}

async function probe() {
  try {
    await fetch(PROBE_URL, {
      cache: 'no-store',
      headers: { Accept: 'application/vnd.api+json' },
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    reportAnswer();
  } catch {
    scheduleProbe();
  }
}

/** Makes React Query's online state follow the measured connection. Called once, when the app starts. */
export function connectOnlineManager() {
  onlineManager.setEventListener((setOnline) => {
    if (!hasWindow) return undefined;
    const update = () => setOnline(canReachServer());
    const onBrowserChange = () => {
      notify();
      scheduleProbe(0);
    };
    window.addEventListener('online', onBrowserChange);
    window.addEventListener('offline', onBrowserChange);
    const unsubscribe = subscribeConnection(update);
    update();
    scheduleProbe(0);
    return () => {
      window.removeEventListener('online', onBrowserChange);
      window.removeEventListener('offline', onBrowserChange);
      unsubscribe();
    };
  });
}
