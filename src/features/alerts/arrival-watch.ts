import type { getNotifications, Notification } from '../../api/notifications.ts';
import { announceArrivals } from './announce.ts';

/** As often as the list's own live count asks (features/inbox/api/use-new-notifications.ts). */
export const WATCH_INTERVAL_MS = 30_000;
const BATCH = 50;
const LEADER_LOCK = 'inbox.alerts.watch';

const newest = (notifications: readonly Notification[], since: string | null) =>
  notifications.reduce<string | null>(
    (latest, notification) =>
      notification.lastActionAt && (!latest || notification.lastActionAt > latest)
        ? notification.lastActionAt
        : latest,
    since,
  );

/**
 * Watches for new notifications while desktop notifications are on, from one tab of the browser only (the holder
 * of a Web Lock; when it closes, another tab takes over). It starts from the newest notification there is now,
 * so nothing that arrived while the setting was off is announced, then asks every 30 s, in the background too,
 * and at once when a tab of the app is shown again, for what came after it. The replica's sync (issue 19) can
 * take its place: it only has to call `announceArrivals` with what it learns. The fetcher comes from the frame
 * (api/notifications.ts is in the first download already), so this chunk carries no copy of it.
 */
export function startArrivalWatch(
  fetchNotifications: typeof getNotifications,
  intervalMs = WATCH_INTERVAL_MS,
): () => void {
  const getNotifications = fetchNotifications;
  const stopped = new AbortController();
  const run = async () => {
    let since: string | null = null;
    let started = false;
    let wake: (() => void) | null = null;
    const onShown = () => wake?.();
    document.addEventListener('visibilitychange', onShown);
    window.addEventListener('focus', onShown);
    stopped.signal.addEventListener('abort', onShown);
    try {
      while (!stopped.signal.aborted) {
        try {
          if (!started) {
            const page = await getNotifications({ dismissed: false }, 1, stopped.signal, 1);
            since = newest(page.notifications, null) ?? new Date().toISOString();
            started = true;
          } else {
            const page = await getNotifications(
              { dismissed: false, after: since ?? undefined },
              1,
              stopped.signal,
              BATCH,
            );
            since = newest(page.notifications, since);
            if (page.notifications.length > 0) await announceArrivals(page.notifications);
          }
        } catch {
          // Offline, throttled or a failed request: asked again at the next turn.
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    } finally {
      document.removeEventListener('visibilitychange', onShown);
      window.removeEventListener('focus', onShown);
    }
  };
  if (navigator.locks?.request) {
    navigator.locks.request(LEADER_LOCK, { signal: stopped.signal }, run).catch(() => {});
  } else {
    void run();
  }
  return () => stopped.abort();
}
