import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callUpstream, UpstreamFailure, type UpstreamRequest } from './upstream.ts';

/** A stand-in that answers by path; `/reset-reused` drops a request that comes over a connection used before. */
let server: Server;
let base: string;
const served = new WeakMap<Socket, number>();
let requests = 0;
const DOCUMENT = JSON.stringify({ data: [{ id: '1', attributes: { title: 'Ana Kovač' } }] });

beforeAll(async () => {
  server = createServer((request, response) => {
    requests++;
    const count = (served.get(request.socket) ?? 0) + 1;
    served.set(request.socket, count);
    request.resume();
    const url = request.url ?? '';
    if (url === '/gzip') {
      response.writeHead(200, { 'Content-Encoding': 'gzip' });
      response.end(gzipSync(DOCUMENT));
    } else if (url === '/br') {
      response.writeHead(200, { 'Content-Encoding': 'br' });
      response.end(brotliCompressSync(DOCUMENT));
    } else if (url === '/bomb') {
      // 5 MB of zeros in a few KB: more than the 1 MB the caller accepts once decoded.
      response.writeHead(200, { 'Content-Encoding': 'gzip' });
      response.end(gzipSync(Buffer.alloc(5 * 1024 * 1024)));
    } else if (url === '/zstd') {
      response.writeHead(200, { 'Content-Encoding': 'zstd' });
      response.end('not really');
    } else if (url === '/silent') {
      // Never answers.
    } else if (url.startsWith('/reset-reused') && count > 1) {
      request.socket.destroy();
    } else if (url === '/reset-late' && count > 1) {
      // The request arrived; the connection breaks later than the idle-connection race would.
      setTimeout(() => request.socket.destroy(), 1200);
    } else if (url === '/reset-then-silent') {
      // Over a reused connection: reset after 600 ms; over a new one: no answer at all.
      if (count > 1) setTimeout(() => request.socket.destroy(), 600);
    } else {
      response.writeHead(200, { 'X-RateLimit-Remaining': '99' });
      response.end(DOCUMENT);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const GET: UpstreamRequest = { method: 'GET', headers: {}, timeoutMs: 2000, maxBytes: 1024 * 1024 };
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof UpstreamFailure ? error.kind : error),
  );

describe('an exchange with Productive over node:http', () => {
  it('reads the whole answer, its status and headers', async () => {
    const answer = await callUpstream(`${base}/plain`, GET);
    expect(answer.status).toBe(200);
    expect(answer.header('x-ratelimit-remaining')).toBe('99');
    expect(answer.header('retry-after')).toBeNull();
    expect(answer.body.toString('utf8')).toBe(DOCUMENT);
  });

  it('decodes gzip and brotli answers, and refuses one that decodes past the cap', async () => {
    expect((await callUpstream(`${base}/gzip`, GET)).body.toString('utf8')).toBe(DOCUMENT);
    expect((await callUpstream(`${base}/br`, GET)).body.toString('utf8')).toBe(DOCUMENT);
    expect(await failureOf(callUpstream(`${base}/bomb`, GET))).toBe('too-large');
    expect(await failureOf(callUpstream(`${base}/zstd`, GET))).toBe('broken');
  });

  it('says timeout when no answer comes within the deadline, unreachable when nothing listens', async () => {
    expect(await failureOf(callUpstream(`${base}/silent`, { ...GET, timeoutMs: 200 }))).toBe(
      'timeout',
    );
    expect(await failureOf(callUpstream('http://127.0.0.1:9/x', GET))).toBe('unreachable');
  });

  it('sends a GET once more when its reused connection was closed, never a POST', async () => {
    // Keep-alive: the second call goes over the first one's connection, which the other side now drops.
    await callUpstream(`${base}/plain`, GET);
    requests = 0;
    const again = await callUpstream(`${base}/reset-reused`, GET);
    expect(again.status).toBe(200);
    expect(requests).toBe(2);

    await callUpstream(`${base}/plain`, GET);
    requests = 0;
    const post = callUpstream(`${base}/reset-reused`, { ...GET, method: 'POST', body: '{}' });
    expect(await failureOf(post)).toBe('unreachable');
    expect(requests).toBe(1);
  });

  it('sends it once more on a connection of its own, not on another idle one that may be closing too', async () => {
    // Two connections in the pool, both answered on once: the other side now drops each when it is reused.
    await Promise.all([callUpstream(`${base}/plain`, GET), callUpstream(`${base}/plain`, GET)]);
    requests = 0;
    expect((await callUpstream(`${base}/reset-reused`, GET)).status).toBe(200);
    expect(requests).toBe(2);
  });

  it('sends nothing again after a late reset (the request may have arrived), and keeps one deadline for both', async () => {
    await callUpstream(`${base}/plain`, GET);
    requests = 0;
    expect(await failureOf(callUpstream(`${base}/reset-late`, GET))).toBe('unreachable');
    expect(requests).toBe(1);

    await callUpstream(`${base}/plain`, GET);
    requests = 0;
    const started = Date.now();
    expect(
      await failureOf(callUpstream(`${base}/reset-then-silent`, { ...GET, timeoutMs: 900 })),
    ).toBe('timeout');
    expect(requests).toBe(2);
    // One deadline from the first send: 900 ms, not 600 + 900.
    expect(Date.now() - started).toBeLessThan(1300);
  });

  it('sends a state-setting PATCH once more (a dismiss), but not one that is not marked so', async () => {
    const dismiss = { ...GET, method: 'PATCH' };
    await callUpstream(`${base}/plain`, GET);
    requests = 0;
    expect(
      (await callUpstream(`${base}/reset-reused`, { ...dismiss, repeatable: true })).status,
    ).toBe(200);
    expect(requests).toBe(2);

    await callUpstream(`${base}/plain`, GET);
    requests = 0;
    expect(await failureOf(callUpstream(`${base}/reset-reused`, dismiss))).toBe('unreachable');
    expect(requests).toBe(1);
  });
});
