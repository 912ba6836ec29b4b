import type { Notification } from '../api/notifications.ts';
import {
  deleteDatabases,
  META,
  NOTIFICATIONS,
  openDatabase,
  readAll,
  readValue,
  writeMany,
  writeValue,
} from './idb.ts';
import { isDeviceCleared } from '../lib/device-cleared.ts';
import { newerFirst } from './view.ts';

/**
 * The replica: every notification of the person's Inbox and the dismissed ones of the last 30 days, in
 * IndexedDB (database `inbox.replica:SCOPE`), mirrored in memory for views, counts and search. Every tab holds
 * one; one of them syncs it (sync.ts), and each write is told to the others over a BroadcastChannel so that
 * their memory follows without reading the database again. See docs/decisions/016-replica.md.
 */

export const DATABASE_PREFIX = 'inbox.replica:';
export const databaseName = (scope: string) => `${DATABASE_PREFIX}${scope}`;

/** Where the sync stands, kept with the replica so that every tab (and the next visit) knows it. */
export interface SyncMeta {
  /** False until the first sync has read the whole Inbox and the recent dismissed ones. */
  complete: boolean;
  /** During the first sync: how many of the Inbox's notifications are held, and how many it has. */
  loaded: number;
  total: number | null;
  /** When the replica was last read whole from the server (ms), and when this was last asked what is new. */
  reconciledAt: number;
  polledAt: number;
}

export const EMPTY_META: SyncMeta = {
  complete: false,
  loaded: 0,
  total: null,
  reconciledAt: 0,
  polledAt: 0,
};

type Message =
  | { type: 'put'; notifications: Notification[]; removed: string[] }
  | { type: 'meta'; meta: SyncMeta };

export type ReplicaListener = (change: { ids: string[] | null }) => void;

export class Replica {
  readonly scope: string;
  private readonly byId = new Map<string, Notification>();
  private sorted: Notification[] | null = null;
  private db: IDBDatabase | null = null;
  private channel: BroadcastChannel | null = null;
  private readonly listeners = new Set<ReplicaListener>();
  private closed = false;
  /** When each notification was last changed by an action here (what a reconciliation leaves alone). */
  private readonly edits = new Map<string, number>();
  meta: SyncMeta = EMPTY_META;
  /** Settles once the replica holds what the device had (nothing, on a first visit). */
  readonly loaded: Promise<void>;
  /** Settles once there is something to show: the device's copy, or the first page of a first sync. */
  readonly usable: Promise<void>;
  private markUsable: () => void = () => {};
  /** Bumped on every change: what React Query keys and memos follow. */
  version = 0;

  constructor(scope: string) {
    this.scope = scope;
    this.usable = new Promise((resolve) => (this.markUsable = resolve));
    this.loaded = this.load();
    try {
      this.channel = new BroadcastChannel(databaseName(scope));
      this.channel.onmessage = (event: MessageEvent<Message>) => this.hear(event.data);
    } catch {
      this.channel = null;
    }
  }

  private async load() {
    const db = isDeviceCleared() ? null : await openDatabase(databaseName(this.scope));
    // Closed while it opened, or the device was cleared meanwhile: nothing is written back to the device.
    if (this.closed || isDeviceCleared()) {
      db?.close();
      return;
    }
    this.db = db;
    // No IndexedDB here (private mode): the replica lives in memory, usable once the sync's first page is in.
    if (!this.db) return;
    try {
      const [records, meta] = await Promise.all([
        readAll<Notification>(this.db, NOTIFICATIONS),
        readValue<SyncMeta>(this.db, META, 'sync'),
      ]);
      // What was put or heard from another tab while the disk was read is newer than the disk's copy of it.
      for (const record of records) if (!this.byId.has(record.id)) this.byId.set(record.id, record);
      this.meta = { ...EMPTY_META, ...meta };
      if (records.length > 0 || this.meta.complete) this.markUsable();
      this.changed(null);
    } catch {
      // Unreadable: start empty, the sync fills it.
    }
  }

  private readonly failureListeners = new Set<(error: unknown) => void>();

  /** A sync that failed before anything was held: whoever waits for the first rows hears why. */
  reportFailure(error: unknown) {
    if (this.size > 0 || this.meta.complete) return;
    for (const listener of [...this.failureListeners]) listener(error);
  }

