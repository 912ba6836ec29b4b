import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { NotificationQuery } from '../../../api/notifications.ts';
import { useAutoPaging } from '../../../lib/use-auto-paging.ts';
import { withDayHeaders } from '../model/day-groups.ts';
import type { ReadState } from '../model/filters.ts';
import { notificationQueries } from './notification-queries.ts';
import { useSnoozedRows } from './use-snoozed-rows.ts';

/** How many rows "unread only" wants on screen before it stops paging through on its own. */
export const READ_FILTER_TARGET = 20;
export const READ_FILTER_MAX_PAGES = 10;
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * One inbox list's data: the pages loaded, what is shown of them (snoozed ones hidden, those back from snooze
 * first; "unread only" filters what is loaded and pages on until it has enough: docs/decisions/001), grouped by day, and its paging.
 * Those `kept` (open in the reading pane, opened from this list since it was entered: kept-rows.ts) stay shown
 * even once read, so reading one never pulls it away and `k` returns to it.
 */
export function useNotificationList(
  query: NotificationQuery,
  read: ReadState | null,
  kept: ReadonlySet<string> = NO_IDS,
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
            (notification) => notification.read === (read === 'read') || kept.has(notification.id),
          )
        : snoozed.rows,
    [snoozed.rows, read, kept],
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

  const { sentinel, loadNext } = useAutoPaging(
    { hasNextPage, isFetchingNextPage, pageCount: data?.pages.length ?? 0, fetchNextPage },
    {
      wantMore: read !== null && visible.length < READ_FILTER_TARGET,
      maxPages: READ_FILTER_MAX_PAGES,
    },
  );

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
