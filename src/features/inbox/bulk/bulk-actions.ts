import { currentReplica } from '../../../replica/store.ts';
/**
 * Bulk actions: the one entry point for acting on many notifications (the selection bar's buttons for more than
 * `BULK_THRESHOLD` rows, and group headers' "Mark all read" / "Dismiss all"):
 *
 *     startBulk({ action: 'dismiss', ids }, { queryClient, showToast })
 *
 * (or `useBulkAction()` in a component, which supplies the context). `action` is `read`, `dismiss` or `undismiss`;
 * `wholeInbox: true` when the ids are the whole Inbox with no filter, sent as one documented
 * `PATCH /organization_memberships/{id}/dismiss_notifications`.
 *
 * How it runs (docs/decisions/017-bulk-within-limits.md):
 * - **Durable, once per item**: an outbox entry (kind `inbox-bulk`) holds the ids and the progress; each item is
 *   recorded as sent before its request (bulk-run.ts). A reload or a closed tab leaves the entry to the next page,
 *   whose replay loop resumes it; what was in flight is read back, never sent blind.
 * - **Within the budget**: requests are paced from the server's `RateLimit-*` headers, keeping a tenth of each
 *   window for the person's own actions and polling (pacer.ts); the polling backs off while a bulk action runs.
 * - **Seen as it goes**: a progress bar (bulk-runs.ts, BulkProgress.tsx); rows leave and counts change per small
 *   batch of answered items; Cancel stops it and keeps what was done, with one Undo for that.
 */
import type { QueryClient } from '@tanstack/react-query';
import { apiRequest, onRateHeadroom } from '../../../api/http.ts';
import {
  getNotification,
  patchNotification,
  type Notification,
  type NotificationAction,
} from '../../../api/notifications.ts';
import type { OutboxEntry } from '../../../outbox/entry.ts';
import type { OutboxContext, Sender } from '../../../outbox/replay.ts';
import { complete, update } from '../../../outbox/store.ts';
import { hasWaiting } from '../../../outbox/waiting.ts';
import { dropPageCopy, refreshCachedPage } from '../../../lib/device-data.ts';
import {
  applyToNotification,
  findNotification,
  matchesQuery,
  placeInList,
  type NotificationPages,
} from '../model/cache-updates.ts';
import { notificationQueries } from '../api/notification-queries.ts';
import { tellOtherTabs } from '../api/tab-sync.ts';
import { doneCount, doneIds, runBulkAction } from './bulk-run.ts';
import { endRunView, onCancel, setRunView, type BulkRunView } from './bulk-runs.ts';
import {
  BULK_KIND,
  enqueueBulk,
  ID,
  readBulkProgress,
  type BulkRequest,
  type StoredProgress,
} from './bulk-entry.ts';
import { BudgetPacer } from './pacer.ts';

const NOUN = (count: number) =>
  `${count.toLocaleString('en-US')} notification${count === 1 ? '' : 's'}`;
const DONE: Record<NotificationAction, string> = {
  dismiss: 'Dismissed',
  undismiss: 'Restored',
  read: 'Marked as read',
};
const INVERSE: Record<NotificationAction, NotificationAction | null> = {
  dismiss: 'undismiss',
  undismiss: 'dismiss',
  // Productive cannot mark notifications unread.
  read: null,
};

/** The one pacer of this page: every answer's budget feeds it, whatever asked. */
let pacer: BudgetPacer | null = null;
function thePacer(): BudgetPacer {
  if (!pacer) {
    const made = new BudgetPacer();
    onRateHeadroom((headroom) => made.observe(headroom));
    pacer = made;
  }
  return pacer;
}

/** Starts a bulk action: written to the outbox first (synchronously), then run. Returns its outbox key. */
export function startBulk(request: BulkRequest, context: OutboxContext): string {
  const entry = enqueueBulk(request);
  void runBulkEntry(entry, context);
  return entry.key;
}

/**
 * A bulk action (started here, or resumed from the outbox) drops the service worker's copy of the Inbox page as it
 * starts, and asks for a new one once nothing waits in the outbox: a reload meanwhile never paints its rows back
 * (src/app/persistence.ts keeps the copy for single actions).
 */
async function withoutPageCopy(run: Promise<void>) {
  void dropPageCopy();
  try {
    await run;
  } finally {
    if (!hasWaiting()) void refreshCachedPage();
  }
}

