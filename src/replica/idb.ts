/**
 * The little of IndexedDB the replica needs, as promises: open a database of two stores, read all, write many in
 * one transaction, delete. No library: the replica's few calls do not need one (docs/decisions/016-replica.md).
 */

export const NOTIFICATIONS = 'notifications';
export const META = 'meta';
const VERSION = 1;

const requested = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const finished = (transaction: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = transaction.onerror = () =>
      reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });

/** Opens (creating if need be) one database; null where IndexedDB is missing or refused (private mode). */
export async function openDatabase(name: string): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const request = indexedDB.open(name, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(NOTIFICATIONS))
        db.createObjectStore(NOTIFICATIONS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    const db = await requested(request);
    // Another tab deleting it (sign-out, "Clear data on this device") must not wait for this one.
    db.onversionchange = () => db.close();
    return db;
  } catch {
    return null;
  }
}

export async function readAll<T>(db: IDBDatabase, store: string): Promise<T[]> {
  return requested(db.transaction(store, 'readonly').objectStore(store).getAll()) as Promise<T[]>;
}

export async function readValue<T>(
  db: IDBDatabase,
  store: string,
  key: string,
): Promise<T | undefined> {
  return requested(db.transaction(store, 'readonly').objectStore(store).get(key)) as Promise<
    T | undefined
  >;
}

/** Writes records (and deletes keys) in one transaction: all of it is on the device, or none. */
export async function writeMany(
  db: IDBDatabase,
  store: string,
  records: readonly unknown[],
  deleted: readonly string[] = [],
): Promise<void> {
  const transaction = db.transaction(store, 'readwrite');
  const objects = transaction.objectStore(store);
  for (const key of deleted) objects.delete(key);
  for (const record of records) objects.put(record);
  await finished(transaction);
}

export async function writeValue(
  db: IDBDatabase,
  store: string,
  key: string,
  value: unknown,
): Promise<void> {
  const transaction = db.transaction(store, 'readwrite');
  transaction.objectStore(store).put(value, key);
  await finished(transaction);
}

/** Deletes every database whose name starts with the prefix (and passes the test); missing support is no error. */
export async function deleteDatabases(
  prefix: string,
  keep: (name: string) => boolean = () => false,
): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  try {
    const names = (await indexedDB.databases()).flatMap((info) => info.name ?? []);
    await Promise.all(
      names
        .filter((name) => name.startsWith(prefix) && !keep(name))
        .map(
          (name) =>
            new Promise<void>((resolve) => {
              const request = indexedDB.deleteDatabase(name);
              request.onsuccess = request.onerror = request.onblocked = () => resolve();
            }),
        ),
    );
  } catch {
    // Unavailable: nothing was kept there.
  }
}
