import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { createDemoApi } from '../api/router.ts';
import { createApp } from '../http/app.ts';
import { seedDatabase } from '../seed/generate.ts';
import { createTestServer, TEST_NOW, type TestServer } from '../testing/fixture.ts';
import { SettableClock } from './clock.ts';
import { demoOwners } from './owners.ts';
import { createInboxRoutes } from './routes.ts';
import { SnoozeService } from './snooze-service.ts';
import { SnoozeStore } from './snooze-store.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type Snooze = {
  id: string;
  state: string;
  wakeAt: string;
  snoozedAt: string;
  wokenAt: string | null;
  newActivityCount: number;
};
type ErrorDoc = { errors: { status: string; code: string; source: { pointer?: string } }[] };

/** The demo server with snoozes, its clock set to the data's anchor time. */
function demoInbox(existing?: TestServer, { testClock = true } = {}) {
  const server = existing ?? createTestServer({ notifications: 80 });
  // Stands still where it is set, so times can be compared exactly.
  const clock = new SettableClock(() => 0);
  clock.set(TEST_NOW);
  const store = new SnoozeStore(server.db);
  const owners = demoOwners(server.db);
  const service = new SnoozeService({ store, clock, gatewayFor: owners.gatewayFor });
  const app = createApp({
    api: createDemoApi(server.db),
    inbox: createInboxRoutes({
      service,
      ownerOf: owners.ownerOf,
      ...(testClock ? { testClock: clock } : {}),
    }),
  });
  const call = async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const response = await app.request(`/api/inbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': type },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  };
  const dismissed = (id: string) =>
    (
      server.db.prepare('SELECT dismissed FROM notifications WHERE id = ?').get(Number(id)) as {
        dismissed: number;
      }
    ).dismissed === 1;
  const inInbox = () =>
    (
      server.db.prepare('SELECT id FROM notifications WHERE dismissed = 0 ORDER BY id').all() as {
        id: number;
      }[]
    ).map((row) => String(row.id));
  const list = async () => (await call('GET', '/snoozes')).body.data as Snooze[];
  const snooze = (id: string, wakeMs: number) =>
    call('PUT', `/snoozes/${id}`, { wakeAt: new Date(wakeMs).toISOString() });
  return { server, clock, store, service, app, call, dismissed, inInbox, list, snooze };
}

describe('snoozing in demo mode', () => {
  it('schedules: the notification is dismissed in the database and listed with its wake time', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    const wakeAt = TEST_NOW + 3 * HOUR;
    const response = await inbox.snooze(id, wakeAt);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body.data).toEqual({
      id,
      state: 'scheduled',
      wakeAt: new Date(wakeAt).toISOString(),
      snoozedAt: new Date(TEST_NOW).toISOString(),
      wokenAt: null,
      newActivityCount: 0,
    });
    expect(inbox.dismissed(id)).toBe(true);
    expect(inbox.inInbox()).not.toContain(id);
    expect(await inbox.list()).toEqual([response.body.data]);
  });

  it('wakes it when due: the server’s round undismisses it, and it stays listed as back until acknowledged', async () => {
    const inbox = demoInbox();
    const [soon, later] = inbox.inInbox() as [string, string];
    await inbox.snooze(soon, TEST_NOW + HOUR);
    await inbox.snooze(later, TEST_NOW + 2 * DAY);
    expect((await inbox.service.tick()).woken).toBe(0);
    expect(inbox.dismissed(soon)).toBe(true);

    inbox.clock.set(TEST_NOW + HOUR + 1000);
    expect(await inbox.service.tick()).toMatchObject({ woken: 1 });
    expect(inbox.dismissed(soon)).toBe(false);
    expect(inbox.dismissed(later)).toBe(true);
    const listed = await inbox.list();
    expect(listed.map((snooze) => [snooze.id, snooze.state])).toEqual([
      [soon, 'woken'],
      [later, 'scheduled'],
    ]);
    expect(listed[0]?.wokenAt).toBe(new Date(TEST_NOW + HOUR + 1000).toISOString());

    // A second round changes nothing; acknowledging clears the mark (and again is harmless).
    expect((await inbox.service.tick()).woken).toBe(0);
    expect((await inbox.call('POST', `/snoozes/${soon}/acknowledge`)).status).toBe(204);
    expect((await inbox.call('POST', `/snoozes/${soon}/acknowledge`)).status).toBe(204);
    expect((await inbox.list()).map((snooze) => snooze.id)).toEqual([later]);
    expect(inbox.dismissed(soon)).toBe(false);
  });

  it('the app’s visit wakes what is due, without waiting for the server’s round', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    await inbox.snooze(id, TEST_NOW + HOUR);
    inbox.clock.set(TEST_NOW + 2 * HOUR);
    expect(await inbox.list()).toMatchObject([{ id, state: 'woken' }]);
    expect(inbox.dismissed(id)).toBe(false);
  });

  it('wake now: undismissed at once and marked back; asking again answers the same', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    await inbox.snooze(id, TEST_NOW + DAY);
    inbox.clock.set(TEST_NOW + 10 * 60_000);
    const woken = await inbox.call('POST', `/snoozes/${id}/wake`);
    expect(woken.status).toBe(200);
    expect(woken.body.data).toMatchObject({
      id,
      state: 'woken',
      wokenAt: new Date(TEST_NOW + 10 * 60_000).toISOString(),
    });
    expect(inbox.dismissed(id)).toBe(false);
    expect((await inbox.call('POST', `/snoozes/${id}/wake`)).body).toEqual(woken.body);
    const notSnoozed = inbox.inInbox()[5] as string;
    expect((await inbox.call('POST', `/snoozes/${notSnoozed}/wake`)).status).toBe(404);
  });

  it('undo: the snooze is dropped and the notification undismissed, with no back-from-snooze mark', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    await inbox.snooze(id, TEST_NOW + DAY);
    const undone = await inbox.call('DELETE', `/snoozes/${id}`);
    expect(undone.status).toBe(200);
    expect(undone.body.data).toMatchObject({ id, state: 'cancelled' });
    expect(inbox.dismissed(id)).toBe(false);
    expect(await inbox.list()).toEqual([]);
    // A replayed undo (an offline queue) answers the same and changes nothing, even after the user dismissed it.
    inbox.server.db.prepare('UPDATE notifications SET dismissed = 1 WHERE id = ?').run(Number(id));
    expect((await inbox.call('DELETE', `/snoozes/${id}`)).body).toEqual(undone.body);
    expect(inbox.dismissed(id)).toBe(true);
    // Never snoozed: nothing to undo. The cancelled one does not wake later.
    expect((await inbox.call('DELETE', `/snoozes/${inbox.inInbox()[3]}`)).status).toBe(404);
    inbox.clock.set(TEST_NOW + 2 * DAY);
    expect((await inbox.service.tick()).woken).toBe(0);
    expect(inbox.dismissed(id)).toBe(true);
  });

  it('snoozing again moves the wake time, also for one that is back', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    await inbox.snooze(id, TEST_NOW + HOUR);
    await inbox.call('POST', `/snoozes/${id}/wake`);
    const again = await inbox.snooze(id, TEST_NOW + DAY);
    expect(again.body.data).toMatchObject({ state: 'scheduled', wokenAt: null });
    expect(inbox.dismissed(id)).toBe(true);
    expect(await inbox.list()).toHaveLength(1);
  });

  it('new activity while snoozed: it stays snoozed (dismissed again on the next round) and is counted', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    await inbox.snooze(id, TEST_NOW + DAY);
    // As the e2e tests simulate new activity: another connection bumps it back into the inbox.
    const other = new DatabaseSync(inbox.server.path);
    const bump = (ms: number) =>
      other
        .prepare(
          'UPDATE notifications SET dismissed = 0, last_action_at = ?, last_action_ms = ? WHERE id = ?',
        )
        .run(new Date(ms).toISOString(), ms, Number(id));
    bump(TEST_NOW + HOUR);
    inbox.clock.set(TEST_NOW + HOUR + 1000);
    expect(await inbox.service.tick()).toMatchObject({ woken: 0, redismissed: 1 });
    expect(inbox.dismissed(id)).toBe(true);
    expect(await inbox.list()).toMatchObject([{ id, state: 'scheduled', newActivityCount: 1 }]);
    // Nothing new: nothing counted. Another bump: counted again.
    await inbox.service.tick();
    expect((await inbox.list())[0]?.newActivityCount).toBe(1);
    bump(TEST_NOW + 2 * HOUR);
    await inbox.service.tick();
    expect(await inbox.list()).toMatchObject([{ state: 'scheduled', newActivityCount: 2 }]);
    expect(inbox.dismissed(id)).toBe(true);
    other.close();
    // Its own time still wakes it.
    inbox.clock.set(TEST_NOW + DAY);
    await inbox.service.tick();
    expect(inbox.dismissed(id)).toBe(false);
    expect(await inbox.list()).toMatchObject([{ id, state: 'woken', newActivityCount: 2 }]);
  });

  it('a notification back from snooze loses its mark once read or dismissed, here or elsewhere', async () => {
    const inbox = demoInbox();
    const db = inbox.server.db;
    const setRead = db.prepare('UPDATE notifications SET read = ? WHERE id = ?');
    const [unread, readAlready, dismissedLater] = inbox.inInbox() as [string, string, string];
    setRead.run(0, Number(unread));
    setRead.run(1, Number(readAlready));
    setRead.run(0, Number(dismissedLater));
    for (const id of [unread, readAlready, dismissedLater]) await inbox.snooze(id, TEST_NOW + HOUR);
    inbox.clock.set(TEST_NOW + 2 * HOUR);
    expect(await inbox.service.tick()).toMatchObject({ woken: 3, settled: 0 });

    setRead.run(1, Number(unread));
    db.prepare('UPDATE notifications SET dismissed = 1 WHERE id = ?').run(Number(dismissedLater));
    expect(await inbox.service.tick()).toMatchObject({ settled: 2 });
    // Read when it woke and still read: it stays back until acknowledged or dismissed.
    expect(await inbox.list()).toMatchObject([{ id: readAlready, state: 'woken' }]);
  });

  it('wakes at most 25 per round, the rest on the next', async () => {
    const inbox = demoInbox();
    const ids = inbox.inInbox().slice(0, 30);
    for (const id of ids) await inbox.snooze(id, TEST_NOW + HOUR);
    inbox.clock.set(TEST_NOW + 2 * HOUR);
    expect((await inbox.service.tick()).woken).toBe(25);
    expect((await inbox.service.tick()).woken).toBe(5);
    expect(ids.every((id) => !inbox.dismissed(id))).toBe(true);
  });

  it('survives a restart: the schedule is in the database file', async () => {
    const first = demoInbox();
    const [id] = first.inInbox() as [string];
    await first.snooze(id, TEST_NOW + HOUR);
    first.store.close();
    first.server.db.close();

    const reopened = createTestServer({ path: first.server.path, seed: false });
    const again = demoInbox(reopened);
    expect(await again.list()).toMatchObject([{ id, state: 'scheduled' }]);
    expect(again.dismissed(id)).toBe(true);
    again.clock.set(TEST_NOW + 2 * HOUR);
    await again.service.tick();
    expect(again.dismissed(id)).toBe(false);
    again.store.close();
  });

  it('reseeding the demo data drops the demo’s snoozes with it', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    await inbox.snooze(id, TEST_NOW + HOUR);
    seedDatabase(inbox.server.db, { seed: 8, notifications: 40, now: TEST_NOW });
    expect(await inbox.list()).toEqual([]);
  });

  it('a notification that no longer exists ends its snooze instead of failing every round', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    await inbox.snooze(id, TEST_NOW + HOUR);
    inbox.server.db.prepare('DELETE FROM notifications WHERE id = ?').run(Number(id));
    inbox.clock.set(TEST_NOW + 2 * HOUR);
    await inbox.service.tick();
    expect(await inbox.list()).toEqual([]);
  });
});

describe('snooze requests are checked', () => {
  const inbox = demoInbox();
  const id = inbox.inInbox()[0] as string;

  it('refuses a malformed or unknown notification id with 404, storing nothing', async () => {
    for (const bad of ['abc', '0', '-1', '1'.repeat(19), '1.5']) {
      const response = await inbox.snooze(bad, TEST_NOW + HOUR);
      expect(response.status, bad).toBe(404);
      expect((response.body as ErrorDoc).errors[0]?.code).toBe('record_not_found');
    }
    expect((await inbox.snooze('999999', TEST_NOW + HOUR)).status).toBe(404);
    expect(await inbox.list()).toEqual([]);
  });

  it('refuses bad wake times and bodies with readable JSON:API errors, changing nothing', async () => {
    const cases: [unknown, number, string | undefined, string?][] = [
      [{ wakeAt: new Date(TEST_NOW - 1000).toISOString() }, 422, 'wakeAt'],
      [{ wakeAt: new Date(TEST_NOW).toISOString() }, 422, 'wakeAt'],
      [{ wakeAt: new Date(TEST_NOW + 366 * DAY).toISOString() }, 422, 'wakeAt'],
      [{ wakeAt: '2026-11-02T09:00:00' }, 422, 'wakeAt'],
      [{ wakeAt: '2026-11-02' }, 422, 'wakeAt'],
      [{ wakeAt: 'tomorrow' }, 422, 'wakeAt'],
      [{ wakeAt: '2026-13-45T09:00:00Z' }, 422, 'wakeAt'],
      [{ wakeAt: TEST_NOW + HOUR }, 422, 'wakeAt'],
      [{}, 422, 'wakeAt'],
      [{ wakeAt: '2026-11-02T09:00:00Z', snoozedAt: 'x' }, 422, 'snoozedAt'],
      [[], 422, ''],
      ['null', 422, ''],
      ['{"wakeAt":', 400, undefined],
      [{ wakeAt: '2026-11-02T09:00:00Z' }, 415, undefined, 'text/plain'],
    ];
    for (const [body, status, pointer, type] of cases) {
      const response = await inbox.call('PUT', `/snoozes/${id}`, body, type);
      const label = JSON.stringify(body);
      expect(response.status, label).toBe(status);
      const error = (response.body as ErrorDoc).errors[0];
      expect(error?.status, label).toBe(String(status));
      if (pointer !== undefined) expect(error?.source.pointer, label).toBe(pointer);
    }
    expect(inbox.dismissed(id)).toBe(false);
    expect(await inbox.list()).toEqual([]);
    // An offset is honoured: 09:00 at +01:00 is 08:00 UTC.
    const ok = await inbox.call('PUT', `/snoozes/${id}`, { wakeAt: '2026-11-02T09:00:00+01:00' });
    expect(ok.body.data.wakeAt).toBe('2026-11-02T08:00:00.000Z');
  });

  it('answers unknown paths under /api/inbox with a JSON:API 404', async () => {
    for (const [method, path] of [
      ['GET', '/nothing'],
      ['PATCH', `/snoozes/${id}`],
      ['GET', `/snoozes/${id}`],
    ] as const) {
      const response = await inbox.call(method, path);
      expect(response.status, path).toBe(404);
      expect((response.body as ErrorDoc).errors[0]?.code).toBe('record_not_found');
    }
  });

  it('refuses a body over the server’s cap before reading it', async () => {
    const other = inbox.inInbox()[0] as string;
    const response = await inbox.call('PUT', `/snoozes/${other}`, {
      wakeAt: new Date(TEST_NOW + HOUR).toISOString(),
      padding: 'x'.repeat(70 * 1024),
    });
    expect(response.status).toBe(413);
    expect(inbox.dismissed(other)).toBe(false);
  });

  it('refuses a cross-origin write before it changes anything', async () => {
    const response = await inbox.app.request(`/api/inbox/snoozes/${id}`, {
      method: 'DELETE',
      headers: { Origin: 'https://evil.example', Host: 'localhost' },
    });
    expect(response.status).toBe(403);
  });
});

describe('the test clock', () => {
  it('is refused (404) unless INBOX_TEST_CLOCK turned it on', async () => {
    const off = demoInbox(undefined, { testClock: false });
    const response = await off.call('POST', '/test-clock', { now: '2027-01-01T00:00:00Z' });
    expect(response.status).toBe(404);
    expect(off.clock.now()).toBeLessThan(TEST_NOW + 60_000);
  });

  it('moves the snooze clock and runs a round at once', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    await inbox.snooze(id, TEST_NOW + HOUR);
    const moved = await inbox.call('POST', '/test-clock', {
      now: new Date(TEST_NOW + 2 * HOUR).toISOString(),
    });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.data.now)).toBeGreaterThanOrEqual(TEST_NOW + 2 * HOUR);
    expect(inbox.dismissed(id)).toBe(false);
    expect((await inbox.call('POST', '/test-clock', { now: 'soon' })).status).toBe(422);
  });
});

describe('the snooze store', () => {
  it('keeps each scope’s snoozes apart', () => {
    const store = new SnoozeStore(':memory:');
    store.schedule('team:4242:501', '7', { wakeMs: 2000, nowMs: 1000, lastActionAt: null });
    store.schedule('team:4242:502', '7', { wakeMs: 3000, nowMs: 1000, lastActionAt: null });
    store.schedule('team:4242:502', '8', { wakeMs: 9000, nowMs: 1000, lastActionAt: null });
    expect(store.list('team:4242:501').map((snooze) => snooze.wakeMs)).toEqual([2000]);
    expect(store.list('team:4242:502').map((snooze) => snooze.notificationId)).toEqual(['7', '8']);
    store.markCancelled('team:4242:501', '7', 1500);
    expect(store.get('team:4242:502', '7')?.state).toBe('scheduled');
    expect(store.scopesDue(5000)).toEqual(['team:4242:502']);
    store.close();
  });

  it('forgets undone snoozes after a day and unacknowledged returns after 30 days', () => {
    const store = new SnoozeStore(':memory:');
    store.schedule('demo', '1', { wakeMs: 2000, nowMs: 1000, lastActionAt: null });
    store.schedule('demo', '2', { wakeMs: 2000, nowMs: 1000, lastActionAt: null });
    store.markCancelled('demo', '1', 1000);
    store.markWoken('demo', '2', 2000, false);
    expect(store.purge(1000 + DAY - 1)).toBe(0);
    expect(store.purge(1000 + DAY + 1)).toBe(1);
    expect(store.purge(2000 + 30 * DAY + 1)).toBe(1);
    store.close();
  });
});
