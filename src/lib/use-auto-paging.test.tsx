// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAutoPaging } from './use-auto-paging.ts';

const paged = (overrides: Partial<Parameters<typeof useAutoPaging>[0]> = {}) => ({
  hasNextPage: true,
  isFetchingNextPage: false,
  pageCount: 1,
  fetchNextPage: vi.fn(),
  ...overrides,
});

describe('useAutoPaging', () => {
  it('loads the next page at once while more is wanted', () => {
    const query = paged();
    renderHook(() => useAutoPaging(query, { wantMore: true }));
    expect(query.fetchNextPage).toHaveBeenCalledTimes(1);
  });

  it('does not while a page is on its way, at the bound, at the end, or when enough is loaded', () => {
    for (const [query, wantMore] of [
      [paged({ isFetchingNextPage: true }), true],
      [paged({ pageCount: 10 }), true],
      [paged({ hasNextPage: false }), true],
      [paged(), false],
    ] as const) {
      renderHook(() => useAutoPaging(query, { wantMore, maxPages: 10 }));
      expect(query.fetchNextPage).not.toHaveBeenCalled();
    }
  });

  it('gives a "Load more" that loads the next page', () => {
    const query = paged();
    const { result } = renderHook(() => useAutoPaging(query));
    result.current.loadNext();
    expect(query.fetchNextPage).toHaveBeenCalledTimes(1);
  });
});
