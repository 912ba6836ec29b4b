/**
 * Demo mode with someone else reading its database while it runs (`sqlite3 data/inbox.db "select …"`): SQLite's
 * POSIX locks must hold, or the reader's close deletes the live -wal and -shm, and a crash then loses acknowledged
 * writes and corrupts the file. A real server process, a real outside connection, kill -9 in the middle of a burst.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../testing/http.ts';
import { startServer, type ServerProcess } from '../testing/server-process.ts';

const JSON_API = { 'Content-Type': 'application/vnd.api+json' };
let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
});

/**
 * What another program does, as the issue saw it: the sqlite3 shell opens the file, reads, and closes; the close
 * checkpoints and deletes -wal and -shm when no other process holds a lock (node:sqlite's own close does not, so
 * the shell it is: Debian's `sqlite3`, installed by .ci/run).
 */
function outsideRead(path: string): number {
  const result = spawnSync(SQLITE3 ?? 'sqlite3', [path, 'SELECT count(*) FROM notifications'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return Number(result.stdout.trim());
}
const SQLITE3 = ['/usr/bin/sqlite3', '/bin/sqlite3', '/usr/local/bin/sqlite3'].find((file) =>
  existsSync(file),
);
if (!SQLITE3 && (process.env.CI || process.env.INBOX_CI)) {
  throw new Error(
    'The outside-reader test needs the sqlite3 shell: .ci/run installs it (apt-get install sqlite3)',
  );
}

/** The process's POSIX locks on a file, as /proc/locks lists them (Linux): `… POSIX ADVISORY READ pid maj:min:inode …`. */
const locksOn = (pid: number, file: string) => {
  const inode = statSync(file).ino;
  return readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(
      (fields) =>
        fields[1] === 'POSIX' && fields[4] === String(pid) && fields[5]?.endsWith(`:${inode}`),
    );
};

describe.skipIf(!SQLITE3)('the demo database with an outside reader (sqlite3 shell)', () => {
  it('holds its locks, and loses no acknowledged write when killed -9 during a burst', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'inbox-outside-reader-'));
    const path = join(directory, 'inbox.db');
    // Created and seeded by a first run, as `npm start` does once; the one under test opens an existing database.
    await (await startServer({ INBOX_DB: path, INBOX_SEED_NOTIFICATIONS: '600' })).stop();
    server = await startServer({ INBOX_DB: path });
    const pid = server.child.pid as number;

    // The shared lock every connection holds on the database file itself, which a stray close would drop.
    if (existsSync('/proc/locks')) expect(locksOn(pid, path).length).toBeGreaterThan(0);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(statSync(file).mode & 0o077, file).toBe(0);
    }

    const lookup = new DatabaseSync(path, { readOnly: true });
    const ids = (
      lookup
        .prepare('SELECT id FROM notifications WHERE dismissed = 0 ORDER BY id LIMIT 500')
        .all() as { id: number }[]
    ).map((row) => String(row.id));
    lookup.close();
    const first = await rawRequest(server.origin, {
      method: 'PATCH',
      path: `/api/v2/notifications/${ids[0]}/dismiss`,
      headers: JSON_API,
    });
    expect(first.status, first.body).toBe(200);
    const acknowledged: string[] = [];
    let reads = 0;
    let stopped = false;
    const reader = (async () => {
      while (!stopped) {
        outsideRead(path);
        reads++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const origin = server.origin;
    let next = 0;
    const worker = async () => {
      while (!stopped && next < ids.length) {
        const id = ids[next++] as string;
        try {
          const response = await fetch(`${origin}/api/v2/notifications/${id}/dismiss`, {
            method: 'PATCH',
            headers: JSON_API,
            signal: AbortSignal.timeout(10_000),
          });
          if (response.status === 200) acknowledged.push(id);
        } catch {
          // The server was killed under this request: not acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    // Kill it in the middle of the burst, once enough writes were acknowledged and read around.
    for (let waited = 0; acknowledged.length < 150 && waited < 2000; waited++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await server.stop('SIGKILL');
    stopped = true;
    await Promise.all([...workers, reader]);
    expect(reads).toBeGreaterThan(5);

    const after = new DatabaseSync(path);
    const integrity = after.prepare('PRAGMA integrity_check').all() as {
      integrity_check: string;
    }[];
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);
    const dismissed = new Set(
      (
        after.prepare('SELECT id FROM notifications WHERE dismissed = 1').all() as { id: number }[]
      ).map((row) => String(row.id)),
    );
    after.close();
    const lost = acknowledged.filter((id) => !dismissed.has(id));
    expect(lost, `${lost.length} of ${acknowledged.length} acknowledged dismisses lost`).toEqual(
      [],
    );
  }, 120_000);
});
