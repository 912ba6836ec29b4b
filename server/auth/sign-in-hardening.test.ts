import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, STANDIN_PEOPLE, type Standin } from '../testing/productive-standin.ts';
import { deriveTokenKey } from './crypto.ts';
import { createAuthRoutes, type AuthMode } from './routes.ts';
import { SessionLimitReached, SessionStore } from './session-store.ts';
import {
  limiterKey,
  RefusalWindow,
  REFUSALS_PER_ADDRESS,
  REFUSALS_PER_ORGANIZATION,
  signInLimiter,
} from './sign-in-limiter.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters!';
const DAY = 24 * 60 * 60 * 1000;
const [ana, marko] = STANDIN_PEOPLE as [(typeof STANDIN_PEOPLE)[0], (typeof STANDIN_PEOPLE)[0]];
const identity = (person: typeof ana) => ({
  personId: person.personId,
  personName: person.firstName,
  organizationId: person.organizationId,
  organizationName: 'Acme Agency',
  token: person.token,
});

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({
    people: STANDIN_PEOPLE.map((person) => ({ ...person, notifications: 5 })),
  });
});
afterAll(() => standin.close());

function authApp(options: Partial<Extract<AuthMode, { kind: 'team' }>> = {}) {
  const store =
    options.store ??
    new SessionStore({ path: ':memory:', key: deriveTokenKey(SECRET), ttlMs: DAY });
  const root = new Hono();
  root.route(
    '/auth',
    createAuthRoutes({ kind: 'team', upstream: standin.url, ttlMs: DAY, ...options, store }),
  );
  const signIn = (person: typeof ana, headers: Record<string, string> = {}) =>
    root.request('/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ token: person.token, organizationId: person.organizationId }),
    });
  return { root, store, signIn };
}
const cookieValue = (response: Response) =>
  /inbox_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

