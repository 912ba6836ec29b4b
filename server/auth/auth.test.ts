import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnFreePort } from '../http/listen.ts';
import { startStandin, STANDIN_PEOPLE, type Standin } from '../testing/productive-standin.ts';
import { decryptToken, deriveTokenKey, encryptToken, hashSessionId } from './crypto.ts';
import { personalScope, withPageSession } from './page-session.ts';
import { createAuthRoutes, SESSION_COOKIE } from './routes.ts';
import { SessionStore } from './session-store.ts';
import { identityFrom, verifyCredentials } from './verify.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters!';
const [ana, marko] = STANDIN_PEOPLE as [(typeof STANDIN_PEOPLE)[0], (typeof STANDIN_PEOPLE)[0]];
const DAY = 24 * 60 * 60 * 1000;

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({
    people: STANDIN_PEOPLE.map((person) => ({ ...person, notifications: 20 })),
  });
});
afterAll(() => standin.close());

const tempPath = (name: string) => join(mkdtempSync(join(tmpdir(), 'inbox-auth-')), name);

describe('token encryption', () => {
  const key = deriveTokenKey(SECRET);

  it('round-trips, and never stores the token in the clear', () => {
    const sealed = encryptToken(key, ana.token, 'session-a');
    expect(sealed).not.toContain(ana.token);
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain(ana.token);
    expect(decryptToken(key, sealed, 'session-a')).toBe(ana.token);
  });

  it('refuses another secret, another session and a tampered ciphertext', () => {
    const sealed = encryptToken(key, ana.token, 'session-a');
    expect(decryptToken(deriveTokenKey(`${SECRET}x`), sealed, 'session-a')).toBeNull();
    expect(decryptToken(key, sealed, 'session-b')).toBeNull();
    const bytes = Buffer.from(sealed, 'base64');
    bytes.writeUInt8((bytes.at(-1) ?? 0) ^ 1, bytes.length - 1);
    expect(decryptToken(key, bytes.toString('base64'), 'session-a')).toBeNull();
    expect(decryptToken(key, 'not base64 at all', 'session-a')).toBeNull();
  });
});

describe('the session store', () => {
  const identity = {
    personId: '501',
    personName: 'Ana Kovač',
    organizationId: '4242',
    organizationName: 'Acme Agency',
  };

  it('keeps sessions across a restart, with only the id’s hash and the sealed token on disk', () => {
    const path = tempPath('sessions.db');
    const first = new SessionStore({ path, key: deriveTokenKey(SECRET), ttlMs: DAY });
    const id = first.create({ ...identity, token: ana.token });
    first.close();
    const again = new SessionStore({ path, key: deriveTokenKey(SECRET), ttlMs: DAY });
    expect(again.find(id)).toEqual({ ...identity, token: ana.token });
    again.close();

    const raw = new DatabaseSync(path);
    const rows = raw.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
    raw.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id_hash).toBe(hashSessionId(id));
    const everything = JSON.stringify(rows) + readFileSync(path, 'latin1');
    expect(everything).not.toContain(ana.token);
    expect(everything).not.toContain(id);
  });

  it('is readable by this user only', () => {
    const path = tempPath('sessions.db');
    const store = new SessionStore({ path, key: deriveTokenKey(SECRET), ttlMs: DAY });
    store.create({ ...identity, token: ana.token });
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(statSync(file).mode & 0o077, file).toBe(0);
    }
    store.close();
  });

  it('a different secret cannot read the stored tokens', () => {
    const path = tempPath('sessions.db');
    const store = new SessionStore({ path, key: deriveTokenKey(SECRET), ttlMs: DAY });
    const id = store.create({ ...identity, token: ana.token });
    store.close();
    const other = new SessionStore({ path, key: deriveTokenKey(`${SECRET}!`), ttlMs: DAY });
    expect(other.find(id)).toBeNull();
    other.close();
  });

  it('expires after the inactivity time, and use keeps it alive', () => {
    let now = 1_000_000;
    const store = new SessionStore({
      path: ':memory:',
      key: deriveTokenKey(SECRET),
      ttlMs: 10 * 60_000,
      now: () => now,
    });
    const id = store.create({ ...identity, token: ana.token });
    now += 9 * 60_000;
    expect(store.find(id)).not.toBeNull();
    now += 9 * 60_000; // 18 min after sign-in, 9 after the last use
    expect(store.find(id)).not.toBeNull();
    now += 11 * 60_000;
    expect(store.find(id)).toBeNull();
    expect(store.find(id)).toBeNull();
    const later = store.create({ ...identity, token: ana.token });
    now += 11 * 60_000;
    expect(store.purgeExpired()).toBe(1);
    expect(store.find(later)).toBeNull();
  });

  it('deletes a signed-out session, and ignores unknown or absurd ids', () => {
    const store = new SessionStore({ path: ':memory:', key: deriveTokenKey(SECRET), ttlMs: DAY });
    const id = store.create({ ...identity, token: ana.token });
    store.delete(id);
    expect(store.find(id)).toBeNull();
    expect(store.find(undefined)).toBeNull();
    expect(store.find('x'.repeat(10_000))).toBeNull();
    expect(store.find('unknown')).toBeNull();
  });
});

