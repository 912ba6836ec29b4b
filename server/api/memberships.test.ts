import { describe, expect, it } from 'vitest';
import { CURRENT_MEMBERSHIP_ID } from '../seed/generate.ts';
import { createTestServer, PATCH_INIT } from '../testing/fixture.ts';

const inboxCount = async (server: ReturnType<typeof createTestServer>) => {
  const { body } = await server.json('/api/v2/notifications?filter[dismissed]=false&page[size]=1');
  return (body.meta as { total_count: number }).total_count;
};

describe('PATCH /organization_memberships/{id}/dismiss_notifications', () => {
  it('dismisses every notification of the Inbox in one request, and says how many', async () => {
    const server = createTestServer({ notifications: 300 });
    const before = await inboxCount(server);
    expect(before).toBeGreaterThan(100);
    const response = await server.request(
      `/api/v2/organization_memberships/${CURRENT_MEMBERSHIP_ID}/dismiss_notifications`,
      PATCH_INIT,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      data: { id: String(CURRENT_MEMBERSHIP_ID), type: 'organization_memberships' },
      meta: { dismissed_count: before },
    });
    expect(await inboxCount(server)).toBe(0);
    const { body } = await server.json('/api/v2/notifications?filter[dismissed]=true&page[size]=1');
    expect((body.meta as { total_count: number }).total_count).toBe(300);
  });

  it('answers 404 for another membership and 415 without the JSON:API content type', async () => {
    const server = createTestServer({ notifications: 20 });
    const other = await server.request(
      '/api/v2/organization_memberships/999999/dismiss_notifications',
      PATCH_INIT,
    );
    expect(other.status).toBe(404);
    const plain = await server.request(
      `/api/v2/organization_memberships/${CURRENT_MEMBERSHIP_ID}/dismiss_notifications`,
      { method: 'PATCH' },
    );
    expect(plain.status).toBe(415);
    expect(await inboxCount(server)).toBeGreaterThan(0);
  });
});
