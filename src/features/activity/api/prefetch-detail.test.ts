// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMock, resolveRelativeFetch } from '../../../testing/api-mock.ts';
import { aNotification } from '../../../testing/notification-factory.ts';
import { prefetchNotificationDetail } from '../index.ts';
import { activityQueries, taskQueries } from './activity-queries.ts';

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
});
afterAll(() => apiMock.close());

describe('prefetching a notification’s detail', () => {
  it('puts a task notification’s feed, first unread activity and task in the cache', async () => {
    const queryClient = new QueryClient();
    await prefetchNotificationDetail(
      queryClient,
      aNotification({ targetId: 12, firstUnreadActivityId: 2 }),
    );
    const feed = queryClient.getQueryData(
      activityQueries.list({ target: { kind: 'task', id: 12 } }).queryKey,
    );
    expect(feed?.pages[0]?.activities.map((activity) => activity.id)).toEqual(['3', '2', '1']);
    expect(queryClient.getQueryData(activityQueries.detail('2').queryKey)?.id).toBe('2');
    expect(queryClient.getQueryData(taskQueries.detail('12').queryKey)?.title).toBe(
      'Fix the login',
    );
  });

  it('asks for nothing for a notification without a feed', async () => {
    const queryClient = new QueryClient();
    await prefetchNotificationDetail(queryClient, aNotification({ targetType: 'invoice' }));
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });
});
