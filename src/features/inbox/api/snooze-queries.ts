import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from '../../../api/http.ts';
import {
  getNotification,
  type Notification,
  type NotificationQuery,
} from '../../../api/notifications.ts';
import { acknowledgeSnooze, getSnoozes, type Snooze } from '../../../api/snoozes.ts';
import { matchesQuery } from '../model/matches-query.ts';
import type { CacheAction } from '../model/cache-updates.ts';
import { notificationQueries } from './notification-queries.ts';

/** While the app is open it asks again this often, so that what the server woke comes back without a reload. */
export const SNOOZE_POLL_MS = 30_000;

/** Query keys and options for the person's snoozes (server/inbox), general to specific. */
export const snoozeQueries = {
  all: () => ['snoozes'] as const,
  /** Is this key the snooze list's? */
  isList: (key: readonly unknown[]) => key[0] === 'snoozes' && key[1] === 'list',
  list: () =>
    queryOptions({
      queryKey: [...snoozeQueries.all(), 'list'] as const,
      queryFn: () => getSnoozes(),
      refetchInterval: SNOOZE_POLL_MS,
      staleTime: 10_000,
    }),
  /**
   * The notifications back from snooze that a view shows at its top, one request each (Productive's API, and so
   * the live proxy, has no id filter). A notification list like the others (its key is under
   * `notificationQueries.lists()` with `ids` in its query), so every action changes it optimistically too.
   */
  back: (query: NotificationQuery & { ids: string[] }) =>
    infiniteQueryOptions({
      queryKey: notificationQueries.listKey(query),
      queryFn: async ({ signal }) => {
        const found = await Promise.all(
          query.ids.map((id) =>
            getNotification(id, signal).catch((error: unknown) => {
              // Gone from Productive since: nothing to show.
              if (error instanceof ApiRequestError && error.status === 404) return null;
              throw error;
            }),
          ),
        );
        const notifications = found.filter(
          (item): item is Notification => item !== null && matchesQuery(item, query) !== false,
        );
        return { notifications, totalCount: null, hasNextPage: false };
      },
      initialPageParam: 1,
      getNextPageParam: () => undefined,
    }),
};

const order = (a: Snooze, b: Snooze) =>
  a.state !== b.state
    ? a.state === 'woken'
      ? -1
      : 1
    : a.state === 'woken'
      ? (b.wokenAt ?? '').localeCompare(a.wokenAt ?? '')
      : a.wakeAt.localeCompare(b.wakeAt);

/** The cached snooze list as it will be once an action is done (optimistic, like the notification lists). */
export function applyToSnoozes(
  snoozes: readonly Snooze[],
  ids: readonly string[],
  action: CacheAction,
  wakeAt: string | undefined,
  now: Date,
): Snooze[] {
  const touched = new Set(ids);
  const rest = snoozes.filter((snooze) => !touched.has(snooze.id));
  const at = now.toISOString();
  switch (action) {
    case 'snooze':
      if (!wakeAt) return [...snoozes];
      return [
        ...rest,
        ...ids.map((id) => ({
          id,
          state: 'scheduled' as const,
          wakeAt: new Date(wakeAt).toISOString(),
          snoozedAt: at,
          wokenAt: null,
          newActivityCount: 0,
        })),
      ].sort(order);
    case 'unsnooze':
      return rest;
    case 'wake':
      return snoozes
        .map((snooze) =>
          touched.has(snooze.id) ? { ...snooze, state: 'woken' as const, wokenAt: at } : snooze,
        )
        .sort(order);
    default:
      return [...snoozes];
  }
}

/** Applies a snooze action to the cached snooze list, if there is one. */
export function updateCachedSnoozes(
  queryClient: QueryClient,
  ids: readonly string[],
  action: CacheAction,
  wakeAt?: string,
) {
  const key = snoozeQueries.list().queryKey;
  const current = queryClient.getQueryData(key);
  queryClient.setQueryData(key, applyToSnoozes(current ?? [], ids, action, wakeAt, new Date()));
}

/** Of these notifications, the ones back from snooze (as the cached snooze list says). */
export function wokenAmong(queryClient: QueryClient, ids: readonly string[]): string[] {
  const snoozes = queryClient.getQueryData(snoozeQueries.list().queryKey) ?? [];
  const woken = new Set(snoozes.filter((snooze) => snooze.state === 'woken').map((s) => s.id));
  return ids.filter((id) => woken.has(id));
}

/**
 * Read or dismissed since they came back: their "back from snooze" mark goes, here at once and on the server
 * (which would also clear it on its own within a round; a failure here is therefore not reported).
 */
export function acknowledgeBack(queryClient: QueryClient, ids: readonly string[]) {
  if (ids.length === 0) return;
  const gone = new Set(ids);
  queryClient.setQueryData(snoozeQueries.list().queryKey, (snoozes) =>
    snoozes?.filter((snooze) => !(gone.has(snooze.id) && snooze.state === 'woken')),
  );
  for (const id of ids) void acknowledgeSnooze(id).catch(() => {});
}
