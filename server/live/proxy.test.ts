import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../http/app.ts';
import { createLiveApi } from './proxy.ts';

const TOKEN = 'pat-secret-token-1234567890';
const ORGANIZATION = '4242';

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

beforeAll(async () => {
  upstream = createServer((request, response) => {
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
      if (url.includes('page[size]=429') || url.includes('page%5Bsize%5D=429')) {
        response.writeHead(429, { 'Content-Type': 'application/vnd.api+json', 'Retry-After': '7' });
        response.end(JSON.stringify({ errors: [{ status: '429', title: 'Too Many Requests' }] }));
      } else if (url.startsWith('/api/v2/notifications/500')) {
        response.writeHead(500, { 'Content-Type': 'text/html' });
        response.end('<html>Internal error</html>');
      } else if (url.startsWith('/api/v2/notifications/777')) {
        // Never answers: the proxy must time out.
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
    api: createLiveApi({
      token: TOKEN,
      organizationId: ORGANIZATION,
      upstream: upstreamUrl,
      timeoutMs: 500,
    }),
  });

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

  it('forwards PATCH actions with their body', async () => {
    seen.length = 0;
    const response = await app().request('/api/v2/notifications/12/dismiss', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      url: '/api/v2/notifications/12/dismiss',
      body: '{}',
    });
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
    const limited = await app().request('/api/v2/notifications?page[size]=429');
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
      api: createLiveApi({
        token: TOKEN,
        organizationId: ORGANIZATION,
        upstream: 'http://127.0.0.1:9/api/v2',
      }),
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
        '/api/v2/notifications?page[size]=429',
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
