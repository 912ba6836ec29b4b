/**
 * Team sign-in as Productive's own clients do it (issue 18): `organization_memberships` asked with the token alone,
 * the membership of the organization typed chosen among the token's, and a clear refusal naming the organizations
 * the token does have when it has none there.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnFreePort } from '../http/listen.ts';
import { SessionStore } from './session-store.ts';
import { deriveTokenKey } from './crypto.ts';
import { createAuthRoutes } from './routes.ts';
import { verifyCredentials } from './verify.ts';

const TOKEN = 'pat-two-organizations-0123456789';
const seenHeaders: Record<string, string | undefined>[] = [];

/** A token with memberships in two organizations, answered whatever X-Organization-Id says (or none). */
const productive = new Hono();
productive.get('/api/v2/organization_memberships', (c) => {
  seenHeaders.push({
    token: c.req.header('x-auth-token'),
    organization: c.req.header('x-organization-id'),
  });
  if (c.req.header('x-auth-token') !== TOKEN) return c.json({ errors: [{ status: '401' }] }, 401);
  const membership = (id: string, person: string, organization: number) => ({
    id,
    type: 'organization_memberships',
    attributes: {},
    relationships: {
      person: { data: { type: 'people', id: person } },
      // Ids as numbers here, strings there: both occur.
      organization: { data: { type: 'organizations', id: organization } },
    },
  });
  return c.json({
    data: [membership('71', '9001', 10), membership('72', '9002', 4242)],
    included: [
      { id: '9001', type: 'people', attributes: { first_name: 'Ana', last_name: 'at Ten' } },
      { id: '9002', type: 'people', attributes: { first_name: 'Ana', last_name: 'Kovač' } },
      { id: 10, type: 'organizations', attributes: { name: 'Ten Studio' } },
      { id: '4242', type: 'organizations', attributes: { name: 'Acme Agency' } },
    ],
  });
});

let server: Awaited<ReturnType<typeof listenOnFreePort>>;
let upstream: string;
beforeAll(async () => {
  server = await listenOnFreePort(productive);
  upstream = `${server.origin}/api/v2`;
});
afterAll(() => server.close());

describe('team sign-in without X-Organization-Id', () => {
  it('asks with the token alone and chooses the membership of the organization given', async () => {
    seenHeaders.length = 0;
    const result = await verifyCredentials({ upstream, token: TOKEN, organizationId: '4242' });
    expect(result).toEqual({
      ok: true,
      identity: {
        personId: '9002',
        personName: 'Ana Kovač',
        organizationId: '4242',
        organizationName: 'Acme Agency',
      },
    });
    expect(seenHeaders).toEqual([{ token: TOKEN, organization: undefined }]);
    const other = await verifyCredentials({ upstream, token: TOKEN, organizationId: '10' });
    expect(other).toMatchObject({
      ok: true,
      identity: { personId: '9001', organizationName: 'Ten Studio' },
    });
  });

  it('refuses an organization the token has no membership in, naming the ones it has', async () => {
    const store = new SessionStore({
      path: ':memory:',
      key: deriveTokenKey('a-session-secret-of-at-least-32-characters!'),
      ttlMs: 60_000,
    });
    const app = new Hono();
    app.route('/auth', createAuthRoutes({ kind: 'team', store, upstream, ttlMs: 60_000 }));
    const response = await app.request('/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: TOKEN, organizationId: '777' }),
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { errors: { code: string; detail: string }[] };
    expect(body.errors[0]).toMatchObject({
      code: 'wrong_organization',
      detail:
        'This token has no access to that organization (777); it belongs to Ten Studio (10), ' +
        'Acme Agency (4242). Check the Organization ID.',
    });
    expect(JSON.stringify(body)).not.toContain(TOKEN);
    expect(response.headers.get('set-cookie')).toBeNull();
    store.close();
  });
});
