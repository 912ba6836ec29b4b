import { useMutationState } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import type { FeedTarget } from '../../../api/activities.ts';
import { storedOutbox, subscribe } from '../../../outbox/store.ts';
import { queuedReplies, replySendKey, type QueuedReply } from './replies.ts';

export type PendingState = 'sending' | 'waiting' | 'failed';
export interface PendingComment {
  entry: QueuedReply;
  state: PendingState;
}

const subscribeToOutbox = (listener: () => void) => subscribe(() => listener());

/**
 * The replies on one item that the server has not accepted yet, oldest first, from the outbox (this tab's and
 * other tabs'): sending, waiting for the server (unreachable, or a lost connection being retried), or refused
 * with the reason.
 */
export function usePendingComments(target: FeedTarget): PendingComment[] {
  const stored = useSyncExternalStore(subscribeToOutbox, storedOutbox, () => '');
  const waiting = useMutationState({
    filters: { mutationKey: replySendKey, status: 'pending' },
    select: (mutation) =>
      mutation.state.isPaused || mutation.state.failureCount > 0
        ? ((mutation.state.variables as QueuedReply | undefined)?.key ?? '')
        : '',
  });
  return useMemo(() => {
    void stored;
    const waitingKeys = new Set(waiting);
    return queuedReplies()
      .filter(
        ({ payload }) => payload.target.kind === target.kind && payload.target.id === target.id,
      )
      .map((entry) => ({
        entry,
        state: entry.failure ? 'failed' : waitingKeys.has(entry.key) ? 'waiting' : 'sending',
      }));
  }, [stored, waiting, target.kind, target.id]);
}
