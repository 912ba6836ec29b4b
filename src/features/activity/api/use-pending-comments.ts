import { useMutationState } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { queueStorageKey, subscribeQueue } from '../../../api/action-queue.ts';
import { loadComments, type QueuedComment } from '../../../api/comment-queue.ts';
import type { FeedTarget } from '../../../api/activities.ts';
import { commentSendKey } from '../../../api/comment-outbox.ts';
import { deviceStorage } from '../../../lib/device-data.ts';

export type PendingState = 'sending' | 'waiting' | 'failed';
export interface PendingComment {
  entry: QueuedComment;
  state: PendingState;
}

function subscribe(listener: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === queueStorageKey() || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  const unsubscribe = subscribeQueue(listener);
  return () => {
    unsubscribe();
    window.removeEventListener('storage', onStorage);
  };
}
const snapshot = () => deviceStorage.getItem(queueStorageKey()) ?? '';

/**
 * The replies on one item that the server has not accepted yet, oldest first, from the durable queue (this tab's
 * and other tabs'): sending, waiting for the server (unreachable, or a lost connection being retried), or
 * refused with the reason.
 */
export function usePendingComments(target: FeedTarget): PendingComment[] {
  const stored = useSyncExternalStore(subscribe, snapshot, () => '');
  const waiting = useMutationState({
    filters: { mutationKey: commentSendKey, status: 'pending' },
    select: (mutation) =>
      mutation.state.isPaused || mutation.state.failureCount > 0
        ? ((mutation.state.variables as QueuedComment | undefined)?.key ?? '')
        : '',
  });
  return useMemo(() => {
    void stored;
    const waitingKeys = new Set(waiting);
    return loadComments()
      .filter((entry) => entry.target.kind === target.kind && entry.target.id === target.id)
      .map((entry) => ({
        entry,
        state: entry.failure ? 'failed' : waitingKeys.has(entry.key) ? 'waiting' : 'sending',
      }));
  }, [stored, waiting, target.kind, target.id]);
}
