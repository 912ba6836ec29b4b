// @vitest-environment jsdom
import { render, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { InboxActions } from './use-inbox-actions.ts';

// The actions' code arrives when the test says so; the real actions record what they are asked.
const arrival = vi.hoisted(() => {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const done: string[] = [];
  const leaving = new Set<(ids: string[]) => void>();
  return { arrived, arrive, done, leaving };
});
vi.mock('./use-inbox-actions.ts', async () => {
  await arrival.arrived;
  const actions: InboxActions = {
    read: (ids, options) => void arrival.done.push(`read ${ids} ${options?.quiet ?? false}`),
    dismiss: (ids) => {
      for (const listener of arrival.leaving) listener(ids);
      arrival.done.push(`dismiss ${ids}`);
    },
    restore: (ids) => void arrival.done.push(`restore ${ids}`),
    snooze: (ids, wakeAt) => void arrival.done.push(`snooze ${ids} ${wakeAt}`),
    mute: (ids) => void arrival.done.push(`mute ${ids}`),
    undo: () => void arrival.done.push('undo'),
    onLeaving: (listener) => {
      arrival.leaving.add(listener);
      return () => arrival.leaving.delete(listener);
    },
  };
  return { useInboxActions: () => actions };
});

const { useLazyInboxActions } = await import('./use-lazy-inbox-actions.tsx');

describe('the list’s actions, before their code has arrived', () => {
  it('are one object from the first render, and do what was asked meanwhile, in order, once it arrives', async () => {
    const seen: InboxActions[] = [];
    const left: string[][] = [];
    function List({ rerender }: { rerender: number }) {
      const { actions, engine } = useLazyInboxActions({
        byId: new Map(),
        isRead: () => false,
      });
      seen.push(actions);
      useEffect(() => actions.onLeaving((ids) => left.push(ids)), [actions]);
      useEffect(() => {
        if (rerender === 0) {
          actions.dismiss(['1']);
          actions.read(['2'], { quiet: true });
          actions.undo();
        }
      }, [actions, rerender]);
      return engine;
    }
    const { rerender } = render(<List rerender={0} />);
    expect(arrival.done).toEqual([]);

    arrival.arrive();
    await waitFor(() => expect(arrival.done).toEqual(['dismiss 1', 'read 2 true', 'undo']));
    // A listener added before the code came hears rows leave.
    expect(left).toEqual([['1']]);

    rerender(<List rerender={1} />);
    seen.at(-1)?.snooze(['3'], '2030-01-01T09:00:00+01:00');
    expect(arrival.done.at(-1)).toBe('snooze 3 2030-01-01T09:00:00+01:00');
    expect(new Set(seen).size).toBe(1);
  });
});
