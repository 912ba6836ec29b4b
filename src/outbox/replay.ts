import type { QueryClient } from '@tanstack/react-query';
import type { useToast } from '../components/toasts.tsx';
import type { OutboxEntry } from './entry.ts';
import { adoptOrphans, loadEntries, subscribe, tabLock, thisTab } from './store.ts';

/** What a sender works with: the page's query client, and its toasts for saying what the server refused. */
export interface OutboxContext {
  queryClient: QueryClient;
  showToast: ReturnType<typeof useToast>;
}

/** One kind of entry, as its feature sends it. */
export interface Sender<P> {
  kind: string;
  /** The payload as stored, checked; null when it is not one (such an entry is kept and never sent). */
  read: (payload: unknown) => P | null;
  /**
   * Sends an entry this tab adopted; settles once the server has answered. The sender completes the entry (or
   * notes its refusal) and says what failed.
   */
  send: (entry: OutboxEntry<P>, context: OutboxContext) => Promise<void>;
  /**
   * Once, when the loop starts: e.g. shows on the lists what is still queued. `firstReplay` settles when the
   * entries adopted at start have been answered. Returns what to undo when the loop stops.
   */
  start?: (context: OutboxContext, firstReplay: Promise<void>) => (() => void) | undefined;
}

/** A sender, or where to load it from: its code is downloaded only when an entry of its kind is to be adopted. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sender reads its own payload
export type SenderSource = Sender<any> | { kind: string; load: () => Promise<Sender<any>> };

const hasLocks = () => typeof navigator !== 'undefined' && Boolean(navigator.locks);

/**
 * The one replay loop, for the page's life in one scope: it adopts the entries whose tab is gone and hands each to
 * its kind's sender, oldest first. It runs at start, and again whenever a tab with entries waiting goes away: it
 * waits on that tab's Web Lock, which is released when the tab closes (where Web Locks are missing, every other
 * tab's entries are adopted at start). Returns a function that stops it.
 *
 * Read-only tokens: the sender decides whether an entry may be sent at all (the write-access check belongs in
 * each kind's `send`, before its request), so a refused write is reported once, not retried.
 */
export function startOutbox(context: OutboxContext, sources: readonly SenderSource[]): () => void {
  const stopping = new AbortController();
  const loading = new Map<string, Promise<Sender<unknown> | null>>();
  const senderOf = (kind: string): Promise<Sender<unknown> | null> => {
    const source = sources.find((candidate) => candidate.kind === kind);
    if (!source) return Promise.resolve(null);
    if (!('load' in source)) return Promise.resolve(source);
    let sender = loading.get(kind);
    if (!sender) {
      // Its code could not be downloaded (the server is away): the next replay tries again.
      sender = source.load().catch(() => {
        loading.delete(kind);
        return null;
      });
      loading.set(kind, sender);
    }
    return sender;
  };

  async function replay(): Promise<void> {
    if (stopping.signal.aborted) return;
    const kinds = new Set(
      loadEntries()
        .filter((entry) => entry.owner !== thisTab && entry.failure === null)
        .map((entry) => entry.kind),
    );
    const senders = new Map<string, Sender<unknown>>();
    for (const kind of kinds) {
      const sender = await senderOf(kind);
      if (sender) senders.set(kind, sender);
    }
    if (senders.size === 0 || stopping.signal.aborted) return;
    const adopted = await adoptOrphans((entry) => {
      const sender = senders.get(entry.kind);
      return sender !== undefined && sender.read(entry.payload) !== null;
    });
    await Promise.all(
      adopted.map((entry) => {
        const sender = senders.get(entry.kind) as Sender<unknown>;
        const payload = sender.read(entry.payload);
        return sender.send({ ...entry, payload }, context).catch(() => {});
      }),
    );
  }

  // Each other tab with entries waiting: when its lock is released (the tab closed), replay.
  const watched = new Set<string>();
  function watchOwners() {
    if (!hasLocks() || stopping.signal.aborted) return;
    for (const { owner, failure } of loadEntries()) {
      if (owner === thisTab || failure !== null || watched.has(owner)) continue;
      watched.add(owner);
      navigator.locks
        // Granted once that tab is gone; the promise settles after this tab lets the lock go again, so the
        // adoption that follows no longer sees the lock held.
        .request(tabLock(owner), { signal: stopping.signal }, () => {})
        .then(() => {
          watched.delete(owner);
          return replay();
        })
        .catch(() => {});
    }
  }

  const firstReplay = replay();
  const stops = sources.flatMap((source) =>
    'start' in source && source.start ? [source.start(context, firstReplay)] : [],
  );
  watchOwners();
  // Another tab wrote: watch the tabs that now have entries waiting. (Without Web Locks a live tab cannot be told
  // from a gone one: only what was left before this page started is adopted.)
  const unsubscribe = subscribe(({ elsewhere }) => {
    if (elsewhere) watchOwners();
  });
  return () => {
    stopping.abort();
    unsubscribe();
    for (const stop of stops) stop?.();
  };
}
