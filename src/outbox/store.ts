import { deviceStorage } from '../lib/device-data.ts';
import { readEntry, type OutboxEntry } from './entry.ts';
import { outboxKey } from './waiting.ts';

/**
 * The outbox's store: every entry of this scope in one local-storage key (`inbox.actions:SCOPE`, a JSON array,
 * oldest first; src/lib/device-data.ts clears it on sign-out and drops another scope's at start). Each change is
 * written synchronously, so an entry is on the device before its action is shown or sent.
 *
 * Tabs: each tab holds a Web Lock named after itself for as long as it lives (`claimThisTab`); an entry whose
 * owner holds no lock is an orphan, and one tab at a time adopts orphans (`adoptOrphans`) under a second lock.
 * See docs/decisions/011-one-outbox.md.
 */

export { outboxKey };
const TAB_LOCK_PREFIX = 'inbox.tab.';
const ADOPT_LOCK = 'inbox.actions.adopt';

/** The Web Lock a tab holds while it lives. */
export const tabLock = (tab: string) => `${TAB_LOCK_PREFIX}${tab}`;

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** This tab's name in the outbox. */
export const thisTab = newKey();

/** A change to the outbox: made by this page, or seen in another tab's write (a storage event). */
export interface OutboxChange {
  elsewhere: boolean;
  /** Keys of the entries that left the outbox (answered, cancelled). */
  removed: string[];
}
type Listener = (change: OutboxChange) => void;
const listeners = new Set<Listener>();

function tell(change: OutboxChange) {
  for (const listener of [...listeners]) listener(change);
}

const keysOf = (entries: readonly OutboxEntry[]) => new Set(entries.map((entry) => entry.key));
const removedBetween = (before: readonly OutboxEntry[], after: readonly OutboxEntry[]) => {
  const left = keysOf(after);
  return before.flatMap((entry) => (left.has(entry.key) ? [] : [entry.key]));
};

function parse(text: string | null): OutboxEntry[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(parsed) ? parsed.flatMap((value) => readEntry(value) ?? []) : [];
  } catch {
    return [];
  }
}

// The one watcher of other tabs' writes: a storage event on this scope's key, while anyone listens.
const onStorage = (event: StorageEvent) => {
  if (event.key !== outboxKey() && event.key !== null) return;
  tell({ elsewhere: true, removed: removedBetween(parse(event.oldValue), parse(event.newValue)) });
};

/** Calls back on every change to the outbox, this page's and other tabs'. */
export function subscribe(listener: Listener): () => void {
  if (listeners.size === 0 && typeof window !== 'undefined')
    window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined')
      window.removeEventListener('storage', onStorage);
  };
}

/** Every entry, oldest first. */
export function loadEntries(): OutboxEntry[] {
  return parse(deviceStorage.getItem(outboxKey()));
}

/** This page's snapshot of the stored outbox, for useSyncExternalStore. */
export const storedOutbox = () => deviceStorage.getItem(outboxKey()) ?? '';

/** The entries of one kind whose payload its reader accepts (the others are kept, never read). */
export function entriesOf<P>(kind: string, read: (payload: unknown) => P | null): OutboxEntry<P>[] {
  return loadEntries().flatMap((entry) => {
    if (entry.kind !== kind) return [];
    const payload = read(entry.payload);
    return payload === null ? [] : [{ ...entry, payload }];
  });
}

/** Writes every entry; false when storage refused (full, or disabled): what was being sent still goes, from memory. */
function save(before: readonly OutboxEntry[], entries: readonly OutboxEntry[]): boolean {
  let saved = false;
  try {
    if (entries.length === 0) deviceStorage.removeItem(outboxKey());
    else deviceStorage.setItem(outboxKey(), JSON.stringify(entries));
    saved = true;
  } catch {
    saved = false;
  }
  tell({ elsewhere: false, removed: removedBetween(before, entries) });
  return saved;
}

/**
 * Writes something to send, before it is shown or sent; it belongs to this tab. Returns the entry (kept in memory
 * and sent even when storage refused it).
 */
export function enqueue<P extends object>(kind: string, payload: P): OutboxEntry<P> {
  const entry: OutboxEntry<P> = {
    kind,
    key: newKey(),
    owner: thisTab,
    createdAt: Date.now(),
    payload,
    failure: null,
  };
  const before = loadEntries();
  save(before, [...before, entry]);
  return entry;
}

/** The server has answered it (or the person took it back): it leaves the outbox. */
export function complete(key: string): void {
  const before = loadEntries();
  const rest = before.filter((entry) => entry.key !== key);
  if (rest.length !== before.length) save(before, rest);
}

/** Changes one entry (its failure, owner or payload); returns it as now stored, or null when it is gone. */
export function update(
  key: string,
  change: Partial<Pick<OutboxEntry, 'failure' | 'owner' | 'payload'>>,
): OutboxEntry | null {
  let updated: OutboxEntry | null = null;
  const before = loadEntries();
  const after = before.map((entry) => {
    if (entry.key !== key) return entry;
    updated = { ...entry, ...change };
    return updated;
  });
  if (updated) save(before, after);
  return updated;
}

/** Rewrites every entry at once: `change` returns the entry as it should be, or null to remove it. */
export function rewrite(change: (entry: OutboxEntry) => OutboxEntry | null): void {
  const before = loadEntries();
  const after = before.flatMap((entry) => change(entry) ?? []);
  if (after.length !== before.length || after.some((entry, index) => entry !== before[index]))
    save(before, after);
}

const claimedWith = new WeakSet<LockManager>();
/**
 * Holds this tab's lock for as long as the tab lives, so that no other tab adopts its entries meanwhile. Asked for
 * as this module loads (below), before this tab can write or adopt an entry; asking again does nothing.
 */
export function claimThisTab(): void {
  if (typeof navigator === 'undefined' || !navigator.locks) return;
  if (claimedWith.has(navigator.locks)) return;
  claimedWith.add(navigator.locks);
  void navigator.locks.request(tabLock(thisTab), () => new Promise<never>(() => {}));
}
claimThisTab();

/** The tabs that hold their lock now; null where Web Locks are missing. */
async function liveTabs(): Promise<Set<string> | null> {
  if (typeof navigator === 'undefined' || !navigator.locks) return null;
  const { held = [] } = await navigator.locks.query();
  return new Set(held.flatMap((lock) => (lock.name ? [lock.name] : [])));
}

/**
 * Takes over the wanted entries whose tab is gone (all other tabs' where Web Locks are missing), never a refused
 * one: they become this tab's to send. One tab adopts at a time, so no entry is adopted twice.
 */
export function adoptOrphans(
  wanted: (entry: OutboxEntry) => boolean = () => true,
): Promise<OutboxEntry[]> {
  const adopt = (live: Set<string> | null) => {
    const adopted: OutboxEntry[] = [];
    const before = loadEntries();
    const after = before.map((entry) => {
      if (
        entry.owner === thisTab ||
        entry.failure !== null ||
        live?.has(tabLock(entry.owner)) ||
        !wanted(entry)
      )
        return entry;
      const mine = { ...entry, owner: thisTab };
      adopted.push(mine);
      return mine;
    });
    if (adopted.length) save(before, after);
    return adopted.sort((a, b) => a.createdAt - b.createdAt);
  };
  if (typeof navigator === 'undefined' || !navigator.locks) return Promise.resolve(adopt(null));
  return navigator.locks.request(ADOPT_LOCK, async () => adopt(await liveTabs()));
}
