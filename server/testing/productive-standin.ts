/**
 * A local stand-in for Productive's API, over real HTTP, for team and personal mode: each known token belongs to
 * one person in one organization and sees only that person's own demo database. Unknown tokens get 401, a known
 * token with another organization 403, like Productive. Every request is recorded (method, path, token and
 * organization headers) so tests can check who asked for what.
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
  people = STANDIN_PEOPLE,
  port = 0,
  directory = mkdtempSync(join(tmpdir(), 'productive-standin-')),
}: { people?: StandinPerson[]; port?: number; directory?: string } = {}): Promise<Standin> {
  const requests: StandinRequest[] = [];
  const databases = new Map<string, Database>();
  const apis = new Map<string, Hono>();
  for (const person of people) {
    const db = openDatabase(join(directory, `${person.personId}.db`));
    seedDatabase(db, { seed: person.seed, notifications: person.notifications ?? 400 });
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
    requests.push({
      method: c.req.method,
      path: `${url.pathname}${url.search}`,
      token,
      organizationId,
      body,
    });
    const person = people.find((candidate) => candidate.token === token);
    if (!person) return errors(401, 'unauthenticated', 'Unauthenticated');
    if (person.organizationId !== organizationId) return errors(403, 'forbidden', 'Forbidden');
    if (url.pathname === '/api/v2/organization_memberships') {
      return jsonApi(200, membershipDocument(person));
    }
    const api = apis.get(person.token) as Hono;
    return api.fetch(
      new Request(url, {
        method: c.req.method,
        headers: c.req.raw.headers,
        body: body || undefined,
      }),
    );
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
