import type { QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { notificationQueries } from './notification-queries.ts';
import { projectQueries } from './project-queries.ts';

const query = { dismissed: false, projectIds: [3, 5], types: ['task'] };

/** Keys other modules make: the live count, the activity feature's notification detail, other roots. */
const otherKeys: [string, QueryKey][] = [
  ['all notification queries', notificationQueries.all()],
  ['every list (a prefix)', notificationQueries.lists()],
  ['a live count', notificationQueries.newCountKey(query, '2026-11-20T10:00:00Z')],
  ['a notification detail', ['notifications', 'detail', '12']],
  ['the projects', projectQueries.list().queryKey],
  ['an activity list', ['activities', 'list', { target: { kind: 'task', id: 12 } }]],
  ['a list key with a string for a query', ['notifications', 'list', 'dismissed=false']],
  ['a list key with null for a query', ['notifications', 'list', null]],
  ['a list key with an array for a query', ['notifications', 'list', [query]]],
  ['a longer list key', ['notifications', 'list', query, 2]],
];

describe('the notification query keys', () => {
  it('make a list key that the accessors read back: a list, and the query it was made for', () => {
    const key = notificationQueries.list(query).queryKey;
    expect(key).toEqual(notificationQueries.listKey(query));
    expect(notificationQueries.isList(key)).toBe(true);
    expect(notificationQueries.queryOf(key)).toBe(query);
    expect(notificationQueries.isNotificationKey(key)).toBe(true);
  });

  it('read a list key as restored from storage (a copy, not the same objects)', () => {
    const restored = JSON.parse(JSON.stringify(notificationQueries.listKey(query))) as QueryKey;
    expect(notificationQueries.isList(restored)).toBe(true);
    expect(notificationQueries.queryOf(restored)).toEqual(query);
  });

  it.each(otherKeys)('do not take %s for a list', (_name, key) => {
    expect(notificationQueries.isList(key)).toBe(false);
    expect(notificationQueries.queryOf(key)).toBeNull();
  });

  it('tell notification queries of every kind from the rest', () => {
    expect(
      notificationQueries.isNotificationKey(notificationQueries.newCountKey(query, null)),
    ).toBe(true);
    expect(notificationQueries.isNotificationKey(['notifications', 'detail', '12'])).toBe(true);
    expect(notificationQueries.isNotificationKey(projectQueries.list().queryKey)).toBe(false);
    expect(notificationQueries.isNotificationKey(['activities', 'list', {}])).toBe(false);
  });

  it('keep list keys under the lists prefix, so invalidating the lists reaches every list and nothing else', () => {
    const prefix = notificationQueries.lists();
    expect(notificationQueries.listKey(query).slice(0, prefix.length)).toEqual(prefix);
    expect(notificationQueries.newCountKey(query, null).slice(0, prefix.length)).not.toEqual(
      prefix,
    );
  });

  it('know the projects list by its key', () => {
    expect(projectQueries.isList(projectQueries.list().queryKey)).toBe(true);
    expect(projectQueries.isList(projectQueries.all())).toBe(false);
    expect(projectQueries.isList(notificationQueries.lists())).toBe(false);
  });
});
