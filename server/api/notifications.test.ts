import { describe, expect, it } from 'vitest';
import { createTestServer, fetchAll, PATCH_INIT } from '../testing/fixture.ts';

const server = createTestServer({ notifications: 400 });
const all = await fetchAll(server, '/api/v2/notifications');
const ids = (items: { id: string }[]) => items.map((item) => item.id);
const attr = (item: { attributes: Record<string, unknown> }, name: string) => item.attributes[name];
const time = (item: { attributes: Record<string, unknown> }) =>
  Date.parse(String(attr(item, 'last_action_at')));

async function expectFilter(query: string, predicate: (item: (typeof all)[number]) => boolean) {
  const expected = ids(all.filter(predicate));
  expect(expected.length, `the data has examples for ${query}`).toBeGreaterThan(0);
  expect(expected.length, `${query} leaves something out`).toBeLessThan(all.length);
  expect(ids(await fetchAll(server, `/api/v2/notifications?${query}`))).toEqual(expected);
}

describe('GET /notifications', () => {
  it('lists every notification newest first, 30 to a page by default', async () => {
    expect(all).toHaveLength(400);
    const times = all.map(time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const { body } = await server.json('/api/v2/notifications');
    expect(body.data).toHaveLength(30);
    expect(body.meta).toEqual({
      current_page: 1,
      total_pages: 14,
      total_count: 400,
      page_size: 30,
      max_page_size: 200,
    });
  });

  it('filters by id, one or many, in both array forms', async () => {
    const [a, b] = [all[3] as (typeof all)[number], all[10] as (typeof all)[number]];
    await expectFilter(
      `filter[id]=${a.id},${b.id}`,
      (item) => item.id === a.id || item.id === b.id,
    );
    await expectFilter(
      `filter[id][]=${a.id}&filter[id][]=${b.id}`,
      (item) => item.id === a.id || item.id === b.id,
    );
  });

  it('filters by before and after on last_action_at', async () => {
    const pivot = String(attr(all[100] as (typeof all)[number], 'last_action_at'));
    await expectFilter(
      `filter[after]=${encodeURIComponent(pivot)}`,
      (item) => time(item) > Date.parse(pivot),
    );
    await expectFilter(
      `filter[before]=${encodeURIComponent(pivot)}`,
      (item) => time(item) < Date.parse(pivot),
    );
  });

  it('filters by date_before (earlier days) and date_after (later days)', async () => {
    const day = String(attr(all[150] as (typeof all)[number], 'last_action_at')).slice(0, 10);
    const dayOf = (item: (typeof all)[number]) => String(attr(item, 'last_action_at')).slice(0, 10);
    await expectFilter(`filter[date_before]=${day}`, (item) => dayOf(item) < day);
    await expectFilter(`filter[date_after]=${day}`, (item) => dayOf(item) > day);
  });

  it('filters by dismissed, important and mention', async () => {
    for (const name of ['dismissed', 'important', 'mention']) {
      await expectFilter(`filter[${name}]=true`, (item) => attr(item, name) === true);
      await expectFilter(`filter[${name}]=false`, (item) => attr(item, name) === false);
    }
  });

  it("filters by project, taking a todo's project from its task", async () => {
    const taskProject = new Map(
      (
        server.db.prepare('SELECT id, project_id FROM tasks').all() as {
          id: number;
          project_id: number;
        }[]
      ).map((row) => [row.id, row.project_id]),
    );
    const projectOf = (item: (typeof all)[number]) => {
      if (attr(item, 'target_type') === 'todo')
        return taskProject.get(attr(item, 'parent_id') as number);
      if (attr(item, 'target_type') === 'task') return attr(item, 'parent_id');
      return (
        server.db
          .prepare('SELECT project_id FROM notifications WHERE id = ?')
          .get(Number(item.id)) as { project_id: number | null }
      ).project_id;
    };
    await expectFilter('filter[project_id]=3', (item) => projectOf(item) === 3);
    await expectFilter('filter[project_id]=3,5', (item) =>
      [3, 5].includes(projectOf(item) as number),
    );
    expect(all.some((item) => attr(item, 'target_type') === 'todo' && projectOf(item) === 3)).toBe(
      true,
    );
  });

  it('filters by type, case-insensitively, one or many', async () => {
    await expectFilter('filter[type]=Task', (item) => attr(item, 'target_type') === 'task');
    await expectFilter('filter[type]=TODO', (item) => attr(item, 'target_type') === 'todo');
    await expectFilter('filter[type]=deal,page', (item) =>
      ['deal', 'page'].includes(String(attr(item, 'target_type'))),
    );
  });

  it('combines filters', async () => {
    await expectFilter(
      'filter[dismissed]=false&filter[type]=task&filter[important]=true',
      (item) =>
        attr(item, 'dismissed') === false &&
        attr(item, 'target_type') === 'task' &&
        attr(item, 'important') === true,
    );
  });

  it('includes the actor on request', async () => {
    const { body } = await server.json('/api/v2/notifications?include=actor&page[size]=5');
    const data = body.data as { relationships: { actor: { data: { id: string } } } }[];
    const included = body.included as { type: string; id: string }[];
    for (const item of data) {
      expect(included).toContainEqual(
        expect.objectContaining({ type: 'people', id: item.relationships.actor.data.id }),
      );
    }
    const plain = await server.json('/api/v2/notifications?page[size]=1');
    expect(plain.body.included).toBeUndefined();
    expect(
      (plain.body.data as { relationships: { actor: unknown } }[])[0]?.relationships.actor,
    ).toEqual({ meta: { included: false } });
  });

  it('sorts oldest first on request', async () => {
    const { body } = await server.json('/api/v2/notifications?sort=last_action_at&page[size]=200');
    const times = (body.data as (typeof all)[number][]).map(time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('pagination', () => {
  it('links first, last, next and prev with every other parameter kept', async () => {
    const { body } = await server.json(
      '/api/v2/notifications?filter[type]=task&page[number]=2&page[size]=10',
    );
    const links = body.links as Record<string, string>;
    const meta = body.meta as { total_pages: number; total_count: number };
    const query = (link: string) => Object.fromEntries(new URL(link).searchParams);
    expect(query(links.first as string)).toEqual({
      'filter[type]': 'task',
      'page[number]': '1',
      'page[size]': '10',
    });
    expect(query(links.prev as string)['page[number]']).toBe('1');
    expect(query(links.next as string)['page[number]']).toBe('3');
    expect(query(links.last as string)['page[number]']).toBe(String(meta.total_pages));
    expect(meta.total_pages).toBe(Math.ceil(meta.total_count / 10));
  });

  it('has no next link on the last page and no prev link on the first', async () => {
    const first = await server.json('/api/v2/notifications?page[size]=200');
    expect(first.body.links).not.toHaveProperty('prev');
    const last = await server.json('/api/v2/notifications?page[size]=200&page[number]=2');
    expect(last.body.data).toHaveLength(200);
    expect(last.body.links).not.toHaveProperty('next');
  });

  it('answers an empty page past the end', async () => {
    const { status, body } = await server.json('/api/v2/notifications?page[number]=99');
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
    expect((body.meta as { current_page: number }).current_page).toBe(99);
  });

  it('accepts page sizes from 1 to 200 and refuses others with 400', async () => {
    expect((await server.json('/api/v2/notifications?page[size]=1')).body.data).toHaveLength(1);
    expect((await server.json('/api/v2/notifications?page[size]=200')).body.data).toHaveLength(200);
    for (const bad of [
      'page[size]=0',
      'page[size]=201',
      'page[size]=-1',
      'page[size]=abc',
      'page[number]=0',
      'page[number]=1.5',
      'page[number]=',
      'page[foo]=1',
    ]) {
      const { status, body } = await server.json(`/api/v2/notifications?${bad}`);
      expect(status, bad).toBe(400);
      expect((body.errors as { code: string }[])[0]?.code).toBe('invalid_page');
    }
  });
});

describe('errors', () => {
  it('answers 404 record_not_found for a missing or malformed id', async () => {
    for (const id of ['999999', 'abc', '0', '-1', '1.5', '%27%20OR%201=1']) {
      const { status, body } = await server.json(`/api/v2/notifications/${id}`);
      expect(status, id).toBe(404);
      expect(body).toEqual({
        errors: [
          {
            status: '404',
            code: 'record_not_found',
            title: 'Record Not Found',
            detail: 'The requested record was not found',
            meta: {},
            source: {},
          },
        ],
      });
    }
  });

  it('answers 400 for an unsupported filter, operator, include or sort, and for bad filter values', async () => {
    const cases: [string, string][] = [
      ['filter[read]=true', 'unsupported_filter'],
      ['filter[id][gt_eq]=1', 'unsupported_filter'],
      ['filter[$op]=and', 'unsupported_filter'],
      ['include=owner', 'unsupported_include'],
      ['sort=title', 'unsupported_sort'],
      ['filter[dismissed]=maybe', 'invalid_filter_value'],
      ['filter[project_id]=abc', 'invalid_filter_value'],
      ['filter[after]=yesterday', 'invalid_filter_value'],
      ['filter[date_before]=2026-02-30', 'invalid_filter_value'],
    ];
    for (const [query, code] of cases) {
      const { status, body } = await server.json(`/api/v2/notifications?${query}`);
      expect(status, query).toBe(400);
      expect((body.errors as { code: string; status: string }[])[0]).toMatchObject({
        code,
        status: '400',
      });
    }
  });

  it('answers JSON:API 404s for unknown paths and methods under /api', async () => {
    for (const [method, path] of [
      ['GET', '/api/v2/invoices'],
      ['DELETE', '/api/v2/notifications/1'],
      ['GET', '/api/v3/x'],
      ['POST', '/api/v2/notifications'],
    ]) {
      const response = await server.request(path as string, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/vnd.api+json');
    }
  });
});

describe('PATCH read, dismiss and undismiss', () => {
  const id = () =>
    String(
      all.find((item) => attr(item, 'read') === false && attr(item, 'dismissed') === false)?.id,
    );

  it('changes the record and answers with it', async () => {
    const target = id();
    const read = await server.json(`/api/v2/notifications/${target}/read`, PATCH_INIT);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({
      id: target,
      attributes: { read: true, dismissed: false },
    });
    const dismissed = await server.json(`/api/v2/notifications/${target}/dismiss`, PATCH_INIT);
    expect(dismissed.body.data).toMatchObject({ attributes: { read: true, dismissed: true } });
    const shown = await server.json(`/api/v2/notifications/${target}`);
    expect(shown.body.data).toMatchObject({ attributes: { dismissed: true } });
    const restored = await server.json(`/api/v2/notifications/${target}/undismiss`, PATCH_INIT);
    expect(restored.body.data).toMatchObject({ attributes: { read: true, dismissed: false } });
  });

  it('answers 415 for a wrong or missing content type and changes nothing', async () => {
    const target = all.find((item) => attr(item, 'dismissed') === false)?.id as string;
    for (const headers of [
      {} as Record<string, string>,
      { 'Content-Type': 'application/json' },
      { 'Content-Type': 'text/plain' },
    ]) {
      const { status, body } = await server.json(`/api/v2/notifications/${target}/dismiss`, {
        method: 'PATCH',
        headers,
      });
      expect(status).toBe(415);
      expect((body.errors as { status: string }[])[0]?.status).toBe('415');
    }
    expect((await server.json(`/api/v2/notifications/${target}`)).body.data).toMatchObject({
      attributes: { dismissed: false },
    });
  });

  it('answers 400 for a malformed body and 404 for a missing record, changing nothing', async () => {
    const target = all.find((item) => attr(item, 'dismissed') === false)?.id as string;
    const malformed = await server.json(`/api/v2/notifications/${target}/dismiss`, {
      ...PATCH_INIT,
      body: '{"data":',
    });
    expect(malformed.status).toBe(400);
    expect((await server.json(`/api/v2/notifications/${target}`)).body.data).toMatchObject({
      attributes: { dismissed: false },
    });
    expect((await server.json('/api/v2/notifications/999999/read', PATCH_INIT)).status).toBe(404);
    expect((await server.json('/api/v2/notifications/abc/read', PATCH_INIT)).status).toBe(404);
  });
});