  /** The first rows, or the reason the sync could not get them. */
  whenUsable(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onFailure = (error: unknown) => {
        this.failureListeners.delete(onFailure);
        reject(error instanceof Error ? error : new Error('The inbox could not be loaded.'));
      };
      this.failureListeners.add(onFailure);
      void this.usable.then(() => {
        this.failureListeners.delete(onFailure);
        resolve();
      });
    });
  }

  /** Every notification held, newest first (the array is kept until the next change). */
  all(): readonly Notification[] {
    this.sorted ??= [...this.byId.values()].sort(newerFirst);
    return this.sorted;
  }

  get(id: string): Notification | undefined {
    return this.byId.get(id);
  }

  get size() {
    return this.byId.size;
  }

  subscribe(listener: ReplicaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(ids: string[] | null) {
    this.sorted = null;
    this.version++;
    for (const listener of [...this.listeners]) listener({ ids });
  }

  private tell(message: Message) {
    try {
      this.channel?.postMessage(message);
    } catch {
      // Closed: this page is going away or cleared.
    }
  }

  private hear(message: Message) {
    if (this.closed || !message) return;
    if (message.type === 'put') {
      for (const notification of message.notifications)
        this.byId.set(notification.id, notification);
      for (const id of message.removed) this.byId.delete(id);
      if (message.notifications.length) this.markUsable();
      this.changed([...message.notifications.map((n) => n.id), ...message.removed]);
    } else if (message.type === 'meta') {
      this.meta = message.meta;
      this.changed([]);
    }
  }

  /** Holds these notifications as given (the server's answer, a page of the sync), in memory, on disk, in every tab. */
  async put(given: readonly Notification[], removed: readonly string[] = []) {
    if (this.closed || (given.length === 0 && removed.length === 0)) return;
    // What was known and the answer does not say stays known: a project learned before (the API's records never
    // carry it), and what the answer to an action leaves out (its actor is not included: a row read here must not
    // lose its sender).
    const notifications = given.map((notification) => {
      const known = this.byId.get(notification.id);
      if (!known) return notification;
      const kept: Partial<Notification> = {};
      for (const [key, value] of Object.entries(known) as [keyof Notification, unknown][])
        if (notification[key] === undefined && value !== undefined)
          (kept as Record<string, unknown>)[key] = value;
      if (notification.actor === null && known.actor) kept.actor = known.actor;
      return Object.keys(kept).length ? { ...notification, ...kept } : notification;
    });
    for (const notification of notifications) this.byId.set(notification.id, notification);
    for (const id of removed) this.byId.delete(id);
    if (notifications.length) this.markUsable();
    this.changed([...notifications.map((n) => n.id), ...removed]);
    this.tell({ type: 'put', notifications: [...notifications], removed: [...removed] });
    if (this.db) await writeMany(this.db, NOTIFICATIONS, notifications, removed).catch(() => {});
  }

  /** An action applied at once (optimistic); returns the notifications as they were, to put back on failure. */
  apply(
    ids: readonly string[],
    change: (notification: Notification) => Notification,
  ): Notification[] {
    const before: Notification[] = [];
    const after: Notification[] = [];
    for (const id of ids) {
      const notification = this.byId.get(id);
      if (!notification) continue;
      before.push(notification);
      this.edits.set(id, Date.now());
      after.push(change(notification));
    }
    void this.put(after);
    return before;
  }

  /** The notifications an action changed here since then. */
  editedSince(since: number): Set<string> {
    const ids = new Set<string>();
    for (const [id, at] of this.edits) if (at >= since) ids.add(id);
    return ids;
  }

  /**
   * The whole replica replaced by what the server now says (a reconciliation), but for the notifications changed
   * here meanwhile (`keep`): their local state stands until their own answer corrects it. The records come as the
   * sync prepared them (sync.ts): a project learned here kept, an unchanged one the held object itself. Only what
   * differs from what is held is written and told to the other tabs: writing all 20,000 again held the page for
   * about 0.4 s every five minutes.
   */
  async replaceAll(notifications: readonly Notification[], keep: ReadonlySet<string>) {
    if (this.closed) return;
    const next = new Map(notifications.map((notification) => [notification.id, notification]));
    for (const id of keep) {
      const local = this.byId.get(id);
      if (local) next.set(id, local);
    }
    const written = [...next.values()].filter((record) => this.byId.get(record.id) !== record);
    const removed = [...this.byId.keys()].filter((id) => !next.has(id));
    // Nothing changed: no view in any tab is worked out again.
    if (!written.length && !removed.length) return;
    this.byId.clear();
    for (const [id, notification] of next) this.byId.set(id, notification);
    this.markUsable();
    this.changed(null);
    this.tell({ type: 'put', notifications: written, removed });
    if (this.db) await writeMany(this.db, NOTIFICATIONS, written, removed).catch(() => {});
  }

  async setMeta(meta: Partial<SyncMeta>) {
    if (this.closed) return;
    this.meta = { ...this.meta, ...meta };
    this.changed([]);
    this.tell({ type: 'meta', meta: this.meta });
    if (this.db) await writeValue(this.db, META, 'sync', this.meta).catch(() => {});
  }

  /** Stops reading and writing (sign-out, device cleared, another scope): nothing more reaches the disk. */
  close() {
    this.closed = true;
    this.channel?.close();
    this.channel = null;
    this.db?.close();
    this.db = null;
  }
}

let current: Replica | null = null;

/** This page's replica, for its scope (the app opens it once the scope is known). */
export function openReplica(scope: string): Replica {
  if (current?.scope !== scope) {
    current?.close();
    current = new Replica(scope);
  }
  return current;
}

/** The replica this page opened, if any. */
export const currentReplica = (): Replica | null => current;

/** At start: the replicas of every other scope are removed before anything can read them. */
export const deleteOtherReplicas = (scope: string) =>
  deleteDatabases(DATABASE_PREFIX, (name) => name === databaseName(scope));

/** Sign-out, "Clear data on this device": this page's replica closes and every replica on the device goes. */
export async function deleteAllReplicas() {
  current?.close();
  current = null;
  await deleteDatabases(DATABASE_PREFIX);
}
