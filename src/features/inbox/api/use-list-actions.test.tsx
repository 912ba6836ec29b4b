// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../../components/toasts.tsx';
import { aNotification } from '../../../testing/notification-factory.ts';
import { snoozeQueries } from './snooze-queries.ts';
import { useListActions } from './use-list-actions.ts';

let queryClient = new QueryClient();
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>
    <ToastProvider>{children}</ToastProvider>
  </QueryClientProvider>
);

function setup(anySelected = false) {
  queryClient = new QueryClient();
  const byId = new Map([
    ['1', aNotification({ id: '1', read: false, targetTitle: 'One' })],
    ['2', aNotification({ id: '2', read: true })],
  ]);
  const triage = { act: vi.fn(), undoLast: vi.fn() };
  const dispatch = vi.fn();
  const hook = renderHook(() => useListActions({ byId, triage, anySelected, dispatch }), {
    wrapper,
  });
  return { hook, triage, dispatch };
}

describe('useListActions', () => {
  it('marks read only the rows that are unread, naming a single one', () => {
    const { hook, triage } = setup();
    act(() => hook.result.current.act(['1', '2'], 'read'));
    expect(triage.act).toHaveBeenCalledWith(['1'], 'read', 'One', { wakeAt: undefined });
  });

  it('sends nothing when every row is read already, and says so', () => {
    const { hook, triage } = setup();
    act(() => hook.result.current.act(['2'], 'read'));
    expect(triage.act).not.toHaveBeenCalled();
    expect(document.body.textContent).toContain('Already read');
  });

  it('counts rows selected through "Select all matching" by the read state fetched with them', () => {
    const { hook, triage } = setup();
    act(() =>
      hook.result.current.setMatchingRead(
        new Map([
          ['9', true],
          ['10', false],
        ]),
      ),
    );
    expect(hook.result.current.isRead('9')).toBe(true);
    act(() => hook.result.current.act(['9', '10'], 'read'));
    expect(triage.act).toHaveBeenCalledWith(['10'], 'read', undefined, { wakeAt: undefined });
  });

  it('"mark as read" on a read notification back from snooze clears its mark', () => {
    const { hook, triage } = setup();
    const snoozes = snoozeQueries.list().queryKey;
    queryClient.setQueryData(snoozes, [
      {
        id: '2',
        state: 'woken',
        wakeAt: '2026-11-25T09:00:00Z',
        snoozedAt: '2026-11-24T09:00:00Z',
        wokenAt: '2026-11-25T09:00:00Z',
        newActivityCount: 0,
      },
    ]);
    act(() => hook.result.current.act(['2'], 'read'));
    expect(triage.act).not.toHaveBeenCalled();
    expect(queryClient.getQueryData(snoozes)).toEqual([]);
  });

  it('clears the selection it acted on; dismiss needs no read check', () => {
    const { hook, triage, dispatch } = setup(true);
    act(() => hook.result.current.act(['1', '2'], 'dismiss'));
    expect(triage.act).toHaveBeenCalledWith(['1', '2'], 'dismiss', undefined, {
      wakeAt: undefined,
    });
    expect(dispatch).toHaveBeenCalledWith({ type: 'clear' });
  });
});
