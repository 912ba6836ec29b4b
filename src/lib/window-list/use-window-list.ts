import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { computeLayout, rowAt, scrollToShow, visibleRange, type Layout } from './layout.ts';
import { RowSizes, type Anchor } from './row-sizes.ts';

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
}

interface Viewport {
  top: number;
  height: number;
}

const readViewport = (): Viewport => ({ top: window.scrollY, height: window.innerHeight });

/**
 * A list virtualized against the window: only the rows near the viewport are rendered, each positioned from
 * measured heights (estimates until a row has been seen). Render each row in an element with
 * `ref={measure}` and `data-row-key={row.key}`, translated by `row.start`, inside a container of `totalSize`
 * height that is given `attach` as its ref.
 */
export function useWindowList<T>({
  items,
  keyOf,
  estimate,
  overscan,
  probeOffset = 100,
}: Options<T>) {
  // What scroll handlers and the size observer need from the last render.
  const current = useRef<Anchor & { range: string }>({
    layout: computeLayout(0, () => 0),
    indexOf: new Map(),
    margin: 0,
    range: '',
  });
  const [sizes] = useState(() => new RowSizes());
  const measured = useSyncExternalStore(sizes.subscribe, sizes.getSnapshot, sizes.getSnapshot);
  const [margin, setMargin] = useState(0);
  const [viewport, setViewport] = useState(readViewport);
  const probe = useRef(probeOffset);
  useLayoutEffect(() => {
    probe.current = probeOffset;
  }, [probeOffset]);

  const { layout, indexOf } = useMemo(() => {
    const indexOf = new Map<string, number>();
    items.forEach((item, index) => indexOf.set(keyOf(item), index));
    const layout = computeLayout(items.length, (index) => {
      const item = items[index] as T;
      return measured.get(keyOf(item)) ?? estimate(item);
    });
    return { layout, indexOf };
  }, [items, keyOf, estimate, measured]);

  useLayoutEffect(() => {
    Object.assign(current.current, { layout, indexOf, margin });
    sizes.setAnchor({ layout, indexOf, margin });
  }, [sizes, layout, indexOf, margin]);

  // Scrolling re-renders only when the rendered range or the first visible row would change.
  useEffect(() => {
    const update = () => {
      const next = readViewport();
      const { layout, margin } = current.current;
      const range = rangeKey(layout, next, margin, overscan, probe.current);
      if (range === current.current.range) return;
      current.current.range = range;
      setViewport(next);
    };
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [overscan]);

  const attach = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const measure = () => setMargin(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const range = visibleRange(
    layout,
    viewport.top - margin,
    viewport.top - margin + viewport.height,
    overscan,
  );
  const rows: WindowRow[] = [];
  if (range) {
    for (let index = range[0]; index <= range[1]; index++) {
      rows.push({ index, key: keyOf(items[index] as T), start: layout.starts[index] ?? 0 });
    }
  }

  /** Scrolls the window just enough to bring a row into view, whether or not it is rendered. */
  const scrollToIndex = useCallback(
    (index: number) => {
      const size = (layout.starts[index + 1] ?? layout.total) - (layout.starts[index] ?? 0);
      const viewport = readViewport();
      const target = scrollToShow(layout, index, size, {
        top: viewport.top - margin,
        height: viewport.height,
      });
      if (target !== null) window.scrollTo({ top: target + margin });
    },
    [layout, margin],
  );

  /** The row that lies `offset` pixels below the top of the window (-1 for an empty list). */
  const rowBelowTop = (offset: number) =>
    items.length === 0 ? -1 : rowAt(layout, viewport.top - margin + offset);

  return {
    rows,
    totalSize: layout.total,
    attach,
    measure: sizes.observe,
    scrollToIndex,
    rowBelowTop,
  };
}

function rangeKey(
  layout: Layout,
  viewport: Viewport,
  margin: number,
  overscan: number,
  probeOffset: number,
): string {
  const top = viewport.top - margin;
  const range = visibleRange(layout, top, top + viewport.height, overscan);
  return `${range?.join('-')}:${rowAt(layout, top + probeOffset)}`;
}
