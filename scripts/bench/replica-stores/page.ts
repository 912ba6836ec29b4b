/**
 * The browser side of scripts/bench/replica-stores.ts: the replica's four store operations through each
 * library, timed in the page. Bundled by the script and loaded into Chromium; exposes `window.replicaStores`.
 */
import {
  createCollection,
  createIndexedDB,
  createTransaction,
  indexedDBCollectionOptions,
} from '@tanstack/db';
import { Dexie } from 'dexie';
import { deleteDB, openDB } from 'idb';
import type { Notification } from '../../../src/api/notifications.ts';
import { NOTIFICATIONS, openDatabase, readAll, writeMany } from '../../../src/replica/idb.ts';
import { notificationRecords, syncPage } from './records.ts';

/** One library's way of doing what the replica does; each call is one transaction (or the library's bulk call). */
interface Handle {
  writeAll(records: Notification[]): Promise<void>;
  /** The put of a sync page: new records and changed ones, into a store that holds others. */
  put(records: Notification[]): Promise<void>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

interface Store {
  /** Opens the database and reads every record (what a page load does before the first view). */
  openAndReadAll(name: string): Promise<{ handle: Handle; count: number }>;
  remove(name: string): Promise<void>;
}

const deleted = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
  });

/** (a) The app's own wrapper, src/replica/idb.ts, as src/replica/store.ts uses it. */
const wrapper: Store = {
  async openAndReadAll(name) {
    const db = await openDatabase(name);
    if (!db) throw new Error('IndexedDB refused');
    const records = await readAll<Notification>(db, NOTIFICATIONS);
    const handle: Handle = {
      writeAll: (all) => writeMany(db, NOTIFICATIONS, all),
      put: (page) => writeMany(db, NOTIFICATIONS, page),
      clear: () =>
        new Promise<void>((resolve, reject) => {
          const transaction = db.transaction(NOTIFICATIONS, 'readwrite');
          transaction.objectStore(NOTIFICATIONS).clear();
          transaction.oncomplete = () => resolve();
          transaction.onerror = () =>
            reject(transaction.error ?? new Error('IndexedDB clear failed'));
        }),
      close: async () => db.close(),
    };
    return { handle, count: records.length };
  },
  remove: deleted,
};

/** (b) Dexie 4: one table keyed by id, `bulkPut`, `toArray`, `clear`. */
const dexie: Store = {
  async openAndReadAll(name) {
    const db = new Dexie(name);
    db.version(1).stores({ [NOTIFICATIONS]: 'id' });
    const table = db.table<Notification, string>(NOTIFICATIONS);
    const records = await table.toArray();
    const handle: Handle = {
      writeAll: async (all) => void (await table.bulkPut(all)),
      put: async (page) => void (await table.bulkPut(page)),
      clear: () => table.clear(),
      close: async () => db.close(),
    };
    return { handle, count: records.length };
  },
  remove: (name) => Dexie.delete(name),
};

/** (c) idb 8: promises over the same calls as the wrapper (`getAll`, puts in one transaction, `clear`). */
const idb: Store = {
  async openAndReadAll(name) {
    const db = await openDB(name, 1, {
      upgrade: (database) => void database.createObjectStore(NOTIFICATIONS, { keyPath: 'id' }),
    });
    const records = (await db.getAll(NOTIFICATIONS)) as Notification[];
    const putAll = async (all: Notification[]) => {
      const transaction = db.transaction(NOTIFICATIONS, 'readwrite');
      for (const record of all) void transaction.store.put(record);
      await transaction.done;
    };
    const handle: Handle = {
      writeAll: putAll,
      put: putAll,
      clear: () => db.clear(NOTIFICATIONS),
      close: async () => db.close(),
    };
    return { handle, count: records.length };
  },
  remove: (name) => deleteDB(name),
};

/**
 * (d) TanStack DB's IndexedDB collection (in @tanstack/db): the collection loads every row into memory when it
 * starts; inserts and updates are optimistic transactions persisted to IndexedDB (with a version row each).
 */
const tanstack: Store = {
  async openAndReadAll(name) {
    const instance = await createIndexedDB({ name, version: 1, stores: [NOTIFICATIONS] });
    const collection = createCollection(
      indexedDBCollectionOptions<Notification, string>({
        db: instance,
        name: NOTIFICATIONS,
        getKey: (record) => record.id,
      }),
    );
    const records = await collection.toArrayWhenReady();
    const handle: Handle = {
      async writeAll(all) {
        await collection.insert(all).isPersisted.promise;
      },
      // One transaction: the new records inserted, the held ones updated (an insert of a held key throws).
      async put(page) {
        const transaction = createTransaction({
          autoCommit: false,
          mutationFn: ({ transaction }) => collection.utils.acceptMutations(transaction),
        });
        const fresh = page.filter((record) => !collection.has(record.id));
        const held = page.filter((record) => collection.has(record.id));
        const changes = new Map(held.map((record) => [record.id, record]));
        transaction.mutate(() => {
          if (fresh.length) collection.insert(fresh);
          if (held.length)
            collection.update([...changes.keys()], (drafts) => {
              for (const draft of drafts) Object.assign(draft, changes.get(draft.id));
            });
        });
        await transaction.commit();
      },
      clear: () => collection.utils.clearObjectStore(),
      async close() {
        await collection.cleanup();
        instance.close();
      },
    };
    return { handle, count: records.length };
  },
  remove: deleted,
};

export const STORES = { wrapper, dexie, idb, tanstack } as const;
export type StoreName = keyof typeof STORES;

export interface RunFigures {
  writeAllMs: number;
  readAllMs: number;
  putPageMs: number;
  clearMs: number;
  /** IndexedDB's usage for the origin after writing, less before (navigator.storage.estimate()). */
  bytes: number;
}

const usage = async () => (await navigator.storage.estimate()).usage ?? 0;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/**
 * One run: write N into a new database, reopen and read all, put a sync page, delete all, remove it; each step
 * checked by reading the database again (untimed).
 */
export async function run(
  storeName: StoreName,
  count: number,
  runIndex: number,
): Promise<RunFigures> {
  const store = STORES[storeName];
  const name = `bench.replica-stores:${storeName}:${runIndex}`;
  const records = notificationRecords(count);
  const page = syncPage(count);
  const before = await usage();

  const empty = await store.openAndReadAll(name);
  const [, writeAllMs] = await timed(() => empty.handle.writeAll(records));
  await empty.handle.close();
  const bytes = (await usage()) - before;

  const [opened, readAllMs] = await timed(() => store.openAndReadAll(name));
  if (opened.count !== count) throw new Error(`${storeName} read ${opened.count} of ${count}`);
  const [, putPageMs] = await timed(() => opened.handle.put(page));
  await opened.handle.close();

  // Not timed: the page is on disk (its new half added to what was held), then delete all.
  const reopened = await store.openAndReadAll(name);
  const expected = count + page.filter((record) => Number(record.id) > count).length;
  if (reopened.count !== expected)
    throw new Error(`${storeName} holds ${reopened.count} after the page, not ${expected}`);
  const [, clearMs] = await timed(() => reopened.handle.clear());
  await reopened.handle.close();
  const cleared = await store.openAndReadAll(name);
  await cleared.handle.close();
  if (cleared.count !== 0)
    throw new Error(`${storeName} holds ${cleared.count} after deleting all`);
  await store.remove(name);
  return { writeAllMs, readAllMs, putPageMs, clearMs, bytes };
}

declare global {
  interface Window {
    replicaStores: { run: typeof run };
  }
}
window.replicaStores = { run };
