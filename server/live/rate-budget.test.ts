import { createServer, type Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../http/app.ts';
import { createDemoApi } from '../api/router.ts';
import { createTestServer } from '../testing/fixture.ts';
import { createLiveApi } from './proxy.ts';
import {
  PRODUCTIVE_WINDOWS,
  RateBudget,
  rateLimitsFromEnvironment,
  retryAfterSeconds,
  withRateBudget,
} from './rate-budget.ts';

/** A clock the test moves by hand. */
function testClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the rate budget', () => {
  it('refuses the 101st request in 10 s, saying when a slot frees, and allows it once one has', () => {
    const clock = testClock();
    const budget = new RateBudget({ now: clock.now });
    for (let i = 0; i < 100; i++) {
      expect(budget.take('token-a'), `request ${i + 1}`).toEqual({ ok: true });
      clock.advance(50); // 100 requests over 5 s
    }
    // The first was 5 s ago: it leaves the window in 5 s.
    expect(budget.take('token-a')).toEqual({ ok: false, retryAfterSeconds: 5 });
    clock.advance(4_999);
    expect(budget.take('token-a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock.advance(1);
    expect(budget.take('token-a')).toEqual({ ok: true });
    // Exactly one slot freed, and it is taken.
    expect(budget.take('token-a').ok).toBe(false);
  });

  it('refuses the 4,001st request in 30 min although every 10 s window is within 100', () => {
    const clock = testClock();
    const budget = new RateBudget({ now: clock.now });
    for (let i = 0; i < 4_000; i++) {
      expect(budget.take('token-a').ok, `request ${i + 1}`).toBe(true);
      clock.advance(200); // 50 per 10 s: the short window never fills; 4,000 take 800 s
    }
    const refused = budget.take('token-a');
    // The first request was 800 s ago; it leaves the 30-minute window in 1,000 s.
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1_000 });
    clock.advance(1_000 * 1000 - 1);
    expect(budget.take('token-a').ok).toBe(false);
    clock.advance(1);
    expect(budget.take('token-a').ok).toBe(true);
  });

  it('keeps one budget per token', () => {
    const clock = testClock();
    const budget = new RateBudget({ now: clock.now });
    for (let i = 0; i < 100; i++) budget.take('token-a');
    expect(budget.take('token-a').ok).toBe(false);
    expect(budget.take('token-b').ok).toBe(true);
  });

  it('with the limits off, counts but never refuses', () => {
    const clock = testClock();
    const budget = new RateBudget({ now: clock.now, enforce: false });
    for (let i = 0; i < 5_000; i++) expect(budget.take('token-a').ok).toBe(true);
  });

  it('after Productive’s own 429 holds the token back: its Retry-After, else until its oldest request in 10 s leaves', () => {
    const clock = testClock();
    const budget = new RateBudget({ now: clock.now });
    expect(budget.refusedUpstream('token-a', '7')).toBe(7);
    expect(budget.take('token-a')).toEqual({ ok: false, retryAfterSeconds: 7 });
    clock.advance(7_000);
    expect(budget.take('token-a').ok).toBe(true); // at t = 7 s
    clock.advance(3_000);
    expect(budget.take('token-a').ok).toBe(true); // at t = 10 s
    clock.advance(2_000);
    // No Retry-After: the request at 7 s is the oldest in the window; it leaves at 17 s, 5 s from now.
    expect(budget.refusedUpstream('token-a', null)).toBe(5);
    expect(budget.take('token-a')).toEqual({ ok: false, retryAfterSeconds: 5 });
    // A token with no request inside the window waits the whole short window.
    expect(budget.refusedUpstream('token-b', null)).toBe(10);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 0, 5, 9, 0, 0);
    expect(retryAfterSeconds('12', now)).toBe(12);
    expect(retryAfterSeconds('0', now)).toBe(1);
    expect(retryAfterSeconds(new Date(now + 30_000).toUTCString(), now)).toBe(30);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });

  it('reads INBOX_RATE_LIMITS: on, off, or smaller windows for tests; anything else refused', () => {
    expect(rateLimitsFromEnvironment({})).toEqual({ enforce: true, windows: PRODUCTIVE_WINDOWS });
    expect(rateLimitsFromEnvironment({ INBOX_RATE_LIMITS: 'OFF' }).enforce).toBe(false);
    expect(rateLimitsFromEnvironment({ INBOX_RATE_LIMITS: 'on' })).toEqual({
      enforce: true,
      windows: PRODUCTIVE_WINDOWS,
    });
    expect(rateLimitsFromEnvironment({ INBOX_RATE_LIMITS: '10/10s, 400/30m' })).toEqual({
      enforce: true,
      windows: [
        { limit: 10, windowMs: 10_000 },
        { limit: 400, windowMs: 1_800_000 },
      ],
    });
    for (const wrong of ['maybe', '0/10s', '10/0s', '10/10h', '10/10s,', '10/10s;rm'])
      expect(() => rateLimitsFromEnvironment({ INBOX_RATE_LIMITS: wrong }), wrong).toThrow(
        /INBOX_RATE_LIMITS must be on, off or windows/,
      );
  });

  it('tells what the tightest window has left and when its next slot frees', () => {
    const clock = testClock();
    const budget = new RateBudget({ now: clock.now });
    expect(budget.headroom('token-a')).toEqual({ limit: 100, remaining: 100, resetSeconds: 0 });
    for (let i = 0; i < 30; i++) {
      budget.take('token-a');
      clock.advance(100);
    }
    // 30 taken over 3 s: 70 left in 10 s; the first leaves in 7 s.
    expect(budget.headroom('token-a')).toEqual({ limit: 100, remaining: 70, resetSeconds: 7 });
    clock.advance(7_000);
    expect(budget.headroom('token-a').remaining).toBe(71);
    // The 30-minute window becomes the tightest once fewer slots are left in it than in 10 s.
    const small = new RateBudget({
      now: clock.now,
      windows: [
        { limit: 10, windowMs: 10_000 },
        { limit: 12, windowMs: 60_000 },
      ],
    });
    for (let i = 0; i < 8; i++) small.take('token-a');
    clock.advance(11_000);
    expect(small.headroom('token-a')).toEqual({ limit: 12, remaining: 4, resetSeconds: 49 });
  });
});

