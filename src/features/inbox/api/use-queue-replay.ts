import { useIsRestoring, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useToast } from '../../../components/toasts.tsx';
import { enqueue, loadQueue, type QueuedAction } from './action-queue.ts';
import { notificationQueries } from './notification-queries.ts';
import {
  replayOrphans,
  sendQueued,
  showQueuedOnLists,
  watchQueue,
  type ReplayFailure,
} from './replay-queue.ts';
import { VERB } from './use-triage.ts';

/**
 * Whatever page of the app runs, once the cache is restored: actions queued on this device show on the lists, the
 * ones whose page is gone are sent from here (a refusal says why, with Retry), and then the lists are refetched.
 */
export function useQueueReplay() {
  const queryClient = useQueryClient();
  const restoring = useIsRestoring();
  const showToast = useToast();
  useEffect(() => {
    if (restoring) return;
    const report = (failure: ReplayFailure) => {
      const count = failure.ids.length;
      showToast({
        tone: 'error',
        message: `Could not ${VERB[failure.entry.action]} ${count} notification${count === 1 ? '' : 's'}: ${failure.reason}`,
        action: {
          label: 'Retry',
          run: () => retry(queryClient, { ...failure.entry, ids: failure.ids }, report),
        },
      });
    };
    showQueuedOnLists(queryClient);
    // The restored lists wait for other tabs' queued actions (they would come back without them): once those are
    // all answered, the lists are refetched.
    let listsWaiting = false;
    void replayOrphans(queryClient, report).then(() => {
      listsWaiting = refreshRestored(queryClient);
    });
    return watchQueue(
      () => {
        if (!listsWaiting || loadQueue().length > 0) return;
        listsWaiting = false;
        void queryClient.invalidateQueries({ queryKey: notificationQueries.lists() });
      },
      () => void replayOrphans(queryClient, report),
    );
  }, [restoring, queryClient, showToast]);
}

function retry(
  queryClient: QueryClient,
  entry: QueuedAction,
  report: (failure: ReplayFailure) => void,
) {
  const again = {
    ...entry,
    key: enqueue(entry.ids, entry.action, entry.wakeAt),
    createdAt: Date.now(),
  };
  sendQueued(queryClient, again).then(
    ({ failed }) => {
      if (failed[0])
        report({
          entry: again,
          ids: failed.map((item) => item.id),
          reason: failed[0].error.message,
        });
    },
    (error: Error) => report({ entry: again, ids: again.ids, reason: error.message }),
  );
}

/**
 * The restored cache may be older than it looks: refetch it. The notification lists wait while other tabs'
 * actions are still queued; returns whether they wait.
 */
function refreshRestored(queryClient: QueryClient): boolean {
  const othersPending = loadQueue().length > 0;
  void queryClient.invalidateQueries({
    predicate: (query) => !othersPending || !notificationQueries.isNotificationKey(query.queryKey),
  });
  return othersPending;
}
