import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { createTestServer, PATCH_INIT } from '../testing/fixture.ts';

const inboxTotal = async (server: ReturnType<typeof createTestServer>) =>
  (
    (await server.json('/api/v2/notifications?filter[dismissed]=false&page[size]=1')).body.meta as {
      total_count: number;
    }
  ).total_count;

describe('list totals', () => {
  it('follow a change made through the API at once', async () => {
    const server = createTestServer({ notifications: 300 });
    const before = await inboxTotal(server);
    expect(await inboxTotal(server)).toBe(before);
    const first = (
      (await server.json('/api/v2/notifications?filter[dismissed]=false&page[size]=1')).body
        .data as { id: string }[]
    )[0]?.id;
    expect(
      (await server.request(`/api/v2/notifications/${first}/dismiss`, PATCH_INIT)).status,
    ).toBe(200);
    expect(await inboxTotal(server)).toBe(before - 1);
  });

  it('follow a change another connection commits to the database', async () => {
    const server = createTestServer({ notifications: 300 });
    const before = await inboxTotal(server);
    const other = new DatabaseSync(server.path);
    other.prepare('UPDATE notifications SET dismissed = 1 WHERE dismissed = 0 AND id <= 10').run();
    const changed = (other.prepare('SELECT changes() AS n').get() as { n: number }).n;
    other.close();
    expect(changed).toBeGreaterThan(0);
    expect(await inboxTotal(server)).toBe(before - changed);
  });
});
