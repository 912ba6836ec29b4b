import { describe, expect, it, vi } from 'vitest';
import {
  MalformedResponseError,
  notShown,
  parseRecords,
  readCollection,
  readSingle,
  type ResourceObject,
} from './jsonapi.ts';
import { getNotifications, notificationSearchParams, parseNotification } from './notifications.ts';

const resource = (
  attributes: Record<string, unknown> = {},
  relationships: Record<string, unknown> = {},
) => ({
  id: '7',
  type: 'notifications',
  attributes: {
    target_id: 3,
    target_type: 'task',
    target_title: '#3: Title',
    parent_id: 1,
    parent_type: 'project',
    parent_title: 'Project',
    title: 'created task <b>#3: Title</b>',
    read: false,
    dismissed: false,
    new_activities_count: 2,
    excerpt: '',
    last_action_at: '2026-11-20T10:00:00.000+00:00',
    first_unread_activity_id: 11,
    changeset: [],
    important: true,
    mention: false,
    target_label: 'task',
    ...attributes,
  },
  relationships: { actor: { meta: { included: false } }, ...relationships },
});

describe('JSON:API parsing at the boundary', () => {
  it('reads a notification list with its included actor and total', () => {
    const document = readCollection(
      {
        data: [resource({}, { actor: { data: { type: 'people', id: '5' } } })],
        included: [
          {
            id: '5',
            type: 'people',
            attributes: {
              first_name: 'Ana',
              last_name: 'Kovač',
              avatar_url: 'javascript:alert(1)',
            },
          },
        ],
        links: { next: 'x' },
        meta: { total_count: 31 },
      },
      'notifications',
    );
    const notification = parseNotification(document.data[0] as ResourceObject, document.included);
    expect(notification).toMatchObject({
      id: '7',
      targetType: 'task',
      important: true,
      newActivitiesCount: 2,
      firstUnreadActivityId: 11,
    });
    expect(notification.actor).toEqual({ id: '5', name: 'Ana Kovač', avatarUrl: null });
    expect(document.meta.total_count).toBe(31);
  });

  it('tolerates nulls and missing optional parts', () => {
    const document = readCollection(
      {
        data: [
          resource({ last_action_at: null, parent_id: null, parent_title: null, excerpt: null }),
        ],
      },
      'notifications',
    );
    const notification = parseNotification(document.data[0] as ResourceObject, document.included);
    expect(notification).toMatchObject({
      lastActionAt: null,
      parentId: null,
      excerpt: '',
      actor: null,
    });
  });

  it('reads the changeset the triggering activity made, skipping what is not a change', () => {
    const changed = parseNotification(
      resource({
        changeset: [
          { probability: [40, 70] },
          { status: [{ value: 'Draft' }, { value: 'Sent' }] },
          'nonsense',
          null,
        ],
      }) as ResourceObject,
      new Map(),
    );
    expect(changed.changeset).toEqual([
      { field: 'probability', from: 40, to: 70 },
      { field: 'status', from: { value: 'Draft' }, to: { value: 'Sent' } },
    ]);
    expect(
      parseNotification(resource({ changeset: null }) as ResourceObject, new Map()).changeset,
    ).toEqual([]);
  });

  it("reads a notification's root (its project) where Productive names it, and never fails a record over it", () => {
    const parse = (attributes: Record<string, unknown>) =>
      parseNotification(resource(attributes) as ResourceObject, new Map());
    expect(parse({ root_id: '12', root_type: 'Project' })).toMatchObject({
      rootId: 12,
      rootType: 'project',
    });
    expect(parse({})).toMatchObject({ rootId: null, rootType: null });
    expect(parse({ root_id: { id: 1 }, root_type: ['project'] })).toMatchObject({
      rootId: null,
      rootType: null,
    });
  });

  it.each([
    ['not JSON:API', 'hello'],
    ['null', null],
    ['data is not a list', { data: {} }],
  ])('refuses %s with a readable error', (_name, body) => {
    expect(() => readCollection(body, 'notifications')).toThrow(MalformedResponseError);
    expect(() => readCollection(body, 'notifications')).toThrow(/unexpected response/);
  });

  it.each([
    ['a record without id', { type: 'notifications', attributes: {} }],
    ['a record of another type', { id: '7', type: 'tasks', attributes: {} }],
    ['a record that is no object', 'nonsense'],
    ['a record with a fractional id', { id: 7.5, type: 'notifications', attributes: {} }],
    ['a record without its target', resource({ target_id: null })],
    ['a record with text where a number belongs', resource({ new_activities_count: 'many' })],
    ['a record with an object for a title', resource({ title: { text: 'x' } })],
    ['a record with "yes" for read', resource({ read: 'yes' })],
    ['a record with Infinity', resource({ new_activities_count: Infinity })],
  ])('skips and counts %s, reading the rest of the page', (_name, bad) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const document = readCollection({ data: [resource(), bad] }, 'notifications');
    const { items, skipped } = parseRecords(document, parseNotification, 'notifications');
    expect(items.map((notification) => notification.id)).toEqual(['7']);
    expect(skipped).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /^1 of 2 notifications could not be read and were left out \(/,
    );
    warn.mockRestore();
  });

  it('reads the shapes Productive really sends: numeric ids, capitalised types, strings for numbers', () => {
    const document = readCollection(
      {
        data: [
          {
            ...resource({
              target_type: 'Task',
              parent_type: 'Project',
              target_id: '3',
              first_unread_activity_id: '11',
              title: null,
              excerpt: 42,
              read: 'true',
              some_future_attribute: { nested: [1, 2] },
              changeset: { status: ['Open', 'Closed'], assignee: [null, 'Ana'] },
            }),
            id: 7,
            type: 'Notifications',
            relationships: {
              actor: { data: { type: 'People', id: 5 } },
              owner: { data: { type: 'organization_memberships', id: 9 } },
              something_new: { links: {} },
            },
          },
        ],
        included: [
          { id: 5, type: 'people', attributes: { first_name: ' Ana', last_name: null } },
          { id: '1' },
          'nonsense',
        ],
      },
      'notifications',
    );
    const { items, skipped } = parseRecords(document, parseNotification, 'notifications');
    expect(skipped).toBe(0);
    expect(items[0]).toMatchObject({
      id: '7',
      targetType: 'task',
      parentType: 'project',
      targetId: 3,
      firstUnreadActivityId: 11,
      title: '',
      excerpt: '42',
      read: true,
      actor: { id: '5', name: 'Ana' },
      changeset: [
        { field: 'status', from: 'Open', to: 'Closed' },
        { field: 'assignee', from: null, to: 'Ana' },
      ],
    });
  });

  it('counts the notifications of a page it could not read, one console line for the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({
          data: [
            resource(),
            { ...resource({ title: [] }), id: '8' },
            { id: '9', type: 'notifications', attributes: { target_id: {} } },
          ],
          meta: { total_count: 3 },
        }),
      ),
    );
    const page = await getNotifications({}, 1);
    expect(page.notifications.map((notification) => notification.id)).toEqual(['7']);
    expect(page.skipped).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(notShown(1, 'notification')).toBe('1 notification could not be shown');
    expect(notShown(2, 'notification')).toBe('2 notifications could not be shown');
    warn.mockRestore();
    vi.unstubAllGlobals();
  });

  it('reads a single record', () => {
    expect(readSingle({ data: resource(), meta: {} }, 'notifications').data.id).toBe('7');
    expect(() => readSingle({ data: null }, 'notifications')).toThrow(MalformedResponseError);
    expect(
      readSingle({ data: { ...resource(), id: 7, type: 'NOTIFICATIONS' } }, 'notifications').data,
    ).toMatchObject({ id: '7', type: 'notifications' });
  });
});

describe('notification requests', () => {
  it('asks for 50 at a time, with the actor, and only the filters set', () => {
    expect(
      Object.fromEntries(
        notificationSearchParams({ dismissed: false, projectIds: [3, 5], types: ['task'] }, 2),
      ),
    ).toEqual({
      'filter[dismissed]': 'false',
      'filter[project_id]': '3,5',
      'filter[type]': 'Task',
      include: 'actor',
      'page[number]': '2',
      'page[size]': '50',
    });
  });
});
