/**
 * Team mode on a full disk: a real 2 MB tmpfs as INBOX_DATA_DIR (mounted by the test; it needs root, and is
 * skipped with a message otherwise), a real server process and a stand-in for Productive. Storage errors never end
 * the process and never turn into a wrong story: reads keep working, sign-in and writes answer 503, sign-out still
 * ends the session, a snooze that cannot be written dismisses nothing, and a start on the full disk says why in
 * one line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, STANDIN_PEOPLE, type Standin } from '../testing/productive-standin.ts';
import { failedStart, startServer, type ServerProcess } from '../testing/server-process.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters!';
const [ana, marko] = STANDIN_PEOPLE as [(typeof STANDIN_PEOPLE)[0], (typeof STANDIN_PEOPLE)[0]];

const disk = mkdtempSync(join(tmpdir(), 'inbox-full-disk-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', disk], {
    stdio: 'ignore',
  });
  mounted = true;
} catch {
  console.warn(`full-disk.test.ts: skipped, a tmpfs cannot be mounted here (needs root)`);
}

let standin: Standin;
let server: ServerProcess | undefined;
const env = () => ({
  INBOX_MODE: 'team',
  INBOX_SESSION_SECRET: SECRET,
  PRODUCTIVE_API_URL: standin.url,
  INBOX_DATA_DIR: join(disk, 'data'),
});
beforeAll(async () => {
  if (!mounted) return;
  standin = await startStandin({
    people: STANDIN_PEOPLE.map((person) => ({ ...person, notifications: 20 })),
  });
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  if (!mounted) return;
  standin.close();
  execFileSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

/** Writes until the disk refuses another byte. */
function fill(path: string) {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const round = Date.now();
  for (let index = 0; ; index++) {
    try {
      writeFileSync(join(path, `filler-${round}-${index}`), chunk);
    } catch {
      for (let small = 0; ; small++) {
        try {
          writeFileSync(join(path, `filler-${round}-small-${small}`), Buffer.alloc(512, 1));
        } catch {
          return;
        }
      }
    }
  }
}

describe.skipIf(!mounted)('team mode on a full disk (tmpfs)', () => {
  it('keeps reads working, answers 503 for writes, ends sessions on sign-out, and never crashes', async () => {
    server = await startServer(env());
    const { origin } = server;
    const call = (path: string, init: RequestInit = {}, cookie?: string) =>
      fetch(`${origin}${path}`, {
        ...init,
        headers: { ...(init.headers ?? {}), ...(cookie ? { Cookie: cookie } : {}) },
      });
    const signIn = (person: typeof ana) =>
      call('/auth/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: person.token, organizationId: person.organizationId }),
      });
    const cookieOf = (response: Response) =>
      /((?:__Host-)?inbox_session=[^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

    const anaSignIn = await signIn(ana);
    expect(anaSignIn.status).toBe(201);
    const anaCookie = cookieOf(anaSignIn) as string;
    const list = (await (
      await call('/api/v2/notifications?page[size]=5', {}, anaCookie)
    ).json()) as { data: { id: string }[] };
    const target = list.data[0]?.id as string;

    fill(disk);

    // Reads keep working.
    const read = await call('/api/v2/notifications?page[size]=5', {}, anaCookie);
    expect(read.status).toBe(200);
    expect((await call('/auth/session', {}, anaCookie)).status).toBe(200);

    // A new session cannot be written: 503 with a clear JSON:API error, not 500.
    const refused = await signIn(marko);
    expect(refused.status, server.output()).toBe(503);
    expect(await refused.json()).toMatchObject({
      errors: [{ status: '503', code: 'storage_unavailable' }],
    });

    // A snooze that cannot be written dismisses nothing upstream.
    const dismissesBefore = standin.requests.filter((seen) =>
      seen.path.includes('/dismiss'),
    ).length;
    const snooze = await call(
      `/api/inbox/snoozes/${target}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ wakeAt: new Date(Date.now() + 3_600_000).toISOString() }),
      },
      anaCookie,
    );
    expect(snooze.status).toBe(503);
    expect(standin.requests.filter((seen) => seen.path.includes('/dismiss'))).toHaveLength(
      dismissesBefore,
    );

    // Sign-out ends the session, whatever the disk says.
    expect((await call('/auth/session', { method: 'DELETE' }, anaCookie)).status).toBe(204);
    expect((await call('/auth/session', {}, anaCookie)).status).toBe(401);
    expect((await call('/api/v2/notifications', {}, anaCookie)).status).toBe(401);

    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/\n\s+at /);

    // Killed and started again on the still-full disk: it starts, and the signed-out session stays ended.
    const before = server.output();
    await server.stop('SIGKILL');
    server = await startServer(env());
    expect(
      (await fetch(`${server.origin}/auth/session`, { headers: { Cookie: anaCookie } })).status,
      before,
    ).toBe(401);
    await server.stop('SIGKILL');
    server = undefined;

    // A start that cannot create its files there says which file and why, in one line, and exits 1 (no stack).
    fill(disk);
    const fresh = await failedStart({ ...env(), INBOX_DATA_DIR: join(disk, 'fresh') });
    expect(fresh.code).toBe(1);
    const lines = fresh.output.trim().split('\n');
    expect(lines, fresh.output).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot (open|start).*fresh.*: /);
    expect(lines[0]).toMatch(/disk is full/);
  }, 60_000);
});
