/**
 * A reply goes through the proxy to Productive (the stand-in over real HTTP, each token with its own database):
 * in personal mode with the server's token, in team mode with each signed-in person's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTokenKey } from '../auth/crypto.ts';
import { SESSION_COOKIE } from '../auth/routes.ts';
import { SessionStore } from '../auth/session-store.ts';
import { createTeamApi } from '../auth/team.ts';
import { createApp } from '../http/app.ts';
import { listenOnFreePort } from '../http/listen.ts';
import { startStandin, STANDIN_PEOPLE, type Standin } from '../testing/productive-standin.ts';
import { createLiveApi } from './proxy.ts';

const [ana, marko] = STANDIN_PEOPLE as [(typeof STANDIN_PEOPLE)[0], (typeof STANDIN_PEOPLE)[0]];

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({
    people: STANDIN_PEOPLE.map((person) => ({ ...person, notifications: 20 })),
  });
});
afterAll(() => standin.close());

const reply = (body: string, taskId: string) =>
  JSON.stringify({
    data: {
      type: 'comments',
      attributes: { body },
      relationships: { task: { data: { type: 'tasks', id: taskId } } },
    },
  });
const commentsIn = (token: string, body: string) =>
  standin.databases
    .get(token)
    ?.prepare('SELECT id, creator_id, task_id FROM comments WHERE body = ?')
    .all(body);

describe('a reply through the proxy to the stand-in', () => {
  it('personal mode: lands in the token owner’s database and shows first in the task’s feed', async () => {
    const server = await listenOnFreePort(
      createApp({
        api: createLiveApi({
          upstream: standin.url,
          credentials: () => ({ token: ana.token, organizationId: ana.organizationId }),
        }),
      }),
    );
    try {
      const body = '<p>On it, @[Person:3:Luka Perić]</p>';
      const response = await fetch(`${server.origin}/api/v2/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.api+json' },
        body: reply(body, '12'),
      });
      expect(response.status).toBe(201);
      const { data } = (await response.json()) as {
        data: { id: string; attributes: { body: string } };
      };
      expect(data.attributes.body).toBe(body);
      expect(commentsIn(ana.token, body)).toEqual([
        { id: Number(data.id), creator_id: 1, task_id: 12 },
      ]);
      expect(commentsIn(marko.token, body)).toEqual([]);
      const posted = standin.requests.filter((request) => request.method === 'POST');
      expect(posted.at(-1)).toMatchObject({
        path: '/api/v2/comments',
        token: ana.token,
        body: reply(body, '12'),
      });

      const feed = await fetch(
        `${server.origin}/api/v2/activities?filter[task_id]=12&include=creator,comment,email,attachment`,
      );
      const { data: activities } = (await feed.json()) as {
        data: { relationships: { comment: { data: { id: string } | null } } }[];
      };
      expect(activities[0]?.relationships.comment.data?.id).toBe(data.id);

      // Productive's own refusal (no such task) comes back as it was written.
      const missing = await fetch(`${server.origin}/api/v2/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.api+json' },
        body: reply(body, '601'),
      });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({
        errors: [{ status: '404', code: 'record_not_found' }],
      });

      // A refused shape never reaches the stand-in.
      const before = standin.requests.length;
      const refused = await fetch(`${server.origin}/api/v2/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.api+json' },
        body: reply('   ', '12'),
      });
      expect(refused.status).toBe(422);
      expect(standin.requests.length).toBe(before);
    } finally {
      server.close();
    }
  });

  it('team mode: two people, each comment in that person’s own database, with their own token', async () => {
    const store = new SessionStore({
      path: ':memory:',
      key: deriveTokenKey('a-session-secret-of-at-least-32-characters!'),
      ttlMs: 60_000,
    });
    const cookies = new Map(
      [ana, marko].map((person) => [
        person.token,
        store.create({
          token: person.token,
          personId: person.personId,
          personName: person.firstName,
          organizationId: person.organizationId,
          organizationName: person.organizationName,
        }),
      ]),
    );
    const server = await listenOnFreePort(
      createApp({ api: createTeamApi({ store, upstream: standin.url }) }),
    );
    try {
      const send = (cookie: string | undefined, body: string) =>
        fetch(`${server.origin}/api/v2/comments`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/vnd.api+json',
            ...(cookie ? { Cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
          },
          body: reply(body, '5'),
        });
      const [fromAna, fromMarko] = await Promise.all([
        send(cookies.get(ana.token), '<p>Ana’s reply</p>'),
        send(cookies.get(marko.token), '<p>Marko’s reply</p>'),
      ]);
      expect([fromAna.status, fromMarko.status]).toEqual([201, 201]);
      expect(commentsIn(ana.token, '<p>Ana’s reply</p>')).toHaveLength(1);
      expect(commentsIn(marko.token, '<p>Marko’s reply</p>')).toHaveLength(1);
      expect(commentsIn(ana.token, '<p>Marko’s reply</p>')).toEqual([]);
      expect(commentsIn(marko.token, '<p>Ana’s reply</p>')).toEqual([]);
      const posts = standin.requests.filter((request) => request.body.includes('s reply'));
      expect(posts.find((request) => request.body.includes('Ana'))?.token).toBe(ana.token);
      expect(posts.find((request) => request.body.includes('Marko'))?.token).toBe(marko.token);

      const before = standin.requests.length;
      const signedOut = await send(undefined, '<p>Nobody’s reply</p>');
      expect(signedOut.status).toBe(401);
      expect(standin.requests.length).toBe(before);
    } finally {
      server.close();
      store.close();
    }
  });
});