describe('the live proxy’s budget', () => {
  let upstream: Server;
  let upstreamUrl: string;
  let forwarded = 0;
  beforeAll(async () => {
    upstream = createServer((request, response) => {
      forwarded++;
      if (request.url?.startsWith('/api/v2/notifications/429')) {
        // Productive's 429 as it may come: no Retry-After.
        response.writeHead(429, { 'Content-Type': 'application/vnd.api+json' });
        response.end(JSON.stringify({ errors: [{ status: '429', title: 'Too Many Requests' }] }));
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/vnd.api+json' });
      response.end(JSON.stringify({ data: [], meta: {} }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api/v2`;
  });
  afterAll(() => {
    upstream.closeAllConnections();
    upstream.close();
  });

  const liveApp = (budget: RateBudget, token = 'pat-one') =>
    createApp({
      api: createLiveApi({
        upstream: upstreamUrl,
        credentials: () => ({ token, organizationId: '4242' }),
        budget,
      }),
    });

  it('answers the 101st request in 10 s itself, with Retry-After, and Productive never sees it', async () => {
    const clock = testClock();
    const budget = new RateBudget({ now: clock.now });
    const app = liveApp(budget);
    forwarded = 0;
    for (let i = 0; i < 100; i++) {
      const response = await app.request('/api/v2/projects');
      expect(response.status, `request ${i + 1}`).toBe(200);
    }
    clock.advance(3_000);
    const refused = await app.request('/api/v2/projects');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('7');
    expect(await refused.json()).toMatchObject({
      errors: [{ status: '429', code: 'rate_limited' }],
    });
    expect(forwarded).toBe(100);
    // Another person's token has its own budget.
    expect((await liveApp(budget, 'pat-two').request('/api/v2/projects')).status).toBe(200);
  });

  it('does not count requests it refuses for other reasons', async () => {
    const budget = new RateBudget({ now: testClock().now });
    const app = liveApp(budget);
    for (let i = 0; i < 150; i++) {
      expect((await app.request('/api/v2/projects?filter[x]=1')).status).toBe(400);
    }
    expect((await app.request('/api/v2/projects')).status).toBe(200);
  });

  it('gives Productive’s 429 without Retry-After one the app can wait out, and holds the token back meanwhile', async () => {
    const clock = testClock();
    const budget = new RateBudget({ now: clock.now });
    const app = liveApp(budget);
    forwarded = 0;
    const refused = await app.request('/api/v2/notifications/429');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    clock.advance(4_000);
    const held = await app.request('/api/v2/projects');
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('6');
    expect(forwarded).toBe(1);
    clock.advance(6_000);
    expect((await app.request('/api/v2/projects')).status).toBe(200);
  });
});

describe('the embedded API’s budget (demo mode)', () => {
  it('enforces the same windows, and lifts them when told', async () => {
    const server = createTestServer({ notifications: 20 });
    const clock = testClock();
    const limited = createApp({
      api: withRateBudget(
        createDemoApi(server.db),
        new RateBudget({ now: clock.now }),
        () => 'demo',
      ),
    });
    for (let i = 0; i < 100; i++) {
      expect((await limited.request('/api/v2/projects')).status, `request ${i + 1}`).toBe(200);
    }
    const refused = await limited.request('/api/v2/notifications');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    // The embedded API's own errors still read as before behind the budget.
    clock.advance(10_000);
    const missing = await limited.request('/api/v2/notifications/999999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ errors: [{ code: 'record_not_found' }] });

    const lifted = createApp({
      api: withRateBudget(
        createDemoApi(server.db),
        new RateBudget({ now: clock.now, enforce: false }),
        () => 'demo',
      ),
    });
    for (let i = 0; i < 150; i++) {
      expect((await lifted.request('/api/v2/projects?page[size]=1')).status).toBe(200);
    }
  });
});

describe('the budget over real HTTP (demo mode, a test clock)', () => {
  let server: ReturnType<typeof serve>;
  let base: string;
  const clock = testClock();
  beforeAll(async () => {
    const demo = createTestServer({ notifications: 20 });
    const app = createApp({
      api: withRateBudget(createDemoApi(demo.db), new RateBudget({ now: clock.now }), () => 'demo'),
    });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    server.close();
  });

  const ask = () => fetch(`${base}/api/v2/projects?page[size]=1`);

  it('answers the 101st request in 10 s with 429 and Retry-After, telling what is left on every answer', async () => {
    for (let i = 0; i < 100; i++) {
      const response = await ask();
      expect(response.status, `request ${i + 1}`).toBe(200);
      expect(response.headers.get('ratelimit-remaining')).toBe(String(99 - i));
      await response.arrayBuffer();
      clock.advance(20); // 100 over 2 s
    }
    const refused = await ask();
    expect(refused.status).toBe(429);
    // The first request was 2 s ago: a slot frees in 8 s.
    expect(refused.headers.get('retry-after')).toBe('8');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe('8');
    await refused.arrayBuffer();
    clock.advance(8_000);
    expect((await ask()).status).toBe(200);
  });

  it('answers the 4,001st request in 30 minutes with 429 though no 10 s holds more than 100', async () => {
    clock.advance(30 * 60_000); // a fresh half hour
    for (let i = 0; i < 4_000; i++) {
      const response = await ask();
      if (response.status !== 200) expect(response.status, `request ${i + 1}`).toBe(200);
      await response.arrayBuffer();
      clock.advance(250); // 40 per 10 s; 4,000 take 1,000 s
    }
    const refused = await ask();
    expect(refused.status).toBe(429);
    // The first of the 4,000 was 1,000 s ago: it leaves the 30-minute window in 800 s.
    expect(refused.headers.get('retry-after')).toBe('800');
    await refused.arrayBuffer();
    clock.advance(800_000);
    expect((await ask()).status).toBe(200);
  }, 60_000);
});
