import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi } from '../api/router.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { createLiveApi } from '../live/proxy.ts';
import { seedDatabase } from '../seed/generate.ts';
import { rawRequest } from '../testing/http.ts';
import { TEST_NOW } from '../testing/fixture.ts';
import { createApp, PERMISSIONS_POLICY } from './app.ts';
import { isAllowedHost } from './guards.ts';

const TOKEN = 'pat-hardening-token-0123456789';

/** A stand-in for Productive that counts what reaches it. */
let upstream: Server;
let upstreamUrl: string;
const upstreamSeen: string[] = [];

/** Both modes served for real, each on its own port, with the port passed to the allowlist. */
interface Served {
  origin: string;
  port: number;
  close: () => void;
}
async function serveApp(build: (port: number) => Hono): Promise<Served> {
  // The allowlist needs the port, known only once listening: the app is made then.
  const served: { app?: Hono } = {};
  const server: ServerType = serve({
    fetch: (request) => (served.app as Hono).fetch(request),
    hostname: '127.0.0.1',
    port: 0,
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  served.app = build(port);
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () => {
      server.close();
      (server as Server).closeAllConnections?.();
    },
  };
}

const staticRoot = mkdtempSync(join(tmpdir(), 'inbox-hardening-'));
mkdirSync(join(staticRoot, 'assets'));
writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(staticRoot, 'assets', 'index-abc123.js'), 'export const x = 1;');

let db: Database;
let demo: Served;
let personal: Served;

const dismissed = (id: number) =>
  (db.prepare('SELECT dismissed FROM notifications WHERE id = ?').get(id) as { dismissed: number })
    .dismissed;
let target: number;

