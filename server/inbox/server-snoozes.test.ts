/**
 * The whole wiring, `node server/main.ts` in each mode: demo mode keeps snoozes across a restart and wakes them when
 * due; personal and team mode snooze through Productive (the stand-in) and keep the schedule in INBOX_DATA_DIR.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, STANDIN_PEOPLE, type Standin } from '../testing/productive-standin.ts';
import { inheritedEnv } from '../testing/child-env.ts';

const DATABASE = join(mkdtempSync(join(tmpdir(), 'inbox-snooze-main-')), 'inbox.db');

async function startServer(env: Record<string, string>, mode = 'demo') {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...inheritedEnv(),
      PORT: '0',
      INBOX_DB: DATABASE,
      INBOX_SEED_NOTIFICATIONS: '60',
      INBOX_STATIC_ROOT: 'none',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 20_000);
    child.stdout.on('data', () => {
      const match = new RegExp(`on (http://127\\.0\\.0\\.1:\\d+) \\(${mode}`).exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
  });
  const json = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${origin}${path}`, init);
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      cookie: /inbox_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1],
    };
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { json, stop, output: () => output };
}

const put = (body: unknown): RequestInit => ({
  method: 'PUT',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe('snoozes in the running server (demo mode)', () => {
  it('survive a restart, and come back when the clock passes their time', async () => {
    const first = await startServer({ INBOX_TEST_CLOCK: '1' });
    let id: string;
    const wakeAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    try {
      const inbox = await first.json('/api/v2/notifications?filter[dismissed]=false&page[size]=1');
      id = inbox.body.data[0].id;
      expect((await first.json(`/api/inbox/snoozes/${id}`, put({ wakeAt }))).status).toBe(200);
      expect((await first.json(`/api/v2/notifications/${id}`)).body.data.attributes.dismissed).toBe(
        true,
      );
    } finally {
      await first.stop();
    }

    const second = await startServer({ INBOX_TEST_CLOCK: '1' });
    try {
      expect((await second.json('/api/inbox/snoozes')).body.data).toMatchObject([
        { id, state: 'scheduled', wakeAt: new Date(wakeAt).toISOString() },
      ]);
      const moved = await second.json('/api/inbox/test-clock', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ now: new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString() }),
      });
      expect(moved.status).toBe(200);
      expect(
        (await second.json(`/api/v2/notifications/${id}`)).body.data.attributes.dismissed,
      ).toBe(false);
      expect((await second.json('/api/inbox/snoozes')).body.data).toMatchObject([
        { id, state: 'woken' },
      ]);
    } finally {
      await second.stop();
    }

    // Without INBOX_TEST_CLOCK there is no test clock.
    const third = await startServer({});
    try {
      const refused = await third.json('/api/inbox/test-clock', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ now: new Date().toISOString() }),
      });
      expect(refused.status).toBe(404);
      expect((await third.json('/api/inbox/snoozes')).body.data).toMatchObject([
        { id, state: 'woken' },
      ]);
    } finally {
      await third.stop();
    }
  }, 60_000);
});

describe('INBOX_TEST_CLOCK set to an instant (decision 009)', () => {
  it('starts the snooze clock there, so a restart runs no round on the real clock', async () => {
    // An instant long past and one long ahead: neither may be judged by the machine's own date.
    for (const start of ['2020-01-01T09:00:00Z', '2099-01-01T09:00:00Z']) {
      const database = join(mkdtempSync(join(tmpdir(), 'inbox-snooze-clock-')), 'inbox.db');
      const startMs = Date.parse(start);
      const wakeAt = new Date(startMs + 60 * 60 * 1000).toISOString();
      const env = { INBOX_TEST_CLOCK: start, INBOX_DB: database };
      const first = await startServer(env);
      let id: string;
      try {
        expect(first.output()).toContain(`it starts at ${new Date(startMs).toISOString()}`);
        const inbox = await first.json(
          '/api/v2/notifications?filter[dismissed]=false&page[size]=1',
        );
        id = inbox.body.data[0].id;
        const snoozed = await first.json(`/api/inbox/snoozes/${id}`, put({ wakeAt }));
        expect(snoozed.status).toBe(200);
      } finally {
        await first.stop();
      }
      // Restarted with the same setting: the first round runs at the start instant, an hour before the wake time.
      const second = await startServer(env);
      try {
        expect((await second.json('/api/inbox/snoozes')).body.data).toMatchObject([
          { id, state: 'scheduled', wakeAt },
        ]);
        expect(
          (await second.json(`/api/v2/notifications/${id}`)).body.data.attributes.dismissed,
        ).toBe(true);
      } finally {
        await second.stop();
      }
    }
  }, 60_000);

  it('refuses a value that is neither 1 nor an instant with a time zone, naming it', async () => {
    for (const value of ['yes', '2026-12-02', '2026-12-02T09:00:00', '2026-13-45T09:00:00Z']) {
      const child = spawn(process.execPath, ['server/main.ts'], {
        env: {
          ...inheritedEnv(),
          PORT: '0',
          INBOX_TEST_CLOCK: value,
          INBOX_STATIC_ROOT: 'none',
        },
      });
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(2);
      expect(output).toContain('INBOX_TEST_CLOCK must be 1 or an ISO instant');
    }
  }, 30_000);
});

describe('snoozes in the running server, personal and team mode', () => {
  const [ana, marko] = STANDIN_PEOPLE as [(typeof STANDIN_PEOPLE)[0], (typeof STANDIN_PEOPLE)[0]];
  let standin: Standin;
  beforeAll(async () => {
    standin = await startStandin({
      people: STANDIN_PEOPLE.map((person) => ({ ...person, notifications: 20 })),
    });
  });
  afterAll(() => standin.close());
  const dismissedIn = (token: string, id: string) =>
    (
      standin.databases
        .get(token)
        ?.prepare('SELECT dismissed FROM notifications WHERE id = ?')
        .get(Number(id)) as { dismissed: number }
    ).dismissed === 1;
  const firstInInbox = (token: string) =>
    String(
      (
        standin.databases
          .get(token)
          ?.prepare('SELECT id FROM notifications WHERE dismissed = 0 ORDER BY id LIMIT 1')
          .get() as { id: number }
      ).id,
    );
  const wakeAt = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();

  it('personal mode: dismissed upstream with the server’s token, the schedule in INBOX_DATA_DIR/snoozes.db', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-snooze-personal-'));
    const server = await startServer(
      {
        PRODUCTIVE_API_TOKEN: ana.token,
        PRODUCTIVE_ORGANIZATION_ID: ana.organizationId,
        PRODUCTIVE_API_URL: standin.url,
        INBOX_DATA_DIR: dataDir,
      },
      'personal',
    );
    try {
      const id = firstInInbox(ana.token);
      expect(
        (await server.json(`/api/inbox/snoozes/${id}`, put({ wakeAt: wakeAt() }))).status,
      ).toBe(200);
      expect(dismissedIn(ana.token, id)).toBe(true);
      expect(
        standin.requests.some(
          (request) =>
            request.path === `/api/v2/notifications/${id}/dismiss` && request.token === ana.token,
        ),
      ).toBe(true);
      expect((await server.json('/api/inbox/snoozes')).body.data).toMatchObject([
        { id, state: 'scheduled' },
      ]);
      const file = new DatabaseSync(join(dataDir, 'snoozes.db'), { readOnly: true });
      expect(file.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      file.close();
      expect(server.output()).not.toContain(ana.token);
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('team mode: each person’s snoozes with their own session, none without one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-snooze-team-'));
    const server = await startServer(
      {
        INBOX_MODE: 'team',
        INBOX_SESSION_SECRET: 'a-session-secret-of-at-least-32-characters!',
        PRODUCTIVE_API_URL: standin.url,
        INBOX_DATA_DIR: dataDir,
      },
      'team',
    );
    try {
      const signIn = async (person: typeof ana) =>
        (
          await server.json('/auth/session', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ token: person.token, organizationId: person.organizationId }),
          })
        ).cookie as string;
      const [anaCookie, markoCookie] = [await signIn(ana), await signIn(marko)];
      const as = (cookie: string, init: RequestInit = {}): RequestInit => ({
        ...init,
        headers: { ...(init.headers as Record<string, string>), Cookie: `inbox_session=${cookie}` },
      });
      const id = firstInInbox(marko.token);
      const snoozed = await server.json(
        `/api/inbox/snoozes/${id}`,
        as(markoCookie, put({ wakeAt: wakeAt() })),
      );
      expect(snoozed.status).toBe(200);
      expect(dismissedIn(marko.token, id)).toBe(true);
      expect((await server.json('/api/inbox/snoozes', as(markoCookie))).body.data).toMatchObject([
        { id, state: 'scheduled' },
      ]);
      expect((await server.json('/api/inbox/snoozes', as(anaCookie))).body.data).toEqual([]);
      expect((await server.json('/api/inbox/snoozes')).status).toBe(401);
      expect(existsSync(join(dataDir, 'snoozes.db'))).toBe(true);
    } finally {
      await server.stop();
    }
  }, 30_000);
});
