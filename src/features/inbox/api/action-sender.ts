import type { QueryClient } from '@tanstack/react-query';
import type { OutboxContext, Sender } from '../../../outbox/replay.ts';
import { subscribe } from '../../../outbox/store.ts';
import type { BulkResult } from './bulk.ts';
import { notificationQueries } from './notification-queries.ts';
import {
  ACTION_KIND,
  queuedActions,
  readActionPayload,
  type QueuedAction,
  type QueuedActionPayload,
} from './queued-actions.ts';
import { VERB } from './use-triage.ts';
import {
  notificationActionKey,
  updateCachedLists,
  type NotificationActionVariables,
} from './use-notification-action.ts';

/**
 * Sends an action through the query client (its row says "Waiting to sync" while it waits): one adopted from a
 * tab that is gone (`queueKey` set), or a retry, whose entry the mutation writes.
 */
function send(
  queryClient: QueryClient,
  payload: QueuedActionPayload,
  queueKey?: string,
): Promise<BulkResult> {
  const variables: NotificationActionVariables = {
    ...payload,
    ...(queueKey === undefined ? {} : { queueKey }),
    // Its undo toast went with the page that made it: a held read is sent at once.
    hold: false,
  };
  return queryClient
    .getMutationCache()
    .build<BulkResult, Error, NotificationActionVariables, unknown>(queryClient, {
      mutationKey: notificationActionKey,
      // One after another, in the order they were taken (a dismiss and its undo must arrive in order); the
      // ones waiting their turn are paused, so their rows say "Waiting to sync" too.
      scope: { id: 'inbox.adopted-actions' },
    })
    .execute(variables);
}

/** Sends, and says what the server refused, with Retry (which sends the refused ones again). */
function sendAndReport(
  { queryClient, showToast }: OutboxContext,
  payload: QueuedActionPayload,
  queueKey?: string,
): Promise<void> {
  const report = (ids: string[], reason: string) =>
    showToast({
      tone: 'error',
      message: `Could not ${VERB[payload.action]} ${ids.length} notification${ids.length === 1 ? '' : 's'}: ${reason}`,
      action: {
        label: 'Retry',
        run: () => void sendAndReport({ queryClient, showToast }, { ...payload, ids }),
      },
    });
  return send(queryClient, payload, queueKey).then(
    ({ failed }) => {
      if (failed[0])
        report(
          failed.map((item) => item.id),
          failed[0].error.message,
        );
    },
    (error: unknown) => {
      report(payload.ids, error instanceof Error ? error.message : String(error));
    },
  );
}

/**
 * The restored cache may be older than it looks: refetch it. The notification lists wait while other tabs'
 * actions are still queued (they would come back without them); returns whether they wait.
 */
function refreshRestored(queryClient: QueryClient): boolean {
  const othersPending = queuedActions().length > 0;
  void queryClient.invalidateQueries({
    predicate: (query) => !othersPending || !notificationQueries.isNotificationKey(query.queryKey),
  });
  return othersPending;
}

/** The inbox's actions in the outbox's replay loop. */
export const inboxActionSender: Sender<QueuedActionPayload> = {
  kind: ACTION_KIND,
  read: readActionPayload,
  send: (entry: QueuedAction, context) => {
    updateCachedLists(
      context.queryClient,
      entry.payload.ids,
      entry.payload.action,
      entry.payload.wakeAt,
    );
    return sendAndReport(context, entry.payload, entry.key);
  },
  start: ({ queryClient }, firstReplay) => {
    // Every action queued on this device shows on the restored lists as the server will soon have it.
    for (const { payload } of queuedActions())
      updateCachedLists(queryClient, payload.ids, payload.action, payload.wakeAt);
    let listsWaiting = false;
    void firstReplay.then(() => {
      listsWaiting = refreshRestored(queryClient);
    });
    // Other tabs' actions answered, and none left: the lists that waited for them are refetched once. (Actions of
    // tabs that are open are mirrored as they are taken, over the tab channel: no refetch for those.)
    return subscribe(({ elsewhere, removed }) => {
      if (!elsewhere || removed.length === 0 || !listsWaiting || queuedActions().length > 0) return;
      listsWaiting = false;
      void queryClient.invalidateQueries({ queryKey: notificationQueries.lists() });
    });
  },
};
