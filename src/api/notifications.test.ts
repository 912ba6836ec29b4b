import { describe, expect, it } from 'vitest';
import {
  readCollection,
  readSingle,
  MalformedResponseError,
  type ResourceObject,
} from './jsonapi.ts';
import { notificationSearchParams, parseNotification } from './notifications.ts';

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

  it.each([
    ['not JSON:API', 'hello'],
    ['null', null],
    ['data is not a list', { data: {} }],
    ['a record without id', { data: [{ type: 'notifications', attributes: {} }] }],
    ['a numeric id', { data: [{ id: 7, type: 'notifications', attributes: {} }] }],
    ['the wrong type', { data: [{ id: '7', type: 'tasks', attributes: {} }] }],
    ['no attributes', { data: [{ id: '7', type: 'notifications' }] }],
    ['a malformed included record', { data: [], included: [{ id: '1' }] }],
  ])('refuses %s with a readable error', (_name, body) => {
    expect(() => readCollection(body, 'notifications')).toThrow(MalformedResponseError);
    expect(() => readCollection(body, 'notifications')).toThrow(/unexpected response/);
  });

  it.each([
    ['read', 'yes'],
    ['target_id', '3'],
    ['title', 42],
    ['new_activities_count', Infinity],
  ])('refuses an attribute of the wrong type (%s)', (name, value) => {
    const document = readCollection({ data: [resource({ [name]: value })] }, 'notifications');
    expect(() => parseNotification(document.data[0] as ResourceObject, document.included)).toThrow(
      MalformedResponseError,
    );
  });

  it('reads a single record', () => {
    expect(readSingle({ data: resource(), meta: {} }, 'notifications').data.id).toBe('7');
    expect(() => readSingle({ data: null }, 'notifications')).toThrow(MalformedResponseError);
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
      'filter[type]': 'task',
      include: 'actor',
      'page[number]': '2',
      'page[size]': '50',
    });
  });
});
