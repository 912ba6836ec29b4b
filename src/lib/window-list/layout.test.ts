import { describe, expect, it } from 'vitest';
import { computeLayout, rowAt, scrollToShow, visibleRange } from './layout.ts';

// Rows of 10, 20, 30, 40 and 50 px: they start at 0, 10, 30, 60 and 100; the list is 150 px tall.
const layout = computeLayout(5, (index) => (index + 1) * 10);

describe('window list layout', () => {
  it('places each row after the one before', () => {
    expect([...layout.starts]).toEqual([0, 10, 30, 60, 100]);
    expect(layout.total).toBe(150);
  });

  it('finds the row under an offset, clamping at both ends', () => {
    expect(rowAt(layout, -5)).toBe(0);
    expect(rowAt(layout, 0)).toBe(0);
    expect(rowAt(layout, 29)).toBe(1);
    expect(rowAt(layout, 30)).toBe(2);
    expect(rowAt(layout, 1000)).toBe(4);
  });

  it('renders the rows in view plus the overscan, and nothing for an empty list', () => {
    expect(visibleRange(layout, 15, 65, 0)).toEqual([1, 3]);
    expect(visibleRange(layout, 15, 65, 1)).toEqual([0, 4]);
    expect(visibleRange(layout, 140, 400, 2)).toEqual([2, 4]);
    expect(
      visibleRange(
        computeLayout(0, () => 10),
        0,
        100,
        3,
      ),
    ).toBeNull();
  });

  it('scrolls as little as it can to show a row, and not at all when it is in view', () => {
    const viewport = { top: 20, height: 50 };
    expect(scrollToShow(layout, 2, 30, viewport)).toBeNull();
    expect(scrollToShow(layout, 0, 10, viewport)).toBe(0);
    expect(scrollToShow(layout, 4, 50, viewport)).toBe(100);
    expect(scrollToShow(layout, 3, 40, viewport)).toBe(50);
    expect(scrollToShow(layout, 9, 10, viewport)).toBeNull();
  });
});
