import type { Notification, NotificationPage, NotificationQuery } from '../api/notifications.ts';
import type { Replica } from './store.ts';

/**
 * Keeping the replica in step with the server. One tab of the browser leads (a Web Lock per scope, held while
 * the tab is visible); it alone sends the sync's requests, the other tabs hear its writes (store.ts).
 *
 * - First sync: the Inbox page by page at `page[size]=200`, each page usable at once, then the dismissed ones of
 *   the last 30 days. Resumed where it stopped if the leader goes away.
 * - Every `pollMs` while visible: what is new (`filter[after]` the newest held), which also brings back a
 *   dismissed notification that new activity undismissed.
 * - Every `reconcileMs` while visible, and on coming back after that long away: the whole Inbox and the recent
 *   dismissed ones read again, so that reads and dismisses made elsewhere show.
 */

import { recentDismissedSince, SYNC_PAGE_SIZE } from './sync-window.ts';

export { DISMISSED_KEPT_DAYS, recentDismissedSince, SYNC_PAGE_SIZE } from './sync-window.ts';
/** An action's local state stands against a reconciliation for this long (its answer corrects it). */
const LOCAL_EDIT_HOLD_MS = 2 * 60 * 1000;

export interface SyncIntervals {
  pollMs: number;
  reconcileMs: number;
}
export const DEFAULT_INTERVALS: SyncIntervals = { pollMs: 30_000, reconcileMs: 5 * 60_000 };

/**
 * The intervals, which tests shorten: local-storage key `inbox-settings.sync` holding `{"pollMs":…,"reconcileMs":…}`
 * (outside the `inbox.` prefix of anyone's data, so a scope change leaves it). Values below 200 ms are ignored.
 */
export const SYNC_SETTINGS_KEY = 'inbox-settings.sync';
export function syncIntervals(storage: Pick<Storage, 'getItem'> | null): SyncIntervals {
  try {
    const saved = JSON.parse(storage?.getItem(SYNC_SETTINGS_KEY) ?? 'null') as Partial<
      Record<keyof SyncIntervals, unknown>
    > | null;
    const read = (value: unknown, fallback: number) =>
      typeof value === 'number' && Number.isFinite(value) && value >= 200 ? value : fallback;
    return {
      pollMs: read(saved?.pollMs, DEFAULT_INTERVALS.pollMs),
      reconcileMs: read(saved?.reconcileMs, DEFAULT_INTERVALS.reconcileMs),
    };
  } catch {
    return DEFAULT_INTERVALS;
  }
}

export type FetchPage = (
  query: NotificationQuery,
  page: number,
  signal: AbortSignal,
) => Promise<NotificationPage>;

const recentDismissedQuery = (now: number): NotificationQuery => ({
  dismissed: true,
  after: recentDismissedSince(now),
});

async function readAllPages(
  fetchPage: FetchPage,
  query: NotificationQuery,
  signal: AbortSignal,
  onPage?: (page: NotificationPage, number: number) => Promise<void>,
  firstPage = 1,
): Promise<Notification[]> {
  const all: Notification[] = [];
  for (let number = firstPage; ; number++) {
    const page = await fetchPage(query, number, signal);
    all.push(...page.notifications);
    await onPage?.(page, number);
    if (!page.hasNextPage || page.notifications.length === 0) return all;
  }
}

/** The first sync, from where it stopped: the Inbox, then the recent dismissed ones. */
export async function firstSync(
  replica: Replica,
  fetchPage: FetchPage,
  signal: AbortSignal,
  now: () => number = Date.now,
) {
  const start = replica.meta.complete ? 1 : Math.floor(replica.meta.loaded / SYNC_PAGE_SIZE) + 1;
  await readAllPages(
    fetchPage,
    { dismissed: false },
    signal,
    async (page, number) => {
      await replica.put(page.notifications);
      const total = page.totalCount;
      const loaded = (number - 1) * SYNC_PAGE_SIZE + page.notifications.length;
      await replica.setMeta({ loaded: total === null ? loaded : Math.min(loaded, total), total });
    },
    start,
  );
  await readAllPages(fetchPage, recentDismissedQuery(now()), signal, (page) =>
    replica.put(page.notifications),
  );
  await replica.setMeta({ complete: true, reconciledAt: now(), polledAt: now() });
}

