/** Where each row of a vertical list starts, from measured heights where known and estimates elsewhere. */
export interface Layout {
  starts: Float64Array;
  total: number;
}

export function computeLayout(count: number, sizeAt: (index: number) => number): Layout {
  const starts = new Float64Array(count);
  let offset = 0;
  for (let index = 0; index < count; index++) {
    starts[index] = offset;
    offset += sizeAt(index);
  }
  return { starts, total: offset };
}

/** The index of the last row that starts at or before `offset` (0 when none does). */
export function rowAt(layout: Layout, offset: number): number {
  let low = 0;
  let high = layout.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((layout.starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The rows that intersect [top, bottom], widened by `overscan` rows on each side; null for an empty list. */
export function visibleRange(
  layout: Layout,
  top: number,
  bottom: number,
  overscan: number,
): [first: number, last: number] | null {
  const count = layout.starts.length;
  if (count === 0) return null;
  const first = Math.max(0, rowAt(layout, Math.max(0, top)) - overscan);
  const last = Math.min(count - 1, rowAt(layout, Math.max(0, bottom)) + overscan);
  return [first, last];
}

/**
 * The window scroll position that brings a row fully into view, moving as little as possible (null when it
 * already is): the same as scrollIntoView({ block: 'nearest' }) for a row that is not in the DOM yet.
 */
export function scrollToShow(
  layout: Layout,
  index: number,
  size: number,
  viewport: { top: number; height: number },
): number | null {
  const start = layout.starts[index];
  if (start === undefined) return null;
  if (start < viewport.top) return start;
  if (start + size > viewport.top + viewport.height) return start + size - viewport.height;
  return null;
}
