import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { aNotification } from '../../../testing/notification-factory.ts';
import { notificationQueries } from './notification-queries.ts';
import { updateCachedLists } from './use-notification-action.ts';

describe('undoing a dismiss when no cached list holds the dismissed row', () => {
  it('puts the row back at once, from what the dismiss removed', () => {
    const queryClient = new QueryClient();
    const inbox = notificationQueries.list({ dismissed: false }).queryKey;
    const rows = [aNotification({ id: '901' }), aNotification({ id: '902' })];
    queryClient.setQueryData(inbox, {
      pages: [{ notifications: rows, totalCount: 2, hasNextPage: false }],
      pageParams: [1],
    });
    const ids = () =>
      queryClient
        .getQueryData(inbox)
        ?.pages.flatMap((page) => page.notifications.map((notification) => notification.id));

    updateCachedLists(queryClient, ['901'], 'dismiss');
    expect(ids()).toEqual(['902']);
    // The Dismissed view was never loaded: only the memory of the dismiss can bring it back.
    updateCachedLists(queryClient, ['901'], 'undismiss');
    expect(ids()).toContain('901');
  });
});
