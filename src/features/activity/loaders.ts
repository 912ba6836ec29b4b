import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import type { FeedKind } from '../../api/activities.ts';
import { isAddressId, readFeedContext } from '../../lib/addresses.ts';
import { activityQueries, taskQueries } from './api/activity-queries.ts';
import { notificationDetailQueries } from './api/notification-detail-queries.ts';
import { NO_FEED_FILTERS, parseFeedFilters, toActivityQuery } from './model/feed-filters.ts';

/**
 * The activity pages' loaders: each starts the queries its page asks for first (the same `queryOptions`), so that
 * they are on their way while the page's code downloads. None waits for them: a page shows its own loading and
 * errors, and a failed prefetch is asked again by the page.
 */
const FEED_PARAM: Record<FeedKind, string> = {
  task: 'taskId',
  deal: 'dealId',
  discussion: 'discussionId',
};

export const feedLoader =
  (queryClient: QueryClient, kind: FeedKind) =>
  ({ params, request }: LoaderFunctionArgs) => {
    const id = params[FEED_PARAM[kind]];
    if (!id || !/^\d{1,15}$/.test(id)) return null;
    const target = { kind, id: Number(id) };
    const search = new URL(request.url).searchParams;
    const { filters } = parseFeedFilters(search);
    const unread = readFeedContext(search).firstUnreadActivityId;
    void queryClient.prefetchInfiniteQuery(activityQueries.list(toActivityQuery(target, filters)));
    // The page's heading reads the unfiltered feed (its subject; the same query when there are no filters) and,
    // for a task, the task.
    void queryClient.prefetchInfiniteQuery(
      activityQueries.list(toActivityQuery(target, NO_FEED_FILTERS)),
    );
    if (kind === 'task') void queryClient.prefetchQuery(taskQueries.detail(id));
    if (unread !== null) void queryClient.prefetchQuery(activityQueries.detail(String(unread)));
    return null;
  };

export const activityLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const id = params.activityId;
    if (isAddressId(id)) void queryClient.prefetchQuery(activityQueries.detail(id));
    return null;
  };

export const notificationLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const id = params.notificationId;
    if (isAddressId(id)) void queryClient.prefetchQuery(notificationDetailQueries.detail(id));
    return null;
  };
