import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { aNotification, pagesOf } from '../../../testing/notification-factory.ts';
import type { NotificationPages } from '../model/cache-updates.ts';
import { notificationQueries } from './notification-queries.ts';
import { restoreNotifications, updateCachedLists } from './use-notification-action.ts';

const inboxKey = notificationQueries.listKey({ dismissed: false });
const ids = (client: QueryClient) =>
  client
    .getQueryData<NotificationPages>(inboxKey)
    ?.pages.flatMap((page) => page.notifications.map((notification) => notification.id));

describe('rolling back one failed action among several in flight', () => {
  it('puts back only the failed row, in its place, and keeps what later actions did', () => {
    const client = new QueryClient();
    const [a, b, c] = [
      aNotification({ lastActionAt: '2026-11-20T12:00:00.000+00:00' }),
      aNotification({ lastActionAt: '2026-11-20T11:00:00.000+00:00' }),
      aNotification({ lastActionAt: '2026-11-20T10:00:00.000+00:00' }),
    ];
    client.setQueryData(inboxKey, pagesOf({ notifications: [a, b, c] }));

    const beforeFirst = updateCachedLists(client, [b.id], 'dismiss');
    updateCachedLists(client, [a.id], 'dismiss');
    updateCachedLists(client, [c.id], 'read');
    expect(ids(client)).toEqual([c.id]);

    // The first dismiss fails: b comes back where it was; a stays dismissed and c stays read.
    restoreNotifications(client, beforeFirst, [b.id]);
    expect(ids(client)).toEqual([b.id, c.id]);
    const rows = client.getQueryData<NotificationPages>(inboxKey)?.pages[0]?.notifications;
    expect(rows?.find((row) => row.id === c.id)?.read).toBe(true);
    expect(client.getQueryData<NotificationPages>(inboxKey)?.pages[0]?.totalCount).toBe(2);
  });
});
