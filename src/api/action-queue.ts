import { INBOX_ACTIONS, type InboxAction } from './inbox-actions.ts';
import { scopeHeaders } from './http.ts';
import { deviceKey, deviceStorage } from '../lib/device-data.ts';

/**
 * The durable action queue: every read, dismiss and restore is written here (local storage, synchronously) before
 * anything else happens, and leaves only once the server has answered it. A page that goes away (reload,
 * navigation, tab closed, browser quit) leaves its entries behind; the next page of the app to run adopts them and
 * sends them (see replay-queue.ts). A held read (docs/decisions/002) is an entry too, so it is never only in memory.
 *
 * Each entry belongs to the tab that made it while that tab lives: a tab holds a Web Lock named after itself, and
 * entries whose owner holds no lock any more are orphans that another tab may adopt.
 *
 * Replies wait here too (`kind: "comment"`, see comment-outbox.ts): the inbox's functions (`loadQueue`, `saveQueue`,
 * `adoptOrphans`, …) see and change only notification actions, and leave the replies as they are.
 *
 * Storage: one key per scope, `inbox.actions:SCOPE` (JSON array; src/lib/device-data.ts). `clearQueue()` removes it.
 */
export interface QueuedAction {
  /** Absent on notification actions (entries written before replies existed have none either). */
  kind?: undefined;
  key: string;
  ids: string[];
  action: InboxAction;
  /** A snooze's wake time (ISO with its offset). */
  wakeAt?: string;
  /** The tab that sends it. */
  owner: string;
  createdAt: number;
}

/**
 * A reply as this module sees it: its kind, key, tab and time. comment-queue.ts reads and writes it in full; here
 * it is only kept, adopted and removed.
 */
export interface QueuedReplyEntry {
  kind: 'comment';
  key: string;
  owner: string;
  createdAt: number;
  failure?: unknown;
}

export type QueueEntry = QueuedAction | QueuedReplyEntry;

/** This page's queue key: its scope's (backend and person), so no other's actions are ever sent from here. */
export const queueStorageKey = () => deviceKey('actions');
const TAB_LOCK_PREFIX = 'inbox.tab.';
const ADOPT_LOCK = 'inbox.actions.adopt';

const storage = () => (typeof window === 'undefined' ? null : deviceStorage);
export const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** This tab's name in the queue. */
export const thisTab = newId();

function isQueuedAction(value: unknown): value is QueuedAction {
  const entry = value as Partial<QueuedAction> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.kind === undefined &&
    typeof entry.key === 'string' &&
    typeof entry.owner === 'string' &&
    typeof entry.createdAt === 'number' &&
    typeof entry.action === 'string' &&
    (INBOX_ACTIONS as readonly string[]).includes(entry.action) &&
    (entry.action === 'snooze'
      ? typeof entry.wakeAt === 'string' && Number.isFinite(Date.parse(entry.wakeAt))
      : entry.wakeAt === undefined) &&
    Array.isArray(entry.ids) &&
    entry.ids.every((id) => typeof id === 'string')
  );
}

/** A reply's envelope (comment-queue.ts checks the rest). */
export function isReplyEntry(value: unknown): value is QueuedReplyEntry {
  const entry = value as Partial<QueuedReplyEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.kind === 'comment' &&
    typeof entry.key === 'string' &&
    typeof entry.owner === 'string' &&
    typeof entry.createdAt === 'number'
  );
}

const isQueueEntry = (value: unknown): value is QueueEntry =>
  isQueuedAction(value) || isReplyEntry(value);

const listeners = new Set<() => void>();
/** Calls back whenever this page changes the queue (another tab's changes arrive as storage events). */
export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every entry: notification actions and replies, oldest first. */
export function loadEntries(): QueueEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(queueStorageKey()) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isQueueEntry) : [];
  } catch {
    return [];
  }
}

/** Writes every entry; false when storage refused (full, or disabled). */
export function saveEntries(entries: readonly QueueEntry[]): boolean {
  const store = storage();
  if (!store) return false;
  try {
    if (entries.length === 0) store.removeItem(queueStorageKey());
    else store.setItem(queueStorageKey(), JSON.stringify(entries));
    return true;
  } catch {
    return false;
  } finally {
    for (const listener of [...listeners]) listener();
  }
}

