import { describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/fixture.ts';
import { MAX_COMMENT_BODY_CHARACTERS } from './comment-request.ts';

const JSON_API = 'application/vnd.api+json';
const BODY =
  '<p>Thanks @[Person:7:Ivo Babić], looks good.</p><p>One more thing:<br>the <b>footer</b> & "logo"</p>';

type Doc = { data: Record<string, unknown>; included?: Record<string, unknown>[] };
type ErrorDoc = {
  errors: { status: string; code: string; title: string; source: { pointer?: string } }[];
};
type Activity = {
  id: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, { data?: { type: string; id: string } | null }>;
};

const comment = (relationships: unknown, attributes: unknown = { body: BODY }) => ({
  data: { type: 'comments', attributes, relationships },
});
const on = (kind: string, type: string, id: string) => ({ [kind]: { data: { type, id } } });

function post(server: TestServer, document: unknown, contentType = JSON_API) {
  return server.request('/api/v2/comments', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof document === 'string' ? document : JSON.stringify(document),
  });
}

async function feed(server: TestServer, filter: string) {
  const { body } = await server.json(`/api/v2/activities?${filter}&include=comment,creator`);
  return body as unknown as { data: Activity[]; included: Record<string, unknown>[] };
}

const PLACEMENT = [
  'item_type',
  'item_name',
  'parent_id',
  'parent_type',
  'parent_name',
  'root_id',
  'root_type',
  'root_name',
  'task_id',
  'deal_id',
  'discussion_id',
  'page_id',
  'company_id',
];
const placementOf = (activity: Activity) =>
  Object.fromEntries(PLACEMENT.map((name) => [name, activity.attributes[name]]));

