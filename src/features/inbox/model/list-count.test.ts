import { describe, expect, it } from 'vitest';
import { listCount } from './list-count.ts';

const count = (
  shown: number,
  hasNextPage: boolean,
  totalCount: number | null,
  narrowed = false,
  loaded = shown,
) => listCount({ shown, loaded, hasNextPage, totalCount, narrowed });

describe('listCount', () => {
  it('says what a whole view holds', () => {
    expect(count(37, false, 37)).toEqual({ visibleCount: 37 });
  });
  it('says the server’s total while its pages still come, never the first page’s 50', () => {
    expect(count(50, true, 1_400)).toEqual({ visibleCount: 1_400 });
  });
  it('leaves out what the app hides of the pages loaded (snoozed, muted)', () => {
    expect(count(47, true, 1_400, false, 50)).toEqual({ visibleCount: 1_397 });
  });
  it('says "50+" where the app narrows the list itself (a search, a read state), or when no total was sent', () => {
    expect(count(50, true, 1_400, true)).toEqual({ visibleCount: 50, atLeast: true });
    expect(count(50, true, null)).toEqual({ visibleCount: 50, atLeast: true });
  });
});
