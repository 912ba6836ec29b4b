import { describe, expect, it } from 'vitest';
import { createTestServer, fetchAll } from '../testing/fixture.ts';

const server = createTestServer({ notifications: 100 });
type Item = Awaited<ReturnType<typeof fetchAll>>[number];
const rows = server.db
  .prepare('SELECT * FROM activities ORDER BY created_ms DESC, id DESC')
  .all() as Record<string, unknown>[];

// A narrow slice keeps every comparison quick: the activities of projects 1 and 2.
const SCOPE = 'filter[project_id]=1,2';
const scoped = rows
  .filter((row) => row.project_id === 1 || row.project_id === 2)
  .map((row) => String(row.id));

async function expectFilter(
  query: string,
  predicate: (row: Record<string, unknown>) => boolean,
  scope = SCOPE,
) {
  const base = scope ? rows.filter((row) => scoped.includes(String(row.id))) : rows;
  const expected = base.filter(predicate).map((row) => String(row.id));
  expect(expected.length, `the data has examples for ${query}`).toBeGreaterThan(0);
  expect(expected.length, `${query} leaves something out`).toBeLessThan(base.length);
  const items = await fetchAll(server, `/api/v2/activities?${scope ? `${scope}&` : ''}${query}`);
  expect(items.map((item) => item.id)).toEqual(expected);
}

