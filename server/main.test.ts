import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './testing/http.ts';
import { inheritedEnv } from './testing/child-env.ts';

const TOKEN = 'pat-main-test-token-0123456789';

/** npm run serve in personal mode, against a stand-in for Productive: the whole wiring, over HTTP. */
let upstream: Server;
const upstreamSeen: { url: string; token: unknown }[] = [];
let child: ChildProcess;
let origin: string;
let output = '';

beforeAll(async () => {
  upstream = createServer((request, response) => {
    upstreamSeen.push({ url: request.url ?? '', token: request.headers['x-auth-token'] });
    request.resume();
    response.writeHead(200, { 'Content-Type': 'application/vnd.api+json' });
    response.end(JSON.stringify({ data: [], meta: { token: request.headers['x-auth-token'] } }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api/v2`;
  child = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...inheritedEnv(),
      PORT: '0',
      PRODUCTIVE_API_TOKEN: TOKEN,
      PRODUCTIVE_ORGANIZATION_ID: '77',
      PRODUCTIVE_API_URL: upstreamUrl,
      INBOX_STATIC_ROOT: 'none',
      INBOX_DATA_DIR: mkdtempSync(join(tmpdir(), 'inbox-main-')),
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 15_000);
    child.stdout?.on('data', () => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+) \(personal/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
  });
});
afterAll(() => {
  child.kill();
  upstream.closeAllConnections();
  upstream.close();
});

describe('the server in personal mode', () => {
  it('forwards the app’s requests with the token, answering only to its own name and origin', async () => {
    const port = new URL(origin).port;
    const own = await rawRequest(origin, { path: '/api/v2/notifications' });
    expect(own.status).toBe(200);
    expect(own.body).not.toContain(TOKEN);
    expect(own.headers['cache-control']).toBe('no-store');
    // Besides the app's request, only the server's own check of whose token it is (for the frame).
    expect(
      upstreamSeen.filter((seen) => !seen.url.startsWith('/api/v2/organization_memberships')),
    ).toEqual([{ url: '/api/v2/notifications', token: TOKEN }]);
    expect(upstreamSeen.every((seen) => seen.token === TOKEN)).toBe(true);

    const rebound = await rawRequest(origin, {
      path: '/api/v2/notifications',
      headers: { Host: `evil.example:${port}` },
    });
    expect(rebound.status).toBe(421);
    const otherPort = await rawRequest(origin, {
      path: '/api/v2/notifications',
      headers: { Host: `127.0.0.1:${Number(port) + 1}` },
    });
    expect(otherPort.status).toBe(421);
    const foreign = await rawRequest(origin, {
      method: 'PATCH',
      path: '/api/v2/notifications/1/dismiss',
      headers: { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(foreign.status).toBe(403);
    expect(
      upstreamSeen.filter((seen) => !seen.url.startsWith('/api/v2/organization_memberships')),
    ).toHaveLength(1);
    expect(output).not.toContain(TOKEN);
  });
});
