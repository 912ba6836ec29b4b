import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { InboxActions, InboxActionsOptions } from './use-inbox-actions.ts';
import { loadPatiently } from '../../../lib/load-patiently.ts';

// The actions' code (the triage: optimistic updates, toasts, undo, bulk runs) is not needed to paint the first
// rows: it downloads as soon as this module runs, beside the first list request.
// (Asked for again until it arrives: an action taken while it cannot be downloaded waits, never an error page.)
const actionsLoading = loadPatiently(() => import('./use-inbox-actions.ts'));

interface EngineProps {
  options: InboxActionsOptions;
  onReady: (actions: InboxActions) => void;
}

const Engine = lazy(() =>
  actionsLoading.then(({ useInboxActions }) => ({
    default: function InboxActionsEngine({ options, onReady }: EngineProps) {
      const actions = useInboxActions(options);
      useEffect(() => onReady(actions), [actions, onReady]);
      return null;
    },
  })),
);

/** Stands in for the actions until their code has arrived: what is asked meanwhile is done, in order, then. */
function standIn() {
  let real: InboxActions | null = null;
  let waiting: ((actions: InboxActions) => void)[] = [];
  const leaving = new Set<(ids: string[]) => void>();
  const call =
    <A extends unknown[]>(use: (actions: InboxActions, ...args: A) => void) =>
    (...args: A) => {
      if (real) use(real, ...args);
      else waiting.push((actions) => use(actions, ...args));
    };
  const actions: InboxActions = {
    read: call((a, ids: string[], options?: { quiet?: boolean }) => a.read(ids, options)),
    dismiss: call((a, ids: string[], options?: { wholeInbox?: boolean }) =>
      a.dismiss(ids, options),
    ),
    restore: call((a, ids: string[]) => a.restore(ids)),
    snooze: call((a, ids: string[], wakeAt: string) => a.snooze(ids, wakeAt)),
    mute: call((a, ids: string[]) => a.mute(ids)),
    undo: call((a) => a.undo()),
    onLeaving: (listener) => {
      leaving.add(listener);
      return () => leaving.delete(listener);
    },
  };
  const ready = (loaded: InboxActions) => {
    if (real === loaded) return;
    const first = real === null;
    real = loaded;
    if (first) loaded.onLeaving((ids) => [...leaving].forEach((listener) => listener(ids)));
    const now = waiting;
    waiting = [];
    for (const run of now) run(loaded);
  };
  return { actions, ready };
}

/**
 * The list's actions (use-inbox-actions.ts), the same object across renders from the first one, and the element
 * that runs them once their code is here: render `engine` in the list.
 */
export function useLazyInboxActions(options: InboxActionsOptions): {
  actions: InboxActions;
  engine: ReactNode;
} {
  const [{ actions, ready }] = useState(standIn);
  return {
    actions,
    engine: (
      <Suspense fallback={null}>
        <Engine options={options} onReady={ready} />
      </Suspense>
    ),
  };
}