beforeAll(async () => {
  upstream = createServer((request, response) => {
    upstreamSeen.push(`${request.method} ${request.url}`);
    request.resume();
    response.writeHead(200, { 'Content-Type': 'application/vnd.api+json' });
    response.end(JSON.stringify({ data: [{ id: '1', type: 'notifications', attributes: {} }] }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api/v2`;

  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'inbox-hardening-db-')), 'inbox.db'));
  seedDatabase(db, { seed: 7, notifications: 60, now: TEST_NOW });
  target = (
    db.prepare('SELECT id FROM notifications WHERE dismissed = 0 LIMIT 1').get() as { id: number }
  ).id;
  demo = await serveApp((port) =>
    createApp({ api: createDemoApi(db), staticRoot, port, allowedHosts: ['inbox.example.com'] }),
  );
  personal = await serveApp((port) =>
    createApp({
      api: createLiveApi({
        upstream: upstreamUrl,
        credentials: () => ({ token: TOKEN, organizationId: '1' }),
      }),
      port,
    }),
  );
});
afterAll(() => {
  demo.close();
  personal.close();
  upstream.closeAllConnections();
  upstream.close();
  db.close();
});

const JSON_API_HEADERS = { 'Content-Type': 'application/vnd.api+json' };

describe('the Host allowlist', () => {
  it('knows loopback names on the served port and the configured names', () => {
    const options = { port: 4173, allowedHosts: ['inbox.example.com', '192.168.1.20:8080'] };
    for (const host of ['127.0.0.1:4173', 'localhost:4173', '[::1]:4173', 'LOCALHOST:4173'])
      expect(isAllowedHost(host, options), host).toBe(true);
    for (const host of ['inbox.example.com', 'inbox.example.com:443', '192.168.1.20:8080'])
      expect(isAllowedHost(host, options), host).toBe(true);
    for (const host of [
      'evil.example:4173',
      '127.0.0.1:4174',
      'localhost',
      '127.0.0.2:4173',
      '192.168.1.20',
      '192.168.1.20:4173',
      'inbox.example.com.evil.example',
      'evil.inbox.example.com',
      '127.0.0.1:4173@evil.example',
      '',
      undefined,
    ])
      expect(isAllowedHost(host, options), String(host)).toBe(false);
    expect(isAllowedHost('localhost', { port: 80 })).toBe(true);
  });

  it('answers a rebinding request to the demo server with a bare 421, for every path, and changes nothing', async () => {
    const host = `evil.example:${demo.port}`;
    for (const path of ['/api/v2/notifications', '/', '/tasks/1', '/assets/index-abc123.js']) {
      const response = await rawRequest(demo.origin, { path, headers: { Host: host } });
      expect(response.status, path).toBe(421);
      expect(response.headers['content-type'], path).toMatch(/^text\/plain/);
      expect(response.body, path).not.toMatch(/notifications|<div|export/);
    }
    const patch = await rawRequest(demo.origin, {
      method: 'PATCH',
      path: `/api/v2/notifications/${target}/dismiss`,
      headers: { Host: host, ...JSON_API_HEADERS },
    });
    expect(patch.status).toBe(421);
    expect(dismissed(target)).toBe(0);

    // The same request under the server's own names is answered.
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      const response = await rawRequest(demo.origin, {
        path: '/api/v2/notifications?page[size]=1',
        headers: { Host: `${name}:${demo.port}` },
      });
      expect(response.status, name).toBe(200);
    }
    const named = await rawRequest(demo.origin, {
      path: '/api/v2/notifications?page[size]=1',
      headers: { Host: 'inbox.example.com' },
    });
    expect(named.status).toBe(200);
  });

  it('answers a rebinding request to the personal server with 421 and never reaches Productive', async () => {
    upstreamSeen.length = 0;
    for (const [method, path] of [
      ['GET', '/api/v2/notifications'],
      ['PATCH', '/api/v2/notifications/12/dismiss'],
    ] as const) {
      const response = await rawRequest(personal.origin, {
        method,
        path,
        headers: { Host: `evil.example:${personal.port}`, ...JSON_API_HEADERS },
      });
      expect(response.status).toBe(421);
      expect(response.body).not.toContain('notifications');
    }
    expect(upstreamSeen).toEqual([]);
    const own = await rawRequest(personal.origin, { path: '/api/v2/notifications' });
    expect(own.status).toBe(200);
    expect(upstreamSeen).toHaveLength(1);
  });
});

describe('cross-origin writes', () => {
  const refused: Record<string, string>[] = [
    { Origin: 'http://evil.example' },
    { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    { 'Sec-Fetch-Site': 'cross-site' },
    { 'Sec-Fetch-Site': 'same-site' },
    { Origin: 'null' },
    { Origin: 'http://127.0.0.1:1' },
  ];

  it('leave the demo database unchanged', async () => {
    for (const headers of refused) {
      const response = await rawRequest(demo.origin, {
        method: 'PATCH',
        path: `/api/v2/notifications/${target}/dismiss`,
        headers: { ...JSON_API_HEADERS, ...headers },
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({
        errors: [{ status: '403', code: 'cross_origin_write' }],
      });
      expect(dismissed(target)).toBe(0);
    }
    // A read the browser marks as another site's (an <img> on a foreign page) is refused too (see below).
    const read = await rawRequest(demo.origin, {
      path: '/api/v2/notifications?page[size]=1',
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(read.status).toBe(403);

    // The app's own page, and curl, still write.
    const own = await rawRequest(demo.origin, {
      method: 'PATCH',
      path: `/api/v2/notifications/${target}/dismiss`,
      headers: { ...JSON_API_HEADERS, Origin: demo.origin, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    expect(dismissed(target)).toBe(1);
    const curl = await rawRequest(demo.origin, {
      method: 'PATCH',
      path: `/api/v2/notifications/${target}/undismiss`,
      headers: JSON_API_HEADERS,
    });
    expect(curl.status).toBe(200);
    expect(dismissed(target)).toBe(0);
  });

  it('never reach Productive in personal mode', async () => {
    upstreamSeen.length = 0;
    for (const headers of refused) {
      const response = await rawRequest(personal.origin, {
        method: 'PATCH',
        path: '/api/v2/notifications/12/dismiss',
        headers: { ...JSON_API_HEADERS, ...headers },
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(upstreamSeen).toEqual([]);
    const own = await rawRequest(personal.origin, {
      method: 'PATCH',
      path: '/api/v2/notifications/12/dismiss',
      headers: { ...JSON_API_HEADERS, Origin: personal.origin, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    expect(upstreamSeen).toEqual(['PATCH /api/v2/notifications/12/dismiss']);
  });

  it('accept the https origin of the same host, as a TLS proxy in front would give', async () => {
    const response = await rawRequest(demo.origin, {
      method: 'PATCH',
      path: `/api/v2/notifications/${target}/read`,
      headers: {
        ...JSON_API_HEADERS,
        Host: 'inbox.example.com',
        Origin: 'https://inbox.example.com',
        'Sec-Fetch-Site': 'same-origin',
      },
    });
    expect(response.status).toBe(200);
  });
});

describe('bodies on reads', () => {
  it('a GET that announces a large or streamed body is refused, not drained', async () => {
    const large = await rawRequest(demo.origin, {
      path: '/api/v2/notifications?page[size]=1',
      headers: { 'Content-Length': String(70 * 1024) },
      body: 'x'.repeat(70 * 1024),
    });
    expect(large.status, large.body).toBe(413);
    const streamed = await rawRequest(demo.origin, {
      path: '/',
      headers: { 'Transfer-Encoding': 'chunked' },
      body: ['x'.repeat(1024), 'y'.repeat(1024)],
    });
    expect(streamed.status).toBe(413);
    const plain = await rawRequest(demo.origin, { path: '/api/v2/notifications?page[size]=1' });
    expect(plain.status).toBe(200);
  });
});

describe('a page of another session', () => {
  it('is refused with 409 before the API sees it; its own scope, or none, passes', async () => {
    let reached = 0;
    const api = new Hono();
    api.get('/notifications', (c) => {
      reached++;
      return c.json({ data: [] });
    });
    const app = createApp({ api, currentScope: () => 'team:4242:502' });
    const claim = (scope?: string) =>
      app.request('/api/v2/notifications', {
        headers: scope ? { 'X-Inbox-Scope': scope } : {},
      });
    const other = await claim('team:4242:501');
    expect(other.status).toBe(409);
    expect((await other.json()).errors[0].code).toBe('session_changed');
    expect(reached).toBe(0);
    expect((await claim('team:4242:502')).status).toBe(200);
    expect((await claim()).status).toBe(200);
    expect(reached).toBe(2);
    // Signed out (no current scope): the API answers, with its own 401.
    const signedOut = createApp({ api, currentScope: () => null });
    expect(
      (await signedOut.request('/api/v2/notifications', { headers: { 'X-Inbox-Scope': 'demo' } }))
        .status,
    ).toBe(200);
  });
});

describe('response headers', () => {
  it('keep people’s data out of every cache, errors included, and lock down every response', async () => {
    const cases: [string, Record<string, string>, RegExp | null][] = [
      ['/api/v2/notifications?page[size]=1', {}, /^no-store$/],
      ['/api/v2/notifications/999999999', {}, /^no-store$/],
      ['/api/v2/notifications?page[size]=abc', {}, /^no-store$/],
      ['/api/nothing', {}, /^no-store$/],
      ['/auth/session', {}, /^no-store$/],
      ['/api/v2/notifications', { Host: 'evil.example' }, /^no-store$/],
      // The page names whose session it is (never a token): not stored by any cache.
      ['/', {}, /^no-store$/],
      ['/tasks/1', {}, /^no-store$/],
      ['/assets/index-abc123.js', {}, /immutable/],
      // A refused host gets nothing worth keeping, on any path.
      ['/assets/missing.js', { Host: 'evil.example' }, /^no-store$/],
      ['/', { Host: 'evil.example' }, /^no-store$/],
    ];
    for (const [path, headers, cacheControl] of cases) {
      const response = await rawRequest(demo.origin, { path, headers });
      const label = `${path} ${JSON.stringify(headers)}`;
      if (cacheControl) expect(response.headers['cache-control'], label).toMatch(cacheControl);
      else expect(response.headers['cache-control'], label).toBeUndefined();
      expect(response.headers['cross-origin-opener-policy'], label).toBe('same-origin');
      expect(response.headers['cross-origin-resource-policy'], label).toBe('same-origin');
      expect(response.headers['permissions-policy'], label).toBe(PERMISSIONS_POLICY);
      expect(response.headers['content-security-policy'], label).toContain("default-src 'self'");
    }
    expect(PERMISSIONS_POLICY).toMatch(/camera=\(\)/);
    expect(PERMISSIONS_POLICY).toMatch(/geolocation=\(\)/);
    expect(PERMISSIONS_POLICY).toMatch(/microphone=\(\)/);
  });

  it('are added to the answer the API made, in place: it is not rebuilt (once per header, its body a stream)', async () => {
    const made = new Response('{"data":[]}', {
      headers: { 'Content-Type': 'application/vnd.api+json' },
    });
    const api = new Hono();
    api.get('/made', () => made);
    const response = await createApp({ api }).request('/api/v2/made');
    expect(response).toBe(made);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('{"data":[]}');
  });

  it('reach an answer whose headers cannot be changed (one straight from fetch)', async () => {
    const api = new Hono();
    api.get('/fetched', () => fetch(`${upstreamUrl}/notifications`));
    const response = await createApp({ api }).request('/api/v2/fetched');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ data: [{ id: '1' }] });
  });

  it('mark personal mode’s proxied answers and refusals no-store too', async () => {
    for (const path of ['/api/v2/notifications', '/api/v2/invoices']) {
      const response = await rawRequest(personal.origin, { path });
      expect(response.headers['cache-control'], path).toBe('no-store');
    }
  });
});

describe('request bodies', () => {
  const patchPath = () => `/api/v2/notifications/${target}/read`;

  it('are refused past 64 KB by Content-Length before they are read, and accepted below', async () => {
    const big = `{"pad":"${'x'.repeat(70 * 1024)}"}`;
    const response = await rawRequest(demo.origin, {
      method: 'PATCH',
      path: patchPath(),
      headers: { ...JSON_API_HEADERS, 'Content-Length': String(big.length) },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({
      errors: [{ status: '413', code: 'body_too_large' }],
    });
    expect(response.headers['cache-control']).toBe('no-store');

    const fits = `{"pad":"${'x'.repeat(60 * 1024)}"}`;
    const ok = await rawRequest(demo.origin, {
      method: 'PATCH',
      path: patchPath(),
      headers: { ...JSON_API_HEADERS, 'Content-Length': String(fits.length) },
      body: fits,
    });
    expect(ok.status).toBe(200);
  });

  it('are refused when a declared 60 MB body is never sent', async () => {
    const response = await rawRequest(demo.origin, {
      method: 'PATCH',
      path: patchPath(),
      headers: { ...JSON_API_HEADERS, 'Content-Length': String(60 * 1024 * 1024) },
      body: [Buffer.alloc(1024, 32)],
    });
    expect(response.status).toBe(413);
  });

  it('are counted as they arrive when chunked: 60 MB is refused without the server holding it', async () => {
    const chunk = Buffer.alloc(64 * 1024, 32);
    function* sixtyMegabytes() {
      for (let i = 0; i < (60 * 1024 * 1024) / chunk.length; i++) yield chunk;
    }
    const before = process.memoryUsage();
    const response = await rawRequest(demo.origin, {
      method: 'PATCH',
      path: patchPath(),
      headers: { ...JSON_API_HEADERS, 'Transfer-Encoding': 'chunked' },
      body: sixtyMegabytes(),
    });
    const after = process.memoryUsage();
    const grownMb = (after.rss - before.rss) / 1024 / 1024;
    const heldMb =
      (after.arrayBuffers + after.heapUsed - before.arrayBuffers - before.heapUsed) / 1024 / 1024;
    console.log(
      `60 MB chunked body (${response.status}): rss +${grownMb.toFixed(1)} MB, heap+buffers +${heldMb.toFixed(1)} MB`,
    );
    expect(grownMb).toBeLessThan(20);
    expect(heldMb).toBeLessThan(20);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ errors: [{ code: 'body_too_large' }] });

    // A small chunked body still goes through.
    const small = await rawRequest(demo.origin, {
      method: 'PATCH',
      path: patchPath(),
      headers: { ...JSON_API_HEADERS, 'Transfer-Encoding': 'chunked' },
      body: ['{', '}'],
    });
    expect(small.status).toBe(200);
  });

  it('are capped in personal mode too, and never forwarded', async () => {
    upstreamSeen.length = 0;
    const big = 'x'.repeat(65 * 1024 + 1);
    const response = await rawRequest(personal.origin, {
      method: 'PATCH',
      path: '/api/v2/notifications/12/dismiss',
      headers: { ...JSON_API_HEADERS, 'Transfer-Encoding': 'chunked' },
      body: [big],
    });
    expect(response.status).toBe(413);
    expect(upstreamSeen).toEqual([]);
  });
});