describe('checking a token against Productive', () => {
  it('names the person and organization of a good token', async () => {
    const result = await verifyCredentials({
      upstream: standin.url,
      token: marko.token,
      organizationId: marko.organizationId,
    });
    expect(result).toEqual({
      ok: true,
      identity: {
        personId: '502',
        personName: 'Marko Horvat',
        organizationId: '4242',
        organizationName: 'Acme Agency',
      },
    });
  });

  it('says which part was wrong', async () => {
    const verify = (token: string, organizationId: string, upstream = standin.url) =>
      verifyCredentials({ upstream, token, organizationId, timeoutMs: 1000 });
    expect(await verify('pat-wrong', ana.organizationId)).toEqual({
      ok: false,
      failure: 'wrong_token',
    });
    expect(await verify(ana.token, '999')).toEqual({
      ok: false,
      failure: 'wrong_organization',
      organizations: [{ id: '4242', name: 'Acme Agency' }],
    });
    expect(await verify(ana.token, ana.organizationId, 'http://127.0.0.1:9/api/v2')).toEqual({
      ok: false,
      failure: 'unreachable',
    });
  });

  it('refuses a membership list that does not name the organization', () => {
    expect(identityFrom({ data: [] }, '4242')).toBeNull();
    expect(identityFrom(null, '4242')).toBeNull();
    expect(
      identityFrom(
        {
          data: [
            {
              relationships: {
                person: { data: { id: '1' } },
                organization: { data: { id: '1' } },
              },
            },
          ],
        },
        '4242',
      ),
    ).toBeNull();
  });
});

