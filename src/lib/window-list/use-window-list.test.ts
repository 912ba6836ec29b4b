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

const rowElement = (key: string) => {
  const element = document.createElement('div');
  element.dataset.rowKey = key;
  document.body.append(element);
  return element;
};

beforeEach(() => {
  observed = null;
  vi.stubGlobal('ResizeObserver', TestResizeObserver);
  Object.assign(window, { scrollY: 0, innerHeight: 500 });
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
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
    // 500 px of viewport is 10 rows of 50; the row at the bottom edge and 2 rows of overscan below.
    expect(indexes).toEqual(Array.from({ length: 13 }, (_, index) => index));
    expect(result.current.rows[3]).toEqual({ index: 3, key: 'row-3', start: 150 });
  });

  it('follows the window as it scrolls, re-rendering only when the range changes', () => {
    const { result } = render();
    scrollWindowTo(10_000);
    const indexes = result.current.rows.map((row) => row.index);
    expect(indexes[0]).toBe(198);
    expect(indexes.at(-1)).toBe(212);
    expect(result.current.rowBelowTop(100)).toBe(202);
  });

  it('places rows from their measured heights once seen, and keeps the view still when a row above it grows', () => {
    const { result } = render();
    const first = rowElement('row-0');
    act(() => void result.current.measure(first));
    // Scrolled past the first rows: row 0 growing by 30 px would push everything down, so the window follows.
    scrollWindowTo(1000);
    resize(first, 80);
    expect(result.current.totalSize).toBe(50_030);
    expect(result.current.rows.find((row) => row.index === 21)?.start).toBe(1080);
    expect(window.scrollBy).toHaveBeenCalledWith(0, 30);

    // A row in view that grows does not move the window.
    const visible = rowElement('row-22');
    act(() => void result.current.measure(visible));
    vi.mocked(window.scrollBy).mockClear();
    resize(visible, 120);
    expect(window.scrollBy).not.toHaveBeenCalled();
  });

  it('scrolls just enough to show a row, counting the list’s offset in the page', () => {
    const { result } = render();
    const container = document.createElement('div');
    container.getBoundingClientRect = () => ({ top: 200 }) as DOMRect;
    act(() => void result.current.attach(container));
    act(() => result.current.scrollToIndex(40));
    // Row 40 ends at 2050 in the list; the list starts 200 px down the page; the viewport is 500 px tall.
    expect(window.scrollTo).toHaveBeenCalledWith({ top: 2050 - 500 + 200 });
    vi.mocked(window.scrollTo).mockClear();
    act(() => result.current.scrollToIndex(1));
    expect(window.scrollTo).not.toHaveBeenCalled();
  });
});