/** The membership whose Inbox this is: each notification's `owner`, read from one notification of the Inbox. */
async function inboxMembershipId(): Promise<string | null> {
  const body = (await apiRequest('/notifications', {
    params: new URLSearchParams({ 'filter[dismissed]': 'false', 'page[size]': '1' }),
  })) as { data?: { relationships?: { owner?: { data?: { id?: unknown } } } }[] } | null;
  const id = body?.data?.[0]?.relationships?.owner?.data?.id;
  return typeof id === 'string' && ID.test(id) ? id : null;
}

const reached = (notification: Notification, action: NotificationAction) =>
  action === 'dismiss'
    ? notification.dismissed
    : action === 'undismiss'
      ? !notification.dismissed
      : notification.read;

/** The notification as it was before the action (for the counts of lists that do not hold it). */
const before = (notification: Notification, action: NotificationAction): Notification =>
  action === 'read'
    ? { ...notification, read: false }
    : { ...notification, dismissed: action === 'undismiss' };

/**
 * Answered items into every cached list: a row that no longer belongs leaves, one that now does comes in, and a
 * list that held it unloaded has its count changed all the same.
 */
function applyAnswered(
  queryClient: QueryClient,
  answered: readonly Notification[],
  action: NotificationAction,
) {
  for (const [key, data] of queryClient.getQueriesData<NotificationPages>({
    queryKey: notificationQueries.lists(),
  })) {
    const query = notificationQueries.queryOf(key);
    if (!data || !query) continue;
    let next = data;
    let leftUnloaded = 0;
    for (const notification of answered) {
      const listed = next.pages.some((page) =>
        page.notifications.some((item) => item.id === notification.id),
      );
      const after = matchesQuery(notification, query);
      if (!listed && after === false && matchesQuery(before(notification, action), query) === true)
        leftUnloaded++;
      else next = placeInList(next, query, applyToNotification(notification, action));
    }
    const [first, ...rest] = next.pages;
    if (leftUnloaded && first && first.totalCount !== null)
      next = {
        ...next,
        pages: [{ ...first, totalCount: Math.max(0, first.totalCount - leftUnloaded) }, ...rest],
      };
    if (next !== data) queryClient.setQueryData<NotificationPages>(key, next);
  }
}

/** Runs (or resumes) one entry to its end, cancel, or the page going away. */
export const runBulkEntry = (entry: OutboxEntry<StoredProgress>, context: OutboxContext) =>
  withoutPageCopy(runBulk(entry, context));

