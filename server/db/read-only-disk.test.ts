/**
 * Startup on a read-only disk: the server names the file and the cause in one line and exits 1, in every mode,
 * whether its files are already there or still to be made. The disk is a real tmpfs remounted read-only (mounting
 * needs root; root ignores file modes, so a mode would not make it fail). Without root, a directory of mode 0500
 * stands in (the cause is then "permission denied"); with neither, the test is skipped with a message. Also: demo
 * mode filling its disk while it seeds names its database.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedStart, startServer } from '../testing/server-process.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters!';
const UNREACHABLE = 'http://127.0.0.1:9/api/v2';

const disk = mkdtempSync(join(tmpdir(), 'inbox-read-only-'));
const root = process.getuid?.() === 0;
let how: 'mount' | 'mode' | null = null;
if (root) {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', disk], {
      stdio: 'ignore',
    });
    how = 'mount';
  } catch {
    console.warn(
      'read-only-disk.test.ts: skipped, running as root where a tmpfs cannot be mounted',
    );
  }
} else {
  how = 'mode';
}
const cause = how === 'mount' ? /the file or its disk is read-only$/ : /permission denied/;

const team = (dataDir: string) => ({
  INBOX_MODE: 'team',
  INBOX_SESSION_SECRET: SECRET,
  PRODUCTIVE_API_URL: UNREACHABLE,
  INBOX_DATA_DIR: dataDir,
});
const personal = (dataDir: string) => ({
  PRODUCTIVE_API_TOKEN: 'pat-read-only-disk-0123456789',
  PRODUCTIVE_ORGANIZATION_ID: '1',
  PRODUCTIVE_API_URL: UNREACHABLE,
  INBOX_DATA_DIR: dataDir,
});

beforeAll(async () => {
  if (!how) return;
  // Files from an earlier run, made while the disk was writable: a team and a personal data directory.
  for (const env of [team(join(disk, 'team')), personal(join(disk, 'personal'))]) {
    const server = await startServer(env);
    await server.stop();
  }
  if (how === 'mount') execFileSync('mount', ['-o', 'remount,ro', disk]);
  else chmodSync(disk, 0o500);
}, 60_000);
afterAll(() => {
  if (how === 'mount') execFileSync('umount', [disk]);
  if (how === 'mode') chmodSync(disk, 0o700);
  rmSync(disk, { recursive: true, force: true });
});

/** One line, the file's name and the cause; exit 1; no stack. */
async function expectOneLine(env: Record<string, string>, file: string) {
  const { code, output } = await failedStart(env);
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  expect(lines[0]).toMatch(/^Cannot (open|start)/);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(cause);
  expect(output).not.toMatch(/\n\s+at /);
  expect(code).toBe(1);
}

describe.skipIf(!how)(`startup on a read-only disk (${how ?? 'skipped'})`, () => {
  it('team mode, its sessions already there, names sessions.db', async () => {
    await expectOneLine(team(join(disk, 'team')), join(disk, 'team', 'sessions.db'));
  }, 30_000);

  it('team mode in a directory still to be made names the file, not "no such file"', async () => {
    await expectOneLine(
      team(join(disk, 'fresh', 'data')),
      join(disk, 'fresh', 'data', 'sessions.db'),
    );
  }, 30_000);

  it('personal mode names its snoozes’ file, or the directory it cannot make', async () => {
    // The scope key already there is only read; the first file to write is the snoozes' one.
    await expectOneLine(personal(join(disk, 'personal')), join(disk, 'personal', 'snoozes.db'));
    await expectOneLine(personal(join(disk, 'new-personal')), join(disk, 'new-personal'));
  }, 30_000);

  it('demo mode names its database', async () => {
    await expectOneLine({ INBOX_DB: join(disk, 'demo.db') }, join(disk, 'demo.db'));
  }, 30_000);
});

describe.skipIf(how !== 'mount')('demo mode seeding on a full disk (tmpfs)', () => {
  it('names its database and the cause in one line', async () => {
    const small = mkdtempSync(join(tmpdir(), 'inbox-seed-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0700', 'tmpfs', small]);
    try {
      const { code, output } = await failedStart({ INBOX_DB: join(small, 'demo.db') });
      const lines = output.trim().split('\n');
      // The first line says the database is being made; the second why it could not be.
      expect(lines, output).toHaveLength(2);
      expect(lines[1]).toBe(
        `Cannot open ${join(small, 'demo.db')}: the disk is full (database or disk is full)`,
      );
      expect(code).toBe(1);
    } finally {
      execFileSync('umount', [small]);
      rmSync(small, { recursive: true, force: true });
    }
  }, 30_000);
});