/** What is new since the newest notification held: every page of it. */
export async function pollNew(
  replica: Replica,
  fetchPage: FetchPage,
  signal: AbortSignal,
  now: () => number = Date.now,
  /** After this time instead of the newest held (what was newest before a page of it arrived). */
  since?: string,
) {
  const newest = since ?? replica.all()[0]?.lastActionAt ?? null;
  const query: NotificationQuery = newest
    ? { dismissed: false, after: newest }
    : { dismissed: false };
  await readAllPages(fetchPage, query, signal, (page) => replica.put(page.notifications));
  await replica.setMeta({ polledAt: now() });
}

/**
 * The Inbox's newest page read again as a page loads (a reload is someone asking what is true now): what is new
 * arrives, reads made elsewhere show, and what the replica holds in the page's span that the server no longer lists
 * in the Inbox (dismissed in Productive or on another device) leaves it, but for actions still settling here. One
 * request (more only when more is new than a page holds); the rest of the Inbox waits for the reconciliation.
 */
export async function refreshHead(
  replica: Replica,
  fetchPage: FetchPage,
  signal: AbortSignal,
  now: () => number = Date.now,
  /** The ids of actions waiting in the outbox (any tab's). */
  pending: () => ReadonlySet<string> = () => new Set(),
) {
  const started = now();
  const newestHeld = replica.all()[0]?.lastActionAt ?? null;
  const page = await fetchPage({ dismissed: false }, 1, signal);
  const listed = new Set(page.notifications.map((notification) => notification.id));
  const oldest = page.notifications.at(-1)?.lastActionAt;
  // What "no longer listed" means holds only for a page newest first, every record of it read.
  const times = page.notifications.map((notification) =>
    Date.parse(notification.lastActionAt ?? ''),
  );
  const inOrder =
    !page.skipped && times.every((time, index) => index === 0 || !(time > (times[index - 1] ?? 0)));
  // The page's span: everything when it is the whole Inbox, else what is newer than its last row (equal times may
  // sit on the next page).
  const spanStart = page.hasNextPage ? (oldest ? Date.parse(oldest) : Infinity) : -Infinity;
  // Actions still settling, this tab's and those waiting in the outbox (another tab's, or a held read).
  const keep = replica.editedSince(Math.min(started, now() - LOCAL_EDIT_HOLD_MS));
  for (const id of pending()) keep.add(id);
  const gone = replica
    .all()
    .filter(
      (notification) =>
        inOrder &&
        !notification.dismissed &&
        !listed.has(notification.id) &&
        !keep.has(notification.id) &&
        Date.parse(notification.lastActionAt ?? '') > spanStart,
    )
    .map((notification) => ({ ...notification, dismissed: true }));
  const fresh = page.notifications.filter((notification) => !keep.has(notification.id));
  await replica.put([...fresh, ...gone]);
  // More is new than one page holds: the rest of it, as a poll asks.
  if (page.hasNextPage && oldest && newestHeld && Date.parse(oldest) > Date.parse(newestHeld))
    await pollNew(replica, fetchPage, signal, now, newestHeld);
  else await replica.setMeta({ polledAt: now() });
}

/**
 * Whether two records read from JSON hold the same values. (React Query's `replaceEqualDeep` would do, but importing
 * it here makes the first screen's shared library chunk export it: bytes on the first screen for a lazy module.)
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every(
      (key) =>
        Object.hasOwn(b, key) &&
        sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** How many records are compared with the held ones in one task. */
const COMPARED_PER_TASK = 2000;

/**
 * The server's records, each the held object itself where nothing in it changed (a project learned before kept).
 * A reconciliation reads every record again: as new objects, each list on screen walked every field of all of them
 * in React Query's structural sharing (about 40 ms at 20,000, in one task, every five minutes). Compared here
 * instead, a slice per task, the views built from the replica hold the same objects and compare equal at once.
 */
async function heldWhereUnchanged(
  replica: Replica,
  records: readonly Notification[],
  signal: AbortSignal,
) {
  const result: Notification[] = [];
  for (let start = 0; start < records.length; start += COMPARED_PER_TASK) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    // This tab stopped leading meanwhile: the new leader reconciles.
    signal.throwIfAborted();
    for (const record of records.slice(start, start + COMPARED_PER_TASK)) {
      const held = replica.get(record.id);
      if (!held) {
        result.push(record);
        continue;
      }
      const learned =
        record.projectId === undefined && held.projectId !== undefined
          ? { ...record, projectId: held.projectId }
          : record;
      result.push(sameValue(held, learned) ? held : learned);
    }
  }
  return result;
}

