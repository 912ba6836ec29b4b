// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keepRow, useKeptRows } from './kept-rows.ts';

describe('rows kept while reading under "unread only"', () => {
  it('keeps every one opened from the list until the view is left, across a visit to a page', () => {
    const { result, rerender, unmount } = renderHook(
      ({ list, open }: { list: string; open: string | null }) => useKeptRows(list, [open]),
      { initialProps: { list: 'inbox|unread', open: '1' } },
    );
    rerender({ list: 'inbox|unread', open: '2' });
    expect([...result.current]).toEqual(['1', '2']);
    // On a phone: the list goes away while a notification's page is open, and Next there opens another.
    unmount();
    keepRow('inbox|unread', '3');
    const back = renderHook(() => useKeptRows('inbox|unread', [null]));
    expect([...back.result.current]).toEqual(['1', '2', '3']);
    back.unmount();
    // Another view: nothing is kept there, and coming back later starts afresh.
    const other = renderHook(() => useKeptRows('mentions|unread', [null]));
    expect(other.result.current.size).toBe(0);
    other.unmount();
    expect(renderHook(() => useKeptRows('inbox|unread', [null])).result.current.size).toBe(0);
  });
});
