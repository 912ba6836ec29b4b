import { useCallback, useEffect } from 'react';
import { useLoadMore } from './use-load-more.ts';

export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** How many pages are loaded. */
  pageCount: number;
  fetchNextPage: () => unknown;
}

export interface AutoPagingOptions {
  /**
   * True while what is loaded is not yet enough by itself (the list's "unread only" has too few rows, the feed has
   * not reached its first unread activity): the next page loads at once, up to `maxPages` pages in all.
   */
  wantMore?: boolean;
  maxPages?: number;
  /** The end of the list comes within this many pixels of the viewport: the next page loads. */
  margin?: number;
}

/**
 * Paging a long list on its own, shared by the inbox and the activity feed: the next page loads as its end comes
 * near (the returned `sentinel` element, placed after the last row), and at once while the caller still wants
 * more, within a bound. `loadNext` is for a "Load more" button.
 */
export function useAutoPaging(
  { hasNextPage, isFetchingNextPage, pageCount, fetchNextPage }: PagedQuery,
  { wantMore = false, maxPages = 10, margin }: AutoPagingOptions = {},
) {
  const loadNext = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const sentinel = useLoadMore(hasNextPage && !isFetchingNextPage, loadNext, margin);
  useEffect(() => {
    if (wantMore && hasNextPage && !isFetchingNextPage && pageCount < maxPages) loadNext();
  }, [wantMore, hasNextPage, isFetchingNextPage, pageCount, maxPages, loadNext]);
  return { sentinel, loadNext };
}