describe('/auth in team mode', () => {
  const store = new SessionStore({ path: ':memory:', key: deriveTokenKey(SECRET), ttlMs: DAY });
  const app = () => {
    const root = new Hono();
    root.route(
      '/auth',
      createAuthRoutes({ kind: 'team', store, upstream: standin.url, ttlMs: 30 * DAY }),
    );
    return root;
  };
  const signIn = (body: unknown, type = 'application/json') =>
    app().request('/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': type },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const cookieOf = (response: Response) =>
    /inbox_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

  it('signs in: an opaque HttpOnly, SameSite=Strict cookie, and the identity without the token', async () => {
    const response = await signIn({ token: ana.token, organizationId: ana.organizationId });
    expect(response.status).toBe(201);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    const id = cookieOf(response) as string;
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const text = await response.text();
    expect(text).not.toContain(ana.token);
    expect(JSON.parse(text).data).toEqual({
      mode: 'team',
      signedIn: true,
      scope: 'team:4242:501',
      person: { id: '501', name: 'Ana Kovač' },
      organization: { id: '4242', name: 'Acme Agency' },
    });

    const session = await app().request('/auth/session', {
      headers: { Cookie: `${SESSION_COOKIE}=${id}` },
    });
    expect(session.status).toBe(200);
    expect((await session.json()).data.person.name).toBe('Ana Kovač');
  });

  it('sets Secure behind https', async () => {
    const response = await app().request('/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify({ token: ana.token, organizationId: ana.organizationId }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuses a wrong token, a wrong organization and an unreachable Productive, making no session', async () => {
    const wrongToken = await signIn({ token: 'pat-nope', organizationId: '4242' });
    expect(wrongToken.status).toBe(401);
    expect((await wrongToken.json()).errors[0].code).toBe('invalid_token');
    expect(wrongToken.headers.get('set-cookie')).toBeNull();

    const wrongOrganization = await signIn({ token: ana.token, organizationId: '77' });
    expect(wrongOrganization.status).toBe(403);
    expect((await wrongOrganization.json()).errors[0].code).toBe('wrong_organization');
    expect(wrongOrganization.headers.get('set-cookie')).toBeNull();

    const down = new Hono();
    down.route(
      '/auth',
      createAuthRoutes({
        kind: 'team',
        store,
        upstream: 'http://127.0.0.1:9/api/v2',
        ttlMs: DAY,
      }),
    );
    const unreachable = await down.request('/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: ana.token, organizationId: '4242' }),
    });
    expect(unreachable.status).toBe(502);
    expect((await unreachable.json()).errors[0].code).toBe('upstream_unreachable');
    expect(unreachable.headers.get('set-cookie')).toBeNull();
  });

  it('refuses malformed sign-ins with a readable error and never echoes the token', async () => {
    const cases: [unknown, string | undefined, number, string][] = [
      [{ token: '', organizationId: '4242' }, undefined, 422, 'token'],
      [{ token: ana.token, organizationId: 'acme' }, undefined, 422, 'organizationId'],
      [{ token: 'x'.repeat(600), organizationId: '4242' }, undefined, 422, 'token'],
      ['{not json', undefined, 422, ''],
      [{ token: ana.token, organizationId: '4242' }, 'text/plain', 415, ''],
    ];
    for (const [body, type, status, pointer] of cases) {
      const response = await signIn(body, type);
      expect(response.status).toBe(status);
      const text = await response.text();
      expect(text).not.toContain(ana.token);
      const error = JSON.parse(text).errors[0];
      expect(typeof error.detail).toBe('string');
      if (status === 422) expect(error.source.pointer).toBe(pointer);
    }
  });

  it('signs out: the session is gone on the server, so the old cookie gets 401', async () => {
    const id = cookieOf(
      await signIn({ token: marko.token, organizationId: marko.organizationId }),
    ) as string;
    const cookie = { Cookie: `${SESSION_COOKIE}=${id}` };
    const out = await app().request('/auth/session', { method: 'DELETE', headers: cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/inbox_session=;.*Max-Age=0/);
    const replay = await app().request('/auth/session', { headers: cookie });
    expect(replay.status).toBe(401);
    expect((await replay.json()).errors[0].code).toBe('unauthenticated');
  });

  it('a new sign-in in the same browser ends the session it had', async () => {
    const first = cookieOf(await signIn({ token: ana.token, organizationId: '4242' })) as string;
    const second = await app().request('/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=${first}` },
      body: JSON.stringify({ token: marko.token, organizationId: '4242' }),
    });
    expect(second.status).toBe(201);
    expect(store.find(first)).toBeNull();
  });

  it('limits sign-in attempts', async () => {
    const limited = app();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await limited.request('/auth/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: 'pat-guess', organizationId: '4242' }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limitedAnswer = await limited.request('/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: ana.token, organizationId: ana.organizationId }),
    });
    expect(limitedAnswer.status).toBe(429);
    expect(Number(limitedAnswer.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts only refused sign-ins: people signing in successfully are never limited', async () => {
    const busy = app();
    for (let attempt = 0; attempt < 15; attempt++) {
      const response = await busy.request('/auth/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: marko.token, organizationId: marko.organizationId }),
      });
      expect(response.status).toBe(201);
    }
  });
});

describe('the page’s session', () => {
  it('is written into the head, escaped, and names no token', () => {
    const html = withPageSession('<html><head><title>x</title></head><body></body></html>', {
      mode: 'team',
      signedIn: true,
      scope: 'team:1:2',
      person: { id: '2', name: '"><script>alert(1)</script>' },
      organization: { id: '1', name: "O'Brien & Co" },
    });
    expect(html).not.toContain('<script>');
    const content = /<meta name="inbox-session" content="([^"]*)"/.exec(html)?.[1] ?? '';
    const decoded = content
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
    expect(JSON.parse(decoded).person.name).toBe('"><script>alert(1)</script>');
  });

  it('personal scope: stable for a token across restarts, different for another token, and not the token', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-scope-'));
    const first = personalScope(dir, ana.token, '4242');
    expect(personalScope(dir, ana.token, '4242')).toBe(first);
    expect(personalScope(dir, marko.token, '4242')).not.toBe(first);
    expect(first).toMatch(/^personal:4242:[A-Za-z0-9_-]{16}$/);
    expect(first).not.toContain(ana.token.slice(4, 12));
    expect(statSync(join(dir, 'scope.key')).mode & 0o077).toBe(0);
  });
});