async function runBulk(entry: OutboxEntry<StoredProgress>, context: OutboxContext) {
  const { queryClient, showToast } = context;
  const controller = new AbortController();
  const { signal } = controller;
  let progress: StoredProgress = entry.payload;
  const action = progress.action;
  // Resumed after a reload: what the last page had done stays done in the replica (its own writes may not have
  // reached the disk before it went).
  const doneBefore = doneIds(progress);
  if (doneBefore.length)
    currentReplica()?.apply(doneBefore, (notification) =>
      applyToNotification(notification, action),
    );
  const pace = thePacer();
  let gone = false;
  const save = (next: StoredProgress) => {
    progress = next;
    if (update(entry.key, { payload: next }) === null && !gone) {
      // Signed out, or this device's data cleared: nothing more is sent.
      gone = true;
      controller.abort(new Error('The outbox was cleared'));
    }
  };

  const view: BulkRunView = {
    key: entry.key,
    action,
    total: progress.ids.length,
    done: doneCount(progress),
    failed: progress.failed.length,
    startedAt: Date.now(),
    doneAtStart: doneCount(progress),
    waitingUntil: null,
    wholeInbox: Boolean(progress.wholeInbox),
    stopping: false,
  };
  let shown = view;
  const show = (change: Partial<BulkRunView>) => {
    shown = { ...shown, ...change };
    setRunView(shown);
  };
  show({});
  let cancelled = false;
  onCancel(entry.key, () => {
    cancelled = true;
    show({ stopping: true });
    controller.abort(new Error('Cancelled'));
  });

  // Answered items reach the lists in small batches: rows leave and counts change as it goes.
  let answered: Notification[] = [];
  let answeredIds: string[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    // The replica first: every view, count and search reads it; what was done stays done there, whatever comes.
    if (answeredIds.length)
      currentReplica()?.apply(answeredIds, (notification) =>
        applyToNotification(notification, action),
      );
    if (answered.length) applyAnswered(queryClient, answered, action);
    const byAnswer = new Set(answered.map((notification) => notification.id));
    const without = answeredIds.filter((id) => !byAnswer.has(id));
    // The whole Inbox at once: every list of it is read again (none is left to update row by row).
    if (progress.membershipId && without.length)
      void queryClient.invalidateQueries({
        queryKey: notificationQueries.lists(),
        refetchType: 'all',
      });
    else if (without.length) {
      // Read back after a reload (no answer to place): the rows held in the lists, as they are now.
      const lists = queryClient.getQueriesData<NotificationPages>({
        queryKey: notificationQueries.lists(),
      });
      const held = without.flatMap((id) => findNotification(lists, id) ?? []);
      applyAnswered(
        queryClient,
        held.map((notification) => applyToNotification(notification, action)),
        action,
      );
    }
    if (answeredIds.length) tellOtherTabs({ type: 'action', ids: answeredIds, action });
    answered = [];
    answeredIds = [];
  };
  const byId = new Map<string, Notification>();

  try {
    if (progress.wholeInbox && !progress.membershipId && progress.next === 0) {
      const membershipId = await inboxMembershipId().catch(() => null);
      // Not known: one request per item, as for any other selection.
      save(membershipId ? { ...progress, membershipId } : { ...progress, wholeInbox: false });
      if (!membershipId) show({ wholeInbox: false });
    }
    progress = await runBulkAction(progress, {
      signal,
      send: async (id) => {
        byId.set(id, await patchNotification(id, action));
      },
      isDone: async (id) => reached(await getNotification(id), action),
      sendWholeInbox: async (membershipId) => {
        await apiRequest(
          `/organization_memberships/${encodeURIComponent(membershipId)}/dismiss_notifications`,
          { method: 'PATCH' },
        );
      },
      isWholeInboxDone: async () =>
        progress.ids[0] === undefined || reached(await getNotification(progress.ids[0]), action),
      save: (next) => save({ ...progress, ...next }),
      pace: async (paceSignal) => {
        const until = pace.waitingUntil;
        if (until !== shown.waitingUntil) show({ waitingUntil: until });
        await pace.slot(paceSignal);
        if (shown.waitingUntil !== null) show({ waitingUntil: null });
      },
      onDone: (ids) => {
        for (const id of ids) {
          const notification = byId.get(id);
          byId.delete(id);
          if (notification) answered.push(notification);
        }
        answeredIds.push(...ids);
        show({ done: doneCount(progress) });
        if (answeredIds.length >= 25) flush();
        else flushTimer ??= setTimeout(flush, 150);
      },
    });
  } finally {
    flush();
    endRunView(entry.key);
  }
  if (gone) return;
  const total = progress.ids.length;
  const done = doneIds(progress);
  complete(entry.key);
  void queryClient.invalidateQueries({ queryKey: notificationQueries.lists() });
  const inverse = progress.isUndo ? null : INVERSE[action];
  const undo =
    inverse && done.length
      ? {
          label: 'Undo',
          run: () => void startBulk({ action: inverse, ids: done, isUndo: true }, context),
        }
      : undefined;
  if (progress.failed.length) {
    showToast({
      tone: 'error',
      message: `${DONE[action]} ${done.length.toLocaleString('en-US')} of ${NOUN(total)}; ${progress.failed.length.toLocaleString('en-US')} failed: ${progress.refusal ?? 'refused'}`,
      action: {
        label: 'Retry failed',
        run: () => void startBulk({ action, ids: progress.failed }, context),
      },
    });
    return;
  }
  showToast({
    tone: 'info',
    message: cancelled
      ? `Stopped: ${DONE[action].toLowerCase()} ${done.length.toLocaleString('en-US')} of ${NOUN(total)}`
      : `${DONE[action]} ${NOUN(done.length)}`,
    ...(undo ? { action: undo } : {}),
  });
}

/** Bulk actions in the outbox's replay loop: a page that went away left one; this page resumes it. */
export const bulkSender: Sender<StoredProgress> = {
  kind: BULK_KIND,
  read: readBulkProgress,
  send: (entry, context) => runBulkEntry(entry, context),
};
