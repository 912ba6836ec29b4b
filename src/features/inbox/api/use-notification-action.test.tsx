// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiMock,
  mockNotification,
  resetMockState,
  resolveRelativeFetch,
} from '../../../testing/api-mock.ts';
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
