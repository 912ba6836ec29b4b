import { useQuery } from '@tanstack/react-query';
import { getNotifications, type NotificationQuery } from '../../../api/notifications.ts';
import { notificationQueries } from './notification-queries.ts';
import { isBulkRunning } from '../bulk/bulk-runs.ts';

export const POLL_INTERVAL_MS = 30_000;

/** A bulk action running in this tab has the budget first: the polling backs off to a quarter meanwhile. */
export const pollIntervalMs = () => (isBulkRunning() ? POLL_INTERVAL_MS * 4 : POLL_INTERVAL_MS);

/**
 * The one place that polls: how many notifications of this list arrived after the newest one held. Every 30 s
 * while the tab is visible (React Query pauses intervals in hidden tabs), every 2 min while a bulk action runs
 * (docs/decisions/017), and at once on focus and reconnect.
 */
export function useNewNotifications(query: NotificationQuery, newestHeld: string | null) {
  return useQuery({
    queryKey: notificationQueries.newCountKey(query, newestHeld),
    queryFn: async ({ signal }) => {
      const page = await getNotifications(
        { ...query, after: newestHeld ?? undefined },
        1,
        signal,
        1,
      );
      return page.totalCount ?? page.notifications.length;
    },
    enabled: newestHeld !== null,
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
    refetchOnReconnect: 'always',
    staleTime: 0,
    retry: false,
  });
}
