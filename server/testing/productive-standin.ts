/**
 * A local stand-in for Productive's API, over real HTTP, for team and personal mode: each known token belongs to
 * one person in one organization and sees only that person's own demo database. Unknown tokens get 401, a known
 * token with another organization 403, like Productive; `organization_memberships` answers the token alone, as
 * Productive's does. Every request is recorded (method, path, token and organization headers) so tests can check
 * who asked for what.
 *
 * `realistic: true` (STANDIN_REALISTIC=1) answers the way the real API does where it differs from the seed
 * (realistic.ts), adds a read-only token whose writes get 403, and keeps Productive's two rate windows per token,
 * answering `429` without `Retry-After` as Productive may; `POST /__standin/throttle {"count": N}` makes the next
 * N writes get that `429` too.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openDatabase, type Database } from '../db/database.ts';
import { createDemoApi } from '../api/router.ts';
import { ApiError } from '../api/errors.ts';
import { errorResponse } from '../api/respond.ts';
import { seedDatabase } from '../seed/generate.ts';
import { RateBudget } from '../live/rate-budget.ts';
import { makeRealistic, realisticAnswer, realisticList } from './realistic.ts';

export interface StandinPerson {
  token: string;
  organizationId: string;
  organizationName: string;
  personId: string;
  firstName: string;
  lastName: string;
  /** Seeds this person's own data: different seeds, different notifications. */
  seed: number;
  notifications?: number;
  /** A read-only token (realistic mode): every write is refused with 403. */
  readOnly?: boolean;
}

export interface StandinRequest {
  method: string;
  path: string;
  token: string | null;
  organizationId: string | null;
  body: string;
}

export const STANDIN_PEOPLE: StandinPerson[] = [
  {
    token: 'pat-ana-7c1f9e2d4b8a6f30e5d1c9b7a2f4e8d6',
    organizationId: '4242',
    organizationName: 'Acme Agency',
    personId: '501',
    firstName: 'Ana',
    lastName: 'Kovač',
    seed: 7,
  },
  {
    token: 'pat-marko-3e9b1d7f5a2c8e4b6d0f1a3c5e7b9d2f',
    organizationId: '4242',
    organizationName: 'Acme Agency',
    personId: '502',
    firstName: 'Marko',
    lastName: 'Horvat',
    seed: 1234,
  },
];

/** The realistic stand-in's people: the two above and a read-only token. */
export const REALISTIC_PEOPLE: StandinPerson[] = [
  ...STANDIN_PEOPLE,
  {
    token: 'pat-iva-readonly-5b2e8d1f7c4a9e3b6d0f2a8c1e5b7d9f',
    organizationId: '4242',
    organizationName: 'Acme Agency',
    personId: '503',
    firstName: 'Iva',
    lastName: 'Novak',
    seed: 99,
    readOnly: true,
  },
];

const jsonApi = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/vnd.api+json; charset=utf-8' },
  });

const errors = (status: number, code: string, title: string) =>
  jsonApi(status, { errors: [{ status: String(status), code, title, detail: title }] });

function membershipDocument(person: StandinPerson) {
  return {
    data: [
      {
        id: `9${person.personId}`,
        type: 'organization_memberships',
        attributes: {},
        relationships: {
          person: { data: { type: 'people', id: person.personId } },
          organization: { data: { type: 'organizations', id: person.organizationId } },
        },
      },
    ],
    included: [
      {
        id: person.personId,
        type: 'people',
        attributes: { first_name: person.firstName, last_name: person.lastName },
      },
      {
        id: person.organizationId,
        type: 'organizations',
        attributes: { name: person.organizationName },
      },
    ],
    meta: {},
  };
}

export interface Standin {
  /** The API base to give the inbox server as PRODUCTIVE_API_URL. */
  url: string;
  requests: StandinRequest[];
  databases: Map<string, Database>;
  close(): Promise<void>;
}