describe('the sign-in limiter', () => {
  it('forgets the least recently refused first, never an address it limits now', () => {
    const window = new RefusalWindow(2, { maxKeys: 100 });
    window.refused('203.0.113.7');
    window.refused('203.0.113.7');
    expect(window.waitSeconds('203.0.113.7')).toBeGreaterThan(0);
    // 99 other addresses fill the table: the limited one is kept (a full table was once cleared at a stroke).
    for (let index = 0; index < 99; index++) window.refused(`198.51.100.${index}`);
    expect(window.size).toBe(100);
    expect(window.waitSeconds('203.0.113.7')).toBeGreaterThan(0);
    // One more forgets only the least recently refused (now the limited one, 100 addresses ago); the rest stay.
    window.refused('192.0.2.1');
    expect(window.size).toBe(100);
    expect(window.waitSeconds('203.0.113.7')).toBe(0);
    window.refused('198.51.100.0');
    expect(window.waitSeconds('198.51.100.0')).toBeGreaterThan(0);
  });

  it('limits refusals per organization too, so guesses spread over addresses stop', () => {
    let now = 1_000_000;
    const limiter = signInLimiter(() => now);
    for (let index = 0; index < REFUSALS_PER_ORGANIZATION; index++) {
      expect(limiter.waitSeconds(`198.51.100.${index}`, '4242')).toBe(0);
      limiter.refused(`198.51.100.${index}`, '4242');
    }
    expect(limiter.waitSeconds('192.0.2.200', '4242')).toBeGreaterThan(0);
    expect(limiter.waitSeconds('192.0.2.200', '17')).toBe(0);
    now += 61_000;
    expect(limiter.waitSeconds('192.0.2.200', '4242')).toBe(0);
    // One client alone reaches its own limit long before the organization's.
    expect(REFUSALS_PER_ADDRESS * 4).toBeLessThan(REFUSALS_PER_ORGANIZATION);
  });

  it('counts IPv6 clients by their /64', () => {
    expect(limiterKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(limiterKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(limiterKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limiterKey('203.0.113.7')).toBe('203.0.113.7');
  });
});

describe('who may sign in', () => {
  it('refuses an organization not in INBOX_ALLOWED_ORGANIZATIONS before asking Productive', async () => {
    const { signIn } = authApp({ allowedOrganizations: ['17'] });
    const asked = standin.requests.length;
    const response = await signIn(ana);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      errors: [{ code: 'organization_not_allowed', source: { pointer: 'organizationId' } }],
    });
    expect(standin.requests.length).toBe(asked);
    expect((await authApp({ allowedOrganizations: ['4242'] }).signIn(ana)).status).toBe(201);
  });

  it('never suggests an organization the server would refuse: the token belongs to none it serves', async () => {
    const { signIn } = authApp({ allowedOrganizations: ['5555'] });
    const response = await signIn({ ...ana, organizationId: '5555' });
    expect(response.status).toBe(403);
    const { errors } = (await response.json()) as { errors: { code: string; detail: string }[] };
    expect(errors[0]?.code).toBe('wrong_organization');
    expect(errors[0]?.detail).toContain('nor to any other organization this inbox server is for');
    expect(errors[0]?.detail).not.toContain(ana.organizationId);
  });

  it('ends a person’s least recently used sessions past INBOX_SESSIONS_PER_PERSON', () => {
    let now = 1_000_000;
    const store = new SessionStore({
      path: ':memory:',
      key: deriveTokenKey(SECRET),
      ttlMs: DAY,
      now: () => now,
      sessionsPerPerson: 2,
    });
    const first = store.create(identity(ana));
    now += 1000;
    const second = store.create(identity(ana));
    now += 120_000;
    expect(store.find(first)).not.toBeNull(); // used: now the most recent
    now += 1000;
    const marko1 = store.create(identity(marko));
    const third = store.create(identity(ana));
    expect(store.find(second)).toBeNull();
    expect(store.find(first)).not.toBeNull();
    expect(store.find(third)).not.toBeNull();
    expect(store.find(marko1)).not.toBeNull();
  });

  it('refuses sign-ins past INBOX_MAX_SESSIONS with a clear 503', async () => {
    const store = new SessionStore({
      path: ':memory:',
      key: deriveTokenKey(SECRET),
      ttlMs: DAY,
      maxSessions: 2,
    });
    store.create(identity(ana));
    store.create(identity(marko));
    expect(() => store.create(identity(ana))).toThrow(SessionLimitReached);
    const response = await authApp({ store }).signIn(marko);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ errors: [{ code: 'too_many_sessions' }] });
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('session cookies', () => {
  it('finds the real session behind a bogus cookie of the same name', async () => {
    const { root, signIn } = authApp();
    const id = cookieValue(await signIn(ana)) as string;
    const response = await root.request('/auth/session', {
      headers: { Cookie: `inbox_session=bogus-${'x'.repeat(40)}; inbox_session=${id}` },
    });
    expect(response.status).toBe(200);
  });

  it('is __Host- prefixed behind https', async () => {
    const { root, signIn } = authApp();
    const response = await signIn(ana, { 'X-Forwarded-Proto': 'https' });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-inbox_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Domain/i);
    const id = cookieValue(response) as string;
    const session = await root.request('/auth/session', {
      headers: { Cookie: `__Host-inbox_session=${id}`, 'X-Forwarded-Proto': 'https' },
    });
    expect(session.status).toBe(200);
  });

  it('clears the cookie of a session that is over', async () => {
    const { root } = authApp();
    const response = await root.request('/auth/session', {
      headers: { Cookie: `inbox_session=${'e'.repeat(43)}` },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toMatch(/^inbox_session=;.*Max-Age=0/);
  });

  it('forgets sessions sealed under another INBOX_SESSION_SECRET, so the old secret cannot bring them back', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'inbox-secret-')), 'sessions.db');
    const before = new SessionStore({ path, key: deriveTokenKey(SECRET), ttlMs: DAY });
    const id = before.create(identity(ana));
    before.close();
    const rotated = new SessionStore({ path, key: deriveTokenKey(`${SECRET}-new`), ttlMs: DAY });
    expect(rotated.purgeExpired()).toBe(1);
    rotated.close();
    const back = new SessionStore({ path, key: deriveTokenKey(SECRET), ttlMs: DAY });
    expect(back.find(id)).toBeNull();
    back.close();
  });
});
