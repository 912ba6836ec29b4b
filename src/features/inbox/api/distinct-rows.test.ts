import { describe, expect, it } from 'vitest';
import { aNotification } from '../../../testing/notification-factory.ts';
import { distinctRows } from './use-notification-list.ts';

const rows = (...ids: number[]) => ids.map((id) => aNotification({ id: String(id) }));
const ids = (list: { id: string }[]) => list.map((row) => row.id);

describe('a list’s pages as one array', () => {
  it('shows each notification once, where its last copy stands: the replica’s whole view after the server’s first page', () => {
    // The server's first page, shown before the replica was ready; then the replica's whole view as "page 2".
    const firstPage = rows(1, 2, 3);
    const view = rows(1, 2, 3, 4, 5);
    const read = { ...view[1], read: true } as (typeof view)[number];
    const shown = distinctRows([
      { notifications: firstPage },
      { notifications: [view[0], read, ...view.slice(2)] as typeof view },
    ]);
    expect(ids(shown)).toEqual(['1', '2', '3', '4', '5']);
    // The later copy wins: the replica's is the newer.
    expect(shown[1]?.read).toBe(true);
  });

  it('leaves pages that do not overlap as they are (the same array for one page)', () => {
    const page = rows(1, 2);
    expect(distinctRows([{ notifications: page }])).toBe(page);
    expect(ids(distinctRows([{ notifications: rows(1, 2) }, { notifications: rows(3) }]))).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('drops the copy a shifted server page repeats', () => {
    // New arrivals pushed row 3 from page 1 onto page 2.
    expect(
      ids(distinctRows([{ notifications: rows(1, 2, 3) }, { notifications: rows(3, 4) }])),
    ).toEqual(['1', '2', '3', '4']);
  });
});