/** The notification actions queued (replies are not among them). */
export function loadQueue(): QueuedAction[] {
  return loadEntries().filter(isQueuedAction);
}

/**
 * Writes the notification actions; false when storage refused (full, or disabled): the action still goes, from
 * memory. The replies queued stay as they are.
 */
export function saveQueue(entries: readonly QueuedAction[]): boolean {
  return saveEntries(
    [...loadEntries().filter(isReplyEntry), ...entries].sort((a, b) => a.createdAt - b.createdAt),
  );
}

export function clearQueue() {
  storage()?.removeItem(queueStorageKey());
  for (const listener of [...listeners]) listener();
}

/** Writes an action down before it is shown or sent; returns its key. */
export function enqueue(ids: readonly string[], action: InboxAction, wakeAt?: string): string {
  const entry: QueuedAction = {
    key: newId(),
    ids: [...ids],
    action,
    ...(wakeAt === undefined ? {} : { wakeAt }),
    owner: thisTab,
    createdAt: Date.now(),
  };
  saveQueue([...loadQueue(), entry]);
  return entry.key;
}

/** The server has answered the action or accepted the reply: it leaves the queue. */
export function completeQueued(key: string) {
  const entries = loadEntries();
  const rest = entries.filter((entry) => entry.key !== key);
  if (rest.length !== entries.length) saveEntries(rest);
}

/** Undo cancelled these held reads before they were sent: they leave this tab's read entries. */
export function cancelQueuedReads(ids: readonly string[]) {
  const cancelled = new Set(ids);
  const entries = loadQueue();
  const next = entries.flatMap((entry) => {
    if (entry.owner !== thisTab || entry.action !== 'read') return [entry];
    const left = entry.ids.filter((id) => !cancelled.has(id));
    return left.length ? [{ ...entry, ids: left }] : [];
  });
  saveQueue(next);
}

/** Holds this tab's lock for as long as the tab lives, so that no other tab adopts its entries meanwhile. */
export function claimThisTab() {
  if (typeof navigator === 'undefined' || !navigator.locks) return;
  void navigator.locks.request(`${TAB_LOCK_PREFIX}${thisTab}`, () => new Promise<never>(() => {}));
}

/**
 * Takes over the entries whose tab is gone (all of them, where Web Locks are missing): they become this tab's to
 * send. One tab at a time adopts, so no entry is adopted twice.
 */
export function adoptOrphans(): Promise<QueuedAction[]> {
  return adoptWhere(isQueuedAction);
}

/** Takes over the entries of one kind whose tab is gone (see adoptOrphans). */
export async function adoptWhere<T extends QueueEntry>(wanted: (entry: QueueEntry) => entry is T) {
  const adopt = (live: Set<string> | null) => {
    const adopted: T[] = [];
    const next = loadEntries().map((entry) => {
      if (
        !wanted(entry) ||
        entry.owner === thisTab ||
        live?.has(`${TAB_LOCK_PREFIX}${entry.owner}`)
      )
        return entry;
      const mine = { ...entry, owner: thisTab };
      adopted.push(mine);
      return mine;
    });
    if (adopted.length) saveEntries(next);
    return adopted;
  };
  if (typeof navigator === 'undefined' || !navigator.locks) return adopt(null);
  return navigator.locks.request(ADOPT_LOCK, async () => {
    const { held = [] } = await navigator.locks.query();
    return adopt(new Set(held.flatMap((lock) => (lock.name ? [lock.name] : []))));
  });
}

/**
 * The page is going away: this tab's reads still waiting out the undo window are sent now, with requests that
 * outlive the page (keepalive). They stay queued: the next page sends them again (a read is idempotent) in case
 * these never arrived.
 */
export function sendHeldReadsNow(apiBase: string) {
  for (const entry of loadQueue()) {
    if (entry.owner !== thisTab || entry.action !== 'read') continue;
    for (const id of entry.ids) {
      void fetch(`${apiBase}/notifications/${encodeURIComponent(id)}/read`, {
        method: 'PATCH',
        headers: {
          Accept: 'application/vnd.api+json',
          'Content-Type': 'application/vnd.api+json',
          ...scopeHeaders(),
        },
        keepalive: true,
      }).catch(() => {});
    }
  }
}
