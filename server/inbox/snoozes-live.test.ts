/**
 * Snoozes in personal and team mode, against the stand-in for Productive over real HTTP: the dismiss, the undismiss
 * and the look for new activity go upstream with the token of the person whose inbox it is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTokenKey } from '../auth/crypto.ts';
import { SESSION_COOKIE } from '../auth/routes.ts';
import { SessionStore } from '../auth/session-store.ts';
import { createTeamApi } from '../auth/team.ts';
import { createApp } from '../http/app.ts';
import { createLiveApi } from '../live/proxy.ts';
import { startStandin, STANDIN_PEOPLE, type Standin } from '../testing/productive-standin.ts';
import { SettableClock } from './clock.ts';
import { personalOwners, teamOwners, type InboxOwners } from './owners.ts';
import { createInboxRoutes } from './routes.ts';
import { SnoozeService } from './snooze-service.ts';
import { SnoozeStore } from './snooze-store.ts';

const [ana, marko] = STANDIN_PEOPLE as [(typeof STANDIN_PEOPLE)[0], (typeof STANDIN_PEOPLE)[0]];
const NOW = Date.UTC(2030, 0, 1, 12);
const HOUR = 60 * 60 * 1000;

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({
    people: STANDIN_PEOPLE.map((person) => ({ ...person, notifications: 30 })),
  });
});
afterAll(() => standin.close());

function inboxWith(
  owners: InboxOwners,
  api = createLiveApi({ upstream: 'http://127.0.0.1:9/api/v2', credentials: () => undefined }),
) {
  const clock = new SettableClock(() => 0);
  clock.set(NOW);
  const store = new SnoozeStore(join(mkdtempSync(join(tmpdir(), 'inbox-snoozes-')), 'snoozes.db'));
  const service = new SnoozeService({ store, clock, gatewayFor: owners.gatewayFor });
  const app = createApp({
    api,
    inbox: createInboxRoutes({ service, ownerOf: owners.ownerOf, middleware: owners.middleware }),
  });
  const call = async (
    method: string,
    path: string,
    { cookie, body }: { cookie?: string; body?: unknown } = {},
  ) => {
    const response = await app.request(`/api/inbox${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(cookie ? { Cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return { clock, store, service, call };
}

const dismissedIn = (token: string, id: string) =>
  (
    standin.databases
      .get(token)
      ?.prepare('SELECT dismissed FROM notifications WHERE id = ?')
      .get(Number(id)) as {
      dismissed: number;
    }
  ).dismissed === 1;
const inboxOf = (token: string) =>
  (
    standin.databases
      .get(token)
      ?.prepare('SELECT id FROM notifications WHERE dismissed = 0 ORDER BY id')
      .all() as {
      id: number;
    }[]
  ).map((row) => String(row.id));
const actionsSince = (from: number) =>
  standin.requests
    .slice(from)
    .filter((request) => request.method === 'PATCH')
    .map((request) => ({
      path: request.path,
      token: request.token,
      organizationId: request.organizationId,
    }));

describe('personal mode', () => {
  const owners = () =>
    personalOwners({
      scope: 'personal:4242:fingerprint',
      upstream: standin.url,
      credentials: { token: ana.token, organizationId: ana.organizationId },
    });

  it('dismisses upstream on snooze and undismisses upstream when due, with the server’s token', async () => {
    const inbox = inboxWith(owners());
    const [id] = inboxOf(ana.token) as [string];
    const from = standin.requests.length;
    const scheduled = await inbox.call('PUT', `/snoozes/${id}`, {
      body: { wakeAt: new Date(NOW + HOUR).toISOString() },
    });
    expect(scheduled.status).toBe(200);
    expect(dismissedIn(ana.token, id)).toBe(true);
    expect(actionsSince(from)).toEqual([
      { path: `/api/v2/notifications/${id}/dismiss`, token: ana.token, organizationId: '4242' },
    ]);

    inbox.clock.set(NOW + 2 * HOUR);
    expect(await inbox.service.tick()).toMatchObject({ woken: 1 });
    expect(dismissedIn(ana.token, id)).toBe(false);
    expect(actionsSince(from).at(-1)).toEqual({
      path: `/api/v2/notifications/${id}/undismiss`,
      token: ana.token,
      organizationId: '4242',
    });
    expect((await inbox.call('GET', '/snoozes')).body.data).toMatchObject([{ id, state: 'woken' }]);
    // Marko's inbox was never touched.
    expect(standin.requests.slice(from).every((request) => request.token === ana.token)).toBe(true);
  });

  it('new activity upstream does not wake it: dismissed again, counted', async () => {
    const inbox = inboxWith(owners());
    const id = inboxOf(ana.token)[1] as string;
    await inbox.call('PUT', `/snoozes/${id}`, {
      body: { wakeAt: new Date(NOW + HOUR).toISOString() },
    });
    standin.databases
      .get(ana.token)
      ?.prepare('UPDATE notifications SET dismissed = 0, last_action_at = ? WHERE id = ?')
      .run('2030-01-01T12:30:00.000+00:00', Number(id));
    expect(await inbox.service.tick()).toMatchObject({ woken: 0, redismissed: 1 });
    expect(dismissedIn(ana.token, id)).toBe(true);
    expect((await inbox.call('GET', '/snoozes')).body.data).toMatchObject([
      { id, state: 'scheduled', newActivityCount: 1 },
    ]);
  });

  it('says why a snooze could not be made, and keeps none', async () => {
    const inbox = inboxWith(owners());
    const missing = await inbox.call('PUT', '/snoozes/99999', {
      body: { wakeAt: new Date(NOW + HOUR).toISOString() },
    });
    expect(missing.status).toBe(404);
    const unreachable = inboxWith(
      personalOwners({
        scope: 'personal:4242:fingerprint',
        upstream: 'http://127.0.0.1:9/api/v2',
        credentials: { token: ana.token, organizationId: ana.organizationId },
      }),
    );
    const down = await unreachable.call('PUT', '/snoozes/1', {
      body: { wakeAt: new Date(NOW + HOUR).toISOString() },
    });
    expect(down.status).toBe(502);
    expect(down.body.errors[0]).toMatchObject({ status: '502', code: 'upstream_error' });
    expect((await inbox.call('GET', '/snoozes')).body.data).toEqual([]);
  });
});

describe('team mode', () => {
  /** Sessions of its own per test, so one test's sign-ins lend no token to another's. */
  const team = () => {
    const sessions = new SessionStore({
      path: ':memory:',
      key: deriveTokenKey('a-session-secret-of-at-least-32-characters!'),
      ttlMs: 24 * HOUR,
    });
    const signIn = (person: typeof ana) =>
      sessions.create({
        token: person.token,
        personId: person.personId,
        personName: person.firstName,
        organizationId: person.organizationId,
        organizationName: person.organizationName,
      });
    const inbox = inboxWith(
      teamOwners({ store: sessions, upstream: standin.url }),
      createTeamApi({ store: sessions, upstream: standin.url }),
    );
    return { sessions, signIn, inbox };
  };

  it('answers 401 without a session, for every endpoint', async () => {
    const { inbox } = team();
    for (const [method, path, body] of [
      ['GET', '/snoozes'],
      ['PUT', '/snoozes/1', { wakeAt: new Date(NOW + HOUR).toISOString() }],
      ['DELETE', '/snoozes/1'],
      ['POST', '/snoozes/1/wake'],
      ['POST', '/snoozes/1/acknowledge'],
    ] as const) {
      const response = await inbox.call(method, path, { cookie: 'not-a-session', body });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.body.errors[0]).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('a token Productive no longer accepts ends its session, as on the API', async () => {
    const { inbox, sessions } = team();
    const cookie = sessions.create({
      token: 'pat-revoked-0000000000000000',
      personId: '501',
      personName: 'Ana',
      organizationId: '4242',
      organizationName: 'Acme Agency',
    });
    const refused = await inbox.call('PUT', '/snoozes/1', {
      cookie,
      body: { wakeAt: new Date(NOW + HOUR).toISOString() },
    });
    expect(refused.status).toBe(401);
    expect(sessions.find(cookie)).toBeNull();
  });

  it('two people never see or change each other’s snoozes', async () => {
    const { inbox, signIn } = team();
    const [anaCookie, markoCookie] = [signIn(ana), signIn(marko)];
    const anaId = inboxOf(ana.token)[2] as string;
    const markoId = inboxOf(marko.token)[2] as string;
    const from = standin.requests.length;
    await inbox.call('PUT', `/snoozes/${anaId}`, {
      cookie: anaCookie,
      body: { wakeAt: new Date(NOW + HOUR).toISOString() },
    });
    await inbox.call('PUT', `/snoozes/${markoId}`, {
      cookie: markoCookie,
      body: { wakeAt: new Date(NOW + 2 * HOUR).toISOString() },
    });
    expect(dismissedIn(ana.token, anaId)).toBe(true);
    expect(dismissedIn(marko.token, markoId)).toBe(true);
    expect(actionsSince(from).map((action) => action.token)).toEqual([ana.token, marko.token]);

    const anaList = (await inbox.call('GET', '/snoozes', { cookie: anaCookie })).body.data;
    const markoList = (await inbox.call('GET', '/snoozes', { cookie: markoCookie })).body.data;
    expect(anaList.map((snooze: { id: string }) => snooze.id)).toEqual([anaId]);
    expect(markoList.map((snooze: { id: string }) => snooze.id)).toEqual([markoId]);
    if (anaId !== markoId) {
      expect(
        (await inbox.call('DELETE', `/snoozes/${anaId}`, { cookie: markoCookie })).status,
      ).toBe(404);
      expect(
        (await inbox.call('POST', `/snoozes/${anaId}/wake`, { cookie: markoCookie })).status,
      ).toBe(404);
    }
    expect(dismissedIn(ana.token, anaId)).toBe(true);
    expect(inbox.store.get('team:4242:501', anaId)?.state).toBe('scheduled');
    expect(inbox.store.get('team:4242:502', markoId)?.state).toBe('scheduled');
  });

  it('the server wakes a person’s snooze with a live session of theirs; with none, it waits for their visit', async () => {
    const { inbox, signIn, sessions } = team();
    const cookie = signIn(marko);
    const id = inboxOf(marko.token)[3] as string;
    await inbox.call('PUT', `/snoozes/${id}`, {
      cookie,
      body: { wakeAt: new Date(NOW + HOUR).toISOString() },
    });
    sessions.delete(cookie);
    inbox.clock.set(NOW + 2 * HOUR);
    expect(await inbox.service.tick()).toMatchObject({ woken: 0, skippedScopes: 1 });
    expect(dismissedIn(marko.token, id)).toBe(true);

    // Signed in again (another device): the next round uses that session's token.
    signIn(marko);
    const from = standin.requests.length;
    expect(await inbox.service.tick()).toMatchObject({ woken: 1 });
    expect(dismissedIn(marko.token, id)).toBe(false);
    expect(actionsSince(from)).toEqual([
      { path: `/api/v2/notifications/${id}/undismiss`, token: marko.token, organizationId: '4242' },
    ]);
  });

  it('the app’s visit wakes what is due with the visitor’s own token', async () => {
    const { inbox, signIn } = team();
    const cookie = signIn(ana);
    const id = inboxOf(ana.token)[4] as string;
    await inbox.call('PUT', `/snoozes/${id}`, {
      cookie,
      body: { wakeAt: new Date(NOW + HOUR).toISOString() },
    });
    inbox.clock.set(NOW + 2 * HOUR);
    const listed = await inbox.call('GET', '/snoozes', { cookie });
    expect(listed.body.data).toMatchObject([{ id, state: 'woken' }]);
    expect(dismissedIn(ana.token, id)).toBe(false);
  });
});

describe('the session store lends a person’s token', () => {
  it('from their most recent live session, never an expired one', () => {
    let now = 0;
    const store = new SessionStore({
      path: ':memory:',
      key: deriveTokenKey('a-session-secret-of-at-least-32-characters!'),
      ttlMs: HOUR,
      now: () => now,
    });
    const identity = {
      personId: '501',
      personName: 'Ana',
      organizationId: '4242',
      organizationName: 'Acme',
    };
    expect(store.tokenOfPerson('4242', '501')).toBeNull();
    store.create({ ...identity, token: 'old-token' });
    now = 10;
    store.create({ ...identity, token: 'new-token' });
    expect(store.tokenOfPerson('4242', '501')).toBe('new-token');
    expect(store.tokenOfPerson('4242', '502')).toBeNull();
    expect(store.tokenOfPerson('4243', '501')).toBeNull();
    now = 2 * HOUR;
    expect(store.tokenOfPerson('4242', '501')).toBeNull();
    store.close();
  });
});
