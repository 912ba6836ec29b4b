import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACTIVITY_PAGE_SIZE,
  getActivities,
  parseActivity,
  readSender,
  resetSortSupport,
  type ActivityQuery,
} from './activities.ts';
import { readCollection } from './jsonapi.ts';

const HOUR = 3_600_000;
const start = Date.parse('2026-01-05T09:00:00Z');

/** A task's feed of `count` activities, one an hour; id n is the n-th oldest. */
const feed = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    type: 'Activities',
    attributes: {
      event: 'update',
      item_type: 'Task',
      task_id: 3,
      created_at: new Date(start + index * HOUR).toISOString(),
      changeset: { title: ['a', 'b'] },
    },
  }));

type Sort = 'honoured' | 'ignored' | 'refused';

/** An API over `count` activities that pages them, never sends `links.next`, and treats `sort` as told. */
function activitiesApi(count: number, sort: Sort) {
  const all = feed(count);
  const requests: URLSearchParams[] = [];
  const fetch = vi.fn(async (url: string) => {
    const params = new URL(url, 'http://inbox').searchParams;
    requests.push(params);
    if (params.get('sort') && sort === 'refused')
      return Response.json({ errors: [{ title: 'Invalid sort' }] }, { status: 400 });
    const ordered =
      params.get('sort') === 'created_at' && sort === 'honoured' ? all : [...all].reverse();
    const page = Number(params.get('page[number]'));
    const size = Number(params.get('page[size]'));
    return Response.json({
      data: ordered.slice((page - 1) * size, page * size),
      links: { first: 'first' },
      meta: { current_page: page, page_size: size, max_page_size: 200 },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

const query: ActivityQuery = { target: { kind: 'task', id: 3 } };

beforeEach(() => resetSortSupport());
afterEach(() => vi.unstubAllGlobals());

describe('activity pages', () => {
  it('follows full pages without links.next and stops at a short page', async () => {
    activitiesApi(ACTIVITY_PAGE_SIZE + 5, 'honoured');
    const first = await getActivities(query, 1);
    expect(first.activities).toHaveLength(ACTIVITY_PAGE_SIZE);
    expect(first.hasNextPage).toBe(true);
    const second = await getActivities(query, 2);
    expect(second.activities).toHaveLength(5);
    expect(second.hasNextPage).toBe(false);
    // Newest first by default.
    expect(first.activities[0]?.id).toBe(String(ACTIVITY_PAGE_SIZE + 5));
  });

  it('ends at a short page even when links.next says there is more', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ data: feed(2), links: { next: 'more' } })),
    );
    expect((await getActivities(query, 1)).hasNextPage).toBe(false);
  });

  it.each<Sort>(['honoured', 'ignored', 'refused'])(
    'reads a feed oldest first to its oldest entry when sort=created_at is %s',
    async (sort) => {
      const requests = activitiesApi(2 * ACTIVITY_PAGE_SIZE + 3, sort);
      const pages = [await getActivities({ ...query, oldestFirst: true }, 1)];
      while (pages.at(-1)?.hasNextPage)
        pages.push(await getActivities({ ...query, oldestFirst: true }, pages.length + 1));
      const ids = pages.flatMap((page) => page.activities.map((activity) => activity.id));
      expect(ids).toEqual(feed(2 * ACTIVITY_PAGE_SIZE + 3).map((activity) => String(activity.id)));
      expect(requests[0]?.get('sort')).toBe('created_at');
      // Once known to be ignored or refused, the next feed is read newest first straight away.
      requests.length = 0;
      await getActivities({ ...query, oldestFirst: true }, 1);
      expect(requests[0]?.get('sort')).toBe(sort === 'honoured' ? 'created_at' : null);
    },
  );

  it("filters a deletion as Productive's reference spells it, and reads destroy and delete alike", async () => {
    const requests = activitiesApi(1, 'honoured');
    await getActivities({ ...query, events: ['delete', 'update'] }, 1);
    expect(requests[0]?.get('filter[event]')).toBe('destroy,update');
    for (const event of ['destroy', 'delete', 'Destroy']) {
      const { data } = readCollection(
        { data: [{ id: '1', type: 'activities', attributes: { event } }] },
        'activities',
      );
      expect(data.map((resource) => parseActivity(resource, new Map()).event)).toEqual(['delete']);
    }
  });
});

describe('an activity as Productive sends it', () => {
  const withEmail = (email: Record<string, unknown>) => {
    const document = readCollection(
      {
        data: [
          {
            id: 12,
            type: 'activities',
            attributes: { event: 'create', item_type: 'Email', parent_type: 'Task', task_id: '3' },
            relationships: { email: { data: { type: 'emails', id: 4 } } },
          },
        ],
        included: [{ id: '4', type: 'Emails', attributes: email }],
      },
      'activities',
    );
    const [activity] = document.data.map((resource) => parseActivity(resource, document.included));
    if (!activity) throw new Error('not read');
    return activity;
  };

  it('reads an Outlook email: sender as plain text, text in body_html when body is empty', () => {
    const activity = withEmail({
      subject: 'Quote',
      from: 'Ana Kovač <ana@example.com>',
      body: '',
      body_html: '<p>Hello</p>',
    });
    expect(activity).toMatchObject({
      id: '12',
      itemType: 'email',
      parentType: 'task',
      feed: { kind: 'task', id: 3 },
    });
    expect(activity.email).toEqual({
      subject: 'Quote',
      body: '<p>Hello</p>',
      fromName: 'Ana Kovač',
      fromAddress: 'ana@example.com',
    });
  });

  it('keeps body when it has text, and reads the seed-style sender object', () => {
    expect(
      withEmail({
        body: 'Plain',
        body_html: '<p>Other</p>',
        from: { name: 'Ana', address: 'a@b.c' },
      }).email,
    ).toMatchObject({ body: 'Plain', fromName: 'Ana', fromAddress: 'a@b.c' });
  });

  it.each([
    ['ana@example.com', { fromName: '', fromAddress: 'ana@example.com' }],
    ['"Ana K" <ana@example.com>', { fromName: 'Ana K', fromAddress: 'ana@example.com' }],
    ['<ana@example.com>', { fromName: '', fromAddress: 'ana@example.com' }],
    ['Ana', { fromName: 'Ana', fromAddress: '' }],
    [
      { name: 'Ana', email: 'a@b.c' },
      { fromName: 'Ana', fromAddress: 'a@b.c' },
    ],
    [null, { fromName: '', fromAddress: '' }],
    [42, { fromName: '', fromAddress: '' }],
  ])('reads the sender %j', (from, expected) => {
    expect(readSender(from)).toEqual(expected);
  });

  it('reads a long hostile sender in linear time', () => {
    const hostile = '<'.repeat(200_000) + 'a';
    const started = performance.now();
    readSender(hostile);
    readSender(`${'a <'.repeat(100_000)}x>`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
