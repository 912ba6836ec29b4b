import { describe, expect, it } from 'vitest';
import { projectIndex } from '../../../replica/view.ts';
import { aNotification } from '../../../testing/notification-factory.ts';
import { groupItems, type GroupingContext } from './groups.ts';

const NOW = new Date(2026, 5, 15, 12);
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

const rows = [
  aNotification({ id: '1', parentId: 7, parentTitle: 'Apollo', lastActionAt: hoursAgo(1) }),
  aNotification({
    id: '2',
    targetType: 'deal',
    parentType: 'company',
    parentId: 3,
    lastActionAt: hoursAgo(2),
  }),
  aNotification({ id: '3', parentId: 8, parentTitle: 'Zephyr', lastActionAt: hoursAgo(30) }),
  aNotification({ id: '4', parentId: 7, parentTitle: 'Apollo', lastActionAt: hoursAgo(31) }),
];
const context = (collapsed: string[] = []): GroupingContext => ({
  projectOf: projectIndex(rows),
  projectName: (id) => `Project ${id}`,
  typeLabel: (type) => type.toUpperCase(),
  back: new Set(),
  collapsed: new Set(collapsed),
  now: NOW,
});
const headers = (items: ReturnType<typeof groupItems>) =>
  items.flatMap((item) => (item.kind === 'header' ? [[item.label, item.count, item.ids]] : []));
const rowIds = (items: ReturnType<typeof groupItems>) =>
  items.flatMap((item) => (item.kind === 'row' ? [item.notification.id] : []));

describe('grouping the list', () => {
  it('by project: each project once, in the order of its newest, with its count and ids', () => {
    const items = groupItems(rows, 'project', context());
    expect(headers(items)).toEqual([
      ['Apollo', 2, ['1', '4']],
      ['No project', 1, ['2']],
      ['Zephyr', 1, ['3']],
    ]);
    expect(rowIds(items)).toEqual(['1', '4', '2', '3']);
  });

  it('by type and by day; none has no headers', () => {
    expect(headers(groupItems(rows, 'type', context())).map(([label]) => label)).toEqual([
      'TASK',
      'DEAL',
    ]);
    expect(
      headers(groupItems(rows, 'day', context())).map(([label, count]) => [label, count]),
    ).toEqual([
      ['Today', 2],
      ['Yesterday', 2],
    ]);
    expect(headers(groupItems(rows, 'none', context()))).toEqual([]);
  });

  it('by day: each row in its own local day, on either side of midnight and in any order', () => {
    const at = (day: number, hour: number, minute = 0) =>
      new Date(2026, 5, day, hour, minute).toISOString();
    const list = [
      aNotification({ id: 'a', lastActionAt: at(15, 0, 1) }),
      aNotification({ id: 'b', lastActionAt: at(14, 23, 59) }),
      aNotification({ id: 'c', lastActionAt: at(15, 11) }),
      aNotification({ id: 'd', lastActionAt: null }),
      aNotification({ id: 'e', lastActionAt: at(14, 0, 0) }),
    ];
    expect(headers(groupItems(list, 'day', context()))).toEqual([
      ['Today', 2, ['a', 'c']],
      ['Yesterday', 2, ['b', 'e']],
      ['No date', 1, ['d']],
    ]);
  });

  it('a folded group shows its header only; positions still count its rows', () => {
    const items = groupItems(rows, 'project', context(['project:7']));
    expect(rowIds(items)).toEqual(['2', '3']);
    expect(items.find((item) => item.kind === 'row' && item.notification.id === '3')).toMatchObject(
      {
        position: 4,
      },
    );
  });
});