describe('sign-in attempts behind a TLS proxy on this machine', () => {
  const behindProxy = (trustedProxies: string[]) => {
    const root = new Hono();
    root.route(
      '/auth',
      createAuthRoutes({
        kind: 'team',
        store: new SessionStore({ path: ':memory:', key: deriveTokenKey(SECRET), ttlMs: DAY }),
        upstream: standin.url,
        ttlMs: DAY,
        trustedProxies,
      }),
    );
    return root;
  };

  it('believe X-Forwarded-For only from a proxy named in INBOX_TRUSTED_PROXIES', async () => {
    const server = await listenOnFreePort(behindProxy([]));
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 11; index++) {
        const response = await fetch(`${server.origin}/auth/session`, {
          method: 'POST',
          // A fresh forged address every time: without a trusted proxy it is never read.
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${index}` },
          body: JSON.stringify({ token: 'pat-guess', organizationId: '4242' }),
        });
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      server.close();
    }
  });

  it('are counted per forwarded client, so one person guessing does not lock out the team', async () => {
    const root = behindProxy(['127.0.0.1']);
    const server = await listenOnFreePort(root);
    try {
      const attempt = (forwardedFor: string) =>
        fetch(`${server.origin}/auth/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
          body: JSON.stringify({ token: 'pat-guess', organizationId: '4242' }),
        }).then((response) => response.status);
      const guesser: number[] = [];
      for (let index = 0; index < 11; index++) guesser.push(await attempt('203.0.113.7'));
      expect(guesser.slice(0, 10).every((status) => status === 401)).toBe(true);
      expect(guesser.at(-1)).toBe(429);
      expect(await attempt('198.51.100.2')).toBe(401);
      // A client cannot pick its own bucket: the proxy's last entry is the one believed, and the proxy's own
      // address (trusted) is skipped to find it.
      expect(await attempt('198.51.100.9, 203.0.113.7')).toBe(429);
      expect(await attempt('198.51.100.9, 203.0.113.7, 127.0.0.1')).toBe(429);
    } finally {
      server.close();
    }
  });
});

describe('/auth in demo and personal mode', () => {
  it('describes the session, and has no sign-in', async () => {
    const root = new Hono();
    root.route('/auth', createAuthRoutes({ kind: 'demo' }));
    const session = await root.request('/auth/session');
    expect((await session.json()).data).toMatchObject({ mode: 'demo', scope: 'demo' });
    const post = await root.request('/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(404);

    const personal = new Hono();
    personal.route(
      '/auth',
      createAuthRoutes({
        kind: 'personal',
        scope: 'personal:4242:abc',
        organizationId: '4242',
        identity: () => ({
          personId: '501',
          personName: 'Ana Kovač',
          organizationId: '4242',
          organizationName: 'Acme Agency',
        }),
      }),
    );
    expect((await (await personal.request('/auth/session')).json()).data).toMatchObject({
      mode: 'personal',
      signedIn: true,
      scope: 'personal:4242:abc',
      person: { id: '501', name: 'Ana Kovač' },
      organization: { id: '4242', name: 'Acme Agency' },
    });
  });
});

describe('token scrubbing of names from Productive', () => {
  it('keeps the token out of the names a page shows, in any case or encoding', async () => {
    const evil = new Hono();
    evil.get('/api/v2/organization_memberships', (c) => {
      const token = c.req.header('x-auth-token') ?? '';
      return c.json({
        data: [
          {
            id: '1',
            type: 'organization_memberships',
            relationships: {
              person: { data: { type: 'people', id: '5' } },
              organization: { data: { type: 'organizations', id: '4242' } },
            },
          },
        ],
        included: [
          {
            id: '5',
            type: 'people',
            attributes: { first_name: token, last_name: token.toUpperCase() },
          },
          {
            id: '4242',
            type: 'organizations',
            attributes: { name: `Org ${encodeURIComponent(token).replaceAll('-', '%2D')}` },
          },
        ],
      });
    });
    const server = await listenOnFreePort(evil);
    try {
      const result = await verifyCredentials({
        upstream: `${server.origin}/api/v2`,
        token: ana.token,
        organizationId: '4242',
      });
      expect(result.ok).toBe(true);
      const text = JSON.stringify(result).toLowerCase();
      expect(text).not.toContain(ana.token.toLowerCase());
      expect(text).not.toContain('pat%2dana');
      expect(text).toContain('[redacted]');
    } finally {
      server.close();
    }
  });
});