describe('GET /activities', () => {
  it('lists newest first, with a next link while more remain and no total', async () => {
    const { body } = await server.json('/api/v2/activities?page[size]=50');
    const data = body.data as Item[];
    expect(data.map((item) => item.id)).toEqual(rows.slice(0, 50).map((row) => String(row.id)));
    expect(body.meta).toEqual({ current_page: 1, page_size: 50, max_page_size: 200 });
    expect(Object.keys(body.links as object).sort()).toEqual(['first', 'next']);
  });

  it('sorts oldest first on request', async () => {
    const { body } = await server.json('/api/v2/activities?filter[task_id]=1&sort=created_at');
    const times = (body.data as Item[]).map((item) =>
      Date.parse(String(item.attributes.created_at)),
    );
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('has realistic data: about 10,000 activities, comments, changesets and emails', () => {
    expect(rows.length).toBeGreaterThan(9000);
    expect(rows.length).toBeLessThan(12000);
    for (const kind of [1, 2, 3])
      expect(rows.filter((row) => row.kind === kind).length).toBeGreaterThan(100);
    for (const row of rows.filter((r) => r.kind === 2))
      expect(JSON.parse(String(row.changeset)).length).toBeGreaterThan(0);
  });

  it('filters by task_id in both array forms', async () => {
    await expectFilter('filter[task_id]=1,2', (row) => row.task_id === 1 || row.task_id === 2, '');
    await expectFilter(
      'filter[task_id][]=1&filter[task_id][]=2',
      (row) => row.task_id === 1 || row.task_id === 2,
      '',
    );
  });

  it('filters by every id filter', async () => {
    const idFilters = [
      'booking_id',
      'company_id',
      'creator_id',
      'deal_id',
      'discussion_id',
      'expense_id',
      'invoice_id',
      'purchase_order_id',
      'project_id',
    ];
    for (const name of idFilters) {
      const value = rows.find((row) => row[name] !== null)?.[name];
      await expectFilter(`filter[${name}]=${value}`, (row) => row[name] === value, '');
    }
  });

  it('filters by person_id and participant_id', async () => {
    server.db.prepare('UPDATE activities SET person_id = 5 WHERE id IN (1, 2)').run();
    for (const row of rows.filter((r) => r.id === 1 || r.id === 2)) row.person_id = 5;
    await expectFilter('filter[person_id]=5', (row) => row.person_id === 5, '');
    await expectFilter(
      'filter[participant_id]=5',
      (row) => row.creator_id === 5 || row.person_id === 5,
      '',
    );
  });

  it('filters by type: 1 comments, 2 changesets, 3 emails', async () => {
    await expectFilter('filter[type]=1', (row) => row.kind === 1);
    await expectFilter('filter[type]=2,3', (row) => row.kind === 2 || row.kind === 3);
    const comments = await fetchAll(
      server,
      `/api/v2/activities?${SCOPE}&filter[type]=1&include=comment`,
    );
    expect(
      comments.every((item) => (item.relationships.comment as { data: unknown }).data !== null),
    ).toBe(true);
  });

  it('filters by event, item_type, parent_type and root_type, case-insensitively', async () => {
    await expectFilter('filter[event]=update', (row) => row.event === 'update');
    // Productive's reference spells a deletion `destroy`, the seed `delete`: either finds both.
    const deletion = (row: Record<string, unknown>) =>
      ['delete', 'destroy'].includes(String(row.event));
    expect(rows.some(deletion)).toBe(true);
    await expectFilter('filter[event]=destroy', deletion);
    await expectFilter('filter[event]=Delete', deletion);
    await expectFilter('filter[item_type]=Comment', (row) => row.item_type === 'comment');
    await expectFilter('filter[parent_type]=task', (row) => row.parent_type === 'task');
    await expectFilter('filter[root_type]=company', (row) => row.root_type === 'company', '');
  });

  it('filters by has_attachments and pinned', async () => {
    await expectFilter('filter[has_attachments]=true', (row) => row.attachment_id !== null, '');
    await expectFilter('filter[has_attachments]=false', (row) => row.attachment_id === null);
    await expectFilter('filter[pinned]=true', (row) => row.pinned === 1, '');
  });

  it('filters by after and before on created_at', async () => {
    const pivot = String(rows[2000]?.created_at);
    await expectFilter(
      `filter[after]=${encodeURIComponent(pivot)}`,
      (row) => Number(row.created_ms) > Date.parse(pivot),
    );
    await expectFilter(
      `filter[before]=${encodeURIComponent(pivot)}`,
      (row) => Number(row.created_ms) < Date.parse(pivot),
    );
  });

  it('includes creator, comment, email and attachment', async () => {
    const { body } = await server.json(
      `/api/v2/activities?filter[has_attachments]=true&include=creator,comment,email,attachment&page[size]=5`,
    );
    const included = body.included as { type: string; attributes: Record<string, unknown> }[];
    const types = new Set(included.map((record) => record.type));
    expect(types).toEqual(new Set(['people', 'comments', 'attachments']));
    const emails = await server.json(
      '/api/v2/activities?filter[type]=3&include=email&page[size]=1',
    );
    expect(
      (emails.body.included as { type: string; attributes: { subject: string } }[])[0],
    ).toMatchObject({ type: 'emails', attributes: { subject: expect.any(String) } });
  });

  it('changesets use every value shape the API sends', () => {
    const values = rows.flatMap((row) =>
      (JSON.parse(String(row.changeset)) as Record<string, unknown[]>[]).flatMap((change) =>
        Object.values(change).flat(),
      ),
    );
    const has = (test: (value: unknown) => boolean) => values.some(test);
    expect(has((value) => value === null)).toBe(true);
    expect(has((value) => typeof value === 'string')).toBe(true);
    expect(has((value) => typeof value === 'boolean')).toBe(true);
    expect(has((value) => typeof value === 'number')).toBe(true);
    expect(has((value) => Array.isArray(value))).toBe(true);
    expect(
      has(
        (value) =>
          typeof value === 'object' && value !== null && 'value' in value && !('id' in value),
      ),
    ).toBe(true);
    expect(
      has(
        (value) => typeof value === 'object' && value !== null && 'value' in value && 'id' in value,
      ),
    ).toBe(true);
  });

  it('answers 400 for bad filters and 404 for a missing activity', async () => {
    for (const query of [
      'filter[type]=4',
      'filter[event]=explode',
      'filter[task_id]=x',
      'filter[pinned]=sometimes',
      'include=role',
      'filter[read]=true',
    ]) {
      expect((await server.json(`/api/v2/activities?${query}`)).status, query).toBe(400);
    }
    expect((await server.json('/api/v2/activities/99999999')).status).toBe(404);
    expect((await server.json('/api/v2/activities/x')).status).toBe(404);
    const one = await server.json('/api/v2/activities/9?include=creator');
    expect(one.status).toBe(200);
    expect((one.body.included as unknown[]).length).toBe(1);
  });
});
