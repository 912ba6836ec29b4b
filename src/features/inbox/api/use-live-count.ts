import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Notification, NotificationQuery } from '../../../api/notifications.ts';
import { notificationQueries } from './notification-queries.ts';
import { useNewNotifications } from './use-new-notifications.ts';
import { notificationActionKey } from './use-notification-action.ts';

/** Near the top of the page new notifications show at once; further down a pill offers them. */
const AT_TOP_PX = 100;

/**
 * Live updates that never shift the list under the person: how many notifications arrived after the newest one
 * the list has held (that time only moves forward, so rows leaving the top are never "new"), and `showNew`, which
 * goes to the top and loads them. At the top, with no action under way, they are shown at once.
 */
export function useLiveCount(
  query: NotificationQuery,
  loaded: readonly Notification[],
  ready: boolean,
) {
  const queryClient = useQueryClient();
  const [newestSeen, setNewestSeen] = useState<{ key: string; at: string } | null>(null);
  const listKey = JSON.stringify(query);
  const top = loaded[0]?.lastActionAt ?? new Date(0).toISOString();
  if (ready && (newestSeen?.key !== listKey || top > newestSeen.at)) {
    setNewestSeen({ key: listKey, at: top });
  }
  const newestHeld = newestSeen?.key === listKey ? newestSeen.at : null;
  const { data: newCount = 0 } = useNewNotifications(query, newestHeld);

  const showNew = useCallback(() => {
    window.scrollTo({ top: 0 });
    void queryClient.invalidateQueries({ queryKey: notificationQueries.list(query).queryKey });
  }, [queryClient, query]);
  useEffect(() => {
    const acting = queryClient.isMutating({ mutationKey: notificationActionKey }) > 0;
    if (newCount > 0 && window.scrollY < AT_TOP_PX && !acting) showNew();
  }, [newCount, showNew, queryClient]);

  return { newCount, showNew };
}
