// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiMock,
  mockNotification,
  mockState,
  resetMockState,
  resolveRelativeFetch,
} from '../../../testing/api-mock.ts';
import { getNotification } from '../../../api/notifications.ts';
import { deleteAllReplicas, openReplica } from '../../../replica/store.ts';
import { pagesOf } from '../../../testing/notification-factory.ts';
import { notificationQueries } from './notification-queries.ts';
import { enqueueAction, queuedActions } from './queued-actions.ts';
// The defaults the app sets (their code loaded on first use), as the app sets them.
import { setNotificationActionDefaults } from './action-defaults.ts';
import {
  notificationActionKey,
  useNotificationAction,
  type NotificationActionVariables,
} from './use-notification-action.ts';

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
});
afterEach(() => apiMock.resetHandlers());
afterAll(() => apiMock.close());
beforeEach(() => {
  localStorage.clear();
  resetMockState([mockNotification(1), mockNotification(2)]);
});

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  setNotificationActionDefaults(queryClient);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, wrapper };
}

describe('an inbox action is durable whatever runs it', () => {
  it('the mutation writes its outbox entry in the task that asked for it, and removes it once answered', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useNotificationAction(), { wrapper });
    act(() => {
      result.current.mutate({ ids: ['1'], action: 'dismiss' });
      // Before any await: a page that goes away now leaves the action to the next page.
      expect(queuedActions().map(({ payload }) => payload)).toEqual([
        { ids: ['1'], action: 'dismiss' },
      ]);
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(queuedActions()).toEqual([]);
  });

  it('sent without the hook (adopted, or retried), it writes an entry only when it has none', async () => {
    const { queryClient } = setup();
    const run = (variables: NotificationActionVariables) =>
      queryClient
        .getMutationCache()
        .build(queryClient, { mutationKey: notificationActionKey })
        .execute(variables);
    const adopted = enqueueAction(['1'], 'read');
    const sending = run({ ids: ['1'], action: 'read', queueKey: adopted, hold: false });
    expect(queuedActions().map(({ key }) => key)).toEqual([adopted]);
    await sending;
    expect(queuedActions()).toEqual([]);

    const retried = run({ ids: ['2'], action: 'dismiss', hold: false });
    expect(queuedActions().map(({ payload }) => payload)).toEqual([
      { ids: ['2'], action: 'dismiss' },
    ]);
    await retried;
    expect(queuedActions()).toEqual([]);
  });
});

describe('a refused action and the replica', () => {
  afterEach(() => deleteAllReplicas());

  it('ends with what the server holds, not the row as it was before, when another action went through meanwhile', async () => {
    const replica = openReplica('test-refused-action');
    await replica.loaded;
    const before = await getNotification('1');
    await replica.put([before]);
    const { queryClient, wrapper } = setup();
    queryClient.setQueryData(
      notificationQueries.listKey({ dismissed: false }),
      pagesOf({ notifications: [before] }),
    );
    const { result } = renderHook(() => useNotificationAction(), { wrapper });
    // The dismiss is refused, but the notification was dismissed on the server meanwhile (a retry that went
    // through, Productive's own app): rolling back to the row as it was would show one the server no longer
    // lists, and the lists read the replica, so no refetch would correct it.
    const onServer = mockState.notifications.find((item) => item.id === 1);
    if (onServer) onServer.dismissed = true;
    mockState.failPatchWith = 500;
    act(() => result.current.mutate({ ids: ['1'], action: 'dismiss', hold: false }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    await waitFor(() => expect(replica.get('1')?.dismissed).toBe(true));
  });
});
