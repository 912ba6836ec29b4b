import { describe, expect, it } from 'vitest';
import { createTestServer, PATCH_INIT } from '../testing/fixture.ts';

describe('storage', () => {
  it('keeps state changes across a restart', async () => {
    const first = createTestServer({ notifications: 60 });
    const { body } = await first.json('/api/v2/notifications?filter[dismissed]=false&page[size]=1');
    const id = (body.data as { id: string }[])[0]?.id as string;
    expect((await first.json(`/api/v2/notifications/${id}/dismiss`, PATCH_INIT)).status).toBe(200);
    first.db.close();

    const second = createTestServer({ path: first.path, seed: false });
    const shown = await second.json(`/api/v2/notifications/${id}`);
    expect(shown.body.data).toMatchObject({ attributes: { dismissed: true } });
    const mode = second.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
    expect(mode.journal_mode).toBe('wal');
    second.db.close();
  });
});