/** The whole replica read again; what left the server's lists leaves it, but for actions still settling here. */
export async function reconcile(
  replica: Replica,
  fetchPage: FetchPage,
  signal: AbortSignal,
  now: () => number = Date.now,
) {
  const started = now();
  const inbox = await readAllPages(fetchPage, { dismissed: false }, signal);
  const dismissed = await readAllPages(fetchPage, recentDismissedQuery(started), signal);
  const records = await heldWhereUnchanged(replica, [...inbox, ...dismissed], signal);
  // After the comparison's tasks: an action taken meanwhile is kept too.
  const keep = replica.editedSince(Math.min(started, now() - LOCAL_EDIT_HOLD_MS));
  await replica.replaceAll(records, keep);
  await replica.setMeta({
    complete: true,
    loaded: inbox.length,
    total: inbox.length,
    reconciledAt: now(),
    polledAt: now(),
  });
}

/** How much slower the sync asks while something else (a bulk action) needs the rate budget. */
export const BACK_OFF_FACTOR = 4;

/** One step of the leader: whatever is due now. Returns whether it sent anything. */
export async function syncStep(
  replica: Replica,
  fetchPage: FetchPage,
  signal: AbortSignal,
  intervals: SyncIntervals,
  now: () => number = Date.now,
  backOff: () => boolean = () => false,
  /** Read the newest page again now, whenever it was last asked (a page just loaded: a reload shows what is true). */
  pollNow = false,
  pending?: () => ReadonlySet<string>,
): Promise<boolean> {
  await replica.loaded;
  const { meta } = replica;
  // While a bulk action runs it has the rate budget first: polling and reconciling back off to a quarter.
  const slower = backOff() ? BACK_OFF_FACTOR : 1;
  if (!meta.complete) await firstSync(replica, fetchPage, signal, now);
  else if (now() - meta.reconciledAt >= intervals.reconcileMs * slower)
    await reconcile(replica, fetchPage, signal, now);
  else if (pollNow) await refreshHead(replica, fetchPage, signal, now, pending);
  else if (now() - meta.polledAt >= intervals.pollMs * slower)
    await pollNew(replica, fetchPage, signal, now);
  else return false;
  return true;
}

const TICK_MS = 250;
const RETRY_MS = 5_000;
const syncLock = (scope: string) => `inbox.replica.sync:${scope}`;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Runs the sync in this tab whenever it is the leader: it asks for the lock while visible and lets it go when
 * hidden, so that a visible tab always syncs and only one does. Returns a stop function.
 */
export function startSync(
  replica: Replica,
  fetchPage: FetchPage,
  intervals: SyncIntervals,
  /** True while the sync should leave the rate budget to something else (a bulk action, docs/decisions/017). */
  backOff: () => boolean = () => false,
  /** The ids of actions waiting in the outbox (any tab's): a page load's re-read leaves them alone. */
  pending?: () => ReadonlySet<string>,
): () => void {
  let leading: AbortController | null = null;
  let stopped = false;

  // The first step this page leads asks what is new at once: a reload is someone asking for what is new.
  let firstStep = true;
  const lead = async (signal: AbortSignal) => {
    while (!signal.aborted) {
      try {
        const pollNow = firstStep;
        firstStep = false;
        const sent = await syncStep(
          replica,
          fetchPage,
          signal,
          intervals,
          Date.now,
          backOff,
          pollNow,
          pending,
        );
        if (!sent) await wait(TICK_MS, signal);
      } catch (error) {
        if (signal.aborted) return;
        // Offline, the server down or refusing: try again a little later (the list keeps what it holds).
        replica.reportFailure(error);
        await wait(Math.min(RETRY_MS, intervals.pollMs), signal);
      }
    }
  };

  const claim = () => {
    if (stopped || leading || document.visibilityState !== 'visible') return;
    const controller = new AbortController();
    leading = controller;
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) {
      void lead(controller.signal);
      return;
    }
    locks
      .request(syncLock(replica.scope), { signal: controller.signal }, () =>
        lead(controller.signal),
      )
      .catch(() => {
        // Aborted while waiting for the lock (hidden, stopped): nothing to do.
      });
  };
  const release = () => {
    leading?.abort();
    leading = null;
  };
  const onVisibility = () => (document.visibilityState === 'visible' ? claim() : release());

  document.addEventListener('visibilitychange', onVisibility);
  claim();
  return () => {
    stopped = true;
    release();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
