import type { QueryClient } from '@tanstack/react-query';
import type { BulkResult } from './bulk.ts';
import { adoptOrphans, loadQueue, queueStorageKey, type QueuedAction } from './action-queue.ts';
import {
  notificationActionKey,
  updateCachedLists,
  type NotificationActionVariables,
} from './use-notification-action.ts';

/** Sends one queued action through the query client, so that its row shows "Waiting to sync" while it waits. */
export function sendQueued(queryClient: QueryClient, entry: QueuedAction): Promise<BulkResult> {
  const variables: NotificationActionVariables = {
    ids: entry.ids,
    action: entry.action,
    ...(entry.wakeAt === undefined ? {} : { wakeAt: entry.wakeAt }),
    queueKey: entry.key,
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

/** Every queued action, this tab's or another's, shown on the restored lists as the server will soon have it. */
export function showQueuedOnLists(queryClient: QueryClient) {
  for (const entry of loadQueue())
    updateCachedLists(queryClient, entry.ids, entry.action, entry.wakeAt);
}

export interface ReplayFailure {
  entry: QueuedAction;
  /** The ids the server refused, with the first reason. */
  ids: string[];
  reason: string;
}

/**
 * Adopts the actions left by pages that are gone and sends them, oldest first and one after another (a dismiss
 * and its undo must arrive in order). Resolves when all have been answered.
 */
export async function replayOrphans(
  queryClient: QueryClient,
  onFailure: (failure: ReplayFailure) => void,
): Promise<number> {
  const adopted = (await adoptOrphans()).sort((a, b) => a.createdAt - b.createdAt);
  for (const entry of adopted)
    updateCachedLists(queryClient, entry.ids, entry.action, entry.wakeAt);
  await Promise.all(
    adopted.map((entry) =>
      sendQueued(queryClient, entry).then(
        ({ failed }) => {
          if (failed[0])
            onFailure({
              entry,
              ids: failed.map((item) => item.id),
              reason: failed[0].error.message,
            });
        },
        (error: unknown) =>
          onFailure({
            entry,
            ids: entry.ids,
            reason: error instanceof Error ? error.message : String(error),
          }),
      ),
    ),
  );
  return adopted.length;
}

/**
 * Keeps this tab in step with the queue other tabs write: `onOthersAnswered` runs when some of their actions leave
 * it (answered), and when a tab closes with actions still queued, they are adopted and sent from here. (Actions of
 * tabs that are open are mirrored as they are taken, over the tab channel: no refetch for those.)
 */
export function watchQueue(onOthersAnswered: () => void, adopt: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== queueStorageKey() && event.key !== null) return;
    const after = new Set(parseKeys(event.newValue));
    if (parseKeys(event.oldValue).some((key) => !after.has(key))) onOthersAnswered();
  };
  window.addEventListener('storage', onStorage);
  // A tab that closes says nothing: look for orphans now and then, while there are others' actions queued.
  const orphanCheck = setInterval(() => {
    if (loadQueue().length > 0) adopt();
  }, 3000);
  return () => {
    clearInterval(orphanCheck);
    window.removeEventListener('storage', onStorage);
  };
}

function parseKeys(value: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(parsed)
      ? parsed.flatMap((entry: { key?: unknown }) =>
          typeof entry?.key === 'string' ? [entry.key] : [],
        )
      : [];
  } catch {
    return [];
  }
}
