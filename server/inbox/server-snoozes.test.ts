/** The whole wiring: `node server/main.ts` in demo mode keeps snoozes across a restart and wakes them when due. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DATABASE = join(mkdtempSync(join(tmpdir(), 'inbox-snooze-main-')), 'inbox.db');

async function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: {
      PATH: process.env.PATH,
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
      const match = /on (http:\/\/127\.0\.0\.1:\d+) \(demo/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
  });
  const json = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${origin}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { json, stop };
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