describe('POST /comments', () => {
  const server = createTestServer({ notifications: 60 });
  // A task whose feed already has comments, to compare the new one's fields with.
  const taskId = String(
    (
      server.db
        .prepare('SELECT task_id FROM activities WHERE kind = 1 AND task_id IS NOT NULL LIMIT 1')
        .get() as { task_id: number }
    ).task_id,
  );

  it('adds no notification: one per item stays one (and the writer is not notified of their own comment)', async () => {
    const count = () =>
      (server.db.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number }).n;
    const perItem = () =>
      server.db
        .prepare(
          'SELECT count(*) AS n FROM notifications GROUP BY target_type, target_id HAVING count(*) > 1',
        )
        .all();
    const before = count();
    const response = await post(server, comment(on('task', 'tasks', taskId)));
    expect(response.status).toBe(201);
    expect(count()).toBe(before);
    expect(perItem()).toEqual([]);
  });

  it('writes a comment on a task: 201 with the comment, and the task’s feed shows it first', async () => {
    const seedComment = (await feed(server, `filter[task_id]=${taskId}&filter[type]=1`)).data[0];
    const response = await post(server, comment(on('task', 'tasks', taskId)));
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.api\+json/);
    const { data } = (await response.json()) as Doc;
    expect(data).toMatchObject({
      type: 'comments',
      attributes: { body: BODY, edited_at: null, deleted_at: null, pinned_at: null },
      relationships: {
        creator: { data: { type: 'people', id: '1' } },
        task: { data: { type: 'tasks', id: taskId } },
      },
    });
    const createdAt = (data.attributes as { created_at: string }).created_at;
    expect(Math.abs(Date.parse(createdAt) - server.now())).toBeLessThan(5000);

    const { data: activities, included } = await feed(server, `filter[task_id]=${taskId}`);
    const first = activities[0] as Activity;
    expect(first.attributes).toMatchObject({
      event: 'create',
      changeset: [],
      item_id: Number(data.id),
      created_at: createdAt,
    });
    expect(first.relationships.comment?.data).toEqual({ type: 'comments', id: data.id });
    expect(first.relationships.creator?.data).toEqual({ type: 'people', id: '1' });
    expect(placementOf(first)).toEqual(placementOf(seedComment as Activity));
    expect(included).toContainEqual(
      expect.objectContaining({
        type: 'comments',
        id: data.id,
        attributes: expect.objectContaining({ body: BODY }),
      }),
    );
    // The type filter counts it as a comment.
    const comments = await feed(server, `filter[task_id]=${taskId}&filter[type]=1`);
    expect(comments.data[0]?.id).toBe(first.id);
    const task = await server.json(`/api/v2/tasks/${taskId}`);
    expect(task.body.data).toMatchObject({ attributes: { last_activity_at: createdAt } });
  });

  it('writes on a deal: the comment is the item, the deal its parent, the company its root', async () => {
    const response = await post(server, comment(on('deal', 'deals', '3')));
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as Doc;
    expect(data.relationships).toMatchObject({ deal: { data: { type: 'deals', id: '3' } } });
    const dealActivity = (await feed(server, 'filter[deal_id]=3')).data;
    const first = dealActivity[0] as Activity;
    const dealOwn = dealActivity.find((activity) => activity.attributes.item_type === 'deal');
    expect(first.relationships.comment?.data).toEqual({ type: 'comments', id: data.id });
    expect(placementOf(first)).toEqual({
      item_type: 'comment',
      item_name: dealOwn?.attributes.item_name,
      parent_id: 3,
      parent_type: 'deal',
      parent_name: dealOwn?.attributes.item_name,
      root_id: dealOwn?.attributes.parent_id,
      root_type: 'company',
      root_name: dealOwn?.attributes.parent_name,
      task_id: null,
      deal_id: 3,
      discussion_id: null,
      page_id: null,
      company_id: dealOwn?.attributes.company_id,
    });
  });

  it('writes in a discussion, placed like the discussion’s other comments', async () => {
    const seedComment = (await feed(server, 'filter[discussion_id]=2')).data[0] as Activity;
    const response = await post(server, comment(on('discussion', 'discussions', '2')));
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as Doc;
    expect(data.relationships).toMatchObject({
      discussion: { data: { type: 'discussions', id: '2' } },
    });
    const first = (await feed(server, 'filter[discussion_id]=2')).data[0] as Activity;
    expect(first.relationships.comment?.data).toEqual({ type: 'comments', id: data.id });
    expect(placementOf(first)).toEqual(placementOf(seedComment));
  });

  it('keeps the body exactly as sent, a body of the longest length included', async () => {
    const odd = ' <p>  spaced\u00a0</p>\n<script>alert(1)</script> 😀 ';
    const longest = '😀'.repeat(MAX_COMMENT_BODY_CHARACTERS / 4);
    for (const body of [odd, longest]) {
      const response = await post(server, comment(on('task', 'tasks', taskId), { body }));
      expect(response.status).toBe(201);
      const { data } = (await response.json()) as Doc;
      const stored = server.db
        .prepare('SELECT body FROM comments WHERE id = ?')
        .get(Number(data.id));
      expect(stored).toEqual({ body });
    }
  });

  it('answers 415 for a wrong content type, and writes nothing', async () => {
    const before = server.db.prepare('SELECT count(*) AS n FROM comments').get();
    for (const type of ['application/json', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await post(server, comment(on('task', 'tasks', taskId)), type);
      expect(response.status, type).toBe(415);
      expect(((await response.json()) as ErrorDoc).errors[0]).toMatchObject({
        status: '415',
        code: 'unsupported_media_type',
      });
    }
    expect(server.db.prepare('SELECT count(*) AS n FROM comments').get()).toEqual(before);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await post(server, '{"data":');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorDoc).errors[0]).toMatchObject({
      code: 'malformed_json',
    });
  });

  it('answers 422 invalid_attribute with a pointer for every malformed comment, writing nothing', async () => {
    const before = server.db.prepare('SELECT count(*) AS n FROM activities').get();
    const task = on('task', 'tasks', taskId);
    const cases: [unknown, string][] = [
      [comment(task, { body: '' }), 'data/attributes/body'],
      [comment(task, { body: ' \n\t\u00a0 ' }), 'data/attributes/body'],
      [comment(task, { body: 42 }), 'data/attributes/body'],
      [comment(task, {}), 'data/attributes/body'],
      [
        comment(task, { body: 'x'.repeat(MAX_COMMENT_BODY_CHARACTERS + 1) }),
        'data/attributes/body',
      ],
      [comment(task, { body: 'hi', hidden: true }), 'data/attributes/hidden'],
      [comment(task, null), 'data/attributes'],
      [comment(undefined), 'data/relationships'],
      [comment({}), 'data/relationships'],
      [comment({ ...task, ...on('deal', 'deals', '1') }), 'data/relationships'],
      [comment(on('company', 'companies', '1')), 'data/relationships/company'],
      [comment(on('person', 'people', '1')), 'data/relationships/person'],
      [comment(on('task', 'deals', taskId)), 'data/relationships/task/data/type'],
      [comment(on('task', 'tasks', 'abc')), 'data/relationships/task/data/id'],
      [comment(on('task', 'tasks', '0')), 'data/relationships/task/data/id'],
      [comment(on('task', 'tasks', '-1')), 'data/relationships/task/data/id'],
      [comment(on('task', 'tasks', '1'.repeat(19))), 'data/relationships/task/data/id'],
      [
        comment({ task: { data: { type: 'tasks', id: Number(taskId) } } }),
        'data/relationships/task/data/id',
      ],
      [comment({ task: { data: null } }), 'data/relationships/task/data'],
      [
        comment({ task: { data: { type: 'tasks', id: taskId, extra: 1 } } }),
        'data/relationships/task/data/extra',
      ],
      [{ data: { type: 'tasks', attributes: { body: 'x' }, relationships: task } }, 'data/type'],
      [
        { data: { type: 'comments', id: '5', attributes: { body: 'x' }, relationships: task } },
        'data/id',
      ],
      [{ ...comment(task), meta: {} }, 'meta'],
      [[], 'data'],
      [{ data: 'comments' }, 'data'],
    ];
    for (const [document, pointer] of cases) {
      const response = await post(server, document);
      const label = JSON.stringify(document).slice(0, 160);
      expect(response.status, label).toBe(422);
      expect(((await response.json()) as ErrorDoc).errors[0], label).toMatchObject({
        status: '422',
        code: 'invalid_attribute',
        title: 'Invalid Attribute',
        source: { pointer },
      });
    }
    expect(server.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual(before);
  });

  it('answers 404 record_not_found for a parent that does not exist', async () => {
    const before = server.db.prepare('SELECT count(*) AS n FROM comments').get();
    // Demo data: tasks 1–600, deals 1–30, discussions 1–30 (pages 31–40 have none).
    for (const parent of [
      on('task', 'tasks', '601'),
      on('task', 'tasks', '123456789012345678'),
      on('deal', 'deals', '31'),
      on('discussion', 'discussions', '31'),
    ]) {
      const response = await post(server, comment(parent));
      expect(response.status, JSON.stringify(parent)).toBe(404);
      expect(((await response.json()) as ErrorDoc).errors[0]).toMatchObject({
        status: '404',
        code: 'record_not_found',
      });
    }
    expect(server.db.prepare('SELECT count(*) AS n FROM comments').get()).toEqual(before);
  });

  it('keeps list totals right after a write (the count cache sees it)', async () => {
    const total = async () =>
      (
        (await server.json('/api/v2/tasks?filter[project_id]=1&page[size]=1')).body.meta as {
          total_count: number;
        }
      ).total_count;
    const cached = await total();
    // Another connection adds a task, then a comment is written on this one: neither leaves a stale total.
    server.db
      .prepare(
        `INSERT INTO tasks (id, title, number, closed, created_at, project_id, creator_id, workflow_status_id,
          task_list_name) VALUES (9001, 'New', 999, 0, '2026-11-01T00:00:00+00:00', 1, 2, 1, 'Backlog')`,
      )
      .run();
    expect((await post(server, comment(on('task', 'tasks', '9001')))).status).toBe(201);
    expect(await total()).toBe(cached + 1);
  });

  it('is persisted: the comment and its activity are there after a restart', async () => {
    const first = createTestServer({ notifications: 20 });
    const response = await post(first, comment(on('discussion', 'discussions', '1')));
    const { data } = (await response.json()) as Doc;
    first.db.close();
    const again = createTestServer({ path: first.path, seed: false });
    const { data: activities, included } = await feed(again, 'filter[discussion_id]=1');
    expect(activities[0]?.relationships.comment?.data).toEqual({ type: 'comments', id: data.id });
    expect(included).toContainEqual(
      expect.objectContaining({ id: data.id, attributes: expect.objectContaining({ body: BODY }) }),
    );
    again.db.close();
  });
});
