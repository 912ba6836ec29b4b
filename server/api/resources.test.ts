import { describe, expect, it } from 'vitest';
import { createTestServer } from '../testing/fixture.ts';

const server = createTestServer({ notifications: 50 });

describe('projects, people and tasks', () => {
  it('lists about 12 projects, 40 people and 600 tasks with the same pagination', async () => {
    for (const [path, total] of [
      ['projects', 12],
      ['people', 40],
      ['tasks', 600],
    ] as const) {
      const { status, body } = await server.json(`/api/v2/${path}`);
      expect(status).toBe(200);
      expect(body.meta).toMatchObject({ total_count: total, page_size: 30, current_page: 1 });
      expect(body.links).toHaveProperty('first');
    }
  });

  it('shows one record and answers 404 for a missing one', async () => {
    const project = await server.json('/api/v2/projects/3');
    expect(project.body.data).toMatchObject({
      id: '3',
      type: 'projects',
      attributes: { name: expect.any(String), project_number: expect.any(String) },
    });
    const person = await server.json('/api/v2/people/1');
    expect(person.body.data).toMatchObject({
      type: 'people',
      attributes: { first_name: 'Ana', last_name: 'Kovač' },
    });
    for (const path of ['projects/999', 'people/abc', 'tasks/0'])
      expect((await server.json(`/api/v2/${path}`)).status).toBe(404);
  });

  it("includes a task's project, people and workflow status", async () => {
    const { body } = await server.json(
      '/api/v2/tasks/5?include=project,assignee,creator,workflow_status',
    );
    const data = body.data as {
      attributes: Record<string, unknown>;
      relationships: Record<string, { data: { type: string } | null }>;
    };
    expect(data.attributes).toMatchObject({
      title: expect.any(String),
      number: expect.any(Number),
      closed: expect.any(Boolean),
    });
    const included = body.included as { type: string }[];
    expect(included.map((record) => record.type)).toEqual(
      expect.arrayContaining(['projects', 'people', 'workflow_statuses']),
    );
  });

  it('filters tasks by project', async () => {
    const { body } = await server.json(
      '/api/v2/tasks?filter[project_id]=2&include=project&page[size]=200',
    );
    const data = body.data as { relationships: { project: { data: { id: string } } } }[];
    expect(data.length).toBeGreaterThan(10);
    expect(data.every((task) => task.relationships.project.data.id === '2')).toBe(true);
  });

  it('filters people and projects by status as Productive does: 1 active, 2 deactivated or archived', async () => {
    const own = createTestServer({ notifications: 10 });
    own.db
      .prepare('UPDATE projects SET archived_at = ? WHERE id IN (2, 5)')
      .run('2026-10-01T00:00:00Z');
    const count = async (path: string) => {
      const { status, body } = await own.json(path);
      expect(status, path).toBe(200);
      return (body.meta as { total_count: number }).total_count;
    };
    expect(await count('/api/v2/projects')).toBe(12);
    expect(await count('/api/v2/projects?filter[status]=1')).toBe(10);
    expect(await count('/api/v2/projects?filter[status]=2')).toBe(2);
    // People 38 to 40 are deactivated in the demo data.
    expect(await count('/api/v2/people')).toBe(40);
    expect(await count('/api/v2/people?filter[status]=1&page[size]=200')).toBe(37);
    expect(await count('/api/v2/people?filter[status]=2')).toBe(3);
    for (const value of ['0', '3', 'active', '1,2']) {
      const { status, body } = await own.json(`/api/v2/people?filter[status]=${value}`);
      expect(status, value).toBe(400);
      expect(body).toMatchObject({ errors: [{ code: 'invalid_filter_value' }] });
    }
  });
});
