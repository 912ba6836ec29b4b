// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWindowList } from './use-window-list.ts';

const items = Array.from({ length: 1000 }, (_, index) => ({ id: `row-${index}` }));
const keyOf = (item: { id: string }) => item.id;
const estimate = () => 50;

/** A ResizeObserver the test drives: it reports the heights it is told to. */
let observed: ((entries: ResizeObserverEntry[]) => void) | null = null;
class TestResizeObserver {
  constructor(callback: (entries: ResizeObserverEntry[]) => void) {
    observed = callback;
  }
  observe() {}
  unobserve() {}
  disconnect() {}
}

function resize(element: HTMLElement, height: number) {
  act(() =>
    observed?.([
      { target: element, borderBoxSize: [{ blockSize: height, inlineSize: 0 }] },
    ] as unknown as ResizeObserverEntry[]),
  );
}

function scrollWindowTo(top: number) {
  act(() => {
    Object.assign(window, { scrollY: top });
    window.dispatchEvent(new Event('scroll'));
  });
}

/** Waits for the virtualizer to decide the scrolling has ended (150 ms without a scroll event). */
const scrollingEnds = () => act(() => new Promise((resolve) => setTimeout(resolve, 200)));

/** A rendered row as VirtualFeed makes it, 50 px tall when first measured. */
const rowElement = (index: number) => {
  const element = document.createElement('div');
  element.dataset.index = String(index);
  element.dataset.rowKey = `row-${index}`;
  Object.defineProperty(element, 'offsetHeight', { value: 50 });
  document.body.append(element);
  return element;
};

beforeEach(() => {
  observed = null;
  vi.stubGlobal('ResizeObserver', TestResizeObserver);
  Object.assign(window, { ResizeObserver: TestResizeObserver });
  Object.assign(window, { scrollY: 0, innerHeight: 500 });
  // The page is as tall as the list, so that the virtualizer may scroll anywhere in it.
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    value: 60_000,
    configurable: true,
  });
  // Scrolling moves the window at once, as an instant scroll does.
  window.scrollTo = vi.fn(({ top }: ScrollToOptions) => {
    Object.assign(window, { scrollY: top });
    window.dispatchEvent(new Event('scroll'));
  }) as unknown as typeof window.scrollTo;
  window.scrollBy = vi.fn() as unknown as typeof window.scrollBy;
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

const render = () => renderHook(() => useWindowList({ items, keyOf, estimate, overscan: 2 }));

