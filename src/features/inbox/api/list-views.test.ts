import { describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../../api/notifications.ts';
import { aNotification } from '../../../testing/notification-factory.ts';
import { derivedOnce, viewOfRows } from './list-views.ts';

const NONE: ReadonlySet<string> = new Set();
const rows = [
  aNotification({ id: '1', excerpt: 'login page', read: false }),
  aNotification({ id: '2', excerpt: 'logo colours', read: true }),
  aNotification({ id: '3', excerpt: 'invoice', read: false }),
  aNotification({ id: '4', excerpt: 'blog login', read: true }),
];
const ids = (list: readonly Notification[]) => list.map((notification) => notification.id);

describe('the views of a list', () => {
  it('filters by read state and search terms, all rows untouched without either', () => {
    const textOf = (notification: Notification) => notification.excerpt;
    expect(viewOfRows(rows, null, [], NONE, textOf)).toBe(rows);
    expect(ids(viewOfRows(rows, 'unread', [], NONE, textOf))).toEqual(['1', '3']);
    expect(ids(viewOfRows(rows, 'read', ['log'], NONE, textOf))).toEqual(['2', '4']);
    expect(ids(viewOfRows(rows, null, ['log', 'in'], NONE, textOf))).toEqual(['1', '4']);
    // A row kept open stays in a list filtered by read state.
    expect(ids(viewOfRows(rows, 'unread', [], new Set(['2']), textOf))).toEqual(['1', '2', '3']);
  });

  it('hands back the same array for a view shown before, without looking again', () => {
    const list = [...rows];
    const textOf = vi.fn((notification: Notification) => notification.excerpt);
    const unread = viewOfRows(list, 'unread', [], NONE, textOf);
    const read = viewOfRows(list, 'read', [], NONE, textOf);
    expect(viewOfRows(list, 'unread', [], NONE, textOf)).toBe(unread);
    expect(viewOfRows(list, 'read', [], NONE, textOf)).toBe(read);
    const login = viewOfRows(list, null, ['login'], NONE, textOf);
    textOf.mockClear();
    expect(viewOfRows(list, null, ['login'], NONE, textOf)).toBe(login);
    expect(textOf).not.toHaveBeenCalled();
    // Other rows (the replica changed): worked out afresh.
    expect(viewOfRows([...list], null, ['login'], NONE, textOf)).not.toBe(login);
  });

  it('a search that narrows the last one looks through its results only, and finds the same', () => {
    const list = [...rows];
    const textOf = vi.fn((notification: Notification) => notification.excerpt);
    expect(ids(viewOfRows(list, null, ['lo'], NONE, textOf))).toEqual(['1', '2', '4']);
    textOf.mockClear();
    expect(ids(viewOfRows(list, null, ['log'], NONE, textOf))).toEqual(['1', '2', '4']);
    expect(textOf).toHaveBeenCalledTimes(3);
    textOf.mockClear();
    expect(ids(viewOfRows(list, null, ['login', 'b'], NONE, textOf))).toEqual(['4']);
    expect(textOf).toHaveBeenCalledTimes(3);
    // A wider one (a letter taken back) looks through every row again.
    textOf.mockClear();
    expect(ids(viewOfRows(list, null, ['l'], NONE, textOf))).toEqual(['1', '2', '4']);
    expect(textOf).toHaveBeenCalledTimes(4);
  });

  it('remembers a derived value for the same array and inputs only', () => {
    const cache = new WeakMap<object, { deps: readonly unknown[]; value: number }[]>();
    const key = {};
    const compute = vi.fn(() => Math.random());
    const first = derivedOnce(cache, key, ['day'], compute);
    expect(derivedOnce(cache, key, ['day'], compute)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
    derivedOnce(cache, key, ['project'], compute);
    derivedOnce(cache, {}, ['day'], compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
