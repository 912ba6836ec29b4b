import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useLocation } from 'react-router';
import type {
  Notification,
  NotificationAction,
  NotificationQuery,
} from '../../../api/notifications.ts';
import { useToast } from '../../../components/toasts.tsx';
import { useLoadMore } from '../../../lib/use-load-more.ts';
import { notificationQueries } from '../api/notification-queries.ts';
import { useNotificationAction } from '../api/use-notification-action.ts';
import type { ReadState, ViewName } from '../model/filters.ts';
import { titleText } from '../model/title-markup.ts';
import { EmptyState, ErrorState, ListSkeleton } from './ListStates.tsx';
import { NotificationRow } from './NotificationRow.tsx';

interface Props {
  view: ViewName;
  query: NotificationQuery;
  read: ReadState | null;
  emptyTitle: string;
}

/** How many rows "unread only" wants on screen before it stops paging through on its own. */
const READ_FILTER_TARGET = 20;
const READ_FILTER_MAX_PAGES = 10;
const VERB: Record<NotificationAction, string> = {
  read: 'mark as read',
  dismiss: 'dismiss',
  undismiss: 'restore',
};

export function NotificationList({ view, query, read, emptyTitle }: Props) {
  const list = useInfiniteQuery(notificationQueries.list(query));
  const { data, status, error, refetch, hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const { mutate } = useNotificationAction();
  const showToast = useToast();
  const { pathname, search } = useLocation();
  const inboxHref = `${pathname}${search}`;

  const loaded = data?.pages.flatMap((page) => page.notifications) ?? [];
  const visible = read
    ? loaded.filter((notification) => notification.read === (read === 'read'))
    : loaded;
  const totalCount = data?.pages[0]?.totalCount ?? null;

  const onAction = useCallback(
    function act(notification: Notification, action: NotificationAction) {
      mutate(
        { id: notification.id, action },
        {
          onError: (failure) =>
            showToast({
              tone: 'error',
              message: `Could not ${VERB[action]} “${titleText(notification.targetTitle || notification.title)}”: ${failure.message}`,
              action: { label: 'Retry', run: () => act(notification, action) },
            }),
        },
      );
    },
    [mutate, showToast],
  );

  // Fetch the next page well before the user reaches the end.
  const loadNext = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const sentinel = useLoadMore(hasNextPage && !isFetchingNextPage, loadNext);

  // "Unread only" filters what is loaded, so it pages on until it has enough rows (or a bound).
  const loadedPages = data?.pages.length ?? 0;
  useEffect(() => {
    if (
      read &&
      hasNextPage &&
      !isFetchingNextPage &&
      visible.length < READ_FILTER_TARGET &&
      loadedPages < READ_FILTER_MAX_PAGES
    ) {
      void fetchNextPage();
    }
  }, [read, hasNextPage, isFetchingNextPage, visible.length, loadedPages, fetchNextPage]);

  if (status === 'pending') return <ListSkeleton />;
  if (status === 'error' && !data)
    return <ErrorState message={error.message} onRetry={() => void refetch()} />;

  return (
    <>
      <p
        className="px-3 py-2 text-xs text-slate-600 sm:px-4 dark:text-slate-400"
        data-testid="list-summary"
      >
        {read
          ? `${visible.length} ${read} of ${loaded.length} loaded${totalCount !== null ? ` (of ${totalCount})` : ''}. The API cannot filter by read state, so this filters what is loaded.`
          : totalCount !== null
            ? `${totalCount} notification${totalCount === 1 ? '' : 's'}`
            : `${loaded.length} loaded`}
      </p>
      {visible.length === 0 && !hasNextPage && <EmptyState title={emptyTitle} />}
      {visible.length === 0 && hasNextPage && !isFetchingNextPage && read && (
        <EmptyState title={`No ${read} notifications among the ${loaded.length} loaded`}>
          Scroll or load more to look further.
        </EmptyState>
      )}
      <ul aria-label="Notifications">
        {visible.map((notification) => (
          <NotificationRow
            key={notification.id}
            notification={notification}
            inDismissedView={view === 'dismissed'}
            inboxHref={inboxHref}
            onAction={onAction}
          />
        ))}
      </ul>
      <div ref={sentinel} />
      {isFetchingNextPage && <ListSkeleton rows={3} />}
      {hasNextPage && !isFetchingNextPage && (
        <div className="px-4 py-4 text-center">
          <button
            type="button"
            onClick={() => void fetchNextPage()}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium dark:border-slate-600"
          >
            Load more
          </button>
        </div>
      )}
    </>
  );
}
