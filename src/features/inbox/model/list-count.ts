/** What a list's header says of its count: a number, and whether there are more than it ("50+"). */
export interface ListCount {
  visibleCount: number;
  atLeast?: boolean;
}

/**
 * The count a list says: all it holds once it is the whole view (the replica's); while the server's pages still
 * come, the server's total for the query less what the app hides of the pages loaded (snoozed, muted), or what
 * is shown so far with a "+" where the app narrows the list itself (a search, a read state) or no total was sent.
 */
export function listCount({
  shown,
  loaded,
  hasNextPage,
  totalCount,
  narrowed,
}: {
  /** Rows the list shows. */
  shown: number;
  /** Rows of the server's pages loaded, before the app hid any. */
  loaded: number;
  hasNextPage: boolean;
  totalCount: number | null;
  /** A search or a read state narrows the list in the app: the server's total does not count it. */
  narrowed: boolean;
}): ListCount {
  if (!hasNextPage) return { visibleCount: shown };
  if (totalCount !== null && !narrowed)
    return { visibleCount: Math.max(totalCount - Math.max(loaded - shown, 0), shown) };
  return { visibleCount: shown, atLeast: true };
}
