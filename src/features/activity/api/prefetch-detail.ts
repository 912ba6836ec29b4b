import type { QueryClient } from '@tanstack/react-query';
import type { Notification } from '../../../api/notifications.ts';
import { notificationFeed } from '../../../lib/addresses.ts';
import { NO_FEED_FILTERS, toActivityQuery } from '../model/feed-filters.ts';
import { activityQueries, taskQueries } from './activity-queries.ts';

/**
 * Loads what a notification's detail shows first, into the cache, so that opening it paints from cache: its
 * feed's first page (unfiltered, as a detail opens), its first unread activity (the New markers) and, for a
 * task's feed, the task. A notification without a feed needs nothing more than itself.
 */
export async function prefetchNotificationDetail(
  queryClient: QueryClient,
  notification: Notification,
): Promise<void> {
  const feed = notificationFeed(notification);
  if (!feed) return;
  const unread = notification.firstUnreadActivityId;
  await Promise.all([
    queryClient.prefetchInfiniteQuery(activityQueries.list(toActivityQuery(feed, NO_FEED_FILTERS))),
    unread !== null && unread > 0
      ? queryClient.prefetchQuery(activityQueries.detail(String(unread)))
      : null,
    feed.kind === 'task' ? queryClient.prefetchQuery(taskQueries.detail(String(feed.id))) : null,
  ]);
}
