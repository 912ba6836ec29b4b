import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { NotificationQuery } from '../../../api/notifications.ts';
import { useAutoPaging } from '../../../lib/use-auto-paging.ts';
import { withDayHeaders } from '../model/day-groups.ts';
import type { ReadState } from '../model/filters.ts';
import { notificationQueries } from './notification-queries.ts';

/** How many rows "unread only" wants on screen before it stops paging through on its own. */
export const READ_FILTER_TARGET = 20;
export const READ_FILTER_MAX_PAGES = 10;

/**
 * One inbox list's data: the pages loaded, what is shown of them (the API cannot filter by read state, so
 * "unread only" filters what is loaded and pages on until it has enough), grouped by day, and its paging.
 * The notification open in the reading pane stays shown even once read, so reading it never pulls it away.
 */
export function useNotificationList(
  query: NotificationQuery,
  read: ReadState | null,
  openId: string | null = null,
) {
  const list = useInfiniteQuery(notificationQueries.list(query));
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  const loaded = useMemo(() => data?.pages.flatMap((page) => page.notifications) ?? [], [data]);
  const visible = useMemo(
    () =>
      read
        ? loaded.filter(
            (notification) => notification.read === (read === 'read') || notification.id === openId,
          )
        : loaded,
    [loaded, read, openId],
  );
  const items = useMemo(() => withDayHeaders(visible), [visible]);
  const ids = useMemo(() => visible.map((notification) => notification.id), [visible]);
  const byId = useMemo(
    () => new Map(visible.map((notification) => [notification.id, notification])),
    [visible],
  );
  const totalCount = data?.pages[0]?.totalCount ?? null;

  const { sentinel, loadNext } = useAutoPaging(
    { hasNextPage, isFetchingNextPage, pageCount: data?.pages.length ?? 0, fetchNextPage },
    {
      wantMore: read !== null && visible.length < READ_FILTER_TARGET,
      maxPages: READ_FILTER_MAX_PAGES,
    },
  );

  return { list, loaded, visible, items, ids, byId, totalCount, sentinel, loadNext };
}