describe('useWindowList', () => {
  it('renders only the rows near the viewport, placed from estimates, in a container of the full height', () => {
    const { result } = render();
    expect(result.current.totalSize).toBe(50_000);
    const indexes = result.current.rows.map((row) => row.index);
    // 500 px of viewport is 10 rows of 50, and 2 rows of overscan below.
    expect(indexes).toEqual(Array.from({ length: 12 }, (_, index) => index));
    expect(result.current.rows[3]).toEqual({ index: 3, key: 'row-3', start: 150 });
  });

  it('follows the window as it scrolls, re-rendering only when the range changes', () => {
    const { result } = render();
    scrollWindowTo(10_000);
    const indexes = result.current.rows.map((row) => row.index);
    expect(indexes[0]).toBe(198);
    expect(indexes.at(-1)).toBe(211);
    expect(result.current.rowBelowTop(100)).toBe(202);
    expect(result.current.rowBelowTop(149)).toBe(202);
    expect(result.current.rowBelowTop(150)).toBe(203);
  });

  it('re-renders when the row under the probe changes, though the rendered range does not', () => {
    let renders = 0;
    renderHook(() => {
      renders++;
      return useWindowList({ items, keyOf, estimate, overscan: 2, probeOffset: 125 });
    });
    scrollWindowTo(10_005);
    const before = renders;
    // Rows 200 to 210 in view, row 202 under the probe (10,140): nothing to draw.
    scrollWindowTo(10_015);
    expect(renders).toBe(before);
    // Row 203 is under the probe now (10,155); the rows in view are the same.
    scrollWindowTo(10_030);
    expect(renders).toBe(before + 1);
  });

  it('places rows from their measured heights once seen, and keeps the view still when a row above it grows', async () => {
    const { result } = render();
    const first = rowElement(0);
    act(() => void result.current.measure(first));
    // Scrolled past the first rows: row 0 growing by 30 px would push everything down, so the window follows.
    scrollWindowTo(1000);
    await scrollingEnds();
    resize(first, 80);
    expect(result.current.totalSize).toBe(50_030);
    expect(result.current.rows.find((row) => row.index === 21)?.start).toBe(1080);
    expect(window.scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 1030 }));

    // A row in view that grows does not move the window.
    const visible = rowElement(22);
    act(() => void result.current.measure(visible));
    vi.mocked(window.scrollTo).mockClear();
    resize(visible, 120);
    expect(result.current.totalSize).toBe(50_100);
    expect(window.scrollTo).not.toHaveBeenCalled();

    // Its height is kept once it has left the DOM.
    scrollWindowTo(0);
    visible.remove();
    scrollWindowTo(20_000);
    expect(result.current.totalSize).toBe(50_100);
  });

  it('with uniformBy, measures one item of each kind, places every one of that kind from it, and again after a resize', () => {
    const mixed = Array.from({ length: 100 }, (_, index) => ({
      id: `item-${index}`,
      kind: index % 10 === 0 ? 'header' : 'row',
    }));
    const kindOf = (item: { kind: string }) => item.kind;
    const { result } = renderHook(() =>
      useWindowList({ items: mixed, keyOf, estimate, overscan: 2, uniformBy: kindOf }),
    );
    expect(result.current.totalSize).toBe(5_000);
    const sized = (index: number, height: number) => {
      const element = document.createElement('div');
      element.dataset.index = String(index);
      const measured = vi.fn(() => ({ height }) as DOMRect);
      element.getBoundingClientRect = measured;
      return { element, measured };
    };
    const header = sized(0, 28);
    act(() => void result.current.measure(header.element));
    const row = sized(1, 45);
    act(() => void result.current.measure(row.element));
    // 10 headers of 28 and 90 rows of 45: every one placed from the one measured of its kind.
    expect(result.current.totalSize).toBe(10 * 28 + 90 * 45);
    expect(result.current.rows.find((item) => item.index === 11)?.start).toBe(28 + 9 * 45 + 28);
    // Another row mounting is not measured (no layout forced in the commit).
    const other = sized(2, 45);
    act(() => void result.current.measure(other.element));
    expect(other.measured).not.toHaveBeenCalled();
    // The window's height alone changing (a phone's address bar) measures nothing.
    document.body.append(header.element, other.element);
    act(() => {
      Object.assign(window, { innerHeight: 400 });
      window.dispatchEvent(new Event('resize'));
    });
    expect(other.measured).not.toHaveBeenCalled();
    // Its width changing (zoom, text reflowed): an item of each kind still shown is measured again at once.
    other.element.getBoundingClientRect = vi.fn(() => ({ height: 60 }) as DOMRect);
    act(() => {
      Object.assign(window, { innerWidth: 700 });
      window.dispatchEvent(new Event('resize'));
    });
    expect(result.current.totalSize).toBe(10 * 28 + 90 * 60);
  });

  it('scrolls just enough to show a row, counting the list’s offset in the page', async () => {
    const { result } = render();
    const container = document.createElement('div');
    container.getBoundingClientRect = () => ({ top: 200 }) as DOMRect;
    act(() => void result.current.attach(container));
    act(() => result.current.scrollToIndex(40));
    // Row 40 ends at 2050 in the list; the list starts 200 px down the page; the viewport is 500 px tall.
    expect(window.scrollTo).toHaveBeenCalledWith(
      expect.objectContaining({ top: 2050 - 500 + 200 }),
    );
    expect(window.scrollY).toBe(1750);
    await scrollingEnds();
    // Row 35 (1950 to 2000 in the page) is in view: nothing moves.
    act(() => result.current.scrollToIndex(35));
    await scrollingEnds();
    expect(window.scrollY).toBe(1750);
    // Row 10 is above the view: it comes to the top.
    act(() => result.current.scrollToIndex(10));
    expect(window.scrollY).toBe(200 + 500);
  });
});
