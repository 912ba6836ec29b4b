import { queryOptions } from '@tanstack/react-query';
import { getNotification } from '../../../api/notifications.ts';

/**
 * One notification by id, for a detail opened from an address rather than from a loaded list: its key is
 * `['notifications', 'detail', id]`, built only here (under the inbox's notification keys, so that
 * `notificationQueries.isNotificationKey` counts it).
 */
export const notificationDetailQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: ['notifications', 'detail', id] as const,
      queryFn: ({ signal }) => getNotification(id, signal),
    }),
};
