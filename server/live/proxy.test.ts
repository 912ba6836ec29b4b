import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serve } from '@hono/node-server';
import type { Context } from 'hono';
import { createApp } from '../http/app.ts';
import { rawRequest } from '../testing/http.ts';
import { createLiveApi, type UpstreamCredentials } from './proxy.ts';

const TOKEN = 'pat-secret-token-1234567890';
const ORGANIZATION = '4242';
const CREDENTIALS: UpstreamCredentials = { token: TOKEN, organizationId: ORGANIZATION };

/** The token with every character JSON-escaped (\u0070\u0061…): still the token once parsed. */
const ESCAPED_TOKEN = [...TOKEN]
  .map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
  .join('');

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local stand-in for Productive: records what it is sent and answers as told by the path. */
let upstream: Server;
let upstreamUrl: string;
const seen: Seen[] = [];
/** While set, the stand-in drops every request that comes over a connection it has answered on before. */
let dropReused = false;
const answered = new WeakSet<object>();

beforeAll(async () => {
  upstream = createServer((request, response) => {
    if (dropReused && answered.has(request.socket)) {
      request.socket.destroy();
      return;
    }
    answered.add(request.socket);
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      });
      const url = request.url ?? '';
      if (url.includes('page[size]=129') || url.includes('page%5Bsize%5D=129')) {
        response.writeHead(429, { 'Content-Type': 'application/vnd.api+json', 'Retry-After': '7' });
        response.end(JSON.stringify({ errors: [{ status: '429', title: 'Too Many Requests' }] }));
      } else if (url.startsWith('/api/v2/notifications/500')) {
        response.writeHead(500, { 'Content-Type': 'text/html' });
        response.end('<html>Internal error</html>');
      } else if (url.startsWith('/api/v2/notifications/777')) {
        // Never answers: the proxy must time out.
      } else if (url.startsWith('/api/v2/notifications/801')) {
        // The token, escaped so that a plain string search cannot find it, as a value and as a key.
        response.writeHead(200, {
          'Content-Type': 'application/vnd.api+json',
          'X-RateLimit-Remaining': `7 ${TOKEN}`,
        });
        response.end(
          `{"data":{"id":"801","type":"notifications","attributes":{"title":"Hi ${ESCAPED_TOKEN}!",` +
            `"${ESCAPED_TOKEN}":["${ESCAPED_TOKEN.slice(0, 30)}${TOKEN.slice(5)}"]}}}`,
        );
      } else if (url.startsWith('/api/v2/notifications/802')) {
        // Drops the connection halfway through the body.
        response.writeHead(200, {
          'Content-Type': 'application/vnd.api+json',
          'Content-Length': '5000',
        });
        response.write('{"data":{"id":"802","type":"notifications","attributes":{"title":"');
        setTimeout(() => response.socket?.destroy(), 20);
      } else if (url.startsWith('/api/v2/notifications/803')) {
        // Starts the body, then goes quiet: the proxy must time out mid-body.
        response.writeHead(200, { 'Content-Type': 'application/vnd.api+json' });
        response.write('{"data":');
      } else if (url.startsWith('/api/v2/notifications/805')) {
        // An endless answer: the proxy stops reading past its cap.
        response.writeHead(200, { 'Content-Type': 'application/vnd.api+json' });
        const chunk = Buffer.alloc(1024 * 1024, 32);
        const pump = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', pump);
        };
        response.write('{"data":"');
        pump();
      } else if (url.startsWith('/api/v2/notifications/804')) {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.end(`your token is ${TOKEN}`);
      } else if (url.startsWith('/api/v2/notifications/404')) {
        response.writeHead(404, { 'Content-Type': 'application/vnd.api+json' });
        response.end(JSON.stringify({ errors: [{ status: '404', code: 'record_not_found' }] }));
      } else {
        // Echoes the token back, as a misbehaving upstream might: it must not reach the browser.
        response.writeHead(200, {
          'Content-Type': 'application/vnd.api+json; charset=utf-8',
          'X-Echo': TOKEN,
        });
        response.end(
          JSON.stringify({ data: [], meta: { echoed: request.headers['x-auth-token'] } }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api/v2`;
});
afterAll(() => {
  upstream.closeAllConnections();
  upstream.close();
});

const app = () =>
  createApp({
    api: createLiveApi({ upstream: upstreamUrl, credentials: () => CREDENTIALS, timeoutMs: 500 }),
  });
const errorOf = async (response: Response | { body: string }) => {
  const text = response instanceof Response ? await response.text() : response.body;
  return (JSON.parse(text) as { errors: { status: string; code: string; detail: string }[] })
    .errors[0];
};

describe('live mode', () => {
  it('forwards the app’s requests with the token and organization added by the server', async () => {
    seen.length = 0;
    const response = await app().request(
      '/api/v2/notifications?filter[dismissed]=false&page[size]=50',
      {
        headers: {
          'Content-Type': 'application/vnd.api+json',
          Cookie: 'session=abc',
          'X-Auth-Token': 'from-browser',
        },
      },
    );
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    const request = seen[0] as Seen;
    expect(request.method).toBe('GET');
    expect(decodeURIComponent(request.url)).toBe(
      '/api/v2/notifications?filter[dismissed]=false&page[size]=50',
    );
    expect(request.headers['x-auth-token']).toBe(TOKEN);
    expect(request.headers['x-organization-id']).toBe(ORGANIZATION);
    expect(request.headers['content-type']).toBe('application/vnd.api+json');
    expect(request.headers.cookie).toBeUndefined();
  });

  it('forwards PATCH actions without whatever body and content type they came with', async () => {
    seen.length = 0;
    const response = await app().request('/api/v2/notifications/12/dismiss', {
      method: 'PATCH',
      headers: { 'Content-Type': 'text/plain; charset=x-evil' },
      body: '{"data":{"attributes":{"dismissed":false}},"smuggled":true}',
    });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      url: '/api/v2/notifications/12/dismiss',
      body: '',
    });
    expect(seen[0]?.headers['content-type']).toBe('application/vnd.api+json');
  });

  it('sends a dismiss once more when Productive closed the reused connection under it, never a reply', async () => {
    // Keep-alive: Productive closes an idle connection just as the proxy reuses it; the action never reached it.
    await app().request('/api/v2/notifications?page[size]=50');
    dropReused = true;
    try {
      seen.length = 0;
      const dismiss = await app().request('/api/v2/notifications/12/dismiss', { method: 'PATCH' });
      expect(dismiss.status).toBe(200);
      expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
        'PATCH /api/v2/notifications/12/dismiss',
      ]);

      // Again a connection in the pool (the dismiss went once more on one of its own), then a reply over it.
      dropReused = false;
      await app().request('/api/v2/notifications?page[size]=50');
      dropReused = true;
      seen.length = 0;
      const reply = await app().request('/api/v2/comments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({
          data: {
            type: 'comments',
            attributes: { body: '<p>Hi</p>' },
            relationships: { task: { data: { type: 'tasks', id: '77' } } },
          },
        }),
      });
      expect(reply.status).toBe(502);
      expect((await errorOf(reply))?.code).toBe('upstream_unreachable');
      expect(seen).toEqual([]);
    } finally {
      dropReused = false;
    }
  });

  it('forwards the documented inbox-wide dismiss (dismiss_notifications), never clear_notifications', async () => {
    seen.length = 0;
    const response = await app().request(
      '/api/v2/organization_memberships/77/dismiss_notifications',
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/vnd.api+json' },
        body: '{"smuggled":true}',
      },
    );
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      url: '/api/v2/organization_memberships/77/dismiss_notifications',
      body: '',
    });
    for (const path of [
      '/api/v2/organization_memberships/77/dismiss_notifications?filter[project_id]=1',
      '/api/v2/organization_memberships/0/dismiss_notifications',
    ]) {
      const refused = await app().request(path, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/vnd.api+json' },
      });
      expect(refused.status, path).not.toBe(200);
    }
    expect(seen).toHaveLength(1);
  });

  it('forwards only what the app uses, answering 403 for anything else', async () => {
    seen.length = 0;
    const refused: [string, string][] = [
      ['GET', '/api/v2/invoices'],
      ['DELETE', '/api/v2/notifications/1'],
      ['POST', '/api/v2/notifications'],
      ['PATCH', '/api/v2/notifications/1/delete'],
      ['PATCH', '/api/v2/organization_memberships/1/clear_notifications'],
      ['GET', '/api/v2/notifications/1%2F..%2F..%2Finvoices'],
      ['GET', '/api/v2/people/1%3Finclude=secret'],
      ['GET', '/api/v2/tasks/1/comments'],
      ['GET', '/api/v2/people/1'],
      ['POST', '/api/v2/people'],
      ['GET', '/api/v2/people/'],
      ['GET', '/api/v2/notifications/1234567890123456789'],
      ['PATCH', '/api/v2/notifications/1234567890123456789/read'],
      ['GET', '/api/v2/tasks/99999999999999999999999999999999'],
      ['GET', '/api/v2/activities/0'],
      ['GET', '/api/v2/notifications/-1'],
    ];
    for (const [method, path] of refused) {
      const response = await app().request(path, {
        method,
        headers: { 'Content-Type': 'application/vnd.api+json' },
      });
      expect(response.status, `${method} ${path}`).toBe(403);
      const body = (await response.json()) as { errors: { status: string; code: string }[] };
      expect(body.errors[0]).toMatchObject({ status: '403', code: 'forbidden' });
    }
    expect(seen).toHaveLength(0);
  });

  it('passes status codes, bodies and Retry-After through', async () => {
    const limited = await app().request('/api/v2/notifications?page[size]=129');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(((await limited.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    const missing = await app().request('/api/v2/notifications/404');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: [{ status: '404', code: 'record_not_found' }] });
  });

  it('turns upstream failures into clear JSON:API errors', async () => {
    const broken = await app().request('/api/v2/notifications/500');
    expect(broken.status).toBe(500);
    expect(((await broken.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'upstream_error',
    );

    const slow = await app().request('/api/v2/notifications/777');
    expect(slow.status).toBe(504);
    expect(((await slow.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'upstream_timeout',
    );

    const unreachable = createApp({
      api: createLiveApi({ upstream: 'http://127.0.0.1:9/api/v2', credentials: () => CREDENTIALS }),
    });
    const down = await unreachable.request('/api/v2/notifications');
    expect(down.status).toBe(502);
    expect(((await down.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'upstream_unreachable',
    );
  });

  it('never lets the token reach a response or the log', async () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const responses = await Promise.all(
      [
        '/api/v2/notifications',
        '/api/v2/notifications/500',
        '/api/v2/invoices',
        '/api/v2/notifications?page[size]=129',
        '/api/v2/notifications/801',
        '/api/v2/notifications/802',
        '/api/v2/notifications/804',
        '/',
      ].map((path) => app().request(path)),
    );
    for (const response of responses) {
      const text = await response.text();
      expect(text).not.toContain(TOKEN);
      for (const [, value] of response.headers) expect(value).not.toContain(TOKEN);
    }
    for (const call of [...log.mock.calls, ...error.mock.calls])
      expect(JSON.stringify(call)).not.toContain(TOKEN);
    log.mockRestore();
    error.mockRestore();
  });
});

describe('credentials per request', () => {
  it('answers 401 and forwards nothing when nobody is signed in', async () => {
    seen.length = 0;
    const signedOut = createApp({
      api: createLiveApi({ upstream: upstreamUrl, credentials: async () => undefined }),
    });
    for (const [method, path] of [
      ['GET', '/api/v2/notifications'],
      ['PATCH', '/api/v2/notifications/12/read'],
      ['GET', '/api/v2/invoices'],
    ] as const) {
      const response = await signedOut.request(path, { method });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await errorOf(response)).toMatchObject({
        status: '401',
        code: 'unauthenticated',
        title: 'Sign in required',
      });
    }
    expect(seen).toHaveLength(0);
  });

  it('forwards each request with the credentials resolved for it', async () => {
    seen.length = 0;
    const people: Record<string, UpstreamCredentials> = {
      ana: { token: 'token-of-ana-0000000001', organizationId: '1' },
      ben: { token: 'token-of-ben-0000000002', organizationId: '2' },
    };
    const team = createApp({
      api: createLiveApi({
        upstream: upstreamUrl,
        credentials: async (c: Context) => people[c.req.header('x-test-person') ?? ''],
      }),
    });
    await Promise.all([
      team.request('/api/v2/notifications', { headers: { 'x-test-person': 'ana' } }),
      team.request('/api/v2/notifications', { headers: { 'x-test-person': 'ben' } }),
    ]);
    const byToken = new Map(seen.map((request) => [request.headers['x-auth-token'], request]));
    expect(byToken.get('token-of-ana-0000000001')?.headers['x-organization-id']).toBe('1');
    expect(byToken.get('token-of-ben-0000000002')?.headers['x-organization-id']).toBe('2');
    expect(seen.every((request) => request.headers['x-test-person'] === undefined)).toBe(true);
  });
});

describe('query parameters', () => {
  it('passes exactly what the app sends', async () => {
    seen.length = 0;
    // As src/api/notifications.ts (notificationSearchParams) and src/api/activities.ts build them.
    const notifications = new URLSearchParams({
      'filter[dismissed]': 'false',
      'filter[important]': 'true',
      'filter[mention]': 'false',
      'filter[project_id]': '1,22',
      'filter[type]': 'task,todo',
      'filter[after]': '2026-10-31T23:00:00.000Z',
      'filter[before]': '2026-11-02T23:00:00.000Z',
      include: 'actor',
      'page[number]': '3',
      'page[size]': '50',
    });
    const sent = [
      `/api/v2/notifications?${notifications.toString()}`,
      '/api/v2/activities?filter%5Btask_id%5D=77&filter%5Btype%5D=1%2C2&filter%5Bevent%5D=create%2Cupdate&filter%5Bcreator_id%5D=5&sort=created_at&include=creator%2Ccomment%2Cemail%2Cattachment&page%5Bnumber%5D=1&page%5Bsize%5D=30',
      '/api/v2/activities/9?include=creator%2Ccomment%2Cemail%2Cattachment',
      '/api/v2/activities?filter%5Bdeal_id%5D=5&include=creator%2Ccomment%2Cemail%2Cattachment&page%5Bnumber%5D=1&page%5Bsize%5D=30',
      '/api/v2/activities?filter%5Bdiscussion_id%5D=6&sort=created_at&include=creator%2Ccomment%2Cemail%2Cattachment&page%5Bnumber%5D=1&page%5Bsize%5D=30',
      '/api/v2/projects?page%5Bnumber%5D=2&page%5Bsize%5D=200',
      '/api/v2/people?page%5Bnumber%5D=1&page%5Bsize%5D=200',
      '/api/v2/tasks/123456789012345678?include=project%2Cworkflow_status',
    ];
    for (const path of sent) {
      const response = await app().request(path);
      expect(response.status, path).toBe(200);
    }
    expect(seen.map((request) => request.url)).toEqual(sent);
  });

  it('refuses anything else with 400, naming the parameter, and forwards nothing', async () => {
    seen.length = 0;
    const refused: [string, string][] = [
      ['/api/v2/notifications?fields[notifications]=title', 'fields[notifications]'],
      ['/api/v2/notifications?filter[person_id]=1', 'filter[person_id]'],
      ['/api/v2/notifications?include=actor,organization', 'include'],
      ['/api/v2/notifications?page[size]=1&page[size]=2', 'page[size]'],
      ['/api/v2/notifications?page[size]=-1', 'page[size]'],
      ['/api/v2/notifications?page[size]=201', 'page[size]'],
      ['/api/v2/notifications?page[size]=999999', 'page[size]'],
      ['/api/v2/notifications?page[size]=0', 'page[size]'],
      ['/api/v2/notifications?filter[project_id]=1;2', 'filter[project_id]'],
      ['/api/v2/notifications?filter[after]=<script>', 'filter[after]'],
      ['/api/v2/notifications?sort=title', 'sort'],
      ['/api/v2/notifications?filter[type]=1', 'filter[type]'],
      ['/api/v2/activities?filter[type]=task', 'filter[type]'],
      ['/api/v2/activities?filter[task_id]=1&sort=name', 'sort'],
      ['/api/v2/projects?include=people', 'include'],
      ['/api/v2/people?filter[email]=a@b.c', 'filter[email]'],
      ['/api/v2/people?page[size]=500', 'page[size]'],
      ['/api/v2/people?page[number]=1x', 'page[number]'],
      ['/api/v2/people?include=organization', 'include'],
      ['/api/v2/activities?filter[deal_id]=1;2', 'filter[deal_id]'],
      ['/api/v2/tasks/1?include=project,workflow_status,subscribers', 'include'],
      ['/api/v2/notifications/12/dismiss?filter[id]=1', 'filter[id]'],
    ];
    for (const [path, parameter] of refused) {
      const method = path.includes('/dismiss') ? 'PATCH' : 'GET';
      const response = await app().request(path, { method });
      expect(response.status, path).toBe(400);
      const error = (await response.json()) as {
        errors: { status: string; source: { parameter: string } }[];
      };
      expect(error.errors[0]?.source.parameter, path).toBe(parameter);
    }
    expect(seen).toHaveLength(0);
  });
});

describe('upstream bodies', () => {
  it('scrubs the token however it is encoded, in values, keys and passed headers', async () => {
    const response = await app().request('/api/v2/notifications/801');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(ESCAPED_TOKEN);
    const body = JSON.parse(text) as { data: { attributes: Record<string, unknown> } };
    expect(body.data.attributes.title).toBe('Hi [redacted]!');
    expect(body.data.attributes['[redacted]']).toEqual(['[redacted]']);
    expect(JSON.stringify(body)).not.toContain(TOKEN);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('7 [redacted]');
    expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.api\+json/);
  });

  it('never passes a non-JSON body through, even a successful one', async () => {
    const response = await app().request('/api/v2/notifications/804');
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('your token');
    expect(await errorOf({ body: text })).toMatchObject({ code: 'upstream_error' });
  });

  it('stops reading an answer past its cap and says so', async () => {
    // Reading the cap's 16 MB takes longer than the other tests' 500 ms deadline on a busy machine: the cap must
    // answer, not the deadline.
    const patient = createApp({
      api: createLiveApi({
        upstream: upstreamUrl,
        credentials: () => CREDENTIALS,
        timeoutMs: 20_000,
      }),
    });
    const response = await patient.request('/api/v2/notifications/805');
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toMatchObject({ code: 'upstream_too_large' });
  });

  it('turns a connection dropped mid-body into a 502 and a stall mid-body into a 504, over real HTTP', async () => {
    const server = serve({ fetch: app().fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const error = vi.spyOn(console, 'error');
    try {
      const dropped = await rawRequest(origin, { path: '/api/v2/notifications/802' });
      expect(dropped.status).toBe(502);
      expect(await errorOf(dropped)).toMatchObject({ status: '502', code: 'upstream_broken' });
      expect(dropped.body).not.toMatch(/at .*\.ts|TypeError|terminated/);

      const stalled = await rawRequest(origin, { path: '/api/v2/notifications/803' });
      expect(stalled.status).toBe(504);
      expect(await errorOf(stalled)).toMatchObject({ status: '504', code: 'upstream_timeout' });
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
      server.close();
    }
  });
});

describe('POST /comments', () => {
  const post = (body: string, contentType = 'application/vnd.api+json') =>
    app().request('/api/v2/comments', {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    });
  const valid = {
    data: {
      type: 'comments',
      attributes: { body: '<p>Hi @[Person:7:Ivo Babić]</p>' },
      relationships: { task: { data: { type: 'tasks', id: '77' } } },
    },
  };

  it('forwards the checked comment, rebuilt, with the fixed content type and the server’s credentials', async () => {
    seen.length = 0;
    // Same document, other key order and spacing: what goes upstream is our own serialization.
    const sent = `{ "data": { "relationships": { "task": { "data": { "id": "77", "type": "tasks" } } },
      "attributes": { "body": "<p>Hi @[Person:7:Ivo Babi\\u0107]</p>" }, "type": "comments" } }`;
    const response = await post(sent, 'application/vnd.api+json; charset=utf-8');
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/api/v2/comments',
      body: JSON.stringify(valid),
    });
    expect(seen[0]?.headers['content-type']).toBe('application/vnd.api+json');
    expect(seen[0]?.headers['x-auth-token']).toBe(TOKEN);
    for (const kind of ['deal', 'discussion'] as const) {
      const document = {
        data: {
          ...valid.data,
          relationships: { [kind]: { data: { type: `${kind}s`, id: '123456789012345678' } } },
        },
      };
      expect((await post(JSON.stringify(document))).status, kind).toBe(200);
      expect(seen.at(-1)?.body).toBe(JSON.stringify(document));
    }
  });

  it('refuses every other shape before anything reaches Productive', async () => {
    seen.length = 0;
    const withData = (data: Record<string, unknown>) =>
      JSON.stringify({ data: { ...valid.data, ...data } });
    const cases: [string, string, number, string][] = [
      ['wrong content type', JSON.stringify(valid), 415, 'text/plain'],
      ['plain JSON', JSON.stringify(valid), 415, 'application/json'],
      ['not JSON', '{"data":', 400, ''],
      ['empty', '', 400, ''],
      ['empty body', withData({ attributes: { body: '   ' } }), 422, 'data/attributes/body'],
      [
        'long body',
        withData({ attributes: { body: 'x'.repeat(20_001) } }),
        422,
        'data/attributes/body',
      ],
      [
        'hidden',
        withData({ attributes: { body: 'x', hidden: true } }),
        422,
        'data/attributes/hidden',
      ],
      ['no parent', withData({ relationships: {} }), 422, 'data/relationships'],
      [
        'two parents',
        withData({
          relationships: {
            task: { data: { type: 'tasks', id: '1' } },
            deal: { data: { type: 'deals', id: '1' } },
          },
        }),
        422,
        'data/relationships',
      ],
      [
        'other parent',
        withData({ relationships: { invoice: { data: { type: 'invoices', id: '1' } } } }),
        422,
        'data/relationships/invoice',
      ],
      [
        'long id',
        withData({ relationships: { task: { data: { type: 'tasks', id: '1'.repeat(19) } } } }),
        422,
        'data/relationships/task/data/id',
      ],
      [
        'path in id',
        withData({ relationships: { task: { data: { type: 'tasks', id: '1/../2' } } } }),
        422,
        'data/relationships/task/data/id',
      ],
      ['other type', withData({ type: 'tasks' }), 422, 'data/type'],
      ['an id', withData({ id: '1' }), 422, 'data/id'],
      ['included', JSON.stringify({ ...valid, included: [] }), 422, 'included'],
    ];
    for (const [label, body, status, detail] of cases) {
      const response = await post(body, status === 415 ? detail : undefined);
      expect(response.status, label).toBe(status);
      const error = (await errorOf(response)) as { status: string; source?: { pointer?: string } };
      expect(error.status, label).toBe(String(status));
      if (status === 422) expect(error.source?.pointer, label).toBe(detail);
    }
    // Query parameters are not forwarded either.
    const withQuery = await app().request('/api/v2/comments?include=task', {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: JSON.stringify(valid),
    });
    expect(withQuery.status).toBe(400);
    // Other methods and paths stay refused.
    for (const [method, path] of [
      ['GET', '/api/v2/comments'],
      ['PATCH', '/api/v2/comments/1'],
      ['DELETE', '/api/v2/comments/1'],
      ['POST', '/api/v2/comments/1'],
    ] as const) {
      const response = await app().request(path, {
        method,
        headers: { 'Content-Type': 'application/vnd.api+json' },
        body: method === 'GET' ? undefined : JSON.stringify(valid),
      });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect(seen).toHaveLength(0);
  });

  it('reads at most the request cap, even without the server’s guards in front', async () => {
    seen.length = 0;
    const bare = createLiveApi({ upstream: upstreamUrl, credentials: () => CREDENTIALS });
    const huge = JSON.stringify({
      data: { ...valid.data, attributes: { body: 'x'.repeat(70 * 1024) } },
    });
    const response = await bare.request('/api/v2/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: huge,
    });
    expect(response.status).toBe(413);
    expect(seen).toHaveLength(0);
  });
});