export async function startStandin({
  realistic = false,
  people = realistic ? REALISTIC_PEOPLE : STANDIN_PEOPLE,
  port = 0,
  directory = mkdtempSync(join(tmpdir(), 'productive-standin-')),
  now,
}: {
  realistic?: boolean;
  people?: StandinPerson[];
  port?: number;
  directory?: string;
  /** The rate windows' clock (realistic mode). */
  now?: () => number;
} = {}): Promise<Standin> {
  const requests: StandinRequest[] = [];
  const budget = new RateBudget({ now });
  let throttledWrites = 0;
  const databases = new Map<string, Database>();
  const apis = new Map<string, Hono>();
  for (const person of people) {
    const db = openDatabase(join(directory, `${person.personId}.db`));
    seedDatabase(db, { seed: person.seed, notifications: person.notifications ?? 400 });
    if (realistic) makeRealistic(db);
    databases.set(person.token, db);
    const api = new Hono();
    // Refusals (404, 415, 422) answered as Productive writes them, as the inbox server's own app does.
    api.onError((error, c) =>
      error instanceof ApiError
        ? errorResponse(c, error)
        : errorResponse(
            c,
            new ApiError(500, 'internal_error', 'Internal Server Error', 'Stand-in error'),
          ),
    );
    api.route('/api/v2', createDemoApi(db));
    apis.set(person.token, api);
  }

  const app = new Hono();
  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const token = c.req.header('x-auth-token') ?? null;
    const organizationId = c.req.header('x-organization-id') ?? null;
    const body = await c.req.text();
    if (url.pathname === '/__standin/requests') {
      return c.json(requests);
    }
    if (url.pathname === '/__standin/throttle' && c.req.method === 'POST') {
      throttledWrites = Math.max(
        0,
        Number((JSON.parse(body || '{}') as { count?: unknown }).count) || 0,
      );
      return c.json({ count: throttledWrites });
    }
    requests.push({
      method: c.req.method,
      path: `${url.pathname}${url.search}`,
      token,
      organizationId,
      body,
    });
    const person = people.find((candidate) => candidate.token === token);
    if (!person) return errors(401, 'unauthenticated', 'Unauthenticated');
    // Who the token is needs the token only; everything else, its organization too.
    const memberships = url.pathname === '/api/v2/organization_memberships';
    if (!(memberships && organizationId === null) && person.organizationId !== organizationId) {
      return errors(403, 'forbidden', 'Forbidden');
    }
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    if (realistic) {
      // Productive's 429 carries no Retry-After (none is documented).
      const throttled = write && throttledWrites > 0;
      if (throttled) throttledWrites--;
      if (throttled || !budget.take(person.token).ok) {
        return errors(429, 'too_many_requests', 'Too Many Requests');
      }
      if (write && person.readOnly) {
        return errors(403, 'forbidden', 'You do not have permission to perform this action');
      }
    }
    if (memberships) return jsonApi(200, membershipDocument(person));
    const api = apis.get(person.token) as Hono;
    const db = databases.get(person.token) as Database;
    const forward = (target: URL) =>
      api.fetch(
        new Request(target, {
          method: c.req.method,
          headers: c.req.raw.headers,
          body: body || undefined,
        }),
      );
    if (!realistic) return forward(url);
    const path = url.pathname.replace(/^\/api\/v2/, '');
    if (c.req.method === 'GET' && (path === '/projects' || path === '/people')) {
      const kind = path === '/projects' ? 'projects' : 'people';
      const own: unknown[] = [];
      for (let page = 1; page < 50; page++) {
        const all = new URL(`${url.origin}/api/v2${path}?page[size]=200&page[number]=${page}`);
        const document = (await (await forward(all)).json()) as {
          data: unknown[];
          links: { next?: string };
        };
        own.push(...document.data);
        if (!document.links.next) break;
      }
      const answer = realisticList(kind, own as Parameters<typeof realisticList>[1], url);
      return jsonApi(answer.status, answer.body);
    }
    const response = await forward(url);
    if (!response.headers.get('content-type')?.includes('json')) return response;
    const document = (await response.json()) as Parameters<typeof realisticAnswer>[1];
    return jsonApi(response.status, realisticAnswer(path, document, db));
  });

  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/api/v2`,
    requests,
    databases,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        for (const db of databases.values()) db.close();
      }),
  };
}
