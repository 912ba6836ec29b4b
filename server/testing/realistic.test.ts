/**
 * The stand-in in its realistic shape answers the way Productive's own sources show the real API answering
 * (../shared/productive-api.md, "Checked against real sources"), so personal mode can be proven against it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REALISTIC_PEOPLE, startStandin, type Standin } from './productive-standin.ts';

const [ana, , iva] = REALISTIC_PEOPLE as [
  (typeof REALISTIC_PEOPLE)[0],
  (typeof REALISTIC_PEOPLE)[0],
  (typeof REALISTIC_PEOPLE)[0],
];

let standin: Standin;
let now = Date.UTC(2026, 0, 5, 9, 0, 0);
beforeAll(async () => {
  standin = await startStandin({
    realistic: true,
    people: REALISTIC_PEOPLE.map((person) => ({ ...person, notifications: 60 })),
    now: () => now,
  });
});
afterAll(() => standin.close());

const ask = (
  path: string,
  person = ana,
  init: RequestInit & { organization?: string | null } = {},
) => {
  const headers: Record<string, string> = {
    'Content-Type': 'application/vnd.api+json',
    'X-Auth-Token': person.token,
  };
  if (init.organization !== null)
    headers['X-Organization-Id'] = init.organization ?? person.organizationId;
  return fetch(`${standin.url}${path}`, { ...init, headers });
};
type Resource = { id: string; type: string; attributes: Record<string, unknown> };
type Document = {
  data: Resource[];
  included?: Resource[];
  links: Record<string, string>;
  meta: Record<string, unknown>;
};
const read = async (path: string, person = ana) => {
  const response = await ask(path, person);
  expect(response.status, path).toBe(200);
  return (await response.json()) as Document;
};

describe('the realistic stand-in', () => {
  it('capitalises target_type, sends first_unread_activity_id as a string and changesets as objects', async () => {
    const { data } = await read('/notifications?page[size]=60');
    expect(data.length).toBeGreaterThan(10);
    for (const notification of data) {
      expect(notification.attributes.target_type).toMatch(/^[A-Z][a-z]+$/);
      const first = notification.attributes.first_unread_activity_id;
      expect(first === null || typeof first === 'string').toBe(true);
      expect(Array.isArray(notification.attributes.changeset)).toBe(false);
    }
    expect(data.some((n) => typeof n.attributes.first_unread_activity_id === 'string')).toBe(true);
    // filter[type] in the seed's spelling and in lower case alike.
    const tasks = await read('/notifications?filter[type]=Task&page[size]=200');
    expect(tasks.data.length).toBeGreaterThan(0);
    expect(tasks.data.every((n) => n.attributes.target_type === 'Task')).toBe(true);
    expect((await read('/notifications?filter[type]=task&page[size]=200')).data).toHaveLength(
      tasks.data.length,
    );
  });

  it('pages activities without links.next or totals, with destroy events and object changesets', async () => {
    const page = await read('/activities?page[size]=200&include=creator,comment,email,attachment');
    expect(page.data).toHaveLength(200);
    expect(Object.keys(page.links)).toEqual(['first']);
    expect(Object.keys(page.meta).sort()).toEqual(['current_page', 'max_page_size', 'page_size']);
    const events = new Set(page.data.map((activity) => activity.attributes.event));
    expect(events.has('delete')).toBe(false);
    const destroyed = await read('/activities?filter[event]=destroy&page[size]=5');
    expect(destroyed.data.length).toBeGreaterThan(0);
    expect(destroyed.data.every((a) => a.attributes.event === 'destroy')).toBe(true);
    const changes = await read('/activities?filter[type]=2&page[size]=5');
    for (const change of changes.data) {
      expect(change.attributes.changeset).toBeTypeOf('object');
      expect(Array.isArray(change.attributes.changeset)).toBe(false);
    }
  });

  it('sends emails with a plain-string sender, body_html, and Outlook ones with an empty body', async () => {
    const { included = [] } = await read(
      '/activities?filter[type]=3&page[size]=30&include=creator,comment,email,attachment',
    );
    const emails = included.filter((resource) => resource.type === 'emails');
    expect(emails.length).toBeGreaterThan(3);
    for (const email of emails) {
      expect(email.attributes.from).toMatch(/@/);
      expect(email.attributes.body_html).toMatch(/<p/);
    }
    const outlook = emails.filter((email) => email.attributes.body === '');
    // The others' body is plain text, as Productive's is; their markup is in body_html.
    for (const email of emails.filter((email) => email.attributes.body !== '')) {
      expect(email.attributes.body).not.toMatch(/<\/?p>/);
    }
    expect(outlook.length).toBeGreaterThan(0);
    expect(outlook.every((email) => Number(email.id) % 3 === 0)).toBe(true);
  });

  it('lists the recorded projects and people with its own, archived and deactivated ones unless filtered', async () => {
    const all = await read('/projects?page[size]=200');
    const active = await read('/projects?filter[status]=1&page[size]=200');
    const archived = await read('/projects?filter[status]=2&page[size]=200');
    expect(all.data.some((project) => project.id === '530356')).toBe(true);
    expect(all.meta.total_count).toBe(active.data.length + archived.data.length);
    expect(archived.data.length).toBeGreaterThan(0);
    expect(active.data.every((project) => project.attributes.archived_at === null)).toBe(true);
    const people = await read('/people?page[size]=200');
    const activePeople = await read('/people?filter[status]=1&page[size]=200');
    expect(people.data.some((person) => person.id === '1053190')).toBe(true);
    expect(activePeople.data.some((person) => person.id === '1053190')).toBe(false);
    expect(activePeople.data.length).toBeLessThan(people.data.length);
  });

  it('answers who the token is without X-Organization-Id', async () => {
    const response = await ask('/organization_memberships?include=person,organization', ana, {
      organization: null,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      data: [{ relationships: { organization: { data: { id: '4242' } } } }],
    });
  });

  it('refuses a read-only token’s writes with 403 and lets it read', async () => {
    const { data } = await read('/notifications?page[size]=1', iva);
    const refused = await ask(`/notifications/${data[0]?.id}/dismiss`, iva, { method: 'PATCH' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ errors: [{ status: '403' }] });
  });

  it('answers 429 without Retry-After: the 101st request in 10 s, and writes it was told to throttle', async () => {
    const marko = REALISTIC_PEOPLE[1] as (typeof REALISTIC_PEOPLE)[0];
    now += 60 * 60_000;
    for (let i = 0; i < 100; i++) {
      expect((await ask('/projects?page[size]=1', marko)).status, `request ${i + 1}`).toBe(200);
    }
    const limited = await ask('/projects?page[size]=1', marko);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    now += 10_000;
    expect((await ask('/projects?page[size]=1', marko)).status).toBe(200);

    await fetch(standin.url.replace('/api/v2', '/__standin/throttle'), {
      method: 'POST',
      body: JSON.stringify({ count: 1 }),
    });
    const { data } = await read('/notifications?page[size]=1', marko);
    const first = await ask(`/notifications/${data[0]?.id}/read`, marko, { method: 'PATCH' });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBeNull();
    const again = await ask(`/notifications/${data[0]?.id}/read`, marko, { method: 'PATCH' });
    expect(again.status).toBe(200);
  });
});
