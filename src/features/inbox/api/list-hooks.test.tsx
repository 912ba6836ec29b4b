// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationQuery } from '../../../api/notifications.ts';
import {
  apiMock,
  mockNotification,
  resetMockState,
  resolveRelativeFetch,
} from '../../../testing/api-mock.ts';
import { useLiveCount } from './use-live-count.ts';
import { READ_FILTER_TARGET, useNotificationList } from './use-notification-list.ts';

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

  it('"unread only" pages on by itself until it has enough rows, within a bound', async () => {
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
    expect(result.current.visible).toHaveLength(12);
    expect(READ_FILTER_TARGET).toBeGreaterThan(12);
  });

  it('keeps the notification open in the pane shown under "unread only" once it is read', async () => {
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

describe('useLiveCount', () => {
  beforeEach(() => resetMockState([mockNotification(1), mockNotification(2), mockNotification(3)]));

  it('counts what arrived after the newest notification held, and shows it on request', async () => {
    const { wrapper: Wrapper, queryClient } = wrapper();
    const { result } = renderHook(
      () => {
        const list = useNotificationList(INBOX, null);
        const live = useLiveCount(INBOX, list.loaded, list.list.status === 'success');
        return { list, live };
      },
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.ids).toHaveLength(3));
    expect(result.current.live.newCount).toBe(0);

    // Two arrive; scrolled down, they are offered, not shown.
    Object.defineProperty(window, 'scrollY', { value: 500, configurable: true });
    window.scrollTo = () => {};
    let asked = 0;
    apiMock.use(
      http.get('*/api/v2/notifications', ({ request }) => {
        const after = new URL(request.url).searchParams.get('filter[after]');
        if (!after) return undefined;
        asked++;
        return HttpResponse.json({ data: [], meta: { total_count: 2 } });
      }),
    );
    await act(() => queryClient.refetchQueries({ queryKey: ['notifications', 'new'] }));
    await waitFor(() => expect(result.current.live.newCount).toBe(2));
    expect(asked).toBeGreaterThan(0);
    expect(result.current.list.ids).toHaveLength(3);
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
  });
});
