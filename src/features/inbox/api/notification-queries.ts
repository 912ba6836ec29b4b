import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import {
  getNotifications,
  type NotificationPage,
  type NotificationQuery,
} from '../../../api/notifications.ts';
import { readView } from '../../../replica/queries.ts';

const ROOT = 'notifications';
const LIST = 'list';
const NEW = 'new';

/** A notification list's key: `['notifications', 'list', query]`. Only this module builds or reads one. */
export type NotificationListKey = readonly [typeof ROOT, typeof LIST, NotificationQuery];

const isQuery = (value: unknown): value is NotificationQuery =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A list's page: a view of the replica, whole, with its exact count (src/replica/); the server's own pages only
 * for a list of given notifications (those back from snooze) or where the page has no replica.
 */
async function readList(
  query: NotificationQuery,
  page: number,
  signal: AbortSignal,
): Promise<NotificationPage> {
  if (!query.ids) {
    const view = await readView(query, signal);
    if (view) return view;
  }
  return getNotifications(query, page, signal);
}

/** Lists read from the replica (every list but one of given notifications). */
export const isReplicaList = (key: QueryKey) => {
  const query = notificationQueries.queryOf(key);
  return query !== null && !query.ids;
};

/**
 * Query keys and options for notifications, general to specific. This module owns the keys' shape: everyone else
 * builds them here and reads them through the accessors below, never by position or by string.
 */
export const notificationQueries = {
  all: () => [ROOT] as const,
  lists: () => [ROOT, LIST] as const,
  listKey: (query: NotificationQuery): NotificationListKey => [ROOT, LIST, query],
  list: (query: NotificationQuery) =>
    infiniteQueryOptions({
      queryKey: notificationQueries.listKey(query),
      queryFn: ({ pageParam, signal }) => readList(query, pageParam, signal),
      // A view of the replica is read from the device: offline too (the sync alone asks the server).
      networkMode: query.ids ? 'online' : 'always',
      initialPageParam: 1,
      getNextPageParam: (lastPage, _pages, lastPageParam) =>
        lastPage.hasNextPage ? lastPageParam + 1 : undefined,
    }),
  /** The live count: how many of a list's notifications arrived after the newest one held. */
  newCountKey: (query: NotificationQuery, newestHeld: string | null) =>
    [ROOT, NEW, query, newestHeld] as const,

  /** Any notification query: a list, a live count, one notification's detail. */
  isNotificationKey: (key: QueryKey): boolean => key[0] === ROOT,
  /** A notification list (what actions update in place, and what is kept offline). */
  isList: (key: QueryKey): key is NotificationListKey =>
    key.length === 3 && key[0] === ROOT && key[1] === LIST && isQuery(key[2]),
  /** The query a list's key was made for; null for any other key. */
  queryOf: (key: QueryKey): NotificationQuery | null =>
    notificationQueries.isList(key) ? key[2] : null,
};
