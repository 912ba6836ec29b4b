import { chmodSync, existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { schemaSql, SCHEMA_VERSION, tables } from './schema.ts';

export type Database = DatabaseSync;

/**
 * The SQLite files this process has open. SQLite's locks are POSIX advisory locks, which belong to the process and
 * are dropped when ANY descriptor of the file closes: a second connection (or a stray open and close) to a file
 * already open here would silently drop the first one's locks, and an outside reader could then delete the live
 * -wal and -shm (losing acknowledged writes). So each file is opened once per process, through these functions.
 */
const openFiles = new Set<string>();

/** The path that names a file however it is written (relative, through links), for openFiles. */
function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

/**
 * Opens a SQLite file in WAL mode, readable and writable by this user only: the file is created 0600 (or set so)
 * before the first connection, and SQLite gives -wal and -shm the mode of the database file. Never opens a
 * descriptor on a file that is already open (see openFiles). Throws a StorageOpenError naming the file and the
 * cause when it cannot be opened.
 */
function openFile(path: string, { directoryMode }: { directoryMode?: number } = {}): Database {
  if (path === ':memory:') return configure(new DatabaseSync(path));
  const key = canonical(path);
  if (openFiles.has(key)) {
    throw new Error(
      `${path} is already open in this process: share its connection instead of opening it again`,
    );
  }
  let db: DatabaseSync;
  try {
    makeDirectory(dirname(path), directoryMode);
    // Modes first, with no descriptor left open: a new file is created 0600; an existing one (and any -wal or -shm
    // left by a previous run) is set to 0600 without being opened.
    if (!existsSync(path)) writeFileSync(path, '', { mode: 0o600, flag: 'wx' });
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      if (existsSync(file)) chmodSync(file, 0o600);
    }
    db = configure(new DatabaseSync(path));
  } catch (error) {
    throw new StorageOpenError(path, error);
  }
  openFiles.add(key);
  const close = db.close.bind(db);
  db.close = () => {
    openFiles.delete(key);
    close();
  };
  return db;
}

/**
 * mkdir -p, one directory at a time: Node's recursive mkdirSync says ENOENT where the disk is read-only (EROFS),
 * which would name the wrong cause.
 */
export function makeDirectory(directory: string, mode?: number): void {
  if (existsSync(directory)) return;
  const parent = dirname(directory);
  if (parent !== directory) makeDirectory(parent, mode);
  try {
    mkdirSync(directory, mode ? { mode } : {});
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
}

function configure(db: DatabaseSync): DatabaseSync {
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  return db;
}

/** A SQLite file that could not be opened: the message is one line naming the file and the cause. */
export class StorageOpenError extends Error {
  constructor(path: string, cause: unknown) {
    super(`Cannot open ${path}: ${describeStorageError(cause)}`, { cause });
    this.name = 'StorageOpenError';
  }
}

/** SQLite's and the file system's complaints, said in a few words (never a stack). */
export function describeStorageError(error: unknown): string {
  const { code, errcode, message } = (error ?? {}) as {
    code?: string;
    errcode?: number;
    message?: string;
  };
  const primary = typeof errcode === 'number' ? errcode & 0xff : undefined;
  if (primary === 13 || code === 'ENOSPC') return 'the disk is full (database or disk is full)';
  if (primary === 8 || code === 'EROFS') return 'the file or its disk is read-only';
  if (code === 'EACCES' || code === 'EPERM' || primary === 23) {
    return 'permission denied (the server’s user cannot write it)';
  }
  if (primary === 10)
    return `the disk could not be read or written (${message ?? 'disk I/O error'})`;
  if (primary === 14) return 'the file or its directory cannot be opened';
  return (message ?? String(error)).split('\n')[0] ?? 'unknown error';
}

/**
 * Whether an error is the storage failing (a full, read-only or broken disk) rather than a bug: SQLite's FULL,
 * IOERR, READONLY, CANTOPEN, BUSY and LOCKED, or the file system's ENOSPC and EROFS.
 */
export function isStorageError(error: unknown): boolean {
  const { code, errcode } = (error ?? {}) as { code?: string; errcode?: number };
  if (code === 'ENOSPC' || code === 'EROFS' || code === 'EIO') return true;
  if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return false;
  return [5, 6, 8, 10, 13, 14].includes(errcode & 0xff);
}

/** Opens (creating if needed) the demo database in WAL mode with the schema applied. */
export function openDatabase(path: string): Database {
  const db = openFile(path);
  try {
    dropIfOutdated(db);
    db.exec(schemaSql);
  } catch (error) {
    db.close();
    throw path === ':memory:' ? error : new StorageOpenError(path, error);
  }
  return db;
}

/** A demo database from an older schema is rebuilt: its content is generated, never the user's own. */
function dropIfOutdated(db: Database) {
  const hasMeta = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
    .get();
  if (!hasMeta) return;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
    { value: string } | undefined;
  if (row && row.value !== String(SCHEMA_VERSION)) {
    for (const table of tables) db.exec(`DROP TABLE IF EXISTS ${table}`);
  }
}

export function isSeeded(db: Database): boolean {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
    { value: string } | undefined;
  return row?.value === String(SCHEMA_VERSION);
}

export function markSeeded(db: Database, seed: number): void {
  const upsert = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  upsert.run('schema_version', String(SCHEMA_VERSION));
  upsert.run('seed', String(seed));
}

/**
 * Opens (creating if needed) a SQLite file of the server's own state, such as sessions or snoozes, in WAL mode:
 * readable by this user only (people's names, ids, sealed tokens), its directory too.
 */
export function openPrivateDatabase(path: string): Database {
  return openFile(path, { directoryMode: 0o700 });
}

/** Runs fn inside one transaction, rolling back on any error. */
export function transaction<T>(db: Database, fn: () => T): T {
  db.exec('BEGIN');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may have rolled back already (a full disk): the error to report is the first one.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
