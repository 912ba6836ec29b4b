import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { NotificationQuery } from '../../../api/notifications.ts';
import { useAutoPaging } from '../../../lib/use-auto-paging.ts';
import { withDayHeaders } from '../model/day-groups.ts';
import type { ReadState } from '../model/filters.ts';
import { notificationQueries } from './notification-queries.ts';
import { useSnoozedRows } from './use-snoozed-rows.ts';

/**
 * One inbox list's data: the view of the replica (src/replica/, the whole of it, one page), what is shown of it
 * (snoozed ones hidden, those back from snooze first, "unread only" and "read only" over all of it), grouped by day.
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
  // Snoozed ones hidden, those back from snooze first (docs/decisions/009).
  const snoozed = useSnoozedRows(query, loaded);
  const visible = useMemo(
    () =>
      read
        ? snoozed.rows.filter(
            (notification) => notification.read === (read === 'read') || notification.id === openId,
          )
        : snoozed.rows,
    [snoozed.rows, read, openId],
  );
  const items = useMemo(
    () => withDayHeaders(visible, undefined, snoozed.backIds),
    [visible, snoozed.backIds],
  );
  const ids = useMemo(() => visible.map((notification) => notification.id), [visible]);
  const byId = useMemo(
    () => new Map(visible.map((notification) => [notification.id, notification])),
    [visible],
  );
  const totalCount = data?.pages[0]?.totalCount ?? null;
  /** Records the API sent that could not be read (left out, see jsonapi.ts). */
  const skipped = useMemo(
    () => data?.pages.reduce((sum, page) => sum + (page.skipped ?? 0), 0) ?? 0,
    [data],
  );

  // A list of the server's own pages (no replica on this page) still pages as it scrolls.
  const { sentinel, loadNext } = useAutoPaging({
    hasNextPage,
    isFetchingNextPage,
    pageCount: data?.pages.length ?? 0,
    fetchNextPage,
  });

  return {
    list,
    loaded,
    visible,
    items,
    ids,
    byId,
    totalCount,
    skipped,
    backIds: snoozed.backIds,
    sentinel,
    loadNext,
  };
}
