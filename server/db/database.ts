import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { schemaSql, SCHEMA_VERSION, tables } from './schema.ts';

export type Database = DatabaseSync;

/** Opens (creating if needed) the SQLite file in WAL mode with the schema applied. */
export function openDatabase(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  dropIfOutdated(db);
  db.exec(schemaSql);
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
 * readable by this user only (people's names, ids, sealed tokens); SQLite gives -wal and -shm the same mode.
 */
export function openPrivateDatabase(path: string): Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  return db;
}

/** Runs fn inside one transaction, rolling back on any error. */
export function transaction<T>(db: Database, fn: () => T): T {
  db.exec('BEGIN');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
