import { infiniteQueryOptions } from '@tanstack/react-query';
import { getNotifications, type NotificationQuery } from '../../../api/notifications.ts';

/** Query keys and options for notifications, general to specific. */
export const notificationQueries = {
  all: () => ['notifications'] as const,
  lists: () => [...notificationQueries.all(), 'list'] as const,
  list: (query: NotificationQuery) =>
    infiniteQueryOptions({
      queryKey: [...notificationQueries.lists(), query] as const,
      queryFn: ({ pageParam, signal }) => getNotifications(query, pageParam, signal),
      initialPageParam: 1,
      getNextPageParam: (lastPage, _pages, lastPageParam) =>
        lastPage.hasNextPage ? lastPageParam + 1 : undefined,
    }),
};
