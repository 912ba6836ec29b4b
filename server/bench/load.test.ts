import { afterAll, describe, expect, it } from 'vitest';
import { createDemoApi } from '../api/router.ts';
import { createApp } from '../http/app.ts';
import { listenOnFreePort } from '../http/listen.ts';
import { createTestServer } from '../testing/fixture.ts';
import { runClients } from './load.ts';

const { db } = createTestServer({ notifications: 2000 });
const server = await listenOnFreePort(createApp({ api: createDemoApi(db) }));
const base = `${server.origin}/api/v2`;
afterAll(() => {
  server.close();
  db.close();
});

describe('the embedded server under load', () => {
  it(
    'answers 100 clients polling every second for 30 s without one error',
    { timeout: 60_000 },
    async () => {
      const since = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
      const result = await runClients({
        base,
        clients: 100,
        durationMs: 30_000,
        intervalMs: 1000,
        path: (client) =>
          `/notifications?filter[dismissed]=false&filter[after]=${since}&include=actor&page[number]=1&page[size]=${1 + (client % 50)}`,
      });
      expect(result.errors).toEqual([]);
      // Every client kept polling the whole time: about 30 requests each.
      expect(result.requests).toBeGreaterThan(100 * 25);
    },
  );
});
