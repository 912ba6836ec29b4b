import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface WindowRow {
  index: number;
  key: string;
  /** Offset from the list's top. */
  start: number;
}

interface Options<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** A height for rows not measured yet; keep it a stable function. */
  estimate: (item: T) => number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  /** Re-render when the row this far below the window's top changes (see rowBelowTop); default 100. */
  probeOffset?: number;
  /** What covers the window's top (sticky bars): a row scrolled to lands below it. */
  coveredTop?: number;
  /**
   * Items of one kind (the key this returns) that all have one height: it is measured on the first of them seen,
   * and again after the window resizes, instead of on every item as it mounts. Measuring an item forces a layout
   * in the middle of React's commit, and a height that differs from the estimate a second render: each filter
   * change or search, which mounts new rows, paid both (docs/decisions/016).
   */
  uniformBy?: (item: T) => string;
}

const NO_HEIGHTS: ReadonlyMap<string, number> = new Map();

/**
 * A list virtualized against the window, on @tanstack/react-virtual (decision 007): only the rows near the
 * viewport are rendered, each positioned from measured heights (estimates until a row has been seen; heights are
 * kept by key after a row leaves the DOM), and a row that grows above the viewport does not move the view.
 * Render each row in an element with `ref={measure}`, `data-index={row.index}` and `data-row-key={row.key}`,
 * translated by `row.start`, inside a container of `totalSize` height that is given `attach` as its ref.
 */
export function useWindowList<T>({
  items,
  keyOf,
  estimate,
  overscan,
  probeOffset = 100,
  coveredTop = 0,
  uniformBy,
}: Options<T>) {
  // The list's top in document coordinates: the virtualizer's scroll margin.
  const [margin, setMargin] = useState(0);
  // The heights measured once per kind (uniformBy), until the window resizes.
  const [heights, setHeights] = useState(NO_HEIGHTS);
  // Stable between renders of the same items: the virtualizer recomputes its positions when these change.
  const estimateSize = useCallback(
    (index: number) => {
      const item = items[index] as T;
      return (uniformBy && heights.get(uniformBy(item))) || estimate(item);
    },
    [items, estimate, uniformBy, heights],
  );
  const getItemKey = useCallback((index: number) => keyOf(items[index] as T), [items, keyOf]);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize,
    getItemKey,
    overscan,
    scrollMargin: margin,
    scrollPaddingStart: coveredTop,
  });

  /** The row that lies `offset` pixels below the top of the window (-1 for an empty list). */
  const rowBelowTop = useCallback(
    (offset: number) =>
      virtualizer.getVirtualItemForOffset((virtualizer.scrollOffset ?? window.scrollY) + offset)
        ?.index ?? -1,
    [virtualizer],
  );

  // The virtualizer re-renders when the rendered range changes; the row under the probe (the sticky day bar's
  // edge) can change without it, so scrolling also re-renders when that row changes.
  const probe = useRef(probeOffset);
  useLayoutEffect(() => {
    probe.current = probeOffset;
  }, [probeOffset]);
  const probedRow = useRef(-1);
  const [, setProbedRow] = useState(-1);
  useEffect(() => {
    const update = () => {
      const row = rowBelowTop(probe.current);
      if (row === probedRow.current) return;
      probedRow.current = row;
      setProbedRow(row);
    };
    window.addEventListener('scroll', update, { passive: true });
    return () => window.removeEventListener('scroll', update);
  }, [rowBelowTop]);

  const attach = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const measure = () => setMargin(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // A kind's height, from the first item of it mounted (the estimate stands until then); one mounted item of each
  // kind is kept, to be measured again when the window's width changes.
  const measuring = useRef(NO_HEIGHTS);
  const samples = useRef(new Map<string, HTMLElement>());
  const measureKind = useCallback(
    (element: HTMLElement | null) => {
      if (!element || !uniformBy) return;
      const item = items[Number(element.dataset.index)];
      if (item === undefined) return;
      const kind = uniformBy(item);
      samples.current.set(kind, element);
      if (measuring.current.has(kind)) return;
      const height = element.getBoundingClientRect().height;
      if (height <= 0) return;
      const next = new Map(measuring.current).set(kind, height);
      measuring.current = next;
      setHeights(next);
    },
    [items, uniformBy],
  );
  // Text may now wrap or scale differently (zoom, a narrower window): each kind measured again on an item shown.
  // (Only the width: a phone's address bar showing or hiding changes the height alone.)
  useEffect(() => {
    if (!uniformBy) return;
    let width = window.innerWidth;
    const remeasure = () => {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      const next = new Map<string, number>();
      for (const [kind, element] of samples.current) {
        const height = element.isConnected ? element.getBoundingClientRect().height : 0;
        if (height > 0) next.set(kind, height);
      }
      const same =
        next.size === measuring.current.size &&
        [...next].every(([kind, height]) => measuring.current.get(kind) === height);
      if (same) return;
      measuring.current = next;
      setHeights(next);
    };
    window.addEventListener('resize', remeasure);
    return () => window.removeEventListener('resize', remeasure);
  }, [uniformBy]);
  // New heights: every position is worked out again from them.
  const placedWith = useRef(NO_HEIGHTS);
  useLayoutEffect(() => {
    if (placedWith.current === heights) return;
    placedWith.current = heights;
    virtualizer.measure();
  }, [heights, virtualizer]);

  /** Scrolls the window just enough to bring a row into view, whether or not it is rendered. */
  const scrollToIndex = useCallback(
    (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    [virtualizer],
  );

  const rows: WindowRow[] = virtualizer.getVirtualItems().map((item) => ({
    index: item.index,
    key: String(item.key),
    start: item.start - virtualizer.options.scrollMargin,
  }));

  return {
    rows,
    totalSize: virtualizer.getTotalSize(),
    attach,
    measure: uniformBy ? measureKind : virtualizer.measureElement,
    scrollToIndex,
    rowBelowTop,
  };
}
