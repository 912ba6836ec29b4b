// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../../components/toasts.tsx';
import { aNotification } from '../../../testing/notification-factory.ts';
import { snoozeQueries } from './snooze-queries.ts';
import { useInboxActions } from './use-inbox-actions.ts';

const triage = vi.hoisted(() => ({ act: vi.fn(), undoLast: vi.fn() }));
vi.mock('./use-triage.ts', () => ({ useTriage: () => triage }));

let queryClient = new QueryClient();
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>
    <ToastProvider>{children}</ToastProvider>
  </QueryClientProvider>
);

const byId = new Map([
  ['1', aNotification({ id: '1', read: false, targetTitle: 'One' })],
  ['2', aNotification({ id: '2', read: true })],
]);

function setup({
  afterAction = vi.fn(),
  isRead = (id: string) => byId.get(id)?.read ?? false,
} = {}) {
  queryClient = new QueryClient();
  const hook = renderHook(() => useInboxActions({ byId, isRead, afterAction }), { wrapper });
  return { hook, afterAction };
}

describe('useInboxActions', () => {
  beforeEach(() => {
    triage.act.mockReset();
    triage.undoLast.mockReset();
  });

  it('marks read only the rows that are unread, naming a single one', () => {
    const { hook } = setup();
    act(() => hook.result.current.read(['1', '2']));
    expect(triage.act).toHaveBeenCalledWith(['1'], 'read', 'One', {
      wakeAt: undefined,
      quiet: false,
    });
  });

  it('sends nothing when every row is read already, and says so', () => {
    const { hook, afterAction } = setup();
    act(() => hook.result.current.read(['2']));
    expect(triage.act).not.toHaveBeenCalled();
    expect(afterAction).not.toHaveBeenCalled();
    expect(document.body.textContent).toContain('Already read');
  });

  it('counts rows not loaded by the read state it is given (rows selected through "Select all matching")', () => {
    const { hook } = setup({ isRead: (id) => id === '9' });
    act(() => hook.result.current.read(['9', '10']));
    expect(triage.act).toHaveBeenCalledWith(['10'], 'read', undefined, {
      wakeAt: undefined,
      quiet: false,
    });
  });

  it('"mark as read" on a read notification back from snooze clears its mark', () => {
    const { hook } = setup();
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
    act(() => hook.result.current.read(['2']));
    expect(triage.act).not.toHaveBeenCalled();
    expect(queryClient.getQueryData(snoozes)).toEqual([]);
  });

  it('tells who listens that rows are leaving before the action is taken, then runs what comes after', () => {
    const { hook, afterAction } = setup();
    const order: string[] = [];
    triage.act.mockImplementation((ids: string[], action: string) =>
      order.push(`${action} ${ids}`),
    );
    afterAction.mockImplementation(() => order.push('after'));
    const stop = hook.result.current.onLeaving((ids) => order.push(`leaving ${ids}`));
    act(() => hook.result.current.dismiss(['1', '2']));
    act(() => hook.result.current.restore(['3']));
    act(() => hook.result.current.snooze(['4'], '2026-11-26T09:00:00+01:00'));
    act(() => hook.result.current.read(['1']));
    stop();
    act(() => hook.result.current.dismiss(['5']));
    expect(order).toEqual([
      'leaving 1,2',
      'dismiss 1,2',
      'after',
      'leaving 3',
      'undismiss 3',
      'after',
      'leaving 4',
      'snooze 4',
      'after',
      'read 1',
      'after',
      'dismiss 5',
      'after',
    ]);
    expect(triage.act).toHaveBeenCalledWith(['4'], 'snooze', undefined, {
      wakeAt: '2026-11-26T09:00:00+01:00',
    });
  });

  it('undoes through the triage, and stays the same object across renders', () => {
    const { hook } = setup();
    const first = hook.result.current;
    hook.rerender();
    expect(hook.result.current).toBe(first);
    act(() => hook.result.current.undo());
    expect(triage.undoLast).toHaveBeenCalledOnce();
  });
});
