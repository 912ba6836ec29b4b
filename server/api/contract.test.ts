import { describe, expect, it } from 'vitest';
import { createTestServer, PATCH_INIT } from '../testing/fixture.ts';
import { readSeedExamples, shapeDifferences } from '../testing/seed-documents.ts';

const examples = readSeedExamples();
const server = createTestServer();
// Reference records of ours for list examples whose filter matches nothing in our data.
const reference = {
  notifications: (await server.json('/api/v2/notifications?page[size]=1')).body,
  activities: (await server.json('/api/v2/activities?filter[task_id]=1&page[size]=1')).body,
};

describe('every request shown in the seed documents', () => {
  it('reads the examples out of the seed documents', () => {
    expect(examples.length).toBeGreaterThanOrEqual(14);
    expect(examples.filter((example) => example.method === 'PATCH')).toHaveLength(3);
  });

  for (const example of examples) {
    it(`${example.method} ${example.path} answers with the seed's shape`, async () => {
      const response = await server.request(
        example.path,
        example.method === 'PATCH' ? PATCH_INIT : undefined,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.api+json; charset=utf-8');
      const body = (await response.json()) as Record<string, unknown>;
      expect(
        Object.keys(body)
          .filter((key) => key !== 'included')
          .sort(),
      ).toEqual(Object.keys(example.body).sort());

      if (Array.isArray(example.body.data)) {
        const resource = example.path.includes('/activities') ? 'activities' : 'notifications';
        const ours = (body.data as unknown[]).length ? body : reference[resource];
        expect(shapeDifferences(example.body.data, ours.data)).toEqual([]);
        expect(Object.keys(body.meta as object).sort()).toEqual(
          Object.keys(example.body.meta as object).sort(),
        );
        expect(shapeDifferences(example.body.meta, body.meta)).toEqual([]);
        // Links are built the same way: same path and query, only the host differs.
        const seedFirst = new URL((example.body.links as Record<string, string>).first as string);
        const ourFirst = new URL((body.links as Record<string, string>).first as string);
        expect(ourFirst.pathname + ourFirst.search).toBe(seedFirst.pathname + seedFirst.search);
        for (const key of Object.keys(example.body.links as object))
          expect(body.links).toHaveProperty(key);
      } else {
        expect(shapeDifferences(example.body.data, body.data)).toEqual([]);
        expect(body.meta).toEqual({});
        const id = /\/(\d+)/.exec(example.path)?.[1];
        expect((body.data as { id: string }).id).toBe(id);
      }
      if (example.method === 'PATCH') {
        const attributes = (body.data as { attributes: Record<string, unknown> }).attributes;
        const action = example.path.split('/').pop();
        if (action === 'read') expect(attributes.read).toBe(true);
        if (action === 'dismiss') expect(attributes.dismissed).toBe(true);
        if (action === 'undismiss') expect(attributes.dismissed).toBe(false);
      }
    });
  }
});
