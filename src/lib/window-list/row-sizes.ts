import type { Layout } from './layout.ts';

export interface MeasuredSizes {
  get(key: string): number | undefined;
}

/** What the list looked like at its last render, so that a row resized above the viewport does not move it. */
export interface Anchor {
  layout: Layout;
  indexOf: Map<string, number>;
  /** The list's top in document coordinates. */
  margin: number;
}

/**
 * The measured height of each rendered row, by key, kept across renders so that a row keeps its height after
 * it leaves the DOM. One ResizeObserver watches every rendered row; subscribers hear about each batch of changes.
 */
export class RowSizes {
  private sizes = new Map<string, number>();
  private listeners = new Set<() => void>();
  private observer: ResizeObserver | null = null;
  private snapshot: MeasuredSizes = { get: (key) => this.sizes.get(key) };
  private anchor: Anchor | null = null;

  /** Called after each render with the layout that render used. */
  setAnchor(anchor: Anchor) {
    this.anchor = anchor;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.observer?.disconnect();
        this.observer = null;
      }
    };
  };

  getSnapshot = () => this.snapshot;

  /** A ref callback for a row element that carries its key in `data-row-key`. */
  observe = (element: HTMLElement | null) => {
    if (!element) return;
    this.observer ??= new ResizeObserver((entries) => this.record(entries));
    this.observer.observe(element);
    return () => this.observer?.unobserve(element);
  };

  private record(entries: ResizeObserverEntry[]) {
    let changed = false;
    let shift = 0;
    for (const entry of entries) {
      const element = entry.target as HTMLElement;
      const key = element.dataset.rowKey;
      const height = entry.borderBoxSize?.[0]?.blockSize ?? element.getBoundingClientRect().height;
      if (!key || !element.isConnected || height <= 0 || this.sizes.get(key) === height) continue;
      shift += this.shiftAbove(key, height);
      this.sizes.set(key, height);
      changed = true;
    }
    if (!changed) return;
    this.snapshot = { get: (key) => this.sizes.get(key) };
    for (const listener of this.listeners) listener();
    if (shift !== 0) window.scrollBy(0, shift);
  }

  /** How far a row that lies wholly above the viewport pushes the rows below it when it takes this height. */
  private shiftAbove(key: string, height: number): number {
    const anchor = this.anchor;
    const index = anchor?.indexOf.get(key);
    if (!anchor || index === undefined) return 0;
    const { layout, margin } = anchor;
    const start = layout.starts[index] ?? 0;
    const previous = (layout.starts[index + 1] ?? layout.total) - start;
    return margin + start + previous <= window.scrollY ? height - previous : 0;
  }
}
