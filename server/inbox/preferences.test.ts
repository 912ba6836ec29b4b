import { describe, expect, it } from 'vitest';
import { createDemoApi } from '../api/router.ts';
import { createApp } from '../http/app.ts';
import { seedDatabase } from '../seed/generate.ts';
import { createTestServer, TEST_NOW } from '../testing/fixture.ts';
import { SettableClock } from './clock.ts';
import { MuteService } from './mute-service.ts';
import { MuteStore } from './mute-store.ts';
import { demoOwners } from './owners.ts';
import { createInboxRoutes } from './routes.ts';
import { SnoozeService } from './snooze-service.ts';
import { SnoozeStore } from './snooze-store.ts';
import { MAX_VIEWS, ViewStore } from './view-store.ts';

const MINUTE = 60_000;
type ErrorDoc = {
  errors: { status: string; code: string; detail: string; source: { pointer?: string } }[];
};
type View = { id: string; name: string; address: string; position: number };

/** The demo server with saved views and mutes; `scope` says whose inbox each request is for. */
function demoInbox() {
  const server = createTestServer({ notifications: 80 });
  const clock = new SettableClock(() => 0);
  clock.set(TEST_NOW);
  const owners = demoOwners(server.db);
  const gateway = owners.gatewayFor('demo');
  let scope = 'demo';
  const views = new ViewStore(server.db);
  const muteStore = new MuteStore(server.db);
  const mutes = new MuteService({ store: muteStore, clock, gatewayFor: owners.gatewayFor });
  const app = createApp({
    api: createDemoApi(server.db),
    inbox: createInboxRoutes({
      service: new SnoozeService({
        store: new SnoozeStore(server.db),
        clock,
        gatewayFor: owners.gatewayFor,
      }),
      ownerOf: () => (gateway ? { scope, gateway } : null),
      preferences: { views, mutes },
    }),
  });
  const call = async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const response = await app.request(`/api/inbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': type },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const row = (id: string) =>
    server.db
      .prepare(
        'SELECT dismissed, target_type, target_id, project_id FROM notifications WHERE id = ?',
      )
      .get(Number(id)) as {
      dismissed: number;
      target_type: string;
      target_id: number;
      project_id: number;
    };
  const inInbox = () =>
    (
      server.db.prepare('SELECT id FROM notifications WHERE dismissed = 0 ORDER BY id').all() as {
        id: number;
      }[]
    ).map((found) => String(found.id));
  /** New activity on it, as Productive records it: back in the inbox, newer, mentioning the person or not. */
  const bump = (id: string, atMs: number, mention = false) =>
    server.db
      .prepare(
        'UPDATE notifications SET dismissed = 0, read = 0, mention = ?, last_action_ms = ?, last_action_at = ? WHERE id = ?',
      )
      .run(mention ? 1 : 0, atMs, new Date(atMs).toISOString(), Number(id));
  const dismiss = (id: string) =>
    server.db.prepare('UPDATE notifications SET dismissed = 1 WHERE id = ?').run(Number(id));
  return {
    server,
    clock,
    mutes,
    call,
    row,
    inInbox,
    bump,
    dismiss,
    as: (next: string) => {
      scope = next;
    },
  };
}

describe('saved views', () => {
  it('saves, lists in order, renames, reorders and deletes', async () => {
    const inbox = demoInbox();
    const made: View[] = [];
    for (const [name, address] of [
      ['Tasks', '/?type=task'],
      ['My mentions', '/mentions?q=launch&group=project'],
      ['Old', '/dismissed'],
    ]) {
      const response = await inbox.call('POST', '/views', { name, address });
      expect(response.status).toBe(201);
      made.push(response.body.data as View);
    }
    const [tasks, mentions, old] = made as [View, View, View];
    expect(mentions).toMatchObject({
      name: 'My mentions',
      address: '/mentions?q=launch&group=project',
    });

    expect(
      (await inbox.call('PATCH', `/views/${tasks.id}`, { name: '  Tasks only ' })).body.data.name,
    ).toBe('Tasks only');
    await inbox.call('PATCH', `/views/${old.id}`, { position: 0 });
    let listed = (await inbox.call('GET', '/views')).body.data as View[];
    expect(listed.map((view) => [view.name, view.position])).toEqual([
      ['Old', 0],
      ['Tasks only', 1],
      ['My mentions', 2],
    ]);
    // Past the end: the last place.
    await inbox.call('PATCH', `/views/${old.id}`, { position: 99 });
    expect(await inbox.call('DELETE', `/views/${tasks.id}`)).toMatchObject({ status: 204 });
    listed = (await inbox.call('GET', '/views')).body.data as View[];
    expect(listed.map((view) => [view.name, view.position])).toEqual([
      ['My mentions', 0],
      ['Old', 1],
    ]);
  });

  it('refuses bad input with a clear error and nothing stored', async () => {
    const inbox = demoInbox();
    const cases: [unknown, number, string | undefined][] = [
      [{ name: '', address: '/' }, 422, 'name'],
      [{ name: 'x'.repeat(81), address: '/' }, 422, 'name'],
      [{ name: 'a\u0000b', address: '/' }, 422, 'name'],
      [{ name: 42, address: '/' }, 422, 'name'],
      [{ name: 'Ok', address: 'https://evil.example/' }, 422, 'address'],
      [{ name: 'Ok', address: '/snoozed' }, 422, 'address'],
      [{ name: 'Ok', address: '/?a=b#c' }, 422, 'address'],
      [{ name: 'Ok', address: `/?q=${'a'.repeat(2000)}` }, 422, 'address'],
      [{ name: 'Ok', address: '/', extra: 1 }, 422, 'extra'],
      [['Ok'], 422, ''],
    ];
    for (const [body, status, pointer] of cases) {
      const response = await inbox.call('POST', '/views', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect((response.body as ErrorDoc).errors[0]?.source.pointer).toBe(pointer);
    }
    expect((await inbox.call('POST', '/views', '{"name":', 'application/json')).status).toBe(400);
    expect((await inbox.call('POST', '/views', 'name=x', 'text/plain')).status).toBe(415);
    expect((await inbox.call('PATCH', '/views/not-an-id', { name: 'x' })).status).toBe(404);
    const view = (await inbox.call('POST', '/views', { name: 'Ok', address: '/' })).body
      .data as View;
    expect((await inbox.call('PATCH', `/views/${view.id}`, { position: -1 })).status).toBe(422);
    expect((await inbox.call('PATCH', `/views/${view.id}`, { position: 1.5 })).status).toBe(422);
    expect((await inbox.call('GET', '/views')).body.data).toEqual([view]);
  });

  it(`keeps at most ${MAX_VIEWS} views, and says why`, async () => {
    const inbox = demoInbox();
    for (let index = 0; index < MAX_VIEWS; index++) {
      expect((await inbox.call('POST', '/views', { name: `V${index}`, address: '/' })).status).toBe(
        201,
      );
    }
    const refused = await inbox.call('POST', '/views', { name: 'One more', address: '/' });
    expect(refused.status).toBe(422);
    expect((refused.body as ErrorDoc).errors[0]?.detail).toMatch(/at most 50 saved views/);
  });

  it('keeps each scope’s views apart: another person neither sees nor changes them', async () => {
    const inbox = demoInbox();
    inbox.as('team:1:501');
    const mine = (await inbox.call('POST', '/views', { name: 'Mine', address: '/' })).body
      .data as View;
    inbox.as('team:1:502');
    expect((await inbox.call('GET', '/views')).body.data).toEqual([]);
    expect((await inbox.call('PATCH', `/views/${mine.id}`, { name: 'Theirs' })).status).toBe(404);
    await inbox.call('DELETE', `/views/${mine.id}`);
    inbox.as('team:1:501');
    expect((await inbox.call('GET', '/views')).body.data).toEqual([mine]);
  });
});

describe('mutes', () => {
  it('dismisses new activity on a muted item, keeps a mention, and stops once unmuted', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    const { target_type: type, target_id: targetId } = inbox.row(id);
    const path = `/mutes/item/${type.toLowerCase()}/${targetId}`;
    const muted = await inbox.call('PUT', path, { title: 'The launch' });
    expect(muted.body.data).toEqual({
      id: `item:${type.toLowerCase()}:${targetId}`,
      kind: 'item',
      targetType: type.toLowerCase(),
      targetId: String(targetId),
      title: 'The launch',
      mutedAt: new Date(TEST_NOW).toISOString(),
    });
    // The app dismisses the notification itself; activity from before the mute is not touched.
    inbox.dismiss(id);

    inbox.bump(id, TEST_NOW + MINUTE);
    expect(await inbox.mutes.tick()).toBe(1);
    expect(inbox.row(id).dismissed).toBe(1);

    // A mention stays, as GitHub's do.
    inbox.bump(id, TEST_NOW + 2 * MINUTE, true);
    expect(await inbox.mutes.tick()).toBe(0);
    expect(inbox.row(id).dismissed).toBe(0);

    // The app's visit applies them too.
    inbox.bump(id, TEST_NOW + 3 * MINUTE);
    expect((await inbox.call('GET', '/mutes')).body.data).toHaveLength(1);
    expect(inbox.row(id).dismissed).toBe(1);

    expect((await inbox.call('DELETE', path)).status).toBe(204);
    expect((await inbox.call('DELETE', path)).status).toBe(204);
    inbox.bump(id, TEST_NOW + 4 * MINUTE);
    expect(await inbox.mutes.tick()).toBe(0);
    expect(inbox.row(id).dismissed).toBe(0);
    expect((await inbox.call('GET', '/mutes')).body.data).toEqual([]);
  });

  it('leaves a notification the person brought back by hand until something new happens', async () => {
    const inbox = demoInbox();
    const [id] = inbox.inInbox() as [string];
    const { target_type: type, target_id: targetId } = inbox.row(id);
    await inbox.call('PUT', `/mutes/item/${type.toLowerCase()}/${targetId}`, { title: 'x' });
    inbox.bump(id, TEST_NOW + MINUTE);
    await inbox.mutes.tick();
    // Restored from Dismissed by hand:
    inbox.server.db.prepare('UPDATE notifications SET dismissed = 0 WHERE id = ?').run(Number(id));
    expect(await inbox.mutes.tick()).toBe(0);
    expect(inbox.row(id).dismissed).toBe(0);
  });

  it('mutes a whole project: its new notifications go, other projects’ stay', async () => {
    const inbox = demoInbox();
    const ids = inbox.inInbox();
    const project = inbox.row(ids[0] as string).project_id;
    const inProject = ids.filter((id) => inbox.row(id).project_id === project);
    const elsewhere = ids.find((id) => inbox.row(id).project_id !== project) as string;
    expect(
      (await inbox.call('PUT', `/mutes/project/${project}`, { title: 'Website' })).status,
    ).toBe(200);
    for (const id of inProject) inbox.bump(id, TEST_NOW + MINUTE);
    inbox.bump(elsewhere, TEST_NOW + MINUTE);
    expect(await inbox.mutes.tick()).toBe(inProject.length);
    expect(inProject.map((id) => inbox.row(id).dismissed)).toEqual(inProject.map(() => 1));
    expect(inbox.row(elsewhere).dismissed).toBe(0);
  });

  it('refuses bad input, and keeps each scope’s mutes apart', async () => {
    const inbox = demoInbox();
    expect((await inbox.call('PUT', '/mutes/item/task/0', { title: 'x' })).status).toBe(404);
    expect((await inbox.call('PUT', '/mutes/item/Task!/1', { title: 'x' })).status).toBe(404);
    expect((await inbox.call('PUT', '/mutes/item/task/1', { title: '' })).status).toBe(422);
    expect((await inbox.call('PUT', '/mutes/item/task/1', { title: 'x'.repeat(201) })).status).toBe(
      422,
    );
    expect((await inbox.call('PUT', '/mutes/item/task/1', { title: 'x', kind: 'y' })).status).toBe(
      422,
    );
    expect((await inbox.call('PUT', '/mutes/item/task/1', 'x', 'text/plain')).status).toBe(415);
    expect((await inbox.call('GET', '/mutes')).body.data).toEqual([]);

    inbox.as('team:1:501');
    await inbox.call('PUT', '/mutes/project/7', { title: 'Seven' });
    inbox.as('team:1:502');
    expect((await inbox.call('GET', '/mutes')).body.data).toEqual([]);
    await inbox.call('DELETE', '/mutes/project/7');
    inbox.as('team:1:501');
    expect((await inbox.call('GET', '/mutes')).body.data).toHaveLength(1);
  });
});

describe('reseeding the demo database', () => {
  it('clears mutes with the data they name, and keeps saved views', async () => {
    const inbox = demoInbox();
    await inbox.call('POST', '/views', { name: 'Kept', address: '/' });
    await inbox.call('PUT', '/mutes/project/1', { title: 'Gone' });
    seedDatabase(inbox.server.db, { notifications: 20 });
    expect((await inbox.call('GET', '/views')).body.data).toHaveLength(1);
    expect((await inbox.call('GET', '/mutes')).body.data).toEqual([]);
  });
});
