// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationQuery } from '../../../api/notifications.ts';
import {
  apiMock,
  mockNotification,
  resetMockState,
  resolveRelativeFetch,
} from '../../../testing/api-mock.ts';
import 'fake-indexeddb/auto';
import { getNotifications } from '../../../api/notifications.ts';
import { currentReplica, deleteAllReplicas, openReplica } from '../../../replica/store.ts';
import { prepareSearch, searchTextReady, useNotificationList } from './use-notification-list.ts';

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
});
afterEach(() => apiMock.resetHandlers());
afterAll(() => apiMock.close());

const INBOX: NotificationQuery = { dismissed: false };

function wrapper() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
  });
  return {
    queryClient,
    wrapper: ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    ),
  };
}

describe('useNotificationList', () => {
  beforeEach(() =>
    resetMockState(
      Array.from({ length: 120 }, (_, index) =>
        mockNotification(index + 1, { read: index % 10 !== 0 }),
      ),
    ),
  );

  it('lists what is loaded, by day, with the total', async () => {
    const { wrapper: Wrapper } = wrapper();
    const { result } = renderHook(() => useNotificationList(INBOX, null), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.list.status).toBe('success'));
    expect(result.current.totalCount).toBe(120);
    expect(result.current.ids.length).toBe(result.current.loaded.length);
    expect(result.current.items.filter((item) => item.kind === 'row')).toHaveLength(
      result.current.ids.length,
    );
    expect(result.current.byId.get(result.current.ids[0] as string)?.id).toBe(
      result.current.ids[0],
    );
  });

  /** A replica holding the mock server's whole inbox, as a first sync leaves it. */
  async function syncedReplica() {
    const replica = openReplica('test-list-hooks');
    await replica.loaded;
    const all = await getNotifications(INBOX, 1, undefined, 200);
    await replica.put(all.notifications);
    await replica.setMeta({ complete: true });
  }
  afterEach(() => deleteAllReplicas());

  it('"unread only" filters the whole replica, not what one page holds', async () => {
    await syncedReplica();
    const { wrapper: Wrapper } = wrapper();
    const { result } = renderHook(() => useNotificationList(INBOX, 'unread'), {
      wrapper: Wrapper,
    });
    // One in ten is unread: 12 in all, fewer than the target, so every page is loaded.
    await waitFor(() => {
      expect(result.current.list.status).toBe('success');
      expect(result.current.list.hasNextPage).toBe(false);
    });
    expect(result.current.visible.every((notification) => !notification.read)).toBe(true);
    // One in ten is unread: all 12 of the 120, in one list with its exact count.
    expect(result.current.visible).toHaveLength(12);
    expect(result.current.totalCount).toBe(120);
  });

  it('makes every held notification searchable ahead of the first keystroke, in slices', async () => {
    await syncedReplica();
    const replica = currentReplica() as NonNullable<ReturnType<typeof currentReplica>>;
    expect(replica.all().some(searchTextReady)).toBe(false);
    prepareSearch();
    // Not in the call itself: between tasks.
    expect(replica.all().some(searchTextReady)).toBe(false);
    await waitFor(() => expect(replica.all().every(searchTextReady)).toBe(true));
    expect(replica.size).toBe(120);
  });

  it('keeps the notification open in the pane shown under "unread only" once it is read', async () => {
    await syncedReplica();
    const { wrapper: Wrapper } = wrapper();
    const { result } = renderHook(() => useNotificationList(INBOX, 'unread', new Set(['2'])), {
      wrapper: Wrapper,
    });
    await waitFor(() => {
      expect(result.current.list.status).toBe('success');
      expect(result.current.list.hasNextPage).toBe(false);
    });
    expect(result.current.ids).toContain('2');
    expect(result.current.byId.get('2')?.read).toBe(true);
  });
});
