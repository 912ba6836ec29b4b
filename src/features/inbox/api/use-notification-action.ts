import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  patchNotification,
  type NotificationAction,
  type NotificationQuery,
} from '../../../api/notifications.ts';
import {
  applyActionToList,
  findNotification,
  type NotificationPages,
} from '../model/cache-updates.ts';
import { notificationQueries } from './notification-queries.ts';

export const notificationActionKey = [...notificationQueries.all(), 'action'] as const;

export interface NotificationActionVariables {
  id: string;
  action: NotificationAction;
}

/**
 * Read, dismiss and restore, optimistically: every cached list changes at once, a failure puts them back,
 * and the lists are refetched once when the last of a burst of actions settles.
 */
export function useNotificationAction() {
  const queryClient = useQueryClient();
  const lists = { queryKey: notificationQueries.lists() };
  return useMutation({
    mutationKey: notificationActionKey,
    mutationFn: ({ id, action }: NotificationActionVariables) => patchNotification(id, action),
    onMutate: async ({ id, action }) => {
      await queryClient.cancelQueries(lists);
      const snapshot = queryClient.getQueriesData<NotificationPages>(lists);
      const notification = findNotification(snapshot, id);
      if (notification) {
        for (const [key, data] of snapshot) {
          if (!data) continue;
          const query = key[2] as NotificationQuery;
          queryClient.setQueryData<NotificationPages>(
            key,
            applyActionToList(data, query, notification, action),
          );
        }
      }
      return { snapshot, notification };
    },
    onError: (_error, _variables, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: notificationActionKey }) === 1) {
        return queryClient.invalidateQueries(lists);
      }
    },
  });
}
