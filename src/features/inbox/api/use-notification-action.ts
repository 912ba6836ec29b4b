import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getNotification,
  patchNotification,
  type Notification,
} from '../../../api/notifications.ts';
import { deleteSnooze, putSnooze, wakeSnooze } from '../../../api/snoozes.ts';
import { currentReplica } from '../../../replica/store.ts';
import {
  applyActionToList,
  applyToNotification,
  findNotification,
  placeInList,
  type CacheAction,
  type NotificationPages,
} from '../model/cache-updates.ts';
import { isSnoozeAction, type InboxAction } from '../model/inbox-actions.ts';
import { complete } from '../../../outbox/store.ts';
import { runBulk, type BulkResult } from './bulk.ts';
import { notificationQueries } from './notification-queries.ts';
import {
  acknowledgeBack,
  snoozeQueries,
  updateCachedSnoozes,
  wokenAmong,
} from './snooze-queries.ts';
import { enqueueAction, holdRead } from './queued-actions.ts';
import { tellOtherTabs } from './tab-sync.ts';
import { registerActionCode } from './action-defaults.ts';
import {
  notificationActionKey,
  type NotificationActionVariables,
} from './notification-action-key.ts';

export { notificationActionKey, type NotificationActionVariables };
const lists = { queryKey: notificationQueries.lists() };

/**
 * Applies an action to every cached list at once: the pure cache updates, for each notification (and, for a
 * snooze action, to the snooze list).
 */
export function updateCachedLists(
  queryClient: QueryClient,
  ids: readonly string[],
  action: CacheAction,
  wakeAt?: string,
) {
  if (isSnoozeAction(action)) updateCachedSnoozes(queryClient, ids, action, wakeAt);
  // The replica first: every view, count and search reads it (src/replica/).
  currentReplica()?.apply(ids, (notification) => applyToNotification(notification, action));
  const snapshot = queryClient.getQueriesData<NotificationPages>(lists);
  // A row that leaves every cached list (dismissed or snoozed while the Dismissed view was never loaded) is
  // remembered, so that its undo puts it back at once instead of after the next refetch.
  const found = ids.map((id) => findNotification(snapshot, id) ?? recentlyRemoved.get(id));
  if (action === 'dismiss' || action === 'snooze')
    found.forEach((notification) => notification && rememberRemoved(notification));
  for (const [key, data] of snapshot) {
    const query = notificationQueries.queryOf(key);
    if (!data || !query) continue;
    let next = data;
    for (const notification of found)
      if (notification) next = applyActionToList(next, query, notification, action);
    if (next !== data) queryClient.setQueryData<NotificationPages>(key, next);
  }
  return snapshot;
}

const REMEMBERED = 200;
const recentlyRemoved = new Map<string, Notification>();
function rememberRemoved(notification: Notification) {
  recentlyRemoved.delete(notification.id);
  recentlyRemoved.set(notification.id, notification);
  if (recentlyRemoved.size > REMEMBERED)
    recentlyRemoved.delete(recentlyRemoved.keys().next().value as string);
}

/**
 * Puts notifications back in every cached list as they were in a snapshot taken before an action. Only those
 * rows change: restoring the whole snapshot would also undo every other action taken since.
 */
export function restoreNotifications(
  queryClient: QueryClient,
  snapshot: ReturnType<typeof updateCachedLists>,
  ids: readonly string[],
) {
  const originals = ids.flatMap((id) => findNotification(snapshot, id) ?? []);
  if (originals.length === 0) return;
  void currentReplica()?.put(originals);
  for (const [key, data] of queryClient.getQueriesData<NotificationPages>(lists)) {
    const query = notificationQueries.queryOf(key);
    if (!data || !query) continue;
    const next = originals.reduce((list, original) => placeInList(list, query, original), data);
    if (next !== data) queryClient.setQueryData<NotificationPages>(key, next);
  }
}

/** Reads wait out the undo window together; the ones not undone are sent. */
async function idsToSend(
  ids: readonly string[],
  action: InboxAction,
  hold: boolean,
): Promise<string[]> {
  if (action !== 'read' || !hold) return [...ids];
  const outcomes = await Promise.all(ids.map(holdRead));
  return ids.filter((_, index) => outcomes[index] === 'send');
}

/**
 * Read, dismiss and restore, for one notification or many, optimistically: every cached list changes at once, a
 * request that fails puts its rows back (a single one at once, a bulk one with the refetch), and the lists are
 * refetched once when the last of a burst of actions settles.
 */
/** Sends an action; also what a mutation queued offline runs when it resumes after a reload. */
export async function sendNotificationAction({
  ids,
  action,
  wakeAt,
  hold = true,
}: NotificationActionVariables): Promise<BulkResult> {
  const request = (id: string): Promise<unknown> => {
    switch (action) {
      case 'snooze':
        if (!wakeAt) throw new Error('A snooze needs a wake time');
        return putSnooze(id, wakeAt);
      case 'unsnooze':
        return deleteSnooze(id);
      case 'wake':
        return wakeSnooze(id);
      default:
        // The server's answer is the notification as it now is: the replica takes it.
        return patchNotification(id, action).then((answer) => {
          noteAnswered(id);
          void currentReplica()?.put([answer]);
          return answer;
        });
    }
  };
  const result = await runBulk(await idsToSend(ids, action, hold), request);
  // Nothing went through: fail the mutation, so that its optimistic change is rolled back at once.
  if (result.succeeded.length === 0 && result.failed[0]) throw result.failed[0].error;
  return result;
}

const refreshTimers = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>();
/**
 * Refetches the lists once the last action of a burst has settled. Checked after the settling mutation is
 * marked done (a task later), not inside its onSettled: two actions settling together would each see the other
 * still pending, and neither would refresh.
 */
const snoozesChanged = new WeakSet<QueryClient>();
function refreshWhenIdle(queryClient: QueryClient, snoozed: boolean) {
  clearTimeout(refreshTimers.get(queryClient));
  if (snoozed) snoozesChanged.add(queryClient);
  refreshTimers.set(
    queryClient,
    setTimeout(() => {
      if (queryClient.isMutating({ mutationKey: notificationActionKey }) !== 0) return;
      void queryClient.invalidateQueries(lists);
      // The snooze list too, once, if a snooze action was among them.
      if (snoozesChanged.delete(queryClient))
        void queryClient.invalidateQueries({ queryKey: snoozeQueries.all() });
    }, 0),
  );
}

/**
 * Every action's first step, whoever runs it: its outbox entry is written (unless it has one), so that it is sent
 * even if this page goes away before the server answers. Runs before the request, in the task that asked for it.
 */
export function writeEntry({ ids, action, wakeAt, queueKey }: NotificationActionVariables): string {
  return queueKey ?? enqueueAction(ids, action, wakeAt);
}

/** What an action sent without the hook (adopted, resumed after a reload) does once the server has answered. */
export function settleAdopted(
  queryClient: QueryClient,
  data: BulkResult | undefined,
  error: unknown,
  variables: NotificationActionVariables | undefined,
  context: unknown,
) {
  // An action adopted after a reload has no snapshot to roll back to: what the server refused is read again
  // into the replica, so a refused dismiss puts its row back.
  const refused = error ? (variables?.ids ?? []) : (data?.failed.map((item) => item.id) ?? []);
  void rereadIntoReplica(refused);
  settled(queryClient, variables, (context as { queueKey?: string } | undefined)?.queueKey);
}

registerActionCode({ sendNotificationAction, writeEntry, settleAdopted });

/** When the server last answered an action on each notification (its answer went into the replica then). */
const answeredAt = new Map<string, number>();
function noteAnswered(id: string) {
  answeredAt.delete(id);
  answeredAt.set(id, Date.now());
  // The last few hundred are plenty: a read again is only ever compared with answers of its own moment.
  if (answeredAt.size > 500) answeredAt.delete(answeredAt.keys().next().value as string);
}

/** Reads notifications again from the server into the replica (at most a page's worth; the sync does the rest). */
async function rereadIntoReplica(ids: readonly string[]) {
  const replica = currentReplica();
  if (!replica || ids.length === 0) return;
  const asked = Date.now();
  const fresh = await Promise.all(
    ids.slice(0, 50).map((id) => getNotification(id).catch(() => null)),
  );
  // One acted on again meanwhile keeps that action's state until its own answer corrects it; one whose action
  // was answered meanwhile keeps that answer (newer than this read, which may have been served before it).
  const actedOn = replica.editedSince(asked);
  await replica.put(
    fresh.filter(
      (notification): notification is Notification =>
        notification !== null &&
        !actedOn.has(notification.id) &&
        (answeredAt.get(notification.id) ?? 0) < asked,
    ),
  );
}

/** The server has answered (or refused) an action: it leaves the outbox; the lists refresh when idle. */
function settled(
  queryClient: QueryClient,
  variables: NotificationActionVariables | undefined,
  queueKey: string | undefined,
) {
  if (queueKey) complete(queueKey);
  refreshWhenIdle(queryClient, variables !== undefined && isSnoozeAction(variables.action));
}

export function useNotificationAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: notificationActionKey,
    mutationFn: sendNotificationAction,
    onMutate: async (variables) => {
      const queueKey = writeEntry(variables);
      const { ids, action, wakeAt } = variables;
      await queryClient.cancelQueries(lists);
      if (isSnoozeAction(action))
        await queryClient.cancelQueries({ queryKey: snoozeQueries.all() });
      tellOtherTabs({ type: 'action', ids, action, wakeAt });
      // Back from snooze until read or dismissed: which of these are, to acknowledge once the server agrees.
      const back = action === 'read' || action === 'dismiss' ? wokenAmong(queryClient, ids) : [];
      return { snapshot: updateCachedLists(queryClient, ids, action, wakeAt), back, queueKey };
    },
    onError: (_error, { ids }, context) => {
      if (context) restoreNotifications(queryClient, context.snapshot, ids);
      // What the server now holds for them (another action on them may have gone through meanwhile): the lists
      // read the replica, so a refetch alone would not ask.
      void rereadIntoReplica(ids);
      tellOtherTabs({ type: 'refresh' });
    },
    onSuccess: ({ succeeded, failed }, _variables, context) => {
      if (context?.back.length) {
        const done = new Set(succeeded);
        acknowledgeBack(
          queryClient,
          context.back.filter((id) => done.has(id)),
        );
      }
      if (failed.length === 0) return;
      const refused = failed.map((item) => item.id);
      if (context) restoreNotifications(queryClient, context.snapshot, refused);
      void rereadIntoReplica(refused);
      tellOtherTabs({ type: 'refresh' });
    },
    onSettled: (_data, _error, variables, context) =>
      settled(queryClient, variables, context?.queueKey),
  });
}
